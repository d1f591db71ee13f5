"""Input forms: one input file's bytes -> the pages it holds (pure).

Scrapers leave pages in five forms besides plain text: saved HTML pages, RSS/Atom feeds,
JSON Lines (or JSON arrays), CSV/TSV tables and web archives (WARC). ``read_pages`` finds
the form (``sniff``) and returns each page's text the way the plain-text importer reads
it (title line, dateline, paragraphs, one a line) with the metadata the form records
beside it. No exception escapes it: bad input, whatever the bytes, becomes problems.

    html.py (article.py, htmlmeta.py, htmltext.py)   saved pages, and WARC's pages
    feeds.py                                         RSS 2.0, RSS 1.0, Atom
    records.py (fields.py)                           JSON Lines, JSON, CSV/TSV
    warc.py                                          WARC, .warc.gz, ARC
"""

from __future__ import annotations

from reform_archive.importer.decode import decode
from reform_archive.importer.forms.feeds import read_feed
from reform_archive.importer.forms.html import read_html
from reform_archive.importer.forms.page import FORMS, FormProblem, RawPage, front_matter_image
from reform_archive.importer.forms.records import read_csv, read_json
from reform_archive.importer.forms.sniff import sniff
from reform_archive.importer.forms.warc import read_warc

__all__ = ["FORMS", "FormProblem", "RawPage", "front_matter_image", "read_pages", "sniff"]

_NAMES = {
    "text": "text",
    "html": "an HTML page",
    "feed": "an RSS/Atom feed",
    "jsonl": "JSON",
    "csv": "CSV",
    "warc": "a WARC file",
}


def read_pages(data: bytes, name: str, decoded_text: str | None = None) -> tuple[list[RawPage], list[FormProblem]]:
    """The pages in one input file, and the problems met reading it.

    ``name`` is the file's name (its suffix helps to tell the form); ``decoded_text`` is
    the file's text as decode.py gave it, used when the file is plain text (decoded here
    when not given)."""
    form = sniff(data, name)
    try:
        pages, problems = _read(form, data, name, decoded_text)
        return pages, sorted(problems, key=lambda problem: problem.line)
    except Exception as error:  # noqa: BLE001 - one unreadable file must not stop an import of many
        return [], [FormProblem(1, f"could not read this file as {_NAMES[form]}: {type(error).__name__}: {error}")]


def _read(form: str, data: bytes, name: str, decoded_text: str | None) -> tuple[list[RawPage], list[FormProblem]]:
    if form == "html":
        page, problem = read_html(data)
        return ([page] if page else []), ([problem] if problem else [])
    if form == "feed":
        return read_feed(data)
    if form == "jsonl":
        return read_json(data)
    if form == "csv":
        return read_csv(data, name)
    if form == "warc":
        return read_warc(data, name)
    if decoded_text is None:
        decoded = decode(data)
        if decoded.text is None:
            return [], [FormProblem(decoded.line, decoded.problem)]
        return [RawPage(text=decoded.text, raw=data, form="text", encoding=decoded.encoding)], []
    return [RawPage(text=decoded_text, raw=data, form="text")], []
