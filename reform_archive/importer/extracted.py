"""What reading one page gives (frozen data): the article, notes on what was unsure, and
the evidence it was chosen from; and what the page's form says outside its text
(:class:`PageHints`). :func:`extract.extract` makes them."""

from __future__ import annotations

from dataclasses import dataclass

from reform_archive.importer import structure
from reform_archive.importer.dates import FoundDate
from reform_archive.importer.evidence import Candidate, PageLayout

__all__ = ["Evidence", "Extraction", "ImportedArticle", "Note", "PageHints"]


@dataclass(frozen=True)
class ImportedArticle:
    title: str
    date: FoundDate | None  # None: no date anywhere on the page (imported as a draft)
    body: str  # Markdown
    blocks: tuple[structure.Block, ...]
    summary: str = ""
    title_original: str = ""
    title_inferred: bool = False
    date_inferred: bool = False
    lastmod: FoundDate | None = None
    draft: bool = False
    draft_reason: str = ""  # why a page is not taken as an article ("a legal-document record…")
    category: str = ""
    authors: tuple[str, ...] = ()
    affiliation: str = ""
    honorific: str = ""
    source_name: str = ""
    source_url: str = ""
    image: str = ""  # the page's picture (an https address from its metadata, never downloaded)
    image_alt: str = ""
    provinces: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()

    @property
    def is_article(self) -> bool:
        return not self.draft_reason

    def plain_body(self) -> str:
        return "\n".join(block.text for block in self.blocks)


@dataclass(frozen=True)
class Note:
    """Something the importer was unsure of, and the front-matter key to check."""

    key: str
    message: str


@dataclass(frozen=True)
class Evidence:
    """The candidates the title and date were chosen from, and the body's lines the chrome
    model weighed with the page they were read from (for fitting and explaining)."""

    titles: tuple[Candidate[str], ...] = ()
    dates: tuple[Candidate[FoundDate], ...] = ()
    lines: tuple[Candidate[str], ...] = ()
    page: PageLayout | None = None
    headline: str = ""  # the title as the page prints it ("" when none was found)


@dataclass(frozen=True)
class Extraction:
    article: ImportedArticle | None
    warnings: tuple[Note, ...] = ()
    error: str = ""  # why there is no article
    evidence: Evidence = Evidence()


@dataclass(frozen=True)
class PageHints:
    """What the page's form said outside its text (HTML metadata, a feed item's fields, a
    JSON Lines record): it wins over guesses from the text."""

    title: str = ""
    date: FoundDate | None = None
    date_modified: FoundDate | None = None
    authors: tuple[str, ...] = ()
    image: str = ""  # og:image and its alt, as front matter's image and image_alt
    image_alt: str = ""
