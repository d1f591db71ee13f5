"""Gzip copies of the text files of a built site, for servers that send them as they are
(nginx ``gzip_static on``, Caddy ``precompressed gzip``): the server never compresses a page
on a request, and each file is compressed once per build, not once per request (pure).

Copies are made byte for byte the same from the same input (no time, no name in the gzip
header), so builds stay reproducible.
"""

from __future__ import annotations

import gzip

__all__ = ["COMPRESSIBLE_SUFFIXES", "LEVEL", "MIN_SIZE", "SUFFIX", "compressed", "worth_compressing"]

SUFFIX = ".gz"
COMPRESSIBLE_SUFFIXES = (".html", ".xml", ".json", ".js", ".mjs", ".css", ".txt", ".svg", ".webmanifest", ".map")
MIN_SIZE = 1024  # below this the copy saves less than a packet; the server may still compress it on the fly
# level 6 is within 0.5 % of level 9 on built pages and feeds, at a third of its time (benchmarks/README.md)
LEVEL = 6


def worth_compressing(path: str, size: int) -> bool:
    return size >= MIN_SIZE and path.lower().endswith(COMPRESSIBLE_SUFFIXES)


def compressed(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=LEVEL, mtime=0)
