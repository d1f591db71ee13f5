"""JavaScript's order of strings, which lunr.js insists on and the browser searches by (pure).

JavaScript compares strings by UTF-16 code units; Python by code points. The two agree
unless a string holds a character past U+FFFF (written as two surrogates, 0xD800 to
0xDFFF, which sort below U+E000 to U+FFFF).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

__all__ = ["js_key", "js_order", "js_sorted"]

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def js_sorted(terms: list[str]) -> list[int]:
    """Positions of ``terms`` in the order lunr.js insists on when it rebuilds its token set:
    JavaScript's (UTF-16 code units), which differs from Python's only past U+FFFF."""
    order = js_key(terms)
    return sorted(range(len(terms)), key=terms.__getitem__ if order is _same else lambda i: order(terms[i]))


def js_key(strings: list[str]) -> Callable[[str], Any]:
    """A sort key that orders ``strings`` as JavaScript compares them: the strings
    themselves unless one holds a character past U+FFFF (then their UTF-16 code units)."""
    return _same if not _ASTRAL.search("".join(strings)) else js_order


def _same(string: str) -> str:
    return string


def js_order(term: str) -> bytes:
    return term.encode("utf-16-be")
