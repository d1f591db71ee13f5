"""This program's fingerprint: what every kept key depends on besides its own inputs."""

from __future__ import annotations

import hashlib
import sys
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

__all__ = ["PACKAGE_DIR", "code_fingerprint"]

_LIBRARIES = ("markdown", "nh3", "pyyaml", "python-frontmatter", "python-slugify", "numpy", "tzdata", "pillow")
PACKAGE_DIR = Path(__file__).resolve().parent.parent


@lru_cache(maxsize=1)
def code_fingerprint() -> bytes:
    """Changes whenever this program's code or a library that shapes its output changes."""
    digest = hashlib.sha256(sys.version.encode())  # unicodedata (NFC, categories) comes with Python
    # its code and the data files it reads (abbreviations.toml, the preview's live.js, the map)
    for path in sorted(p for pattern in ("*.py", "*.toml", "*.js", "*.json") for p in PACKAGE_DIR.rglob(pattern)):
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0" + path.read_bytes())
    for name in _LIBRARIES:
        try:
            digest.update(f"{name}={version(name)}\0".encode())
        except PackageNotFoundError:
            digest.update(f"{name}=?\0".encode())
    return digest.digest()
