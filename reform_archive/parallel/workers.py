"""Worker processes for the per-article work, so a build uses every core.

Articles are prepared independently (:func:`reform_archive.source.prepare.prepare`), so they are sent
in chunks to a process pool and come back pickled: the build writes the same bytes into
its cache and unpickles them once. Small batches (an edit in the preview) run in this
process, where starting workers would cost more than it saves.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

from reform_archive.errors import InputFault
from reform_archive.parallel.policy import pool_context
from reform_archive.source.prepare import Recipe, prepare

__all__ = [
    "MIN_PER_WORKER",
    "default_jobs",
    "die_with_parent",
    "prepare_all",
    "prepare_pickled",
]

# below this many articles per worker, a pool costs more than it saves (about 30 ms to start)
MIN_PER_WORKER = 25


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))  # the cores this process may use, not the machine's
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def die_with_parent() -> None:
    """Run first in every worker: the kernel kills it when the process that started it dies,
    even by ``kill -9``, so no worker outlives a killed build or import (Linux; elsewhere a
    worker still ends when its task queue closes)."""
    parent = os.getppid()
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, 9)  # PR_SET_PDEATHSIG, SIGKILL
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


def prepare_pickled(item: tuple[bytes, str], recipe: Recipe) -> bytes:
    data, path = item
    try:
        return pickle.dumps(prepare(data, path, recipe), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as exc:  # a bug: named with its file, here or in a worker
        raise InputFault.wrapping(path, exc) from exc


def _prepare_chunk(chunk: list[tuple[bytes, str]], recipe: Recipe) -> list[bytes]:
    return [prepare_pickled(item, recipe) for item in chunk]


def prepare_all(items: list[tuple[bytes, str]], recipe: Recipe, jobs: int) -> Iterator[bytes]:
    """Each (file bytes, shown path) prepared and pickled, in the order given."""
    workers = min(jobs, len(items) // MIN_PER_WORKER)
    if workers <= 1:
        yield from (prepare_pickled(item, recipe) for item in items)
        return
    chunks = _chunks(items, workers * 4)  # several per worker: a slow chunk does not leave a core idle
    with ProcessPoolExecutor(workers, mp_context=pool_context(), initializer=die_with_parent) as pool:
        for prepared in pool.map(_prepare_chunk, chunks, [recipe] * len(chunks)):
            yield from prepared


def _chunks(items: list[tuple[bytes, str]], count: int) -> list[list[tuple[bytes, str]]]:
    size = -(-len(items) // count)
    return [items[start : start + size] for start in range(0, len(items), size)]
