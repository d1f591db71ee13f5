"""Importer: raw scraped page text -> front-matter Markdown (pure core, thin file wrapper).

decode (bytes -> text) -> normalise (clean NFC text) -> extract (zones, chrome, metadata,
dates, title, structure, entities, places) -> output (content file text). ``files`` is the
only module that touches the disk; ``report`` prints the summary. See docs/importer.md.
"""
