from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from reform_archive.config import NOT_XML
from reform_archive.source.parse import normalise_document, parse_article
from reform_archive.text.vietnamese import nfc

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def parse(front: str, body: str = "Nội dung.\n"):
    return parse_article(f"---\n{front}---\n{body}", "content/a.md", HCM)


def test_minimal_article_with_zone_from_config():
    article, problems = parse('title: "Hội nghị"\ndate: 2022-09-09\nsummary: "Tóm tắt"\n')
    assert problems == []
    assert article.title == "Hội nghị" and article.slug == "hoi-nghi"
    assert article.date == datetime(2022, 9, 9, tzinfo=HCM)
    assert article.body == "Nội dung.\n" and article.body_line == 6


def test_explicit_offset_is_kept():
    article, _ = parse("title: x\ndate: 2021-10-28T07:05:00+07:00\n")
    assert article.date.utcoffset() == timedelta(hours=7)
    assert article.date.astimezone(UTC).hour == 0


@pytest.mark.parametrize("word", ["no", "yes", "on", "off", "No", "Y", "2024", "1.10", "0x1F", "2022-09-09", "~x"])
def test_yaml_words_and_numbers_stay_text(word):
    article, problems = parse(f"title: {word}\ndate: 2024-01-01\ntags: [{word}, an]\nauthor: {word}\n")
    assert article.title == word
    assert article.tags == (word, "an")
    assert article.authors == (word,)


def test_unknown_keys_are_kept_with_their_yaml_types():
    article, _ = parse("title: x\ndate: 2024-01-01\nweight: 5\nmood: no\nphoto: {src: a.jpg}\n")
    assert dict(article.extra) == {"weight": 5, "mood": "no", "photo": {"src": "a.jpg"}}


def test_archive_keys():
    article, problems = parse(
        'title: x\ndate: 2024-01-01\nsummary: s\nsource: {name: "Báo Gia Lai", url: "https://baogialai.com.vn/a"}\n'
        'provinces: ["Gia Lai"]\ntopics: ["thủ tục hành chính"]\ndocuments: ["số 72/tb-ubnd", "23/CT-TTg", "72/TB-UBND"]\n'
        "date_precision: quarter\naliases: [/cu/bai-viet/]\ndraft: false\n"
    )
    assert problems == []
    assert article.source.name == "Báo Gia Lai" and article.source.url == "https://baogialai.com.vn/a"
    assert article.documents == ("72/TB-UBND", "23/CT-TTg")
    assert article.date_precision == "quarter"
    assert article.aliases == ("cu/bai-viet/",)


def test_unknown_topic_and_odd_document_number_are_warnings():
    _, problems = parse('title: x\ndate: 2024-01-01\nsummary: s\ntopics: ["thời tiết"]\ndocuments: ["abc"]\n')
    assert [(p.line, p.level) for p in problems] == [(6, "warning"), (5, "warning")]


def test_missing_summary_is_a_warning():
    article, problems = parse("title: x\ndate: 2024-01-01\n")
    assert article is not None
    assert [str(p) for p in problems] == [
        "content/a.md:1: warning: no 'summary': feeds and lists will show the first paragraph"
    ]


@pytest.mark.parametrize(
    "front, line, message",
    [
        ("date: 2024-01-01\n", 1, "missing required key 'title'"),
        ("title: x\n", 1, "missing required key 'date'"),
        ("title: x\ndate: 2024-13-01\n", 3, "'date' must be an ISO date"),
        ("title: [x\ndate: 2024-01-01\n", 2, "the list opened with '[' on this line is not closed"),
        ("title: x\ndate: 2024-01-01\ndraft: maybe\n", 4, "'draft' must be true or false"),
        ("title: x\ndate: 2024-01-01\ntags: {a: 1}\n", 4, "'tags' must be a list of text"),
        ("title: x\ndate: 2024-01-01\nslug: a/b\n", 4, "'slug' may hold only"),
        ("title: x\ndate: 2024-01-01\nsource_sha256: abc\n", 4, "'source_sha256' must be 64"),
        ("title: x\ndate: 2024-01-01\naliases: [../../etc]\n", 4, "alias '../../etc' must be a path inside"),
        ("- a\n- b\n", 2, "front matter must be a mapping"),
    ],
)
def test_errors_point_at_the_line(front, line, message):
    article, problems = parse(front)
    errors = [p for p in problems if p.level == "error"]
    assert article is None
    assert errors and errors[0].line == line and message in errors[0].message, errors


def test_crlf_bom_and_nfd_input():
    text = '\ufeff---\r\ntitle: "Ho\u0300a Bi\u0300nh"\r\ndate: 2024-01-01\r\n---\r\nBody\r\n'
    article, _ = parse_article(text, "a.md", HCM)
    assert article.title == "Hòa Bình" and article.title == nfc(article.title)
    assert article.body == "Body\n"


def test_no_front_matter():
    article, [problem] = parse_article("# Tiêu đề\n", "a.md", HCM)
    assert article is None and problem.line == 1


def test_document_normalisation():
    assert normalise_document(" Số 05-nq/tu ") == "05-NQ/TU"
    assert normalise_document("1234/QĐ-TTg") == "1234/QĐ-TTg"
    assert normalise_document("16-nq/đu") == "16-NQ/ĐU"


# NEL and the Unicode line/paragraph separators are line breaks to YAML, which folds them.
@settings(max_examples=200)
@given(st.text(alphabet=st.characters(blacklist_characters="\x85\u2028\u2029", blacklist_categories=("Cs",))))
def test_any_title_round_trips_through_yaml(title):
    front = yaml.safe_dump({"title": title, "date": "2024-01-01", "summary": "s"}, allow_unicode=True)
    article, problems = parse(front)
    expected = nfc(NOT_XML.sub("", title)).strip()  # characters XML does not allow are removed
    if expected and article is not None:
        assert article.title == expected
    elif not expected:
        assert any("title" in p.message for p in problems)


@settings(max_examples=300)
@given(st.text())
def test_never_raises_on_arbitrary_text(text):
    article, problems = parse_article(text, "a.md", HCM)
    assert article is not None or problems


@settings(max_examples=200)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1))
def test_never_raises_on_arbitrary_front_matter(front):
    parse_article(f"---\n{front}\n---\nbody", "a.md", HCM)


def test_author_and_authors_merge_and_a_bad_author_is_reported_once():
    article, _ = parse('title: x\ndate: 2024-01-01\nauthor: "P.V"\nauthors: ["P.V", "Bảo Giang"]\n')
    assert article.authors == ("P.V", "Bảo Giang")
    _, problems = parse("title: x\ndate: 2024-01-01\nauthor: {a: 1}\nauthors: [x, y, z]\n")
    assert [p.message for p in problems if p.level == "error"] == ["'author' must be a list of text, found a mapping"]


def test_a_draft_without_a_date_is_left_out_with_a_warning():
    """The importer writes a page it found no date for as such a draft."""
    article, problems = parse_article("---\ntitle: Chưa rõ ngày\ndraft: true\n---\nThân bài.\n", "a.md", HCM)
    assert article is None
    undated = [p for p in problems if "without a 'date'" in p.message]
    assert [(p.level, p.line) for p in undated] == [("warning", 3)]
    assert all(p.level == "warning" for p in problems)
    article, problems = parse_article("---\ntitle: Chưa rõ ngày\n---\nThân bài.\n", "a.md", HCM)
    assert article is None and [p.message for p in problems if p.level == "error"] == [
        "missing required key 'date' (an ISO date such as 2022-09-09 or 2022-09-09T07:05:00+07:00)"
    ]
