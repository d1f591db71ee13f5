"""What a build is asked to do, and what it answers (the public side of a build)."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from reform_archive.errors import Problem
from reform_archive.incremental.cache import CacheStats

__all__ = ["BuildOptions", "BuildProfile", "BuildResult", "Progress", "build_clock", "source_date_epoch"]

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class BuildOptions:
    drafts: bool = False
    future: bool = False
    strict: bool = False
    now: datetime | None = None  # None: SOURCE_DATE_EPOCH or the clock
    cache: bool = True  # keep prepared articles in SITE/.cache/ (reform_archive.incremental.cache)
    jobs: int | None = None  # worker processes; None: one per core


@dataclass(frozen=True)
class BuildResult:
    """What was built: what a caller of the build needs, none of how it was done."""

    articles: int
    pages: int
    files: tuple[str, ...]
    warnings: tuple[Problem, ...] = field(default=())
    static: Mapping[str, Path] = field(default_factory=dict)  # output path -> the static file copied there
    unchanged: bool = False  # nothing had changed since the last build into the same folder: nothing was written


@dataclass(frozen=True)
class BuildProfile:
    """How the build got there, for ``build --profile`` and the tests of the incremental
    machinery (:func:`reform_archive.build.steps.profile_build`); never recorded."""

    cache: CacheStats = field(default_factory=CacheStats)
    kept: int = 0  # pages, feeds, pictures and search files not written again: the previous build's was still right (reform_archive.incremental.reuse)
    search_alongside: float = 0.0  # seconds the search index took in a forked process


def source_date_epoch() -> datetime | None:
    """Reproducible builds (reproducible-builds.org): SOURCE_DATE_EPOCH, when set, is "now"."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return datetime.fromtimestamp(int(epoch), tz=UTC) if epoch.isdigit() else None


def build_clock() -> datetime:
    return source_date_epoch() or datetime.now(UTC)
