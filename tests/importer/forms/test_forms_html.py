import json
import unicodedata

import forms_samples as s
import lxml.html
import pytest
from forms_samples import no_network  # noqa: F401 (autouse: no test here may use the network)
from legacy_encodings import encode_windows_1258

from reform_archive.importer.forms import read_pages
from reform_archive.importer.forms.article import locate
from reform_archive.importer.forms.html import read_html
from reform_archive.importer.forms.htmltext import Line, lines_of

CHROME = (
    "Trang chủ",
    "Giới thiệu",
    "Liên hệ",
    "Đăng nhập",
    "CỔNG THÔNG TIN",
    "Bản quyền thuộc về",
    "Lượt truy cập",
    "Tin mới nhất",
    "Tin liên quan",
    *s.RELATED,
    *s.LATEST,
    "19/10/2020",
)


def read_one(html: str | bytes, name: str = "trang.html"):
    data = html.encode("utf-8") if isinstance(html, str) else html
    pages, problems = read_pages(data, name)
    assert len(pages) == 1, problems
    return pages[0], problems


def assert_article_text(text: str) -> None:
    lines = text.splitlines()
    assert lines[0] == s.TITLE
    assert s.DATELINE in lines[:4]  # the dateline stays right under the title
    for paragraph in (s.SAPO, *s.PARAGRAPHS, s.CAPTION, s.BYLINE):
        assert paragraph in lines
    assert lines.index(s.PARAGRAPHS[0]) < lines.index(s.PARAGRAPHS[-1])
    for chrome in CHROME:
        assert chrome not in text


@pytest.mark.parametrize("make", [s.json_ld_page, s.og_page, s.bare_page])
def test_every_paragraph_survives_and_the_page_chrome_goes(make):
    page, problems = read_one(make())
    assert problems == []
    assert page.form == "html" and page.origin == "" and page.line == 1
    assert_article_text(page.text)
    assert page.raw == make().encode("utf-8")


def test_json_ld_metadata_wins():
    page, _ = read_one(s.json_ld_page())
    assert page.title == s.TITLE
    assert page.date == "2020-10-14T08:15:00+07:00"
    assert page.date_modified == "2020-10-15T09:30:00+07:00"
    assert page.authors == ("Minh Châu", "Hà Vy")
    assert page.image == s.IMAGE
    assert page.url == s.URL


def test_open_graph_metadata_and_the_site_name_cut_off_the_title():
    page, _ = read_one(s.og_page())
    assert page.title == s.TITLE  # og:title ends " - Sở Nội vụ tỉnh Quảng Trị"
    assert page.date == "2020-10-14T08:15:00+07:00"
    assert page.url == s.URL
    assert page.image == s.IMAGE
    assert page.authors == ("Minh Châu",)
    assert page.date_modified == ""


def test_without_metadata_the_date_is_left_to_the_dateline_in_the_text():
    """The top bar prints the day the page was saved (19/10/2020); it must not become the date."""
    page, _ = read_one(s.bare_page())
    assert page.date == ""
    assert page.title == s.TITLE  # from the <h1>
    assert page.authors == () and page.url == ""
    assert page.image == "/uploads/2020/10/hoi-nghi.jpg"  # the article's first image


def test_json_ld_inside_a_list_with_a_trailing_comma_and_a_string_author():
    data = [
        {"@type": "Organization", "name": "Sở Nội vụ"},
        {"@type": ["NewsArticle"], "headline": s.TITLE, "datePublished": "2020-10-14 08:15:00", "author": "Minh Châu"},
    ]
    script = json.dumps(data, ensure_ascii=False)[:-1] + ",]"
    page, _ = read_one(s.portal_page(f'<script type="application/ld+json">{script}</script>'))
    assert (page.date, page.authors) == ("2020-10-14T08:15:00", ("Minh Châu",))


def test_a_time_element_under_the_headline_gives_the_date():
    html = s.portal_page(dateline='<time datetime="2020-10-14T08:15:00+07:00">Thứ Tư, 14/10/2020 08:15</time>')
    page, _ = read_one(html)
    assert page.date == "2020-10-14T08:15:00+07:00"
    assert s.DATELINE in page.text.splitlines()


def test_a_time_element_in_the_sidebar_is_not_the_date():
    html = s.bare_page().replace(
        '<div class="counter">', '<time datetime="2020-10-19">19/10/2020</time><div class="counter">'
    )
    assert read_one(html)[0].date == ""


def test_meta_dates_in_other_dialects_come_through_htmldate_on_the_head():
    page, _ = read_one(s.portal_page('<meta name="dcterms.date" content="2020-10-14">'))
    assert page.date == "2020-10-14"


def test_byline_and_source_after_the_body_are_kept_up_to_the_related_news():
    html = s.bare_page().replace(
        '<div class="share">',
        '<div class="author">Nguyễn Văn Bình</div><div class="source">Nguồn: Báo Quảng Trị</div><div class="share">',
    )
    lines = read_one(html)[0].text.splitlines()
    assert "Nguyễn Văn Bình" in lines and "Nguồn: Báo Quảng Trị" in lines
    assert not set(s.RELATED) & set(lines)


def test_a_page_without_webforms_wrapper_and_a_heading_that_is_not_h1():
    html = s.portal_page(webforms=False).replace('<h1 class="title">', '<h2 class="title">').replace("</h1>", "</h2>")
    page, _ = read_one(html)
    assert_article_text(page.text)


@pytest.mark.parametrize("declared", ["windows-1258", "WINDOWS-1258"])
def test_a_legacy_charset_declared_in_meta(declared):
    html = s.bare_page().replace(
        '<meta charset="utf-8">', f'<meta http-equiv="Content-Type" content="text/html; charset={declared}">'
    )
    page, _ = read_one(encode_windows_1258(html))
    assert_article_text(unicodedata.normalize("NFC", page.text))  # NFC is normalise's job


def test_utf8_bytes_win_over_a_wrong_declaration():
    html = s.bare_page().replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">')
    assert_article_text(read_one(html)[0].text)


def test_a_short_page_trafilatura_gives_up_on_keeps_its_text():
    html = (
        "<html><head><title>Thông báo</title></head><body><h1>Thông báo nghỉ lễ</h1>"
        "<p>Bộ phận Một cửa nghỉ ngày 2/9.</p></body></html>"
    )
    page, _ = read_one(html)
    assert page.text.splitlines() == ["Thông báo nghỉ lễ", "Bộ phận Một cửa nghỉ ngày 2/9."]


def test_tables_lists_and_line_breaks_become_the_importers_lines():
    html = (
        "<html><body><h1>Kết quả</h1><div>"
        f"<p>{s.PARAGRAPHS[0]}</p><table><tr><th>Huyện</th><th>Tỷ lệ</th></tr>"
        "<tr><td>Gio Linh</td><td>80%</td></tr></table><ol><li>Rà soát thủ tục.</li><li>Số hóa hồ sơ.</li></ol>"
        f"<p>{s.PARAGRAPHS[1]}<br>{s.PARAGRAPHS[2]}</p><script>var x = 1;</script></div></body></html>"
    )
    lines = read_one(html)[0].text.splitlines()
    assert "Huyện\tTỷ lệ" in lines and "Gio Linh\t80%" in lines
    assert "1. Rà soát thủ tục." in lines and "2. Số hóa hồ sơ." in lines
    assert s.PARAGRAPHS[1] in lines and s.PARAGRAPHS[2] in lines
    assert "var x" not in "\n".join(lines)


@pytest.mark.parametrize(
    "html, message",
    [
        (b"", "file is empty"),
        (b"<html><body><script>var a;</script></body></html>", "no text in this HTML page"),
        (b'<!DOCTYPE html><html><head><meta http-equiv="refresh" content="0; url=/"></head></html>', "no text"),
    ],
)
def test_pages_without_text_are_problems(html, message):
    pages, problems = read_pages(html, "trang.html")
    assert pages == [] and message in problems[0].message


def body_lines(html: str) -> list[Line]:
    return lines_of(lxml.html.document_fromstring(html).find("body"))


def test_a_prose_paragraph_trafilatura_dropped_is_put_back():
    page_lines = body_lines(s.bare_page())
    extracted = [s.PARAGRAPHS[0], s.PARAGRAPHS[2], s.BYLINE]  # the second paragraph was missed
    article = locate(page_lines, extracted, s.TITLE)
    assert s.PARAGRAPHS[1] in article.lines
    assert article.lines[0] == s.TITLE and s.DATELINE in article.lines and s.SAPO in article.lines


def test_extracted_lines_not_on_the_page_are_kept_in_place():
    page = body_lines(f"<html><body><h1>Tiêu đề</h1><p>{s.PARAGRAPHS[0]}</p><p>{s.PARAGRAPHS[2]}</p></body></html>")
    article = locate(page, [s.PARAGRAPHS[0], "Dòng trafilatura viết khác đi.", s.PARAGRAPHS[2]], "")
    assert article.lines == ("Tiêu đề", s.PARAGRAPHS[0], "Dòng trafilatura viết khác đi.", s.PARAGRAPHS[2])


def test_sniffing_html_by_content_whatever_the_suffix():
    page, _ = read_one(s.bare_page(), name="trang.txt")
    assert page.form == "html"


def test_http_charset_is_used_when_the_page_declares_none():
    html = s.bare_page().replace('<meta charset="utf-8">', "")
    page, problem = read_html(encode_windows_1258(html), http_charset="windows-1258")
    assert problem is None
    assert_article_text(unicodedata.normalize("NFC", page.text))


def test_without_any_title_the_lines_above_the_body_are_kept():
    """No metadata, no <h1>, a <title> naming only the site: the dateline still reaches the text."""
    html = (
        s.bare_page()
        .replace(f"<title>{s.TITLE} - Sở Nội vụ tỉnh Quảng Trị</title>", "<title>Sở Nội vụ</title>")
        .replace('<h1 class="title">', '<div class="title">')
        .replace("</h1>", "</div>")
    )
    page, _ = read_one(html)
    lines = page.text.splitlines()
    assert page.title == ""
    assert s.TITLE in lines and s.DATELINE in lines and s.SAPO in lines
    assert lines.index(s.DATELINE) < lines.index(s.PARAGRAPHS[0])


def test_a_layout_table_keeps_its_paragraphs_as_lines():
    html = (
        "<html><body><table><tr><td>Menu</td><td>"
        f"<h1>{s.TITLE}</h1><div>{s.DATELINE}</div>"
        + "".join(f"<p>{p}</p>" for p in s.PARAGRAPHS)
        + "</td></tr></table></body></html>"
    )
    lines = read_one(html)[0].text.splitlines()
    assert lines[:2] == [s.TITLE, s.DATELINE] and lines[2:] == list(s.PARAGRAPHS)


def test_a_newspaper_layout_keeps_the_caption_and_drops_inline_links_and_comments():
    page, _ = read_one(s.newspaper_page())
    lines = page.text.splitlines()
    assert lines[:3] == [s.TITLE, "14/10/2020 08:15", s.SAPO]
    assert s.CAPTION in lines and lines.index(s.CAPTION) < lines.index(s.PARAGRAPHS[0])
    assert [line for line in lines if line in s.PARAGRAPHS] == list(s.PARAGRAPHS)
    assert lines[-1] == "HÀ VY"
    for chrome in ("Xem thêm:", s.RELATED[0], "Ý kiến bạn đọc", "đồng tình", "Thời sự", "© Báo Quảng Trị"):
        assert chrome not in page.text
    assert page.title == s.TITLE  # from the <h1>, the <title> carrying the paper's name
    assert page.date == "2020-10-14T08:15:00+07:00"  # the <time> under the headline
    assert page.image == "/anh/hoi-nghi.jpg"


def test_the_encoding_each_page_was_decoded_from():
    assert read_one(s.bare_page())[0].encoding == "utf-8"
    legacy = s.bare_page().replace('<meta charset="utf-8">', '<meta charset="windows-1258">')
    assert read_one(encode_windows_1258(legacy))[0].encoding == "cp1258"
    assert read_pages(b"Tin", "a.txt")[0][0].encoding == "utf-8"
    assert read_pages(b"Tin", "a.txt", "Tin")[0][0].encoding == ""  # decoded by the caller


def test_the_printed_headline_wins_over_a_shorter_social_title():
    shorter = "Quảng Trị: số hóa hồ sơ thủ tục hành chính cấp xã"
    page, _ = read_one(s.portal_page(f'<meta property="og:title" content="{shorter}">'))
    assert page.title == s.TITLE and page.text.splitlines()[0] == s.TITLE


def test_a_site_name_in_the_h1_does_not_replace_the_declared_title():
    html = s.portal_page(f'<meta property="og:title" content="{s.TITLE}">').replace(
        f'<h1 class="title">{s.TITLE}</h1>', "<h1>Sở Nội vụ tỉnh Quảng Trị</h1>"
    )
    page, _ = read_one(html)
    assert page.title == s.TITLE
    assert s.PARAGRAPHS[0] in page.text.splitlines()


def test_when_trafilatura_takes_nearly_the_whole_page_the_page_is_read_in_its_own_order():
    menu = [f"Mục {n}" for n in range(8)]
    html = (
        "<html><body>"
        + "".join(f"<p>{item}</p>" for item in menu)
        + f"<h1>{s.TITLE}</h1>"
        + "".join(f"<p>{p}</p>" for p in s.PARAGRAPHS)
        + "</body></html>"
    )
    page = body_lines(html)
    scrambled = [*s.PARAGRAPHS, *menu, s.TITLE]  # a layout table can make it return everything, out of order
    article = locate(page, scrambled, s.TITLE)
    assert [line for line in article.lines if line in s.PARAGRAPHS] == list(s.PARAGRAPHS)
    assert article.lines.index(s.TITLE) < article.lines.index(s.PARAGRAPHS[0])


def test_a_journals_citation_tags_give_its_authors_and_date():
    page, _ = read_one("""<html><head><title>Năng lực số | Tạp chí Khoa học</title>
<meta name="citation_title" content="Năng lực số của công chức cấp xã">
<meta name="citation_author" content="Nguyễn Thị Lan Phương">
<meta name="citation_author_institution" content="Trường Đại học Đà Lạt">
<meta name="citation_author" content="Trần, Quốc Việt">
<meta name="citation_publication_date" content="2024/06/28"></head>
<body><article><h1>Năng lực số của công chức cấp xã</h1>
<p>Bài viết phân tích năng lực số của đội ngũ công chức cấp xã sau khi sắp xếp đơn vị hành chính, dựa trên khảo sát tại hai tỉnh.</p>
</article></body></html>""")
    assert page.authors == ("Nguyễn Thị Lan Phương", "Trần Quốc Việt")
    assert page.date.startswith("2024-06-28")
    assert page.title == "Năng lực số của công chức cấp xã"
