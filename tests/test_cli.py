"""The command line, run as a user would run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import reform_archive


def run(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reform_archive", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
    )


def test_help_and_version():
    result = run("--help")
    assert result.returncode == 0
    for command in ("init", "build", "check"):
        assert command in result.stdout
    assert run("--version").stdout.strip() == f"reform-archive, version {reform_archive.__version__}"
    build_help = run("build", "--help").stdout
    for option in (
        "--site",
        "--output",
        "--base-url",
        "--drafts",
        "--future",
        "--strict",
        "--quiet",
        "--jobs",
        "--no-cache",
        "--profile",
    ):
        assert option in build_help


def test_init_then_build_then_check(tmp_path):
    site = tmp_path / "moi"
    english = {"REFORM_ARCHIVE_LANG": "en"}  # init has no site yet: it speaks the environment's language
    result = run("init", str(site), env=english)
    assert result.returncode == 0, result.stderr
    assert (site / "site.toml").is_file() and (site / "templates").is_dir()
    assert (site / ".gitignore").read_text().split() == ["/output/", "/.cache/"]
    result = run("build", "--site", str(site), env=english)
    assert result.returncode == 0, result.stderr
    assert (site / "output" / "index.html").is_file()
    assert "đã dựng 1 bài viết" in result.stdout  # a new site's language is "vi", whatever the environment's
    assert run("check", "--site", str(site)).returncode == 0
    again = run("init", str(site), env=english)
    assert again.returncode != 0 and "already exists" in again.stderr


def test_quiet_build_prints_nothing_on_success(tmp_path):
    site = tmp_path / "s"
    run("init", str(site))
    result = run("build", "--site", str(site), "--quiet")
    assert result.returncode == 0 and result.stdout == "" and result.stderr == ""


def test_check_writes_nothing(tmp_path):
    site = tmp_path / "s"
    run("init", str(site))
    assert run("check", "--site", str(site)).returncode == 0
    assert not (site / "output").exists()


def test_base_url_override_on_the_command_line(tmp_path):
    site = tmp_path / "s"
    run("init", str(site))
    result = run("build", "--site", str(site), "--base-url", "https://example.org/luu-tru")
    assert result.returncode == 0, result.stderr
    assert 'href="/luu-tru/assets/style.css"' in (site / "output" / "index.html").read_text(encoding="utf-8")
    bad = run("build", "--site", str(site), "--base-url", "luu-tru")
    assert bad.returncode == 2 and "--base-url:0: 'base_url' phải là" in bad.stderr  # init makes a vi site


def test_console_script_is_installed():
    script = Path(sys.executable).parent / "reform-archive"
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and "reform-archive" in result.stdout


def test_public_api_is_explicit_and_sorted():
    assert reform_archive.__all__ == sorted(reform_archive.__all__)
    for name in reform_archive.__all__:
        assert hasattr(reform_archive, name)


def test_init_writes_valid_toml_for_any_title(tmp_path):
    site = tmp_path / "s"
    assert run("init", str(site), "--title", 'Tin "mới" \\ cải cách').returncode == 0
    result = run("check", "--site", str(site))
    assert result.returncode == 0, result.stderr
    assert "Tin &#34;mới&#34; \\ cải cách" in (
        run("build", "--site", str(site)) and (site / "output" / "index.html").read_text(encoding="utf-8")
    )


def test_strict_reports_each_problem_once(tmp_path):
    site = tmp_path / "s"
    run("init", str(site))
    (site / "content" / "khong-tom-tat.md").write_text(
        "---\ntitle: x\ndate: 2024-01-02\n---\n[a](/khong-co/)\n", encoding="utf-8"
    )
    result = run("build", "--site", str(site), "--strict")
    lines = [line for line in result.stderr.splitlines() if "khong-tom-tat.md" in line]
    assert result.returncode == 1
    assert len(lines) == len(set(lines)) == 2  # the missing summary and the broken link, once each
