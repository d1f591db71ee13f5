"""Decoded page text -> clean NFC text with Unix line ends (pure, idempotent).

Copy-paste and scrapers leave CRLF, NBSP, zero-width characters, HTML entities
(``c&ocirc;ng``), leftover tags (``<br>``, ``<p>``) and decomposed (NFD) Vietnamese.
"""

from __future__ import annotations

import html
import re
import unicodedata

__all__ = ["normalise_text", "without_pictographs"]

_CLEAN_CHARACTERS = {
    **dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None),  # zero-width, soft hyphen
    **dict.fromkeys(map(ord, "\u00a0\u202f\u2007\u3000"), " "),  # wide and fixed spaces
}
# Only real HTML tag names count as tags: "x < y và z > w" is text and must survive.
_INLINE_TAGS = (
    "a|abbr|b|big|button|center|code|em|font|form|i|iframe|img|input|label|link|meta|nav|"
    "small|span|strong|sub|sup|table|tbody|td|th|thead|tfoot|u|ul|ol|figure|figcaption|"
    "header|footer|hr|pre|noscript|picture|source|video|audio|svg|path|time|mark|s|strike"
)
_BLOCK_NAMES = "p|div|li|tr|h[1-6]|section|article|blockquote|main|aside"
# the start of what is dropped whole, up to its end: scripts, styles and comments
_DROPPED_START = re.compile(r"<(script|style|noscript)\b[^<>]*>|<!--", re.IGNORECASE)
_CLOSINGS = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in ("script", "style", "noscript")}
_CLOSINGS["--"] = re.compile("-->")
_BREAK_TAG = re.compile(r"<br\s*/?\s*>", re.IGNORECASE)
_BLOCK_TAG = re.compile(rf"</?(?:{_BLOCK_NAMES})(?:\s[^<>]*)?/?>", re.IGNORECASE)
_ANY_TAG = re.compile(rf"</?(?:{_INLINE_TAGS}|{_BLOCK_NAMES}|br)(?:\s[^<>]*)?/?>", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_RUNS_OF_SPACES = re.compile(r" {2,}")
# a tab, or three spaces or more, between words: a gap between table columns, kept as one tab
_AROUND_TAG = re.compile(r"[ \x00]*\x00[ \x00]*")
_TWO_SPACES = re.compile(r"(?<=\S) {2}(?=\S)")
_COLUMN_GAP = re.compile(r"[ \t]*\t[ \t]*|(?<=\S) {3,}(?=\S)")
_BLANK_LINES = re.compile(r"\n{3,}")
# what scrapers that write Markdown leave: "# Title", "**Ngày đăng:** …", "![ảnh](…)", "[Xem thêm](…)"
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(?=\S)")
_MARKDOWN_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_MARKDOWN_LINK = re.compile(r"\[([^\]\n]+)\]\((?:https?://|/|\.)[^)\s]*\)")
_MARKDOWN_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


def normalise_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _drop_scripts_and_comments(text)
    text = _BREAK_TAG.sub("\n", text)
    text = _BLOCK_TAG.sub("\n\n", text)
    # a tag goes; the spaces round it become one (never a table's column gap), or none
    text = _AROUND_TAG.sub(lambda gap: " " if " " in gap.group() else "", _ANY_TAG.sub("\x00", text))
    text = _unescape_entities(text)
    text = _CONTROL.sub("", text.translate(_CLEAN_CHARACTERS))
    text = unicodedata.normalize("NFC", text)
    lines = [
        _RUNS_OF_SPACES.sub(" ", _COLUMN_GAP.sub("\t", _menu_bars(_markdown_free(line.strip()))))
        for line in text.split("\n")
    ]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip("\n") + "\n" if any(lines) else ""


def _menu_bars(line: str) -> str:
    """ "Thời sự  Góc nhìn  Thế giới  Video  Kinh doanh": a menu copied with its items two
    spaces apart keeps them apart ("Thời sự | Góc nhìn | …") instead of running into a line
    that reads like a headline. Only short items with no digits and two-space gaps (three or
    more are a table's columns)."""
    items = _TWO_SPACES.split(line)
    if len(items) < 5 or "   " in line or "\t" in line:
        return line
    if all(
        len(item.split()) <= 4
        and item[:1].isupper()
        and not any(c.isdigit() for c in item)
        and item[-1:] not in ".:;?!"
        for item in items
    ):  # a menu's items are names, each capitalised
        return " | ".join(items)
    return line


def _drop_scripts_and_comments(text: str) -> str:
    """Remove <script>, <style>, <noscript> elements and comments with their content. One
    pass with plain searches: a regular expression would rescan the rest of the text for
    every unclosed opening."""
    kept, position = [], 0
    while match := _DROPPED_START.search(text, position):
        closing = _CLOSINGS[(match.group(1) or "--").lower()].search(text, match.end())
        if closing is None:
            break  # unclosed: what follows is kept as text
        kept.append(text[position : match.start()])
        position = closing.end()
    kept.append(text[position:])
    return "".join(kept)


def _unescape_entities(text: str) -> str:
    # Entities can be escaped twice by careless scrapers ("&amp;ocirc;"); stop when stable.
    for _ in range(3):
        unescaped = html.unescape(text)
        if unescaped == text:
            break
        text = unescaped
    # what the entities produced may be markup again (invisible characters are cleaned by the caller)
    return _ANY_TAG.sub("", text)


def _markdown_free(line: str) -> str:
    """A line as its text, without the Markdown a scraper wrote around it: an image is its
    alt text (placeholders such as "ảnh" are chrome later), a link its text."""
    if "#" not in line and "[" not in line and "*" not in line and "_" not in line:
        return line
    line = _MARKDOWN_HEADING.sub("", line)
    line = _MARKDOWN_IMAGE.sub(lambda m: m.group(1) or "image", line)
    line = _MARKDOWN_LINK.sub(r"\1", line)
    return _MARKDOWN_STRONG.sub(r"\2", line)


_PICTOGRAPHS = {"So", "Sk", "Cf"}  # symbols and emoji, their modifiers, joiners


def without_pictographs(text: str, leading: bool = True) -> str:
    """ "📢 THÔNG BÁO: … ✅" -> "THÔNG BÁO: …": a post's emoji are not its words (``leading``:
    from both ends, else only from the end)."""
    start, end = 0, len(text)
    while leading and start < end and _pictograph(text[start]):
        start += 1
    while end > start and _pictograph(text[end - 1]):
        end -= 1
    return text[start:end]


def _pictograph(char: str) -> bool:
    return unicodedata.category(char) in _PICTOGRAPHS or char.isspace() or char == "\ufe0f"  # emoji presentation
