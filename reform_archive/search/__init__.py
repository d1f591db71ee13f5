"""Client-side search, the Python half: the Vietnamese analysis pipeline, the lunr index
and the files the search page reads. docs/search.md describes the whole design."""

from reform_archive.search.store import MANIFEST, SearchFile, search_files

__all__ = ["MANIFEST", "SearchFile", "search_files"]
