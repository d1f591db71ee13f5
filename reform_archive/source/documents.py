"""Legal documents' numbers as Vietnamese texts cite them -> one spelling (pure).

"Nghị định số 61/2018/NĐ-CP ngày 23/4/2018", "nghị định 61/2018/nđ-cp" and "61/2018/NĐ-CP"
are one document: the type in front and the date after are not part of its number, and
are dropped (an article's ``documents`` hold numbers only; the code, NĐ-CP, says the type).
"""

from __future__ import annotations

import re

from reform_archive.text.vietnamese import fold, nfc

__all__ = ["DOCUMENT_TYPES", "looks_like_document", "normalise_document"]

# What Vietnamese texts write before a document's number: "Nghị định 61/2018/NĐ-CP", "Quyết định số 1291/QĐ-BNV"
DOCUMENT_TYPES = ("Luật", "Pháp lệnh", "Nghị định", "Nghị quyết", "Nghị quyết liên tịch", "Quyết định", "Chỉ thị",
                  "Thông tư", "Thông tư liên tịch", "Thông báo", "Kế hoạch", "Công văn", "Công điện", "Hướng dẫn",
                  "Kết luận", "Quy định", "Báo cáo", "Tờ trình", "Văn bản")
_DOCUMENT = re.compile(r"^\d[\w.]*(?:[/-][\w.Đđ]+)+$")


def _type_words(text: str) -> str:
    """"Quyết định số:" -> "quyetdinhso": case, diacritics, spaces and ':', '.', ',' do not count."""
    return re.sub(r"[\s:.,]+", "", fold(text.upper()).lower())


_TYPED = re.compile("(?:" + "|".join(sorted({_type_words(t) for t in DOCUMENT_TYPES}, key=len, reverse=True))
                    + ")*(?:so)?")
_DATE_AFTER = re.compile(r"\s+ng(?:à|a)y\b.*", re.IGNORECASE | re.DOTALL)


def normalise_document(number: str) -> str:
    """"số 72/tb-ubnd" -> "72/TB-UBND"; "23/ct-ttg" -> "23/CT-TTg" (the Prime Minister's
    code is written TTg by convention); "Nghị định 61/2018/NĐ-CP ngày 23/4/2018" ->
    "61/2018/NĐ-CP": the type (:data:`DOCUMENT_TYPES`, "số") and the date are not the number."""
    text = nfc(number).strip()
    digit = re.search(r"\d", text)
    if digit is not None and _TYPED.fullmatch(_type_words(text[:digit.start()])):
        text = _DATE_AFTER.sub("", text[digit.start():])
    cleaned = re.sub(r"\s+", "", text).upper()
    return nfc(re.sub(r"TTG\b", "TTg", cleaned))


def looks_like_document(number: str) -> bool:
    """A normalised number such as 72/TB-UBND, 61/2018/NĐ-CP or 05-NQ/TU."""
    return _DOCUMENT.match(number) is not None
