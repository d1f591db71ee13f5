"""The previewed site: built into memory, the last good build kept while a rebuild fails.

A rebuild is a whole in-memory build, with two shortcuts. An edit of existing static files
(a stylesheet, a script, an image) is read again and swapped in without rendering a page.
A saved article is first rendered alone against the last build's model
(:mod:`reform_archive.build.fast`) and served at once, as a *partial* version whose fresh
pages are named; the whole build follows, and until it is done a request for any other
page waits for it rather than get a stale one. A file saved with the bytes the last build
read costs no build at all. Nothing here touches ``output/``.
"""

from __future__ import annotations

import secrets
import threading
import time
import traceback
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

from reform_archive.build import BuildMemory, BuildOptions, build_into_memory
from reform_archive.build.fast import render_saved_articles
from reform_archive.cli_messages import say
from reform_archive.config import Settings, load_settings
from reform_archive.errors import BuildError, Problem, error
from reform_archive.publish.render import find_theme
from reform_archive.readonly import ReadOnlyMapping
from reform_archive.serve.live import LiveStatus
from reform_archive.serve.watch import config_state
from reform_archive.writer import MemoryWriter

__all__ = ["LISTED_PAGES", "SHOWN_WARNINGS", "WAIT_FOR_BUILD", "Echo", "PreviewSite", "Snapshot"]


class Echo(Protocol):
    def __call__(self, message: str, err: bool = False) -> None: ...


SHOWN_WARNINGS = 20
LISTED_PAGES = 500  # changed pages named in a status; more, and every open page reloads
WAIT_FOR_BUILD = 600.0  # seconds a request for a page not yet rebuilt waits for the build


@dataclass(frozen=True)
class Snapshot:
    """One good build: what is served, and where its static files came from."""

    files: Mapping[str, bytes]
    version: str
    base_path: str
    language: str
    static: Mapping[str, Path]  # output path -> source file
    static_roots: tuple[Path, ...]
    theme_root: Path
    memory: BuildMemory | None = None  # what the build left: the next one keeps the pages that did not change
    fresh: frozenset[str] = frozenset()  # a partial version's own pages; every other file waits for the build


class PreviewSite:
    def __init__(self, site_dir: Path, options: BuildOptions, origin: str, echo: Echo, language: str = "en") -> None:
        self.site_dir = site_dir
        self.options = options
        self.origin = origin  # "http://127.0.0.1:8000": base_url becomes origin + the site's sub-path
        self.echo = echo
        self.language = language  # of what it says ("vi" or "en"), not of the pages it builds
        self.snapshot: Snapshot | None = None
        self.problems: tuple[Problem, ...] = ()
        self._instance = secrets.token_hex(3)  # a restarted server never repeats a version
        self._builds = 0
        self._building = threading.Lock()
        self._theme: tuple[tuple, Path | None] = ((), None)  # (site.toml's state, the theme it names)
        self._consistent = threading.Event()  # clear while a partial version is served
        self._consistent.set()

    def status(self, previous: str = "", styles_only: bool = False, pages: tuple[str, ...] = ()) -> LiveStatus:
        snapshot = self.snapshot
        shown = [p for p in self.problems if p.level == "error"] or list(self.problems)
        return LiveStatus(
            snapshot.version if snapshot else "",
            tuple(str(p) for p in shown),
            previous,
            styles_only,
            pages,
            partial=bool(snapshot and snapshot.fresh),
        )

    def serving(self, wanted: str) -> Snapshot | None:
        """The snapshot to answer a request for output file ``wanted`` from: while a partial
        version is served, a page it did not render waits for the whole build."""
        snapshot = self.snapshot
        if snapshot is not None and snapshot.fresh and wanted not in snapshot.fresh:
            self._consistent.wait(timeout=WAIT_FOR_BUILD)
            return self.snapshot
        return snapshot

    def watch_roots(self) -> list[Path]:
        """The folders to watch: the site's source folders and the theme that site.toml names
        now, so a theme switch moves the watcher with it. Asked on every tick: site.toml is
        read again only when it changed on disk."""
        theme = self._named_theme()
        site_dir = self.site_dir.absolute()
        folders = [site_dir / name for name in ("content", "templates", "static", "themes", "data")]
        if theme and not any(theme.is_relative_to(folder) for folder in folders):
            folders.append(theme)
        return [folder for folder in folders if folder.is_dir()]

    def _named_theme(self) -> Path | None:
        state = config_state(self.site_dir.absolute())
        if state != self._theme[0] or not state:
            try:
                self._theme = state, find_theme(load_settings(self.site_dir)).root.absolute()
            except BuildError:
                self._theme = state, self.snapshot.theme_root if self.snapshot else None
        return self._theme[1]

    def rebuild(
        self, changed: Collection[Path] = (), publish: Callable[[LiveStatus], None] | None = None
    ) -> LiveStatus:
        """Build again; on failure keep serving the last good build and report the problems.
        One build at a time: the first build and the watcher's may otherwise overlap.
        ``publish`` is told of a partial version (a saved article's page) before the build."""
        with self._building:
            before = self.snapshot
            if before is not None and before.memory is not None and changed and not self.problems:
                started = time.perf_counter()
                try:
                    fast = render_saved_articles(before.memory, changed)
                except Exception:  # noqa: BLE001 - a shortcut that fails leaves the work to the build
                    fast = None
                if fast is not None and fast.unchanged:
                    self.echo(say(self.language, "saved_unchanged", seconds=time.perf_counter() - started))
                    return self.status()
                if fast is not None and publish is not None:
                    self._consistent.clear()
                    self.snapshot = replace(
                        before,
                        files=ReadOnlyMapping({**before.files, **fast.pages}),
                        version=self._next_version(),
                        fresh=frozenset(fast.pages),
                    )
                    self.echo(
                        say(self.language, "rendered_edited", n=len(fast.pages), seconds=time.perf_counter() - started)
                    )
                    publish(self.status(before.version, pages=self._page_urls(fast.pages)))
            try:
                status = self._rebuild(changed, before)
            finally:
                if self.snapshot is not None and self.snapshot.fresh:  # the build failed: the partial version stays
                    self.snapshot = replace(self.snapshot, fresh=frozenset())
                self._consistent.set()
            return replace(status, partial=False)

    def _rebuild(self, changed: Collection[Path], before: Snapshot | None) -> LiveStatus:
        """``before``: the last whole build (a partial version may be served meanwhile)."""
        started = time.perf_counter()
        shown = self.snapshot
        try:
            after = self._static_swap(before, changed) if before and changed else None
            if after is not None:
                self.echo(say(self.language, "swapped_static", n=len(changed)))
            after = after or self._build(before)
        except BuildError as exc:
            self.problems = exc.problems
            self._report_failure(started)
            return self.status()
        except Exception as exc:  # noqa: BLE001 - a bug must not take the preview down with it
            self.echo(traceback.format_exc().rstrip(), True)
            self.problems = (error("reform-archive", 0, say(self.language, "preview_bug", detail=repr(exc))),)
            self._report_failure(started)
            return self.status()
        self.problems = ()
        changed_outputs = _changed_outputs(shown.files if shown else {}, after.files)
        if shown is not None and not changed_outputs:
            self.snapshot = replace(after, version=shown.version)  # same pages: nothing to reload
            self.echo(say(self.language, "rebuilt_same", seconds=time.perf_counter() - started))
            return self.status()
        self.snapshot = replace(after, version=self._next_version())
        self.echo(
            say(self.language, "preview_built", files=len(after.files), seconds=time.perf_counter() - started)
            + (say(self.language, "preview_changed", n=len(changed_outputs)) if shown else "")
        )
        styles_only = bool(changed_outputs) and all(path.endswith(".css") for path in changed_outputs)
        return self.status(shown.version if shown else "", styles_only, self._page_urls(changed_outputs))

    def _page_urls(self, files: Collection[str]) -> tuple[str, ...]:
        """The addresses of the changed pages, so an open page that is not one of them stays
        as it is; none (every page reloads) when there are too many to list."""
        pages = [name for name in files if name.endswith(".html")]
        if not pages or len(pages) > LISTED_PAGES or self.snapshot is None:
            return ()
        base = self.snapshot.base_path
        return tuple(
            sorted(base + (name[: -len("index.html")] if name.endswith("index.html") else name) for name in pages)
        )

    def _build(self, before: Snapshot | None) -> Snapshot:
        settings = _preview_settings(load_settings(self.site_dir), self.origin)
        writer = MemoryWriter(before.files if before else None)
        result, memory = build_into_memory(settings, self.options, writer, before.memory if before else None)
        self._print_warnings(result.warnings)
        theme = find_theme(settings)
        # watchers report absolute paths
        static = {path: source.absolute() for path, source in result.static.items()}
        roots = (theme.static.absolute(), settings.site_dir.absolute() / "static")
        return Snapshot(
            ReadOnlyMapping(writer.files),
            "",
            settings.base_path,
            settings.language,
            ReadOnlyMapping(static),
            roots,
            theme.root.absolute(),
            memory,
        )

    def _static_swap(self, before: Snapshot, changed: Collection[Path]) -> Snapshot | None:
        """Edited static files are read again; anything else (or a file added or removed,
        which can change links and collisions) needs the whole build."""
        sources = {source: path for path, source in before.static.items()}
        updated: dict[str, bytes] = {}
        for path in changed:
            if not any(path.is_relative_to(root) for root in before.static_roots):
                return None
            if path.is_symlink():
                return None  # the whole build decides whether a link stays inside the site
            if path in sources and before.memory is not None and sources[path] in before.memory.pictures:
                return None  # a picture pages show: its renditions, sizes and addresses change with it
            if path in sources and path.is_file():
                updated[sources[path]] = path.read_bytes()
            elif not (path.is_file() and _relative_key(path, before.static_roots) in before.static):
                return None  # added or removed; an overridden theme file changing is no change at all
        return replace(before, files=ReadOnlyMapping({**before.files, **updated}))

    def _next_version(self) -> str:
        self._builds += 1
        return f"{self._instance}-{self._builds}"

    def _report_failure(self, started: float) -> None:
        for problem in self.problems:
            self.echo(str(problem), True)
        errors = sum(1 for p in self.problems if p.level == "error")
        kept = say(self.language, "still_serving" if self.snapshot else "nothing_to_serve")
        self.echo(
            say(self.language, "build_failed", seconds=time.perf_counter() - started, errors=errors, kept=kept), True
        )

    def _print_warnings(self, warnings: tuple[Problem, ...]) -> None:
        for problem in warnings[:SHOWN_WARNINGS]:
            self.echo(str(problem), True)
        if len(warnings) > SHOWN_WARNINGS:
            self.echo(say(self.language, "more_warnings", n=len(warnings) - SHOWN_WARNINGS), True)


def _preview_settings(settings: Settings, origin: str) -> Settings:
    """Links and feeds point at the preview, under the site's own sub-path."""
    return settings.with_base_url(origin + settings.base_path, "preview address")


def _relative_key(path: Path, roots: tuple[Path, ...]) -> str:
    for root in roots:
        if path.is_relative_to(root):
            return path.relative_to(root).as_posix()
    return ""


def _changed_outputs(before: Mapping[str, bytes], after: Mapping[str, bytes]) -> list[str]:
    return sorted(path for path in before.keys() | after.keys() if before.get(path) != after.get(path))
