"""Charts as view data: the coordinates of SVG bars, computed at build time, so that a template
draws them with no script and a reader needs none (pure). Each chart carries its numbers as
rows too, for a table beside it: the text alternative of the picture."""

from __future__ import annotations

from typing import Any

from reform_archive.publish.views import ViewBuilder
from reform_archive.site.statistics import Count

__all__ = ["CHART_HEIGHT", "bars", "year_chart"]

CHART_HEIGHT = 180  # the year chart's bars, in its own units (the SVG scales to the column's width)
_YEAR_WIDTH = 40  # units per year: the chart is 40 units a year, between 320 and 640
_LABEL_ROOM, _VALUE_ROOM = 22, 18


def year_chart(views: ViewBuilder, years: tuple[Count, ...], title: str) -> dict[str, Any]:
    """Vertical bars, a year each: ``{title, width, height, bars: [{x, y, width, height, label,
    value, url, label_x, show_label}], rows}``; every label shown while they fit, else every other."""
    width = max(320, min(640, _YEAR_WIDTH * len(years)))
    top = max((year.count for year in years), default=0) or 1
    slot = width / max(1, len(years))
    every = 1 if slot >= 36 else 2
    bars = []
    for i, year in enumerate(years):
        height = round(CHART_HEIGHT * year.count / top, 1)
        x = round(i * slot + slot * 0.15, 1)
        bars.append(
            {
                "x": x,
                "width": round(slot * 0.7, 1),
                "y": round(_VALUE_ROOM + CHART_HEIGHT - height, 1),
                "height": height,
                "label": year.name,
                "value": year.count,
                "url": views.link(year.path) if year.count else "",  # a year without articles has no page
                "label_x": round(i * slot + slot / 2, 1),
                "value_y": round(_VALUE_ROOM + CHART_HEIGHT - height - 4, 1),
                "show_label": (len(years) - 1 - i) % every == 0,
            }
        )
    return {
        "title": title,
        "width": width,
        "height": _VALUE_ROOM + CHART_HEIGHT + _LABEL_ROOM,
        "baseline": _VALUE_ROOM + CHART_HEIGHT,
        "label_y": _VALUE_ROOM + CHART_HEIGHT + 16,
        "bars": bars,
        "rows": [{"name": year.name, "count": year.count} for year in years],
    }


def bars(views: ViewBuilder, counts: tuple[Count, ...]) -> list[dict[str, Any]]:
    """Horizontal bars as list items: each one's share of the longest, in per cent."""
    top = max((c.count for c in counts), default=0) or 1
    return [
        {
            "name": c.name,
            "url": views.link(c.path) if c.path else "",
            "count": c.count,
            "percent": round(100 * c.count / top, 1),
        }
        for c in counts
    ]
