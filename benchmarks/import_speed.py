"""Import speed against the build of the same articles, in one process tree.

    python -m benchmarks.import_speed 10000 [--repeat 3] [--keep DIR]

The synthetic corpus (benchmarks/corpus.py) is turned into raw portal pages, the way a
scraper leaves them: banner, menu, breadcrumb, title, a "Thứ Hai, 09/09/2022 08:15 | Lượt
xem: 120" dateline, the body as plain lines, a byline, a related-news list and a footer.
Then, alternating, for ``--repeat`` rounds:

- ``reform-archive import RAW --site S --jobs 1`` into an empty site (one process);
- the same with ``--jobs`` left to its default (one worker per core);
- ``reform-archive build`` of the site the import made, cold (no cache, fresh output).

Each is a subprocess timed around spawn and wait. The build is the anchor: the issue asks
that importing N pages takes about as long as building them. Medians are printed, and the
ratios import / build, which are what compares across machines.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import frontmatter

from benchmarks.corpus import iter_articles
from reform_archive.parallel.workers import default_jobs

CLI = [sys.executable, "-m", "reform_archive"]
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
SITE_TOML = 'title = "Import benchmark"\nbase_url = "http://127.0.0.1:8000/"\nlanguage = "vi"\n'


def raw_page(text: str, number: int) -> str:
    """One corpus article as the page a portal would print around it."""
    post = frontmatter.loads(text)
    when = post["date"]
    day = when if hasattr(when, "weekday") else None
    dateline = (
        f"{WEEKDAYS[day.weekday()]}, {day:%d/%m/%Y}" if day is not None else str(when)
    ) + f" | Lượt xem: {number}"
    body = []
    for line in post.content.split("\n"):
        line = line.strip().lstrip("#").strip()
        if line:
            body.append(line)
    author = post.get("author", "")
    return "\n".join(
        [
            "CỔNG THÔNG TIN ĐIỆN TỬ TỈNH THỬ NGHIỆM",
            "Trang chủ | Giới thiệu | Tin tức | Văn bản | Liên hệ",
            "Trang chủ > Tin tức > Cải cách hành chính",
            "",
            post["title"],
            dateline,
            "",
            *body,
            "",
            *([str(author)] if author else []),
            "Chia sẻ: Facebook Zalo",
            "Tin liên quan",
            "Hội nghị tổng kết công tác cải cách hành chính (12/01/2023)",
            "Tập huấn dịch vụ công trực tuyến (05/02/2023)",
            "Bản quyền thuộc Cổng thông tin điện tử tỉnh",
            "Địa chỉ: số 1 đường Trần Phú",
            "",
        ]
    )


def write_raw(folder: Path, count: int) -> None:
    folder.mkdir(parents=True)
    for number, (_, text) in enumerate(iter_articles(count)):
        (folder / f"page-{number:05d}.txt").write_text(raw_page(text, number), "utf-8")


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    finished = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - started
    if finished.returncode not in (0, 1):  # 1: some pages imported with warnings counted as problems
        raise SystemExit(f"{' '.join(command)} failed ({finished.returncode}):\n{finished.stderr[-2000:]}")
    return seconds


def fresh_site(root: Path) -> Path:
    shutil.rmtree(root, ignore_errors=True)
    (root / "content").mkdir(parents=True)
    (root / "site.toml").write_text(SITE_TOML, "utf-8")
    return root


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.import_speed", description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, nargs="?", default=10000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="work in this folder and leave it")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="import-speed-"))
    raw = work / "raw"
    if not raw.is_dir():
        write_raw(raw, args.count)
    times: dict[str, list[float]] = {
        "import, 1 process": [],
        f"import, {default_jobs()} workers": [],
        "build (cold)": [],
    }
    for _ in range(args.repeat):
        site = fresh_site(work / "site-1")
        times["import, 1 process"].append(timed([*CLI, "import", str(raw), "--site", str(site), "--jobs", "1"]))
        site = fresh_site(work / "site-n")
        times[f"import, {default_jobs()} workers"].append(timed([*CLI, "import", str(raw), "--site", str(site)]))
        shutil.rmtree(site / ".cache", ignore_errors=True)
        shutil.rmtree(site / "output", ignore_errors=True)
        times["build (cold)"].append(timed([*CLI, "build", "--site", str(site), "--quiet"]))
    build = statistics.median(times["build (cold)"])
    print(f"{args.count} raw pages, {os.cpu_count()} CPUs ({default_jobs()} usable), median of {args.repeat}\n")
    print("| step | seconds | pages/s | ÷ build |\n|---|---:|---:|---:|")
    for name, values in times.items():
        seconds = statistics.median(values)
        print(f"| {name} | {seconds:.1f} | {args.count / seconds:.0f} | {seconds / build:.2f} |")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
