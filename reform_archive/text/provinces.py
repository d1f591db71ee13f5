"""A province as an editor writes it -> the archive's name for it, and the 2025 reorganisation (pure).

:func:`name_province` reads one value of a front matter's ``provinces:``. The canonical names are the
63 units in force until 30 June 2025 and the city of Huế (:mod:`.province_names`): an article keeps
the unit it was written about, so "Hà Giang" stays "Hà Giang" after it joined Tuyên Quang.

How a written value is matched, and what the editor is told (:class:`Spelling`):

* the canonical name, or it with the tone on the other vowel ("Hoà Bình"): nothing to say;
* another spelling of the name: case, spacing, dashes, a leading "tỉnh", "thành phố" or "TP.", a
  trailing "city"/"province", the press's forms ("TP.HCM", "BR-VT", "TT-Huế", "Đăk Lăk") or, with no
  diacritics at all, the name folded ("Ha Noi", "Hanoi"): a note naming the canonical form;
* "Sài Gòn": filed under Hồ Chí Minh, with a note that it is not an administrative name;
* the letters of a name with other diacritics ("Hà Tình"): filed under the name, with a warning,
  since it is a misspelling (no two of the 64 names share their letters, so this is never a guess);
* anything else: kept as written (tidied), with a warning naming the nearest name when one is close.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from reform_archive.text import province_names as names
from reform_archive.text.suggest import nearest
from reform_archive.text.vietnamese import TONE_MOVES, fold

__all__ = [
    "CANONICAL_PROVINCES",
    "NEAR_ENOUGH",
    "REORGANISATIONS",
    "Reorganisation",
    "Spelling",
    "modern_tones",
    "name_province",
    "normalise_province",
    "old_tones",
    "predecessors_of",
    "province_key",
    "successor_of",
    "unit_kind",
]

CANONICAL_PROVINCES: tuple[str, ...] = names.PROVINCES + names.NEW_CITIES

# "qu" is a consonant, so "quý" is right in both styles; (?!\w) leaves closed syllables ("hoàng") alone
_FIRST_TO_SECOND = {first: second for second, first in TONE_MOVES.items()}
_TONE_ON_SECOND = re.compile(rf"(?<![qQ])(?:{'|'.join(TONE_MOVES)})(?!\w)")
_TONE_ON_FIRST = re.compile(rf"(?<![qQ])(?:{'|'.join(_FIRST_TO_SECOND)})(?!\w)")
# what a value may carry around the name: "tỉnh Hà Tĩnh", "TP. HCM", "Ho Chi Minh City"
_PREFIX = re.compile(
    r"^(?:tỉnh|tinh|thành\s*phố|thanh\s*pho|thủ\s*đô|thu\s*do|t\.?\s*p)(?:\s*\.\s*|\s+)", re.IGNORECASE
)
_SUFFIX = re.compile(r"\s+(?:city|province)$", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
# closer than difflib's usual 0.75: "Tây Nguyên", a region, is 0.84 from "Thái Nguyên"
NEAR_ENOUGH = 0.85


def modern_tones(text: str) -> str:
    """The tone on the first vowel of open "oa", "oe", "uy", as dictionaries write them today: "Hoà" -> "Hòa"."""
    return _TONE_ON_SECOND.sub(lambda match: TONE_MOVES[match.group()], text)


def old_tones(text: str) -> str:
    """The other convention ("Hòa" -> "Hoà"): what :func:`modern_tones` undoes (tests write with it)."""
    return _TONE_ON_FIRST.sub(lambda match: _FIRST_TO_SECOND[match.group()], text)


def _tidy(text: str) -> str:
    """NFC, modern tone placement, single spaces: how an unknown name is kept."""
    return _SPACES.sub(" ", modern_tones(unicodedata.normalize("NFC", text))).strip()


def _bare(text: str) -> str:
    """The name without "tỉnh", "TP." or "city" around it, casefolded."""
    text = _tidy(text).casefold().replace("ð", "đ")  # Icelandic eth for đ, from old Vietnamese encodings
    return _SUFFIX.sub("", _PREFIX.sub("", text, count=1))


def _letters(text: str) -> str:
    return "".join(character for character in text if character.isalnum())


def province_key(text: str) -> str:
    """What every way of writing one name shares: "TP. Hồ Chí Minh", "tp.ho chi minh", "Hồ-Chí-Minh" ->
    "hochiminh". Letters and digits only, without diacritics, in lower case."""
    return _letters(fold(_bare(text)))


def _accented_key(text: str) -> str:
    return _letters(_bare(text))


@dataclass(frozen=True)
class Spelling:
    """What a written value is, for the archive: its name, and how it was written."""

    name: str
    how: str  # "canonical", "other spelling", "informal", "misspelt" or "unknown"
    near: str = ""  # for "unknown": the closest canonical name, when one is close


def _tables() -> tuple[dict[str, str], dict[str, str], set[str]]:
    """(accented key -> name, folded key -> name, folded keys of informal names)."""
    accented: dict[str, str] = {}
    folded: dict[str, str] = {}
    informal: set[str] = set()
    for table in (names.PROVINCE_SPELLINGS, names.FRONT_MATTER_SPELLINGS):
        for name, spellings in table.items():
            for spelling in spellings:
                accented[_accented_key(spelling)] = name
                folded.setdefault(province_key(spelling), name)
                if spelling in names.INFORMAL_NAMES:
                    informal.add(province_key(spelling))
    for name in CANONICAL_PROVINCES:  # a name wins over another name's spelling
        accented[_accented_key(name)] = name
        folded[province_key(name)] = name
    return accented, folded, informal


_BY_ACCENTED_KEY, _BY_FOLDED_KEY, _INFORMAL_KEYS = _tables()


@lru_cache(maxsize=4096)  # a few hundred distinct values in a whole archive
def name_province(written: str) -> Spelling:
    """The archive's name for ``written``, one value of ``provinces:`` (see the module's text)."""
    tidy = _tidy(written)
    if tidy in CANONICAL_PROVINCES:
        return Spelling(tidy, "canonical")
    accented, key = _accented_key(written), province_key(written)
    known = _BY_ACCENTED_KEY.get(accented) or (_BY_FOLDED_KEY.get(key) if fold(tidy) == tidy else None)  # or unaccented
    if known:
        return Spelling(known, "informal" if key in _INFORMAL_KEYS else "other spelling")
    if key in _BY_FOLDED_KEY:
        return Spelling(_BY_FOLDED_KEY[key], "misspelt")
    near = nearest(key, _BY_FOLDED_KEY, cutoff=NEAR_ENOUGH) if key else None
    return Spelling(tidy, "unknown", _BY_FOLDED_KEY[near] if near else "")


def normalise_province(written: str) -> str:
    """The canonical name when ``written`` names a province or centrally-run city, else it tidied."""
    return name_province(written).name


# --- the reorganisations of 2025 ---------------------------------------------------------------------


@dataclass(frozen=True)
class Reorganisation:
    """One unit formed from others: what a province page says about its history."""

    successor: str
    predecessors: tuple[str, ...]  # the units that ended in it; not the successor's own earlier self
    effective: date
    basis: str  # the resolution's number
    renamed: bool = False  # one unit under a new name, not several merged


REORGANISATIONS: tuple[Reorganisation, ...] = (
    # Thừa Thiên Huế became the centrally-run city of Huế on 1 January 2025 (its own resolution)
    Reorganisation("Huế", ("Thừa Thiên Huế",), date(2025, 1, 1), "175/2024/QH15", renamed=True),
    *(
        Reorganisation(
            successor, tuple(member for member in members if member != successor), date(2025, 7, 1), "202/2025/QH15"
        )
        for successor, members in names.MERGED_2025.items()
    ),
)
_BY_SUCCESSOR = {change.successor: change for change in REORGANISATIONS}
_BY_PREDECESSOR = {old: change for change in REORGANISATIONS for old in change.predecessors}


def successor_of(province: str) -> Reorganisation | None:
    """The change that ended ``province`` (a canonical name), if one did."""
    return _BY_PREDECESSOR.get(province)


def predecessors_of(province: str) -> Reorganisation | None:
    """The change that made ``province`` take in others, if one did."""
    return _BY_SUCCESSOR.get(province)


def unit_kind(province: str) -> str:
    """ "city" for the six centrally-run cities (Huế one since 1 January 2025), else "province"."""
    return "city" if province in names.CITIES else "province"
