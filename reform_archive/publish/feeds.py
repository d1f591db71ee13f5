"""Atom feeds for the whole site and for every term (pure: model in, bytes out).

An entry names at most :data:`ENTRY_CATEGORIES` of its article's terms and
:data:`ENTRY_AUTHORS` of its authors, and always the term of the feed it is in: an article
is in the feed of each of its terms, so listing every term in every one made the feeds
grow with the square of an article's terms (10,000 tags: a billion categories).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from xml.etree import ElementTree as ET

from reform_archive import __version__
from reform_archive.publish.sitemap import xml_bytes
from reform_archive.site.model import Article, Site, term_slug

__all__ = [
    "ATOM",
    "CATEGORY_TAXONOMIES",
    "ENTRY_AUTHORS",
    "ENTRY_CATEGORIES",
    "EPOCH",
    "FeedSpec",
    "atom_feed",
    "plan_feeds",
]

ATOM = "http://www.w3.org/2005/Atom"
ENTRY_CATEGORIES = 32
ENTRY_AUTHORS = 12
CATEGORY_TAXONOMIES = ("topics", "provinces", "tags")  # an entry's categories, in this order
_DECLARATION = "<?xml version='1.0' encoding='utf-8'?>\n"  # what ElementTree writes
ET.register_namespace("", ATOM)


def _q(tag: str) -> str:
    return f"{{{ATOM}}}{tag}"


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, _q(tag), attributes)
    if text is not None:
        element.text = text
    return element


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


@dataclass(frozen=True)
class FeedSpec:
    path: str
    title: str
    articles: Sequence[Article]  # newest first; the feed shows the first feed_size
    alternate: str  # the page the feed follows
    taxonomy: str = ""  # for a term's feed, the term, which each of its entries names
    term: str = ""


def atom_feed(site: Site, spec: FeedSpec, empty_updated: datetime) -> bytes:
    settings = site.settings
    path, title, alternate = spec.path, spec.title, spec.alternate
    entries = list(spec.articles[: settings.feed_size])
    feed = ET.Element(
        _q("feed"),
        {
            "{http://www.w3.org/XML/1998/namespace}lang": settings.language,
            "{http://www.w3.org/XML/1998/namespace}base": settings.base_url,
        },
    )
    _add(feed, "title", title)
    if settings.description:
        _add(feed, "subtitle", settings.description)
    _add(feed, "link", href=settings.base_url + alternate, rel="alternate", type="text/html")
    _add(feed, "link", href=settings.base_url + path, rel="self", type="application/atom+xml")
    _add(feed, "id", settings.base_url + path)
    newest = max((a.updated for a in entries), default=empty_updated)
    _add(feed, "updated", _stamp(newest))
    _add(feed, "generator", "reform-archive", version=__version__)
    for article in entries:
        url = settings.base_url + article.url
        entry = _add(feed, "entry")
        _add(entry, "title", article.title)
        _add(entry, "link", href=url, rel="alternate", type="text/html")
        _add(entry, "id", url)
        _add(entry, "published", _stamp(article.date))
        _add(entry, "updated", _stamp(article.updated))
        for name in _capped(article.authors, ENTRY_AUTHORS, spec, ("authors",)) or (settings.title,):
            _add(_add(entry, "author"), "name", name)
        terms = article.topics + article.provinces + article.tags
        for term in _capped(terms, ENTRY_CATEGORIES, spec, CATEGORY_TAXONOMIES):
            _add(entry, "category", term=term)
        if article.excerpt:
            _add(entry, "summary", article.excerpt)
        _add(entry, "content", article.html, type="html")
    ET.indent(feed)
    return xml_bytes(_DECLARATION + ET.tostring(feed, encoding="unicode") + "\n")


def _capped(names: tuple[str, ...], most: int, spec: FeedSpec, taxonomies: tuple[str, ...]) -> tuple[str, ...]:
    """The first ``most`` of ``names``, then the feed's own term if it is of one of
    ``taxonomies`` and not among them (spellings that fold to one slug are one term)."""
    shown = names[:most]
    if len(names) <= most or spec.taxonomy not in taxonomies:
        return shown
    own = term_slug(spec.taxonomy, spec.term)
    return shown if any(term_slug(spec.taxonomy, name) == own for name in shown) else shown + (spec.term,)


def plan_feeds(site: Site, term_titles: dict[str, str]) -> Iterator[FeedSpec]:
    """feed.xml and every term's feed; term_titles maps term URL -> title."""
    yield FeedSpec("feed.xml", site.settings.title, site.articles, "")
    for taxonomy in site.taxonomies.values():
        for term in taxonomy.terms:
            title = f"{site.settings.title} – {term_titles.get(term.url, term.name)}"
            yield FeedSpec(f"{term.url}feed.xml", title, term.articles, term.url, taxonomy.name, term.name)


EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
