"""Covers and responsive pictures, the pure parts (issue 22 item 2): front matter, site.toml,
the planned renditions, srcset strings, view data, body pictures, and Pillow's bytes."""

from __future__ import annotations

import io
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from picturemaker import logo, photo, size_of
from PIL import Image, ImageCms

from reform_archive.config import parse_settings
from reform_archive.errors import ConfigError
from reform_archive.imaging import ImageFault, encode_renditions, image_facts
from reform_archive.publish.pictures import picture_view, share_json_ld, share_view, srcset
from reform_archive.publish.views import ViewBuilder
from reform_archive.site.pictures import (
    RESPONSIVE_WIDTHS,
    ImageFacts,
    plan_picture,
    plan_widths,
    remote_picture,
    scaled_height,
)
from reform_archive.source.markup import image_sources, to_html, with_image_sizes
from reform_archive.source.parse import parse_article

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
DIGEST = "ab" * 32


def front(*lines: str) -> str:
    return "\n".join(["---", "title: Hội nghị", "date: 2024-03-01", "summary: Tóm tắt", *lines, "---", "Nội dung.", ""])


# front matter


def test_image_and_image_alt_are_read_into_the_cover():
    source, problems = parse_article(
        front("image: /images/2024/hoi-nghi.jpg", "image_alt: Toàn cảnh hội nghị"), "content/a.md", TZ
    )
    assert problems == []
    assert source is not None and source.cover is not None
    assert (source.cover.src, source.cover.alt, source.cover.line) == (
        "images/2024/hoi-nghi.jpg",
        "Toàn cảnh hội nghị",
        5,
    )
    assert "image" not in source.extra and not source.cover.remote


def test_a_remote_cover_is_kept_as_written():
    source, _ = parse_article(front("image: https://example.gov.vn/anh/a.jpg", "image_alt: Ảnh"), "a.md", TZ)
    assert source is not None and source.cover is not None
    assert source.cover.src == "https://example.gov.vn/anh/a.jpg" and source.cover.remote


def test_a_cover_without_alternative_text_is_a_warning_on_its_line():
    source, problems = parse_article(front("image: images/a.jpg"), "content/a.md", TZ)
    assert source is not None
    [problem] = problems
    assert (problem.level, problem.line) == ("warning", 5)
    assert "'image' has no 'image_alt'" in problem.message


def test_an_empty_image_alt_says_the_picture_is_decoration():
    source, problems = parse_article(front("image: images/a.jpg", 'image_alt: ""'), "content/a.md", TZ)
    assert problems == [] and source is not None and source.cover is not None and source.cover.alt == ""


def test_image_alt_without_image_is_a_warning():
    _, problems = parse_article(front("image_alt: Ảnh"), "content/a.md", TZ)
    assert [(p.level, p.line) for p in problems] == [("warning", 5)]
    assert "without 'image'" in problems[0].message


@pytest.mark.parametrize(
    "written, said",
    [
        ("http://example.gov.vn/a.jpg", "use its https:// address"),
        ("../secret.jpg", "no '..'"),
        ("images//a.jpg", "empty parts"),
        ("ftp://example.org/a.jpg", "https:// URL"),
    ],
)
def test_an_image_that_cannot_be_a_cover_is_an_error_on_its_line(written, said):
    source, problems = parse_article(front(f"image: {written}", "image_alt: Ảnh"), "content/a.md", TZ)
    assert source is None
    [problem] = problems
    assert (problem.level, problem.line) == ("error", 5) and said in problem.message


def test_a_misspelt_image_key_gets_did_you_mean():
    _, problems = parse_article(front("imge: images/a.jpg"), "content/a.md", TZ)
    assert any("did you mean 'image'" in p.message for p in problems)


# site.toml


def test_site_toml_image_is_checked_like_any_key():
    settings = parse_settings(
        'title = "T"\nbase_url = "https://example.org/"\nimage = "/images/og-default.png"\n', "site.toml"
    )
    assert (settings.image, settings.image_line) == ("images/og-default.png", 3)
    with pytest.raises(ConfigError) as caught:
        parse_settings('title = "T"\nbase_url = "https://example.org/"\n\nimage = "http://x.vn/a.png"\n', "site.toml")
    [problem] = caught.value.problems
    assert problem.line == 4 and "'image' must be a picture's path inside static/" in problem.message


# planning


def test_widths_never_enlarge_and_end_at_the_original_when_it_is_between_steps():
    assert plan_widths(4000) == RESPONSIVE_WIDTHS == (320, 640, 960, 1440)
    assert plan_widths(1440) == (320, 640, 960, 1440)
    assert plan_widths(800) == (320, 640, 800)
    assert plan_widths(1000) == (320, 640, 960)  # 1000 is close enough to 960: no step of its own
    assert plan_widths(200) == (200,)
    assert plan_widths(320) == (320,)


@given(st.integers(1, 20000))
def test_widths_are_rising_and_never_wider_than_the_original(width):
    widths = plan_widths(width)
    assert list(widths) == sorted(set(widths)) and widths[-1] <= width and widths


def test_heights_keep_the_aspect_ratio():
    assert scaled_height(1600, 900, 320) == 180
    assert scaled_height(3, 2, 2) == 1  # 1.33 rounds down
    assert scaled_height(10000, 1, 320) == 1  # never 0


def test_a_photo_is_planned_as_webp_and_jpeg_named_by_content_and_width():
    picture = plan_picture("images/a.jpg", ImageFacts(DIGEST, 2000, 1000, False))
    assert [(r.path, r.width, r.height) for r in picture.webp] == [
        (f"images/_/{DIGEST[:16]}-{w}.webp", w, w // 2) for w in (320, 640, 960, 1440)
    ]
    assert [r.format for r in picture.fallback] == ["jpeg"] * 4
    assert picture.share is not None and (picture.share.path, picture.share.width) == (
        f"images/_/{DIGEST[:16]}-1200.jpg",
        1200,
    )
    assert len(picture.renditions) == 9


def test_a_transparent_picture_falls_back_to_png_and_shares_a_jpeg_no_wider_than_itself():
    picture = plan_picture("logo.png", ImageFacts(DIGEST, 700, 500, True))
    assert [(r.format, r.width) for r in picture.fallback] == [("png", 320), ("png", 640)]  # 700 is near 640
    assert picture.share is not None and (picture.share.format, picture.share.width) == ("jpeg", 700)
    small = plan_picture("a.jpg", ImageFacts(DIGEST, 640, 480, False))
    assert small.share in small.fallback and len(small.renditions) == 4  # the share JPEG is the 640 fallback


def test_an_svg_is_shown_as_it_is():
    picture = plan_picture("images/so-do.svg", ImageFacts(DIGEST, 0, 0, False, resizable=False))
    assert picture.renditions == () and not picture.remote


# view data


def test_srcset_and_picture_view_of_a_local_picture():
    picture = plan_picture("images/a.jpg", ImageFacts(DIGEST, 1000, 500, False))
    link = lambda path: "/luu-tru/" + path  # noqa: E731
    assert srcset(picture.webp[:2], link) == (
        f"/luu-tru/images/_/{DIGEST[:16]}-320.webp 320w, /luu-tru/images/_/{DIGEST[:16]}-640.webp 640w"
    )
    view = picture_view(picture, "Ảnh", link)
    assert view["src"] == f"/luu-tru/images/_/{DIGEST[:16]}-960.jpg"
    assert (view["width"], view["height"], view["alt"]) == (960, 480, "Ảnh")
    assert view["srcset"].count("w, ") == 2 and view["webp_srcset"].endswith("960.webp 960w")


def test_a_remote_or_svg_picture_has_no_srcset():
    link = lambda path: "/" + path  # noqa: E731
    assert picture_view(remote_picture("https://x.vn/a.jpg"), "A", link) == {
        "src": "https://x.vn/a.jpg",
        "srcset": "",
        "webp_srcset": "",
        "width": 0,
        "height": 0,
        "alt": "A",
    }
    svg = plan_picture("images/sơ đồ.svg", ImageFacts(DIGEST, 0, 0, False, resizable=False))
    assert picture_view(svg, "", link)["src"] == "/images/s%C6%A1%20%C4%91%E1%BB%93.svg"


def test_share_view_and_its_json_ld():
    picture = plan_picture("images/a.jpg", ImageFacts(DIGEST, 2400, 1200, False))
    absolute = lambda path: "https://example.org/" + path  # noqa: E731
    view = share_view(picture, "Ảnh", absolute)
    assert view == {
        "url": f"https://example.org/images/_/{DIGEST[:16]}-1200.jpg",
        "width": 1200,
        "height": 600,
        "alt": "Ảnh",
        "type": "image/jpeg",
    }
    assert share_json_ld(view) == {"@type": "ImageObject", "url": view["url"], "width": 1200, "height": 600}
    remote = share_view(remote_picture("https://x.vn/a.jpg"), "", absolute)
    assert share_json_ld(remote) == "https://x.vn/a.jpg" and remote["width"] == 0


def test_every_page_has_a_twitter_card_and_the_sites_picture_when_it_has_one():
    settings = parse_settings('title = "Lưu trữ"\nbase_url = "https://example.org/"\n', "site.toml")
    plain = ViewBuilder(settings, lambda key, **_: key).page("home", "", "Lưu trữ")
    assert plain["image"] is None and plain["twitter_card"] == "summary"
    picture = plan_picture("images/og.png", ImageFacts(DIGEST, 1600, 840, False))
    page = ViewBuilder(settings, lambda key, **_: key, picture).page("home", "", "Lưu trữ")
    assert page["twitter_card"] == "summary_large_image"
    assert page["image"]["url"].startswith("https://example.org/images/_/") and page["image"]["alt"] == "Lưu trữ"


# body pictures


def test_body_pictures_load_lazily_and_get_their_size_when_known():
    html = to_html(
        '![Hội nghị](/images/a%20b.jpg)\n\n<img src="/x.png" alt="x" loading="eager">\n\n![Xa](https://x.vn/a.jpg)',
        "/luu-tru/",
    )
    assert html.count('loading="lazy"') == 2 and html.count('decoding="async"') == 3
    assert 'loading="eager"' in html  # the writer's choice stays
    assert image_sources(html, "/luu-tru/") == ("images/a b.jpg", "x.png")
    sized = with_image_sizes(html, "/luu-tru/", {"images/a b.jpg": (800, 600)})
    assert 'src="/luu-tru/images/a%20b.jpg" loading="lazy" decoding="async" width="800" height="600">' in sized
    assert with_image_sizes(to_html("![a](/a.jpg){width=10}"), "/", {"a.jpg": (800, 600)}).count("width=") == 1


# Pillow


def test_renditions_are_reproducible_and_carry_nothing_but_pixels():
    original = Image.open(io.BytesIO(photo(800, 600)))
    exif = Image.Exif()
    exif[0x010F] = "Máy ảnh"  # Make
    exif[0x0132] = "2024:03:01 08:00:00"  # DateTime
    buffer = io.BytesIO()
    original.save(
        buffer, "JPEG", exif=exif, icc_profile=ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    )
    data = buffer.getvalue()
    assert b"ICC_PROFILE" in data and b"Exif" in data
    wanted = [(320, 240, "webp"), (320, 240, "jpeg")]
    first, again = encode_renditions(data, wanted), encode_renditions(data, wanted)
    assert first == again
    for made in first:
        assert b"Exif" not in made and b"ICC_PROFILE" not in made and b"2024:03:01" not in made
    assert [size_of(made) for made in first] == [("WEBP", 320, 240), ("JPEG", 320, 240)]


def test_a_photo_taken_sideways_stands_up():
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x0112] = 6  # rotated 90° clockwise: shown 600 wide, 800 tall
    Image.open(io.BytesIO(photo(800, 600))).save(buffer, "JPEG", exif=exif)
    facts = image_facts(buffer.getvalue(), "a.jpg")
    assert (facts.width, facts.height, facts.alpha) == (600, 800, False)


def test_transparency_is_found_and_a_jpeg_of_it_is_laid_on_white():
    data = logo(400, 300)
    facts = image_facts(data, "logo.png")
    assert facts.alpha and (facts.width, facts.height) == (400, 300)
    webp, png, jpeg = encode_renditions(data, [(200, 150, "webp"), (200, 150, "png"), (200, 150, "jpeg")])
    assert Image.open(io.BytesIO(webp)).mode == "RGBA" and Image.open(io.BytesIO(png)).mode == "RGBA"
    corner = Image.open(io.BytesIO(jpeg)).convert("RGB").getpixel((0, 0))
    assert min(corner) > 245  # white, not black
    opaque = io.BytesIO()
    Image.new("RGBA", (40, 30), (10, 20, 30, 255)).save(opaque, "PNG")
    assert not image_facts(opaque.getvalue(), "opaque.png").alpha  # an alpha channel with nothing transparent


def test_a_file_that_is_not_a_picture_is_a_fault_and_an_svg_is_taken_as_it_is():
    with pytest.raises(ImageFault, match="not a picture"):
        image_facts(b"body { color: red }", "style.jpg")
    with pytest.raises(ImageFault, match="cannot decode"):
        image_facts(photo(64, 64)[:300], "cut.jpg")
    assert not image_facts(b"<svg xmlns='http://www.w3.org/2000/svg'/>", "so-do.SVG").resizable
