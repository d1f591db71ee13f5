"""A build with nothing changed writes nothing.

After each build into a folder, a record is kept in the cache: a digest of everything the
build read (files by content), and the size and modification time of every file it wrote. The next build
into the same folder computes the digest again (it reads the content files anyway, to
find their cache entries); when it matches, the folder still holds exactly what was
written, and no excluded future article has come of age, the recorded result is the
result and the folder is left alone. Any doubt means a full build.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from reform_archive.incremental.cache import BuildCache
from reform_archive.incremental.keys import Hasher, key
from reform_archive.source.document_data import DATA_FILE
from reform_archive.writer import output_listing

__all__ = [
    "KEPT_RECORDS",
    "BuildRecord",
    "current_listing",
    "first_due",
    "forget",
    "input_files",
    "input_folders",
    "inputs_digest",
    "intact",
    "load",
    "record_key",
    "records",
    "same_inputs",
    "save",
    "still_valid",
]


KEPT_RECORDS = 6  # the newest build records kept: a few output folders, a branch or version back


@dataclass(frozen=True)
class BuildRecord:
    inputs: str
    valid_until: datetime | None  # the date of the first future article left out: then it is published
    output: dict[str, tuple[int, int]]  # file -> (size, mtime_ns) after the build
    result: Any  # the BuildResult to report again, warnings included
    ledger: Any = None  # the PageLedger: each output file's stamp and links, for the next build to keep pages


def records(cache: BuildCache) -> BuildCache:
    """The store of build records, beside (and sharing the faults of) the build's ``cache``."""
    return cache.part("builds")


def record_key(output_dir: Path) -> str:
    return key("build record", str(output_dir))


def inputs_digest(
    article_keys: Iterable[str],
    settings: Any,
    options: Any,
    folders: Iterable[Path],
    extra_files: Iterable[Path],
    precompressed: bool = False,
    hashed: dict[str, str] | None = None,
) -> str:
    """Everything a build reads: the articles (their cache keys already cover bytes, path,
    recipe and this program; the caller adds what the reader could not read: an unreadable
    file, a dangling link, a link leading out), the settings and options, and every file
    under the theme and the site's templates/ and static/, and files such as site.toml and
    lunr.js, by path and content. A touch, a checkout that rewrites the same bytes or a
    copy with its mtime kept (``cp -p``) are judged by what the file holds, never by its
    status: templates and static files are few, and hashing them costs milliseconds.
    ``precompressed``: the folder gets gzip copies (a build with them is not one without).
    ``hashed``: filled with each file's SHA-256 (hex) by path, so the build's pictures are not
    read and hashed twice."""
    digest = Hasher("inputs", program=True).add(
        repr(
            (
                settings,
                str(settings.site_dir),
                options.drafts,
                options.future,
                options.strict,
                os.environ.get("SOURCE_DATE_EPOCH", ""),
                precompressed,
            )
        )
    )
    digest.add_all(article_keys)
    for folder in folders:
        for root, dirs, files in os.walk(folder, followlinks=True):
            dirs.sort()
            for name in sorted(files):
                _add_file(digest, Path(root, name), hashed)
    for path in extra_files:
        _add_file(digest, path, hashed)
    return digest.hexdigest()


def _add_file(digest: Hasher, path: Path, hashed: dict[str, str] | None = None) -> None:
    try:
        with open(path, "rb") as file:
            content = hashlib.file_digest(file, "sha256").digest()
    except OSError:
        digest.add(str(path), "unreadable")
        return
    digest.add(str(path), content)
    if hashed is not None:
        hashed[str(path)] = content.hex()


def input_folders(settings: Any, theme_root: Path) -> list[Path]:
    """The folders whose files (by path and status) are inputs: the theme, the site's
    templates and static files."""
    return [theme_root, settings.site_dir / "templates", settings.site_dir / "static"]


def input_files(settings: Any, script: Path | None) -> list[Path]:
    """The files whose bytes are inputs: site.toml, data/documents.toml, and lunr.js with its package.json."""
    return [settings.site_dir / "site.toml", settings.site_dir / DATA_FILE] + (
        [script, script.parent / "package.json"] if script else []
    )


def first_due(prepared: Iterable[Any], now: datetime, future: bool, drafts: bool) -> datetime | None:
    """When the first article left out for being in the future is due: the site changes then."""
    due = [
        a.source.date
        for a in prepared
        if a.source is not None and a.source.date > now and not future and (drafts or not a.source.draft)
    ]
    return min(due, default=None)


def current_listing(output_dir: Path) -> dict[str, tuple[int, int]]:
    try:
        return output_listing(output_dir)
    except OSError:
        return {}


def same_inputs(record: BuildRecord, inputs: str, now: datetime) -> bool:
    return record.inputs == inputs and (record.valid_until is None or now < record.valid_until)


def still_valid(record: BuildRecord, listing: dict[str, tuple[int, int]]) -> bool:
    """For a record with :func:`same_inputs`: whether nobody has touched the built site."""
    return listing == record.output


def intact(record: BuildRecord | None, listing: dict[str, tuple[int, int]]) -> set[str]:
    """The output files that are as the recorded build wrote them (same size and mtime)."""
    if record is None:
        return set()
    return {path for path, status in listing.items() if record.output.get(path) == status}


def load(store: BuildCache, output_dir: Path) -> BuildRecord | None:
    record = store.get(record_key(output_dir))
    return record if isinstance(record, BuildRecord) else None


def forget(store: BuildCache, output_dir: Path) -> None:
    """Before the folder changes: a build interrupted while writing leaves no record, and
    the next build is a full one."""
    store.drop(record_key(output_dir))


def save(
    store: BuildCache,
    output_dir: Path,
    inputs: str,
    valid_until: datetime | None,
    result: Any,
    ledger: Any = None,
    listing: dict[str, tuple[int, int]] | None = None,
) -> None:
    """``listing``: the folder's :func:`output_listing` after the build, when the writer knows it."""
    record = BuildRecord(
        inputs, valid_until, output_listing(output_dir) if listing is None else listing, result, ledger
    )
    store.put(record_key(output_dir), pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))
    store.keep_newest(KEPT_RECORDS)
