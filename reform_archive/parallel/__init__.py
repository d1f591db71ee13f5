"""Worker processes: the only code that forks or touches the garbage collector.

source/, site/, output/ and search/ never import it (tests/test_layout.py)."""
