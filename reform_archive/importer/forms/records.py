"""Scrapers' record files -> one RawPage per record: JSON Lines, JSON arrays, CSV/TSV (pure).

Fields are mapped by name as ``fields`` describes. A bad record is reported with its line
and skipped; the others are still read.

- JSON Lines (.jsonl, .ndjson, or .json with one object a line): ``line N`` is the file's
  line; the page's raw bytes are the line's.
- JSON (.json): an array of objects, one object, or an object holding one array of
  objects (``{"items": […]}``). An array's elements keep their line and exact bytes.
- CSV/TSV: a header row naming the fields is required. The delimiter is the one of
  , ; tab | that the header line has most of (tab for .tsv). Quoted fields may span
  lines. ``row N`` counts as a spreadsheet does (the header is row 1); the page's line is
  the line its record starts on, its raw bytes the record's lines.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from dataclasses import replace
from typing import Any

from reform_archive.importer.decode import decode
from reform_archive.importer.forms.fields import accepted, record_page, roles_of
from reform_archive.importer.forms.page import FormProblem, RawPage

__all__ = ["Read", "read_csv", "read_json"]

_DELIMITERS = ",;\t|"
# a scraped article body can be longer than csv's default 128 KB field
_FIELD_LIMIT = 64 * 1024 * 1024

Read = tuple[list[RawPage], list[FormProblem]]


def read_json(data: bytes) -> Read:
    text, problem = _utf8(data)
    if text is None:
        return ([], [problem]) if data.lstrip().startswith(b"[") else _json_lines(data)
    try:
        document = json.loads(text)
    except ValueError as error:
        if text.lstrip().startswith("["):  # an array: one document, its error is the file's
            line = getattr(error, "lineno", 1)
            return [], [FormProblem(line, f"not valid JSON: {getattr(error, 'msg', error)} (line {line})")]
        return _json_lines(data)
    if isinstance(document, list):
        return _array(text, document)
    if isinstance(document, dict):
        inner = _only_array(document)
        if inner is not None:
            return _records(
                [
                    (item, json.dumps(item, ensure_ascii=False).encode(), 1, f"item {number}")
                    for number, item in enumerate(inner, start=1)
                ],
                "jsonl",
            )
        return _records([(document, data, 1, "")], "jsonl")
    return [], [FormProblem(1, f"a JSON {_kind(document)}, not an object or an array of objects")]


def _utf8(data: bytes) -> tuple[str | None, FormProblem]:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        decoded = decode(data, max_bytes=len(data) + 1)
        return decoded.text, FormProblem(decoded.line, decoded.problem)
    try:
        return data.decode("utf-8-sig"), FormProblem(1, "")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return None, FormProblem(line, f"not UTF-8, as JSON must be: byte {data[error.start]:#04x} on line {line}")


def _json_lines(data: bytes) -> Read:
    problems: list[FormProblem] = []
    records: list[tuple[object, bytes, int, str]] = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        raw = raw.removesuffix(b"\r")
        if number == 1:
            raw = raw.removeprefix(codecs.BOM_UTF8)
        if not raw.strip():
            continue
        try:
            value = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as error:
            problems.append(FormProblem(number, f"not UTF-8 (byte {raw[error.start]:#04x}); skipped"))
            continue
        except ValueError as error:
            problems.append(FormProblem(number, f"not valid JSON ({getattr(error, 'msg', error)}); skipped"))
            continue
        records.append((value, raw, number, f"line {number}"))
    pages, more = _records(records, "jsonl")
    return pages, problems + more


def _array(text: str, items: list[object]) -> Read:
    """The array's elements with their line and exact text (the JSON is known to be valid)."""
    decoder = json.JSONDecoder()
    position = text.index("[") + 1
    records: list[tuple[object, bytes, int, str]] = []
    for number in range(1, len(items) + 1):
        while text[position] in " \t\r\n,":
            position += 1
        value, end = decoder.raw_decode(text, position)
        records.append((value, text[position:end].encode("utf-8"), text.count("\n", 0, position) + 1, f"item {number}"))
        position = end
    return _records(records, "jsonl")


def _only_array(document: dict[str, object]) -> list[object] | None:
    """{"items": [{…}, …]} and the like: the one value that is a list of objects."""
    if roles_of([str(name) for name in document]) & {"body"}:
        return None
    arrays = [
        value
        for value in document.values()
        if isinstance(value, list) and value and all(isinstance(item, dict) for item in value)
    ]
    return arrays[0] if len(arrays) == 1 else None


def _records(records: list[tuple[object, bytes, int, str]], form: str) -> Read:
    pages: list[RawPage] = []
    problems: list[FormProblem] = []
    objects = [(record[0], *record[1:]) for record in records if isinstance(record[0], dict)]
    if objects and not any("body" in roles_of([str(name) for name in record[0]]) for record in objects):
        names = sorted({str(name) for record in objects for name in record[0]})
        return [], [
            FormProblem(
                objects[0][2], f"no record has a body field (found: {', '.join(names)}; accepted: {accepted('body')})"
            )
        ]
    for value, raw, line, origin in records:
        # "row 5" says where a CSV record starts; "line 3" would repeat the message's path:line
        where = f"{origin}: " if origin and origin != f"line {line}" else ""
        if not isinstance(value, dict):
            problems.append(FormProblem(line, f"{where}a JSON {_kind(value)}, not an object; skipped"))
            continue
        page, notes = record_page(value, raw, form, origin, line)
        problems.extend(FormProblem(line, where + note, warning=page is not None) for note in notes)
        if page is not None:
            pages.append(page)
    return pages, problems


def _kind(value: object) -> str:
    return {list: "array", str: "string", int: "number", float: "number", bool: "true/false", type(None): "null"}.get(
        type(value), "value"
    )


def read_csv(data: bytes, name: str) -> Read:
    decoded = decode(data, max_bytes=len(data) + 1)
    if decoded.text is None:
        return [], [FormProblem(decoded.line, decoded.problem)]
    text = decoded.text
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if name.lower().endswith(".tsv") else max(_DELIMITERS, key=first_line.count)
    csv.field_size_limit(max(csv.field_size_limit(), _FIELD_LIMIT))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [cell.strip() for cell in next(reader)]
    except StopIteration:
        return [], [FormProblem(1, "file is empty")]
    except csv.Error as error:
        return [], [FormProblem(1, f"row 1: not readable as CSV ({error})")]
    roles = roles_of(header)
    if "body" not in roles:
        found = ", ".join(cell for cell in header if cell) or "none"
        if not roles:
            return [], [
                FormProblem(
                    1,
                    f"row 1 is not a header naming the fields (found: {found}); "
                    f"a header row is required, with a body column ({accepted('body')})",
                )
            ]
        return [], [FormProblem(1, f"no body column: found columns {found}; accepted names for it: {accepted('body')}")]
    return _rows(reader, header, text, decoded.encoding)


def _rows(reader: Any, header: list[str], text: str, encoding: str) -> Read:
    offsets = [0]
    for line in io.StringIO(text, newline="").readlines():
        offsets.append(offsets[-1] + len(line))
    pages: list[RawPage] = []
    problems: list[FormProblem] = []
    start, row_number = reader.line_num + 1, 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            problems.append(
                FormProblem(
                    start, f"row {row_number + 1}: not readable as CSV ({error}); the rest of the file is skipped"
                )
            )
            break
        end = reader.line_num
        row_number += 1  # blank rows count, as in a spreadsheet
        if any(cell.strip() for cell in row):
            origin = f"row {row_number}"
            raw = text[offsets[start - 1] : offsets[min(end, len(offsets) - 1)]].rstrip("\r\n")
            if len(row) != len(header):
                problems.append(
                    FormProblem(
                        start,
                        f"{origin}: {len(row)} cells where the header has {len(header)}; read as far as they go",
                        warning=True,
                    )
                )
            # a short or long row was reported above: its cells are read as far as they go
            page, notes = record_page(
                dict(zip(header, row, strict=False)), _encode(raw, encoding), "csv", origin, start
            )
            problems.extend(FormProblem(start, f"{origin}: {note}", warning=page is not None) for note in notes)
            if page is not None:
                pages.append(replace(page, encoding=encoding))
        start = end + 1
    return pages, problems


def _encode(text: str, encoding: str) -> bytes:
    try:
        return text.encode(encoding or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return text.encode("utf-8")
