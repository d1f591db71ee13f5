"""HTML -> lines of text, one paragraph a line, as the plain-text importer reads pages (pure).

A block element (p, div, h1, li, tr …) or a <br> ends a line; a table row whose cells
hold no blocks is one line with its cells separated by tabs (the importer's table
columns); list items start with "- " or "1. " (the importer's list items) unless they are
only a link (menus, related headlines). Scripts, styles, forms' controls, <nav> and hidden
elements are not text. Each line remembers its block element, so that callers can ask
where on the page a line is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.etree
import lxml.html

__all__ = [
    "BLOCK_TAGS",
    "HEADING_TAGS",
    "SKIPPED_TAGS",
    "Line",
    "fragment_lines",
    "lines_of",
    "looks_like_html",
    "text_lines",
    "trafilatura_lines",
    "xml_safe",
]

BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    }
)
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
SKIPPED_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "select",
        "option",
        "button",
        "head",
        "title",
        "meta",
        "link",
        "input",
        "textarea",
        "canvas",
        "audio",
        "video",
        "map",
        "nav",
    }
)
_CELL = "\x1f"  # stands for a tab between cells until whitespace is collapsed
_SPACES = re.compile(r"[^\S\x1f]+")  # source tabs are spaces; only cells make tabs
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_MARKED = re.compile(r"^(?:[-–•+*]\s|\(?\d{1,3}[.)]\s|[a-zđ]\)\s)")
# trafilatura's own XML, read as the HTML it stands for
_TRAFILATURA_TAGS = {
    "list": "ul",
    "item": "li",
    "row": "tr",
    "cell": "td",
    "lb": "br",
    "quote": "blockquote",
    "hi": "b",
    "ref": "a",
    "del": "s",
    "graphic": "img",
    "code": "pre",
    "head": "h2",
}


@dataclass(frozen=True)
class Line:
    text: str
    element: lxml.etree._Element  # the block element the line's first text is in
    link: bool = False  # every character is link text (a menu item, a related headline)


class _Lines:
    """Collects text pieces and ends lines; the mutable state of one conversion."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.pieces: list[str] = []
        self.linked = True
        self.element: lxml.etree._Element | None = None
        self.marker = ""
        self.simple_rows: dict[int, bool] = {}  # by id(row): the tree outlives the walk

    def add(self, text: str, block: lxml.etree._Element, in_link: bool) -> None:
        if not text:
            return
        if self.element is None and text.strip():
            self.element = block
        if text.strip():
            self.linked = self.linked and in_link
        self.pieces.append(text)

    def end(self, preformatted: bool = False) -> None:
        joined = "".join(self.pieces)
        if not preformatted:
            joined = _SPACES.sub(" ", joined)
        text = re.sub(r" *\x1f *", "\t", joined).strip(" \t\n\r")
        if text and self.element is not None:
            linked = self.linked
            if self.marker and not linked and not _MARKED.match(text):
                text = self.marker + text
            self.lines.append(Line(text, self.element, linked))
        self.pieces, self.linked, self.element, self.marker = [], True, None, ""


def lines_of(root: lxml.etree._Element) -> list[Line]:
    """The visible text under ``root`` as lines, in document order."""
    out = _Lines()
    _walk(root, out, root, in_link=False, preformatted=False)
    out.end()
    return out.lines


def text_lines(root: lxml.etree._Element) -> list[str]:
    return [line.text for line in lines_of(root)]


def fragment_lines(html: str) -> list[str]:
    """An HTML fragment (a feed item's content, a scraper's "html" field) -> lines."""
    if not html.strip():
        return []
    try:
        root = lxml.html.fragment_fromstring(xml_safe(html), create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return [line.strip() for line in html.splitlines() if line.strip()]
    return text_lines(root)


def trafilatura_lines(body: lxml.etree._Element) -> list[str]:
    """trafilatura's extracted body (its own XML: p, head, list/item, table/row/cell, lb)."""
    for element in body.iter():
        if isinstance(element.tag, str):
            if element.tag == "list" and element.get("rend") == "ol":
                element.tag = "ol"
            else:
                element.tag = _TRAFILATURA_TAGS.get(element.tag, element.tag)
    return text_lines(body)


def looks_like_html(text: str) -> bool:
    """Whether a string is HTML markup rather than plain text with a stray "<"."""
    return bool(
        re.search(r"<(?:p|br|div|span|a|b|i|em|strong|ul|ol|li|h[1-6]|table|img|figure)\b[^>]*>", text, re.IGNORECASE)
    )


def xml_safe(text: str) -> str:
    # lxml refuses NUL and other C0 control characters, and an encoding declaration in a str
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", text)
    return re.sub(r"^\s*<\?xml[^>]*\?>", "", text)


def _walk(
    element: lxml.etree._Element, out: _Lines, block: lxml.etree._Element, in_link: bool, preformatted: bool
) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    tag = tag.rsplit("}", 1)[-1].lower()  # XHTML's namespace
    if tag and tag not in SKIPPED_TAGS and not _hidden(element):
        _walk_inside(element, tag, out, block, in_link, preformatted)
    if element.tail:
        _add_text(element.tail, out, block, in_link, preformatted)


def _walk_inside(
    element: lxml.etree._Element, tag: str, out: _Lines, block: lxml.etree._Element, in_link: bool, preformatted: bool
) -> None:
    if tag == "br":
        out.end(preformatted)
        return
    is_block = tag in BLOCK_TAGS and not _is_simple_cell(element, tag, out.simple_rows)
    if is_block:
        out.end(preformatted)
        block = element
        if tag == "li":
            out.marker = _marker(element)
    elif tag in ("td", "th") and element.getprevious() is not None:
        out.add(_CELL, block, in_link)
    in_link = in_link or tag == "a"
    preformatted = preformatted or tag == "pre"
    if element.text:
        _add_text(element.text, out, block, in_link, preformatted)
    for child in element:
        _walk(child, out, block, in_link, preformatted)
    if is_block:
        out.end(preformatted)


def _add_text(text: str, out: _Lines, block: lxml.etree._Element, in_link: bool, preformatted: bool) -> None:
    if not preformatted or "\n" not in text:
        out.add(text, block, in_link)
        return
    first, *rest = text.split("\n")
    out.add(first, block, in_link)
    for part in rest:
        out.end(preformatted)
        out.add(part, block, in_link)


def _is_simple_cell(element: lxml.etree._Element, tag: str, simple_rows: dict[int, bool]) -> bool:
    """A cell in a row whose cells hold only inline text: the row becomes one line, its
    cells separated by tabs. A layout table's cells (holding paragraphs) stay blocks."""
    if tag not in ("td", "th"):
        return False
    row = element.getparent()
    if row is None:
        return False
    if id(row) not in simple_rows:
        simple_rows[id(row)] = not any(
            isinstance(inner.tag, str) and inner.tag.lower() in BLOCK_TAGS
            for cell in row
            for inner in cell.iterdescendants()
        )
    return simple_rows[id(row)]


def _marker(item: lxml.etree._Element) -> str:
    parent = item.getparent()
    if parent is None or not isinstance(parent.tag, str) or parent.tag.lower() != "ol":
        return "- "
    try:
        start = int(parent.get("start", "1"))
    except ValueError:
        start = 1
    position = sum(
        1
        for sibling in item.itersiblings(preceding=True)
        if isinstance(sibling.tag, str) and sibling.tag.lower() == "li"
    )
    return f"{start + position}. "


def _hidden(element: lxml.etree._Element) -> bool:
    return (
        element.get("hidden") is not None
        or element.get("aria-hidden") == "true"
        or bool(_HIDDEN_STYLE.search(element.get("style") or ""))
    )
