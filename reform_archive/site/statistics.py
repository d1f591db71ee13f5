"""What the archive holds, counted: articles per year, topic and province, each province's
trend, and the counts the map of provinces is shaded by (pure).

An archive spans both maps of Vietnam: an article keeps the province it was written about
("Hà Giang" in 2023), and since 1 July 2025 Hà Giang is part of Tuyên Quang. The map shows the
34 units of today, each drawn as the provinces it took in (:mod:`reform_archive.text.provinces`),
and counts for each the articles filed under its name or any of theirs (an article filed under
two of them counts once).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from reform_archive.text.province_names import PROVINCES
from reform_archive.text.provinces import successor_of

if TYPE_CHECKING:
    from reform_archive.site.model import Site, Term

__all__ = ["MAP_LEVELS", "Count", "MapUnit", "Statistics", "archive_statistics", "current_unit", "yearly"]

MAP_LEVELS = 5  # shades of the map for units with articles; a unit with none is left blank


@dataclass(frozen=True)
class Count:
    name: str
    path: str  # its page, site-relative ("" when it has none)
    count: int


@dataclass(frozen=True)
class MapUnit:
    """A province of today on the map, and the provinces of before it is drawn as."""

    name: str
    path: str  # the page of the unit itself, when some article names it ("" else)
    count: int  # articles filed under it or under a province it took in
    level: int  # 0 (none) to MAP_LEVELS
    drawn_as: tuple[str, ...]  # the provinces of the 63 that make it up


@dataclass(frozen=True)
class Statistics:
    total: int
    first: datetime | None
    last: datetime | None
    years: tuple[Count, ...]  # every year from the first to the last, oldest first (a year without articles: 0)
    topics: tuple[Count, ...]  # most articles first
    provinces: tuple[Count, ...]  # as filed, most articles first
    units: tuple[MapUnit, ...]  # today's provinces, north to south
    thresholds: tuple[int, ...]  # the least count of each map level above the first


def archive_statistics(site: Site) -> Statistics:
    articles = site.articles
    first = min((a.date for a in articles), default=None)
    last = max((a.date for a in articles), default=None)
    years = yearly([a.date.year for a in articles])
    topics = tuple(Count(t.name, t.url, len(t.articles)) for t in site.taxonomies["topics"].terms)
    province_terms = site.taxonomies["provinces"].terms
    provinces = tuple(Count(t.name, t.url, len(t.articles)) for t in province_terms)
    units, thresholds = _map_units(province_terms)
    return Statistics(
        len(articles),
        first,
        last,
        tuple(Count(str(y), f"{y:04d}/", n) for y, n in years),
        topics,
        provinces,
        units,
        thresholds,
    )


def yearly(years: list[int]) -> tuple[tuple[int, int], ...]:
    """(year, articles) for every year from the first to the last, gaps included as 0."""
    counted = Counter(years)
    if not counted:
        return ()
    return tuple((year, counted.get(year, 0)) for year in range(min(counted), max(counted) + 1))


def current_unit(province: str) -> str:
    """The province of today that ``province`` (one of the 63) is part of, or is."""
    change = successor_of(province)
    while change is not None:  # Thừa Thiên Huế became Huế, which stayed Huế in July
        province = change.successor
        change = successor_of(province)
    return province


def _map_units(terms: tuple[Term, ...]) -> tuple[tuple[MapUnit, ...], tuple[int, ...]]:
    by_name = {term.name: term for term in terms}
    members: dict[str, list[str]] = {}
    for province in PROVINCES:
        members.setdefault(current_unit(province), []).append(province)
    units = []
    for unit, drawn_as in members.items():
        names = {unit, *drawn_as}
        articles = {a.path for name in names if name in by_name for a in by_name[name].articles}
        own = by_name.get(unit)
        units.append((unit, own.url if own is not None else "", len(articles), tuple(drawn_as)))
    thresholds = _thresholds(sorted(count for _, _, count, _ in units if count))
    return tuple(
        MapUnit(name, path, count, _level(count, thresholds), drawn) for name, path, count, drawn in units
    ), thresholds


def _thresholds(counts: list[int]) -> tuple[int, ...]:
    """The least count of levels 2..MAP_LEVELS: quantiles of the units that have articles, so that
    a few big cities do not leave every other province in the palest shade."""
    if not counts:
        return ()
    cuts = [counts[min(len(counts) - 1, len(counts) * level // MAP_LEVELS)] for level in range(1, MAP_LEVELS)]
    return tuple(sorted(set(cut for cut in cuts if cut > counts[0])))


def _level(count: int, thresholds: tuple[int, ...]) -> int:
    return 0 if count == 0 else 1 + sum(count >= cut for cut in thresholds)
