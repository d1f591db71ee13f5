"""Bytes and time a search query costs in a real browser: our search page against Pagefind.

    python -m benchmarks.search_network 1000 10000 [--systems ours,pagefind] [--keep DIR]
    python -m benchmarks.search_network --built OUT [OUT ...]    # outputs built before

Each size's synthetic corpus (benchmarks/corpus.py) is built by us; Pagefind (PyPI
``pagefind[bin]``) then indexes the article pages of that output. Chromium
(/usr/bin/chromium) opens the real search page with ?q= in a fresh context (empty cache).
No index format is read: bytes are sorted by URL (ours' data is /search/ but the page;
Pagefind's its *.pf_* files, its JS/wasm being its engine) and sized min(raw, gzip -6);
a MutationObserver times the first li.search-result. OUT/pagefind-bench.html, written here,
gives Pagefind a page that behaves like ours. Columns and caveats: benchmarks/README.md.

Profiles: laptop (no throttling) and phone (CDP CPU throttling x4, which Chromium applies
to the page's main thread only, not to Pagefind's worker).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from benchmarks.build_speed import html_pages, run_measured
from benchmarks.chromium import CHROMIUM, CHROMIUM_ARGS
from benchmarks.corpus import write_site
from benchmarks.loopback import serve

PROFILES = {"laptop": 1, "phone": 4}  # CDP CPU throttling rate
# From the archive's head phrases to its tail, mostly three syllables as people type them:
# the subject of nearly every article (the worst case: most postings, most candidates),
# two reform topics, a shorter common phrase, the same kind of phrase typed without
# diacritics, a province (in ~4 % of articles), a decree number as it is cited, and a
# real word that the Zipf tail puts in about 2 of 1,000 articles (so in every larger corpus).
QUERIES = (
    "cải cách hành chính",
    "thủ tục hành chính",
    "một cửa liên thông",
    "dịch vụ công",
    "hanh chinh cong",
    "Thừa Thiên Huế",
    "61/2018/NĐ-CP",
    "ngách",
)
KEYSTROKES = " năm"  # "năm" (year) is in nearly every article: each keystroke still finds results
TYPING_DELAY_MS = 150  # ours' debounce, copied by the Pagefind page
PAGE_SIZE = 20
PAGEFIND_DATA = (".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter")
PAGEFIND_GLOB = "[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html"  # article pages only
TIMEOUT_MS = 300_000

# Runs before any page script: timestamps of inserted results and of input events.
OBSERVER = """(() => {
  const bench = window.__bench = { adds: [], keys: [], errors: [] };
  const logError = console.error.bind(console);  // our page reports failed data loads here
  console.error = (...args) => { bench.errors.push(args.map(String).join(" ")); logError(...args); };
  addEventListener("error", e => bench.errors.push(String(e.message)));
  addEventListener("unhandledrejection", e => bench.errors.push(String(e.reason)));
  try { performance.setResourceTimingBufferSize(100000); } catch (e) {}
  document.addEventListener("input", e => bench.keys.push({ at: e.timeStamp, shown: null }), true);
  const isResult = n => n.nodeType === 1 && (n.matches("li.search-result") || n.querySelector("li.search-result"));
  new MutationObserver(records => {
    const now = performance.now();
    if (!records.some(r => Array.from(r.addedNodes).some(isResult))) return;
    bench.adds.push(now);
    const key = bench.keys[bench.keys.length - 1];
    if (key && key.shown === null) key.shown = now;
  }).observe(document, { childList: true, subtree: true });
})();"""
ENTRIES = """() => [performance.timeOrigin,
  performance.getEntriesByType("resource").map(e => [e.name, e.startTime, e.responseEnd])]"""
PAGEFIND_PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Pagefind (benchmark)</title><link rel="icon" href="data:,"></head>
<body>
<input id="search-input" type="search" autocomplete="off">
<p id="search-status"></p>
<ol id="search-results"></ol>
<script type="module">
const pagefind = await import("/pagefind/pagefind.js");
const input = document.getElementById("search-input"), list = document.getElementById("search-results");
let runId = 0, timer = 0;
async function run(q) {
  const id = ++runId, found = await pagefind.search(q);
  if (id !== runId) return;
  document.getElementById("search-status").textContent = found.results.length + " kết quả";
  list.textContent = "";
  for (const pending of found.results.slice(0, PAGE_SIZE).map(r => r.data())) {  // all requested at once
    const d = await pending;
    if (id !== runId) return;
    const item = document.createElement("li"), link = document.createElement("a"), text = document.createElement("p");
    item.className = "search-result"; link.href = d.url; link.textContent = d.meta.title; text.innerHTML = d.excerpt;
    item.append(link, text); list.append(item);
  }
}
input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => run(input.value), TYPING_DELAY); });
input.value = new URLSearchParams(location.search).get("q") || "";
if (input.value) run(input.value);
</script>
</body></html>
""".replace("PAGE_SIZE", str(PAGE_SIZE)).replace("TYPING_DELAY", str(TYPING_DELAY_MS))


@dataclass
class Fetch:
    url: str
    resource_type: str  # document, script, fetch ...
    data: bool
    raw: int
    packed: int  # min(raw, gzip -6): what a gzip-serving host would send
    start: float | None  # ms after the page's time origin
    end: float | None


@dataclass
class QueryCost:
    system: str
    query: str
    profile: str
    fetches: list[Fetch]
    first_ms: float
    after_data_ms: float
    script_ms: float
    key_ms: list[float] = field(default_factory=list)

    @property
    def page_bytes(self) -> int:
        return sum(f.packed for f in self.fetches if not f.data)

    @property
    def data_before_bytes(self) -> int:
        return sum(f.packed for f in self.fetches if f.data and f.end is not None and f.end <= self.first_ms)

    @property
    def data_bytes(self) -> int:
        return sum(f.packed for f in self.fetches if f.data)

    @property
    def data_requests(self) -> int:
        return sum(f.data for f in self.fetches)


# --- serving and sizes ---------------------------------------------------------------------
_PACKED: dict[bytes, int] = {}  # by content hash: the same files come back for every query


def packed_size(body: bytes) -> int:
    digest = hashlib.sha256(body).digest()
    if digest not in _PACKED:
        _PACKED[digest] = min(len(body), len(gzip.compress(body, 6)))
    return _PACKED[digest]


def folder_size(files: list[Path]) -> tuple[int, int, int]:
    """Number of files, raw bytes and min(raw, gzip) bytes."""
    return len(files), sum(p.stat().st_size for p in files), sum(packed_size(p.read_bytes()) for p in files)


# --- one query in the browser --------------------------------------------------------------
def is_ours_data(url: str) -> bool:
    path = urlsplit(url).path
    return path.startswith("/search/") and path not in ("/search/", "/search/index.html")


def is_pagefind_data(url: str) -> bool:
    path = urlsplit(url).path
    return path.startswith("/pagefind/") and path.endswith(PAGEFIND_DATA)


def _body(response) -> bytes:
    """What the browser received; Chromium drops big bodies (our 13 MB index) from the inspector's
    cache, and then the static server is simply asked again."""
    try:
        return response.body()
    except PlaywrightError:
        with urllib.request.urlopen(response.url) as again:
            return again.read()


def _settle(page, in_flight: list[int], quiet_ms: int = 300) -> None:
    """Wait until no request has been in flight for ``quiet_ms`` (events arrive while waiting)."""
    quiet = 0
    while quiet < quiet_ms:
        page.wait_for_timeout(50)
        quiet = quiet + 50 if in_flight[0] == 0 else 0


def _union_ms(intervals: list[tuple[float, float]], low: float, high: float) -> float:
    total, reach = 0.0, low
    for start, end in sorted(intervals):
        start, end = max(start, reach), min(end, high)
        if end > start:
            total, reach = total + end - start, end
    return total


def measure(
    new_page: Callable,
    url: str,
    is_data: Callable[[str], bool],
    *,
    system: str,
    query: str,
    profile: str = "laptop",
    keystrokes: str = KEYSTROKES,
) -> QueryCost:
    """Open ``url`` in the fresh page ``new_page()`` gives, wait for the first page of results,
    and sort what was fetched; then type ``keystrokes`` one by one and time each."""
    page = new_page()
    requests, in_flight = [], [0]

    def started(request) -> None:
        in_flight[0] += 1

    def ended(request) -> None:
        in_flight[0] -= 1
        requests.append(request)

    page.context.on("request", started)  # context-wide, so Pagefind's worker is seen too
    page.context.on("requestfinished", ended)
    page.context.on("requestfailed", ended)
    page.add_init_script(OBSERVER)
    if PROFILES[profile] != 1:
        page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": PROFILES[profile]})
    try:
        page.goto(url)
        page.wait_for_function("window.__bench.adds.length > 0 || window.__bench.errors.length > 0", timeout=TIMEOUT_MS)
        if errors := page.evaluate("window.__bench.errors"):
            raise RuntimeError(f"{system} {query!r}: the page reported {errors[:3]}")
        _settle(page, in_flight)
        origin, entries = page.evaluate(ENTRIES)
        timing = {name: (start, end) for name, start, end in entries}
        for worker in page.workers:  # its clock has another origin: shift onto the page's
            worker_origin, worker_entries = worker.evaluate(ENTRIES)
            timing.update({n: (s + worker_origin - origin, e + worker_origin - origin) for n, s, e in worker_entries})
        first = page.evaluate("window.__bench.adds[0]")
        fetches = []
        for request in requests:
            response = request.response()
            if response is None or response.status >= 400:
                print(f"  ! {request.url}: {response.status if response else request.failure}", file=sys.stderr)
                continue
            body = _body(response)
            start, end = timing.get(request.url, (None, None))
            fetches.append(
                Fetch(
                    request.url, request.resource_type, is_data(request.url), len(body), packed_size(body), start, end
                )
            )
        arrived = [f for f in fetches if f.data and f.end is not None and f.end <= first]
        if any(f.data and f.end is None for f in fetches):
            print(f"  ! {system} {query!r}: data without resource timing", file=sys.stderr)
        t0 = min((f.start for f in arrived), default=first)
        busy = _union_ms([(f.start, f.end) for f in fetches if f.end is not None], t0, first)
        cost = QueryCost(
            system,
            query,
            profile,
            fetches,
            first,
            first - max((f.end for f in arrived), default=first),
            first - t0 - busy,
        )

        page.focus("#search-input")
        page.keyboard.press("End")
        for n, key in enumerate(keystrokes):
            page.keyboard.type(key)
            page.wait_for_function(
                f"window.__bench.keys.length > {n} && window.__bench.keys[{n}].shown !== null", timeout=TIMEOUT_MS
            )
            _settle(page, in_flight, 200)
        cost.key_ms = [k["shown"] - k["at"] - TYPING_DELAY_MS for k in page.evaluate("window.__bench.keys")]
        return cost
    finally:
        page.context.close()


def measure_ours(new_page: Callable, base_url: str, query: str, profile: str = "laptop") -> QueryCost:
    return measure(
        new_page, f"{base_url}search/?q={quote(query)}", is_ours_data, system="ours", query=query, profile=profile
    )


def measure_pagefind(new_page: Callable, base_url: str, query: str, profile: str = "laptop") -> QueryCost:
    return measure(
        new_page,
        f"{base_url}pagefind-bench.html?q={quote(query)}",
        is_pagefind_data,
        system="pagefind",
        query=query,
        profile=profile,
    )


# --- building both -------------------------------------------------------------------------
def pagefind_binary() -> Path:
    try:
        import pagefind_bin
    except ImportError:
        sys.exit('Pagefind is not installed: .venv/bin/pip install "pagefind[bin]"')
    return pagefind_bin.get_executable()


def index_pagefind(output: Path) -> dict:
    """Pagefind over our built article pages (the <article> only, as our index sees them)."""
    shutil.rmtree(output / "pagefind", ignore_errors=True)
    command = [
        str(pagefind_binary()),
        "--site",
        str(output),
        "--output-subdir",
        "pagefind",
        "--glob",
        PAGEFIND_GLOB,
        "--root-selector",
        "article.article",
    ]
    with tempfile.TemporaryDirectory() as folder:
        result = run_measured(command, Path(folder) / "pagefind.log")
        result["log"] = (Path(folder) / "pagefind.log").read_text(errors="replace")
    (output / "pagefind-bench.html").write_text(PAGEFIND_PAGE, encoding="utf-8")
    return result


def build_ours(site: Path, output: Path, log: Path) -> dict:
    shutil.rmtree(site / ".cache", ignore_errors=True)
    command = [sys.executable, "-m", "reform_archive", "build", "--site", str(site), "--output", str(output)]
    return run_measured(command, log, dict(os.environ, SOURCE_DATE_EPOCH="1767225600"))


# --- one size ------------------------------------------------------------------------------
def build_corpus(count: int, keep: Path | None) -> tuple[Path, Path]:
    """A fresh corpus of ``count`` articles, built by us; returns (work folder, output)."""
    root = Path(tempfile.mkdtemp(prefix=f"search-network-{count}-", dir=keep))
    write_site(root / "site", count)
    built = build_ours(root / "site", root / "out", root / "build.log")
    print(
        f"\n## {count:,} articles ({root})\n\n- ours: built in {built['seconds']:.1f} s (peak PSS "
        f"{built['pss_mb']:.0f} MB; the whole site, its search index included)"
    )
    return root, root / "out"


def measure_output(output: Path, systems: list[str], browser) -> None:
    """Index ``output`` with Pagefind, then run every query on both, alternating."""
    started = time.perf_counter()
    ours = folder_size([p for p in (output / "search").rglob("*") if p.is_file() and p.name != "index.html"])
    print(
        f"- ours: {html_pages(output)[1]:,} article pages; search/ data: {ours[0]:,} files, "
        f"{ours[1] / 2**20:.1f} MB raw, {ours[2] / 2**20:.1f} MB gzip"
    )
    if "pagefind" in systems:
        indexed = index_pagefind(output)
        data = folder_size([p for p in (output / "pagefind").rglob("*") if p.name.endswith(PAGEFIND_DATA)])
        total = sum(p.stat().st_size for p in (output / "pagefind").rglob("*") if p.is_file())
        pages = next(
            (line.strip() for line in indexed["log"].splitlines() if "Indexed" in line and "pages" in line), "?"
        )
        print(
            f"- pagefind: {pages.lower()} in {indexed['seconds']:.1f} s (peak PSS {indexed['pss_mb']:.0f} MB, "
            f"maxrss {indexed['maxrss_mb']:.0f} MB); index data: {data[0]:,} files, {data[1] / 2**20:.1f} MB "
            f"raw, {data[2] / 2**20:.1f} MB min(raw, gzip); pagefind/ on disk {total / 2**20:.1f} MB\n",
            flush=True,
        )

    measure_for = {"ours": measure_ours, "pagefind": measure_pagefind}
    costs: dict[tuple[str, str], dict[str, QueryCost]] = {}
    new_page = lambda: browser.new_context().new_page()  # a fresh cache every time
    with serve(output) as base_url:
        for query in QUERIES:
            for system in systems:  # alternate, so machine drift spreads over both
                for profile in PROFILES:
                    cost = measure_for[system](new_page, base_url, query, profile)
                    costs.setdefault((query, system), {})[profile] = cost
                    print(
                        f"  {system:8} {profile:6} {query!r}: first {cost.first_ms:.0f} ms, "
                        f"{cost.data_bytes / 1024:.0f} KB data",
                        file=sys.stderr,
                        flush=True,
                    )
    print_table(costs, systems)
    print(f"\nMeasured in {time.perf_counter() - started:.0f} s.")


def print_table(costs: dict[tuple[str, str], dict[str, QueryCost]], systems: list[str]) -> None:
    """One row per query and system (bytes from the laptop run), then the medians."""
    rows = []
    for (query, system), by in costs.items():
        laptop, phone = by["laptop"], by["phone"]
        rows.append(
            (
                query,
                system,
                [
                    laptop.page_bytes,
                    laptop.data_before_bytes,
                    laptop.data_bytes,
                    laptop.data_requests,
                    laptop.first_ms,
                    phone.first_ms,
                    laptop.after_data_ms,
                    phone.after_data_ms,
                    laptop.script_ms,
                    phone.script_ms,
                    statistics.median(laptop.key_ms),
                    statistics.median(phone.key_ms),
                ],
            )
        )
    for system in systems:
        mine = [r for _, s, r in rows if s == system]
        rows.append(("**median**", system, [statistics.median(column) for column in zip(*mine, strict=True)]))
    kb = lambda n: f"{n / 1024:,.0f}" if n >= 10240 else f"{n / 1024:.1f}"
    ms = lambda a, b: f"{a:,.0f} / {b:,.0f}"
    print(
        "| query | system | page KB | data KB before first results | data KB, first page | data requests "
        "| first ms (laptop / phone) | after data ms | script ms | keystroke ms |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for label, system, r in rows:
        print(
            f"| {label} | {system} | {kb(r[0])} | {kb(r[1])} | {kb(r[2])} | {r[3]:.0f} | {ms(r[4], r[5])} "
            f"| {ms(r[6], r[7])} | {ms(r[8], r[9])} | {ms(r[10], r[11])} |"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.search_network", description=__doc__.splitlines()[0])
    parser.add_argument("sizes", type=int, nargs="*", help="numbers of articles")
    parser.add_argument(
        "--built",
        type=Path,
        nargs="+",
        default=[],
        help="measure these already built outputs too (Pagefind writes into them)",
    )
    parser.add_argument("--systems", default="ours,pagefind", help="comma-separated subset of ours,pagefind")
    parser.add_argument("--keep", type=Path, help="keep corpora, outputs and logs under DIR")
    args = parser.parse_args(argv)
    systems = [s for s in ("ours", "pagefind") if s in args.systems.split(",")]
    if not systems or set(args.systems.split(",")) - {"ours", "pagefind"}:
        parser.error("--systems takes a comma-separated subset of ours,pagefind")
    if not args.sizes and not args.built:
        parser.error("give numbers of articles, --built folders, or both")
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        version = ""
        if "pagefind" in systems:
            version = (
                ", "
                + subprocess.run(
                    [pagefind_binary(), "--version"], check=True, capture_output=True, text=True
                ).stdout.strip()
            )
        print(
            f"Machine: {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
            f"Chromium {browser.version}{version}. Sizes in KB of 1,024 bytes, min(raw, gzip -6) per file."
        )
        try:
            for output in args.built:
                print(f"\n## {output.resolve()}\n")
                measure_output(output.resolve(), systems, browser)
            for count in args.sizes:
                root, output = build_corpus(count, args.keep)
                measure_output(output, systems, browser)
                if args.keep is None:
                    shutil.rmtree(root)
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
