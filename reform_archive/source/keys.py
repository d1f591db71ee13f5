"""Front-matter keys: those :mod:`reform_archive.source.parse` reads, those the importer
writes for templates, and for any other the warning that says what was probably meant (pure).

Keys meant for templates go under ``extra:``; the importer's keys are known by name here,
so a key the importer starts writing is added to ``IMPORTER_KEYS``.
"""

from __future__ import annotations

import re

from reform_archive.source.messages import say
from reform_archive.text.suggest import nearest

__all__ = ["IMPORTER_KEYS", "KNOWN_KEYS", "READ_KEYS", "unknown_key"]

READ_KEYS = (
    "title",
    "date",
    "lastmod",
    "slug",
    "summary",
    "tags",
    "draft",
    "aliases",
    "category",
    "author",
    "authors",
    "source",
    "provinces",
    "topics",
    "documents",
    "date_precision",
    "raw",
    "source_sha256",
    "extra",
    "image",
    "image_alt",
)
# written by the importer (reform_archive.importer.output), given to templates as article.extra
IMPORTER_KEYS = (
    "title_original",
    "title_inferred",
    "draft_reason",
    "date_inferred",
    "author_title",
    "author_affiliation",
    "source_encoding",
    "imported_sha256",
)
KNOWN_KEYS = READ_KEYS + IMPORTER_KEYS
# Hugo's and Jekyll's names for what has another name here (lowercased, without '_' or '-')
_INSTEAD = {
    "description": "summary",
    "excerpt": "summary",
    "published": "draft",
    "publishdate": "date",
    "pubdate": "date",
    "updated": "lastmod",
    "modified": "lastmod",
    "keywords": "tags",
}


def unknown_key(key: str, language: str) -> str | None:
    """The warning for a key nothing reads, naming the nearest known key when one is close;
    None for a known key."""
    if key in KNOWN_KEYS:
        return None
    near = _INSTEAD.get(re.sub(r"[_-]", "", key.casefold())) or nearest(key, KNOWN_KEYS)
    return say(language, "unknown_key_near", key=key, near=near) if near else say(language, "unknown_key", key=key)
