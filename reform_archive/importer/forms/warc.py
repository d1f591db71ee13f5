"""Web archives (WARC, .warc.gz, ARC) -> one RawPage per archived HTML page (pure).

A page is a ``response`` record with HTTP status 200 and an HTML content type (also a
``resource`` record with an HTML type: a capture without HTTP headers). Requests,
metadata, images, redirects and errors are skipped. The page's text and metadata are read
as a saved HTML page is (``html.py``), in the charset the HTTP header names; its url is
the record's WARC-Target-URI, its raw bytes the HTTP payload (chunked transfer and
gzip/deflate content encodings undone). ``record N`` counts every record from 1; the line
is the record's in an uncompressed file, 1 in a compressed one.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from dataclasses import replace
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from reform_archive.importer.forms.html import read_html
from reform_archive.importer.forms.page import FormProblem, RawPage

__all__ = ["read_warc", "warc_pages"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_PAGE_RECORDS = ("response", "resource")


def read_warc(data: bytes, name: str = "") -> tuple[list[RawPage], list[FormProblem]]:
    pages: list[RawPage] = []
    problems: list[FormProblem] = []
    for page, problem in warc_pages(data, name):
        if page is not None:
            pages.append(page)
        if problem is not None:
            problems.append(problem)
    return pages, problems


def warc_pages(source: bytes | BinaryIO, name: str = "") -> Iterator[tuple[RawPage | None, FormProblem | None]]:
    """The archive's pages and problems one by one. ``source`` is the file's bytes, or (for
    an archive too big to read at once) the open file, read as a stream: then every
    problem is on line 1 and a record cut short at the very end is not noticed."""
    data = source if isinstance(source, bytes) else b""
    head = data[:8] if data else source.peek(8)[:8] if hasattr(source, "peek") else b""
    stream = io.BytesIO(data) if isinstance(source, bytes) else source
    yield from _pages(stream, data, head, name)


def _pages(
    stream: BinaryIO, data: bytes, head: bytes, name: str
) -> Iterator[tuple[RawPage | None, FormProblem | None]]:
    pages = records = 0
    damaged = False
    compressed = head.startswith(b"\x1f\x8b")
    # ARC's header line is so loose that any text passes for one: only when it says ARC
    arc = name.lower().endswith((".arc", ".arc.gz")) or head.startswith(b"filedesc://")
    iterator = ArchiveIterator(stream, arc2warc=arc)
    last = (0, 0)  # the last record's offset and declared length, to see whether the file is whole
    try:
        for record in iterator:
            records += 1
            if records == 1 and record.format != "warc" and not arc:
                yield None, FormProblem(1, "not a WARC file: it does not start with a WARC/1.x record header")
                return
            page, problem = _page(record, records)
            # only once the payload is read: asking for the offset reads the record to its end
            offset = iterator.get_record_offset()
            last = (offset, int(record.rec_headers.get_header("Content-Length") or 0))
            line = 1 if compressed or not data else data.count(b"\n", 0, offset) + 1
            if page is not None:
                pages += 1
                yield replace(page, line=line), None
            if problem is not None:
                yield None, replace(problem, line=line)
    except ArchiveLoadFailed as error:
        reason = " ".join(str(error).split())
        if records == 0:
            yield None, FormProblem(1, f"not a WARC file: {_first_clause(reason)}")
            return
        yield (
            None,
            FormProblem(
                1, f"record {records + 1}: not readable ({_first_clause(reason)}); {records} record(s) read before it"
            ),
        )
    except (EOFError, zlib.error, OSError, ValueError, IndexError, KeyError) as error:
        damaged = True
        yield (
            None,
            FormProblem(
                1,
                f"the file is cut short or damaged after {records} record(s) "
                f"({type(error).__name__}: {error or 'unexpected end'}); "
                f"{pages} page(s) read before it",
            ),
        )
    else:
        if records and data and _cut_short(data, compressed, *last):
            yield (
                None,
                FormProblem(
                    1,
                    f"the file is cut short: record {records} ends before its declared "
                    f"length; {pages} page(s) read, the last of them may be incomplete",
                    warning=True,
                ),
            )
    if not pages and records:
        yield None, FormProblem(1, f"no HTML pages in this WARC file ({records} records)")
    elif not records and not damaged:
        yield None, FormProblem(1, "no records in this WARC file")


def _page(record: ArcWarcRecord, number: int) -> tuple[RawPage | None, FormProblem | None]:
    if record.rec_type not in _PAGE_RECORDS:
        return None, None
    if record.rec_type == "response":
        http = record.http_headers
        if http is None or http.get_statuscode() != "200":
            return None, None  # a redirect, an error, a response without HTTP (DNS)
        content_type = http.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    if content_type.split(";", 1)[0].strip().lower() not in _HTML_TYPES:
        return None, None
    payload = record.content_stream().read()
    page, problem = read_html(payload, _charset(content_type))
    origin = f"record {number}"
    if page is None:
        message = problem.message if problem else "no text in this HTML page"
        return None, FormProblem(1, f"{origin}: {message}; skipped")
    url = (record.rec_headers.get_header("WARC-Target-URI") or "").strip().strip("<>")
    return replace(page, raw=payload, url=url or page.url, form="warc", origin=origin), None


def _cut_short(data: bytes, compressed: bool, offset: int, length: int) -> bool:
    """Whether the file ends inside its last record (warcio reads such a record silently)."""
    if compressed:
        rest = data
        while rest:
            decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
            try:
                decompressor.decompress(rest)
            except zlib.error:
                return True
            if not decompressor.eof:
                return True
            rest = decompressor.unused_data
        return False
    header_end = data.find(b"\r\n\r\n", offset)
    return header_end < 0 or header_end + 4 + length > len(data)


def _charset(content_type: str) -> str:
    for parameter in content_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip("\"'")
    return ""


def _first_clause(reason: str) -> str:
    return reason[:160] + ("…" if len(reason) > 160 else "")
