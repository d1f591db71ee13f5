"""`build --precompress`: a gzip copy beside every text file worth it, always the same
bytes as the file it stands for, through edits, kept pages and switching the option."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

from conftest import NOW, SAMPLE

from reform_archive.build import BuildOptions, build_site, profile_build
from reform_archive.config import load_settings
from reform_archive.precompress import MIN_SIZE, compressed, worth_compressing
from reform_archive.writer import DiskWriter


def build(site: Path, output: Path, precompress: bool):
    return build_site(load_settings(site), BuildOptions(now=NOW), DiskWriter(output, site, precompress))


def copies_match(output: Path) -> tuple[int, list[str]]:
    """How many gzip copies; the eligible files without one, or with a wrong one."""
    wrong, count = [], 0
    for path in sorted(output.rglob("*")):
        relative = path.relative_to(output).as_posix()
        if not path.is_file() or path.suffix == ".gz":
            continue
        copy = path.with_name(path.name + ".gz")
        if not worth_compressing(relative, path.stat().st_size):
            if copy.exists():
                wrong.append(f"{relative}: a copy it should not have")
            continue
        if not copy.is_file() or gzip.decompress(copy.read_bytes()) != path.read_bytes():
            wrong.append(relative)
        count += 1
    return count, wrong


def sample_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    shutil.copytree(SAMPLE, site, ignore=shutil.ignore_patterns("output", ".cache"))
    return site


def test_every_text_file_gets_a_true_copy_and_nothing_else_does(tmp_path):
    site = sample_site(tmp_path)
    output = tmp_path / "out"
    build(site, output, precompress=True)
    count, wrong = copies_match(output)
    assert wrong == [] and count > 10
    assert (output / "index.html.gz").is_file()
    assert not any(output.rglob("*.gz.gz"))
    assert not (tmp_path / "plain").exists()
    build(site, tmp_path / "plain", precompress=False)
    assert not any((tmp_path / "plain").rglob("*.gz"))


def test_copies_follow_an_edit_and_kept_pages_keep_theirs(tmp_path):
    site = sample_site(tmp_path)
    output = tmp_path / "out"
    build(site, output, precompress=True)
    article = sorted((site / "content").rglob("*.md"))[0]
    article.write_text(
        article.read_text(encoding="utf-8") + "\nMột đoạn mới về một cửa liên thông.\n", encoding="utf-8"
    )
    _, how = profile_build(load_settings(site), BuildOptions(now=NOW), DiskWriter(output, site, True))
    assert how.kept > 0  # most pages were linked from the previous build, their copies too
    assert copies_match(output)[1] == []
    assert any(
        b"mot-doan-moi" in gzip.decompress(p.read_bytes()) or "Một đoạn mới".encode() in gzip.decompress(p.read_bytes())
        for p in output.rglob("index.html.gz")
    )


def test_switching_the_option_on_and_off_never_leaves_a_stale_or_missing_copy(tmp_path):
    site = sample_site(tmp_path)
    output = tmp_path / "out"
    build(site, output, precompress=False)
    on = build(site, output, precompress=True)  # not "nothing changed": the folder must get its copies
    assert not on.unchanged and copies_match(output)[1] == [] and any(output.rglob("*.gz"))
    assert build(site, output, precompress=True).unchanged
    off = build(site, output, precompress=False)
    assert not off.unchanged and not any(output.rglob("*.gz"))


def test_copies_are_reproducible_and_small_files_are_left_to_the_server(tmp_path):
    data = "Cải cách hành chính ".encode() * 200
    assert compressed(data) == compressed(data)  # no time or name in the header
    assert gzip.decompress(compressed(data)) == data
    assert worth_compressing("search/manifest.json", MIN_SIZE)
    assert not worth_compressing("index.html", MIN_SIZE - 1)
    assert not worth_compressing("assets/logo.png", 10 * MIN_SIZE)
