"""The search files the build writes: manifest, lunr index (its split is in test_shards.py),
document store, facets."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

import lxml.html
import numpy as np
import pytest
from conftest import NOW, SAMPLE, build_to_disk, build_to_memory
from hypothesis import given, settings
from hypothesis import strategies as st
from lunr.builder import Builder
from lunr.field_ref import FieldRef
from lunr.index import Index
from searching import run_queries, run_reference
from sitemaker import article, make_site

import reform_archive.source.loader
from reform_archive.config import ConfigError, load_settings, parse_settings
from reform_archive.errors import ContentError
from reform_archive.search import analysis
from reform_archive.search.encoding import json_bytes as _json
from reform_archive.search.index import FIELDS, FieldTerms, IndexedText, article_terms, build_index
from reform_archive.search.store import folder_digest
from reform_archive.search.wire import expand
from reform_archive.site.model import Selection, build_model
from reform_archive.source.loader import load_content
from reform_archive.source.markup import plain_text


def build_model_of(site_dir: Path):
    settings = load_settings(site_dir)
    site, _ = build_model(load_content(site_dir, settings.tz).articles, settings, Selection(now=NOW))
    return site


def _manifest(files: dict[str, bytes]) -> dict:
    return json.loads(files["search/manifest.json"])


def _load(files: dict[str, bytes], name: str):
    return json.loads(files["search/" + name])


def test_manifest_names_content_hashed_files_that_exist(sample_files):
    manifest = _manifest(sample_files)
    assert manifest["format"] == 5 and manifest["lunr"] == "2.3.9" and manifest["count"] == 5
    assert manifest["pipeline"] == ["vi-normalise", "vi-expand"] and manifest["fields"] == dict(FIELDS)
    assert manifest["bm25"] == {"k1": 1.2, "b": 0.75} and len(manifest["averages"]) == len(FIELDS)
    digest = manifest["facets"].rsplit(".", 2)[1]
    assert hashlib.sha256(sample_files["search/" + manifest["facets"]]).hexdigest()[:12] == digest
    shards = manifest["shards"]
    assert len(shards["keys"]) == len(shards["lengths"]) > 1
    index = sorted(p for p in sample_files if p.startswith("search/" + manifest["index"]))
    assert index == sorted(
        f"search/{manifest['index']}{n}.json" for n in range(len(shards["keys"]))
    )  # no lengths: lists are short
    folder = "search/" + manifest["index"]
    named = {p[len(folder) :]: sample_files[p] for p in sample_files if p.startswith(folder)}
    assert manifest["index"] == f"index-{folder_digest(named)}/"  # by content: the files' names and bytes
    documents = sorted(p for p in sample_files if p.startswith("search/" + manifest["documents"]))
    assert documents == sorted(f"search/{manifest['documents']}{n}.json" for n in range(5))
    assert len([p for p in sample_files if p.startswith("search/")]) == len(index) + len(documents) + 3
    assert "assets/vendor/lunr-2.3.9.min.js" in sample_files
    assert sample_files["assets/vendor/lunr-2.3.9.min.js"].startswith(b"/**\n * lunr - http://lunrjs.com")


def lunr_py_index(documents: list[IndexedText]) -> dict:
    """The same terms through lunr.py's own Builder: its postings, averages, idf, BM25 and
    serialisation (``Builder.add`` would tokenise again, so the terms are put in as it would)."""
    analysis.register()
    builder = Builder()
    builder.search_pipeline.add(analysis.lunr_normalise, analysis.lunr_expand)
    for name, boost in FIELDS.items():
        builder.field(name, boost=boost)
    for document in documents:
        builder._documents[document.ref] = {}
        builder.document_count += 1
        for name, field in zip(FIELDS, document.fields, strict=True):
            counts = np.frombuffer(field.counts, np.int32)
            terms = [term for term, n in zip(field.terms(), counts, strict=True) for _ in range(n)]
            field_ref = str(FieldRef(document.ref, name))
            builder.field_term_frequencies[field_ref] = Counter(terms)
            builder.field_lengths[field_ref] = len(terms)
            for term in dict.fromkeys(terms):
                if term not in builder.inverted_index:
                    builder.inverted_index[term] = {"_index": builder.term_index, **{f: {} for f in FIELDS}}
                    builder.term_index += 1
                builder.inverted_index[term][name][document.ref] = {}
    return builder.build().serialize()


def _vectors_by_term(serialised: dict) -> dict[str, dict[str, float]]:
    """{field/ref: {term: score}}: lunr's serialisation with indices replaced by terms."""
    names = {posting["_index"]: term for term, posting in serialised["invertedIndex"]}
    return {
        ref: {names[elements[i]]: elements[i + 1] for i in range(0, len(elements), 2)}
        for ref, elements in serialised["fieldVectors"]
    }


def _wire_of(documents: list[IndexedText]) -> dict:
    return json.loads(_json(build_index(documents)))  # through the bytes the browser gets


def assert_same_as_lunr_py(documents: list[IndexedText]) -> None:
    ours, theirs = expand(_wire_of(documents)), lunr_py_index(documents)
    assert ours["pipeline"] == theirs["pipeline"] and ours["fields"] == theirs["fields"]
    assert [term for term, _ in ours["invertedIndex"]] == sorted(
        (term for term, _ in theirs["invertedIndex"]), key=lambda term: term.encode("utf-16-be")
    )
    assert [ref for ref, _ in ours["fieldVectors"]] == [ref for ref, _ in theirs["fieldVectors"]]
    assert _vectors_by_term(ours) == _vectors_by_term(theirs)  # every score, to the last bit


def sample_documents() -> list[IndexedText]:
    site = build_model_of(SAMPLE)
    return [IndexedText(str(i), article_terms(a, plain_text(a.html))) for i, a in enumerate(site.articles)]


def test_the_index_is_lunr_s_own_index_once_expanded():
    documents = sample_documents()
    wire = _wire_of(documents)
    assert wire["version"] == "2.3.9" and wire["fields"] == list(FIELDS)
    assert wire["pipeline"] == ["vi-normalise", "vi-expand"]
    original = lunr_py_index(documents)
    assert len(json.dumps(wire)) < 0.6 * len(json.dumps(original))
    rebuilt, direct = Index.load(expand(wire)), Index.load(original)
    for query in ["hàm tân", "hoa binh", "cải cách hành chính", "72", "nội vụ"]:
        expected = [(r["ref"], pytest.approx(r["score"], rel=1e-12)) for r in direct.search(query)]
        assert expected and [(r["ref"], r["score"]) for r in rebuilt.search(query)] == expected


def test_the_vectors_are_lunr_py_s_vectors_on_a_synthetic_archive(tmp_path):
    from benchmarks.corpus import write_site

    write_site(tmp_path, 60)
    site = build_model_of(tmp_path)
    assert_same_as_lunr_py(
        [IndexedText(str(i), article_terms(a, plain_text(a.html))) for i, a in enumerate(site.articles)]
    )


@pytest.mark.parametrize("step", [1, 7, 1000])
def test_scoring_in_steps_changes_nothing(tmp_path, monkeypatch, step):
    """Big archives are scored and sorted a million entries at a time: the steps' edges
    (a vector never split, empty vectors, the last step) must not show in the index."""
    from benchmarks.corpus import write_site
    from reform_archive.search import index as index_module

    write_site(tmp_path, 12)
    site = build_model_of(tmp_path)
    documents = [IndexedText(str(i), article_terms(a, plain_text(a.html))) for i, a in enumerate(site.articles)]
    whole = _wire_of(documents)
    monkeypatch.setattr(index_module, "ENTRIES_PER_STEP", step)
    assert _wire_of(documents) == whole
    assert_same_as_lunr_py(documents)


_TERMS = st.lists(st.sampled_from(["ha", "hà", "noi", "_ha noi", "𝐀", "ｚ", "a", "b", "c", "d"]), max_size=12)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.fixed_dictionaries({name: _TERMS for name in FIELDS}), min_size=1, max_size=8))
def test_any_documents_score_as_lunr_py_scores_them(fields):
    """Empty fields, a term in one field only, repeated terms and tiny archives: the corners
    where averages and idf are extreme."""
    assert_same_as_lunr_py(
        [IndexedText(str(i), tuple(FieldTerms.of(f[name]) for name in FIELDS)) for i, f in enumerate(fields)]
    )


def test_bm25_parameters_are_lunr_py_s():
    from reform_archive.search.index import K1, B

    assert (Builder()._k1, Builder()._b) == (K1, B)


def test_scores_round_as_python_rounds():
    from reform_archive.search.index import _round3

    values = [0.0005, 0.0015, 2.675, 1.0005, 0.1235, 123.4565, 7.0, 1e-9] + [i / 7 for i in range(1, 200)]
    assert _round3(np.array(values)).tolist() == [round(v, 3) for v in values]


def test_javascript_expands_the_wire_format_exactly_as_python_does():
    data = _json(build_index(sample_documents()))
    expanded = run_reference(f"return reference.expandIndex({data.decode()});")
    assert expanded == expand(json.loads(data))


def test_document_store_and_facets_follow_the_article_order(tmp_path):
    count = 23
    articles = {
        f"a{i:02d}.md": article(
            f"Bài số {i}",
            f"20{10 + i % 12}-03-{1 + i % 28:02d}",
            slug=f"bai-{i:02d}",
            provinces=["Hà Tĩnh"] if i % 3 == 0 else ["Quảng Nam"],
            topics=["thủ tục hành chính"] if i % 2 else [],
        )
        for i in range(count)
    }
    files = build_to_memory(make_site(tmp_path, articles))
    manifest = _manifest(files)
    docs = [_load(files, f"{manifest['documents']}{n}.json") for n in range(count)]
    facets = _load(files, manifest["facets"])
    assert len(docs) == len(facets["year"]) == len(facets["provinces"]) == count
    provinces = [p["name"] for p in manifest["filters"]["provinces"]]
    for doc, year, province_ids in zip(docs, facets["year"], facets["provinces"], strict=True):
        number = int(doc["title"].rsplit(" ", 1)[1])
        assert year == 2010 + number % 12 and doc["iso"].startswith(str(year))
        assert [provinces[i] for i in province_ids] == (["Hà Tĩnh"] if number % 3 == 0 else ["Quảng Nam"])
        assert doc["url"] == f"/{year}/03/bai-{number:02d}/"
    assert docs == sorted(docs, key=lambda d: (d["iso"], d["url"]), reverse=True)  # ref i = the i-th newest
    assert manifest["filters"]["years"] == sorted({2010 + i % 12 for i in range(count)})


def test_builds_are_byte_for_byte_reproducible(sample_files):
    again = build_to_memory(SAMPLE)
    assert {p: d for p, d in again.items() if p.startswith("search/")} == {
        p: d for p, d in sample_files.items() if p.startswith("search/")
    }


def test_terms_are_ordered_as_javascript_compares_strings(tmp_path):
    # U+FF5A (fullwidth z) sorts after U+1D400 (bold A) by code point, before it in UTF-16
    site = make_site(tmp_path / "site", {"a.md": article("Toán 𝐀𝐁 và ｚｚ", "2024-01-01", slug="toan")})
    output = build_to_disk(site, tmp_path / "out")
    files = {p.relative_to(output).as_posix(): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    manifest = _manifest(files)
    shards = [_load(files, f"{manifest['index']}{n}.json") for n in range(len(manifest["shards"]["keys"]))]
    terms = [
        term
        for _, term in sorted((i, t) for shard in shards for i, t in zip(shard["index"], shard["terms"], strict=True))
    ]
    assert (
        terms == sorted(terms, key=lambda t: t.encode("utf-16-be")) != sorted(terms)
    )  # vector indices: lunr.js's order
    answers = run_queries(output, ["𝐀𝐁", "ｚｚ", "toan"])  # lunr.js loads it and finds them
    assert all(len(answers[q]["results"]) == 1 for q in answers)


def test_an_empty_archive_has_an_index_that_finds_nothing(tmp_path):
    output = build_to_disk(make_site(tmp_path / "site", {}), tmp_path / "out")
    assert run_queries(output, ["hà nội"]) == {"hà nội": {"mode": "none", "results": []}}


def test_search_can_be_turned_off(tmp_path):
    files = build_to_memory(make_site(tmp_path, {"a.md": article("A", "2024-01-01")}, config="search = false\n"))
    assert not [p for p in files if p.startswith(("search/", "assets/vendor/"))]
    assert b'role="search"' not in files["index.html"]


def test_search_must_be_a_boolean():
    with pytest.raises(ConfigError) as caught:
        parse_settings('title = "x"\nbase_url = "https://example.org/"\nsearch = "no"\n', "site.toml")
    assert [str(p) for p in caught.value.problems] == ["site.toml:3: 'search' must be true or false, got 'no'"]


def test_a_missing_lunr_js_is_a_clear_error_and_the_previous_site_stays(tmp_path, monkeypatch):
    site = make_site(tmp_path / "site", {"a.md": article("A", "2024-01-01")})
    output = build_to_disk(site, tmp_path / "out")
    before = {p: p.read_bytes() for p in output.rglob("*") if p.is_file()}
    monkeypatch.setattr(reform_archive.source.loader, "PROJECT_DIR", tmp_path / "nowhere")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ContentError) as caught:
        build_to_disk(site, output)
    message = str(caught.value)
    assert message.startswith(f"{site / 'site.toml'}:1: search needs lunr.js 2.3.9 from npm")
    assert "npm ci" in message and "search = false" in message
    assert {p: p.read_bytes() for p in output.rglob("*") if p.is_file()} == before


def test_a_wrong_lunr_version_is_named(tmp_path, monkeypatch):
    site = make_site(tmp_path / "site", {"a.md": article("A", "2024-01-01")})
    lunr_dir = site / "node_modules" / "lunr"
    lunr_dir.mkdir(parents=True)
    (lunr_dir / "lunr.min.js").write_text("/* old */", encoding="utf-8")
    (lunr_dir / "package.json").write_text('{"version": "2.1.0"}', encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        build_to_memory(site)
    assert f"{lunr_dir / 'package.json'}:1: lunr.js 2.1.0 is installed; search needs 2.3.9" in str(caught.value)


def test_sample_index_size_stays_in_proportion(sample_files):
    """Not a speed test: a guard against an accidental blow-up (a field indexed twice, positions)."""
    manifest = _manifest(sample_files)
    size = sum(len(data) for path, data in sample_files.items() if path.startswith("search/" + manifest["index"]))
    text = sum(len(_load(sample_files, f"{manifest['documents']}{n}.json")["text"]) for n in range(5))
    assert size < 40 * text, (size, text)


def test_english_ui_strings_reach_the_page(tmp_path):
    files = build_to_memory(make_site(tmp_path, {"a.md": article("A", "2024-01-01")}, config='language = "en"\n'))
    page = lxml.html.fromstring(files["search/index.html"])
    strings = json.loads(page.get_element_by_id("search-strings").text)
    assert strings["count_one"] == "1 article found for “{q}”."
    assert strings["count"] == "{n} articles found for “{q}”."
    assert strings["filtered_one"] == "1 article matches the filters."
    assert _load(files, _manifest(files)["documents"] + "0.json")["date"] == "Monday, 1 January 2024"
