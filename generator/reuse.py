"""Pages that need no rendering: the previous build's file is kept when nothing it shows changed.

A page's HTML is a function of its template set, its view data and the render
environment (UI strings, settings, this program). Each rendered page gets a *stamp*, a
digest of its template name and pickled view data, and the build keeps the stamps, with
the links each page makes, in a :class:`PageLedger`. The next build plans every page as
usual (planning is cheap next to rendering), and where the environment, the stamp and
the file already in the output folder are all unchanged, the file is kept instead of
rendered again. This is how an edit re-renders only the article, the lists, terms and
related blocks it appears on, without a hand-kept dependency graph that could miss one.

Pickle is the digest's input because it keeps types apart (a date and its ISO string
print alike but differ in a template); two equal contexts that pickle differently only
cost a render, never a stale page.
"""

from __future__ import annotations

import hashlib
import pickle
from array import array
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Collection, Iterable, Mapping

from generator.cache import code_fingerprint

LinkPairs = list[tuple[str, str]]  # (href as written, site-relative target) for each internal link of a page


def environment_digest(settings: Any, catalogue: Mapping[str, str], template_folders: Iterable[Path]) -> str:
    """Everything besides the view data that a page's HTML depends on: this program, the
    settings (the templates' `site` and `url()`), the UI strings, and every template file
    by content (a page's template extends and includes others)."""
    digest = hashlib.sha256(code_fingerprint())
    digest.update(repr((settings, str(settings.site_dir))).encode())
    digest.update(repr(sorted(catalogue.items())).encode())
    for folder in template_folders:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            if path.is_file():
                data = path.read_bytes()
                digest.update(f"{path.relative_to(folder).as_posix()}\0{len(data)}\0".encode() + data)
        digest.update(b"\0folder\0")  # an override and a theme file of the same name are not the same input
    return digest.hexdigest()


def page_stamp(template: str, pickled_context: bytes) -> bytes:
    """The digest of a page's template name and its view data, pickled (the caller sends the
    same bytes to a render worker)."""
    digest = hashlib.blake2b(template.encode() + b"\0", digest_size=16)
    digest.update(pickled_context)
    return digest.digest()


def article_digest(article: Any) -> bytes:
    return hashlib.blake2b(pickle.dumps(article, protocol=pickle.HIGHEST_PROTOCOL), digest_size=16).digest()


def data_stamp(data: bytes) -> bytes:
    """A file made in full anyway (search data): kept when its bytes are the same."""
    return hashlib.blake2b(data, digest_size=16, person=b"data").digest()


def feed_stamp(title: str, alternate: str, empty_updated: datetime, entries: Iterable[bytes]) -> bytes:
    """A feed's inputs: its title, the page it follows, the date an empty feed shows, and
    the digests of its entries' articles (:func:`article_digest`), in order."""
    digest = hashlib.blake2b(f"feed\0{title}\0{alternate}\0{empty_updated.isoformat()}\0".encode(), digest_size=16)
    for entry in entries:
        digest.update(entry)
    return digest.digest()


@dataclass(frozen=True)
class PageLedger:
    """What the last build made: per page and feed, its stamp; per page, its links."""

    environment: str
    stamps: Mapping[str, bytes]
    links: Mapping[str, array]  # pairs of indexes into `strings`: href, target, href, target, ...
    strings: tuple[str, ...]  # hrefs and targets repeat on thousands of pages: each is kept once

    def reusable(self, environment: str, file: str, stamp: bytes) -> bool:
        return environment == self.environment and self.stamps.get(file) == stamp

    def links_of(self, file: str) -> LinkPairs:
        ids, strings = self.links[file], self.strings
        return [(strings[ids[i]], strings[ids[i + 1]]) for i in range(0, len(ids), 2)]


@dataclass(frozen=True)
class Reuse:
    """What this build may take from the previous one."""

    environment: str
    previous: PageLedger | None = None
    intact: Collection[str] = ()  # output files exactly as the previous build left them

    def keepable(self, file: str, stamp: bytes) -> bool:
        return self.previous is not None and self.previous.reusable(self.environment, file, stamp) \
            and file in self.intact


class LedgerBuilder:
    def __init__(self, environment: str):
        self.environment = environment
        self.stamps: dict[str, bytes] = {}
        self.links: dict[str, array] = {}
        self._ids: dict[str, int] = {}

    def add(self, file: str, stamp: bytes, links: LinkPairs) -> None:
        ids = self._ids
        numbers = array("I")
        for href, target in links:
            for text in (href, target):
                number = ids.get(text)
                if number is None:
                    number = ids[text] = len(ids)
                numbers.append(number)
        self.stamps[file] = stamp
        self.links[file] = numbers

    def ledger(self) -> PageLedger:
        return PageLedger(self.environment, self.stamps, self.links, tuple(self._ids))
