"""An :class:`ImportedArticle` -> the text of a content file (pure).

Strings are written as YAML double-quoted scalars (text.yaml_string): no value
can turn into a boolean, a number or a date ("no", "2024"), and any character survives.
The file records a hash of itself (``imported_sha256``), so a later import can tell an
editor's changes from its own output.
"""

from __future__ import annotations

import hashlib
import re

from reform_archive.importer.extracted import ImportedArticle
from reform_archive.text.vietnamese import slugify
from reform_archive.text.yaml_string import yaml_string

__all__ = [
    "HASH_KEY",
    "content_hash",
    "edited_by_hand",
    "fallback_slug",
    "recorded_hash",
    "render",
    "with_hash",
]

HASH_KEY = "imported_sha256"
_HASH_LINE = re.compile(rf"^{HASH_KEY}:.*\n?", re.MULTILINE)


def _list(values: tuple[str, ...]) -> str:
    return "[" + ", ".join(yaml_string(v) for v in values) + "]"


def render(article: ImportedArticle, *, slug: str, raw: str, source_sha256: str, encoding: str) -> str:
    """``slug`` is the file's name: written out so that the address stays when an editor
    corrects the headline."""
    if not slug and not slugify(article.title):
        slug = fallback_slug(article)
    lines = ["---"]

    def text(key: str, value: str) -> None:  # written only when there is something to say
        if value:
            lines.append(f"{key}: {yaml_string(value)}")

    def plain(key: str, value: str | bool) -> None:  # a date, a word or true: no quotes needed
        if value:
            lines.append(f"{key}: {'true' if value is True else value}")

    text("title", article.title)
    text("title_original", article.title_original)
    plain("title_inferred", article.title_inferred)
    text("slug", slug)
    plain("draft", article.draft)
    text("draft_reason", article.draft_reason)
    plain("date", article.date.iso() if article.date else "")
    plain("date_precision", article.date.precision if article.date and article.date.precision != "day" else "")
    plain("date_inferred", article.date_inferred)
    plain("lastmod", article.lastmod.iso() if article.lastmod else "")
    text("summary", article.summary)
    text("category", article.category)
    text("author", article.authors[0] if len(article.authors) == 1 else "")
    if len(article.authors) > 1:
        lines.append(f"authors: {_list(article.authors)}")
    text("author_title", article.honorific)
    text("author_affiliation", article.affiliation)
    if article.source_name or article.source_url:
        lines.append("source:")
        text("  name", article.source_name or _host(article.source_url))
        text("  url", article.source_url)
    text("image", article.image)
    text("image_alt", article.image_alt if article.image else "")
    for key in ("provinces", "topics", "documents", "tags"):
        if values := getattr(article, key):
            lines.append(f"{key}: {_list(values)}")
    lines += [f"raw: {yaml_string(raw)}", f"source_sha256: {source_sha256}", f"source_encoding: {encoding}", "---", ""]
    return with_hash("\n".join(lines) + article.body)


def fallback_slug(article: ImportedArticle) -> str:
    """For a title with nothing to make a slug of (symbols only): the summary's, or a fixed word."""
    return slugify(article.summary) or "bai-viet"


def _host(url: str) -> str:
    match = re.match(r"https?://([^/:?#]+)", url)
    return match.group(1).removeprefix("www.") if match else url


def content_hash(text: str) -> str:
    """The hash of a content file, leaving out its own hash line."""
    return hashlib.sha256(_HASH_LINE.sub("", text).encode("utf-8")).hexdigest()


def with_hash(text: str) -> str:
    """Add the hash line as the front matter's last key."""
    head, separator, body = text.partition("\n---\n")
    return f"{head}\n{HASH_KEY}: {content_hash(text)}{separator}{body}"


def recorded_hash(text: str) -> str:
    match = re.search(rf"^{HASH_KEY}:\s*([0-9a-f]{{64}})\s*$", text, re.MULTILINE)
    return match.group(1) if match else ""


def edited_by_hand(text: str) -> bool:
    """True when the file is not exactly what the importer wrote (or never was)."""
    recorded = recorded_hash(text)
    return not recorded or recorded != content_hash(text)
