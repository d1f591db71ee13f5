"""Request target -> what to answer (pure): a built file, a redirect, a live-reload endpoint,
404 or 400.

The preview serves a dict of built files, never the disk, so no request can reach a file
outside the site. Still, targets are checked strictly, segment by segment and *before*
lookup, so that ``..``, ``%2e%2e``, an encoded ``/`` or ``\\``, NUL or other control bytes
never get as far as a name: a host that maps these onto a disk would be tricked by them,
and the preview should fail the same way a careful host does.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Container
from dataclasses import dataclass
from typing import Literal
from urllib.parse import quote, unquote

__all__ = [
    "LIVE_EVENTS",
    "LIVE_PREFIX",
    "LIVE_SCRIPT",
    "Route",
    "content_type",
    "inject",
    "live_tag",
    "route",
]

LIVE_PREFIX = "/__reform-archive/"
LIVE_SCRIPT = LIVE_PREFIX + "live.js"
LIVE_EVENTS = LIVE_PREFIX + "events"


@dataclass(frozen=True)
class Route:
    kind: Literal["file", "redirect", "live", "not_found", "bad_request"]
    target: str = ""  # the file key, the redirect location or the live endpoint
    reason: str = ""


def route(raw_target: str, base_path: str, files: Container[str]) -> Route:
    """Map a raw HTTP request target to an answer. ``base_path`` is "/" or "/luu-tru/"."""
    if not raw_target.startswith("/") or raw_target.startswith("//"):
        return Route("bad_request", reason="the request target must be a path starting with a single /")
    path, _, query = raw_target.partition("#")[0].partition("?")
    decoded = _decode(path)
    if isinstance(decoded, Route):
        return decoded
    if decoded in (LIVE_SCRIPT, LIVE_EVENTS):
        return Route("live", decoded)
    query = f"?{quote(query, safe='=&%+')}" if query else ""
    base_path = unquote(base_path)  # base_url may spell a Vietnamese sub-path either way
    if not decoded.startswith(base_path):
        if decoded + "/" == base_path or (decoded == "/" and base_path != "/"):
            return Route("redirect", quote(base_path, safe="/") + query)  # the site lives under its sub-path
        return Route("not_found")
    relative = decoded[len(base_path) :]
    if relative == "" or relative.endswith("/"):
        key = relative + "index.html"
        return Route("file", key) if key in files else Route("not_found")
    if relative in files:
        return Route("file", relative)
    if relative + "/index.html" in files:  # a folder asked for without its slash, as static hosts do
        return Route("redirect", quote(path, safe="/%") + "/" + query)
    return Route("not_found")


def _decode(path: str) -> str | Route:
    segments = path.split("/")[1:]
    decoded = []
    for position, segment in enumerate(segments):
        lowered = segment.lower()
        if "%2f" in lowered or "%5c" in lowered:
            return Route("bad_request", reason="an encoded / or \\ inside a path segment")
        try:
            text = unquote(segment, errors="strict")
        except UnicodeDecodeError:
            return Route("bad_request", reason="the path is not UTF-8")
        if text in (".", ".."):
            return Route("bad_request", reason="'.' and '..' segments are not allowed")
        if "\\" in text or any(ord(c) < 0x20 or ord(c) == 0x7F for c in text):
            return Route("bad_request", reason="a control character or \\ in the path")
        if text == "" and position != len(segments) - 1:
            return Route("not_found")  # an empty segment ("a//b") names nothing that was built
        decoded.append(text)
    return "/" + "/".join(decoded)


# Fixed here rather than taken from the OS's mime.types, which differs between machines
_TYPES = {
    ".html": "text/html",
    ".css": "text/css",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".json": "application/json",
    ".xml": "application/xml",
    ".txt": "text/plain",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".pdf": "application/pdf",
    ".webmanifest": "application/manifest+json",
    ".map": "application/json",
}
_TEXT_TYPES = {
    "application/json",
    "application/xml",
    "image/svg+xml",
    "application/manifest+json",
    "text/javascript",
    "application/javascript",
}


def content_type(key: str) -> str:
    name = key.rsplit("/", 1)[-1].lower()
    extension = name[name.rfind(".") :] if "." in name else ""
    kind = _TYPES.get(extension) or mimetypes.guess_type(name)[0] or "application/octet-stream"
    return f"{kind}; charset=utf-8" if kind.startswith("text/") or kind in _TEXT_TYPES else kind


def inject(html: bytes, tag: bytes) -> bytes:
    """Put the live-reload tag just before the last </body> (or at the end): only in what the
    preview sends, never in what the build writes."""
    at = html.lower().rfind(b"</body>")
    return html + tag if at < 0 else html[:at] + tag + html[at:]


def live_tag(version: str, language: str) -> bytes:
    return f'<script src="{LIVE_SCRIPT}" data-version="{version}" data-language="{language}"></script>'.encode()
