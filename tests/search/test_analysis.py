"""The Vietnamese analysis pipeline, Python side (the parity test holds the JS side to it)."""

from __future__ import annotations

import re
import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reform_archive.search.analysis import (
    BIGRAM_MARK,
    TONE_MOVES,
    _word_pattern,
    _words,
    analyse,
    fold_word,
    normalise_word,
    tokenize,
)

VIETNAMESE = st.text(
    alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ0123456789 ,./-",
    max_size=60,
)


@pytest.mark.parametrize(
    "old, new",
    [
        ("hoà", "hòa"),
        ("Uỷ", "ủy"),
        ("THUỶ", "thủy"),
        ("khoẻ", "khỏe"),
        ("hoạ", "họa"),
        ("toá", "tóa"),
        ("thuỵ", "thụy"),
        ("loè", "lòe"),
    ],
)
def test_old_tone_placement_becomes_todays(old, new):
    assert normalise_word(old) == new == normalise_word(new)


@pytest.mark.parametrize("word", ["quý", "quỳ", "hoàng", "thuyết", "khuỷu", "toán", "ủy", "hòa", "qua"])
def test_syllables_whose_tone_place_is_not_a_convention_stay(word):
    assert normalise_word(word) == word


def test_folding_removes_every_mark_and_d_bar():
    assert fold_word("đường điện biên phủ") == "duong dien bien phu"
    assert fold_word("ưởng ợ ằ ậ") == "uong o a a"


def test_tokens_are_letters_marks_and_digits():
    assert tokenize("Số 72/TB-UBND, ngày 07/3 (47,18%) 👍 e-Gov") == [
        "Số",
        "72",
        "TB",
        "UBND",
        "ngày",
        "07",
        "3",
        "47",
        "18",
        "e",
        "Gov",
    ]
    assert tokenize("") == [] and tokenize(" \n\t–—") == []


def test_the_planes_looked_at_hold_every_mark_python_knows():
    """The word pattern lists the marks of three planes only; no other plane has any."""
    from reform_archive.search.analysis import MARK_PLANES, mark_ranges

    everywhere = mark_ranges(range((sys.maxunicode + 1) >> 16))
    assert everywhere == mark_ranges(MARK_PLANES)
    assert (0x0300, 0x036F) in everywhere  # the combining diacritics Vietnamese decomposes into


def test_each_syllable_gives_folded_exact_and_a_bigram_with_the_next():
    assert analyse("Hà Nội") == ["ha", "hà", f"{BIGRAM_MARK}ha noi", "noi", "nội"]
    assert analyse("an ninh") == ["an", f"{BIGRAM_MARK}an ninh", "ninh"]  # no stop words, nothing stemmed


@given(st.text())
def test_any_text_analyses_without_error_into_clean_terms(text):
    for term in analyse(text):
        assert term and term == term.strip()
        assert unicodedata.is_normalized("NFC", term)


@given(VIETNAMESE)
def test_spelling_variants_a_reader_may_type_give_the_same_terms(text):
    old = text
    for move_from, move_to in TONE_MOVES.items():  # at the end of a syllable, where the conventions differ
        old = re.sub(f"{move_to}(?![^\\W_])", move_from, old)
    expected = analyse(text)
    assert analyse(unicodedata.normalize("NFD", text)) == expected
    assert analyse(text.upper()) == expected
    assert analyse(old) == expected


@given(VIETNAMESE)
def test_unaccented_typing_meets_the_folded_terms(text):
    folded_terms = [t for t in analyse(text) if t == fold_word(t)]
    assert analyse(fold_word(text)) == folded_terms


@settings(max_examples=50)
@given(st.text(min_size=1))
def test_normalising_and_folding_are_idempotent(word):
    once = normalise_word(word)
    assert normalise_word(once) == once
    assert fold_word(fold_word(once)) == fold_word(once)


def test_the_word_pattern_is_exactly_unicode_letters_marks_and_digits():
    pattern = _word_pattern()  # "_" aside, which _words makes a space first
    wrong = [
        hex(code)
        for code in range(sys.maxunicode + 1)
        if bool(pattern.fullmatch(chr(code))) != (unicodedata.category(chr(code))[0] in "LMN" or code == 0x5F)
    ]
    assert not wrong, wrong[:20]
    assert _words("a_b c") == ["a", "b", "c"]  # the pattern's \w takes "_"; _words makes it a space


@given(
    st.text(
        alphabet=st.sampled_from(
            ["a", "à", "đ", " ", "_", "1", "\u0301", "\u20d0", "\U0001d167", "\U000e0100", "😀", "\U00010400", "-"]
        ),
        max_size=30,
    )
)
def test_words_are_the_full_patterns_with_or_without_characters_past_plane_0(text):
    """Text without characters past U+FFFF is matched with plane 0's marks only (a third of
    the time); the words are the same as with every plane's."""
    assert _words(text) == _word_pattern().findall(unicodedata.normalize("NFC", text).replace("_", " "))
