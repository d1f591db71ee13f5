"""Judged relevance of search in a real browser: our search page against Pagefind.

    python -m benchmarks.search_relevance [--systems ours,pagefind] [--split tune|test|all]
                                          [--show-failures N] [--keep DIR] [--json]

The archive (benchmarks/search_relevance/articles/, 120 articles written by the team) is
built by us into a temporary site; Pagefind (PyPI ``pagefind[bin]``) indexes the article
pages of that output. Chromium (/usr/bin/chromium) then asks both every query of
benchmarks/search_relevance/queries.toml, as a reader would type it (an ``nfd`` query is
decomposed first), and the first ten results are scored against the judgments:

- recall@10: the judged articles (grade 1 or 2) among the first ten, of all judged;
- MRR: 1 / the rank of the first judged article in the first ten (0 when none is there);
- nDCG@10: with gains 2^grade - 1;
- no-answer precision: of the queries no article answers, the share where the page did not
  say it found something. Ours says so when its status line's mode is "all" (every word
  found); Pagefind has no other way to say it than returning results.

A query is **tuned on** when the first hex digit of the SHA-256 of its id is 0-7, **held
out** otherwise: whoever changes the search reads the tuned queries' failures only
(``--show-failures`` prints those), and the held-out rows say how it does on the rest.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

from playwright.sync_api import sync_playwright

from benchmarks.chromium import CHROMIUM, CHROMIUM_ARGS
from benchmarks.loopback import serve
from benchmarks.search_network import index_pagefind

DATA = Path(__file__).resolve().parent / "search_relevance"
TOP = 10
TIMEOUT_MS = 60_000
SYSTEMS = ("ours", "pagefind")
PAGEFIND_QUERY = """async (q) => {
  const pagefind = window.__pagefind || (window.__pagefind = await import("/pagefind/pagefind.js"));
  const found = await pagefind.search(q);
  const top = await Promise.all(found.results.slice(0, TOP).map(r => r.data()));
  return { count: found.results.length, urls: top.map(d => d.url) };
}""".replace("TOP", str(TOP))
OURS_DONE = """(q) => {
  const status = document.getElementById("search-status"), list = document.getElementById("search-results");
  return document.getElementById("search-input").value === q && status.hasAttribute("data-mode")
    && status.getAttribute("data-mode") !== "" && !list.hasAttribute("aria-busy");
}"""


@dataclass(frozen=True)
class Query:
    id: str
    text: str
    kind: str
    relevant: dict[str, int]
    note: str = ""

    @property
    def tuned(self) -> bool:
        return hashlib.sha256(self.id.encode()).hexdigest()[0] in "01234567"

    @property
    def typed(self) -> str:
        """What the reader's keyboard sends: decomposed for an ``nfd`` query."""
        return unicodedata.normalize("NFD", self.text) if self.kind == "nfd" else self.text


@dataclass(frozen=True)
class Answer:
    slugs: tuple[str, ...]  # the first TOP results, best first
    count: int
    claims_found: bool


def load_queries(path: Path = DATA / "queries.toml") -> list[Query]:
    raw = tomllib.loads(path.read_text("utf-8"))["query"]
    return [Query(q["id"], q["text"], q["class"], dict(q.get("relevant", {})), q.get("note", "")) for q in raw]


def slug_of(url: str) -> str:
    return [part for part in urlsplit(url).path.split("/") if part][-1]


# --- building ----------------------------------------------------------------------------
def build_archive(root: Path) -> Path:
    """The benchmark's articles built by us into root/out; returns the output folder."""
    site = root / "site"
    subprocess.run([sys.executable, "-m", "reform_archive", "init", str(site)], check=True, capture_output=True)
    shutil.rmtree(site / "content")
    shutil.copytree(DATA / "articles", site / "content")
    # --future: every judged article is in the archive. The epoch keeps the build reproducible; alone it left
    # out, as not yet published, the six articles dated 2026 that the judgments count (until 2026-12-03)
    command = [
        sys.executable,
        "-m",
        "reform_archive",
        "build",
        "--site",
        str(site),
        "--output",
        str(root / "out"),
        "--future",
    ]
    subprocess.run(command, check=True, capture_output=True, env=dict(os.environ, SOURCE_DATE_EPOCH="1767225600"))
    return root / "out"


# --- asking ------------------------------------------------------------------------------
def ask_ours(page, base_url: str, query: Query) -> Answer:
    page.goto(f"{base_url}search/?q={quote(query.typed)}")
    page.wait_for_function(OURS_DONE, arg=query.typed, timeout=TIMEOUT_MS)
    status = page.locator("#search-status")
    mode, count = status.get_attribute("data-mode"), int(status.get_attribute("data-count") or 0)
    wanted = min(TOP, count)
    page.wait_for_function(
        f"document.querySelectorAll('#search-results li.search-result').length >= {wanted}", timeout=TIMEOUT_MS
    )
    hrefs = page.eval_on_selector_all("#search-results li.search-result a.result-title", "as => as.map(a => a.href)")
    return Answer(tuple(slug_of(h) for h in hrefs[:TOP]), count, mode == "all" and count > 0)


def ask_pagefind(page, query: Query) -> Answer:
    found = page.evaluate(PAGEFIND_QUERY, query.typed)
    return Answer(tuple(slug_of(u) for u in found["urls"]), found["count"], found["count"] > 0)


# --- scoring -----------------------------------------------------------------------------
def scores(query: Query, answer: Answer) -> dict[str, float]:
    if not query.relevant:
        return {"no_answer_right": 0.0 if answer.claims_found else 1.0}
    found = [query.relevant.get(slug, 0) for slug in answer.slugs]
    first = next((rank for rank, grade in enumerate(found, 1) if grade), None)
    ideal = sorted(query.relevant.values(), reverse=True)[:TOP]
    dcg = sum((2**grade - 1) / math.log2(rank + 1) for rank, grade in enumerate(found, 1))
    idcg = sum((2**grade - 1) / math.log2(rank + 1) for rank, grade in enumerate(ideal, 1))
    return {
        "recall": sum(1 for grade in found if grade) / min(len(query.relevant), TOP),
        "mrr": 1.0 / first if first else 0.0,
        "ndcg": dcg / idcg,
    }


def table(rows: list[tuple[Query, str, dict[str, float]]], systems: list[str]) -> str:
    """Per class, then per split, one line per system: the mean of each measure."""
    groups: dict[tuple[str, str], list[dict[str, float]]] = defaultdict(list)
    counts: dict[str, set[str]] = defaultdict(set)
    for query, system, measured in rows:
        split = "tuned" if query.tuned else "held out"
        for name in (query.kind, f"all, {split}", "all"):
            groups[(name, system)].append(measured)
            counts[name].add(query.id)
    names = sorted({q.kind for q, _, _ in rows}) + ["all, tuned", "all, held out", "all"]
    lines = [
        "| queries | n | system | recall@10 | MRR | nDCG@10 | no-answer precision |",
        "|---|---:|---|---:|---:|---:|---:|",
    ]
    for name in names:
        for system in systems:
            measured = groups[(name, system)]

            def mean(key: str, measured=measured) -> str:
                values = [m[key] for m in measured if key in m]
                return f"{sum(values) / len(values):.3f}" if values else "–"

            lines.append(
                f"| {name} | {len(counts[name])} | {system} | {mean('recall')} | {mean('mrr')} | "
                f"{mean('ndcg')} | {mean('no_answer_right')} |"
            )
    return "\n".join(lines)


def failures(rows, limit: int) -> str:
    out = []
    for query, system, measured in rows:
        if not query.tuned or system != "ours":
            continue
        bad = measured.get("no_answer_right") == 0.0 or measured.get("recall", 1.0) < 1.0 or measured.get("mrr", 1) < 1
        if bad and len(out) < limit:
            out.append(f"- {query.id} [{query.kind}] {query.text!r}: {measured}")
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--systems", default=",".join(SYSTEMS))
    parser.add_argument("--split", choices=("tune", "test", "all"), default="all")
    parser.add_argument("--show-failures", type=int, default=0, metavar="N", help="tuned queries only")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    parser.add_argument("--json", action="store_true")
    arguments = parser.parse_args()
    systems = [s for s in arguments.systems.split(",") if s]
    queries = [q for q in load_queries() if arguments.split == "all" or (arguments.split == "tune") == q.tuned]
    root = Path(tempfile.mkdtemp(prefix="search-relevance-", dir=arguments.keep))
    output = build_archive(root)
    if "pagefind" in systems:
        index_pagefind(output)
    rows: list[tuple[Query, str, dict[str, float]]] = []
    answers: dict[tuple[str, str], Answer] = {}
    with serve(output) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        pagefind_page = browser.new_page()
        if "pagefind" in systems:
            pagefind_page.goto(f"{base_url}pagefind-bench.html")
        for query in queries:
            for system in systems:
                answer = ask_ours(page, base_url, query) if system == "ours" else ask_pagefind(pagefind_page, query)
                answers[(query.id, system)] = answer
                rows.append((query, system, scores(query, answer)))
        browser.close()
    if not arguments.keep:
        shutil.rmtree(root, ignore_errors=True)
    if arguments.json:
        print(
            json.dumps(
                {
                    f"{qid} {system}": {"slugs": a.slugs, "count": a.count, "found": a.claims_found}
                    for (qid, system), a in answers.items()
                },
                ensure_ascii=False,
                indent=1,
            )
        )
        return 0
    print(f"Search relevance on {len(queries)} judged queries, 120 articles; top {TOP}\n")
    print(table(rows, systems))
    if arguments.show_failures:
        print("\n## ours, tuned queries not answered fully\n")
        print(failures(rows, arguments.show_failures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
