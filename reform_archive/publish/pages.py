"""The plan of HTML pages: which template renders which view data at which path (pure).

Each page is planned as a *recipe*: a module-level function that makes its view data
and the inputs it makes it from (articles, and plain values). The recipe is what the
build stamps (:func:`reform_archive.incremental.reuse.recipe_stamp`), so a page whose inputs are the
same as last time is kept without its view data ever being made: at 10,000 articles
an edit keeps 24,000 pages, and making and serialising their view data was a second
and a half. A recipe function sees only its inputs and a :class:`ViewBuilder`, which
holds the settings and UI strings (the build's environment), never the site.

Pages are yielded one at a time so that a large archive never holds every page's view
data at once.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from reform_archive.publish.legal import plan_documents
from reform_archive.publish.lists import PageSpec, paginated
from reform_archive.publish.statistics import has_statistics, plan_statistics
from reform_archive.publish.views import Translate, ViewBuilder
from reform_archive.search.store import FACET_TAXONOMIES, MANIFEST
from reform_archive.search.vendor import LUNR_SCRIPT
from reform_archive.site.model import Article, Site, Term
from reform_archive.site.related import neighbours, related_articles
from reform_archive.site.reorganisation import province_histories
from reform_archive.site.statistics import Count, archive_statistics, yearly
from reform_archive.site.urls import ALIAS, PAGE, Claimant
from reform_archive.text.dates import format_month

__all__ = [
    "HOME_TERMS",
    "alias_line",
    "article_page",
    "claimant",
    "plan_aliases",
    "plan_pages",
]

HOME_TERMS = 12


def plan_pages(
    site: Site, t: Translate, related: Mapping[str, tuple[Article, ...]] | None = None
) -> Iterator[PageSpec]:
    """``related``: :func:`reform_archive.site.related.related_articles` of ``site``, when the build has it."""
    views = ViewBuilder(site.settings, t, site.image)
    yield _home(site, views)
    yield from _articles(site, views, related_articles(site) if related is None else related)
    yield from paginated(views, "articles/", t("all_articles"), site.articles, kind="articles")
    yield _archives(site, views)
    archives = _parent(views, t("archives"), "archives/")
    for year, articles in site.years.items():
        yield from paginated(
            views,
            f"{year:04d}/",
            t("year_heading", year=year),
            articles,
            kind="year",
            months=_month_links(site, views, year),
            parent=archives,
        )
    for (year, month), articles in site.months.items():
        yield from paginated(
            views,
            f"{year:04d}/{month:02d}/",
            format_month(year, month, site.settings.language),
            articles,
            kind="month",
            parent=_parent(views, str(year), f"{year:04d}/"),
        )
    histories = province_histories(site.taxonomies["provinces"], site.settings.per_page)
    documents = plan_documents(site, views)
    for taxonomy in site.taxonomies.values():
        if taxonomy.name == "documents" and documents is not None:
            yield from documents  # pages that say what each document is (publish/legal.py)
            continue
        terms = [views.term_summary(term) for term in taxonomy.terms]
        yield from paginated(
            views,
            taxonomy.url,
            t(f"taxonomy.{taxonomy.name}"),
            terms,
            kind="terms",
            template="terms.html",
            taxonomy=taxonomy.name,
        )
        for term in taxonomy.terms:
            # a province's first page: its history (the 2025 reorganisations) and its articles by year
            first = (term.name, histories.get(term.slug, {}), _trend(term)) if taxonomy.name == "provinces" else None
            yield from paginated(
                views,
                term.url,
                t(f"term_heading.{taxonomy.name}", name=term.name),
                term.articles,
                kind="term",
                taxonomy=taxonomy.name,
                feed=f"{term.url}feed.xml",
                parent=_parent(views, t(f"taxonomy.{taxonomy.name}"), taxonomy.url),
                first=first,
            )
    if has_statistics(views):
        yield plan_statistics(views, archive_statistics(site))
    if site.settings.search:
        yield _search(site, views)
    yield _ready(
        views, "404.html", "404.html", {"page": views.page("404", "404.html", t("not_found_title"))}, sitemap=False
    )


def plan_aliases(site: Site, t: Translate) -> Iterator[PageSpec]:
    views = ViewBuilder(site.settings, t, site.image)
    for article in site.articles:
        for alias in article.aliases:
            path = alias if alias.endswith((".html", "/")) else alias + "/"
            target = views.canonical(article.url)
            yield _ready(
                views,
                path,
                "alias.html",
                {"page": views.page("alias", path, article.title), "target": target},
                source=article.path,
                sitemap=False,
                alias=alias,
            )
    for redirect in site.redirects:  # old term pages: site.toml's aliases, other spellings of provinces
        title = t(f"term_heading.{redirect.taxonomy}", name=redirect.name)
        yield _ready(
            views,
            redirect.path,
            "alias.html",
            {"page": views.page("term_alias", redirect.path, title), "target": views.canonical(redirect.target)},
            source=redirect.origin,
            sitemap=False,
            alias=redirect.path,
            line=redirect.line,
        )


def claimant(spec: PageSpec, texts: Mapping[str, bytes] | None) -> tuple[Claimant, Callable[[], int] | None]:
    """Who asks for a page's output path (:class:`reform_archive.site.urls.OutputClaims`) and, for a
    redirect, how to find its alias's line in ``texts``, the content files by path."""
    if spec.alias and spec.line:
        return Claimant(spec.source, ALIAS, spec.line, spec.alias), None
    if spec.alias:
        text = (texts or {}).get(spec.source, b"")
        return Claimant(spec.source, ALIAS, 1, spec.alias), lambda: alias_line(
            text.decode("utf-8", "replace"), spec.alias
        )
    return (Claimant(spec.source, PAGE) if spec.source else Claimant(f"{spec.template} page /{spec.path}")), None


def alias_line(text: str, alias: str) -> int:
    """The line of an article's file (front matter first) that gives ``alias`` (site-relative,
    as the model holds it): where a problem with it is reported; else the 'aliases' line, or 1."""
    lines = unicodedata.normalize("NFC", text).split("\n")  # as the model holds it
    end = next((n for n, line in enumerate(lines[1:], start=1) if line.rstrip() == "---"), len(lines))
    written = re.compile(r"(?:^|[\s\[,'\"])/*" + re.escape(alias) + r"(?=$|[\s\],'\"#])")
    key = re.compile(r"^['\"]?aliases['\"]?\s*:")
    found = next((n for n in range(1, end) if written.search(lines[n])), None) or next(
        (n for n in range(1, end) if key.match(lines[n])), 0
    )
    return found + 1


def _trend(term: Term) -> tuple[Count, ...]:
    return tuple(Count(str(year), f"{year:04d}/", n) for year, n in yearly([a.date.year for a in term.articles]))


def _parent(views: ViewBuilder, name: str, path: str) -> dict[str, str]:
    """The page a list page belongs to (``path`` site-relative): its breadcrumb."""
    return {"name": name, "url": views.link(path), "path": path}


def _given(views: ViewBuilder, context: dict[str, Any]) -> dict[str, Any]:
    """The recipe of a page made once per build anyway (home, archives, search, 404, a redirect)."""
    return context


def _ready(views: ViewBuilder, path: str, template: str, context: dict[str, Any], **spec: Any) -> PageSpec:
    return PageSpec(path, template, _given, (context,), views, **spec)


def _home(site: Site, views: ViewBuilder) -> PageSpec:
    page = views.page("home", "", site.settings.title, feed_url=views.link("feed.xml"))
    page["json_ld"] = {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": site.settings.title,
        "url": site.settings.base_url,
        "inLanguage": site.settings.language,
    }
    browse = {
        name: [views.term_summary(term) for term in site.taxonomies[name].terms[:HOME_TERMS]]
        for name in ("topics", "provinces", "documents")
    }
    years = [
        {"name": str(year), "url": views.link(f"{year:04d}/"), "count": len(items)}
        for year, items in site.years.items()
    ]
    context = {
        "page": page,
        "latest": [views.card(a) for a in site.articles[: site.settings.per_page]],
        "browse": browse,
        "years": years,
        "total": len(site.articles),
    }
    return _ready(views, "", "home.html", context)


def _articles(site: Site, views: ViewBuilder, related: Mapping[str, tuple[Article, ...]]) -> Iterator[PageSpec]:
    around = neighbours(site)
    for article in site.articles:
        older, newer = around[article.url]
        yield PageSpec(
            article.url,
            "article.html",
            article_page,
            (article, related[article.url], older, newer),
            views,
            source=article.path,
            lastmod=article.updated.isoformat()[:10],
        )


def article_page(
    views: ViewBuilder, article: Article, related: tuple[Article, ...], older: Article | None, newer: Article | None
) -> dict[str, Any]:
    page = views.page(
        "article", article.url, article.title, article.excerpt, og_type="article", image=views.share_image(article)
    )
    page["json_ld"] = views.article_json_ld(article)
    page["published"] = article.date.isoformat()
    page["modified"] = article.updated.isoformat()
    page["tags"] = list(article.tags)
    year, month = article.date.year, article.date.month
    page["breadcrumbs"] = views.breadcrumbs(
        [
            (views.t("home"), ""),
            (str(year), f"{year:04d}/"),
            (format_month(year, month, views.settings.language), f"{year:04d}/{month:02d}/"),
        ],
        article.title,
        article.url,
    )
    return {"page": page, "article": views.article(article, related, older, newer)}


def _search(site: Site, views: ViewBuilder) -> PageSpec:
    """The search page: filters are rendered here so they work before any data arrives; the
    theme's scripts fetch the manifest and answer queries in the browser."""
    page = views.page("search", "search/", views.t("search_title"))
    filters = {
        "years": sorted(site.years, reverse=True),
        **{
            name: [views.term_summary(term) | {"slug": term.slug} for term in site.taxonomies[name].terms]
            for name in FACET_TAXONOMIES
        },  # the manifest's filters name the same taxonomies
    }
    scripts = [
        views.link(path)
        for path in (
            LUNR_SCRIPT,
            "assets/search/analysis.js",
            "assets/search/aliases.js",
            "assets/search/snippets.js",
            "assets/search/engine.js",
            "assets/search/shards.js",
            "assets/search/ui.js",
        )
    ]
    return _ready(
        views,
        "search/",
        "search.html",
        {
            "page": page,
            "filters": filters,
            "scripts": scripts,
            "manifest": views.link(MANIFEST),
            "count": len(site.articles),
        },
        sitemap=False,
    )


def _archives(site: Site, views: ViewBuilder) -> PageSpec:
    years = []
    for year, items in site.years.items():
        years.append(
            {
                "name": str(year),
                "url": views.link(f"{year:04d}/"),
                "count": len(items),
                "months": _month_links(site, views, year),
            }
        )
    page = views.page("archives", "archives/", views.t("archives"))
    return _ready(views, "archives/", "archives.html", {"page": page, "years": years})


def _month_links(site: Site, views: ViewBuilder, year: int) -> list[dict[str, Any]]:
    return [
        {
            "name": format_month(y, m, site.settings.language),
            "url": views.link(f"{y:04d}/{m:02d}/"),
            "count": len(items),
        }
        for (y, m), items in site.months.items()
        if y == year
    ]
