"""The frozen site model: built once from validated sources, never mutated.

``build_model`` decides which articles are published, gives each its URL and HTML, and
groups them into taxonomies and archives. Everything later (pages, feeds, sitemap,
search) only reads the :class:`Site`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any, Protocol, TypeVar

from reform_archive.config import Settings
from reform_archive.errors import Problem, error
from reform_archive.readonly import ReadOnlyMapping
from reform_archive.site.legal import LegalDocument, legal_documents
from reform_archive.site.pictures import Picture, remote_picture
from reform_archive.site.terms import TermRedirect, name_problems, term_redirects
from reform_archive.site.urls import permalink
from reform_archive.source.article import Source, SourceArticle
from reform_archive.source.citations import Citation
from reform_archive.source.cover import Cover
from reform_archive.source.document_data import DocumentFacts
from reform_archive.source.markup import excerpt, first_paragraph, to_html
from reform_archive.text.term_names import term_key

__all__ = [
    "TAXONOMIES",
    "Article",
    "Placeable",
    "Placed",
    "Selection",
    "Site",
    "Taxonomy",
    "Term",
    "article_from",
    "build_model",
    "is_published",
    "picture_of",
    "publication_order",
    "term_slug",
]

TAXONOMIES = ("topics", "provinces", "documents", "tags", "authors", "sources")


@dataclass(frozen=True)
class Article:
    path: str
    url: str
    title: str
    date: datetime
    date_precision: str
    slug: str
    summary: str
    excerpt: str
    html: str
    body: str
    lastmod: datetime | None
    draft: bool
    aliases: tuple[str, ...]
    category: str
    authors: tuple[str, ...]
    source: Source | None
    tags: tuple[str, ...]
    provinces: tuple[str, ...]
    topics: tuple[str, ...]
    documents: tuple[str, ...]
    raw: str
    source_sha256: str
    extra: Mapping[str, Any]
    body_line: int
    image: Picture | None = None  # the cover
    image_alt: str = ""
    citations: tuple[Citation, ...] = ()  # where its text cites its documents

    @property
    def updated(self) -> datetime:
        return self.lastmod or self.date

    def terms(self, taxonomy: str) -> tuple[str, ...]:
        if taxonomy == "sources":
            return (self.source.name,) if self.source else ()
        terms: tuple[str, ...] = getattr(self, taxonomy)
        return terms


@dataclass(frozen=True)
class Term:
    taxonomy: str
    name: str
    slug: str
    url: str
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class Taxonomy:
    name: str
    url: str
    terms: tuple[Term, ...]  # by number of articles, then name


@dataclass(frozen=True)
class Site:
    settings: Settings
    articles: tuple[Article, ...]  # newest first
    taxonomies: Mapping[str, Taxonomy]
    years: Mapping[int, tuple[Article, ...]]
    months: Mapping[tuple[int, int], tuple[Article, ...]]
    redirects: tuple[TermRedirect, ...] = ()  # old term pages (aliases, other spellings of provinces)
    image: Picture | None = None  # site.toml's `image`: link previews of pages that have no cover of their own
    # each cited document, by its term's slug
    legal: Mapping[str, LegalDocument] = field(default_factory=lambda: ReadOnlyMapping({}))


@dataclass(frozen=True)
class Selection:
    drafts: bool = False
    future: bool = False
    now: datetime | None = None


@lru_cache(maxsize=65536)  # called for every term of every article (80,000 times at 10k), few distinct
def term_slug(taxonomy: str, name: str) -> str:
    return term_key(name)


def build_model(
    sources: Iterable[SourceArticle],
    settings: Settings,
    selection: Selection,
    markdown: Callable[[str, str, str], str] = to_html,
    html: Mapping[str, str] | None = None,
    pictures: Mapping[str, Picture] | None = None,
    documents: Mapping[str, DocumentFacts] | None = None,
) -> tuple[Site, list[Problem]]:
    """``html``: each article's HTML by path, when it was made already (the build prepares
    it in worker processes or finds it in its cache); ``markdown`` makes the rest.
    ``pictures``: the local pictures the build found, by their path inside static/ (a cover
    that is not among them has none). ``documents``: data/documents.toml's facts, by number."""
    published = publication_order(sources, settings, selection)
    problems = _url_collisions(published, settings)
    made = html or {}

    def html_of(source: SourceArticle) -> str:
        known = made.get(source.path)
        return known if known is not None else markdown(source.body, settings.base_path, settings.language)

    articles = [article_from(s, settings, html_of(s), pictures) for s in published]
    years: dict[int, list[Article]] = defaultdict(list)
    months: dict[tuple[int, int], list[Article]] = defaultdict(list)
    for article in articles:
        years[article.date.year].append(article)
        months[(article.date.year, article.date.month)].append(article)
    taxonomies = {name: _taxonomy(name, articles) for name in TAXONOMIES}
    site = Site(
        settings=settings,
        articles=tuple(articles),
        taxonomies=ReadOnlyMapping(taxonomies),
        years=ReadOnlyMapping({y: tuple(a) for y, a in sorted(years.items(), reverse=True)}),
        months=ReadOnlyMapping({m: tuple(a) for m, a in sorted(months.items(), reverse=True)}),
        redirects=term_redirects(published, taxonomies, settings),
        image=picture_of(settings.image, pictures) if settings.image else None,
        legal=ReadOnlyMapping(legal_documents(taxonomies["documents"].terms, documents)),
    )
    return site, problems + name_problems(published, taxonomies, settings)


class Placeable(Protocol):
    """What decides whether and where an article is in the site."""

    @property
    def date(self) -> datetime: ...
    @property
    def slug(self) -> str: ...
    @property
    def draft(self) -> bool: ...


Placed = TypeVar("Placed", bound=Placeable)


def publication_order(sources: Iterable[Placed], settings: Settings, selection: Selection) -> list[Placed]:
    """The sources of the site's articles, newest first (by date, then URL): the order of
    :attr:`Site.articles`, known before the articles are made (the search index numbers
    its documents so, in a process of its own, from what it remembers of each article)."""
    published = [s for s in sources if is_published(s, selection)]
    return sorted(published, key=lambda s: (s.date, permalink(settings.permalink, s.date, s.slug)), reverse=True)


def is_published(source: Placeable, selection: Selection) -> bool:
    if source.draft and not selection.drafts:
        return False
    return not (selection.now is not None and source.date > selection.now and not selection.future)


def picture_of(src: str, pictures: Mapping[str, Picture] | None) -> Picture | None:
    """The picture at ``src`` (a path inside static/ or an https URL), if the build found it."""
    return remote_picture(src) if src.startswith("https://") else (pictures or {}).get(src.lstrip("/"))


def article_from(
    source: SourceArticle, settings: Settings, html: str, pictures: Mapping[str, Picture] | None = None
) -> Article:
    """One published source as the site holds it: its URL, excerpt, HTML and cover."""
    summary = source.summary
    cover: Cover | None = source.cover
    return Article(
        path=source.path,
        url=permalink(settings.permalink, source.date, source.slug),
        title=source.title,
        date=source.date,
        date_precision=source.date_precision,
        slug=source.slug,
        summary=summary,
        excerpt=excerpt(summary or first_paragraph(html)),
        html=html,
        body=source.body,
        lastmod=source.lastmod,
        draft=source.draft,
        aliases=source.aliases,
        category=source.category,
        authors=source.authors,
        source=source.source,
        tags=source.tags,
        provinces=source.provinces,
        topics=source.topics,
        documents=source.documents,
        raw=source.raw,
        source_sha256=source.source_sha256,
        extra=source.extra,
        body_line=source.body_line,
        image=picture_of(cover.src, pictures) if cover else None,
        image_alt=cover.alt if cover else "",
        citations=source.citations,
    )


def _url_collisions(sources: list[SourceArticle], settings: Settings) -> list[Problem]:
    claims: dict[str, list[SourceArticle]] = defaultdict(list)
    for source in sources:
        claims[permalink(settings.permalink, source.date, source.slug)].append(source)
    problems = []
    for url, claimants in claims.items():
        if len(claimants) > 1:
            first, *others = sorted(claimants, key=lambda s: s.path)
            for other in others:
                problems.append(
                    error(other.path, 1, f"URL /{url} is also claimed by {first.path}; give one of them another 'slug'")
                )
    return problems


def _taxonomy(name: str, articles: list[Article]) -> Taxonomy:
    by_slug: dict[str, list[Article]] = defaultdict(list)
    spellings: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for article in articles:
        for term in article.terms(name):
            slug = term_slug(name, term)
            by_slug[slug].append(article)
            spellings[slug][term] += 1
    base = f"{name}/"
    terms = []
    for slug, members in by_slug.items():
        # spellings that fold to one slug ("Hoà Bình", "Hòa Bình") are one term: show the commonest
        shown = sorted(spellings[slug].items(), key=lambda item: (-item[1], item[0]))[0][0]
        terms.append(Term(name, shown, slug, f"{base}{slug}/", tuple(members)))
    terms.sort(key=lambda t: (-len(t.articles), t.name.casefold()))
    return Taxonomy(name, base, tuple(terms))
