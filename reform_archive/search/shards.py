"""The lunr index split by term into shards, so a query fetches only its own terms (pure).

Terms form *key groups*: a folded syllable with every spelling that folds to it ("chinh"
with "chính", "chỉnh", ...), or one bigram. Ordered by key in JavaScript's string order,
the folded term first in each group, whole groups are packed into shards of at most
``SHARD_BYTES`` (only a bigger group is cut, term by term), so the browser finds a term's
shard, or a prefix's run of shards, by binary search over the shards' first keys (the
manifest; ``first_of``), and needs at most one more: the shard its group starts in.
A shard's postings are term-major: for each term, for each field that has it, a run of
documents and what scores them. Four kinds of run:

    0  documents as gaps, lunr.py's rounded scores
    1  documents as gaps, term counts; the browser scores them (BM25, lunr.py's arithmetic)
    2  an exact spelling's documents as gaps between positions in its folded term's list, scores
    3  the same, with counts as the folded term's count minus its own (mostly 0)

A long list (``COUNTED_FROM`` documents or more) sends counts (kinds 1 and 3) instead of
scores: a count is a digit where a score is five, but scoring needs the field's length in
every document, a file per field, fetched once. Exact spellings nearly repeat their folded
list, so they travel as positions in it (kinds 2 and 3). docs/search.md measures both.

Every term keeps its vector index in the unsplit index (its position in the sorted list of
all terms), so an index merged from any set of shards sums the same products in the same
order as the unsplit one: its scores are equal to the last bit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Any

import numpy as np

from reform_archive.search import tiers as tiering
from reform_archive.search.encoding import (
    COUNTS,
    COUNTS_IN_FOLDED,
    SCORES,
    SCORES_IN_FOLDED,
    encoding,
    first_of,
    json_bytes,
    lengths_file,
)
from reform_archive.search.groups import Groups
from reform_archive.search.index import (
    ENTRIES_PER_STEP,
    FIELDS,
    K1,
    PIPELINE,
    B,
    Gathered,
    IndexedText,
    TermNumbers,
    Weights,
    gather,
    weigh,
)

__all__ = [
    "COUNTED_FIELDS",
    "COUNTED_FROM",
    "PACKED_BITS",
    "SHARD_BYTES",
    "Shard",
    "SplitIndex",
    "split_index",
]

SHARD_BYTES = 24_000  # uncompressed, about 5 KB gzip: smaller wastes less per rare word, but lengthens the manifest
COUNTED_FROM = 512  # lists this long send counts, not scores
COUNTED_FIELDS = 0b1111111  # fields (bits, FIELDS order) where they may
STEP_ENTRIES, MOST_STEPS = 2_000_000, 16  # entries turned term-major at a time


@dataclass(frozen=True)
class Shard:
    first_key: str
    data: bytes  # JSON: {"terms", "index", "idf", "runs", "gaps", "counts", "scores"}
    needs_lengths: int  # bit f set: field f's lengths are needed to score it


@dataclass(frozen=True)
class SplitIndex:
    shards: list[Shard]
    lengths: list[bytes | None]  # per field, the documents' lengths (:func:`lengths_file`); None if no shard needs it
    averages: list[float]  # average field lengths, exactly as lunr.py divides
    tiers: list[tiering.Tier] = field(default_factory=list)  # first tiers of the longest lists, by key

    def files(self) -> dict[str, bytes]:
        """Shard n as "n.json", field f's lengths as "lengths-f.json", tier n as "tier-n.json"."""
        return {**{f"{n}.json": shard.data for n, shard in enumerate(self.shards)},
                **{f"lengths-{f}.json": data for f, data in enumerate(self.lengths) if data},
                **{f"tier-{n}.json": json_bytes(tier.data) for n, tier in enumerate(self.tiers)}}

    def manifest(self, folder: str) -> dict[str, Any]:
        """What the browser needs to find, fetch and score shards (shards.js), ``folder``
        holding :meth:`files`."""
        return {"fields": dict(FIELDS), "pipeline": PIPELINE, "bm25": {"k1": K1, "b": B}, "encoding": encoding(),
                "averages": self.averages, "index": folder,
                "shards": {"keys": [shard.first_key for shard in self.shards],
                           "lengths": [shard.needs_lengths for shard in self.shards]},
                "tiers": {"keys": [tier.key for tier in self.tiers]}}


def split_index(documents: list[IndexedText], shard_bytes: int | None = None,
                counted_from: int | None = None, counted_fields: int | None = None,
                tier_size: int | None = None, tier_from: int | None = None,
                known: Callable[[], TermNumbers | None] | None = None,
                keep_numbers: Callable[[TermNumbers], None] | None = None) -> SplitIndex:
    """``documents`` split into shards; the knobs default to the modules' constants
    (read at each call, so a test can shrink the shards of a whole site). ``known`` gives
    the previous build's term numbers (:class:`TermNumbers`), asked for when the entries
    are numbered and let go then (54 MB at 10k); ``keep_numbers`` is given this build's.

    A 10,000-article archive has about 14 million entries (a term in a field of an article).
    They are taken a few million at a time, whole key groups by rank (a shard never spans
    two such steps), so memory holds the entries once, 32 bits each, and one step's work.
    """
    shard_bytes = SHARD_BYTES if shard_bytes is None else shard_bytes
    counted_from = COUNTED_FROM if counted_from is None else counted_from
    counted_fields = COUNTED_FIELDS if counted_fields is None else counted_fields
    tier_size = tiering.TIER_SIZE if tier_size is None else tier_size
    tier_from = tiering.TIER_FROM if tier_from is None else tier_from
    previous = known() if known is not None else None
    gathered = gather(documents, previous)
    previous_order = previous.order if previous is not None else None
    del previous  # the numbers are in ``gathered`` now (54 MB at 10k)
    fields, count, terms = len(FIELDS), len(gathered.refs), gathered.terms
    if not terms:
        if keep_numbers is not None:
            keep_numbers(gathered.term_numbers())
        return SplitIndex([], [None] * fields, [0.0] * fields)
    weights = weigh(gathered)
    lengths = np.array(gathered.lengths, dtype=np.int32).reshape(count, fields)
    groups = Groups.of(terms, gathered.term_bytes, gathered.carried, previous_order)
    del previous_order
    vector_starts = np.concatenate([[0], np.cumsum(gathered.sizes)[:-1]])  # each vector's first entry
    term_of_rank = np.array(groups.by_rank, dtype=np.int32)
    needs = np.zeros(len(terms), dtype=np.int64)  # per term: bit f, field f's lengths score it
    shards: list[Shard] = []
    tiers: list[tiering.Tier] = []
    for low, high in _steps(groups, weights.with_term[term_of_rank]):
        entries = _Entries.of_ranks(gathered, groups.rank, vector_starts, term_of_rank, low, high)
        step_tiers = (  # no list can be that long: tiers off (the default) cost nothing
            tiering.tiers_of(entries.for_tiers(weights), groups, low, high, tier_size, tier_from)
            if tier_from <= count
            else []
        )
        if step_tiers:  # the shards hold the rest of a tiered list
            entries = entries.chosen(tiering.outside(entries.run_keys, entries.docs, fields, step_tiers))
        layout = _layout(entries, groups, weights, needs, count, counted_from, counted_fields)
        del entries
        term_bytes = _estimated_bytes(layout, low, high)
        for tier in step_tiers:  # a tiered group has shards of its own, which its tier stands for
            term_bytes[tier.rank - low] = max(term_bytes[tier.rank - low], shard_bytes + 1)
        shards += layout.shards(low, high, term_bytes, shard_bytes)
        tiers += step_tiers
        del layout  # else it lives on while the next step makes its own
    used = int(np.bitwise_or.reduce(needs))
    if keep_numbers is not None:
        keep_numbers(replace(gathered.term_numbers(), order=groups.order()))
    return SplitIndex(shards, [lengths_file(lengths[:, f]) if used >> f & 1 else None for f in range(fields)],
                      weights.averages, tiers)


def _steps(groups: Groups, per_rank: np.ndarray) -> list[tuple[int, int]]:
    """Rank ranges of STEP_ENTRIES entries or more (at most MOST_STEPS of them: each looks
    at every entry once), cut where a group starts: spellings travel in their folded term's runs."""
    step = max(STEP_ENTRIES, int(per_rank.sum()) // MOST_STEPS)
    group_starts = np.flatnonzero(groups.starts)
    before = np.concatenate([[0], np.cumsum(per_rank)])[group_starts]  # entries before each group
    cuts = group_starts[np.unique(np.searchsorted(before, np.arange(0, before[-1] + 1, step)))].tolist()
    bounds = sorted({0, *cuts, len(groups.starts)})
    return list(pairwise(bounds))


def _layout(entries: _Entries, groups: Groups, weights: Weights, needs: np.ndarray, count: int,
            counted_from: int, counted_fields: int) -> _Layout:
    """One step's runs, their kinds, and what each entry sends (fills ``needs`` in)."""
    fields = len(FIELDS)
    starts = np.flatnonzero(np.diff(entries.run_keys, prepend=-1))  # each run's first entry
    run_sizes = np.diff(np.append(starts, len(entries.run_keys)))
    run_keys = entries.run_keys[starts]
    run_terms = entries.term_ids[starts]
    run_fields = run_keys % fields
    heads = groups.head_of[run_terms]
    parent_runs = np.searchsorted(run_keys, groups.rank[heads].astype(np.int64) * fields + run_fields)
    long_runs = (run_sizes >= counted_from) & (np.right_shift(counted_fields, run_fields) & 1).astype(bool)
    kinds = np.where(heads != run_terms, np.where(long_runs[parent_runs], COUNTS_IN_FOLDED, SCORES_IN_FOLDED),
                     np.where(long_runs, COUNTS, SCORES)).astype(np.int8)

    entry_kinds = np.repeat(kinds, run_sizes)
    inside, parents = _in_folded(entries, count, run_sizes, run_keys, parent_runs, entry_kinds)
    places = entries.docs.copy()  # a document, or a position in the folded term's list
    places[inside] = parents - np.repeat(starts[parent_runs], run_sizes)[inside]
    gaps = np.diff(places, prepend=places.dtype.type(0))
    gaps[starts] = places[starts]
    counted = (entry_kinds == COUNTS) | (entry_kinds == COUNTS_IN_FOLDED)
    sent = entries.tfs.copy()
    subtract = entry_kinds[inside] == COUNTS_IN_FOLDED
    sent[inside[subtract]] = entries.tfs[parents[subtract]] - entries.tfs[inside[subtract]]
    counted_runs = (kinds == COUNTS) | (kinds == COUNTS_IN_FOLDED)
    np.bitwise_or.at(needs, run_terms[counted_runs], np.left_shift(1, run_fields[counted_runs].astype(np.int64)))
    return _Layout(groups=groups, idf=weights.idf, needs=needs, run_terms=run_terms, run_fields=run_fields,
                   kinds=kinds, run_sizes=run_sizes, starts=starts, gaps=gaps, counts=sent[counted],
                   scores=_scores(weights, entries, counted), counted=counted)


PACKED_BITS = 63  # an int64's, for a step's sort keys with counts packed in (_Entries.of_ranks)


@dataclass(frozen=True)
class _Entries:
    """The vector entries of a range of ranks, term-major: by run (a term's list in one
    field), then document."""

    run_keys: np.ndarray  # rank * fields + field
    term_ids: np.ndarray
    docs: np.ndarray
    tfs: np.ndarray

    def chosen(self, mask: np.ndarray) -> _Entries:
        return _Entries(self.run_keys[mask], self.term_ids[mask], self.docs[mask], self.tfs[mask])

    def for_tiers(self, weights: Weights) -> tiering.TierEntries:
        fields = len(FIELDS)

        def scores(low: int, high: int) -> np.ndarray:
            vectors = self.docs[low:high].astype(np.int64) * fields + self.run_keys[low:high] % fields
            return weights.scores(self.term_ids[low:high], self.tfs[low:high].astype(np.float64), vectors)

        return tiering.TierEntries(self.run_keys, self.docs, fields, scores)

    @classmethod
    def of_ranks(cls, gathered: Gathered, rank: np.ndarray, vector_starts: np.ndarray, term_of_rank: np.ndarray,
                 low: int, high: int) -> _Entries:
        """``rank``: per term id. Each step looks the ranks of all entries up again rather
        than keep them (4 bytes an entry, 54 MB at 10k)."""
        fields, count = len(FIELDS), len(gathered.refs)
        chosen = np.flatnonzero(((rank >= low) & (rank < high))[gathered.term_ids])  # document-major: ascending
        vectors = np.searchsorted(vector_starts, chosen, side="right") - 1
        docs = vectors // fields
        run_keys = rank[gathered.term_ids[chosen]].astype(np.int64) * fields + (vectors - docs * fields)
        del vectors
        tfs = gathered.counts[chosen]
        # A vector holds each term once, so (run, document) is unique, and any sort of it is the
        # stable sort by run. With the count packed below them, one sort of numbers does what
        # an argsort and four gathers at random places did, in half the time.
        count_bits = int(tfs.max(initial=0)).bit_length()
        if (len(term_of_rank) * fields * count).bit_length() + count_bits > PACKED_BITS:
            order = np.argsort(run_keys * count + docs)
            return cls(run_keys[order], gathered.term_ids[chosen[order]], docs[order].astype(np.int32),
                       tfs[order].astype(np.int32))
        del chosen
        packed = (run_keys * count + docs) << count_bits
        del run_keys, docs
        packed |= tfs
        packed.sort()
        tfs = (packed & ((1 << count_bits) - 1)).astype(np.int32)
        packed >>= count_bits
        run_keys = packed // count
        return cls(run_keys, term_of_rank[run_keys // fields], (packed - run_keys * count).astype(np.int32), tfs)


def _in_folded(entries: _Entries, count: int, run_sizes: np.ndarray, run_keys: np.ndarray,
               parent_runs: np.ndarray, entry_kinds: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The entries of exact spellings (kinds 2 and 3), and the entry of the same document
    in their folded term's list (which has every document they have)."""
    inside = np.flatnonzero(entry_kinds >= SCORES_IN_FOLDED)
    wanted = np.repeat(run_keys[parent_runs], run_sizes)[inside].astype(np.int64) * count + entries.docs[inside]
    everywhere = entries.run_keys.astype(np.int64) * count + entries.docs  # ascending
    parents = np.searchsorted(everywhere, wanted)
    found = np.array_equal(everywhere[np.minimum(parents, len(everywhere) - 1)], wanted)
    del everywhere
    assert found, "an exact spelling without its folded term"
    return inside, parents


def _scores(weights: Weights, entries: _Entries, counted: np.ndarray) -> np.ndarray:
    """lunr.py's scores of the entries not counted, a million entries at a time (a few
    temporaries each, not a dozen arrays of all of them)."""
    fields = len(FIELDS)
    parts = []
    for begin in range(0, len(counted), ENTRIES_PER_STEP):
        chosen = np.flatnonzero(~counted[begin:begin + ENTRIES_PER_STEP]) + begin
        vectors = entries.docs[chosen].astype(np.int64) * fields + entries.run_keys[chosen] % fields
        parts.append(weights.scores(entries.term_ids[chosen], entries.tfs[chosen].astype(np.float64), vectors))
    return np.concatenate(parts) if parts else np.empty(0)


@dataclass(frozen=True)
class _Layout:
    """One step's term-major postings, in rank order, ready to cut into shards."""

    groups: Groups
    idf: np.ndarray  # per term id
    needs: np.ndarray  # per term id: the fields whose lengths score it (bits)
    run_terms: np.ndarray  # per run (a term's list in one field), in rank order
    run_fields: np.ndarray
    kinds: np.ndarray
    run_sizes: np.ndarray
    starts: np.ndarray  # per run: its first entry
    gaps: np.ndarray  # per entry
    counts: np.ndarray  # per counted entry (kinds 1 and 3), in entry order
    scores: np.ndarray  # per scored entry (kinds 0 and 2)
    counted: np.ndarray  # per entry: whether it is counted

    def shards(self, low: int, high: int, term_bytes: list[int], shard_bytes: int) -> list[Shard]:
        """Ranks low to high packed into shards of at most shard_bytes (a longer term alone)."""
        groups = self.groups
        run_ranks = groups.rank[self.run_terms]
        entry_starts = np.concatenate([[0], np.cumsum(self.run_sizes)])
        counted_runs = (self.kinds == COUNTS) | (self.kinds == COUNTS_IN_FOLDED)  # a run is counted or not
        counted_before = np.concatenate([[0], np.cumsum(self.run_sizes * counted_runs)])
        cuts = _cuts(low, high, groups.starts[low:high].tolist(), term_bytes, shard_bytes)
        shards = []
        for begin, end in pairwise(cuts):
            run_begin, run_end = np.searchsorted(run_ranks, [begin, end]).tolist()
            entry_begin, entry_end = int(entry_starts[run_begin]), int(entry_starts[run_end])
            count_begin, count_end = int(counted_before[run_begin]), int(counted_before[run_end])
            score_begin, score_end = entry_begin - count_begin, entry_end - count_end
            ids = groups.by_rank[begin:end]
            runs = np.stack([run_ranks[run_begin:run_end] - begin, self.run_fields[run_begin:run_end],
                             self.kinds[run_begin:run_end], self.run_sizes[run_begin:run_end]], axis=1)
            needs = self.needs[ids]
            data = {"terms": [groups.terms[i] for i in ids], "index": groups.position[ids],
                    "idf": [float(self.idf[i]) if n else None for i, n in zip(ids, needs.tolist(), strict=True)],
                    "runs": runs.astype(np.int32).ravel(), "gaps": self.gaps[entry_begin:entry_end],
                    "counts": self.counts[count_begin:count_end], "scores": self.scores[score_begin:score_end]}
            shards.append(Shard(first_of(groups.terms[ids[0]], groups.keys[ids[0]]), json_bytes(data),
                                int(np.bitwise_or.reduce(needs))))
        return shards


def _cuts(low: int, high: int, starts: list[bool], term_bytes: list[int], shard_bytes: int) -> list[int]:
    """Where shards start among ranks low to high, and high (``starts``: whether a group
    starts at each; a step starts with one). Whole groups are packed together; only a group
    bigger than a shard is cut inside, term by term. So a shard that starts inside a group
    needs one other shard, the one its group starts in (the page decodes a spelling from its
    folded term's runs), never a chain of them."""
    group_bytes: list[int] = []
    for first, size in zip(starts, term_bytes, strict=True):
        if first or not group_bytes:
            group_bytes.append(0)
        group_bytes[-1] += size
    cuts, size, group = [], shard_bytes, -1
    for rank, (first, term_size) in enumerate(zip(starts, term_bytes, strict=True), start=low):
        if first or group < 0:
            group += 1
            cut_inside = group > 0 and group_bytes[group - 1] > shard_bytes  # its tail shard stays its own
            if size and (size + group_bytes[group] > shard_bytes or cut_inside):
                cuts.append(rank)
                size = 0
        elif group_bytes[group] > shard_bytes and size + term_size > shard_bytes and size:
            cuts.append(rank)
            size = 0
        size += term_size
    return [*cuts, high]


def _estimated_bytes(layout: _Layout, low: int, high: int) -> list[int]:
    """About how many JSON bytes each term of ranks low to high takes in a shard."""
    digits = np.full(len(layout.gaps), 2 + 6, dtype=np.int8)  # a gap's digit and comma, a score's "1.234,"
    for power in (10, 100, 1000, 10_000, 100_000):
        digits += layout.gaps >= power
    digits[layout.counted] -= 4  # a count and its comma instead of a score
    per_run = np.add.reduceat(digits, layout.starts, dtype=np.int64) + 12  # and the run's four numbers
    groups = layout.groups
    per_rank = np.bincount(groups.rank[layout.run_terms] - low, weights=per_run, minlength=high - low)
    term_bytes = groups.sizes[groups.by_rank[low:high]].astype(np.int64) + 30  # term, index, idf
    sizes: list[int] = (per_rank + term_bytes).astype(np.int64).tolist()
    return sizes
