"""The Vietnamese analysis pipeline of the search index (pure).

The same steps run at query time in the browser (``themes/default/static/assets/search/
analysis.js``) and are registered with lunr under the same labels on both sides, so a
token made here is the token a query looks up there. ``tests/search/test_parity.py``
runs both on the same strings.

    text --tokenize--> words --vi-normalise--> syllables --vi-expand--> index terms

- tokenize: NFC, then maximal runs of letters, marks and digits (Unicode categories L, M,
  N) holding at least one letter or digit. Everything else separates: spaces, punctuation,
  symbols, emoji. "72/TB-UBND" gives "72", "TB", "UBND"; its parts stay findable and
  bigrams keep them together.
- vi-normalise: NFC, lower case, NFC again (lower case can decompose), then one
  tone-placement convention, the one in today's dictionaries: "hoà"→"hòa", "uỷ"→"ủy".
- vi-expand: every syllable gives its accent-folded form ("hòa"→"hoa", "đ"→"d"); a
  syllable with marks gives its exact form too, so a query with marks ranks exact matches
  first; and each pair of neighbouring syllables gives a folded bigram "_cai cach" so
  phrases count. The "_" keeps bigrams out of a single syllable's prefix search.

No stop words and no stemmer: "an", "do", "to", "no" are Vietnamese syllables.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise
from typing import Any

from reform_archive.text.vietnamese import TONE_MOVES

__all__ = [
    "BIGRAM_MARK",
    "EXPAND_LABEL",
    "MARK_PLANES",
    "NORMALISE_LABEL",
    "analyse",
    "bigram",
    "expand",
    "fold_word",
    "lunr_expand",
    "lunr_normalise",
    "mark_ranges",
    "normalise_word",
    "register",
    "tokenize",
]

BIGRAM_MARK = "_"
NORMALISE_LABEL = "vi-normalise"
EXPAND_LABEL = "vi-expand"


@lru_cache(maxsize=2)
def _word_pattern(planes: tuple[int, ...] | None = None) -> re.Pattern[str]:
    """Runs of Unicode letters, marks and digits, like JavaScript's /[\\p{L}\\p{M}\\p{N}]+/u,
    in text whose underscores were made spaces (:func:`_words`). Python's re has no \\p{..};
    its \\w is L and N (str.isalnum) plus "_", so only the marks (category M) are listed,
    built from unicodedata once. One class, not an alternation: a third faster.
    ``planes``: whose marks are listed (all that have any: :data:`MARK_PLANES`)."""
    ranges = "".join(
        f"\\U{start:08x}-\\U{end:08x}" for start, end in mark_ranges(MARK_PLANES if planes is None else planes)
    )
    return re.compile(f"[\\w{ranges}]+")


# Ranges past U+FFFF in a class are tried one by one for every character (85 ns a character
# with them, 25 without): text that has no such character is matched with plane 0's marks.
_BEYOND_PLANE_0 = re.compile("[\\U00010000-\\U0010ffff]")


# Unicode has marks in these planes only (multilingual, supplementary, special-purpose);
# the others hold ideographs or nothing yet. Looking at three planes, not seventeen, takes
# 0.06 s instead of 0.3 s, which an edit's rebuild pays in its own process.
# tests/search/test_analysis.py compares them with all seventeen.
MARK_PLANES = (0, 1, 14)


def mark_ranges(planes: Iterable[int]) -> list[tuple[int, int]]:
    """The code point ranges of Unicode category M (marks) in ``planes``."""
    ranges: list[tuple[int, int]] = []
    for plane in planes:
        start = None
        for code in range(plane << 16, (plane + 1) << 16):
            if unicodedata.category(chr(code))[0] == "M":
                start = code if start is None else start
            elif start is not None:
                ranges.append((start, code - 1))
                start = None
        if start is not None:
            ranges.append((start, ((plane + 1) << 16) - 1))
    return ranges


def _words(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text).replace("_", " ")
    return _word_pattern(None if _BEYOND_PLANE_0.search(text) else (0,)).findall(text)


def tokenize(text: str) -> list[str]:
    """Words of ``text``; a run of marks alone (a stray accent) is not a word."""
    return [w for w in _words(text) if _has_letter_or_digit(w)]


def _has_letter_or_digit(word: str) -> bool:
    return any(unicodedata.category(c)[0] in "LN" for c in word)


@lru_cache(maxsize=131072)
def normalise_word(word: str) -> str:
    lowered = unicodedata.normalize("NFC", unicodedata.normalize("NFC", word).lower())
    ending = lowered[-2:]
    if ending in TONE_MOVES and not (ending[0] == "u" and lowered[-3:-2] == "q"):  # "quý" is q-u + ý
        lowered = lowered[:-2] + TONE_MOVES[ending]
    return lowered


@lru_cache(maxsize=131072)
def fold_word(word: str) -> str:
    """Marks removed and đ→d: what a reader types without a Vietnamese keyboard. Unlike
    text.vietnamese.fold (combining class > 0), this removes category Mn, the one test
    JavaScript can make (/\\p{Mn}/u), so both sides fold every character alike."""
    decomposed = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn"))


def expand(syllables: list[str], index: int) -> list[str]:
    """The index terms of ``syllables[index]``: folded, exact when it differs, bigram."""
    folded, unigrams = _unigrams(syllables[index])
    terms = list(unigrams)
    if index + 1 < len(syllables):
        terms.append(bigram(folded, fold_word(syllables[index + 1])))
    return terms


def bigram(first_folded: str, second_folded: str) -> str:
    return f"{BIGRAM_MARK}{first_folded} {second_folded}"


def analyse(text: str) -> list[str]:
    """Text -> index terms: the two lunr functions composed, memoised (what the index is fed).
    An archive has few distinct words, so each is normalised and folded once per build."""
    forms = [form for form in (_forms(word) for word in _words(text)) if form]
    terms: list[str] = []
    for (folded, unigrams), (following, _) in pairwise(forms):
        terms += unigrams
        terms.append(f"{BIGRAM_MARK}{folded} {following}")  # bigram(), inlined: a build's hottest line
    if forms:
        terms += forms[-1][1]
    return terms


@lru_cache(maxsize=262144)
def _forms(word: str) -> tuple[str, tuple[str, ...]] | None:
    """A token's folded form and its unigram terms (what :func:`expand` gives it), or None
    for a run of marks alone."""
    return _unigrams(normalise_word(word)) if _has_letter_or_digit(word) else None


@lru_cache(maxsize=262144)
def _unigrams(syllable: str) -> tuple[str, tuple[str, ...]]:
    """A syllable's folded form, and its unigram terms: folded, and exact when that differs."""
    folded = fold_word(syllable)
    return folded, ((folded,) if folded == syllable else (folded, syllable))


# lunr pipeline functions: fn(token, i, tokens) -> token(s), like lunr.js's.


def lunr_normalise(token: Any, i: int, tokens: list[Any]) -> Any:
    return token.update(lambda string, metadata: normalise_word(string))


def lunr_expand(token: Any, i: int, tokens: list[Any]) -> list[Any]:
    terms = expand([str(t) for t in tokens[i : i + 2]], 0)
    return [token.clone(lambda string, metadata, term=term: term) for term in terms]


def register() -> None:
    """Register both functions with lunr.py under the labels lunr.js uses (idempotent)."""
    from lunr.pipeline import Pipeline

    for fn, label in ((lunr_normalise, NORMALISE_LABEL), (lunr_expand, EXPAND_LABEL)):
        if Pipeline.registered_functions.get(label) is not fn:
            Pipeline.register_function(fn, label)
