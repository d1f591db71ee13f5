"""Every key and stamp the incremental build compares, made by one function (pure).

A *key* names something kept across builds (a cache entry, a build record, an inputs
digest): it includes this program's fingerprint, so a new version never trusts an old
entry. A *stamp* names a page's or a file's inputs inside one build record, whose
environment digest already covers the program. Both feed their parts to the same hasher,
each part prefixed with its length (so ("ab", "c") is never ("a", "bc")) and led by a
kind, so two kinds of thing never share a key.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from reform_archive.incremental.program import code_fingerprint

__all__ = ["Hasher", "Part", "key", "stamp"]

Part = bytes | str


class Hasher:
    """The one hasher: a kind, then parts, each with its length."""

    def __init__(self, kind: str, program: bool = False, size: int = 32) -> None:
        self._digest = hashlib.blake2b(digest_size=size)
        if program:
            self._digest.update(code_fingerprint())
        self.add(kind)

    def add(self, *parts: Part) -> Hasher:
        for part in parts:
            data = part.encode() if isinstance(part, str) else part
            self._digest.update(len(data).to_bytes(8, "little") + data)
        return self

    def add_all(self, parts: Iterable[Part]) -> Hasher:
        return self.add(*parts)

    def hexdigest(self) -> str:
        return self._digest.hexdigest()

    def digest(self) -> bytes:
        return self._digest.digest()


def key(kind: str, *parts: Part) -> str:
    """A name for something kept across builds (and across versions of this program)."""
    return hashlib.blake2b(code_fingerprint() + _framed(kind, parts), digest_size=32).hexdigest()


def stamp(kind: str, *parts: Part) -> bytes:
    """A page's or a file's inputs within one build record (16 bytes: there are tens of thousands)."""
    return hashlib.blake2b(_framed(kind, parts), digest_size=16).digest()


def _framed(kind: str, parts: tuple[Part, ...]) -> bytes:
    """The kind and the parts, each after its length: what :class:`Hasher` feeds, in one piece."""
    pieces = [part.encode() if isinstance(part, str) else part for part in (kind, *parts)]
    return b"".join(len(piece).to_bytes(8, "little") + piece for piece in pieces)
