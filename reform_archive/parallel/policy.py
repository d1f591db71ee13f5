"""The one policy for processes and the garbage collector, for the whole program.

Two process-global decisions live here and nowhere else:

- **How workers start.** fork is the fastest start (a worker inherits the loaded program
  and the model) but is unsafe in a process that runs threads (the preview's server and
  watcher): a forked child may inherit a lock some thread held. There the fork server
  starts clean workers instead.
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

__all__ = ["fork_is_safe", "freeze_for_fork", "kept_for_the_build", "pool_context", "settle", "thaw_if_owner"]


def fork_is_safe() -> bool:
    """A forked child of a process running threads may inherit a lock some thread held."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def pool_context() -> multiprocessing.context.BaseContext:
    """fork where it is safe; else the fork server (clean workers), else spawn."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and fork_is_safe():
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        return multiprocessing.get_context("forkserver")
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
