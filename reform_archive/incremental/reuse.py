"""Pages that need no rendering: the previous build's file is kept when nothing it shows changed.

A page's HTML is a function of its template set, its view data and the render
environment (UI strings, settings, this program). Each page is planned as a recipe, a
function and the inputs it makes the view data from (:mod:`reform_archive.publish.pages`); its
*stamp* is a digest of the template name, the function and the inputs, with each
article in them named by its identity (the cache key of its source file: an article is
a function of its file and the environment). The build keeps the stamps, with the links
each page makes, in a :class:`PageLedger`. Where the environment, the stamp and the file
already in the output folder are all unchanged, the file is kept, and its view data is
never made. This is how an edit re-renders only the article, the lists, terms and
related blocks it appears on: the dependencies are the recipe's own arguments, so none
can be left out of the stamp.

The serialisation keeps apart values that print alike but differ in a template (a date
and its ISO string, Markup and str: :func:`recipe_stamp`); two equal inputs that serialise
differently only cost a render, never a stale page.
"""

from __future__ import annotations

import pickle
from array import array
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import numpy as np
import orjson

from reform_archive.incremental.keys import Hasher, stamp
from reform_archive.site.model import Article

__all__ = [
    "LedgerBuilder",
    "LinkPairs",
    "PageLedger",
    "Reuse",
    "data_stamp",
    "environment_digest",
    "recipe_stamp",
]

LinkPairs = list[tuple[str, str]]  # (href as written, site-relative target) for each internal link of a page
assert array("I").itemsize == 4, "links are numbered as uint32 (numpy reads them so)"


def environment_digest(
    settings: Any, catalogue: Mapping[str, str], template_folders: Iterable[Path], share_picture: str = ""
) -> str:
    """Everything besides the view data that a page's HTML depends on: this program, the
    settings (the templates' `site` and `url()`), the UI strings, every template file
    by content (a page's template extends and includes others), and the content digest of
    site.toml's `image` (every page's link preview gives its size)."""
    digest = Hasher("environment", program=True).add(
        repr((settings, str(settings.site_dir))), repr(sorted(catalogue.items())), share_picture
    )
    for folder in template_folders:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            if path.is_file():
                digest.add(path.relative_to(folder).as_posix(), path.read_bytes())
        digest.add("\0folder")  # an override and a theme file of the same name are not the same input
    return digest.hexdigest()


_TYPED = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_SUBCLASS | orjson.OPT_PASSTHROUGH_DATACLASS


def recipe_stamp(
    template: str, make: Callable[..., Any], inputs: tuple[Any, ...], identity: Callable[[Article], str]
) -> bytes:
    """The digest of a page's template name and recipe: its function (by name: the program
    is part of the environment) and its inputs, each article among them by ``identity``.

    The rest is serialised with orjson, a third of pickle's time. Values that print alike
    but behave differently in a template stay apart: dates, times and str subclasses
    (markupsafe's Markup, which is not escaped again) are written with their type's name.
    Lists and tuples are alike to Jinja and to the stamp. Anything else orjson cannot
    write sends the recipe through pickle instead (articles in full, then).
    """

    def default(value: Any) -> Any:
        return ["\0article", identity(value)] if isinstance(value, Article) else _typed(value)

    recipe = [f"{make.__module__}.{make.__qualname__}", inputs]
    try:
        data = b"json\0" + orjson.dumps(recipe, default=default, option=_TYPED)
    except TypeError:
        data = b"pickle\0" + pickle.dumps(recipe, protocol=pickle.HIGHEST_PROTOCOL)
    return stamp("page", template, data)


def _typed(value: Any) -> list[str]:
    kind = type(value)
    if kind in (datetime, date, time) or isinstance(value, str):
        return [f"\0{kind.__module__}.{kind.__qualname__}", value.isoformat() if not isinstance(value, str) else value]
    raise TypeError(kind)


def data_stamp(data: bytes) -> bytes:
    """A file made in full anyway (search data): kept when its bytes are the same."""
    return stamp("data", data)


@dataclass(frozen=True)
class PageLedger:
    """What the last build made: per page and feed, its stamp; per page, its links."""

    environment: str
    stamps: Mapping[str, bytes]
    links: Mapping[str, array]  # pairs of indexes into `strings`: href, target, href, target, ...
    strings: tuple[str, ...]  # hrefs and targets repeat on thousands of pages: each is kept once

    def reusable(self, environment: str, file: str, stamp: bytes) -> bool:
        return environment == self.environment and self.stamps.get(file) == stamp


@dataclass(frozen=True)
class Reuse:
    """What this build may take from the previous one."""

    environment: str
    previous: PageLedger | None = None
    # output files exactly as the previous build left them; None: not looked at yet (a
    # forked search decides before the folder is listed, and the build checks after it)
    intact: Collection[str] | None = ()

    def keepable(self, file: str, stamp: bytes) -> bool:
        return (
            self.previous is not None
            and self.previous.reusable(self.environment, file, stamp)
            and (self.intact is None or file in self.intact)
        )


class LedgerBuilder:
    """This build's ledger, page by page. Links are numbered as in the previous ledger, so a
    kept page's links are taken as they are (at 10,000 articles, 43,000 pages and 850,000
    links would otherwise be turned into strings and back)."""

    def __init__(self, environment: str, previous: PageLedger | None = None):
        self.environment = environment
        self.stamps: dict[str, bytes] = {}
        self.links: dict[str, array] = {}
        self._previous = previous
        self.strings: list[str] = list(previous.strings) if previous is not None else []
        self._ids: dict[str, int] = {text: number for number, text in enumerate(self.strings)}

    def add(self, file: str, stamp: bytes, links: LinkPairs) -> array:
        """A page made by this build; returns its links, numbered."""
        ids, strings = self._ids, self.strings
        numbers = array("I")
        for href, target in links:
            for text in (href, target):
                number = ids.get(text)
                if number is None:
                    number = ids[text] = len(strings)
                    strings.append(text)
                numbers.append(number)
        self.stamps[file] = stamp
        self.links[file] = numbers
        return numbers

    def keep(self, file: str, stamp: bytes) -> array:
        """A page kept from the previous build (:meth:`Reuse.keepable`); returns its links."""
        assert self._previous is not None
        self.stamps[file] = stamp
        numbers = self.links[file] = self._previous.links[file]
        return numbers

    def ledger(self) -> PageLedger:
        """Strings no page links with any more (a deleted article's URL) are dropped once
        they are a quarter of the table, so that a preview running for days keeps it small."""
        strings, links = self.strings, self.links
        if strings and links:
            used = np.zeros(len(strings), dtype=bool)
            used[np.frombuffer(b"".join(numbers.tobytes() for numbers in links.values()), dtype=np.uint32)] = True
            if used.sum() < 0.75 * len(strings):
                renumber = (np.cumsum(used) - 1).astype(np.uint32)
                links = {
                    file: array("I", renumber[np.frombuffer(numbers.tobytes(), dtype=np.uint32)].tobytes())
                    for file, numbers in links.items()
                }
                strings = [text for text, kept in zip(strings, used.tolist(), strict=True) if kept]
        return PageLedger(self.environment, self.stamps, links, tuple(strings))
