"""The index split by term (reform_archive/search/shards.py, shards.js): merged in the browser,
any set of shards scores exactly as the unsplit index does, and a query loads only its own."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from conftest import NOW, build_to_disk
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from searching import run_split

import reform_archive.search.shards as shards
from reform_archive.config import load_settings
from reform_archive.search import encoding
from reform_archive.search.encoding import json_bytes as _json
from reform_archive.search.index import FIELDS, FieldTerms, IndexedText, article_terms, build_index
from reform_archive.search.shards import split_index
from reform_archive.search.wire import expand
from reform_archive.site.model import Selection, build_model
from reform_archive.source.loader import load_content
from reform_archive.source.markup import plain_text

NODE_SHARDS = Path(__file__).with_name("node_shards.js")


def merged_in_node(split: shards.SplitIndex) -> dict:
    request = {"manifest": split.manifest("index/"), "files": {n: json.loads(d) for n, d in split.files().items()}}
    done = subprocess.run(
        ["node", str(NODE_SHARDS)], input=json.dumps(request), capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def assert_merge_is_the_unsplit_index(documents: list[IndexedText], **knobs) -> shards.SplitIndex:
    split = split_index(documents, **knobs)
    answer = merged_in_node(split)
    unsplit = expand(json.loads(_json(build_index(documents))))
    merged = answer["index"]
    assert merged["invertedIndex"] == unsplit["invertedIndex"]  # terms, vector indices, postings
    vectors = {ref: elements for ref, elements in unsplit["fieldVectors"] if elements}
    assert dict(merged["fieldVectors"]) == vectors  # every score, to the last bit
    assert answer["found"] and all(answer["found"].values())  # shardsFor finds every term's shard
    assert max(answer["fetched"].values()) <= 2  # its own, and the one its group starts in
    keys = {shard.first_key for shard in split.shards}
    inside = [key for key in keys if encoding.WITHIN_GROUP in key]  # a big group, cut term by term
    assert all(key.split(encoding.WITHIN_GROUP)[0] in keys for key in inside)  # which starts a shard
    return split


def documents_of(site_dir: Path) -> list[IndexedText]:
    """What the build indexes, article n under ref "n"."""
    settings = load_settings(site_dir)
    site, _ = build_model(load_content(site_dir, settings.tz).articles, settings, Selection(now=NOW))
    return [IndexedText(str(i), article_terms(a, plain_text(a.html))) for i, a in enumerate(site.articles)]


@pytest.fixture(scope="module")
def corpus_documents(tmp_path_factory) -> list[IndexedText]:
    from benchmarks.corpus import write_site

    site = tmp_path_factory.mktemp("shards") / "site"
    write_site(site, 60)
    return documents_of(site)


KNOBS = {
    "as built": {},
    "small shards, counts from 2": {"shard_bytes": 400, "counted_from": 2},
    "a term per shard, all counted": {"shard_bytes": 1, "counted_from": 1},
    "nothing counted": {"counted_from": 10**9},
    "counts in the body only": {"counted_from": 1, "counted_fields": 0b100},
}


@pytest.mark.parametrize("knobs", KNOBS.values(), ids=KNOBS.keys())
def test_every_shard_merged_is_the_unsplit_index(corpus_documents, knobs):
    split = assert_merge_is_the_unsplit_index(corpus_documents, **knobs)
    runs = [run for shard in split.shards for run in _runs(shard)]
    if knobs.get("counted_from") == 1:  # every kind of list was exercised
        assert {kind for _, _, kind, _ in runs} == {0, 1, 2, 3} - ({0, 2} if "counted_fields" not in knobs else set())


@pytest.mark.parametrize("step", [1, 3000])
def test_taking_the_entries_in_steps_changes_nothing_but_where_shards_end(corpus_documents, monkeypatch, step):
    """Big archives are split a few million entries at a time, whole groups each; here the
    steps are a few thousand entries (or one group), with counted and folded runs in each."""
    whole = split_index(corpus_documents, shard_bytes=400, counted_from=2)
    monkeypatch.setattr(shards, "STEP_ENTRIES", step)
    monkeypatch.setattr(shards, "MOST_STEPS", 10**9)
    monkeypatch.setattr(shards, "ENTRIES_PER_STEP", step)  # scores too
    stepped = assert_merge_is_the_unsplit_index(corpus_documents, shard_bytes=400, counted_from=2)
    assert len(stepped.shards) > len(whole.shards) and stepped.lengths == whole.lengths
    merged = lambda split: b"".join(sorted(shard.data for shard in split.shards))  # noqa: E731
    assert merged(stepped) != merged(whole)  # the cuts moved; the index did not (asserted above)


def test_sort_keys_too_wide_to_pack_give_the_same_split(corpus_documents, monkeypatch):
    """A step's entries are sorted as int64 keys with their counts packed in; an archive
    too big for that sorts the keys alone and gathers the counts. Both give one index."""
    packed = split_index(corpus_documents, shard_bytes=400, counted_from=2)
    monkeypatch.setattr(shards, "PACKED_BITS", 8)
    unpacked = split_index(corpus_documents, shard_bytes=400, counted_from=2)
    assert [(s.first_key, s.data) for s in unpacked.shards] == [(s.first_key, s.data) for s in packed.shards]
    assert unpacked.lengths == packed.lengths


def _runs(shard: shards.Shard) -> list[tuple[int, int, int, int]]:
    runs = json.loads(shard.data)["runs"]
    return [tuple(runs[i : i + 4]) for i in range(0, len(runs), 4)]


def test_shards_keep_to_their_size_unless_one_term_is_bigger(corpus_documents):
    split = split_index(corpus_documents, shard_bytes=3000)
    assert len(split.shards) > 20
    for shard in split.shards:
        assert len(shard.data) < 3000 * 1.5 or len(json.loads(shard.data)["terms"]) == 1
    keys = [shard.first_key for shard in split.shards]
    assert keys == sorted(keys, key=lambda k: k.encode("utf-16-be")) and len(set(keys)) == len(keys)


SYLLABLES = [
    "hành",
    "hanh",
    "hạnh",
    "chính",
    "chinh",
    "chỉnh",
    "cải",
    "cái",
    "cai",
    "thủ",
    "thư",
    "thu",
    "tục",
    "đổi",
    "doi",
    "số",
    "so",
    "an",
    "do",
    "72",
    "ubnd",
    "hoà",
    "𝐀𝐁",
    "ｚｚ",
]
field_text = st.lists(st.sampled_from(SYLLABLES), max_size=12).map(" ".join)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    corpus=st.lists(st.tuples(*[field_text] * len(FIELDS)), min_size=1, max_size=12),
    shard_bytes=st.sampled_from([1, 60, 300, 24_000]),
    counted_from=st.sampled_from([1, 2, 3, 10**9]),
)
def test_any_documents_split_any_way_merge_to_the_unsplit_index(corpus, shard_bytes, counted_from):
    from reform_archive.search import analysis

    documents = [
        IndexedText(str(i), tuple(FieldTerms.of(analysis.analyse(text)) for text in fields))
        for i, fields in enumerate(corpus)
    ]
    if any(field.length for document in documents for field in document.fields):
        assert_merge_is_the_unsplit_index(documents, shard_bytes=shard_bytes, counted_from=counted_from)


def run_shards_js(expression: str) -> object:
    script = NODE_SHARDS.parents[2] / "themes" / "default" / "static" / "assets" / "search" / "shards.js"
    program = f"const shards = require({json.dumps(str(script))}); process.stdout.write(JSON.stringify({expression}));"
    done = subprocess.run(["node", "-"], input=program, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_browser_rounds_scores_as_python_rounds():
    import random

    values = [1.0005, 0.0005, 0.0015, 2.675, 0.1235, 123.4565, 7.0, 1e-9, 218.0004999] + [i / 7 for i in range(1, 300)]
    values += [i / 16 for i in range(1, 400, 2)]  # true halves: 0.0625 rounds to 0.062, 0.1875 to 0.188
    values += [random.Random(seed).uniform(0, 300) for seed in range(300)]
    assert run_shards_js(f"{json.dumps(values)}.map(shards.round3)") == [round(v, 3) for v in values]


def test_lengths_travel_as_fixed_width_base64_digits():
    import numpy as np

    values = np.array([0, 1, 63, 64, 4095, 4096, 262143], dtype=np.int32)
    data = encoding.lengths_file(values)
    assert json.loads(data)["width"] == 4 - 1 and len(json.loads(data)["lengths"]) == 3 * len(values)
    manifest = json.dumps({"encoding": encoding.encoding()})
    assert run_shards_js(f"shards.decodeLengths({manifest}, {data.decode()})") == values.tolist()
    assert json.loads(encoding.lengths_file(np.array([0, 0], dtype=np.int32))) == {"width": 1, "lengths": "AA"}


QUERIES = [
    "cải cách hành chính",
    "thủ tục hành chính",
    "hanh chinh",
    "một cửa",
    '"một cửa"',
    "dịch vụ công",
    "Hàm Tân",
    "ham tan",
    "UBND",
    "72/TB-UBND",
    "chuyển đổi số",
    "xyzzy",
    "hành xyzzy",
    "hoà bình",
    "uỷ ban",
]
TYPED = ["cải cách hà", "thủ t", "binh d", "chuyển đ", "ch", "hanh chinh c"]


def test_a_query_merges_only_its_shards_and_answers_as_the_unsplit_index(synthetic_site, tmp_path, monkeypatch):
    monkeypatch.setattr(shards, "SHARD_BYTES", 2000)
    monkeypatch.setattr(shards, "COUNTED_FROM", 4)
    output = build_to_disk(synthetic_site, tmp_path / "out")
    reference = tmp_path / "unsplit.json"
    reference.write_bytes(_json(build_index(documents_of(synthetic_site))))
    manifest = json.loads((output / "search" / "manifest.json").read_bytes())
    total = len(manifest["shards"]["keys"])
    assert total > 100
    for typing, queries in ((False, QUERIES), (True, TYPED)):
        answers = run_split(output, queries, typing=typing, reference=reference)
        for query, answer in answers.items():
            assert (answer["mode"], answer["results"]) == (
                answer["reference"]["mode"],
                answer["reference"]["results"],
            ), query
            assert answer["lunr"] == answer["reference"], query
            assert len(answer["shards"]) < total / 4, (query, len(answer["shards"]))
    assert answers["ch"]["results"] and answers["cải cách hà"]["mode"] == "all"
