"""Covers and thumbnails as Debian's Chromium shows them (issue 22 item 2), at 390 and 1280 px:
no horizontal scroll, no layout shift while pictures load, and the browser fetching the
narrowest rendition that fills the box, never a wider one."""

from __future__ import annotations

import pytest
from conftest import build_to_disk
from picturemaker import logo, photo, put
from serving import serve_directory
from sitemaker import article, make_site
from test_browser import AXE_JS, BLOCKING_IMPACTS

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
COVER = "2024/03/hoi-nghi/"
SECTION = "## Phần {n}\n\n" + "Bộ phận một cửa tiếp nhận và trả kết quả hồ sơ cho người dân đúng hẹn. " * 40 + "\n\n"


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("pictures-browser")
    articles = {
        "hoi-nghi.md": article(
            "Hội nghị tổng kết chuyển đổi số trong cải cách hành chính",
            "2024-03-01",
            "".join(SECTION.format(n=n) for n in range(1, 5)),
            slug="hoi-nghi",
            image="images/hoi-nghi.jpg",
            image_alt="Toàn cảnh hội nghị",
            provinces=["Bình Định"],
        )
    }
    for n in range(4):
        articles[f"b{n}.md"] = article(
            f"Bộ phận một cửa cấp xã số {n} đón người dân làm thủ tục",
            f"2024-02-{n + 1:02d}",
            slug=f"b{n}",
            image=f"images/b{n}.{'png' if n % 2 else 'jpg'}",
            image_alt=f"Ảnh {n}",
            provinces=["Bình Định"],
        )
    articles["khong.md"] = article(
        "Một bài không có ảnh bìa nhưng có tiêu đề khá dài để xuống dòng", "2024-01-15", slug="khong"
    )
    site = make_site(root / "site", articles, config="search = false\n")
    put(site, "images/hoi-nghi.jpg", photo(2400, 1350))
    for n in range(4):
        put(site, f"images/b{n}.{'png' if n % 2 else 'jpg'}", logo(900, 900) if n % 2 else photo(1200, 800, shade=n))
    with serve_directory(build_to_disk(site, root / "output")) as base:
        yield base


LOADED = "img => img.complete && img.naturalWidth > 0"
CHOSEN = """img => ({src: img.currentSrc, shown: img.getBoundingClientRect().width, ratio: devicePixelRatio,
    candidates: [...img.parentElement.querySelector('source').srcset.matchAll(/(\\S+) (\\d+)w/g)].map(m => +m[2])})"""


def _narrowest_that_fills(chosen: dict) -> int:
    needed = chosen["shown"] * chosen["ratio"]
    fitting = [w for w in sorted(chosen["candidates"]) if w >= needed]
    return fitting[0] if fitting else max(chosen["candidates"])


def _width_of(src: str) -> int:
    return int(src.rsplit("-", 1)[1].split(".")[0])


@pytest.mark.parametrize(
    "viewport, scale, expected",
    [(PHONE, 1, 640), (PHONE, 2, 960), (DESKTOP, 1, 960)],
    ids=["phone", "phone-2x", "desktop"],
)
def test_the_cover_fits_and_the_browser_picks_the_narrowest_rendition_that_fills_it(
    open_page, site_url, viewport, scale, expected
):
    page = open_page(site_url + COVER, viewport, device_scale_factor=scale)
    cover = page.locator("figure.cover img")
    page.wait_for_function(f"() => ({LOADED})(document.querySelector('figure.cover img'))")
    chosen = cover.evaluate(CHOSEN)
    assert chosen["src"].endswith(".webp"), "Chromium reads WebP: it must not take the fallback"
    assert _width_of(chosen["src"]) == _narrowest_that_fills(chosen) == expected, chosen
    box = cover.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
    assert abs(box["height"] - box["width"] * 1350 / 2400) < 2, "the picture is not shown in its own shape"
    assert page.evaluate("() => document.documentElement.scrollWidth") <= viewport["width"]
    heading = page.locator("h1").bounding_box()
    assert box["y"] > heading["y"], "the cover comes after the headline"


def test_pictures_cause_no_layout_shift_while_they_load(open_page, site_url):
    page = open_page(site_url + COVER, PHONE)
    page.wait_for_function(f"() => [...document.images].every({LOADED})")
    # layout-shift entries are given to an observer only; buffered: those since the page began
    shift = page.evaluate("""() => new Promise(done => {
        new PerformanceObserver(list => done(list.getEntries().reduce((sum, e) => sum + e.value, 0)))
            .observe({type: 'layout-shift', buffered: true});
        setTimeout(() => done(0), 500);
    })""")
    assert shift < 0.01


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_cards_show_a_small_thumbnail_beside_the_headline_without_breaking_the_layout(open_page, site_url, viewport):
    page = open_page(site_url + "articles/", viewport)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= viewport["width"]
    cards = page.locator("main .card.has-image")
    assert cards.count() == 5 and page.locator("main .card:not(.has-image)").count() == 1
    first = cards.first
    thumbnail, title = first.locator(".card-image img"), first.locator(".card-title")
    assert thumbnail.get_attribute("loading") == "lazy" and thumbnail.get_attribute("alt") == ""
    page.wait_for_function(f"() => ({LOADED})(document.querySelector('.card-image img'))")
    image, heading = thumbnail.bounding_box(), title.bounding_box()
    assert image["width"] == (96 if viewport is PHONE else 128) and abs(image["height"] - image["width"] * 3 / 4) < 1
    assert image["x"] >= heading["x"] + heading["width"] and abs(image["y"] - heading["y"]) < 12, (image, heading)
    assert image["x"] + image["width"] <= viewport["width"]
    assert heading["width"] >= 200, "the headline is squeezed by its thumbnail"
    assert _width_of(thumbnail.evaluate(CHOSEN)["src"]) == 320


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_pages_with_pictures_are_axe_clean(open_page, site_url, viewport):
    for path in (COVER, "articles/", ""):
        page = open_page(site_url + path, viewport)
        page.add_script_tag(content=AXE_JS.read_text(encoding="utf-8"))
        results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        blocking = [v["id"] for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS]
        assert blocking == [], f"/{path}: {blocking}"


def test_a_long_articles_contents_stay_beside_the_text_under_its_cover(open_page, site_url):
    page = open_page(site_url + COVER, DESKTOP)
    toc, cover, prose = (page.locator(s).bounding_box() for s in (".toc", "figure.cover", ".prose"))
    assert toc["x"] >= cover["x"] + cover["width"] and cover["y"] < prose["y"]
