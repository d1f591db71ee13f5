"""What the search page fetches, from Chromium's network log: for a query, the manifest,
exactly the shards and field lengths that hold its terms, and the documents of the results
it shows, each once. Served from a loopback port; the archive is split into small shards
so that a query's share is small and visible."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import build_to_disk
from searching import run_split
from serving import serve_directory

import reform_archive.search.shards as shards

RESULTS = "#search-results li.search-result"
QUERIES = ["cải cách hành chính", "thu tuc", '"một cửa" Hàm Tân']


@pytest.fixture(scope="module")
def split_site(synthetic_corpus, tmp_path_factory):
    root = tmp_path_factory.mktemp("network")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(shards, "SHARD_BYTES", 2000)
        patch.setattr(shards, "COUNTED_FROM", 4)
        output = build_to_disk(synthetic_corpus, root / "output")
    with serve_directory(output) as base:
        yield output, base


def _search_data(output: Path) -> dict[str, bytes]:
    return {
        f"search/{p.relative_to(output / 'search').as_posix()}": p.read_bytes()
        for p in (output / "search").rglob("*.json")
    }


def _fetched(page) -> list[str]:
    """Paths under search/ the page fetched, in order (a list, so a repeat shows)."""
    fetched: list[str] = []
    page.on(
        "requestfinished",
        lambda request: (
            fetched.append(request.url.split("/", 3)[3].split("?")[0])
            if "/search/" in request.url and request.url.endswith(".json")
            else None
        ),
    )
    return fetched


@pytest.mark.browser
def test_a_query_fetches_its_shards_and_shown_documents_only(chromium, split_site):
    output, base = split_site
    data = _search_data(output)
    answers = run_split(output, QUERIES)
    for query in QUERIES:
        context = chromium.new_context()  # an empty cache per query
        page = context.new_page()
        fetched = _fetched(page)
        page.goto(f"{base}search/?q={quote(query)}")
        answer = answers[query]
        shown = answer["results"][:20]
        page.wait_for_function(f"document.querySelectorAll({RESULTS!r}).length === {len(shown)}")
        page.wait_for_load_state("networkidle")
        assert page.locator(f"{RESULTS} a.result-title").all_inner_texts() == [r["title"] for r in shown]

        manifest = json.loads(data["search/manifest.json"])
        index, docs = "search/" + manifest["index"], "search/" + manifest["documents"]
        lengths = sorted({f for n in answer["shards"] for f in range(7) if manifest["shards"]["lengths"][n] >> f & 1})
        expected = {
            "search/manifest.json",
            *(f"{index}{n}.json" for n in answer["shards"]),
            *(f"{index}lengths-{f}.json" for f in lengths),
            *(f"{docs}{r['ref']}.json" for r in shown),
        }
        assert sorted(fetched) == sorted(expected), query  # each once, nothing else
        index_bytes = sum(len(d) for path, d in data.items() if path.startswith(index))
        fetched_index = sum(len(data[path]) for path in fetched if path.startswith(index))
        assert fetched_index < index_bytes / 4, (query, fetched_index, index_bytes)
        context.close()


@pytest.mark.browser
def test_typing_on_fetches_only_new_shards(chromium, split_site):
    output, base = split_site
    context = chromium.new_context()
    page = context.new_page()
    fetched = _fetched(page)
    page.goto(f"{base}search/")
    box = page.locator("#search-input")
    box.press_sequentially("thu tuc hanh", delay=40)
    page.wait_for_function(f"document.querySelectorAll({RESULTS!r}).length > 0")
    page.wait_for_load_state("networkidle")
    box.press_sequentially(" chinh", delay=40)
    page.wait_for_function("document.getElementById('search-status').textContent.includes('chinh')")
    page.wait_for_load_state("networkidle")
    repeated = [path for path in fetched if fetched.count(path) > 1]
    assert not repeated, repeated  # a shard or document fetched once serves every later keystroke
    answer = run_split(output, ["thu tuc hanh chinh"], typing=True)["thu tuc hanh chinh"]  # "chinh" still a prefix
    assert page.locator(f"{RESULTS} a.result-title").all_inner_texts() == [r["title"] for r in answer["results"][:20]]
    context.close()


def test_the_commonest_words_cost_a_part_of_the_index(split_site):
    """Not a size target (benchmarks/search_network.py measures those at 1k-100k articles):
    the shards of the three commonest words of the synthetic archive, gzip, against all."""
    output, _ = split_site
    answer = run_split(output, ["cải cách hành chính"])["cải cách hành chính"]
    data = _search_data(output)
    manifest = json.loads(data["search/manifest.json"])
    index = "search/" + manifest["index"]
    chosen = sum(len(gzip.compress(data[f"{index}{n}.json"])) for n in answer["shards"])
    everything = sum(len(gzip.compress(d)) for path, d in data.items() if path.startswith(index))
    assert chosen < everything / 3, (chosen, everything)
