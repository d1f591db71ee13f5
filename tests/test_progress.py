"""The progress bar on a terminal starts no thread: the build forks its workers only while
no thread runs, and a terminal is where most builds are run."""

from __future__ import annotations

import io
import threading

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
