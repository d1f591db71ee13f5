"""Progress for long builds: shown only after a second, only on a terminal."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from reform_archive.build import Progress as ProgressCallback

__all__ = ["REDRAW_SECONDS", "SHOW_AFTER_SECONDS", "StepTimer", "progress_reporter"]

SHOW_AFTER_SECONDS = 1.0
REDRAW_SECONDS = 0.1


@contextmanager
def progress_reporter(enabled: bool = True) -> Iterator[ProgressCallback]:
    if not enabled or not sys.stderr.isatty():
        yield lambda step, done, total: None
        return
    started = time.monotonic()
    bar: Progress | None = None
    task = None
    drawn = 0.0

    def report(step: str, done: int, total: int) -> None:
        nonlocal bar, task, drawn
        if bar is None:
            if time.monotonic() - started < SHOW_AFTER_SECONDS:
                return
            # Drawn from here, not by rich's refresh thread: while a thread runs, the build
            # must not fork (a child could inherit a held lock), and would render pages and
            # make the search index on one core only.
            bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                           TimeElapsedColumn(), transient=True, console=None, auto_refresh=False)
            bar.start()
            task = bar.add_task(step, total=total or None)
        if task is not None:
            bar.update(task, description=step, completed=done, total=total or None)
        if time.monotonic() - drawn >= REDRAW_SECONDS:
            bar.refresh()
            drawn = time.monotonic()

    try:
        yield report
    finally:
        if bar is not None:
            bar.stop()


class StepTimer:
    """`build --profile`: wraps a progress callback and notes when each step starts, so the
    time of a step is the time until the next one begins."""

    def __init__(self, inner: ProgressCallback) -> None:
        self.inner = inner
        self.steps: list[tuple[str, float]] = []
        self.started = time.perf_counter()

    def __call__(self, step: str, done: int, total: int) -> None:
        if not self.steps or self.steps[-1][0] != step:
            self.steps.append((step, time.perf_counter()))
        self.inner(step, done, total)

    def table(self) -> list[tuple[str, float]]:
        """(step, seconds), in the order the steps ran, then the total."""
        ends = [start for _, start in self.steps[1:]] + [time.perf_counter()]
        rows: dict[str, float] = {}
        for (step, start), end in zip(self.steps, ends, strict=True):
            rows[step] = rows.get(step, 0.0) + end - start
        return [*rows.items(), ("total", time.perf_counter() - self.started)]
