"""Category and tag pages by the name their address spells (importer/listing.py, kind.py)."""

from __future__ import annotations

from reform_archive.importer.extract import extract
from reform_archive.importer.listing import address_label, printed_label, spelled_label

TEASER = (
    "Sáng 19-7, tại Hà Nội, Thủ tướng Chính phủ chủ trì phiên họp của Ban Chỉ đạo cải cách hành chính, "
    "sơ kết công tác 6 tháng đầu năm và bàn phương hướng cho những tháng cuối năm."
)


def test_the_address_names_the_section_or_the_tag():
    assert address_label("http://news.example.vn/chinh-tri-xa-hoi/cai-cach-hanh-chinh/") == [
        "cai",
        "cach",
        "hanh",
        "chinh",
    ]
    assert address_label("https://bao.example.vn/giam-sat-cai-cach-hanh-chinh-tag90821.html")[0] == "giam"
    assert address_label("https://bao.example.vn/sap-nhap-tinh-ptag.html") == ["sap", "nhap", "tinh"]
    assert address_label("http://so.example.gov.vn/GroupNews/5/Cai-cach-hanh-chinh.html")[-1] == "chinh"
    assert address_label("https://bao.example.vn/chinh-tri-page-58.htm") == ["chinh", "tri"]
    # an article's address spells a headline, longer than a section's name; a file names a document
    assert address_label("https://bao.example.vn/quoc-hoi-chot-ca-nuoc-con-34-tinh-thanh-pho-4897740.html") == []
    assert address_label("https://so.example.gov.vn/uploads/ban-tin-cchc-so-01-2025.pdf") == []


def test_the_printed_name_over_a_longer_headline():
    lines = ["Chính trị - Xã hội Cải cách hành chính", "", "Hướng đến nhóm 10 địa phương dẫn đầu", TEASER]
    assert printed_label(lines, "http://news.example.vn/chinh-tri-xa-hoi/cai-cach-hanh-chinh/") == "Cải cách hành chính"
    assert printed_label(
        ["đô thị đặc biệt", "Cải cách hành chính ở TP.HCM còn chậm", TEASER], "https://x.vn/do-thi-dac-biet.html"
    )
    assert not printed_label(["Cải cách hành chính"], "https://x.vn/cai-cach-hanh-chinh.html")  # nothing under it


def test_a_copy_of_a_category_page_with_one_teaser_is_a_draft_named_after_the_category():
    page = "\n\n".join([",", "Cải cách hành chính", "Phiên họp thứ năm của Ban Chỉ đạo cải cách hành chính", TEASER])
    article = extract(page, "http://so.example.gov.vn/Chuyen-muc/Cai-cach-hanh-chinh.html").article
    assert article is not None and article.draft and "category or tag page" in article.draft_reason
    assert article.title == "Cải cách hành chính" and not article.title_inferred
    # a tag page that does not print its tag: the address spells it, and the title says it is a guess
    tagged = extract(
        "\n\n".join(["Định hướng sáp nhập tỉnh, bỏ cấp huyện", TEASER]), "https://m.x.vn/sap-nhap-tinh-tag285766.html"
    )
    assert tagged.article is not None and tagged.article.draft
    assert tagged.article.title == "Sáp nhập tỉnh" and tagged.article.title_inferred
    assert spelled_label([], "https://x.vn/search?key=cai+cach") == ""


def test_a_headline_with_the_page_time_run_onto_it():
    page = "\n\n".join(
        [
            " date 2024-11 12 tỉnh, thành sáp nhập: Giảm 1 đơn vị hành chính cấp huyện 14/11/2024 09:49",
            "(PLO)- " + TEASER,
            TEASER,
        ]
    )
    article = extract(
        page, "https://plo.example.vn/12-tinh-thanh-sap-nhap-giam-1-don-vi-hanh-chinh-cap-huyen-post819738.html"
    ).article
    assert article is not None
    assert article.title == "12 tỉnh, thành sáp nhập: Giảm 1 đơn vị hành chính cấp huyện"
    assert article.date is not None and article.date.iso().startswith("2024-11")


def test_a_listing_has_no_date_of_its_own_and_its_name_comes_from_a_tag_folder_or_the_query():
    page = "\n\n".join(["Cắt giảm", "Thủ tướng: Cắt giảm thủ tục còn hình thức", TEASER, "12/03/2024 10:15"])
    article = extract(page, "https://bao.example.vn/tag/cat-giam/trang-3").article
    assert article is not None and article.draft and article.date is None
    assert article.title == "Cắt giảm"
    assert address_label("https://x.vn/home/tochuc?CategorySlug=cai-cach-hanh-chinh") == [
        "cai",
        "cach",
        "hanh",
        "chinh",
    ]
    assert address_label("https://x.vn/tag/chinh-quyen-dia-phuong/page/2")[0] == "chinh"
    assert spelled_label(["Bài mới"], "https://x.vn/node/10489") == ""  # a script's word names nothing


def test_an_article_address_with_a_list_page_number_left_on_it_is_still_an_article():
    page = "\n\n".join(["Hướng dẫn tự đánh giá, chấm điểm Chỉ số cải cách hành chính", TEASER, "Ngày đăng: 12/03/2024"])
    article = extract(page, "http://so.example.gov.vn/node/195660?page=6").article
    assert article is not None and not article.draft_reason
    listing = extract(page, "http://so.example.gov.vn/tin-tuc?page=6").article
    assert listing is not None and listing.draft_reason


def test_a_wordpress_post_address_is_no_listing():
    page = "\n\n".join(["Tuổi trẻ Thanh Khê ra quân ngày thứ Bảy tình nguyện", TEASER, TEASER])
    article = extract(page, "http://doan.example.org.vn/web/?p=10541").article
    assert article is not None and not article.draft_reason
    assert article.title == "Tuổi trẻ Thanh Khê ra quân ngày thứ Bảy tình nguyện"


def test_a_tag_run_together_is_read_as_its_syllables():
    assert address_label("https://bao.example.vn/tu-khoa/ngaydauvanhanh-tag55872.html", split=True) == [
        "ngay",
        "dau",
        "van",
        "hanh",
    ]
    page = "\n\n".join(["Hà Nội: ngày đầu vận hành chính quyền hai cấp suôn sẻ", TEASER])
    article = extract(page, "https://bao.example.vn/tu-khoa/ngaydauvanhanh-tag55872.html").article
    assert article is not None and article.title.lower() == "ngày đầu vận hành"


def test_a_tag_address_ending_in_dot_tag():
    page = "\n\n".join(
        ["Thứ năm, 30/05/2024 11:24 (GMT+7)", "Năm 2023 và quyết tâm tạo đột phá cải cách hành chính", TEASER]
    )
    article = extract(page, "https://bao.example.vn/thu-tuc-hanh-chinh-cong-90272.tag").article
    assert article is not None and article.draft and article.date is None
    assert article.title == "Thủ tục hành chính công"


def test_a_category_named_in_the_query_is_a_listing():
    page = '"Cải cách hành chính là việc khó mấy cũng phải làm" Thủ tướng nhấn mạnh tại phiên họp…'
    article = extract(page, "https://x.example.vn/home/tochuc?CategorySlug=cai-cach-hanh-chinh").article
    assert article is not None and article.draft and article.title == "Cải cách hành chính"
