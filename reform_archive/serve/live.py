"""What open pages are told: the current build's version and the problems of the last build.

One :class:`LiveChannel` is shared by the rebuild thread (which publishes) and every
Server-Sent Events connection (each waits for the next status). A page compares the version
it was served with to the one it is told, reloads when they differ, and shows the problems
as an overlay while the last build failed.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field, replace

__all__ = ["LiveChannel", "LiveStatus"]


@dataclass(frozen=True)
class LiveStatus:
    version: str  # of the site being served (the last good build)
    problems: tuple[str, ...] = ()  # of the last build, as path:line: message; empty when it succeeded
    previous: str = ""  # the version before this one
    styles_only: bool = False  # only stylesheets changed since `previous`: pages swap them in place
    # the addresses of the pages that changed since `previous` (empty: any may have): an open
    # page at `previous` that is not among them stays as it is
    pages: tuple[str, ...] = ()
    partial: bool = False  # only `pages` are rendered yet; the whole build follows with another status
    serial: int = field(default=0, compare=False)

    def event(self) -> bytes:
        data = json.dumps(
            {
                "version": self.version,
                "previous": self.previous,
                "stylesOnly": self.styles_only,
                "problems": list(self.problems),
                "pages": list(self.pages),
                "partial": self.partial,
            },
            ensure_ascii=False,
        )
        return f"event: status\ndata: {data}\n\n".encode()


class LiveChannel:
    def __init__(self, status: LiveStatus) -> None:
        self._changed = threading.Condition()
        self._status = status
        self._closed = False

    @property
    def status(self) -> LiveStatus:
        return self._status

    def publish(self, status: LiveStatus) -> None:
        with self._changed:
            self._status = replace(status, serial=self._status.serial + 1)
            self._changed.notify_all()

    def next(self, seen: int, timeout: float) -> LiveStatus | None:
        """The status after serial ``seen``, the current one again on timeout (a heartbeat), or
        None once the server is stopping."""
        with self._changed:
            self._changed.wait_for(lambda: self._closed or self._status.serial != seen, timeout)
            return None if self._closed else self._status

    def close(self) -> None:
        with self._changed:
            self._closed = True
            self._changed.notify_all()
