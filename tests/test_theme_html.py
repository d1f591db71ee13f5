"""The default theme's HTML for readers (issue 22): the content's own language, the favicon,
one Atom link per feed, breadcrumbs with their JSON-LD, "Cập nhật" and no editor notes."""

from __future__ import annotations

import json
import struct

import lxml.html
import pytest
from conftest import SAMPLE, SITES, build_to_memory
from sitemaker import article, make_site

from reform_archive.config import parse_settings
from reform_archive.errors import ConfigError

ARTICLE = "2021/10/ha-tinh-huong-den-nen-hanh-chinh-hien-dai/index.html"
INFERRED = "2024/01/cong-tac-cai-cach-hanh-chinh-quy-i-nam-2024-tren-dia-ban-huyen-ham-tan-co-nhieu/index.html"


def html(files: dict[str, bytes], path: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(files[path])


def json_ld(page: lxml.html.HtmlElement, kind: str) -> dict:
    found = [json.loads(s) for s in page.xpath("//script[@type='application/ld+json']/text()")]
    [data] = [d for d in found if d["@type"] == kind]
    return data


@pytest.fixture(scope="module")
def english_ui(tmp_path_factory) -> dict[str, bytes]:
    """The sample archive with the English UI: its articles are still in Vietnamese."""
    site = tmp_path_factory.mktemp("english") / "site"
    site.mkdir()
    (site / "content").symlink_to(SAMPLE / "content", target_is_directory=True)
    (site / "site.toml").write_text(
        (SAMPLE / "site.toml").read_text(encoding="utf-8").replace('language = "vi"', 'language = "en"'),
        encoding="utf-8",
    )
    return build_to_memory(site)


def test_english_ui_tags_the_vietnamese_body_and_cards_as_vietnamese(english_ui):
    page = html(english_ui, ARTICLE)
    assert page.get("lang") == "en"
    [body] = page.cssselect("article.article")
    assert body.get("lang") == "vi"
    cards = html(english_ui, "articles/index.html").cssselect("main .card")
    assert cards and all(card.get("lang") == "vi" for card in cards)
    assert json_ld(page, "NewsArticle")["inLanguage"] == "vi"


def test_cards_carry_no_lang_when_the_ui_speaks_the_content_language(sample_files):
    assert html(sample_files, ARTICLE).cssselect("article.article")[0].get("lang") == "vi"
    assert all(card.get("lang") is None for card in html(sample_files, "articles/index.html").cssselect(".card"))


def test_content_language_is_a_setting_checked_like_the_others():
    base = 'title = "T"\nbase_url = "https://example.org/"\n'
    assert parse_settings(base, "site.toml").content_language == "vi"
    assert parse_settings(base + 'content_language = "en"\n', "site.toml").content_language == "en"
    with pytest.raises(ConfigError) as caught:
        parse_settings(base + 'content_language = "vi VN"\n', "site.toml")
    assert "site.toml:3: 'content_language' must be a language tag" in str(caught.value.problems[0])


def test_every_page_links_the_favicons_and_favicon_ico_exists(sample_files):
    for path in ("index.html", ARTICLE, "articles/page/2/index.html", "404.html", "search/index.html"):
        icons = html(sample_files, path).xpath("//head/link[@rel='icon']")
        assert [(i.get("href"), i.get("type")) for i in icons] == [
            ("/favicon.ico", None),
            ("/favicon.svg", "image/svg+xml"),
        ], path
    assert b"<svg" in sample_files["favicon.svg"]
    ico = sample_files["favicon.ico"]
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind, count) == (0, 1, 1), "not an icon file"
    width, height, *_rest, size, offset = struct.unpack("<BBBBHHII", ico[6:22])
    assert (width, height) == (32, 32)
    assert ico[offset : offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + size == len(ico)


def test_favicons_follow_a_sub_path(sample_subpath_files):
    icons = html(sample_subpath_files, "index.html").xpath("//head/link[@rel='icon']/@href")
    assert icons == ["/luu-tru/favicon.ico", "/luu-tru/favicon.svg"]


def test_each_atom_feed_is_linked_once(sample_files):
    def feeds(path: str) -> list[str]:
        return html(sample_files, path).xpath("//head/link[@rel='alternate'][@type='application/atom+xml']/@href")

    assert feeds("index.html") == ["/feed.xml"]
    assert feeds("topics/thu-tuc-hanh-chinh/index.html") == ["/feed.xml", "/topics/thu-tuc-hanh-chinh/feed.xml"]
    assert feeds(ARTICLE) == ["/feed.xml"]


def _trail(page: lxml.html.HtmlElement) -> list[tuple[str, str]]:
    [nav] = page.cssselect("main nav.breadcrumb")
    return [(a.text_content(), a.get("href")) for a in nav.iter("a")]


def test_articles_have_a_breadcrumb_through_their_year_and_month(sample_files):
    page = html(sample_files, ARTICLE)
    assert _trail(page) == [("Trang chủ", "/"), ("2021", "/2021/"), ("Tháng 10/2021", "/2021/10/")]
    crumbs = json_ld(page, "BreadcrumbList")
    assert crumbs["@context"] == "https://schema.org"
    assert crumbs["itemListElement"] == [
        {"@type": "ListItem", "position": 1, "name": "Trang chủ", "item": "https://example.org/"},
        {"@type": "ListItem", "position": 2, "name": "2021", "item": "https://example.org/2021/"},
        {"@type": "ListItem", "position": 3, "name": "Tháng 10/2021", "item": "https://example.org/2021/10/"},
        {
            "@type": "ListItem",
            "position": 4,
            "name": "Hà Tĩnh hướng đến nền hành chính hiện đại",
            "item": "https://example.org/2021/10/ha-tinh-huong-den-nen-hanh-chinh-hien-dai/",
        },
    ]


def test_year_month_term_and_later_list_pages_have_breadcrumbs(sample_files, sample_subpath_files):
    assert _trail(html(sample_files, "2022/index.html")) == [
        ("Trang chủ", "/"),
        ("Lưu trữ theo thời gian", "/archives/"),
    ]
    assert _trail(html(sample_files, "2022/09/index.html")) == [("Trang chủ", "/"), ("2022", "/2022/")]
    assert _trail(html(sample_files, "topics/thu-tuc-hanh-chinh/index.html")) == [
        ("Trang chủ", "/"),
        ("Lĩnh vực cải cách", "/topics/"),
    ]
    assert _trail(html(sample_files, "articles/page/2/index.html")) == [
        ("Trang chủ", "/"),
        ("Tất cả bài viết", "/articles/"),
    ]
    assert not html(sample_files, "articles/index.html").cssselect("nav.breadcrumb")
    assert not html(sample_files, "index.html").cssselect("nav.breadcrumb")
    year = html(sample_subpath_files, "2022/index.html")
    assert _trail(year) == [("Trang chủ", "/luu-tru/"), ("Lưu trữ theo thời gian", "/luu-tru/archives/")]
    assert [e["item"] for e in json_ld(year, "BreadcrumbList")["itemListElement"]] == [
        "https://example.org/luu-tru/",
        "https://example.org/luu-tru/archives/",
        "https://example.org/luu-tru/2022/",
    ]


def _meta(files: dict[str, bytes], path: str) -> str:
    return html(files, path).cssselect("article.article header p.meta")[0].text_content()


def test_lastmod_is_shown_as_cap_nhat_when_it_differs_from_the_date(tmp_path):
    site = make_site(
        tmp_path / "site",
        {
            "sua.md": article("Bài có sửa", "2023-05-02T08:00:00+07:00", lastmod="2023-06-10T09:30:00+07:00"),
            "cung-ngay.md": article("Bài sửa cùng lúc", "2023-05-03", lastmod="2023-05-03"),
            "khong-sua.md": article("Bài không sửa", "2023-05-04"),
        },
    )
    files = build_to_memory(site)
    edited = html(files, "2023/05/bai-co-sua/index.html")
    assert "Cập nhật: Thứ Bảy, 10/06/2023, 09:30" in _meta(files, "2023/05/bai-co-sua/index.html")
    [updated] = edited.xpath("//p[@class='meta']//time[@datetime='2023-06-10T09:30:00+07:00']")
    assert updated.text == "Thứ Bảy, 10/06/2023, 09:30"
    assert "Cập nhật" not in _meta(files, "2023/05/bai-sua-cung-luc/index.html")
    assert "Cập nhật" not in _meta(files, "2023/05/bai-khong-sua/index.html")


def test_lastmod_reads_updated_in_english(tmp_path):
    site = make_site(
        tmp_path / "site",
        {"sua.md": article("Bài có sửa", "2023-05-02", lastmod="2023-06-10")},
        config='language = "en"\n',
    )
    assert "Updated: Saturday, 10 June 2023" in _meta(build_to_memory(site), "2023/05/bai-co-sua/index.html")


def test_the_inferred_date_note_is_for_editors_only(sample_files, tmp_path):
    assert "Ngày suy ra" not in sample_files[INFERRED].decode()
    site = make_site(
        tmp_path / "site",
        {
            "nhap.md": article("Bài nháp", "2023-05-02", draft=True, date_inferred=True),
            "dang.md": article("Bài đã đăng", "2023-05-03", date_inferred=True),
        },
    )
    files = build_to_memory(site, drafts=True)
    assert "(Ngày suy ra từ nội dung bài)" in _meta(files, "2023/05/bai-nhap/index.html")
    assert "Ngày suy ra" not in files["2023/05/bai-da-dang/index.html"].decode()


def test_the_article_carries_its_addresses_for_print_only(sample_files):
    page = html(build_to_memory(SITES / "minimal"), "2023/12/bo-phan-mot-cua-cap-xa/index.html")
    [printed] = page.cssselect("article.article .print-only")
    assert printed.get("hidden") is not None, "shown on screen"
    text = printed.text_content()
    assert text == (
        "Địa chỉ bài viết: https://example.org/luu-tru/2023/12/bo-phan-mot-cua-cap-xa/Bài gốc: https://baobinhdinh.vn/a"
    )
    [without_source] = html(sample_files, ARTICLE).cssselect("article.article .print-only")
    assert (
        without_source.text_content()
        == "Địa chỉ bài viết: https://example.org/2021/10/ha-tinh-huong-den-nen-hanh-chinh-hien-dai/"
    )


def test_phone_pagination_marks_the_numbers_it_may_hide(sample_files):
    page = html(sample_files, "articles/page/2/index.html")
    items = page.cssselect("nav.pagination li")
    kept = [li.text_content().strip() for li in items if "num" not in (li.get("class") or "")]
    assert kept == ["← Trang trước", "2", "Trang sau →"]
