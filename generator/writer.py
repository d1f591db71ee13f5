"""Every output byte goes through here: to memory, or to disk with an atomic swap.

The disk writer fills a staging folder beside ``output/`` and swaps it into place only on
:meth:`commit`, so a failed or interrupted build leaves the previous site untouched, and
files of removed articles disappear with the old folder.

When the build keeps files of the previous build (:meth:`keep`, see
:mod:`generator.reuse`), commit updates the folder in place instead: the staged files are
moved in and files the build no longer makes are deleted. Swapping would mean copying
every kept file and deleting the old folder, which costs more than rendering a 10,000-page
site's changed pages. Nothing is touched before commit, so a build with errors still
leaves the folder as it was; the caller forgets its record of the folder before
committing, so an update interrupted half-way is followed by a full build.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path
from typing import Mapping, Protocol


class Writer(Protocol):
    output_dir: Path | None  # the folder the site is committed to; None for memory

    def write(self, path: str, data: bytes) -> None: ...
    def copy(self, path: str, source: Path) -> None: ...
    def keep(self, path: str) -> None: ...  # the previous build's file at path is this build's too
    def discard(self, path: str) -> None: ...  # a file written is not this build's after all
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

    def __init__(self, previous: Mapping[str, bytes] | None = None) -> None:
        self.files: dict[str, bytes] = {}
        self.previous = previous or {}

    def write(self, path: str, data: bytes) -> None:
        _safe_parts(path)
        self.files[path] = data

    def copy(self, path: str, source: Path) -> None:
        self.write(path, source.read_bytes())

    def keep(self, path: str) -> None:
        self.files[path] = self.previous[path]

    def discard(self, path: str) -> None:
        self.files.pop(path, None)

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
        self.written: set[str] = set()
        self.kept: set[str] = set()
        self.found: dict[str, tuple[int, int]] | None = None  # output/ as the build found it
        self._folders: set[str] = set()  # made in staging by this process

    def _target(self, path: str) -> str:
        """The file's place in staging, its folder made (once per folder, not per file:
        47,000 files at 10k; strings, not pathlib, for the same reason)."""
        target = os.path.join(self.staging, *_safe_parts(path))
        folder = os.path.dirname(target)
        if folder not in self._folders:
            os.makedirs(folder, exist_ok=True)
            self._folders.add(folder)
        return target

    def write(self, path: str, data: bytes) -> None:
        with open(self._target(path), "wb") as file:
            file.write(data)
        self.written.add(path)

    def copy(self, path: str, source: Path) -> None:
        shutil.copyfile(source, self._target(path))
        self.written.add(path)

    def keep(self, path: str) -> None:
        _safe_parts(path)
        self.kept.add(path)

    def adopt(self, path: str) -> None:
        """A file another process wrote into the staging folder (with :meth:`write` as it
        was when the process forked) is this build's."""
        if not self.staging.joinpath(*_safe_parts(path)).is_file():
            raise FileNotFoundError(f"{path} was not written into {self.staging}")
        self.written.add(path)

    def discard(self, path: str) -> None:
        """A file another process wrote into the staging folder is not this build's after all:
        it goes, with the folders it leaves empty (a swap would publish them)."""
        target = self.staging.joinpath(*_safe_parts(path))
        target.unlink(missing_ok=True)
        self.written.discard(path)
        folder = target.parent
        while folder != self.staging:
            try:
                folder.rmdir()
            except OSError:  # not empty (or gone)
                break
            self._folders.discard(str(folder))
            folder = folder.parent

    def found_listing(self, listing: dict[str, tuple[int, int]]) -> None:
        """The folder's :func:`output_listing` as the build found it, so that commit and
        :meth:`listing` need not walk it again (60,000 files at 10k articles)."""
        self.found = listing

    def commit(self) -> None:
        if self.kept:
            self._update_in_place()
        else:
            self._swap()

    def listing(self) -> dict[str, tuple[int, int]]:
        """:func:`output_listing` of the committed folder. After an update in place only the
        files this build wrote are looked at again: kept ones are as they were found."""
        if not self.kept or self.found is None:
            return output_listing(self.output_dir)
        listing = {path: self.found[path] for path in self.kept if path in self.found}
        for path in self.written:
            status = os.stat(self.output_dir.joinpath(*path.split("/")))
            listing[path] = (status.st_size, status.st_mtime_ns)
        return listing

    def _update_in_place(self) -> None:
        """Files gone from the site are deleted first, so a page that became a folder (or the
        reverse) finds its path free; then the staged files are moved in."""
        wanted = self.written | self.kept
        found = self.found if self.found is not None else output_listing(self.output_dir)
        emptied: set[Path] = set()
        for path in set(found) - wanted:
            target = self.output_dir.joinpath(*path.split("/"))
            target.unlink(missing_ok=True)
            folder = target.parent
            while folder != self.output_dir and folder not in emptied:
                emptied.add(folder)
                folder = folder.parent
        # folders left empty go too, deepest first; each is looked at once (a shard folder
        # of a previous build holds thousands of files)
        for folder in sorted(emptied, key=lambda f: len(f.parts), reverse=True):
            with contextlib.suppress(FileNotFoundError):
                if not any(folder.iterdir()):
                    folder.rmdir()
        made: set[Path] = set()
        for path in self.written:
            target = self.output_dir.joinpath(*path.split("/"))
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            os.replace(self.staging.joinpath(*path.split("/")), target)
        shutil.rmtree(self.staging, ignore_errors=True)

    def _swap(self) -> None:
        previous = self.output_dir.parent / f".{self.output_dir.name}.previous-{os.getpid()}"
        if self.output_dir.exists():
            os.replace(self.output_dir, previous)
        os.replace(self.staging, self.output_dir)
        if previous.exists():
            shutil.rmtree(previous, ignore_errors=True)

    def abort(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)


def output_listing(output_dir: Path) -> dict[str, tuple[int, int]]:
    """"2022/09/x/index.html" -> (size, mtime_ns) for every file (scandir: relpath on 34,000
    paths took most of a second)."""
    listing: dict[str, tuple[int, int]] = {}
    folders = [(str(output_dir), "")]
    while folders:
        folder, prefix = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders.append((entry.path, prefix + entry.name + "/"))
                else:
                    status = entry.stat()
                    listing[prefix + entry.name] = (status.st_size, status.st_mtime_ns)
    return listing


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
