"""Impact-ordered first tiers (reform_archive/search/tiers.py): the page's first answer from
the tiers alone, when the bounds prove it, is the first page every list gives, and every
list (tiers and shards merged) gives the untiered index's answer, score for score."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import build_to_disk
from searching import run_queries
from serving import serve_directory

import reform_archive.search.tiers as tiers

NODE_TIERS = Path(__file__).with_name("node_tiers.js")
ARTICLES = 240
TIER_SIZE, TIER_FROM = 40, 60  # the archive's commonest groups, a sixth of it in each first tier
PAGE = 20
RESULTS = "#search-results li.search-result"
QUERIES = [
    "cải cách hành chính",
    "thủ tục hành chính",
    "hanh chinh",
    "cai cach",
    "của",
    "cua",
    "và",
    "tỉnh",
    "một cửa",
    '"một cửa"',
    "dịch vụ công",
    "CCHC",
    "người dân",
    "ubnd tinh",
    "cán bộ",
    "sáp nhập",
    "Hàm Tân",
    "trực tuyến",
    "thu tuc hanh",
    "thủ tục hành chính công",
    "kết quả",
    "ngách",
    "đã",
    "da",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """The same archive built with small first tiers and without any."""
    from benchmarks.corpus import write_site

    root = tmp_path_factory.mktemp("tiers")
    write_site(root / "site", ARTICLES)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tiers, "TIER_SIZE", TIER_SIZE)
        patch.setattr(tiers, "TIER_FROM", TIER_FROM)
        tiered = build_to_disk(root / "site", root / "tiered")
    return tiered, build_to_disk(root / "site", root / "untiered")


def run_tiers(output: Path, queries: list[str], typing: bool = False) -> dict[str, dict]:
    request = {"site": str(output), "queries": queries, "typing": typing}
    done = subprocess.run(
        ["node", str(NODE_TIERS)], input=json.dumps(request), capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_manifest_names_the_tiered_groups(built):
    tiered, untiered = built
    manifest = json.loads((tiered / "search" / "manifest.json").read_text())
    keys = manifest["tiers"]["keys"]
    assert keys and keys == sorted(keys, key=lambda key: key.encode("utf-16-be"))  # JavaScript's order
    assert all((tiered / "search" / f"{manifest['index']}tier-{n}.json").exists() for n in range(len(keys)))
    assert json.loads((untiered / "search" / "manifest.json").read_text())["tiers"]["keys"] == []


@pytest.mark.parametrize("typing", [False, True], ids=["whole words", "typing"])
def test_the_tiers_first_page_is_every_lists_first_page(built, typing):
    tiered, untiered = built
    answers = run_tiers(tiered, QUERIES, typing)
    unsplit = run_queries(untiered, QUERIES, typing)
    proven = 0
    for query, answer in answers.items():
        full, expected = answer["full"], unsplit[query]
        # every list, a tier and the rest merged, is the untiered index: every result, every score
        assert full["mode"] == expected["mode"], query
        assert full["refs"] == [r["ref"] for r in expected["results"]], query
        assert full["scores"] == [r["score"] for r in expected["results"]], query
        first = answer["tiered"]
        if first is None:  # the bounds prove no first page: the page fetches every list
            continue
        if first["partial"]:
            proven += 1
            assert answer["tiers"] and first["mode"] == "all" and len(first["refs"]) >= PAGE, query
            assert first["about"] >= PAGE and first["exact"] == len(first["refs"]) <= full["exact"], query
            shown = len(first["refs"])
        else:
            assert first["mode"] == full["mode"], query
            shown = len(full["refs"])
        assert first["refs"][:shown] == full["refs"][:shown], query
        assert first["scores"][:shown] == full["scores"][:shown], query
    assert proven >= 5, proven  # the tiers alone answer the commonest words


@pytest.mark.browser
def test_the_page_shows_the_untiered_first_page(chromium, built):
    tiered, untiered = built
    expected = run_queries(untiered, QUERIES)
    about = 0
    with serve_directory(tiered) as base:
        for query in QUERIES:
            context = chromium.new_context()
            page = context.new_page()
            page.goto(f"{base}search/?q={quote(query)}")
            shown = expected[query]["results"][:PAGE]
            page.wait_for_function(f"document.querySelectorAll({RESULTS!r}).length === {len(shown)}")
            assert page.locator(f"{RESULTS} a.result-title").all_inner_texts() == [r["title"] for r in shown], query
            status = page.locator("#search-status").inner_text()
            about += status.startswith("Tìm thấy khoảng")
            context.close()
    assert about >= 3, about  # "about N" where the tiers alone answered
