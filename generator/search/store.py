"""The files the search page reads: a small manifest pointing at content-hashed data (pure).

    search/manifest.json          what exists; fetched first, small, never cached for long
    search/index.<hash>.json      the lunr index (one shard today; see docs/search.md)
    search/docs-<n>.<hash>.json   the document store: title, date, link, snippet text,
                                  DOCS_PER_FILE articles per file, fetched for shown results
    search/facets.<hash>.json     year, topics and provinces of every article, for filters

The index answers "which articles, how relevant"; the store answers "what to show". They
are separate so a later split of the index (by term) changes only the manifest's "index"
list, and results fetch only the store files they show.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Mapping

import orjson

from generator.markup import plain_text
from generator.model import Article, Site, term_slug
from generator.search import analysis
from generator.search.index import FIELDS, FieldTerms, IndexedText, article_terms, build_index
from generator.search.vendor import LUNR_VERSION
from generator.text.dates import format_date

SEARCH_DIR = "search/"
MANIFEST = SEARCH_DIR + "manifest.json"
FORMAT_VERSION = 2  # 2: vectors as [field/ref, gaps, scores]
DOCS_PER_FILE = 10
# Snippets are cut in the browser around the words found, so the store keeps the whole
# text; only a pathological page is cut short.
SNIPPET_SOURCE_CHARS = 50_000
FACET_TAXONOMIES = ("topics", "provinces")

Link = Callable[[str], str]


@dataclass(frozen=True)
class SearchFile:
    path: str  # site-relative
    data: bytes


def search_files(site: Site, link: Link,
                 analysed: Mapping[str, tuple[str, tuple[FieldTerms, ...]]] | None = None) -> list[SearchFile]:
    """Every search file of ``site``; the manifest comes last and names the others.
    ``analysed``: (plain text, index terms) by article path, where the build has them
    already (:mod:`generator.prepare`); the others are analysed here."""
    articles = site.articles
    known = analysed or {}
    texts = [known.get(a.path) or _analyse(a) for a in articles]
    bodies = [body for body, _ in texts]
    index = _hashed("index", _json(build_index(IndexedText(str(i), terms) for i, (_, terms) in enumerate(texts))))
    language = site.settings.language
    documents = [_document(a, body, link, language) for a, body in zip(articles, bodies, strict=True)]
    doc_files = [_hashed(f"docs-{n}", _json(chunk)) for n, chunk in enumerate(_chunks(documents, DOCS_PER_FILE))]
    vocabularies = {name: _vocabulary(site, name) for name in FACET_TAXONOMIES}
    facets = _hashed("facets", _json(_facets(articles, vocabularies)))
    manifest = {
        "format": FORMAT_VERSION,
        "lunr": LUNR_VERSION,
        "pipeline": [analysis.NORMALISE_LABEL, analysis.EXPAND_LABEL],
        "fields": dict(FIELDS),
        "count": len(articles),
        "index": [{"file": _name(index)}],
        "documents": {"per_file": DOCS_PER_FILE, "files": [_name(f) for f in doc_files]},
        "facets": _name(facets),
        "filters": {
            "years": sorted(site.years),
            **{name: [{"slug": slug, "name": label, "count": count} for slug, label, count in vocabulary]
               for name, vocabulary in vocabularies.items()},
        },
    }
    return [index, *doc_files, facets, SearchFile(MANIFEST, _json(manifest))]


def _analyse(article: Article) -> tuple[str, tuple[FieldTerms, ...]]:
    body = plain_text(article.html)
    return body, article_terms(article, body)


def _document(article: Article, body: str, link: Link, language: str) -> dict[str, str]:
    return {
        "url": link(article.url),
        "title": article.title,
        "date": format_date(article.date, article.date_precision, language),
        "iso": article.date.date().isoformat(),
        "text": snippet_source(article, body),
    }


def snippet_source(article: Article, body: str) -> str:
    if article.summary and body.startswith(article.summary):
        body = body[len(article.summary):].lstrip()  # the importer often keeps the lead in both
    text = f"{article.summary} {body}".strip()
    if len(text) <= SNIPPET_SOURCE_CHARS:
        return text
    cut = text.rfind(" ", 0, SNIPPET_SOURCE_CHARS)
    return text[: cut if cut > 0 else SNIPPET_SOURCE_CHARS]


def _vocabulary(site: Site, taxonomy: str) -> list[tuple[str, str, int]]:
    return [(term.slug, term.name, len(term.articles)) for term in site.taxonomies[taxonomy].terms]


def _facets(articles: Iterable[Article], vocabularies: Mapping[str, list[tuple[str, str, int]]]) -> dict[str, Any]:
    ids = {name: {slug: i for i, (slug, _, _) in enumerate(vocabulary)} for name, vocabulary in vocabularies.items()}
    facets: dict[str, Any] = {"year": [], **{name: [] for name in vocabularies}}
    for article in articles:
        facets["year"].append(article.date.year)
        for name in vocabularies:
            facets[name].append(sorted({ids[name][term_slug(name, term)] for term in article.terms(name)}))
    return facets


def _chunks(items: list[dict[str, str]], size: int) -> Iterable[list[dict[str, str]]]:
    return (items[start:start + size] for start in range(0, len(items), size))


def _json(data: Any) -> bytes:
    """Compact UTF-8 JSON, byte for byte what json.dumps(ensure_ascii=False, separators=(",", ":"))
    gives, about five times faster; numpy arrays (the index's vectors) are written directly."""
    return orjson.dumps(data, option=orjson.OPT_SERIALIZE_NUMPY)


def _hashed(stem: str, data: bytes) -> SearchFile:
    """Content-hashed names: a host may cache them for a year; the manifest changes instead."""
    digest = hashlib.sha256(data).hexdigest()[:12]
    return SearchFile(f"{SEARCH_DIR}{stem}.{digest}.json", data)


def _name(file: SearchFile) -> str:
    return file.path[len(SEARCH_DIR):]
