"""The header's menu from site.toml's [[menu]] tables (issue 23, item 6)."""

from __future__ import annotations

import lxml.html
import pytest
from conftest import build_to_memory
from sitemaker import article, make_site

from reform_archive.config import parse_settings
from reform_archive.errors import ConfigError
from reform_archive.menu import MenuItem, parse_menu

MENU = """
[[menu]]
name = "Lĩnh vực"
url = "topics/"

[[menu]]
name = "Giới thiệu"
url = "/gioi-thieu/"

[[menu]]
name = "Cổng Dịch vụ công"
url = "https://dichvucong.gov.vn/"
"""


def test_parse_menu_keeps_the_order_and_rejects_other_shapes():
    assert parse_menu([{"name": " Lĩnh  vực ", "url": "topics/"}, {"name": "DVC", "url": "https://dvc.gov.vn/"}]) == (
        MenuItem("Lĩnh vực", "topics/"),
        MenuItem("DVC", "https://dvc.gov.vn/"),
    )
    for wrong in (
        [],
        {"name": "a", "url": "b/"},
        [{"name": "a"}],
        [{"name": "a", "url": "b/", "weight": 1}],
        [{"name": "", "url": "b/"}],
        [{"name": "a", "url": "../b/"}],
        [{"name": "a", "url": "ftp://x/"}],
        [{"name": "a", "url": "//evil.example/"}],
    ):
        assert parse_menu(wrong) is None, wrong


def test_the_menu_replaces_the_themes_links_in_order_under_the_sub_path(tmp_path):
    site = make_site(tmp_path, {"a.md": article("Bài A", "2024-03-01", topics=["một cửa"])}, config=MENU)
    (site / "static" / "gioi-thieu").mkdir(parents=True)
    (site / "static" / "gioi-thieu" / "index.html").write_text("<p>Giới thiệu</p>", encoding="utf-8")
    files = build_to_memory(site, base_url="https://example.org/luu-tru/")
    for path in ("index.html", "2024/03/bai-a/index.html", "topics/index.html"):
        nav = lxml.html.fromstring(files[path]).cssselect("nav.site-nav a")
        assert [(a.text_content(), a.get("href"), a.get("rel")) for a in nav] == [
            ("Lĩnh vực", "/luu-tru/topics/", None),
            ("Giới thiệu", "/luu-tru/gioi-thieu/", None),
            ("Cổng Dịch vụ công", "https://dichvucong.gov.vn/", "external"),
        ]


def test_without_a_menu_the_theme_keeps_its_links(tmp_path):
    files = build_to_memory(make_site(tmp_path, {"a.md": article("Bài A", "2024-03-01")}))
    hrefs = [a.get("href") for a in lxml.html.fromstring(files["index.html"]).cssselect("nav.site-nav a")]
    assert hrefs == ["/articles/", "/topics/", "/provinces/", "/documents/", "/archives/"]


def test_a_menu_of_the_wrong_shape_is_one_problem_on_its_line():
    text = 'title = "X"\nbase_url = "https://example.org/"\n\n[[menu]]\nname = "Lĩnh vực"\nlink = "topics/"\n'
    with pytest.raises(ConfigError) as raised:
        parse_settings(text, "site.toml")
    (problem,) = raised.value.problems
    assert problem.line == 4 and "'menu' must be [[menu]] tables, each with a name and a url" in problem.message


def test_a_menu_item_that_leads_nowhere_is_reported_on_its_line_in_site_toml(tmp_path):
    """Every page shows the menu; the problem is the menu item's, not the first page's."""
    from reform_archive.build import BuildOptions, build_site
    from reform_archive.config import load_settings
    from reform_archive.writer import MemoryWriter

    site = make_site(tmp_path, {"a.md": article("Bài A", "2024-03-01", topics=["một cửa"])}, config=MENU)
    result = build_site(load_settings(site), BuildOptions(), MemoryWriter())
    (problem,) = [w for w in result.warnings if "gioi-thieu" in w.message]
    text = (site / "site.toml").read_text(encoding="utf-8").split("\n")
    assert problem.path == str(site / "site.toml")
    assert text[problem.line - 1] == "[[menu]]" and text[problem.line] == 'name = "Giới thiệu"'
