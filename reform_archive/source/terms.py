"""The names an article is filed under, from what its front matter writes (pure).

Each value of ``provinces``, ``topics``, ``tags`` and the authors goes through the site's
aliases and, for provinces, the built-in table of their names
(:mod:`reform_archive.text.term_names`). What was written is kept beside the name, with its
line, so that the model can say once what it did with a spelling (a note), look for a tag that
is probably a misspelt other one, and redirect an old term page.
"""

from __future__ import annotations

from typing import NamedTuple

from reform_archive.errors import Problem, warning
from reform_archive.source.messages import say
from reform_archive.text.suggest import nearest
from reform_archive.text.term_names import TermNames, term_key
from reform_archive.text.vietnamese import fold

__all__ = ["WrittenTerm", "file_terms"]


class WrittenTerm(NamedTuple):
    """One value as the front matter writes it and the name it is filed under."""

    taxonomy: str
    written: str
    name: str
    line: int
    how: str  # a Naming's: "as written", "alias", "canonical", "other spelling", "informal", "misspelt", "unknown"


def file_terms(
    taxonomy: str,
    written: list[tuple[str, int]],
    names: TermNames,
    path: str,
    language: str,
    topics: tuple[str, ...] = (),
) -> tuple[tuple[str, ...], tuple[WrittenTerm, ...], list[Problem]]:
    """``written``: (value, line) in order. Returns the names (one per term: two spellings of one
    name count once), every value with its name, and the warnings: a province misspelt or unknown,
    a topic not among ``topics``."""
    filed: dict[str, str] = {}  # term key -> the name, first spelling first
    found: list[WrittenTerm] = []
    problems: list[Problem] = []
    for value, line in written:
        naming = names.name(taxonomy, value)
        filed.setdefault(term_key(naming.name), naming.name)
        found.append(WrittenTerm(taxonomy, value, naming.name, line, naming.how))
        if naming.how == "misspelt":
            problems.append(
                warning(path, line, say(language, "province_misspelt", written=value, canonical=naming.name))
            )
        elif naming.how == "unknown" and naming.near:
            problems.append(
                warning(path, line, say(language, "province_unknown_near", written=value, near=naming.near))
            )
        elif naming.how == "unknown":
            problems.append(warning(path, line, say(language, "province_unknown", written=value)))
        elif taxonomy == "topics" and naming.name.lower() not in topics:
            problems.append(warning(path, line, _unknown_topic(naming.name, topics, language)))
    return tuple(filed.values()), tuple(found), problems


def _unknown_topic(topic: str, topics: tuple[str, ...], language: str) -> str:
    near = nearest(fold(topic), {fold(known): known for known in topics})
    closest = {fold(known): known for known in topics}.get(near or "", "")
    return say(
        language,
        "topic_unknown",
        topic=topic,
        known="; ".join(topics),
        near=say(language, "did_you_mean", near=closest) if closest else "",
    )
