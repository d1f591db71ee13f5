"""Shapes found on real pages the importer was not fit on, each as a small page of our own:
the header's clock, a CMS's empty date, question headlines, widgets printed twice, social
networks' pages, credits and tags under the article, cited documents' dates."""

from __future__ import annotations

import pytest

from reform_archive.importer.blocks import repeated_widgets
from reform_archive.importer.chrome import bare_domain, is_chrome_line
from reform_archive.importer.controls import is_post_meta
from reform_archive.importer.dates import find_dates
from reform_archive.importer.extract import extract
from reform_archive.importer.lines import join_wrapped_lines, split_banner
from reform_archive.importer.metadata import credits_a_writer, parse_byline
from reform_archive.importer.sources import keywords_line

LEAD = (
    "Sáng 12/3, UBND xã Tân Lập tổ chức hội nghị triển khai kế hoạch cải cách hành chính năm 2025 với sự "
    "tham gia của cán bộ, công chức xã và trưởng các thôn."
)
BODY = (
    "Theo kế hoạch, xã tập trung rà soát thủ tục hành chính, tăng tỷ lệ hồ sơ trực tuyến và nâng cao chỉ "
    "số hài lòng của người dân đối với bộ phận một cửa."
)
CLOSING = "Hội nghị cũng giao các thôn tuyên truyền để người dân biết cách nộp hồ sơ qua điện thoại."


def page(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def test_the_header_clock_is_never_taken_as_the_date_of_a_page_without_a_dateline():
    text = page(
        "Thứ Sáu, 15/08/2025",
        "UBND XÃ TÂN LẬP",
        "Trang chủ | Giới thiệu | Tin tức | Liên hệ",
        "Tin tức",
        "",
        "Xã Tân Lập triển khai kế hoạch cải cách hành chính năm 2025",
        "",
        LEAD,
        "",
        BODY,
        "",
        CLOSING,
    )
    article = extract(text).article
    assert article is not None
    # the lead's day with the year the text names beats the day the page was copied; either way it is flagged
    assert article.date_inferred
    assert article.date is None or article.date.value.date().isoformat() != "2025-08-15"


def test_a_dateline_under_the_headline_is_still_firm_with_a_clock_above():
    text = page(
        "Thứ Sáu, 15/08/2025",
        "UBND XÃ TÂN LẬP",
        "Trang chủ | Giới thiệu | Tin tức | Liên hệ",
        "Tin tức",
        "",
        "Xã Tân Lập triển khai kế hoạch cải cách hành chính năm 2025",
        "Ngày đăng: 12/03/2025 09:15",
        "",
        LEAD,
        "",
        BODY,
        "",
        CLOSING,
    )
    article = extract(text).article
    assert article is not None and not article.date_inferred
    assert article.date.value.date().isoformat() == "2025-03-12"


@pytest.mark.parametrize("line", ["Cập nhật lúc: 00:00 - 01/01/1970", "01/01/1900", "1970-01-01"])
def test_a_cms_empty_date_is_no_date(line):
    assert find_dates(line) == []


def test_a_question_headline_with_the_dateline_under_it_is_the_headline_not_the_lead():
    question = "Người dân cần biết: nộp hồ sơ ở đâu khi không còn chính quyền cấp huyện?"
    text = page("Trang chủ / Tin tức", question, "Đăng ngày 03 - 10 - 2025 | Lượt xem: 412", LEAD, "", BODY)
    article = extract(text).article
    assert article is not None
    assert article.title == question and not article.title_inferred
    assert article.date.value.date().isoformat() == "2025-10-03"


def test_a_question_headline_over_its_byline_and_lead_is_the_headline():
    question = "Công chức nghỉ việc do sắp xếp bộ máy được hưởng những khoản gì?"
    text = page(
        "Pháp luật › Bạn đọc hỏi - Luật sư trả lời",
        "",
        "Tue, 04/03/2025 - 15:40",
        "",
        question,
        "",
        "THU UYÊN",
        "",
        LEAD,
        "",
        BODY,
    )
    article = extract(text).article
    assert article is not None
    assert article.title == question and not article.title_inferred
    assert article.authors == ("Thu Uyên",)


@pytest.mark.parametrize(
    "line",
    [
        "Xã hội › Chính trị",
        "Tin tức - Sự kiện > Phổ biến, giáo dục pháp luật",
        "Chính quyền địa phương 2 cấp » Thông báo",
    ],
)
def test_a_section_trail_without_home_is_chrome(line):
    assert is_chrome_line(line)


def test_a_headline_glued_behind_a_trail_is_not_a_trail():
    assert not is_chrome_line(
        "Tin tức > Hà Tĩnh đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính cho người dân"
    )


def test_a_widget_printed_twice_loses_its_later_copy_inside_the_article():
    lines = [
        "TRA CỨU HỒ SƠ",
        "Nhập mã biên nhận",
        "Tra cứu",
        "",
        "Tiêu đề",
        LEAD,
        "",
        BODY,
        "",
        "TRA CỨU HỒ SƠ",
        "Nhập mã biên nhận",
        "Tra cứu",
        "",
        CLOSING,
    ]
    assert repeated_widgets(lines) == {9, 10, 11}
    assert repeated_widgets([LEAD, BODY, LEAD, BODY]) == set()  # sentences are never a widget


@pytest.mark.parametrize(
    "line",
    [
        "Ghi chú: Tin bài được chuyển từ Cổng thông tin điện tử tỉnh Bình Định (trước ngày 01/7/2025).",
        "Lưu ý: bài viết được chuyển từ Trang thông tin điện tử thị trấn cũ (trước sắp xếp).",
        "Nhập mã biên nhận hồ sơ",
        "Nhập từ khóa...",
        "- 576 lượt xem",
        "- www.doanhtri.net",
        ".",
        "|",
        "Bạn gặp vấn đề gì khi xem video này ?",
    ],
)
def test_carried_over_notes_form_prompts_bulleted_counters_and_stray_marks_are_chrome(line):
    assert is_chrome_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Lưu ý: người dân cần mang theo căn cước khi đến làm thủ tục tại bộ phận một cửa.",
        "Nhập mã hoặc quét mã QR tại màn hình, ngăn tủ tương ứng sẽ tự mở cho người dân.",
        "- Tăng cường cải cách thủ tục hành chính.",
    ],
)
def test_sentences_that_look_like_them_are_not(line):
    assert not is_chrome_line(line)


def test_a_bare_address_names_the_source():
    assert bare_domain("- www.baohatinh.vn") == "baohatinh.vn"
    assert bare_domain("Theo baohatinh.vn") == ""


@pytest.mark.parametrize(
    "line",
    [
        "Email hoặc điện thoại",
        "Bạn quên tài khoản ư?",
        "Theo dõi",
        "·",
        "Đã chia sẻ với Công khai",
        "Hôm qua lúc 16:40",
        "3 ngày",
        "Tất cả cảm xúc:",
        "Có thể là hình ảnh về 6 người và đám đông",
        "4.009 người quan tâm",
        "Số thông báo chưa đọc: 3",
    ],
)
def test_a_social_networks_buttons_and_menus_are_chrome(line):
    assert is_chrome_line(line)


def test_the_account_above_a_posts_age_is_the_poster_not_the_headline():
    text = page(
        "Facebook",
        "Email hoặc điện thoại",
        "Mật khẩu",
        "Đăng nhập",
        "Ủy ban nhân dân xã Cam Hiếu",
        "·",
        "Theo dõi",
        "12 tháng 5 lúc 08:15",
        "·",
        LEAD,
        BODY,
        CLOSING,
        "Thích",
        "Bình luận",
        "Chia sẻ",
    )
    assert is_post_meta("12 tháng 5 lúc 08:15")
    article = extract(text).article
    assert article is not None
    assert article.title_inferred and "Cam Hiếu" not in article.title


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Nội dung: Ngọc Thúy", ("Ngọc Thúy",)),
        ("Ảnh và bài: Hà Thu", ("Hà Thu",)),
        ("Bài: Minh Hường - Ảnh: Văn Chiến", ("Minh Hường", "Văn Chiến")),
        ("B.LIỄU - TR.NHAN |", ("B.LIỄU", "TR.NHAN")),
        ("N.Đạt", ("N.Đạt",)),
    ],
)
def test_credits_and_shortened_names(line, authors):
    byline = parse_byline(line)
    assert byline is not None and byline.authors == authors


def test_a_town_abbreviation_and_a_hashtag_are_not_names():
    assert parse_byline("TP.Huế") is None
    assert parse_byline("#Lào Cai") is None
    assert keywords_line("#Lào Cai") == ("Lào Cai",)


def test_credits_under_the_article_are_read_even_when_they_name_a_photographer():
    assert credits_a_writer("Bài: Minh Hường - Ảnh: Văn Chiến")
    assert not credits_a_writer("Ảnh: Văn Chiến")
    text = page(
        "Một cửa giữa đại ngàn",
        "",
        LEAD,
        "",
        BODY,
        "",
        CLOSING,
        "",
        "Bài: Minh Hường - Ảnh: Văn Chiến",
        "Thích 96",
        "Chia sẻ 11",
    )
    article = extract(text).article
    assert article is not None and article.authors == ("Minh Hường", "Văn Chiến")


def test_a_list_item_does_not_continue_the_line_above():
    lines = [
        "Bản tin cải cách hành chính ngày 10/10/2025",
        "1. Hà Nội tiến tới chính quyền số hiện đại",
        "2. Đồng Nai rút ngắn thời gian giải quyết thủ tục đất đai",
    ]
    assert join_wrapped_lines(lines) == lines
    long_line = "Tỉnh đã ban hành kế hoạch triển khai thực hiện nhiệm vụ trọng tâm trong năm"
    assert join_wrapped_lines([long_line, "2025, thời gian qua các sở đã tích cực"]) == [
        f"{long_line} 2025, thời gian qua các sở đã tích cực"
    ]


def test_a_paragraph_cut_before_an_acronym_goes_on_but_a_headline_does_not():
    started = (
        "Ngày 10/3, Tổ công tác Đề án 06 huyện tổ chức hội nghị đánh giá kết quả quý I năm 2025. Đồng chí Phó Chủ tịch"
    )
    assert join_wrapped_lines([started, "UBND huyện, Tổ trưởng Tổ công tác chủ trì hội nghị."]) == [
        f"{started} UBND huyện, Tổ trưởng Tổ công tác chủ trì hội nghị."
    ]
    headline = "Huyện Đức Thọ số hóa hơn 96.000 trang sổ hộ tịch và cấp phiếu lý lịch tư pháp trên VNeID"
    lead = "UBND huyện Đức Thọ vừa tổ chức hội nghị đánh giá kết quả triển khai Đề án 06 quý I."
    assert join_wrapped_lines([headline, lead]) == [headline, lead]
    byline = "PGS.TS. Hà Quang Trung (Viện Khoa học tổ chức nhà nước và lao động), ThS. Lò Thị Kim Oanh"
    summary = "Tóm tắt: Việc kết thúc hoạt động của cấp huyện đặt ra yêu cầu phân định lại thẩm quyền."
    assert join_wrapped_lines([byline, summary]) == [byline, summary]


def test_a_chrome_line_in_lower_case_does_not_continue_the_headline():
    headline = "Người dân ngày càng hài lòng với cơ quan hành chính"
    assert join_wrapped_lines([headline, "image |", "lượt xem: 842"]) == [headline, "image |", "lượt xem: 842"]


def test_a_scrapers_date_field_run_into_the_lead_goes_on_its_own_line():
    from reform_archive.importer.lines import split_date_field

    lead = (
        "Khi những thủ tục hành chính được đưa lên môi trường số, người dân ở các xã vùng cao "
        "không còn phải đi hàng chục cây số đến trụ sở."
    )
    assert split_date_field([f" date 2025-12-18 {lead}"]) == ["date 2025-12-18", lead]
    headline = " date 2025-08-24 Hà Nam vận hành Trung tâm Phục vụ hành chính công"
    assert split_date_field([headline]) == [headline]


def test_a_scrapers_date_field_run_into_the_headline_is_taken_off_it():
    text = page(
        " date 2025-08-24 Phường Tân Định vận hành Trung tâm phục vụ hành chính công sau sắp xếp", "", LEAD, "", BODY
    )
    article = extract(text).article
    assert article is not None
    assert article.title == "Phường Tân Định vận hành Trung tâm phục vụ hành chính công sau sắp xếp"
    assert article.date.value.date().isoformat() == "2025-08-24"


def test_a_cited_documents_date_is_never_the_articles():
    lead = (
        "Thực hiện Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ, xã Tân Lập tiếp tục kiện toàn "
        "bộ phận một cửa và công khai đầy đủ thủ tục hành chính tại trụ sở."
    )
    article = extract(page("Xã Tân Lập kiện toàn bộ phận một cửa", "", lead, "", BODY)).article
    assert article is not None
    assert article.date is None or article.date.value.date().isoformat() != "2018-04-23"
    assert article.draft or article.date_inferred


def test_a_mobile_section_page_of_cards_with_ages_is_a_list_of_headlines():
    from reform_archive.importer.kind import not_article_reason

    cards = []
    for n in range(5):
        cards += [
            f"Xã {n} công bố kết quả giải quyết hồ sơ trực tuyến quý III",
            f"{n + 2} ngày trước",
            "Người dân được hướng dẫn nộp hồ sơ qua ứng dụng.",
        ]
    assert "list of headlines" in not_article_reason(cards, "Chính trị", "\n".join(cards))


def test_a_phone_directory_is_not_an_article_but_a_notice_with_one_hotline_is():
    from reform_archive.importer.kind import not_article_reason

    desks = [f"- Quầy số {n}, lĩnh vực hộ tịch, chứng thực: 0229.3855.10{n}" for n in range(5)]
    assert "directory" in not_article_reason(desks, "Số điện thoại các quầy", "\n".join(desks))
    notice = [LEAD, BODY, "Mọi vướng mắc xin liên hệ đường dây nóng của xã: 0229.3855.101", CLOSING]
    assert not_article_reason(notice, "Xã Tân Lập công khai đường dây nóng", "\n".join(notice)) == ""


def test_a_police_post_about_residence_and_id_cards_is_reform_news():
    from reform_archive.importer.kind import not_article_reason

    post = [
        "Công an xã hướng dẫn chủ nhà trọ thông báo lưu trú cho khách qua ứng dụng VNeID và cấp căn cước "
        "cho trẻ em dưới 6 tuổi theo nhu cầu của cha mẹ, thực hiện tại trụ sở hoặc trên điện thoại."
    ] * 3
    assert not_article_reason(post, "Thông báo lưu trú qua ứng dụng", "\n".join(post)) == ""


def test_a_headline_run_into_the_lead_is_split_from_it_but_words_like_vneid_are_not():
    from reform_archive.importer.lines import split_glued_headline

    glued = "Phường Tân Định vận hành trung tâm sau sắp xếp" + LEAD
    assert split_glued_headline(["Trang chủ", glued, BODY]) == [
        "Trang chủ",
        "Phường Tân Định vận hành trung tâm sau sắp xếp",
        LEAD,
        BODY,
    ]
    words = "Người dân dùng VNeID và eKYC trên iPhone để nộp hồ sơ trực tuyến ở mọi nơi, mọi lúc."
    assert split_glued_headline([words]) == [words]
    assert split_glued_headline([LEAD, "Câu sauđó Viết liền"]) == [LEAD, "Câu sauđó Viết liền"]  # only up to the lead


def test_a_poll_and_a_question_box_are_chrome_wherever_the_sidebar_lands():
    from reform_archive.importer.blocks import polls

    lines = [
        LEAD,
        "BÌNH CHỌN",
        "Bạn đánh giá thế nào về Cổng thông tin điện tử huyện?",
        "Rất hữu ích",
        "Hữu ích",
        "Bình thường",
        "Biểu quyết",
        "Xem kết quả",
        BODY,
        "Tôi muốn làm lại căn cước cho con thì nộp hồ sơ ở đâu?",
        "Gửi câu hỏi",
        "Tra cứu câu trả lời",
        CLOSING,
    ]
    assert polls(lines) == {1, 2, 3, 4, 5, 6, 7, 9, 10, 11}
    quoted = [LEAD, "Vì sao người dân vẫn phải đi lại nhiều lần?", BODY]  # a question in the article stays
    assert polls(quoted) == set()


@pytest.mark.parametrize(
    "line",
    [
        "QUÉT MÃ ĐỂ THEO DÕI ZALO OA UBND XÃ QUỲNH LƯƠNG",
        "Mã QR Zalo UBND xã",
        "Banner Dịch vụ công trực tuyến",
        "Chủ tịch UBND xã: 0913.275.640",
        "ĐƯỜNG DÂY NÓNG",
        "Thời tiết",
        "Quên tên đăng nhập?",
        "Gửi câu hỏi",
        "Cơ quan của Bộ Tư pháp",
        "Google News",
    ],
)
def test_sidebar_boxes_lines_are_chrome(line):
    assert is_chrome_line(line)


def test_places_and_headings_in_capitals_are_not_peoples_names():
    for heading in ("Thái Nguyên", "HÀM THUẬN BẮC", "Thủ Tục Hành Chính", "Văn Bản Mới", "Ban hành"):
        assert parse_byline(heading) is None, heading
    for name in ("Thanh Hà", "Nguyễn Văn An", "Ban Tuyên giáo"):  # a short district name is also a person's
        assert parse_byline(name) is not None, name


def test_a_scrapers_loose_dump_gives_its_title_and_author_fields():
    dump = page(
        '{ "url": "https://baotinh.vn/tin/mot-cua.html",',
        '"title": "Xã Tân Lập kiện toàn bộ phận một cửa",',
        '"time": "12/03/2025 09:15",',
        "author: 'Minh Châu'",
        f'"content": "{LEAD}',
        BODY,
        f'{CLOSING}" }}',
    )
    article = extract(dump).article
    assert article is not None
    assert article.title == "Xã Tân Lập kiện toàn bộ phận một cửa" and not article.title_inferred
    assert article.authors == ("Minh Châu",)
    assert article.date.value.date().isoformat() == "2025-03-12"


def test_a_question_headline_over_its_lead_is_the_headline_but_a_qa_question_is_body():
    question = "Xã mới rộng gấp năm lần, người dân vùng xa đi làm thủ tục ra sao?"
    article = extract(page("Dân trí", "Xã hội", question, LEAD, BODY, CLOSING)).article
    assert article is not None and article.title == question and not article.title_inferred
    asked = "Hỏi: Từ ngày 1/7/2025, người dân làm thủ tục hành chính ở đâu khi không còn cấp huyện?"
    qa = extract(page("HỎI - ĐÁP VỀ CHÍNH QUYỀN HAI CẤP", asked, LEAD, BODY)).article
    assert qa is not None and asked in qa.body


def test_a_messaging_accounts_card_is_chrome_but_not_the_headline_under_it():
    from reform_archive.importer.blocks import account_cards

    card = [
        "Trung tâm Phục vụ hành chính công tỉnh",
        "Tài khoản chính thức",
        "Kênh thông tin, hướng dẫn thủ tục hành chính của Trung tâm.",
        "18,6K người quan tâm",
        "Quan tâm",
        LEAD,
    ]
    assert account_cards(card) == {0, 1, 2, 3, 4}
    top = [
        "UBND xã Gia Hưng",
        "Tài khoản đã xác thực",
        "4.009 người quan tâm",
        "Quan tâm",
        "THÔNG BÁO",
        "Cấp căn cước cho trẻ em dưới 6 tuổi: phụ huynh cần chuẩn bị gì?",
        LEAD,
    ]
    found = account_cards(top)
    assert {0, 1, 2, 3} <= found and 5 not in found  # "THÔNG BÁO" is a section label either way


@pytest.mark.parametrize(
    "line", ["Lượt xem 1,2K", "1,2K lượt xem", "Mở ứng dụng", "Trình chơi Video", "Tài khoản chính thức"]
)
def test_app_and_player_words_are_chrome(line):
    assert is_chrome_line(line)


def test_related_posts_from_the_same_account_end_the_article():
    from reform_archive.importer.chrome import RELATED_HEADING

    assert RELATED_HEADING.match("Bài viết khác từ Trung tâm Phục vụ hành chính công tỉnh Thái Nguyên")
    assert not RELATED_HEADING.match("Bài của Minh Châu")  # a credit, not a list


def test_a_word_like_vneid_is_never_taken_apart_for_a_title():
    from reform_archive.importer.title_choice import _unglued

    assert _unglued("trên ứng dụng VNeID mà không phải đến Trung tâm") == ""
    assert _unglued("Chuyển đổi sốHà Nam vận hành Trung tâm") == "Hà Nam vận hành Trung tâm"
    assert (
        _unglued("Cải cách hành chínhTHÍ ĐIỂM TIẾP NHẬN HỒ SƠ") == "THÍ ĐIỂM TIẾP NHẬN HỒ SƠ"
    )  # a headline in capitals


def test_a_portals_author_field_and_a_reprints_reporter_are_authors():
    from reform_archive.importer.sources import reporter_for

    assert parse_byline("Tác giả bài viết: Minh Trang").authors == ("Minh Trang",)
    assert reporter_for("Theo Đức Tuân (Báo Điện tử Chính phủ)") == ("Đức Tuân", "Báo Điện tử Chính phủ")
    assert reporter_for("Theo TTXVN") is None  # an outlet alone is the source, not a reporter
    office = "Phòng Xây dựng chính quyền và Công tác thanh niên"  # an office of nine words signs too
    assert parse_byline(office).authors == (office,)
    text = page("Xã Tân Lập kiện toàn bộ phận một cửa", "", LEAD, "", BODY, "", "Theo Đức Tuân (Báo Điện tử Chính phủ)")
    article = extract(text).article
    assert article is not None and article.authors == ("Đức Tuân",) and article.source_name == "Báo Điện tử Chính phủ"


def test_a_menu_copied_with_two_spaces_between_items_stays_a_menu_but_justified_text_does_not():
    from reform_archive.importer.normalise import normalise_text

    menu = "Mới nhất  Thời sự  Góc nhìn  Thế giới  Kinh doanh  Pháp luật"
    assert normalise_text(menu) == "Mới nhất | Thời sự | Góc nhìn | Thế giới | Kinh doanh | Pháp luật\n"
    assert is_chrome_line(normalise_text(menu).strip())
    justified = "Thực hiện Kế hoạch  của Ban Thường vụ  Huyện ủy về đẩy  mạnh chuyển đổi số  năm"
    assert normalise_text(justified) == " ".join(justified.split()) + "\n"


def test_a_question_headline_over_its_byline_and_dateline_is_the_headline():
    question = "Đăng ký khai sinh trực tuyến: vì sao vẫn phải lên xã ký sổ?"
    # as on a real page, the article answers the question in its words
    lead = (
        "Nhiều bạn đọc hỏi vì sao đã đăng ký khai sinh trực tuyến cho con nhưng vẫn phải lên xã ký sổ hộ "
        "tịch; công chức tư pháp xã Tân Lập giải thích quy định hiện hành."
    )
    article = extract(page("Bạn đọc", question, "Lam Giang", "03/09/2024 14:10", lead, BODY)).article
    assert article is not None and article.title == question and article.authors == ("Lam Giang",)


def test_a_documents_subject_in_a_sidebar_is_not_the_headline():
    text = page(
        "VĂN BẢN MỚI",
        "V/v đẩy nhanh tiến độ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
        "Ban hành: 20/02/2025",
        "",
        "Hàm Thuận Bắc số hóa hơn 80% kết quả giải quyết thủ tục cấp xã",
        "Ngày đăng: 12/03/2025",
        LEAD,
        BODY,
    )
    article = extract(text).article
    assert article is not None and article.title.startswith("Hàm Thuận Bắc")


def test_a_headline_printed_under_a_video_pages_description_with_its_date_is_the_headline():
    description = (
        "Ban chỉ đạo cải cách hành chính của tỉnh vừa công bố kết quả chỉ số năm 2024, theo đó nhiều "
        "địa phương có bước tiến rõ rệt nhờ đẩy mạnh dịch vụ công trực tuyến và số hóa hồ sơ."
    )
    text = page(
        description, "", "Bắc Giang: Sự chuyển mình trong cải cách hành chính", "", "05/05/2025", "", LEAD, "", BODY
    )
    article = extract(text).article
    assert article is not None
    assert article.title == "Bắc Giang: Sự chuyển mình trong cải cách hành chính" and not article.title_inferred
    assert article.date.value.date().isoformat() == "2025-05-05"


def test_a_how_to_keeps_its_headline_and_its_first_steps():
    title = "HƯỚNG DẪN ĐĂNG KÝ THƯỜNG TRÚ QUA DỊCH VỤ CÔNG TRỰC TUYẾN"
    step = "Bước 1: Công dân bấm vào đăng nhập tài khoản"
    text = page(
        title,
        "",
        "I. ĐĂNG KÝ THƯỜNG TRÚ",
        "",
        step,
        "",
        "Bước 2: Tìm kiếm thủ tục cư trú muốn thực hiện",
        "",
        LEAD,
        "",
        BODY,
    )
    article = extract(text, "https://congan.example.gov.vn/huong-dan-dang-ky-thuong-tru-qua-dich-vu-cong.html").article
    assert article is not None
    assert article.title.lower() == title.lower()  # a step is never the headline
    assert step in article.body and "I. ĐĂNG KÝ THƯỜNG TRÚ" in article.body  # nor chrome above the lead


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "CƠ QUAN CỦA TRUNG ƯƠNG HỘI - TIẾNG NÓI CỦA CỰU CHIẾN BINH VIỆT NAM Trị bệnh “sợ trách nhiệm”",
            ["CƠ QUAN CỦA TRUNG ƯƠNG HỘI - TIẾNG NÓI CỦA CỰU CHIẾN BINH VIỆT NAM", "Trị bệnh “sợ trách nhiệm”"],
        ),
        ("PGS, TS NGUYỄN VĂN THÀNH - Học viện Chính trị quốc gia Hồ Chí Minh", None),  # a byline
        ("UBND TỈNH HÀ TĨNH triển khai kế hoạch cải cách hành chính", None),  # capitals in a sentence
        ("Hà Nội: UBND TP yêu cầu rút ngắn thời gian giải quyết hồ sơ", None),
    ],
)
def test_a_masthead_glued_to_the_headline_is_split_off(line, expected):
    assert split_banner([line, LEAD]) == (expected or [line]) + [LEAD]


def test_a_month_in_the_address_takes_the_leads_full_day_in_that_month():
    lead = (
        "Theo Lịch tiếp công dân, vào ngày 17/12/2024, Chủ tịch UBND tỉnh chủ trì tiếp công dân định kỳ; "
        "tuy nhiên, việc tiếp công dân định kỳ tháng 12/2024 không thể diễn ra theo kế hoạch."
    )
    article = extract(page(lead, "", BODY), "https://example.gov.vn/thong-tin/2024/12/861-hoan-tiep-cong-dan").article
    assert article is not None and article.date_inferred
    assert article.date.value.date().isoformat() == "2024-12-17"


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("T/h: Vỹ Phượng", ("Vỹ Phượng",)),
        ("Tổng hợp: Minh Anh", ("Minh Anh",)),
        ("ST: Báo Nhân dân", None),
        ("Tổng hợp: số liệu của Sở Nội vụ", None),
    ],
)
def test_whoever_compiled_the_piece_signs_it(line, authors):
    byline = parse_byline(line)
    assert (byline.authors if byline else None) == authors


@pytest.mark.parametrize(
    ("url", "opening"),
    [
        ("http://news.example.vn/chinh-tri-page-58.htm", []),  # a category's 58th page
        ("https://ipa.example.gov.vn/tin-tuc?pagenumber=7", []),
        ("https://bao.example.vn/cap-tinh.html", ["Tags:", "", "cấp tỉnh"]),  # a tag page says so
    ],
)
def test_listing_and_tag_pages_are_drafts_with_the_reason(url, opening):
    text = page(*opening, "Bộ Nội vụ trình Chính phủ Đề án sắp xếp đơn vị hành chính cấp tỉnh", LEAD)
    article = extract(text, url).article
    assert article is not None and article.draft
    assert "page" in article.draft_reason


def test_a_procedure_records_fields_make_it_a_record_not_news():
    fields = [
        "Lĩnh vực:Công chức",
        "Cơ quan trực tiếp thực hiện TTHC:Cấp huyện",
        "Cơ quan phối hợp thực hiện:Các sở, ngành",
        "Cơ quan có thẩm quyền quyết định:Sở Nội vụ",
        "Nơi tiếp nhận:Cấp huyện",
        "Thời gian tiếp nhận:Từ thứ 2 đến thứ 6",
    ]
    article = extract(page("Thủ tục thi tuyển công chức", "", *fields, "", LEAD, BODY)).article
    assert article is not None and article.draft and "procedure record" in article.draft_reason


def test_an_article_on_page_one_or_with_tags_at_its_foot_stays_an_article():
    text = page(
        "Xã Tân Lập triển khai kế hoạch cải cách hành chính năm 2025",
        "Ngày đăng: 12/03/2025",
        LEAD,
        BODY,
        CLOSING,
        "Tags:",
        "cải cách hành chính",
    )
    article = extract(text, "https://example.gov.vn/tin-tuc/xa-tan-lap-page-1.html").article
    assert article is not None and not article.draft_reason


# Probe 6 (real pages, dev half): each shape again as a page of our own


def test_a_line_wholly_in_brackets_is_a_caption_never_the_headline():
    text = page("(Ảnh: quang cảnh buổi tiếp công dân)", LEAD, "", BODY, "", CLOSING)
    article = extract(text).article
    assert article is not None and article.title_inferred and not article.title.startswith("(")


def test_a_short_headline_the_address_runs_together_beats_a_long_line_of_the_list_under_it():
    text = page(
        "Lịch tiếp công dân",
        "",
        "00:00 17/09/2018",
        "",
        "1. Lịch tiếp công dân thường xuyên:",
        "- Buổi sáng: Từ 7 giờ 30 đến 11 giờ 30",
        "- Buổi chiều: Từ 13 giờ 30 đến 16 giờ 30",
        "Thứ Bảy, Chủ nhật và ngày lễ: Nghỉ theo quy định",
        "2. Giám đốc Sở tiếp công dân:",
        "Định kỳ vào ngày 20 hàng tháng (nếu trùng ngày nghỉ thì chuyển sang ngày làm việc kế tiếp)",
        "- Khi Giám đốc Sở vắng mặt, Phó Giám đốc Sở được ủy quyền tiếp công dân theo đúng lịch đã thông báo.",
    )
    url = "https://so.example.gov.vn/Publishing/pPrint.aspx?UrlList=/cms/tintuc/Lists/lichtiepcongdan&ItemID=1"
    article = extract(text, url).article
    assert article is not None and article.title == "Lịch tiếp công dân"
    # the schedule's lines without a full stop stay in the body with its items
    assert "Nghỉ theo quy định" in article.body and "Định kỳ vào ngày 20 hàng tháng" in article.body


def test_a_bare_date_over_the_headline_beats_the_date_a_decision_was_issued_in_the_lead():
    issued = (
        "Ngày 30-9-2024, Ủy ban nhân dân tỉnh ban hành Quyết định số 2426/QĐ-UBND về Ngày chuyển đổi số của "
        "tỉnh, lấy ngày 10 tháng 10 hằng năm."
    )
    text = page("11/10/2024", "", "Tỉnh chọn ngày 10 tháng 10 là Ngày chuyển đổi số", "", issued, "", BODY)
    assert extract(text).article.date.value.date().isoformat() == "2024-10-11"
    # with no dateline, the issuing is the news: its date is still taken, flagged
    alone = extract(page("Tỉnh chọn ngày 10 tháng 10 là Ngày chuyển đổi số", "", issued, "", BODY)).article
    assert alone.date.value.date().isoformat() == "2024-09-30" and alone.date_inferred


def test_a_scraper_month_field_run_into_the_headline_gives_the_month():
    text = page(
        " date 2023-03 TP HCM: Người dân vẫn mất công vì giấy tờ rườm rà",
        "",
        "35 phút trước",
        "",
        "Nhiều người dân phản ánh vẫn phải xin giấy xác nhận cư trú dù sổ hộ khẩu đã bỏ từ năm 2021, "
        "nên mất thêm một buổi đi lại.",
        "",
        BODY,
    )
    article = extract(text).article
    assert article.title == "TP HCM: Người dân vẫn mất công vì giấy tờ rườm rà"
    assert (article.date.value.year, article.date.value.month, article.date.precision) == (2023, 3, "month")


@pytest.mark.parametrize("dateline", ["April 15, 2025 2:54 PM GMT+7", "Nhóm PV Thời sự • 15/04/2025"])
def test_a_dateline_printed_under_the_standfirst_leaves_the_body(dateline):
    sapo = (
        "Sau một tháng vận hành, Trung tâm Phục vụ hành chính công xã Tân Lập đã tiếp nhận hơn 500 hồ sơ "
        "trực tuyến, gấp đôi cùng kỳ năm trước."
    )
    text = page("Xã Tân Lập đón 500 hồ sơ trực tuyến trong tháng đầu", "", sapo, "", dateline, "", BODY, "", CLOSING)
    article = extract(text).article
    assert article.date.value.date().isoformat() == "2025-04-15"
    assert "15/04" not in article.body and "2025" not in article.body.split(BODY, 1)[0]


def test_a_procedure_record_flattened_into_a_table_is_not_an_article():
    text = page(
        "Nội dung yêu cầu |",
        "Cách thức thực hiện Hình thức nộp | Thời hạn giải quyết | Phí, lệ phí | Mô tả | Trực tiếp | "
        "15 Ngày làm việc | | Trong thời hạn 15 ngày làm việc kể từ ngày nhận đủ hồ sơ. | Thành phần hồ "
        "sơBao gồmTrình tự thực hiệnBước 1: Nộp hồ sơ tại Bộ phận một cửa của xã.",
    )
    assert "procedure record" in extract(text).article.draft_reason


@pytest.mark.parametrize(
    "url",
    [
        "https://mattran.example.vn/tags/SGFpIER1b25n=/hai-duong-giam-sat.html",
        "https://bo.example.gov.vn/Pages/ChuyenMuc/PhanTrang/1753/10/Chuyen-doi-so.html",
    ],
)
def test_a_tag_folder_or_a_listings_page_ten_is_not_an_article(url):
    teaser = (
        "Hải Dương: Nâng cao vai trò giám sát tại cơ sở 13:52 15/07/2024 (Mặt trận) - Chính quyền cấp xã "
        "là cầu nối giữa người dân và Nhà nước trong giải quyết thủ tục hành chính..."
    )
    assert "address says so" in extract(page(teaser), url).article.draft_reason


def test_theo_before_a_persons_name_and_department_is_a_byline_not_part_of_the_name():
    assert parse_byline("Theo Đặng Thị Hồng Thảo, Phòng Tổng hợp") is not None
    byline = parse_byline("Theo Đặng Thị Hồng Thảo, Phòng Tổng hợp")
    assert byline.authors == ("Đặng Thị Hồng Thảo",) and byline.affiliation == "Phòng Tổng hợp"


def test_a_page_cut_mid_sentence_keeps_the_whole_sentences_of_its_last_paragraph():
    cut = (
        "Để triển khai, các bộ đã ban hành 58 thông tư hướng dẫn mô hình chính quyền hai cấp. Các văn bản "
        "này quy định về thủ tục và biểu mẫu, có hiệu lực từ ng"
    )
    article = extract(page("Hơn 2.000 thủ tục sẽ được thực hiện trực tuyến", "", LEAD, "", BODY, "", cut)).article
    assert "58 thông tư hướng dẫn mô hình chính quyền hai cấp." in article.body
    assert "có hiệu lực từ ng" not in article.body


@pytest.mark.parametrize("label", ["", "Chính quyền - đoàn thể ", " date 2025-08-25 Xây dựng Đảng "])
def test_the_address_tells_the_headline_in_a_line_that_runs_label_headline_and_standfirst_together(label):
    glued = (
        f"{label}“Gỡ khó công nghệ” ở từng thôn, bản Nhằm giúp người dân vùng xa tiếp cận dịch vụ công, các "
        "xã đã đưa tổ công nghệ về tận nhà dân hỗ trợ nộp hồ sơ trực tuyến."
    )
    url = "https://bao.example.vn/go-kho-cong-nghe-o-tung-thon-ban-3300241.html"
    article = extract(page(glued, "", BODY, "", CLOSING), url).article
    assert article.title == "“Gỡ khó công nghệ” ở từng thôn, bản" and not article.title_inferred
    assert article.body.startswith("Nhằm giúp người dân vùng xa")
    assert article.category == label.replace(" date 2025-08-25", "").strip()


def test_a_slug_cut_short_or_a_headline_printed_above_leaves_the_lead_alone():
    lead = (
        "Hướng dẫn đánh giá mức độ chuyển đổi số cấp xã năm 2023 được Sở ban hành để các xã tự chấm điểm "
        "trước ngày 30/11 và gửi kết quả về Sở."
    )
    cut = "https://so.example.gov.vn/huong-dan-danh-gia-muc-do-chuyen-doi-so-cap-xa-123456.html"
    article = extract(page(lead, "", BODY), cut).article
    assert article.body.startswith("Hướng dẫn đánh giá") and article.title_inferred  # "… cấp xã năm 2023": cut
    printed = page("Hướng dẫn đánh giá mức độ chuyển đổi số cấp xã", "", lead, "", BODY)
    article = extract(printed, cut).article
    assert article.title == "Hướng dẫn đánh giá mức độ chuyển đổi số cấp xã" and article.body.startswith(
        "Hướng dẫn đánh giá"
    )


# Corpus layouts added in session 30 (fit split): their shapes as tests of their own


def test_a_dnn_author_date_categories_line_is_read_as_one_dateline():
    from reform_archive.importer.metadata import parse_meta_line

    meta = parse_meta_line("Author: Consular Section/Thursday, July 11, 2024/Categories: Consular News")
    assert meta.date.value.date().isoformat() == "2024-07-11"
    assert meta.authors == ("Consular Section",) and meta.category == "Consular News"
    assert parse_meta_line("Author: SuperUser Account/Friday, May 2, 2025/Categories: News").authors == ()


def test_a_posted_on_line_with_a_bare_view_count_is_a_dateline():
    from reform_archive.importer.metadata import parse_meta_line

    meta = parse_meta_line("Tin đăng ngày: 6/2/2020 - Xem: 92")
    assert meta.date.value.date().isoformat() == "2020-02-06" and meta.category == "" and meta.authors == ()


def test_a_question_headline_over_a_byline_with_a_comma_and_a_workplace_is_the_headline():
    question = "Chính quyền cấp xã sau sắp xếp: gần dân hơn hay xa dân hơn?"
    text = page(
        "VIỆN NGHIÊN CỨU PHÁT TRIỂN",
        "CHÍNH SÁCH & ĐỜI SỐNG",
        question,
        "Tin đăng ngày: 6/2/2020 - Xem: 92",
        "",
        "Phan Văn Lộc,",
        "",
        "Phòng Nghiên cứu Văn hóa - Xã hội",
        "",
        LEAD,
        "",
        BODY,
    )
    article = extract(text).article
    assert article.title == question and not article.title_inferred


def test_a_paragraph_hard_wrapped_before_a_name_is_one_line_again():
    text = page(
        "Xã Lâm Hà tuyên truyền dịch vụ công trực tuyến tại các ấp",
        "Ngày đăng: 15/09/2023",
        "Nhằm nâng cao tỷ lệ hồ sơ nộp trực tuyến, trong tháng 9, UBND xã Lâm Hà phối hợp với",
        "Đoàn Thanh niên và Công an xã tổ chức các buổi tuyên truyền tại nhà văn hóa các ấp.",
        "",
        BODY,
    )
    article = extract(text).article
    assert article.title == "Xã Lâm Hà tuyên truyền dịch vụ công trực tuyến tại các ấp"
    assert "phối hợp với Đoàn Thanh niên" in article.body


def test_an_english_listing_with_read_more_and_a_pager_is_not_an_article():
    text = page(
        "News",
        "",
        "Online passport applications now available for citizens abroad",
        "Vietnamese citizens living abroad can now apply for a passport online through the portal...",
        "Read more",
        "",
        "Consular working hours during the holiday season",
        "The Consular Section will be closed from December 25 to January 1...",
        "Read more",
        "",
        "First1234NextLast",
    )
    assert extract(text, "https://embassy.example.org/en-us/news").article.draft_reason


def test_an_english_article_about_procedures_is_on_topic():
    text = page(
        "Residents get land-use certificates at commune level",
        "Updated: 14:20, 25/09/2025",
        "Residents of two districts no longer need to travel to the provincial capital to collect their "
        "land-use certificates, as commune service centres now issue them directly.",
        "Since the two-tier local government model took effect on July 1, the communes have received more "
        "than 12,000 land applications, most of them for transfers between family members.",
        "The province aims to digitise all land records by the end of 2026.",
    )
    assert extract(text).article.draft_reason == ""


# Probe 7 (real pages, dev half)


def test_a_notice_title_over_its_legal_grounds_is_the_headline_and_the_grounds_stay():
    title = "Lịch tiếp công dân định kỳ của Chủ tịch UBND xã Tân Lập năm 2025 (sau khi sáp nhập)"
    text = page(
        title,
        "Căn cứ Luật Tiếp công dân số 42/2013/QH13;",
        "Căn cứ Nghị định số 64/2014/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật Tiếp công dân;",
        "Ủy ban nhân dân xã Tân Lập thông báo lịch tiếp công dân năm 2025 như sau:",
        "I. LỊCH TIẾP CÔNG DÂN",
        "1. Tiếp công dân định kỳ",
        "Chủ tịch UBND xã trực tiếp tiếp công dân vào thứ Năm hằng tuần tại Phòng tiếp công dân của UBND xã.",
        "",
        BODY,
    )
    article = extract(text, "https://xa.example.gov.vn/danh-muc/lich-tiep-cong-dan").article
    assert article.title == title
    assert article.body.startswith("Căn cứ Luật Tiếp công dân") and "thông báo lịch tiếp công dân" in article.body


def test_a_us_clock_before_a_month_first_date_is_read():
    text = page(
        "Streamlining administrative procedures to improve the investment climate",
        "",
        "9:06:30 AM | 4/19/2024",
        "",
        "Business associations say the number of procedures cut in 2023 was the largest in a decade, "
        "and ask for faster online services for land and construction permits.",
    )
    assert extract(text).article.date.value.date().isoformat() == "2024-04-19"


def test_an_item_number_is_never_an_inferred_title():
    text = page(
        "1. Lịch tiếp công dân định kỳ tại Phòng tiếp công dân của UBND phường vào thứ Năm hằng tuần. "
        "Người dân đến đúng giờ và mang theo giấy tờ tùy thân.",
        "",
        BODY,
    )
    article = extract(text).article
    assert article.title_inferred and article.title.startswith("Lịch tiếp công dân")


@pytest.mark.parametrize(
    ("url", "listing"),
    [
        ("https://blog.example.vn/tin-tuc/?p=7", True),
        ("https://luat.example.vn/tag/can-cuoc-cong-dan-bao-lau-moi-co-2022/", True),
    ],
)
def test_a_wordpress_tag_folder_is_a_listing(url, listing):
    teaser = "Căn cước công dân bao lâu mới có theo quy định mới nhất"
    assert bool(extract(page(teaser), url).article.draft_reason) is listing


def test_a_procedure_post_with_the_national_code_is_not_an_article_even_cut_short():
    text = page(
        "HỘ TỊCH",
        "THỦ TỤC LIÊN THÔNG: ĐĂNG KÝ KHAI SINH, ĐĂNG KÝ THƯỜNG TRÚ CHO TRẺ EM DƯỚI 6 TUỔI",
        "Ủy ban nhân dân phường công bố danh mục thủ tục hành chính liên thông như sau:",
        "Mã thủ tục: 2.000986.000.00.00.H29",
        "Số quyết định: 3150/QĐ-UBND-DM",
        "Tên thủ tục: Liên thông thủ tục hành chính về đăng ký khai sinh, đăng ký thường",
    )
    assert "procedure record" in extract(text).article.draft_reason


@pytest.mark.parametrize("line", ["7 phút đọc", "Thời gian đọc: 5 phút", "4 min read"])
def test_a_reading_time_is_chrome(line):
    assert is_chrome_line(line)


# Pages without a headline (the corpus's headline-less layouts, session 30)


@pytest.mark.parametrize("opening", ["Những con số ấn tượng", "Bà con lưu ý nhé!", "Từ chủ trương đến hành động"])
def test_a_short_opening_line_that_says_nothing_of_the_article_is_no_headline(opening):
    article = extract(page(opening, "", LEAD, "", BODY, "", CLOSING)).article
    assert article.title_inferred, article.title


def test_a_print_views_bar_and_print_time_are_chrome():
    text = page(
        "SỞ NỘI VỤ TỈNH PHÚ YÊN",
        "In bài viết | Đóng cửa sổ",
        "In lúc: 09:12 27/02/2025",
        "Sáng 5/7/2023, UBND tỉnh tổ chức hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm "
        "2023, trực tuyến đến các huyện.",
        BODY,
    )
    article = extract(text).article
    assert article.title_inferred and "Đóng cửa sổ" not in article.body and "In lúc" not in article.body
    # the title made from the lead ("… 6 tháng đầu năm 2023") is no date evidence: the lead's own date is
    assert article.date.value.date().isoformat() == "2023-07-05"


def test_a_social_posts_first_words_under_its_account_and_time_are_no_headline():
    text = page(
        "Zalo",
        "Nhật ký",
        "UBND xã Phú Thạnh",
        "Tài khoản đã xác thực",
        "14/08/2024 07:45",
        "Bà con lưu ý nhé! 📢",
        "Từ ngày 17/8/2024, Bộ phận một cửa xã tiếp nhận hồ sơ cả buổi sáng thứ Bảy để phục vụ bà con đi làm ăn xa.",
        "Bà con có thể nhắn tin cho tài khoản này để đặt lịch trước.",
        "❤️ 87",
    )
    article = extract(text).article
    assert article.title_inferred and article.title != "Bà con lưu ý nhé!"
