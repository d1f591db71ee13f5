"""Title and date chosen by evidence, undated pages and non-articles as drafts, the page
shapes real portals print (each page here written for the test)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from reform_archive.importer import kind
from reform_archive.importer.dates import url_date
from reform_archive.importer.evidence import Candidate, choose
from reform_archive.importer.extract import extract
from reform_archive.importer.extracted import PageHints
from reform_archive.importer.metadata import parse_meta_line
from reform_archive.importer.normalise import normalise_text
from reform_archive.importer.output import render
from reform_archive.importer.pipeline import from_iso
from reform_archive.source.parse import parse_article

LEAD = (
    "Sáng 13/3, UBND huyện Hàm Tân tổ chức hội nghị triển khai nhiệm vụ cải cách hành chính năm 2024, "
    "tập trung vào số hóa hồ sơ và nâng cao chất lượng phục vụ người dân tại Bộ phận một cửa."
)
BODY = (
    "Theo báo cáo, năm 2023 huyện tiếp nhận hơn 12.000 hồ sơ thủ tục hành chính, tỷ lệ giải quyết đúng hạn "
    "đạt 98,6%, tăng hơn một điểm so với năm trước nhờ đẩy mạnh dịch vụ công trực tuyến."
)


def page(*lines: str) -> str:
    return normalise_text("\n\n".join(lines))


def test_a_clock_in_the_header_is_not_the_article_date():
    article = extract(
        page(
            "CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN HÀM TÂN",
            "Hôm nay: Thứ Ba, 12/12/2023",
            "Đường dây nóng: 0252.3876.111",
            "Xem cỡ chữ",
            "Hàm Tân triển khai nhiệm vụ cải cách hành chính năm 2024",
            "Ngày đăng: 14/03/2024 - 08:15",
            LEAD,
            BODY,
        )
    ).article
    assert article.title == "Hàm Tân triển khai nhiệm vụ cải cách hành chính năm 2024"
    assert article.date.iso() == "2024-03-14T08:15:00+07:00" and not article.date_inferred
    assert "Đường dây nóng" not in article.body and "CỔNG THÔNG TIN" not in article.body


def test_a_breadcrumb_run_into_the_title_gives_the_title():
    article = extract(
        page(
            "Trang chủ>Tin tức>Cải cách hành chínhHàm Tân triển khai nhiệm vụ cải cách hành chính năm 2024",
            "14/03/2024 08:15 | Lượt xem: 1.204",
            LEAD,
            BODY,
        )
    ).article
    assert article.title == "Hàm Tân triển khai nhiệm vụ cải cách hành chính năm 2024"


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Cập nhật lúc 05:53, Thứ Tư, 14/10/2020 (GMT+7)", "2020-10-14"),
        ("Ngày đăng: 2025-11-01 08:30", "2025-11-01T08:30:00+07:00"),
        ("2025-11-01T08:00:00+07:00", "2025-11-01T08:00:00+07:00"),
        ("10/05/2023 09:12 | 215 lượt xem", "2023-05-10T09:12:00+07:00"),
    ],
)
def test_datelines_real_portals_print(line, expected):
    meta = parse_meta_line(line)
    assert meta is not None and meta.date is not None and meta.date.iso().startswith(expected)


@pytest.mark.parametrize(
    "url, expected, precision",
    [
        ("https://sonoivu.x.gov.vn/tin-tuc/2022/07/15/bai.html", "2022-07-15", "day"),
        ("https://baoxyz.vn/chinh-tri/ten-bai-20230203091500.htm", "2023-02-03", "day"),
        ("https://x.gov.vn/tin-tuc/202207/ten-bai-123.html", "2022-07-01", "month"),
        ("https://2024.example.vn/tin/ten-bai-12.html", None, None),  # a host's digits are not a date
    ],
)
def test_dates_in_addresses(url, expected, precision):
    found = url_date(url)
    assert (found.iso() if found else None) == expected
    assert (found.precision if found else None) == precision


def test_a_page_with_no_date_is_an_undated_draft_the_build_leaves_out():
    extraction = extract(
        page(
            "Hàm Tân đẩy mạnh số hóa hồ sơ thủ tục hành chính",
            LEAD.replace("Sáng 13/3, ", "").replace(" năm 2024", ""),
            BODY.replace("năm 2023 ", ""),
        )
    )
    article = extraction.article
    assert article.date is None and article.draft
    assert [note.key for note in extraction.warnings] == ["draft"]
    text = render(article, slug="ham-tan", raw="_raw/undated/ham-tan.txt", source_sha256="0" * 64, encoding="utf-8")
    assert "\ndraft: true\n" in text and "\ndate:" not in text
    parsed, problems = parse_article(text, "content/undated/ham-tan.md", ZoneInfo("Asia/Ho_Chi_Minh"))
    assert parsed is None and [p.level for p in problems] == ["warning"]


def test_metadata_wins_over_the_text():
    hints = PageHints(
        title="Hàm Tân triển khai nhiệm vụ năm 2024", date=from_iso("2024-03-14T01:15:00Z"), authors=("Minh Châu",)
    )
    article = extract(
        page("Tin tức", "Hàm Tân triển khai nhiệm vụ năm 2024", "12/12/2023", LEAD, BODY), hints=hints
    ).article
    assert article.title == "Hàm Tân triển khai nhiệm vụ năm 2024"
    assert article.date.iso() == "2024-03-14T08:15:00+07:00" and not article.date_inferred
    assert article.authors == ("Minh Châu",)


def test_a_page_whose_only_prose_repeats_its_title_is_imported():
    title = "Hàm Tân triển khai nhiệm vụ cải cách hành chính năm 2024 với nhiều giải pháp đột phá mới."
    extraction = extract(page(title, "14/03/2024", title))
    assert extraction.article is not None and extraction.article.body.strip()


@pytest.mark.parametrize(
    "lines, reason",
    [
        (
            [
                "Số ký hiệu: 1523/QĐ-UBND",
                "Ngày ban hành: 09/10/2019",
                "Cơ quan ban hành: UBND tỉnh",
                "Trích yếu: Về việc",
            ],
            "legal-document record",
        ),
        (
            [
                "THỨ HAI (20/5/2024)",
                "- Sáng: giao ban.",
                "THỨ BA (21/5/2024)",
                "- Sáng: tiếp dân.",
                "THỨ TƯ (22/5/2024)",
                "- Cả ngày: làm việc tại cơ quan.",
            ],
            "schedule",
        ),
        (
            [f"Huyện {n} tổ chức hội nghị triển khai nhiệm vụ năm 2024 ({n:02d}/03/2024)" for n in range(1, 7)],
            "list of headlines",
        ),
        (
            [
                "Đội bóng đá tỉnh giành chiến thắng 3-1 trước đội khách trong trận đấu tối qua trên sân nhà đông khán giả."
            ],
            "off-topic",
        ),
        (
            [
                "Số/Ký hiệu\t42-HD/BTGDVTU",
                "Ngày ban hành\t22/08/2025",
                "Loại văn bản\tHướng dẫn",
                "Người ký\tPhó Trưởng ban",
            ],
            "legal-document record",
        ),
        (
            [
                line
                for n in range(4)
                for line in (f"Hội nông dân xã {n} ra quân làm đường giao thông nông thôn mới.", "Xem tiếp")
            ],
            "list of headlines",
        ),
        (
            [
                "Lễ hội văn hóa các dân tộc diễn ra sôi nổi với nhiều hoạt động đặc sắc thu hút đông đảo du khách gần xa "
                "về tham dự, thưởng thức ẩm thực, xem biểu diễn cồng chiêng, thi dệt thổ cẩm và đua thuyền trên sông; "
                "ban tổ chức cho biết năm nay lượng khách tăng gấp đôi, nhiều gia đình mở cửa đón khách lưu trú "
                "tại nhà, các đội văn nghệ từ mười hai xã mang đến những tiết mục dân ca đặc sắc của đồng bào.",
                "Buổi tối, sân khấu chính ở trung tâm thị trấn rực rỡ ánh đèn, các nghệ nhân cao tuổi truyền dạy cách "
                "đánh chiêng cho thiếu nhi, còn cán bộ văn hóa xã giới thiệu với du khách về những món ăn truyền thống "
                "làm từ gạo nếp nương, măng rừng và cá suối được chế biến theo cách riêng của từng dân tộc.",
            ],
            "hardly about administrative reform",
        ),
        (
            [
                f"Xã {n} ra mắt tổ công nghệ số cộng đồng và hướng dẫn người dân cài đặt ứng dụng định danh..."
                for n in range(3)
            ]
            + ["Trang 1 / 14", "Trang sau >"],
            "list of headlines",
        ),
        (
            [
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "Số: 45/BC-UBND",
                "BÁO CÁO",
                "Kết quả thực hiện công tác cải cách hành chính quý I năm 2025 của Ủy ban nhân dân xã.",
            ],
            "official document",
        ),
        (
            [
                "ỦY BAN NHÂN DÂN",
                "TỈNH THANH HÓA",
                "-------",
                "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "QUYẾT ĐỊNH",
                "Về việc ban hành Quy chế hoạt động của Trung tâm Phục vụ hành chính công tỉnh",
                "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
                "Căn cứ Nghị định số 118/2025/NĐ-CP ngày 09 tháng 6 năm 2025 của Chính phủ;",
            ],
            "official document",
        ),
        (["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 128/2025/QĐ-UBND", "QUYẾT ĐỊNH"], "official document"),
        (
            [
                "Mã thủ tục: 1.001234",
                "Trình tự thực hiện: Bước 1 nộp hồ sơ",
                "Thành phần hồ sơ: tờ khai",
                "Thời hạn giải quyết: 05 ngày",
                "Lệ phí: không",
            ],
            "administrative-procedure record",
        ),
        (
            [
                "TRONG SỐ NÀY",
                "Số hóa hồ sơ ở cấp xã .......... 3",
                "Một cửa liên thông .......... 7",
                "Tin địa phương .......... 12",
            ],
            "table of contents",
        ),
    ],
)
def test_pages_that_are_not_reform_articles_say_why(lines, reason):
    assert reason in kind.not_article_reason(lines, "", "\n".join(lines))


def test_a_reform_article_is_an_article():
    assert kind.not_article_reason([LEAD, BODY], "Hàm Tân", f"{LEAD}\n{BODY}") == ""


def test_the_best_scored_candidate_wins_with_its_probability():
    candidates = [Candidate("a", "line", {"x": 1.0}), Candidate("b", "line", {"x": 3.0})]
    best, probability = choose(candidates, {"x": 1.0})
    assert best.value == "b" and 0.5 < probability < 1.0
    assert choose([], {"x": 1.0}) == (None, 0.0)


def test_the_headline_under_a_breadcrumb_beats_the_sidebar_between_it_and_the_lead():
    text = page(
        "Trang chủ",
        ">",
        "Tin tức - Sự kiện",
        ">",
        "Hỏi đáp pháp luật",
        "Hỏi - đáp về cấp giấy chứng nhận quyền sử dụng đất lần đầu tại xã",
        "Lượt xem: 97",
        "Cỡ chữ: A- A A+",
        "CHÍNH QUYỀN 2 CẤP",
        "Sơ đồ tổ chức bộ máy xã Phù Cát",
        "Danh bạ điện thoại cán bộ, công chức",
        "Bản đồ hành chính xã sau sắp xếp đơn vị",
        "Danh sách thôn, khu phố sau sắp xếp",
        "Thời gian qua, Trung tâm Phục vụ hành chính công xã nhận được nhiều câu hỏi của người dân về "
        "thủ tục cấp giấy chứng nhận quyền sử dụng đất lần đầu sau khi xã mới đi vào hoạt động.",
        "Hỏi: Trước đây hồ sơ cấp giấy chứng nhận lần đầu nộp ở huyện, nay nộp ở đâu và mất bao lâu?",
    )
    extraction = extract(text)
    assert extraction.article is not None
    assert extraction.article.title == "Hỏi - đáp về cấp giấy chứng nhận quyền sử dụng đất lần đầu tại xã"
    under_crumbs = {c.value for c in extraction.evidence.titles if c.features.get("after_crumb")}
    assert under_crumbs == {"Hỏi - đáp về cấp giấy chứng nhận quyền sử dụng đất lần đầu tại xã"}
    one_line = extract(
        page(
            "Trang chủ > Tin tức > Cải cách hành chính",
            "Huyện Hàm Tân tổ chức hội nghị triển khai nhiệm vụ cải cách hành chính",
            LEAD,
            BODY,
        )
    )
    assert [c.value for c in one_line.evidence.titles if c.features.get("after_crumb")] == [
        "Huyện Hàm Tân tổ chức hội nghị triển khai nhiệm vụ cải cách hành chính"
    ]


def test_a_bulletins_running_head_is_never_the_headline():
    head = "Bản tin Cải cách hành chính tỉnh Sơn La - Số 09 - Tháng 9/2025"
    text = page(
        head,
        "TRAO ĐỔI",
        "“Phục vụ người dân là thước đo của chính quyền cơ sở”",
        LEAD,
        "PV: Thưa ông, đâu là khó khăn lớn nhất của các Trung tâm Phục vụ hành chính công cấp xã?",
        "4",
        head,
        BODY,
        "THU HÀ (thực hiện)",
        "5",
    )
    extraction = extract(text)
    assert extraction.article is not None
    assert extraction.article.title == "“Phục vụ người dân là thước đo của chính quyền cơ sở”"


def test_a_page_whose_text_only_names_a_year_is_an_undated_draft_with_the_year_as_a_hint():
    # "Luật … năm 2016": the year a page's text names most is as often a cited law's or a
    # period's as the article's, so it is told to the editor, never published under
    lead = (
        "Luật Tiếp cận thông tin năm 2016 quy định quyền của công dân được tiếp cận thông tin do cơ quan "
        "nhà nước tạo ra, và huyện đã công khai danh mục thông tin trên cổng thông tin điện tử."
    )
    extraction = extract(page("Huyện công khai danh mục thông tin theo Luật Tiếp cận thông tin", lead, BODY))
    article = extraction.article
    assert article is not None and article.date is None and article.draft and article.is_article
    assert any(note.key == "draft" and "the text names 20" in note.message for note in extraction.warnings)


@pytest.mark.parametrize(
    "lead",
    [
        "Từ ngày 30/10/2020 đến ngày 19/11/2020, UBND huyện kiểm tra công tác cải cách hành chính tại 15 xã, thị trấn.",
        "Tính đến ngày 1.2.2025, cả nước có 696 đơn vị hành chính cấp huyện, theo báo cáo của Bộ Nội vụ gửi Quốc hội.",
        "Kể từ ngày 01/7/2025, người dân nộp hồ sơ tại bất kỳ Trung tâm phục vụ hành chính công nào trong tỉnh.",
        "Các xã phải hoàn thành việc rà soát thủ tục hành chính trước ngày 30/6/2024 và báo cáo về Sở Nội vụ.",
    ],
)
def test_a_period_a_cut_off_or_a_deadline_in_the_text_is_no_publication_date(lead):
    extraction = extract(page("Huyện kiểm tra công tác cải cách hành chính tại các xã", lead, BODY))
    assert extraction.article.date is None and extraction.article.draft


def test_a_lead_day_written_with_a_dot_is_read_with_the_year_the_text_gives():
    lead = (
        "Sáng ngày 7.10, Đoàn kiểm tra cải cách hành chính huyện Thăng Bình làm việc tại xã Bình Tú về "
        "kết quả cải cách hành chính năm 2022."
    )
    article = extract(page("Kiểm tra công tác cải cách hành chính tại cơ sở", lead)).article
    assert article.date.iso()[:10] == "2022-10-07" and article.date_inferred


def test_a_dateline_with_a_comment_count_glued_on_is_the_printed_date():
    article = extract(
        page(
            "Truyền thông tốt hơn về kết quả cải cách thủ tục hành chính",
            "Thứ tư, 31/07/2024 18:15 PM - 0 Trả lời",
            LEAD,
            BODY,
        )
    ).article
    assert article.date.iso()[:16] == "2024-07-31T18:15" and not article.date_inferred


def test_a_date_above_the_article_toolbar_is_its_dateline_not_the_header_clock():
    article = extract(
        page(
            "15/05/2025",
            "Xem cỡ chữ",
            "Đọc bài viết",
            "In",
            "Gửi email",
            "Phổ biến pháp luật trong kỷ nguyên số cho người dân ở cơ sở",
            LEAD,
            BODY,
        )
    ).article
    assert article.date.iso()[:10] == "2025-05-15" and not article.date_inferred


def test_a_bulletin_issue_line_and_an_address_year_folder_give_a_year():
    lead = (
        "Năm qua, bộ phận một cửa của huyện đã tiếp nhận và giải quyết đúng hạn phần lớn hồ sơ thủ tục "
        "hành chính của người dân, doanh nghiệp."
    )
    issue = extract(
        page(
            "Bản tin Cải cách hành chính tỉnh Sơn La - Số 02/2024 (Quý II)",
            "Một cửa cấp huyện: nhanh hơn, gần dân hơn",
            lead,
            BODY,
        )
    ).article
    assert issue.date.precision == "year" and issue.date.value.year == 2024 and issue.date_inferred
    address = extract(
        page("Một cửa cấp huyện: nhanh hơn, gần dân hơn", lead, BODY),
        "https://sonoivu.gov.vn/upload/2023/ban-tin-cchc-so-4.pdf",
    ).article
    assert address.date.precision == "year" and address.date.value.year == 2023


@pytest.mark.parametrize(
    ("url", "listing"),
    [
        ("https://baotinh.vn/s/sở Nội vụ?page=8", True),
        ("https://tinh.gov.vn/tim-kiem?keyword=cai+cach", True),
        ("https://tinh.gov.vn/cntt?p_p_id=ListNewByCategoryPortlet_WAR&_ListNewByCategoryPortlet_cur=67", True),
        ("https://bao.vn/chu-de/cai-cach-hanh-chinh.htm", True),
        ("https://xa.gov.vn/dich-vu-cong/huong-dan-nop-ho-so-truc-tuyen-933225?pageindex=0", False),
        ("https://bao.vn/chu-de/cai-cach/huyen-ham-tan-rut-ngan-ho-so-20240314.htm", False),
        ("https://bao.vn/thoi-su/huyen-ham-tan-rut-ngan-ho-so-3300241.html", False),
    ],
)
def test_an_address_that_lists_articles_makes_a_teaser_a_listing(url, listing):
    teaser = ["9 tháng đầu năm, tỷ lệ giải quyết hồ sơ thủ tục hành chính đạt 96,6%", "(21/09/2022)", LEAD]
    reason = kind.not_article_reason(teaser, teaser[0], "\n".join(teaser), url=url)
    assert ("search or category page" in reason) == listing


def test_a_page_plugins_name_over_its_followers_is_not_the_author():
    text = page(
        "Quảng Trị vận hành thử nghiệm 9 xã, phường mới",
        LEAD,
        BODY,
        "Đài Phát thanh - Truyền hình Quảng Trị",
        "117k người theo dõi",
        "Đài Phát thanh - Truyền hình Quảng Trị",
        "24k người theo dõi",
    )
    article = extract(text).article
    assert article is not None and article.authors == ()


def test_a_bare_name_beside_the_dateline_of_a_page_without_a_headline_is_its_author():
    article = extract(page("Chủ Nhật, 18/01/2026", "Nguyễn Thuấn", "15/01/2026, 09:00", LEAD, BODY)).article
    assert article is not None and article.title_inferred and article.authors == ("Nguyễn Thuấn",)
    # a social account over its post's time is the poster, not a byline
    post = extract(page("Huyện ủy Can Lộc", "12/5/2025, 08:15", LEAD, BODY)).article
    assert post is not None and post.authors == ()


def test_a_month_field_takes_the_day_the_lead_names():
    lead = (
        "(QNO) - Sáng nay 16/5, Công an tỉnh tổ chức lễ xuất quân tăng cường lực lượng hỗ trợ công an cơ sở "
        "thực hiện Đề án 06 giai đoạn 2022 - 2025, tầm nhìn đến năm 2030."
    )
    article = extract(page(f" date 2023-05 {lead}", BODY)).article
    assert article is not None and article.date is not None and article.date.iso()[:10] == "2023-05-16"


def test_an_authors_workplace_under_the_name_is_not_the_headline():
    text = page(
        "TẠP CHÍ CỘNG SẢN",
        "Chính trị - Xây dựng Đảng",
        "Chuyển đổi số trong hoạt động của cơ quan dân cử địa phương",
        "TRẦN THỊ MAI LAN",
        "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh Bắc Giang",
        LEAD,
        BODY,
    )
    extraction = extract(text)
    workplace = [c for c in extraction.evidence.titles if c.features.get("workplace")]
    assert [c.value for c in workplace] == ["Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh Bắc Giang"]
    assert extraction.article is not None
    assert extraction.article.title == "Chuyển đổi số trong hoạt động của cơ quan dân cử địa phương"


def test_english_pages_about_the_reform_and_digital_signatures_are_on_topic():
    english = [
        "The provincial People's Committee opened a one-stop public administration service centre "
        "where residents complete administrative procedures online."
    ]
    assert kind.not_article_reason(english, "New service centre", english[0]) == ""
    signatures = ["Toàn tỉnh đã cấp hơn 3.000 chứng thư chữ ký số cho cán bộ để ký văn bản trên môi trường mạng."]
    assert kind.not_article_reason(signatures, "Ký số văn bản", signatures[0]) == ""


@pytest.mark.parametrize("url", ["https://bao.vn/su-kien/?p=3", "https://bao.vn/cai-cach-hanh-chinh-ptag.html"])
def test_more_listing_addresses(url):
    teaser = ["9 tháng đầu năm, tỷ lệ giải quyết hồ sơ thủ tục hành chính đạt 96,6%", LEAD]
    assert "search or category page" in kind.not_article_reason(teaser, teaser[0], "\n".join(teaser), url=url)


def test_a_kicker_over_the_headline_is_not_the_headline():
    text = page(
        "Tạp chí in » Số 6-2023",
        "Thực hiện Nghị quyết số 18-NQ/TW",
        "Sắp xếp đầu mối bên trong các sở: kết quả và những điểm nghẽn",
        "TS ĐỖ THỊ HẢI YẾN",
        LEAD,
        BODY,
    )
    extraction = extract(text)
    kickers = [c.value for c in extraction.evidence.titles if c.features.get("kicker")]
    assert kickers == ["Thực hiện Nghị quyết số 18-NQ/TW"]
    assert extraction.article is not None
    assert extraction.article.title == "Sắp xếp đầu mối bên trong các sở: kết quả và những điểm nghẽn"


def test_a_date_printed_after_the_headline_is_its_dateline():
    headline = "Phường Cẩm An tổ chức hội nghị đối thoại giữa người đứng đầu cấp ủy với nhân dân năm 2022"
    lead = (
        "Thực hiện Quy định số 11-QĐ/TW ngày 18/02/2019 của Bộ Chính trị, sáng ngày 12/8/2022, "
        "Đảng ủy phường tổ chức hội nghị đối thoại trực tiếp với nhân dân."
    )
    article = extract(page(headline, f"{headline} (22/08/2022)", lead, BODY)).article
    assert article is not None and article.title == headline
    assert article.date is not None and article.date.iso()[:10] == "2022-08-22" and not article.date_inferred


def test_a_month_field_takes_the_day_a_long_id_in_the_address_encodes():
    lead = (
        "Việc cấp phiếu lý lịch tư pháp trên ứng dụng VNeID được thí điểm tại hai địa phương, "
        "thời hạn hoàn thành là trước ngày 30/4."
    )
    url = "https://bao.example.vn/cap-phieu-ly-lich-tu-phap-tren-vneid-tu-hom-nay-198240422122049602.htm"
    article = extract(page(f" date 2024-04 {lead}", BODY), url=url).article
    assert article is not None and article.date is not None and article.date.iso()[:10] == "2024-04-22"
    # the id alone, with no month from the page, is no date; nor is a deadline in the lead
    undated = extract(page(f" date 2024-05 {lead}", BODY), url=url).article
    assert undated is not None and (undated.date is None or undated.date.iso()[:7] == "2024-05")
    assert undated.date is None or undated.date.iso()[:10] != "2024-05-30"
