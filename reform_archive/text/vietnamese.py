"""Normalisation, tone placement, accent folding and slugs for Vietnamese text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from slugify import slugify as _slugify

__all__ = [
    "SLUG_MAX_LENGTH",
    "TONE_MOVES",
    "fold",
    "fold_slowly",
    "is_syllable",
    "is_syllable_run",
    "nfc",
    "slugify",
    "split_syllables",
]

SLUG_MAX_LENGTH = 80

# Open syllables ending in oa/oe/uy: the old convention marks the second vowel ("hoà",
# "thuỷ"), today's dictionaries the first ("hòa", "thủy"). With a final consonant both
# agree ("hoàng"), and after "q" the u is part of the consonant ("quý"). Old -> new.
TONE_MOVES = {
    base + second[i]: first[i] + plain
    for base, plain, second, first in (
        ("o", "a", "àáảãạ", "òóỏõọ"),
        ("o", "e", "èéẻẽẹ", "òóỏõọ"),
        ("u", "y", "ỳýỷỹỵ", "ùúủũụ"),
    )
    for i in range(5)
}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold_slowly(text: str) -> str:
    """Remove diacritics; đ/Đ become d/D (they are letters, not marks, in Unicode)."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


class _FoldTable(dict[int, str]):
    """Each character's folded form, worked out the first time it is met: decomposing a
    text and dropping its marks is the same character by character, and ``str.translate``
    does it in C (about ten times faster on article bodies)."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = fold_slowly(chr(code)) if code >= 0x80 else chr(code)
        return folded


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Remove diacritics; đ/Đ become d/D (they are letters, not marks, in Unicode)."""
    folded = text.translate(_FOLD)
    return folded if unicodedata.is_normalized("NFC", folded) else unicodedata.normalize("NFC", folded)


@lru_cache(maxsize=65536)  # term names repeat across thousands of articles; whole bodies never come here
def slugify(text: str, max_length: int = SLUG_MAX_LENGTH) -> str:
    """ "Hà Tĩnh hướng đến…" -> "ha-tinh-huong-den"; cut at a word boundary."""
    return _slugify(fold(nfc(text)), max_length=max_length, word_boundary=True, save_order=True)


# a Vietnamese syllable, accents folded away (:func:`fold`): an onset, one to three vowels, a
# coda ("nghiêng", "hoạch"; not "ubnd"), as the search page's engine.js reads one
_ONE_SYLLABLE = r"(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|nh|ng|[cmnpt])?"
_SYLLABLE = re.compile(f"^{_ONE_SYLLABLE}$")
_LONGEST_RUN = 40  # letters: longer is no run of syllables a slug would join
_MOST_SPLITS = 64
_RUN_SYLLABLES = 4  # a slug's or a file name's word runs at most this many together


def is_syllable(word: str) -> bool:
    """A word Vietnamese spells as one syllable ("Nghiêng", "hoa"); acronyms ("UBND", "PCI") and
    ids ("ntdjuq") are not."""
    return bool(_SYLLABLE.match(fold(word.lower())))


def is_syllable_run(word: str) -> bool:
    """One to four syllables written together ("diaphuong", "ChuyenMuc"), as addresses and
    file names join them; "ntdjuq" (an id) is none."""
    split = split_syllables(word)
    return split is not None and len(split) <= _RUN_SYLLABLES


def split_syllables(run: str, prefer: Callable[[list[str]], float] | None = None) -> list[str] | None:
    """Syllables written together, folded ("caicachhanhchinh" -> cai cach hanh chinh), in the
    fewest pieces, and of those the fewest starting with a vowel ("van hanh", not "vanh anh");
    ``prefer`` ranks what is still tied ("van hanh" over "va nhanh" by how often news writes the
    pairs). None when the run is no syllables ("ntdjuq")."""
    text = fold(run.lower())
    if len(text) > _LONGEST_RUN:
        return None
    nothing: list[str] = []
    splits: list[list[list[str]]] = [[nothing]] + [[] for _ in text]  # every way to read text[:end]
    for end in range(1, len(text) + 1):
        for start in range(max(0, end - 7), end):
            if splits[start] and _SYLLABLE.match(text[start:end]):
                splits[end].extend([*before, text[start:end]] for before in splits[start][:_MOST_SPLITS])
    if not splits[-1]:
        return None
    costs = [(len(split), sum(piece[0] in "aeiouy" for piece in split)) for split in splits[-1]]
    tied = [split for split, cost in zip(splits[-1], costs, strict=True) if cost == min(costs)]
    return max(tied, key=prefer) if prefer else tied[0]
