"""What search reads as the same thing (pure but for reading its own data file): an
abbreviation and its full forms ("CCHC", "cải cách hành chính"), and the parts of a
document's code ("NĐCP" is "NĐ" and "CP"). The table is data, abbreviations.toml beside
this module, which a site extends under [abbreviations] in site.toml. The browser gets it
in the search manifest and expands queries with it (engine.js, withAliases).
"""

from __future__ import annotations

import tomllib
import unicodedata
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from typing import Any

__all__ = ["alias_pairs", "code_parts", "equivalent_sets"]


@cache
def _table() -> dict[str, Any]:
    return tomllib.loads(files("reform_archive.search").joinpath("abbreviations.toml").read_text("utf-8"))


def alias_pairs(extra: Iterable[tuple[str, tuple[str, ...]]] = ()) -> list[list[str]]:
    """[abbreviation, full form] pairs, NFC, the site's after the table's (a site's entry for
    an abbreviation replaces the table's)."""
    merged: dict[str, tuple[str, ...]] = {}
    for short, full in _table()["abbreviations"].items():
        merged[short] = (full,) if isinstance(full, str) else tuple(full)
    for short, forms in extra:
        merged[short] = tuple(forms)
    return [[_nfc(short), _nfc(form)] for short, forms in merged.items() for form in forms]


def equivalent_sets(extra: Iterable[tuple[str, ...]] = ()) -> list[list[str]]:
    """Sets of phrases that name the same thing ("sáp nhập", "hợp nhất", "sắp xếp"), NFC: the
    table's, then the site's (``equivalents`` in site.toml)."""
    return [[_nfc(phrase) for phrase in phrases] for phrases in (*_table()["equivalents"]["sets"], *extra)]


def code_parts() -> list[str]:
    return [_nfc(part) for part in _table()["document_codes"]["parts"]]


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split()))
