"""One content file's text -> a validated :class:`SourceArticle` (pure, no I/O).

Front matter is split by python-frontmatter and composed by PyYAML so that every key
keeps its line: problems point at the line an editor has to fix.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import frontmatter
import yaml

from reform_archive.config import NOT_XML, describe_characters
from reform_archive.errors import Problem, error, warning
from reform_archive.readonly import ReadOnlyMapping
from reform_archive.source.yaml_loader import MAX_DEPTH, MAX_VALUES, FrontMatterLoader, node_shape
from reform_archive.text.dates import PRECISIONS
from reform_archive.text.vietnamese import nfc, slugify

__all__ = ["TOPICS", "Source", "SourceArticle", "normalise_document", "parse_article"]

TOPICS = (
    "thể chế",
    "thủ tục hành chính",
    "tổ chức bộ máy",
    "chế độ công vụ",
    "tài chính công",
    "chính quyền điện tử/số",
)
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_DOCUMENT = re.compile(r"^\d[\w.]*(?:[/-][\w.Đđ]+)+$")
_FRONT_MATTER_HANDLER = frontmatter.default_handlers.YAMLHandler()
# Four-digit years, with a year to spare at each end for any time-zone offset: dates are
# converted to UTC (feeds, sitemaps, scripts), which overflows at the ends of Python's range.
EARLIEST_YEAR, LATEST_YEAR = 1000, 9998


@dataclass(frozen=True)
class Source:
    name: str
    url: str = ""


@dataclass(frozen=True)
class SourceArticle:
    """An article as written in content/, validated but not yet placed in a site."""

    path: str
    title: str
    date: datetime
    body: str
    body_line: int
    slug: str
    summary: str = ""
    lastmod: datetime | None = None
    tags: tuple[str, ...] = ()
    draft: bool = False
    aliases: tuple[str, ...] = ()
    category: str = ""
    authors: tuple[str, ...] = ()
    source: Source | None = None
    provinces: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    date_precision: str = "day"
    raw: str = ""
    source_sha256: str = ""
    extra: Mapping[str, Any] = field(default_factory=lambda: ReadOnlyMapping({}))


def normalise_document(number: str) -> str:
    """"số 72/tb-ubnd" -> "72/TB-UBND"; "23/ct-ttg" -> "23/CT-TTg" (the Prime Minister's
    code is written TTg by convention)."""
    cleaned = re.sub(r"\s+", "", nfc(number))
    cleaned = re.sub(r"^(?:số|Số|SỐ)", "", cleaned)
    return re.sub(r"TTG\b", "TTg", cleaned.upper())


def parse_article(text: str, path: str, tz: ZoneInfo) -> tuple[SourceArticle | None, list[Problem]]:
    text = nfc(text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
    if not _FRONT_MATTER_HANDLER.detect(text):
        return None, [error(path, 1, "no front matter: the file must start with a '---' line")]
    try:
        front, body = _FRONT_MATTER_HANDLER.split(text)
    except ValueError:
        return None, [error(path, 1, "front matter is not closed by a '---' line")]
    body_start = len(text) - len(body)  # the body is the text after the closing '---'
    if body.startswith("\n"):
        body, body_start = body[1:], body_start + 1
    body_line = text.count("\n", 0, body_start) + 1
    lines = _Lines(front, text.count("\n", 0, text.find(front)) + 1)

    try:
        node = FrontMatterLoader(front).get_single_node()
    except yaml.reader.ReaderError as exc:  # a raw control character, which YAML forbids
        bad = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
        return None, [error(path, lines.at(max(front.find(bad), 0)),
                            f"invalid YAML in front matter: character {describe_characters(bad)} is not allowed; "
                            "remove it")]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = lines.at(mark.index) if mark else lines.first
        message = f"invalid YAML in front matter: {exc.problem or exc}"
        if exc.context and exc.context_mark and exc.context_mark is not mark:
            message += f" ({exc.context} on line {lines.at(exc.context_mark.index)})"
        return None, [error(path, line, message)]
    except yaml.YAMLError as exc:
        return None, [error(path, lines.first, f"invalid YAML in front matter: {exc}")]
    except UnicodeEncodeError as exc:  # a lone surrogate (never from a file: it was decoded as UTF-8)
        return None, [error(path, lines.at(exc.start), "invalid YAML in front matter: a lone surrogate "
                                                       f"{describe_characters(front[exc.start])} is not allowed")]
    except RecursionError:  # only PyYAML's pure-Python loader recurses; libyaml stops at 1000 levels
        return None, [error(path, lines.first, f"front matter nested too deeply (more than {MAX_DEPTH} levels)")]
    if node is None:
        node = yaml.MappingNode("tag:yaml.org,2002:map", [])
    if not isinstance(node, yaml.MappingNode):
        return None, [error(path, lines.at(node.start_mark.index), "front matter must be a mapping of keys to values")]
    body, body_problems = _without_non_xml(body, path, body_line)
    article, problems = _FieldReader(path, node, lines).read(body, body_line, tz)
    return article, problems + body_problems


class _Lines:
    """File lines of positions in the front matter. YAML's own marks count U+0085, U+2028
    and U+2029 as line breaks too, where editors and this file's other lines do not."""

    def __init__(self, front: str, first: int):
        self.first = first  # the file line of the front matter's first line
        self.breaks = [i for i, ch in enumerate(front) if ch == "\n"]

    def at(self, index: int) -> int:
        return self.first + bisect.bisect_left(self.breaks, index)


def _without_non_xml(body: str, path: str, first_line: int) -> tuple[str, list[Problem]]:
    """Characters XML 1.0 does not allow would make the feeds not well-formed: removed, with
    a warning on the line of the first."""
    found = NOT_XML.search(body)
    if found is None:
        return body, []
    line = first_line + body.count("\n", 0, found.start())
    removed = "".join(dict.fromkeys(NOT_XML.findall(body)))
    return NOT_XML.sub("", body), [warning(path, line, f"the body holds {describe_characters(removed)}, "
                                                       "which XML does not allow: removed")]


class _FieldReader:
    """Reads the composed YAML mapping key by key, collecting every problem."""

    def __init__(self, path: str, node: yaml.MappingNode, lines: _Lines):
        self.path = path
        self.problems: list[Problem] = []
        self.nodes: dict[str, yaml.Node] = {}
        self.lines: dict[str, int] = {}
        self.refused: set[str] = set()  # keys whose value is never constructed
        for key_node, value_node in node.value:
            line = lines.at(key_node.start_mark.index)
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(error(path, line, f"front-matter keys must be text, found a {_kind(key_node)}"))
                continue
            key = self._clean(str(key_node.value), key_node, "", lines)
            if key in self.nodes:
                self.problems.append(error(path, line, f"key '{key}' appears twice (first on line {self.lines[key]})"))
                continue
            self.nodes[key] = value_node
            self.lines[key] = line
            self._screen(key, value_node, lines)

    def _screen(self, key: str, node: yaml.Node, lines: _Lines) -> None:
        """Values are parsed by hand, constructed for templates and pickled (into the cache,
        to and from worker processes): nesting and alias expansion are bounded first, and
        characters XML does not allow are removed from every string."""
        shape = node_shape(node)
        if shape is None:
            self.fail(key, f"front matter nested too deeply: '{key}' contains itself (through a YAML alias)")
        elif shape.depth > MAX_DEPTH:
            self.fail(key, f"front matter nested too deeply: '{key}' has {shape.depth} levels (at most {MAX_DEPTH})")
        elif shape.values > MAX_VALUES:
            self.fail(key, f"'{key}' holds more than {MAX_VALUES} values (through YAML aliases)")
        else:
            for scalar in shape.scalars:
                scalar.value = self._clean(scalar.value, scalar, key, lines)
            return
        self.refused.add(key)

    def _clean(self, value: str, node: yaml.Node, key: str, lines: _Lines) -> str:
        found = "".join(dict.fromkeys(NOT_XML.findall(value)))
        for character in found:
            where = f"'{key}'" if key else "a key"
            self.problems.append(warning(self.path, lines.at(node.start_mark.index),
                                         f"{where} holds {describe_characters(character)}, "
                                         "which XML does not allow: removed"))
        return NOT_XML.sub("", value) if found else value

    def fail(self, key: str, message: str) -> None:
        self.problems.append(error(self.path, self.lines.get(key, 1), message))

    def text(self, key: str) -> str:
        node = self.nodes.get(key)
        if node is None or _is_null(node):
            return ""
        if isinstance(node, yaml.ScalarNode):
            return nfc(str(node.value)).strip()  # the scalar as written: "no" and "2024" stay text
        self.fail(key, f"'{key}' must be text, got a {_kind(node)}")
        return ""

    def texts(self, key: str) -> tuple[str, ...]:
        node = self.nodes.get(key)
        if node is None or _is_null(node):
            return ()
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        values = []
        for item in items:
            if isinstance(item, yaml.ScalarNode) and not _is_null(item):
                value = nfc(str(item.value)).strip()
                if value and value not in values:
                    values.append(value)
            else:
                self.fail(key, f"'{key}' must be a list of text, found a {_kind(item)}")
        return tuple(values)

    def boolean(self, key: str) -> bool:
        node = self.nodes.get(key)
        if node is None or _is_null(node):
            return False
        if isinstance(node, yaml.ScalarNode) and node.value in ("true", "True", "TRUE", "false", "False", "FALSE"):
            return bool(str(node.value).lower() == "true")
        self.fail(key, f"'{key}' must be true or false, got {getattr(node, 'value', node)!r}")
        return False

    def moment(self, key: str, tz: ZoneInfo, required: bool) -> datetime | None:
        value = self.text(key)
        if not value:
            if required:
                self.fail(key, f"missing required key '{key}' (an ISO date such as 2022-09-09 "
                               "or 2022-09-09T07:05:00+07:00)")
            return None
        try:
            parsed = datetime.fromisoformat(value) if ("T" in value or " " in value) else None
            if parsed is None:
                parsed = datetime.combine(date.fromisoformat(value), time())
        except ValueError:
            self.fail(key, f"'{key}' must be an ISO date such as 2022-09-09 or 2022-09-09T07:05:00+07:00, "
                           f"got {value!r}")
            return None
        try:  # archives, permalinks and displayed times follow the site's clock
            placed: datetime | None = parsed.astimezone(tz) if parsed.tzinfo else parsed.replace(tzinfo=tz)
        except OverflowError:  # 0001-01-01T00:00:00+14:00 is in year 0 anywhere west of it
            placed = None
        if placed is None or not EARLIEST_YEAR <= placed.year <= LATEST_YEAR:
            self.fail(key, f"'{key}' must fall between the years {EARLIEST_YEAR} and {LATEST_YEAR} "
                           f"(in the site's time zone), got {value!r}")
            return None
        return placed

    def read(self, body: str, body_line: int, tz: ZoneInfo) -> tuple[SourceArticle | None, list[Problem]]:
        title = self.text("title")
        if not title:
            self.fail("title", "missing required key 'title'")
        draft = self.boolean("draft")
        when = self.moment("date", tz, required=not draft)
        slug = self.text("slug") or slugify(title)
        if "slug" in self.nodes and not re.fullmatch(r"[\w-]+", slug):
            self.fail("slug", f"'slug' may hold only letters, digits, '-' and '_', got {slug!r}")
        elif title and not slug:
            self.fail("title", "cannot derive a slug from this title; set 'slug'")
        precision = self.text("date_precision") or "day"
        if precision not in PRECISIONS:
            self.fail("date_precision", f"'date_precision' must be one of {', '.join(PRECISIONS)}, got {precision!r}")
        sha = self.text("source_sha256")
        if sha and not _SHA256.match(sha):
            self.fail("source_sha256", "'source_sha256' must be 64 lowercase hex digits")
        documents = tuple(dict.fromkeys(normalise_document(d) for d in self.texts("documents")))
        for number in documents:
            if not _DOCUMENT.match(number):
                self.problems.append(warning(self.path, self.lines["documents"],
                                             f"'{number}' does not look like a document number such as 72/TB-UBND"))
        topics = self.texts("topics")
        for topic in topics:
            if topic.lower() not in TOPICS:
                self.problems.append(warning(self.path, self.lines["topics"],
                                             f"unknown topic '{topic}' (known: {'; '.join(TOPICS)})"))
        summary = self.text("summary")
        if not summary:
            self.problems.append(warning(self.path, 1, "no 'summary': feeds and lists will show the first paragraph"))

        article = SourceArticle(
            path=self.path, title=title, date=when or datetime.min, body=body, body_line=body_line,
            slug=slug, summary=summary, lastmod=self.moment("lastmod", tz, required=False),
            tags=self.texts("tags"), draft=draft, aliases=self._aliases(),
            category=self.text("category"), authors=self._authors(), source=self._source(),
            provinces=self.texts("provinces"), topics=topics, documents=documents,
            date_precision=precision, raw=self.text("raw"), source_sha256=sha, extra=self._extra(),
        )
        failed = any(p.level == "error" for p in self.problems)
        if when is None and not failed:  # a draft the importer found no date for
            self.problems.append(warning(self.path, self.lines.get("draft", 1),
                                         "draft without a 'date': left out of the site, even with --drafts, "
                                         "until it has one"))
            return None, self.problems
        return (None if failed else article), self.problems

    def _authors(self) -> tuple[str, ...]:
        """`author` (Jekyll) and `authors` (Hugo) together, each read once so a problem is reported once."""
        return tuple(dict.fromkeys(self.texts("author") + self.texts("authors")))

    def _aliases(self) -> tuple[str, ...]:
        aliases = []
        for alias in self.texts("aliases"):
            path = alias.lstrip("/")
            parts = path.rstrip("/").split("/")
            if not path or "://" in alias or "\\" in alias or any(part in ("", ".", "..") for part in parts):
                self.fail("aliases", f"alias {alias!r} must be a path inside the site, such as /old/path/")
                continue
            aliases.append(path)
        return tuple(aliases)

    def _source(self) -> Source | None:
        node = self.nodes.get("source")
        if node is None or _is_null(node):
            return None
        if isinstance(node, yaml.ScalarNode):
            return Source(name=nfc(str(node.value)).strip())
        if isinstance(node, yaml.MappingNode):
            fields = {str(k.value): v for k, v in node.value}
            unknown = set(fields) - {"name", "url"}
            if unknown:
                self.fail("source", f"'source' has unknown key(s) {sorted(unknown)}; expected name and url")
            name, url = (str(fields[k].value).strip() if isinstance(fields.get(k), yaml.ScalarNode) else ""
                         for k in ("name", "url"))
            if url and not re.match(r"https?://", url):
                self.fail("source", f"'source.url' must be an http(s) URL, got {url!r}")
            if not name:
                self.fail("source", "'source' needs a 'name'")
            return Source(nfc(name), url)
        self.fail("source", "'source' must be a name or a mapping with name and url")
        return None

    def _extra(self) -> Mapping[str, Any]:
        known = {"title", "date", "lastmod", "slug", "summary", "tags", "draft", "aliases", "category",
                 "author", "authors", "source", "provinces", "topics", "documents", "date_precision",
                 "raw", "source_sha256"}
        extra = {}
        for key, node in self.nodes.items():
            if key in known or key in self.refused:
                continue
            try:
                extra[key] = FrontMatterLoader("").construct_document(node)
            except yaml.MarkedYAMLError as exc:  # an unknown tag, a !!map that is a list
                self.fail(key, f"cannot read '{key}': {exc.problem or exc.context}")
            except (ValueError, TypeError, KeyError, OverflowError) as exc:  # !!int abc, !!timestamp 2020-13-45
                detail = f"{exc.args[0]!r} is not a boolean" if isinstance(exc, KeyError) else str(exc)
                self.fail(key, f"cannot read '{key}': {detail}")
        return ReadOnlyMapping(extra)


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null") and node.value in ("", "~", "null", "Null", "NULL")


def _kind(node: yaml.Node) -> str:
    return {yaml.MappingNode: "mapping", yaml.SequenceNode: "list"}.get(type(node), "value")
