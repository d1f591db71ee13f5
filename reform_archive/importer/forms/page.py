"""What every input form is read into: pages and the problems met on the way."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["FORMS", "FormProblem", "RawPage", "front_matter_image"]

FORMS = ("text", "html", "feed", "jsonl", "csv", "warc")


@dataclass(frozen=True)
class RawPage:
    """One page of an input file, with the metadata its form records beside the text.

    ``text`` is what the plain-text importer reads (title line, dateline, paragraphs, one
    paragraph a line); the other fields come from structured metadata and are empty when
    the form does not record them.
    """

    text: str
    raw: bytes  # the bytes this page came from (the whole file, or the item's own slice)
    url: str = ""
    title: str = ""
    date: str = ""  # ISO 8601: "2020-10-14", "2020-10-14T08:15:00", "2020-10-14T08:15:00+07:00"
    date_modified: str = ""
    authors: tuple[str, ...] = ()
    image: str = ""
    image_alt: str = ""  # what the page says its image shows (og:image:alt …); "" when it says nothing
    form: str = "text"  # one of FORMS
    origin: str = ""  # "" for a one-page file, else "item 3", "line 12", "row 5", "record 4"
    line: int = 1  # where the page starts in the input file
    encoding: str = ""  # what the text was decoded from ("utf-8", "cp1258" …); "" when the caller decoded it


def front_matter_image(page: RawPage) -> tuple[str, str]:
    """The page's picture as front matter's ``image`` and ``image_alt``: only an absolute https
    address, which the site shows from where it is and never downloads (a relative address has
    no site to be relative to, an http one is blocked on https pages); else ("", "")."""
    image = page.image.strip()
    if not image.startswith("https://") or any(character.isspace() for character in image):
        return "", ""
    return image, " ".join(page.image_alt.split())


@dataclass(frozen=True)
class FormProblem:
    line: int
    message: str  # lower-case start, specific: "line 7: not valid JSON (…); skipped"
    warning: bool = False  # the page(s) concerned were still read (a date not understood, a recovered feed)
