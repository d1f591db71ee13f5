"""How the search files are written (pure): the kinds of a shard's runs, the character
between a group's key and a term in a shard's first key, the digits of a lengths file, and
compact JSON. The browser's reader takes them from the manifest (:func:`encoding`), so the
two halves never keep copies of their own.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import orjson

from reform_archive.search.analysis import BIGRAM_MARK

__all__ = [
    "COUNTS",
    "COUNTS_IN_FOLDED",
    "DIGITS",
    "SCORES",
    "SCORES_IN_FOLDED",
    "WITHIN_GROUP",
    "encoding",
    "first_of",
    "json_bytes",
    "lengths_file",
]

# a run's kind: its documents' scores or counts, its documents themselves or their places in
# its group's folded term's list
SCORES = 0
COUNTS = 1
SCORES_IN_FOLDED = 2
COUNTS_IN_FOLDED = 3
WITHIN_GROUP = "\u0001"
DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"  # base64url's


def encoding() -> dict[str, Any]:
    """How the files are written, for the browser's reader (shards.js, analysis.js) to take
    from the manifest instead of copies of these constants: the run kinds, the character
    between a group's key and a term, the lengths' digits, the mark before a bigram."""
    return {
        "runs": {
            "scores": SCORES,
            "counts": COUNTS,
            "scores_in_folded": SCORES_IN_FOLDED,
            "counts_in_folded": COUNTS_IN_FOLDED,
        },
        "within_group": WITHIN_GROUP,
        "digits": DIGITS,
        "bigram_mark": BIGRAM_MARK,
    }


def json_bytes(value: Any) -> bytes:
    """Compact UTF-8 JSON, byte for byte what json.dumps(ensure_ascii=False, separators=(",", ":"))
    gives, about five times faster; numpy arrays are written directly. orjson's result keeps
    the buffer it reserved (65 KB for a 5 KB document, 1 MB for a list of 5,000 numbers), so
    what is kept is a copy of the bytes: 10,000 shards and documents held 400 MB more."""
    return bytes(memoryview(orjson.dumps(value, option=orjson.OPT_SERIALIZE_NUMPY)))


def first_of(term: str, key: str) -> str:
    """Where a shard starting at ``term`` sorts among shards: by its group, then, within a
    group (after the folded term, which is the key itself), by term. No term holds U+0001."""
    return key if term == key else f"{key}{WITHIN_GROUP}{term}"


def lengths_file(lengths: np.ndarray) -> bytes:
    """{"width": w, "lengths": "..."}: each document's length as w base-64 digits, no commas.
    A fifth smaller than a JSON list after gzip (docs/search.md), and read by index."""
    width = 1
    while 64**width <= int(lengths.max(initial=0)):
        width += 1
    digits = np.array(list(DIGITS.encode()), dtype=np.uint8)
    places = np.stack([(lengths >> (6 * (width - 1 - i))) & 63 for i in range(width)], axis=1)
    return json_bytes({"width": width, "lengths": digits[places].tobytes().decode("ascii")})
