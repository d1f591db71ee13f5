"""Helpers for preview tests: a running preview on a free loopback port, raw HTTP requests
(the target is sent byte for byte, never normalised by a client library) and an event-stream
reader."""

from __future__ import annotations

import contextlib
import json
import os
import queue
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from conftest import NOW

from reform_archive.build import BuildOptions
from reform_archive.serve import Preview


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes


class Messages(list):
    """What the preview printed, as (message, to stderr)."""

    def __call__(self, message: str, err: bool = False) -> None:
        self.append((message, err))

    def text(self) -> str:
        return "\n".join(message for message, _ in self)


@contextlib.contextmanager
def running_preview(site_dir: Path, **options) -> Iterator[Preview]:
    preview = Preview(site_dir, port=0, options=BuildOptions(now=NOW, **options), echo=Messages())
    preview.start()
    try:
        yield preview
    finally:
        preview.stop()


def port_of(preview: Preview) -> int:
    return int(preview.origin.rsplit(":", 1)[1])


def raw_request(port: int, target: bytes | str, method: str = "GET", host: str = "") -> Answer:
    raw = target if isinstance(target, bytes) else target.encode("utf-8")
    host = host or f"127.0.0.1:{port}"
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(
            method.encode() + b" " + raw + b" HTTP/1.1\r\nHost: " + host.encode() + b"\r\nConnection: close\r\n\r\n"
        )
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return Answer(int(lines[0].split()[1]), headers, body)


class EventStream:
    """Reads /__reform-archive/events in a thread; ``next()`` returns each status in turn."""

    def __init__(self, port: int) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=30)
        self.sock.sendall(f"GET /__reform-archive/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        self.events: queue.Queue[dict] = queue.Queue()
        self.headers = b""
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        buffer = b""
        with contextlib.suppress(OSError):
            while chunk := self.sock.recv(65536):
                buffer += chunk
                if not self.headers and b"\r\n\r\n" in buffer:
                    self.headers, _, buffer = buffer.partition(b"\r\n\r\n")
                while self.headers and b"\n\n" in buffer:
                    block, _, buffer = buffer.partition(b"\n\n")
                    fields = dict(line.split(": ", 1) for line in block.decode().split("\n") if ": " in line)
                    if fields.get("event") == "status":
                        self.events.put(json.loads(fields["data"]))

    def next(self, timeout: float = 5.0) -> dict:
        return self.events.get(timeout=timeout)

    def until(self, condition, timeout: float = 5.0) -> dict:
        """The first status that meets ``condition``: a save can reach the watcher as more than
        one burst, so the status in between is not the test's business."""
        deadline = time.monotonic() + timeout
        while True:
            status = self.next(max(0.01, deadline - time.monotonic()))
            if condition(status):
                return status

    def close(self) -> None:
        self.sock.close()


def save(path: Path, text: str | bytes) -> None:
    """Write a whole file at once, as editors that save by renaming do: the watcher never
    sees it half-written. The scratch file is made outside the site."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    with tempfile.NamedTemporaryFile(dir=tempfile.gettempdir(), delete=False) as scratch:
        scratch.write(data)
    os.replace(scratch.name, path)


def append(path: Path, text: str) -> None:
    save(path, path.read_text(encoding="utf-8") + text)


def wait_until(condition, timeout: float = 5.0, step: float = 0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(step)
    raise AssertionError(f"not within {timeout} s")
