"""An article as written in content/, validated but not yet placed in a site (the parser's
result, :mod:`reform_archive.source.parse`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from reform_archive.readonly import ReadOnlyMapping
from reform_archive.source.citations import Citation
from reform_archive.source.cover import Cover
from reform_archive.source.terms import WrittenTerm

__all__ = ["EARLIEST_YEAR", "LATEST_YEAR", "TOPICS", "Source", "SourceArticle"]

TOPICS = (
    "thể chế",
    "thủ tục hành chính",
    "tổ chức bộ máy",
    "chế độ công vụ",
    "tài chính công",
    "chính quyền điện tử/số",
)
# Four-digit years, with a year to spare at each end for any time-zone offset: dates are
# converted to UTC (feeds, sitemaps, scripts), which overflows at the ends of Python's range.
EARLIEST_YEAR = 1000
LATEST_YEAR = 9998


@dataclass(frozen=True)
class Source:
    name: str
    url: str = ""


@dataclass(frozen=True)
class SourceArticle:
    """An article as written in content/, validated but not yet placed in a site."""

    path: str
    title: str
    date: datetime
    body: str
    body_line: int
    slug: str
    summary: str = ""
    lastmod: datetime | None = None
    tags: tuple[str, ...] = ()
    draft: bool = False
    aliases: tuple[str, ...] = ()
    category: str = ""
    authors: tuple[str, ...] = ()
    source: Source | None = None
    provinces: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    date_precision: str = "day"
    raw: str = ""
    source_sha256: str = ""
    extra: Mapping[str, Any] = field(default_factory=lambda: ReadOnlyMapping({}))
    # each value of provinces, topics, tags and authors as written, with the name it is filed under
    written_terms: tuple[WrittenTerm, ...] = ()
    cover: Cover | None = None  # `image` and `image_alt`
    citations: tuple[Citation, ...] = ()  # where the text cites its documents (made by prepare)
