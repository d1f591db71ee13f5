"""Importer: raw scraped article text -> front-matter Markdown (pure core, thin file wrapper).

Built in stages; so far: bytes -> reliably decoded, normalised text (:mod:`.decode`,
:mod:`.normalise`).
"""
