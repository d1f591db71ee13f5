"""Faults around the build cache and the "nothing changed" shortcut. The oracle is always the
same: after the fault the build ends as it should, and what it built is, byte for byte, a
cold build's (``--no-cache`` into another folder)."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import NOW, SITES, tree

from reform_archive.build import BuildOptions, BuildProfile, BuildResult, build_site, profile_build
from reform_archive.config import load_settings
from reform_archive.errors import ContentError
from reform_archive.incremental import cache as cache_module
from reform_archive.incremental.cache import BuildCache, cache_folder, cache_key
from reform_archive.source import loader
from reform_archive.writer import DiskWriter

ROOT = os.geteuid() == 0  # permissions do not stop root: those faults are simulated then
THEME = Path(__file__).parent.parent / "themes" / "default"


@pytest.fixture(autouse=True)
def cache_in_the_site(monkeypatch):
    monkeypatch.delenv("REFORM_ARCHIVE_CACHE_DIR", raising=False)  # SITE/.cache, as users have it


@pytest.fixture
def site(tmp_path) -> Path:
    """The sample site with a template override and a static file of its own."""
    copy = tmp_path / "site"
    shutil.copytree(SITES / "sample", copy)
    (copy / "templates").mkdir()
    (copy / "templates" / "404.html").write_text(
        (THEME / "templates" / "404.html")
        .read_text(encoding="utf-8")
        .replace("{% block content %}", "{% block content %}<p>Trang A</p>", 1),
        encoding="utf-8",
    )
    (copy / "static").mkdir()
    (copy / "static" / "site.css").write_text("body { color: #aaa; }\n", encoding="utf-8")
    return copy


def cli(site: Path, output: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reform_archive", "build", "--site", str(site), "--output", str(output), "-q", *extra],
        capture_output=True,
        text=True,
    )


def build(site: Path, output: Path, **options) -> BuildResult:
    options = {"now": NOW, "jobs": 1, **options}
    return build_site(load_settings(site), BuildOptions(**options), DiskWriter(output, site))


def profiled(site: Path, output: Path) -> tuple[BuildResult, BuildProfile]:
    return profile_build(load_settings(site), BuildOptions(now=NOW, jobs=1), DiskWriter(output, site))


def assert_cold(site: Path, output: Path, in_process: bool = False) -> None:
    cold = output.parent / "cold"
    shutil.rmtree(cold, ignore_errors=True)
    if in_process:
        build(site, cold, cache=False)
    else:
        done = cli(site, cold, "--no-cache")
        assert done.returncode == 0, done.stderr
    assert tree(output) == tree(cold)


def cache_warnings(lines: list[str]) -> list[str]:
    return [line for line in lines if "build cache" in line]


def entries(site: Path, part: str = "") -> list[Path]:
    return sorted(path for path in (cache_folder(site) / part).rglob("*") if path.is_file())


def edit(site: Path, text: str = "Một câu mới.") -> None:
    article = sorted((site / "content").rglob("*.md"))[0]
    article.write_text(article.read_text(encoding="utf-8") + f"\n{text}\n", encoding="utf-8")


# 1. A cache that cannot be used: a slower, correct build and one warning, never a failed one.


def _damage(site: Path, fault: str) -> None:
    folder = cache_folder(site)
    if fault == "cache is a file":
        shutil.rmtree(folder)
        folder.write_text("not a folder\n")
    elif fault in ("builds is a file", "articles is a file"):
        part = folder / fault.split()[0]
        shutil.rmtree(part)
        part.write_text("not a folder\n")
    elif fault == "entries are folders":
        for entry in entries(site):
            entry.unlink()
            (entry / "inside").mkdir(parents=True)


@pytest.mark.parametrize("fault", ["cache is a file", "builds is a file", "articles is a file", "entries are folders"])
def test_a_cache_that_cannot_be_used_means_a_cold_build_and_one_warning(site, tmp_path, fault):
    output = tmp_path / "out"
    assert cli(site, output).returncode == 0
    _damage(site, fault)
    edit(site)
    for _ in range(2):  # every build, not only the first after the damage
        done = cli(site, output)
        assert done.returncode == 0, done.stderr
        assert len(cache_warnings(done.stderr.splitlines())) == 1, done.stderr
        assert "building without it" in done.stderr
        assert_cold(site, output)


def _refuse(error: int):
    def refuse(path, *args, **kwargs):
        raise OSError(error, os.strerror(error), str(path))

    return refuse


@pytest.fixture
def read_only(monkeypatch):
    """Makes a folder read-only: really, or (as root, whom permissions do not stop) by having
    every change the cache makes on disk refused."""
    made: list[Path] = []

    def apply(folder: Path) -> None:
        if ROOT:
            monkeypatch.setattr(cache_module, "_write_entry", _refuse(errno.EACCES))
            monkeypatch.setattr(cache_module, "_remove", _refuse(errno.EACCES))
            return
        for path in [folder, *folder.rglob("*")]:
            path.chmod(path.stat().st_mode & ~0o222)
        made.append(folder)

    yield apply
    for folder in made:
        for path in [folder, *folder.rglob("*")]:
            path.chmod(path.stat().st_mode | stat.S_IWUSR)


def test_a_read_only_cache_means_a_correct_build_and_one_warning(site, tmp_path, read_only):
    output = tmp_path / "out"
    build(site, output)
    before = entries(site)
    edit(site)
    read_only(cache_folder(site))
    for _ in range(2):
        result = build(site, output)
        assert not result.unchanged and len(cache_warnings([str(w) for w in result.warnings])) == 1
        assert_cold(site, output, in_process=True)
    assert entries(site) == before


def test_a_full_disk_means_a_correct_build_one_warning_and_no_litter(site, tmp_path, monkeypatch):
    output = tmp_path / "out"
    build(site, output)
    edit(site)
    written = []

    def full(file, chunk) -> None:
        file.write(bytes(chunk)[: len(chunk) // 2])  # some of it fits, then the disk is full
        written.append(len(chunk))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(cache_module, "_write_chunk", full)
    result = build(site, output)
    assert written and len(cache_warnings([str(w) for w in result.warnings])) == 1
    assert "No space left on device" in str(result.warnings)
    assert_cold(site, output, in_process=True)
    assert not [path for path in cache_folder(site).rglob(".tmp-*")]
    monkeypatch.undo()
    monkeypatch.delenv("REFORM_ARCHIVE_CACHE_DIR", raising=False)
    result, how = profiled(site, output)  # room again: the cache is used and written
    assert not cache_warnings([str(w) for w in result.warnings]) and how.cache.write_errors == 0
    assert_cold(site, output, in_process=True)
    assert build(site, output).unchanged


# 2. An entry is bound to its key and its kind: one moved elsewhere is never used.


def _rotate(paths: list[Path]) -> None:
    data = [path.read_bytes() for path in paths]
    for path, other in zip(paths, data[1:] + data[:1], strict=True):
        path.write_bytes(other)


def _same_size_pairs(paths: list[Path]) -> list[tuple[Path, Path]]:
    by_size: dict[int, list[Path]] = {}
    for path in paths:
        by_size.setdefault(path.stat().st_size, []).append(path)
    return [(group[0], group[1]) for group in by_size.values() if len(group) >= 2]


@pytest.mark.parametrize(
    "move", ["articles rotated", "record over an article", "search arrays swapped", "related of other inputs"]
)
def test_an_entry_moved_to_another_key_is_never_used(site, tmp_path, monkeypatch, move):
    import reform_archive.search.shards as shards

    known = []  # the term numbers the search index was given from the cache
    gather = shards.gather
    monkeypatch.setattr(
        shards, "gather", lambda documents, given=None: (known.append(given), gather(documents, given))[1]
    )
    build(site, tmp_path / "out")
    articles = entries(site, "articles")
    if move == "articles rotated":
        _rotate(articles)
    elif move == "record over an article":
        [record] = entries(site, "builds")
        shutil.copyfile(record, articles[2])
    elif move == "search arrays swapped":  # two arrays of the term numbers of the same length: both orders
        pairs = [pair for pair in _same_size_pairs(entries(site, "search")) if pair[0].stat().st_size > 1000]
        assert len(pairs) == 1
        _rotate(list(pairs[0]))
    else:  # the related lists of the last build's tags, at the key of this build's
        [old] = entries(site, "related")
        kept = old.read_bytes()
        article = next((site / "content" / "2024").glob("thong-bao-*.md"))
        text = article.read_text(encoding="utf-8")
        article.write_text(
            text.replace(text[text.index("\ntags:") : text.index("]", text.index("\ntags:")) + 1], '\ntags: ["khác"]'),
            encoding="utf-8",
        )
        build(site, tmp_path / "out")
        [new] = [path for path in entries(site, "related") if path != old]
        new.write_bytes(kept)
        articles = entries(site, "articles")[:-1]  # one was edited: not looked up
    _, how = profiled(site, tmp_path / "elsewhere")  # another folder: a real build from the cache
    assert_cold(site, tmp_path / "elsewhere", in_process=True)
    rejected = {"articles rotated": len(articles), "record over an article": 1}.get(move, 0)
    assert how.cache.rejected == rejected and how.cache.hits == len(articles) - rejected
    if move == "search arrays swapped":
        assert known[-1] is None  # not trusted: numbered afresh


def test_an_entry_is_bound_to_its_key_and_its_store(tmp_path):
    articles, search = BuildCache(tmp_path / "articles"), BuildCache(tmp_path / "search")
    one, two = cache_key("article", "one"), cache_key("article", "two")
    articles.put(one, b"\x80\x05K\x01.")  # pickle of 1
    articles.put(two, b"\x80\x05K\x02.")
    assert articles.get(one) == 1
    shutil.copyfile(articles._path(one), articles._path(two))  # A's entry under B's name
    Path(search._path(one)).parent.mkdir(parents=True)
    shutil.copyfile(articles._path(one), search._path(one))  # the same key in another store
    assert articles.get(two) is None and search.get(one) is None and search.get_bytes(one) is None
    assert (articles.stats.rejected, search.stats.rejected) == (1, 2)
    assert articles.get(one) == 1


# 3. The shortcut never hides a problem: anything new under content/ means a real build.


def _unreadable(path: Path, monkeypatch) -> None:
    if not ROOT:
        path.chmod(0)
        return
    real = open

    def refusing(file, *args, **kwargs):
        if os.fspath(file) == str(path):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(file))
        return real(file, *args, **kwargs)

    monkeypatch.setattr(loader, "open", refusing, raising=False)


@pytest.mark.parametrize("fault", ["dangling link", "link outside", "unreadable", "two links"])
def test_a_problem_added_to_content_is_reported_not_skipped(site, tmp_path, monkeypatch, fault):
    output = tmp_path / "out"
    build(site, output)
    before = tree(output)
    content = site / "content" / "2024"
    outside = tmp_path / "secret.md"
    outside.write_text(sorted(content.glob("*.md"))[0].read_text(encoding="utf-8"), encoding="utf-8")
    if fault in ("dangling link", "two links"):
        (content / "mat-tich.md").symlink_to(content / "khong-co.md")
    if fault in ("link outside", "two links"):
        (content / "ben-ngoai.md").symlink_to(outside)
    if fault == "unreadable":
        locked = content / "khoa.md"
        shutil.copyfile(outside, locked)
        _unreadable(locked, monkeypatch)
    with pytest.raises(ContentError) as warm:
        build(site, output)
    with pytest.raises(ContentError) as cold:
        build(site, tmp_path / "cold", cache=False)
    assert warm.value.problems == cold.value.problems
    assert len(warm.value.problems) == (2 if fault == "two links" else 1)
    assert tree(output) == before


def test_the_command_line_reports_a_new_dangling_link(site, tmp_path):
    output = tmp_path / "out"
    assert cli(site, output).returncode == 0
    (site / "content" / "mat-tich.md").symlink_to(site / "content" / "khong-co.md")
    done = cli(site, output)
    assert done.returncode == 1 and "nothing changed" not in done.stdout + done.stderr
    assert "mat-tich.md" in done.stderr
    (site / "content" / "mat-tich.md").unlink()
    done = cli(site, output)
    assert done.returncode == 0 and not done.stderr


# 4. A template or static file edited with its size and modification time kept is still an edit.


@pytest.mark.parametrize("how", ["in place", "replaced"])
@pytest.mark.parametrize("file", ["templates/404.html", "static/site.css"])
def test_an_edit_that_keeps_size_and_mtime_is_seen(site, tmp_path, file, how):
    output = tmp_path / "out"
    build(site, output)
    path = site / file
    status = path.stat()
    text = path.read_text(encoding="utf-8")
    new = text.replace("Trang A", "Trang B") if file.endswith(".html") else text.replace("#aaa", "#bbb")
    assert new != text and len(new) == len(text)
    if how == "in place":  # cp -p, or an edit then touch -r
        path.write_text(new, encoding="utf-8")
        os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
    else:  # written beside and renamed over, its times set first
        beside = path.with_name(".new")
        beside.write_text(new, encoding="utf-8")
        os.utime(beside, ns=(status.st_atime_ns, status.st_mtime_ns))
        os.replace(beside, path)
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (status.st_size, status.st_mtime_ns)
    result = build(site, output)
    assert not result.unchanged
    assert_cold(site, output, in_process=True)
    assert build(site, output).unchanged  # and then nothing changed, again
