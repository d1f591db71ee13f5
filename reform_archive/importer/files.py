"""The importer's file wrapper: raw files in, content files and kept raw bytes out.

This is the only part of the importer that touches the disk. Raw files are read, never
changed; their bytes are copied under ``content/_raw/<year>/`` and the article written
to ``content/<year>/<slug>.md``. Each file gets a :class:`FileReport`; one bad file never
stops the others.
"""

from __future__ import annotations

import glob
import hashlib
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from reform_archive.importer import output
from reform_archive.importer.batch import FileRead, archive_pages, read_files
from reform_archive.importer.dedupe import ShingleIndex, shingles
from reform_archive.importer.extracted import Extraction
from reform_archive.parallel.workers import default_jobs
from reform_archive.source.loader import CONTENT_DIR, content_files
from reform_archive.text.vietnamese import slugify

__all__ = ["RAW_FOLDER", "SUCCESS", "UNDATED_FOLDER", "FileReport", "FileWarning", "expand", "run_import"]

RAW_FOLDER = "_raw"
UNDATED_FOLDER = "undated"  # drafts the importer found no date for, until an editor dates them
_SKIPPED_NAMES = re.compile(r"^(?:\..*|~.*|.*~|Thumbs\.db|desktop\.ini)$", re.IGNORECASE)
_SHA_LINE = re.compile(r"^source_sha256:\s*([0-9a-f]{64})\s*$", re.MULTILINE)
# statuses that mean the file's article is in content/ (or, in a dry run, would be)
SUCCESS = ("imported", "updated", "unchanged", "kept", "duplicate")


@dataclass(frozen=True)
class FileWarning:
    line: int  # in the content file (the raw file's line 1 when nothing was written)
    message: str
    in_source: bool = False  # the line is the input file's (what its form said), not the content file's


@dataclass(frozen=True)
class FileReport:
    source: str  # the raw file as given
    status: str  # imported | updated | unchanged | kept | duplicate | failed
    output: str = ""  # the content file, relative to the site
    raw: str = ""  # the kept raw copy, relative to the site
    title: str = ""
    date: str = ""
    date_precision: str = ""
    encoding: str = ""
    warnings: tuple[FileWarning, ...] = ()
    error: str = ""
    error_line: int = 1
    origin: str = ""  # the page's place in a file that holds several ("item 3", "line 12")


@dataclass
class _Existing:
    """Articles already in content/: by raw hash, and their bodies for near-duplicates."""

    by_sha: dict[str, Path] = field(default_factory=dict)
    bodies: ShingleIndex = field(default_factory=ShingleIndex)
    claimed: set[Path] = field(default_factory=set)


def expand(patterns: list[str]) -> tuple[list[Path], list[FileReport]]:
    """Files, folders (searched recursively) and globs -> files, plus reports for what is missing."""
    files: list[Path] = []
    missing: list[FileReport] = []
    for pattern in patterns:
        matches = sorted(glob.glob(pattern, recursive=True)) if glob.has_magic(pattern) else [pattern]
        if not matches or not all(os.path.exists(m) for m in matches):
            missing.append(FileReport(pattern, "failed", error="no such file or folder"))
            continue
        for match in map(Path, matches):
            found = sorted(p for p in match.rglob("*") if p.is_file()) if match.is_dir() else [match]
            files.extend(p for p in found if not _SKIPPED_NAMES.match(p.name))
    return list(dict.fromkeys(files)), missing


def run_import(
    patterns: list[str],
    site_dir: Path,
    url: str = "",
    dry_run: bool = False,
    force: bool = False,
    jobs: int | None = None,
) -> list[FileReport]:
    """``jobs``: processes that read and extract files (default: one per core); naming and
    writing stay in this process, in the order of the files, so the result is the same."""
    files, reports = expand(patterns)
    content = site_dir / CONTENT_DIR
    existing = _scan(content)
    for read in read_files(files, url, jobs or default_jobs()):
        reports.extend(_import_one(read, site_dir, content, existing, dry_run, force))
    return reports


def _scan(content: Path) -> _Existing:
    existing = _Existing()
    if not content.is_dir():
        return existing
    for path in content_files(content):  # the articles the build would read
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # the build reports unreadable content; the importer only needs the readable
        front_matter, _, body = text.partition("\n---\n")
        if match := _SHA_LINE.search(front_matter):
            existing.by_sha[match.group(1)] = path
        existing.bodies.add(str(path), shingles(body))
        existing.claimed.add(path)
    return existing


_RAW_SUFFIX = {"html": ".html", "feed": ".xml", "jsonl": ".json", "csv": ".csv", "warc": ".html"}


def _import_one(
    read: FileRead, site_dir: Path, content: Path, existing: _Existing, dry_run: bool, force: bool
) -> list[FileReport]:
    path = read.path
    if read.error:
        return [FileReport(str(path), "failed", error=read.error)]
    reports = []
    for page in archive_pages(path) if read.archive else read.pages:
        source = str(path)
        if page.extraction is None:
            reports.append(
                FileReport(source, "failed", error=page.error, error_line=page.error_line, origin=page.origin)
            )
            continue
        suffix = path.suffix.lower() if page.form == "text" else _RAW_SUFFIX.get(page.form, ".txt")
        report = _import_page(
            page.extraction,
            page.raw,
            page.encoding,
            source,
            suffix or ".txt",
            site_dir,
            content,
            existing,
            dry_run,
            force,
        )
        said = tuple(FileWarning(w.line, w.message, in_source=True) for w in page.form_warnings)
        reports.append(replace(report, origin=page.origin, warnings=said + report.warnings))
    return reports


def _import_page(
    extraction: Extraction,
    data: bytes,
    encoding: str,
    source: str,
    suffix: str,
    site_dir: Path,
    content: Path,
    existing: _Existing,
    dry_run: bool,
    force: bool,
) -> FileReport:
    report = FileReport(
        source,
        "failed",
        encoding=encoding,
        warnings=tuple(FileWarning(1, note.message) for note in extraction.warnings),
    )
    article = extraction.article
    if article is None:
        return replace(report, error=extraction.error)
    sha = hashlib.sha256(data).hexdigest()
    report = replace(
        report,
        title=article.title,
        date=article.date.iso() if article.date else "",
        date_precision=article.date.precision if article.date else "",
    )
    body_shingles = shingles(article.plain_body())

    title_slug = slugify(article.title)
    target = existing.by_sha.get(sha)
    if target is None:
        twin = existing.bodies.closest(body_shingles)
        if twin is not None:
            name, score = twin
            return replace(
                report,
                status="duplicate",
                output=_relative(Path(name), site_dir),
                warnings=report.warnings
                + (
                    FileWarning(
                        1,
                        f"near-duplicate of {_relative(Path(name), site_dir)} "
                        f"({score:.0%} of the text is the same); not imported",
                    ),
                ),
            )
        folder = str(article.date.value.year) if article.date else UNDATED_FOLDER
        target = _free_path(content / folder, title_slug or output.fallback_slug(article), existing)
    slug = target.stem  # written out, so that correcting the headline later does not move the article
    raw = target.parent.relative_to(content) / f"{target.stem}{suffix}"
    raw_path = content / RAW_FOLDER / raw
    text = output.render(article, slug=slug, raw=f"{RAW_FOLDER}/{raw.as_posix()}", source_sha256=sha, encoding=encoding)
    report = replace(
        report,
        output=_relative(target, site_dir),
        raw=_relative(raw_path, site_dir),
        warnings=tuple(FileWarning(_key_line(text, note.key), note.message) for note in extraction.warnings),
    )

    status = "imported"
    if target.exists():
        current = target.read_text("utf-8", errors="replace")
        if current == text:
            status = "unchanged"
        elif output.edited_by_hand(current) and not force:
            return replace(
                report,
                status="kept",
                warnings=report.warnings
                + (FileWarning(1, "edited by hand since it was imported; kept as it is (use --force to overwrite)"),),
            )
        else:
            status = "updated"
    existing.by_sha[sha] = target
    existing.claimed.add(target)
    existing.bodies.add(str(target), body_shingles)
    if not dry_run and status != "unchanged":
        if not raw_path.exists() or raw_path.read_bytes() != data:
            _write_atomic(raw_path, data)
        _write_atomic(target, text.encode("utf-8"))
    return replace(report, status=status)


def _key_line(text: str, key: str) -> int:
    match = re.search(rf"^{key}:", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _free_path(folder: Path, slug: str, existing: _Existing) -> Path:
    """content/<year>/<slug>.md, or <slug>-2.md … when another article has that name."""
    candidate, number = folder / f"{slug}.md", 2
    while candidate in existing.claimed or candidate.exists():
        candidate, number = folder / f"{slug}-{number}.md", number + 1
    return candidate


def _relative(path: Path, site_dir: Path) -> str:
    try:
        return path.relative_to(site_dir).as_posix()
    except ValueError:
        return str(path)


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    temporary.write_bytes(data)
    os.replace(temporary, path)
