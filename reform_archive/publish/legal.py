"""The pages of legal documents: one per cited document, an index by type and year, and a
page per type (pure).

A reader comes to ask "what has been written about Decision X": the document's page says
what it is (type, number, issuer, date, subject, the official text when the site links it,
and whether these were read from the articles or given by the editor), then lists the
articles that cite it, each with the sentence it cites it in.

The index groups documents by type, laws first (:data:`reform_archive.site.legal.KIND_ORDER`),
and within a type by year of issue, newest first; it shows the newest few of each type and
links to the type's page, which lists them all.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from reform_archive.errors import ConfigError
from reform_archive.publish.lists import PageSpec, list_page
from reform_archive.publish.views import ViewBuilder
from reform_archive.site.legal import KIND_ORDER, LegalDocument, reading_order
from reform_archive.site.model import Article, Site, Taxonomy
from reform_archive.site.urls import page_path
from reform_archive.text.dates import format_day
from reform_archive.text.vietnamese import slugify

__all__ = [
    "INDEX_PER_TYPE",
    "SUBJECT_SHOWN",
    "TYPE_PAGE_SIZE",
    "document_page",
    "documents_index",
    "plan_documents",
    "type_page",
]

INDEX_PER_TYPE = 8  # the newest documents of each type on the index; the type's page has the rest
TYPE_PAGE_SIZE = 100  # a type's page lists this many documents (one line each) per page
SUBJECT_SHOWN = 160  # characters of a subject on the index


def plan_documents(site: Site, views: ViewBuilder) -> Iterator[PageSpec] | None:
    """The documents taxonomy's pages, or ``None`` for a theme whose UI strings predate them
    (its generic term pages are made instead)."""
    try:
        views.t("legal.subject")
    except ConfigError:
        return None
    return _plan(site, views)


def _plan(site: Site, views: ViewBuilder) -> Iterator[PageSpec]:
    taxonomy = site.taxonomies["documents"]
    counts = {term.slug: len(term.articles) for term in taxonomy.terms}
    lines = {
        kind: [_line(views, document, counts[document.slug], taxonomy) for document in documents]
        for kind, documents in _by_kind(site).items()
    }
    yield PageSpec(taxonomy.url, "documents.html", documents_index, (taxonomy.url, lines), views)
    index = {"name": views.t("taxonomy.documents"), "path": taxonomy.url}
    for kind, entries in lines.items():
        base = f"{taxonomy.url}{_type_folder(kind)}"
        total = max(1, math.ceil(len(entries) / TYPE_PAGE_SIZE))
        for number in range(1, total + 1):
            chunk = entries[(number - 1) * TYPE_PAGE_SIZE : number * TYPE_PAGE_SIZE]
            yield PageSpec(
                page_path(base, number),
                "documents.html",
                type_page,
                (base, kind, number, total, len(entries), chunk, index),
                views,
            )
    for term in taxonomy.terms:
        document = site.legal[term.slug]
        parents = [
            index,
            {
                "name": _kind_name(views, document.kind, plural=True),
                "path": f"{taxonomy.url}{_type_folder(document.kind)}",
            },
        ]
        per_page = site.settings.per_page
        total = max(1, math.ceil(len(term.articles) / per_page))
        for number in range(1, total + 1):
            articles = term.articles[(number - 1) * per_page : number * per_page]
            yield PageSpec(
                page_path(term.url, number),
                "list.html",
                document_page,
                (term.url, f"{term.url}feed.xml", number, total, len(term.articles), articles, parents, document),
                views,
                source="",
            )


def document_page(
    views: ViewBuilder,
    base: str,
    feed: str,
    number: int,
    total: int,
    count: int,
    chunk: Sequence[Article],
    parents: list[dict[str, str]],
    document: LegalDocument,
) -> dict[str, Any]:
    """A document's page: what it is, then the articles citing it, each with its sentence."""
    heading = _title(views, document)
    extra = {"parents": parents, "taxonomy": "documents"}
    context = list_page(views, base, heading, "term", feed, number, total, count, chunk, extra)
    quotes = {quote.article: quote for quote in document.quotes}
    context["entries"] = [_quoted(views.card(article), quotes.get(article.path)) for article in chunk]
    context["document"] = _facts(views, document)
    context["page"]["description"] = _capitalised(document.subject) or context["page"]["description"]
    context["page"]["json_ld"] = _json_ld(views, document, base)
    return context


def documents_index(views: ViewBuilder, path: str, lines: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    heading = views.t("taxonomy.documents")
    page = views.page("terms", path, heading)
    page["breadcrumbs"] = views.breadcrumbs([(views.t("home"), "")], heading, path)
    kinds = []
    for kind, entries in lines.items():
        folder = f"{path}{_type_folder(kind)}"
        kinds.append(
            {
                "name": _kind_name(views, kind, plural=True),
                "url": views.link(folder),
                "count": len(entries),
                "id": slugify(kind),
                "years": _years(views, entries[:INDEX_PER_TYPE]),
                "more": len(entries) > INDEX_PER_TYPE,
            }
        )
    total = sum(len(entries) for entries in lines.values())
    return {
        "page": page,
        "heading": heading,
        "intro": views.t("legal.index_intro", n=total),
        "kinds": kinds,
        "pagination": views.pagination(path, 1, 1),
        "single": False,
    }


def type_page(
    views: ViewBuilder,
    base: str,
    kind: str,
    number: int,
    total: int,
    count: int,
    chunk: list[dict[str, Any]],
    index: dict[str, str],
) -> dict[str, Any]:
    heading = _kind_name(views, kind, plural=True)
    path = page_path(base, number)
    title = heading if number == 1 else f"{heading} – {views.t('page_n', n=number)}"
    page = views.page("terms", path, title)
    trail = [(views.t("home"), ""), (index["name"], index["path"])] + ([(heading, base)] if number > 1 else [])
    page["breadcrumbs"] = views.breadcrumbs(trail, title, path)
    return {
        "page": page,
        "heading": heading,
        "intro": views.t("legal.type_intro", n=count),
        "kinds": [
            {
                "name": heading,
                "years": _years(views, chunk),
                "more": False,
                "id": "",
                "count": count,
                "url": views.link(base),
            }
        ],
        "pagination": views.pagination(base, number, total),
        "single": True,
    }


def _by_kind(site: Site) -> dict[str, list[LegalDocument]]:
    grouped: dict[str, list[LegalDocument]] = {}
    for document in site.legal.values():
        grouped.setdefault(document.kind or "Văn bản", []).append(document)
    order = {kind: i for i, kind in enumerate(KIND_ORDER)}
    return {
        kind: sorted(grouped[kind], key=reading_order)
        for kind in sorted(grouped, key=lambda kind: (order.get(kind, len(order)), kind))
    }


def _line(views: ViewBuilder, document: LegalDocument, count: int, taxonomy: Taxonomy) -> dict[str, Any]:
    """One document on the index: plain values, so the index's stamp is cheap to make."""
    subject = _capitalised(document.subject)
    if len(subject) > SUBJECT_SHOWN:
        subject = subject[: subject.rfind(" ", 0, SUBJECT_SHOWN)].rstrip(" ,;:") + "…"
    return {
        "title": _title(views, document),
        "url": views.link(f"{taxonomy.url}{document.slug}/"),
        "subject": subject,
        "issued": _day(views, document.issued),
        "count": count,
        "year": document.year,
    }


def _years(views: ViewBuilder, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    years: list[dict[str, Any]] = []
    for entry in entries:
        label = str(entry["year"]) if entry["year"] else views.t("legal.year_unknown")
        if not years or years[-1]["name"] != label:
            years.append({"name": label, "entries": []})
        years[-1]["entries"].append(entry)
    return years


def _facts(views: ViewBuilder, document: LegalDocument) -> dict[str, Any]:
    t = views.t
    rows = [
        (t("legal.kind"), _kind_name(views, document.kind) if document.kind else ""),
        (t("legal.number"), document.number),
        (t("legal.issuer"), document.issuer),
        (t("legal.issued"), _day(views, document.issued)),
    ]  # the subject leads the box, above these
    # the type comes from the number's code when nothing else says it: only the others are a reading
    read = [key for key in ("issuer", "issued", "subject") if getattr(document, key) and key not in document.from_data]
    return {
        "rows": [{"label": label, "value": value} for label, value in rows if value],
        "link": document.link,
        "link_label": t("legal.link"),
        "note": t("legal.read_from_articles") if read else "",
        "cited_heading": t("legal.cited_in"),
        "label": t("legal.facts"),
        "subject": _capitalised(document.subject),
    }


def _quoted(card: dict[str, Any], quote: Any) -> dict[str, Any]:
    """An article's card with the sentence that cites the document, its number marked."""
    if quote is None:
        return card
    end = quote.at + quote.length
    return {
        **card,
        "quote": {
            "before": quote.sentence[: quote.at],
            "number": quote.sentence[quote.at : end],
            "after": quote.sentence[end:],
        },
    }


def _json_ld(views: ViewBuilder, document: LegalDocument, path: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "url": views.canonical(path),
        "name": _title(views, document),
        "legislationIdentifier": document.number,
    }
    if document.kind:
        data["legislationType"] = document.kind
    if document.issued:
        data["legislationDate"] = document.issued
    if document.issuer:
        data["legislationPassedBy"] = {"@type": "Organization", "name": document.issuer}
    if document.subject:
        data["description"] = _capitalised(document.subject)
    if document.link:
        data["sameAs"] = document.link
    return data


def _title(views: ViewBuilder, document: LegalDocument) -> str:
    """ "Nghị định 61/2018/NĐ-CP", "Decree 61/2018/NĐ-CP"; "Văn bản 12-2020" for a type not known."""
    return f"{_kind_name(views, document.kind)} {document.number}"


def _kind_name(views: ViewBuilder, kind: str, plural: bool = False) -> str:
    """A type in the UI's language, from the theme's ``legal_kinds`` strings (the Vietnamese
    name when the theme has none for it)."""
    key = f"legal_kinds{'_plural' if plural else ''}.{slugify(kind or 'Văn bản')}"
    try:
        return views.t(key)
    except ConfigError:
        return kind or "Văn bản"


def _type_folder(kind: str) -> str:
    return f"type/{slugify(kind or 'Văn bản')}/"


def _day(views: ViewBuilder, iso: str) -> str:
    """ "02/9/2021" as documents are dated (no weekday), "2 September 2021" in English."""
    return format_day(date.fromisoformat(iso), views.settings.language) if iso else ""


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
