"""Bylines printed inside the body's opening (journals sign under the abstract)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reform_archive.importer.bylines import OPENING_LINES, take_opening_bylines
from reform_archive.importer.extract import extract
from reform_archive.importer.extracted import PageHints

ABSTRACT = (
    "Bài viết phân tích việc bố trí công chức dôi dư sau sắp xếp đơn vị hành chính cấp xã "
    "và rút ra ba bài học cho giai đoạn mới."
)
SECTION = (
    "Sau mỗi đợt sắp xếp, câu hỏi khó nhất với chính quyền cấp huyện không phải là trụ sở "
    "mà là con người, nhất là những công chức trẻ."
)


def test_a_degreed_name_with_its_workplace_under_the_abstract_is_the_byline():
    body = [ABSTRACT, "TS. VŨ HOÀNG NAM", "Học viện Hành chính Quốc gia", "1. Đặt vấn đề", SECTION]
    kept, found = take_opening_bylines(body, (), credited=False)
    assert kept == [ABSTRACT, "1. Đặt vấn đề", SECTION]
    assert [b.authors for b in found] == [("Vũ Hoàng Nam",)]
    assert found[0].affiliation == "Học viện Hành chính Quốc gia"
    assert found[0].honorific == "TS."


def test_a_name_in_capitals_over_a_workplace_is_a_byline_but_not_when_the_page_already_credits_one():
    body = [ABSTRACT, "LÊ MINH ĐỨC", "Phòng Cải cách hành chính", SECTION]
    assert take_opening_bylines(body, (), credited=False)[0] == [ABSTRACT, SECTION]
    # a bulletin's second story signs its own: that is body, the page has its author
    assert take_opening_bylines(body, (), credited=True) == (body, [])


def test_a_plain_name_or_a_name_without_a_workplace_stays_in_the_body():
    for body in (
        [ABSTRACT, "Nguyễn Văn An", "Phòng Cải cách hành chính", SECTION],  # could be a caption's
        [ABSTRACT, "TS. VŨ HOÀNG NAM", SECTION],
    ):  # nothing says it signs the article
        assert take_opening_bylines(body, (), credited=False) == (body, [])


def test_lines_opening_with_the_metadata_authors_are_their_bylines():
    body = [
        "- Nguyễn Thị Lan Phương Khoa Luật, Trường Đại học Đà Lạt, Lâm Đồng, Việt Nam",
        "- Phan Văn Long1,*",
        "- Tác giả liên hệ",
        ABSTRACT,
    ]
    kept, found = take_opening_bylines(body, ("Nguyễn Thị Lan Phương", "Phan Văn Long"), credited=True)
    assert kept == [ABSTRACT]
    assert [b.authors for b in found] == [("Nguyễn Thị Lan Phương",), ("Phan Văn Long",)]
    assert found[0].affiliation.startswith("Khoa Luật")


def test_a_sentence_opening_with_an_authors_name_is_prose():
    body = [ABSTRACT, "Phan Văn Long cho biết Trung tâm đã tiếp nhận 164 hồ sơ trong ngày đầu.", SECTION]
    assert take_opening_bylines(body, ("Phan Văn Long",), credited=True) == (body, [])


def test_only_the_opening_is_searched():
    body = [SECTION] * OPENING_LINES + ["TS. VŨ HOÀNG NAM", "Học viện Hành chính Quốc gia"]
    assert take_opening_bylines(body, (), credited=False) == (body, [])


@given(
    st.lists(
        st.sampled_from(
            [
                ABSTRACT,
                SECTION,
                "TS. VŨ HOÀNG NAM",
                "Học viện Hành chính Quốc gia",
                "Tác giả liên hệ",
                "LÊ MINH ĐỨC",
                "- Phan Văn Long1,*",
                "",
            ]
        ),
        max_size=12,
    ),
    st.booleans(),
)
def test_no_line_is_invented_or_reordered(body, credited):
    kept, _ = take_opening_bylines(body, ("Phan Văn Long",), credited)
    it = iter(body)
    assert all(line in it for line in kept)  # a subsequence of the body
    assert kept.count(ABSTRACT) == body.count(ABSTRACT) and kept.count(SECTION) == body.count(SECTION)


def test_a_journal_page_gets_its_author_and_keeps_the_byline_out_of_the_text():
    page = "\n".join(
        [
            "Bố trí công chức dôi dư sau sắp xếp cấp xã",
            "Ngày đăng: 05/09/2023",
            "Tóm tắt",
            ABSTRACT,
            "TS. VŨ HOÀNG NAM",
            "Học viện Hành chính Quốc gia",
            "1. Đặt vấn đề",
            SECTION,
        ]
    )
    article = extract(page).article
    assert article is not None
    assert article.authors == ("Vũ Hoàng Nam",)
    assert article.affiliation == "Học viện Hành chính Quốc gia"
    assert "VŨ HOÀNG NAM" not in article.body and SECTION in article.body


def test_metadata_authors_printed_with_their_workplaces_are_not_body_text():
    page = "\n".join(
        [
            "Mức độ sẵn sàng chuyển đổi số của công chức cấp xã",
            "Nguyễn Thị Lan Phương Khoa Luật, Trường Đại học Đà Lạt, Việt Nam",
            ABSTRACT,
            SECTION,
        ]
    )
    article = extract(page, hints=PageHints(authors=("Nguyễn Thị Lan Phương",))).article
    assert article is not None
    assert "Khoa Luật" not in article.body
    assert article.authors == ("Nguyễn Thị Lan Phương",)


def test_a_role_before_the_name_and_an_office_after_it_are_not_authors():
    from reform_archive.importer.metadata import parse_byline

    for line, name in (
        ("CTV Đoàn Diểu/THĐT", "Đoàn Diểu"),
        ("PV Minh Anh", "Minh Anh"),
        ("Phóng viên Thu Hà", "Thu Hà"),
        ("Nguyễn Thanh – P. ĐM", "Nguyễn Thanh"),
    ):
        byline = parse_byline(line)
        assert byline is not None and byline.authors == (name,), line
    two = parse_byline("Minh Anh - Quốc Tuấn")
    assert two is not None and two.authors == ("Minh Anh", "Quốc Tuấn")
