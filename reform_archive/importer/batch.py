"""Many input files -> their pages, on every core.

Reading a file and extracting its articles (:func:`reform_archive.importer.pipeline.import_bytes`)
depends on that file alone, so worker processes do it for chunks of files while this process
names, de-duplicates and writes the results, which depend on the files before them. Results
come back in the order the files were given, so a parallel import writes exactly what a
serial one would.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path

from reform_archive.importer.decode import MAX_BYTES, too_big
from reform_archive.importer.extracted import Evidence
from reform_archive.importer.forms.sniff import sniff
from reform_archive.importer.pipeline import ImportedPage, import_archive, import_bytes
from reform_archive.parallel.policy import pool_context
from reform_archive.parallel.workers import die_with_parent

__all__ = ["CHUNK_FILES", "MIN_FILES_PER_WORKER", "FileRead", "archive_pages", "read_file", "read_files"]

# below this many files per worker a pool costs more than it saves (a worker starts in ~30 ms;
# a page takes ~3 ms)
MIN_FILES_PER_WORKER = 40
CHUNK_FILES = 16  # small chunks: the first results reach the writer early and no core waits long


@dataclass(frozen=True)
class FileRead:
    path: Path
    pages: tuple[ImportedPage, ...] = ()
    error: str = ""  # the file could not be read at all
    archive: bool = False  # a web archive too big to read at once: its pages are streamed (archive_pages)


def _is_archive(path: Path) -> bool:
    """A crawler's web archive (any size is read, record by record), told as the importer's
    form sniffing tells it: by its first records or its name."""
    with path.open("rb") as file:
        return sniff(file.read(8192), path.name) == "warc"


def archive_pages(path: Path) -> Iterator[ImportedPage]:
    """The pages of a big web archive, read from disk as they are extracted (in this process:
    pages are not held in memory or sent between processes)."""
    try:
        with path.open("rb") as file:
            yield from import_archive(file, path.name)
    except OSError as exc:
        yield ImportedPage(b"", None, error=f"cannot read: {exc.strerror or exc}")


def read_file(path: Path, url: str = "") -> FileRead:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:  # refused before it is read into memory, unless it is a web archive
            return FileRead(path, archive=True) if _is_archive(path) else FileRead(path, error=too_big(size))
        data = path.read_bytes()
    except OSError as exc:
        return FileRead(path, error=f"cannot read: {exc.strerror or exc}")
    try:
        pages = import_bytes(data, path.name, url)
    except Exception as exc:  # noqa: BLE001 - a bug: this file fails with it named, the others go on
        return FileRead(
            path,
            error=f"internal error: {type(exc).__name__}: {exc} (a bug in the importer; "
            "please report it with this file)",
        )
    # the candidates weighed for the title and date explain a choice; the writer never reads them
    return FileRead(
        path,
        tuple(
            replace(page, extraction=replace(page.extraction, evidence=Evidence()))
            if page.extraction is not None
            else page
            for page in pages
        ),
    )


def _read_chunk(paths: list[Path], url: str) -> list[FileRead]:
    return [read_file(path, url) for path in paths]


def read_files(paths: list[Path], url: str, jobs: int) -> Iterator[FileRead]:
    """Every file read and extracted, in the order given, on up to ``jobs`` processes."""
    workers = min(jobs, len(paths) // MIN_FILES_PER_WORKER)
    done = 0
    if workers > 1:
        chunks = [paths[start : start + CHUNK_FILES] for start in range(0, len(paths), CHUNK_FILES)]
        try:
            with ProcessPoolExecutor(workers, mp_context=pool_context(), initializer=die_with_parent) as pool:
                for reads in pool.map(_read_chunk, chunks, [url] * len(chunks)):
                    yield from reads
                    done += len(reads)
        except (BrokenProcessPool, OSError):
            pass  # a worker was killed or none could start: what is left is read here
    for path in paths[done:]:
        yield read_file(path, url)
