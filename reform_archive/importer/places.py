"""Which provinces an article is about: :func:`find_provinces` (pure, no I/O).

A name is recognised in one of four ways, tried in this order wherever a word starts:

1. After a province marker ("tỉnh", "thành phố", "TP.", "TP", "Tp.", "thủ đô") in any capitalisation, a
   province name counts in any capitalisation too: "Sở Nội vụ tỉnh bình Định", "TỈNH BÌNH ĐỊNH", "TP.HCM",
   "TPHCM", "Thủ đô Hà Nội". "Hồ Chí Minh", "HCM" and "Huế" count *only* this way: alone they mostly name a
   person ("tư tưởng Hồ Chí Minh", "bà Nguyễn Thị Huế") or an institution ("Đại học Huế").
2. After a district marker ("huyện", "huyện đảo", "quận", "thị xã", "thị trấn", or "thành phố"/"TP." followed
   by a name that is not a province's), a district name implies its province: "huyện Hàm Tân", "thị xã La Gi"
   -> Bình Thuận. Only names of a district in exactly one province count ("Châu Thành" is in ten); "quận 1"
   only after "quận"; "thị trấn X" only if no thị trấn in another province is called X. The name is read as a
   district, never as a province: "huyện Quảng Ninh" is in Quảng Bình.
3. After "xã", "phường", "thôn" or "ấp" the name is a commune's ("xã Hòa Bình") and is skipped.
4. Otherwise a name counts only written as a proper name, with its capitals ("Hòa Bình", "Long An"): the
   words "hòa bình" (peace) and "long an" do not, nor does an ALL-CAPS headline "VÌ HÒA BÌNH". A capitalised
   name right after a common surname or "Văn"/"Thị" is a person ("Chánh án Nguyễn Hòa Bình") and is skipped;
   any other "Thái Bình" may still be someone's given name, a risk taken knowingly.

Names match whole words, longest first ("Bà Rịa - Vũng Tàu", "Điện Biên Phủ", and "Thái Bình Dương", the
Pacific, which is dropped, before "Thái Bình"), in either tone placement ("Hòa"/"Hoà") and with any dash or
spacing between parts ("Bà Rịa–Vũng Tàu", "BR-VT", "Thừa Thiên - Huế"). Regions ("Tây Nguyên", "Bắc Trung
Bộ", "Đồng bằng sông Cửu Long") are not provinces and give nothing.

Naming: the archive files an article under the unit name the article uses. Most articles predate the merge
into 34 units on 1 July 2025, so the 63 earlier names are kept: "Thừa Thiên Huế" stays "Thừa Thiên Huế",
while "thành phố Huế" gives the 2025 city "Huế". Thành phố Hồ Chí Minh is "Hồ Chí Minh".

Ranking: most mentions first; each district mention counts as one mention of its province. On a tie a
province named outright comes before one only implied by districts, then the earlier first mention wins.

The data and its sources and limits are in :mod:`.place_names`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cache

from reform_archive.text.vietnamese import TONE_MOVES

from . import place_names as data

__all__ = ["find_provinces", "is_place_name", "place_spans"]

# --- spelling normalisation ----------------------------------------------------------------------------

# Open "oa", "oe", "uy" carry the tone on the first vowel ("hòa") or, in the other style, the second ("hoà").
_SECOND_TO_FIRST = TONE_MOVES
_FIRST_TO_SECOND = {first: second for second, first in _SECOND_TO_FIRST.items()}
# "qu" is a consonant, so "Quỳ" is right in both styles; (?!\w) keeps closed syllables ("Hoàng") as they are.
_TONE_ON_SECOND = re.compile(rf"(?<![qQ])(?:{'|'.join(_SECOND_TO_FIRST)})(?!\w)")
_TONE_ON_FIRST = re.compile(rf"(?<![qQ])(?:{'|'.join(_FIRST_TO_SECOND)})(?!\w)")

_DASH = r"\-‐‑–—"  # for use inside [...]
_SEPARATORS = re.compile(rf"[\s{_DASH}.]+")
_APOSTROPHE = re.compile(r"\s*['’ʼ]\s*")


def _key(spelling: str) -> str:
    """Lookup key shared by every way of writing a name: "Bà Rịa–Vũng Tàu", "BÀ RỊA - VŨNG TÀU" -> one key."""
    spelling = _APOSTROPHE.sub("'", spelling.casefold())
    spelling = _SEPARATORS.sub(" ", spelling).strip()
    return _TONE_ON_SECOND.sub(lambda m: _SECOND_TO_FIRST[m.group()], spelling)


def _spellings(name: str) -> set[str]:
    """`name` in both tone placements, and with Đắk/Đăk and Lắk/Lăk either way (both are official)."""
    name = unicodedata.normalize("NFC", name)
    forms = {name, _TONE_ON_FIRST.sub(lambda m: _FIRST_TO_SECOND[m.group()], name)}
    for one, other in (("Đắk", "Đăk"), ("Lắk", "Lăk")):
        forms |= {form.replace(one, other) for form in forms} | {form.replace(other, one) for form in forms}
    return forms


def _dak_spellings(seconds: tuple[str, ...]) -> Iterator[str]:
    """ "Đắk Lắk", "Đăk Lăk", "Đắc Lắc", "Dak Lak", "Daklak", "DakLak", "Đắk-Lắk" ... as seen in the press."""
    for first in ("Đắk", "Đăk", "Đắc", "Dak", "Đak"):
        for second in seconds:
            yield from (f"{first} {second}", f"{first}-{second}", first + second, first + second.lower())


# --- regex building --------------------------------------------------------------------------------------

_SEPARATOR_PATTERNS = {" ": r"\s+", "-": rf"\s*[{_DASH}]\s*", "'": r"['’ʼ]\s*", ".": r"\.\s*"}


def _squash(spelling: str) -> str:
    # one character per separator, so that spellings differing only in spacing share a trie path
    spelling = re.sub(rf"\s*[{_DASH}]\s*", "-", spelling.strip())
    spelling = re.sub(r"\s*['’ʼ]\s*", "'", spelling)
    return re.sub(r"\s+", " ", re.sub(r"\.\s*", ".", spelling))


def _alternation(spellings: Iterable[str]) -> str:
    """A pattern matching any of `spellings`, longest first, shaped as a character trie: re tries the
    branches of an alternation one by one, so a flat list of ~1000 names costs 1000 tests per position."""
    trie: dict[str, dict] = {}
    for spelling in spellings:
        node = trie
        for char in _squash(spelling):
            node = node.setdefault(char, {})
        node[""] = {}  # a name ends here
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, dict]) -> str:
    branches = [
        (_SEPARATOR_PATTERNS.get(char) or re.escape(char)) + _trie_pattern(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    # a greedy "?" tries the longer name before stopping here
    return f"(?:{body})?" if "" in node else body


# --- tables ----------------------------------------------------------------------------------------------


def _forms(spellings: Iterable[str]) -> set[str]:
    return {form for spelling in spellings for form in _spellings(spelling)}


def _province_tables() -> tuple[set[str], set[str], dict[str, str | None]]:
    """(forms that count alone, forms that count after a marker, key -> canonical name or None)."""
    alone = {
        name: [
            spelling
            for spelling in (name, *data.PROVINCE_SPELLINGS.get(name, ()))
            if spelling not in data.MARKER_ONLY_SPELLINGS.get(name, ())
        ]
        for name in data.PROVINCES
    }
    alone["Đắk Lắk"] += _dak_spellings(("Lắk", "Lăk", "Lắc", "Lak"))
    alone["Đắk Nông"] += _dak_spellings(("Nông", "Nong"))
    by_key: dict[str, str | None] = {}
    alone_forms: set[str] = set()
    for name, spellings in alone.items():
        for form in _forms(spellings):
            alone_forms.add(form)
            by_key[_key(form)] = name
    for form in _forms(data.NOT_PROVINCES):
        alone_forms.add(form)
        by_key[_key(form)] = None  # matched so that its shorter part is not, then dropped
    marked_forms = set(alone_forms)
    for name, marker_spellings in data.MARKER_ONLY_SPELLINGS.items():
        for form in _forms(marker_spellings):
            marked_forms.add(form)
            by_key[_key(form)] = name
    return alone_forms, marked_forms, by_key


def _district_tables() -> tuple[set[str], dict[str, str | None]]:
    """(forms, key -> province, or None when the name is a district's in more than one province)."""
    forms: set[str] = set()
    provinces_of: dict[str, set[str]] = defaultdict(set)
    for table in (data.DISTRICTS, data.FORMER_DISTRICTS):
        for province, districts in table.items():
            for district in districts:
                for form in _forms((district, *data.DISTRICT_SPELLINGS.get(district, ()))):
                    forms.add(form)
                    provinces_of[_key(form)].add(province)
    return forms, {key: next(iter(found)) if len(found) == 1 else None for key, found in provinces_of.items()}


_ALONE_FORMS, _MARKED_FORMS, _PROVINCE_BY_KEY = _province_tables()
_DISTRICT_FORMS, _DISTRICT_BY_KEY = _district_tables()
_TOWN_CLASHES = frozenset(_key(name) for name in data.TOWN_NAME_CLASHES)

# After a marker case does not matter, so those tries are built from casefolded forms (fewer branches).
_ANY_CASE_PROVINCE = _alternation({form.casefold() for form in _MARKED_FORMS})
_ANY_CASE_DISTRICT = _alternation({form.casefold() for form in _DISTRICT_FORMS})
_CASED_PROVINCE = _alternation(_ALONE_FORMS)

_PROVINCE_MARKER = r"(?:tỉnh|thành\s+phố|thủ\s+đô)\s+|tp\.?\s*"
_DISTRICT_MARKER = r"(?:huyện(?:\s+đảo)?|quận|thị\s+xã|thị\s+trấn|thành\s+phố)\s+|tp\.?\s*"
_COMMUNE_MARKER = r"(?:xã|phường|thôn|ấp)\s+"

_PLACES = re.compile(
    rf"\b(?i:{_PROVINCE_MARKER})(?P<province>(?i:{_ANY_CASE_PROVINCE}))(?!\w)"
    rf"|\b(?P<marker>(?i:{_DISTRICT_MARKER}))(?P<district>(?i:{_ANY_CASE_DISTRICT}))(?!\w)"
    rf"|\b(?i:{_COMMUNE_MARKER}){_CASED_PROVINCE}(?!\w)"
    rf"|\b(?P<name>{_CASED_PROVINCE})(?!\w)"
)

_PERSON_NAME_BEFORE = re.compile(
    r"(?<!\w)(?:Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Ngô|Dương|Lý|Đinh|Trịnh|Đoàn|Lương"
    r"|Trương|Văn|Thị)\s+$"
)


# --- matching --------------------------------------------------------------------------------------------


def is_place_name(text: str) -> bool:
    """ "Thái Nguyên", "HÀM THUẬN BẮC": the whole text is a province's name, or a district's of
    three syllables or more (shorter ones are also people's names: "Thanh Hà", "Đông Anh")."""
    key = _key(text.strip())
    return bool(_PROVINCE_BY_KEY.get(key)) or (key in _DISTRICT_BY_KEY and len(key.split()) >= 3)


def find_provinces(text: str) -> tuple[str, ...]:
    """Canonical names of the provinces/centrally-run cities that `text` (NFC Vietnamese article text) is
    about, most-mentioned first (ties: first mention first), no duplicates."""
    text = unicodedata.normalize("NFC", text)
    found: dict[str, list] = {}  # province -> [mentions, named outright?, first position, only as a venue?]
    for position, province, outright in _mentions(text):
        entry = found.setdefault(province, [0, False, position, True])
        entry[0] += 1
        entry[1] = entry[1] or outright
        entry[3] = entry[3] and _venue(text, position)
    if any(not entry[3] for entry in found.values()):  # "tại Hà Nội" where the article is about Trà Vinh
        found = {province: entry for province, entry in found.items() if not entry[3]}
    ranked = sorted(found.items(), key=lambda item: (-item[1][0], not item[1][1], item[1][2]))
    return tuple(province for province, _ in ranked)


# where a meeting was held ("Sáng 15/4, tại Hà Nội, …") or a news agency's dateline
# ("Hà Nội (TTXVN) - …"): a place the article need not be about
_VENUE_BEFORE = re.compile(r"\b(?:tại|ở)\s+$", re.IGNORECASE)
_DATELINE_AFTER = re.compile(r"^[^\W\d_]+(?:\s+[^\W\d_]+){0,3}\s*\((?:TTXVN|VNA|[A-ZĐ]{2,8})\)\s*[-–—:]")


def _venue(text: str, position: int) -> bool:
    line_start = text.rfind("\n", 0, position) + 1
    return bool(
        _VENUE_BEFORE.search(text, max(0, position - 8), position)
        or (position == line_start and _DATELINE_AFTER.match(text, position))
    )


def _mentions(text: str) -> Iterator[tuple[int, str, bool]]:
    """(position, province, named outright?) for each mention, in text order."""
    for match in _PLACES.finditer(text):
        if (name := match.group("province")) is not None:
            province, outright = _PROVINCE_BY_KEY.get(_key(name)), True
        elif (name := match.group("district")) is not None:
            province, outright = _district_province(_key(match.group("marker")), _key(name)), False
        elif (name := match.group("name")) is not None and not _after_person_name(text, match.start()):
            province, outright = _PROVINCE_BY_KEY.get(_key(name)), True
        else:
            continue  # a commune's name, or part of a person's
        if province is not None:
            yield match.start(), province, outright


def _district_province(marker: str, district: str) -> str | None:
    if district.isdigit() and marker != "quận":
        return None  # only Hồ Chí Minh City numbers its districts, and they are "quận"
    if marker == "thị trấn" and district in _TOWN_CLASHES:
        return None
    return _DISTRICT_BY_KEY.get(district)


def _after_person_name(text: str, start: int) -> bool:
    return _PERSON_NAME_BEFORE.search(text, max(0, start - 10), start) is not None


# Province names that are also everyday words ("hòa bình": peace): in a text with no case
# to tell, they are a place's only after a marker.
_COMMON_PHRASES = frozenset(_key(name) for name in ("Hòa Bình", "Thái Bình", "Long An"))


@cache
def _any_case_places() -> re.Pattern[str]:
    # built on first use: only ALL-CAPS headlines need it
    alone = {form.casefold() for form in _ALONE_FORMS if _key(form) not in _COMMON_PHRASES}
    alone |= {form.casefold() for form in _DISTRICT_FORMS if len(_key(form).split()) >= 3}
    return re.compile(
        rf"\b(?:{_PROVINCE_MARKER})(?P<province>{_ANY_CASE_PROVINCE})(?!\w)"
        rf"|\b(?:{_DISTRICT_MARKER})(?P<district>{_ANY_CASE_DISTRICT})(?!\w)"
        rf"|\b(?P<name>{_alternation(alone)})(?!\w)",
        re.IGNORECASE,
    )


def place_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text``, whatever its case ("THÀNH PHỐ PHAN RANG - THÁP CHÀM", "TRÀ VINH THĂNG
    HẠNG"), names a province, or a district after its marker or of three syllables or more:
    the (start, end) of each name, for writing it with capitals."""
    spans = []
    for match in _any_case_places().finditer(unicodedata.normalize("NFC", text)):
        group = next(name for name in ("province", "district", "name") if match.group(name) is not None)
        if group == "name" and _PROVINCE_BY_KEY.get(_key(match.group(group)), "") is None:
            continue  # "Thái Bình Dương": matched so that "Thái Bình" is not
        spans.append(match.span(group))
    return spans
