"""Progress for long builds: shown only after a second, only on a terminal."""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager
from typing import Iterator

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from generator.build import Progress as ProgressCallback

SHOW_AFTER_SECONDS = 1.0


@contextmanager
def progress_reporter(enabled: bool = True) -> Iterator[ProgressCallback]:
    if not enabled or not sys.stderr.isatty():
        yield lambda step, done, total: None
        return
    started = time.monotonic()
    bar: Progress | None = None
    task = None

    def report(step: str, done: int, total: int) -> None:
        nonlocal bar, task
        if bar is None:
            if time.monotonic() - started < SHOW_AFTER_SECONDS:
                return
            bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                           TimeElapsedColumn(), transient=True, console=None)
            bar.start()
            task = bar.add_task(step, total=total or None)
        bar.update(task, description=step, completed=done, total=total or None)

    try:
        yield report
    finally:
        if bar is not None:
            bar.stop()
