"""Index terms grouped by key and ranked, the order shards are cut in (pure; see shards.py).

A term's *key* is its group: a bigram is its own, a syllable its folded form. Terms are
ranked by key in JavaScript's string order, the folded term first in its group, then by
term; each also has a *position*, its place in JavaScript's order of all terms (its
vector index in the unsplit index).

Both orders are sorts of the whole vocabulary (200,000 terms at 10,000 articles, a third
of a second with the keys). An edit adds or drops a few terms, so a build keeps the
orders with its term numbers (:class:`reform_archive.search.index.TermOrder`) and the next
one drops the terms gone and inserts the new ones by binary search. The rank of a term
depends on the term alone, (key, not the key itself, term), so a term's neighbours never
decide where it goes, and the update gives the order a sort would.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from reform_archive.search.analysis import BIGRAM_MARK, fold_word
from reform_archive.search.index import TermOrder
from reform_archive.search.jsorder import js_key, js_order, js_sorted

__all__ = ["UPDATED_UP_TO", "Groups", "key_of"]

UPDATED_UP_TO = 0.05  # share of new terms up to which the last build's orders are updated, not sorted again


def key_of(term: str) -> str:
    """The group a term belongs to: a bigram is its own key, a syllable its folded form."""
    return term if term.startswith(BIGRAM_MARK) else fold_word(term)


@dataclass(frozen=True)
class Groups:
    """Terms grouped by key, ranked."""

    terms: list[str]
    keys: list[str]  # per term id
    sizes: np.ndarray  # per term id: its UTF-8 bytes
    head_of: np.ndarray  # per term id: its group's folded term (itself for a folded term or a bigram)
    by_rank: list[int]  # term ids in rank order
    starts: np.ndarray  # per rank: whether a group starts there (bool)
    rank: np.ndarray  # per term id (int32)
    position: np.ndarray  # per term id: its vector index in the unsplit index (int32)
    by_position: np.ndarray  # term ids in position order (int32)

    @classmethod
    def of(
        cls, terms: list[str], sizes: np.ndarray, carried: np.ndarray | None = None, known: TermOrder | None = None
    ) -> Groups:
        """``carried``: per term, its id in the vocabulary of ``known`` (-1 for a new term):
        then the orders are ``known``'s, updated, when few terms are new."""
        if (
            known is not None
            and carried is not None
            and known.consistent()
            and int((carried < 0).sum()) <= UPDATED_UP_TO * len(terms)
        ):
            keys, by_rank, by_position = _updated(terms, carried, known)
        else:
            keys = [key_of(t) for t in terms]
            by_rank = np.asarray(sorted(range(len(terms)), key=_rank_key(terms, keys, js_key(terms))), dtype=np.int32)
            by_position = np.asarray(js_sorted(terms), dtype=np.int32)
        return cls._made(
            terms, keys, sizes, np.asarray(by_rank, dtype=np.int32), np.asarray(by_position, dtype=np.int32)
        )

    @classmethod
    def _made(
        cls, terms: list[str], keys: list[str], sizes: np.ndarray, by_rank: np.ndarray, by_position: np.ndarray
    ) -> Groups:
        count = len(terms)
        rank = np.empty(count, dtype=np.int32)
        rank[by_rank] = np.arange(count, dtype=np.int32)
        position = np.empty(count, dtype=np.int32)
        position[by_position] = np.arange(count, dtype=np.int32)
        ranked = by_rank.tolist()
        keys_by_rank = [keys[i] for i in ranked]
        starts = np.fromiter(
            (r == 0 or keys_by_rank[r] != keys_by_rank[r - 1] for r in range(count)), dtype=bool, count=count
        )
        # a group's folded term, when it has one, ranks first in it
        first = by_rank[np.maximum.accumulate(np.where(starts, np.arange(count), 0))]
        folded = np.fromiter((terms[i] == keys[i] for i in first.tolist()), dtype=bool, count=count)
        head_of = np.empty(count, dtype=np.int32)
        head_of[by_rank] = np.where(folded, first, by_rank)
        return cls(terms, keys, sizes, head_of, ranked, starts, rank, position, by_position)

    def order(self) -> TermOrder:
        """What the next build updates instead of sorting again."""
        return TermOrder(np.asarray(self.by_rank, dtype=np.int32), self.by_position, "\n".join(self.keys).encode())


def _rank_key(terms: list[str], keys: list[str], order: Callable[[str], Any] = js_order) -> Callable[[int], Any]:
    # (key, not the folded term, term): the folded term first in its group, whether or not
    # the group has one. JavaScript orders strings by UTF-16 code units (js_order); without
    # characters past U+FFFF that is Python's order (js_key), which a sort of all may use.
    return lambda i: (order(keys[i]), terms[i] != keys[i], order(terms[i]))


def _position_key(terms: list[str]) -> Callable[[int], Any]:
    return lambda i: js_order(terms[i])


def _updated(terms: list[str], carried: np.ndarray, known: TermOrder) -> tuple[list[str], np.ndarray, np.ndarray]:
    """``known``'s orders without the terms gone and with the new ones inserted."""
    old_keys = known.keys.decode().split("\n") if known.keys else []
    carried_list = carried.tolist()
    keys = [old_keys[c] if c >= 0 else key_of(terms[i]) for i, c in enumerate(carried_list)]
    new_id = np.full(len(old_keys), -1, dtype=np.int32)
    kept = np.flatnonzero(carried >= 0).astype(np.int32)
    new_id[carried[kept]] = kept
    fresh = np.flatnonzero(carried < 0).tolist()
    by_rank = _inserted(new_id[known.by_rank], fresh, _rank_key(terms, keys))
    by_position = _inserted(new_id[known.by_position], fresh, _position_key(terms))
    return keys, by_rank, by_position


def _inserted(order: np.ndarray, fresh: list[int], key: Callable[[int], Any]) -> np.ndarray:
    """``order`` (ids, -1 for terms gone) without the gone, with ``fresh`` where ``key`` puts them."""
    order = order[order >= 0]
    if not fresh:
        return order
    ordered = order.tolist()
    fresh = sorted(fresh, key=key)
    places = [bisect_left(ordered, key(i), key=key) for i in fresh]
    return np.insert(order, places, fresh)
