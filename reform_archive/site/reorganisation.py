"""What a province's page says about the 2025 reorganisations, from the terms the site has (pure).

An article keeps the province it was written about: "Hà Giang" in 2023 stays on the Hà Giang
page. The pages join up instead:

* the page of a unit that ended (Hà Giang, Thừa Thiên Huế) says which unit it became part of (or
  became) and when, and links to that unit's page when the site has one;
* the page of a unit that took others in (Tuyên Quang) lists, on its first page, the pages of
  those that have articles and their newest articles, merged by date (at most ``limit``; each
  predecessor's own page has them all). Articles already on the unit's own list are left out.

A unit no article names has no page, here as everywhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reform_archive.text.provinces import predecessors_of, successor_of, unit_kind

if TYPE_CHECKING:
    from reform_archive.site.model import Taxonomy

__all__ = ["province_histories"]


def province_histories(provinces: Taxonomy, limit: int) -> dict[str, dict[str, Any]]:
    """Province term slug -> its history, as plain values and articles (the inputs of a page's
    recipe, see :mod:`reform_archive.publish.pages`)."""
    pages = {term.name: term for term in provinces.terms}
    histories: dict[str, dict[str, Any]] = {}
    for term in provinces.terms:
        history: dict[str, Any] = {}
        ended = successor_of(term.name)
        if ended is not None:
            successor = pages.get(ended.successor)
            history["ended"] = {
                "when": ended.effective.isoformat(),
                "basis": ended.basis,
                "renamed": ended.renamed,
                "kind": unit_kind(term.name),
                "successor": ended.successor,
                "successor_kind": unit_kind(ended.successor),
                "successor_path": successor.url if successor is not None else "",
            }
        formed = predecessors_of(term.name)
        earlier = [pages[name] for name in formed.predecessors if name in pages] if formed is not None else []
        if formed is not None and earlier:
            own = {article.url for article in term.articles}
            merged = {article.url: article for old in earlier for article in old.articles if article.url not in own}
            newest = sorted(merged.values(), key=lambda article: (article.date, article.url), reverse=True)
            history["formed"] = {
                "when": formed.effective.isoformat(),
                "basis": formed.basis,
                "renamed": formed.renamed,
                "kind": unit_kind(term.name),
                "members": [(name, unit_kind(name)) for name in formed.predecessors],
                "pages": [(old.name, old.url, len(old.articles)) for old in earlier],
                "articles": tuple(newest[:limit]),
            }
        if history:
            histories[term.slug] = history
    return histories
