"""One input file's bytes -> the articles it holds (pure): the importer's whole chain
short of the disk, used alike by ``reform-archive import``, the accuracy benchmark and the
weight fitting.

decode (text files) or the file's form (HTML, feeds, JSON Lines, CSV, WARC) -> pages ->
normalise -> extract. One bad page is one :class:`ImportedPage` with an error; it never
stops the others.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import BinaryIO

from reform_archive.importer.dates import FoundDate
from reform_archive.importer.extract import extract
from reform_archive.importer.extracted import Extraction, PageHints
from reform_archive.importer.forms import FormProblem, read_pages
from reform_archive.importer.forms.page import RawPage, front_matter_image
from reform_archive.importer.forms.warc import warc_pages
from reform_archive.importer.normalise import normalise_text

__all__ = ["ImportedPage", "from_iso", "import_archive", "import_bytes"]


@dataclass(frozen=True)
class ImportedPage:
    raw: bytes  # the bytes this page came from (the whole file, or a feed item's, a record's)
    extraction: Extraction | None  # None when the page could not be read
    encoding: str = ""
    origin: str = ""  # where in the file ("item 3", "line 12"); "" for a one-page file
    form: str = "text"
    error: str = ""
    error_line: int = 1
    form_warnings: tuple[FormProblem, ...] = ()  # said of this page by its form (a date not understood…)


def import_bytes(data: bytes, name: str, url: str = "") -> list[ImportedPage]:
    """Every page in one input file. ``url`` (``--url``) is the address of a one-page file."""
    pages, problems = read_pages(data, name)  # decodes a text file itself; other forms decode their own way
    warnings = [p for p in problems if p.warning and pages]
    results = [ImportedPage(b"", None, error=p.message, error_line=p.line) for p in problems if p not in warnings]
    for number, page in enumerate(pages):
        following = pages[number + 1].line if number + 1 < len(pages) else None
        own = tuple(
            w
            for w in warnings  # a warning belongs to the page whose lines it falls in
            if (w.line >= page.line or number == 0) and (following is None or w.line < following)
        )
        results.append(_imported(page, page.url or (url if len(pages) == 1 else ""), own))
    return results


def import_archive(stream: BinaryIO, name: str) -> Iterator[ImportedPage]:
    """Every page of a web archive too big to read at once, one at a time, as it is read
    from ``stream`` (an open file: the caller owns the disk)."""
    for page, problem in warc_pages(stream, name):
        if problem is not None and not problem.warning:
            yield ImportedPage(b"", None, error=problem.message, error_line=problem.line)
        if page is not None:
            yield _imported(page, page.url)


def _imported(page: RawPage, url: str, warnings: tuple[FormProblem, ...] = ()) -> ImportedPage:
    """One page of a form, extracted; what its form declared (metadata) goes in as hints."""
    hints = PageHints(
        page.title, from_iso(page.date), from_iso(page.date_modified), tuple(page.authors), *front_matter_image(page)
    )
    extraction = extract(normalise_text(page.text), url, hints)
    return ImportedPage(
        page.raw,
        extraction,
        page.encoding or "utf-8",
        page.origin,
        page.form,
        error_line=page.line,
        form_warnings=warnings,
    )


def from_iso(value: str) -> FoundDate | None:
    """An ISO 8601 date from metadata ("2024-03-07", "2024-03-07T05:00:00+07:00") as a
    date printed in Vietnam time."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    has_time = "T" in value or " " in value.strip()
    if moment.tzinfo is not None:
        from zoneinfo import ZoneInfo

        moment = moment.astimezone(ZoneInfo("Asia/Ho_Chi_Minh")).replace(tzinfo=None)
    if not 1900 <= moment.year <= 2100:
        return None
    return FoundDate(moment, has_time)
