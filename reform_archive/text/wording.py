"""A message catalogue's lookup: ``catalogue[name][language]``, filled in (pure).

The catalogues themselves stand with what speaks them (:mod:`reform_archive.source.messages`,
:mod:`reform_archive.config_messages`, :mod:`reform_archive.cli_messages`); this is the one
way they are read.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["Catalogue", "say_in"]

Catalogue = Mapping[str, Mapping[str, str]]


def say_in(catalogue: Catalogue, language: str, name: str, **fields: object) -> str:
    """The message ``name`` in ``language`` (English when there is no such language)."""
    wording = catalogue[name]
    return wording.get(language, wording["en"]).format(**fields)
