"""Where each key of site.toml is written, so that a problem names its line (pure).

tomllib gives values, not positions; these read the text's lines as TOML writes keys.
"""

from __future__ import annotations

import re
import tomllib

__all__ = ["alias_key_lines", "key_lines", "table_lines"]

# A top-level key as TOML writes it: bare, "quoted" or 'literal', maybe the first of a dotted key
_KEY = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
_ASSIGNMENT = re.compile(rf"[ \t]*({_KEY})[ \t]*[.=]")
_TABLE = re.compile(rf"[ \t]*\[\[?[ \t]*({_KEY})[ \t]*[.\]]")
_MULTILINE_STRING = re.compile(r'"""|\'\'\'')


def key_lines(text: str) -> dict[str, int]:
    """The line where each top-level key is first set: ``key = …``, ``key.sub = …``,
    ``[key]``, ``[key.sub]`` or ``[[key]]`` (tomllib gives values, not positions). Keys
    inside a table and lines inside a multi-line string are passed over."""
    lines: dict[str, int] = {}
    in_table, open_string = False, ""
    for number, line in enumerate(text.split("\n"), 1):  # TOML breaks lines at \n only
        if open_string:
            if line.count(open_string) % 2:
                open_string = ""
            continue
        table, assignment = _TABLE.match(line), _ASSIGNMENT.match(line)
        found = table or (assignment if not in_table else None)
        in_table = in_table or table is not None
        if found:
            lines.setdefault(_unquote(found.group(1)), number)
        quotes = _MULTILINE_STRING.findall(line)
        if len(quotes) % 2:
            open_string = quotes[-1]
    return lines


def _unquote(key: str) -> str:
    try:
        return next(iter(tomllib.loads(f"{key} = 0")))
    except (tomllib.TOMLDecodeError, StopIteration):
        return key


_ALIAS_TABLE = re.compile(rf"[ \t]*\[[ \t]*aliases[ \t]*\.[ \t]*({_KEY})[ \t]*\]")


def alias_key_lines(text: str) -> dict[tuple[str, str], int]:
    """(taxonomy, name) -> the line that gives it, for names under an ``[aliases.<taxonomy>]``
    header; (taxonomy, "") -> the header's line. Other ways of writing them get the 'aliases' line."""
    lines: dict[tuple[str, str], int] = {}
    table = None
    for number, line in enumerate(text.split("\n"), 1):
        header = _ALIAS_TABLE.match(line)
        if header:
            table = _unquote(header.group(1))
            lines.setdefault((table, ""), number)
        elif line.lstrip().startswith("["):
            table = None
        elif table is not None and (assignment := _ASSIGNMENT.match(line)):
            lines.setdefault((table, _unquote(assignment.group(1))), number)
    return lines


def table_lines(text: str, name: str) -> list[int]:
    """The line of each ``[[name]]`` header, in order (an array of tables, such as the menu)."""
    header = re.compile(rf"[ \t]*\[\[[ \t]*{re.escape(name)}[ \t]*\]\]")
    return [number for number, line in enumerate(text.split("\n"), 1) if header.match(line)]
