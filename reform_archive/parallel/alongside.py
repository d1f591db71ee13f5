"""A pure computation run in a forked process while the build goes on with other steps.

A rebuild after an edit renders a handful of pages but still plans all of them, and makes
the whole search index again; both run in the build's one process, each on one core. On
a machine with two cores the index can be made in a forked child meanwhile: the child
inherits the model (nothing is sent to it) and sends back only the files it made.

Where forking is unsafe (threads are running, as in the preview), a picklable form of the
computation, when there is one, runs in a process the fork server starts clean (it is sent
what it needs); else, or when not wanted, the function runs in this process when its
result is asked for. A child that dies without an answer (killed, out of memory), or that
says :class:`ComputeHere`, is not an error either: the result is computed here.
"""

from __future__ import annotations

import gc
import multiprocessing
import pickle
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

from reform_archive.parallel.policy import clean_context
from reform_archive.parallel.workers import die_with_parent

__all__ = ["Alongside", "ComputeHere", "Result"]

Result = TypeVar("Result")


class ComputeHere(Exception):
    """Raised in a child: it cannot give the answer (what it reads is gone), the parent can."""


class Alongside(Generic[Result]):
    def __init__(self, compute: Callable[[], Result], fork: bool, clean: Callable[[], Result] | None = None):
        """``clean``: ``compute`` as a picklable callable, run in a process started clean
        when ``fork`` is not asked for."""
        self._compute = compute
        self._process: multiprocessing.process.BaseProcess | None = None
        self._reader: Connection | None = None
        self.seconds = 0.0  # how long the child took, when there was one
        if fork or clean is not None:
            # typeshed gives the base context no Process; every concrete one has it
            context: Any = multiprocessing.get_context("fork") if fork else clean_context()
            self._reader, sender = context.Pipe(duplex=False)
            self._process = context.Process(target=_child, args=(compute if fork else clean, sender), daemon=True)
            self._process.start()
            sender.close()  # the child holds the only sending end: its death ends the pipe

    @property
    def in_child(self) -> bool:
        return self._process is not None

    def result(self) -> Result:
        if self._process is None or self._reader is None:
            return self._compute()
        try:
            answer = self._reader.recv_bytes()
        except EOFError:  # the child died without an answer
            self.cancel()
            return self._compute()
        finally:
            self._reader.close()
        self._process.join()
        self._process = None
        ok, value, self.seconds = pickle.loads(answer)
        if not ok and isinstance(value, ComputeHere):
            return self._compute()
        if not ok:
            raise value
        return value

    def cancel(self) -> None:
        """The build stopped before asking: the child is of no use any more."""
        if self._process is not None:
            self._process.kill()
            self._process.join()
            self._process = None
        if self._reader is not None:
            self._reader.close()  # closing twice is harmless; a preview builds for hours


def _child(compute: Callable[[], object], sender: Connection) -> None:
    # Everything inherited goes to the permanent generation at once: a collection here
    # would otherwise touch every object of the model and copy the memory it shares.
    gc.freeze()
    die_with_parent()
    started = time.perf_counter()
    try:
        answer = (True, compute(), time.perf_counter() - started)
        data = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException as exc:  # noqa: BLE001 - the build shows it as if raised in its own process
        try:
            data = pickle.dumps((False, exc, 0.0), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - an exception that cannot be pickled is sent as text
            data = pickle.dumps((False, RuntimeError(f"{type(exc).__name__}: {exc}"), 0.0))
    sender.send_bytes(data)
    sender.close()
