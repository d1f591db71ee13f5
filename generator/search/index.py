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
    """A serialised lunr index (lunr-schema, version 2.3.9) ready for ``lunr.Index.load``."""
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
    serialised["invertedIndex"].sort(key=lambda entry: entry[0].encode("utf-16-be"))
    return serialised
