"""The build's search step: the search files, made alongside the pages when it pays.

The files are made in full each build (an edit changes the statistics of all scores), but
one whose bytes are the same as last time is kept: at 10,000 articles an edit leaves all
but a few of the 10,000 document files as they were. What to keep is decided where the
files are made, so that only new bytes travel back from a forked process.
"""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass
from typing import Any

from generator.alongside import Alongside
from generator.cache import BuildCache, cache_key
from generator.model import Site
from generator.prepare import PreparedArticle
from generator.render_pool import fork_is_safe
from generator.reuse import Reuse, data_stamp
from generator.search.index import TermNumbers
from generator.search.store import SearchFile, Texts, documents_part, index_part, manifest_file
from generator.urls import link


@dataclass(frozen=True)
class StampedFile:
    path: str  # site-relative
    stamp: bytes  # reuse.data_stamp of its bytes
    data: bytes | None  # None: the previous build's file is this one (Reuse.keepable)


@dataclass(frozen=True)
class Search:
    """The search step under way: the index is being split (in a forked child, or when asked)."""

    index: Alongside[tuple[list[StampedFile], dict[str, Any]]]
    texts: Texts
    reuse: Reuse


def start_search(site: Site, prepared: list[PreparedArticle], keys: list[str], store: BuildCache,
                 jobs: int, reuse: Reuse) -> Search:
    """Starts splitting the index, in a forked process while pages are planned when the build
    updates a previous one: then pages are mostly kept, and one core would sit idle. A cold
    build renders pages on every core already, and a child would only add its memory.
    ``keys``: the prepared articles' cache keys, which name their terms across builds;
    ``store``: where the term numbers of the last build are kept (:class:`TermNumbers`)."""
    texts = {article.path: (article.plain, article.terms) for article in prepared if article.source is not None}
    names = {article.path: key for article, key in zip(prepared, keys, strict=True)}

    def split() -> tuple[list[StampedFile], dict[str, Any]]:
        # the term numbers stay in the process that made them: 4 bytes an entry, 54 MB at 10k
        part = index_part(site, texts, names, lambda: _cached_numbers(store), lambda numbers: _cache_numbers(store, numbers))
        store.prune()
        return _stamped(part.files, reuse), part.manifest

    return Search(Alongside(split, fork=jobs > 1 and reuse.previous is not None and fork_is_safe()), texts, reuse)


def finish_search(site: Site, search: Search) -> list[StampedFile]:
    """Every search file. The documents and filters are made here: while a forked child
    splits the index, or else after the split, so that the split's peak of memory does not
    hold 10,000 documents' JSON too."""
    link_to = lambda path: link(site.settings.base_path, path)  # noqa: E731
    if search.index.forked:
        documents = documents_part(site, link_to, search.texts)
        index_files, index_manifest = search.index.result()
    else:
        index_files, index_manifest = search.index.result()
        documents = documents_part(site, link_to, search.texts)
    manifest = manifest_file(site, index_manifest, documents.manifest)
    return [*index_files, *_stamped([*documents.files, manifest], search.reuse)]


def _stamped(files: list[SearchFile], reuse: Reuse) -> list[StampedFile]:
    stamped = []
    for file in files:
        stamp = data_stamp(file.data)
        stamped.append(StampedFile(file.path, stamp, None if reuse.keepable(file.path, stamp) else file.data))
    return stamped


def _cache_numbers(store: BuildCache, numbers: TermNumbers) -> None:
    """The numbers' arrays go into entries of their own, named by their content, written
    from their memory as it is: a pickle would copy 54 MB at 10k at the search's peak."""
    arrays: list[pickle.PickleBuffer] = []
    described = pickle.dumps(numbers, protocol=5, buffer_callback=arrays.append)
    names = []
    for array in arrays:
        data = array.raw()
        names.append(cache_key("term numbers data", hashlib.blake2b(data).digest()))
        store.put(names[-1], data)
    store.put(cache_key("term numbers"), pickle.dumps((described, names), protocol=pickle.HIGHEST_PROTOCOL))


def _cached_numbers(store: BuildCache) -> TermNumbers | None:
    entry = store.get(cache_key("term numbers"))
    try:
        described, names = entry  # type: ignore[misc]
        arrays = [store.get_bytes(name) for name in names]
        numbers = pickle.loads(described, buffers=arrays) if None not in arrays else None
    except Exception:  # not what this program writes: build without it
        return None
    return numbers if isinstance(numbers, TermNumbers) and numbers.consistent() else None
