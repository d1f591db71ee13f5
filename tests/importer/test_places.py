import unicodedata
from collections import defaultdict

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reform_archive.importer import place_names
from reform_archive.importer.places import find_provinces

CANONICAL = set(place_names.PROVINCES + place_names.NEW_CITIES)


@pytest.mark.parametrize(
    "text, expected",
    [
        # canonical names, and the other tone placement
        ("Hòa Bình, Thanh Hóa và Khánh Hòa", ("Hòa Bình", "Thanh Hóa", "Khánh Hòa")),
        ("Hoà Bình, Thanh Hoá và Khánh Hoà", ("Hòa Bình", "Thanh Hóa", "Khánh Hòa")),
        ("Long An", ("Long An",)),
        ("Quảng Trị", ("Quảng Trị",)),
        # city markers
        ("TP. Hải Phòng", ("Hải Phòng",)),
        ("TP Hải Phòng", ("Hải Phòng",)),
        ("thành phố Hải Phòng", ("Hải Phòng",)),
        ("Thủ đô Hà Nội", ("Hà Nội",)),
        ("Tp. Hồ Chí Minh", ("Hồ Chí Minh",)),
        ("Thành phố Hồ Chí Minh", ("Hồ Chí Minh",)),
        ("TP.HCM", ("Hồ Chí Minh",)),
        ("TPHCM", ("Hồ Chí Minh",)),
        ("Sài Gòn", ("Hồ Chí Minh",)),
        # after a marker any capitalisation counts, ALL-CAPS included
        ("Sở Nội vụ tỉnh bình Định", ("Bình Định",)),
        ("SỞ NỘI VỤ TỈNH BÌNH ĐỊNH", ("Bình Định",)),
        ("UBND THÀNH PHỐ HỒ CHÍ MINH", ("Hồ Chí Minh",)),
        # spellings with dashes and abbreviations
        ("Bà Rịa - Vũng Tàu", ("Bà Rịa - Vũng Tàu",)),
        ("Bà Rịa–Vũng Tàu", ("Bà Rịa - Vũng Tàu",)),
        ("Bà Rịa-Vũng Tàu", ("Bà Rịa - Vũng Tàu",)),
        ("BR-VT", ("Bà Rịa - Vũng Tàu",)),
        ("Đăk Lăk", ("Đắk Lắk",)),
        ("Daklak", ("Đắk Lắk",)),
        ("Đắk Nông", ("Đắk Nông",)),
        ("Đăk Nông", ("Đắk Nông",)),
        ("Kontum", ("Kon Tum",)),
        ("Thừa Thiên - Huế", ("Thừa Thiên Huế",)),
        ("Thừa Thiên Huế", ("Thừa Thiên Huế",)),
        ("TT-Huế", ("Thừa Thiên Huế",)),
        # the 2025 city of Huế, named only with a marker
        ("thành phố Huế", ("Huế",)),
        ("TP. Huế", ("Huế",)),
        ("TP Huế", ("Huế",)),
        # longest name first
        ("Chiến thắng Điện Biên Phủ", ("Điện Biên",)),
        ("Quảng Nam - Đà Nẵng", ("Quảng Nam", "Đà Nẵng")),
    ],
)
def test_province_names_and_their_variants(text, expected):
    assert find_provinces(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Giữ vững hòa bình, an ninh và ổn định.",  # "hòa bình" is peace
        "An ninh trật tự được bảo đảm; long an, an giang là từ thường.",
        "VÌ HÒA BÌNH",  # ALL-CAPS without a marker is no proper name
        "Bắc Trung Bộ, Tây Nguyên và Đồng bằng sông Cửu Long",  # regions
        "Trụ sở trên đường Trần Phú",
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",  # the person
        "Đại học Huế; bà Nguyễn Thị Huế",
        "Phó Thủ tướng Nguyễn Hòa Bình",  # a person named like a province
        "Châu Á - Thái Bình Dương",  # the Pacific
        "tỉnh Hà Nam Ninh cũ",  # 1975-1991 province
        "UBND xã Hòa Bình, phường Long An",  # communes named like provinces
    ],
)
def test_words_people_regions_and_communes_are_not_provinces(text):
    assert find_provinces(text) == ()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("huyện Hàm Tân", "Bình Thuận"),
        ("thị xã La Gi", "Bình Thuận"),
        ("huyện Lạc Sơn", "Hòa Bình"),
        ("thành phố Quy Nhơn", "Bình Định"),
        ("TP. Vinh", "Nghệ An"),
        ("huyện Đức Thọ", "Hà Tĩnh"),
        ("thị trấn Đức Thọ", "Hà Tĩnh"),
        ("Huyện Kỳ Anh và thị xã Kỳ Anh", "Hà Tĩnh"),  # the same name twice in one province is fine
        ("HUYỆN HÀM TÂN", "Bình Thuận"),
        ("huyện đảo Lý Sơn", "Quảng Ngãi"),
        ("quận 1", "Hồ Chí Minh"),
        ("huyện Quảng Ninh", "Quảng Bình"),  # a district, not the province of that name
        ("huyện Hoành Bồ", "Quảng Ninh"),  # merged into Hạ Long in 2020
        ("huyện Krông Ana", "Đắk Lắk"),
        ("huyện Đắk R’Lấp", "Đắk Nông"),
    ],
)
def test_a_district_implies_its_province(text, expected):
    assert find_provinces(text) == (expected,)


@pytest.mark.parametrize(
    "text",
    [
        "huyện Châu Thành",  # in ten provinces
        "thị xã Tân Uyên",  # Bình Dương and Lai Châu
        "huyện Kỳ Sơn",  # Nghệ An, and Hòa Bình until 2020
        "huyện Hòa Bình",  # Bạc Liêu, and the city of Hòa Bình
        "thị trấn Tân Yên",  # a district of Bắc Giang, a thị trấn of Tuyên Quang
        "huyện 1",  # only quận are numbered
        "Hàm Tân",  # no marker
    ],
)
def test_ambiguous_or_unmarked_districts_give_nothing(text):
    assert find_provinces(text) == ()


def test_most_mentioned_first_then_first_mentioned():
    text = "Hà Nội, Đà Nẵng. Cần Thơ và Đà Nẵng; Hải Phòng, Cần Thơ, Đà Nẵng."
    assert find_provinces(text) == ("Đà Nẵng", "Cần Thơ", "Hà Nội", "Hải Phòng")


def test_district_mentions_count_but_lose_ties_to_named_provinces():
    assert find_provinces("huyện Hàm Tân, rồi Hà Tĩnh") == ("Hà Tĩnh", "Bình Thuận")
    text = "Huyện Hàm Tân, thị xã La Gi (Bình Thuận) và Hà Tĩnh"
    assert find_provinces(text) == ("Bình Thuận", "Hà Tĩnh")


def test_decomposed_input():
    text = unicodedata.normalize("NFD", "UBND tỉnh Hòa Bình và huyện Đức Thọ")
    assert find_provinces(text) == ("Hòa Bình", "Hà Tĩnh")


def test_canonical_list_is_the_63_old_units_plus_hue():
    assert len(place_names.PROVINCES) == len(set(place_names.PROVINCES)) == 63
    assert place_names.NEW_CITIES == ("Huế",)
    assert {
        "Hòa Bình",
        "Thanh Hóa",
        "Khánh Hòa",
        "Thừa Thiên Huế",
        "Hồ Chí Minh",
        "Hà Nội",
        "Hải Phòng",
        "Đà Nẵng",
        "Cần Thơ",
        "Bà Rịa - Vũng Tàu",
        "Đắk Lắk",
        "Đắk Nông",
        "Kon Tum",
    } <= CANONICAL


def test_data_names_only_canonical_provinces():
    for table in (
        place_names.DISTRICTS,
        place_names.FORMER_DISTRICTS,
        place_names.PROVINCE_SPELLINGS,
        place_names.MARKER_ONLY_SPELLINGS,
    ):
        assert set(table) <= CANONICAL
    assert set(place_names.PROVINCES) <= set(place_names.DISTRICTS)


@pytest.mark.parametrize("name", sorted(CANONICAL))
def test_every_province_is_found_by_its_name(name):
    assert find_provinces(f"tỉnh {name}") == (name,)
    assert find_provinces(f"UBND TỈNH {name.upper()}") == (name,)


def test_every_district_named_in_one_province_is_found():
    provinces_of = defaultdict(set)
    for table in (place_names.DISTRICTS, place_names.FORMER_DISTRICTS):
        for province, districts in table.items():
            for district in districts:
                provinces_of[district].add(province)
    for district, provinces in provinces_of.items():
        marker = "quận" if district.isdigit() else "huyện"
        expected = tuple(provinces) if len(provinces) == 1 else ()
        assert find_provinces(f"{marker} {district}") == expected, district


@given(st.text())
def test_never_raises_and_returns_canonical_names(text):
    found = find_provinces(text)
    assert isinstance(found, tuple)
    assert set(found) <= CANONICAL
    assert len(set(found)) == len(found)


NAME_SOUP = st.lists(
    st.sampled_from(
        [
            "tỉnh",
            "TP.",
            "huyện",
            "quận",
            "xã",
            "Nguyễn",
            "Hà",
            "Nội",
            "Hòa",
            "hoà",
            "Bình",
            "Bà Rịa",
            "–",
            "Vũng Tàu",
            "Đắk",
            "Lắk",
            "HCM",
            "Huế",
            "1",
            "İ",
            "\u0300",
            " ",
            "\n",
        ]
    )
)


@given(NAME_SOUP)
def test_never_raises_on_near_names(words):
    assert set(find_provinces(" ".join(words))) <= CANONICAL


def test_a_venue_or_a_news_agencys_dateline_is_no_province_when_the_article_names_another():
    assert find_provinces(
        "Trà Vinh thăng hạng PCI\nSáng 15/4/2021, tại Hà Nội, VCCI công bố báo cáo PCI. "
        "Trà Vinh tăng năm bậc so với năm trước."
    ) == ("Trà Vinh",)
    assert find_provinces("Hà Nội (TTXVN) - Bộ Nội vụ làm việc với tỉnh Quảng Ninh về sắp xếp bộ máy.") == (
        "Quảng Ninh",
    )
    # the venue is all there is: it stays
    assert find_provinces("Ngày 12/5, tại Hà Nội, Trung ương Đoàn tổ chức cuộc thi tìm hiểu pháp luật.") == ("Hà Nội",)
