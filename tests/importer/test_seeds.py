"""The five seed pages (kept in content/_raw/) imported as issue 3 says they must be."""

from __future__ import annotations

import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from reform_archive.importer.blocks import tail_start
from reform_archive.importer.chrome import is_prose
from reform_archive.importer.normalise import normalise_text
from reform_archive.importer.structure import list_item
from reform_archive.source.markup import plain_text, to_html
from reform_archive.source.parse import parse_article

CONTENT = Path(__file__).resolve().parents[2] / "content"
TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def seed(name: str):
    path = next(CONTENT.glob(f"*/{name}.md"))
    article, problems = parse_article(path.read_text("utf-8"), path.name, TZ)
    assert article is not None and not problems, problems
    raw = (CONTENT / article.raw).read_text("utf-8")
    return article, to_html(article.body), raw


def headings(html: str) -> list[str]:
    return [plain_text(h) for h in re.findall(r"<h2[^>]*>(.*?)</h2>", html)]


def test_000_hoa_binh():
    article, html, _ = seed("ubnd-tinh-to-chuc-hoi-nghi-tong-ket-chuong-trinh-tong-the-cai-cach-hanh-chinh")
    assert article.title.startswith("UBND tỉnh tổ chức Hội nghị tổng kết") and article.title.endswith("2021-2030")
    assert article.date.isoformat() == "2022-09-09T00:00:00+07:00"
    assert (article.category, article.authors) == ("Tin hoạt động", ("Phòng Cải cách hành chính",))
    assert article.provinces == ("Hòa Bình",) and article.documents == ("05-NQ/TU",)
    for chrome in ("lượt xem", "Ý kiến bạn đọc", "Nhập thông tin"):
        assert chrome not in article.body


def test_001_ha_tinh():
    article, html, _ = seed("ha-tinh-huong-den-nen-hanh-chinh-hien-dai")
    assert article.title == "Hà Tĩnh hướng đến nền hành chính hiện đại"
    assert article.date.isoformat() == "2021-10-28T07:05:00+07:00"
    assert article.authors == ("P.V",) and article.provinces[0] == "Hà Tĩnh"
    assert headings(html) == [
        "Sự hài lòng của người dân là thước đo",
        "Tạo nền tảng phát triển chính quyền số, đô thị thông minh",
    ]
    assert html.count('class="caption"') == 2 and "(Ảnh: PV)" in html
    for chrome in ("Theo dõi ICTVietnam", "Bài liên quan", "Đừng bỏ lỡ", "POWERED BY"):
        assert chrome not in article.body


def test_002_ham_tan():
    article, html, _ = seed("cong-tac-cai-cach-hanh-chinh-quy-i-nam-2024-tren-dia-ban-huyen-ham-tan-co-nhieu")
    assert article.title == ("Công tác cải cách hành chính quý I năm 2024 trên địa bàn huyện Hàm Tân có nhiều khởi sắc")
    assert article.extra["title_original"] == article.title.upper()
    assert article.date.isoformat() == "2024-01-01T00:00:00+07:00" and article.date_precision == "quarter"
    assert article.extra["date_inferred"] is True
    assert article.authors == ("Phòng Nội vụ",) and article.body.count("Phòng Nội vụ") == 0
    assert article.provinces == ("Bình Thuận",)
    assert {"23/CT-TTg", "2992/KH-UBND", "148/KH-UBND"} <= set(article.documents)
    assert {"PAR Index", "SIPAS", "PAPI", "PCI"} <= set(article.tags)
    for chrome in ("Thống kê truy cập", "Đăng nhập", "Anh-tin-bai", "ipv6"):
        assert chrome not in article.body


def test_003_quang_nam():
    article, html, _ = seed("thong-bao-ket-luan-cua-chu-tich-ubnd-tinh-tai-hoi-nghi-tong-ket-cong-tac-cai")
    assert article.date.isoformat() == "2024-03-08T00:00:00+07:00" and article.extra["date_inferred"] is True
    assert article.provinces == ("Quảng Nam",)
    assert {"72/TB-UBND", "04-NQ/TU", "16-NQ/TU", "2817/KH-UBND", "57/NQ-HĐND", "521/KH-UBND"} <= set(article.documents)
    ordered = re.findall(r"<ol(?: start=\"(\d+)\")?>(.*?)</ol>", html, re.DOTALL)
    top_level = [
        (start or "1", re.sub(r"<ul>.*?</ul>", "", body, flags=re.DOTALL).count("<li>")) for start, body in ordered
    ]
    assert top_level == [("1", 4), ("5", 3)]
    assert html.count("<ul>") == 2 and len(re.findall(r"<li>", html)) == 7 + 6


def test_004_binh_dinh():
    article, html, _ = seed("dai-hoi-dang-bo-so-noi-vu-tinh-binh-dinh-nhiem-ky-2020-2025-xac-dinh-cai-cach")
    assert article.extra["title_inferred"] is True and article.title.startswith("Đại hội Đảng bộ Sở Nội vụ")
    assert article.date.isoformat() == "2022-11-08T00:00:00+07:00" and "date_inferred" not in article.extra
    assert article.authors == ("Bảo Giang",) and article.provinces == ("Bình Định",)
    assert "16-NQ/ĐU" in article.documents and "17-NQ/ĐU" not in article.documents
    assert len(headings(html)) == 3
    for chrome in ("Các tin liên quan", "Thống kê người dùng", "Bản quyền", "02A Trần Phú", "3811425"):
        assert chrome not in article.body


@pytest.mark.parametrize("name", sorted(p.stem for p in CONTENT.glob("*/*.md")))
def test_nothing_of_the_article_is_lost(name):
    """Every prose line above the page tail is in the rendered article, without its list marker."""
    article, html, raw = seed(name)
    rendered = " ".join(plain_text(html).split()) + " " + article.summary
    lines = normalise_text(raw).split("\n")
    for line in lines[: tail_start(lines)]:
        if is_prose(line):
            item = list_item(line)
            assert " ".join((item.text if item else line).split()) in rendered
