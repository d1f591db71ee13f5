"""The statistics page and each province's trend (issue 22): charts drawn at build time as SVG,
with their numbers as tables, and a map of today's 34 provinces drawn as the 63 of before."""

from __future__ import annotations

import json
import re
from importlib.resources import files
from pathlib import Path

import lxml.html
import pytest
from conftest import build_to_disk, build_to_memory
from serving import serve_directory
from sitemaker import article, make_site
from test_browser import AXE_JS, BLOCKING_IMPACTS

from reform_archive.site.statistics import MAP_LEVELS, _level, _thresholds, current_unit, yearly
from reform_archive.text.province_names import PROVINCES


def _site(root: Path, config: str = "") -> dict[str, bytes]:
    articles = {
        "a.md": article(
            "Hà Giang cải cách thủ tục", "2019-05-02", provinces=["Hà Giang"], topics=["thủ tục hành chính"]
        ),
        "b.md": article("Hà Giang số hóa hồ sơ", "2021-06-03", provinces=["Hà Giang"], topics=["thủ tục hành chính"]),
        "c.md": article("Tuyên Quang sau sáp nhập", "2025-08-01", provinces=["Tuyên Quang", "Hà Giang"]),
        "d.md": article("Hà Nội một cửa", "2021-02-03", provinces=["Hà Nội"], topics=["chế độ công vụ"]),
    }
    return build_to_memory(make_site(root, articles, config=config))


def _page(files_: dict[str, bytes], path: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(files_[path])


def test_years_from_first_to_last_with_the_gaps():
    assert yearly([2019, 2021, 2021]) == ((2019, 1), (2020, 0), (2021, 2))
    assert yearly([]) == ()


def test_every_province_of_before_belongs_to_one_of_todays_34():
    units = {current_unit(p) for p in PROVINCES}
    assert len(units) == 34
    assert current_unit("Hà Giang") == "Tuyên Quang" and current_unit("Thừa Thiên Huế") == "Huế"
    assert current_unit("Hà Nội") == "Hà Nội"


def test_map_shades_are_quantiles_of_the_provinces_with_articles():
    counts = sorted([1, 1, 2, 3, 5, 8, 13, 40, 200, 900])
    cuts = _thresholds(counts)
    levels = [_level(c, cuts) for c in counts]
    assert levels == sorted(levels) and levels[0] == 1 and levels[-1] == MAP_LEVELS
    assert _level(0, cuts) == 0


def test_the_statistics_page_counts_by_year_province_and_topic(tmp_path):
    built = _site(tmp_path / "site")
    page = _page(built, "statistics/index.html")
    years = page.xpath("//section[@aria-labelledby='by-year']//table//tr")
    assert [(r.findtext("th"), r.findtext("td")) for r in years] == [
        ("2019", "1"),
        ("2020", "0"),
        ("2021", "2"),
        ("2022", "0"),
        ("2023", "0"),
        ("2024", "0"),
        ("2025", "1"),
    ]
    # a year without articles has a bar of nothing and no link (it has no page)
    assert not page.xpath("//svg//a[@href='/2020/']") and page.xpath("//svg//a[@href='/2021/']")
    filed = [li.text_content().split() for li in page.xpath("//section[@aria-labelledby='by-province']/ol/li")]
    assert filed[0][:3] == ["Hà", "Giang", "3"]
    assert "thủ tục hành chính" in page.xpath("//section[@aria-labelledby='by-topic']")[0].text_content()


def test_the_map_draws_today_s_provinces_and_counts_an_article_once(tmp_path):
    page = _page(_site(tmp_path / "site"), "statistics/index.html")
    rows = {
        r.xpath("th")[0].text_content(): r.xpath("td")[0].text
        for r in page.xpath("//figure[contains(@class,'map')]//tbody/tr")
    }
    assert len(rows) == 34
    assert rows["Tuyên Quang"] == "3"  # two Hà Giang articles and one filed under both: three, not four
    assert rows["Hà Nội"] == "1" and rows["Cà Mau"] == "0"
    areas = page.xpath("//svg[@class='map-svg']//path")
    assert len(areas) == 63  # the provinces of before, each shaded as the province it is part of today
    hagiang = [a for a in areas if a.findtext("title").startswith("Tuyên Quang")]
    assert len(hagiang) == 2 and len({a.get("class") for a in hagiang}) == 1
    assert page.xpath("//svg[@class='map-svg']//text[contains(., 'Hoàng Sa')]")
    assert page.xpath("//svg[@class='map-svg']//text[contains(., 'Trường Sa')]")


def test_a_province_page_shows_its_articles_by_year(tmp_path):
    page = _page(_site(tmp_path / "site"), "provinces/ha-giang/index.html")
    chart = page.xpath("//figure[@class='chart']")
    assert chart and "Hà Giang" in chart[0].findtext(".//figcaption")
    assert [r.findtext("td") for r in chart[0].xpath(".//tr")] == ["1", "0", "1", "0", "0", "0", "1"]  # 2019-2025


def test_pages_without_a_script_and_in_english(tmp_path):
    built = _site(tmp_path / "site", config='language = "en"\n')
    html = built["statistics/index.html"].decode()
    assert "<script src" not in html and "Articles by year" in html and "Hoàng Sa Archipelago" in html


def test_the_map_file_holds_the_63_provinces_and_the_archipelagos():
    data = json.loads(files("reform_archive.publish").joinpath("vietnam_map.json").read_text(encoding="utf-8"))
    assert list(data["provinces"]) == list(PROVINCES)
    assert all(re.fullmatch(r"(M-?\d+ -?\d+l[-\d ]+z)+", d) for d in data["provinces"].values())
    assert set(data["islands"]) == {"hoang_sa", "truong_sa"}
    assert len(json.dumps(data)) < 12_000  # small enough to inline in a page


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
def test_statistics_page_fits_the_screen(open_page, tmp_path, width):
    articles = {
        f"a{i}.md": article(
            f"Bài {i}", f"{2016 + i % 9}-03-0{1 + i % 8}", provinces=[PROVINCES[i * 5 % 63]], topics=["thể chế"]
        )
        for i in range(40)
    }
    output = build_to_disk(make_site(tmp_path / "site", articles), tmp_path / "out")
    with serve_directory(output) as base:
        page = open_page(base + "statistics/", {"width": width, "height": 800})
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width
        box = page.locator(".map-svg").bounding_box()
        assert box and box["height"] > 300


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_province_page_with_its_chart_is_axe_clean(open_page, tmp_path, scheme):
    articles = {f"a{i}.md": article(f"Bài {i}", f"{2018 + i}-03-01", provinces=["Hà Giang"]) for i in range(4)}
    output = build_to_disk(make_site(tmp_path / "site", articles), tmp_path / "out")
    with serve_directory(output) as base:
        page = open_page(base + "provinces/ha-giang/", {"width": 390, "height": 844}, color_scheme=scheme)
        assert page.locator("figure.chart svg rect").count() == 4
        page.add_script_tag(content=AXE_JS.read_text(encoding="utf-8"))
        results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        blocking = [
            v["id"] for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS or v["id"] == "color-contrast"
        ]
        assert not blocking
