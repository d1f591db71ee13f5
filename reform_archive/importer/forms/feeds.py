"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds -> one RawPage per item (pure).

Read with lxml rather than feedparser: lxml gives each item's line (for ``path:line``
messages) and lets the item's own bytes be cut from the file; it does not rewrite the
content's HTML (feedparser sanitises it, and we only want its text); its dates stay as
written, offset included (feedparser's parsed dates are in UTC); and it never fetches
anything (feedparser.parse of a string that looks like a URL or a path opens it). What
feedparser's loose parsing buys, the two commonest faults of hand-made feeds, is done
here before parsing: HTML entities such as &nbsp; and a bare "&" in a title. Deeper
damage is read in lxml's recovery mode and reported.

Elements are matched by local name, so RSS with or without namespaces, Atom 0.3/1.0 and
RDF are read alike. An item's text is its title, its description when the content does
not already hold it (the sapo), then its content (content:encoded, Atom content), HTML
turned into lines.
"""

from __future__ import annotations

import bisect
import re
from html.entities import name2codepoint

import lxml.etree

from reform_archive.importer.forms.dates import iso_date, later
from reform_archive.importer.forms.htmlmeta import person_names
from reform_archive.importer.forms.htmltext import fragment_lines, lines_of, looks_like_html
from reform_archive.importer.forms.page import FormProblem, RawPage

__all__ = ["read_feed"]

_ROOTS = {"rss": "channel", "feed": "feed", "RDF": "RDF"}
_ITEM_PARENTS = {"channel", "feed", "RDF", "rss"}
_ENTITY = re.compile(rb"&([A-Za-z][A-Za-z0-9]{1,31});")
_BARE_AMPERSAND = re.compile(rb"&(?!#\d{1,7};|#x[0-9A-Fa-f]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)")
_XML_ENTITIES = {b"amp", b"lt", b"gt", b"quot", b"apos"}
_ITEM_START = re.compile(rb"<(?:[\w.-]+:)?(item|entry)(?=[\s/>])")
_EMAIL_NAME = re.compile(r"^\S+@\S+\s*\((.+)\)$")


def read_feed(data: bytes) -> tuple[list[RawPage], list[FormProblem]]:
    problems: list[FormProblem] = []
    fixed = _BARE_AMPERSAND.sub(b"&amp;", _ENTITY.sub(_numeric_entity, data))
    try:
        root = lxml.etree.fromstring(fixed, _parser(recover=False))
    except lxml.etree.XMLSyntaxError as error:
        line, reason = error.lineno or 1, _reason(error)
        try:
            root = lxml.etree.fromstring(fixed, _parser(recover=True))
        except lxml.etree.XMLSyntaxError:
            root = None
        items = _items(root) if root is not None else []
        if not items or _local(root) not in _ROOTS:
            return [], [FormProblem(line, f"not a readable RSS/Atom feed: {reason} (line {line})")]
        problems.append(
            FormProblem(
                line,
                f"the feed is not well-formed XML: {reason} (line {line}); "
                f"{len(items)} item(s) read as far as they could be recovered, check them",
                warning=True,
            )
        )
    if root is None:
        return [], [FormProblem(1, "not a readable RSS/Atom feed: no XML in it")]
    if _local(root) not in _ROOTS:
        return [], [
            FormProblem(
                root.sourceline or 1,
                f"not an RSS/Atom feed: its root element is <{_local(root)}>, not <rss>, <feed> or <rdf:RDF>",
            )
        ]
    items = _items(root)
    if not items:
        return [], [FormProblem(1, "feed has no items")]
    slices = _item_slices(data, items)
    encoding = (root.getroottree().docinfo.encoding or "utf-8").lower()
    pages: list[RawPage] = []
    for number, (item, raw) in enumerate(zip(items, slices, strict=True), start=1):
        page = _page(item, raw, number, encoding)
        if page is None:
            problems.append(
                FormProblem(item.sourceline or 1, f"item {number}: no title, description or content; skipped")
            )
        elif not page.text.strip():
            problems.append(FormProblem(page.line, f"item {number}: no text; skipped"))
        else:
            pages.append(page)
    return pages, problems


def _parser(recover: bool) -> lxml.etree.XMLParser:
    # no DTDs, no external entities, no network: a feed is data, never instructions
    return lxml.etree.XMLParser(
        recover=recover,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        remove_comments=True,
        remove_pis=True,
        huge_tree=False,
    )


def _numeric_entity(match: re.Match[bytes]) -> bytes:
    name = match.group(1)
    if name in _XML_ENTITIES or name.decode("ascii") not in name2codepoint:
        return match.group(0)
    return b"&#%d;" % name2codepoint[name.decode("ascii")]


def _reason(error: lxml.etree.XMLSyntaxError) -> str:
    message = re.sub(r",? line \d+, column \d+$", "", str(error.msg or error)).strip()
    return message[:1].lower() + message[1:] if message else "malformed XML"


def _local(element: lxml.etree._Element | None) -> str:
    if element is None or not isinstance(element.tag, str):
        return ""
    # by hand: QName refuses the odd names recovery leaves ("a:" with an unbound prefix)
    return element.tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1]


def _items(root: lxml.etree._Element) -> list[lxml.etree._Element]:
    return [
        element
        for element in root.iter()
        if _local(element) in ("item", "entry") and _local(element.getparent()) in _ITEM_PARENTS
    ]


def _item_slices(data: bytes, items: list[lxml.etree._Element]) -> list[bytes]:
    """Each item's exact bytes in the file: the start tag on the item's line, to its end tag.
    Serialised again where they cannot be found (a UTF-16 feed, a recovered one)."""
    newlines = [match.start() for match in re.finditer(rb"\n", data)]
    starts: dict[int, list[re.Match[bytes]]] = {}
    for match in _ITEM_START.finditer(data):
        starts.setdefault(bisect.bisect_left(newlines, match.start()) + 1, []).append(match)
    slices: list[bytes] = []
    for item in items:
        on_line = starts.get(item.sourceline or 0)
        slices.append(_cut(data, on_line.pop(0)) if on_line else b"")
    return [piece or lxml.etree.tostring(item, encoding="utf-8") for piece, item in zip(slices, items, strict=True)]


def _cut(data: bytes, start: re.Match[bytes]) -> bytes:
    name = start.group(0)[1:]
    tag_end = data.find(b">", start.end())
    if tag_end < 0:
        return b""
    if data[tag_end - 1 : tag_end] == b"/":
        return data[start.start() : tag_end + 1]
    close = re.compile(rb"</" + re.escape(name) + rb"\s*>").search(data, tag_end)
    return data[start.start() : close.end()] if close else b""


def _children(item: lxml.etree._Element, *names: str) -> list[lxml.etree._Element]:
    return [child for child in item if _local(child) in names]


def _text_of(item: lxml.etree._Element, *names: str) -> str:
    for child in _children(item, *names):
        text = " ".join("".join(child.itertext()).split())
        if text:
            return text
    return ""


def _page(item: lxml.etree._Element, raw: bytes, number: int, encoding: str) -> RawPage | None:
    title = _text_of(item, "title")
    if looks_like_html(title):
        title = " ".join(" ".join(fragment_lines(title)).split())
    content = _content_lines(item)
    summary = next((lines for child in _children(item, "description", "summary") if (lines := _lines(child))), [])
    if not (title or content or summary):
        return None
    lead = summary if summary and " ".join(summary) not in " ".join(content) else []
    published = _date(item, "pubDate", "published", "date", "issued", "created")
    updated = _date(item, "updated", "modified")
    return RawPage(
        text="\n".join(line for line in (title, *lead, *content) if line),
        raw=raw,
        url=_link(item),
        title=title,
        date=published or updated,
        date_modified=updated if later(published, updated) else "",
        authors=_authors(item),
        image=_image(item, content_html=_content_html(item)),
        form="feed",
        origin=f"item {number}",
        line=item.sourceline or 1,
        encoding=encoding,
    )


def _content_lines(item: lxml.etree._Element) -> list[str]:
    for child in _children(item, "encoded", "content"):
        if child.get("src"):
            continue  # Atom's out-of-line content: nothing here to read
        if lines := _lines(child):
            return lines
    return []


def _lines(element: lxml.etree._Element) -> list[str]:
    """An element's text as lines: Atom XHTML content, escaped HTML, or plain text."""
    kind = (element.get("type") or "").lower()
    if kind == "xhtml":
        return [line.text for line in lines_of(element)]
    text = "".join(element.itertext())
    if kind in ("html", "text/html") or looks_like_html(text):
        return fragment_lines(text)
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _content_html(item: lxml.etree._Element) -> str:
    return "".join(
        "".join(child.itertext()) for child in _children(item, "encoded", "content", "description", "summary")
    )


def _date(item: lxml.etree._Element, *names: str) -> str:
    for name in names:
        if found := iso_date(_text_of(item, name)):
            return found
    return ""


def _link(item: lxml.etree._Element) -> str:
    for child in _children(item, "link"):
        href = (child.get("href") or "").strip()
        if href and child.get("rel", "alternate") == "alternate":
            return href
        text = (child.text or "").strip()
        if text and not href:
            return text
    guid = _children(item, "guid", "id")
    if guid and guid[0].get("isPermaLink", "true") != "false":
        text = (guid[0].text or "").strip()
        if text.startswith(("http://", "https://")):
            return text
    about = next((value for attribute, value in item.attrib.items() if attribute.endswith("about")), "")
    return about.strip()


def _authors(item: lxml.etree._Element) -> tuple[str, ...]:
    names: list[str] = []
    for child in _children(item, "author", "creator"):
        name = _text_of(child, "name") if len(child) else " ".join((child.text or "").split())
        if match := _EMAIL_NAME.match(name):
            name = match.group(1).strip()
        if "@" in name and " " not in name:
            continue  # an address alone is not a name
        names.extend(person_names(name))
    return tuple(dict.fromkeys(names))


def _image(item: lxml.etree._Element, content_html: str) -> str:
    for child in _children(item, "enclosure", "content", "thumbnail"):
        url = (child.get("url") or "").strip()
        kind = (child.get("type") or child.get("medium") or "image").lower()
        if url and kind.startswith("image"):
            return url
    match = re.search(r"<img\b[^>]*?\bsrc\s*=\s*[\"']([^\"']+)", content_html, re.IGNORECASE)
    return match.group(1).strip() if match else ""
