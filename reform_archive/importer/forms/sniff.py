"""Which form an input file is in: text, html, feed, jsonl, csv or warc (pure).

What the bytes begin with decides first, when it is unmistakable: a WARC header (also
gzipped), an HTML document type or <html>, a feed's root element (<rss>, <feed>,
<rdf:RDF>, after an XML declaration and comments). Otherwise the name's suffix decides
(.html/.htm/.xhtml, .xml/.rss/.atom/.rdf, .jsonl/.ndjson/.json, .csv/.tsv, .warc/.arc and
their .gz); then content that is a JSON object or array of objects is JSON Lines, when it
parses as such (a text dump that only looks like JSON, with loose quotes or comments, is
text: read as a page it loses nothing). Anything else is plain text, as scrapers and
browser copies leave it.
"""

from __future__ import annotations

import codecs
import json
import re
import zlib

__all__ = ["sniff"]

_SUFFIXES = (
    ((".warc", ".warc.gz", ".arc", ".arc.gz"), "warc"),
    ((".html", ".htm", ".xhtml", ".shtml"), "html"),
    ((".xml", ".rss", ".atom", ".rdf"), "feed"),
    ((".jsonl", ".ndjson", ".json", ".jsonlines"), "jsonl"),
    ((".csv", ".tsv"), "csv"),
)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# what may come before the first element: XML declaration, processing instructions, comments
_PROLOG = re.compile(r"\A(?:\s+|<\?.*?\?>|<!--.*?-->)*", re.DOTALL)
_FEED_ROOT = re.compile(r"<(?:rss|feed|(?:[\w.-]+:)?RDF)[\s>/]", re.IGNORECASE)
_HTML_START = re.compile(r"<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE)
_JSON_START = re.compile(r"\A\s*(?:\{\s*\"|\[\s*\{)")


def sniff(data: bytes, name: str) -> str:
    lower = name.lower()
    if data.startswith((b"WARC/", b"filedesc://")) or _gzipped_warc(data):
        return "warc"
    head = _head(data)
    prolog = _PROLOG.match(head)  # it matches the empty string too: never None
    markup = head[prolog.end() if prolog else 0 :]
    if _FEED_ROOT.match(markup):
        return "feed"
    if _HTML_START.match(markup):
        return "html"
    for suffixes, form in _SUFFIXES:
        if lower.endswith(suffixes):
            return form
    if _JSON_START.match(head) and _parses_as_json(data):
        return "jsonl"
    return "text"


def _parses_as_json(data: bytes) -> bool:
    """The first record parses (JSON Lines), or the whole file does (one JSON document)."""
    text = data.decode("utf-8-sig", errors="replace")
    first = next((line for line in text.splitlines() if line.strip()), "")
    for candidate in (first, text):
        try:
            json.loads(candidate)
        except ValueError:
            continue
        return True
    return False


def _head(data: bytes) -> str:
    """The first few kilobytes as text, however they are encoded (for looking only)."""
    sample = data[:4096]
    for bom, encoding in _BOMS:
        if sample.startswith(bom):
            return sample[len(bom) :].decode(encoding, errors="replace")
    return sample.decode("utf-8", errors="replace")


def _gzipped_warc(data: bytes) -> bool:
    if not data.startswith(b"\x1f\x8b"):
        return False
    try:
        start = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:8192], 16)
    except zlib.error:
        return False
    return start.startswith((b"WARC/", b"filedesc://"))
