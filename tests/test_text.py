import itertools
import unicodedata
from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from reform_archive.text.dates import format_date, format_time
from reform_archive.text.vietnamese import fold, fold_slowly, nfc, slugify


def test_slug_from_vietnamese_title():
    assert slugify("Hà Tĩnh hướng đến nền hành chính hiện đại") == "ha-tinh-huong-den-nen-hanh-chinh-hien-dai"
    assert slugify("Đắk Lắk: đổi mới…") == "dak-lak-doi-moi"
    assert slugify("Hà Tĩnh hướng đến…") == "ha-tinh-huong-den"


def test_slug_is_a_prefix_cut_at_a_word_boundary():
    title = "Công tác cải cách hành chính quý I năm 2024 trên địa bàn huyện Hàm Tân có nhiều khởi sắc rõ rệt"
    slug = slugify(title)
    assert len(slug) <= 80
    assert "cong-tac-cai-cach-hanh-chinh-quy-i-nam-2024-tren-dia-ban-huyen-ham-tan-co-nhieu-khoi-sac".startswith(slug)


def test_decomposed_input_gives_the_same_slug():
    import unicodedata

    title = "Thủ tục hành chính"
    assert slugify(unicodedata.normalize("NFD", title)) == slugify(title) == "thu-tuc-hanh-chinh"


@given(st.text())
def test_slugs_are_url_safe(text):
    slug = slugify(text)
    assert all(c.isascii() and (c.isalnum() or c == "-") for c in slug)
    assert not slug.startswith("-") and not slug.endswith("-")


@given(st.text())
def test_fold_removes_every_mark_and_keeps_length_of_nfc(text):
    folded = fold(nfc(text))
    assert fold(folded) == folded
    assert "đ" not in folded and "Đ" not in folded


def test_vietnamese_dates_by_precision():
    friday = date(2022, 9, 9)
    assert format_date(friday) == "Thứ Sáu, 09/09/2022"
    assert format_date(date(2023, 12, 10)) == "Chủ Nhật, 10/12/2023"
    assert format_date(friday, "month") == "Tháng 09/2022"
    assert format_date(date(2024, 1, 1), "quarter") == "Quý I/2024"
    assert format_date(date(2024, 11, 1), "quarter") == "Quý IV/2024"
    assert format_date(friday, "year") == "Năm 2022"
    assert format_date(friday, "day", "en") == "Friday, 9 September 2022"
    assert format_date(date(2024, 4, 1), "quarter", "en") == "Q2 2024"


def test_time_is_shown_only_when_known():
    assert format_time(datetime(2021, 10, 28, 7, 5)) == "07:05"
    assert format_time(datetime(2021, 10, 28)) == ""
    assert format_time(datetime(2021, 10, 28, 7, 5), "month") == ""


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x2FFF)))
def test_fast_folding_is_folding(text):
    for variant in (text, unicodedata.normalize("NFD", text)):
        assert fold(variant) == fold_slowly(variant)


def test_syllables_and_runs_of_them():
    from reform_archive.text.vietnamese import is_syllable, is_syllable_run

    assert all(is_syllable(word) for word in ("Nghiêng", "hoạch", "xã", "TRƯỜNG"))
    assert not any(is_syllable(word) for word in ("UBND", "PCI", "ntdjuq", "24h"))
    assert is_syllable_run("diaphuong") and is_syllable_run("ChuyenMuc") and not is_syllable_run("ntdjuq")


def test_syllables_run_together_are_split_as_news_writes_them():
    from reform_archive.text.vietnamese import split_syllables

    assert split_syllables("caicachhanhchinh") == ["cai", "cach", "hanh", "chinh"]
    assert split_syllables("chinhquyendiaphuong") == ["chinh", "quyen", "dia", "phuong"]  # not "diap huong"
    assert split_syllables("ntdjuq") is None
    pairs = {("van", "hanh"): 9}
    assert split_syllables("ngaydauvanhanh", lambda s: sum(pairs.get(p, 0) for p in itertools.pairwise(s))) == [
        "ngay",
        "dau",
        "van",
        "hanh",
    ]
