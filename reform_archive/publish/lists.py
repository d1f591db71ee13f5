"""Pages that list things, page by page, and what every page plan is made of (pure).

A :class:`PageSpec` names a page's path, its template and its *recipe*: a module-level
function and the inputs it makes the view data from (:mod:`reform_archive.publish.pages`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

from reform_archive.errors import ConfigError
from reform_archive.publish.charts import year_chart
from reform_archive.publish.history import history_view
from reform_archive.publish.views import ViewBuilder
from reform_archive.site.model import Article
from reform_archive.site.statistics import Count
from reform_archive.site.urls import page_path

__all__ = ["PageSpec", "list_page", "paginated", "term_page"]


@dataclass(frozen=True)
class PageSpec:
    path: str  # site-relative, "" for home, "2022/09/x/" for a folder page
    template: str
    make: Callable[..., dict[str, Any]]  # module-level: make(views, *inputs) is the view data
    inputs: tuple[Any, ...]
    views: ViewBuilder
    source: str = ""  # the content file the page comes from, for problems
    sitemap: bool = True  # content for search engines (not redirects, the 404 page or the search page)
    lastmod: str = ""  # for the sitemap: the day an article was last changed
    alias: str = ""  # a redirect's own alias, as site-relative path (source is the article's file)
    line: int = 0  # the line of source that asks for a redirect, when known already (a term's)

    @property
    def context(self) -> dict[str, Any]:
        return self.make(self.views, *self.inputs)


def paginated(
    views: ViewBuilder,
    base: str,
    heading: str,
    items: Sequence[Any],
    kind: str,
    template: str = "list.html",
    feed: str | None = None,
    first: tuple[Any, ...] | None = None,
    **extra: Any,
) -> Iterator[PageSpec]:
    """``items``: articles (shown as cards) or plain view data (a taxonomy's term summaries).
    ``first``: a province term's name, history and articles by year, for its first page (:func:`term_page`)."""
    per_page = views.settings.per_page
    total = max(1, math.ceil(len(items) / per_page))
    for number in range(1, total + 1):
        chunk = items[(number - 1) * per_page : number * per_page]
        inputs = (base, heading, kind, feed, number, total, len(items), chunk, extra)
        if number == 1 and first is not None:
            yield PageSpec(page_path(base, number), template, term_page, (*inputs, *first), views)
        else:
            yield PageSpec(page_path(base, number), template, list_page, inputs, views)


def list_page(
    views: ViewBuilder,
    base: str,
    heading: str,
    kind: str,
    feed: str | None,
    number: int,
    total: int,
    count: int,
    chunk: Sequence[Any],
    extra: dict[str, Any],
) -> dict[str, Any]:
    path = page_path(base, number)
    title = heading if number == 1 else f"{heading} – {views.t('page_n', n=number)}"
    page = views.page(kind, path, title, feed_url=views.link(feed) if feed else None)
    entries = [views.card(a) if isinstance(a, Article) else a for a in chunk]
    # home, then the pages this list belongs to, then the list's first page from its later ones
    parents = extra.get("parents") or ([extra["parent"]] if "parent" in extra else [])
    trail = [(views.t("home"), "")] + [(parent["name"], parent["path"]) for parent in parents]
    if number > 1:
        trail.append((heading, base))
    if len(trail) > 1:
        page["breadcrumbs"] = views.breadcrumbs(trail, title, path)
    return {
        "page": page,
        "heading": heading,
        "entries": entries,
        "count": count,
        "pagination": views.pagination(base, number, total),
        **extra,
    }


def term_page(
    views: ViewBuilder,
    base: str,
    heading: str,
    kind: str,
    feed: str | None,
    number: int,
    total: int,
    count: int,
    chunk: Sequence[Any],
    extra: dict[str, Any],
    name: str,
    history: dict[str, Any],
    trend: tuple[Count, ...] = (),
) -> dict[str, Any]:
    """A province's first page, with what it became or what it took in (:mod:`reform_archive.site.reorganisation`)
    and, when its articles span two years or more, a chart of them by year."""
    context = list_page(views, base, heading, kind, feed, number, total, count, chunk, extra)
    context["history"] = history_view(views, name, history)
    if len(trend) > 1:
        with suppress(ConfigError):  # a theme whose UI strings predate the charts has none
            context["trend"] = year_chart(views, trend, views.t("statistics.trend", name=name))
    return context
