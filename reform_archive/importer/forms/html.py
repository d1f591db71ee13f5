"""A saved HTML page -> one RawPage: the article's lines and the page's declared metadata (pure).

The body comes from trafilatura (its own rules, then readability and jusText, with
favor_recall), put back among the page's own lines by ``article.locate`` so that the
dateline, sapo and byline around it survive. Metadata comes from ``htmlmeta``; a date the
page does not declare comes, in order, from a ``<time datetime>`` between the headline
and the body, then from htmldate looking at the <head> only. htmldate is not let loose on
the body: Vietnamese portals print today's date in their top bar ("Thứ Hai, ngày
19/10/2020") and htmldate takes it for the article's when the real dateline has no
date-like class; its free-text search also takes dates from related headlines. A date
printed only in the text is left to the plain-text importer, which reads datelines.
"""

from __future__ import annotations

import codecs
import re
from copy import deepcopy
from dataclasses import replace
from urllib.parse import urljoin

import htmldate
import lxml.etree
import lxml.html
import trafilatura

from reform_archive.importer.decode import decode
from reform_archive.importer.forms.article import Article, locate
from reform_archive.importer.forms.dates import iso_date
from reform_archive.importer.forms.htmlmeta import page_metadata
from reform_archive.importer.forms.htmltext import lines_of, trafilatura_lines, xml_safe
from reform_archive.importer.forms.page import FormProblem, RawPage

__all__ = ["decode_html", "extracted_lines", "page_from_tree", "parse_html", "read_html"]

_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_META_CHARSET = re.compile(rb"<meta[^>]+?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
# what browsers decode these labels as (the WHATWG Encoding Standard)
_BROWSER_CODECS = {
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "iso8859-1": "cp1252",
    "tis-620": "cp874",
}
_PARSER = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False, default_doctype=False)
_LAZY_SOURCES = ("data-src", "data-original", "data-lazy-src", "src")
# htmldate's plausibility ceiling; fixed, so that a reading does not depend on the clock
_LATEST_DATE = "2099-12-31"


def read_html(data: bytes, http_charset: str = "") -> tuple[RawPage | None, FormProblem | None]:
    """One page from a saved page's bytes; ``http_charset`` is the HTTP header's, if known."""
    text, encoding, problem, line = decode_html(data, http_charset)
    if text is None:
        return None, FormProblem(line, problem)
    root = parse_html(text)
    if root is None:
        return None, FormProblem(1, "not readable as HTML: no elements in it")
    page, page_problem = page_from_tree(root, data)
    return (replace(page, encoding=encoding) if page else None), page_problem


def decode_html(data: bytes, http_charset: str = "") -> tuple[str | None, str, str, int]:
    """Text and its encoding, or None with the problem and its line. A byte-order mark decides; then valid
    UTF-8 is UTF-8 whatever the page declares (a legacy charset never decodes as valid
    UTF-8 by chance, while portals that moved to UTF-8 often kept their old <meta>); then
    the declared charset (HTTP header, <meta>); then decode.py's guess."""
    if not data.strip():
        return None, "", "file is empty", 1
    if not data.startswith(_BOMS):
        try:
            return data.decode("utf-8"), "utf-8", "", 1
        except UnicodeDecodeError:
            pass
        match = _META_CHARSET.search(data[:4096])
        for label in (http_charset, match.group(1).decode("ascii") if match else ""):
            if codec := _codec(label):
                try:
                    return data.decode(codec), codec, "", 1
                except UnicodeDecodeError:
                    pass
    decoded = decode(data)
    return decoded.text, decoded.encoding, decoded.problem, decoded.line


def parse_html(text: str) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.document_fromstring(xml_safe(text), parser=_PARSER)
    except (lxml.etree.ParserError, lxml.etree.LxmlError, ValueError):
        return None


def page_from_tree(root: lxml.html.HtmlElement, data: bytes) -> tuple[RawPage | None, FormProblem | None]:
    meta = page_metadata(root)
    body = root.find("body")
    page_lines = lines_of(body if body is not None else root)
    article = locate(page_lines, extracted_lines(root), meta.title, meta.page_title)
    if not article.lines:
        return None, FormProblem(1, "no text in this HTML page")
    url = meta.url
    image, image_alt = (meta.image, meta.image_alt) if meta.image else _first_image(article)
    return RawPage(
        text="\n".join(article.lines),
        raw=data,
        url=url,
        title=_title(meta.title, article.headline),
        date=meta.date or _time_date(root, article) or _head_date(root),
        date_modified=meta.date_modified,
        authors=meta.authors,
        image=_absolute(image, url),
        image_alt=image_alt,
        form="html",
        encoding="utf-8",  # a page decoded elsewhere (a record's field) is text already
    ), None


def _title(declared: str, headline: str) -> str:
    """The headline as printed over the article, when one was found and is about the same
    thing as the declared title: og:title is often a shorter line for sharing, JSON-LD's
    headline cut at 110 characters. A headline sharing little with the declared title is
    more likely the site's name in an <h1>."""
    if not headline or not declared:
        return headline or declared
    printed, stated = set(headline.casefold().split()), set(declared.casefold().split())
    return headline if len(printed & stated) >= 0.5 * min(len(printed), len(stated)) else declared


def extracted_lines(root: lxml.html.HtmlElement) -> list[str]:
    """trafilatura's article body as lines; [] when it finds none (it copies the tree)."""
    try:
        document = trafilatura.bare_extraction(
            root, include_comments=False, favor_recall=True, include_tables=True, include_images=False
        )
    except Exception:  # noqa: BLE001 - a bug in a heuristic must not lose the page: the page's lines remain
        return []
    body = getattr(document, "body", None)
    return trafilatura_lines(body) if body is not None else []


def _codec(label: str) -> str:
    label = label.strip().lower()
    if not label:
        return ""
    label = _BROWSER_CODECS.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return ""


def _time_date(root: lxml.html.HtmlElement, article: Article) -> str:
    """A <time datetime> marked pubdate, else the first between the headline and the body."""
    times = [element for element in root.iter("time") if element.get("datetime")]
    for element in times:
        if element.get("pubdate") is not None and (found := iso_date(element.get("datetime"))):
            return found
    start = article.header_start if article.header_start is not None else article.container
    if start is None or article.body_start is None:
        return ""
    elements = list(root.iter())  # held, so that the ids below stay theirs
    order = {id(element): number for number, element in enumerate(elements)}
    low, high = order.get(id(start), -1), order.get(id(article.body_start), -1)
    for element in times:
        if low <= order.get(id(element), -1) <= high and (found := iso_date(element.get("datetime"))):
            return found
    return ""


def _head_date(root: lxml.html.HtmlElement) -> str:
    head = root.find("head")
    if head is None:
        return ""
    document = lxml.html.Element("html")
    document.append(deepcopy(head))
    try:
        found = htmldate.find_date(
            document, extensive_search=False, original_date=True, max_date=_LATEST_DATE, outputformat="%Y-%m-%d"
        )
    except Exception:  # noqa: BLE001 - htmldate's heuristics are a fallback; their failure is "no date"
        return ""
    return iso_date(found) if found else ""


def _first_image(article: Article) -> tuple[str, str]:
    """The article's first picture and its alt text."""
    if article.container is None:
        return "", ""
    started = article.header_start is None
    for element in article.container.iter():
        started = started or element is article.header_start
        if started and element.tag == "img":
            for attribute in _LAZY_SOURCES:
                source = (element.get(attribute) or "").strip()
                if source and not source.startswith("data:"):
                    return source, " ".join((element.get("alt") or "").split())
    return "", ""


def _absolute(link: str, base: str) -> str:
    if not link or not base or link.startswith(("http://", "https://")):
        return link
    try:
        return urljoin(base, link)
    except ValueError:
        return link
