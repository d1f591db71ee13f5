"""The one policy for processes and the garbage collector, for the whole program.

Two process-global decisions live here and nowhere else:

- **How workers start.** fork is the fastest start (a worker inherits the loaded program
  and the model) but is unsafe in a process that runs threads (the preview's server and
  watcher): a forked child may inherit a lock some thread held. There the fork server
  starts clean workers instead, and they are sent what they need (pickled).
- **What the collector walks.** A build's articles and model live as long as the build:
  they go to the collector's permanent generation (``gc.freeze``), or every full
  collection walks them all again (at 100,000 articles, millions of objects, and a
  collection every few thousand new ones); a forked worker would otherwise touch every
  inherited object and copy the memory it shares. Whoever froze first thaws, once.
"""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.context
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = [
    "CLEAN_WORKER_MODULES",
    "clean_context",
    "fork_is_safe",
    "freeze_for_fork",
    "kept_for_the_build",
    "pool_context",
    "settle",
    "thaw_if_owner",
]

# what the fork server imports once, so that each clean worker starts with them loaded
CLEAN_WORKER_MODULES = ["reform_archive.parallel.render_pool", "reform_archive.parallel.workers"]


def fork_is_safe() -> bool:
    """A forked child of a process running threads may inherit a lock some thread held."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def pool_context() -> multiprocessing.context.BaseContext:
    """fork where it is safe; else clean workers (:func:`clean_context`)."""
    if "fork" in multiprocessing.get_all_start_methods() and fork_is_safe():
        return multiprocessing.get_context("fork")
    return clean_context()


def clean_context() -> multiprocessing.context.BaseContext:
    """Workers that inherit nothing: the fork server's (with the program loaded once), else spawn."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(CLEAN_WORKER_MODULES)  # heeded when the server starts, the first time
        return context
    return multiprocessing.get_context("spawn")


def settle() -> None:
    """What exists now lives as long as the build: the collector stops walking it."""
    gc.freeze()


def freeze_for_fork() -> bool:
    """Before forking workers; True when this caller froze first and must thaw."""
    owner = gc.get_freeze_count() == 0
    gc.freeze()
    return owner


def thaw_if_owner(owner: bool) -> None:
    if owner:
        gc.unfreeze()  # what was kept is garbage now, cycles included


@contextmanager
def kept_for_the_build() -> Iterator[None]:
    """A build's span: what it :func:`settle`\\ s is released when it ends, unless an outer
    caller froze first (and thaws itself)."""
    owner = gc.get_freeze_count() == 0
    try:
        yield
    finally:
        thaw_if_owner(owner)
