"""Which articles are published, how they group, relate and render (small sites made per test)."""

from __future__ import annotations

import json

import lxml.html
import pytest
from conftest import build_to_memory
from hypothesis import given, settings
from hypothesis import strategies as st
from sitemaker import article, make_site

from reform_archive.errors import ContentError


def test_drafts_and_future_articles_are_left_out_unless_asked(tmp_path):
    site = make_site(
        tmp_path,
        {
            "now.md": article("Hôm nay", "2025-06-01"),
            "draft.md": article("Bản nháp", "2025-05-01", draft=True),
            "future.md": article("Tương lai", "2030-01-01"),
        },
    )
    default = build_to_memory(site)
    assert "2025/06/hom-nay/index.html" in default
    assert "2025/05/ban-nhap/index.html" not in default and "2030/01/tuong-lai/index.html" not in default
    assert b"ban-nhap" not in default["feed.xml"] and b"tuong-lai" not in default["sitemap.xml"]
    everything = build_to_memory(site, drafts=True, future=True)
    assert "2025/05/ban-nhap/index.html" in everything and "2030/01/tuong-lai/index.html" in everything


def test_spellings_of_one_term_are_one_page(tmp_path):
    site = make_site(
        tmp_path,
        {
            "a.md": article("A", "2024-01-01", provinces=["Hòa Bình"]),
            "b.md": article("B", "2024-01-02", provinces=["Hòa Bình"]),
            "c.md": article("C", "2024-01-03", provinces=["Hoà Bình"]),
        },
    )
    files = build_to_memory(site)
    page = lxml.html.fromstring(files["provinces/hoa-binh/index.html"])
    assert page.findtext(".//h1") == "Hòa Bình"  # the commonest spelling
    assert len(page.cssselect("main .card")) == 3


def test_related_articles_prefer_shared_documents_then_provinces(tmp_path):
    site = make_site(
        tmp_path,
        {
            "main.md": article("Chính", "2024-05-02", documents=["72/TB-UBND"], provinces=["Quảng Nam"], tags=["x"]),
            "doc.md": article("Cùng văn bản", "2020-01-01", documents=["72/TB-UBND"]),
            "province.md": article("Cùng tỉnh", "2024-04-30", provinces=["Quảng Nam"]),
            "tag.md": article("Cùng từ khóa", "2024-04-29", tags=["x"]),
            "none.md": article("Không liên quan", "2024-05-01"),  # the previous link: related never repeats it
        },
    )
    files = build_to_memory(site)
    page = lxml.html.fromstring(files["2024/05/chinh/index.html"])
    related = [a.text_content() for a in page.cssselect("section.related .related-list a")]
    assert related == ["Cùng văn bản", "Cùng tỉnh", "Cùng từ khóa"]


def _related_by_dictionaries(site, count=5):
    """The straightforward version the numpy one replaced: the reference it must agree with."""
    from collections import defaultdict

    from reform_archive.site.model import term_slug
    from reform_archive.site.related import WEIGHTS

    postings = defaultdict(list)
    for index, item in enumerate(site.articles):
        for taxonomy in WEIGHTS:
            for name in item.terms(taxonomy):
                postings[(taxonomy, term_slug(taxonomy, name))].append(index)
    related = {}
    for index, item in enumerate(site.articles):
        scores = defaultdict(int)
        for taxonomy, weight in WEIGHTS.items():
            for name in item.terms(taxonomy):
                for other in postings[(taxonomy, term_slug(taxonomy, name))]:
                    if other != index:
                        scores[other] += weight
        best = sorted(scores, key=lambda other: (-scores[other], abs(other - index), other))[:count]
        related[item.url] = tuple(site.articles[other] for other in best)
    return related


@pytest.mark.parametrize("count", [1, 5, 40])
@pytest.mark.parametrize("groups", [None, 1, 8, 10**9])  # the default, no broad terms, a few, all that qualify
def test_related_articles_agree_with_the_dictionary_version_on_a_corpus(corpus_300, count, groups):
    from reform_archive.site.related import _broad_terms, related_articles

    assert related_articles(corpus_300, count, groups) == _related_by_dictionaries(corpus_300, count)
    if groups == 10**9:  # not vacuous: some terms really were set apart
        from reform_archive.site.model import term_slug
        from reform_archive.site.related import WEIGHTS

        members = {}
        for index, article in enumerate(corpus_300.articles):
            for taxonomy in WEIGHTS:
                for name in article.terms(taxonomy):
                    members.setdefault((taxonomy, term_slug(taxonomy, name)), []).append(index)
        assert len(_broad_terms(members, len(corpus_300.articles), groups)) >= 5


@pytest.fixture(scope="module")
def corpus_300(tmp_path_factory):
    from benchmarks.corpus import write_site
    from reform_archive.config import load_settings
    from reform_archive.site.model import Selection, build_model
    from reform_archive.source.loader import load_content

    tmp_path = tmp_path_factory.mktemp("related")
    write_site(tmp_path, 300)
    settings = load_settings(tmp_path)
    site, _ = build_model(
        load_content(tmp_path, settings.tz).articles, settings, Selection(), markdown=lambda body, base, language: ""
    )
    return site


def test_pagination_of_lists(tmp_path):
    site = make_site(
        tmp_path, {f"a{n}.md": article(f"Bài {n}", f"2024-01-{n:02d}") for n in range(1, 8)}, config="per_page = 3\n"
    )
    files = build_to_memory(site)
    assert {"articles/index.html", "articles/page/2/index.html", "articles/page/3/index.html"} <= set(files)
    assert "articles/page/4/index.html" not in files
    second = lxml.html.fromstring(files["articles/page/2/index.html"])
    assert [a.text_content() for a in second.cssselect("main .card-title a")] == ["Bài 4", "Bài 3", "Bài 2"]
    assert second.cssselect("a[rel=prev]")[0].get("href") == "/articles/"
    assert second.cssselect("a[rel=next]")[0].get("href") == "/articles/page/3/"
    assert "2024/01/page/2/index.html" in files  # month archive paginates too


def test_markup_in_titles_and_bodies_cannot_run(tmp_path):
    nasty = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    body = (
        'Đoạn <b onclick="alert(3)">đậm</b>.\n\n<script>alert(4)</script>\n\n'
        '[bấm](javascript:alert(5)) <iframe src="https://evil.example"></iframe>\n'
    )
    site = make_site(tmp_path, {"x.md": article(nasty, "2024-01-01", body=body, summary=nasty, tags=[nasty])})
    files = build_to_memory(site)
    for path, data in files.items():
        if path.startswith("search/") and path.endswith(".json"):
            continue  # data, not markup: the search page inserts it as text (tests/test_browser_search.py)
        text = data.decode("utf-8", "replace")
        assert "<script>alert" not in text and "<img src=x" not in text, path
        assert "onclick" not in text and "javascript:" not in text and "<iframe" not in text, path
    page = lxml.html.fromstring(files["index.html"])
    assert page.cssselect("main .card-title a")[0].text_content() == nasty  # shown as text
    article_page = next(data for path, data in files.items() if path.startswith("2024/01/") and path.count("/") == 3)
    ld = lxml.html.fromstring(article_page).xpath("//script[@type='application/ld+json']/text()")[0]
    assert json.loads(ld)["headline"] == nasty and "</script" not in ld
    store = next(json.loads(data) for path, data in files.items() if path.startswith("search/docs-"))
    assert store["title"] == nasty and "<script>alert(4)" not in store["text"]


def test_root_relative_links_in_content_follow_the_base_path(tmp_path):
    site = make_site(
        tmp_path,
        {
            "a.md": article("A", "2024-01-01", body="Xem [B](/2024/01/b/) và ![ảnh](/assets/style.css)."),
            "b.md": article("B", "2024-01-02"),
        },
    )
    files = build_to_memory(site, base_url="https://example.org/luu-tru/", strict=True)
    html = files["2024/01/a/index.html"].decode()
    assert 'href="/luu-tru/2024/01/b/"' in html and 'src="/luu-tru/assets/style.css"' in html


def test_aliases_redirect_and_collisions_are_errors(tmp_path):
    site = make_site(
        tmp_path,
        {
            "a.md": article("A", "2024-01-01", aliases=["/tin-cu/a.html", "/cu/a/"]),
            "b.md": article("B", "2024-01-02", aliases=["/2024/01/a/"]),
        },
    )
    with pytest.raises(ContentError) as caught:
        build_to_memory(site)
    [problem] = caught.value.problems
    assert problem.path.endswith("b.md") and "output 2024/01/a/index.html is also produced by" in problem.message
    (site / "content" / "b.md").unlink()
    files = build_to_memory(site)
    redirect = files["tin-cu/a.html"].decode()
    assert 'http-equiv="refresh" content="0; url=https://example.org/2024/01/a/"' in redirect
    assert "cu/a/index.html" in files


def test_site_templates_override_the_theme(tmp_path):
    site = make_site(
        tmp_path,
        {"a.md": article("A", "2024-01-01")},
        templates={"404.html": "{% extends 'base.html' %}{% block content %}<h1>Không có</h1>{% endblock %}"},
    )
    files = build_to_memory(site)
    assert b"<h1>Kh\xc3\xb4ng c\xc3\xb3</h1>" in files["404.html"]


def test_template_errors_name_the_template_line(tmp_path):
    site = make_site(
        tmp_path, {"a.md": article("A", "2024-01-01")}, templates={"404.html": "line one\n{{ page.no_such_key }}\n"}
    )
    with pytest.raises(ContentError) as caught:
        build_to_memory(site)
    [problem] = caught.value.problems
    assert problem.path.endswith("templates/404.html") and problem.line == 2


def test_english_ui(tmp_path):
    site = make_site(tmp_path, {"a.md": article("A", "2022-09-09", date_precision="month")}, config='language = "en"\n')
    files = build_to_memory(site)
    home = files["index.html"].decode()
    assert '<html lang="en">' in home and ">Articles</a>" in home and "September 2022" in home


def test_ui_catalogues_have_the_same_keys():
    import tomllib

    from reform_archive.publish.render import THEME_SEARCH

    root = next(base for base in THEME_SEARCH if (base / "default").is_dir()) / "default" / "i18n"
    vi = tomllib.loads((root / "vi.toml").read_text(encoding="utf-8"))
    en = tomllib.loads((root / "en.toml").read_text(encoding="utf-8"))

    def keys(table, prefix=""):
        return {
            prefix + k if not isinstance(v, dict) else x
            for k, v in table.items()
            for x in (keys(v, f"{prefix}{k}.") if isinstance(v, dict) else [None])
        } - {None}

    assert keys(vi) == keys(en)


def test_alias_of_the_home_page_is_a_content_error(tmp_path):
    site = make_site(tmp_path, {"a.md": article("A", "2024-01-01", aliases=["/"])})
    with pytest.raises(ContentError) as caught:
        build_to_memory(site)
    [problem] = caught.value.problems
    assert problem.line == 4 and "must be a path inside the site" in problem.message


def test_a_theme_missing_a_ui_string_is_reported_not_a_traceback(tmp_path):
    import shutil

    from reform_archive.errors import BuildError
    from reform_archive.publish.render import THEME_SEARCH

    theme = next(base / "default" for base in THEME_SEARCH if (base / "default").is_dir())
    site = make_site(tmp_path, {"a.md": article("A", "2024-01-01")}, config='theme = "cu"\n')
    shutil.copytree(theme, site / "themes" / "cu")
    catalogue = site / "themes" / "cu" / "i18n" / "vi.toml"
    catalogue.write_text(
        catalogue.read_text(encoding="utf-8").replace('year_heading = "Năm {year}"\n', ""), encoding="utf-8"
    )
    with pytest.raises(BuildError) as caught:
        build_to_memory(site)
    assert [p.message for p in caught.value.problems] == ["UI string 'year_heading' is missing"]
    assert caught.value.problems[0].path == str(catalogue)


def test_dates_with_another_offset_are_filed_in_the_site_time_zone(tmp_path):
    site = make_site(tmp_path, {"a.md": article("A", "2024-03-31T20:00:00-05:00")})
    files = build_to_memory(site)
    assert "2024/04/a/index.html" in files
    assert "Thứ Hai, 01/04/2024, 08:00" in files["2024/04/a/index.html"].decode()


def test_english_counts_are_singular_for_one(tmp_path):
    site = make_site(tmp_path, {"a.md": article("A", "2024-01-01")}, config='language = "en"\n')
    assert "1 article<" in build_to_memory(site)["articles/index.html"].decode().replace(" ·", "<")


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=400), st.data())
def test_pagination_shows_the_ends_and_a_window_with_gaps_between(total, data):
    """The page numbers a list shows: the same as walking every number from 1 to total,
    keeping the first, the last and those near the current one, one gap for each run left
    out. (The walk cost 25 million steps for the 5,000-page list of 100,000 articles.)"""
    from reform_archive.publish.views import PAGINATION_WINDOW, ViewBuilder

    number = data.draw(st.integers(min_value=1, max_value=total))
    walked: list[int | None] = []
    for n in range(1, total + 1):
        if n in (1, total) or abs(n - number) <= PAGINATION_WINDOW:
            walked.append(n)
        elif walked and walked[-1] is not None:
            walked.append(None)
    views = ViewBuilder.__new__(ViewBuilder)
    views.link = lambda path: "/" + path  # pagination needs nothing else of the builder
    shown = views.pagination("articles/", number, total)["pages"]
    assert [None if page is None else page["number"] for page in shown] == walked
    assert [page["number"] for page in shown if page and page["current"]] == [number]
