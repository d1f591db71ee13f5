"""Small golden files where the shape of the output matters (run with UPDATE_GOLDEN=1 to refresh,
then read the diff before committing)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import SITES, build_to_memory

GOLDEN = Path(__file__).parent / "golden" / "minimal"
FILES = [
    "2023/12/bo-phan-mot-cua-cap-xa/index.html",
    "documents/72-tb-ubnd/index.html",
    "search/index.html",
    "search/manifest.json",
    "feed.xml",
    "sitemap.xml",
    "robots.txt",
]


@pytest.fixture(scope="module")
def minimal_files() -> dict[str, bytes]:
    return build_to_memory(SITES / "minimal", strict=True)


@pytest.mark.parametrize("path", FILES)
def test_output_matches_golden(minimal_files, path):
    golden = GOLDEN / path.replace("/", "__")
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(minimal_files[path])
    assert minimal_files[path].decode("utf-8") == golden.read_text(encoding="utf-8")
