"""The preview server: build into memory, serve, watch the sources, rebuild, tell pages to reload.

    watcher thread ──changes──> PreviewSite.rebuild ──status──> LiveChannel ──SSE──> open pages
                                      │ snapshot (last good build)
    HTTP threads  <───────────────────┘

Nothing is written to disk. The live-reload script is added to HTML as it is sent, so a
built ``output/`` never carries it.
"""

from __future__ import annotations

import signal
import sys
import threading
import webbrowser
from collections.abc import Callable
from pathlib import Path

from reform_archive.build import BuildOptions
from reform_archive.cli_messages import say
from reform_archive.serve.live import LiveChannel
from reform_archive.serve.server import PreviewHTTPServer, ServeError, bind, exposure_warning
from reform_archive.serve.site import Echo, PreviewSite
from reform_archive.serve.watch import watch_sources

__all__ = ["Preview", "ServeError", "serve_until_interrupted"]


def _url_host(host: str) -> str:
    """The host to put in links: listening everywhere still previews at loopback, since the
    pages are built once for one address (other devices follow root-relative links fine)."""
    if host in ("", "0.0.0.0"):
        return "127.0.0.1"
    if ":" in host:  # IPv6
        return "[::1]" if host == "::" else f"[{host}]"
    return host


def _print(message: str, err: bool = False) -> None:
    print(message, file=sys.stderr if err else sys.stdout, flush=True)


class Preview:
    """A running preview. ``start()`` binds the port and builds once (a failed first build
    still starts, showing the problems); ``stop()`` ends every thread it started.
    ``language`` ("vi" or "en") is the one its messages are said in: the CLI gives the site's."""

    def __init__(
        self,
        site_dir: Path,
        host: str = "127.0.0.1",
        port: int = 8000,
        port_explicit: bool = True,
        options: BuildOptions | None = None,
        echo: Echo | None = None,
        language: str = "en",
    ) -> None:
        self.site_dir, self.host, self.port, self.port_explicit = site_dir, host, port, port_explicit
        self.language = language
        self.options = options or BuildOptions()
        self.echo = echo if echo is not None else _print
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._server: PreviewHTTPServer | None = None
        self.site: PreviewSite | None = None
        self.channel: LiveChannel | None = None

    @property
    def origin(self) -> str:
        assert self._server is not None, "start() first"
        return f"http://{_url_host(self.host)}:{self._server.server_port}"

    @property
    def url(self) -> str:
        """Where the site's home page is served (its sub-path included)."""
        assert self.site is not None
        base = self.site.snapshot.base_path if self.site.snapshot else "/"
        return self.origin + base

    def start(self) -> None:
        """Listen, watch, then build once. The port answers at once (a "building" page), and
        the watcher runs before the first build, so an edit made during it is not lost."""
        self._server, notice = bind(self.host, self.port, self.port_explicit, self.language)
        if notice:
            self.echo(notice)
        if warning := exposure_warning(self.host, self.language):
            self.echo(warning, True)
        site = self.site = PreviewSite(self.site_dir, self.options, self.origin, self.echo, self.language)
        self.channel = LiveChannel(site.status())
        self._server.site, self._server.channel = site, self.channel
        self._spawn("preview-http", self._server.serve_forever)
        watching = threading.Event()
        self._spawn(
            "preview-watch",
            lambda: watch_sources(
                self.site_dir,
                site.watch_roots,
                self._rebuild,
                self._stop,
                watching,
                lambda m: self.echo(m, True),
                self.language,
            ),
        )
        watching.wait(timeout=10)
        self.echo(say(self.language, "building", site=self.site_dir, origin=self.origin))
        self.channel.publish(self.site.rebuild())

    def _rebuild(self, changed: set[Path]) -> None:
        assert self.site is not None and self.channel is not None
        site_dir = self.site_dir.absolute()
        names = sorted(str(p.relative_to(site_dir)) if p.is_relative_to(site_dir) else str(p) for p in changed)
        more = say(self.language, "changed_more", n=len(names) - 3) if len(names) > 3 else ""
        self.echo(say(self.language, "changed", names=", ".join(names[:3])) + more)
        self.channel.publish(self.site.rebuild(changed, self.channel.publish))

    def _spawn(self, name: str, target: Callable[[], None]) -> None:
        thread = threading.Thread(target=target, name=name, daemon=True)
        thread.start()
        self._threads.append(thread)

    def stop(self) -> None:
        self._stop.set()
        if self.channel:
            self.channel.close()  # event streams end, so their threads do
        if self._server:
            if self._threads:  # shutdown() waits for serve_forever: only once it has started
                self._server.shutdown()
            self._server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)

    def __enter__(self) -> Preview:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def serve_until_interrupted(preview: Preview, open_browser: bool = False) -> None:
    """Run until Ctrl-C or SIGTERM, then stop cleanly (no traceback, exit status 0)."""
    stopping = threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    try:
        preview.start()
        preview.echo(say(preview.language, "serving", url=preview.url))
        if open_browser:
            webbrowser.open(preview.url)
        while not stopping.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        preview.stop()
    preview.echo(say(preview.language, "stopped"))
