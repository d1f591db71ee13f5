"""YAML errors in front matter say what to do, in the site's language (issue 23, item 3).

PyYAML's own words ("mapping values are not allowed in this context", "found character
that cannot start any token") told an editor nothing; an unclosed list was reported on
the line after it; Hugo's ``+++`` front matter got "no front matter".
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
import yaml
from conftest import build_to_memory
from hypothesis import given, settings
from hypothesis import strategies as st
from sitemaker import make_site

from reform_archive.errors import ContentError
from reform_archive.source.parse import parse_article

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def problems_of(front: str, language: str = "en", path: str = "a.md") -> list[str]:
    _, problems = parse_article(f"---\n{front}---\nThân bài.\n", path, HCM, language=language)
    return [str(p) for p in problems]


COLON = "title: Hà Tĩnh: một cửa điện tử\ndate: 2024-01-02\nsummary: s\n"


def test_a_colon_in_a_value_says_to_quote_it_with_the_corrected_line():
    assert problems_of(COLON) == [
        "a.md:2: the value has ': ' in it, which YAML takes for another key: put the value in quotes, "
        'like this: title: "Hà Tĩnh: một cửa điện tử"'
    ]
    assert problems_of(COLON, "vi") == [
        "a.md:2: giá trị có dấu ': ' nên YAML hiểu nhầm là một khóa khác: hãy đặt giá trị trong dấu ngoặc kép, "
        'như sau: title: "Hà Tĩnh: một cửa điện tử"'
    ]


@pytest.mark.parametrize(
    "line, fixed",
    [
        ('title: "Một cửa" điện tử: bước tiến mới', "title: '\"Một cửa\" điện tử: bước tiến mới'"),
        ("  name: Báo Hà Tĩnh: điện tử", '  name: "Báo Hà Tĩnh: điện tử"'),
        ("summary: C:\\Tài liệu: x", "summary: 'C:\\Tài liệu: x'"),
    ],
)
def test_the_corrected_line_keeps_the_value_and_its_indentation(line, fixed):
    front = (
        f"date: 2024-01-02\nsource:\n  url: https://a.vn/\n{line}\n"
        if line.startswith("  ")
        else f"date: 2024-01-02\n{line}\n"
    )
    messages = problems_of(front)
    line_number = front.splitlines().index(line) + 2
    assert next(m for m in messages if m.startswith(f"a.md:{line_number}:")).endswith(fixed), messages


@pytest.mark.parametrize(
    "value, fixed",
    [
        ('"Một cửa" điện tử', "title: '\"Một cửa\" điện tử'"),
        ('"Hà Tĩnh "một cửa" điện tử"', "title: 'Hà Tĩnh \"một cửa\" điện tử'"),
        ("[Infographic] Một cửa", 'title: "[Infographic] Một cửa"'),
        ("@UBND tỉnh", 'title: "@UBND tỉnh"'),
        ("*Một cửa*", 'title: "*Một cửa*"'),
    ],
)
def test_a_value_starting_with_a_yaml_sign_is_quoted_as_a_whole(value, fixed):
    [message] = problems_of(f"title: {value}\ndate: 2024-01-02\nsummary: s\n")
    assert message.startswith("a.md:2: ") and message.endswith(f"like this: {fixed}"), message
    assert "quotes" in message


def test_a_tab_used_for_indentation():
    front = "title: x\ndate: 2024-01-02\nsummary: s\nsource:\n\tname: Báo Hà Tĩnh\n"
    assert problems_of(front) == [
        "a.md:6: a tab indents this line; YAML indents with spaces only: replace the tab with spaces"
    ]
    assert problems_of(front, "vi") == [
        "a.md:6: dòng này thụt đầu dòng bằng phím Tab; YAML chỉ cho thụt bằng dấu cách: hãy thay Tab bằng dấu cách"
    ]


@pytest.mark.parametrize(
    "front, message",
    [
        (
            'title: x\ntags: [cải cách, "hành chính"\nsummary: s\ndate: 2024-01-02\n',
            "a.md:3: the list opened with '[' on this line is not closed: end it with ']'",
        ),
        (
            "title: x\ndate: 2024-01-02\nsummary: s\ntags: [cải cách, hành chính\n",
            "a.md:5: the list opened with '[' on this line is not closed: end it with ']'",
        ),
        (
            "title: x\nsource: {name: Báo Hà Tĩnh\nsummary: s\ndate: 2024-01-02\n",
            "a.md:3: the '{' opened on this line is not closed: end it with '}'",
        ),
        (
            'title: "Hà Tĩnh\ndate: 2024-01-02\nsummary: s\n',
            'a.md:2: the value opened with " on this line is not closed: end it with "',
        ),
        (
            'title: "Hà Tĩnh\ndate: 2024-01-02\nsummary: "s"\n',
            'a.md:2: the value opened with " on this line is not closed: end it with "',
        ),
        (
            "title: x\ndate: 2024-01-02\nsummary: 'Tóm tắt\ntags: [a]\n",
            "a.md:4: the value opened with ' on this line is not closed: end it with '",
        ),
    ],
)
def test_an_unclosed_list_or_quote_is_reported_where_it_was_opened(front, message):
    assert problems_of(front) == [message]


def test_unclosed_in_vietnamese():
    assert problems_of("title: x\ntags: [a, b\ndate: 2024-01-02\nsummary: s\n", "vi") == [
        "a.md:3: danh sách mở bằng '[' ở dòng này chưa được đóng: hãy thêm ']' vào cuối"
    ]
    assert problems_of('title: "x\ndate: 2024-01-02\nsummary: s\n', "vi") == [
        'a.md:2: giá trị mở bằng dấu " ở dòng này chưa được đóng: hãy thêm dấu " vào cuối'
    ]


def test_a_missing_space_after_a_colon_and_a_stray_indentation():
    assert problems_of("title:Hà Tĩnh\ndate: 2024-01-02\nsummary: s\n") == [
        "a.md:2: a space is missing after ':': write title: Hà Tĩnh"
    ]
    assert problems_of("title: x\n  date: 2024-01-02\nsummary: s\n") == [
        "a.md:3: this line is indented, but the line above holds a value, not a list or mapping: "
        "remove the spaces at its start"
    ]


def test_a_duplicate_key_in_vietnamese():
    assert problems_of("title: x\ndate: 2024-01-02\nsummary: a\nsummary: b\n", "vi") == [
        "a.md:5: khóa 'summary' xuất hiện hai lần (lần đầu ở dòng 4)"
    ]


def test_every_problem_in_the_file_at_once():
    front = (
        "title: Hà Tĩnh: một cửa điện tử\ndate: 2024-01-02\nsummary: Kết quả: giảm 30% thời gian\n"
        'tags: [một cửa, "dịch vụ công"\nprovince: Hà Tĩnh\n'
    )
    assert [m.split(": ")[0] for m in problems_of(front)] == ["a.md:2", "a.md:4", "a.md:5", "a.md:6"]
    article, problems = parse_article(f"---\n{front}---\nx\n", "a.md", HCM)
    assert article is None and [p.level for p in problems] == ["error", "error", "error", "warning"]


@pytest.mark.parametrize(
    "text, message",
    [
        (
            '+++\ntitle = "Hà Tĩnh"\ndate = 2024-01-02\n+++\nThân bài.\n',
            "a.md:1: TOML front matter (+++) is not supported; use YAML between --- lines "
            '(title: "…" rather than title = "…")',
        ),
        (
            '{\n  "title": "Hà Tĩnh"\n}\nThân bài.\n',
            "a.md:1: JSON front matter is not supported; use YAML between --- lines",
        ),
    ],
)
def test_hugo_toml_and_json_front_matter_are_named(text, message):
    article, problems = parse_article(text, "a.md", HCM)
    assert article is None and [str(p) for p in problems] == [message]


def test_toml_front_matter_in_vietnamese():
    _, problems = parse_article('+++\ntitle = "x"\n+++\n', "a.md", HCM, language="vi")
    assert [str(p) for p in problems] == [
        "a.md:1: front matter TOML (+++) không được hỗ trợ; hãy viết YAML giữa hai dòng --- "
        '(title: "…" thay cho title = "…")'
    ]


def test_a_problem_without_advice_keeps_pyyaml_s_words_in_the_sites_language():
    [message] = problems_of("title: x\ndate: 2024-01-02\n]\n", "vi")
    assert message == (
        "a.md:4: front matter không phải YAML hợp lệ: did not find expected key (while parsing a block mapping, dòng 2)"
    )


@pytest.mark.parametrize(
    "front, message",
    [
        (
            "title: x\ndate: 2024-01-02\nsummary: s\n- một cửa\n",
            "a.md:5: a list item ('- …') must come right under a key with no value of its own, such as tags:",
        ),
        (
            "title: x\nsummary: Một câu dài\ntiếp tục ở đây\ndate: 2024-01-02\n",
            "a.md:4: this line is not 'key: value' and is not indented under a key: write 'key: ' in front of it, "
            "or indent it to go on with the value above",
        ),
        ("date: 2024-01-02\nsummary: s\ntitle:Hà Tĩnh\n", "a.md:4: a space is missing after ':': write title: Hà Tĩnh"),
    ],
)
def test_lines_that_are_not_key_value(front, message):
    assert problems_of(front) == [message]


def test_a_colon_in_a_list_item():
    assert problems_of("title: x\ndate: 2024-01-02\nsummary: s\ntags:\n  - Hà Tĩnh: một cửa\n") == [
        "a.md:6: the value has ': ' in it, which YAML takes for another key: put the value in quotes, "
        'like this: "Hà Tĩnh: một cửa"'
    ]


def test_the_site_language_reaches_the_build(tmp_path):
    article = "---\ntitle: Hà Tĩnh: một cửa\ndate: 2024-01-02\nsummary: s\n---\nx\n"
    for language, expected in (("vi", "hãy đặt giá trị trong dấu ngoặc kép"), ("en", "put the value in quotes")):
        site = make_site(tmp_path / language, {"a.md": article}, config=f'language = "{language}"\nsearch = false\n')
        with pytest.raises(ContentError) as caught:
            build_to_memory(site)
        [problem] = caught.value.problems
        assert problem.line == 2 and expected in problem.message


# Text an editor may type as a headline: Vietnamese, colons, quotes, brackets, signs YAML reads.
HEADLINE = st.text(
    alphabet=st.sampled_from(list("Hà Tĩnh một cửa:;,.-'\"[]{}#@*&!%|>?`\\") + ["Đ", "ư", " "]), min_size=1, max_size=40
)


@settings(max_examples=300, deadline=None)
@given(HEADLINE)
def test_the_corrected_line_parses_to_what_was_typed(value):
    """Whenever the advice gives a corrected line, that line is YAML for the very text typed (or,
    when it was wrapped in quotes that broke on quotes inside, for the text between them)."""
    line = f"title: {value}"
    _, problems = parse_article(f"---\n{line}\ndate: 2024-01-02\nsummary: s\n---\n", "a.md", HCM)
    advice = [p.message for p in problems if p.line == 2 and "like this: " in p.message]
    for message in advice:
        fixed = message.split("like this: ", 1)[1]
        typed = value.strip()
        assert yaml.safe_load(fixed) in ({"title": typed}, {"title": typed[1:-1]}), (line, fixed)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "title: x",
                "title: Hà Tĩnh: một cửa",
                "date: 2024-01-02",
                "summary: 'a",
                'summary: "a',
                "tags: [a, b",
                "tags: [a, b]",
                "source: {name: a",
                "\tname: b",
                "  - c",
                "- d",
                "province: Hà Tĩnh",
                "x:y",
                "  z: 1",
                '"a" b: c',
                "extra: {a: 1}",
                "documents: [Nghị định 61/2018/NĐ-CP]",
                "[x",
                "{",
                "?",
                "'",
                '"',
            ]
        ),
        max_size=8,
    ),
    st.sampled_from(["en", "vi"]),
)
def test_broken_front_matter_never_raises_and_lines_stay_in_the_file(lines, language):
    front = "".join(line + "\n" for line in lines)
    article, problems = parse_article(f"---\n{front}---\nx\n", "a.md", HCM, language=language)
    assert article is not None or problems
    assert all(1 <= p.line <= len(lines) + 2 for p in problems), problems
    assert len(set(problems)) == len(problems), problems


def test_a_line_break_yaml_sees_and_an_editor_does_not():
    front = "title: x\ndate: 2024-01-02\nsummary: một\u2028hai\ntags: [a, b\n"
    assert problems_of(front) == [
        "a.md:4: this line holds U+2028, which YAML reads as a line break: put the value in quotes or remove it",
        "a.md:5: the list opened with '[' on this line is not closed: end it with ']'",
    ]
