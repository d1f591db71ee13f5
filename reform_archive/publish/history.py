"""View data for a province page's history (:mod:`reform_archive.site.reorganisation`), pure.

The sentences are made here, with the theme's UI strings (``term_history.*``), so that a
template only places them: ``list.html`` shows ``history.ended`` under the heading and
``history.formed`` after the page's own articles.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from reform_archive.errors import ConfigError
from reform_archive.publish.views import ViewBuilder
from reform_archive.text.dates import EN_MONTHS

__all__ = ["history_view"]


def history_view(views: ViewBuilder, name: str, history: dict[str, Any]) -> dict[str, Any]:
    """``{"ended": {text, link} | None, "formed": {heading, text, pages, latest, entries} | None}``;
    both None for a theme whose catalogue predates the ``term_history`` strings (it could not show them)."""
    try:
        return _history_view(views, name, history)
    except ConfigError:
        return {"ended": None, "formed": None}


def _history_view(views: ViewBuilder, name: str, history: dict[str, Any]) -> dict[str, Any]:
    t = views.t
    view: dict[str, Any] = {"ended": None, "formed": None}
    ended = history.get("ended")
    if ended is not None:
        successor = _unit(views, ended["successor"], ended["successor_kind"])
        text = t(
            "term_history.renamed_to" if ended["renamed"] else "term_history.merged_into",
            date=_day(ended["when"], views.settings.language),
            name=_unit(views, name, ended["kind"]),
            successor=successor,
            basis=t("term_history.basis", number=ended["basis"]),
        )
        link = None
        if ended["successor_path"]:
            link = {
                "name": t("term_history.successor_link", successor=successor),
                "url": views.link(ended["successor_path"]),
            }
        view["ended"] = {"text": text, "link": link}
    formed = history.get("formed")
    if formed is not None:
        when = _day(formed["when"], views.settings.language)
        members = _joined(views, [_unit(views, member, kind) for member, kind in formed["members"]])
        with_articles = _joined(views, [page for page, _, _ in formed["pages"]])
        view["formed"] = {
            "heading": t("term_history.before", date=when),
            "text": t(
                "term_history.renamed_from" if formed["renamed"] else "term_history.formed_from",
                date=when,
                name=_unit(views, name, formed["kind"]),
                predecessors=members,
                basis=t("term_history.basis", number=formed["basis"]),
            ),
            "pages": [{"name": page, "url": views.link(path), "count": count} for page, path, count in formed["pages"]],
            "latest": t("term_history.latest", predecessors=with_articles),
            "entries": [views.card(article) for article in formed["articles"]],
        }
    return view


def _unit(views: ViewBuilder, name: str, kind: str) -> str:
    return views.t(f"term_history.{kind}", name=name)


def _joined(views: ViewBuilder, names: list[str]) -> str:
    """ "A", "A và B", "A, B và C" (English: "A and B", "A, B and C")."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {views.t('term_history.and')} {names[-1]}"


def _day(iso: str, language: str) -> str:
    """1 July 2025 as the sentence needs it: "1/7/2025", or "1 July 2025" in English."""
    day = date.fromisoformat(iso)
    return (
        f"{day.day} {EN_MONTHS[day.month - 1]} {day.year}" if language == "en" else f"{day.day}/{day.month}/{day.year}"
    )
