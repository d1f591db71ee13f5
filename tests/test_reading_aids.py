"""Reading aids on article pages (issue 22, items 5 and 6): reading time, a table of contents for
long articles (beside the text on a wide screen), share links, and related articles as a compact
list that does not repeat the previous and next links."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import build_to_disk, build_to_memory
from hypothesis import given
from hypothesis import strategies as st
from serving import serve_directory
from sitemaker import article, make_site

from reform_archive.publish.reading import (
    SYLLABLES_PER_MINUTE,
    TOC_MIN_WORDS,
    reading_minutes,
    share_links,
    table_of_contents,
)

SENTENCE = "Trung tâm Phục vụ hành chính công tiếp nhận hồ sơ của người dân và doanh nghiệp. "  # 16 words
LONG_BODY = "\n\n".join(f"## Phần {n}: kết quả & hướng *tiếp theo*\n\n{SENTENCE * 20}" for n in range(1, 5))
SHORT_BODY = "## Một\n\nÍt chữ.\n\n## Hai\n\nÍt chữ.\n\n## Ba\n\nÍt chữ."


def test_reading_minutes_rounds_to_whole_minutes_and_is_never_zero():
    assert reading_minutes(0) == 1
    assert reading_minutes(SYLLABLES_PER_MINUTE * 7) == 7
    assert reading_minutes(int(SYLLABLES_PER_MINUTE * 2.4)) == 2


@given(st.integers(min_value=0, max_value=10**6))
def test_reading_minutes_grows_with_the_words(words):
    assert 1 <= reading_minutes(words) <= reading_minutes(words + SYLLABLES_PER_MINUTE)


def test_table_of_contents_lists_h2_and_h3_with_plain_text():
    html = (
        '<h2 id="ket-qua">Kết quả &amp; <em>hướng</em> đi</h2><p>x</p><h3 id="chi-tiet">Chi tiết</h3>'
        '<h4 id="nho">Nhỏ</h4><h2 id="de-xuat">Đề xuất</h2>'
    )
    assert table_of_contents(html, TOC_MIN_WORDS) == [
        {"level": 2, "id": "ket-qua", "text": "Kết quả & hướng đi"},
        {"level": 3, "id": "chi-tiet", "text": "Chi tiết"},
        {"level": 2, "id": "de-xuat", "text": "Đề xuất"},
    ]
    assert table_of_contents(html, TOC_MIN_WORDS - 1) == []  # a short piece needs no map
    assert table_of_contents('<h2 id="a">A</h2><h2 id="b">B</h2>', 10**4) == []  # two sections are seen at a glance


def test_share_links_are_plain_addresses_that_carry_the_page():
    links = {link["name"]: link["url"] for link in share_links("https://example.org/2024/01/bai-viet/", "Một cửa & số")}
    assert set(links) == {"facebook", "x", "email"}
    assert parse_qs(urlsplit(links["facebook"]).query)["u"] == ["https://example.org/2024/01/bai-viet/"]
    assert parse_qs(urlsplit(links["x"]).query) == {
        "url": ["https://example.org/2024/01/bai-viet/"],
        "text": ["Một cửa & số"],
    }
    assert links["email"].startswith("mailto:?subject=M%E1%BB%99t%20c%E1%BB%ADa%20%26%20s%E1%BB%91&body=https%3A")
    assert share_links("/2024/01/bai-viet/", "x") == []  # no absolute address, nothing to share


def _site(root):
    articles = {
        "dai.md": article(
            "Tổng kết một năm vận hành Trung tâm một cửa",
            "2024-03-10",
            LONG_BODY,
            slug="dai",
            topics=["một cửa"],
            provinces=["Bình Định"],
        ),
        "ngan.md": article(
            "Bộ phận một cửa xã tiếp dân ngày thứ Bảy",
            "2024-03-05",
            SHORT_BODY,
            slug="ngan",
            topics=["một cửa"],
            provinces=["Bình Định"],
        ),
    }
    for n in range(6):
        articles[f"k{n}.md"] = article(
            f"Một cửa liên thông ở huyện số {n}",
            f"2024-02-{n + 10:02d}",
            SENTENCE * 3,
            slug=f"k{n}",
            topics=["một cửa"],
            provinces=["Bình Định"],
        )
    return make_site(root, articles)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_to_memory(_site(tmp_path_factory.mktemp("reading") / "site"))


def test_article_pages_show_reading_time_toc_only_when_long_and_share_links(built):
    long_page = built["2024/03/dai/index.html"].decode()
    short_page = built["2024/03/ngan/index.html"].decode()
    minutes = reading_minutes(len(LONG_BODY.split()))
    assert f"· {minutes} phút đọc" in long_page and "· 1 phút đọc" in short_page
    toc = re.search(r'<nav class="toc".*?</nav>', long_page, re.S)
    assert toc and toc.group().count("<li") == 4 and 'href="#phan-1-ket-qua-huong-tiep-theo"' in toc.group()
    assert 'id="phan-1-ket-qua-huong-tiep-theo"' in long_page  # the link lands on the heading
    assert "Phần 1: kết quả &amp; hướng tiếp theo<" in toc.group()  # escaped once, tags gone
    assert 'class="toc"' not in short_page
    assert (
        'href="https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fexample.org%2F2024%2F03%2Fdai%2F"'
        in long_page
    )


def test_related_articles_are_a_compact_list_without_the_previous_and_next(built):
    page = built["2024/03/dai/index.html"].decode()
    neighbours = set(re.findall(r'<a href="([^"]+)" rel="(?:prev|next)"', page))
    related = re.search(r'<section class="related".*?</section>', page, re.S).group()
    links = set(re.findall(r'<a href="([^"]+)"', related))
    assert links and not links & neighbours
    assert 'class="excerpt"' not in related and "<article" not in related


PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("reading-browser")
    with serve_directory(build_to_disk(_site(root / "site"), root / "output")) as base:
        yield base


@pytest.mark.browser
def test_wide_screen_keeps_the_contents_beside_the_text_and_a_phone_above_it(open_page, site_url):
    page = open_page(site_url + "2024/03/dai/", DESKTOP)
    toc, prose = page.locator(".toc").bounding_box(), page.locator(".prose").bounding_box()
    assert toc["x"] >= prose["x"] + prose["width"]  # the empty right column now holds it
    page.mouse.wheel(0, 1500)
    page.wait_for_timeout(100)
    assert 0 <= page.locator(".toc").bounding_box()["y"] < 100  # sticky: still in view further down
    page.click(".toc a >> nth=2")
    assert page.evaluate("location.hash") == "#phan-3-ket-qua-huong-tiep-theo"

    phone = open_page(site_url + "2024/03/dai/", PHONE)
    toc, prose = phone.locator(".toc").bounding_box(), phone.locator(".prose").bounding_box()
    assert toc["y"] + toc["height"] <= prose["y"] and toc["width"] <= 390
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390


@pytest.mark.browser
def test_related_block_is_short_on_a_phone(open_page, site_url):
    page = open_page(site_url + "2024/03/dai/", PHONE)
    related = page.locator(".related").bounding_box()
    items = page.locator(".related-list li").count()
    assert items >= 3 and related["height"] <= 100 * items  # it was ~400 px an item with full excerpts
