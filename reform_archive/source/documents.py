"""Legal documents' numbers as Vietnamese texts cite them -> one spelling (pure).

"Nghị định số 61/2018/NĐ-CP ngày 23/4/2018", "nghị định 61/2018/nđ-cp" and "61/2018/NĐ-CP"
are one document: the type in front and the date after are not part of its number, and
are dropped (an article's ``documents`` hold numbers only; the code, NĐ-CP, says the type).
"""

from __future__ import annotations

import re

from reform_archive.text.vietnamese import fold, nfc

__all__ = [
    "DOCUMENT_TYPES",
    "KIND_WORDS",
    "issuer_from_code",
    "kind_from_code",
    "kind_from_words",
    "looks_like_document",
    "normalise_document",
]

# What Vietnamese texts write before a document's number: "Nghị định 61/2018/NĐ-CP", "Quyết định số 1291/QĐ-BNV"
DOCUMENT_TYPES = (
    "Luật",
    "Pháp lệnh",
    "Nghị định",
    "Nghị quyết",
    "Nghị quyết liên tịch",
    "Quyết định",
    "Chỉ thị",
    "Thông tư",
    "Thông tư liên tịch",
    "Thông báo",
    "Kế hoạch",
    "Công văn",
    "Công điện",
    "Hướng dẫn",
    "Kết luận",
    "Quy định",
    "Báo cáo",
    "Tờ trình",
    "Văn bản",
)
_DOCUMENT = re.compile(r"^\d[\w.]*(?:[/-][\w.Đđ]+)+$")


def _type_words(text: str) -> str:
    """ "Quyết định số:" -> "quyetdinhso": case, diacritics, spaces and ':', '.', ',' do not count."""
    return re.sub(r"[\s:.,]+", "", fold(text.upper()).lower())


_TYPED = re.compile(
    "(?:" + "|".join(sorted({_type_words(t) for t in DOCUMENT_TYPES}, key=len, reverse=True)) + ")*(?:so)?"
)
_DATE_AFTER = re.compile(r"\s+ng(?:à|a)y\b.*", re.IGNORECASE | re.DOTALL)


def normalise_document(number: str) -> str:
    """ "số 72/tb-ubnd" -> "72/TB-UBND"; "23/ct-ttg" -> "23/CT-TTg" (the Prime Minister's
    code is written TTg by convention); "Nghị định 61/2018/NĐ-CP ngày 23/4/2018" ->
    "61/2018/NĐ-CP": the type (:data:`DOCUMENT_TYPES`, "số") and the date are not the number."""
    text = nfc(number).strip()
    digit = re.search(r"\d", text)
    if digit is not None and _TYPED.fullmatch(_type_words(text[: digit.start()])):
        text = _DATE_AFTER.sub("", text[digit.start() :])
    cleaned = re.sub(r"\s+", "", text).upper()
    return nfc(re.sub(r"TTG\b", "TTg", cleaned))


def looks_like_document(number: str) -> bool:
    """A normalised number such as 72/TB-UBND, 61/2018/NĐ-CP or 05-NQ/TU."""
    return _DOCUMENT.match(number) is not None


# What a text writes for a document's type, folded and lower-cased, and the type it names:
# the types of :data:`DOCUMENT_TYPES` and a few more, their abbreviations, their English names
_KINDS = (*DOCUMENT_TYPES, "Bộ luật", "Hiến pháp", "Chương trình", "Đề án", "Quy chế")
KIND_WORDS: dict[str, str] = {
    **{fold(kind).lower(): kind for kind in _KINDS},
    "qd": "Quyết định",
    "nq": "Nghị quyết",
    "nd": "Nghị định",
    "ct": "Chỉ thị",
    "kh": "Kế hoạch",
    "tb": "Thông báo",
    "tt": "Thông tư",
    "hd": "Hướng dẫn",
    "kl": "Kết luận",
    "cv": "Công văn",
    "ttlt": "Thông tư liên tịch",
    "decree": "Nghị định",
    "decision": "Quyết định",
    "resolution": "Nghị quyết",
    "directive": "Chỉ thị",
    "circular": "Thông tư",
    "joint circular": "Thông tư liên tịch",
    "plan": "Kế hoạch",
    "notice": "Thông báo",
    "official letter": "Công văn",
    "official dispatch": "Công điện",
    "law": "Luật",
    "code": "Bộ luật",
    "ordinance": "Pháp lệnh",
    "conclusion": "Kết luận",
    "guidance": "Hướng dẫn",
    "guideline": "Hướng dẫn",
    "programme": "Chương trình",
    "program": "Chương trình",
    "project": "Đề án",
    "scheme": "Đề án",
    "report": "Báo cáo",
    "constitution": "Hiến pháp",
    "regulation": "Quy định",
}


def kind_from_words(words: str) -> str:
    """ "nghi dinh", "Nghị định", "decree" -> "Nghị định"; "" for words that name no type."""
    return KIND_WORDS.get(re.sub(r"\s+", " ", fold(words).lower().strip()), "")


# the type a number's code says: "61/2018/NĐ-CP", "23/CT-TTg", "05-NQ/TU"
_CODE_KINDS = {
    "ND": "Nghị định",
    "QD": "Quyết định",
    "NQ": "Nghị quyết",
    "CT": "Chỉ thị",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "KH": "Kế hoạch",
    "TB": "Thông báo",
    "HD": "Hướng dẫn",
    "KL": "Kết luận",
    "CD": "Công điện",
    "BC": "Báo cáo",
    "TTR": "Tờ trình",
    "CTR": "Chương trình",
    "DA": "Đề án",
    "QC": "Quy chế",
    "QDI": "Quy định",
    "PL": "Pháp lệnh",
    "L": "Luật",
}
# national bodies a code names with certainty; a province's UBND, HĐND or Tỉnh ủy it does not
_CODE_ISSUERS = {
    "CP": "Chính phủ",
    "TTG": "Thủ tướng Chính phủ",
    "QH": "Quốc hội",
    "UBTVQH": "Ủy ban Thường vụ Quốc hội",
    "BNV": "Bộ Nội vụ",
    "BTC": "Bộ Tài chính",
    "BTTTT": "Bộ Thông tin và Truyền thông",
    "VPCP": "Văn phòng Chính phủ",
    "BKHDT": "Bộ Kế hoạch và Đầu tư",
    "BTP": "Bộ Tư pháp",
    "BCA": "Bộ Công an",
    "BYT": "Bộ Y tế",
    "BGDDT": "Bộ Giáo dục và Đào tạo",
}


def _codes(number: str) -> list[str]:
    """ "61/2018/NĐ-CP" -> ["ND", "CP"]: the letters after the serial number (and year), folded."""
    parts = re.split(r"[/-]", fold(number).upper())[1:]
    return [part for part in parts if not part.isdigit()]


def kind_from_code(number: str) -> tuple[str, bool]:
    """The type a number's code gives, and whether it is certain: "NĐ-CP" is a Nghị định;
    "/QH13" is usually a law but the National Assembly's resolutions share it, and a bare
    issuer's code ("1234/UBND-NC") is an official letter (Công văn) by convention only."""
    codes = _codes(number)
    party = re.match(r"\d+[a-z]?-", number) is not None  # "144-QĐ/TW": the Party writes regulations QĐ too
    for code in codes:
        if code in _CODE_KINDS:
            return _CODE_KINDS[code], not (party and code == "QD")
    if any(re.fullmatch(r"QH\d*", code) for code in codes):
        return "Luật", False
    if any(re.fullmatch(r"UBTVQH\d*", code) for code in codes):
        return "Nghị quyết", False
    return ("Công văn", False) if codes else ("", False)


def issuer_from_code(number: str) -> str:
    """The issuer a number's code names with certainty: "CP" the Government, "TTg" the Prime
    Minister, "BNV" the Ministry of Home Affairs; "" for a province's bodies."""
    for code in reversed(_codes(number)):
        bare = re.sub(r"\d+$", "", code)
        if bare in _CODE_ISSUERS:
            return _CODE_ISSUERS[bare]
    return ""
