"""Debian's Chromium, as the tests, the benchmarks and the favicon script start it: the
package's binary (never a browser Playwright downloads) with the flags that keep it quiet and
offline in a container (no sandbox, GPU, QUIC, first-run page, background updates or sync)."""

from __future__ import annotations

__all__ = ["CHROMIUM", "CHROMIUM_ARGS"]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
