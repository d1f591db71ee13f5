"""Any text as a YAML double-quoted string, for front matter written by the program (pure)."""

from __future__ import annotations

import json

__all__ = ["yaml_string"]


def yaml_string(value: object) -> str:
    """JSON's escapes (a JSON string is a YAML one), and \\u escapes for what YAML will not
    read raw (DEL, C1 controls) or would read as a line break (U+0085, U+2028, U+2029)."""
    return "".join(c if c.isprintable() or c == " " else _escape(c) for c in json.dumps(str(value), ensure_ascii=False))


def _escape(character: str) -> str:
    code = ord(character)
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
