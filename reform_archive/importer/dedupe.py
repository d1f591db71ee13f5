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

from reform_archive.text.vietnamese import fold

__all__ = ["COMMON", "MIN_SHINGLES", "NEAR_DUPLICATE", "SAMPLE", "SHINGLE_WORDS", "ShingleIndex", "shingles"]

SHINGLE_WORDS = 5
NEAR_DUPLICATE = 0.8  # share of the shorter body's shingles found in the other
MIN_SHINGLES = 20  # too little text to judge
_WORD = re.compile(r"\w+")


def shingles(text: str) -> frozenset[int]:
    words = _WORD.findall(fold(text.lower()))
    return frozenset(
        zlib.crc32(" ".join(words[i : i + SHINGLE_WORDS]).encode())
        for i in range(max(0, len(words) - SHINGLE_WORDS + 1))
    )


SAMPLE = 4  # one shingle in four (by its hash) stands for the body: the containment estimate holds
COMMON = 64  # a shingle in more bodies than this is a formula ("Thực hiện Nghị định số …"), not evidence


def _sampled(body_shingles: frozenset[int]) -> list[int]:
    return [shingle for shingle in body_shingles if shingle % SAMPLE == 0]


@dataclass
class ShingleIndex:
    """Bodies seen so far, found again by shared shingles: an inverted index over a fixed
    sample of each body's shingles, so a check costs a quarter of one body's shingles, not
    a comparison with every other; formulas shared by many bodies are passed over."""

    _sizes: dict[str, int] = field(default_factory=dict)
    _postings: dict[int, list[str]] = field(default_factory=dict)

    def add(self, name: str, body_shingles: frozenset[int]) -> None:
        sample = _sampled(body_shingles)
        self._sizes[name] = len(sample)
        for shingle in sample:
            self._postings.setdefault(shingle, []).append(name)

    def closest(self, body_shingles: frozenset[int]) -> tuple[str, float] | None:
        """The most similar body already indexed, if it is a near-duplicate."""
        if len(body_shingles) < MIN_SHINGLES:
            return None
        shared: Counter[str] = Counter()
        telling = 0
        for shingle in _sampled(body_shingles):
            names = self._postings.get(shingle, ())
            if len(names) <= COMMON:
                shared.update(names)
                telling += 1
        best = None
        for name, count in shared.items():
            smaller = min(telling, self._sizes[name])
            if smaller * SAMPLE >= MIN_SHINGLES:
                score = min(count / smaller, 1.0)
                if score >= NEAR_DUPLICATE and (best is None or (score, name) > (best[1], best[0])):
                    best = (name, score)
        return best
