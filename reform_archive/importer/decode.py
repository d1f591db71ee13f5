"""Raw bytes -> text, reporting the encoding used; nothing is silently mangled (pure).

Scraped pages arrive as UTF-8 (with or without BOM), UTF-16 with BOM, or legacy encodings
such as Windows-1258, whose Vietnamese letters carry their tone marks as separate
combining characters. Bytes that cannot be decoded reliably are reported, not guessed.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import charset_normalizer

__all__ = ["MAX_BYTES", "MAX_CHAOS", "Decoded", "decode", "too_big"]

MAX_BYTES = 20 * 1024 * 1024  # a scraped article is kilobytes; anything this big is not one
# charset-normalizer's "chaos" (0 = clean text): above this the guess is not trusted
MAX_CHAOS = 0.2

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class Decoded:
    text: str | None  # None when the bytes could not be decoded reliably
    encoding: str  # what was used, e.g. "utf-8", "utf-16", "cp1258"; "" when nothing was
    problem: str = ""  # why text is None
    line: int = 1  # where the problem is, when it has a place


def decode(data: bytes, max_bytes: int = MAX_BYTES) -> Decoded:
    if len(data) > max_bytes:
        return Decoded(None, "", too_big(len(data), max_bytes))
    if not data.strip():
        return Decoded(None, "", "file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding)
    if b"\0" in data:
        # binary, or UTF-16/32 without a BOM: guessing which would risk mangled text
        return Decoded(
            None, "", "contains NUL bytes: binary data, or UTF-16/32 without a byte-order mark (save it as UTF-8)"
        )
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        return _damaged_utf8(data, exc) or _detect(data)


def too_big(size: int, max_bytes: int = MAX_BYTES) -> str:
    return f"file is {size / 1048576:.1f} MB, more than the {max_bytes / 1048576:.0f} MB an article can be"


def _damaged_utf8(data: bytes, first: UnicodeDecodeError) -> Decoded | None:
    """Mostly UTF-8 with a few bad bytes is a damaged UTF-8 file, not a legacy encoding:
    say where, rather than decode it all as something else."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    multibyte = sum(1 for char in text if ord(char) > 0x7F) - bad
    if multibyte < 3 * bad:
        return None
    line = data.count(b"\n", 0, first.start) + 1
    return Decoded(
        None,
        "",
        f"UTF-8 with {bad} invalid byte sequence(s), the first on line {line} (byte {data[first.start]:#04x})",
        line,
    )


def _strict(data: bytes, encoding: str) -> Decoded:
    try:
        return Decoded(data.decode(encoding).lstrip("\ufeff"), encoding.removesuffix("-sig"))
    except UnicodeDecodeError as exc:
        return Decoded(None, "", f"starts with a {encoding} byte-order mark but byte {exc.start} is not {encoding}")


def _detect(data: bytes) -> Decoded:
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        return Decoded(None, "", "cannot decode reliably: no encoding gives readable text")
    if best.chaos > MAX_CHAOS:
        return Decoded(
            None,
            "",
            f"cannot decode reliably: the best guess, {best.encoding}, gives {best.chaos:.0%} garbled characters",
        )
    return Decoded(str(best), best.encoding)
