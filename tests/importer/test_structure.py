"""Lines become headings, captions, lists and paragraphs; text renders exactly as written."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reform_archive.importer.structure import Block, classify, escape, is_caption, to_markdown
from reform_archive.source.markup import plain_text, to_html

SENTENCE = "Công tác cải cách hành chính của tỉnh đã có nhiều chuyển biến tích cực trong năm qua."


@pytest.mark.parametrize(
    "line",
    [
        "Các đồng chí lãnh đạo tỉnh ấn nút ra mắt hệ thống điều hành thông minh. (Ảnh: PV)",
        "Hà Tĩnh hướng đến nền hành chính hiện đại, phục vụ - Ảnh 1.",
        "Quang cảnh Hội nghị tổng kết công tác cải cách hành chính năm 2023",
        "Ảnh: H. Thi",
        "(Quang cảnh Tọa đàm: Cải cách hành chính năm 2022 của Sở Nội vụ)",
        "Chủ tịch UBND tỉnh Lê Trí Thanh chủ trì hội nghị tại điểm cầu tỉnh",
        "Người dân làm thủ tục tại Trung tâm Phục vụ hành chính công tỉnh (Ảnh minh họa)",
        # people doing something, no name with three capitals and no credit: still a photo's caption
        "Đại diện lãnh đạo huyện Krông Nô tặng hoa cho các thành viên tổ công nghệ số cộng đồng",
        "Người dân cài đặt, sử dụng ứng dụng định danh điện tử với sự hỗ trợ của đoàn viên thanh niên",
    ],
)
def test_captions(line):
    assert is_caption(line)


@pytest.mark.parametrize(
    "line",
    [
        SENTENCE,
        "Sự hài lòng của người dân là thước đo",
        "Tạo nền tảng phát triển chính quyền số, đô thị thông minh",
        "Người dân được phục vụ tốt hơn",
        "Cán bộ phải gương mẫu, đi đầu trong chuyển đổi số tại cơ sở",
    ],
)
def test_not_captions(line):
    assert not is_caption(line)


def test_blocks_by_shape():
    lines = [
        SENTENCE,
        "Sự hài lòng của người dân là thước đo",
        SENTENCE,
        "Quang cảnh hội nghị",
        "Quang cảnh hội nghị",
        "1. Tăng cường tuyên truyền.",
        "2. Đẩy mạnh phân cấp:",
        "- Rà soát thủ tục;",
        "• Công khai kết quả.",
        "(1) Thể chế;",
        "a) Cấp tỉnh;",
        "Kết luận cuối bài",
    ]
    kinds = [(b.kind, b.marker) for b in classify(lines)]
    assert kinds == [
        ("paragraph", ""),
        ("heading", ""),
        ("paragraph", ""),
        ("caption", ""),
        ("item", "1."),
        ("item", "2."),
        ("item", "-"),
        ("item", "-"),
        ("item", "(1)"),
        ("item", "a)"),
        ("paragraph", ""),
    ]


def test_lists_render_as_lists_and_bullets_nest_under_an_item_that_ends_with_a_colon():
    html = to_html(to_markdown(classify(["1. Một.", "2. Hai:", "- hai a;", "- hai b.", "3. Ba.", SENTENCE])))
    assert html.count("<ol>") == 1 and "<ul>" in html and html.index("<ul>") < html.index("Ba.")
    assert html.index("</ul>") < html.index("Ba.") < html.index("</ol>")


def test_numbers_survive_in_ordered_lists_that_restart():
    html = to_html(to_markdown([Block("item", "Năm.", "5."), Block("item", "Sáu.", "6.")]))
    assert '<ol start="5">' in html


@pytest.mark.parametrize(
    "text",
    [
        "# Hashtag *đậm* _nghiêng_ [TOC] [^1] <b>thẻ</b> a|b \\ `mã` {: .x} &amp; &copy; TT&TT 47,18%",
        "2023. Năm bản lề",
        "1) không phải danh sách",
        "- gạch đầu dòng",
        "+ cộng",
        "> trích dẫn",
        "*[HTML]: viết tắt",
        "![ảnh](http://x)",
        "http://example.org/a_b_c",
        "<!-- chú thích -->",
        ": định nghĩa",
        "Giá trị 5 * 3 = 15 và 2 < 3 > 1",
        "~~gạch~~ ==đánh dấu==",
    ],
)
def test_escaped_text_renders_as_written(text):
    assert plain_text(to_html(escape(text))) == " ".join(text.split())


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("#*_[]()<>`\\|&;:!-+.1 "),
    min_size=1,
    max_size=60,
)


@given(_TEXT)
def test_any_line_renders_as_written(text):
    text = " ".join(text.split())
    if text:
        for block in classify([text]):
            rendered = plain_text(to_html(to_markdown([block])))
            assert block.text in rendered or " ".join(block.text.split()) in rendered


def test_the_same_line_twice_in_a_row_is_one_caption_not_a_heading():
    caption = "Chỉ số cải cách hành chính của tỉnh năm nay có sự tăng trưởng tích cực"
    paragraph = "Theo kết quả công bố, năm 2023 tỉnh tiếp tục nằm trong nhóm dẫn đầu cả nước về chỉ số này."
    blocks = classify([paragraph, caption, caption, paragraph])
    assert [b.kind for b in blocks] == ["paragraph", "caption", "paragraph"]
    # alone, such a line over a paragraph is a heading
    assert [b.kind for b in classify([paragraph, caption, paragraph])] == ["paragraph", "heading", "paragraph"]
