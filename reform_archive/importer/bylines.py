"""Bylines printed inside the opening of the body (pure).

Journals print the authors under the abstract, not over the headline: "TS. VŨ HOÀNG NAM" /
"Học viện Hành chính Quốc gia", or, when the page's metadata already names them, "Nguyễn
Văn An Khoa Luật, Trường Đại học X" and "Trần Bình1,*" with a "Tác giả liên hệ" label. These
lines are who wrote the article, not its text: they are taken out of the body and read.
"""

from __future__ import annotations

import re

from reform_archive.importer import metadata, names

__all__ = ["OPENING_LINES", "take_opening_bylines"]

OPENING_LINES = 8  # bylines are looked for among the body's first lines only: lower, a name is a quote's
_BULLET = re.compile(r"^\s*(?:[-•*+]|\d{1,2}[.)])\s+")  # an author list printed as a list
_MARKS = re.compile(r"^[\d\s,*†‡#]*$")  # "1,*": the footnote marks that tie an author to a workplace
_CORRESPONDING = re.compile(
    r"^\(?\*?\s*(?:tác\s+giả\s+liên\s+hệ|tác\s+giả\s+chịu\s+trách\s+nhiệm\s+chính|"
    r"corresponding\s+author)\s*[:.)]?\s*\S{0,60}$",
    re.IGNORECASE,
)


def take_opening_bylines(
    body: list[str], named: tuple[str, ...], credited: bool
) -> tuple[list[str], list[names.Byline]]:
    """The body without the bylines among its first lines, and what those said. ``named``
    are the authors the page's metadata gives (citation_author, JSON-LD): a line opening
    with one of them is that author's byline, whatever follows it. A name standing alone is
    a byline only when the page has ``credited`` nobody yet (a bulletin's second story
    signs its own)."""
    kept: list[str] = []
    found: list[names.Byline] = []
    after_byline = False
    for index, line in enumerate(body):
        if index >= OPENING_LINES:
            kept.extend(body[index:])
            break
        byline = _named_byline(line, named) or (None if credited else _standing_byline(index, body))
        if byline is not None:
            found.append(byline)
            after_byline = True
        elif after_byline and _CORRESPONDING.match(_BULLET.sub("", line).strip()):
            continue
        elif after_byline and found and metadata.affiliation_line(line) and not found[-1].affiliation:
            found[-1] = names.Byline(found[-1].authors, line.strip(), found[-1].honorific)
        else:
            after_byline = False
            kept.append(line)
    return kept, found


def _named_byline(line: str, named: tuple[str, ...]) -> names.Byline | None:
    text = _BULLET.sub("", line).strip()
    for name in named:
        if len(name.split()) < 2 or not text.startswith(name):
            continue
        rest = text[len(name) :].strip()
        if _MARKS.match(rest):
            return names.Byline((name,))
        rest = rest.lstrip(",;-–— ").strip()
        if metadata.affiliation_line(rest) or metadata.affiliation_line(rest.split(",", 1)[-1].strip()):
            return names.Byline((name,), rest)
    return None


def _standing_byline(index: int, body: list[str]) -> names.Byline | None:
    """A name standing alone with its workplace under it: a degree in front ("TS. VŨ HOÀNG
    NAM") or the name in capitals; a plain "Nguyễn Văn An" line could be anything."""
    line = body[index].strip()
    following = body[index + 1].strip() if index + 1 < len(body) else ""
    if not metadata.affiliation_line(following):
        return None
    byline = metadata.parse_byline(line)
    if byline is None or not metadata.names_a_person(byline):
        return None
    if byline.honorific or (line.isupper() and names.is_name(line)):
        return byline
    return None
