"""Page chrome is found by its shape, wherever it sits; article text never is."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reform_archive.importer.blocks import (
    about_boxes,
    related_blocks,
    repeated_alt_texts,
    repeated_text,
    running_heads,
    tail_start,
)
from reform_archive.importer.chrome import RELATED_HEADING, breadcrumb_category, is_chrome_line, is_prose
from reform_archive.importer.extract import extract

PROSE = (
    "Hội nghị đã thống nhất đánh giá, trong 10 năm qua, công tác cải cách hành chính được "
    "xác định là một trong ba đột phá chiến lược của tỉnh."
)


@pytest.mark.parametrize(
    "line",
    [
        "Lượt xem: 73",
        "Lượt xem tóm tắt: 1.046",
        "Lượt tải PDF: 87",
        "Số lượt xem bài viết: 12",
        "0 lượt xem",
        "• Đang truy cập: 1",
        "Tổng lượt truy cập: 1.234.567",
        "Đang online: 6",
        "Chia sẻ",
        "Facebook Twitter Zalo",
        "In bài | Gửi email",
        "Cỡ chữ: A- A A+",
        "Tương phản",
        "Theo dõi ICTVietnam trên",
        "Theo dõi Báo Gia Lai trên Google News",
        "Anh-tin-bai",
        "image banner",
        "https://example.gov.vn/uploads/2023/anh1.jpg",
        "Trang chủ > Tin tức > Cải cách hành chính",
        "Trang chủ / Tin tức sự kiện",
        "Đăng nhập",
        "POWERED BY ONECMS - A PRODUCT OF NEKO",
        "ipv6 ready Chung nhan Tin Nhiem Mang",
        "Xem thêm: Hà Tĩnh công bố chỉ số CCHC năm 2023",
        "[Ảnh] Quảng Trị: một buổi sáng ở bộ phận một cửa xã",
        "[Video] Người dân nộp hồ sơ qua ứng dụng",
        "Ngày nhận bài: 03/01/2024; Ngày duyệt đăng: 12/02/2024",
        "Ngày phản biện: 5/3/2022",
        "pho yen so hoa 100 ket qua giai quyet thu tuc",
        "Bấm vào đây để xem video hướng dẫn",
        "This is Google's cache of https://example.gov.vn/a.aspx. It is a snapshot of the page.",
        "Skip Ribbon Commands",
        "Skip to main content",
        "Bài viết Hội nghị tập huấn một cửa đã xuất hiện đầu tiên vào ngày Hội Luật gia tỉnh.",
        "Hôm nay: Thứ Tư, 06/04/2011 Chào mừng quý khách đến với Cổng thông tin điện tử huyện Chợ Mới!",
        "Chào mừng bạn đến với Trang thông tin điện tử xã Tân Lập",
        "Hôm nay, thứ Hai 12/05/2025",
        "- 132",
        "• 9",
        "Quét mã QR để tải ứng dụng Bắc Ninh số.",
        "Quét mã để theo dõi Fanpage",
        "a1",
        "h12",
        "IMG_2034",
        "DSC01234",
        "hinh-2",  # an image's file name standing for its alt text
        "Nhập câu hỏi, tình huống pháp lý cần tìm...",
        "Bài viết có hữu ích với bạn không?   Có   Không",
        "Tải về: Mẫu tờ khai căn cước CC01 dành cho người dưới 14 tuổi",
        "Nội dung nêu trên là phần giải đáp, hỗ trợ mang tính tham khảo; bạn đọc nên đối chiếu văn bản gốc.",
        "Thông tin trong bài chỉ mang tính chất tham khảo.",
        "Đăng ký nhận bản tin văn bản mới miễn phí qua email",
    ],
)
def test_chrome_lines(line):
    assert is_chrome_line(line)


@pytest.mark.parametrize(
    "line",
    [
        PROSE,
        "Sự hài lòng của người dân là thước đo",
        "Hà Tĩnh",
        "Chia sẻ kinh nghiệm cải cách hành chính",
        "Ảnh minh họa",
        "Quang cảnh hội nghị",
        "COVID-19",
        "2023",
        "[Ảnh] Lãnh đạo tỉnh trao giấy chứng nhận cho các đơn vị có thành tích xuất sắc trong năm qua.",
        "Ngày nhận hồ sơ được tính từ khi bộ phận một cửa cấp giấy biên nhận cho người dân.",
        "Quét mã lịch hẹn tại ki-ốt ở sảnh Trung tâm.",  # a photo's caption
        "A1",
        "Khu A1 của Trung tâm hành chính công",
    ],
)
def test_article_lines_are_not_chrome(line):
    assert not is_chrome_line(line) or line == "2023"  # a bare number is a counter's value


def test_breadcrumbs_give_the_category():
    assert breadcrumb_category("Trang chủ > Tin tức > Cải cách hành chính") == "Cải cách hành chính"
    assert breadcrumb_category("Trang chủ / Tin tức sự kiện") == "Tin tức sự kiện"


def test_the_tail_starts_where_no_prose_follows():
    lines = [
        "Tiêu đề",
        PROSE,
        PROSE,
        "Bài liên quan",
        "Tin một",
        "Tin hai",
        "Bản quyền thuộc về Sở Nội vụ",
        "Địa chỉ: 02A Trần Phú, thành phố Quy Nhơn, tỉnh Bình Định.",
        "Chịu trách nhiệm nội dung: Nguyễn Văn A, Giám đốc Sở Nội vụ tỉnh Bình Định, Trưởng ban biên tập.",
    ]
    assert tail_start(lines) == 3


def test_a_comment_form_ends_the_article_even_when_comments_follow():
    comment = "Tôi thấy bộ phận một cửa ở xã tôi làm việc rất nhanh, cán bộ nhiệt tình hướng dẫn người dân."
    lines = ["Tiêu đề", PROSE, PROSE, PROSE, "Ý kiến bạn đọc (2)", comment, comment]
    assert tail_start(lines) == 4


def test_a_stray_sentence_among_the_tail_widgets_does_not_keep_the_tail_in_the_article():
    poll = "Bạn đánh giá thế nào về việc giải quyết thủ tục hành chính tại Trung tâm Phục vụ hành chính công xã?"
    lines = [
        "Tiêu đề",
        PROSE,
        "",
        PROSE,
        "",
        PROSE,
        "",
        PROSE,
        "",
        PROSE,
        "",
        PROSE,
        "Chia sẻ:",
        "TIN CÙNG CHUYÊN MỤC",
        "Tin một (11/07/2025)",
        "THĂM DÒ Ý KIẾN",
        poll,
        "Rất hài lòng",
        "Hài lòng",
        "Gửi ý kiến",
    ]
    assert tail_start(lines) == 13
    # the article going on after a boxed "Tin cùng chuyên mục" is not a tail
    going_on = ["Tiêu đề", PROSE, PROSE, PROSE, PROSE, "TIN CÙNG CHUYÊN MỤC", "Tin một (11/07/2025)", PROSE, "", PROSE]
    assert tail_start(going_on) == len(going_on)


def test_a_marker_word_inside_the_article_is_not_the_tail():
    lines = ["Tiêu đề", PROSE, "Thống kê", PROSE, "Tin khác", PROSE]
    assert tail_start(lines) == len(lines)


def test_related_blocks_inside_the_page():
    lines = [
        PROSE,
        "Bài liên quan",
        "Hà Tĩnh công bố chỉ số CCHC",
        "Hội nghị trực tuyến toàn quốc",
        "",
        PROSE,
        "Các tin liên quan:",
        "",
        "Tin một (28-10-2022)",
        "",
        "Tin hai (19-10-2022)",
        "",
        PROSE,
    ]
    assert related_blocks(lines) == {1, 2, 3, 6, 7, 8, 9, 10}


def test_a_related_headline_that_reads_as_a_sentence_goes_with_its_age():
    question = "Người dân có phải đổi căn cước khi xã, phường sáp nhập hay vẫn dùng thẻ cũ?"
    lines = [
        PROSE,
        "Tin liên quan",
        question,
        "3 ngày trước",
        PROSE,
        "Cùng chuyên mục",
        question,
        "10:15 13/03/2025",
        PROSE,
    ]
    assert related_blocks(lines) == {1, 2, 3, 5, 6, 7}
    # without an age under it, a sentence after the heading is the article going on
    assert related_blocks([PROSE, "Tin liên quan", question, PROSE]) == {1}
    # but a Q&A site's related questions are its items
    assert related_blocks([PROSE, "Câu hỏi liên quan", question, question, "Hỏi đáp mới nhất", question]) == {
        1,
        2,
        3,
        4,
        5,
    }


def test_prose():
    assert is_prose(PROSE)
    assert not is_prose("Sự hài lòng của người dân là thước đo")
    assert not is_prose(
        "Những kết quả bước đầu trong một năm thực hiện Nghị quyết số 17-NQ/ĐU, ngày 31/8/2021 "
        "của Đảng ủy Sở Nội vụ tỉnh Bình Định (07-10-2022)"
    )


def test_site_names_and_menus_are_chrome():
    assert is_chrome_line("Cổng thông tin điện tử tỉnh Hòa Bình")
    assert is_chrome_line("Giới thiệu | Tin tức | Văn bản | Liên hệ")
    assert not is_chrome_line("Tin hoạt động | 09-09-2022 | 0 lượt xem")
    assert not is_chrome_line("Cổng thông tin điện tử của tỉnh đã kết nối với Cổng dịch vụ công quốc gia.")


@settings(deadline=2000, max_examples=50)  # a hang guard: some regular expressions backtrack exponentially
@given(
    st.lists(
        st.sampled_from(
            [
                "in",
                "chia sẻ",
                "a",
                "A-",
                "A+",
                "facebook",
                "12",
                "|",
                "-",
                "(",
                "ảnh:",
                "Thứ hai,",
                "1/1/2020",
                "12:30",
                "Nguyễn",
                "Văn",
                "tỉnh",
                "Trang chủ >",
                "x",
            ]
        ),
        min_size=20,
        max_size=200,
    ),
    st.sampled_from(["", "?", ".", " câu"]),
)
def test_long_repetitive_lines_do_not_hang(words, end):
    line = " ".join(words) + end
    is_chrome_line(line)
    extract(line + "\n" + line)


@pytest.mark.parametrize(
    "heading", ["Các bài khác", "Tin cùng chủ đề:", "Các tin bài khác", "Bài viết cùng lĩnh vực", "Tin đã đăng"]
)
def test_other_related_headings_drop_the_headlines_under_them(heading):
    lines = [PROSE, heading, "Huyện Yên Thế ra mắt tổ công nghệ số cộng đồng", "Tập huấn dịch vụ công cho công chức xã"]
    assert related_blocks(lines) == {1, 2, 3}


def test_an_alt_text_repeated_by_its_caption_is_dropped_and_the_caption_kept():
    lines = [
        "Công chức hướng dẫn người dân nộp hồ sơ.",
        "",
        "Công chức hướng dẫn người dân nộp hồ sơ. Ảnh: Thu Hà",
        "Công chức hướng dẫn người dân nộp hồ sơ trực tuyến tại bộ phận một cửa.",
    ]
    assert repeated_alt_texts(lines) == {0}


def test_a_pdf_copys_running_heads_and_page_numbers_go_and_a_caption_repeated_stays():
    head = "BẢN TIN CẢI CÁCH HÀNH CHÍNH Số 06 - Tháng 6/2024"
    lines = [
        head,
        "TIÊU ĐỀ BÀI VIẾT",
        PROSE,
        "Quang cảnh hội nghị",
        "Quang cảnh hội nghị",
        PROSE,
        PROSE,
        "Bản tin CCHC - Sở Nội vụ 14",
        head,
        PROSE,
        PROSE,
        PROSE,
        "15",
    ]
    assert running_heads(lines) == {0, 7, 8, 12}


def test_a_summary_box_above_the_story_is_chrome():
    from reform_archive.importer.blocks import summary_boxes

    lines = [
        "Đọc nhanh",
        "Nhiều phường bố trí bàn hướng dẫn riêng cho thủ tục đổi địa chỉ.",
        "Người dân không phải đổi giấy tờ chỉ vì tên phường thay đổi.",
        "Nghe bài viết",
        PROSE,
    ]
    assert summary_boxes(lines) == {0, 1, 2}


def test_a_related_word_above_the_article_is_a_menu_item_and_goes_alone():
    lines = [
        "Trang chủ",
        "Video",
        "Marketplace",
        "CÔNG AN TỈNH MỞ ĐỢT CAO ĐIỂM CẤP CĂN CƯỚC CHO TRẺ EM",
        PROSE,
        "Tin liên quan",
        "Huyện Yên Thế ra mắt tổ công nghệ số cộng đồng",
    ]
    assert related_blocks(lines) == {1, 5, 6}


@pytest.mark.parametrize(
    "line",
    [
        "Sử dụng các phím mũi tên Lên/Xuống để tăng hoặc giảm âm lượng.",
        "Video Player is loading.",
        "This is a modal window.",
        "Current Time 0:00",
        "Loaded: 0%",
        "Thời lượng 2:15",
        "Nghe đọc bài viết",
        "00:00 / 04:12",
        "Tắt tiếng",
    ],
)
def test_a_players_controls_are_chrome(line):
    assert is_chrome_line(line)


def test_a_sentence_about_playing_is_not_a_players_control():
    assert not is_chrome_line("Phát huy vai trò của Tổ công nghệ số cộng đồng trong hướng dẫn người dân.")


@pytest.mark.parametrize(
    "line",
    [
        "00:00 / 04:12 Tốc độ 1x",
        "Bạn thấy bài viết này thế nào?",
        "Bài viết có hữu ích với bạn không?",
        "Trình duyệt của bạn không hỗ trợ thẻ video.",
        "Trang 1 / 6",
        "Ảnh 2/3",
        "(Xem tiếp trang 8)",
        "(Tiếp theo trang 3)",
        "Tải văn bản: TB-lich-tiep-cong-dan-thang-9-2025.pdf",
        "Văn bản liên quan:",
    ],
)
def test_widgets_own_words_are_chrome(line):
    assert is_chrome_line(line) or RELATED_HEADING.match(line)


def test_a_social_pages_about_box_is_chrome():
    lines = [
        "UBND xã Hương Khê",
        "Giới thiệu",
        "Trang thông tin chính thức của Ủy ban nhân dân xã Hương Khê. Tiếp nhận phản ánh của người dân.",
        "Trang · Cơ quan chính phủ",
        "Tổ dân phố 6, xã Hương Khê, Hà Tĩnh",
        "0239 3871 xxx",
        "Đang mở cửa",
        PROSE,
    ]
    assert about_boxes(lines) == {1, 2, 3, 4, 5, 6}
    # "Giới thiệu" over an article's own text is not an about box
    assert about_boxes(["Giới thiệu", PROSE, PROSE]) == set()


def test_text_printed_twice_and_pull_quotes():
    quote = "“Số hóa chỉ có ý nghĩa khi lần sau người dân không phải nộp lại giấy tờ”"
    body = (
        "Số hóa chỉ có ý nghĩa khi lần sau người dân không phải nộp lại giấy tờ. Vì vậy, cần chuyển cách "
        "đánh giá từ đếm số lượng tệp sang kiểm tra tỷ lệ tái sử dụng."
    )
    lines = ["Tiêu đề", PROSE, quote, body, body]
    assert repeated_text(lines) == {2, 4}
    # a standfirst printed again as the first paragraph is left to the summary
    assert repeated_text(["Tiêu đề", PROSE, PROSE.upper(), body]) == set()
    assert repeated_text(["Tiêu đề", body, body, PROSE]) == set()


def test_a_row_of_social_counts_is_chrome():
    assert is_chrome_line("5,2K lượt thích • 7,4K người theo dõi")
    assert not is_chrome_line("Xã Hương Khê • Trung tâm Phục vụ hành chính công")


def test_how_to_steps_with_arrows_are_not_a_breadcrumb():
    assert not is_chrome_line("Mở ứng dụng VNeID → Thủ tục hành chính → Thông báo lưu trú → Tạo mới yêu cầu")
    assert is_chrome_line("Tin tức › Cải cách hành chính")


def test_the_title_without_its_accents_is_an_images_alt_text_not_a_heading():
    from reform_archive.importer.title import same_title

    title = "Chi tiết phương án sắp xếp, tinh gọn bộ máy của Hải Dương"
    assert same_title("Chi tiet phuong an sap xep, tinh gon bo may cua Hai Duong", title)
    assert not same_title("Chi tiet phuong an sap xep", title)  # a part of it is not the title
    assert not same_title("Hai Duong", "Hải Dương")  # too short to tell


def test_a_caption_printed_three_times_stays_three_lines_for_the_repeat_to_be_dropped():
    from reform_archive.importer.lines import join_wrapped_lines

    caption = "Vụ trưởng Vụ Chính quyền địa phương, Bộ Nội vụ Lê Văn Hòa phát biểu tại họp báo. Ảnh: Thu Hà"
    assert join_wrapped_lines([caption, caption, caption]) == [caption] * 3
    assert join_wrapped_lines([caption, "Trần Minh Đức, Phó Vụ trưởng, cũng dự buổi họp báo chiều nay"]) == [
        caption,
        "Trần Minh Đức, Phó Vụ trưởng, cũng dự buổi họp báo chiều nay",
    ]


def test_a_caption_printed_three_times_is_one_caption_in_the_body():
    from reform_archive.importer.extract import extract
    from reform_archive.importer.normalise import normalise_text

    caption = "Vụ trưởng Vụ Chính quyền địa phương, Bộ Nội vụ Lê Văn Hòa phát biểu tại họp báo. Ảnh: Thu Hà"
    page = normalise_text(
        "\n".join(
            [
                "Sẽ sắp xếp 12 đơn vị hành chính cấp huyện trong năm nay",
                "",
                caption,
                caption,
                caption,
                "",
                PROSE,
                "",
                "Theo Bộ Nội vụ, việc sắp xếp được thực hiện theo lộ trình, bảo đảm quyền lợi của người dân.",
                "a1",
                PROSE,
            ]
        )
    )
    body = extract(page).article.body
    assert body.count("Lê Văn Hòa") == 1 and "\na1\n" not in body


def test_a_read_more_link_run_onto_the_last_sentence_goes():
    from reform_archive.importer.lines import without_read_more

    assert without_read_more(["Chỉ số tăng 2,58% so với năm 2022.(đọc thêm)", "Xem thêm »"]) == [
        "Chỉ số tăng 2,58% so với năm 2022.",
        "Xem thêm »",
    ]
    assert without_read_more(["Người dân có thể xem thêm"]) == ["Người dân có thể xem thêm"]  # no sentence before it


def test_a_latest_posts_heading_under_the_byline_is_no_second_author():
    page = "\n".join(
        [
            "Từ ngày 4/1, Đà Nẵng cấp thẻ căn cước công dân gắn chip",
            "Ngày 03/01/2021",
            PROSE,
            PROSE.replace("mười", "hai"),
            "Tác giả: XUÂN TIẾN",
            "Nguồn tin: Báo VTC News",
            "BÀI MỚI ĐĂNG",
            "TOP",
        ]
    )
    assert extract(page).article.authors == ("Xuân Tiến",)


@pytest.mark.parametrize(
    "line",
    [
        'Giấy phép số 62/GP-BTTTT. Ghi rõ nguồn "Báo Công Thương" khi phát hành lại thông tin từ website này.',
        "Bạn đánh giá thế nào về việc giải quyết thủ tục hành chính tại Trung tâm Phục vụ hành chính công xã?",
        "© 2024 Báo Điện tử Tổ quốc",
    ],
)
def test_a_licence_notice_and_a_poll_s_question_are_chrome(line):
    assert is_chrome_line(line)


def test_questions_and_permits_in_the_article_are_not():
    assert not is_chrome_line("Thông tin trên VNeID được cập nhật thế nào khi chuyển nơi cư trú?")
    assert not is_chrome_line("Giấy phép xây dựng được cấp trong 7 ngày làm việc theo quy định của tỉnh.")
