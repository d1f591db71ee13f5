import lxml.html
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from reform_archive.publish.links import internal_target, links_in
from reform_archive.publish.sitemap import plan_sitemaps
from reform_archive.source.markup import excerpt, to_html

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_sitemap_becomes_an_index_past_the_limit():
    entries = [(f"2024/01/bai-{n}/", "2024-01-02" if n % 2 else "") for n in range(7)]
    files = dict(plan_sitemaps("https://example.org/luu-tru/", entries, max_urls=3))
    assert sorted(files) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"]
    index = etree.fromstring(files["sitemap.xml"])
    assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    assert index.xpath("//s:loc/text()", namespaces=NS) == [
        f"https://example.org/luu-tru/sitemap-{n}.xml" for n in (1, 2, 3)
    ]
    counts = [len(etree.fromstring(files[f"sitemap-{n}.xml"]).xpath("//s:url", namespaces=NS)) for n in (1, 2, 3)]
    assert counts == [3, 3, 1]


def test_single_sitemap_at_the_limit():
    files = dict(plan_sitemaps("https://e.org/", [("a/", "")] * 3, max_urls=3))
    assert list(files) == ["sitemap.xml"]


def test_heading_ids_are_vietnamese_slugs_and_tables_render():
    html = to_html("## Kết quả đạt được\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    assert '<h2 id="ket-qua-dat-duoc">' in html and "<table>" in html


def test_excerpt_cuts_at_a_word_boundary():
    text = "Cải cách hành chính " * 30
    cut = excerpt(text, 50)
    assert cut.endswith("…") and len(cut) <= 51 and not cut[:-1].endswith(" ")
    assert excerpt("ngắn") == "ngắn"


def test_internal_targets():
    base = "https://example.org/luu-tru/"
    assert internal_target("/luu-tru/2024/", "", base) == "2024/"
    assert internal_target("../b/", "2024/01/a/", base) == "2024/01/b/"
    assert internal_target("/luu-tru", "", base) == ""
    assert internal_target("/khac/", "", base) == "/khac/"  # same host, outside the site: never resolves
    assert internal_target("https://other.org/luu-tru/", "", base) is None
    assert links_in(b'<a href="/a?x=1&amp;y=2">') == {"/a?x=1&y=2"}


def active_content(html: str) -> list[str]:
    """Script elements, event-handler attributes and javascript: URLs in an HTML fragment."""
    if not html.strip():
        return []
    found = []
    for element in lxml.html.fragments_fromstring(html, no_leading_text=False):
        if not hasattr(element, "iter"):
            continue
        for node in element.iter():
            if not isinstance(node.tag, str):
                continue
            if node.tag in ("script", "iframe", "object", "embed", "svg"):
                found.append(node.tag)
            for name, value in node.attrib.items():
                if name.startswith("on") or value.strip().lower().startswith("javascript:"):
                    found.append(f"{node.tag}[{name}={value}]")
    return found


@settings(max_examples=300)
@given(st.text())
def test_no_markdown_input_produces_active_content(text):
    assert active_content(to_html(text)) == []


@settings(max_examples=200)
@given(
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[a](javascript:alert(1))",
            "<a href='javascript:x'>a</a>",
            "<svg onload=alert(1)>",
            "<iframe src=//e.org>",
            "<p style=x onclick=alert(1)>b</p>",
            "[a](JaVaScRiPt:alert(1))",
        ]
    ),
    st.text(max_size=40),
    st.text(max_size=40),
)
def test_injected_markup_is_neutralised_anywhere(payload, before, after):
    assert active_content(to_html(before + payload + after)) == []


def test_the_detector_itself_sees_active_content():
    assert active_content('<p onclick="x">a</p><script>1</script><a href=" javascript:x">b</a>') == [
        "p[onclick=x]",
        "script",
        "a[href= javascript:x]",
    ]
