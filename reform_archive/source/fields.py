"""Reads the composed YAML front matter key by key into a :class:`SourceArticle`,
collecting every problem with its line (pure; :func:`reform_archive.source.parse.parse_article`)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import yaml

from reform_archive.config import NOT_XML, describe_characters
from reform_archive.errors import Problem, error, warning
from reform_archive.readonly import ReadOnlyMapping
from reform_archive.source.article import EARLIEST_YEAR, LATEST_YEAR, TOPICS, Source, SourceArticle
from reform_archive.source.cover import Cover, read_cover
from reform_archive.source.documents import looks_like_document, normalise_document
from reform_archive.source.keys import READ_KEYS, unknown_key
from reform_archive.source.messages import say
from reform_archive.source.terms import WrittenTerm, file_terms
from reform_archive.source.yaml_errors import Lines, quoted
from reform_archive.source.yaml_loader import MAX_DEPTH, MAX_VALUES, FrontMatterLoader, node_shape
from reform_archive.text.dates import PRECISIONS
from reform_archive.text.term_names import TermNames
from reform_archive.text.vietnamese import nfc, slugify

__all__ = ["FieldReader"]

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class FieldReader:
    """Reads the composed YAML mapping key by key, collecting every problem."""

    def __init__(self, path: str, node: yaml.MappingNode, lines: Lines, language: str, names: TermNames):
        self.path = path
        self.language = language
        self.names = names
        self.value_lines: dict[tuple[str, str], int] = {}  # (key, a value of its list) -> the value's line
        self.problems: list[Problem] = []
        self.nodes: dict[str, yaml.Node] = {}
        self.lines: dict[str, int] = {}
        self.refused: set[str] = set()  # keys whose value is never constructed
        self.written: list[WrittenTerm] = []
        self.positions = lines
        for key, value_node, line in self._pairs(node):
            self.nodes[key] = value_node
            self.lines[key] = line
            self._screen(key, value_node, lines)
        for key, line in self.lines.items():
            if (unknown := unknown_key(key, language)) is not None:
                self.problems.append(warning(path, line, unknown))

    def _pairs(self, node: yaml.MappingNode) -> list[tuple[str, yaml.Node, int]]:
        """(key, value, line) of a mapping; a key that is not text, or is there twice, is an error."""
        pairs: list[tuple[str, yaml.Node, int]] = []
        first: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = self.positions.at(key_node.start_mark.index)
            if not isinstance(key_node, yaml.ScalarNode):
                kind = say(self.language, _kind(key_node))
                self.problems.append(error(self.path, line, say(self.language, "key_not_text", kind=kind)))
                continue
            key = self._clean(str(key_node.value), key_node, "", self.positions)
            if key in first:
                self.problems.append(error(self.path, line, say(self.language, "key_twice", key=key, first=first[key])))
                continue
            first[key] = line
            pairs.append((key, value_node, line))
        return pairs

    def _screen(self, key: str, node: yaml.Node, lines: Lines) -> None:
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

    def _clean(self, value: str, node: yaml.Node, key: str, lines: Lines) -> str:
        found = "".join(dict.fromkeys(NOT_XML.findall(value)))
        for character in found:
            where = f"'{key}'" if key else "a key"
            self.problems.append(
                warning(
                    self.path,
                    lines.at(node.start_mark.index),
                    f"{where} holds {describe_characters(character)}, which XML does not allow: removed",
                )
            )
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
                    self.value_lines[key, value] = self.positions.at(item.start_mark.index)
            elif (
                isinstance(item, yaml.MappingNode)
                and not item.flow_style
                and len(item.value) == 1
                and all(isinstance(part, yaml.ScalarNode) for part in item.value[0])
            ):  # - Hà Tĩnh: một cửa
                fixed = quoted(f"{item.value[0][0].value}: {item.value[0][1].value}")
                self.problems.append(
                    error(
                        self.path,
                        self.positions.at(item.start_mark.index),
                        say(self.language, "colon_in_value", fixed=fixed),
                    )
                )
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
                self.fail(
                    key, f"missing required key '{key}' (an ISO date such as 2022-09-09 or 2022-09-09T07:05:00+07:00)"
                )
            return None
        try:
            parsed = datetime.fromisoformat(value) if ("T" in value or " " in value) else None
            if parsed is None:
                parsed = datetime.combine(date.fromisoformat(value), time())
        except ValueError:
            self.fail(
                key, f"'{key}' must be an ISO date such as 2022-09-09 or 2022-09-09T07:05:00+07:00, got {value!r}"
            )
            return None
        try:  # archives, permalinks and displayed times follow the site's clock
            placed: datetime | None = parsed.astimezone(tz) if parsed.tzinfo else parsed.replace(tzinfo=tz)
        except OverflowError:  # 0001-01-01T00:00:00+14:00 is in year 0 anywhere west of it
            placed = None
        if placed is None or not EARLIEST_YEAR <= placed.year <= LATEST_YEAR:
            self.fail(
                key,
                f"'{key}' must fall between the years {EARLIEST_YEAR} and {LATEST_YEAR} "
                f"(in the site's time zone), got {value!r}",
            )
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
        cited = self.texts("documents")
        documents = tuple(dict.fromkeys(normalise_document(d) for d in cited))
        for written in cited:
            if not looks_like_document(normalise_document(written)):
                self.problems.append(
                    warning(self.path, self.lines["documents"], say(self.language, "not_a_document", written=written))
                )
        filed = {key: self._filed(key) for key in ("topics", "provinces", "tags")}
        summary = self.text("summary")
        if not summary:
            self.problems.append(warning(self.path, 1, "no 'summary': feeds and lists will show the first paragraph"))

        article = SourceArticle(
            path=self.path,
            title=title,
            date=when or datetime.min,
            body=body,
            body_line=body_line,
            slug=slug,
            summary=summary,
            lastmod=self.moment("lastmod", tz, required=False),
            tags=filed["tags"],
            draft=draft,
            aliases=self._aliases(),
            category=self.text("category"),
            authors=self._authors(),
            source=self._source(),
            provinces=filed["provinces"],
            topics=filed["topics"],
            documents=documents,
            date_precision=precision,
            raw=self.text("raw"),
            source_sha256=sha,
            extra=self._extra(),
            written_terms=tuple(self.written),
            cover=self._cover(),
        )
        failed = any(p.level == "error" for p in self.problems)
        if when is None and not failed:  # a draft the importer found no date for
            self.problems.append(
                warning(
                    self.path,
                    self.lines.get("draft", 1),
                    "draft without a 'date': left out of the site, even with --drafts, until it has one",
                )
            )
            return None, self.problems
        return (None if failed else article), self.problems

    def _filed(self, taxonomy: str, keys: tuple[str, ...] = ()) -> tuple[str, ...]:
        """The names the values of ``keys`` (the taxonomy's own by default) are filed under, each
        value read once so a problem is reported once (:func:`reform_archive.source.terms.file_terms`)."""
        written = {
            value: self.value_lines.get((key, value), self.lines.get(key, 1))
            for key in keys or (taxonomy,)
            for value in self.texts(key)
        }
        filed, found, problems = file_terms(
            taxonomy, list(written.items()), self.names, self.path, self.language, TOPICS
        )
        self.written += found
        self.problems += problems
        return filed

    def _cover(self) -> Cover | None:
        cover, problems = read_cover(
            self.text("image"),
            self.text("image_alt"),
            "image_alt" in self.nodes,
            self.path,
            self.lines.get("image", 1),
            self.lines.get("image_alt", 1),
        )
        self.problems += problems
        return cover

    def _authors(self) -> tuple[str, ...]:
        """`author` (Jekyll) and `authors` (Hugo) together, `author` first."""
        return self._filed("authors", ("author", "authors"))

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
            name, url = (
                str(fields[k].value).strip() if isinstance(fields.get(k), yaml.ScalarNode) else ""
                for k in ("name", "url")
            )
            if url and not re.match(r"https?://", url):
                self.fail("source", f"'source.url' must be an http(s) URL, got {url!r}")
            if not name:
                self.fail("source", "'source' needs a 'name'")
            return Source(nfc(name), url)
        self.fail("source", "'source' must be a name or a mapping with name and url")
        return None

    def _extra(self) -> Mapping[str, Any]:
        """For templates: the importer's keys, unknown keys (with their warning) and, over
        them, what is under ``extra:``."""
        pairs = [
            (key, node, self.lines[key])
            for key, node in self.nodes.items()
            if key not in READ_KEYS and key not in self.refused
        ]
        nested = self.nodes.get("extra")
        if nested is not None and not _is_null(nested) and "extra" not in self.refused:
            if isinstance(nested, yaml.MappingNode):
                pairs += self._pairs(nested)
            else:
                self.fail("extra", say(self.language, "extra_not_mapping"))
        extra = {}
        for key, node, line in pairs:
            try:
                extra[key] = FrontMatterLoader("").construct_document(node)
            except yaml.MarkedYAMLError as exc:  # an unknown tag, a !!map that is a list
                self.problems.append(error(self.path, line, f"cannot read '{key}': {exc.problem or exc.context}"))
            except (ValueError, TypeError, KeyError, OverflowError) as exc:  # !!int abc, !!timestamp 2020-13-45
                detail = f"{exc.args[0]!r} is not a boolean" if isinstance(exc, KeyError) else str(exc)
                self.problems.append(error(self.path, line, f"cannot read '{key}': {detail}"))
        return ReadOnlyMapping(extra)


def _is_null(node: yaml.Node) -> bool:
    return (
        isinstance(node, yaml.ScalarNode)
        and node.tag.endswith(":null")
        and node.value in ("", "~", "null", "Null", "NULL")
    )


def _kind(node: yaml.Node) -> str:
    return {yaml.MappingNode: "mapping", yaml.SequenceNode: "list"}.get(type(node), "value")
