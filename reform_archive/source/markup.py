"""Markdown -> safe HTML, and plain-text excerpts (pure).

Raw HTML in content is allowed but sanitised by nh3: no scripts, no event handlers, no
``javascript:`` URLs. Root-relative links (``/2022/09/x/``) get the site's base path so
they keep working when the site lives under a sub-path.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from functools import lru_cache
from urllib.parse import unquote

import markdown
import nh3

from reform_archive.text.vietnamese import slugify

__all__ = [
    "EXTENSIONS",
    "FOOTNOTE_BACKLINK",
    "excerpt",
    "first_paragraph",
    "image_sources",
    "paragraphs_text",
    "plain_text",
    "to_html",
    "with_image_sizes",
]

EXTENSIONS = ["tables", "footnotes", "fenced_code", "def_list", "abbr", "attr_list", "sane_lists", "toc"]
_ALLOWED_TAGS = nh3.ALLOWED_TAGS | {"figure", "figcaption", "section", "details", "summary", "mark"}
_ALLOWED_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href", "rel", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "td": {"colspan", "rowspan", "align", "style"},
    "th": {"colspan", "rowspan", "align", "scope", "style"},
    "ol": {"start", "type", "reversed"},
    "abbr": {"title"},
}
_URL_ATTRIBUTES = {"href", "src"}
_TAG = re.compile(r"<[^>]+>")
_IMG = re.compile(r"<img\b([^>]*)>")
_ATTRIBUTE = re.compile(r'\s([a-z-]+)="([^"]*)"')  # as nh3 writes them: lower case, double quotes
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

    return _IMG.sub(
        _lazy,
        nh3.clean(
            rendered,
            tags=_ALLOWED_TAGS,
            attributes=_ALLOWED_ATTRIBUTES,
            attribute_filter=rebase,
            url_schemes={"http", "https", "mailto", "tel"},
            link_rel=None,
        ),
    )


def _lazy(found: re.Match[str]) -> str:
    """A body's pictures load as they come into view and decode off the main thread, unless
    the writer said otherwise."""
    written = {name for name, _ in _ATTRIBUTE.findall(found.group(1))}
    added = ("" if "loading" in written else ' loading="lazy"') + ("" if "decoding" in written else ' decoding="async"')
    return f"<img{found.group(1)}{added}>"


def image_sources(fragment: str, base_path: str) -> tuple[str, ...]:
    """The pictures of this site a body shows, as paths inside static/ ("images/a b.jpg"), each once."""
    if "<img" not in fragment:
        return ()
    found = []
    for tag in _IMG.finditer(fragment):
        src = dict(_ATTRIBUTE.findall(tag.group(1))).get("src", "")
        if src.startswith(base_path) and not src.startswith("//"):
            found.append(unquote(html.unescape(src[len(base_path) :])))
    return tuple(dict.fromkeys(found))


def with_image_sizes(fragment: str, base_path: str, sizes: Mapping[str, tuple[int, int]]) -> str:
    """``width`` and ``height`` on a body's pictures of this site whose size is known (by their
    path inside static/), so the text does not jump as they load; a size written by hand stays."""
    if not sizes or "<img" not in fragment:
        return fragment

    def sized(tag: re.Match[str]) -> str:
        attributes = dict(_ATTRIBUTE.findall(tag.group(1)))
        src = attributes.get("src", "")
        size = sizes.get(unquote(html.unescape(src[len(base_path) :]))) if src.startswith(base_path) else None
        if size is None or "width" in attributes or "height" in attributes:
            return tag.group(0)
        return f'<img{tag.group(1)} width="{size[0]}" height="{size[1]}">'

    return _IMG.sub(sized, fragment)


def plain_text(fragment: str) -> str:
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", fragment))).strip()


def paragraphs_text(fragment: str) -> str:
    """Plain text with a line per paragraph, heading, list item or table cell: where a
    sentence ends though no full stop says so."""
    lines = (plain_text(part) for part in _BLOCK_END.split(fragment))
    return "\n".join(line for line in lines if line)


_BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|td|th|tr|blockquote|div|dd|dt|figcaption)>|<br\s*/?>", re.IGNORECASE)


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
