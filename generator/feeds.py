"""Atom feeds for the whole site and for every term (pure: model in, bytes out)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Iterator, Sequence
from xml.etree import ElementTree as ET

from generator import __version__
from generator.model import Article, Site

ATOM = "http://www.w3.org/2005/Atom"
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


def atom_feed(site: Site, spec: FeedSpec, empty_updated: datetime) -> bytes:
    settings = site.settings
    path, title, alternate = spec.path, spec.title, spec.alternate
    entries = list(spec.articles[: settings.feed_size])
    feed = ET.Element(_q("feed"), {"{http://www.w3.org/XML/1998/namespace}lang": settings.language,
                                   "{http://www.w3.org/XML/1998/namespace}base": settings.base_url})
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
        for name in article.authors or (settings.title,):
            _add(_add(entry, "author"), "name", name)
        for term in article.topics + article.provinces + article.tags:
            _add(entry, "category", term=term)
        if article.excerpt:
            _add(entry, "summary", article.excerpt)
        _add(entry, "content", article.html, type="html")
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def plan_feeds(site: Site, term_titles: dict[str, str]) -> Iterator[FeedSpec]:
    """feed.xml and every term's feed; term_titles maps term URL -> title."""
    yield FeedSpec("feed.xml", site.settings.title, site.articles, "")
    for taxonomy in site.taxonomies.values():
        for term in taxonomy.terms:
            title = f"{site.settings.title} – {term_titles.get(term.url, term.name)}"
            yield FeedSpec(f"{term.url}feed.xml", title, term.articles, term.url)


EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
