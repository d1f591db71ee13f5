"""Where the article is on a page: trafilatura's text, put back among the page's lines (pure).

trafilatura finds the article body well but drops what Vietnamese portals print around
it: the dateline and tool bar under the headline, the sapo in its own box, the byline
and "Nguồn: …" in a box after the body. Those are exactly what the plain-text importer
reads (it was made for whole pages, chrome and all), so the text handed on is the page's
own lines from the headline to the end of the article:

- the headline (the page line matching the declared title, else the nearest <h1>);
- every line between it and the body (the header: dateline, category, sapo, credits);
- the body: the lines trafilatura kept, and the lines between them that it dropped
  unless they are links or head a list of links (a paragraph or a caption is never lost
  to a wrong guess; an inline "Tin liên quan" box goes);
- up to six lines after the body inside the article's container, up to the first heading
  or link list (a byline, the source; related news and comments start with either).

Lines before the headline and after the article (menus, breadcrumbs, sidebars, footers)
are left out. Lines are matched by their text, case and list markers ignored.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

import lxml.etree

from reform_archive.importer.forms.htmltext import HEADING_TAGS, Line

__all__ = ["HEADER_LINES", "NO_HEADLINE_LINES", "TAIL_LINES", "WHOLE_PAGE_SHARE", "Article", "key", "locate"]

HEADER_LINES = 15  # more than this between headline and body: keep the nearest ones
NO_HEADLINE_LINES = 8  # without a headline, this many lines above the body
TAIL_LINES = 6
WHOLE_PAGE_SHARE = 0.8  # trafilatura "found" this share of the page's lines or more: it found no article
_HEADLINE_SEARCH = 60  # how far above the body a line matching the declared title may be
_MARKER = re.compile(r"^(?:[-–•+*]|\d{1,3}[.)])\s+")
_SENTENCE_END = re.compile(r"[.!?…:;\"”»)]\s*$")


@dataclass(frozen=True)
class Article:
    lines: tuple[str, ...]
    headline: str = ""  # the visible headline's text, "" when none was found
    container: lxml.etree._Element | None = None  # holds the headline and the body
    header_start: lxml.etree._Element | None = None  # the headline's element, or the first header line's
    body_start: lxml.etree._Element | None = None  # the first body line's element


def locate(page: list[Line], extracted: list[str], title: str, page_title: str = "") -> Article:
    """The article's lines, given the page's lines and trafilatura's (``extracted``).

    ``title`` is the declared title (JSON-LD, og:title), ``page_title`` the <title>; both
    only help to find the headline line. Without trafilatura's text, the whole page."""
    if not extracted or (len(page) >= 10 and len(extracted) >= WHOLE_PAGE_SHARE * len(page)):
        return _whole_page(page, title)  # nothing found, or nearly every line (a layout table fooled it)
    matched, inserts = _align(page, extracted)
    if not matched:  # nothing trafilatura said is on the page as a line: trust it
        return Article(tuple(_with_title(title, extracted)), title)
    first, last = min(matched), max(matched)
    headline = _headline(page, first, title, page_title)
    body = min((i for i in matched if headline is None or i > headline), default=first)
    elements = [page[first].element, page[last].element]
    if headline is not None:
        elements.append(page[headline].element)
    container = _common_ancestor(elements)
    start = _header_start(page, headline, body, container)
    end = _tail_end(page, last, container)
    heading = page[headline].text if headline is not None else title
    lines = [line for index, extra in inserts.items() if index < min(start, first) for line in extra]
    for index in range(min(start, first), end + 1):
        lines.extend(inserts.get(index, ()))
        if index == headline:
            continue
        if index < start:  # trafilatura began above the headline: only prose from there
            if _prose(page[index].text):
                lines.append(page[index].text)
        elif index < body or index > last or index in matched or _kept_in_body(page, index, matched):
            lines.append(page[index].text)
    lines.extend(line for index, extra in inserts.items() if index > end for line in extra)
    return Article(
        tuple(_with_title(heading, lines)),
        heading if headline is not None else "",
        container,
        page[start].element if start < len(page) else None,
        page[body].element,
    )


def key(text: str) -> str:
    return " ".join(_MARKER.sub("", text.strip()).split()).casefold()


def _whole_page(page: list[Line], title: str) -> Article:
    """Every line, the title first: the declared one, else the first <h1>."""
    h1 = next((line.text for line in page if _tag(line.element) == "h1"), "")
    lines = [line.text for line in page]
    heading = title or h1
    if not heading:
        return Article(tuple(lines))
    if heading in lines[:HEADER_LINES]:
        lines.remove(heading)  # the page's own copy, moved to the top
    return Article((heading, *lines), h1)


def _with_title(title: str, lines: list[str]) -> list[str]:
    """The title first; a copy of it among the first lines (the page's own <h1>) goes."""
    if not title:
        return list(lines)
    title_key = key(title)
    head = [line for line in lines[:HEADER_LINES] if key(line) != title_key]
    return [title, *head, *lines[HEADER_LINES:]]


def _align(page: list[Line], extracted: list[str]) -> tuple[set[int], dict[int, list[str]]]:
    """Page lines trafilatura kept, and its lines that are not page lines (by page position)."""
    page_keys = [key(line.text) for line in page]
    extracted_keys = [key(line) for line in extracted]
    matcher = difflib.SequenceMatcher(None, page_keys, extracted_keys, autojunk=False)
    matched: set[int] = set()
    inserts: dict[int, list[str]] = {}
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            matched.update(range(i1, i2))
        elif operation in ("insert", "replace"):
            if operation == "replace" and " ".join(page_keys[i1:i2]) == " ".join(extracted_keys[j1:j2]):
                matched.update(range(i1, i2))  # the same text, cut into lines differently
                continue
            joined = " ".join(page_keys[i1:i2])
            extra = [
                line
                for line, line_key in zip(extracted[j1:j2], extracted_keys[j1:j2], strict=True)
                if line_key not in joined
            ]
            if extra:
                inserts.setdefault(i1, []).extend(extra)
    return matched, inserts


def _headline(page: list[Line], first: int, title: str, page_title: str) -> int | None:
    """The headline's line: the nearest line above the body (or the body's first) that is the
    declared title, or is contained in <title>; else the nearest <h1> above, else one of
    the body's first lines that is an <h1>."""
    for hint, exact in ((title, True), (page_title, False)):
        hint_key = key(hint)
        if not hint_key:
            continue
        for index in range(first, max(-1, first - _HEADLINE_SEARCH), -1):
            line_key = key(page[index].text)
            if line_key == hint_key or (not exact and len(line_key) >= 12 and line_key in hint_key):
                return index
    for index in range(first, max(-1, first - HEADER_LINES), -1):
        if _tag(page[index].element) == "h1":
            return index
    # trafilatura may begin a little above the headline (a cell of a layout table)
    for index in range(first + 1, min(len(page), first + 6)):
        if _tag(page[index].element) == "h1":
            return index
    return None


def _header_start(page: list[Line], headline: int | None, body: int, container: lxml.etree._Element) -> int:
    if headline is not None:
        return headline if body - headline <= HEADER_LINES + 1 else body - HEADER_LINES
    # the body's box and the one around it: a dateline sits beside the body's own box
    around = container.getparent() if container.getparent() is not None else container
    start = body
    while start > 0 and body - start < NO_HEADLINE_LINES and _inside(page[start - 1].element, around):
        start -= 1
    return start


def _tail_end(page: list[Line], last: int, container: lxml.etree._Element) -> int:
    end = last
    while end + 1 < len(page) and end - last < TAIL_LINES:
        line = page[end + 1]
        if not _inside(line.element, container) or _tag(line.element) in HEADING_TAGS:
            break
        if line.link and (_tag(line.element) == "li" or len(line.text.split()) > 3):
            break  # a list of links: related news, tags, the next section
        end += 1
    return end


def _kept_in_body(page: list[Line], index: int, matched: set[int]) -> bool:
    """A line inside the body that trafilatura dropped: prose, a caption, a subheading stay;
    links (related headlines) and the heading of a list of links ("Tin liên quan") go."""
    line = page[index]
    if _prose(line.text):
        return True
    if line.link:
        return False
    following = page[index + 1] if index + 1 < len(page) else None
    return not (following is not None and following.link and index + 1 not in matched)


def _prose(text: str) -> bool:
    words = len(text.split())
    return words >= 45 or (words >= 10 and bool(_SENTENCE_END.search(text)))


def _common_ancestor(elements: list[lxml.etree._Element]) -> lxml.etree._Element:
    chain = [elements[0], *elements[0].iterancestors()]
    for element in elements[1:]:
        ancestors = [element, *element.iterancestors()]  # alive while their ids are compared
        ids = {id(e) for e in ancestors}
        chain = [e for e in chain if id(e) in ids]
    return chain[0]


def _inside(element: lxml.etree._Element, container: lxml.etree._Element) -> bool:
    return element is container or any(ancestor is container for ancestor in element.iterancestors())


def _tag(element: lxml.etree._Element) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""
