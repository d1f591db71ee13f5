"""Search index build time and size on synthetic archives, against stock lunr.py.

    python -m benchmarks.search_index 1000 10000 [--repeat 3]

Each size runs in a fresh process (so peak memory is that size's own). In each process
the same articles are indexed, alternately, by this project's search step (Vietnamese
pipeline, bigrams, document store, facets) and by the anchor: lunr.py's stock builder
(English trimmer, stop words and stemmer) over the same fields. Times are medians; the
ratios, not the seconds, are what to compare across machines.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

from lunr import lunr

from benchmarks.corpus import iter_articles
from reform_archive.config import Settings
from reform_archive.search import search_files
from reform_archive.search.index import FIELDS
from reform_archive.site.model import Selection, Site, build_model
from reform_archive.source.markup import plain_text
from reform_archive.source.parse import parse_article


def make_site(count: int) -> Site:
    settings = Settings(title="Benchmark", base_url="http://127.0.0.1:8000/")
    tz = ZoneInfo(settings.timezone)
    sources = []
    for path, text in iter_articles(count):
        source, problems = parse_article(text, path, tz)
        assert source is not None, problems
        sources.append(source)
    site, problems = build_model(sources, settings, Selection())
    assert not problems, problems[:3]
    return site


def ours(site: Site) -> dict[str, int]:
    files = search_files(site, lambda path: "/" + path)
    sizes = {"index": 0, "index_gz": 0, "docs": 0, "docs_gz": 0, "docs_files": 0, "other_gz": 0}
    for file in files:
        packed = len(gzip.compress(file.data, 6))
        folder = file.path.split("/")[-2]  # search/index-<hash>/<n>.json, search/docs-<hash>/<n>.json
        if folder.startswith("index-"):
            sizes["index"] += len(file.data)
            sizes["index_gz"] += packed
        elif folder.startswith("docs-"):
            sizes["docs"] += len(file.data)
            sizes["docs_gz"] += packed
            sizes["docs_files"] += 1
        else:
            sizes["other_gz"] += packed
    return sizes


def stock(site: Site) -> dict[str, int]:
    """The anchor: lunr.py as its README shows it, same fields and boosts, English defaults."""
    documents = [
        {
            "ref": str(i),
            "title": a.title,
            "summary": a.summary,
            "body": plain_text(a.html),
            "tags": " ".join(a.tags),
            "provinces": " ".join(a.provinces),
            "topics": " ".join(a.topics),
            "documents": " ".join(a.documents),
        }
        for i, a in enumerate(site.articles)
    ]
    index = lunr(ref="ref", fields=[{"field_name": f, "boost": b} for f, b in FIELDS.items()], documents=documents)
    data = json.dumps(index.serialize(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return {"index": len(data), "index_gz": len(gzip.compress(data, 6))}


def measure_one(count: int, repeat: int) -> dict:
    started = time.perf_counter()
    site = make_site(count)
    model_seconds = time.perf_counter() - started
    times: dict[str, list[float]] = {"ours": [], "stock": []}
    sizes: dict[str, dict[str, int]] = {}
    for _ in range(repeat):  # alternate, so drift on a shared machine hits both alike
        for name, run in (("ours", ours), ("stock", stock)):
            started = time.perf_counter()
            sizes[name] = run(site)
            times[name].append(time.perf_counter() - started)
    text_bytes = sum(len(plain_text(a.html).encode("utf-8")) for a in site.articles)
    return {
        "articles": count,
        "text_mb": text_bytes / 1e6,
        "model_s": model_seconds,
        "ours_s": statistics.median(times["ours"]),
        "stock_s": statistics.median(times["stock"]),
        "ours": sizes["ours"],
        "stock": sizes["stock"],
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def report(results: list[dict]) -> str:
    lines = [
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "",
        "| articles | text | ours: build | stock lunr.py | time ratio | ours: index gzip (raw) "
        "| stock: index gzip (raw) | size ratio (gzip) | per article (gzip) | document store gzip "
        "| peak RSS |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        o, s = r["ours"], r["stock"]
        lines.append(
            f"| {r['articles']:,} | {r['text_mb']:.1f} MB | {r['ours_s']:.1f} s | {r['stock_s']:.1f} s "
            f"| {r['ours_s'] / r['stock_s']:.2f} | {o['index_gz'] / 1e6:.1f} MB ({o['index'] / 1e6:.0f} MB) "
            f"| {s['index_gz'] / 1e6:.1f} MB ({s['index'] / 1e6:.0f} MB) | {o['index_gz'] / s['index_gz']:.2f} "
            f"| {o['index_gz'] / r['articles'] / 1e3:.2f} KB | {o['docs_gz'] / 1e6:.1f} MB in {o['docs_files']} files "
            f"| {r['peak_rss_mb']:.0f} MB |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("counts", nargs="+", type=int)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)  # child process: one size, JSON out
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure_one(args.counts[0], args.repeat)))
        return 0
    results = []
    for count in args.counts:
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.search_index", str(count), "--one", "--repeat", str(args.repeat)],
            capture_output=True,
            text=True,
            cwd=Path(__file__).resolve().parent.parent,
        )
        if done.returncode:
            sys.stderr.write(done.stderr)
            return done.returncode
        results.append(json.loads(done.stdout))
        print(f"{count} articles measured", file=sys.stderr)
    print(report(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
