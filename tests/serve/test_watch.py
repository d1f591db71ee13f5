"""Which changed paths can change the site (pure but for a stat of the changed path)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reform_archive.serve.watch import relevant


@pytest.fixture
def site(tmp_path) -> Path:
    root = tmp_path / ".venv" / "lib" / "node_modules" / "site"  # even a site kept somewhere odd
    (root / "content" / "2022").mkdir(parents=True)
    (root / "static").mkdir()
    (root / "content" / "ghi-chu.txt").write_text("notes kept beside the articles")
    return root


def roots(site: Path) -> list[Path]:
    return [site / "content", site / "static"]


@pytest.mark.parametrize(
    ("relative", "expected"),
    [
        ("content/2022/bai.md", True),
        ("content/bai.md", True),
        ("content/2022", True),  # a folder moved in or out: one event for all its articles
        ("content/da-xoa", True),  # gone: it may have held articles
        ("content/_raw/trang.txt", False),
        ("content/_raw", False),
        ("content/.nhap.md", False),
        ("content/2022/.bai.md.swp", False),
        ("content/2022/bai.md~", False),
        ("content/2022/.#bai.md", False),
        ("content/ghi-chu.txt", False),  # exists and is not an article
        ("static/style.css", True),
        ("static/.well-known/security.txt", True),
        ("static/style.css.swp", False),
        ("static/.git/index", False),
        ("site.toml", True),
    ],
)
def test_relevant_changes(site, relative, expected):
    assert relevant(site / relative, site, roots(site)) is expected
