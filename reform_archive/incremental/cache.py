"""The build cache in ``<site>/.cache/``: results keyed by a hash of everything they came from.

An entry's key is a SHA-256 of its inputs: the content file's bytes and path, the settings
its preparation reads (:class:`reform_archive.source.prepare.Recipe`), and a fingerprint of this
program (its source files, the versions of the libraries that shape the output, Python's).
Any change to any of them gives another key, so a stale entry is never looked up, and
entries no build uses any more are pruned.

Each entry is one file: a header naming the entry's kind (its store: articles, search, ...)
and key, the payload's CRC-32 and length, the payload (a pickle this program wrote). An
entry is read only under the key and in the store it was written for: one copied or moved
to another name is a miss. CRC-32 catches the accidents a cache meets (a truncated or torn
write, flipped bits) at a fifth of BLAKE2's cost, which was a quarter of reading 10,000
entries; the cache guards against accidents, not against someone who can write into it. A
file that is truncated, altered or misplaced fails the check and is recomputed, never
trusted (counted as rejected).

The folder is safe to delete at any time. A cache that cannot be used (a file where a folder
should be, an entry that is a folder, a read-only or full disk) makes the build slower, never
wrong and never failed: the first such error turns the cache off for the rest of the build,
the stores of a build share it (:meth:`BuildCache.part`), and it becomes one warning
(:meth:`BuildCache.problems`).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from reform_archive.errors import Problem, warning
from reform_archive.incremental.keys import key

__all__ = [
    "CACHE_DIR",
    "BuildCache",
    "CacheFault",
    "CacheStats",
    "cache_folder",
    "cache_key",
]

CACHE_DIR = ".cache"
_HEADER = b"reform-archive cache 3\n"
_CHECKSUM_SIZE = 12
_REUSED_BUFFER = 1 << 20  # bigger entries (a search index's term numbers) are read into their own
# the libraries whose output is part of what is cached


def cache_folder(site_dir: Path) -> Path:
    """SITE/.cache, or a folder of its own under $REFORM_ARCHIVE_CACHE_DIR (like HUGO_CACHEDIR:
    for read-only checkouts, CI caches, and tests that must not write into their fixtures)."""
    shared = os.environ.get("REFORM_ARCHIVE_CACHE_DIR")
    if not shared:
        return site_dir / CACHE_DIR
    return Path(shared) / hashlib.sha256(str(site_dir.resolve()).encode()).hexdigest()[:16]


def cache_key(kind: str, *parts: bytes | str) -> str:
    """A cache entry's name: its kind and inputs, and this program (:func:`keys.key`)."""
    return key(kind, *parts)


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0
    rejected: int = 0  # entries that failed the checksum, were misplaced, or could not be read back
    write_errors: int = 0  # entries not written: an error, or the cache turned off by one


@dataclass
class CacheFault:
    """The first error that made a build's cache unusable (shared by the build's stores)."""

    error: OSError | None = None

    def note(self, error: OSError) -> None:
        if self.error is None:
            self.error = error


@dataclass
class BuildCache:
    """``root`` None: no cache (``build --no-cache``), every lookup misses. The entries' kind
    is the name of ``root`` (articles, search, related, builds)."""

    root: Path | None
    stats: CacheStats = field(default_factory=CacheStats)
    fault: CacheFault = field(default_factory=CacheFault)
    _used: set[str] = field(default_factory=set)
    _buffer: bytearray = field(default_factory=bytearray, repr=False)

    @classmethod
    def for_site(cls, site_dir: Path, enabled: bool = True, part: str = "articles") -> BuildCache:
        return cls(cache_folder(site_dir) / part if enabled else None)

    def part(self, name: str) -> BuildCache:
        """Another store of the same cache folder, sharing this one's fault: once one store
        meets an error, the whole build goes on without the cache."""
        return BuildCache(self.root.parent / name if self.root is not None else None, fault=self.fault)

    @property
    def off(self) -> bool:
        return self.root is None or self.fault.error is not None

    def problems(self) -> list[Problem]:
        """One warning when the cache could not be used, else none."""
        error = self.fault.error
        if error is None or self.root is None:
            return []
        folder = self.root.parent
        where = error.filename and os.path.relpath(error.filename, folder)
        reason = f"{error.strerror or error}" + (f": {where}" if where and where != "." else "")
        return [warning(str(folder), 0, f"cannot use the build cache ({reason}): building without it")]

    def _path(self, key: str) -> str:
        assert self.root is not None
        return os.path.join(self.root, key[:2], key)  # not pathlib: 10,000 lookups a build

    def _label(self, key: str) -> bytes:
        """What an entry starts with: the format, its kind and its key."""
        assert self.root is not None
        return _HEADER + f"{self.root.name}\0{key}\n".encode()

    def get(self, key: str) -> Any | None:
        payload = self._payload(key)
        if payload is None:
            return None
        try:
            value = pickle.loads(payload)
        except Exception:  # noqa: BLE001 - a checksum collision or a class that changed shape: recompute
            self.stats.rejected += 1
            return None
        self.stats.hits += 1
        return value

    def still_used(self, key: str) -> None:
        """An entry this build needs but did not read (it held the value already): not pruned."""
        self._used.add(key)

    def get_bytes(self, key: str) -> memoryview | None:
        """An entry :meth:`put` as raw bytes, not a pickle (a big array, kept without a copy);
        the memory is the caller's."""
        payload = self._payload(key, own=True)
        if payload is not None:
            self.stats.hits += 1
        return payload

    def _payload(self, key: str, own: bool = False) -> memoryview | None:
        """The entry's checked payload (counted as a miss or a rejection when there is none).
        ``own``: in memory of its own, not in the buffer the next read reuses."""
        self._used.add(key)
        if self.off:
            self.stats.misses += 1
            return None
        data = self._read(self._path(key), own)
        if data is None:
            self.stats.misses += 1
            return None
        label = self._label(key)
        start = len(label) + _CHECKSUM_SIZE
        if data[: len(label)] != label or data[len(label) : start] != _checksum(data[start:]):
            self.stats.rejected += 1
            return None
        return data[start:]

    def _read(self, path: str, own: bool = False) -> memoryview | None:
        """The file's bytes, in a buffer this cache reuses: reading 10,000 entries into new
        bytes objects took three times as long. Valid until the next read. An entry that is
        not there is None; one that cannot be read (a folder, no permission) is a fault."""
        try:
            handle = os.open(path, os.O_RDONLY)
        except FileNotFoundError:
            return None
        except OSError as error:
            self.fault.note(error)
            return None
        try:
            size = os.fstat(handle).st_size
            reuse = size <= _REUSED_BUFFER and not own
            if reuse and len(self._buffer) < size:
                self._buffer = bytearray(size)
            view = memoryview(self._buffer if reuse else bytearray(size))[:size]
            return view if os.readv(handle, [view]) == size else None  # short: changed while read
        except OSError as error:
            self.fault.note(error)
            return None
        finally:
            os.close(handle)

    def put(self, key: str, payload: bytes | memoryview) -> None:
        """``payload``: the value as pickled (workers send it pickled, so it is written as is),
        or bytes for :meth:`get_bytes` (a memoryview of bytes: written without a copy)."""
        self._used.add(key)  # written by this build: not pruned by it
        if self.root is None:
            return
        if self.fault.error is not None:
            self.stats.write_errors += 1
            return
        try:
            # the payload is not joined to the header: a search index's entry is 54 MB at 10k
            _write_entry(self._path(key), (self._label(key) + _checksum(payload), payload))
        except OSError as error:
            self.stats.write_errors += 1
            self.fault.note(error)

    def drop(self, key: str) -> None:
        """Tried even when the cache is off: a record that should go must not stay if it can go."""
        if self.root is not None:
            try:
                _remove(self._path(key))
            except OSError as error:
                self.fault.note(error)

    def prune(self) -> int:
        """Removes entries no lookup of this build asked for, once they outnumber the used
        ones: switching between two branches keeps both warm, an archive's cache stays
        within about twice its size. Returns how many were removed."""
        if self.off:
            return 0
        assert self.root is not None
        if not self.root.is_dir():
            return 0
        try:
            stale = []
            with os.scandir(self.root) as folders:
                for folder in folders:
                    if folder.is_dir(follow_symlinks=False):
                        with os.scandir(folder.path) as names:
                            stale += [entry.path for entry in names if entry.name not in self._used]
            if len(stale) <= len(self._used):
                return 0
            for path in stale:
                _remove(path)
        except OSError as error:
            self.fault.note(error)
            return 0
        return len(stale)

    def keep_newest(self, count: int) -> int:
        """Removes all but the ``count`` entries written last (build records: one per output
        folder and program version, 19 MB each at 10,000 articles, would pile up with every
        upgrade). Returns how many were removed."""
        if self.off:
            return 0
        assert self.root is not None
        try:
            entries = [
                (entry.stat(follow_symlinks=False).st_mtime_ns, entry.path)
                for folder in (os.scandir(self.root) if self.root.is_dir() else [])
                if folder.is_dir(follow_symlinks=False)
                for entry in os.scandir(folder.path)
                if entry.is_file(follow_symlinks=False) and not entry.name.startswith(".tmp-")
            ]
            entries.sort(reverse=True)
            for _, path in entries[count:]:
                _remove(path)
        except OSError as error:
            self.fault.note(error)
            return 0
        return max(0, len(entries) - count)


def _write_entry(path: str, chunks: Iterable[bytes | memoryview]) -> None:
    """Writes a new entry whole: readers see the old one or the new one, and a write that
    fails (a full disk) leaves no partial file behind."""
    folder = os.path.dirname(path)
    os.makedirs(folder, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as file:
            for chunk in chunks:
                _write_chunk(file, chunk)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _write_chunk(file: BinaryIO, chunk: bytes | memoryview) -> None:
    file.write(chunk)


def _remove(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def _checksum(payload: bytes | memoryview) -> bytes:
    return zlib.crc32(payload).to_bytes(4, "little") + len(payload).to_bytes(8, "little")
