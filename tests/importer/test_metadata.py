"""Bylines, categories and source prefixes, and what must not be taken for them."""

from __future__ import annotations

import pytest

from reform_archive.importer.metadata import (
    affiliation_line,
    is_category,
    parse_byline,
    parse_meta_line,
    people_over_bodies,
)
from reform_archive.importer.sources import keywords_line, source_line, split_source_prefix


@pytest.mark.parametrize(
    "line, authors, affiliation",
    [
        ("P.V", ("P.V",), ""),
        ("N.V", ("N.V",), ""),
        ("PV", ("PV",), ""),
        ("HÀ VY", ("Hà Vy",), ""),
        ("Bảo Giang", ("Bảo Giang",), ""),
        ("Phòng Nội vụ", ("Phòng Nội vụ",), ""),
        ("Phòng Cải cách hành chính", ("Phòng Cải cách hành chính",), ""),
        ("VĂN HÀO - TRẦN HỮU", ("Văn Hào", "Trần Hữu"), ""),
        ("Minh Anh, Thu Hà", ("Minh Anh", "Thu Hà"), ""),
        ("ThS. Nguyễn Văn An - Trường Chính trị tỉnh Hà Tĩnh", ("Nguyễn Văn An",), "Trường Chính trị tỉnh Hà Tĩnh"),
        ("TS. Lê Thị Hoa, Học viện Hành chính Quốc gia", ("Lê Thị Hoa",), "Học viện Hành chính Quốc gia"),
        ("Bài và ảnh: Minh Châu", ("Minh Châu",), ""),
        ("Lê Thanh Hà - Phòng Cải cách hành chính", ("Lê Thanh Hà",), "Phòng Cải cách hành chính"),
        ("Tin, ảnh: Hồng Nhung", ("Hồng Nhung",), ""),
        ("PGS, TS. NGUYỄN VĂN BÌNH", ("Nguyễn Văn Bình",), ""),
        ("Trần Thu Hà - Công chức Tư pháp - Hộ tịch", ("Trần Thu Hà",), "Công chức Tư pháp - Hộ tịch"),
        ("Đăng bởi: admin", (), ""),  # the portal's account names nobody
        ("Posted by: Quản trị viên", (), ""),
        ("Đăng bởi: admin_auco", (), ""),  # a log-in name
        ("Người đăng: thanhvinh_admin", (), ""),
        ("Ghi chép của ĐÌNH THẢO", ("Đình Thảo",), ""),
        ("✍️ Tin, ảnh: Hoàng Oanh", ("Hoàng Oanh",), ""),
        ("Hà Thu - VP HĐND&UBND phường", ("Hà Thu",), "VP HĐND&UBND phường"),
        ("Tin: Hoàng Yến - Ảnh: Minh Quân", ("Hoàng Yến", "Minh Quân"), ""),
        ("Hoàng Anh/TNTV", ("Hoàng Anh",), "TNTV"),
        ("Nguyễn Hoa/VOV-Đông Bắc", ("Nguyễn Hoa",), "VOV-Đông Bắc"),
        ("Lê Văn Tâm - Hội Nông dân xã Khánh Bình", ("Lê Văn Tâm",), "Hội Nông dân xã Khánh Bình"),
        ("Nội dung: Thanh Hà - Ảnh: Hoàng Mạnh - Thiết kế: Minh Thư", ("Thanh Hà", "Hoàng Mạnh"), ""),
        ("H'Luyến Niê", ("H'Luyến Niê",), ""),
    ],
)
def test_bylines(line, authors, affiliation):
    byline = parse_byline(line)
    assert byline is not None and (byline.authors, byline.affiliation) == (authors, affiliation)


@pytest.mark.parametrize(
    "line",
    [
        "Sự hài lòng của người dân là thước đo",
        "Vượt nhiều chỉ tiêu theo Nghị quyết đã đề ra",
        "UBND tỉnh ban hành Thông báo số 72/TB-UBND",
        "Hội nghị tổng kết năm 2023",
        "Kết quả đạt được:",
        "Các đồng chí lãnh đạo tỉnh ấn nút ra mắt hệ thống.",
        "THÔNG BÁO",
        "Kế Hoạch",
        "Hội nghị tổng kết công tác cải cách hành chính",
        "Báo xấu",
        "THÔNG CÁO BÁO CHÍ",
        "Bài viết của chúng tôi.",
    ],
)
def test_text_is_not_a_byline(line):
    assert parse_byline(line) is None


def test_academic_titles_are_kept_apart_from_the_name():
    assert parse_byline("PGS.TS Trần Văn Bình").honorific == "PGS.TS."
    assert parse_byline("ThS. Nguyễn Văn An - Trường Chính trị tỉnh Hà Tĩnh").honorific == "ThS."


def test_categories():
    assert is_category("Tin hoạt động") and is_category("Thời sự") and is_category("Cải cách hành chính")
    assert not is_category("Tin hoạt động của tỉnh trong năm 2023 rất sôi nổi và có nhiều kết quả.")
    assert not is_category("Hà Tĩnh hướng đến nền hành chính hiện đại")


@pytest.mark.parametrize(
    "lead, source, rest",
    [
        ("(GLO)- Sáng 15/6, UBND tỉnh họp.", "GLO", "Sáng 15/6, UBND tỉnh họp."),
        ("(Quanlynhanuoc.vn) – Cải cách hành chính là…", "Quanlynhanuoc.vn", "Cải cách hành chính là…"),
        ("TT - Chiều 3/4, Sở Nội vụ tổ chức…", "TT", "Chiều 3/4, Sở Nội vụ tổ chức…"),
        ("(Baohaiduong.vn) - Năm 2023, tỉnh…", "Baohaiduong.vn", "Năm 2023, tỉnh…"),
        ("(1) Tăng cường công tác chỉ đạo.", "", "(1) Tăng cường công tác chỉ đạo."),
        ("(Ảnh: PV) Hội nghị", "", "(Ảnh: PV) Hội nghị"),
        ("UBND - HĐND tỉnh thống nhất…", "", "UBND - HĐND tỉnh thống nhất…"),
        ("Ngày 08/3/2024, UBND tỉnh ban hành…", "", "Ngày 08/3/2024, UBND tỉnh ban hành…"),
    ],
)
def test_source_prefixes(lead, source, rest):
    assert split_source_prefix(lead) == (source, rest)


def test_source_lines_at_the_foot():
    assert source_line("Theo Báo Hà Tĩnh") == "Báo Hà Tĩnh"
    assert source_line("Nguồn: baochinhphu.vn") == "baochinhphu.vn"
    assert source_line("Theo đó, UBND tỉnh giao Sở Nội vụ chủ trì, phối hợp với các đơn vị.") == ""


def test_keyword_lines():
    assert keywords_line("Từ khóa: cải cách hành chính, một cửa; chuyển đổi số") == (
        "cải cách hành chính",
        "một cửa",
        "chuyển đổi số",
    )
    assert keywords_line("Tags: #CCHC #PAR Index") == ("CCHC", "PAR Index")
    assert keywords_line("Từ khóa là những gì người đọc tìm kiếm.") == ()


@pytest.mark.parametrize(
    "line, date, category",
    [
        ("12/04/2024 Đăng bởi: admin", "2024-04-12", ""),
        ("Thứ Ba, 05/03/2024 - 10:20 | 88 lượt xem Đăng bởi: quản trị", "2024-03-05T10:20:00+07:00", ""),
        ("Chuyên mục: Tin hoạt động", "", "Tin hoạt động"),
        ("_Cập nhật: 2023-09-07 14:05_", "2023-09-07T14:05:00+07:00", ""),
        ("*Ngày đăng: 01/02/2023*", "2023-02-01", ""),
        ("21/03/24 412 Lượt xem", "2024-03-21", ""),  # a two-digit year, on a short dateline only
    ],
)
def test_meta_lines_with_labels_and_accounts(line, date, category):
    meta = parse_meta_line(line)
    assert meta is not None
    assert (meta.date.iso() if meta.date else "", meta.authors, meta.category) == (date, (), category)


def test_the_place_an_official_letter_is_dated_at_is_not_its_author():
    meta = parse_meta_line("Yên Lạc, ngày 14 tháng 6 năm 2021")
    assert meta is not None and meta.date is not None and meta.date.iso() == "2021-06-14" and meta.authors == ()


@pytest.mark.parametrize(
    "line, is_affiliation",
    [
        ("Học viện Hành chính Quốc gia", True),
        ("Phó Giám đốc Học viện Chính trị khu vực I", True),
        ("Khoa Nhà nước và pháp luật, Trường Chính trị tỉnh Bến Tre", True),
        ("Sở Nội vụ tỉnh Nghệ An", True),
        ("Sở Nội vụ tỉnh đã tổ chức hội nghị tập huấn cho công chức cấp xã.", False),  # a sentence
        ("Trường hợp hồ sơ chưa đầy đủ, công chức hướng dẫn bổ sung", False),
        ("Báo cáo kết quả cải cách hành chính quý III", False),
        ("Bộ phận một cửa cấp xã", False),
        ("Ban hành ngày 12/3/2024", False),
    ],
)
def test_affiliation_lines(line, is_affiliation):
    assert affiliation_line(line) is is_affiliation


def test_a_name_glued_to_its_dateline_is_the_author():
    meta = parse_meta_line("Việt Anh - Minh Hà Thứ năm, ngày 17/10/2024 14:20 PM (GMT+7)")
    assert meta is not None and meta.authors == ("Việt Anh", "Minh Hà") and meta.date.iso().startswith("2024-10-17")


def test_a_posts_age_and_a_compiled_mark_beside_a_byline():
    assert parse_meta_line("Hôm qua · Tác giả: Phòng Văn hóa - Xã hội").authors == ("Phòng Văn hóa - Xã hội",)
    meta = parse_meta_line("Phương Thảo (tổng hợp) Thứ bảy, ngày 05/07/2025 06:00 AM (GMT+7)")
    assert meta is not None and meta.authors == ("Phương Thảo",)


def test_a_body_credited_beside_a_person_is_the_source_not_an_author():
    assert people_over_bodies(("Sơn Hà", "Bộ Nội vụ")) == ("Sơn Hà",)
    assert people_over_bodies(("Báo Hà Tĩnh", "Ngọc Loan")) == ("Ngọc Loan",)
    assert people_over_bodies(("Trung tâm Phục vụ hành chính công tỉnh Thái Nguyên",)) == (
        "Trung tâm Phục vụ hành chính công tỉnh Thái Nguyên",
    )
    assert people_over_bodies(("Trần Văn Phòng", "Đỗ Thị Thu Hà")) == ("Trần Văn Phòng", "Đỗ Thị Thu Hà")


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        (
            "TS. Lê Thị Minh Nguyệt, ThS. Đặng Quốc Bảo (Trường Đại học Nội vụ Hà Nội)",
            ("Lê Thị Minh Nguyệt", "Đặng Quốc Bảo"),
        ),
        (
            "PGS.TS. Hà Quang Trung (Viện Khoa học tổ chức nhà nước), ThS. Lò Thị Kim Oanh (Sở Nội vụ tỉnh Sơn La)",
            ("Hà Quang Trung", "Lò Thị Kim Oanh"),
        ),
        ("TS. TRẦN THỊ MAI LAN - ThS. PHẠM QUỐC HƯNG", ("Trần Thị Mai Lan", "Phạm Quốc Hưng")),
        ("Viết bởi Nguyễn Minh Tuấn", ("Nguyễn Minh Tuấn",)),
        ("Hồng Nhung - CĐ ngành Giáo dục", ("Hồng Nhung",)),
    ],
)
def test_several_people_with_degrees_and_other_credits(line, authors):
    byline = parse_byline(line)
    assert byline is not None and byline.authors == authors


def test_a_degree_list_that_is_not_only_people_is_not_a_byline_of_several():
    byline = parse_byline("TS. Lê Văn An - Học viện Hành chính Quốc gia")
    assert byline is not None and byline.authors == ("Lê Văn An",)


def test_a_line_cut_short_is_not_an_organisation_byline():
    assert parse_byline("Cổng dịch vụ công (VD: d") is None
    byline = parse_byline("Sở Nội vụ (Phòng Cải cách hành chính)")
    assert byline is not None and byline.authors


def test_menu_words_are_not_bylines():
    assert parse_byline("Là Gì") is None
    assert parse_byline("Phòng, chống tác hại của thuốc lá") is None
    byline = parse_byline("Phòng Nội vụ")
    assert byline is not None and byline.authors == ("Phòng Nội vụ",)


@pytest.mark.parametrize(
    ("line", "authors", "affiliation"),
    [
        (
            "PGS.TS. Nguyễn Văn An (Học viện Hành chính quốc gia) TS. Trần Thị Bình (Trường Đại học Nội vụ Hà Nội)",
            ("Nguyễn Văn An", "Trần Thị Bình"),
            "Học viện Hành chính quốc gia",
        ),
        # a closing parenthesis lost, the second person's degree too: still two people
        (
            "PGS. TS. Lê Quang Minh (Trưởng Khoa Quản lý, Trường Đại học Kinh tế TP. HCM (UEH) Đỗ Hoài Nam "
            "(Phó Chủ tịch UBND thị xã Bình Long, tỉnh Bình Phước)",
            ("Lê Quang Minh", "Đỗ Hoài Nam"),
            "Trưởng Khoa Quản lý, Trường Đại học Kinh tế TP. HCM",
        ),
        (
            "TS. Phạm Đức (Viện Nhà nước và Pháp luật) và ThS. Vũ Hạnh (Bộ Nội vụ)",
            ("Phạm Đức", "Vũ Hạnh"),
            "Viện Nhà nước và Pháp luật",
        ),
    ],
)
def test_degreed_people_each_with_a_workplace_in_parentheses_are_the_authors(line, authors, affiliation):
    byline = parse_byline(line)
    assert byline is not None and byline.authors == authors and byline.affiliation == affiliation


def test_a_sentence_citing_a_degreed_person_is_no_byline():
    assert parse_byline("Theo TS. Lê Văn An (Học viện Hành chính quốc gia), cải cách hành chính cần kiên trì.") is None


def test_a_dateline_with_bare_view_and_comment_counts_behind_it():
    # NukeViet prints "Thứ sáu - 05/07/2024 18:44" then the views and the comments behind icons
    for line in ("Thứ sáu - 05/07/2024 18:44 106 0", "Thứ bảy - 12/10/2024 07:05 1.045 0"):
        meta = parse_meta_line(line)
        assert meta is not None and meta.date is not None and not meta.authors, line
    assert parse_meta_line("Ngày 12/10/2024 có 3 xã") is None  # words after the date: a sentence


def test_a_written_out_title_keeps_no_abbreviation_dot():
    assert parse_byline("Luật sư Nguyễn Hoàng Nam").honorific == "Luật sư"
    assert parse_byline("ThS Lê Minh").honorific == "ThS."


def test_a_section_name_before_a_bar_and_the_date():
    meta = parse_meta_line("DDCI Hậu Giang | 15/03/2021 14:26 GMT+7 | Nguyễn Trọng Nguyễn")
    assert meta is not None and meta.authors == ("Nguyễn Trọng Nguyễn",) and meta.category == "DDCI Hậu Giang"
    # a related headline with its date is no dateline
    assert parse_meta_line("Huyện Bắc Hà công khai đường dây nóng về thủ tục đất đai | 05/03/2024") is None
