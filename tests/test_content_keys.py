"""Front-matter keys are checked like site.toml's (issue 23, item 2).

A misspelled key (``province:``, ``tag:``) used to be passed to templates silently, so the
article appeared on no term page, even with --strict. Now every key nothing reads is a
warning on its own line, with the nearest known key when one is close, and an error under
--strict; keys meant for templates go under ``extra:``.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from conftest import build_to_memory
from sitemaker import make_site

from reform_archive.config import parse_settings
from reform_archive.errors import ConfigError, ContentError
from reform_archive.source.parse import parse_article
from reform_archive.text.suggest import nearest

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
MISSPELT = (
    "---\ntitle: Hà Tĩnh đẩy mạnh một cửa\ndate: 2024-01-02\nsummary: s\n"
    "province: Hà Tĩnh\ntopic: thủ tục hành chính\ntag: [một cửa]\ncategories: [Tin tức]\n"
    "layout: wide\n---\nThân bài.\n"
)


def shown(problems) -> list[str]:
    return [str(p) for p in problems]


def test_every_unknown_key_is_a_warning_on_its_line_with_the_nearest_known_key():
    article, problems = parse_article(MISSPELT, "content/a.md", HCM)
    assert article is not None
    assert shown(problems) == [
        "content/a.md:5: warning: unknown key 'province'; did you mean 'provinces'?",
        "content/a.md:6: warning: unknown key 'topic'; did you mean 'topics'?",
        "content/a.md:7: warning: unknown key 'tag'; did you mean 'tags'?",
        "content/a.md:8: warning: unknown key 'categories'; did you mean 'category'?",
        "content/a.md:9: warning: unknown key 'layout'; if it is meant for templates, put it under 'extra:'",
    ]
    assert article.provinces == () and article.tags == ()  # a warning, not a guess


def test_the_warnings_are_in_the_sites_language():
    _, problems = parse_article(MISSPELT, "content/a.md", HCM, language="vi")
    assert (
        shown(problems)[0] == "content/a.md:5: warning: khóa không xác định 'province'; có phải ý bạn là 'provinces'?"
    )
    assert shown(problems)[-1] == (
        "content/a.md:9: warning: khóa không xác định 'layout'; nếu khóa này dành cho "
        "template, hãy đặt nó dưới 'extra:'"
    )


@pytest.mark.parametrize(
    "key, near",
    [
        ("Title", "title"),
        ("date-precision", "date_precision"),
        ("lastMod", "lastmod"),
        ("summery", "summary"),
        ("auther", "author"),
        ("document", "documents"),
        ("description", "summary"),
        ("published", "draft"),
        ("keywords", "tags"),
    ],
)
def test_hugo_and_jekyll_habits_and_typos_get_a_suggestion(key, near):
    _, problems = parse_article(f"---\ntitle: x\ndate: 2024-01-02\nsummary: s\n{key}: y\n---\n", "a.md", HCM)
    messages = [p.message for p in problems if p.line == 5]
    if key == "Title":  # 'title' is set already: the second spelling is still a key of its own
        assert messages == ["unknown key 'Title'; did you mean 'title'?"]
    else:
        assert messages == [f"unknown key '{key}'; did you mean '{near}'?"]


def test_the_keys_the_importer_writes_are_known_and_reach_templates():
    front = (
        "title: x\ntitle_original: X\ntitle_inferred: true\ndate: 2024-01-02\ndate_inferred: true\n"
        "summary: s\ndraft_reason: a list of headlines\nauthor: A\nauthor_title: ThS.\n"
        "author_affiliation: Sở Nội vụ\nsource_encoding: utf-8\nimported_sha256: " + "0" * 64 + "\n"
    )
    article, problems = parse_article(f"---\n{front}---\nThân bài.\n", "a.md", HCM)
    assert problems == []
    assert article.extra["date_inferred"] is True and article.extra["author_title"] == "ThS."


def test_keys_under_extra_are_given_to_templates_without_a_warning():
    article, problems = parse_article(
        "---\ntitle: x\ndate: 2024-01-02\nsummary: s\nextra:\n  photo: a.jpg\n  weight: 3\n  mood: no\n---\n",
        "a.md",
        HCM,
    )
    assert problems == []
    assert dict(article.extra) == {"photo": "a.jpg", "weight": 3, "mood": "no"}


def test_an_unknown_key_is_still_given_to_templates_so_a_site_keeps_building():
    article, problems = parse_article(
        "---\ntitle: x\ndate: 2024-01-02\nsummary: s\nphoto: a.jpg\nextra: {photo: b.jpg, credit: TTXVN}\n---\n",
        "a.md",
        HCM,
    )
    assert [(p.line, p.level) for p in problems] == [(5, "warning")]
    assert dict(article.extra) == {"photo": "b.jpg", "credit": "TTXVN"}  # extra: wins


@pytest.mark.parametrize("value, line", [("[a, b]", 5), ("ảnh.jpg", 5)])
def test_extra_must_be_a_mapping(value, line):
    article, problems = parse_article(
        f"---\ntitle: x\ndate: 2024-01-02\nsummary: s\nextra: {value}\n---\n", "a.md", HCM
    )
    assert article is None
    assert shown(problems) == [
        f"a.md:{line}: 'extra' must be a mapping of keys to values, such as extra: {{photo: a.jpg}}"
    ]


def test_a_key_twice_under_extra_is_an_error_with_both_lines():
    _, problems = parse_article(
        "---\ntitle: x\ndate: 2024-01-02\nsummary: s\nextra:\n  a: 1\n  a: 2\n---\n", "a.md", HCM
    )
    assert shown(problems) == ["a.md:7: key 'a' appears twice (first on line 6)"]


def test_unknown_keys_are_errors_under_strict_and_templates_read_extra(tmp_path):
    template = "{{ article.title }}|{{ article.extra.photo }}|{{ article.extra.get('province', '-') }}\n"
    site = make_site(
        tmp_path / "site",
        {
            "a.md": (
                "---\ntitle: Hà Tĩnh\ndate: 2024-01-02\nsummary: s\nprovince: Hà Tĩnh\nextra:\n  photo: anh.jpg\n---\nx\n"
            )
        },
        config='language = "vi"\nsearch = false\n',
        templates={"article.html": template},
    )
    files = build_to_memory(site)
    assert files["2024/01/ha-tinh/index.html"].decode() == "Hà Tĩnh|anh.jpg|Hà Tĩnh\n"
    with pytest.raises(ContentError) as caught:
        build_to_memory(site, strict=True)
    assert [str(p).replace(f"{site}/", "") for p in caught.value.problems] == [
        "content/a.md:5: khóa không xác định 'province'; có phải ý bạn là 'provinces'?"
    ]


def test_nearest_is_close_enough_or_nothing():
    known = ("provinces", "topics", "tags", "category", "summary", "date_precision")
    assert nearest("province", known) == "provinces"
    assert nearest("DATE-PRECISION", known) == "date_precision"
    assert nearest("layout", known) is None
    assert nearest("url", known) is None


def test_site_toml_suggests_the_nearest_key_too():
    with pytest.raises(ConfigError) as caught:
        parse_settings('title = "T"\nbase_url = "https://example.org/"\nbaseurl = "x"\nper_pages = 5\n', "site.toml")
    messages = [p.message for p in caught.value.problems]
    assert messages[0].startswith("unknown key 'baseurl' (known keys: abbreviations, aliases, base_url,")
    assert messages[0].endswith("; did you mean 'base_url'?")
    assert messages[1].endswith("; did you mean 'per_page'?")
