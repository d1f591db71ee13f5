"""Run queries against a built site's search files with the theme's own engine, in node."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

NODE_SEARCH = Path(__file__).with_name("node_search.js")
REFERENCE = Path(__file__).with_name("lunr_reference.js")
ENGINE = Path(__file__).resolve().parents[2] / "themes" / "default" / "static" / "assets" / "search" / "engine.js"


def run_queries(
    output: Path, queries: list[str], typing: bool = False, filters: dict[str, str] | None = None
) -> dict[str, dict]:
    """{query: {"mode": "all"|"any"|"none", "results": [{"ref", "url", "title", "score", "groups"}]}}.
    ``typing``: read the queries as still being typed (the last word is a prefix)."""
    answers = run_split(output, queries, typing, filters)
    for query, answer in answers.items():  # the Searcher is lunr.js's own query, score for score
        assert answer["lunr"] == {"mode": answer["mode"], "results": answer["results"]}, query
    return {query: {"mode": answer["mode"], "results": answer["results"]} for query, answer in answers.items()}


def run_split(
    output: Path,
    queries: list[str],
    typing: bool = False,
    filters: dict[str, str] | None = None,
    reference: Path | None = None,
) -> dict[str, dict]:
    """As :func:`run_queries`, plus each query's "shards" (the shard numbers it loaded),
    "lunr" (lunr.js's Index#query over those shards merged) and, given an unsplit
    ``reference`` index (wire format), its answer from that as "reference"."""
    request = {
        "site": str(output),
        "queries": queries,
        "typing": typing,
        "filters": filters or {},
        "reference": str(reference) if reference else None,
    }
    done = subprocess.run(
        ["node", str(NODE_SEARCH)], input=json.dumps(request), capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def run_reference(script: str) -> object:
    """Evaluate ``script`` with ``reference`` (lunr_reference.js) in scope; it must return a JSON-able value."""
    return _evaluate("reference", REFERENCE, script)


def run_engine(script: str) -> object:
    """Evaluate ``script`` with ``engine`` in scope; it must end by returning a JSON-able value."""
    return _evaluate("engine", ENGINE, script)


def _evaluate(name: str, module: Path, script: str) -> object:
    program = (
        f"const {name} = require({json.dumps(str(module))});\n"
        f"process.stdout.write(JSON.stringify((function () {{ {script} }})()));"
    )
    done = subprocess.run(["node", "-"], input=program, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)
