"""A build with nothing changed writes nothing; any change, anywhere, means a real build
whose output is the cold build's."""

from __future__ import annotations

import os
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import NOW, SITES, tree

from reform_archive.build import BuildOptions, BuildResult, build_site
from reform_archive.config import load_settings
from reform_archive.incremental.cache import cache_folder
from reform_archive.writer import DiskWriter


def build(site: Path, output: Path, **options) -> BuildResult:
    options.setdefault("now", NOW)
    return build_site(load_settings(site), BuildOptions(**options), DiskWriter(output, site))


def stamps(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def site(tmp_path) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(SITES / "sample", copy)
    return copy


def assert_rebuilt_as_cold(site: Path, output: Path, result: BuildResult, **options) -> None:
    assert not result.unchanged
    cold = output.parent / "cold"
    shutil.rmtree(cold, ignore_errors=True)
    build(site, cold, cache=False, **options)
    assert tree(output) == tree(cold)


def test_nothing_changed_nothing_written(site, tmp_path):
    output = tmp_path / "out"
    article = sorted((site / "content").rglob("*.md"))[0]
    lines = article.read_text(encoding="utf-8").splitlines(keepends=True)
    article.write_text("".join(line for line in lines if not line.startswith("summary:")), encoding="utf-8")
    first = build(site, output)
    before = stamps(output)
    again = build(site, output)
    assert again.unchanged and not first.unchanged
    assert stamps(output) == before
    assert (again.articles, again.pages, again.files, again.warnings) == (
        first.articles,
        first.pages,
        first.files,
        first.warnings,
    )  # warnings are told again
    assert again.warnings  # no summary: not vacuous
    assert not list(tmp_path.glob(".out.staging-*"))


@pytest.mark.parametrize("change", ["content", "new article", "template", "static", "site.toml", "theme string"])
def test_any_source_change_rebuilds(site, tmp_path, change):
    output = tmp_path / "out"
    build(site, output)
    article = sorted((site / "content").rglob("*.md"))[0]
    if change == "content":
        article.write_text(article.read_text(encoding="utf-8") + "\nMột đoạn mới.\n", encoding="utf-8")
    elif change == "new article":
        shutil.copy(article, article.with_name("ban-sao.md"))
        text = article.with_name("ban-sao.md").read_text(encoding="utf-8")
        copy = "".join(line if not line.startswith("slug:") else "slug: ban-sao\n" for line in text.splitlines(True))
        article.with_name("ban-sao.md").write_text(copy, encoding="utf-8")
    elif change == "template":
        (site / "templates").mkdir(exist_ok=True)
        (site / "templates" / "404.html").write_text("<p>Không có trang này</p>\n", encoding="utf-8")
    elif change == "static":
        (site / "static").mkdir(exist_ok=True)
        (site / "static" / "robots-extra.txt").write_text("x\n")
    elif change == "site.toml":
        toml = site / "site.toml"
        toml.write_text(toml.read_text(encoding="utf-8").replace("per_page = 2", "per_page = 3"), encoding="utf-8")
    elif change == "theme string":
        theme = site / "themes" / "default"
        shutil.copytree(Path(__file__).parent.parent / "themes" / "default", theme)
        strings = theme / "i18n" / "vi.toml"
        strings.write_text(strings.read_text(encoding="utf-8").replace("Tìm kiếm", "Tra cứu", 1), encoding="utf-8")
    assert_rebuilt_as_cold(site, output, build(site, output))


@pytest.mark.parametrize("damage", ["edited", "deleted", "added"])
def test_a_touched_output_folder_is_built_again(site, tmp_path, damage):
    output = tmp_path / "out"
    build(site, output)
    page = output / "index.html"
    if damage == "edited":
        page.write_bytes(page.read_bytes().replace(b"</body>", "<!-- sửa tay --></body>".encode()))
    elif damage == "deleted":
        page.unlink()
    else:
        (output / "extra.html").write_text("thêm")
    assert_rebuilt_as_cold(site, output, build(site, output))


def test_a_future_article_appears_when_its_day_comes(site, tmp_path):
    output = tmp_path / "out"
    article = sorted((site / "content").rglob("*.md"))[0]
    text = article.read_text(encoding="utf-8")
    later = NOW + timedelta(days=3)
    article.write_text(text.replace("\ndate:", f"\ndate: {later.date().isoformat()}\nold_date:", 1), encoding="utf-8")
    first = build(site, output)
    assert build(site, output, now=NOW + timedelta(days=1)).unchanged
    due = build(site, output, now=later + timedelta(days=1))
    assert not due.unchanged and due.articles == first.articles + 1
    assert_rebuilt_as_cold(site, output, due, now=later + timedelta(days=1))


def test_other_options_and_other_folders_are_other_builds(site, tmp_path):
    build(site, tmp_path / "out")
    assert not build(site, tmp_path / "out", drafts=True).unchanged
    assert not build(site, tmp_path / "elsewhere").unchanged
    assert not build(site, tmp_path / "out", cache=False).unchanged  # --no-cache: always a real build
    assert not build(site, tmp_path / "out").unchanged  # the record said drafts


def test_a_damaged_record_means_a_real_build(site, tmp_path):
    output = tmp_path / "out"
    build(site, output)
    for record in (cache_folder(site) / "builds").rglob("*"):
        if record.is_file():
            record.write_bytes(record.read_bytes()[:-10])
    assert_rebuilt_as_cold(site, output, build(site, output))


def test_reproducible_epoch_is_an_input(site, tmp_path, monkeypatch):
    output = tmp_path / "out"
    build(site, output)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(NOW.timestamp())))
    assert not build(site, output).unchanged
    os.utime(site / "site.toml")  # touching alone, same bytes: still unchanged
    assert build(site, output).unchanged


def test_templates_and_static_files_are_judged_by_what_they_hold(site, tmp_path):
    output = tmp_path / "out"
    (site / "static").mkdir(exist_ok=True)
    stylesheet = site / "static" / "extra.css"
    stylesheet.write_text("body { color: #111 }\n", encoding="utf-8")
    build(site, output)
    os.utime(stylesheet)  # touched, same bytes: nothing to build
    stylesheet.write_bytes(stylesheet.read_bytes())  # rewritten, same bytes (a checkout): nothing either
    assert build(site, output).unchanged
    status = stylesheet.stat()
    stylesheet.write_text("body { color: #222 }\n", encoding="utf-8")  # same size, old mtime put back
    os.utime(stylesheet, ns=(status.st_atime_ns, status.st_mtime_ns))
    result = build(site, output)
    assert not result.unchanged
    assert (output / "extra.css").read_text(encoding="utf-8") == "body { color: #222 }\n"


def test_build_records_are_kept_for_the_newest_few_folders_only(site, tmp_path, monkeypatch):
    """A record per output folder and program version (19 MB at 10,000 articles): the
    newest KEPT_RECORDS stay, the last build's among them, and older ones go."""
    from reform_archive.incremental import keys, unchanged

    def records() -> list[Path]:
        return [p for p in (cache_folder(site) / "builds").rglob("*") if p.is_file()]

    monkeypatch.setattr(unchanged, "KEPT_RECORDS", 3)
    for number in range(3):
        build(site, tmp_path / f"out{number}")
    assert len(records()) == 3
    monkeypatch.setattr(keys, "code_fingerprint", lambda: b"the next version")  # an upgrade: new keys
    build(site, tmp_path / "out0")
    assert len(records()) == 3  # the oldest folder's record of the old version went
    assert build(site, tmp_path / "out0").unchanged  # the newest record is one of those kept
    assert not build(site, tmp_path / "out1").unchanged  # its record is another version's: a real build
