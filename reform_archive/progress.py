"""Progress for long builds: shown only after a second, only on a terminal.

One line per step ("pages 5400", "prepare 812/10000"), with the step's clock and the
build's. It is redrawn by the build's own calls and, between them, by an interval timer's
signal in the main thread: a step that reports nothing for seconds (the search index, the
feeds) still shows its clock running. No thread is started: the build forks its workers and
the search child only while no thread runs, and a child inherits no interval timer.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from reform_archive.build import Progress as ProgressCallback
from reform_archive.cli_messages import step_name

__all__ = ["REDRAW_SECONDS", "SHOW_AFTER_SECONDS", "StepTimer", "count_text", "progress_reporter"]

SHOW_AFTER_SECONDS = 1.0
REDRAW_SECONDS = 0.25


def count_text(done: int, total: int) -> str:
    """What a step has done, as shown: "812/10000" when its total is known, "5400" when it
    is not (the pages: their number is known only at the end), nothing for a one-shot step."""
    if total > 1:
        return f"{min(done, total)}/{total}"
    return str(done) if total == 0 and done else ""


class _Display:
    """The bar of one build (mutable: it is the terminal's state)."""

    def __init__(self, language: str) -> None:
        self.language = language  # of the step names shown
        self.started = time.monotonic()
        self.bar: Progress | None = None
        self.task: TaskID | None = None
        self.step = ""
        self.drawn = 0.0  # when the line was last drawn: report is called per article, drawing is not
        self.busy = False  # a redraw from the timer must not interleave with one from report
        self.pid = os.getpid()  # a forked child may run a signal pending at the fork: it never draws

    def report(self, step: str, done: int, total: int) -> None:
        if self.bar is None and time.monotonic() - self.started < SHOW_AFTER_SECONDS:
            return
        self.busy = True
        try:
            if self.bar is None:
                self.bar = Progress(
                    TextColumn("{task.description}"),
                    BarColumn(),
                    TextColumn("{task.fields[count]}"),
                    TimeElapsedColumn(),
                    TextColumn("{task.fields[overall]}"),
                    transient=True,
                    auto_refresh=False,
                    console=Console(stderr=True),
                )
                self.bar.start()
            new_step = step != self.step or self.task is None
            if new_step or self.task is None:
                # a new task: rich keeps the old total when given none ("pages 5400/1")
                if self.task is not None:
                    self.bar.remove_task(self.task)
                self.task = self.bar.add_task(
                    step_name(step, self.language), total=total if total > 1 else None, count="", overall=""
                )
                self.step = step
            task: TaskID = self.task
            self.bar.update(task, completed=done, total=total if total > 1 else None, count=count_text(done, total))
            if new_step or time.monotonic() - self.drawn >= REDRAW_SECONDS:
                self._draw()
        finally:
            self.busy = False

    def tick(self, _signal: int, _frame: FrameType | None) -> None:
        if self.bar is not None and not self.busy and os.getpid() == self.pid:
            self._draw()

    def _draw(self) -> None:
        assert self.bar is not None and self.task is not None
        self.bar.update(self.task, overall=f"(build {_clock(time.monotonic() - self.started)})")
        self.bar.refresh()
        self.drawn = time.monotonic()

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def _clock(seconds: float) -> str:
    minutes, rest = divmod(int(seconds), 60)
    return f"{minutes}:{rest:02d}"


@contextmanager
def progress_reporter(enabled: bool = True, language: str = "en") -> Iterator[ProgressCallback]:
    """``language``: the step names' ("vi" or "en")."""
    if not enabled or not sys.stderr.isatty():
        yield lambda step, done, total: None
        return
    display = _Display(language)
    # signals reach Python's main thread only; Windows has no interval timer
    timer = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    previous = signal.getsignal(signal.SIGALRM) if timer else None
    if timer:
        signal.signal(signal.SIGALRM, display.tick)
        signal.setitimer(signal.ITIMER_REAL, REDRAW_SECONDS, REDRAW_SECONDS)
    try:
        yield display.report
    finally:
        if timer:
            signal.setitimer(signal.ITIMER_REAL, 0, 0)
            signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)
        display.stop()


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
