"""A static file server on a free loopback port, serving a built site under its base path
(the benchmarks' own, so the browser tests and benchmarks serve alike)."""

from benchmarks.loopback import serve as serve_directory

__all__ = ["serve_directory"]
