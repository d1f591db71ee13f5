"""Accents put back on folded words by the bigram model (importer/accents.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reform_archive.importer.accents import NUMBER, as_model_word, restore, word_table


def test_a_word_takes_the_form_its_neighbours_make_likeliest():
    assert restore(["thuc", "hien"], {}) == ["thực", "hiện"]
    assert restore(["ho", "so"], {}) == ["hồ", "sơ"]
    assert restore(["nop", "ho", "so", "truc", "tuyen"], {}) == ["nộp", "hồ", "sơ", "trực", "tuyến"]


def test_a_number_after_a_word_is_evidence_too():
    assert as_model_word("1/3") == NUMBER and as_model_word("2025") == NUMBER
    assert restore(["tu"], {}, after="1/3") == ["từ"]


def test_the_pages_own_forms_weigh_in():
    page = {"tinh": {"tĩnh": 6}, "ha": {"hà": 6}}
    assert restore(["ha", "tinh"], page) == ["hà", "tĩnh"]
    # and a pair the page prints counts for more than its words apart
    assert restore(["trong", "thuc", "hien"], {}, page_pairs={("trọng", "thúc"): 1}) == ["trong", "thực", "hiện"]


def test_the_table_counts_pairs_and_lists():
    table = word_table()
    assert table.pairs[("hồ", "sơ")] > 100 and table.written["hà nội"] == "Hà Nội"
    assert "phuong xa" in table.listed and table.pair_count("ho", "so") >= table.pairs[("hồ", "sơ")]
    assert table.commonest("qr") == "QR"


@given(st.lists(st.sampled_from(["ho", "so", "cap", "xa", "tinh", "thanh", "pho", "xyzq", "2025"]), max_size=8))
def test_every_word_gets_one_form_that_folds_back_to_it(words):
    from reform_archive.text.vietnamese import fold

    forms = restore(words, {})
    assert len(forms) == len(words)
    assert [fold(form) for form in forms] == words
