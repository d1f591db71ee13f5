"""The lunr index of a site: lunr's scoring over the Vietnamese pipeline's terms, in a
compact wire format that lunr.js loads after :func:`expand` (pure).

Documents are referred to by their position in the site's article list (newest first),
as a string: "0", "1", ... The same number finds the article in the document store.

The wire format is lunr's serialisation (lunr-schema 2.3.9) without its redundancy, about
half the size. Postings ("which documents have this term in this field") are exactly the
non-zero entries of the field vectors, so only the sorted term list and the vectors travel:

    {"version", "fields", "pipeline", "terms": [term, ...],
     "fieldVectors": [["title/0", [gap, ...], [score, ...]], ...]}

A term's position in ``terms`` is its vector index; each vector's ascending indices are
sent as gaps from the previous one (shorter numbers, a quarter less gzip), and its scores
as a parallel list. ``expand`` (here and in engine.js) rebuilds lunr's form.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, Protocol

import numpy as np

from reform_archive.search import analysis
from reform_archive.search.jsorder import js_sorted
from reform_archive.search.vendor import LUNR_VERSION

__all__ = [
    "ENTRIES_PER_STEP",
    "FIELDS",
    "PIPELINE",
    "FieldTerms",
    "Gathered",
    "Indexable",
    "IndexedText",
    "TermNumbers",
    "TermOrder",
    "Weights",
    "article_terms",
    "build_index",
    "count_ids",
        "gather",
    "weigh",
]

K1, B = 1.2, 0.75  # lunr's BM25 parameters (lunr.Builder's defaults)
PIPELINE = [analysis.NORMALISE_LABEL, analysis.EXPAND_LABEL]  # what lunr.js runs on a plain idx.search()

# field -> boost. A title match outweighs many body matches; the short fields that name
# what an article is about (provinces, documents, tags, topics) sit in between.
FIELDS: Mapping[str, int] = {
    "title": 10,
    "summary": 3,
    "body": 1,
    "tags": 4,
    "provinces": 5,
    "topics": 3,
    "documents": 5,
}


@dataclass(frozen=True)
class FieldTerms:
    """One field's index terms, counted: what BM25 needs, in a form that pickles as three
    objects (the build cache and worker processes move thousands of these)."""

    # the distinct terms, in order of first appearance, joined by newlines, as UTF-8: bytes
    # unpickle without decoding (a third of reading 10,000 cached articles) and take less memory
    distinct: bytes
    counts: bytes  # how often each occurs (int32)
    length: int  # how many terms the field has in all

    @classmethod
    def of(cls, terms: list[str]) -> FieldTerms:
        counted = Counter(terms)  # terms never hold a newline: they are runs of letters and digits
        return cls("\n".join(counted).encode(), np.fromiter(counted.values(), dtype=np.int32, count=len(counted)).tobytes(),
                   len(terms))

    def encoded_terms(self) -> list[bytes]:
        return self.distinct.split(b"\n") if self.distinct else []

    def terms(self) -> list[str]:
        return [term.decode() for term in self.encoded_terms()]


class Indexable(Protocol):
    """Read-only: frozen articles (SourceArticle, Article) are indexable."""

    @property
    def title(self) -> str: ...
    @property
    def summary(self) -> str: ...
    @property
    def tags(self) -> tuple[str, ...]: ...
    @property
    def provinces(self) -> tuple[str, ...]: ...
    @property
    def topics(self) -> tuple[str, ...]: ...
    @property
    def documents(self) -> tuple[str, ...]: ...


def article_terms(article: Indexable, body: str) -> tuple[FieldTerms, ...]:
    """An article's index terms, field by field in :data:`FIELDS` order. ``body``: its plain
    text (``markup.plain_text(html)``). Depends on the article alone, so it is cached."""
    def terms(*texts: str) -> FieldTerms:  # each value on its own: no bigram across two tags or codes
        return FieldTerms.of([term for text in texts for term in analysis.analyse(text)])

    return (terms(article.title), terms(article.summary), terms(body), terms(*article.tags),
            terms(*article.provinces), terms(*article.topics), terms(*article.documents))


@dataclass(frozen=True)
class IndexedText:
    """What one article contributes to the index, under its reference."""

    ref: str
    fields: tuple[FieldTerms, ...] | None  # in FIELDS order; None: ``known`` has them by key (see gather)
    key: str = ""  # names these fields across builds (the article's cache key): see TermNumbers


class _TermIds(dict[bytes, int]):
    """term (UTF-8) -> a number, given in order of first appearance."""

    def __missing__(self, term: bytes) -> int:
        self[term] = number = len(self)
        return number


@dataclass(frozen=True)
class TermOrder:
    """A vocabulary's two orders, by term id, and each term's key (see
    :mod:`reform_archive.search.groups`): kept with its numbers so the next build updates
    them instead of sorting 200,000 terms again."""

    by_rank: np.ndarray  # int32 term ids
    by_position: np.ndarray  # int32 term ids
    keys: bytes  # per term id, UTF-8, joined by newlines

    @property
    def size(self) -> int:
        return self.keys.count(b"\n") + 1 if self.keys else 0

    def consistent(self) -> bool:
        """Both orders are orders of every id once."""
        size = self.size
        return all(len(ids) == size and (size == 0 or (int(ids.min()) >= 0 and int(ids.max()) < size
                                                       and bool((np.bincount(ids, minlength=size) == 1).all())))
                   for ids in (self.by_rank, self.by_position))


@dataclass(frozen=True)
class TermNumbers:
    """What a build's index held of each document, by document key: its entries' term ids,
    their counts, and each field's size and length. The next build takes an unchanged
    document's part as slices, without its terms: numbering entries is a dict lookup each
    (1.2 s for 14 million at 10,000 articles), and a build that needs no terms need not
    read 10,000 cache entries to get them. Which number a term gets changes no output:
    everything is ordered by the terms themselves."""

    terms: bytes  # the terms by id, UTF-8, joined by newlines
    spans: dict[str, tuple[int, int, int]]  # document key -> (first entry, end entry, its row below)
    ids: np.ndarray  # int32, per entry
    counts: np.ndarray  # per entry: how often its term occurs in its field
    sizes: np.ndarray  # int64, (documents, fields): entries per field
    lengths: np.ndarray  # int64, (documents, fields): terms per field, all occurrences counted
    order: TermOrder | None = None  # the vocabulary's orders, when the build made them

    def vocabulary(self) -> list[bytes]:
        return self.terms.split(b"\n") if self.terms else []

    def consistent(self) -> bool:
        """Whether the ids fit the vocabulary and the spans fit the ids and rows (a cache entry
        passed its checksum, but a number out of range would index the wrong term silently)."""
        size = self.terms.count(b"\n") + 1 if self.terms else 0
        if self.order is not None and self.order.size != size:
            return False
        rows = self.sizes.shape[0] if self.sizes.ndim == 2 else -1
        if not (len(self.ids) == len(self.counts) and self.sizes.shape == self.lengths.shape == (rows, len(FIELDS))):
            return False
        if len(self.ids) and not 0 <= int(self.ids.min()) <= int(self.ids.max()) < size:
            return False
        spans = np.array(list(self.spans.values()), dtype=np.int64).reshape(-1, 3)
        starts, ends, rows_at = spans[:, 0], spans[:, 1], spans[:, 2]
        if not ((starts >= 0) & (starts <= ends) & (ends <= len(self.ids)) & (rows_at >= 0) & (rows_at < rows)).all():
            return False
        return bool((self.sizes[rows_at].sum(axis=1) == ends - starts).all())  # each span is its row's entries


@dataclass(frozen=True)
class Gathered:
    """Every field vector's distinct terms and counts, in one flat, document-major run
    (document by document, fields in FIELDS order): what both index layouts score."""

    refs: list[str]
    terms: list[str]  # term ids are positions here
    term_ids: np.ndarray  # int32, one per vector entry
    counts: np.ndarray  # how often the entry's term occurs in its field (uint16 when all fit: 27 MB at 10k)
    sizes: np.ndarray  # int64, entries per vector
    lengths: list[int]  # terms per vector, all occurrences counted (lunr's field length)
    keys: Sequence[str] = ()  # per document: IndexedText.key
    term_bytes: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int32))  # per term: UTF-8 bytes
    carried: np.ndarray | None = None  # per term: its id in the known numbering, -1 if new (None: none known)

    def term_numbers(self) -> TermNumbers:
        fields = len(FIELDS)
        ends = np.cumsum(self.sizes.reshape(len(self.refs), fields).sum(axis=1)).tolist()
        spans = {key: (start, end, row) for row, (key, start, end) in enumerate(zip(self.keys, [0, *ends], ends, strict=False)) if key}
        return TermNumbers("\n".join(self.terms).encode(), spans, self.term_ids, self.counts,
                           self.sizes.reshape(-1, fields), np.array(self.lengths, dtype=np.int64).reshape(-1, fields))


def gather(documents: Iterable[IndexedText], known: TermNumbers | None = None) -> Gathered:
    """``known``: the previous build's numbering; a document whose key it has is taken from
    it (its fields are not looked at, and may be None)."""
    vocabulary = known.vocabulary() if known is not None else []
    ids = _TermIds(zip(vocabulary, range(len(vocabulary)), strict=True))
    refs: list[str] = []
    keys: list[str] = []
    id_pieces: list[np.ndarray] = []
    count_pieces: list[np.ndarray] = []
    term_ids = array("i")  # documents numbered here, since the last one taken from ``known``
    counts: list[bytes] = []  # and their counts (int32)
    sizes = array("q")
    lengths = array("q")

    def flush() -> None:
        nonlocal term_ids
        if counts:
            id_pieces.append(np.frombuffer(term_ids, dtype=np.int32))
            count_pieces.append(np.frombuffer(b"".join(counts), dtype=np.int32))
            term_ids = array("i")
            counts.clear()

    for document in documents:
        refs.append(document.ref)
        keys.append(document.key)
        span = known.spans.get(document.key) if known is not None and document.key else None
        if span is not None:
            assert known is not None
            start, end, row = span
            flush()
            id_pieces.append(known.ids[start:end])
            count_pieces.append(known.counts[start:end])
            sizes.extend(known.sizes[row].tolist())
            lengths.extend(known.lengths[row].tolist())
            continue
        assert document.fields is not None, f"no terms for {document.ref} and none known"
        for part in document.fields:
            term_ids.extend(map(ids.__getitem__, part.encoded_terms()))  # decoded once per term, below
            counts.append(part.counts)
            sizes.append(len(part.counts) // 4)  # one int32 count per distinct term
            lengths.append(part.length)
    flush()
    numbers, all_counts = _joined(id_pieces, np.int32), _joined(count_pieces, np.int32)
    terms = list(ids)
    term_bytes = np.fromiter(map(len, terms), dtype=np.int32, count=len(terms))
    carried = np.arange(len(terms), dtype=np.int32)
    carried[len(vocabulary):] = -1
    used = np.zeros(len(terms), dtype=bool)
    used[numbers] = True
    if not used.all():  # terms only removed or edited documents had
        numbers = (np.cumsum(used, dtype=np.int32) - 1)[numbers]
        terms = [term for term, kept in zip(terms, used.tolist(), strict=True) if kept]
        term_bytes, carried = term_bytes[used], carried[used]
    return Gathered(refs, [term.decode() for term in terms], numbers, _narrow(all_counts),
                    np.frombuffer(sizes, dtype=np.int64), lengths.tolist(), keys, term_bytes,
                    carried if known is not None else None)


def _joined(pieces: list[np.ndarray], dtype: type) -> np.ndarray:
    if len(pieces) == 1:
        return pieces[0]  # a cold build's: not copied
    return np.concatenate(pieces) if pieces else np.empty(0, dtype=dtype)


def _narrow(counts: np.ndarray) -> np.ndarray:
    return counts.astype(np.uint16) if int(counts.max(initial=0)) < 1 << 16 else counts


@dataclass(frozen=True)
class Weights:
    """lunr.py's BM25 ingredients: per term, per field and per vector."""

    idf: np.ndarray  # per term id
    with_term: np.ndarray  # per term id: its entries (vectors that have it), what idf counts
    averages: list[float]  # average field length, per field
    norms: np.ndarray  # k1 * (1 - b + b * length / average), per vector
    boosts: np.ndarray  # the field boost, per vector

    def scores(self, ids: np.ndarray, tfs: np.ndarray, vectors: np.ndarray) -> np.ndarray:
        """lunr.py's rounded scores of entries (term id, count, vector number), with the same
        floating-point operations in the same order, so the same doubles."""
        return _round3(self.idf[ids] * ((K1 + 1) * tfs) / (self.norms[vectors] + tfs) * self.boosts[vectors])


def count_ids(ids: np.ndarray, size: int) -> np.ndarray:
    """``np.bincount(ids, minlength=size)``, a million ids at a time: bincount turns int32
    into int64 first, a copy of 14 million entries (110 MB at 10,000 articles)."""
    counts = np.zeros(size, dtype=np.int64)
    for start in range(0, len(ids), ENTRIES_PER_STEP):
        counts += np.bincount(ids[start:start + ENTRIES_PER_STEP], minlength=size)
    return counts


def weigh(gathered: Gathered) -> Weights:
    documents, fields = len(gathered.refs), len(FIELDS)
    # lunr's idf counts a document once per field the term is in
    with_term = count_ids(gathered.term_ids, len(gathered.terms))
    idf = np.array([math.log(1 + abs((documents - n + 0.5) / (n + 0.5))) for n in with_term.tolist()])
    field_lengths = np.array(gathered.lengths, dtype=np.float64).reshape(documents, fields)
    averages = [total / documents
                for total in np.array(gathered.lengths).reshape(documents, fields).sum(axis=0).tolist()]
    with np.errstate(divide="ignore", invalid="ignore"):  # a field empty everywhere has no entries to score
        norms = (K1 * (1 - B + B * (field_lengths / np.array(averages)))).ravel()
    boosts = np.tile(np.array(list(FIELDS.values()), dtype=np.float64), documents)
    return Weights(idf, with_term, averages, norms, boosts)


def build_index(documents: Iterable[IndexedText]) -> dict[str, Any]:
    """The whole index in one piece, in the wire format (see :func:`expand`); its vectors are
    numpy arrays, so it is serialised with ``orjson.OPT_SERIALIZE_NUMPY``. The site is
    served the same index split by term (:mod:`reform_archive.search.shards`); this unsplit
    form is the reference the split one is tested against.

    The scores are lunr.py's (BM25 with field boosts, rounded to 3 decimals), computed for
    all vector entries at once: a 10,000-article archive has about 14 million of them, and
    a Python loop over them was most of the build. tests/search/test_index.py checks the
    result against lunr.py's own builder.
    """
    gathered = gather(documents)
    wire: dict[str, Any] = {"version": LUNR_VERSION, "fields": list(FIELDS), "pipeline": PIPELINE,
                            "terms": [], "fieldVectors": []}
    if gathered.refs:
        _fill_vectors(wire, gathered)
    return wire


ENTRIES_PER_STEP = 1 << 20  # scored and sorted this many at a time: a few temporaries, not a dozen copies of all


def _fill_vectors(wire: dict[str, Any], gathered: Gathered) -> None:
    refs, terms, term_ids, counts, sizes = gathered.refs, gathered.terms, gathered.term_ids, gathered.counts, gathered.sizes
    fields = len(FIELDS)
    weights = weigh(gathered)
    order = js_sorted(terms)
    position = np.empty(len(terms), dtype=np.int32)
    position[order] = np.arange(len(terms), dtype=np.int32)
    wire["terms"] = [terms[i] for i in order]
    starts = np.concatenate([[0], np.cumsum(sizes)])
    gaps = np.empty(len(term_ids), dtype=np.int32)
    scores = np.empty(len(term_ids), dtype=np.float64)
    steps = np.unique(np.searchsorted(starts, np.arange(0, starts[-1], ENTRIES_PER_STEP), side="right") - 1).tolist()
    steps.append(len(sizes))
    for first, last in pairwise(steps):  # whole vectors, about ENTRIES_PER_STEP entries each
        begin, end = int(starts[first]), int(starts[last])
        ids, tfs, chunk_sizes = term_ids[begin:end], counts[begin:end].astype(np.float64), sizes[first:last]
        chunk_scores = weights.scores(ids, tfs, np.repeat(np.arange(first, last), chunk_sizes))
        # each vector's entries in ascending term position, sent as gaps from the previous one;
        # one key per entry, unique (a term is once in a vector): a plain argsort, ten times lexsort's speed
        positions = position[ids]
        segment = np.repeat(np.arange(last - first, dtype=np.int64), chunk_sizes)
        sorted_entries = np.argsort(segment * len(terms) + positions)
        positions = positions[sorted_entries]
        chunk_gaps = np.diff(positions, prepend=np.int32(0))
        firsts = (starts[first:last] - begin)[chunk_sizes > 0]
        chunk_gaps[firsts] = positions[firsts]
        gaps[begin:end] = chunk_gaps
        scores[begin:end] = chunk_scores[sorted_entries]
    names = list(FIELDS)
    bounds = starts.tolist()
    wire["fieldVectors"] = [[f"{names[i % fields]}/{refs[i // fields]}", gaps[start:end], scores[start:end]]
                            for i, (start, end) in enumerate(pairwise(bounds))]


def _round3(values: np.ndarray) -> np.ndarray:
    """Python's round(x, 3) (the exact value rounded, halves to even) for every element:
    rint(x * 1000) agrees except where x * 1000 lands next to a half, and those few are
    rounded by Python itself."""
    scaled = values * 1000
    rounded = np.rint(scaled) / 1000
    doubtful = np.flatnonzero(np.abs(scaled - np.floor(scaled) - 0.5) < 1e-6)
    for i in doubtful.tolist():
        rounded[i] = round(float(values[i]), 3)
    return np.asarray(rounded)
