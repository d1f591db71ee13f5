"""Document numbers written the way Vietnamese texts cite them (issue 23, item 4).

``documents: [Nghị định 61/2018/NĐ-CP]`` used to become 'NGHỊĐỊNH61/2018/NĐ-CP', "not a
document number". The type in front ("Nghị định", "Quyết định số", …) and a date after
("ngày 23/4/2018") are not part of the number: they are dropped, and the number is kept.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reform_archive.source.documents import DOCUMENT_TYPES, looks_like_document, normalise_document
from reform_archive.source.parse import parse_article

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def parse(documents: str, language: str = "en"):
    return parse_article(
        f"---\ntitle: x\ndate: 2024-01-02\nsummary: s\ndocuments: {documents}\n---\nx\n", "a.md", HCM, language=language
    )


def test_the_issues_example_is_accepted():
    article, problems = parse("[Nghị định 61/2018/NĐ-CP, Quyết định số 1291/QĐ-BNV, Chỉ thị 23/CT-TTg]")
    assert problems == []
    assert article.documents == ("61/2018/NĐ-CP", "1291/QĐ-BNV", "23/CT-TTg")


@pytest.mark.parametrize(
    "written, number",
    [
        ("Luật số 80/2015/QH13", "80/2015/QH13"),
        ("NGHỊ ĐỊNH 61/2018/NĐ-CP", "61/2018/NĐ-CP"),
        ("nghị định số 61/2018/nđ-cp", "61/2018/NĐ-CP"),
        ("Thông tư 01/2018/TT-VPCP", "01/2018/TT-VPCP"),
        ("Thông báo số 72/TB-UBND", "72/TB-UBND"),
        ("Kế hoạch 45/KH-UBND", "45/KH-UBND"),
        ("Nghị quyết 76/NQ-CP", "76/NQ-CP"),
        ("Công văn số 3467/BNV-CCHC", "3467/BNV-CCHC"),
        ("Hướng dẫn 05-HD/BTCTW", "05-HD/BTCTW"),
        ("Quyết định số: 1291/QĐ-BNV", "1291/QĐ-BNV"),
        ("Nghi dinh 61/2018/ND-CP", "61/2018/ND-CP"),  # typed without diacritics
        ("Quyết định số 1291/QĐ-BNV ngày 20/12/2019", "1291/QĐ-BNV"),
        ("Số 12 / QĐ-TTg", "12/QĐ-TTg"),  # as before
    ],
)
def test_type_words_and_a_date_after_are_dropped(written, number):
    assert normalise_document(written) == number
    assert looks_like_document(number)


def test_the_same_document_written_two_ways_is_one():
    article, _ = parse('[61/2018/NĐ-CP, "Nghị định số 61/2018/NĐ-CP"]')
    assert article.documents == ("61/2018/NĐ-CP",)


def test_what_still_is_not_a_number_is_named_as_written_in_the_sites_language():
    _, problems = parse("[Nghị định về một cửa, 72/TB-UBND]")
    assert [str(p) for p in problems] == [
        "a.md:5: warning: 'Nghị định về một cửa' does not look like a document number such as 72/TB-UBND "
        "or Nghị định 61/2018/NĐ-CP"
    ]
    _, problems = parse("[abc]", "vi")
    assert [str(p) for p in problems] == [
        "a.md:5: warning: 'abc' không giống số hiệu văn bản, như 72/TB-UBND hay Nghị định 61/2018/NĐ-CP"
    ]


# Numbers as Vietnamese documents are numbered: 61/2018/NĐ-CP, 05-NQ/TU, 1291/QĐ-BNV, 23/CT-TTg.
CODE = st.text(alphabet="ABCDĐEGHKLMNOPQRSTUVXY", min_size=1, max_size=5)
NUMBER = st.builds(
    lambda n, year, codes, dash: f"{n}{'/' + str(year) if year else ''}{'-' if dash else '/'}{'-'.join(codes)}",
    st.integers(1, 9999),
    st.one_of(st.none(), st.integers(1990, 2030)),
    st.lists(CODE, min_size=1, max_size=3),
    st.booleans(),
)
CASES = st.sampled_from([str.lower, str.upper, str.title, lambda s: s])
SPACES = st.sampled_from([" ", "  ", "\u00a0", " \t"])


@settings(max_examples=300)
@given(NUMBER, st.sampled_from(DOCUMENT_TYPES), st.booleans(), CASES, SPACES)
def test_a_type_in_front_never_changes_the_number(number, kind, with_so, case, space):
    written = case(kind) + space + (case("số") + space if with_so else "") + number
    assert normalise_document(written) == normalise_document(number)
    assert looks_like_document(normalise_document(written))


@settings(max_examples=300)
@given(NUMBER, st.sampled_from(["ngày 20/12/2019", "Ngày 1-1-2024", "NGÀY 5 tháng 3 năm 2020"]))
def test_a_date_after_the_number_is_dropped(number, when):
    assert normalise_document(f"{number} {when}") == normalise_document(number)


@settings(max_examples=500)
@given(st.text())
def test_normalising_twice_changes_nothing(text):
    once = normalise_document(text)
    assert normalise_document(once) == once
