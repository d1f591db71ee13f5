"""Every page stays light (issue 22): measured in Debian's Chromium at 390 and 1280 px, in
Vietnamese and in English, the way Lighthouse would — bytes fetched, requests, scripts, layout
shift — and held to budgets; the English build is axe-clean too (the Vietnamese one is audited
in test_browser.py and test_theme_phone.py)."""

from __future__ import annotations

import shutil

import pytest
from conftest import SAMPLE, build_to_disk
from serving import serve_directory
from test_browser import AXE_JS, BLOCKING_IMPACTS, _audited_paths

pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
PAGE_BUDGET = 100_000  # bytes fetched by a page but search: HTML, CSS, favicon (the sample's pages: 25-45 KB)
SEARCH_BUDGET = 400_000  # the search page: lunr.js, its scripts and the index parts one query needs
MAX_REQUESTS = 8  # a page but search: the HTML, the stylesheet, the favicon, no more (pictures aside)
MAX_LAYOUT_SHIFT = 0.02  # Lighthouse calls 0.1 good

MEASURE = """() => new Promise(resolve => {
  let shift = 0;
  new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) shift += e.value; })
    .observe({type: 'layout-shift', buffered: true});
  setTimeout(() => {
    const navigation = performance.getEntriesByType('navigation')[0];
    const resources = performance.getEntriesByType('resource');
    resolve({
      bytes: navigation.decodedBodySize + resources.reduce((sum, r) => sum + r.decodedBodySize, 0),
      requests: resources.length + 1,
      scripts: document.querySelectorAll('script[src]').length,
      shift,
    });
  }, 400);
})"""


@pytest.fixture(scope="module", params=["vi", "en"])
def built(request, tmp_path_factory):
    """The sample archive built in each UI language, served on a loopback port."""
    root = tmp_path_factory.mktemp(f"weight-{request.param}")
    site = root / "site"
    shutil.copytree(SAMPLE / "content", site / "content")
    config = (SAMPLE / "site.toml").read_text(encoding="utf-8")
    if request.param == "en":
        config = (
            "\n".join(line for line in config.splitlines() if not line.startswith("language")) + '\nlanguage = "en"\n'
        )
    (site / "site.toml").write_text(config, encoding="utf-8")
    output = build_to_disk(site, root / "output")
    with serve_directory(output) as base:
        yield request.param, output, base


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_pages_stay_light_and_still(open_page, built, viewport):
    language, output, base = built
    report = []
    for name, path in _audited_paths(output).items():
        if name == "not-found":
            continue  # a 404's response is not ok: the page itself is audited elsewhere
        page = open_page(base + path, VIEWPORTS[viewport])
        if name == "search":
            page.wait_for_selector("#search-results li")
        measured = page.evaluate(MEASURE)
        report.append(
            f"{language} {viewport:7} {name:16} {measured['bytes']:>8,} B {measured['requests']:>3} requests "
            f"{measured['scripts']} scripts, layout shift {measured['shift']:.3f}"
        )
        budget = SEARCH_BUDGET if name == "search" else PAGE_BUDGET
        assert measured["bytes"] <= budget, "\n".join(report)
        assert measured["shift"] <= MAX_LAYOUT_SHIFT, "\n".join(report)
        if name != "search":
            assert measured["scripts"] == 0, f"/{path} needs JavaScript"
            assert measured["requests"] <= MAX_REQUESTS, "\n".join(report)
    print("\n".join(report))


@pytest.mark.parametrize("built", ["en"], indirect=True)  # the Vietnamese pages: test_browser.py
def test_english_pages_are_axe_clean(open_page, built):
    _, output, base = built
    for name, path in _audited_paths(output).items():
        if name == "not-found":
            continue
        page = open_page(base + path, VIEWPORTS["phone"])
        if name == "search":
            page.wait_for_selector("#search-results li")
        page.add_script_tag(content=AXE_JS.read_text(encoding="utf-8"))
        results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        blocking = [
            f"{v['id']}: {[n['target'] for n in v['nodes']]}"
            for v in results["violations"]
            if v["impact"] in BLOCKING_IMPACTS
        ]
        assert not blocking, f"/{path} (English): {blocking}"
