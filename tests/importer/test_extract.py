"""The whole pure pipeline: never raises, loses no sentence, always writes valid content."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from reform_archive.importer.decode import decode
from reform_archive.importer.extract import extract
from reform_archive.importer.normalise import normalise_text
from reform_archive.importer.output import edited_by_hand, render
from reform_archive.source.markup import plain_text, to_html
from reform_archive.source.parse import parse_article

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
SYLLABLES = [
    "cải",
    "cách",
    "hành",
    "chính",
    "một",
    "cửa",
    "an",
    "do",
    "no",
    "to",
    "huyện",
    "tỉnh",
    "hồ",
    "sơ",
    "47,18%",
    "72/TB-UBND",
    "*",
    "_",
    "#",
    "[",
    "]",
    "<b>",
    "|",
    "\\",
    "`",
    "&amp;",
    "(CCHC)",
    "2023.",
    "1.",
    "-",
    ":",
    "!",
    "{",
    "}",
    ">",
    "~",
    "=",
    "Hà",
    "Nội",
    "Ủy",
    "ban",
    "x < y",
]
FIRST_WORDS = ["Trong", "Năm", "Công", "Ngoài", "Huyện", "Sở", "Theo", "Hội"]


def page_and_sentences(words: list[list[str]]) -> tuple[str, list[str]]:
    sentences = [f"{FIRST_WORDS[i % len(FIRST_WORDS)]} " + " ".join(w) + " kết quả tốt." for i, w in enumerate(words)]
    page = "\n\n".join(
        [
            "Tiêu đề bài viết về cải cách hành chính",
            "Tin hoạt động | 09-09-2022 | 12 lượt xem",
            *sentences,
            "Phòng Nội vụ",
            "Ý kiến bạn đọc (0)",
            "Nhập thông tin của bạn:",
        ]
    )
    return page, sentences


# a sentence of nine words or more once markup is gone ("<b>" is a tag, not a word): what reads as prose
SENTENCE_WORDS = st.lists(st.sampled_from(SYLLABLES), min_size=9, max_size=30).filter(
    lambda words: sum(1 for word in words if word != "<b>") >= 9
)


@settings(max_examples=60, deadline=None)
@given(st.lists(SENTENCE_WORDS, min_size=1, max_size=6))
def test_every_body_sentence_survives(words):
    page, sentences = page_and_sentences(words)
    extraction = extract(normalise_text(page))
    article = extraction.article
    assert article is not None, extraction.error
    rendered = plain_text(to_html(article.body))
    for sentence in sentences:
        assert " ".join(normalise_text(sentence).split()) in rendered  # entities such as &amp; are decoded
    assert "lượt xem" not in rendered and "Ý kiến bạn đọc" not in rendered
    assert article.authors == ("Phòng Nội vụ",) and article.category == "Tin hoạt động"


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises_on_any_text(text):
    extraction = extract(normalise_text(text))
    assert (extraction.article is None) == bool(extraction.error)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=400))
def test_never_raises_on_any_bytes(data):
    decoded = decode(data)
    if decoded.text is not None:
        extract(normalise_text(decoded.text))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=200), min_size=1, max_size=8), st.text(max_size=80))
def test_what_is_written_is_always_valid_content(paragraphs, title):
    page = "\n\n".join(
        [
            title.replace("\n", " "),
            "Ngày 27/02/2023 09:04:52",
            *(p + " và các nội dung khác của hội nghị cải cách hành chính năm nay." for p in paragraphs),
        ]
    )
    extraction = extract(normalise_text(page))
    if extraction.article is None:
        return
    text = render(extraction.article, slug="", raw="_raw/x.txt", source_sha256="a" * 64, encoding="utf-8")
    article, problems = parse_article(text, "x.md", TZ)
    assert article is not None, problems
    assert [p for p in problems if p.level == "error"] == []
    assert article.title == extraction.article.title
    assert not edited_by_hand(text)
    assert edited_by_hand(text + "Một câu editor thêm vào.\n")


def test_hard_wrapped_paragraphs_are_joined_and_the_portal_becomes_the_source():
    page = (
        "Cổng thông tin điện tử tỉnh Hòa Bình\nGiới thiệu | Tin tức | Văn bản | Liên hệ\n"
        "Hòa Bình đẩy mạnh chuyển đổi số\n09-09-2022\n\n"
        "Sáng nay, UBND tỉnh Hòa Bình tổ chức hội nghị triển khai\nkế hoạch chuyển đổi số năm 2022 với sự\n"
        "tham dự của các sở, ngành.\n\nHội nghị thống nhất nhiều giải pháp\ncụ thể cho từng lĩnh vực.\n"
    )
    article = extract(normalise_text(page)).article
    assert article.title == "Hòa Bình đẩy mạnh chuyển đổi số"
    assert [b.kind for b in article.blocks] == ["paragraph", "paragraph"]
    assert article.blocks[0].text == (
        "Sáng nay, UBND tỉnh Hòa Bình tổ chức hội nghị triển khai kế hoạch chuyển "
        "đổi số năm 2022 với sự tham dự của các sở, ngành."
    )
    assert article.source_name == "Cổng thông tin điện tử tỉnh Hòa Bình"


LEAD = (
    "Sáng 12/3, Sở Nội vụ tổ chức hội nghị triển khai nhiệm vụ cải cách hành chính năm 2024 "
    "với sự tham gia của lãnh đạo các sở, ngành và địa phương."
)
CLOSING = (
    "Hội nghị thống nhất giao Sở Nội vụ theo dõi, đôn đốc và tổng hợp kết quả thực hiện "
    "của các đơn vị trước ngày 15 hằng tháng."
)


def test_lines_that_cannot_open_or_close_an_article_are_left_out_around_it():
    page = "\n".join(
        [
            "Sở Nội vụ triển khai nhiệm vụ cải cách hành chính năm 2024",
            "12/03/2024 08:15",
            "Góc nhìn cơ sở",  # a column label between the title and the lead
            LEAD,
            CLOSING,
            "Trân trọng thông báo./.",  # a short closing sentence is article text
            "- Phụ lục kèm theo;",  # so is a list item
            "Kênh kết nối chính quyền với người dân",  # a slogan under the article is not
        ]
    )
    article = extract(page).article
    assert article is not None
    body = article.plain_body()
    assert "Trân trọng thông báo" in body and "Phụ lục kèm theo" in body and CLOSING in body
    assert "Góc nhìn cơ sở" not in body and "Kênh kết nối" not in body


def test_a_byline_with_posts_gives_one_author_and_an_affiliation():
    page = "\n".join(
        [
            "Xây dựng đội ngũ công chức chuyên nghiệp ở cấp xã",
            "Ngày đăng: 06/06/2024",
            "TS. Trần Văn Bình",
            "Phó Trưởng khoa Nhà nước và pháp luật",
            "Học viện Chính trị khu vực III",
            LEAD,
            CLOSING,
        ]
    )
    article = extract(page).article
    assert article is not None
    assert article.authors == ("Trần Văn Bình",) and article.honorific == "TS."
    assert article.affiliation == "Phó Trưởng khoa Nhà nước và pháp luật"
    assert "Học viện" not in article.plain_body()


def test_a_posts_emoji_are_not_its_headline_and_accounts_are_not_its_authors():
    from reform_archive.importer.extracted import PageHints

    page = "\n".join(["📢 Xã Đông Thành ra mắt tổ công nghệ số cộng đồng ✅", "14/07/2025 08:30", LEAD, CLOSING])
    article = extract(page, "https://hanoionline.vn/a-1.htm", PageHints(authors=("admin", "Hanoionline"))).article
    assert article is not None
    assert article.title == "Xã Đông Thành ra mắt tổ công nghệ số cộng đồng" and article.authors == ()


def test_a_headline_hard_wrapped_over_two_lines_is_joined():
    page = "\n".join(
        ["SỞ NỘI VỤ", "", "SỞ NỘI VỤ TRIỂN KHAI NHIỆM VỤ", "CẢI CÁCH HÀNH CHÍNH NĂM 2024", "", LEAD, CLOSING]
    )
    article = extract(page).article
    assert article is not None
    assert article.title_original == "SỞ NỘI VỤ TRIỂN KHAI NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024"


def test_a_lead_ending_with_a_colon_a_post_cut_short_and_an_emoji_ending_are_kept():
    intro = "Thực hiện quy định về nghỉ lễ, Trung tâm Phục vụ hành chính công thông báo lịch làm việc như sau:"
    cut = "Người dân lưu ý mang theo căn cước hoặc đăng nhập sẵn ứng dụng VNeID để tra cứu, tránh phải… Xem thêm"
    thanks = "UBND xã trân trọng cảm ơn bà con đã tham gia góp ý để phục vụ Nhân dân ngày càng tốt hơn ❤️"
    page = "\n".join(
        [
            "Thông báo lịch tiếp nhận hồ sơ dịp nghỉ lễ Quốc khánh",
            "29/08/2025",
            intro,
            "1. Trung tâm nghỉ tiếp nhận hồ sơ trực tiếp từ thứ Bảy ngày 30/8/2025.",
            LEAD,
            CLOSING,
            cut,
            thanks,
            "Có thể là hình ảnh về 6 người",
        ]
    )
    article = extract(page).article
    assert article is not None
    body = article.plain_body() + article.summary
    assert intro in body and cut in body and thanks in body


def test_a_pdf_paragraph_wrapped_at_a_number_and_a_word_cut_at_its_hyphen_are_joined():
    from reform_archive.importer.lines import join_wrapped_lines

    lines = [
        "Thực hiện Kế hoạch của Ban Thường vụ Huyện ủy về chuyển đổi số năm",
        "2025, thời gian qua các xã đã",
        "hướng dẫn bà con cài đặt ứng dụng VNe-",
        "ID trên điện thoại.",
        "Hội nghị trực tuyến về cải cách hành chính",
        "14/3/2024 08:00",
        "Thông báo về lịch tiếp nhận hồ sơ của Trung tâm",
        "3 giờ trước",
    ]
    assert join_wrapped_lines(lines) == [
        "Thực hiện Kế hoạch của Ban Thường vụ Huyện ủy về chuyển đổi số năm 2025, thời gian qua các xã đã "
        "hướng dẫn bà con cài đặt ứng dụng VNe-ID trên điện thoại.",
        "Hội nghị trực tuyến về cải cách hành chính",
        "14/3/2024 08:00",
        "Thông báo về lịch tiếp nhận hồ sơ của Trung tâm",
        "3 giờ trước",
    ]


def test_a_headline_wrapped_over_three_lines_and_a_second_line_starting_with_và():
    page = "\n".join(
        ["ĐẨY MẠNH TRIỂN KHAI", "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH", "VÀ CHUYỂN ĐỔI SỐ NĂM 2024", "", LEAD, CLOSING]
    )
    article = extract(page).article
    assert article is not None
    assert article.title_original == "ĐẨY MẠNH TRIỂN KHAI NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH VÀ CHUYỂN ĐỔI SỐ NĂM 2024"


def test_a_journals_keywords_under_its_abstract_stay_in_the_body_and_tag_the_article():
    from reform_archive.importer.normalise import normalise_text

    abstract = (
        "Tóm tắt: Bài viết phân tích thực trạng chỉ số năng lực cạnh tranh cấp tỉnh của Bình Phước "
        "và đề xuất một số giải pháp nâng cao chỉ số trong những năm tới."
    )
    keywords = "Từ khóa: chỉ số năng lực cạnh tranh cấp tỉnh, môi trường đầu tư, tỉnh Bình Phước."
    text = normalise_text(
        "\n\n".join(
            [
                "Nâng cao chỉ số năng lực cạnh tranh cấp tỉnh của Bình Phước",
                abstract,
                keywords,
                "1. Mở đầu",
                "Chỉ số năng lực cạnh tranh cấp tỉnh được dùng để đánh giá chất lượng điều hành kinh tế của chính "
                "quyền các tỉnh, thành phố trong cả nước.",
            ]
        )
    )
    article = extract(text).article
    assert "Từ khóa:" in article.body
    assert {"môi trường đầu tư", "tỉnh Bình Phước"} <= set(article.tags)
