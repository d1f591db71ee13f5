"""End-to-end checks in Debian's Chromium: accessibility (axe-core), sub-path deployment,
keyboard access and a rendering smoke test. Run with ``pytest -m browser``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SAMPLE, build_to_disk
from playwright.sync_api import expect
from serving import serve_directory

pytestmark = pytest.mark.browser

AXE_JS = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
BLOCKING_IMPACTS = {"serious", "critical"}


@pytest.fixture(scope="module")
def sample_url(sample_output):
    with serve_directory(sample_output) as base:
        yield base


def _first_dir(folder: Path) -> str:
    """The first term folder (one holding an index.html) in a taxonomy's output."""
    names = sorted(d.name for d in folder.iterdir() if (d / "index.html").is_file() and d.name != "page")
    assert names, f"no terms under {folder}"
    return names[0]


def _audited_paths(output: Path) -> dict[str, str]:
    articles = sorted(output.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html"))
    assert articles, "the sample build has no article pages"
    return {
        "home": "",
        "article": articles[0].parent.relative_to(output).as_posix() + "/",
        "all-articles": "articles/",
        "province-term": f"provinces/{_first_dir(output / 'provinces')}/",
        "legal-document": f"documents/{_first_dir(output / 'documents')}/",
        "documents-index": "documents/",
        "statistics": "statistics/",
        "documents-type": f"documents/type/{_first_dir(output / 'documents' / 'type')}/",
        "topics-index": "topics/",
        "archives": "archives/",
        "not-found": "404.html",
        "search": "search/?q=hanh+chinh",
    }


AUDITED_PAGES = [
    "home",
    "article",
    "all-articles",
    "province-term",
    "legal-document",
    "documents-index",
    "documents-type",
    "statistics",
    "topics-index",
    "archives",
    "not-found",
    "search",
]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("page_name", AUDITED_PAGES)
def test_no_serious_accessibility_violations(open_page, sample_output, sample_url, page_name, viewport):
    path = _audited_paths(sample_output)[page_name]
    page = open_page(sample_url + path, viewport)
    if page_name == "search":
        page.wait_for_selector("#search-results li")  # audit the results, not the loading state
    page.add_script_tag(content=AXE_JS.read_text(encoding="utf-8"))
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    blocking = [v for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS]
    report = "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']}; nodes: {[n['target'] for n in v['nodes']]}" for v in blocking
    )
    assert not blocking, f"axe-core violations on /{path} at {viewport['width']}px:\n{report}"


def test_site_under_sub_path_works_in_browser(chromium, tmp_path):
    # The server binds a free port first; building afterwards is fine because
    # SimpleHTTPRequestHandler reads files on each request.
    root = tmp_path / "root"
    root.mkdir()
    with serve_directory(root) as base:
        site_url = f"{base}luu-tru/"
        build_to_disk(SAMPLE, root / "luu-tru", base_url=site_url)
        context = chromium.new_context(viewport=DESKTOP)
        try:
            page = context.new_page()
            failures: list[str] = []
            page.on("response", lambda r: r.status >= 400 and failures.append(f"{r.status} {r.url}"))
            page.on("requestfailed", lambda r: failures.append(f"failed {r.url}"))

            def follow(selector: str) -> None:
                page.locator(selector).first.click()
                page.wait_for_load_state()
                # Root-relative links ("/articles/") would escape the sub-path and 404.
                assert page.url.startswith(site_url) and not failures, (
                    f"after clicking {selector!r}: at {page.url}; failed requests: {failures}"
                )
                expect(page.locator("main h1")).to_be_visible()

            page.goto(site_url)
            follow("main .card-title a")
            # The stylesheet is linked under the sub-path; unstyled, the header would be transparent.
            header_bg = page.eval_on_selector(".site-header", "e => getComputedStyle(e).backgroundColor")
            assert header_bg not in ("rgba(0, 0, 0, 0)", "transparent"), "style.css did not apply"
            follow(".site-nav a")
            if page.locator(".pagination a[rel=next]").count():
                follow(".pagination a[rel=next]")
            assert not failures, "requests failed under the sub-path:\n" + "\n".join(failures)
        finally:
            context.close()


def test_skip_link_is_first_tab_stop_and_moves_focus_to_main(open_page, sample_url):
    page = open_page(sample_url, PHONE)
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.matches('a.skip-link')")
    assert focused, "the first Tab stop is not the skip link"
    # The link is hidden off-screen until focused; when focused it must be fully on screen.
    box = page.locator("a.skip-link").bounding_box()
    assert box is not None
    assert box["x"] >= 0 and box["y"] >= 0
    assert box["x"] + box["width"] <= PHONE["width"] and box["y"] + box["height"] <= PHONE["height"]
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#main$"))
    assert page.evaluate("() => document.activeElement.id") == "main"


def test_home_page_screenshot_renders(open_page, sample_url, tmp_path):
    page = open_page(sample_url, PHONE)
    shot = tmp_path / "home-phone.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 0
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def imported_site(tmp_path_factory):
    """The repository's own archive: the seed pages as the importer made them."""
    output = build_to_disk(REPO, tmp_path_factory.mktemp("imported") / "output")
    with serve_directory(output) as base:
        yield output, base


def test_imported_articles_are_accessible_and_keep_their_structure(open_page, imported_site):
    output, base = imported_site
    articles = sorted(output.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html"))
    assert len(articles) == 5
    for article in articles:
        page = open_page(base + article.parent.relative_to(output).as_posix() + "/", PHONE)
        page.add_script_tag(content=AXE_JS.read_text(encoding="utf-8"))
        results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        assert [v["id"] for v in results["violations"]] == [], article
        if "ha-tinh-huong-den" in str(article):
            expect(page.locator("main .prose h2")).to_have_count(2)
            expect(page.locator("main .prose p.caption").first).to_be_visible()
        if "thong-bao-ket-luan" in str(article):
            expect(page.locator("main .prose ol > li")).to_have_count(7)
            expect(page.locator("main .prose ol > li > ul > li")).to_have_count(6)
