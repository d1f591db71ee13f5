"""Watching the site's sources (watchfiles) and saying which changes matter.

The source folders are watched recursively; the site folder itself is not (it may hold
``output/``, ``.venv/`` or ``node_modules/``), so ``site.toml`` and the appearance of a
new source folder are noticed by a cheap stat on every tick instead. That also survives
editors that save by writing a new file and renaming it over the old one.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import Callable

import watchfiles

from generator.config import CONFIG_FILE
from generator.loader import CONTENT_DIR, is_article_file

TICK_MS = 250  # how often site.toml and the set of folders are looked at
STEP_MS = 50  # a burst of changes (a save, a git checkout) ends after this much quiet
_FILTER = watchfiles.DefaultFilter()


def relevant(path: Path, site_dir: Path) -> bool:
    """Whether a changed path can change the built site."""
    if not _FILTER(watchfiles.Change.modified, str(path)):
        return False  # editor swap and backup files, VCS folders
    content = site_dir / CONTENT_DIR
    if path.is_relative_to(content):
        return is_article_file(path.relative_to(content).parts)
    return True


def _config_state(site_dir: Path) -> tuple:
    try:
        stat = (site_dir / CONFIG_FILE).stat()
    except OSError:
        return ()
    return stat.st_mtime_ns, stat.st_size, stat.st_ino


def watch_sources(site_dir: Path, roots: Callable[[], list[Path]], on_change: Callable[[set[Path]], None],
                  stop: threading.Event) -> None:
    """Call ``on_change`` with the relevant changed paths after each burst, until ``stop``.

    ``roots`` is asked again after every tick: a new source folder, or another theme named
    in site.toml, restarts the watcher on the new set.
    """
    site_dir = site_dir.absolute()
    config = _config_state(site_dir)
    watched: list[Path] = roots()
    while not stop.is_set():
        added = set(roots()) - set(watched)
        watched = roots()
        if added:
            on_change(added)  # what was written into a new folder before it was watched
        batches = watchfiles.watch(*watched, watch_filter=None, step=STEP_MS, rust_timeout=TICK_MS,
                                   yield_on_timeout=True, stop_event=stop, raise_interrupt=False) \
            if watched else _ticks(stop)
        with contextlib.closing(batches):
            for batch in batches:
                changed = {Path(name) for _, name in batch if relevant(Path(name), site_dir)}
                if _config_state(site_dir) != config:
                    config = _config_state(site_dir)
                    changed.add(site_dir / CONFIG_FILE)
                if changed:
                    on_change(changed)
                if roots() != watched:
                    break  # watch the new set of folders


def _ticks(stop: threading.Event):
    while not stop.wait(TICK_MS / 1000):
        yield set()
