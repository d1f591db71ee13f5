"""The lunr index of a site: lunr.py with the Vietnamese pipeline, serialised for lunr.js (pure).

Documents are referred to by their position in the site's article list (newest first),
as a string: "0", "1", ... The same number finds the article in the document store.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from lunr.builder import Builder

from generator.markup import plain_text
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
    """What one article contributes to the index, field by field, as analysis words."""

    ref: str
    fields: Mapping[str, list[str]]


def indexed_text(ref: str, article: Article) -> IndexedText:
    def words(*texts: str) -> list[str]:
        return [w for text in texts for w in analysis.tokenize(text)]

    return IndexedText(ref, {
        "title": words(article.title),
        "summary": words(article.summary),
        "body": words(plain_text(article.html)),
        "tags": words(*article.tags),
        "provinces": words(*article.provinces),
        "topics": words(*article.topics),
        "documents": words(*article.documents),
    })


def build_index(documents: Iterable[IndexedText]) -> dict[str, Any]:
    """The index in the wire format (see :func:`compact`), ready for the search page."""
    return compact(build_lunr_index(documents))


def build_lunr_index(documents: Iterable[IndexedText]) -> dict[str, Any]:
    """A serialised lunr index (lunr-schema, version 2.3.9), as ``lunr.Index.load`` takes it."""
    analysis.register()
    builder = Builder()
    builder.pipeline.add(analysis.lunr_normalise, analysis.lunr_expand)
    # what lunr.js runs on a plain idx.search("..."); our query code builds terms itself
    builder.search_pipeline.add(analysis.lunr_normalise, analysis.lunr_expand)
    builder.ref("ref")
    for name, boost in FIELDS.items():
        builder.field(name, boost=boost)
    for document in documents:
        builder.add({"ref": document.ref, **document.fields})
    if not builder.document_count:  # lunr.py divides by the number of documents
        return {"version": LUNR_VERSION, "fields": list(FIELDS), "fieldVectors": [], "invertedIndex": [],
                "pipeline": builder.search_pipeline.serialize()}
    serialised = builder.build().serialize()
    # lunr.js rebuilds its token set from this list and insists on JavaScript's string
    # order (UTF-16 code units), which differs from Python's for characters past U+FFFF
    serialised["invertedIndex"].sort(key=lambda entry: _js_order(entry[0]))
    return serialised


def _js_order(term: str) -> bytes:
    return term.encode("utf-16-be")


def compact(serialised: Mapping[str, Any]) -> dict[str, Any]:
    """lunr's serialisation without its redundancy, about half the size.

    Postings ("which documents have this term in this field") are exactly the non-zero
    entries of the field vectors, so only the sorted term list and the vectors travel; a
    term's position in the list becomes its vector index. ``expand`` (here and in
    engine.js) rebuilds lunr's form, and lunr.js loads that unchanged.
    """
    terms = [entry[0] for entry in serialised["invertedIndex"]]
    position = {entry[1]["_index"]: i for i, entry in enumerate(serialised["invertedIndex"])}
    vectors = []
    for field_ref, elements in serialised["fieldVectors"]:
        pairs = sorted((position[elements[i]], elements[i + 1]) for i in range(0, len(elements), 2))
        vectors.append([field_ref, [value for pair in pairs for value in pair]])
    return {"version": serialised["version"], "fields": serialised["fields"], "pipeline": serialised["pipeline"],
            "terms": terms, "fieldVectors": vectors}


def expand(wire: Mapping[str, Any]) -> dict[str, Any]:
    """The wire format back to lunr's serialisation (the same steps as engine.js's)."""
    postings: list[dict[str, Any]] = [{"_index": i, **{f: {} for f in wire["fields"]}} for i in range(len(wire["terms"]))]
    for field_ref, elements in wire["fieldVectors"]:
        field, ref = field_ref.split("/", 1)
        for i in range(0, len(elements), 2):
            postings[elements[i]][field][ref] = {}
    return {"version": wire["version"], "fields": wire["fields"], "pipeline": wire["pipeline"],
            "fieldVectors": wire["fieldVectors"], "invertedIndex": [[t, p] for t, p in zip(wire["terms"], postings)]}
