"""Preview rebuild latency: from saving a file to open pages being told to reload.

    python -m benchmarks.rebuild_latency 1000 10000 [--repeat 3]

For each size a synthetic archive (benchmarks/corpus.py) is served by the real preview
(`reform_archive.serve.Preview`) on a loopback port, with the real file watcher, and an event
stream is read as a page would. Each measurement saves a file and times the wait for the
status event: one article edited (a sentence appended), a file saved unchanged, and a
stylesheet edited (the static fast path). The anchor is a cold in-memory build of the same
archive in the same process: the ratio, not the seconds, is what compares across machines.
"""

from __future__ import annotations

import argparse
import http.client
import json
import platform
import queue
import statistics
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.corpus import write_site
from reform_archive.build import BuildOptions, build_site
from reform_archive.config import load_settings
from reform_archive.serve import Preview
from reform_archive.source.loader import content_files
from reform_archive.writer import MemoryWriter


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


def measure(count: int, repeat: int) -> dict[str, float]:
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

        with Preview(site, port=0, echo=lambda message, err=False: None) as preview:
            events: queue.Queue = queue.Queue()
            threading.Thread(target=_events, args=(int(preview.origin.rsplit(":", 1)[1]), events), daemon=True).start()
            events.get(timeout=60)  # the current status, sent on connecting
            articles = content_files(site / "content")
            edits, unchanged, styles = [], [], []
            for run in range(repeat):
                article = articles[(run * 7919) % len(articles)]
                text = article.read_text(encoding="utf-8")
                seconds, status = _timed(events, article.write_text,
                                         text + f"\nCâu thêm số {run} để đo thời gian dựng lại.\n", encoding="utf-8")
                assert not status["problems"], status
                edits.append(seconds)
                data = article.read_bytes()
                unchanged.append(_timed(events, article.write_bytes, data)[0])
                styles.append(_timed(events, stylesheet.write_text, f"body {{ color: #{run:03d} }}\n")[0])
        return {"articles": count, "cold_build_s": cold, "edit_s": statistics.median(edits),
                "unchanged_s": statistics.median(unchanged), "stylesheet_s": statistics.median(styles)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"# {platform.platform()}, Python {platform.python_version()}, {args.repeat} runs, medians")
    print("| articles | cold build (anchor) | one-article edit | ratio | saved unchanged | ratio | stylesheet edit |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for size in args.sizes:
        r = measure(size, args.repeat)
        print(f"| {size:,} | {r['cold_build_s']:.1f} s | {r['edit_s']:.1f} s | {r['edit_s'] / r['cold_build_s']:.2f} "
              f"| {r['unchanged_s']:.1f} s | {r['unchanged_s'] / r['cold_build_s']:.2f} "
              f"| {r['stylesheet_s'] * 1000:.0f} ms |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
