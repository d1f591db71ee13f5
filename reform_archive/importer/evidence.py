"""Choosing one of several candidates by weighted evidence (pure).

The title and the date of a page are not found by the first rule that matches: every
line that could be the title, and every date the page holds, becomes a
:class:`Candidate` with named features (its position, its shape, the words around it).
A candidate's score is the weighted sum of its features; the highest wins. The weights
are fit on the fit split of the labelled corpus (``scripts/fit_importer.py``, a
conditional logit: the probability of a candidate is the softmax of the scores on its
page) and kept in :mod:`reform_archive.importer.weights`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

__all__ = ["Candidate", "PageLayout", "T", "choose", "score"]

if TYPE_CHECKING:
    from reform_archive.importer.metadata import MetaLine

T = TypeVar("T")


@dataclass(frozen=True)
class Candidate(Generic[T]):
    value: T
    kind: str  # where it came from: "line", "url", "hint", "inferred"…
    features: Mapping[str, float]
    line: int = -1  # the page line it was read from (-1: not from a line)


def score(features: Mapping[str, float], weights: Mapping[str, float]) -> float:
    return weights.get("bias", 0.0) + sum(value * weights.get(name, 0.0) for name, value in features.items())


def choose(candidates: Sequence[Candidate[T]], weights: Mapping[str, float]) -> tuple[Candidate[T] | None, float]:
    """The best candidate and its probability among the page's candidates (softmax of the
    scores); ``(None, 0.0)`` when there is none. Ties go to the earlier candidate."""
    if not candidates:
        return None, 0.0
    scores = [score(c.features, weights) for c in candidates]
    best = max(range(len(candidates)), key=lambda i: (scores[i], -i))
    top = scores[best]
    total = sum(math.exp(s - top) for s in scores)
    return candidates[best], 1.0 / total


@dataclass(frozen=True)
class PageLayout:
    """Where things sit on a page, as the candidates' features need it."""

    lines: tuple[str, ...]  # the page's lines (joined, stripped, the tail cut off)
    chrome: frozenset[int]  # indexes of chrome and related-news lines
    first_prose: int  # index of the lead
    last_prose: int  # index of the article's last prose line
    url: str = ""
    metas: tuple[MetaLine | None, ...] = ()  # each line read as a dateline (None: it is not one)
    title_line: int = -1  # index of the chosen title line (-1: none, or not from a line)
    running_heads: frozenset[int] = frozenset()  # a printed issue's heads kept for their date

    def is_dateline(self, index: int) -> bool:
        meta = self.metas[index] if 0 <= index < len(self.metas) else None
        return meta is not None and (meta.date is not None or not self.lines[index].strip(" |"))
