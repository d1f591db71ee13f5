"""A province as an editor writes it -> the archive's name (reform_archive.text.provinces), and the
table of the 2025 reorganisations (issue 23, item 5)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reform_archive.importer import place_names
from reform_archive.text import province_names as names
from reform_archive.text.provinces import (
    CANONICAL_PROVINCES,
    REORGANISATIONS,
    modern_tones,
    name_province,
    normalise_province,
    old_tones,
    predecessors_of,
    province_key,
    successor_of,
    unit_kind,
)
from reform_archive.text.term_names import alias_faults, term_names


@pytest.mark.parametrize(
    "written, name",
    [
        ("TP.HCM", "Hồ Chí Minh"),
        ("TP. HCM", "Hồ Chí Minh"),
        ("TPHCM", "Hồ Chí Minh"),
        ("HCM", "Hồ Chí Minh"),
        ("Tp Hồ Chí Minh", "Hồ Chí Minh"),
        ("Thành phố Hồ Chí Minh", "Hồ Chí Minh"),
        ("thành phố Hồ Chí Minh", "Hồ Chí Minh"),
        ("TP. Hồ Chí Minh", "Hồ Chí Minh"),
        ("Ho Chi Minh City", "Hồ Chí Minh"),
        ("HCMC", "Hồ Chí Minh"),
        ("Thừa Thiên - Huế", "Thừa Thiên Huế"),
        ("TT-Huế", "Thừa Thiên Huế"),
        ("TT. Huế", "Thừa Thiên Huế"),
        ("Bà Rịa Vũng Tàu", "Bà Rịa - Vũng Tàu"),
        ("Bà Rịa–Vũng Tàu", "Bà Rịa - Vũng Tàu"),
        ("BR-VT", "Bà Rịa - Vũng Tàu"),
        ("Đăk Lăk", "Đắk Lắk"),
        ("Đắc Lắc", "Đắk Lắk"),
        ("Daklak", "Đắk Lắk"),
        ("Dak Lak", "Đắk Lắk"),
        ("Đăk Nông", "Đắk Nông"),
        ("tỉnh Hà Tĩnh", "Hà Tĩnh"),
        ("Tỉnh Quảng Nam", "Quảng Nam"),
        ("HÀ NỘI", "Hà Nội"),
        ("Thủ đô Hà Nội", "Hà Nội"),
        ("Ha Noi", "Hà Nội"),
        ("Hanoi", "Hà Nội"),
        ("Kontum", "Kon Tum"),
        ("Bắc Cạn", "Bắc Kạn"),
        ("thành phố Huế", "Huế"),
        ("Ðà Nẵng", "Đà Nẵng"),  # Icelandic eth, from old encodings
    ],
)
def test_other_spellings_are_filed_under_the_canonical_name_with_a_note(written, name):
    assert name_province(written).name == name
    assert name_province(written).how == "other spelling"


@pytest.mark.parametrize(
    "written, name",
    [
        ("Hồ Chí Minh", "Hồ Chí Minh"),
        ("Hoà Bình", "Hòa Bình"),
        ("Khánh Hoà", "Khánh Hòa"),
        ("Thanh Hoá", "Thanh Hóa"),
        ("Huế", "Huế"),
        ("Thừa Thiên Huế", "Thừa Thiên Huế"),
        ("  Hà   Giang ", "Hà Giang"),
        (unicodedata.normalize("NFD", "Đắk Lắk"), "Đắk Lắk"),
    ],
)
def test_the_canonical_name_in_either_tone_placement_or_nfd_is_said_nothing_about(written, name):
    assert name_province(written) == name_province(name)
    assert name_province(written).how == "canonical" and name_province(written).name == name


def test_sai_gon_is_filed_under_ho_chi_minh_as_an_informal_name():
    assert (name_province("Sài Gòn").name, name_province("Sài Gòn").how) == ("Hồ Chí Minh", "informal")
    assert (name_province("Saigon").name, name_province("Saigon").how) == ("Hồ Chí Minh", "informal")


def test_wrong_diacritics_on_the_right_letters_are_misspelt_but_unambiguous():
    assert (name_province("Hà Tình").name, name_province("Hà Tình").how) == ("Hà Tĩnh", "misspelt")
    assert name_province("Quãng Nam").how == "misspelt"


@pytest.mark.parametrize(
    "written, near",
    [
        ("Hà Tỉn", "Hà Tĩnh"),
        ("Quảng Nai", "Quảng Ngãi"),
        ("Bình Dươn", "Bình Dương"),
        ("Kiên Giag", "Kiên Giang"),
        ("Tây Nguyên", ""),  # a region, 0.84 from "Thái Nguyên": not suggested
        ("Toàn quốc", ""),
        ("", ""),
    ],
)
def test_an_unknown_name_is_kept_and_the_nearest_is_suggested_only_when_close(written, near):
    spelling = name_province(written)
    assert spelling.how == "unknown" and spelling.name == written.strip() and spelling.near == near


def test_no_two_names_share_their_letters():
    """Why a misspelt name can be filed without guessing."""
    keys = [province_key(name) for name in CANONICAL_PROVINCES]
    assert len(keys) == len(set(keys)) == 64


def test_every_canonical_name_is_itself():
    for name in CANONICAL_PROVINCES:
        assert name_province(name).how == "canonical" and normalise_province(name) == name


# --- the normaliser, for any text ----------------------------------------------------------------------

PIECES = st.sampled_from(
    list("aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY -.–'")
    + list("àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")
    + ["oà", "oá", "uỳ", "oè", "hoà", "thuỷ", "qu", "òa", "ủy"]
)
VIETNAMESE = st.lists(PIECES, max_size=16).map("".join)
NAMES_AND_NOISE = st.one_of(
    VIETNAMESE,
    st.sampled_from(CANONICAL_PROVINCES),
    st.builds(
        lambda prefix, name: prefix + name,
        st.sampled_from(["tỉnh ", "TP.", "Thành phố ", "tp ", ""]),
        st.sampled_from(CANONICAL_PROVINCES),
    ),
)


@given(NAMES_AND_NOISE)
def test_normalising_twice_is_normalising_once(text):
    once = normalise_province(text)
    assert normalise_province(once) == once


@given(NAMES_AND_NOISE)
def test_normalising_does_not_see_nfc_or_nfd(text):
    assert normalise_province(unicodedata.normalize("NFD", text)) == normalise_province(text)
    assert normalise_province(unicodedata.normalize("NFC", text)) == normalise_province(text)


@given(NAMES_AND_NOISE)
def test_normalising_does_not_see_tone_placement(text):
    assert normalise_province(old_tones(text)) == normalise_province(text)
    assert normalise_province(modern_tones(text)) == normalise_province(text)
    assert name_province(old_tones(text)).how == name_province(text).how


@given(st.sampled_from(CANONICAL_PROVINCES), st.sampled_from(["upper", "lower", "nfd", "old tones", "spaced"]))
def test_every_name_written_any_usual_way_is_found(name, how):
    written = {
        "upper": name.upper(),
        "lower": name.lower(),
        "nfd": unicodedata.normalize("NFD", name),
        "old tones": old_tones(name),
        "spaced": name.replace(" ", "  "),
    }[how]
    assert normalise_province(written) == name


# --- the reorganisations --------------------------------------------------------------------------------


def test_63_units_became_34_on_1_july_2025():
    merged = [old for members in names.MERGED_2025.values() for old in members]
    assert len(names.MERGED_2025) == 23 and len(merged) == len(set(merged)) == 52
    assert len(names.UNCHANGED_2025) == 11
    before = {*names.PROVINCES} - {"Thừa Thiên Huế"} | {"Huế"}  # Huế's own change came on 1 January 2025
    assert set(merged) | set(names.UNCHANGED_2025) == before
    assert len({*names.MERGED_2025, *names.UNCHANGED_2025}) == 34
    assert all(successor in members for successor, members in names.MERGED_2025.items())  # each kept a name
    assert {*names.MERGED_2025, *names.UNCHANGED_2025} >= names.CITIES and len(names.CITIES) == 6


@pytest.mark.parametrize(
    "old, new",
    [
        ("Hà Giang", "Tuyên Quang"),
        ("Yên Bái", "Lào Cai"),
        ("Bắc Kạn", "Thái Nguyên"),
        ("Hòa Bình", "Phú Thọ"),
        ("Vĩnh Phúc", "Phú Thọ"),
        ("Hải Dương", "Hải Phòng"),
        ("Nam Định", "Ninh Bình"),
        ("Quảng Bình", "Quảng Trị"),
        ("Quảng Nam", "Đà Nẵng"),
        ("Kon Tum", "Quảng Ngãi"),
        ("Bình Định", "Gia Lai"),
        ("Ninh Thuận", "Khánh Hòa"),
        ("Bình Thuận", "Lâm Đồng"),
        ("Phú Yên", "Đắk Lắk"),
        ("Bình Dương", "Hồ Chí Minh"),
        ("Bà Rịa - Vũng Tàu", "Hồ Chí Minh"),
        ("Bình Phước", "Đồng Nai"),
        ("Long An", "Tây Ninh"),
        ("Sóc Trăng", "Cần Thơ"),
        ("Bến Tre", "Vĩnh Long"),
        ("Tiền Giang", "Đồng Tháp"),
        ("Bạc Liêu", "Cà Mau"),
        ("Kiên Giang", "An Giang"),
        ("Thừa Thiên Huế", "Huế"),
    ],
)
def test_each_ended_unit_names_its_successor(old, new):
    change = successor_of(old)
    assert change is not None and change.successor == new
    assert old in predecessors_of(new).predecessors and new not in change.predecessors


def test_the_dates_and_resolutions():
    assert {(change.effective.isoformat(), change.basis) for change in REORGANISATIONS} == {
        ("2025-07-01", "202/2025/QH15"),
        ("2025-01-01", "175/2024/QH15"),
    }
    assert successor_of("Thừa Thiên Huế").renamed and not successor_of("Hà Giang").renamed
    assert successor_of("Hà Nội") is None and predecessors_of("Hà Nội") is None and successor_of("Tuyên Quang") is None
    assert (unit_kind("Hải Phòng"), unit_kind("Huế"), unit_kind("Thừa Thiên Huế")) == ("city", "city", "province")


def test_the_importer_reads_the_same_lists():
    assert place_names.PROVINCES is names.PROVINCES and place_names.NEW_CITIES is names.NEW_CITIES
    assert place_names.PROVINCE_SPELLINGS is names.PROVINCE_SPELLINGS


# --- site.toml's aliases as a table --------------------------------------------------------------------


def test_aliases_follow_chains_and_go_through_the_province_names():
    table = term_names(
        (
            ("tags", "CCHC", "cải cách HC"),
            ("tags", "cải cách HC", "cải cách hành chính"),
            ("provinces", "Côn Đảo", "BR-VT"),
            ("tags", "covid-19", "COVID-19"),
        )
    )
    assert table.name("tags", "cchc").name == "cải cách hành chính"  # matched by the page it had
    assert table.name("provinces", "Côn Đảo").name == "Bà Rịa - Vũng Tàu"
    assert table.name("tags", "Covid 19").name == "COVID-19"  # one page already: the spelling shown
    assert table.name("tags", "một cửa").how == "as written"


def test_alias_faults():
    faults = alias_faults(
        [
            ("tags", "a", "b"),
            ("tags", "b", "c"),
            ("tags", "c", "a"),
            ("tags", "x", "x"),
            ("tags", "Một cửa", "y"),
            ("tags", "mot-cua", "z"),
            ("provinces", "q", "Hà Tỉn"),
            ("tags", "COVID", "covid"),
        ]
    )
    assert faults == [
        (0, "[aliases.tags] go round in a loop: a → b → c → a"),
        (3, "[aliases.tags] 'x' is an alias of itself: remove it"),
        (
            5,
            "[aliases.tags] 'mot-cua' and 'Một cửa' are one name (they share the page /tags/mot-cua/) "
            "sent to two: 'y' and 'z'",
        ),
        (
            6,
            "[aliases.provinces] 'q' = 'Hà Tỉn': 'Hà Tỉn' is not a province or centrally-run city; "
            "did you mean 'Hà Tĩnh'?",
        ),
    ]
