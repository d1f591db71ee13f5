"""Title re-casing from the body, inference from the lead, repeated titles."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reform_archive.importer.title import infer_title, is_all_caps, looks_like_title, recase, same_title

BODY = (
    "Trong những năm qua, công tác cải cách hành chính (CCHC) trên địa bàn huyện Hàm Tân đã có nhiều "
    "chuyển biến. Trong quý I/2024, UBND huyện đã ban hành kế hoạch. Huyện triển khai công tác này."
)


@pytest.mark.parametrize(
    ("title", "recased"),
    [
        (
            "ĐỀ CƯƠNG TUYÊN TRUYỀN SẮP XẾP ĐƠN VỊ HÀNH CHÍNH CẤP XÃ TRÊN ĐỊA BÀN THÀNH PHỐ PHAN RANG - THÁP CHÀM",
            "Đề cương tuyên truyền sắp xếp đơn vị hành chính cấp xã trên địa bàn thành phố Phan Rang - Tháp Chàm",
        ),
        (
            "TRÀ VINH THĂNG HẠNG CHỈ SỐ NĂNG LỰC CẠNH TRANH CẤP TỈNH (PCI) NĂM 2020",
            "Trà Vinh thăng hạng chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm 2020",
        ),
        ("SỞ NỘI VỤ TỈNH HOÀ BÌNH CÔNG BỐ CHỈ SỐ CCHC", "Sở nội vụ tỉnh Hoà Bình công bố chỉ số CCHC"),
        ("VÌ HÒA BÌNH VÀ PHÁT TRIỂN BỀN VỮNG", "Vì hòa bình và phát triển bền vững"),  # peace, not the province
        ("TP.HCM RÚT NGẮN THỜI GIAN GIẢI QUYẾT HỒ SƠ", "TP.HCM rút ngắn thời gian giải quyết hồ sơ"),
    ],
)
def test_all_caps_titles_keep_place_names_and_acronyms_the_body_does_not_write(title, recased):
    assert recase(title, "") == recased


def test_all_caps_titles_take_the_body_casing():
    title = "CÔNG TÁC CẢI CÁCH HÀNH CHÍNH QUÝ I NĂM 2024 TRÊN ĐỊA BÀN HUYỆN HÀM TÂN CÓ NHIỀU KHỞI SẮC"
    assert is_all_caps(title)
    assert recase(title, BODY) == (
        "Công tác cải cách hành chính quý I năm 2024 trên địa bàn huyện Hàm Tân có nhiều khởi sắc"
    )


def test_acronyms_and_names_keep_their_capitals():
    body = "Sáng nay, UBND tỉnh Quảng Nam tổ chức hội nghị về chuyển đổi số tại thành phố Tam Kỳ."
    assert (
        recase("UBND TỈNH QUẢNG NAM TỔ CHỨC HỘI NGHỊ VỀ CHUYỂN ĐỔI SỐ", body)
        == "UBND tỉnh Quảng Nam tổ chức hội nghị về chuyển đổi số"
    )


def test_words_the_body_never_writes_are_lower_case():
    assert recase("KẾT QUẢ NỔI BẬT", "") == "Kết quả nổi bật"


def test_inferred_titles_are_cut_at_a_clause_or_word_boundary():
    lead = (
        "Đại hội Đảng bộ Sở Nội vụ tỉnh Bình Định nhiệm kỳ 2020-2025, xác định cải cách hành chính là khâu "
        "đột phá trong thực hiện nhiệm vụ chính trị của cơ quan, góp phần nâng cao hiệu lực, hiệu quả quản lý "
        "nhà nước. Theo đó, sau Đại hội…"
    )
    title = infer_title(lead)
    assert title == (
        "Đại hội Đảng bộ Sở Nội vụ tỉnh Bình Định nhiệm kỳ 2020-2025, xác định cải cách hành chính là "
        "khâu đột phá trong thực hiện nhiệm vụ chính trị của cơ quan"
    )
    assert infer_title("Ngắn gọn. Câu thứ hai.") == "Ngắn gọn"
    long_word_run = "Một " * 60
    assert infer_title(long_word_run).endswith("…") and len(infer_title(long_word_run)) <= 161


def test_titles_and_repeats():
    assert looks_like_title("Hà Tĩnh hướng đến nền hành chính hiện đại")
    assert not looks_like_title(
        "Hội nghị đã thống nhất đánh giá, trong 10 năm qua, công tác cải cách hành chính "
        "được xác định là một trong ba đột phá."
    )
    assert same_title("HÀ TĨNH HƯỚNG ĐẾN NỀN HÀNH CHÍNH HIỆN ĐẠI.", "Hà Tĩnh hướng đến nền hành chính hiện đại")
    assert not same_title(
        "Hà Tĩnh hướng đến nền hành chính hiện đại, phục vụ - Ảnh 1.", "Hà Tĩnh hướng đến nền hành chính hiện đại"
    )


@given(st.text(), st.text())
def test_never_raise(title, body):
    recase(title, body)
    infer_title(body)


def test_a_speech_s_salutation_is_no_headline():
    from reform_archive.importer.extract import extract

    headline = "BÀI TUYÊN TRUYỀN VỀ VIỆC KÍCH HOẠT TÀI KHOẢN ĐỊNH DANH ĐIỆN TỬ TRÊN ĐỊA BÀN XÃ"
    body = "Thực hiện kế hoạch của UBND huyện, xã tuyên truyền để người dân kích hoạt tài khoản định danh điện tử."
    page = "\n\n".join([headline, headline, "Kính thưa: Toàn thể nhân dân trên địa bàn xã", body, body])
    article = extract(page).article
    assert article.title_original == headline and not article.title.startswith("Kính thưa")
