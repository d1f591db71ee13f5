"""The search page in Debian's Chromium, on sites served from a free loopback port: typing,
shared URLs, escaping, empty/no-match/fallback states, filters, history, keyboard, sub-paths,
no JavaScript. Run with ``pytest -m browser``."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import build_to_disk
from playwright.sync_api import expect
from serving import serve_directory
from sitemaker import article, make_site

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parent.parent
NASTY = "<img src=x onerror=alert(1)> Kiểm thử thoát ký tự"
RESULTS = "#search-results li"


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """The repository's own five imported articles."""
    output = build_to_disk(REPO, tmp_path_factory.mktemp("archive") / "output")
    with serve_directory(output) as base:
        yield base


@pytest.fixture(scope="module")
def crowded(tmp_path_factory):
    """25 articles that all mention "một cửa", one with markup in its title, one filed under
    a province its text never names."""
    root = tmp_path_factory.mktemp("crowded")
    articles = {
        f"a{i:02d}.md": article(
            f"Bộ phận một cửa số {i}",
            f"2024-02-{i + 1:02d}",
            slug=f"mot-cua-{i:02d}",
            body=f"Bộ phận một cửa cấp xã số {i} tiếp nhận hồ sơ.",
        )
        for i in range(25)
    }
    articles["nasty.md"] = article(NASTY, "2023-05-05", slug="thu-thoat", body="Bài kiểm thử thoát ký tự.")
    articles["filed.md"] = article(
        "Hội nghị giao ban tháng Ba",
        "2022-03-03",
        slug="giao-ban",
        summary="Giao ban.",
        body="Xã tổ chức hội nghị giao ban.",
        provinces=["Quảng Trị"],
    )
    output = build_to_disk(make_site(root / "site", articles), root / "output")
    with serve_directory(output) as base:
        yield base


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("dialog", lambda dialog: (page.errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    yield page
    assert not page.errors, page.errors
    context.close()


def _titles(page) -> list[str]:
    return page.locator(f"{RESULTS} a").all_inner_texts()


def _query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def test_typing_a_query_without_diacritics_finds_the_article_and_updates_the_url(page, archive):
    page.goto(archive + "search/")
    expect(page.locator("#search-status")).to_contain_text("5 bài viết")  # the empty state
    page.locator("#search-input").press_sequentially("ham tan", delay=30)
    expect(page.locator(RESULTS).first).to_contain_text("Hàm Tân")
    assert _query(page) == {"q": ["ham tan"]}
    item = page.locator(RESULTS).first
    expect(item.locator("a")).to_have_attribute("href", re.compile(r"^/2024/01/.*ham-tan.*/$"))
    expect(item.locator("time")).to_have_attribute("datetime", "2024-01-01")
    expect(item.locator(".result-snippet mark").first).to_be_visible()
    assert [m.lower() for m in item.locator(".result-title mark").all_inner_texts()] == ["hàm", "tân"]
    expect(page.locator("#search-status")).to_contain_text("1 bài viết")


def test_a_shared_url_renders_results_on_load(page, archive):
    page.goto(archive + "search/?q=ham+tan")
    expect(page.locator(RESULTS)).to_have_count(1)
    expect(page.locator("#search-input")).to_have_value("ham tan")
    page.goto(archive + "search/?q=%22m%E1%BB%99t+c%E1%BB%ADa%22")  # "một cửa", quoted
    expect(page.locator(RESULTS).first).to_be_visible()
    snippets = page.locator(f"{RESULTS} .result-snippet").all_inner_texts()
    assert snippets and all("một cửa" in text.lower() for text in snippets), snippets  # cut around the phrase


def test_the_prefix_follows_typing_and_tone_placements_meet(page, archive):
    page.goto(archive + "search/")
    page.locator("#search-input").press_sequentially("bi\u0300nh \u0111", delay=30)  # decomposed, still typing
    expect(page.locator(RESULTS).first).to_contain_text("Bình Định")
    page.goto(archive + "search/?q=ho%C3%A0+b%C3%ACnh")  # "hoà bình", the old tone placement
    expect(page.locator(RESULTS).first).to_contain_text("UBND tỉnh tổ chức Hội nghị tổng kết")


def test_no_match_and_fallback_states_are_said_clearly(page, archive):
    page.goto(archive + "search/?q=xyzzy")
    expect(page.locator("#search-status")).to_have_text("Không tìm thấy bài viết nào cho “xyzzy”.")
    expect(page.locator(RESULTS)).to_have_count(0)
    expect(page.locator("#search-notice")).to_be_visible()
    page.goto(archive + "search/?q=h%C3%A0m+t%C3%A2n+xyzzy")
    # the headline says that no article has the words; the articles with some follow
    expect(page.locator("#search-status")).to_have_text("Không bài viết nào có đủ các từ “hàm tân xyzzy”.")
    expect(page.locator("#search-status")).to_have_attribute("data-mode", "any")
    expect(page.locator("#search-notice")).to_contain_text("một phần các từ")
    expect(page.locator(RESULTS).first).to_contain_text("Hàm Tân")


def test_the_status_names_the_filters_in_use_and_the_newest_can_come_first(page, archive):
    page.goto(archive + "search/?q=h%C3%A0nh+ch%C3%ADnh&province=binh-thuan")
    expect(page.locator("#search-status")).to_contain_text("Đang lọc: Tỉnh, thành phố: Bình Thuận")
    page.goto(archive + "search/?q=h%C3%A0nh+ch%C3%ADnh&sort=new")
    expect(page.locator(RESULTS).first).to_be_visible()
    dates = page.locator(f"{RESULTS} time").evaluate_all("ts => ts.map(t => t.dateTime)")
    assert dates == sorted(dates, reverse=True) and len(dates) > 1


def test_titles_are_shown_as_text_never_as_markup(page, crowded):
    page.goto(crowded + "search/?q=thoat")
    expect(page.locator(RESULTS)).to_have_count(1)
    expect(page.locator(f"{RESULTS} a")).to_have_text(NASTY)
    assert page.locator("#search-results img").count() == 0
    page.wait_for_timeout(200)  # give an injected onerror the time it would need (the fixture fails on a dialog)


def test_more_results_load_on_request_and_keyboard_moves_through_them(page, crowded):
    page.goto(crowded + "search/?q=mot+cua")
    expect(page.locator("#search-status")).to_contain_text("25 bài viết")
    expect(page.locator(RESULTS)).to_have_count(20)
    page.locator("#search-more").click()
    expect(page.locator(RESULTS)).to_have_count(25)
    expect(page.locator("#search-more")).to_be_hidden()
    links = page.locator(f"{RESULTS} a")
    expect(links.nth(20)).to_be_focused()  # focus lands on the first new result
    page.locator("#search-input").focus()
    page.keyboard.press("ArrowDown")
    expect(links.nth(0)).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(links.nth(1)).to_be_focused()
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    expect(page.locator("#search-input")).to_be_focused()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/2024/02/mot-cua-\d\d/$"))


def test_filters_narrow_results_live_in_the_url_and_the_back_button_restores(page, archive):
    page.goto(archive + "search/?q=hanh+chinh")
    expect(page.locator(RESULTS)).to_have_count(5)
    page.locator("select[name=province]").select_option(index=1)  # the first province in the list
    expect(page.locator(RESULTS)).to_have_count(1)
    expect(page.locator(RESULTS).first).to_contain_text("Hàm Tân")
    page.locator("select[name=province]").select_option("ha-tinh")
    expect(page.locator(RESULTS)).to_have_count(1)
    expect(page.locator(RESULTS).first).to_contain_text("Hà Tĩnh")
    assert _query(page) == {"q": ["hanh chinh"], "province": ["ha-tinh"]}
    page.locator("select[name=province]").select_option("")
    page.locator("select[name=from]").select_option("2022")
    page.locator("select[name=to]").select_option("2022")
    expect(page.locator(RESULTS)).to_have_count(2)
    page.go_back()
    page.go_back()
    page.go_back()
    expect(page.locator(RESULTS)).to_have_count(1)
    expect(page.locator("select[name=province]")).to_have_value("ha-tinh")
    page.go_back()
    page.go_back()
    expect(page.locator(RESULTS)).to_have_count(5)
    expect(page.locator("select[name=province]")).to_have_value("")


def test_a_filter_alone_lists_its_articles(page, archive):
    page.goto(archive + "search/?topic=the-che")
    expect(page.locator(RESULTS)).to_have_count(1)
    expect(page.locator("#search-status")).to_have_text("1 bài viết khớp với bộ lọc.")
    page.goto(archive + "search/?q=hanh+chinh&province=khong-co")  # not in this archive: shown and searched as "any"
    expect(page.locator("select[name=province]")).to_have_value("")
    expect(page.locator(RESULTS)).to_have_count(5)


def test_each_search_typed_and_submitted_is_one_step_back(page, archive):
    page.goto(archive + "search/")
    box = page.locator("#search-input")
    box.press_sequentially("ham tan", delay=20)
    box.press("Enter")
    expect(page.locator(RESULTS).first).to_contain_text("Hàm Tân")
    box.fill("")
    box.press_sequentially("quang nam", delay=20)
    box.press("Enter")
    expect(page.locator(RESULTS).first).to_contain_text("Quảng Nam")
    box.fill("")
    box.press_sequentially("hanh chinh", delay=20)  # typed, then filtered: two steps
    expect(page.locator(RESULTS)).to_have_count(5)
    page.locator("select[name=from]").select_option("2024")
    expect(page.locator(RESULTS)).to_have_count(2)
    page.go_back()
    expect(page.locator(RESULTS)).to_have_count(5)
    expect(page.locator("select[name=from]")).to_have_value("")
    page.go_back()
    expect(box).to_have_value("quang nam")
    page.go_back()
    expect(box).to_have_value("ham tan")
    expect(page.locator(RESULTS).first).to_contain_text("Hàm Tân")
    page.go_back()
    expect(box).to_have_value("")
    expect(page.locator(RESULTS)).to_have_count(0)


def test_going_back_from_an_article_returns_to_the_same_results(page, archive):
    page.goto(archive + "search/")
    page.locator("#search-input").fill("quảng nam")
    expect(page.locator(RESULTS).first).to_contain_text("Quảng Nam")
    page.locator(f"{RESULTS} a").first.click()
    page.wait_for_load_state()
    page.go_back()
    expect(page.locator("#search-input")).to_have_value("quảng nam")
    expect(page.locator(RESULTS).first).to_contain_text("Quảng Nam")


def test_the_header_box_on_every_page_leads_to_results(page, archive):
    page.goto(archive + "archives/")
    page.locator("#site-search-input").fill("Hà Tĩnh")
    page.locator("#site-search-input").press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=H%C3%A0\+T%C4%A9nh$"))
    expect(page.locator(RESULTS).first).to_contain_text("Hà Tĩnh")


def test_search_works_under_a_sub_path(chromium, tmp_path):
    root = tmp_path / "root"
    root.mkdir()
    with serve_directory(root) as base:
        build_to_disk(REPO, root / "luu-tru", base_url=f"{base}luu-tru/")
        context = chromium.new_context()
        try:
            page = context.new_page()
            failures: list[str] = []
            page.on("response", lambda r: r.status >= 400 and failures.append(f"{r.status} {r.url}"))
            page.goto(f"{base}luu-tru/search/?q=ha+tinh")
            expect(page.locator(RESULTS).first).to_contain_text("Hà Tĩnh")
            assert page.locator(f"{RESULTS} a").first.get_attribute("href").startswith("/luu-tru/2021/")
            page.locator(f"{RESULTS} a").first.click()
            page.wait_for_load_state()
            assert page.url.startswith(f"{base}luu-tru/2021/") and not failures, failures
        finally:
            context.close()


def test_without_javascript_the_page_says_what_to_do(chromium, archive):
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(archive + "search/?q=ham+tan")
        expect(page.locator(".search-nojs")).to_be_visible()
        expect(page.locator(".search-nojs a")).to_have_count(3)
    finally:
        context.close()


def test_a_match_only_where_the_article_is_filed_is_shown(page, crowded):
    page.goto(crowded + "search/?q=Qu%E1%BA%A3ng+Tr%E1%BB%8B")
    expect(page.locator(RESULTS)).to_have_count(1)
    expect(page.locator(f"{RESULTS} .result-about mark")).to_have_text(["Quảng", "Trị"])


def test_data_from_another_build_is_said_not_misread(page, tmp_path):
    """A page cached from one build reading a manifest written by another (or the reverse)
    says so and asks for a reload, instead of decoding the files wrong."""
    output = build_to_disk(REPO, tmp_path / "output")
    manifest = output / "search" / "manifest.json"
    data = json.loads(manifest.read_text("utf-8"))
    data["format"] -= 1
    manifest.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    with serve_directory(output) as base:
        page.goto(f"{base}search/?q=ha+tinh")
        expect(page.locator("#search-status")).to_contain_text("hai lần dựng trang khác nhau")
        expect(page.locator(RESULTS)).to_have_count(0)
