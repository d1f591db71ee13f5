"""Covers built for real (issue 22 item 2): Pillow's renditions in the output, their sizes in
the HTML, link previews, the cache that makes an unchanged picture free, incremental builds
equal to cold ones, the preview, and the problems an editor sees."""

from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path

import pytest
from conftest import NOW, tree
from picturemaker import logo, photo, put, size_of
from sitemaker import article, make_site

import reform_archive.parallel.pictures
from reform_archive.build import BuildOptions, build_into_memory, build_site
from reform_archive.build.fast import render_saved_articles
from reform_archive.config import load_settings
from reform_archive.errors import ContentError
from reform_archive.serve.site import PreviewSite
from reform_archive.writer import DiskWriter, MemoryWriter

COVER = "2024/03/hoi-nghi/index.html"


def _site(root: Path) -> Path:
    site = make_site(
        root,
        {
            "hoi-nghi.md": article(
                "Hội nghị số hóa",
                "2024-03-01",
                slug="hoi-nghi",
                image="images/2024/hoi-nghi.jpg",
                image_alt="Toàn cảnh hội nghị số hóa",
                body="Nội dung.\n\n![Sơ đồ quy trình](/images/so-do.png)\n",
            ),
            "logo.md": article(
                "Biểu trưng mới", "2024-02-01", slug="bieu-trung", image="/images/logo.png", image_alt="Biểu trưng"
            ),
            "xa.md": article(
                "Ảnh ở nơi khác",
                "2024-01-01",
                slug="xa",
                image="https://example.gov.vn/anh/a.jpg",
                image_alt="Ảnh từ cổng thông tin",
            ),
            "khong-anh.md": article("Không có ảnh", "2023-12-01", slug="khong-anh"),
        },
        config='image = "images/og-default.png"\n',
    )
    put(site, "images/2024/hoi-nghi.jpg", photo(2000, 1125))
    put(site, "images/logo.png", logo(700, 500))
    put(site, "images/so-do.png", logo(500, 250))
    put(site, "images/og-default.png", photo(1600, 840, shade=90))
    return site


@pytest.fixture
def site(tmp_path) -> Path:
    return _site(tmp_path / "site")


def build(site: Path, output: Path, **options) -> None:
    options.setdefault("jobs", 1)
    build_site(load_settings(site), BuildOptions(now=NOW, **options), DiskWriter(output, site))


@pytest.fixture
def encodings(monkeypatch) -> list[int]:
    """How many renditions Pillow encoded, build by build (jobs=1 encodes in this process)."""
    counted: list[int] = []
    real = reform_archive.parallel.pictures._encode

    def counting(task):
        counted.append(len(task[1]))
        return real(task)

    monkeypatch.setattr(reform_archive.parallel.pictures, "_encode", counting)
    return counted


def renditions(output: Path) -> dict[str, tuple[str, int, int]]:
    return {p.name: size_of(p.read_bytes()) for p in sorted((output / "images" / "_").iterdir())}


def test_covers_become_webp_and_fallbacks_at_each_width_never_enlarged(site, tmp_path):
    output = tmp_path / "out"
    build(site, output)
    made = renditions(output)
    photo_names = {
        name: size for name, size in made.items() if size[0] in ("WEBP", "JPEG") and size[2] * 16 == size[1] * 9
    }
    assert sorted((fmt, w) for fmt, w, _ in photo_names.values()) == [
        ("JPEG", 320),
        ("JPEG", 640),
        ("JPEG", 960),
        ("JPEG", 1200),
        ("JPEG", 1440),
        ("WEBP", 320),
        ("WEBP", 640),
        ("WEBP", 960),
        ("WEBP", 1440),
    ]
    logo_sizes = sorted(size for size in made.values() if size[1:] in ((320, 229), (640, 457), (700, 500)))
    assert logo_sizes == [
        ("JPEG", 700, 500),
        ("PNG", 320, 229),
        ("PNG", 640, 457),
        ("WEBP", 320, 229),
        ("WEBP", 640, 457),
    ]
    # site.toml's picture is needed for link previews only: one JPEG; a body's picture is given its size, no copies
    assert [size for size in made.values() if size[1] == 1200 and size[2] == 630] == [("JPEG", 1200, 630)]
    assert all(name.split("-")[0] != "" for name in made)
    assert (output / "images/2024/hoi-nghi.jpg").is_file()  # the original is published as any static file


def test_the_article_page_shows_its_cover_as_a_picture_and_the_lists_a_thumbnail(site, tmp_path):
    output = tmp_path / "out"
    build(site, output)
    page = (output / COVER).read_text(encoding="utf-8")
    figure = re.search(r'<figure class="cover"><picture>\s*(<source[^>]+>)\s*(<img[^>]+>)\s*</picture></figure>', page)
    assert figure, "no <figure><picture> on the article page"
    source, img = figure.groups()
    assert 'type="image/webp"' in source and re.search(
        r'srcset="(/images/_/[0-9a-f]{16}-\d+\.webp \d+w(, )?){4}"', source
    )
    for attribute in (
        'sizes="(min-width: 44rem) 42rem, calc(100vw - 2rem)"',
        'width="1440"',
        'height="810"',
        'alt="Toàn cảnh hội nghị số hóa"',
        'decoding="async"',
        'fetchpriority="high"',
        'loading="eager"',
    ):
        assert attribute in img, attribute
    assert re.search(r'src="/images/_/[0-9a-f]{16}-1440\.jpg"', img) and img.count(".jpg ") == 4
    assert (
        '<img alt="Sơ đồ quy trình" src="/images/so-do.png" loading="lazy" decoding="async" width="500" height="250">'
        in page
    )
    home = (output / "index.html").read_text(encoding="utf-8")
    cards = re.findall(r'<article class="card( has-image)?"', home)
    assert cards.count(" has-image") == 3 and len(cards) == 4
    thumbnail = re.search(r'<div class="card-image"><picture>.*?(<img[^>]+>)', home, re.S)
    assert thumbnail and 'loading="lazy"' in thumbnail.group(1) and 'alt=""' in thumbnail.group(1)
    assert 'sizes="(min-width: 48rem) 8rem, 6rem"' in thumbnail.group(1)
    remote = (output / "2024/01/xa/index.html").read_text(encoding="utf-8")
    assert (
        '<figure class="cover"><img src="https://example.gov.vn/anh/a.jpg" alt="Ảnh từ cổng thông tin" '
        'loading="eager" fetchpriority="high" decoding="async"></figure>' in remote
    )  # shown as it is, never fetched


def meta(page: str) -> dict[str, str]:
    return dict(re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)">', page))


def json_ld(page: str) -> dict:
    for found in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page):
        data = json.loads(found)
        if data.get("@type") == "NewsArticle":
            return data
    raise AssertionError("no NewsArticle")


def test_link_previews_use_the_cover_else_the_sites_picture(site, tmp_path):
    output = tmp_path / "out"
    build(site, output)
    tags = meta((output / COVER).read_text(encoding="utf-8"))
    assert re.fullmatch(r"https://example\.org/images/_/[0-9a-f]{16}-1200\.jpg", tags["og:image"])
    assert (tags["og:image:width"], tags["og:image:height"], tags["og:image:type"]) == ("1200", "675", "image/jpeg")
    assert tags["og:image:alt"] == "Toàn cảnh hội nghị số hóa" and tags["twitter:card"] == "summary_large_image"
    shared = output / tags["og:image"].removeprefix("https://example.org/")
    assert size_of(shared.read_bytes()) == ("JPEG", 1200, 675)
    data = json_ld((output / COVER).read_text(encoding="utf-8"))
    assert data["image"] == {"@type": "ImageObject", "url": tags["og:image"], "width": 1200, "height": 675}

    plain = (output / "2023/12/khong-anh/index.html").read_text(encoding="utf-8")
    default = meta(plain)
    assert default["og:image"].endswith("-1200.jpg") and default["og:image:height"] == "630"
    assert default["og:image:alt"] == "Lưu trữ thử" and default["twitter:card"] == "summary_large_image"
    assert "image" not in json_ld(plain)  # the site's picture is not the article's
    assert meta((output / "index.html").read_text(encoding="utf-8"))["og:image"] == default["og:image"]

    remote = (output / "2024/01/xa/index.html").read_text(encoding="utf-8")
    assert meta(remote)["og:image"] == "https://example.gov.vn/anh/a.jpg" and "og:image:width" not in meta(remote)
    assert json_ld(remote)["image"] == "https://example.gov.vn/anh/a.jpg"


def test_a_site_without_pictures_has_summary_cards(tmp_path):
    site = make_site(tmp_path / "site", {"a.md": article("Bài", "2024-01-01")})
    files = MemoryWriter()
    build_site(load_settings(site), BuildOptions(now=NOW, jobs=1), files)
    page = files.files["2024/01/bai/index.html"].decode()
    assert meta(page)["twitter:card"] == "summary" and "og:image" not in meta(page)
    assert not any(path.startswith("images/") for path in files.files)


def test_an_unchanged_picture_is_encoded_once(site, tmp_path, encodings):
    started = time.perf_counter()
    build(site, tmp_path / "first")
    cold = time.perf_counter() - started
    assert sum(encodings) == 15  # the photo's 9, the logo's 5, site.toml's picture's 1
    encodings.clear()
    started = time.perf_counter()
    build(site, tmp_path / "second")  # another folder: nothing to keep, everything from the cache
    warm = time.perf_counter() - started
    assert encodings == [] and tree(tmp_path / "first") == tree(tmp_path / "second")
    assert warm < cold
    put(site, "images/logo.png", logo(720, 500))
    build(site, tmp_path / "second")
    assert encodings == [7]  # only the changed picture: now 320, 640 and 720 wide, and its share JPEG
    build(site, tmp_path / "third", cache=False)
    assert sum(encodings[1:]) == 17


def test_a_build_into_its_own_folder_keeps_the_renditions_it_made(site, tmp_path):
    output = tmp_path / "out"
    build(site, output)
    before = {p: p.stat().st_mtime_ns for p in (output / "images/_").iterdir()}
    (site / "content/khong-anh.md").write_text(
        article("Không có ảnh", "2023-12-01", slug="khong-anh", body="Đoạn mới."), encoding="utf-8"
    )
    build(site, output)
    assert {p: p.stat().st_mtime_ns for p in (output / "images/_").iterdir()} == before


@pytest.mark.parametrize("change", ["add", "change", "remove", "move", "alt"])
def test_an_incremental_build_after_a_picture_changes_is_the_cold_build(site, tmp_path, change):
    output, memory_writer = tmp_path / "out", MemoryWriter()
    build(site, output)
    _, memory = build_into_memory(load_settings(site), BuildOptions(now=NOW, jobs=1), memory_writer)
    story = site / "content/khong-anh.md"
    if change == "add":
        put(site, "images/moi.jpg", photo(900, 600, shade=7))
        story.write_text(
            article("Không có ảnh", "2023-12-01", slug="khong-anh", image="images/moi.jpg", image_alt="Ảnh mới"),
            encoding="utf-8",
        )
    elif change == "change":
        put(site, "images/2024/hoi-nghi.jpg", photo(1800, 1200, shade=33))
    elif change == "remove":
        (site / "content/logo.md").write_text(
            article("Biểu trưng mới", "2024-02-01", slug="bieu-trung"), encoding="utf-8"
        )
        (site / "static/images/logo.png").unlink()
    elif change == "move":
        shutil.move(site / "static/images/logo.png", site / "static/images/bieu-trung.png")
        text = (site / "content/logo.md").read_text(encoding="utf-8")
        (site / "content/logo.md").write_text(
            text.replace("/images/logo.png", "images/bieu-trung.png"), encoding="utf-8"
        )
    else:
        text = (site / "content/hoi-nghi.md").read_text(encoding="utf-8")
        (site / "content/hoi-nghi.md").write_text(text.replace("Toàn cảnh", "Quang cảnh"), encoding="utf-8")
    build(site, output)
    cold = tmp_path / "cold"
    build(site, cold, cache=False)
    assert tree(output) == tree(cold)
    memory_writer = MemoryWriter(memory_writer.files)
    build_into_memory(load_settings(site), BuildOptions(now=NOW, jobs=1), memory_writer, memory)
    assert memory_writer.files == tree(cold)
    if change == "remove":
        assert not any(size_of(data)[1:] == (700, 500) for path, data in tree(cold).items() if "images/_/" in path)


def test_the_preview_rebuilds_when_a_picture_changes_instead_of_swapping_the_file(site):
    said: list[str] = []
    preview = PreviewSite(
        site, BuildOptions(now=NOW, jobs=1), "http://127.0.0.1:8000", lambda m, err=False: said.append(m)
    )
    preview.rebuild()
    assert preview.snapshot is not None
    old = {path for path in preview.snapshot.files if path.startswith("images/_/")}
    changed = put(site, "images/2024/hoi-nghi.jpg", photo(1000, 800, shade=200))
    preview.rebuild({changed.absolute()})
    files = preview.snapshot.files
    new = {path for path in files if path.startswith("images/_/")}
    assert len(new - old) == 7  # 320, 640 and 960 wide in two formats, and the 1000 px share JPEG
    page = files[COVER].decode()
    assert all(name in page for name in (p.split("/")[-1] for p in new - old if "-1000" not in p))
    assert 'width="960" height="768"' in page
    assert not preview.problems


def test_a_missing_cover_is_an_error_on_its_line_naming_the_file(site, tmp_path):
    (site / "static/images/2024/hoi-nghi.jpg").unlink()
    (site / "static/images/og-default.png").write_text("không phải ảnh", encoding="utf-8")
    put(site, "anh.jpg", photo(300, 200))
    (site / "content/sai.md").write_text(
        article("Sai", "2024-01-05", slug="sai", image="static/anh.jpg", image_alt="Ảnh"), encoding="utf-8"
    )
    with pytest.raises(ContentError) as caught:
        build(site, tmp_path / "out")
    found = sorted(
        str(problem).removeprefix(f"{site}/") for problem in caught.value.problems if problem.level == "error"
    )
    assert found == [
        "content/hoi-nghi.md:5: 'image': the picture static/images/2024/hoi-nghi.jpg does not exist",
        "content/sai.md:5: 'image': the picture static/static/anh.jpg does not exist (paths are inside "
        "static/ already: write anh.jpg)",
        "site.toml:3: 'image': static/images/og-default.png is not a picture this build can read (JPEG, PNG, WebP, "
        "GIF, BMP, TIFF or SVG)",
    ]
    assert not (tmp_path / "out").exists()


def test_a_cover_without_alternative_text_is_a_warning_and_strict_refuses_it(tmp_path):
    site = make_site(tmp_path / "site", {"a.md": article("Bài", "2024-01-01", image="images/a.jpg")})
    put(site, "images/a.jpg", photo(400, 300))
    result = build_site(load_settings(site), BuildOptions(now=NOW, jobs=1), MemoryWriter())
    assert [str(w).removeprefix(f"{site}/") for w in result.warnings] == [
        "content/a.md:4: warning: 'image' has no 'image_alt': describe the picture for readers who cannot see "
        'it (image_alt: "" if it is only decoration)'
    ]
    with pytest.raises(ContentError):
        build_site(load_settings(site), BuildOptions(now=NOW, jobs=1, strict=True), MemoryWriter())


def test_pictures_are_encoded_in_worker_processes_with_the_same_bytes(site, tmp_path):
    build(site, tmp_path / "one", cache=False, jobs=1)
    build(site, tmp_path / "many", cache=False, jobs=4)
    assert tree(tmp_path / "one") == tree(tmp_path / "many")


def test_two_copies_of_one_picture_share_their_renditions(site, tmp_path):
    put(site, "images/ban-sao.jpg", (site / "static/images/2024/hoi-nghi.jpg").read_bytes())
    (site / "content/khong-anh.md").write_text(
        article("Không có ảnh", "2023-12-01", slug="khong-anh", image="images/ban-sao.jpg", image_alt="Bản sao"),
        encoding="utf-8",
    )
    build(site, tmp_path / "out")
    first = re.search(r'<img src="([^"]+)"', (tmp_path / "out" / COVER).read_text(encoding="utf-8"))
    copy = re.search(r'<img src="([^"]+)"', (tmp_path / "out/2023/12/khong-anh/index.html").read_text(encoding="utf-8"))
    assert first and copy and first.group(1) == copy.group(1)


def test_a_saved_article_with_a_cover_is_rendered_at_once_as_the_whole_build_renders_it(site):
    settings = load_settings(site)
    writer = MemoryWriter()
    _, memory = build_into_memory(settings, BuildOptions(now=NOW, jobs=1), writer)
    path = site / "content/hoi-nghi.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Nội dung.", "Nội dung đã sửa."), encoding="utf-8")
    fast = render_saved_articles(memory, [path])
    assert fast is not None and not fast.unchanged
    [(page, html)] = fast.pages.items()
    assert b'<figure class="cover"><picture>' in html and b'width="500" height="250"' in html
    whole = MemoryWriter(writer.files)
    _, memory = build_into_memory(settings, BuildOptions(now=NOW, jobs=1), whole, memory)
    assert whole.files[page] == html
    path.write_text(text.replace("images/2024/hoi-nghi.jpg", "images/logo.png"), encoding="utf-8")
    assert render_saved_articles(memory, [path]) is None  # another cover: the whole build learns it
