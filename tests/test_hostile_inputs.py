"""Inputs a red-team pass found crashing the build: each is a `path:line: message` problem
now, the build exits as for any content or config error, and the previous output stays."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import build_to_memory, tree
from hypothesis import given, settings
from hypothesis import strategies as st
from sitemaker import make_site

from reform_archive.config import parse_settings
from reform_archive.errors import ConfigError, ContentError
from reform_archive.source import loader
from reform_archive.source.article import EARLIEST_YEAR, LATEST_YEAR
from reform_archive.source.parse import parse_article
from reform_archive.source.prepare import Recipe, prepare
from reform_archive.source.yaml_loader import MAX_DEPTH

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
RECIPE = Recipe("Asia/Ho_Chi_Minh", "/", "vi")
NOT_XML = {chr(c) for c in [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF]}
NO_SEARCH = "search = false\n"  # these sites test reading, not the index


def front(*lines: str, body: str = "Thân bài.\n") -> str:
    return "---\n" + "".join(line + "\n" for line in lines) + "---\n" + body


GOOD = front("title: Bài tốt", "date: 2024-01-02", "summary: Tóm tắt")


def parse(text: str):
    return parse_article(text, "content/a.md", HCM)


def shown(problems) -> list[str]:
    """Problems as printed, but for the warning that a key is unknown: these tests keep values
    under keys of their own (tests/test_content_keys.py is about that warning)."""
    return [str(p) for p in problems if not p.message.startswith(("unknown key", "khóa không xác định"))]


def site_with(tmp_path: Path, articles: dict[str, str], config: str = NO_SEARCH) -> Path:
    return make_site(tmp_path / "site", {"tot.md": GOOD, **articles}, config=config)


def failed_build(site: Path, **options) -> list[str]:
    with pytest.raises(ContentError) as caught:
        build_to_memory(site, **options)
    return [str(p).replace(f"{site}/", "") for p in caught.value.problems]


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reform_archive", *args], capture_output=True, text=True, errors="backslashreplace"
    )


def assert_fails_and_keeps_output(site: Path, tmp_path: Path, spoil, message: str, code: int = 1) -> None:
    """A good build, then ``spoil`` the site: build and check exit with ``code`` and the
    message, without a traceback, and the first build's output is still there."""
    output = tmp_path / "output"
    assert cli("build", "--site", str(site), "--output", str(output), "-q").returncode == 0
    before = tree(output)
    spoil(site)
    for command in (["build", "--output", str(output)], ["check"]):
        result = cli(*command, "--site", str(site))
        assert result.returncode == code, result.stderr
        assert message in result.stderr.replace(f"{site}/", "")
        assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert tree(output) == before


# 1. Dates at the ends of Python's range -------------------------------------------------


@pytest.mark.parametrize("key", ["date", "lastmod"])
@pytest.mark.parametrize(
    "value",
    [
        '"0001-01-01T00:00:00+14:00"',
        '"9999-12-31T23:59:59-12:00"',
        "0001-01-01",
        "9999-12-31",
        "0999-12-31T23:00:00+07:00",
        "9999-01-01",
    ],
)
def test_dates_out_of_range_are_an_error_on_their_line(key, value):
    lines = ["title: A", "summary: s", "date: 2024-01-02"]
    lines = [line for line in lines if not line.startswith(key)] + [f"{key}: {value}"]
    article, problems = parse(front(*lines))
    assert article is None
    assert shown(problems) == [
        f"content/a.md:{len(lines) + 1}: '{key}' must fall between the years "
        f"{EARLIEST_YEAR} and {LATEST_YEAR} (in the site's time zone), got {value.strip(chr(34))!r}"
    ]


def test_the_range_ends_in_the_site_time_zone():
    for value, year in [
        ("1000-01-01", 1000),
        ("0999-12-31T20:00:00Z", 1000),
        ("9998-12-31T00:00:00-12:00", 9998),
        ("0999-12-31T23:59:59", None),
        ("9998-12-31T20:00:00Z", None),
    ]:
        article, problems = parse(front("title: A", "summary: s", f"date: {value}"))
        assert (article.date.year if article else None) == year, value


@settings(max_examples=300, deadline=None)
@given(st.datetimes(), st.integers(-23 * 60 - 59, 23 * 60 + 59), st.booleans(), st.sampled_from(["date", "lastmod"]))
def test_any_iso_datetime_parses_or_is_a_problem_on_its_line(when, offset, with_offset, key):
    sign, minutes = ("+" if offset >= 0 else "-"), abs(offset)
    value = when.isoformat() + (f"{sign}{minutes // 60:02d}:{minutes % 60:02d}" if with_offset else "")
    other = "lastmod: 2024-01-03" if key == "date" else "date: 2024-01-02"
    article, problems = parse(front("title: A", "summary: s", other, f"{key}: '{value}'"))
    if article is None:
        assert shown(problems) and all(p.line == 5 and key in p.message for p in problems)
    else:
        moment = article.date if key == "date" else article.lastmod
        assert EARLIEST_YEAR <= moment.year <= LATEST_YEAR
        moment.astimezone(ZoneInfo("UTC")), moment.astimezone(ZoneInfo("Pacific/Kiritimati"))  # never overflow


def test_an_overflowing_date_fails_build_and_check_and_keeps_the_output(tmp_path):
    site = site_with(tmp_path, {})

    def spoil(site: Path) -> None:
        (site / "content" / "xa.md").write_text(front("title: Xa", "summary: s", 'date: "0001-01-01T00:00:00+14:00"'))

    assert_fails_and_keeps_output(site, tmp_path, spoil, "content/xa.md:4: 'date' must fall between the years")


# 2. Symbolic links in content/ and static/ ---------------------------------------------


def test_a_symlink_loop_between_two_articles_is_a_problem_naming_each(tmp_path):
    site = site_with(tmp_path, {})
    os.symlink("b.md", site / "content" / "a.md")
    os.symlink("a.md", site / "content" / "b.md")
    assert failed_build(site) == [
        "content/a.md:0: symbolic link loop: it leads back to itself; it is not read",
        "content/b.md:0: symbolic link loop: it leads back to itself; it is not read",
    ]


def test_a_symlink_loop_fails_build_and_check_and_keeps_the_output(tmp_path):
    site = site_with(tmp_path, {})

    def spoil(site: Path) -> None:
        os.symlink("b.md", site / "content" / "a.md")
        os.symlink("a.md", site / "content" / "b.md")

    assert_fails_and_keeps_output(site, tmp_path, spoil, "content/a.md:0: symbolic link loop")


def test_a_linked_folder_inside_the_site_is_read(tmp_path):
    site = site_with(tmp_path, {})
    shared = site / "shared" / "2023"
    shared.mkdir(parents=True)
    (shared / "chung.md").write_text(front("title: Bài chung", "date: 2023-05-06", "summary: s"), encoding="utf-8")
    os.symlink("../shared", site / "content" / "chung")
    files = build_to_memory(site)
    assert "2023/05/bai-chung/index.html" in files and "2024/01/bai-tot/index.html" in files


def test_a_folder_linking_back_to_its_parent_is_a_loop_and_the_rest_is_read(tmp_path):
    site = site_with(tmp_path, {"2023/b.md": front("title: B", "date: 2023-01-01", "summary: s")})
    os.symlink("..", site / "content" / "2023" / "vong")
    os.symlink(".", site / "content" / "2023" / "day")
    assert failed_build(site) == [
        "content/2023/day:0: symbolic link loop: it leads back to content/2023; it is not read",
        "content/2023/vong:0: symbolic link loop: it leads back to content; it is not read",
    ]
    files, _ = loader.read_content(site)
    assert sorted(Path(f.shown).name for f in files) == ["b.md", "tot.md"]


def test_two_links_to_one_folder_read_it_once(tmp_path):
    site = site_with(tmp_path, {"2023/b.md": front("title: B", "date: 2023-01-01", "summary: s")})
    (site / "shared").mkdir()
    (site / "shared" / "c.md").write_text(front("title: C", "date: 2023-02-01", "summary: s"), encoding="utf-8")
    os.symlink("../shared", site / "content" / "a")
    os.symlink("../shared", site / "content" / "b")
    os.symlink("2023", site / "content" / "c")  # a folder content/ reads anyway
    assert failed_build(site) == [
        "content/b:0: symbolic link leads to a folder read already (content/a); it is not read again",
        "content/c:0: symbolic link leads to a folder read already (content/2023); it is not read again",
    ]


def test_many_links_to_many_folders_take_linear_time(tmp_path):
    """Each folder linking twice to the next: without reading each folder once, 2**40 paths."""
    site = site_with(tmp_path, {})
    for level in range(40):
        folder = site / "chain" / str(level)
        folder.mkdir(parents=True)
        if level < 39:
            os.symlink(f"../{level + 1}", folder / "x")
            os.symlink(f"../{level + 1}", folder / "y")
    os.symlink("../chain/0", site / "content" / "chain")
    files, problems = loader.read_content(site)
    assert len(problems) == 39 and all("read already" in p.message for p in problems)


@pytest.mark.parametrize(
    "target, message",
    [
        ("khong-co.md", "symbolic link leads nowhere (to khong-co.md, which does not exist); it is not read"),
        ("/", "symbolic link leads outside {site} (to /); it is not published: copy the file into the site instead"),
    ],
)
def test_dangling_and_outside_links_are_problems(tmp_path, target, message):
    site = site_with(tmp_path, {})
    os.symlink(target, site / "content" / "a.md")
    os.symlink(target, site / "content" / "folder")
    os.symlink("/etc/hostname", site / "content" / "notes.txt")  # not an article, not read: nothing to say
    folder = "warning: " if target == "khong-co.md" else ""  # it may have been a folder, or not
    assert failed_build(site) == [
        f"content/a.md:0: {message.format(site=site)}",
        f"content/folder:0: {folder}{message.format(site=site)}",
    ]


def test_an_unreadable_article_is_a_problem(tmp_path, monkeypatch):
    site = site_with(tmp_path, {"khoa.md": GOOD})
    (site / "chung").mkdir()
    (site / "chung" / "khoa.md").write_text(GOOD, encoding="utf-8")
    os.symlink("../chung", site / "content" / "chung")  # read now, so its locked file is named too
    real_open = open

    def refusing_open(path, *args, **kwargs):
        if str(path).endswith("khoa.md"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(loader, "open", refusing_open, raising=False)
    assert failed_build(site) == [
        "content/chung/khoa.md:0: cannot read: Permission denied",
        "content/khoa.md:0: cannot read: Permission denied",
    ]


def test_an_article_that_is_not_a_file_is_a_problem_and_never_opened(tmp_path):
    site = site_with(tmp_path, {})
    os.mkfifo(site / "content" / "ong.md")  # opening it would wait for a writer for ever
    os.symlink("ong.md", site / "content" / "lien-ket.md")
    assert failed_build(site) == [
        "content/lien-ket.md:0: not a regular file; it is not read",
        "content/ong.md:0: not a regular file; it is not read",
    ]


def test_static_folders_follow_the_same_rules(tmp_path):
    site = site_with(tmp_path, {})
    (site / "assets").mkdir()
    (site / "assets" / "logo.svg").write_text("<svg/>")
    (site / "static").mkdir()
    os.symlink("../assets", site / "static" / "img")
    assert build_to_memory(site)["img/logo.svg"] == b"<svg/>"
    os.symlink("..", site / "static" / "vong")
    assert failed_build(site) == [f"static/vong:0: symbolic link loop: it leads back to {site}; it is not read"]


# 3. File names that are not UTF-8 ------------------------------------------------------


def test_a_static_file_name_that_is_not_utf8_is_an_error(tmp_path):
    site = site_with(tmp_path, {})
    (site / "static").mkdir()
    with open(os.path.join(os.fsencode(site / "static"), b"logo-\xe9.png"), "wb") as file:
        file.write(b"png")
    assert failed_build(site) == [
        "static/logo-\\xe9.png:0: file name is not valid UTF-8 (shown with \\x escapes): rename the file to publish it"
    ]


def test_a_file_name_that_is_not_utf8_is_built_with_a_warning_naming_it(tmp_path):
    site = site_with(tmp_path, {})
    bad = os.path.join(os.fsencode(site / "content"), b"bad-\xff.md")
    with open(bad, "wb") as file:
        file.write(front("title: Tên hỏng", "date: 2023-03-04", "summary: s").encode())
    files = build_to_memory(site)
    assert "2023/03/ten-hong/index.html" in files
    warning = (
        "content/bad-\\xff.md:0: warning: file name is not valid UTF-8 (shown with \\x escapes): "
        "rename the file; the article is built, its address comes from its slug"
    )
    assert failed_build(site, strict=True) == [warning.replace("warning: ", "")]
    result = cli("check", "--site", str(site))
    assert result.returncode == 0 and f"{site}/{warning}" in result.stderr


def test_problems_of_a_file_whose_name_is_not_utf8_name_it_escaped(tmp_path):
    site = site_with(tmp_path, {})
    folder = os.path.join(os.fsencode(site / "content"), b"th\xe1ng")
    os.mkdir(folder)
    with open(os.path.join(folder, b"a.md"), "wb") as file:
        file.write(b"---\ndate: 2023-03-04\n---\n")
    assert failed_build(site) == [
        "content/th\\xe1ng/a.md:0: warning: file name is not valid UTF-8 (shown with \\x escapes): "
        "rename the file; the article is built, its address comes from its slug",
        "content/th\\xe1ng/a.md:1: missing required key 'title'",
        "content/th\\xe1ng/a.md:1: warning: no 'summary': feeds and lists will show the first paragraph",
    ]


def test_a_file_name_that_is_not_utf8_fails_check_when_strict_and_keeps_the_output(tmp_path):
    site = site_with(tmp_path, {})

    def spoil(site: Path) -> None:
        with open(os.path.join(os.fsencode(site / "content"), b"x\xc3.md"), "wb") as file:
            file.write(front("title: X", "date: 2023-03-04", "summary: s").encode())

    output = tmp_path / "output"
    cli("build", "--site", str(site), "--output", str(output), "-q")
    before = tree(output)
    spoil(site)
    result = cli("build", "--strict", "--site", str(site), "--output", str(output))
    assert result.returncode == 1 and "content/x\\xc3.md:0: file name is not valid UTF-8" in result.stderr
    assert "Traceback" not in result.stderr and tree(output) == before


# 4. Front matter nested too deeply -----------------------------------------------------


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 500, 990])
def test_deep_nesting_is_an_error_on_the_key_line(depth):
    text = front("title: A", "date: 2024-01-02", "summary: s", "deep: " + "[" * depth + "]" * depth)
    prepared = prepare(text.encode(), "content/a.md", RECIPE)
    assert prepared.source is None
    assert shown(prepared.problems) == [
        f"content/a.md:5: front matter nested too deeply: 'deep' has {depth} levels (at most {MAX_DEPTH})"
    ]
    pickle.dumps(prepared)


def test_nesting_up_to_the_limit_is_kept_one_more_level_refused():
    def nested(depth: int) -> bytes:
        value = "[" * depth + "1" + "]" * depth
        return front("title: A", "date: 2024-01-02", "summary: s", f"deep: {value}").encode()

    kept = prepare(nested(MAX_DEPTH), "content/a.md", RECIPE)
    assert shown(kept.problems) == [] and pickle.loads(pickle.dumps(kept)).source.extra["deep"]
    assert prepare(nested(MAX_DEPTH + 1), "content/a.md", RECIPE).source is None


@pytest.mark.parametrize("value", ["&a [1, *a]", "&a {k: *a}", "&a [[[*a]]]"])
def test_a_value_that_contains_itself_is_an_error(value):
    article, problems = parse(front("title: A", "date: 2024-01-02", "summary: s", f"vong: {value}"))
    assert article is None
    assert shown(problems) == [
        "content/a.md:5: front matter nested too deeply: 'vong' contains itself (through a YAML alias)"
    ]


def test_aliases_that_expand_exponentially_are_refused():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 9)]
    article, problems = parse(front("title: A", "date: 2024-01-02", "summary: s", *lines))
    refused = article is None  # not in the assertion: its repr would spell out eleven billion values
    assert refused
    assert [p.line for p in problems if p.level == "error"] == [
        9,
        10,
        11,
        12,
        13,
    ]  # a4 has 111,111 values, a8 eleven billion
    assert shown(problems)[0] == "content/a.md:9: 'a4' holds more than 100000 values (through YAML aliases)"


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 200), st.sampled_from(["[", "{k: "]))
def test_any_nesting_is_kept_or_refused_never_crashes_pickling(depth, opener):
    closer = "]" if opener == "[" else "}"
    text = front("title: A", "date: 2024-01-02", "summary: s", f"x: {opener * depth}1{closer * depth}")
    prepared = prepare(text.encode(), "content/a.md", RECIPE)
    assert (prepared.source is None) == (depth > MAX_DEPTH)
    pickle.dumps(prepared)


@pytest.mark.parametrize(
    "value, message",
    [
        ("!!int abc", "cannot read 'x': invalid literal for int() with base 10: 'abc'"),
        ("!!timestamp 2020-13-45", "cannot read 'x': month must be in 1..12"),
        ("!!bool maybe", "cannot read 'x': 'maybe' is not a boolean"),
        ("!!float abc", "cannot read 'x': could not convert string to float: 'abc'"),
        ("!foo bar", "cannot read 'x': could not determine a constructor for the tag '!foo'"),
    ],
)
def test_values_that_do_not_fit_their_yaml_tag_are_an_error_on_one_line(value, message):
    article, problems = parse(front("title: A", "date: 2024-01-02", "summary: s", f"x: {value}"))
    assert article is None and shown(problems) == [f"content/a.md:5: {message}"]


def test_deep_nesting_fails_build_and_check_and_keeps_the_output(tmp_path):
    site = site_with(tmp_path, {})

    def spoil(site: Path) -> None:
        (site / "content" / "sau.md").write_text(
            front("title: Sâu", "date: 2024-01-02", "summary: s", "x: " + "[" * 700 + "]" * 700), encoding="utf-8"
        )

    assert_fails_and_keeps_output(site, tmp_path, spoil, "content/sau.md:5: front matter nested too deeply")


# 5. Lines of problems ------------------------------------------------------------------


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_yaml_line_breaks_inside_a_value_do_not_shift_the_lines_after_it(separator):
    text = front(f"title: 'một{separator}hai'", "date: 2024-01-02", "summary: s", "draft: yes")
    article, problems = parse(text)
    assert shown(problems) == ["content/a.md:5: 'draft' must be true or false, got 'yes'"]


def test_a_key_that_is_not_text_is_an_error_on_its_line():
    article, problems = parse(front("title: A", "date: 2024-01-02", "summary: s", "? [a, b]", ": 1"))
    assert article is None and shown(problems) == ["content/a.md:5: front-matter keys must be text, found a list"]


@pytest.mark.parametrize("before", ["title: A", "title: Hành chính công ưu tiên", "title: |\n  dòng một\n  dòng hai"])
def test_a_nul_byte_is_reported_on_its_line(before):
    text = front(before, "summary: s", "date: 2024-01-02", "x: a\0b")
    line = text.split("\n").index("x: a\0b") + 1
    article, problems = parse(text)
    assert shown(problems) == [
        f"content/a.md:{line}: invalid YAML in front matter: character U+0000 is not allowed; remove it"
    ]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.text(st.characters(blacklist_categories=["Cs", "Cc"]), max_size=8), max_size=6),
    st.sampled_from(sorted(NOT_XML - {"\0"}) + ["\x00", "\x7f\x00"]),
)
def test_any_raw_control_character_is_reported_on_its_line(lines, bad):
    values = [f"k{n}: '{value.replace(chr(39), chr(39) * 2)}'" for n, value in enumerate(lines)]
    text = front("title: A", *values, f"x: a{bad}b")
    article, problems = parse(text)
    errors = [p for p in problems if p.level == "error"]
    if "\x00" in bad or any(ch in NOT_XML for ch in bad):
        # the line is read again without the character: its other problems (no 'date') are reported too
        assert article is None and [p.line for p in errors if "not allowed" in p.message] == [len(lines) + 3]


@pytest.mark.parametrize(
    "toml, line",
    [
        ("\n\n[params]\nx = 1\n", 5),
        ("# note\n\n[[params]]\nx = 1\n", 5),
        ("\nparams.x = 1\n", 4),
        ("\n[ 'params' . x ]\ny = 1\n", 4),
        ("description = '''\n[params]\n'''\n[params]\n", 6),
    ],
)
def test_an_unknown_table_is_reported_on_its_line(toml, line):
    text = 'title = "T"\nbase_url = "https://example.org/"\n' + toml
    with pytest.raises(ConfigError) as caught:
        parse_settings(text, "site.toml")
    assert [p.line for p in caught.value.problems] == [line]
    assert "unknown key 'params'" in caught.value.problems[0].message


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from(["", "# ghi chú", "per_page = 5", "description = 'x'"]), max_size=6),
    st.sampled_from(["[{}]", "[[{}]]", "{}.a = 1", "{} = 1", '[ "{}" ]', "[{}.b]"]),
)
def test_any_unknown_key_or_table_is_reported_on_its_first_line(filler, form):
    lines = ['title = "T"', 'base_url = "https://example.org/"']
    lines += list(dict.fromkeys(filler))  # a key may be set once
    lines += [form.format("la"), "z = 1"] if form.startswith("[") else [form.format("la")]
    with pytest.raises(ConfigError) as caught:
        parse_settings("\n".join(lines) + "\n", "site.toml")
    assert next((p.line, p.message.split(" (")[0]) for p in caught.value.problems) == (
        len(lines) - (1 if form.startswith("[") else 0),
        "unknown key 'la'",
    )


# 6. Characters XML does not allow ------------------------------------------------------


def test_control_characters_from_yaml_escapes_are_removed_with_a_warning(tmp_path):
    text = front(
        'title: "a\\x01b"', "date: 2024-01-02", "summary: s", 'tags: ["c\\x02d", "e\\uFFFEf"]', 'ghi: {k: "\\e[31m"}'
    )
    article, problems = parse(text)
    assert article.title == "ab" and article.tags == ("cd", "ef") and article.extra["ghi"] == {"k": "[31m"}
    assert shown(problems) == [
        "content/a.md:2: warning: 'title' holds U+0001, which XML does not allow: removed",
        "content/a.md:5: warning: 'tags' holds U+0002, which XML does not allow: removed",
        "content/a.md:5: warning: 'tags' holds U+FFFE, which XML does not allow: removed",
        "content/a.md:6: warning: 'ghi' holds U+001B, which XML does not allow: removed",
    ]


def test_control_characters_in_the_body_are_removed_with_a_warning_on_their_line():
    article, problems = parse(front("title: A", "date: 2024-01-02", "summary: s", body="một\nhai\x0b ba\x00\n"))
    assert article.body == "một\nhai ba\n"
    assert shown(problems) == [
        "content/a.md:7: warning: the body holds U+000B and U+0000, which XML does not allow: removed"
    ]


def test_feeds_stay_well_formed_xml(tmp_path):
    site = site_with(
        tmp_path, {"x.md": front('title: "a\\x01b"', "date: 2024-01-03", 'tags: ["c\\x02d"]', body="Đoạn\x01 một.\n")}
    )
    files = build_to_memory(site)
    for path in ("feed.xml", "tags/cd/feed.xml"):
        ET.fromstring(files[path])
    assert "content/x.md:2: 'title' holds U+0001" in "\n".join(failed_build(site, strict=True))


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF, blacklist_categories=["Cs"]), max_size=12))
def test_any_escaped_title_parses_to_text_xml_allows(title):
    escaped = "".join(f"\\U{ord(ch):08x}" for ch in title)
    article, problems = parse(front(f'title: "{escaped}x"', "date: 2024-01-02", "summary: s"))
    assert article is not None and not NOT_XML.intersection(article.title)
    assert all(p.level == "warning" and p.line == 2 for p in problems)


@pytest.mark.parametrize(
    "setting, message",
    [
        ('timezone = "Asia"', "'timezone' must be an IANA time zone name"),
        ('timezone = "' + "a" * 5000 + '"', "'timezone' must be an IANA time zone name"),
        ('base_url = "http://[::1/"', "'base_url' must be an absolute http(s) URL"),
        ('base_url = "https://example.org/a b/"', "'base_url' must not hold spaces or control characters"),
        ('permalink = "/{slug:x}/"', "'permalink' fields take no format or conversion, got {slug:x}"),
        ('permalink = "/{slug!r}/"', "'permalink' fields take no format or conversion, got {slug!r}"),
        ('permalink = "/../{slug}/"', "'permalink' must not have empty, '.' or '..' segments"),
        ('permalink = "//{slug}/"', "'permalink' must not have empty, '.' or '..' segments"),
        ('theme = "../../etc"', "'theme' must be a folder name"),
        ('description = "a\\u0001b"', "'description' holds U+0001, which XML does not allow"),
    ],
)
def test_settings_that_used_to_crash_are_config_errors_on_their_line(setting, message):
    base = 'title = "T"\nbase_url = "https://example.org/"\n'
    if setting.startswith("base_url"):
        base = 'title = "T"\n'
    with pytest.raises(ConfigError) as caught:
        parse_settings(base + setting + "\n", "site.toml")
    (problem,) = caught.value.problems
    assert problem.line == base.count("\n") + 1 and message in problem.message


def test_a_bad_timezone_exits_2_without_a_traceback(tmp_path):
    site = site_with(tmp_path, {}, config=NO_SEARCH + 'timezone = "Asia"\n')
    result = cli("check", "--site", str(site))
    assert result.returncode == 2 and "site.toml:4: 'timezone' must be" in result.stderr
    assert "Traceback" not in result.stderr
