"""People's names as bylines print them (pure): what a name looks like, how one printed in
capitals is written, and what a byline says (:class:`Byline`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reform_archive.importer.not_names import HEADING_WORDS, NOT_NAMES
from reform_archive.importer.places import is_place_name

__all__ = ["ACADEMIC", "Byline", "is_name", "title_case"]

ACADEMIC = r"(?:PGS|GS)\s?[.,]\s?TS|ThS|Ths|THS|TS|PGS|GS|NCS"  # "PGS.TS.", "ThS.", "NCS"


@dataclass(frozen=True)
class Byline:
    authors: tuple[str, ...] = ()
    affiliation: str = ""
    honorific: str = ""  # "ThS.", "TS.": kept apart so one person is one author term


def is_name(text: str) -> bool:
    """ "Bảo Giang", "HÀ VY", "Nguyễn Văn An", "H'Luyến Niê": two to five capitalised syllables,
    neither a place ("Thái Nguyên") nor a heading in capitals ("Thủ Tục Hành Chính")."""
    words = text.split()
    if not 2 <= len(words) <= 5 or not all(w.replace("'", "").replace("’", "").isalpha() for w in words):
        return False
    if text.lower() in NOT_NAMES or HEADING_WORDS.search(text.lower()) or is_place_name(text):
        return False
    if words[0].lower() in ("theo", "nguồn"):  # "Theo Hồng Thảo": by, or after, somebody; no name starts so
        return False
    syllables = [part for w in words for part in re.split(r"['’]", w) if part]  # "H'Luyến": H + Luyến
    return all(w.isupper() for w in words) or all(
        p[0].isupper() and (p[1:].islower() or len(p) == 1) for p in syllables
    )


def title_case(name: str) -> str:
    """ "HÀ VY" -> "Hà Vy": a name printed in capitals; initials ("P.V") and mixed case stay."""
    return " ".join(w.capitalize() for w in name.split()) if name.isupper() and "." not in name else name
