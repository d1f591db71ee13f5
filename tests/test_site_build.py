"""The sample archive, built: pages, links, feeds, sitemap, metadata, reproducibility."""

from __future__ import annotations

import json
import re
from urllib.parse import unquote, urljoin, urlsplit

import feedparser
import lxml.html
import pytest
from conftest import SAMPLE, build_to_memory
from lxml import etree

ARTICLES = 5


def pages(files: dict[str, bytes]) -> dict[str, bytes]:
    return {path: data for path, data in files.items() if path.endswith(".html")}


def test_every_kind_of_page_is_built(sample_files):
    expected = [
        "index.html",
        "404.html",
        "articles/index.html",
        "articles/page/2/index.html",
        "articles/page/3/index.html",
        "archives/index.html",
        "2022/index.html",
        "2022/09/index.html",
        "2024/03/index.html",
        "topics/index.html",
        "topics/thu-tuc-hanh-chinh/index.html",
        "topics/thu-tuc-hanh-chinh/feed.xml",
        "provinces/index.html",
        "provinces/ham-tan/index.html" if False else "provinces/binh-thuan/index.html",
        "documents/index.html",
        "documents/72-tb-ubnd/index.html",
        "documents/05-nq-tu/index.html",
        "tags/index.html",
        "authors/index.html",
        "authors/p-v/index.html",
        "sources/index.html",
        "feed.xml",
        "sitemap.xml",
        "robots.txt",
        "assets/style.css",
        "2021/10/ha-tinh-huong-den-nen-hanh-chinh-hien-dai/index.html",
    ]
    missing = [path for path in expected if path not in sample_files]
    assert not missing
    assert "articles/page/4/index.html" not in sample_files
    assert sum(1 for p in sample_files if re.fullmatch(r"\d{4}/\d{2}/[^/]+/index.html", p)) == ARTICLES


def test_a_document_page_lists_every_article_citing_it(sample_files):
    page = lxml.html.fromstring(sample_files["documents/72-tb-ubnd/index.html"])
    assert page.findtext(".//h1") == "Thông báo 72/TB-UBND"
    titles = [a.text_content() for a in page.cssselect("main .card-title a")]
    assert len(titles) == 1 and titles[0].startswith("Thông báo kết luận")


def _broken_links(files: dict[str, bytes], base_url: str) -> list[str]:
    base = urlsplit(base_url)
    broken = []
    for path, data in pages(files).items():
        document = lxml.html.fromstring(data)
        page_url = urljoin(base_url, path)
        for _element, attribute, link, _ in document.iterlinks():
            target = urlsplit(urljoin(page_url, link))
            if target.netloc != base.netloc or attribute not in ("href", "src"):
                continue
            assert target.path.startswith(base.path), f"{path}: {link} leaves the site's sub-path"
            relative = unquote(target.path[len(base.path) :])
            if (
                relative not in files
                and relative + "index.html" not in files
                and relative.rstrip("/") + "/index.html" not in files
            ):
                broken.append(f"{path}: {link}")
    return broken


def test_every_internal_link_resolves_at_the_domain_root(sample_files):
    assert _broken_links(sample_files, "https://example.org/") == []


def test_every_internal_link_resolves_under_a_sub_path(sample_subpath_files):
    assert _broken_links(sample_subpath_files, "https://example.org/luu-tru/") == []
    home = sample_subpath_files["index.html"].decode()
    assert 'href="/luu-tru/assets/style.css"' in home
    assert not re.search(r'(?:href|src)="/(?!luu-tru/)', home)


def test_site_feed_parses_and_is_newest_first(sample_files):
    feed = feedparser.parse(sample_files["feed.xml"])
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == "Lưu trữ tin cải cách hành chính"
    assert len(feed.entries) == ARTICLES
    dates = [entry.published_parsed for entry in feed.entries]
    assert dates == sorted(dates, reverse=True)
    first = feed.entries[0]
    assert first.link.startswith("https://example.org/2024/03/")
    assert first.content[0].value.startswith("<p>")


def test_term_feed_holds_only_its_articles(sample_files):
    feed = feedparser.parse(sample_files["provinces/ha-tinh/feed.xml"])
    assert not feed.bozo
    assert [e.title for e in feed.entries] == ["Hà Tĩnh hướng đến nền hành chính hiện đại"]


def test_sitemap_lists_every_page_once_and_robots_points_at_it(sample_files):
    tree = etree.fromstring(sample_files["sitemap.xml"])
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = tree.xpath("//s:url/s:loc/text()", namespaces=ns)
    assert len(locations) == len(set(locations))
    html_pages = [p for p in pages(sample_files) if p not in ("404.html", "search/index.html")]
    assert len(locations) == len(html_pages)
    assert "https://example.org/search/" not in locations  # result pages are not content
    assert "https://example.org/2021/10/ha-tinh-huong-den-nen-hanh-chinh-hien-dai/" in locations
    assert tree.xpath("count(//s:lastmod)", namespaces=ns) == ARTICLES
    assert b"Sitemap: https://example.org/sitemap.xml" in sample_files["robots.txt"]


def test_article_metadata_open_graph_json_ld_and_canonical(sample_files):
    path = "2021/10/ha-tinh-huong-den-nen-hanh-chinh-hien-dai/index.html"
    page = lxml.html.fromstring(sample_files[path])
    meta = {m.get("property"): m.get("content") for m in page.iter("meta") if m.get("property")}
    assert meta["og:type"] == "article"
    assert meta["og:title"] == "Hà Tĩnh hướng đến nền hành chính hiện đại"
    assert meta["article:published_time"] == "2021-10-28T07:05:00+07:00"
    canonical = page.xpath("//link[@rel='canonical']/@href")
    assert canonical == ["https://example.org/2021/10/ha-tinh-huong-den-nen-hanh-chinh-hien-dai/"]
    scripts = [json.loads(script) for script in page.xpath("//script[@type='application/ld+json']/text()")]
    assert [data["@type"] for data in scripts] == ["NewsArticle", "BreadcrumbList"]
    data = scripts[0]
    assert data["headline"] == meta["og:title"]
    assert data["datePublished"] == "2021-10-28T07:05:00+07:00"
    assert data["author"] == [{"@type": "Person", "name": "P.V"}]


def test_dates_are_shown_the_vietnamese_way(sample_files):
    home = sample_files["index.html"].decode()
    assert (
        "Thứ Năm, 28/10/2021, 07:05"
        in sample_files["2021/10/ha-tinh-huong-den-nen-hanh-chinh-hien-dai/index.html"].decode()
    )
    assert "Quý I/2024" in home


def test_article_page_shows_related_and_previous_next(sample_files):
    page = lxml.html.fromstring(sample_files["2021/10/ha-tinh-huong-den-nen-hanh-chinh-hien-dai/index.html"])
    assert page.cssselect("nav.prev-next a[rel=next]"), "the oldest article still has a newer one"
    assert not page.cssselect("nav.prev-next a[rel=prev]"), "nothing is older than the oldest article"
    assert len(page.cssselect("section.related .related-list li")) >= 1


def test_build_is_byte_identical_when_repeated(sample_files):
    assert build_to_memory(SAMPLE) == sample_files


def test_source_date_epoch_makes_empty_feeds_reproducible(tmp_path, monkeypatch):
    from sitemaker import make_site

    site = make_site(tmp_path / "s", {})
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = build_to_memory(site)
    assert b"<updated>2023-11-14T22:13:20+00:00</updated>" in first["feed.xml"]
    assert build_to_memory(site) == first


@pytest.mark.parametrize("path", ["index.html", "articles/index.html", "2022/index.html"])
def test_list_pages_have_one_h1_and_landmarks(sample_files, path):
    page = lxml.html.fromstring(sample_files[path])
    assert len(page.findall(".//h1")) == 1
    for landmark in ("header", "main", "footer", "nav"):
        assert page.find(f".//{landmark}") is not None
    assert page.cssselect("a.skip-link")[0].get("href") == "#main"
