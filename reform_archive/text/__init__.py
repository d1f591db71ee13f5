"""Vietnamese text helpers: pure functions, no I/O."""

from reform_archive.text.vietnamese import fold, nfc, slugify

__all__ = ["fold", "nfc", "slugify"]
