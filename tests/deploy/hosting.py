"""Helpers for the deployment tests: the nginx blocks documented in docs/deployment.md, run
by Debian's nginx in the foreground on a free loopback port, and plain HTTP requests (no
client library that decompresses or follows redirects behind the test's back)."""

from __future__ import annotations

import contextlib
import grp
import http.client
import os
import pwd
import re
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

NGINX = Path("/usr/sbin/nginx")  # Debian's; never one built or downloaded by the tests
MIME_TYPES = Path("/etc/nginx/mime.types")  # what Debian's nginx.conf gives every site
DEPLOYMENT_DOC = Path(__file__).resolve().parents[2] / "docs" / "deployment.md"
DOCUMENTED_LISTEN = "listen 80;"

# A block the tests run is marked on the line above its fence: <!-- tested: NAME -->
_FENCE = re.compile(r"^(?:<!-- tested: (?P<name>[\w-]+) -->\n)?```nginx\n(?P<body>.*?)^```$", re.M | re.S)


@dataclass(frozen=True)
class Block:
    name: str | None  # None: not marked as tested
    text: str


def nginx_blocks(markdown: str) -> list[Block]:
    """Every fenced ```nginx block of the page, with the name it is marked with."""
    return [Block(m["name"], m["body"]) for m in _FENCE.finditer(markdown)]


def documented_block(name: str) -> str:
    found = [b.text for b in nginx_blocks(DEPLOYMENT_DOC.read_text(encoding="utf-8")) if b.name == name]
    assert len(found) == 1, (
        f"docs/deployment.md: expected one nginx block marked <!-- tested: {name} -->, found {len(found)}"
    )
    return found[0]


def localised(block: str, replacements: dict[str, str]) -> str:
    """The block with the documented paths replaced by the test's, each exactly once, so a
    changed line in the docs fails here instead of silently testing something else."""
    for documented, local in replacements.items():
        count = block.count(documented)
        assert count == 1, f"docs/deployment.md: {documented!r} appears {count} times in the block, expected once"
        block = block.replace(documented, local)
    return block


def require_nginx() -> None:
    # CI installs nginx, so a missing binary is a broken environment, not a reason to skip.
    if not NGINX.exists() or not MIME_TYPES.exists():
        pytest.fail(
            f"{NGINX} or {MIME_TYPES} not found: run `scripts/dev setup`, which installs "
            "Debian's nginx package (apt-get install nginx)"
        )


def nginx_conf(server: str, folder: Path) -> str:
    """A whole nginx.conf around one documented server block: what Debian's nginx.conf puts
    around a site in sites-enabled/, less its `gzip on` (the block must turn gzip on itself),
    with every path nginx writes inside folder."""
    user = ""
    if os.geteuid() == 0:  # workers would run as nobody, who cannot read pytest's private temp folders
        user = f"user {pwd.getpwuid(os.geteuid()).pw_name} {grp.getgrgid(os.getegid()).gr_name};\n"
    temp_paths = "".join(
        f"    {kind}_temp_path {folder / kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    server = "".join(f"    {line}\n" if line else "\n" for line in server.splitlines())
    return (
        f"{user}worker_processes 1;\npid {folder / 'nginx.pid'};\nerror_log stderr;\n"
        "events {\n    worker_connections 64;\n}\n"
        "http {\n"
        f"    include {MIME_TYPES};\n    default_type application/octet-stream;\n    sendfile on;\n"
        f"    access_log {folder / 'access.log'};\n{temp_paths}\n{server}}}\n"
    )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def running_nginx(server: str, folder: Path, attempts: int = 3) -> Iterator[int]:
    """nginx serving the server block (its documented `listen 80;` moved to a free loopback
    port) in the foreground, stopped on exit; yields the port."""
    require_nginx()
    folder.mkdir(parents=True, exist_ok=True)
    for _ in range(attempts):
        port = free_port()
        config = folder / "nginx.conf"
        config.write_text(
            nginx_conf(localised(server, {DOCUMENTED_LISTEN: f"listen 127.0.0.1:{port};"}), folder), encoding="utf-8"
        )
        log = folder / "nginx.stderr"
        with log.open("wb") as stderr:
            process = subprocess.Popen(
                [str(NGINX), "-p", f"{folder}/", "-c", str(config), "-g", "daemon off;"],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
            )
        try:
            if _accepting(process, port):
                yield port
                return
            said = log.read_text(encoding="utf-8", errors="replace")
            if "Address already in use" not in said:  # another process took the port: try another
                pytest.fail(f"nginx did not start with the documented block:\n{said}\n{config.read_text()}")
        finally:
            _stop(process)
    pytest.fail(f"nginx found no free port in {attempts} attempts")


def _accepting(process: subprocess.Popen[bytes], port: int, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
        time.sleep(0.02)
    return False


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()  # SIGTERM: the master stops its workers, then itself
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclass(frozen=True)
class Answer:
    status: int
    headers: http.client.HTTPMessage  # case-insensitive lookups
    body: bytes


def get(port: int, target: str, headers: dict[str, str] | None = None) -> Answer:
    """One GET of target, sent as written. Without an Accept-Encoding header the request
    says `identity`."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", target, headers=headers or {})
        response = connection.getresponse()
        return Answer(response.status, response.headers, response.read())
    finally:
        connection.close()
