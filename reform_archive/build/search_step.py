"""The build's search step: the search files, made alongside the pages when it pays.

The files are made in full each build (an edit changes the statistics of all scores), but
one whose bytes are the same as last time is kept: at 10,000 articles an edit leaves all
but a few of the 10,000 document files as they were. What to keep is decided where the
files are made, so that only new bytes travel back from a forked process.

The index needs little of an unchanged article: where it goes in the site's order (its
date, slug and draft flag) and its part of the last build's index (:class:`TermNumbers`),
both remembered in ``.cache/search/`` by the article's cache key. So after an edit the
index can be started as soon as the content files are read, before the build reads its
10,000 cached articles: only the articles it does not remember are looked up (or prepared
again) by the child.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from typing import Any

from reform_archive.config import Settings
from reform_archive.incremental.cache import BuildCache, cache_key
from reform_archive.incremental.reuse import PageLedger, Reuse, data_stamp
from reform_archive.parallel.alongside import Alongside, ComputeHere
from reform_archive.search.index import IndexedText, TermNumbers
from reform_archive.search.store import SEARCH_DIR, SearchFile, documents_part, index_part, manifest_file
from reform_archive.site.model import Selection, Site, is_published, publication_order
from reform_archive.site.urls import link
from reform_archive.source.loader import ContentFile
from reform_archive.source.prepare import PreparedArticle, Recipe, prepare

__all__ = [
    "CLEAN_FROM",
    "EARLY_UNKNOWN",
    "Lookup",
    "Placement",
    "Search",
    "StampedFile",
    "cached_or_prepared",
    "finish_search",
    "remembered_placements",
    "start_search",
    "unknown_to_index",
]

EARLY_UNKNOWN = 50  # articles the index may have to look up itself when started early
# articles from which, where forking is unsafe, the split goes to a process started clean:
# below, splitting here costs less than starting one (0.2-1 s)
CLEAN_FROM = 2000


@dataclass(frozen=True)
class StampedFile:
    path: str  # site-relative
    stamp: bytes  # reuse.data_stamp of its bytes
    data: bytes | None  # None: the previous build's file is this one (Reuse.keepable), or ``written``
    written: bool = False  # written already, where it was made (a forked child writes its own)


@dataclass(frozen=True)
class Placement:
    """What places an article in the site's order (:func:`reform_archive.site.model.publication_order`),
    remembered by its cache key: all of it comes from the file."""

    key: str
    date: datetime
    slug: str
    draft: bool
    indexed: bool = False  # its part of the index is remembered too (it was published then)


Lookup = Callable[[int], PreparedArticle | None]  # the i-th content file's article (None: unreadable)


@dataclass(frozen=True)
class Search:
    """The search step under way: the index is being split (in a forked child, or when asked)."""

    index: Alongside[tuple[list[StampedFile], dict[str, Any], list[str]]]


def remembered_placements(store: BuildCache) -> dict[str, Placement]:
    """The placements the last build's index remembered, by key ({} when there are none)."""
    entry = store.get(cache_key("search placements"))
    return entry if isinstance(entry, dict) else {}


def cached_or_prepared(files: list[ContentFile], keys: list[str], recipe: Recipe, cache: BuildCache) -> Lookup:
    """The i-th file's article as the build will find it, for a search started before the
    build reads its cache: the cache's entry, or the file prepared again."""

    def lookup(i: int) -> PreparedArticle | None:
        found = cache.get(keys[i])
        return found if isinstance(found, PreparedArticle) else prepare(files[i].data, files[i].shown, recipe)

    return lookup


def unknown_to_index(keys: list[str], remembered: Mapping[str, Placement], selection: Selection) -> int:
    """How many articles a search started from ``remembered`` would look up one by one:
    those it does not know, and those published now whose index part it did not keep
    (a draft, until --drafts)."""
    unknown = 0
    for key in keys:
        placement = remembered.get(key)
        unknown += placement is None or (not placement.indexed and is_published(placement, selection))
    return unknown


def start_search(
    keys: list[str],
    lookup: Lookup,
    remembered: Mapping[str, Placement],
    settings: Settings,
    selection: Selection,
    store: BuildCache,
    fork: bool,
    reuse: Reuse,
    write: Callable[[str, bytes], None] | None = None,
    articles: BuildCache | None = None,
) -> Search:
    """Starts splitting the index: in a forked process when ``fork``, else when its result
    is asked for. ``keys``: the content files' cache keys; ``lookup``: an article the index
    does not remember (``remembered``, its placement; the numbers of ``store``), which may
    mean reading its cache entry or preparing it again in the child. ``write``: where the
    new files go, written where they are made (the disk writer's staging folder: 3,700
    shards at 10k, which would otherwise travel back through a pipe and be written after).
    ``articles``: where every article is cached, when forking is unsafe (the preview runs
    threads): then the split runs in a process started clean, which is sent only the keys,
    settings and stamps, and reads the articles it needs from there.

    A cold build does not fork: it renders pages on every core already, and a child would
    only add its memory."""
    task = _SplitTask(keys, dict(remembered), settings, selection, store)
    clean = None
    if articles is not None and not fork:
        kept = _search_reuse(reuse)
        clean = partial(_split_from_cache, replace(task, reuse=kept), articles)
    return Search(Alongside(partial(_split, task, lookup, reuse, write), fork=fork, clean=clean))


@dataclass(frozen=True)
class _SplitTask:
    """What the split reads besides the articles: picklable, for a process started clean."""

    keys: list[str]
    remembered: Mapping[str, Placement]
    settings: Settings
    selection: Selection
    store: BuildCache  # .cache/search: the last build's numbers and placements
    reuse: Reuse | None = None  # for a process started clean: the search files' stamps only


def _split(
    task: _SplitTask, lookup: Lookup, reuse: Reuse, write: Callable[[str, bytes], None] | None = None
) -> tuple[list[StampedFile], dict[str, Any], list[str]]:
    keys, remembered, store = task.keys, task.remembered, task.store
    numbers, arrays = _cached_numbers(store)
    placements, articles = [], {}
    for i, key in enumerate(keys):
        placement = remembered.get(key)
        if placement is None:
            article = articles[key] = lookup(i)
            if article is None or article.source is None:
                continue  # a file with errors: the build stops
            source = article.source
            placement = Placement(key, source.date, source.slug, source.draft)
        placements.append(placement)
    index_of = {key: i for i, key in enumerate(keys)}
    order = publication_order(placements, task.settings, task.selection)
    documents = []
    for n, placement in enumerate(order):
        fields = None
        if numbers is None or placement.key not in numbers.spans:
            article = articles.get(placement.key) or lookup(index_of[placement.key])
            assert article is not None
            fields = article.terms
        documents.append(IndexedText(str(n), fields, placement.key))
    held = [numbers]
    del numbers  # the split lets go of them once the entries are numbered (81 MB at 10k)
    part = index_part(documents, held.pop, lambda numbers: _remember(store, numbers, placements, arrays))
    store.prune()
    return _stamped(part.files, reuse, write), part.manifest, [placement.key for placement in order]


def _split_from_cache(task: _SplitTask, articles: BuildCache) -> tuple[list[StampedFile], dict[str, Any], list[str]]:
    """The split in a process started clean: each article it needs is read from the cache,
    where the build has put every one it prepared; one that is not there (the cache failed
    meanwhile) means the split is made in the build's process instead."""

    def lookup(i: int) -> PreparedArticle | None:
        found = articles.get(task.keys[i])
        if not isinstance(found, PreparedArticle):
            raise ComputeHere(f"article {task.keys[i]} is not in the cache")
        return found

    assert task.reuse is not None
    return _split(task, lookup, task.reuse)


def _search_reuse(reuse: Reuse) -> Reuse:
    """``reuse`` for the search files only: a page ledger (stamps and links of 40,000 pages
    at 10k) need not be pickled to the split's process."""
    previous = reuse.previous
    if previous is None:
        return reuse
    stamps = {file: stamp for file, stamp in previous.stamps.items() if file.startswith(SEARCH_DIR)}
    intact = None if reuse.intact is None else {file for file in reuse.intact if file.startswith(SEARCH_DIR)}
    return Reuse(reuse.environment, PageLedger(previous.environment, stamps, {}, ()), intact)


def finish_search(
    site: Site,
    search: Search,
    prepared: list[PreparedArticle],
    names: Mapping[str, str],
    reuse: Reuse,
    redo: Callable[[], Search],
    discard: Callable[[str], None],
) -> list[StampedFile]:
    """Every search file. The documents and filters are made here: while a forked child
    splits the index, or else after the split, so that the split's peak of memory does not
    hold 10,000 documents' JSON too. ``names``: each article's key by path; ``reuse``: what
    the build may keep, the output folder looked at. The index must have numbered the
    site's articles in their order, and kept only files that are intact, or it is made
    again (``redo``; what the child wrote is ``discard``ed then)."""
    link_to = lambda path: link(site.settings.base_path, path)  # noqa: E731
    texts = {article.path: (article.plain, article.terms) for article in prepared if article.source is not None}
    if search.index.in_child:
        documents = documents_part(site, link_to, texts)
        index_files, index_manifest, numbered = search.index.result()
    else:
        index_files, index_manifest, numbered = search.index.result()
        documents = documents_part(site, link_to, texts)
    if numbered != [names[article.path] for article in site.articles] or any(
        file.data is None and not file.written and not reuse.keepable(file.path, file.stamp) for file in index_files
    ):
        for file in index_files:
            if file.written:
                discard(file.path)
        index_files, index_manifest, numbered = redo().index.result()  # a wrong placement, a file changed since
    manifest = manifest_file(site, index_manifest, documents.manifest)
    return [*index_files, *_stamped([*documents.files, manifest], reuse)]


def _stamped(
    files: list[SearchFile], reuse: Reuse, write: Callable[[str, bytes], None] | None = None
) -> list[StampedFile]:
    """Each file with its stamp, and its bytes unless the last build's file is kept; with
    ``write``, new files are written here instead of handed on."""
    stamped = []
    for file in files:
        stamp = data_stamp(file.data)
        if reuse.keepable(file.path, stamp):
            stamped.append(StampedFile(file.path, stamp, None))
        elif write is not None:
            write(file.path, file.data)
            stamped.append(StampedFile(file.path, stamp, None, written=True))
        else:
            stamped.append(StampedFile(file.path, stamp, file.data))
    return stamped


def _remember(store: BuildCache, numbers: TermNumbers, placements: list[Placement], replaced: list[str]) -> None:
    """The numbers' arrays go into entries of their own, written from their memory as it is
    (a pickle would copy 81 MB at 10k at the search's peak), under names new each time:
    the description, written last, names the arrays it was written with. The arrays it
    ``replaced`` are deleted then, not left for the cache's pruning."""
    arrays: list[pickle.PickleBuffer] = []
    described = pickle.dumps(numbers, protocol=5, buffer_callback=arrays.append)
    names = []
    for array in arrays:
        names.append(cache_key("term numbers data", os.urandom(16)))
        store.put(names[-1], array.raw())
    store.put(cache_key("term numbers"), pickle.dumps((described, names), protocol=pickle.HIGHEST_PROTOCOL))
    remembered = {p.key: replace(p, indexed=p.key in numbers.spans) for p in placements}
    store.put(cache_key("search placements"), pickle.dumps(remembered, protocol=pickle.HIGHEST_PROTOCOL))
    for name in replaced:
        store.drop(name)


def _cached_numbers(store: BuildCache) -> tuple[TermNumbers | None, list[str]]:
    """The last build's numbers, and the names of their arrays' entries."""
    entry = store.get(cache_key("term numbers"))
    try:
        described, names = entry  # type: ignore[misc]
        arrays = [store.get_bytes(name) for name in names]
        numbers = pickle.loads(described, buffers=arrays) if None not in arrays else None
    except Exception:  # noqa: BLE001 - not what this program writes: build without it
        return None, []
    return (numbers if isinstance(numbers, TermNumbers) and numbers.consistent() else None), list(names)
