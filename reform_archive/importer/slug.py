"""The headline as the address spells it (pure).

News sites put the headline, accent-folded and hyphenated, in the article's address
("/go-kho-cong-nghe-o-tung-thon-ban-3300241.html"). When a copy runs a section label, the
headline and the standfirst into one line ("Chính quyền - đoàn thể “Gỡ khó công nghệ” ở
từng thôn, bản Nhằm tạo điều kiện …"), the address tells where the headline starts and ends.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from reform_archive.text.vietnamese import fold

__all__ = ["FILE", "MIN_SLUG_WORDS", "headline_line", "slug_span", "slug_words"]

MIN_SLUG_WORDS = 4  # fewer words match too much by chance
_WORD = re.compile(r"[^\W_]+")
# "3300241", "d38154", "post321839", "83a4d89"; not "2023", "3" or "30c"
_ID = re.compile(r"^(?:\d{5,}|[a-z]+\d+[a-z\d]*|\d+[a-z]+\d[a-z\d]*|\d+[a-z]{2,})$")
_CODE = re.compile(r"^[b-df-hj-np-tv-xz]{1,2}$")  # no vowel: no Vietnamese word
FILE = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|odt|rtf|zip|rar|7z|jpe?g|png|gif|webp|mp[34])$", re.I)
_NOT_A_YEAR = re.compile(r"^(?!(?:19|20)\d\d$)\d{4}$")  # "2764": an id; "2023" may end a headline
_TRAILING_PART = re.compile(r"^(?:\d+|[a-z]{1,3}|[a-z]{0,3}\d+)(?:\.[a-z]{2,5})?$", re.I)  # "ct", "5491", "p12"
_HEADLINE_PART = re.compile(r"^(?:[a-z\d]+-){5,}[a-z\d]+$", re.I)  # six hyphenated words or more: no section's name
_LABEL_WORDS = 6  # "Tên sáng kiến:", "Thông báo:": a label before the headline
_LEFT_OUT_WORDS = 4  # words a slug left out at the end ("1/2025", a place)
_CUT_WORDS = 30
_OPENING = "“\"'‘«(["
_CLOSING = "”\"'’»)]?!…"


def slug_words(url: str) -> list[str]:
    """The address's last path segment as folded words, without the site's ids and extension;
    [] when it holds fewer than MIN_SLUG_WORDS words (an id, "index.php", a category)."""
    path = unquote(urlsplit(url).path).rstrip("/")
    if FILE.search(path):
        return []  # "/uploads/ban-tin-cchc-so-03-2024.pdf": a file's name, not a headline
    segments = path.split("/")
    # "/to-chuc-doi-thoai-giua-…-doan-vien/ct/5491/6854": ids and codes after the headline
    tail = len(segments)
    while tail > 1 and _TRAILING_PART.match(segments[tail - 1]):
        tail -= 1
    if tail < len(segments) and _HEADLINE_PART.match(segments[tail - 1]):
        segments = segments[:tail]
    # any extension: ".html", ".aspx", Lao Động's ".ldo", Vietnamplus's ".vnp"; no slug word has a dot
    segment = re.sub(r"\.[a-z0-9]{2,5}$", "", segments[-1], flags=re.I)
    words = [w for w in re.split(r"[-_+.]+", fold(segment.lower())) if w]
    while words and (_ID.match(words[-1]) or _NOT_A_YEAR.match(words[-1])):
        words.pop()
    if words and _ID.match(words[0]):
        while words and _ID.match(words[0]):
            words.pop(0)
        if words and _CODE.match(words[0]):
            words.pop(0)  # "83a4d89-hd-…": a section code after the id
    if len(words) < MIN_SLUG_WORDS or not all(w.isalnum() for w in words):
        return []
    return words


def slug_span(line: str, slug: list[str]) -> tuple[int, int] | None:
    """Where in ``line`` the words of ``slug`` stand one after another (with the quotes and the
    question mark around them), or None. Sites cut long slugs short, so a span counts only
    where a new sentence starts right after it: the headline ends there, not a word later."""
    if not slug:
        return None
    tokens = [(m.start(), m.end(), fold(m.group().lower())) for m in _WORD.finditer(line)]
    folded = [t[2] for t in tokens]
    for first in range(len(tokens) - len(slug) + 1):
        if folded[first : first + len(slug)] == slug:
            start, end = tokens[first][0], tokens[first + len(slug) - 1][1]
            while start > 0 and line[start - 1] in _OPENING:
                start -= 1
            while end < len(line) and line[end] in _CLOSING:
                end += 1
            following = line[end:].lstrip(" -–:|")
            if following and not following[:1].isupper():
                continue
            return start, end
    return None


def headline_line(line: str, slug: list[str]) -> tuple[int, int] | None:
    """Where in ``line`` a headline the address spells runs to the line's end: its words one
    after another (the last maybe cut short: "…-trong-v-468686", and then the rest of a headline
    follows), after at most a short label ("Tên sáng kiến: …"), with at most a few words the
    address left out after them ("… tháng 1/2025", "-thang-12025"). None when the line goes on
    past a sentence."""
    if not slug:
        return None
    tokens = [(m.start(), m.end(), fold(m.group().lower())) for m in _WORD.finditer(line)]
    folded = [t[2] for t in tokens]
    for first in range(min(_LABEL_WORDS + 1, len(tokens) - len(slug) + 1)):
        if folded[first : first + len(slug) - 1] != slug[:-1] or not folded[first + len(slug) - 1].startswith(slug[-1]):
            continue
        rest = line[tokens[first + len(slug) - 1][1] :]
        cut = folded[first + len(slug) - 1] != slug[-1]  # a slug cut at a length: the headline goes on
        if len(rest.split()) > (_CUT_WORDS if cut else _LEFT_OUT_WORDS) or re.search(r"[.!?…]\s+\S", rest):
            return None
        return tokens[first][0], len(line.rstrip(" .")) if line.rstrip().endswith(".") else len(line.rstrip())
    return None
