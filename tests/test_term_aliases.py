"""[aliases.*] in site.toml: names merged into one term page, the old page a redirect (issue 23, item 5)."""

from __future__ import annotations

import json
import re

import lxml.html
import pytest
from conftest import NOW, build_to_memory
from sitemaker import article, make_site

from reform_archive.build import BuildOptions, build_site
from reform_archive.config import load_settings, parse_settings
from reform_archive.errors import ConfigError, ContentError
from reform_archive.writer import MemoryWriter

ALIASES = """
[aliases.tags]
"CCHC" = "cải cách hành chính"
"cải cách HC" = "CCHC"

[aliases.provinces]
"Côn Đảo" = "Bà Rịa - Vũng Tàu"
"""


def build(site, **options):
    writer = MemoryWriter()
    result = build_site(load_settings(site), BuildOptions(now=NOW, **options), writer)
    return writer.files, [str(problem).replace(f"{site}/", "") for problem in result.warnings]


@pytest.fixture
def aliased(tmp_path):
    return make_site(
        tmp_path,
        {
            "a.md": article("Bài A", "2024-01-01", tags=["CCHC"], provinces=["Côn Đảo"]),
            "b.md": article("Bài B", "2024-01-02", tags=["cải cách hành chính"], provinces=["Bà Rịa - Vũng Tàu"]),
            "c.md": article("Bài C", "2024-01-03", tags=["cải cách HC"]),
        },
        config=ALIASES,
    )


def test_aliased_names_make_one_term_page(aliased):
    files, warnings = build(aliased)
    assert warnings == []  # an alias the site declares is said nothing about
    page = lxml.html.fromstring(files["tags/cai-cach-hanh-chinh/index.html"])
    assert page.findtext(".//h1") == "Từ khóa: cải cách hành chính"
    assert sorted(a.text_content() for a in page.cssselect("main .card-title a")) == ["Bài A", "Bài B", "Bài C"]
    province = lxml.html.fromstring(files["provinces/ba-ria-vung-tau/index.html"])
    assert len(province.cssselect("main .card")) == 2
    article_page = files["2024/01/bai-a/index.html"].decode()
    assert "/tags/cai-cach-hanh-chinh/" in article_page and "/tags/cchc/" not in article_page


@pytest.mark.parametrize(
    "old, new",
    [
        ("tags/cchc/", "tags/cai-cach-hanh-chinh/"),
        ("tags/cai-cach-hc/", "tags/cai-cach-hanh-chinh/"),  # a chain, followed
        ("provinces/con-dao/", "provinces/ba-ria-vung-tau/"),
    ],
)
def test_the_old_term_page_redirects_to_the_new(aliased, old, new):
    files, _ = build(aliased)
    page = lxml.html.fromstring(files[old + "index.html"])
    target = f"https://example.org/{new}"
    assert page.cssselect('link[rel="canonical"]')[0].get("href") == target
    assert page.cssselect('meta[http-equiv="refresh"]')[0].get("content") == f"0; url={target}"
    assert page.cssselect('meta[name="robots"]')[0].get("content") == "noindex"
    link = page.cssselect("main a")[0]
    assert link.get("href") == target and page.text_content().count("Trang đã chuyển đến địa chỉ mới:") == 1
    assert new + "index.html" in files and old + "feed.xml" not in files


def test_redirects_are_in_neither_the_sitemap_nor_search(aliased):
    files, _ = build(aliased)
    assert b"/tags/cchc/" not in files["sitemap.xml"] and b"/provinces/con-dao/" not in files["sitemap.xml"]
    assert b"/tags/cai-cach-hanh-chinh/" in files["sitemap.xml"]
    search = {path: data for path, data in files.items() if path.startswith("search/") and path.endswith(".json")}
    old = (b"tags/cchc", b"con-dao", "Côn Đảo".encode())  # (the index itself knows CCHC: an abbreviation search reads)
    assert search and not any(name in data for data in search.values() for name in old)
    manifest = json.loads(files["search/manifest.json"])
    assert [term["name"] for term in manifest["filters"]["provinces"]] == ["Bà Rịa - Vũng Tàu"]


def test_an_alias_no_article_is_filed_under_is_a_warning_on_its_line(tmp_path):
    site = make_site(
        tmp_path,
        {"a.md": article("Bài A", "2024-01-01", tags=["một cửa"])},
        config='\n[aliases.tags]\n"một cửa liên thông" = "một cửa"\n"CCHC" = "cải cách hành chính"\n',
    )
    files, warnings = build(site)
    assert warnings == [
        "site.toml:6: warning: [aliases.tags] 'CCHC' = 'cải cách hành chính': không bài viết nào "
        "thuộc 'cải cách hành chính', nên không có trang nào để gộp vào hay chuyển hướng tới"
    ]
    assert "tags/cchc/index.html" not in files  # it would lead nowhere
    assert "tags/mot-cua-lien-thong/index.html" in files  # an old name no article uses any more: still redirected


def test_an_unused_alias_fails_under_strict(tmp_path):
    site = make_site(
        tmp_path, {"a.md": article("Bài A", "2024-01-01")}, config='\n[aliases.tags]\n"CCHC" = "cải cách hành chính"\n'
    )
    with pytest.raises(ContentError, match=re.escape("site.toml:5: [aliases.tags] 'CCHC'")):
        build_to_memory(site, strict=True)


def test_an_alias_that_sets_the_spelling_shown(tmp_path):
    site = make_site(
        tmp_path,
        {
            "a.md": article("Bài A", "2024-01-01", tags=["covid-19"]),
            "b.md": article("Bài B", "2024-01-02", tags=["Covid-19"]),
        },
        config='\n[aliases.tags]\n"covid-19" = "COVID-19"\n',
    )
    files, warnings = build(site)
    assert warnings == []
    assert lxml.html.fromstring(files["tags/covid-19/index.html"]).findtext(".//h1") == "Từ khóa: COVID-19"


HEAD = 'title = "T"\nbase_url = "https://example.org/"\n'


@pytest.mark.parametrize(
    "aliases, message",
    [
        ('[aliases.tags]\n"x" = "x"\n', "site.toml:4: [aliases.tags] 'x' is an alias of itself: remove it"),
        ('[aliases.tags]\na = "b"\nb = "a"\n', "site.toml:4: [aliases.tags] go round in a loop: a → b → a"),
        (
            '[aliases.tags]\n"Một cửa" = "a"\n"mot cua" = "b"\n',
            "site.toml:5: [aliases.tags] 'mot cua' and 'Một cửa' are one name (they share the page /tags/mot-cua/) "
            "sent to two: 'a' and 'b'",
        ),
        (
            '[aliases.tag]\na = "b"\n',
            "site.toml:3: [aliases.tag]: 'tag' takes no aliases (these do: authors, provinces, "
            "tags, topics); did you mean 'tags'?",
        ),
        (
            '[aliases.documents]\na = "b"\n',
            "site.toml:3: [aliases.documents]: 'documents' takes no aliases (these do: "
            "authors, provinces, tags, topics)",
        ),
        (
            '[aliases.provinces]\n"Côn Đảo" = "Bà Rịa Vũng Tu"\n',
            "site.toml:4: [aliases.provinces] 'Côn Đảo' = 'Bà Rịa Vũng Tu': 'Bà Rịa Vũng Tu' is not a province or "
            "centrally-run city; did you mean 'Bà Rịa - Vũng Tàu'?",
        ),
        (
            "aliases = {tags = {a = 1}}\n",
            "site.toml:3: 'aliases' must be tables of names and the name to file each under, "
            "such as [aliases.tags] \"CCHC\" = \"cải cách hành chính\", got {'tags': {'a': 1}}",
        ),
        (
            '[aliases.tags]\n"a" = "b\\u0001"\n',
            "site.toml:4: 'a' = 'b\x01' holds U+0001, which XML does not allow: remove it",
        ),
    ],
)
def test_a_wrong_alias_is_a_config_error_on_its_line(aliases, message):
    with pytest.raises(ConfigError) as caught:
        parse_settings(HEAD + aliases, "site.toml")
    assert [str(problem) for problem in caught.value.problems] == [message]


def test_alias_lines_do_not_change_the_settings():
    """A line added above the aliases moves them, and must not make every page stale."""
    one = parse_settings(HEAD + '[aliases.tags]\n"a" = "b"\n', "site.toml")
    two = parse_settings(HEAD + '# note\n\n[aliases.tags]\n"a" = "b"\n', "site.toml")
    assert one == two and repr(one) == repr(two) and (one.alias_lines, two.alias_lines) == ((4,), (6,))


def test_the_old_page_of_an_alias_gives_way_to_an_article_at_the_same_address(tmp_path):
    site = make_site(
        tmp_path,
        {
            "a.md": article("Bài A", "2024-01-01", tags=["một cửa"]),
            "b.md": article("Bài B", "2024-01-02", aliases=["/tags/cu/"]),
        },
        config='\n[aliases.tags]\n"cũ" = "một cửa"\n',
    )
    with pytest.raises(ContentError) as caught:
        build(site)
    assert re.search(
        r"site\.toml:5: alias /tags/cu/ would be written at tags/cu/index\.html, but output "
        r"tags/cu/index\.html is also produced by .*b\.md \(alias /tags/cu/\)",
        str(caught.value),
    )
