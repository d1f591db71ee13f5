"""Rendering pages on every core: the plan stays in the build's process, Jinja runs in workers.

The build plans pages one at a time (:mod:`reform_archive.publish.pages`), stamps each
(:mod:`reform_archive.incremental.reuse`), and sends the view data of a page to render, pickled, to a
worker, which renders the page and extracts its links. Workers are forked once the
renderer exists, so they inherit the compiled templates and nothing else has to be sent. Where forking is
unsafe (threads are running, as in the preview) they are started clean by the fork server
and sent the renderer, pickled as what it is made from (its templates compile again there,
once). When there are few pages, they render in the build's own process with the same
functions.

Results come back in the order pages were planned: the link check names the first page
that uses a broken link, and must name the same one as a build in one process.
"""

from __future__ import annotations

import multiprocessing
import pickle
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from reform_archive.errors import Problem
from reform_archive.parallel.policy import clean_context, fork_is_safe, freeze_for_fork, thaw_if_owner
from reform_archive.parallel.workers import die_with_parent
from reform_archive.publish.links import LinkIndex
from reform_archive.publish.render import Renderer

__all__ = [
    "AHEAD",
    "CHUNK",
    "CLEAN_AFTER",
    "Entry",
    "LinkPairs",
    "PageJob",
    "PagePool",
    "RenderedPage",
    "render_job",
]

CHUNK = 24  # pages per task: big enough to amortise the pipe, small enough to keep both cores busy
AHEAD = 6  # tasks in flight per worker before the planner waits
CLEAN_AFTER = CHUNK * 20  # pages rendered here before workers are started clean (where forking is unsafe)
LinkPairs = list[tuple[str, str]]
Entry = TypeVar("Entry")


@dataclass(frozen=True)
class PageJob:
    path: str  # site-relative, for resolving relative links
    template: str
    context: bytes  # pickled view data
    check_links: bool


@dataclass(frozen=True)
class RenderedPage:
    html: bytes | None
    problem: Problem | None
    links: LinkPairs


_worker: tuple[Renderer, LinkIndex] | None = None  # set in each worker


def _remember(renderer: Renderer, base_url: str) -> None:
    global _worker
    die_with_parent()
    _worker = (renderer, LinkIndex(base_url))


def render_job(renderer: Renderer, links: LinkIndex, job: PageJob) -> RenderedPage:
    html, problem = renderer.render(job.template, pickle.loads(job.context))
    pairs = links.page_links(job.path, html) if html is not None and job.check_links else []
    return RenderedPage(html, problem, pairs)


def _render_chunk(jobs: list[PageJob]) -> list[RenderedPage]:
    assert _worker is not None
    return [render_job(*_worker, job) for job in jobs]


class PagePool(Generic[Entry]):
    """Takes (entry, job or None) in plan order and gives back (entry, rendered or None) in
    the same order; None is a page that needs no rendering."""

    def __init__(self, renderer: Renderer, base_url: str, jobs: int):
        self._local = (renderer, LinkIndex(base_url))
        self._base_url = base_url
        self._workers = jobs if jobs > 1 else 1
        self._pool: ProcessPoolExecutor | None = None
        self._rendered_here = 0
        self._unfreeze = False
        self._method: str | None = None
        self._limit = self._workers * AHEAD
        self._entries: list[tuple[Entry, int | None]] = []
        self._jobs: list[PageJob] = []
        self._queue: deque[tuple[list[tuple[Entry, int | None]], Future[list[RenderedPage]] | None]] = deque()

    @property
    def start_method(self) -> str | None:
        """How its workers started ("fork", "forkserver", "spawn"); None: no worker, pages rendered here."""
        return self._method

    def __enter__(self) -> PagePool[Entry]:
        return self

    def __exit__(self, *exc: Any) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            thaw_if_owner(self._unfreeze)

    def put(self, entry: Entry, job: PageJob | None) -> Iterator[tuple[Entry, RenderedPage | None]]:
        """Adds a page; yields the pages whose results are ready, in plan order."""
        self._entries.append((entry, None if job is None else len(self._jobs)))
        if job is not None:
            self._jobs.append(job)
        if len(self._jobs) >= CHUNK or len(self._entries) >= CHUNK * 8:
            self._submit()
        yield from self._ready(block=len(self._queue) > self._limit)

    def drain(self) -> Iterator[tuple[Entry, RenderedPage | None]]:
        self._submit()
        while self._queue:
            yield from self._ready(block=True)

    def _submit(self) -> None:
        if not self._entries:
            return
        jobs, self._jobs = self._jobs, []
        future: Future[list[RenderedPage]] | None = None
        if jobs and self._start_pool():
            assert self._pool is not None
            future = self._pool.submit(_render_chunk, jobs)
        elif jobs:
            future = Future()
            future.set_result([render_job(*self._local, job) for job in jobs])
            self._rendered_here += len(jobs)
        self._queue.append((self._entries, future))
        self._entries = []

    def _start_pool(self) -> bool:
        """Workers start once more than a few chunks need rendering: an edit that changes a
        handful of pages renders them here rather than pay for starting processes."""
        if self._pool is None and self._workers > 1 and self._rendered_here >= CHUNK * 3:
            context: multiprocessing.context.BaseContext
            if not fork_is_safe() and self._rendered_here < CLEAN_AFTER:
                return False  # clean workers cost more to start (0.1-1 s): worth it for big sites only
            if fork_is_safe():
                # the model's objects go to the permanent generation first: a collection in a
                # worker would otherwise touch every one and copy the pages they share
                self._unfreeze = freeze_for_fork()
                context = multiprocessing.get_context("fork")
            else:
                context = clean_context()
            self._method = context.get_start_method()
            self._pool = ProcessPoolExecutor(
                self._workers, mp_context=context, initializer=_remember, initargs=(self._local[0], self._base_url)
            )
        return self._pool is not None

    def _ready(self, block: bool) -> Iterator[tuple[Entry, RenderedPage | None]]:
        while self._queue and (block or self._queue[0][1] is None or self._queue[0][1].done()):
            entries, future = self._queue.popleft()
            results = future.result() if future is not None else []
            for entry, index in entries:
                yield entry, None if index is None else results[index]
            block = False
