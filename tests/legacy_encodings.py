"""Encoders for test input in the legacy forms real pages arrive in."""

from __future__ import annotations

import unicodedata

# Windows-1258 has â, ê, ô, ơ, ư, ă, đ precomposed but the five tone marks only as combining marks.
_PRECOMPOSED_IN_1258 = {"\u0302", "\u0306", "\u031b"}


def encode_windows_1258(text: str) -> bytes:
    clusters: list[list[str]] = []
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char) and clusters:
            base, marks = clusters[-1]
            if char in _PRECOMPOSED_IN_1258:
                clusters[-1] = [unicodedata.normalize("NFC", base + char), marks]
            else:
                clusters[-1] = [base, marks + char]
        else:
            clusters.append([char, ""])
    return "".join(base + marks for base, marks in clusters).encode("cp1258")
