"""The statistics page and each province's trend: charts drawn at build time as SVG view
data (bars and map shapes with their coordinates), so that a reader needs no JavaScript,
each with its numbers as a table for those who cannot see it (pure but the map's data file,
read once from the package).

The map is ``vietnam_map.json`` (made by ``scripts/make_province_map.py`` from Natural Earth):
the 63 provinces of before 1 July 2025 as paths, each filled with the shade of the province
of today it belongs to, and the Hoàng Sa and Trường Sa archipelagos as dots.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import Any

from reform_archive.errors import ConfigError
from reform_archive.publish.charts import bars, year_chart
from reform_archive.publish.lists import PageSpec
from reform_archive.publish.views import ViewBuilder
from reform_archive.site.statistics import MAP_LEVELS, Statistics
from reform_archive.text.dates import format_day

__all__ = ["TOP_PROVINCES", "has_statistics", "plan_statistics", "statistics_page"]

TOP_PROVINCES = 15  # bars on the page; the provinces' index has the rest


@lru_cache(maxsize=1)
def _map() -> dict[str, Any]:
    shapes: dict[str, Any] = json.loads(
        files("reform_archive.publish").joinpath("vietnam_map.json").read_text(encoding="utf-8")
    )
    return shapes


def has_statistics(views: ViewBuilder) -> bool:
    """Whether the theme's UI strings have the statistics page's (a theme made before it has none)."""
    try:
        views.t("statistics.title")
    except ConfigError:
        return False
    return True


def plan_statistics(views: ViewBuilder, statistics: Statistics) -> PageSpec:
    return PageSpec("statistics/", "statistics.html", statistics_page, (statistics,), views)


def statistics_page(views: ViewBuilder, statistics: Statistics) -> dict[str, Any]:
    t = views.t
    page = views.page("statistics", "statistics/", t("statistics.title"), t("statistics.description"))
    page["breadcrumbs"] = views.breadcrumbs([(t("home"), "")], t("statistics.title"), "statistics/")
    span = ""
    if statistics.first is not None and statistics.last is not None:
        language = views.settings.language
        span = t(
            "statistics.span", first=format_day(statistics.first, language), last=format_day(statistics.last, language)
        )
    return {
        "page": page,
        "total": t("articles_count", n=statistics.total),
        "span": span,
        "years": year_chart(views, statistics.years, t("statistics.by_year")),
        "topics": bars(views, statistics.topics),
        "provinces": bars(views, statistics.provinces[:TOP_PROVINCES]),
        "more_provinces": len(statistics.provinces) > TOP_PROVINCES,
        "provinces_url": views.link("provinces/"),
        "map": _map_view(views, statistics),
    }


def _map_view(views: ViewBuilder, statistics: Statistics) -> dict[str, Any]:
    t = views.t
    shapes = _map()
    areas = []
    for unit in statistics.units:
        label = t("statistics.map_unit", name=unit.name, count=t("articles_count", n=unit.count))
        for province in unit.drawn_as:
            areas.append(
                {
                    "d": shapes["provinces"][province],
                    "level": unit.level,
                    "label": label,
                    "url": views.link(unit.path) if unit.path else "",
                }
            )
    islands = [
        {
            "name": t(f"statistics.{group}"),
            "dots": dots,
            "label_x": min(x for x, _ in dots) - 2,
            "label_y": min(y for _, y in dots) - 6,
        }
        for group, dots in shapes["islands"].items()
    ]
    bounds = (0, *statistics.thresholds)
    legend = []
    for level in range(1, MAP_LEVELS + 1):
        if level - 1 < len(bounds):
            low = max(1, bounds[level - 1])
            high = bounds[level] - 1 if level < len(bounds) else None
            legend.append(
                {
                    "level": level,
                    "text": f"{low}–{high}"
                    if high is not None and high > low
                    else (str(low) if high is not None else f"≥ {low}"),
                }
            )
    ranked = sorted(statistics.units, key=lambda unit: (-unit.count, unit.name))
    return {
        "width": shapes["width"],
        "height": shapes["height"],
        "areas": areas,
        "islands": islands,
        "legend": legend,
        "none": t("statistics.map_none"),
        "title": t("statistics.map_title"),
        "description": t(
            "statistics.map_description",
            top=", ".join(f"{unit.name} ({unit.count})" for unit in ranked[:3] if unit.count),
        ),
        "rows": [
            {
                "name": unit.name,
                "url": views.link(unit.path) if unit.path else "",
                "count": unit.count,
                "members": ", ".join(p for p in unit.drawn_as if p != unit.name),
            }
            for unit in ranked
        ],
    }
