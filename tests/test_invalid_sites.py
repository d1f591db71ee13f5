"""Deliberately broken sites fail with every problem, as path:line: message, and write nothing."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SITES, build_to_memory

from reform_archive.errors import ConfigError, ContentError


def relative_problems(problems, site: Path) -> list[str]:
    return [str(p).replace(f"{site}/", "") for p in problems]


def expected(site: Path) -> list[str]:
    return (site / "expected-problems.txt").read_text(encoding="utf-8").splitlines()


def test_every_content_problem_is_reported_with_its_line():
    site = SITES / "invalid-content"
    with pytest.raises(ContentError) as caught:
        build_to_memory(site)
    assert relative_problems(caught.value.problems, site) == expected(site)


def test_every_config_problem_is_reported_with_its_line():
    site = SITES / "invalid-config"
    with pytest.raises(ConfigError) as caught:
        build_to_memory(site)
    assert relative_problems(caught.value.problems, site) == expected(site)


@pytest.mark.parametrize("name, code", [("invalid-content", 1), ("invalid-config", 2)])
def test_cli_exit_codes_and_messages(name, code, tmp_path):
    site = SITES / name
    output = tmp_path / "output"
    result = subprocess.run(
        [sys.executable, "-m", "reform_archive", "build", "--site", str(site), "--output", str(output)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == code
    assert relative_problems(result.stderr.splitlines()[:-1], site) == expected(site)
    assert not output.exists(), "a failed build must not write the site"


def test_broken_internal_link_is_a_warning_with_the_line_and_an_error_when_strict():
    site = SITES / "broken-links"
    files = build_to_memory(site)  # warnings do not stop the build
    assert "2024/03/bai-co-lien-ket/index.html" in files
    with pytest.raises(ContentError) as caught:
        build_to_memory(site, strict=True)
    assert relative_problems(caught.value.problems, site) == [
        "content/bai-viet.md:8: liên kết nội bộ hỏng /luu-tru/2020/01/khong-co/ "
        "(không có trang nào ở /2020/01/khong-co/): hãy sửa hoặc bỏ liên kết này"
    ]  # the site's language: vi


def test_symlinks_leading_outside_the_site_fail_the_build_and_keep_the_previous_output(tmp_path):
    secret = tmp_path / "id_rsa"
    secret.write_text("PRIVATE KEY\n")
    site = tmp_path / "site"
    shutil.copytree(SITES / "minimal", site)
    output = tmp_path / "output"
    build = [sys.executable, "-m", "reform_archive", "build", "--site", str(site), "--output", str(output), "-q"]
    subprocess.run(build, check=True)
    before = sorted(p.relative_to(output) for p in output.rglob("*"))
    (site / "static").mkdir()
    (site / "static" / "key.txt").symlink_to(secret)
    result = subprocess.run(build, capture_output=True, text=True)
    assert result.returncode == 1
    assert f"{site}/static/key.txt:0: symbolic link leads outside {site} (to {secret})" in result.stderr
    assert sorted(p.relative_to(output) for p in output.rglob("*")) == before
    assert not any(b"PRIVATE KEY" in p.read_bytes() for p in output.rglob("*") if p.is_file())


def test_a_content_folder_that_cannot_be_read_is_a_problem(tmp_path, monkeypatch):
    """Unreadable, or removed while the build looked (a checkout under the preview): named as
    a problem, the other articles read. (Tests run as root, where permissions do not bite.)"""
    import os

    import reform_archive.source.loader as loader

    site = tmp_path / "site"
    shutil.copytree(SITES / "minimal", site)
    locked = site / "content" / "2024"
    locked.mkdir(parents=True, exist_ok=True)
    (locked / "a.md").write_text("---\ntitle: A\ndate: 2024-01-02\n---\nThân bài.\n", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(loader.os, "scandir", scandir)
    files, problems = loader.read_content(site)
    assert [str(p) for p in problems] == [f"{locked}:0: cannot read folder: Permission denied"]
    assert files and not any(f.shown.startswith(str(locked)) for f in files)
