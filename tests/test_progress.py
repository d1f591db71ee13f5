"""The progress bar on a terminal starts no thread: the build forks its workers only while
no thread runs, and a terminal is where most builds are run."""

from __future__ import annotations

import io
import signal
import threading
import time

from reform_archive import progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_draws_without_a_thread(monkeypatch):
    monkeypatch.setattr(progress, "SHOW_AFTER_SECONDS", 0.0)
    monkeypatch.setattr(progress.sys, "stderr", Terminal())
    before = threading.active_count()
    with progress.progress_reporter() as report:
        for done in range(50):
            report("pages", done, 50)
            assert threading.active_count() == before
    assert threading.active_count() == before


def test_each_step_shows_its_own_count_never_the_last_steps_total(monkeypatch):
    monkeypatch.setattr(progress, "SHOW_AFTER_SECONDS", 0.0)
    terminal = Terminal()
    monkeypatch.setattr(progress.sys, "stderr", terminal)
    with progress.progress_reporter() as report:
        report("load", 0, 1)
        report("prepare", 812, 10000)
        report("pages", 5400, 0)
        shown = terminal.getvalue()
    assert "812/10000" in shown
    assert "5400" in shown and "5400/1" not in shown


def test_the_clock_runs_while_a_step_reports_nothing(monkeypatch):
    monkeypatch.setattr(progress, "SHOW_AFTER_SECONDS", 0.0)
    monkeypatch.setattr(progress, "REDRAW_SECONDS", 0.05)
    terminal = Terminal()
    monkeypatch.setattr(progress.sys, "stderr", terminal)
    with progress.progress_reporter() as report:
        report("search", 0, 1)
        drawn = len(terminal.getvalue())
        deadline = time.monotonic() + 1.5
        while time.monotonic() < deadline:  # a long step: no report, only work
            sum(range(10000))
        assert len(terminal.getvalue()) > drawn
        assert "(build 0:01)" in terminal.getvalue()


def test_the_timer_is_gone_after_the_build(monkeypatch):
    monkeypatch.setattr(progress.sys, "stderr", Terminal())
    before = signal.getsignal(signal.SIGALRM)
    with progress.progress_reporter():
        assert signal.getitimer(signal.ITIMER_REAL)[1] > 0
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) == before


def test_counts_as_shown():
    assert progress.count_text(812, 10000) == "812/10000"
    assert progress.count_text(5400, 0) == "5400"
    assert progress.count_text(0, 1) == ""
    assert progress.count_text(12, 10) == "10/10"
