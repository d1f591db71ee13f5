"""Watching the site's sources (watchfiles) and saying which changes matter.

The source folders are watched recursively; the site folder itself is not (it may hold
``output/``, ``.venv/`` or ``node_modules/``), so ``site.toml`` and the appearance of a
new source folder are noticed by a cheap stat on every tick instead. That also survives
editors that save by writing a new file and renaming it over the old one.

No change may be lost: a watcher is running before the first build starts, and when the
set of folders changes the new watcher is running before the old one is closed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import watchfiles

from reform_archive.cli_messages import say
from reform_archive.config import CONFIG_FILE
from reform_archive.source.loader import CONTENT_DIR, is_article_file

__all__ = ["RETRY_SECONDS", "STEP_MS", "TICK_MS", "Batches", "config_state", "relevant", "watch_sources"]

TICK_MS = 250  # how often site.toml and the set of folders are looked at
STEP_MS = 50  # a burst of changes (a save, a git checkout) ends after this much quiet
RETRY_SECONDS = 1.0
_FILTER = watchfiles.DefaultFilter()

Batches = Iterator[set[tuple[watchfiles.Change, str]]]


def relevant(path: Path, site_dir: Path, roots: list[Path]) -> bool:
    """Whether a changed path can change the built site. Editor swap and backup files and
    VCS folders are judged inside the watched folder only: a site kept under a folder
    named .venv or node_modules still counts."""
    root = next((root for root in roots if path.is_relative_to(root)), None)
    if root is not None and not _FILTER(watchfiles.Change.modified, str(path.relative_to(root))):
        return False
    content = site_dir / CONTENT_DIR
    if not path.is_relative_to(content):
        return True
    parts = path.relative_to(content).parts
    if any(part.startswith(("_", ".")) for part in parts):
        return False
    # an article, or a folder moved or deleted with articles in it (one event for the folder)
    return is_article_file(parts) or path.is_dir() or not path.exists()


def config_state(site_dir: Path) -> tuple:
    """site.toml's identity on disk (time, size, inode): () when it is missing."""
    try:
        stat = (site_dir / CONFIG_FILE).stat()
    except OSError:
        return ()
    return stat.st_mtime_ns, stat.st_size, stat.st_ino


def _open(roots: list[Path], stop: threading.Event) -> tuple[Batches, set[Path]]:
    """A running watcher over ``roots``, and what it saw while starting. watchfiles makes its
    watcher on the first ``next()``, which returns within one tick: after it, nothing is missed."""
    if not roots:
        return _ticks(stop), set()
    batches = watchfiles.watch(
        *roots,
        watch_filter=None,
        step=STEP_MS,
        rust_timeout=TICK_MS,
        yield_on_timeout=True,
        stop_event=stop,
        raise_interrupt=False,
    )
    return batches, {Path(name) for _, name in next(batches, set())}


def _ticks(stop: threading.Event) -> Batches:
    while not stop.wait(TICK_MS / 1000):
        yield set()


def watch_sources(
    site_dir: Path,
    roots: Callable[[], list[Path]],
    on_change: Callable[[set[Path]], None],
    stop: threading.Event,
    ready: threading.Event,
    report: Callable[[str], None],
    language: str = "en",
) -> None:
    """Call ``on_change`` with the relevant changed paths after each burst, until ``stop``.
    ``ready`` is set once the first watcher runs. ``roots`` is asked again on every tick: a
    new source folder, or another theme named in site.toml, moves the watcher to the new set.
    A failing watcher (a folder removed under it, the inotify limit) is reported, in
    ``language``, and reopened."""
    _SourceWatcher(site_dir.absolute(), roots, on_change, stop, report, language).run(ready)


class _SourceWatcher:
    def __init__(
        self,
        site_dir: Path,
        roots: Callable[[], list[Path]],
        on_change: Callable[[set[Path]], None],
        stop: threading.Event,
        report: Callable[[str], None],
        language: str,
    ) -> None:
        self.site_dir, self.roots, self.on_change, self.stop, self.report = site_dir, roots, on_change, stop, report
        self.language = language
        self.config = config_state(site_dir)
        self.watched: list[Path] = []
        self.batches: Batches = iter(())
        self.seen: set[Path] = set()

    def run(self, ready: threading.Event) -> None:
        while not self.stop.is_set():
            try:
                self._move_to(self.roots())
                ready.set()
                self._follow()
            except Exception as exc:  # noqa: BLE001 - the preview must outlive its watcher
                ready.set()
                folders = ", ".join(map(str, self.watched)) or say(self.language, "the_site")
                self.report(say(self.language, "watch_failed", folders=folders, detail=exc))
                self.stop.wait(RETRY_SECONDS)
            finally:
                self._close()

    def _move_to(self, roots: list[Path]) -> None:
        """Start watching ``roots``; the new watcher runs before the old one is closed."""
        fresh, seen = _open(roots, self.stop)
        self._close()
        self.batches, self.watched = fresh, roots
        self.seen |= seen

    def _close(self) -> None:
        close = getattr(self.batches, "close", None)
        if close:
            close()

    def _follow(self) -> None:
        while not self.stop.is_set():
            batch = self.seen | {Path(name) for _, name in next(self.batches, set())}
            self.seen = set()
            changed = {path for path in batch if relevant(path, self.site_dir, self.watched)}
            if (state := config_state(self.site_dir)) != self.config:
                self.config = state
                changed.add(self.site_dir / CONFIG_FILE)
            current = self.roots()
            if current != self.watched:
                added = set(current) - set(self.watched)
                self._move_to(current)
                changed |= added  # a new folder's files, written before it was watched
            if changed:
                self.on_change(changed)
