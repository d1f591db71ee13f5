import forms_samples as s
import lxml.etree
import pytest
from forms_samples import no_network  # noqa: F401 (autouse: no test here may use the network)

from reform_archive.importer.forms import read_pages

FIRST, SECOND, THIRD = s.STORIES


def read(feed: str | bytes, name: str = "tin.rss"):
    return read_pages(feed.encode("utf-8") if isinstance(feed, str) else feed, name)


def test_rss_items_become_pages_with_their_metadata():
    data = s.rss_feed().encode("utf-8")
    pages, problems = read(data)
    assert problems == []
    assert [page.title for page in pages] == [story["title"] for story in s.STORIES]
    assert [page.url for page in pages] == [story["url"] for story in s.STORIES]
    assert [page.date for page in pages] == [story["iso"] for story in s.STORIES]
    assert [page.authors for page in pages] == [(story["author"],) for story in s.STORIES]
    assert [page.origin for page in pages] == ["item 1", "item 2", "item 3"]
    assert {page.form for page in pages} == {"feed"}
    for page, story in zip(pages, s.STORIES, strict=True):
        lines = page.text.splitlines()
        assert lines[0] == story["title"]
        for paragraph in story["paragraphs"]:
            assert paragraph in lines
        # each page keeps its own item's exact bytes, from the line it starts on
        assert page.raw.startswith(b"<item>") and page.raw.endswith(b"</item>")
        assert page.raw in data
        assert data.split(b"\n")[page.line - 1].strip() == b"<item>"
        assert story["title"].encode() in page.raw


def test_the_description_is_the_lead_when_the_content_lacks_it():
    first = read(s.rss_feed())[0][0]
    assert first.text.splitlines()[:2] == [FIRST["title"], "Gio Linh nhận trách nhiệm trước người dân."]
    assert first.image == "https://sonoivu.quangtri.gov.vn/anh/gio-linh.jpg"


def test_escaped_html_descriptions_and_enclosures():
    pages = read(s.rss_feed())[0]
    assert pages[1].text.splitlines() == [SECOND["title"], *SECOND["paragraphs"]]  # <br /> between them
    assert pages[2].image == "https://sonoivu.quangtri.gov.vn/anh/de-an.png"


def test_atom_entries():
    pages, problems = read(s.atom_feed(), "tin.atom")
    assert problems == []
    first, second = pages
    assert first.text.splitlines() == [FIRST["title"], *FIRST["paragraphs"]]
    assert (first.url, first.date, first.date_modified) == (FIRST["url"], FIRST["iso"], "2020-10-09T08:00:00+07:00")
    assert first.authors == (FIRST["author"],)
    assert second.text.splitlines() == [
        SECOND["title"],
        "Triệu Phong hoàn thành mục tiêu sớm hơn kế hoạch.",
        *SECOND["paragraphs"],
    ]
    assert second.date == "2020-10-06T09:00:00+07:00" and second.date_modified == ""
    assert second.url == SECOND["url"]


def test_rss_1_0():
    feed = f"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://sonoivu.quangtri.gov.vn/"><title>Tin</title></channel>
  <item rdf:about="{THIRD["url"]}">
    <title>{THIRD["title"]}</title>
    <description>{THIRD["paragraphs"][0]}</description>
    <dc:date>2020-10-07T16:45:00+07:00</dc:date>
    <dc:creator>{THIRD["author"]}</dc:creator>
  </item>
</rdf:RDF>"""
    [page], problems = read(feed, "tin.rdf")
    assert problems == []
    assert (page.url, page.date, page.authors) == (THIRD["url"], THIRD["iso"], (THIRD["author"],))
    assert page.text.splitlines() == [THIRD["title"], THIRD["paragraphs"][0]]


def test_html_entities_and_bare_ampersands_of_hand_made_feeds():
    feed = s.rss_feed().replace("Tin cải cách hành chính", "Tin cải cách &amp; hiện đại hóa&nbsp;hành chính & công vụ")
    feed = feed.replace("<title>Sở Nội vụ lấy ý kiến", "<title>Sở Nội vụ &amp; các sở lấy ý kiến")
    pages, problems = read(feed)
    assert problems == [] and len(pages) == 3
    assert pages[2].title.startswith("Sở Nội vụ & các sở")


def test_a_feed_sniffed_by_content_under_another_name():
    pages, _ = read(s.rss_feed(), "tai-ve.txt")
    assert len(pages) == 3 and pages[0].form == "feed"


def test_one_line_feed_cuts_each_item_exactly():
    data = s.rss_feed().replace("\n", " ").encode()
    pages, _ = read(data)
    assert [page.line for page in pages] == [1, 1, 1]
    for page in pages:
        assert page.raw in data and page.raw.count(b"<item>") == 1 and page.raw.endswith(b"</item>")


def test_an_item_without_any_text_is_reported():
    feed = s.rss_feed().replace(
        "<item>\n    <title>Sở Nội vụ lấy ý kiến",
        "<item><guid>x</guid></item>\n  <item>\n    <title>Sở Nội vụ lấy ý kiến",
    )
    pages, problems = read(feed)
    assert len(pages) == 3
    assert [problem.message for problem in problems] == ["item 3: no title, description or content; skipped"]


@pytest.mark.parametrize(
    "feed, line, message",
    [
        (
            '<?xml version="1.0"?>\n<rss version="2.0">\n<channel>\n<title>Tin</title>\n</channel>\n</rss>',
            1,
            "feed has no items",
        ),
        (
            '<?xml version="1.0"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>x</loc></url></urlset>',
            2,
            "not an RSS/Atom feed: its root element is <urlset>",
        ),
        (
            '<?xml version="1.0"?>\n<rss version="2.0">\n<channel>\n<title>Tin\n</rss>',
            5,
            "not a readable RSS/Atom feed: opening and ending tag mismatch: title line 4 and rss (line 5)",
        ),
        (
            '<?xml version="1.0"?>\n<rss version="2.0"\n<<<',
            3,
            "not a readable RSS/Atom feed: error parsing attribute name (line 3)",
        ),
        ("<rss><channel><item><title>Tin</title>", 1, "the feed is not well-formed XML: premature end of data"),
    ],
)
def test_bad_feeds_say_what_is_wrong(feed, line, message):
    _, problems = read(feed, "tin.xml")
    assert [(problem.line, problem.message[: len(message)]) for problem in problems][:1] == [(line, message)]


def test_damage_after_good_items_keeps_them_and_says_so():
    data = s.rss_feed().replace("</channel>\n</rss>", "<item><title>Hỏng</title><description>x</item>")
    pages, problems = read(data)
    assert [page.title for page in pages][:3] == [story["title"] for story in s.STORIES]
    assert "not well-formed XML" in problems[0].message and "check them" in problems[0].message
    assert problems[0].line > 1


def test_an_external_entity_is_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("BÍ MẬT")
    feed = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
        "<rss><channel><item><title>Tin &x;</title><description>Nội dung tin.</description></item></channel></rss>"
    )
    pages, _ = read(feed)
    assert all("BÍ MẬT" not in page.text for page in pages)


def test_items_are_read_from_the_original_bytes_even_when_utf16():
    data = s.rss_feed().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    pages, problems = read(data)
    assert problems == [] and len(pages) == 3
    assert lxml.etree.fromstring(pages[0].raw).findtext("title") == FIRST["title"]
