"""Titles: pick the headline line, re-case ALL-CAPS headlines, infer a missing one (pure).

Re-casing learns from the article itself: "HUYỆN HÀM TÂN" becomes "huyện Hàm Tân"
because that is how the body writes those words. Words the body never writes keep the
case rules of Vietnamese sentence case: lower case, except acronyms (UBND, CCHC) and
Roman numerals (quý I).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from reform_archive.importer.chrome import is_prose
from reform_archive.importer.places import place_spans
from reform_archive.text.vietnamese import fold, is_syllable

__all__ = [
    "INFERRED_MAX_CHARS",
    "TITLE_MAX_CHARS",
    "infer_title",
    "is_all_caps",
    "looks_like_title",
    "recase",
    "same_title",
    "title_key",
]

TITLE_MAX_CHARS = 300
INFERRED_MAX_CHARS = 160
_WORD = re.compile(r"\w+", re.UNICODE)
_ROMAN = re.compile(r"^(?:I{1,3}|IV|V|VI{1,3}|IX|X{1,3}|XI{1,3}|XIV|XV|XVI{1,3}|XIX|XX)$")
_CLAUSE_BREAK = re.compile(r"[,;:–—]\s")


def looks_like_title(line: str) -> bool:
    """A headline: not a sentence of the article, not too long."""
    stripped = line.strip()
    return (
        0 < len(stripped) <= TITLE_MAX_CHARS
        and bool(re.search(r"[^\W\d_]{2}", stripped))
        and not (is_prose(stripped) and stripped.endswith("."))
    )


def is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def recase(title: str, body: str) -> str:
    """Sentence case for an ALL-CAPS title, using the casing the body gives each word."""
    casing = _casing_table(body)
    words = list(_WORD.finditer(title))
    places = place_spans(title)  # a place's name keeps its capitals even where the body does not say it
    pieces, last = [], 0
    for index, match in enumerate(words):
        word = match.group(0)
        pieces.append(title[last : match.start()])
        if any(start <= match.start() < end for start, end in places) and is_syllable(word):
            pieces.append(word[:1].upper() + word[1:].lower())
        else:
            pieces.append(_case_word(word, index, words, casing))
        last = match.end()
    pieces.append(title[last:])
    result = "".join(pieces)
    return result[:1].upper() + result[1:] if result else result


def _casing_table(body: str) -> dict[tuple[str, ...], Counter[str]]:
    """For each word (lower case) alone and with its neighbours: the forms the body
    uses, away from the start of a sentence and outside ALL-CAPS lines."""
    table: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for line in body.split("\n"):
        if is_all_caps(line):
            continue
        words = list(_WORD.finditer(line))
        for index, match in enumerate(words):
            form = match.group(0)
            if _starts_sentence(line, match.start()) and not (form.isupper() and len(form) > 1):
                continue  # "Huyện triển khai…" says nothing about how "huyện" is written; "HCM" does
            lower = form.lower()
            table[(lower,)][form] += 1
            if index > 0:
                table[(words[index - 1].group(0).lower(), lower)][form] += 1
            if index + 1 < len(words):
                table[(lower, words[index + 1].group(0).lower(), "→")][form] += 1
    return table


def _starts_sentence(line: str, start: int) -> bool:
    index = start - 1
    while index >= 0 and line[index].isspace():
        index -= 1
    return index < 0 or line[index] in ".!?…:"


def _case_word(word: str, index: int, words: list[re.Match[str]], casing) -> str:
    lower = word.lower()
    keys: list[tuple[str, ...]] = []
    if index > 0:
        keys.append((words[index - 1].group(0).lower(), lower))
    if index + 1 < len(words):
        keys.append((lower, words[index + 1].group(0).lower(), "→"))
    keys.append((lower,))
    for key in keys:
        forms = casing.get(key)
        if forms:
            return forms.most_common(1)[0][0]
    if _ROMAN.match(word) or any(c.isdigit() for c in word) or not is_syllable(word):
        return word  # "quý IV", "30C", and acronyms no Vietnamese syllable spells: "UBND", "TP", "PCI"
    return lower


def infer_title(lead: str) -> str:
    """A title from the lead's first sentence, cut at a clause or word boundary."""
    lead = " ".join(lead.split())
    lead = re.sub(
        r"^(?:\d{1,2}|[IVX]{1,4})[.)]\s+(?=\S)", "", lead
    )  # "1. Lịch tiếp …": an item's number, not a sentence
    end = re.search(r"[.!?…](?=\s+[A-ZĐÀ-Ỹ\"“(]|$)", lead)
    sentence = lead[: end.start()] if end else lead
    if len(sentence) <= INFERRED_MAX_CHARS:
        return sentence.strip()
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(sentence, 0, INFERRED_MAX_CHARS + 1) if m.start() >= 40]
    if breaks:
        return sentence[: breaks[-1]].strip()
    cut = sentence.rfind(" ", 0, INFERRED_MAX_CHARS)
    return sentence[: cut if cut > 40 else INFERRED_MAX_CHARS].rstrip(" ,;:–-") + "…"


def title_key(text: str) -> str:
    """A title's words, lower case: what two printings of one title share."""
    return " ".join(_WORD.findall(text.lower()))


def same_title(line: str, title: str) -> bool:
    """The title repeated (as page chrome), ignoring case, spacing and end punctuation; or
    written without its accents, as an image's alt text or a file's name gives it ("Chi tiet
    phuong an sap xep …")."""
    if not title:
        return False
    key = title_key(line)
    return key == title_key(title) or (line.isascii() and len(key.split()) >= 4 and key == fold(title_key(title)))
