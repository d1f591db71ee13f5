"""Front matter -> its composed YAML node, or what is wrong with it in words an editor can
act on (pure).

PyYAML stops at the first error and names it in its own terms ("mapping values are not
allowed in this context"), often on the line after the mistake. Here the text around the
error is read to say what to do, on the line to fix: a colon inside an unquoted value, a
value that starts with a sign YAML reads ('"', '[', '@', …), a tab used for indentation, a
list, mapping or quote left open (on the line that opened it), a key glued to its value,
a stray indentation. When the advice is a corrected line, that line is put in its place
and the front matter read again, so every such problem of the file is reported at once; a
correction is always one line for one line, so line numbers never shift.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import yaml

from reform_archive.config import describe_characters
from reform_archive.errors import Problem, error
from reform_archive.source.messages import say
from reform_archive.source.yaml_loader import MAX_DEPTH, FrontMatterLoader

__all__ = ["MAX_ROUNDS", "Composed", "Lines", "compose", "quoted"]

MAX_ROUNDS = 20  # corrections tried in one file before giving up on the rest
# `key: value` or `- key: value` as an editor writes it: the key plain, the value what follows ': '
_KEY_VALUE = re.compile(r"^(?P<lead>[ \t]*(?:-[ \t]+)*)(?P<key>[^\s:#'\"\[\]{},][^:#]*?)[ \t]*:[ \t]+(?P<value>\S.*)$")
_GLUED = re.compile(r"^(?P<lead>[ \t]*)(?P<key>[A-Za-z_][\w-]*):(?P<value>[^\s:/].*)$")  # title:Hà Tĩnh
_SIGNS = "\"'[{@`*&!%|>?"  # a plain value cannot start with these
_BREAKS = "\x85\u2028\u2029"  # line breaks to YAML 1.1, not to editors


class Lines:
    """File lines of positions in the front matter. YAML's own marks count U+0085, U+2028
    and U+2029 as line breaks too, where editors and this file's other lines do not."""

    def __init__(self, front: str, first: int):
        self.first = first  # the file line of the front matter's first line
        self.breaks = [i for i, ch in enumerate(front) if ch == "\n"]

    def at(self, index: int) -> int:
        return self.first + bisect.bisect_left(self.breaks, index)


@dataclass(frozen=True)
class Composed:
    node: yaml.Node | None  # None: nothing could be read; an empty front matter is an empty mapping
    lines: Lines  # for the text the node was composed from, after any correction
    problems: tuple[Problem, ...]  # errors; with a node, it is composed from the corrected text


@dataclass(frozen=True)
class _Finding:
    row: int  # 0 for the front matter's first line
    message: str
    fixed: str | None = None  # the corrected line, when the advice is one


def compose(front: str, first: int, path: str, language: str) -> Composed:
    problems: list[Problem] = []
    text = front
    for _ in range(MAX_ROUNDS):
        try:
            node = FrontMatterLoader(text).get_single_node()
        except (yaml.YAMLError, UnicodeEncodeError, RecursionError) as exc:
            finding = _diagnose(text, exc, first, language)
        else:
            empty = yaml.MappingNode("tag:yaml.org,2002:map", [])
            return Composed(empty if node is None else node, Lines(text, first), tuple(problems))
        if any(problem.line == first + finding.row for problem in problems):
            break  # a correction that did not help: the line's first message stands
        problems.append(error(path, first + finding.row, finding.message))
        if finding.fixed is None:
            break
        rows = text.split("\n")
        rows[finding.row] = finding.fixed
        text = "\n".join(rows)
    return Composed(None, Lines(text, first), tuple(problems))


def _diagnose(text: str, exc: BaseException, first: int, language: str) -> _Finding:
    rows = text.split("\n")
    if isinstance(exc, yaml.reader.ReaderError):  # a raw control character, which YAML forbids
        bad = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
        row = _row(text, max(text.find(bad), 0))
        return _Finding(
            row, say(language, "bad_character", character=describe_characters(bad)), rows[row].replace(bad, "")
        )
    if isinstance(exc, UnicodeEncodeError):  # a lone surrogate (never from a file: it was decoded as UTF-8)
        bad = text[exc.start]
        row = _row(text, exc.start)
        return _Finding(
            row, say(language, "lone_surrogate", character=describe_characters(bad)), rows[row].replace(bad, "")
        )
    if isinstance(exc, RecursionError):  # only PyYAML's pure-Python loader recurses
        return _Finding(0, say(language, "too_deep", depth=MAX_DEPTH))
    if not isinstance(exc, yaml.MarkedYAMLError) or (exc.problem_mark or exc.context_mark) is None:
        return _Finding(0, say(language, "yaml", detail=str(exc)))
    mark = exc.problem_mark or exc.context_mark
    assert mark is not None
    row, column = _row(text, mark.index), mark.index - text.rfind("\n", 0, mark.index) - 1
    opened = _row(text, exc.context_mark.index) if exc.context_mark is not None else row
    context = exc.context or ""
    quote = text[exc.context_mark.index] if exc.context_mark is not None and "quoted scalar" in context else ""
    for finding in (
        _break(rows, min(opened, row), language),
        _tab(rows, row, opened, str(exc.problem), language),
        _Finding(opened, say(language, "quote_not_closed", quote=quote), rows[opened].rstrip() + quote)
        if quote in ('"', "'")
        else None,
        _quote_left_open(text, rows, min(opened, row), row, language),
        _flow(rows, row, opened, context, language),
        _glued(rows, (opened, _above(rows, row), row), language),
        _stray_item(rows, row, language),
        _Finding(opened, say(language, "no_colon")) if "simple key" in context and opened < row else None,
        _colon(rows, row, column, language) if text[mark.index : mark.index + 1] == ":" else None,
        _sign(rows, row, column, language),
    ):
        if finding is not None:
            return finding
    detail = exc.problem or str(exc)
    if exc.context and exc.context_mark is not None and opened != row:
        return _Finding(row, say(language, "yaml_context", detail=detail, context=exc.context, line=first + opened))
    return _Finding(row, say(language, "yaml", detail=detail))


def _row(text: str, index: int) -> int:
    return text.count("\n", 0, index)


def _indent(row: str) -> str:
    return row[: len(row) - len(row.lstrip(" \t"))]


def _break(rows: list[str], row: int, language: str) -> _Finding | None:
    """U+0085, U+2028 or U+2029 in a plain value: a line break to YAML, nothing to an editor."""
    breaks = "".join(dict.fromkeys(c for c in rows[row] if c in _BREAKS))
    if not breaks:
        return None
    written = _KEY_VALUE.match(rows[row])
    fixed = _requoted(written) if written is not None else None
    return _Finding(row, say(language, "line_break", character=describe_characters(breaks)), fixed)


def _tab(rows: list[str], row: int, opened: int, problem: str, language: str) -> _Finding | None:
    candidates = [row] + (list(range(min(opened, row), row)) if "tab" in problem else [])
    for candidate in candidates:
        lead = _indent(rows[candidate])
        if "\t" in lead:
            return _Finding(candidate, say(language, "tab"), lead.replace("\t", "  ") + rows[candidate][len(lead) :])
    return None


def _open_quote_at(rows: list[str], row: int, language: str) -> _Finding | None:
    found = _unclosed_quote(rows[row])
    if found is None:
        return None
    quote = found[0]
    return _Finding(row, say(language, "quote_not_closed", quote=quote), rows[row].rstrip() + quote)


def _quote_left_open(text: str, rows: list[str], start: int, row: int, language: str) -> _Finding | None:
    """A quote opened on an earlier line and closed, if at all, by a quote that opens
    something else ('summary: "s"'): the mistake is on the line that opened it."""
    offset = sum(len(r) + 1 for r in rows[:start])
    for candidate in range(start, row):
        found = _unclosed_quote(rows[candidate])
        if found is not None:
            quote, opening = found[0], offset + found[1]
            closing = _closing(text, opening, quote)
            follows = text[closing + 1 : closing + 2] if closing >= 0 else ""
            if closing < 0 or follows not in ("", "\n", " ", ",", "]", "}", ":"):
                return _open_quote_at(rows, candidate, language)
        offset += len(rows[candidate]) + 1
    return None


def _flow(rows: list[str], row: int, opened: int, context: str, language: str) -> _Finding | None:
    if "flow sequence" not in context and "flow mapping" not in context:
        return None
    if row == opened:
        return _Finding(row, say(language, "list_items"))
    if "flow sequence" in context:
        return _Finding(opened, say(language, "list_not_closed"), rows[opened].rstrip() + "]")
    return _Finding(opened, say(language, "mapping_not_closed"), rows[opened].rstrip() + "}")


def _above(rows: list[str], row: int) -> int | None:
    """The nearest line above with something on it."""
    return next((r for r in range(row - 1, -1, -1) if rows[r].strip() and not rows[r].lstrip().startswith("#")), None)


def _glued(rows: list[str], candidates: tuple[int | None, ...], language: str) -> _Finding | None:
    """'title:Hà Tĩnh': to YAML one text, not a key, and the next line's key is then out of place."""
    for candidate in candidates:
        if candidate is not None and (glued := _GLUED.match(rows[candidate])) is not None:
            fixed = f"{glued['lead']}{glued['key']}: {glued['value']}"
            return _Finding(candidate, say(language, "space_after_colon", fixed=fixed.strip()), fixed)
    return None


def _stray_item(rows: list[str], row: int, language: str) -> _Finding | None:
    """'- b' under 'summary: s': a list item under a key that has a value already."""
    above = _above(rows, row)
    if rows[row].lstrip(" ").startswith(("- ", "-\t")) or rows[row].strip() == "-":
        if above is not None and _KEY_VALUE.match(rows[above]) and not rows[above].lstrip().startswith("-"):
            return _Finding(row, say(language, "stray_item"))
    return None


def _colon(rows: list[str], row: int, column: int, language: str) -> _Finding | None:
    """A ': ' YAML did not expect: inside a value, or a key's own on a line indented under a value."""
    written = _KEY_VALUE.match(rows[row])
    if written is not None and column >= written.start("value"):
        return _Finding(row, say(language, "colon_in_value", fixed=_requoted(written)), _requoted(written))
    above = _above(rows, row)
    if above is not None and _KEY_VALUE.match(rows[above]) and len(_indent(rows[row])) > len(_indent(rows[above])):
        return _Finding(row, say(language, "indented"), _indent(rows[above]) + rows[row].lstrip(" \t"))
    return None


def _sign(rows: list[str], row: int, column: int, language: str) -> _Finding | None:
    """A value that starts with a sign YAML reads, and goes on after it: '"Một cửa" điện tử',
    '[Infographic] …', '@UBND'."""
    written = _KEY_VALUE.match(rows[row])
    if written is None or written["value"][0] not in _SIGNS or column < written.start("value"):
        return None
    sign = written["value"][0]
    shown_sign = f"'{sign}'" if sign != "'" else '"\'"'
    fixed = _requoted(written)
    return _Finding(row, say(language, "quote_whole_value", sign=shown_sign, fixed=fixed), fixed)


def _requoted(written: re.Match[str]) -> str:
    """The line with its value in quotes; a list item is quoted whole ('- a: b' is one text)."""
    if "-" in written["lead"]:
        return written["lead"] + quoted(f"{written['key']}: {written['value']}")
    return f"{written['lead']}{written['key']}: {quoted(written['value'])}"


def quoted(value: str) -> str:
    """A YAML scalar for ``value`` as typed: double quotes unless it holds '"' or a
    backslash, else single quotes. Quotes around the whole value that broke on quotes
    inside it ('"Hà Tĩnh "một cửa""') were meant as YAML's and are not kept."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'" and value[0] in value[1:-1]:
        value = value[1:-1]
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def _unclosed_quote(row: str) -> tuple[str, int] | None:
    """The quote that opens a scalar on this line and is not closed on it, and where. A quote
    opens a scalar only where a value starts: after ': ', '- ', '[', '{' or ','."""
    starts, i = True, 0
    while i < len(row):
        character = row[i]
        if character in "\"'" and starts:
            end = _closing(row, i, character)
            if end < 0:
                return character, i
            i, starts = end + 1, False
            continue
        if character == "#" and (i == 0 or row[i - 1] in " \t"):
            break
        if character in "[{," or (character in ":-" and row[i + 1 : i + 2] in ("", " ", "\t")):
            starts = True
        elif character not in " \t":
            starts = False
        i += 1
    return None


def _closing(text: str, opening: int, quote: str) -> int:
    """Where the quoted scalar opened at ``opening`` ends, or -1."""
    i = opening + 1
    while i < len(text):
        if quote == '"' and text[i] == "\\":
            i += 2
            continue
        if text[i] == quote:
            if quote == "'" and text[i + 1 : i + 2] == "'":  # '' is a quote inside single quotes
                i += 2
                continue
            return i
        i += 1
    return -1
