"""Every output byte goes through here: to memory, or to disk with an atomic swap.

The disk writer assembles the new site in a staging folder beside ``output/`` and, on
:meth:`commit`, exchanges the two folders in one step (``renameat2(RENAME_EXCHANGE)`` on
Linux), so a reader, a web server or a build killed at any moment sees the previous site
or the new one, never a mix and never no folder at all. Nothing is touched before commit:
a build with errors leaves the folder as it was, and files of removed articles disappear
with the old folder.

When the build keeps files of the previous build (:meth:`keep`, see
:mod:`reform_archive.incremental.reuse`), they are hard-linked into the staging folder rather than copied
(a link per file, no data), so an update after one edit still costs little. Leftovers of
an interrupted build (a staging folder, an old folder not yet deleted) are removed at the
next start, once the process that made them is gone.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

from reform_archive import precompress

__all__ = [
    "BUILT_SITE_MARKERS",
    "SOURCE_FOLDERS",
    "DiskWriter",
    "MemoryWriter",
    "OutputChangedError",
    "UnsafeOutputError",
    "Writer",
    "dispose",
    "exchange",
    "output_listing",
    "remove_leftovers",
    "retire",
]


class Writer(Protocol):
    @property
    def output_dir(self) -> Path | None: ...  # the folder the site is committed to; None for memory
    @property
    def precompress(self) -> bool: ...  # a gzip copy beside each text file (reform_archive.precompress)

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
    precompress = False

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
    def __init__(self, output_dir: Path, site_dir: Path, precompress: bool = False):
        self.output_dir = output_dir.resolve()
        self.precompress = precompress
        _refuse_dangerous_output(self.output_dir, site_dir.resolve())
        parent = self.output_dir.parent
        parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(self.output_dir)
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
        if self.precompress and precompress.worth_compressing(path, len(data)):
            self._write_copy(path, data)

    def _write_copy(self, path: str, data: bytes) -> None:
        with open(self._target(path + precompress.SUFFIX), "wb") as file:
            file.write(precompress.compressed(data))
        self.written.add(path + precompress.SUFFIX)

    def copy(self, path: str, source: Path) -> None:
        shutil.copyfile(source, self._target(path))
        self.written.add(path)
        if self.precompress and precompress.worth_compressing(path, os.path.getsize(source)):
            self._write_copy(path, Path(source).read_bytes())

    def keep(self, path: str) -> None:
        _safe_parts(path)
        self.kept.add(path)

    def adopt(self, path: str) -> None:
        """A file another process wrote into the staging folder (with :meth:`write` as it
        was when the process forked) is this build's."""
        if not self.staging.joinpath(*_safe_parts(path)).is_file():
            raise FileNotFoundError(f"{path} was not written into {self.staging}")
        self.written.add(path)
        if self.precompress and self.staging.joinpath(*_safe_parts(path + precompress.SUFFIX)).is_file():
            self.written.add(path + precompress.SUFFIX)  # written beside it by the same write

    def discard(self, path: str) -> None:
        """A file another process wrote into the staging folder is not this build's after all:
        it goes, with the folders it leaves empty (a swap would publish them)."""
        target = self.staging.joinpath(*_safe_parts(path))
        target.unlink(missing_ok=True)
        self.written.discard(path)
        if self.precompress:
            target.with_name(target.name + precompress.SUFFIX).unlink(missing_ok=True)
            self.written.discard(path + precompress.SUFFIX)
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
        """Kept files are linked in beside the new ones, then the staging folder and the
        output folder trade places in one step; the old site is deleted last."""
        try:
            self._link_kept()
            old = exchange(self.staging, self.output_dir)
        except BaseException:
            self.abort()
            raise
        if old is not None:
            retire(old, self.output_dir)

    def listing(self) -> dict[str, tuple[int, int]]:
        """:func:`output_listing` of the committed folder. Kept files are links to the ones
        found (same size and mtime); only the files this build wrote are looked at again."""
        if not self.kept or self.found is None:
            return output_listing(self.output_dir)
        listing = {path: self.found[path] for path in self.kept if path in self.found}
        for path in self.written:
            status = os.stat(self.output_dir.joinpath(*path.split("/")))
            listing[path] = (status.st_size, status.st_mtime_ns)
        return listing

    def _link_kept(self) -> None:
        for path in sorted(self.kept - self.written):
            self._link(path)
            if self.precompress:
                self._keep_copy(path)

    def _keep_copy(self, path: str) -> None:
        """A kept file's gzip copy: the previous build's, or made now when that build made none."""
        source = os.path.join(self.output_dir, *path.split("/"))
        if not precompress.worth_compressing(path, os.path.getsize(source)):
            return
        if os.path.isfile(source + precompress.SUFFIX):
            self._link(path + precompress.SUFFIX)
            self.kept.add(path + precompress.SUFFIX)
        else:
            with open(source, "rb") as file:
                self._write_copy(path, file.read())

    def _link(self, path: str) -> None:
        source = os.path.join(self.output_dir, *path.split("/"))
        target = self._target(path)
        try:
            os.link(source, target)
        except FileNotFoundError:
            raise OutputChangedError(
                f"{source} disappeared during the build; nothing was changed, build again"
            ) from None
        except OSError as exc:
            if exc.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP, errno.EOPNOTSUPP):
                raise
            shutil.copy2(source, target)  # a file system without hard links, or a file at its link limit

    def abort(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)


class OutputChangedError(UnsafeOutputError):
    """Someone changed the output folder while the build was using it."""


_RENAME_EXCHANGE = 2


def exchange(new: Path, current: Path) -> Path | None:
    """Put ``new`` where ``current`` is, atomically; return where the old folder now is
    (``None`` when there was none). Linux swaps the two names in one system call; elsewhere
    (or on a file system that cannot) the old folder is renamed away first, which leaves
    an instant with no folder but never a mixed one."""
    if not current.exists():
        os.replace(new, current)
        return None
    if _renameat2(new, current):
        return new  # the staging folder's name now holds the old site
    previous = current.parent / f".{current.name}.previous-{os.getpid()}"
    os.replace(current, previous)
    os.replace(new, current)
    return previous


def _renameat2(first: Path, second: Path) -> bool:
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        function = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_cwd = -100
    if function(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False  # not offered here: fall back
    raise OSError(code, os.strerror(code), str(second))


# run detached: deleting a 10,000-article site takes tens of seconds on some file systems,
# and the new site is already in place
_DELETER = "import os, shutil, sys; os.nice(10); shutil.rmtree(sys.argv[1], ignore_errors=True)"


def retire(folder: Path, output_dir: Path) -> None:
    """An old site or a dead build's staging folder: renamed first to a name of its own (this
    process may stage under the old name again at once, and a later start must not take it
    for a running build's), then disposed of."""
    retired = folder.with_name(f".{output_dir.name}.previous-{os.getpid()}-{time.monotonic_ns()}")
    try:
        folder.rename(retired)
    except OSError:
        retired = folder
    dispose(retired)


def dispose(folder: Path) -> None:
    """Delete an old site in a detached process, so the command need not wait for it; if
    that process is killed, the next build finds the folder and disposes of it again."""
    try:
        subprocess.Popen(
            [sys.executable, "-c", _DELETER, str(folder)],
            start_new_session=True,
            close_fds=True,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)


_LEFTOVER = re.compile(r"^\.(?P<name>.+)\.(?:staging|previous)-(?P<pid>\d+)(?:-\d+)?$")


def remove_leftovers(output_dir: Path) -> None:
    """Staging and old folders beside ``output_dir`` left by builds that were killed
    (their process is gone); a running build's own folder is left alone."""
    try:
        entries = list(output_dir.parent.iterdir())
    except OSError:
        return
    for entry in entries:
        match = _LEFTOVER.match(entry.name)
        if match and match["name"] == output_dir.name and not _running(int(match["pid"])) and entry.is_dir():
            retire(entry, output_dir)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return False  # this process is starting a build: what it left before is stale
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def output_listing(output_dir: Path) -> dict[str, tuple[int, int]]:
    """ "2022/09/x/index.html" -> (size, mtime_ns) for every file (scandir: relpath on 34,000
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
        if any((output_dir / name).exists() for name in ("site.toml", "content", ".git")) or not any(
            (output_dir / name).is_file() for name in BUILT_SITE_MARKERS
        ):
            raise UnsafeOutputError(
                f"output folder {output_dir} holds files that are not a built site; "
                "it would be replaced whole: choose an empty or new folder for --output"
            )
