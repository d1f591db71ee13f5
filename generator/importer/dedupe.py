"""Near-duplicate bodies: the same story syndicated by two sites (pure).

Bodies are compared by shingles, runs of five syllables after accent folding, so a
copy with other chrome, another byline or small edits still matches. The overlap is
measured against the shorter body (containment), since one site often prints a shorter
version of the other's article.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from dataclasses import dataclass, field

from generator.text.vietnamese import fold

SHINGLE_WORDS = 5
NEAR_DUPLICATE = 0.8  # share of the shorter body's shingles found in the other
MIN_SHINGLES = 20  # too little text to judge
_WORD = re.compile(r"\w+")


def shingles(text: str) -> frozenset[int]:
    words = _WORD.findall(fold(text.lower()))
    return frozenset(zlib.crc32(" ".join(words[i:i + SHINGLE_WORDS]).encode())
                     for i in range(max(0, len(words) - SHINGLE_WORDS + 1)))


@dataclass
class ShingleIndex:
    """Bodies seen so far, found again by shared shingles (an inverted index, so a check
    costs the shingles of one body, not a comparison with every other)."""

    _sizes: dict[str, int] = field(default_factory=dict)
    _postings: dict[int, list[str]] = field(default_factory=dict)

    def add(self, name: str, body_shingles: frozenset[int]) -> None:
        self._sizes[name] = len(body_shingles)
        for shingle in body_shingles:
            self._postings.setdefault(shingle, []).append(name)

    def closest(self, body_shingles: frozenset[int]) -> tuple[str, float] | None:
        """The most similar body already indexed, if it is a near-duplicate."""
        if len(body_shingles) < MIN_SHINGLES:
            return None
        shared = Counter(name for shingle in body_shingles for name in self._postings.get(shingle, ()))
        best = None
        for name, count in shared.items():
            smaller = min(len(body_shingles), self._sizes[name])
            if smaller >= MIN_SHINGLES:
                score = count / smaller
                if score >= NEAR_DUPLICATE and (best is None or (score, name) > (best[1], best[0])):
                    best = (name, score)
        return best
