"""Faults injected into real builds (tests/fault_driver.py): a kill at every step of the
commit, a full disk, a folder turning read-only, signals, a bug. Each must end with a clear
message and exit code, the previous output byte for byte or the new one (never a mix), no
staging folder left behind once the next build starts, and a next build equal to a cold one."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import build_command
from sitemaker import article, make_site

DRIVER = Path(__file__).with_name("fault_driver.py")
ARTICLES = 30


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run(site: Path, output: Path, fault: str = "", *extra: str, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "FAULT": fault or "none:none:0", "SOURCE_DATE_EPOCH": "1700000000"}
    command = [sys.executable, str(DRIVER), "build", "--site", str(site), "--output", str(output), "--quiet", *extra]
    if not fault:
        command[1:2] = ["-m", "reform_archive"]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=timeout)


def edit(site: Path) -> None:
    path = site / "content" / "2024" / "bai-03.md"
    path.write_text(path.read_text("utf-8") + "\nMột câu được thêm sau lần dựng trước.\n", "utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A site, its output (old), and the cold build of the site after one edit (new)."""
    root = tmp_path_factory.mktemp("faults")
    site = make_site(
        root / "site",
        {
            f"2024/bai-{n:02d}.md": article(
                f"Bài số {n} về cải cách hành chính",
                f"2022-0{1 + n % 9}-1{n % 10}",
                f"Nội dung bài {n}: một cửa liên thông, dịch vụ công trực tuyến.",
                tags=[f"thẻ {n % 4}"],
                provinces=["Hà Tĩnh"],
            )
            for n in range(ARTICLES)
        },
    )
    assert run(site, root / "output").returncode == 0
    old = snapshot(root / "output")
    edited = root / "edited"
    shutil.copytree(site, edited, ignore=shutil.ignore_patterns(".cache"))
    edit(edited)
    assert run(edited, root / "cold", "", "--no-cache").returncode == 0
    return site, root / "output", old, snapshot(root / "cold")


def fresh_copy(built, tmp_path: Path) -> tuple[Path, Path]:
    """The site and its built output in tmp_path (built there, so the next build updates
    it in place, keeping files), then the one edit."""
    site, _, old, _ = built
    shutil.copytree(site, tmp_path / "site", ignore=shutil.ignore_patterns(".cache"))
    assert run(tmp_path / "site", tmp_path / "output").returncode == 0
    assert snapshot(tmp_path / "output") == old
    edit(tmp_path / "site")
    return tmp_path / "site", tmp_path / "output"


def leftovers(tmp_path: Path, wait: float = 30) -> list[str]:
    """Staging and old folders still there once the detached deleter had time to finish."""
    deadline = time.monotonic() + wait
    while True:
        found = sorted(p.name for p in tmp_path.iterdir() if ".staging-" in p.name or ".previous-" in p.name)
        if not found or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


# every step of writing and committing an update: the first and a later file written into
# staging, the first and a later kept file linked in, the swap, handing the old site over to
# the detached process that deletes it
KILL_POINTS = ["write:1", "write:15", "link:1", "link:60", "exchange:1", "dispose:1"]


@pytest.mark.parametrize("where", KILL_POINTS)
def test_a_build_killed_at_any_step_leaves_the_old_site_or_the_new_one(built, tmp_path, where):
    _, _, old, new = built
    site, output = fresh_copy(built, tmp_path)
    killed = run(site, output, f"kill:{where}")
    assert killed.returncode == 137
    after = snapshot(output)
    assert after in (old, new), "output/ is a mix of two builds"
    again = run(site, output)
    assert again.returncode == 0, again.stderr
    assert snapshot(output) == new
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(
    "fault, where, code, words",
    [
        ("enospc", "write:5", 4, "No space left on device"),
        ("enospc", "link:3", 4, "No space left on device"),
        ("eacces", "exchange:1", 4, "Permission denied"),
        ("eacces", "write:2", 4, "Permission denied"),  # the output's folder made read-only mid-build
        ("enospc", "cache:1", 0, ""),  # a full disk under the cache: a warning and a correct build
        ("bug", "prepare:1", 3, "bai-03.md: ZeroDivisionError: injected bug"),
    ],
)
def test_a_failed_write_is_told_and_changes_nothing(built, tmp_path, fault, where, code, words):
    _, _, old, new = built
    site, output = fresh_copy(built, tmp_path)
    failed = run(site, output, f"{fault}:{where}", "--jobs", "1")
    assert failed.returncode == code, failed.stderr
    assert words in failed.stderr and "Traceback" not in failed.stderr
    if code == 0:  # the cache is not the site: the build goes on without it, and says so once
        assert failed.stderr.count("cannot use the build cache") == 1 and snapshot(output) == new
        return
    assert len([line for line in failed.stderr.splitlines() if line.startswith("reform-archive:")]) == 1
    assert snapshot(output) == old
    assert leftovers(tmp_path) == []
    assert run(site, output).returncode == 0 and snapshot(output) == new


def test_debug_shows_the_traceback_of_an_internal_error(built, tmp_path):
    site, output = fresh_copy(built, tmp_path)
    env = {**os.environ, "FAULT": "bug:prepare:1"}
    shown = subprocess.run(
        [
            sys.executable,
            str(DRIVER),
            "--debug",
            "build",
            "--site",
            str(site),
            "--output",
            str(output),
            "--quiet",
            "--jobs",
            "1",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert shown.returncode == 3 and "Traceback" in shown.stderr and "ZeroDivisionError" in shown.stderr


@pytest.mark.parametrize("signum, code", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
@pytest.mark.parametrize("moment", ["reading", "writing"])
def test_a_signal_stops_the_build_cleanly(built, tmp_path, signum, code, moment):
    _, _, old, _ = built
    site, output = fresh_copy(built, tmp_path)
    (site / "content" / "2023").mkdir()
    for n in range(600):  # enough articles that the build is still running when the signal comes
        (site / "content" / "2023" / f"them-{n}.md").write_text(
            article(f"Bài thêm {n}", "2022-05-05", f"Nội dung {n} " * 300), "utf-8"
        )
    process = subprocess.Popen(
        build_command(site, output, "--quiet", "--jobs", "1"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    if moment == "reading":  # once the build has begun (its staging folder is made before anything is read)
        while time.monotonic() < deadline and not any(tmp_path.glob(".output.staging-*")):
            time.sleep(0.01)
    else:  # once pages are being written into the staging folder
        while time.monotonic() < deadline and not any(
            (p / "2022" / "05").exists() for p in tmp_path.glob(".output.staging-*")
        ):
            time.sleep(0.01)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    if process.returncode == 0:
        pytest.skip("the build finished before the signal came")
    assert process.returncode == code, stderr
    assert "Traceback" not in stderr and "không có gì bị thay đổi" in stderr  # "nothing was changed": a vi site
    assert snapshot(output) == old
    assert leftovers(tmp_path) == []


def children_of(pid: int) -> set[int]:
    try:
        return {int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()}
    except OSError:
        return set()


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] not in "ZX"
    except (OSError, IndexError):
        return False


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc")
def test_no_worker_outlives_a_build_killed_with_sigkill(built, tmp_path):
    site, output = fresh_copy(built, tmp_path)
    (site / "content" / "2021").mkdir()
    for n in range(400):
        (site / "content" / "2021" / f"bai-{n}.md").write_text(
            article(f"Bài {n}", "2021-05-05", f"Nội dung {n} " * 200), "utf-8"
        )
    process = subprocess.Popen(
        build_command(site, output, "--quiet", "--jobs", "2", "--no-cache"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline, workers = time.monotonic() + 60, set()
    while time.monotonic() < deadline and len(workers) < 2 and process.poll() is None:
        workers |= children_of(process.pid)
        time.sleep(0.01)
    assert workers, "the build never started its workers"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(alive(pid) for pid in workers):
        time.sleep(0.05)
    assert not any(alive(pid) for pid in workers)
