"""The name a category or tag page goes by (pure).

A tag page's address spells its tag ("/tag/lay-y-kien-ve-sap-nhap", "/giam-sat-cai-cach-
hanh-chinh-tag90821.html"), a category page's its section ("/chinh-tri-xa-hoi/cai-cach-hanh-
chinh/", "/GroupNews/5/Cai-cach-hanh-chinh.html"), and the page prints that name over its
headlines ("Cải cách hành chính", "đô thị đặc biệt"). A copy of such a page that holds only one
teaser looks like a short article; the printed name, spelled whole by the address, gives it
away, and is the page's title.
"""

from __future__ import annotations

import re
from itertools import pairwise
from urllib.parse import unquote, urlsplit

from reform_archive.importer.accents import word_table
from reform_archive.importer.address_title import common_forms, spell
from reform_archive.importer.chrome import is_prose
from reform_archive.importer.slug import FILE
from reform_archive.text.vietnamese import fold, split_syllables

__all__ = ["MAX_LABEL_WORDS", "address_label", "printed_label", "spelled_label"]

MAX_LABEL_WORDS = 6
_WORD = re.compile(r"[^\W_]+")
# "-tag90821", "-ptag", "page-58", a listing's number, a site's id: not the name
_NOT_NAME = re.compile(r"^(?:p?tags?\d*|page|trang|\d+|[a-z]+\d+[a-z\d]*)$")
_OPENING_LINES = 6
_RUN_LETTERS = 7  # a shorter word may be one syllable ("nghieng") or an acronym
_NAME_KEY = re.compile(r"slug|^tag$|^category$", re.I)
_PAGER = re.compile(r"^(?:(?:page|trang|p)[-_]?\d*|\d+)$", re.I)
# an address's words that name a script or a search, not a subject
_SEARCH_WORDS = {
    "search",
    "tim kiem",
    "timkiem",
    "ket qua tim kiem",
    "tag",
    "tags",
    "index",
    "default",
    "home",
    "node",
    "news",
    "detail",
    "details",
    "view",
    "article",
    "post",
    "chitiet",
    "chi tiet",
    "list",
    "category",
    "web",
    "portal",
}


def address_label(url: str, split: bool = False) -> list[str]:
    """The folded words of the name the address's last segment (or a tag's folder) spells:
    one to MAX_LABEL_WORDS words, else []."""
    path = unquote(urlsplit(url).path).rstrip("/")
    if FILE.search(path):
        return []  # a document's file name names the document, not a section
    query = dict(part.split("=", 1) for part in urlsplit(url).query.split("&") if "=" in part)
    named = [unquote(value) for key, value in query.items() if _NAME_KEY.search(key)]  # "?CategorySlug=…"
    segments = named or [s for s in path.split("/") if s]
    while segments and _PAGER.match(segments[-1]):
        segments.pop()  # "/tag/cat-giam/trang-3", "/tag/chinh-quyen-dia-phuong/page/2"
    if not segments:
        return []
    last = re.sub(r"\.[a-z0-9]{2,5}$", "", segments[-1], flags=re.I)
    words = [w for w in re.split(r"[-_+.\s]+", fold(last.lower())) if w]
    while words and _NOT_NAME.match(words[-1]):
        words.pop()
    if split:
        words = [piece for word in words for piece in _pieces(word)]  # "ngaydauvanhanh": run together
    return words if 1 <= len(words) <= MAX_LABEL_WORDS and all(w.isalnum() for w in words) else []


def _pieces(word: str) -> list[str]:
    """A long word of syllables run together, split as news writes them ("van hanh" is a
    commoner pair than "va nhanh"); any other word as it is."""
    if len(word) < _RUN_LETTERS or word in common_forms() or word.isdigit():
        return [word]
    table = word_table()
    split = split_syllables(word, lambda pieces: sum(table.pair_count(a, b) for a, b in pairwise(pieces)))
    return split or [word]


def printed_label(lines: list[str] | tuple[str, ...], url: str) -> str:
    """The name the address spells, as one of the page's opening lines prints it (the line,
    or its end when a section trail runs before it: "Chính trị - Xã hội Cải cách hành chính"),
    when a longer line follows it; "" when there is none."""
    words = address_label(url) if url else []
    if not words:
        return ""
    opening: list[str] = []
    for line in (line.strip() for line in lines if line.strip()):
        if len(opening) == _OPENING_LINES or (opening and is_prose(opening[-1])):
            break  # the name heads the page: above its first sentence
        opening.append(line)
    for number, line in enumerate(opening[:-1]):
        tokens = list(_WORD.finditer(line))
        folded = [fold(t.group().lower()) for t in tokens]
        if len(folded) > len(words) + 5 or folded[-len(words) :] != words:
            continue
        if len(opening[number + 1].split()) > len(words):
            return line[tokens[-len(words)].start() :].strip()
    return ""


def spelled_label(lines: list[str] | tuple[str, ...], url: str) -> str:
    """The name of a tag or category page that does not print it: the address's words,
    accented; "" for a search page (its address names the search, not a subject)."""
    words = address_label(url, split=True) if url else []
    if not words or " ".join(words) in _SEARCH_WORDS:
        return ""
    return spell(words, lines).text
