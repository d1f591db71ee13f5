"""The preview in Debian's Chromium: a page reloads by itself after an edit, a failed rebuild
shows an overlay over the last good page, a stylesheet edit is swapped in without a reload."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import SITES
from playwright.sync_api import Error as PlaywrightError
from previewing import running_preview

pytestmark = pytest.mark.browser
ARTICLE = "content/mot-cua.md"


@pytest.fixture
def site(tmp_path) -> Path:
    target = tmp_path / "site"
    shutil.copytree(SITES / "minimal", target)
    (target / "static").mkdir()
    (target / "static" / "preview.css").write_text("body { background: rgb(255, 255, 255) }\n")
    return target


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport={"width": 390, "height": 500})
    page = context.new_page()
    yield page
    # leave the preview's page first (its live reload may be navigating again): closing a context
    # in the middle of a navigation can hang for good
    for _ in range(5):
        try:
            page.goto("about:blank")
            break
        except PlaywrightError as error:
            if "interrupted by another navigation" not in str(error):
                raise
    context.close()


def _article(preview) -> str:
    key = next(path for path in preview.site.snapshot.files if "mot-cua" in path and path.endswith("index.html"))
    return preview.origin + "/luu-tru/" + key.removesuffix("index.html")


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _settled(page, expression: str, tries: int = 20):
    """``expression`` evaluated in the page, asked again when a reload replaced the page meanwhile."""
    for _ in range(tries - 1):
        try:
            return page.evaluate(expression)
        except PlaywrightError as error:
            if "context was destroyed" not in str(error):
                raise
            page.wait_for_load_state("load")
    return page.evaluate(expression)


def test_a_page_reloads_by_itself_after_an_edit_and_keeps_its_place(site, page):
    _append(site / ARTICLE, "\n" + "\n\n".join(f"Đoạn dài số {n} để trang cuộn được." for n in range(60)) + "\n")
    with running_preview(site) as preview:
        page.goto(_article(preview))
        page.evaluate("window.scrollTo(0, 600); window.__beforeEdit = true")
        page.wait_for_timeout(300)  # the event stream is open before the edit
        _append(site / ARTICLE, "\nMột câu vừa thêm trong lúc xem trước.\n")
        page.get_by_text("Một câu vừa thêm trong lúc xem trước.").wait_for(timeout=3000)
        # the fresh page, then (when the whole site is consistent) maybe the page again:
        # ask once the page is no longer navigating
        assert _settled(page, "window.__beforeEdit") is None  # a real reload, not a patch
        page.wait_for_function("window.scrollY > 400", timeout=2000)


def test_a_failed_rebuild_shows_an_overlay_until_it_is_fixed(site, page):
    with running_preview(site) as preview:
        page.goto(_article(preview))
        title = page.locator("h1").first.inner_text()
        page.wait_for_timeout(300)
        path = site / ARTICLE
        original = path.read_text(encoding="utf-8")
        path.write_text(original.replace("title:", "title: [unclosed", 1), encoding="utf-8")
        overlay = page.locator("#reform-archive-overlay [role=alert]")
        overlay.wait_for(timeout=3000)
        assert "Lần dựng lại vừa rồi bị lỗi" in overlay.inner_text()
        problem = overlay.locator("code").first.inner_text()
        assert problem.startswith(f"{site / ARTICLE}:") and problem.split(":")[1].isdigit()
        assert page.locator("h1").first.inner_text() == title  # the last good page is still there

        path.write_text(original + "\nĐã sửa xong.\n", encoding="utf-8")
        page.get_by_text("Đã sửa xong.").wait_for(timeout=3000)
        assert page.locator("#reform-archive-overlay").count() == 0


def test_a_stylesheet_edit_is_applied_without_reloading(site, page):
    with running_preview(site) as preview:
        page.goto(_article(preview))
        page.evaluate("""() => { const link = document.createElement('link');
            link.rel = 'stylesheet'; link.href = '/luu-tru/preview.css'; document.head.append(link);
            window.__beforeEdit = true; }""")
        page.wait_for_function("getComputedStyle(document.body).backgroundColor === 'rgb(255, 255, 255)'")
        page.wait_for_timeout(300)
        (site / "static" / "preview.css").write_text("body { background: rgb(1, 2, 3) }\n")
        page.wait_for_function("getComputedStyle(document.body).backgroundColor === 'rgb(1, 2, 3)'", timeout=3000)
        assert page.evaluate("window.__beforeEdit") is True
