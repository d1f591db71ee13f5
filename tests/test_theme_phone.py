"""The default theme as a reader sees it in Debian's Chromium (issue 22), at 390×844 and
1280×800: a compact header whose menu opens without JavaScript, one-row pagination, tap
targets of 44 px, a readable measure, dark mode that axe finds clean, and print."""

from __future__ import annotations

import pytest
from conftest import build_to_disk
from serving import serve_directory
from sitemaker import article, make_site
from test_browser import AXE_JS, BLOCKING_IMPACTS, _audited_paths

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
ARTICLE = "2021/10/ha-tinh-huong-den-nen-hanh-chinh-hien-dai/"
PAGES = {"home": "", "article": ARTICLE, "list": "articles/page/2/"}
MAX_PHONE_HEADER = 110  # px: it was 220, a quarter of the screen
TAP = 43.5  # px: 44 px targets, less rounding


@pytest.fixture(scope="module")
def sample_url(sample_output):
    with serve_directory(sample_output) as base:
        yield base


@pytest.fixture(scope="module")
def paged_url(tmp_path_factory):
    """30 articles, one per page: page 15 shows every kind of pagination item."""
    root = tmp_path_factory.mktemp("paged")
    articles = {
        f"a{i:02d}.md": article(
            f"Hội nghị cải cách hành chính số {i}",
            f"2024-01-{i + 1:02d}",
            slug=f"hoi-nghi-{i:02d}",
            provinces=["Bình Định"],
            source={"name": "Báo Bình Định", "url": f"https://baobinhdinh.vn/{i}"},
        )
        for i in range(30)
    }
    output = build_to_disk(make_site(root / "site", articles, config="per_page = 1\n"), root / "output")
    with serve_directory(output) as base:
        yield base


def box(page, selector: str) -> dict:
    found = page.locator(selector).first.bounding_box()
    assert found is not None, f"{selector} is not rendered"
    return found


def middle(b: dict) -> float:
    return b["y"] + b["height"] / 2


def same_row(a: dict, b: dict) -> bool:
    """Each one's middle lies within the other's height."""
    return a["y"] <= middle(b) <= a["y"] + a["height"] and b["y"] <= middle(a) <= b["y"] + b["height"]


@pytest.mark.parametrize("name", list(PAGES))
def test_phone_header_is_one_compact_row_with_the_menu_closed(open_page, sample_url, name):
    page = open_page(sample_url + PAGES[name], PHONE)
    header = box(page, ".site-header")
    assert header["height"] <= MAX_PHONE_HEADER, f"the header is {header['height']} px tall at 390 px"
    title, search = box(page, ".site-title"), box(page, ".site-search input")
    assert same_row(title, search), f"title {title} and search box {search} are not on one row"
    assert search["width"] >= 80, "the search box is too narrow to type in"
    assert not page.locator(".site-nav a").first.is_visible(), "the navigation is not collapsed"
    menu = box(page, ".site-nav summary")
    assert same_row(title, menu) and menu["x"] + menu["width"] <= PHONE["width"]
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]


def test_phone_menu_opens_without_javascript_by_keyboard_and_by_tap(open_page, sample_url):
    page = open_page(sample_url + ARTICLE, PHONE, java_script_enabled=False)
    links = page.locator(".site-nav a")
    page.locator(".site-nav summary").focus()
    page.keyboard.press("Enter")
    assert links.first.is_visible(), "Enter on the menu button did not open the menu"
    heights = [links.nth(i).bounding_box()["height"] for i in range(links.count())]
    assert links.count() == 5 and min(heights) >= TAP, heights
    page.keyboard.press("Enter")
    assert not links.first.is_visible()
    page.locator(".site-nav summary").click()
    links.nth(1).click()
    page.wait_for_url(sample_url + "topics/")


@pytest.mark.parametrize("name", list(PAGES))
def test_desktop_header_keeps_title_navigation_and_search_on_one_row(open_page, sample_url, name):
    page = open_page(sample_url + PAGES[name], DESKTOP)
    title, search = box(page, ".site-title"), box(page, ".site-search input")
    assert not page.locator(".site-nav summary").is_visible(), "a menu button on desktop"
    links = page.locator(".site-nav a")
    assert links.count() == 5
    for i in range(5):
        assert links.nth(i).is_visible() and same_row(title, links.nth(i).bounding_box())
    assert same_row(title, search), f"the search box {search} wrapped under the title {title}"
    assert box(page, ".site-header")["height"] <= 80


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("name", list(PAGES))
def test_the_first_heading_is_not_glued_under_the_header(open_page, sample_url, name, viewport):
    page = open_page(sample_url + PAGES[name], viewport)
    header = box(page, ".site-header")
    first = page.evaluate("""() => [...document.querySelectorAll('main > *')]
        .find(e => e.getBoundingClientRect().height > 2).getBoundingClientRect().top""")
    assert first - (header["y"] + header["height"]) >= 16


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_pagination_is_one_row_with_previous_current_and_next(open_page, paged_url, viewport):
    page = open_page(paged_url + "articles/page/15/", viewport)
    items = page.locator("nav.pagination li")
    rows = {round(items.nth(i).bounding_box()["y"]) for i in range(items.count()) if items.nth(i).is_visible()}
    assert len(rows) == 1, f"pagination wraps into {len(rows)} rows at {viewport['width']} px"
    for selector in ("a[rel=prev]", "a[aria-current=page]", "a[rel=next]"):
        assert page.locator(f"nav.pagination {selector}").is_visible(), selector
    shown = [a for a in page.locator("nav.pagination a").all() if a.is_visible()]
    if viewport is DESKTOP:
        assert len(shown) == 9, "desktop shows the first, last and two pages either side"


def test_phone_tap_targets_are_44_px_tall(open_page, sample_url):
    checks = {
        ARTICLE: ["article .chip", ".breadcrumb a", ".site-nav summary", ".site-search button", ".site-footer a"],
        "": [".term-list a"],
        "articles/page/2/": [".pagination a"],
    }
    for path, selectors in checks.items():
        page = open_page(sample_url + path, PHONE)
        for selector in selectors:
            shown = [target.bounding_box() for target in page.locator(selector).all() if target.is_visible()]
            assert shown, selector
            heights = [b["height"] for b in shown]
            assert min(heights) >= TAP, f"/{path} {selector}: {min(heights)} px"


def test_list_cards_keep_a_readable_measure_on_desktop(open_page, sample_url):
    page = open_page(sample_url + "articles/", DESKTOP)
    widths = page.evaluate("""() => [...document.querySelectorAll('main .card .excerpt, main .card-title')].map(e => {
        const ch = document.createElement('span');
        ch.style.cssText = 'display:inline-block;width:1ch';
        e.append(ch);
        const w = e.getBoundingClientRect().width / ch.getBoundingClientRect().width;
        ch.remove();
        return w; })""")
    assert widths and max(widths) <= 72, f"cards run {max(widths):.0f} characters wide"


def _luminance(rgb: str) -> float:
    r, g, b = (int(x) / 255 for x in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


DARK_PAGES = [
    "home",
    "article",
    "all-articles",
    "province-term",
    "legal-document",
    "documents-index",
    "statistics",
    "topics-index",
    "archives",
    "not-found",
    "search",
]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("page_name", DARK_PAGES)
def test_dark_mode_is_dark_and_axe_clean(open_page, sample_output, sample_url, page_name, viewport):
    path = _audited_paths(sample_output)[page_name]
    page = open_page(sample_url + path, viewport, color_scheme="dark")
    if page_name == "search":
        page.wait_for_selector("#search-results li")
    background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    assert _luminance(background) < 0.2, f"the page is not dark: {background}"
    if viewport is PHONE:
        page.locator(".site-nav summary").click()  # the open menu is audited too
    page.add_script_tag(content=AXE_JS.read_text(encoding="utf-8"))
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    blocking = [v for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS or v["id"] == "color-contrast"]
    report = "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']}; nodes: {[n['target'] for n in v['nodes']]}" for v in blocking
    )
    assert not blocking, f"axe-core violations in dark mode on /{path} at {viewport['width']}px:\n{report}"


def test_print_shows_the_page_and_source_addresses_after_the_article(open_page, paged_url):
    page = open_page(paged_url + "2024/01/hoi-nghi-03/", DESKTOP)
    printed = page.locator("article.article .print-only")
    assert not printed.is_visible(), "the print-only addresses show on screen"
    page.emulate_media(media="print")
    assert printed.is_visible()
    text = printed.inner_text()
    assert "https://example.org/2024/01/hoi-nghi-03/" in text  # the canonical address, not the preview's
    assert page.locator("a[rel=external]").get_attribute("href") == "https://baobinhdinh.vn/3"
    assert "https://baobinhdinh.vn/3" in text
    assert not page.locator(".site-header").is_visible()
    assert box(page, ".print-only")["y"] > box(page, ".prose")["y"], "the addresses come after the article"
