"""Impact-ordered first tiers of the longest posting lists (pure; see shards.py, docs/search.md).

A query made of the archive's commonest syllables needs their whole lists to rank and count
its results: at 100,000 articles a megabyte and more. For a key group whose folded term is
in ``TIER_FROM`` documents or more, a *tier file* holds its first tier: the ``TIER_SIZE``
documents where the folded term weighs most (the sum of its lunr.py scores over the fields),
and every entry of the group's terms in those documents, scores included. For each term it
gives the exact upper bound of what the term weighs in any other document (``bound``, the
largest sum of its scores over the fields there) and how many documents have it (``df``).

The group's shards hold the rest of its lists (:func:`outside`). The browser fetches the
tier file first and shows a page of results from it alone when the bounds prove that no
other document can rank among them (engine.js, ``search`` with ``page``); otherwise, or for
more results, it fetches the shards too, and merges the two parts of each list. A document is in a group's first tier with all of the group's terms or not at
all, so the browser knows which terms a first-tier document lacks for certain.

A tier file: ``{"terms", "index", "df", "bound", "runs", "gaps", "scores"}``. ``runs`` is
(term, field, size) per run, term-major as in a shard; the folded term's documents travel
as gaps, a spelling's as gaps between positions in the folded term's run of the same field.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from reform_archive.search.groups import Groups

__all__ = ["TIER_FROM", "TIER_SIZE", "Tier", "TierEntries", "outside", "tiers_of"]

TIER_SIZE = 1_000  # documents in a first tier
TIER_FROM = (
    10**9
)  # off by default: at 100k a 1,000-document tier places too few results (benchmarks/README.md); tests shrink it


@dataclass(frozen=True)
class TierEntries:
    """One step's entries, term-major (by run, then document)."""

    run_keys: np.ndarray  # per entry: its term's rank * fields + its field
    docs: np.ndarray
    fields: int  # how many fields there are
    scores: Callable[[int, int], np.ndarray]  # lunr.py's rounded scores of entries low to high


@dataclass(frozen=True)
class Tier:
    key: str  # the group's key
    rank: int  # its folded term's
    end: int  # the rank after its last term's
    docs: np.ndarray  # the documents in the tier, ascending
    data: dict[str, Any]  # the tier file's JSON


def outside(run_keys: np.ndarray, docs: np.ndarray, fields: int, tiers: list[Tier]) -> np.ndarray:
    """Which entries (term-major: by run, then document) are not in a tier: the shards' part."""
    keep = np.ones(len(docs), dtype=bool)
    for tier in tiers:
        low, high = np.searchsorted(run_keys, [tier.rank * fields, tier.end * fields]).tolist()
        keep[low:high] = ~np.isin(docs[low:high], tier.docs)
    return keep


def tiers_of(entries: TierEntries, groups: Groups, low: int, high: int, tier_size: int, tier_from: int) -> list[Tier]:
    """The tier of every group among ranks low to high (a step: whole groups) whose folded
    term is in ``tier_from`` documents or more."""
    starts = np.flatnonzero(groups.starts[low:high]) + low
    bounds = np.searchsorted(entries.run_keys, np.append(starts, high).astype(np.int64) * entries.fields)
    tiers = []
    for n, head in enumerate(starts.tolist()):
        first, last = int(bounds[n]), int(bounds[n + 1])
        if int(np.searchsorted(entries.run_keys[first:last], (head + 1) * entries.fields)) < tier_from:
            continue  # fewer entries than documents needed
        end = int(starts[n + 1]) if n + 1 < len(starts) else high
        ids = groups.by_rank[head:end]
        tier = _tier(
            entries,
            head,
            end,
            first,
            last,
            [groups.terms[i] for i in ids],
            groups.position[ids].tolist(),
            tier_size,
            tier_from,
        )
        if tier is not None:
            tiers.append(Tier(groups.keys[ids[0]], head, end, *tier))
    return tiers


def _tier(
    entries: TierEntries,
    head: int,
    end: int,
    low: int,
    high: int,
    terms: list[str],
    positions: list[int],
    tier_size: int,
    tier_from: int,
) -> tuple[np.ndarray, dict[str, Any]] | None:
    """``terms``, ``positions``: the group's, by rank."""
    keys, docs = entries.run_keys[low:high], entries.docs[low:high]
    ranks, fields = keys // entries.fields, keys % entries.fields
    own = ranks == head
    if int(np.unique(docs[own]).size) < tier_from:
        return None
    scores = entries.scores(low, high)
    head_docs, where = np.unique(docs[own], return_inverse=True)
    impact = np.bincount(where, weights=scores[own], minlength=len(head_docs))
    chosen = np.sort(head_docs[np.lexsort((head_docs, -impact))[:tier_size]])
    first = np.isin(docs, chosen)
    # per term: its documents, and its largest sum of scores over the fields outside the tier
    offsets = (ranks - head).astype(np.int64)
    per_doc, which = np.unique(offsets * (int(docs.max()) + 1) + docs, return_inverse=True)
    df = np.bincount(per_doc // (int(docs.max()) + 1), minlength=end - head)
    sums = np.bincount(which, weights=np.where(first, 0.0, scores))
    bound = np.zeros(end - head)
    np.maximum.at(bound, per_doc // (int(docs.max()) + 1), sums)
    # the first tier's runs: (term, field) changes; spellings as positions in the folded run
    ranks, fields, docs, scores = ranks[first], fields[first], docs[first], scores[first]
    run_starts = np.flatnonzero(np.diff(ranks * 64 + fields, prepend=-1))
    sizes = np.diff(np.append(run_starts, len(ranks)))
    places = docs.astype(np.int64)
    head_runs = {
        int(fields[s]): docs[s : s + n]
        for s, n in zip(run_starts.tolist(), sizes.tolist(), strict=True)
        if ranks[s] == head
    }
    gaps = np.empty(len(places), dtype=np.int64)
    for start, size in zip(run_starts.tolist(), sizes.tolist(), strict=True):
        run = places[start : start + size]
        if ranks[start] != head:
            run = np.searchsorted(head_runs[int(fields[start])], run)
        gaps[start : start + size] = np.diff(run, prepend=0)
    runs = np.stack([ranks[run_starts] - head, fields[run_starts], sizes], axis=1).astype(np.int64)
    return chosen, {
        "terms": terms,
        "index": positions,
        "df": df.tolist(),
        "bound": bound.tolist(),
        "runs": runs.ravel(),
        "gaps": gaps,
        "scores": scores,
    }
