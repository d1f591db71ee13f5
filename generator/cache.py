"""The build cache in ``<site>/.cache/``: results keyed by a hash of everything they came from.

An entry's key is a SHA-256 of its inputs: the content file's bytes and path, the settings
its preparation reads (:class:`generator.prepare.Recipe`), and a fingerprint of this
program (its source files, the versions of the libraries that shape the output, Python's).
Any change to any of them gives another key, so a stale entry is never looked up, and
entries no build uses any more are pruned.

Each entry is one file: a header, the payload's CRC-32 and length, the payload (a pickle
this program wrote). CRC-32 catches the accidents a cache meets (a truncated or torn write,
flipped bits) at a fifth of BLAKE2's cost, which was a quarter of reading 10,000 entries;
the cache guards against accidents, not against someone who can write into it. A file that
is truncated, altered or unreadable fails the check and is recomputed, never trusted. The
folder is safe to delete at any time; a cache that cannot be written (read-only disk, full
disk) makes the build slower, never wrong.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

CACHE_DIR = ".cache"
_HEADER = b"reform-archive cache 2\n"
_CHECKSUM_SIZE = 12
_REUSED_BUFFER = 1 << 20  # bigger entries (a search index's term numbers) are read into their own
# the libraries whose output is part of what is cached
_LIBRARIES = ("markdown", "nh3", "pyyaml", "python-frontmatter", "python-slugify", "numpy", "tzdata")
PACKAGE_DIR = Path(__file__).resolve().parent


def cache_folder(site_dir: Path) -> Path:
    """SITE/.cache, or a folder of its own under $REFORM_ARCHIVE_CACHE_DIR (like HUGO_CACHEDIR:
    for read-only checkouts, CI caches, and tests that must not write into their fixtures)."""
    shared = os.environ.get("REFORM_ARCHIVE_CACHE_DIR")
    if not shared:
        return site_dir / CACHE_DIR
    return Path(shared) / hashlib.sha256(str(site_dir.resolve()).encode()).hexdigest()[:16]


@lru_cache(maxsize=1)
def code_fingerprint() -> bytes:
    """Changes whenever this program's code or a library that shapes its output changes."""
    digest = hashlib.sha256(sys.version.encode())  # unicodedata (NFC, categories) comes with Python
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0" + path.read_bytes())
    for name in _LIBRARIES:
        try:
            digest.update(f"{name}={version(name)}\0".encode())
        except PackageNotFoundError:
            digest.update(f"{name}=?\0".encode())
    return digest.digest()


def cache_key(kind: str, *parts: bytes | str) -> str:
    digest = hashlib.sha256(code_fingerprint() + kind.encode())
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little") + data)  # lengths: ("ab", "c") is not ("a", "bc")
    return digest.hexdigest()


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0
    rejected: int = 0  # entries that failed the checksum or could not be read back
    write_errors: int = 0


@dataclass
class BuildCache:
    """``root`` None: no cache (``build --no-cache``), every lookup misses."""

    root: Path | None
    stats: CacheStats = field(default_factory=CacheStats)
    _used: set[str] = field(default_factory=set)
    _buffer: bytearray = field(default_factory=bytearray, repr=False)

    @classmethod
    def for_site(cls, site_dir: Path, enabled: bool = True, part: str = "articles") -> BuildCache:
        return cls(cache_folder(site_dir) / part if enabled else None)

    def _path(self, key: str) -> str:
        assert self.root is not None
        return os.path.join(self.root, key[:2], key)  # not pathlib: 10,000 lookups a build

    def get(self, key: str) -> Any | None:
        payload = self._payload(key)
        if payload is None:
            return None
        try:
            value = pickle.loads(payload)
        except Exception:  # a checksum collision or a class that changed shape: recompute
            self.stats.rejected += 1
            return None
        self.stats.hits += 1
        return value

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
        if self.root is None:
            self.stats.misses += 1
            return None
        data = self._read(self._path(key), own)
        if data is None:
            self.stats.misses += 1
            return None
        start = len(_HEADER) + _CHECKSUM_SIZE
        if data[:len(_HEADER)] != _HEADER or data[len(_HEADER):start] != _checksum(data[start:]):
            self.stats.rejected += 1
            return None
        return data[start:]

    def _read(self, path: str, own: bool = False) -> memoryview | None:
        """The file's bytes, in a buffer this cache reuses: reading 10,000 entries into new
        bytes objects took three times as long. Valid until the next read."""
        try:
            handle = os.open(path, os.O_RDONLY)
        except OSError:
            return None
        try:
            size = os.fstat(handle).st_size
            reuse = size <= _REUSED_BUFFER and not own
            if reuse and len(self._buffer) < size:
                self._buffer = bytearray(size)
            view = memoryview(self._buffer if reuse else bytearray(size))[:size]
            return view if os.readv(handle, [view]) == size else None  # short: changed while read
        except OSError:
            return None
        finally:
            os.close(handle)

    def put(self, key: str, payload: bytes | memoryview) -> None:
        """``payload``: the value as pickled (workers send it pickled, so it is written as is),
        or bytes for :meth:`get_bytes` (a memoryview of bytes: written without a copy)."""
        self._used.add(key)  # written by this build: not pruned by it
        if self.root is None:
            return
        target = Path(self._path(key))
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            with os.fdopen(handle, "wb") as file:
                file.write(_HEADER + _checksum(payload))
                file.write(payload)  # not joined to the header: a search index's entry is 54 MB at 10k
            os.replace(temporary, target)  # readers see the old entry or the whole new one
        except OSError:
            self.stats.write_errors += 1

    def drop(self, key: str) -> None:
        if self.root is not None:
            Path(self._path(key)).unlink(missing_ok=True)

    def prune(self) -> int:
        """Removes entries no lookup of this build asked for, once they outnumber the used
        ones: switching between two branches keeps both warm, an archive's cache stays
        within about twice its size. Returns how many were removed."""
        if self.root is None or not self.root.is_dir():
            return 0
        stale = [path for folder in self.root.iterdir() if folder.is_dir()
                 for path in folder.iterdir() if path.name not in self._used]
        if len(stale) <= len(self._used):
            return 0
        for path in stale:
            path.unlink(missing_ok=True)
        return len(stale)


def _checksum(payload: bytes | memoryview) -> bytes:
    return zlib.crc32(payload).to_bytes(4, "little") + len(payload).to_bytes(8, "little")
