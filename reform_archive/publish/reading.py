"""Reading aids of an article page: reading time, a table of contents, share links (pure)."""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import quote, urlencode

__all__ = [
    "SYLLABLES_PER_MINUTE",
    "TOC_MIN_HEADINGS",
    "TOC_MIN_WORDS",
    "reading_minutes",
    "share_links",
    "table_of_contents",
]

# Vietnamese is written a syllable per word; adult silent reading of news runs at about 200-250
# of them a minute, so the middle is used (English words are longer, and slower: close enough)
SYLLABLES_PER_MINUTE = 230
TOC_MIN_HEADINGS = 3  # fewer sections are seen at a glance
TOC_MIN_WORDS = 800  # about four minutes: a short piece needs no map

# headings as the Markdown toc extension writes them: <h2 id="...">…</h2>, the id always first
_HEADING = re.compile(r'<h([23]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
_TAG = re.compile(r"<[^>]+>")


def reading_minutes(words: int) -> int:
    """Whole minutes to read so many words (a Markdown body's space-separated ones), at least one."""
    return max(1, round(words / SYLLABLES_PER_MINUTE))


def table_of_contents(article_html: str, words: int) -> list[dict[str, Any]]:
    """The h2 and h3 headings of a long article as {level, id, text}, or [] when it is short or
    has fewer than TOC_MIN_HEADINGS of them. The text is plain: the template escapes it again."""
    if words < TOC_MIN_WORDS or "<h2" not in article_html:
        return []
    headings = [
        {"level": int(level), "id": anchor, "text": html.unescape(_TAG.sub("", inner)).strip()}
        for level, anchor, inner in _HEADING.findall(article_html)
    ]
    headings = [h for h in headings if h["text"]]
    return headings if len(headings) >= TOC_MIN_HEADINGS else []


def share_links(url: str, title: str) -> list[dict[str, str]]:
    """Plain links to share the page, no scripts and no third-party code loaded with the page.
    Zalo has no share address that works without its JavaScript SDK, so it is not offered."""
    if not url.startswith(("https://", "http://")):
        return []  # a site built without an absolute base URL has nothing to share
    return [
        {"name": "facebook", "url": "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})},
        {"name": "x", "url": "https://x.com/intent/post?" + urlencode({"url": url, "text": title})},
        {"name": "email", "url": f"mailto:?subject={quote(title)}&body={quote(url, safe='')}"},
    ]
