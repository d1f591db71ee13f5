"""Where an article came from and what it is filed under (pure): a source or reprint line
at its foot ("Theo Báo Hà Tĩnh", "Theo Đức Tuân (Báo Điện tử Chính phủ)"), a newspaper's mark
before the lead ("(GLO)- Sáng 15/6, …") and a keywords line ("Từ khóa: …", "#một cửa")."""

from __future__ import annotations

import re

from reform_archive.importer.names import is_name, title_case

__all__ = ["keywords_line", "reporter_for", "source_line", "split_source_prefix"]

_I = re.IGNORECASE
_REPRINT = re.compile(r"^theo\s+(?P<name>[^()]{3,40}?)\s*\((?P<outlet>[^()]{2,60})\)\.?$", _I)
_SOURCE_LINE = re.compile(r"^(?:theo|nguồn)\s*[:：]?\s+(?P<name>.{2,80}?)\s*\.?$", _I)
# "(GLO)- ", "(Quanlynhanuoc.vn) – ", "TT - ", "HNP - ": a newspaper's mark before the lead
_SOURCE_PREFIX = re.compile(
    r"^(?:\((?P<bracketed>[^()\n]{2,40})\)\s*[-–—:]?\s*|(?P<bare>[A-ZĐ]{2,6}(?:\.(?:VN|vn|Vn))?|[A-Z][A-Za-z]+\.vn)\s*[-–—]\s+)"
    r"(?=\S)"
)
_KEYWORDS = re.compile(r"^(?:từ khóa|từ khoá|tags?|nhãn|chủ đề)\s*[:：]\s*(.+)$", _I)
# "#cải cách hành chính #một cửa", or one "#Lào Cai" a line
_HASHTAGS = re.compile(r"^#[^\s#\d]\S*(?:[^\S\n]+[^\s#]\S*){0,8}(?:\s+#[^\s#]\S*(?:[^\S\n]+[^\s#]\S*){0,8})*$")
_NOT_SOURCES = {"UBND", "HĐND", "MTTQ", "CCHC", "TTHC", "BCĐ", "BCH", "UBMTTQ", "CNTT", "KTXH", "KT", "XH", "CP"}


def reporter_for(line: str) -> tuple[str, str] | None:
    """ "Theo Đức Tuân (Báo Điện tử Chính phủ)" -> ("Đức Tuân", "Báo Điện tử Chính phủ"): a
    reprint names the reporter and the outlet it came from."""
    match = _REPRINT.match(line.strip())
    if match and is_name(match["name"].strip()):
        return title_case(match["name"].strip()), match["outlet"].strip()
    return None


def source_line(line: str) -> str:
    """ "Theo Báo Hà Tĩnh" / "Nguồn: baochinhphu.vn" at the foot of an article -> the name."""
    match = _SOURCE_LINE.match(line.strip())
    if match and len(match["name"].split()) <= 8 and not re.search(r"[,;]", match["name"]):
        name = match["name"].strip()
        return name if name[0].isupper() or "." in name else ""
    return ""


def keywords_line(line: str) -> tuple[str, ...]:
    """ "Từ khóa: cải cách hành chính, một cửa" under an article -> its keywords."""
    match = _KEYWORDS.match(line.strip())
    if not match:
        if not _HASHTAGS.match(line.strip()):  # "#cải cách hành chính #một cửa"
            return ()
        return tuple(dict.fromkeys(w.strip(" .") for w in line.strip().split("#") if w.strip(" .")))
    words = [w.strip(" .#") for w in re.split(r"[,;|]|\s#", match.group(1))]
    return tuple(dict.fromkeys(w for w in words if w and len(w) <= 60))


def split_source_prefix(lead: str) -> tuple[str, str]:
    """ "(GLO)- Sáng 15/6, …" -> ("GLO", "Sáng 15/6, …"); ("", lead) when there is none."""
    match = _SOURCE_PREFIX.match(lead)
    if not match:
        return "", lead
    name = (match["bracketed"] or match["bare"]).strip()
    rest = lead[match.end() :]
    # "(1) …" is a list item and "(Ảnh: …)" a caption, not a source; "UBND - HĐND tỉnh" is a subject
    first_word = rest.split(maxsplit=1)[0] if rest.split() else ""
    if (
        name.isdigit()
        or len(name.split()) > 4
        or not rest[:1].isupper()
        or ":" in name
        or (match["bare"] and (name in _NOT_SOURCES or (first_word.isupper() and len(first_word) > 1)))
    ):
        return "", lead
    return name, rest
