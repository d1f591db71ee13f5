"""View data: the small, plain dicts templates receive instead of the live model (pure)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from reform_archive.config import Settings
from reform_archive.publish.pictures import picture_view, share_json_ld, share_view
from reform_archive.publish.reading import reading_minutes, share_links, table_of_contents
from reform_archive.site.model import Article, Term, term_slug
from reform_archive.site.pictures import Picture
from reform_archive.site.urls import absolute, link, page_path
from reform_archive.source.markup import first_paragraph
from reform_archive.text.dates import format_date, format_time

__all__ = ["CARD_PROVINCES", "PAGINATION_WINDOW", "Translate", "ViewBuilder"]

Translate = Callable[..., str]
PAGINATION_WINDOW = 2
# a card is shown on the page of each of the article's provinces: listing them all there
# made those pages grow with the square of an article's provinces (the article page lists all)
CARD_PROVINCES = 10


class ViewBuilder:
    """Makes view data from what it is given, with the settings and UI strings: never
    from the site, so a page's recipe (:mod:`reform_archive.publish.pages`) names all it depends on."""

    def __init__(self, settings: Settings, t: Translate, image: Picture | None = None):
        """``image``: site.toml's, the link preview of every page without a cover of its own."""
        self.settings = settings
        self.t = t
        self.base_path = settings.base_path  # a property that parses the URL: called ~80 times a page
        self.site_image = share_view(image, settings.title, self.canonical) if image is not None else None
        # an article's card is the same on every list, term and related block it appears on (~20 each):
        # built once and shared, as view data is read-only
        self._cards: dict[str, dict[str, Any]] = {}
        self._term_refs: dict[tuple[str, str], dict[str, str]] = {}

    def link(self, path: str) -> str:
        return link(self.base_path, path)

    def canonical(self, path: str) -> str:
        return absolute(self.settings.base_url, path)

    def date(self, article: Article) -> dict[str, str]:
        return self.moment(article.date, article.date_precision)

    def moment(self, when: datetime, precision: str = "day") -> dict[str, str]:
        return {
            "display": format_date(when, precision, self.settings.language),
            "time": format_time(when, precision),
            "iso": when.isoformat(),
            "precision": precision,
        }

    def updated(self, article: Article) -> dict[str, str] | None:
        """``lastmod`` as a date to show ("Cập nhật: …"), when it is not the date itself."""
        return self.moment(article.lastmod) if article.lastmod and article.lastmod != article.date else None

    def breadcrumbs(self, trail: list[tuple[str, str]], current: str, path: str) -> dict[str, Any]:
        """The links above a page (name, site-relative path), home first, and their BreadcrumbList,
        which ends with the page itself."""
        items = [*trail, (current, path)]
        return {
            "links": [{"name": name, "url": self.link(at)} for name, at in trail],
            "json_ld": {
                "@context": "https://schema.org",
                "@type": "BreadcrumbList",
                "itemListElement": [
                    {"@type": "ListItem", "position": n, "name": name, "item": self.canonical(at)}
                    for n, (name, at) in enumerate(items, start=1)
                ],
            },
        }

    def term_ref(self, taxonomy: str, name: str) -> dict[str, str]:
        ref = self._term_refs.get((taxonomy, name))
        if ref is None:
            ref = {"name": name, "url": self.link(f"{taxonomy}/{term_slug(taxonomy, name)}/")}
            self._term_refs[taxonomy, name] = ref
        return ref

    def term_summary(self, term: Term) -> dict[str, Any]:
        return {"name": term.name, "url": self.link(term.url), "count": len(term.articles)}

    def card(self, article: Article) -> dict[str, Any]:
        card = self._cards.get(article.path)
        if card is None:
            card = self._cards[article.path] = self._card(article)
        return card

    def _card(self, article: Article) -> dict[str, Any]:
        return {
            "title": article.title,
            "url": self.link(article.url),
            "date": self.date(article),
            "excerpt": article.excerpt,
            "category": article.category,
            "provinces": [self.term_ref("provinces", p) for p in article.provinces[:CARD_PROVINCES]],
            "source": article.source.name if article.source else "",
            "image": picture_view(article.image, article.image_alt, self.link) if article.image else None,
        }

    def share_image(self, article: Article) -> dict[str, Any] | None:
        """The link preview's picture of an article page: its cover's, else the site's."""
        return share_view(article.image, article.image_alt, self.canonical) if article.image else self.site_image

    def article(
        self, article: Article, related: tuple[Article, ...], older: Article | None, newer: Article | None
    ) -> dict[str, Any]:
        words = len(article.body.split())
        neighbours = {a.path for a in (older, newer) if a is not None}
        source = None
        if article.source:
            source = {
                "name": article.source.name,
                "url": article.source.url,
                "term_url": self.term_ref("sources", article.source.name)["url"],
            }
        return {
            **self.card(article),
            "summary": article.summary,
            # importers often keep the lead as the first paragraph too: show it once
            "show_summary": bool(article.summary)
            and not first_paragraph(article.html).startswith(article.summary[:80]),
            "html": article.html,
            "authors": [self.term_ref("authors", a) for a in article.authors],
            "source": source,
            "tags": [self.term_ref("tags", x) for x in article.tags],
            "topics": [self.term_ref("topics", x) for x in article.topics],
            "documents": [self.term_ref("documents", x) for x in article.documents],
            "lastmod": article.lastmod.isoformat() if article.lastmod else "",
            "updated": self.updated(article),
            "draft": article.draft,
            "extra": dict(article.extra),
            # previous and next are linked just above: related lists the others, titles and dates only
            "related": [self.card(a) for a in related if a.path not in neighbours],
            "reading_minutes": reading_minutes(words),
            "toc": table_of_contents(article.html, words),
            "share": share_links(self.canonical(article.url), article.title),
            "older": self.card(older) if older else None,
            "newer": self.card(newer) if newer else None,
        }

    def page(self, kind: str, path: str, title: str, description: str = "", **extra: Any) -> dict[str, Any]:
        """``image``: the link preview's picture (:meth:`share_image`), the site's when not given."""
        settings = self.settings
        image = extra.pop("image", self.site_image)
        return {
            "kind": kind,
            "path": path,
            "url": self.link(path),
            "canonical": self.canonical(path),
            "title": title,
            "description": description or settings.description,
            "feed_url": None,
            "og_type": "website",
            "json_ld": None,
            "breadcrumbs": None,
            "image": image,
            "twitter_card": "summary_large_image" if image else "summary",
            **extra,
        }

    def article_json_ld(self, article: Article) -> dict[str, Any]:
        data: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": article.title,
            "datePublished": article.date.isoformat(),
            "dateModified": article.updated.isoformat(),
            "mainEntityOfPage": self.canonical(article.url),
            "url": self.canonical(article.url),
            "inLanguage": self.settings.content_language,
            "publisher": {"@type": "Organization", "name": self.settings.title, "url": self.settings.base_url},
        }
        if article.excerpt:
            data["description"] = article.excerpt
        if article.authors:
            data["author"] = [{"@type": "Person", "name": a} for a in article.authors]
        keywords = list(article.topics) + list(article.provinces) + list(article.tags)
        if keywords:
            data["keywords"] = keywords
        if article.source and article.source.url:
            data["isBasedOn"] = article.source.url
        if article.image:
            data["image"] = share_json_ld(share_view(article.image, article.image_alt, self.canonical))
        return data

    def pagination(self, base: str, number: int, total: int) -> dict[str, Any]:
        # the first, the last and the window around this page; not a walk over every page
        # number, which made a list of 5,000 pages cost 25 million steps at 100,000 articles
        window = range(max(1, number - PAGINATION_WINDOW), min(total, number + PAGINATION_WINDOW) + 1)
        shown: list[int | None] = []
        last = 0
        for n in sorted({1, total, *window}):
            if last and n > last + 1:
                shown.append(None)  # a gap, shown as "…"
            shown.append(n)
            last = n
        return {
            "number": number,
            "total": total,
            "prev_url": self.link(page_path(base, number - 1)) if number > 1 else None,
            "next_url": self.link(page_path(base, number + 1)) if number < total else None,
            "pages": [
                None if n is None else {"number": n, "url": self.link(page_path(base, n)), "current": n == number}
                for n in shown
            ],
        }
