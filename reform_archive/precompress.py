"""Gzip copies of the text files of a built site, for servers that send them as they are
(nginx ``gzip_static on``, Caddy ``precompressed gzip``): the server never compresses a page
on a request, and compresses nothing at level 9 only once per build (pure).

Copies are made byte for byte the same from the same input (no time, no name in the gzip
header), so builds stay reproducible.
"""

from __future__ import annotations

import gzip

__all__ = ["COMPRESSIBLE_SUFFIXES", "MIN_SIZE", "SUFFIX", "compressed", "worth_compressing"]

SUFFIX = ".gz"
COMPRESSIBLE_SUFFIXES = (".html", ".xml", ".json", ".js", ".mjs", ".css", ".txt", ".svg", ".webmanifest", ".map")
MIN_SIZE = 1024  # below this the copy saves less than a packet; the server may still compress it on the fly


def worth_compressing(path: str, size: int) -> bool:
    return size >= MIN_SIZE and path.lower().endswith(COMPRESSIBLE_SUFFIXES)


def compressed(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)
