"""Pages the importer was not written against (tests/importer/pages/ and pages_unseen/,
written by others from the issue's list and from real portals' layouts): what a careful
human extracts from each, in expected.toml, is what the importer must extract."""

from __future__ import annotations

import tomllib
import unicodedata
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from reform_archive.importer.decode import decode
from reform_archive.importer.extract import extract
from reform_archive.importer.normalise import normalise_text
from reform_archive.importer.output import render
from reform_archive.source.markup import plain_text, to_html
from reform_archive.source.parse import parse_article

CORPORA = [Path(__file__).parent / name for name in ("pages", "pages_unseen")]
CASES = [
    (folder, name, expected)
    for folder in CORPORA
    for name, expected in tomllib.loads((folder / "expected.toml").read_text("utf-8")).items()
]


def imported(folder: Path, name: str):
    decoded = decode((folder / name).read_bytes())
    extraction = extract(normalise_text(decoded.text))
    assert extraction.article is not None, extraction.error
    text = render(extraction.article, slug="", raw=f"_raw/{name}", source_sha256="0" * 64, encoding=decoded.encoding)
    parsed, problems = parse_article(text, name, ZoneInfo("Asia/Ho_Chi_Minh"))
    assert parsed is not None and not [p for p in problems if p.level == "error"], problems
    return extraction.article, parsed


@pytest.mark.parametrize("folder, name, expected", CASES, ids=[f"{f.name}/{n}" for f, n, _ in CASES])
def test_page(folder, name, expected):
    article, parsed = imported(folder, name)
    body = plain_text(to_html(article.body))
    assert body == unicodedata.normalize("NFC", body)

    assert article.title == expected["title"]
    assert article.title_inferred == expected.get("title_inferred", False)
    assert article.title_original == expected.get("title_original", "")
    assert article.date.iso() == expected["date"]
    assert article.date.precision == expected.get("date_precision", "day")
    assert article.date_inferred == expected.get("date_inferred", False)
    authors = expected.get("author", [])
    authors = [authors] if isinstance(authors, str) else authors
    assert list(parsed.authors) == authors
    assert parsed.category == expected.get("category", "")
    assert parsed.extra.get("author_affiliation", "") == expected.get("author_affiliation", "")
    assert (parsed.source.name if parsed.source else "") == expected.get("source", "")
    if "provinces" in expected:
        assert parsed.provinces[: len(expected["provinces"])] == tuple(expected["provinces"])
    assert set(expected.get("documents", ())) <= set(parsed.documents)
    assert not set(expected.get("not_documents", ())) & set(parsed.documents)
    assert set(expected.get("tags_include", ())) <= set(parsed.tags)
    assert [b.text for b in article.blocks if b.kind == "heading"] == expected.get("headings", [])
    for text in expected.get("body_contains", ()):
        assert text in body
    for text in expected.get("body_excludes", ()):
        assert text not in body
    items = {b.text for b in article.blocks if b.kind == "item"}
    for text in expected.get("list_items", ()):
        assert text in items
