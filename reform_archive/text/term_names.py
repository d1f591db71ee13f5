"""Which term page a written name belongs to: ``[aliases.*]`` in site.toml and the built-in
province names (pure).

A term is identified by its key, the slug of its name (:func:`term_key`): spellings that fold to
one slug ("Hoà Bình", "Hòa Bình", "hoa binh") are one term. An alias maps every name of one key to
another name; chains are followed ("a" = "b", "b" = "c" files "a" under "c"). Province names go
through :func:`reform_archive.text.provinces.name_province` after the site's own aliases.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from reform_archive.text.provinces import name_province
from reform_archive.text.vietnamese import nfc, slugify

__all__ = [
    "ALIAS_TAXONOMIES",
    "TERM_SLUG_LENGTH",
    "Alias",
    "Naming",
    "TermNames",
    "alias_faults",
    "term_key",
    "term_names",
]

ALIAS_TAXONOMIES = ("authors", "provinces", "tags", "topics")
TERM_SLUG_LENGTH = 120

Alias = tuple[str, str, str]  # (taxonomy, the name as written, the name to file it under)


@lru_cache(maxsize=65536)  # called for every term of every article, few distinct
def term_key(name: str) -> str:
    """A term's slug, which names its page: "Hà Tĩnh" -> "ha-tinh" ("_" when nothing is left)."""
    return slugify(name, max_length=TERM_SLUG_LENGTH) or "_"


@dataclass(frozen=True)
class Naming:
    name: str  # the term's name in the site
    how: str  # "as written", "alias", or for provinces a Spelling's how ("other spelling", ...)
    near: str = ""  # an unknown province's nearest name


class TermNames:
    """The site's aliases, ready to look names up: :func:`term_names` makes (and keeps) one per table."""

    def __init__(self, aliases: Iterable[Alias]):
        given = [(taxonomy, nfc(written).strip(), nfc(target).strip()) for taxonomy, written, target in aliases]
        direct = {(taxonomy, term_key(written)): target for taxonomy, written, target in given}
        self._aliases: dict[tuple[str, str], str] = {}
        for (taxonomy, key), target in direct.items():
            seen = {key}
            while (taxonomy, term_key(target)) in direct and term_key(target) not in seen:
                seen.add(term_key(target))
                target = direct[taxonomy, term_key(target)]
            if taxonomy == "provinces":
                target = name_province(target).name
            self._aliases[taxonomy, key] = target

    def name(self, taxonomy: str, written: str) -> Naming:
        target = self._aliases.get((taxonomy, term_key(written)))
        if target is not None:
            return Naming(target, "alias")
        if taxonomy == "provinces":
            spelling = name_province(written)
            return Naming(spelling.name, spelling.how, spelling.near)
        return Naming(written, "as written")


@lru_cache(maxsize=8)  # one table per site; the build and its worker processes look it up per article
def term_names(aliases: tuple[Alias, ...] = ()) -> TermNames:
    return TermNames(aliases)


def alias_faults(aliases: Iterable[Alias]) -> list[tuple[int, str]]:
    """What is wrong with a site's aliases, as (index of the alias, message): an alias onto its own
    name, two spellings of one name sent to different names, a loop, and for provinces a target
    that names none. Aliases of a taxonomy this does not know are the caller's to report."""
    faults: list[tuple[int, str]] = []
    given = [(taxonomy, nfc(written).strip(), nfc(target).strip()) for taxonomy, written, target in aliases]
    first: dict[tuple[str, str], int] = {}
    for index, (taxonomy, written, target) in enumerate(given):
        where = f"[aliases.{taxonomy}] '{written}'"
        if written == target:
            faults.append((index, f"{where} is an alias of itself: remove it"))
            continue
        other = first.setdefault((taxonomy, term_key(written)), index)
        if other != index and given[other][2] != target:
            faults.append(
                (
                    index,
                    f"{where} and '{given[other][1]}' are one name (they share the page "
                    f"/{taxonomy}/{term_key(written)}/) sent to two: '{given[other][2]}' and '{target}'",
                )
            )
        if taxonomy == "provinces" and name_province(target).how == "unknown":
            near = name_province(target).near
            faults.append(
                (
                    index,
                    f"{where} = '{target}': '{target}' is not a province or centrally-run city"
                    + (f"; did you mean '{near}'?" if near else ""),
                )
            )
    direct = {(taxonomy, term_key(written)): (index, target) for index, (taxonomy, written, target) in enumerate(given)}
    reported: set[frozenset[str]] = set()
    for (taxonomy, key), (index, target) in direct.items():
        path, here, seen = [given[index][1]], key, {key}
        while (taxonomy, term_key(target)) in direct and term_key(target) != here:
            following = term_key(target)
            if following == key:
                loop = frozenset(term_key(name) for name in path)
                if loop not in reported:
                    reported.add(loop)
                    faults.append((index, f"[aliases.{taxonomy}] go round in a loop: {' → '.join([*path, target])}"))
                break
            if following in seen:
                break  # a loop that does not pass through this alias: reported from one of its own
            seen.add(following)
            path.append(target)
            here, target = following, direct[taxonomy, following][1]
    return sorted(faults)
