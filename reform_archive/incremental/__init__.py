"""What a build may keep from the last one: the cache, page reuse, the no-change shortcut.

The only place that decides whether something changed. source/, site/, output/ and search/
never import it (tests/test_layout.py)."""
