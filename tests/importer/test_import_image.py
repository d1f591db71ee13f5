"""A saved HTML page's og:image reaches the front matter as image and image_alt (issue 22, item 2)."""

from __future__ import annotations

import frontmatter

from reform_archive.importer.output import render
from reform_archive.importer.pipeline import import_bytes

PAGE = """<!doctype html><html><head><meta charset="utf-8">
<meta property="og:title" content="Xã Tân Lập đón 500 hồ sơ trực tuyến">
<meta property="og:image" content="{image}">
<meta property="og:image:alt" content="Công chức một cửa hướng dẫn người dân">
<meta property="article:published_time" content="2024-03-12T08:00:00+07:00">
</head><body><article><h1>Xã Tân Lập đón 500 hồ sơ trực tuyến</h1>
<p>Sáng 12/3, UBND xã Tân Lập cho biết Bộ phận một cửa đã tiếp nhận hơn 500 hồ sơ trực tuyến trong tháng đầu
áp dụng quy trình mới, gấp đôi cùng kỳ năm trước.</p>
<p>Theo kế hoạch, xã tiếp tục hướng dẫn người dân nộp hồ sơ qua điện thoại và thanh toán phí trực tuyến.</p>
</article></body></html>"""


def _front_matter(image: str) -> dict:
    page = import_bytes(PAGE.format(image=image).encode(), "trang.html")[0]
    article = page.extraction.article
    text = render(article, slug="xa-tan-lap", raw="_raw/2024/xa-tan-lap.html", source_sha256="0" * 64, encoding="utf-8")
    return frontmatter.loads(text).metadata


def test_an_https_og_image_becomes_the_cover_with_its_alt():
    meta = _front_matter("https://bao.example.vn/anh/2024/03/mot-cua.jpg")
    assert meta["image"] == "https://bao.example.vn/anh/2024/03/mot-cua.jpg"
    assert meta["image_alt"] == "Công chức một cửa hướng dẫn người dân"


def test_a_relative_or_http_picture_is_left_out():
    for image in ("/anh/mot-cua.jpg", "http://bao.example.vn/anh/mot-cua.jpg"):
        meta = _front_matter(image)
        assert "image" not in meta and "image_alt" not in meta
