"""The browser half's one outside dependency: lunr.js, from npm, pinned by package-lock.json."""

__all__ = ["LUNR_SCRIPT", "LUNR_VERSION"]

LUNR_VERSION = "2.3.9"  # lunr.py 0.8 writes indexes for exactly this version
LUNR_SCRIPT = f"assets/vendor/lunr-{LUNR_VERSION}.min.js"  # where built sites carry it
