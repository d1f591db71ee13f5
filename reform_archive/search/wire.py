"""The index's wire format read back into lunr's own serialisation: the same steps as
engine.js takes in the browser, so tests can hand a built index to lunr.py and compare."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["expand"]


def expand(wire: Mapping[str, Any]) -> dict[str, Any]:
    """The wire format back to lunr's serialisation (the same steps as engine.js's)."""
    postings: list[dict[str, Any]] = [
        {"_index": i, **{f: {} for f in wire["fields"]}} for i in range(len(wire["terms"]))
    ]
    vectors = []
    for field_ref, gaps, scores in wire["fieldVectors"]:
        field, ref = field_ref.split("/", 1)
        elements, index = [], 0
        for gap, score in zip(gaps, scores, strict=True):
            index += gap
            elements += [index, score]
            postings[index][field][ref] = {}
        vectors.append([field_ref, elements])
    return {
        "version": wire["version"],
        "fields": wire["fields"],
        "pipeline": wire["pipeline"],
        "fieldVectors": vectors,
        "invertedIndex": [[t, p] for t, p in zip(wire["terms"], postings, strict=True)],
    }
