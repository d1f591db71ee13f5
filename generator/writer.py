"""Every output byte goes through here: to memory, or to disk with an atomic swap.

The disk writer fills a staging folder beside ``output/`` and swaps it into place only on
:meth:`commit`, so a failed or interrupted build leaves the previous site untouched, and
files of removed articles disappear with the old folder.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Protocol


class Writer(Protocol):
    output_dir: Path | None  # the folder the site is committed to; None for memory

    def write(self, path: str, data: bytes) -> None: ...
    def copy(self, path: str, source: Path) -> None: ...
    def commit(self) -> None: ...
    def abort(self) -> None: ...


def _safe_parts(path: str) -> tuple[str, ...]:
    parts = tuple(path.split("/"))
    if any(part in ("..", ".", "") for part in parts) or "\0" in path or "\\" in path:
        raise ValueError(f"refusing to write outside the output folder: {path!r}")
    return parts


class MemoryWriter:
    """Keeps the site as {path: bytes}: for `check`, the preview server and tests."""

    output_dir = None

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}

    def write(self, path: str, data: bytes) -> None:
        _safe_parts(path)
        self.files[path] = data

    def copy(self, path: str, source: Path) -> None:
        self.write(path, source.read_bytes())

    def commit(self) -> None:
        pass

    def abort(self) -> None:
        self.files.clear()


class UnsafeOutputError(Exception):
    pass


class DiskWriter:
    def __init__(self, output_dir: Path, site_dir: Path):
        self.output_dir = output_dir.resolve()
        _refuse_dangerous_output(self.output_dir, site_dir.resolve())
        parent = self.output_dir.parent
        parent.mkdir(parents=True, exist_ok=True)
        self.staging = parent / f".{self.output_dir.name}.staging-{os.getpid()}"
        if self.staging.exists():
            shutil.rmtree(self.staging)
        self.staging.mkdir()

    def write(self, path: str, data: bytes) -> None:
        target = self.staging.joinpath(*_safe_parts(path))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)

    def copy(self, path: str, source: Path) -> None:
        target = self.staging.joinpath(*_safe_parts(path))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)

    def commit(self) -> None:
        previous = self.output_dir.parent / f".{self.output_dir.name}.previous-{os.getpid()}"
        if self.output_dir.exists():
            os.replace(self.output_dir, previous)
        os.replace(self.staging, self.output_dir)
        if previous.exists():
            shutil.rmtree(previous, ignore_errors=True)

    def abort(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)


SOURCE_FOLDERS = ("content", "templates", "themes", "static")
BUILT_SITE_MARKERS = ("index.html", "404.html", "sitemap.xml")


def _refuse_dangerous_output(output_dir: Path, site_dir: Path) -> None:
    """The swap replaces the whole folder: it must be a previous build or nothing at all."""
    if output_dir == site_dir or site_dir.is_relative_to(output_dir):
        raise UnsafeOutputError(f"output folder {output_dir} contains the site itself; choose another --output")
    for name in SOURCE_FOLDERS:
        if output_dir.is_relative_to(site_dir / name):
            raise UnsafeOutputError(f"output folder {output_dir} is inside the site's {name}/; choose another --output")
    if output_dir.is_dir() and any(output_dir.iterdir()):
        if any((output_dir / name).exists() for name in ("site.toml", "content", ".git")) or \
                not any((output_dir / name).is_file() for name in BUILT_SITE_MARKERS):
            raise UnsafeOutputError(f"output folder {output_dir} holds files that are not a built site; "
                                    "it would be replaced whole: choose an empty or new folder for --output")
