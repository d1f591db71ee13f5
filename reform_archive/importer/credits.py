"""Bylines of several people (pure): degreed authors ("PGS.TS. A (Viện X), ThS. B"), each
with a workplace in parentheses, and credit lines of several crafts ("Bài: A - Ảnh: B -
Thiết kế: C"). :func:`metadata.parse_byline` asks these before its simpler shapes."""

from __future__ import annotations

import re

from reform_archive.importer.names import ACADEMIC, Byline, is_name, title_case

__all__ = ["credit_line", "degreed_people", "people_at_workplaces"]

_I = re.IGNORECASE
_DEGREE = re.compile(rf"^(?:{ACADEMIC}|CN|KS|BS|LS|Luật sư|Nhà báo)\.?\s+")

# "TS. A (Viện X), ThS. B" or "TS. A - ThS. B": each person with a degree, maybe a workplace
_DEGREED_PERSON = re.compile(
    rf"(?P<degree>(?:{ACADEMIC})\.?)\s+"
    r"(?P<name>[^\W\d_][^,;()\-–]*?)\s*(?:\((?P<place>[^()]{2,80})\))?\s*(?:[,;\-–]|\bvà\b|$)"
)


def degreed_people(text: str) -> Byline | None:
    found, end = [], 0
    for match in _DEGREED_PERSON.finditer(text):
        if text[end : match.start()].strip(" ,;-–") or not is_name(match["name"].strip()):
            return None
        found.append(match)
        end = match.end()
    if len(found) < 2 or text[end:].strip():
        return None
    degree = found[0]["degree"]
    return Byline(
        tuple(title_case(m["name"].strip()) for m in found),
        (found[0]["place"] or "").strip(),
        degree + ("" if degree.endswith(".") else "."),
    )


# a journal's authors, each "degrees Name (post, workplace)", run together on one line:
# "PGS. TS. Nguyễn Văn A (Học viện X) TS. Trần Thị B (Trường Y)"; a person starts the line,
# or follows the close of the one before, a comma, a semicolon, a dash or "và"
_AT_WORKPLACE = re.compile(
    rf"(?:^|(?<=\))|[,;]|\s[-–]|\svà)\s*(?P<degree>(?:(?:{ACADEMIC})\.?\s*)*)"
    r"(?P<name>[^\W\d_]+(?:\s+[^\W\d_]+){1,4})\s*\("
)


def people_at_workplaces(text: str) -> Byline | None:
    if not (_DEGREE.match(text) or re.match(rf"(?:{ACADEMIC})\.", text)) or "(" not in text or len(text) > 400:
        return None
    found = [match for match in _AT_WORKPLACE.finditer(text) if is_name(match["name"])]
    if not found or found[0].start("degree") != 0:
        return None
    first_place = text[found[0].end() :].split(")")[0].split("(")[0].strip()
    honorific = found[0]["degree"].strip()
    return Byline(
        tuple(dict.fromkeys(title_case(match["name"]) for match in found)),
        first_place,
        honorific + ("" if honorific.endswith(".") else "."),
    )


_CREDIT_PART = re.compile(r"^(?P<label>[^:：]{2,20})\s*[:：]\s*(?P<names>.{2,60})$")
# the parts of a credit line that name authors, and those that name other crafts
_AUTHOR_LABELS = re.compile(
    r"^(?:nội dung|bài|tin|ảnh|bài và ảnh|bài, ảnh|thực hiện|video|clip|ghi chép|"
    r"phóng viên|tác giả|người viết|ghi|quay phim)$",
    _I,
)
_OTHER_LABELS = re.compile(
    r"^(?:thiết kế|trình bày|đồ họa|đồ hoạ|kỹ thuật|biên tập|dịch|dựng|"
    r"thiết kế đồ họa|lập trình|sản xuất)$",
    _I,
)


def credit_line(text: str) -> Byline | None:
    """A credit line of several crafts: the writers' and photographers' names."""
    parts = [p.strip() for p in re.split(r"\s+[-–|]\s+|\s*\|\s*|\s*;\s*", text) if p.strip()]
    if len(parts) < 2:
        return None
    authors: list[str] = []
    for part in parts:
        match = _CREDIT_PART.match(part)
        if not match or not (
            _AUTHOR_LABELS.match(match["label"].strip()) or _OTHER_LABELS.match(match["label"].strip())
        ):
            return None
        names = [n.strip(" .") for n in re.split(r"\s*,\s*|\s+và\s+", match["names"]) if n.strip(" .")]
        if not all(is_name(n) for n in names):
            return None
        if _AUTHOR_LABELS.match(match["label"].strip()):
            authors.extend(title_case(n) for n in names if title_case(n) not in authors)
    return Byline(tuple(authors)) if authors else None
