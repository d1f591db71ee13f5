"""``data/documents.toml``: what the site knows for certain about legal documents (pure).

The archive reads each document's type, date, issuer and subject from the articles that
cite it (:mod:`reform_archive.site.legal`); an editor who knows better, or wants a link to the
official text, says so here, one table per document number::

    ["61/2018/NĐ-CP"]
    kind = "Nghị định"
    subject = "Về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính"
    issuer = "Chính phủ"
    issued = 2018-04-23
    link = "https://vanban.chinhphu.vn/..."

Every key is optional; what is given replaces what the articles say. A number is written as
articles cite it ("Nghị định số 61/2018/NĐ-CP" is the same table). TOML, not YAML: a number
such as ``05-NQ/TU`` or a subject starting "No" stays text.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from reform_archive.errors import Problem, error
from reform_archive.source.documents import looks_like_document, normalise_document
from reform_archive.text.vietnamese import nfc
from reform_archive.text.wording import say_in

__all__ = ["DATA_FILE", "DocumentFacts", "parse_document_data"]

DATA_FILE = "data/documents.toml"
_TEXT_KEYS = ("kind", "subject", "issuer", "link")
_KNOWN = ", ".join(("kind", "subject", "issuer", "issued", "link"))
_MESSAGES = {
    "invalid_toml": {"en": "not valid TOML: {detail}", "vi": "không phải TOML hợp lệ: {detail}"},
    "not_table": {
        "en": "'{written}' must be a table: [\"{written}\"] with its keys under it",
        "vi": "'{written}' phải là một bảng: [\"{written}\"] với các khóa bên dưới",
    },
    "not_number": {
        "en": "'{written}' is not a document number (such as 61/2018/NĐ-CP)",
        "vi": "'{written}' không phải số hiệu văn bản (như 61/2018/NĐ-CP)",
    },
    "again": {
        "en": "'{written}' is {number} again (first at line {line})",
        "vi": "'{written}' là {number} lần nữa (lần đầu ở dòng {line})",
    },
    "bad_date": {
        "en": "'{key}' must be a date written 2018-04-23, without quotes",
        "vi": "'{key}' phải là một ngày viết 2018-04-23, không có dấu ngoặc kép",
    },
    "not_text": {"en": "'{key}' must be text", "vi": "'{key}' phải là văn bản (chuỗi ký tự)"},
    "bad_link": {
        "en": "'{key}' must be an address starting with https:// or http://",
        "vi": "'{key}' phải là một địa chỉ bắt đầu bằng https:// hoặc http://",
    },
    "unknown_key": {"en": "unknown key '{key}' (known: {known})", "vi": "khóa '{key}' không có (các khóa: {known})"},
}


@dataclass(frozen=True)
class DocumentFacts:
    """One table of the data file: "" for what it does not say."""

    number: str
    kind: str = ""
    subject: str = ""
    issuer: str = ""
    issued: str = ""  # ISO date
    link: str = ""
    line: int = 0


def parse_document_data(
    text: str, path: str, language: str = "en"
) -> tuple[Mapping[str, DocumentFacts], list[Problem]]:
    """The tables of ``text`` by normalised number, and every problem at once, in ``language``."""

    def say(name: str, **fields: object) -> str:
        return say_in(_MESSAGES, language, name, **fields)

    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+)", str(exc))
        return {}, [error(path, int(match.group(1)) if match else 1, say("invalid_toml", detail=exc))]
    lines = _table_lines(text)
    facts: dict[str, DocumentFacts] = {}
    problems: list[Problem] = []
    for written, table in raw.items():
        line = lines.get(written, 1)
        written = _CONTROL.sub(lambda found: f"\\x{ord(found.group()):02x}", written)  # one line per problem
        number = normalise_document(written)
        if not isinstance(table, dict):
            problems.append(error(path, line, say("not_table", written=written)))
            continue
        if not looks_like_document(number):
            problems.append(error(path, line, say("not_number", written=written)))
            continue
        if number in facts:
            problems.append(error(path, line, say("again", written=written, number=number, line=facts[number].line)))
            continue
        values, faults = _values(table)
        problems.extend(
            error(path, _key_line(text, line, key), say(fault, key=key, known=_KNOWN)) for key, fault in faults
        )
        facts[number] = DocumentFacts(number, line=line, **values)
    return facts, problems


def _values(table: Mapping[str, Any]) -> tuple[dict[str, str], list[tuple[str, str]]]:
    values: dict[str, str] = {}
    faults = []
    for key, value in table.items():
        if key == "issued":
            if isinstance(value, date) and not hasattr(value, "hour"):
                values[key] = value.isoformat()
            else:
                faults.append((key, "bad_date"))
        elif key in _TEXT_KEYS:
            if not isinstance(value, str) or not value.strip():
                faults.append((key, "not_text"))
            elif key == "link" and not re.match(r"https?://\S+$", value.strip()):
                faults.append((key, "bad_link"))
            else:
                values[key] = nfc(value.strip())
        else:
            faults.append((key, "unknown_key"))
    return values, faults


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_TABLE = re.compile(r"^\s*\[\s*(\"[^\"]*\"|'[^']*'|[^\]\s]+)\s*\]\s*(?:#.*)?$")


def _table_lines(text: str) -> dict[str, int]:
    """Each table header's line, by the key tomllib gives it: ``["61/2018/NĐ-CP"]``, and the
    first part of a dotted one (``[a.b]`` sets ``a``)."""
    lines: dict[str, int] = {}
    for number, line in enumerate(text.split("\n"), 1):
        if (match := _TABLE.match(line)) is not None:
            key = match.group(1)
            quoted = re.match(r"(\"[^\"]*\"|'[^']*')", key)
            lines.setdefault((quoted.group(1)[1:-1] if quoted else key.split(".")[0]).strip(), number)
    return lines


def _key_line(text: str, table_line: int, key: str) -> int:
    """The line under the table at ``table_line`` that sets ``key``."""
    for number, line in enumerate(text.split("\n")[table_line:], table_line + 1):
        if re.match(rf"\s*\[.*\.\s*['\"]?{re.escape(key)}['\"]?\s*\]", line):
            return number  # a table under the document's: ["61/2018/NĐ-CP".key]
        if _TABLE.match(line):
            break
        if re.match(rf"\s*['\"]?{re.escape(key)}['\"]?\s*=", line):
            return number
    return table_line
