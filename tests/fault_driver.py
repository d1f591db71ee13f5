"""Run reform-archive with one fault injected, as a separate process (tests/test_faults.py).

    FAULT=<kind>:<where>:<n> python tests/fault_driver.py build --site …

kinds:
    kill      the process dies on the spot (os._exit(137), as after kill -9: no cleanup runs)
    enospc    the call raises OSError(ENOSPC), as on a full disk
    eacces    the call raises PermissionError, as in a folder made read-only mid-build
    bug       the call raises ZeroDivisionError, standing for a bug
where (the n-th call, from 1):
    write     DiskWriter.write into the staging folder
    link      os.link of a kept file into the staging folder
    exchange  the swap of staging and output
    dispose   handing the old site to the detached process that deletes it, after the swap
    cache     a write of a build-cache entry
    prepare   preparing an article
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reform_archive import cli, writer  # noqa: E402
from reform_archive.parallel import workers  # noqa: E402


def _fault(kind: str) -> None:
    if kind == "kill":
        os._exit(137)
    if kind == "enospc":
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    if kind == "eacces":
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
    raise ZeroDivisionError("injected bug")


def _counting(function, kind: str, at: int, active=lambda *args: True):
    calls = 0

    def wrapper(*args, **kwargs):
        nonlocal calls
        if active(*args):
            calls += 1
            if calls == at:
                _fault(kind)
        return function(*args, **kwargs)

    return wrapper


def install(spec: str) -> None:
    kind, where, at = spec.split(":")
    count = int(at)
    if where == "write":
        writer.DiskWriter.write = _counting(writer.DiskWriter.write, kind, count)
    elif where == "link":
        os.link = _counting(os.link, kind, count)
    elif where == "exchange":
        writer.exchange = _counting(writer.exchange, kind, count)
    elif where == "dispose":
        writer.dispose = _counting(writer.dispose, kind, count)
    elif where == "cache":
        from reform_archive.incremental import cache

        cache._write_entry = _counting(cache._write_entry, kind, count)
    elif where == "prepare":
        workers.prepare = _counting(workers.prepare, kind, count)
    else:
        raise SystemExit(f"unknown fault place {where!r}")


if __name__ == "__main__":
    install(os.environ["FAULT"])
    sys.argv[0] = "reform-archive"
    cli.main()
