"""The preview's HTTP side: binding a port, answering requests from the in-memory build,
and the Server-Sent Events stream that tells open pages to reload.

Only GET and HEAD are answered. Every response says ``Cache-Control: no-store``: a preview
must never show a page older than the last build.
"""

from __future__ import annotations

import errno
import html
import http.server
import ipaddress
import socket
import socketserver
import traceback
from importlib.resources import files as package_files

from reform_archive.cli_messages import say
from reform_archive.serve.live import LiveChannel
from reform_archive.serve.routes import LIVE_EVENTS, content_type, inject, live_tag, route
from reform_archive.serve.site import PreviewSite

__all__ = [
    "HEARTBEAT_SECONDS",
    "LIVE_SCRIPT_BYTES",
    "PORT_TRIES",
    "PreviewHTTPServer",
    "PreviewHandler",
    "ServeError",
    "bind",
    "exposure_warning",
]

HEARTBEAT_SECONDS = 10.0  # a comment line on the event stream, so closed pages are noticed
PORT_TRIES = 20
LIVE_SCRIPT_BYTES = package_files("reform_archive.serve").joinpath("live.js").read_bytes()


class ServeError(Exception):
    """The preview cannot start (the port is busy, the address is wrong)."""


class PreviewHTTPServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    site: PreviewSite
    channel: LiveChannel

    def server_bind(self) -> None:
        # skip HTTPServer's reverse DNS lookup of the host, which can stall for seconds
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = str(self.server_address[0]), int(self.server_address[1])

    def handle_error(self, request, client_address) -> None:
        pass  # a page closed mid-answer is not news; real errors are turned into 500 by the handler


class _IPv6Server(PreviewHTTPServer):
    address_family = socket.AF_INET6


def bind(host: str, port: int, explicit: bool, language: str = "en") -> tuple[PreviewHTTPServer, str]:
    """A listening server, and a notice when the default port was busy and the next was taken.
    An explicitly chosen port that is busy is an error: the editor asked for that one.
    ``language``: the notice's and the error's ("vi" or "en")."""
    server_class = _IPv6Server if ":" in host else PreviewHTTPServer
    candidates = [port] if explicit or port == 0 else list(range(port, port + PORT_TRIES))
    for candidate in candidates:
        try:
            server = server_class((host, candidate), PreviewHandler)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE and candidate != candidates[-1]:
                continue
            raise ServeError(_bind_message(host, candidate, exc, explicit, language)) from None
        taken = server.server_port
        notice = say(language, "port_taken", port=port, taken=taken) if taken != port and port else ""
        return server, notice
    raise AssertionError("unreachable: the last candidate raises")


def _bind_message(host: str, port: int, exc: OSError, explicit: bool, language: str) -> str:
    if exc.errno == errno.EADDRINUSE:
        return say(language, "port_in_use" if explicit else "ports_in_use", port=port, host=host)
    if exc.errno == errno.EACCES:
        return say(language, "port_denied", host=host, port=port)
    return say(language, "cannot_listen", host=host, port=port, reason=exc.strerror or exc)


def exposure_warning(host: str, language: str = "en") -> str:
    """Anything but loopback shows drafts and unpublished edits to whoever can reach the machine."""
    if _is_loopback(host):
        return ""
    return say(language, "exposed", host=host)


def _is_loopback(name: str) -> bool:
    """ "localhost", 127.x.y.z or ::1 (bracketed or not); never a name that only starts like one."""
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name.strip("[]")).is_loopback
    except ValueError:
        return False


def _host_name(header: str) -> str:
    """The name in a Host header, without its port: "[::1]:8000" -> "[::1]"."""
    return header.split("]")[0] + "]" if header.startswith("[") else header.split(":")[0]


class PreviewHandler(http.server.BaseHTTPRequestHandler):
    server: PreviewHTTPServer
    protocol_version = "HTTP/1.1"
    server_version = "reform-archive-preview"
    timeout = 60  # an idle kept-alive connection gives its thread back

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's naming
        self._answer(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._answer(send_body=False)

    def _not_allowed(self) -> None:
        self.close_connection = True  # the request's body is never read: it must not be taken for the next request
        self._send(
            405,
            b"only GET and HEAD are answered\n",
            "text/plain; charset=utf-8",
            True,
            {"Allow": "GET, HEAD", "Connection": "close"},
        )

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _not_allowed  # noqa: N815

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the stdlib's signature
        pass  # quiet like `hugo server`: the terminal is for builds and problems

    def _answer(self, send_body: bool) -> None:
        self._status_sent = False
        if not self._host_allowed():
            return self._send(
                400,
                b"unexpected Host header: open the preview at the address it printed\n",
                "text/plain; charset=utf-8",
                send_body,
            )
        try:
            target = self.path.encode("latin-1").decode("utf-8")
        except UnicodeError:
            return self._send(400, b"the path is not UTF-8\n", "text/plain; charset=utf-8", send_body)
        try:
            self._route(target, send_body)
        except ConnectionError:
            self.close_connection = True
        except Exception:  # noqa: BLE001 - one broken answer must not end the preview
            site = self.server.site
            site.echo(say(site.language, "answer_failed", target=target, details=traceback.format_exc().rstrip()), True)
            if self._status_sent:
                self.close_connection = True  # half an answer went out: end it there
            else:
                self._headers_buffer: list[bytes] = []
                self._send(500, b"internal error; see the terminal\n", "text/plain; charset=utf-8", send_body)

    def _host_allowed(self) -> bool:
        """On loopback, only loopback names: a web page elsewhere cannot point its own domain at
        127.0.0.1 (DNS rebinding) and read the preview, drafts included."""
        if not _is_loopback(str(self.server.server_address[0])):
            return True  # listening on a network address was asked for (with a warning)
        return _is_loopback(_host_name(self.headers.get("Host", "").strip().lower()))

    def _route(self, target: str, send_body: bool) -> None:
        snapshot = self.server.site.snapshot
        found = route(target, snapshot.base_path if snapshot else "/", snapshot.files if snapshot else {})
        if snapshot is not None and snapshot.fresh and found.target not in snapshot.fresh and found.kind != "live":
            # a partial version: this page was not rendered yet, and a stale one is never sent
            snapshot = self.server.site.serving(found.target)
            found = route(target, snapshot.base_path if snapshot else "/", snapshot.files if snapshot else {})
        if found.kind == "live":
            return self._live(found.target, send_body)
        if found.kind == "bad_request":
            return self._send(400, f"bad request: {found.reason}\n".encode(), "text/plain; charset=utf-8", send_body)
        if snapshot is None:
            return self._send_html(503, self._waiting_page(), send_body, "", "en", {"Retry-After": "1"})
        if found.kind == "file":
            data, kind = snapshot.files[found.target], content_type(found.target)
            if kind.startswith("text/html"):
                return self._send_html(200, data, send_body, snapshot.version, snapshot.language)
            return self._send(200, data, kind, send_body)
        if found.kind == "redirect":
            return self._send(302, b"", "text/plain; charset=utf-8", send_body, {"Location": found.target})
        page = snapshot.files.get("404.html", b"<!doctype html><title>404</title><h1>404</h1>")
        return self._send_html(404, page, send_body, snapshot.version, snapshot.language)

    def _live(self, endpoint: str, send_body: bool) -> None:
        if endpoint == LIVE_EVENTS:
            return self._events() if send_body else self._send(200, b"", "text/event-stream; charset=utf-8", False)
        return self._send(200, LIVE_SCRIPT_BYTES, "text/javascript; charset=utf-8", send_body)

    def _send_html(
        self,
        status: int,
        page: bytes,
        send_body: bool,
        version: str,
        language: str,
        extra: dict[str, str] | None = None,
    ) -> None:
        """The version stamped is the one of the build the page came from, read once."""
        self._send(status, inject(page, live_tag(version, language)), "text/html; charset=utf-8", send_body, extra)

    def _send(self, status: int, body: bytes, kind: str, send_body: bool, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self._status_sent = True
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def _events(self) -> None:
        """Server-Sent Events: the current status at once, then each new one, until the page
        goes away or the server stops."""
        self.close_connection = True
        self.send_response(200)
        self._status_sent = True
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        channel = self.server.channel
        first = channel.status
        self.wfile.write(b"retry: 1000\n\n" + first.event())
        seen = first.serial
        while (status := channel.next(seen, HEARTBEAT_SECONDS)) is not None:
            self.wfile.write(b": ping\n\n" if status.serial == seen else status.event())
            seen = status.serial

    def _waiting_page(self) -> bytes:
        """No good build yet: the first is running, or it failed (with its problems listed).
        The page reloads by itself once a build succeeds."""
        problems = self.server.site.problems
        if not problems:
            return (
                '<!doctype html><html lang="en"><meta charset="utf-8"><title>Building</title><body>'
                "<h1>Building the site…</h1><p>This page reloads when it is ready.</p></body></html>"
            ).encode()
        lines = "\n".join(html.escape(str(p)) for p in problems)
        return (
            f'<!doctype html><html lang="en"><meta charset="utf-8"><title>Build failed</title>'
            f"<body><h1>The site did not build</h1><pre>{lines}</pre></body></html>"
        ).encode()
