"""Sample inputs for the forms tests, written for them (every sentence is our own).

A made-up story about administrative reform in a real province, laid out the way
Vietnamese portals lay out a news page: menu, breadcrumb, dateline under the headline,
tool bar, sapo, paragraphs, photo caption, byline, related news, sidebar, footer.
"""

from __future__ import annotations

import json

TITLE = "Đẩy mạnh số hóa hồ sơ, kết quả giải quyết thủ tục hành chính tại cấp xã"
DATELINE = "Thứ Tư, 14/10/2020 08:15"
SAPO = (
    "(SNV) - Sáng 13/10, Sở Nội vụ tỉnh Quảng Trị tổ chức hội nghị triển khai kế hoạch số hóa "
    "hồ sơ, kết quả giải quyết thủ tục hành chính tại Ủy ban nhân dân cấp xã trên địa bàn tỉnh."
)
PARAGRAPHS = (
    "Theo báo cáo tại hội nghị, đến hết tháng 9 năm 2020, toàn tỉnh đã có 98 trên 125 xã, phường, "
    "thị trấn thực hiện số hóa hồ sơ khi tiếp nhận tại Bộ phận Một cửa, đạt tỷ lệ gần 79%. Nhiều địa "
    "phương đã bố trí máy quét và công chức chuyên trách để việc số hóa không làm chậm thời gian trả kết quả.",
    "Tuy vậy, việc số hóa ở một số xã miền núi còn gặp khó khăn do đường truyền chưa ổn định, trang "
    "thiết bị thiếu và công chức chưa quen với phần mềm một cửa điện tử. Có nơi hồ sơ giấy vẫn được lưu "
    "song song, gây tốn thời gian và kinh phí cho người dân.",
    "Phát biểu tại hội nghị, Giám đốc Sở Nội vụ đề nghị các địa phương quán triệt Nghị định số "
    "45/2020/NĐ-CP của Chính phủ về thực hiện thủ tục hành chính trên môi trường điện tử, coi số hóa hồ "
    "sơ là nhiệm vụ thường xuyên gắn với trách nhiệm người đứng đầu.",
    "Sở Nội vụ sẽ phối hợp với Sở Thông tin và Truyền thông tập huấn cho công chức một cửa cấp xã trong "
    "quý IV năm 2020; đồng thời đưa kết quả số hóa vào tiêu chí chấm điểm Chỉ số cải cách hành chính "
    "hằng năm của các cơ quan, địa phương.",
    "Kết thúc hội nghị, các đại biểu đã tham quan mô hình Bộ phận Một cửa hiện đại tại xã Triệu Thành, "
    "nơi người dân có thể tra cứu tình trạng hồ sơ bằng mã QR in trên giấy tiếp nhận.",
)
CAPTION = "Quang cảnh hội nghị (Ảnh: PV)"
BYLINE = "Minh Châu"
RELATED = (
    "Quảng Trị công bố Chỉ số hài lòng của người dân năm 2019",
    "Hướng dẫn đánh giá Chỉ số cải cách hành chính cấp huyện",
    "Triệu Phong tổ chức đối thoại với doanh nghiệp về thủ tục đầu tư",
)
LATEST = (
    "Hội nghị tổng kết công tác thi đua khen thưởng năm 2020",
    "Tuyển dụng công chức cấp xã đợt 2 năm 2020",
    "Kiểm tra công tác văn thư, lưu trữ tại huyện Gio Linh",
)
URL = "https://sonoivu.quangtri.gov.vn/tin-tuc/day-manh-so-hoa-ho-so-123.html"
IMAGE = "https://sonoivu.quangtri.gov.vn/uploads/2020/10/hoi-nghi-so-hoa.jpg"

JSON_LD = {
    "@context": "https://schema.org",
    "@graph": [
        {"@type": "WebSite", "name": "Sở Nội vụ tỉnh Quảng Trị", "url": "https://sonoivu.quangtri.gov.vn/"},
        {"@type": "BreadcrumbList", "itemListElement": [{"@type": "ListItem", "position": 1, "name": "Tin tức"}]},
        {
            "@type": "NewsArticle",
            "headline": TITLE,
            "datePublished": "2020-10-14T08:15:00+07:00",
            "dateModified": "2020-10-15T09:30:00+07:00",
            "author": [{"@type": "Person", "name": "Minh Châu"}, {"@type": "Person", "name": "Hà Vy"}],
            "image": {"@type": "ImageObject", "url": IMAGE},
            "mainEntityOfPage": URL,
        },
    ],
}

OG_TAGS = f"""
<meta property="og:type" content="article">
<meta property="og:title" content="{TITLE} - Sở Nội vụ tỉnh Quảng Trị">
<meta property="og:site_name" content="Sở Nội vụ tỉnh Quảng Trị">
<meta property="og:url" content="{URL}">
<meta property="og:image" content="{IMAGE}">
<meta property="article:published_time" content="2020-10-14T08:15:00+07:00">
<meta name="author" content="Minh Châu">
"""


def portal_page(head_extra: str = "", dateline: str = DATELINE, webforms: bool = True) -> str:
    """A portal's news page; ``head_extra`` adds metadata, ``webforms`` wraps the page in
    one <form> as ASP.NET portals do."""
    paragraphs = "\n".join(f"      <p>{text}</p>" for text in PARAGRAPHS[:3])
    rest = "\n".join(f"      <p>{text}</p>" for text in PARAGRAPHS[3:])
    related = "".join(
        f'<li><a href="/tin/{n}.html">{text}</a> <span>(1{n}/10/2020)</span></li>' for n, text in enumerate(RELATED)
    )
    latest = "".join(f'<li><a href="/tin/{n + 10}.html">{text}</a></li>' for n, text in enumerate(LATEST))
    body = f"""
<div class="top-bar">Thứ Hai, ngày 19/10/2020 | <a href="/dang-nhap">Đăng nhập</a></div>
<div class="header"><img src="/images/logo.png" alt="logo">
  <div class="site-name">CỔNG THÔNG TIN ĐIỆN TỬ SỞ NỘI VỤ TỈNH QUẢNG TRỊ</div></div>
<ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu</a></li>
  <li><a href="/tin-tuc">Tin tức</a></li><li><a href="/van-ban">Văn bản</a></li>
  <li><a href="/thu-tuc">Thủ tục hành chính</a></li><li><a href="/lien-he">Liên hệ</a></li></ul>
<div class="breadcrumb"><a href="/">Trang chủ</a> &gt; <a href="/tin-tuc">Tin tức</a></div>
<div class="main">
  <div class="col-left">
    <div class="news-detail">
      <h1 class="title">{TITLE}</h1>
      <div class="date">{dateline}</div>
      <div class="tools"><a href="#">In bài</a> | <a href="#">Gửi email</a> | Cỡ chữ: <a>A-</a> <a>A+</a></div>
      <div class="sapo"><strong>{SAPO}</strong></div>
      <div class="content">
{paragraphs}
      <p style="text-align:center"><img src="/uploads/2020/10/hoi-nghi.jpg" alt=""><br><em>{CAPTION}</em></p>
{rest}
      <p style="text-align:right"><strong>{BYLINE}</strong></p>
      </div>
      <div class="share">Chia sẻ: <a>Facebook</a> <a>Zalo</a></div>
      <div class="related"><h3>Tin liên quan</h3><ul>{related}</ul></div>
    </div>
  </div>
  <div class="col-right">
    <div class="box"><h3>Tin mới nhất</h3><ul>{latest}</ul></div>
    <div class="counter">Lượt truy cập: 1.234.567</div>
  </div>
</div>
<div class="footer">Bản quyền thuộc về Sở Nội vụ tỉnh Quảng Trị<br>
Địa chỉ: số 01 đường Hùng Vương, thành phố Đông Hà, tỉnh Quảng Trị. Điện thoại: 0233 3850 000<br>
Ghi rõ nguồn khi phát hành lại thông tin từ website này.</div>
"""
    if webforms:
        body = f'<form id="form1" method="post" action="./chi-tiet.aspx?id=123">{body}</form>'
    return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>{TITLE} - Sở Nội vụ tỉnh Quảng Trị</title>
{head_extra}
<link rel="stylesheet" href="/css/site.css">
<script>var _gaq = _gaq || []; _gaq.push(['_trackPageview']);</script>
<style>.menu li {{ display: inline; }}</style>
</head>
<body>{body}
<script src="/js/site.js"></script>
</body>
</html>
"""


def json_ld_page() -> str:
    return portal_page(f'<script type="application/ld+json">{json.dumps(JSON_LD, ensure_ascii=False)}</script>')


def og_page() -> str:
    return portal_page(OG_TAGS)


def bare_page() -> str:
    return portal_page()


# three more stories, for the feeds and the record files
STORIES = (
    {
        "title": "Huyện Gio Linh công khai xin lỗi người dân vì hồ sơ trễ hẹn",
        "paragraphs": (
            "Trong quý III năm 2020, Ủy ban nhân dân huyện Gio Linh đã gửi 12 thư xin lỗi tới tổ chức, "
            "công dân có hồ sơ đất đai giải quyết quá hạn, đồng thời hẹn lại thời gian trả kết quả cụ thể.",
            "Chủ tịch Ủy ban nhân dân huyện yêu cầu các phòng chuyên môn rà soát quy trình nội bộ, xác định "
            "rõ khâu gây chậm trễ và trách nhiệm của từng công chức để không lặp lại.",
        ),
        "date": "Mon, 05 Oct 2020 14:30:00 +0700",
        "iso": "2020-10-05T14:30:00+07:00",
        "author": "Hà Vy",
        "url": "https://sonoivu.quangtri.gov.vn/tin-tuc/gio-linh-xin-loi-124.html",
    },
    {
        "title": "Triệu Phong đưa 100% thủ tục hành chính cấp xã lên dịch vụ công trực tuyến",
        "paragraphs": (
            "Từ ngày 01/10/2020, toàn bộ thủ tục hành chính thuộc thẩm quyền cấp xã của huyện Triệu Phong "
            "được cung cấp trực tuyến mức độ 3 trên Cổng dịch vụ công của tỉnh.",
            "Để người dân quen với cách nộp hồ sơ mới, mỗi xã bố trí một đoàn viên thanh niên hướng dẫn "
            "trực tiếp tại Bộ phận Một cửa vào các buổi sáng thứ Hai và thứ Năm hằng tuần.",
        ),
        "date": "Tue, 06 Oct 2020 09:00:00 +0700",
        "iso": "2020-10-06T09:00:00+07:00",
        "author": "Minh Châu",
        "url": "https://sonoivu.quangtri.gov.vn/tin-tuc/trieu-phong-dvc-125.html",
    },
    {
        "title": "Sở Nội vụ lấy ý kiến về đề án vị trí việc làm",
        "paragraphs": (
            "Sở Nội vụ đề nghị các sở, ban, ngành góp ý dự thảo đề án vị trí việc làm trước ngày 20/10/2020, "
            "làm cơ sở tinh giản biên chế theo đúng lộ trình đã được Tỉnh ủy thông qua.",
        ),
        "date": "Wed, 07 Oct 2020 16:45:00 +0700",
        "iso": "2020-10-07T16:45:00+07:00",
        "author": "Phòng Tổ chức biên chế",
        "url": "https://sonoivu.quangtri.gov.vn/tin-tuc/vi-tri-viec-lam-126.html",
    },
)


def rss_feed() -> str:
    """RSS 2.0: a content:encoded item with a sapo in its description, a description-only
    item, and one with dc:creator and an enclosure."""
    first, second, third = STORIES
    first_content = "".join(f"<p>{text}</p>" for text in first["paragraphs"])
    second_description = "<br />".join(second["paragraphs"])
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Sở Nội vụ tỉnh Quảng Trị - Tin tức</title>
  <link>https://sonoivu.quangtri.gov.vn/</link>
  <description>Tin cải cách hành chính</description>
  <item>
    <title>{first["title"]}</title>
    <link>{first["url"]}</link>
    <description><![CDATA[<img src="https://sonoivu.quangtri.gov.vn/anh/gio-linh.jpg" /> Gio Linh nhận trách nhiệm trước người dân.]]></description>
    <content:encoded><![CDATA[{first_content}]]></content:encoded>
    <pubDate>{first["date"]}</pubDate>
    <author>snv@quangtri.gov.vn ({first["author"]})</author>
    <guid>{first["url"]}</guid>
  </item>
  <item>
    <title>{second["title"]}</title>
    <link>{second["url"]}</link>
    <description>{escape(second_description)}</description>
    <pubDate>{second["date"]}</pubDate>
    <dc:creator>{second["author"]}</dc:creator>
  </item>
  <item>
    <title>{third["title"]}</title>
    <link>{third["url"]}</link>
    <description>{third["paragraphs"][0]}</description>
    <pubDate>{third["date"]}</pubDate>
    <dc:creator>{third["author"]}</dc:creator>
    <enclosure url="https://sonoivu.quangtri.gov.vn/anh/de-an.png" type="image/png" length="1000" />
  </item>
</channel>
</rss>
"""


def atom_feed() -> str:
    first, second, _ = STORIES
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Tin cải cách hành chính</title>
  <id>urn:uuid:7c1d-snv</id>
  <updated>2020-10-07T10:00:00+07:00</updated>
  <entry>
    <title type="html">{escape(first["title"])}</title>
    <link rel="alternate" type="text/html" href="{first["url"]}"/>
    <link rel="edit" href="https://sonoivu.quangtri.gov.vn/api/124"/>
    <id>{first["url"]}</id>
    <published>2020-10-05T14:30:00+07:00</published>
    <updated>2020-10-09T08:00:00+07:00</updated>
    <author><name>{first["author"]}</name><email>snv@quangtri.gov.vn</email></author>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">{"".join(f"<p>{t}</p>" for t in first["paragraphs"])}</div></content>
  </entry>
  <entry>
    <title>{second["title"]}</title>
    <link href="{second["url"]}"/>
    <id>{second["url"]}</id>
    <updated>2020-10-06T09:00:00+07:00</updated>
    <summary>Triệu Phong hoàn thành mục tiêu sớm hơn kế hoạch.</summary>
    <content type="html">{escape("".join(f"<p>{t}</p>" for t in second["paragraphs"]))}</content>
  </entry>
</feed>
"""


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# Reading input forms never touches the network: each test module imports this autouse
# fixture (a conftest.py here would shadow the suite's own `conftest` module).
import socket as _socket  # noqa: E402

import pytest as _pytest  # noqa: E402


@_pytest.fixture(autouse=True)
def no_network(monkeypatch):
    attempts: list[str] = []

    def refuse(*args, **kwargs):
        attempts.append(repr(args[1:] or args))
        raise OSError("network use in a test of the input forms")

    monkeypatch.setattr(_socket.socket, "connect", refuse)
    monkeypatch.setattr(_socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(_socket, "create_connection", refuse)
    monkeypatch.setattr(_socket, "getaddrinfo", refuse)
    yield
    assert not attempts, f"network connections were attempted: {attempts}"


def newspaper_page() -> str:
    """A newspaper's layout: <article> with a <time>, the sapo in an <h2>, a figure, an inline
    "Xem thêm" box between paragraphs, readers' comments under the article."""
    first, rest = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2]), "".join(f"<p>{p}</p>" for p in PARAGRAPHS[2:])
    return f"""<!DOCTYPE html><html><head><title>{TITLE} | Báo Quảng Trị</title></head><body>
<header><nav><a href="/thoi-su">Thời sự</a><a href="/chinh-tri">Chính trị</a></nav></header>
<main><article>
<header><div class="cate">Chính trị</div><h1>{TITLE}</h1>
<time datetime="2020-10-14T08:15:00+07:00">14/10/2020 08:15</time></header>
<h2 class="sapo">{SAPO}</h2>
<figure><img src="/anh/hoi-nghi.jpg" alt=""><figcaption>{CAPTION}</figcaption></figure>
{first}
<div class="related-inline"><strong>Xem thêm:</strong><ul><li><a href="/x">{RELATED[0]}</a></li></ul></div>
{rest}
<p class="author"><strong>HÀ VY</strong></p>
</article>
<section class="comments"><h3>Ý kiến bạn đọc</h3><div class="comment"><p>Tôi rất đồng tình với chủ trương
số hóa hồ sơ ở cấp xã, mong tỉnh sớm triển khai ở tất cả các xã miền núi.</p></div></section>
</main><footer>© Báo Quảng Trị. Ghi rõ nguồn khi phát hành lại thông tin.</footer></body></html>"""
