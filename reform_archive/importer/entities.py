"""What an article is about: cited legal documents, reform topics, index tags (pure).

Provinces are found by :mod:`reform_archive.importer.places`. Everything here reads only the
article's own text (title and body after chrome removal), so a document cited in a
related-news list is not the article's.
"""

from __future__ import annotations

import re

from reform_archive.source.parse import normalise_document
from reform_archive.text.vietnamese import fold

__all__ = ["DOCUMENT", "INDEX_TAGS", "TOPIC_KEYWORDS", "find_documents", "find_index_tags", "find_topics"]

# "05-NQ/TU", "23/CT-TTg", "10/2019/NQ-HĐND", "61/2018/NĐ-CP", "18-NQ/TW", "29/KH-BCĐ", "66-KH/HU"
_CODE = r"[A-ZĐa-zđ][A-ZĐa-zđ]{0,7}\d{0,2}"  # "QH15": the 15th National Assembly
DOCUMENT = re.compile(
    rf"(?<![\w/.-])(\d{{1,5}}[a-z]?(?:/(?:19|20)\d\d)?\s?[/-]\s?{_CODE}(?:[/-]{_CODE}){{0,3}})(?![\w/])"
)
# the document type words that make a code a legal document ("NQ" = Nghị quyết, ...)
_DOCUMENT_TYPES = {
    "NQ",
    "QĐ",
    "QD",
    "KH",
    "TB",
    "CT",
    "NĐ",
    "ND",
    "TT",
    "CV",
    "HD",
    "HĐ",
    "KL",
    "QC",
    "BC",
    "TTR",
    "TTr",
    "QH",
    "UBTVQH",
    "L",
    "PL",
    "CĐ",
    "UBND",
    "TTg",
    "BNV",
    "VPCP",
    "CP",
    "BCĐ",
    "TU",
    "TW",
    "HU",
    "ĐU",
    "TWP",
    "BTC",
    "BTTTT",
    "BKHĐT",
    "SNV",
    "HĐND",
    "GP",
    "ĐA",
    "DA",
    "CTr",
    "CTR",
}

# Vietnam's reform indices, as tags
INDEX_TAGS = (
    ("PAR Index", re.compile(r"\bPAR(?:\s*[-‑]?\s*INDEX)?\b|chỉ số cải cách hành chính|chỉ số cchc", re.IGNORECASE)),
    ("SIPAS", re.compile(r"\bSIPAS\b|chỉ số hài lòng", re.IGNORECASE)),
    ("PAPI", re.compile(r"\bPAPI\b")),
    ("PCI", re.compile(r"\bPCI\b")),
)

# Keyword table for the six areas of the state administrative reform programme
# (Nghị quyết 76/NQ-CP, Nghị quyết 30c/NQ-CP). Matched on accent-folded, lower-case text.
TOPIC_KEYWORDS = {
    "thể chế": (
        "cai cach the che",
        "the che",
        "van ban quy pham phap luat",
        "qppl",
        "xay dung phap luat",
        "thi hanh phap luat",
        "ra soat van ban",
    ),
    "thủ tục hành chính": (
        "thu tuc hanh chinh",
        "tthc",
        "mot cua",
        "ho so",
        "dich vu cong",
        "tiep nhan",
        "tra ket qua",
        "tre han",
        "tre hen",
    ),
    "tổ chức bộ máy": (
        "to chuc bo may",
        "sap xep",
        "kien toan",
        "tinh gian bien che",
        "bien che",
        "don vi su nghiep",
        "sap nhap",
        "dau moi",
    ),
    "chế độ công vụ": (
        "che do cong vu",
        "cong vu",
        "cong chuc",
        "vien chuc",
        "vi tri viec lam",
        "ky luat, ky cuong",
        "ky cuong hanh chinh",
        "dao tao, boi duong",
        "tuyen dung",
        "dao duc cong vu",
    ),
    "tài chính công": (
        "tai chinh cong",
        "ngan sach",
        "tu chu tai chinh",
        "chi thuong xuyen",
        "dau tu cong",
        "tu dam bao",
        "khoan chi",
        "thanh toan truc tuyen",
    ),
    "chính quyền điện tử/số": (
        "chinh quyen dien tu",
        "chinh quyen so",
        "chuyen doi so",
        "chinh phu dien tu",
        "chinh phu so",
        "dich vu cong truc tuyen",
        "so hoa",
        "phan mem",
        "cong nghe thong tin",
        "van phong dien tu",
        "ioc",
        "du lieu",
        "truc tuyen",
    ),
}
_TOPIC_PATTERNS = {
    topic: re.compile(r"\b(?:" + "|".join(re.escape(k) for k in keys) + r")\b")
    for topic, keys in TOPIC_KEYWORDS.items()
}


def find_documents(text: str) -> tuple[str, ...]:
    """Legal document numbers cited in ``text``, normalised, in order of first mention."""
    found = []
    for match in DOCUMENT.finditer(text):
        codes = [code.strip() for code in re.split(r"[/-]", match.group(1))[1:] if not code.strip().isdigit()]
        known = [
            code
            for code in codes
            if code.rstrip("0123456789") in _DOCUMENT_TYPES or code.rstrip("0123456789").upper() in _DOCUMENT_TYPES
        ]
        written_upper = any(code[0].isupper() for code in codes)
        # "72/tb-ubnd" is a document written carelessly; "5-tt" is not a document
        if not known or (not written_upper and len(known) < 2):
            continue
        number = normalise_document(match.group(1))
        if number not in found:
            found.append(number)
    return tuple(found)


def find_index_tags(text: str) -> tuple[str, ...]:
    return tuple(tag for tag, pattern in INDEX_TAGS if pattern.search(text))


def find_topics(title: str, body: str) -> tuple[str, ...]:
    """Reform topics, most hits first: named in the title, or with at least three hits and
    a fifth of the leading topic's (a passing mention does not make an article about it)."""
    folded_title, folded_body = fold(title).lower(), fold(body).lower()
    hits = {}
    for order, (topic, pattern) in enumerate(_TOPIC_PATTERNS.items()):
        in_title = len(pattern.findall(folded_title))
        hits[topic] = (in_title, in_title + len(pattern.findall(folded_body)), order)
    top = max(total for _, total, _ in hits.values())
    chosen = [
        (-total, order, topic)
        for topic, (in_title, total, order) in hits.items()
        if in_title or total >= max(3, 0.2 * top)
    ]
    return tuple(topic for _, _, topic in sorted(chosen))
