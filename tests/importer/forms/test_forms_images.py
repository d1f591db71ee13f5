"""A saved page's picture as front matter's cover (issue 22 item 2): og:image and its alt text,
an https address used as it is and never downloaded."""

import json

import forms_samples as s
from forms_samples import no_network  # noqa: F401 (autouse: no test here may use the network)

from reform_archive.importer.forms import RawPage, front_matter_image, read_pages


def read_one(html: str) -> RawPage:
    pages, problems = read_pages(html.encode("utf-8"), "trang.html")
    assert len(pages) == 1, problems
    return pages[0]


def test_og_image_and_its_alt_become_the_cover():
    page = read_one(
        s.portal_page(
            f'<meta property="og:image" content="{s.IMAGE}">\n'
            '<meta property="og:image:alt" content="Quang cảnh  hội nghị">'
        )
    )
    assert (page.image, page.image_alt) == (s.IMAGE, "Quang cảnh hội nghị")
    assert front_matter_image(page) == (s.IMAGE, "Quang cảnh hội nghị")


def test_json_ld_images_caption_is_its_alt_and_twitters_alt_goes_with_twitters_image():
    data = {
        "@type": "NewsArticle",
        "headline": s.TITLE,
        "image": {"@type": "ImageObject", "url": s.IMAGE, "caption": "Đại biểu dự hội nghị"},
    }
    page = read_one(
        s.portal_page(f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>')
    )
    assert front_matter_image(page) == (s.IMAGE, "Đại biểu dự hội nghị")
    page = read_one(
        s.portal_page(
            '<meta name="twitter:image" content="https://x.vn/t.jpg">'
            '<meta name="twitter:image:alt" content="Ảnh chia sẻ">'
        )
    )
    assert front_matter_image(page) == ("https://x.vn/t.jpg", "Ảnh chia sẻ")


def test_only_an_absolute_https_picture_is_a_cover():
    assert front_matter_image(RawPage("x", b"", image="http://sonoivu.quangtri.gov.vn/a.jpg")) == ("", "")
    assert front_matter_image(RawPage("x", b"", image="/uploads/a.jpg", image_alt="A")) == ("", "")
    assert front_matter_image(RawPage("x", b"", image="https://x.vn/a b.jpg")) == ("", "")
    assert front_matter_image(RawPage("x", b"")) == ("", "")


def test_without_declared_metadata_the_articles_first_picture_keeps_its_alt():
    html = s.bare_page().replace('hoi-nghi.jpg" alt=""', 'hoi-nghi.jpg" alt="Hội nghị  số hóa"')
    page = read_one(html)
    assert (page.image, page.image_alt) == ("/uploads/2020/10/hoi-nghi.jpg", "Hội nghị số hóa")
    assert front_matter_image(page) == ("", "")  # no address to make it absolute: not a cover
