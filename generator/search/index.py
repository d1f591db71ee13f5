"""The lunr index of a site: lunr.py with the Vietnamese pipeline, serialised for lunr.js (pure).

Documents are referred to by their position in the site's article list (newest first),
as a string: "0", "1", ... The same number finds the article in the document store.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from lunr.builder import Builder
from lunr.field_ref import FieldRef
from lunr.idf import idf
from lunr.vector import Vector

from generator.model import Article
from generator.search import analysis
from generator.search.vendor import LUNR_VERSION

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
class IndexedText:
    """What one article contributes to the index: its index terms, field by field."""

    ref: str
    fields: Mapping[str, list[str]]


def indexed_text(ref: str, article: Article, body: str) -> IndexedText:
    """``body``: the article's plain text (``markup.plain_text(article.html)``)."""
    def terms(*texts: str) -> list[str]:  # each value on its own: no bigram across two tags or codes
        return [term for text in texts for term in analysis.analyse(text)]

    return IndexedText(ref, {
        "title": terms(article.title),
        "summary": terms(article.summary),
        "body": terms(body),
        "tags": terms(*article.tags),
        "provinces": terms(*article.provinces),
        "topics": terms(*article.topics),
        "documents": terms(*article.documents),
    })


class _TermBuilder(Builder):
    """lunr.py's builder, fed with the terms the Vietnamese pipeline made.

    ``Builder.add`` would tokenise (copying metadata for every token) and call the pipeline
    functions token by token; :func:`analysis.analyse` is the same pipeline with memoised
    steps (tests/search/test_parity.py checks they agree) and about three times faster.
    Scoring (BM25 with field boosts) and vectors are lunr.py's own.
    """

    def add_terms(self, document: IndexedText) -> None:
        ref = document.ref
        self._documents[ref] = {}
        self.document_count += 1
        for field_name in self._fields:
            terms = document.fields[field_name]
            field_ref = str(FieldRef(ref, field_name))
            frequencies = Counter(terms)
            self.field_term_frequencies[field_ref] = frequencies
            self.field_lengths[field_ref] = len(terms)
            for term in frequencies:
                posting = self.inverted_index.get(term)
                if posting is None:
                    posting = {name: {} for name in self._fields}
                    posting["_index"] = self.term_index
                    self.term_index += 1
                    self.inverted_index[term] = posting
                posting[field_name][ref] = {}

    def _create_field_vectors(self) -> None:
        """lunr.py's scoring (BM25, field boosts, 3 decimals), with each vector built sorted
        in one go instead of by binary-search insertion; test_index checks both agree."""
        idfs: dict[str, float] = {}
        vectors = {}
        for field_ref, frequencies in self.field_term_frequencies.items():
            if not frequencies:  # an empty field (its average length may be 0)
                vectors[field_ref] = Vector()
                continue
            field_name = FieldRef.from_string(field_ref).field_name
            boost = self._fields[field_name].boost
            length_norm = self._k1 * (1 - self._b + self._b * (self.field_lengths[field_ref]
                                                              / self.average_field_length[field_name]))
            entries = []
            for term, tf in frequencies.items():
                if term not in idfs:
                    idfs[term] = idf(self.inverted_index[term], self.document_count)
                score = idfs[term] * ((self._k1 + 1) * tf) / (length_norm + tf) * boost
                entries.append((self.inverted_index[term]["_index"], round(score, 3)))
            entries.sort()
            vectors[field_ref] = Vector([value for entry in entries for value in entry])
        self.field_vectors = vectors


def build_index(documents: Iterable[IndexedText]) -> dict[str, Any]:
    """The index in the wire format (see :func:`compact`), ready for the search page."""
    return compact(build_lunr_index(documents))


def build_lunr_index(documents: Iterable[IndexedText]) -> dict[str, Any]:
    """A serialised lunr index (lunr-schema, version 2.3.9), as ``lunr.Index.load`` takes it."""
    analysis.register()
    builder = _TermBuilder()
    # what lunr.js runs on a plain idx.search("..."); our query code builds terms itself
    builder.search_pipeline.add(analysis.lunr_normalise, analysis.lunr_expand)
    for name, boost in FIELDS.items():
        builder.field(name, boost=boost)
    for document in documents:
        builder.add_terms(document)
    vectors: list[list[Any]] = []
    if builder.document_count:  # lunr.py divides by the number of documents
        builder._calculate_average_field_lengths()
        builder._create_field_vectors()
        vectors = [[ref, vector.serialize()] for ref, vector in builder.field_vectors.items()]
    # lunr.js rebuilds its token set from this list and insists on JavaScript's string
    # order (UTF-16 code units), which differs from Python's for characters past U+FFFF
    terms = sorted(builder.inverted_index, key=_js_order)
    return {"version": LUNR_VERSION, "fields": list(FIELDS), "fieldVectors": vectors,
            "invertedIndex": [[term, builder.inverted_index[term]] for term in terms],
            "pipeline": builder.search_pipeline.serialize()}


def _js_order(term: str) -> bytes:
    return term.encode("utf-16-be")


def compact(serialised: Mapping[str, Any]) -> dict[str, Any]:
    """lunr's serialisation without its redundancy, about half the size.

    Postings ("which documents have this term in this field") are exactly the non-zero
    entries of the field vectors, so only the sorted term list and the vectors travel; a
    term's position in the list becomes its vector index, and each vector's ascending
    indices are sent as gaps from the previous one. ``expand`` (here and in
    engine.js) rebuilds lunr's form, and lunr.js loads that unchanged.
    """
    terms = [entry[0] for entry in serialised["invertedIndex"]]
    position = {entry[1]["_index"]: i for i, entry in enumerate(serialised["invertedIndex"])}
    vectors = []
    for field_ref, elements in serialised["fieldVectors"]:
        pairs = sorted((position[elements[i]], elements[i + 1]) for i in range(0, len(elements), 2))
        gaps, previous = [], 0
        for index, score in pairs:  # ascending indices sent as gaps: shorter numbers, a quarter less gzip
            gaps += [index - previous, score]
            previous = index
        vectors.append([field_ref, gaps])
    return {"version": serialised["version"], "fields": serialised["fields"], "pipeline": serialised["pipeline"],
            "terms": terms, "fieldVectors": vectors}


def expand(wire: Mapping[str, Any]) -> dict[str, Any]:
    """The wire format back to lunr's serialisation (the same steps as engine.js's)."""
    postings: list[dict[str, Any]] = [{"_index": i, **{f: {} for f in wire["fields"]}} for i in range(len(wire["terms"]))]
    vectors = []
    for field_ref, gaps in wire["fieldVectors"]:
        field, ref = field_ref.split("/", 1)
        elements, index = [], 0
        for i in range(0, len(gaps), 2):
            index += gaps[i]
            elements += [index, gaps[i + 1]]
            postings[index][field][ref] = {}
        vectors.append([field_ref, elements])
    return {"version": wire["version"], "fields": wire["fields"], "pipeline": wire["pipeline"],
            "fieldVectors": vectors, "invertedIndex": [[t, p] for t, p in zip(wire["terms"], postings, strict=True)]}
