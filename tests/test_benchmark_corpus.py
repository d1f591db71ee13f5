"""The synthetic benchmark corpus (benchmarks/corpus.py): deterministic, valid, realistic enough."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from benchmarks.corpus import iter_articles, write_site
from reform_archive.config import load_settings
from reform_archive.importer.entities import find_topics
from reform_archive.source.article import TOPICS
from reform_archive.source.loader import load_content

SYLLABLE = re.compile(r"[^\W\d_]+")


def files(directory: Path) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def syllables(count: int) -> set[str]:
    return {s for _, text in iter_articles(count, seed=1) for s in SYLLABLE.findall(text.lower())}


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    write_site(tmp_path / "a", 25, seed=3)
    write_site(tmp_path / "b", 25, seed=3)
    first = files(tmp_path / "a")
    assert first == files(tmp_path / "b")
    assert len(first) == 26  # site.toml and 25 articles
    assert list(iter_articles(25, seed=4)) != list(iter_articles(25, seed=3))


def test_a_smaller_corpus_is_a_prefix_of_a_larger_one() -> None:
    assert list(iter_articles(40)) == list(iter_articles(80))[:40]


def test_count_unique_slugs_and_shape() -> None:
    articles = list(iter_articles(300, seed=2))
    assert len(articles) == 300
    slugs = []
    for path, text in articles:
        front, body = text.split("\n---\n", 1)
        slug = re.search(r'^slug: "([a-z0-9-]+)"$', front, re.MULTILINE).group(1)
        year = re.search(r"^date: (\d{4})-", front, re.MULTILINE).group(1)
        assert path == f"content/{year}/{slug}.md"
        slugs.append(slug)
        title = re.search(r'^title: "(.*)"$', front, re.MULTILINE).group(1)
        assert 8 <= sum(any(c.isalnum() for c in word) for word in title.split()) <= 20
        assert 3000 <= len(body.encode()) <= 8000
    assert len(set(slugs)) == 300
    assert any("\n## " in text for _, text in articles) and any("\n- " in text for _, text in articles)


def test_text_is_nfc() -> None:
    for _, text in iter_articles(100, seed=5):
        assert unicodedata.is_normalized("NFC", text)


def test_loads_without_problems(tmp_path: Path) -> None:
    write_site(tmp_path, 30)
    settings = load_settings(tmp_path)
    assert (settings.base_url, settings.language, settings.per_page) == ("http://127.0.0.1:8000/", "vi", 20)
    loaded = load_content(tmp_path, ZoneInfo(settings.timezone))
    assert loaded.problems == ()
    assert len(loaded.articles) == 30
    for article in loaded.articles:
        assert article.summary and article.provinces and article.topics
        assert set(article.topics) <= set(TOPICS)
        assert 2015 <= article.date.year <= 2025
        for number in article.documents:  # stored normalised: "30c/NQ-CP" -> "30C/NQ-CP"
            assert number.casefold() in (article.title + article.body).casefold()
    assert sum(bool(article.documents) for article in loaded.articles) >= 25


def test_text_is_about_its_topics() -> None:
    """The importer's keyword table finds at least one of the front-matter topics in the text."""
    for _, text in iter_articles(60, seed=6):
        front, body = text.split("\n---\n", 1)
        topics = json.loads(re.search(r"^topics: (.*)$", front, re.MULTILINE).group(1))
        title = json.loads(re.search(r"^title: (.*)$", front, re.MULTILINE).group(1))
        assert set(find_topics(title, body)) & set(topics)


def test_write_site_refuses_existing_content(tmp_path: Path) -> None:
    write_site(tmp_path, 2)
    with pytest.raises(FileExistsError):
        write_site(tmp_path, 2)


def test_vocabulary_keeps_growing() -> None:
    small, large = len(syllables(100)), len(syllables(300))
    assert large > 1.4 * small
