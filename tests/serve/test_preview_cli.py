"""`reform-archive serve` as an editor runs it: a real process, stopped with Ctrl-C."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import SITES
from previewing import raw_request, wait_until

from reform_archive.serve.server import ServeError, bind, exposure_warning

# The sites served here speak Vietnamese (no `language` in site.toml, or "vi"): "building …" and
# "serving … (Ctrl-C to stop)" are said as these.
BUILDING, SERVING = "đang dựng ", "đang chạy tại "


class ServeProcess:
    def __init__(self, site: Path, *args: str) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "reform_archive", "serve", "--site", str(site), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.stdout: list[str] = []
        self.stderr: list[str] = []
        self.serving = threading.Event()
        self.building = threading.Event()
        self.readers = [
            threading.Thread(target=self._read, args=(stream, lines), daemon=True)
            for stream, lines in ((self.process.stdout, self.stdout), (self.process.stderr, self.stderr))
        ]
        for reader in self.readers:
            reader.start()

    def _read(self, stream, lines: list[str]) -> None:
        for line in stream:
            lines.append(line.rstrip("\n"))
            if line.startswith(BUILDING):
                self.building.set()
            if line.startswith(SERVING):
                self.serving.set()

    @property
    def port(self) -> int:
        assert self.serving.wait(30), (self.stdout, self.stderr)
        line = next(line for line in self.stdout if line.startswith(SERVING))
        return int(re.search(r":(\d+)/", line).group(1))

    def stop(self, sig: int = signal.SIGINT) -> int:
        self.process.send_signal(sig)
        code = self.process.wait(timeout=10)
        for reader in self.readers:
            reader.join(timeout=5)  # every line printed is read before the test looks
        return code


@pytest.fixture
def site(tmp_path) -> Path:
    target = tmp_path / "site"
    shutil.copytree(SITES / "minimal", target)
    return target


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_serves_then_stops_cleanly_on_ctrl_c_or_term(site, sig):
    server = ServeProcess(site, "--port", "0")
    port = server.port
    assert server.stdout[-1] == f"đang chạy tại http://127.0.0.1:{port}/luu-tru/ (nhấn Ctrl-C để dừng)"
    assert raw_request(port, "/luu-tru/").status == 200
    assert server.stop(sig) == 0
    assert server.stdout[-1] == "đã dừng"
    assert not any("Traceback" in line for line in server.stderr), server.stderr
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    assert not (site / "output").exists()


def test_an_explicit_busy_port_is_a_clear_error(site):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "reform_archive", "serve", "--site", str(site), "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=30,
        )
    assert result.returncode == 1
    assert f"cổng {port} trên 127.0.0.1 đang được dùng" in result.stderr
    assert "--port" in result.stderr and "Traceback" not in result.stderr


def test_a_folder_without_a_site_is_a_clear_error_not_a_preview_of_nothing(tmp_path):
    # no site.toml, so no site's language: the environment's
    result = subprocess.run(
        [sys.executable, "-m", "reform_archive", "serve", "--site", str(tmp_path / "nosuchdir"), "--port", "0"],
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ, "REFORM_ARCHIVE_LANG": "en"},
    )
    assert result.returncode == 1
    assert "is not a site folder (no site.toml there)" in result.stderr
    assert "serving" not in result.stdout and "Traceback" not in result.stderr


def test_a_busy_default_port_moves_to_the_next_free_one_and_says_so():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        server, notice = bind("127.0.0.1", port, explicit=False)
        try:
            assert server.server_port > port
            assert notice == f"port {port} is busy; serving on port {server.server_port} instead"
        finally:
            server.server_close()
        with pytest.raises(ServeError, match=f"port {port} is already in use"):
            bind("127.0.0.1", port, explicit=True)


def test_listening_beyond_loopback_needs_asking_and_warns(site):
    assert exposure_warning("127.0.0.1") == exposure_warning("::1") == exposure_warning("localhost") == ""
    assert "anyone who can reach this machine" in exposure_warning("0.0.0.0")
    assert "anyone who can reach this machine" in exposure_warning("192.168.1.20")
    server = ServeProcess(site, "--port", "0", "--host", "0.0.0.0")
    port = server.port
    assert raw_request(port, "/luu-tru/").status == 200
    assert server.stop() == 0
    assert any(line.startswith("cảnh báo: đang mở trên 0.0.0.0") for line in server.stderr)


def test_drafts_are_previewed_only_when_asked(site):
    (site / "content" / "nhap.md").write_text(
        "---\ntitle: Bản nháp chưa đăng\ndate: 2022-10-01\ndraft: true\n---\nNháp.\n", encoding="utf-8"
    )
    for args, shown in (((), False), (("--drafts",), True)):
        server = ServeProcess(site, "--port", "0", *args)
        body = raw_request(server.port, "/luu-tru/").body
        assert ("Bản nháp chưa đăng".encode() in body) is shown
        assert server.stop() == 0


def test_ctrl_c_during_the_first_build_stops_at_once(tmp_path):
    """The port answers while the first build runs ("building", 503), and Ctrl-C then stops
    the process instead of waiting on a server loop that never started."""
    from benchmarks.corpus import write_site

    site = tmp_path / "big"
    write_site(site, 400)
    server = ServeProcess(site, "--port", "0")
    assert server.building.wait(30), (server.stdout, server.stderr)
    port = int(re.search(r":(\d+) ", next(line for line in server.stdout if line.startswith(BUILDING))).group(1))
    waiting = raw_request(port, "/")
    assert waiting.status == 503 and waiting.headers["retry-after"] == "1"
    assert b"Building the site" in waiting.body and b"__reform-archive/live.js" in waiting.body
    assert not server.serving.is_set()  # still building
    assert server.stop() == 0
    assert server.stdout[-1] == "đã dừng"
    assert not any("Traceback" in line for line in server.stderr), server.stderr


def test_open_hands_the_address_to_the_browser(site, tmp_path, monkeypatch):
    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser.sh"
    browser.write_text(f'#!/bin/sh\necho "$1" > {opened}\n')
    browser.chmod(0o755)
    monkeypatch.setenv("BROWSER", str(browser))  # Python's webbrowser runs $BROWSER first
    server = ServeProcess(site, "--port", "0", "--open")
    port = server.port
    wait_until(opened.exists, 10)
    assert opened.read_text().strip() == f"http://127.0.0.1:{port}/luu-tru/"
    assert server.stop() == 0
