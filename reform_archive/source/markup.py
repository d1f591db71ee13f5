"""Markdown -> safe HTML, and plain-text excerpts (pure).

Raw HTML in content is allowed but sanitised by nh3: no scripts, no event handlers, no
``javascript:`` URLs. Root-relative links (``/2022/09/x/``) get the site's base path so
they keep working when the site lives under a sub-path.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

import markdown
import nh3

from reform_archive.text.vietnamese import slugify

__all__ = ["EXTENSIONS", "FOOTNOTE_BACKLINK", "excerpt", "first_paragraph", "plain_text", "to_html"]

EXTENSIONS = ["tables", "footnotes", "fenced_code", "def_list", "abbr", "attr_list", "sane_lists", "toc"]
_ALLOWED_TAGS = nh3.ALLOWED_TAGS | {"figure", "figcaption", "section", "details", "summary", "mark"}
_ALLOWED_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href", "rel", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "align", "style"},
    "th": {"colspan", "rowspan", "align", "scope", "style"},
    "ol": {"start", "type", "reversed"},
    "abbr": {"title"},
}
_URL_ATTRIBUTES = {"href", "src"}
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


FOOTNOTE_BACKLINK = {"vi": "Quay lại chú thích %d trong bài", "en": "Jump back to footnote %d in the text"}


@lru_cache(maxsize=8)
def _converter(language: str) -> markdown.Markdown:
    return markdown.Markdown(
        extensions=EXTENSIONS,
        extension_configs={
            "toc": {"slugify": lambda value, separator: slugify(value) or "muc"},
            "footnotes": {"BACKLINK_TITLE": FOOTNOTE_BACKLINK.get(language, FOOTNOTE_BACKLINK["en"])},
        },
        output_format="html",
    )


def to_html(text: str, base_path: str = "/", language: str = "vi") -> str:
    converter = _converter(language)
    converter.reset()
    rendered = converter.convert(text)

    def rebase(element: str, attribute: str, value: str) -> str:
        if attribute in _URL_ATTRIBUTES and value.startswith("/") and not value.startswith("//"):
            return base_path.rstrip("/") + value
        return value

    return nh3.clean(
        rendered,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        attribute_filter=rebase,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel=None,
    )


def plain_text(fragment: str) -> str:
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", fragment))).strip()


def excerpt(text: str, limit: int = 240) -> str:
    """The first ``limit`` characters of ``text``, cut at a word boundary."""
    text = _SPACE.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:–-") + "…"


def first_paragraph(fragment: str) -> str:
    match = re.search(r"<p>(.*?)</p>", fragment, re.DOTALL)
    return plain_text(match.group(1)) if match else plain_text(fragment)
