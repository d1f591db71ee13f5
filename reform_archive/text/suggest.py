"""The known word an unknown one was probably meant to be ("did you mean …?"), pure."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

__all__ = ["CLOSE_ENOUGH", "nearest"]

# difflib's ratio from which a suggestion is more help than noise: 'province' -> 'provinces'
# (0.94), 'categories' -> 'category' (0.78), but not 'layout' -> 'date' (0.4)
CLOSE_ENOUGH = 0.75
_SPELLING = re.compile(r"[\s_-]+")


def _plain(word: str) -> str:
    """'Date-Precision', 'datePrecision' and 'date_precision' are one spelling."""
    return _SPELLING.sub("", word.casefold())


def nearest(word: str, known: Iterable[str], cutoff: float = CLOSE_ENOUGH) -> str | None:
    """The word of ``known`` closest to ``word``, or None when none is close enough. Case,
    '-', '_' and spaces do not count; among equally close words the first known wins."""
    spellings: dict[str, str] = {}
    for candidate in known:
        spellings.setdefault(_plain(candidate), candidate)
    target = _plain(word)
    if target in spellings:
        return spellings[target]
    matcher = difflib.SequenceMatcher(b=target)
    best, best_ratio = None, cutoff
    for plain, candidate in spellings.items():
        matcher.set_seq1(plain)
        if matcher.real_quick_ratio() >= best_ratio and matcher.quick_ratio() >= best_ratio:
            ratio = matcher.ratio()
            if ratio > best_ratio or (ratio == best_ratio and best is None):
                best, best_ratio = candidate, ratio
    return best
