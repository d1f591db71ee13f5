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
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Protocol

import numpy as np

from generator.search import analysis
from generator.search.vendor import LUNR_VERSION

K1, B = 1.2, 0.75  # lunr's BM25 parameters (lunr.Builder's defaults)
_PIPELINE = [analysis.NORMALISE_LABEL, analysis.EXPAND_LABEL]  # what lunr.js runs on a plain idx.search()

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

    distinct: str  # the distinct terms, in order of first appearance, joined by newlines
    counts: bytes  # how often each occurs (int32)
    length: int  # how many terms the field has in all

    @classmethod
    def of(cls, terms: list[str]) -> FieldTerms:
        counted = Counter(terms)  # terms never hold a newline: they are runs of letters and digits
        return cls("\n".join(counted), np.fromiter(counted.values(), dtype=np.int32, count=len(counted)).tobytes(),
                   len(terms))

    def terms(self) -> list[str]:
        return self.distinct.split("\n") if self.distinct else []


class Indexable(Protocol):
    title: str
    summary: str
    tags: tuple[str, ...]
    provinces: tuple[str, ...]
    topics: tuple[str, ...]
    documents: tuple[str, ...]


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
    fields: tuple[FieldTerms, ...]  # in FIELDS order


class _TermIds(dict):
    """term -> a number, given in order of first appearance."""

    def __missing__(self, term: str) -> int:
        self[term] = number = len(self)
        return number


def build_index(documents: Iterable[IndexedText]) -> dict[str, Any]:
    """The index in the wire format (see :func:`expand`); its vectors are numpy arrays, so
    it is serialised with ``orjson.OPT_SERIALIZE_NUMPY``.

    The scores are lunr.py's (BM25 with field boosts, rounded to 3 decimals), computed for
    all vector entries at once: a 10,000-article archive has about 40 million of them, and
    a Python loop over them was most of the build. tests/search/test_index.py checks the
    result against lunr.py's own builder.
    """
    ids = _TermIds()
    refs: list[str] = []
    term_chunks: list[np.ndarray] = []  # per field of each document, document-major, in FIELDS order
    count_chunks: list[np.ndarray] = []
    lengths: list[int] = []
    for document in documents:
        refs.append(document.ref)
        for field in document.fields:
            distinct = field.terms()
            term_chunks.append(np.fromiter(map(ids.__getitem__, distinct), dtype=np.int64, count=len(distinct)))
            count_chunks.append(np.frombuffer(field.counts, dtype=np.int32).astype(np.float64))
            lengths.append(field.length)
    wire: dict[str, Any] = {"version": LUNR_VERSION, "fields": list(FIELDS), "pipeline": _PIPELINE,
                            "terms": [], "fieldVectors": []}
    if refs:
        _fill_vectors(wire, refs, list(ids), term_chunks, count_chunks, lengths)
    return wire


def _fill_vectors(wire: dict[str, Any], refs: list[str], terms: list[str], term_chunks: list[np.ndarray],
                  count_chunks: list[np.ndarray], lengths: list[int]) -> None:
    documents, boosts = len(refs), list(FIELDS.values())
    sizes = np.fromiter(map(len, term_chunks), dtype=np.int64, count=len(term_chunks))
    term_ids, tfs = np.concatenate(term_chunks), np.concatenate(count_chunks)
    # lunr's idf counts a document once per field the term is in
    with_term = np.bincount(term_ids, minlength=len(terms)).tolist()
    idf = np.array([math.log(1 + abs((documents - n + 0.5) / (n + 0.5))) for n in with_term])
    field_lengths = np.array(lengths, dtype=np.float64).reshape(documents, len(FIELDS))
    averages = [total / documents for total in np.array(lengths).reshape(documents, len(FIELDS)).sum(axis=0).tolist()]
    with np.errstate(divide="ignore", invalid="ignore"):  # a field empty everywhere has no entries to score
        norms = K1 * (1 - B + B * (field_lengths / np.array(averages)))
    entry_norms = np.repeat(norms.ravel(), sizes)
    entry_boosts = np.repeat(np.tile(np.array(boosts, dtype=np.float64), documents), sizes)
    # the same operations in the same order as lunr.py, so the same doubles
    scores = _round3(idf[term_ids] * ((K1 + 1) * tfs) / (entry_norms + tfs) * entry_boosts)

    order = _js_sorted(terms)
    position = np.empty(len(terms), dtype=np.int64)
    position[order] = np.arange(len(terms))
    wire["terms"] = [terms[i] for i in order]
    # each vector's entries in ascending term position, sent as gaps from the previous one
    positions = position[term_ids]
    segment = np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)
    # one key per entry, unique (a term is once in a vector): a plain argsort, ten times lexsort's speed
    sorted_entries = np.argsort(segment * len(terms) + positions)
    positions, scores = positions[sorted_entries], scores[sorted_entries]
    gaps = np.diff(positions, prepend=0)
    ends = np.cumsum(sizes).tolist()
    starts = [0] + ends[:-1]
    firsts = [start for start, end in zip(starts, ends, strict=True) if end > start]
    gaps[firsts] = positions[firsts]
    names = list(FIELDS)
    wire["fieldVectors"] = [[f"{names[i % len(names)]}/{refs[i // len(names)]}", gaps[start:end], scores[start:end]]
                            for i, (start, end) in enumerate(zip(starts, ends, strict=True))]


def _round3(values: np.ndarray) -> np.ndarray:
    """Python's round(x, 3) (the exact value rounded, halves to even) for every element:
    rint(x * 1000) agrees except where x * 1000 lands next to a half, and those few are
    rounded by Python itself."""
    scaled = values * 1000
    rounded = np.rint(scaled) / 1000
    doubtful = np.flatnonzero(np.abs(scaled - np.floor(scaled) - 0.5) < 1e-6)
    for i in doubtful.tolist():
        rounded[i] = round(float(values[i]), 3)
    return rounded


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _js_sorted(terms: list[str]) -> list[int]:
    """Positions of ``terms`` in the order lunr.js insists on when it rebuilds its token set:
    JavaScript's (UTF-16 code units), which differs from Python's only past U+FFFF."""
    key = terms.__getitem__ if not _ASTRAL.search("".join(terms)) else (lambda i: _js_order(terms[i]))
    return sorted(range(len(terms)), key=key)


def _js_order(term: str) -> bytes:
    return term.encode("utf-16-be")


def expand(wire: Mapping[str, Any]) -> dict[str, Any]:
    """The wire format back to lunr's serialisation (the same steps as engine.js's)."""
    postings: list[dict[str, Any]] = [{"_index": i, **{f: {} for f in wire["fields"]}}
                                      for i in range(len(wire["terms"]))]
    vectors = []
    for field_ref, gaps, scores in wire["fieldVectors"]:
        field, ref = field_ref.split("/", 1)
        elements, index = [], 0
        for gap, score in zip(gaps, scores, strict=True):
            index += gap
            elements += [index, score]
            postings[index][field][ref] = {}
        vectors.append([field_ref, elements])
    return {"version": wire["version"], "fields": wire["fields"], "pipeline": wire["pipeline"],
            "fieldVectors": vectors, "invertedIndex": [[t, p] for t, p in zip(wire["terms"], postings, strict=True)]}
