"""Datelines in the shapes portals print, and dates inferred from title or lead."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from reform_archive.importer.dates import (
    day_months,
    find_dates,
    is_document_date,
    period_in,
    single_year_in,
    url_date,
    year_hint,
)
from reform_archive.importer.metadata import parse_meta_line

DATELINES = [
    ("09-09-2022", "2022-09-09"),
    ("28/10/2021 07:05", "2021-10-28T07:05:00+07:00"),
    ("10:05, 25/05/2022", "2022-05-25T10:05:00+07:00"),
    ("06/05/2019 - 06:49", "2019-05-06T06:49:00+07:00"),
    ("THỨ BA, 20/09/2022 16:03:31", "2022-09-20T16:03:31+07:00"),
    ("12/05/2016 04:00:00 PM", "2016-05-12T16:00:00+07:00"),
    ("12/05/2016 12:30:00 AM", "2016-05-12T00:30:00+07:00"),
    ("Thứ hai, 11 Tháng 12 2023 16:03", "2023-12-11T16:03:00+07:00"),
    ("Ngày 27/02/2023 09:04:52", "2023-02-27T09:04:52+07:00"),
    ("Đăng ngày 17 - 05 - 2024", "2024-05-17"),
    ("(Cập nhật ngày 08-11-2022)", "2022-11-08"),
    ("VĂN HÀO - TRẦN HỮU 30/04/2016 11:39", "2016-04-30T11:39:00+07:00"),
    ("14/03/2023 08:15 | Lượt xem: 1.204", "2023-03-14T08:15:00+07:00"),
    ("Tin hoạt động | 09-09-2022 | 0 lượt xem", "2022-09-09"),
    ("P.V| 28/10/2021 07:05", "2021-10-28T07:05:00+07:00"),
    ("Chủ nhật, 05/03/2023, 08:00 (GMT+7)", "2023-03-05T08:00:00+07:00"),
    ("Cập nhật lúc 08:30 ngày 12/03/2024", "2024-03-12T08:30:00+07:00"),
    ("ngày 11 tháng 12 năm 2023", "2023-12-11"),
    ("15.06.2023 | 16h30", "2023-06-15T16:30:00+07:00"),
]


@pytest.mark.parametrize("line, expected", DATELINES)
def test_datelines_in_every_listed_style(line, expected):
    meta = parse_meta_line(line)
    assert meta is not None and meta.date is not None, line
    assert meta.date.iso() == expected


def test_a_dateline_carries_its_byline_category_and_update_flag():
    assert parse_meta_line("VĂN HÀO - TRẦN HỮU 30/04/2016 11:39").authors == ("Văn Hào", "Trần Hữu")
    assert parse_meta_line("Tin hoạt động | 09-09-2022 | 0 lượt xem").category == "Tin hoạt động"
    update = parse_meta_line("Bảo Giang  (Cập nhật ngày 08-11-2022)")
    assert update.updated and update.authors == ("Bảo Giang",)


@pytest.mark.parametrize(
    "line",
    [
        "Ngày 08/3/2024, UBND tỉnh ban hành Thông báo số 72/TB-UBND về kết luận của đồng chí Chủ tịch.",
        "Hội nghị tổng kết công tác năm 2023 diễn ra ngày 29/02/2024 tại hội trường tỉnh với nhiều đại biểu",
        "Giai đoạn 2020 - 2030",
    ],
)
def test_prose_with_a_date_is_not_a_dateline(line):
    assert parse_meta_line(line) is None


def test_impossible_dates_and_times_are_not_dates():
    assert find_dates("31/02/2023") == []
    assert find_dates("12/63 tỉnh, thành phố; 2020 - 2030; 1.402 dự án") == []
    assert not find_dates("30/04/2016 25:61")[0].has_time


@pytest.mark.parametrize(
    "title, iso, precision",
    [
        ("CÔNG TÁC CẢI CÁCH HÀNH CHÍNH QUÝ I NĂM 2024", "2024-01-01", "quarter"),
        ("Kết quả CCHC quý III/2022", "2022-07-01", "quarter"),
        ("Sơ kết 6 tháng đầu năm 2023", "2023-01-01", "year"),
        ("Kết quả 6 tháng cuối năm 2023", "2023-07-01", "month"),
        ("Giao ban tháng 3/2024", "2024-03-01", "month"),
    ],
)
def test_periods_a_title_states(title, iso, precision):
    found = period_in(title)
    assert (found.iso(), found.precision) == (iso, precision)


def test_a_bare_year_is_not_a_period_but_can_be_a_last_resort():
    assert period_in("Tổng kết năm 2023, triển khai nhiệm vụ năm 2024") is None
    assert single_year_in("Tổng kết năm 2023, triển khai nhiệm vụ năm 2024") is None
    assert single_year_in("Kế hoạch CCHC năm 2024").iso() == "2024-01-01"


def test_the_dates_of_cited_documents_are_told_apart():
    lead = "Thực hiện Nghị quyết số 05-NQ/TU ngày 13/5/2016, chiều ngày 08/3/2024 UBND tỉnh tổ chức hội nghị."
    news = [d for d in find_dates(lead) if not is_document_date(lead, d.start)]
    assert [d.iso() for d in news] == ["2024-03-08"]
    plan = "Kế hoạch số 2992/KH-UBND ngày 12/8/2021 của UBND tỉnh."
    assert all(is_document_date(plan, d.start) for d in find_dates(plan))


def test_a_day_and_month_without_a_year_take_the_hinted_year():
    assert [d.iso() for d in day_months("Sáng 15/6, UBND tỉnh tổ chức hội nghị.", 2023)] == ["2023-06-15"]
    assert day_months("Theo Kế hoạch số 12/KH-UBND ngày 15/6, UBND tỉnh tổ chức hội nghị.", 2023) == []
    assert year_hint("https://example.gov.vn/2021/tin-tuc/x.html", "năm 2024") == 2021
    assert year_hint("", "giai đoạn 2021-2025, năm 2023, định hướng đến năm 2030") == 2023
    assert year_hint("", "năm 2022 và năm 2023") == 2023
    # a full date says when things happen; a bare year is often the topic
    assert year_hint("", "Kết quả năm 2024: năm 2024 cấp 900 thẻ. Sáng 2/1/2025, Công an xã tổng kết.") == 2025
    assert year_hint("", "năm học 2025 - 2026, từ ngày 04/8 đến hết ngày 31/8/2025") == 2025
    assert year_hint("", "trong tháng 9/2025, phường tiếp nhận 300 hồ sơ") == 2025
    assert year_hint("", "theo Nghị định số 118/2025/NĐ-CP ngày 09/6/2024, năm 2025") == 2025


def test_url_dates():
    assert url_date("https://baohatinh.vn/2022/09/09/tin.html").iso() == "2022-09-09"
    assert url_date("https://example.gov.vn/tin-tuc/123") is None


@given(st.text())
def test_date_functions_never_raise(text):
    find_dates(text)
    period_in(text)
    day_months(text, 2024)
    parse_meta_line(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ngày đăng: 4/5/2011 9:12:44 AM", "2011-04-05"),  # ASP.NET's default US format: month first
        ("3/15/2012 2:30:15 PM", "2012-03-15"),
        ("12/05/2016 04:00:00 PM", "2016-05-12"),  # zero-padded: a Vietnamese format, day first
        ("25/3/2012 2:30:15 PM", "2012-03-25"),  # a day over 12 cannot be a month
        ("4/5/2011", "2011-05-04"),  # without the .NET clock, day first as Vietnamese write it
    ],
)
def test_dotnet_us_dates_are_month_first_only_in_their_own_shape(text, expected):
    assert [d.value.date().isoformat() for d in find_dates(text)] == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Jul 21, 2025 · 3 phút đọc", "2025-07-21"),
        ("21 July 2025", "2025-07-21"),
        ("Sept. 3, 2024", "2024-09-03"),
    ],
)
def test_an_english_interfaces_dates(text, expected):
    assert [d.value.date().isoformat() for d in find_dates(text)] == [expected]


def test_a_month_and_a_yearless_post_time_are_read_where_no_full_date_is():
    from reform_archive.importer.dates import named_month, yearless_dateline

    assert named_month("BẢN TIN CẢI CÁCH HÀNH CHÍNH Số 03 - Tháng 3/2024").value.date().isoformat() == "2024-03-01"
    assert named_month("Quỳ Hợp, tháng 10 năm 2024").precision == "month"
    assert yearless_dateline("14 tháng 7 lúc 08:30", 2025).value.date().isoformat() == "2025-07-14"
    assert yearless_dateline("Năm 2024, tỉnh đã tiếp nhận 14/7 hồ sơ trong 08:30 giờ làm việc mỗi ngày.", 2025) is None


def test_one_date_that_can_only_be_month_first_turns_the_pages_dates_of_its_shape():
    from reform_archive.importer.dates import us_dates_in_day_order

    page = "Ngày đăng: 8/5/2025 9:15 AM\nTin khác (8/25/2025 10:00 AM)\nHôm nay: 06/09/2025"
    assert (
        us_dates_in_day_order(page)
        == "Ngày đăng: 05/08/2025 9:15 AM\nTin khác (25/08/2025 10:00 AM)\nHôm nay: 06/09/2025"
    )
    alone = "Ngày đăng: 8/5/2025 9:15 AM"  # nothing says which order: left as it is
    assert us_dates_in_day_order(alone) == alone


def test_a_related_items_date_tells_the_page_writes_month_first_and_only_stamps_are_rewritten():
    from reform_archive.importer.dates import us_dates_in_day_order

    page = "Ngày đăng: 11/12/2024 10:05 AM\nChiều 11/11/2024, hội nghị đã diễn ra.\nTin cũ (12/30/2024)"
    assert (
        us_dates_in_day_order(page)
        == "Ngày đăng: 12/11/2024 10:05 AM\nChiều 11/11/2024, hội nghị đã diễn ra.\nTin cũ (12/30/2024)"
    )
    typed = "Ngày đăng: 8/5/2025 9:15 AM\nTừ ngày 22/7/2025, xã áp dụng quy trình mới cho hồ sơ đất đai."
    assert us_dates_in_day_order(typed) == typed  # no date says month first: the stamp stays as printed


def test_wordpress_vietnamese_dates_put_the_month_first():
    assert [d.iso()[:10] for d in find_dates("Tháng 5 13, 2025")] == ["2025-05-13"]
    assert find_dates("tháng 5 13 người tham dự") == []


def test_a_lead_reporting_a_document_just_issued_dates_a_page_without_a_dateline():
    from reform_archive.importer.extract import extract

    lead = (
        "UBND tỉnh vừa ban hành Kế hoạch tổ chức Ngày Chuyển đổi số quốc gia năm 2022 trên địa bàn tỉnh "
        "(Kế hoạch số 203/KH-UBND, ngày 27/9/2022)."
    )
    body = "Mục đích nhằm đẩy nhanh tiến độ triển khai các nhiệm vụ chuyển đổi số, nâng cao nhận thức của cán bộ."
    article = extract("\n\n".join(["Kế hoạch tổ chức Ngày Chuyển đổi số quốc gia năm 2022", lead, body, body])).article
    assert article.date is not None and article.date.iso() == "2022-09-27" and article.date_inferred
    # deep in the body, the same words may report an older document: no date from it
    old = "Trước đó, tỉnh đã ban hành Kế hoạch số 12/KH-UBND ngày 3/2/2021 về chuyển đổi số."
    later = extract("\n\n".join(["Chuyển đổi số ở Lạng Sơn", body, old, body])).article
    assert later.date is None or later.date.iso() != "2021-02-03"


def test_the_address_s_day_within_a_capture_s_month():
    from reform_archive.importer.extract import extract

    body = "UBND tỉnh tổ chức hội nghị trực tuyến về cải cách hành chính với các huyện, thị xã và thành phố."
    page = "\n\n".join([" date 2022-07 " + body, body, body])
    article = extract(page, "https://bao.example.vn/cai-cach-hanh-chinh-tinh-nha-20220724101500123.htm").article
    assert article.date is not None and article.date.iso() == "2022-07-24"


@given(
    prefix=st.text("0123456789", min_size=0, max_size=4),
    day=st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
    rest=st.text("0123456789", min_size=6, max_size=9),
    other_month=st.integers(1, 12),
)
def test_a_long_ids_day_counts_only_within_the_month_the_page_gives(prefix, day, rest, other_month):
    from reform_archive.importer.dates import url_day_in

    digits = f"{prefix}{day:%y%m%d}{rest}"
    assume(digits.find(f"{day:%y%m}") == len(prefix))  # a prefix that spells the month first is ambiguous
    url = f"https://bao.example.vn/tieu-de-bai-viet-{digits}.htm"
    found = url_day_in(url, datetime(day.year, day.month, 1))
    assert found is not None and found.value.date() == day
    if other_month != day.month:
        other = url_day_in(url, datetime(day.year, other_month, 1))
        assert other is None or other.value.month == other_month  # never a day of another month
