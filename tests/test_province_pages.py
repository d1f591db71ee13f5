"""Province names in front matter, the 2025 reorganisation on province pages, and misspelt terms
(issue 23, item 5): "TP.HCM", "Thành phố Hồ Chí Minh" and "Hồ Chí Minh" used to make three pages."""

from __future__ import annotations

import subprocess
import sys

import lxml.html
import pytest
from conftest import NOW
from sitemaker import article, make_site

from reform_archive.build import BuildOptions, build_site
from reform_archive.config import load_settings
from reform_archive.errors import ContentError
from reform_archive.writer import MemoryWriter


def build(site, **options):
    writer = MemoryWriter()
    result = build_site(load_settings(site), BuildOptions(now=NOW, **options), writer)
    return writer.files, [str(problem).replace(f"{site}/", "") for problem in result.warnings]


def html(files, path):
    return lxml.html.fromstring(files[path])


def province_pages(files) -> set[str]:
    """The province pages that are pages, not redirects."""
    return {
        path.split("/")[1]
        for path, data in files.items()
        if path.count("/") == 2
        and path.startswith("provinces/")
        and path.endswith("/index.html")
        and b'http-equiv="refresh"' not in data
    }


@pytest.fixture
def saigon(tmp_path):
    return make_site(
        tmp_path,
        {
            "a.md": article("Bài A", "2024-01-01", provinces=["TP.HCM"]),
            "b.md": article("Bài B", "2024-01-02", provinces=["Thành phố Hồ Chí Minh"]),
            "c.md": article("Bài C", "2024-01-03", provinces=["Hồ Chí Minh"]),
            "d.md": article("Bài D", "2024-01-04", provinces=["TP.HCM"]),
        },
    )


def test_three_spellings_of_ho_chi_minh_city_make_one_page(saigon):
    files, _ = build(saigon)
    assert province_pages(files) == {"ho-chi-minh"}
    page = html(files, "provinces/ho-chi-minh/index.html")
    assert page.findtext(".//h1") == "Hồ Chí Minh"
    assert sorted(a.text_content() for a in page.cssselect("main .card-title a")) == [
        "Bài A",
        "Bài B",
        "Bài C",
        "Bài D",
    ]
    index = html(files, "provinces/index.html")
    assert [a.text_content() for a in index.cssselect("main .term-index a")] == ["Hồ Chí Minh"]
    article_page = files["2024/01/bai-a/index.html"].decode()
    assert 'href="/provinces/ho-chi-minh/">Hồ Chí Minh</a>' in article_page and "/provinces/tp-hcm/" not in article_page


def test_the_old_pages_of_the_other_spellings_redirect(saigon):
    files, _ = build(saigon)
    for old in ("tp-hcm", "thanh-pho-ho-chi-minh"):
        page = html(files, f"provinces/{old}/index.html")
        assert page.cssselect('link[rel="canonical"]')[0].get("href") == "https://example.org/provinces/ho-chi-minh/"
        assert f"/provinces/{old}/".encode() not in files["sitemap.xml"]


def test_each_spelling_is_a_note_on_its_first_file(saigon):
    files, problems = build(saigon, strict=True)  # notes are not faults, even under --strict
    assert problems == [
        "content/a.md:4: note: 'TP.HCM' được xếp vào tỉnh, thành phố 'Hồ Chí Minh' (cũng viết như vậy ở 1 tệp khác)",
        "content/b.md:4: note: 'Thành phố Hồ Chí Minh' được xếp vào tỉnh, thành phố 'Hồ Chí Minh'",
    ]


def test_check_prints_the_notes_and_warnings_with_their_lines(tmp_path):
    site = make_site(
        tmp_path,
        {
            "a.md": "---\ntitle: A\ndate: 2024-01-01\nsummary: s\nprovinces:\n  - Hà Nội\n  - Sài Gòn\n  - Hà Tình\n"
            "  - Tây Nguyên\n  - Quảng Nai\ntopics: [thu tục hành chính]\n---\nThân bài.\n",
        },
        config='language = "en"\n',
    )
    result = subprocess.run(
        [sys.executable, "-m", "reform_archive", "check", "--site", "."], cwd=site, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "content/a.md:7: note: 'Sài Gòn' is not an administrative name: filed under 'Hồ Chí Minh'",
        "content/a.md:8: warning: 'Hà Tình' has the wrong diacritics: filed under the province 'Hà Tĩnh'; "
        "write 'Hà Tĩnh'",
        "content/a.md:9: warning: 'Tây Nguyên' is not a province or centrally-run city (the 63 before 1 July "
        "2025, or Huế): name its province, or file it under one with [aliases.provinces] in site.toml",
        "content/a.md:10: warning: 'Quảng Nai' is not a province or centrally-run city; did you mean 'Quảng Ngãi'?",
        "content/a.md:11: warning: unknown topic 'thu tục hành chính' (known: thể chế; thủ tục hành chính; "
        "tổ chức bộ máy; chế độ công vụ; tài chính công; chính quyền điện tử/số); did you mean 'thủ tục hành chính'?",
    ]
    assert result.stdout.strip() == "ok: 1 articles, 22 pages, 4 warning(s), 1 note(s)"
    strict = subprocess.run(
        [sys.executable, "-m", "reform_archive", "build", "--site", ".", "--strict"],
        cwd=site,
        capture_output=True,
        text=True,
    )
    assert strict.returncode == 1 and "4 error(s)" in strict.stderr and "note:" not in strict.stderr


# --- the reorganisation of 1 July 2025 ------------------------------------------------------------------


@pytest.fixture
def merged(tmp_path):
    return make_site(
        tmp_path,
        {
            "tq.md": article("Tuyên Quang sau hợp nhất", "2025-09-01", provinces=["Tuyên Quang"]),
            "tq-old.md": article("Tuyên Quang năm 2023", "2023-03-01", provinces=["Tuyên Quang"]),
            "hg-1.md": article("Hà Giang một cửa", "2023-06-01", provinces=["Hà Giang"]),
            "hg-2.md": article("Hà Giang số hóa", "2024-06-01", provinces=["Hà Giang"]),
            "both.md": article("Hai tỉnh bàn hợp nhất", "2025-04-15", provinces=["Tuyên Quang", "Hà Giang"]),
            "vp.md": article("Vĩnh Phúc cải cách", "2024-02-01", provinces=["Vĩnh Phúc"]),
            "hb.md": article("Hòa Bình cải cách", "2024-03-01", provinces=["Hoà Bình"]),
            "tth.md": article("Thừa Thiên Huế 2024", "2024-05-01", provinces=["Thừa Thiên Huế"]),
            "hue.md": article("Huế 2025", "2025-03-01", provinces=["Huế"]),
            "hn.md": article("Hà Nội", "2024-01-01", provinces=["Hà Nội"]),
        },
    )


def test_an_article_keeps_the_province_it_was_written_about(merged):
    files, _ = build(merged)
    assert {"ha-giang", "tuyen-quang", "vinh-phuc", "hoa-binh", "thua-thien-hue", "hue"} <= province_pages(files)
    assert "phu-tho" not in province_pages(files)  # no article names it: no page
    titles = [
        a.text_content() for a in html(files, "provinces/ha-giang/index.html").cssselect("main > .card .card-title a")
    ]
    assert titles == ["Hai tỉnh bàn hợp nhất", "Hà Giang số hóa", "Hà Giang một cửa"]


def test_the_merged_province_lists_and_links_its_predecessors_articles(merged):
    files, _ = build(merged)
    page = html(files, "provinces/tuyen-quang/index.html")
    own = [a.text_content() for a in page.cssselect("main > .card .card-title a")]
    assert own == ["Tuyên Quang sau hợp nhất", "Hai tỉnh bàn hợp nhất", "Tuyên Quang năm 2023"]
    [history] = page.cssselect("section.term-history")
    assert history.findtext("h2") == "Trước 1/7/2025"
    assert history.findtext("p") == (
        "Từ ngày 1/7/2025, tỉnh Tuyên Quang gồm cả địa bàn tỉnh Hà Giang (Nghị quyết 202/2025/QH15)."
    )
    assert [(a.text_content(), a.get("href")) for a in history.cssselect(".term-list a")] == [
        ("Hà Giang", "/provinces/ha-giang/")
    ]
    # merged by date, newest first; the article about both is on the page's own list already
    assert [(a.text_content(), a.get("href")) for a in history.cssselect(".card-title a")] == [
        ("Hà Giang số hóa", "/2024/06/ha-giang-so-hoa/"),
        ("Hà Giang một cửa", "/2023/06/ha-giang-mot-cua/"),
    ]
    assert "Hà Giang" in history.cssselect(".card .meta")[0].text_content()  # each card says its province


def test_the_predecessors_page_says_what_it_became_and_links_there(merged):
    files, _ = build(merged)
    note = html(files, "provinces/ha-giang/index.html").cssselect("main p.term-history")[0]
    assert note.text_content() == (
        "Từ ngày 1/7/2025, tỉnh Hà Giang là một phần của tỉnh Tuyên Quang "
        "(Nghị quyết 202/2025/QH15). Bài viết về tỉnh Tuyên Quang"
    )
    assert note.cssselect("a")[0].get("href") == "/provinces/tuyen-quang/"
    # Phú Thọ has no page: Hòa Bình's says what it became, with no link to follow
    hoa_binh = html(files, "provinces/hoa-binh/index.html").cssselect("main p.term-history")[0]
    assert hoa_binh.text_content().startswith("Từ ngày 1/7/2025, tỉnh Hòa Bình là một phần của tỉnh Phú Thọ")
    assert hoa_binh.cssselect("a") == []
    assert html(files, "provinces/ha-noi/index.html").cssselect(".term-history") == []  # unchanged


def test_hue_took_the_place_of_thua_thien_hue_on_1_january_2025(merged):
    files, _ = build(merged)
    [history] = html(files, "provinces/hue/index.html").cssselect("section.term-history")
    assert history.findtext("h2") == "Trước 1/1/2025"
    assert (
        history.findtext("p") == "Trước ngày 1/1/2025, thành phố Huế là tỉnh Thừa Thiên Huế (Nghị quyết 175/2024/QH15)."
    )
    old = html(files, "provinces/thua-thien-hue/index.html").cssselect("main p.term-history")[0]
    assert old.text_content().startswith("Từ ngày 1/1/2025, tỉnh Thừa Thiên Huế trở thành thành phố Huế")


def test_the_history_is_on_the_first_page_only_and_in_english_too(tmp_path):
    articles = {
        f"tq-{n}.md": article(f"Tuyên Quang {n}", f"2025-08-{n + 1:02d}", provinces=["Tuyên Quang"]) for n in range(3)
    }
    site = make_site(
        tmp_path,
        {**articles, "hg.md": article("Ha Giang", "2024-01-01", provinces=["Hà Giang"])},
        config='language = "en"\nper_page = 2\n',
    )
    files, _ = build(site)
    first = html(files, "provinces/tuyen-quang/index.html").cssselect("section.term-history")[0]
    assert first.findtext("h2") == "Before 1 July 2025"
    assert first.findtext("p") == (
        "Since 1 July 2025, Tuyên Quang province has also covered Hà Giang province (Resolution 202/2025/QH15)."
    )
    assert html(files, "provinces/tuyen-quang/page/2/index.html").cssselect(".term-history") == []


# --- misspelt tags --------------------------------------------------------------------------------------

COMMON = [
    "chuyển đổi số",
    "dịch vụ công trực tuyến",
    "Nguyễn Văn Anh",
    "IoT",
    "Đề án 06",
    "Khóa XIII",
    "PAR Index",
    "xã Thịnh Thạnh",
]


@pytest.mark.parametrize(
    "lone, near",
    [
        ("chuyểnđổi số", "chuyển đổi số"),  # a space left out
        ("dịch vụ công trực tuyếnn", "dịch vụ công trực tuyến"),  # a letter twice
        ("dich vu cong truc tyuen", "dịch vụ công trực tuyến"),  # two letters swapped, no accents
        ("PAR Indx", "PAR Index"),
    ],
)
def test_a_lone_tag_near_a_common_one_gets_a_did_you_mean(tmp_path, lone, near):
    site = _tagged(tmp_path, lone)
    _, problems = build(site)
    assert problems == [
        f"content/lone.md:4: warning: từ khóa '{lone}' chỉ bài này dùng; có phải ý bạn là '{near}' "
        f'(3 bài viết)? Hãy sửa ở đây, hoặc thêm "{lone}" = "{near}" dưới [aliases.tags] '
        "trong site.toml"
    ]


@pytest.mark.parametrize(
    "lone",
    [
        "Nguyễn Văn An",  # another person: "an" is a word the site uses
        "IoC",  # a short acronym one letter from another
        "Đề án 05",
        "Khóa XII",  # other numbers
        "chuyển đổi xanh",  # further than one letter
        "xã Thạnh Thịnh",  # the same words in another order: another commune
        "Chuyển Đổi Số",  # the same tag: one page already
    ],
)
def test_legitimately_different_or_same_tags_are_left_alone(tmp_path, lone):
    _, problems = build(_tagged(tmp_path, lone))
    assert problems == []


def _tagged(root, lone):
    articles = {f"c{n}.md": article(f"An toàn thông tin {n}", f"2024-01-0{n + 1}", tags=COMMON) for n in range(3)}
    articles["an.md"] = article("An ninh mạng", "2024-02-01")
    return make_site(root, {**articles, "lone.md": article("Bài lẻ", "2024-03-01", tags=[lone])})


def test_an_unknown_province_fails_only_under_strict(tmp_path):
    site = make_site(tmp_path, {"a.md": article("A", "2024-01-01", provinces=["Tây Nguyên"])})
    files, _ = build(site)
    assert "provinces/tay-nguyen/index.html" in files  # kept as written: nothing is lost
    with pytest.raises(ContentError):
        build(site, strict=True)
