"""The files the search page reads: a small manifest pointing at content-hashed data (pure).

    search/manifest.json          what exists; fetched first, small, never cached for long
    search/index-<hash>/<n>.json  shard n of the lunr index, split by term (shards.py,
                                  docs/search.md); lengths-<f>.json: field f's lengths, which
                                  score long lists; the folder is named by all of them
    search/docs-<hash>/<n>.json   the document store: title, date, link, snippet text of
                                  article n, fetched for the results shown
    search/facets.<hash>.json     year, topics and provinces of every article, for filters

The index answers "which articles, how relevant"; the store answers "what to show". A
query fetches the manifest, its terms' shards and the documents it shows, nothing else.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from reform_archive.search.aliases import alias_pairs, code_parts, equivalent_sets
from reform_archive.search.encoding import json_bytes
from reform_archive.search.index import FieldTerms, IndexedText, TermNumbers, article_terms
from reform_archive.search.shards import split_index
from reform_archive.search.vendor import LUNR_VERSION
from reform_archive.site.model import Article, Site, term_slug
from reform_archive.source.markup import plain_text
from reform_archive.text.dates import format_date

__all__ = [
    "FACET_TAXONOMIES",
    "FORMAT_VERSION",
    "MANIFEST",
    "SEARCH_DIR",
    "SNIPPET_SOURCE_CHARS",
    "Link",
    "SearchFile",
    "SearchPart",
    "Texts",
    "documents_part",
    "folder_digest",
    "index_part",
    "manifest_file",
    "search_files",
    "snippet_source",
]

SEARCH_DIR = "search/"
MANIFEST = SEARCH_DIR + "manifest.json"
# 3: the index split by term (shards.py), one document per file; 4: first tiers (tiers.py); 5: the
# files' encoding in the manifest (encoding.encoding), which the page checks against its own version
FORMAT_VERSION = 5
# Snippets are cut in the browser around the words found, so the store keeps the whole
# text; only a pathological page is cut short.
SNIPPET_SOURCE_CHARS = 50_000
FACET_TAXONOMIES = ("topics", "provinces")

Link = Callable[[str], str]


@dataclass(frozen=True)
class SearchFile:
    path: str  # site-relative
    data: bytes


Texts = Mapping[str, tuple[str, tuple[FieldTerms, ...]]]  # article path -> (plain text, index terms)


@dataclass(frozen=True)
class SearchPart:
    files: list[SearchFile]
    manifest: dict[str, Any]  # what the manifest says of these files


def search_files(site: Site, link: Link, analysed: Texts | None = None) -> list[SearchFile]:
    """Every search file of ``site``; the manifest comes last and names the others.
    ``analysed``: (plain text, index terms) by article path, where the caller has them
    already (:mod:`reform_archive.source.prepare`); the others are analysed here."""
    given = analysed or {}
    texts = {a.path: given.get(a.path) or _analyse(a) for a in site.articles}
    index = index_part([IndexedText(str(n), texts[a.path][1]) for n, a in enumerate(site.articles)])
    documents = documents_part(site, link, texts)
    return [*index.files, *documents.files, manifest_file(site, index.manifest, documents.manifest)]


def index_part(
    documents: list[IndexedText],
    known: Callable[[], TermNumbers | None] | None = None,
    keep_numbers: Callable[[TermNumbers], None] | None = None,
) -> SearchPart:
    """The index, split into shards. ``documents``: numbered by their place in the site's
    article list (newest first: :func:`reform_archive.site.model.publication_order`); ``known`` and
    ``keep_numbers``: the previous build's term numbers and this build's
    (:func:`reform_archive.search.shards.split_index`)."""
    split = split_index(documents, known=known, keep_numbers=keep_numbers)
    # One folder per index, named by its content: a shard's name needs no hash of its own in
    # the manifest (3,500 of them at 10,000 articles), and shards of two builds never mix.
    files = split.files()
    index_dir = f"index-{folder_digest(files)}/"
    return SearchPart(
        [SearchFile(f"{SEARCH_DIR}{index_dir}{name}", data) for name, data in files.items()], split.manifest(index_dir)
    )


def documents_part(site: Site, link: Link, texts: Texts) -> SearchPart:
    """What a result shows (one file per article) and the filters' data."""
    articles, language = site.articles, site.settings.language
    # The folder names the numbering: a document's number is its article's place in the list,
    # so an added article renumbers them all, and a cached file must not show another article.
    numbering = "\n".join(article.url for article in articles)
    folder = f"docs-{_digest(numbering.encode())}/"
    doc_files = [
        SearchFile(f"{SEARCH_DIR}{folder}{n}.json", json_bytes(_document(a, texts[a.path][0], link, language)))
        for n, a in enumerate(articles)
    ]
    vocabularies = {name: _vocabulary(site, name) for name in FACET_TAXONOMIES}
    facets = _hashed("facets.", json_bytes(_facets(articles, vocabularies)))
    return SearchPart(
        [*doc_files, facets],
        {
            "documents": folder,
            "facets": _name(facets),
            "filters": {
                "years": sorted(site.years),
                **{
                    name: [{"slug": slug, "name": label, "count": count} for slug, label, count in vocabulary]
                    for name, vocabulary in vocabularies.items()
                },
            },
        },
    )


def manifest_file(site: Site, *parts: Mapping[str, Any]) -> SearchFile:
    """The manifest: what each part (:func:`index_part`, then :func:`documents_part`) says."""
    return SearchFile(
        MANIFEST,
        json_bytes(
            {
                "format": FORMAT_VERSION,
                "lunr": LUNR_VERSION,
                "count": len(site.articles),
                "aliases": alias_pairs(site.settings.abbreviations),
                "codes": code_parts(),
                "equivalents": equivalent_sets(site.settings.equivalents),
                **{key: value for part in parts for key, value in part.items()},
            }
        ),
    )


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
        # what the article is filed under: shown when a query matches it and no words of the text
        "about": " · ".join((*article.provinces, *article.documents, *article.tags)),
    }


def snippet_source(article: Article, body: str) -> str:
    if article.summary and body.startswith(article.summary):
        body = body[len(article.summary) :].lstrip()  # the importer often keeps the lead in both
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


def folder_digest(files: Mapping[str, bytes]) -> str:
    """A folder's name by its content: every file's name and bytes."""
    version = hashlib.sha256()
    for name, data in files.items():
        version.update(f"{name}\n{len(data)}\n".encode())
        version.update(data)
    return version.hexdigest()[:12]


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


def _hashed(prefix: str, data: bytes) -> SearchFile:
    """Content-hashed names: a host may cache them for a year; the manifest changes instead."""
    return SearchFile(f"{SEARCH_DIR}{prefix}{_digest(data)}.json", data)


def _name(file: SearchFile) -> str:
    return file.path[len(SEARCH_DIR) :]
