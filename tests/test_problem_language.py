"""The problems of site.toml and the build's broken-link warning speak the site's language:
the ``language`` the same site.toml gives when it is valid, else the environment's
(REFORM_ARCHIVE_LANG, then the locale). Keys, values and paths stay as written; the lines
stay ``path:line: message``."""

from __future__ import annotations

import string

import pytest
from conftest import NOW
from sitemaker import article, make_site

from reform_archive import config_messages
from reform_archive.build import BuildOptions, build_site
from reform_archive.config import load_settings, parse_settings
from reform_archive.errors import ConfigError
from reform_archive.source import messages
from reform_archive.writer import MemoryWriter

FAULTY = """title = "Lưu trữ"
language = "{language}"
feedsize = 10
per_page = "mười"
timezone = "Asia/Hanoi_City"

[[menu]]
name = "Lĩnh vực"
link = "topics/"
"""
KNOWN = (
    "abbreviations, aliases, base_url, content_language, description, equivalents, feed_size, image, language, menu, "
    "per_page, permalink, search, strings, theme, timezone, title"
)
MENU = "[{'name': 'Lĩnh vực', 'link': 'topics/'}]"
SAID = {
    "vi": [
        "site.toml:1: thiếu khóa bắt buộc 'base_url' (một URL http(s) đầy đủ, ví dụ "
        '"https://example.org/luu-tru/"): hãy thêm vào',
        f"site.toml:3: khóa không xác định 'feedsize' (các khóa: {KNOWN}); có phải ý bạn là 'feed_size'?",
        "site.toml:4: 'per_page' phải là một số nguyên dương, không phải 'mười'",
        "site.toml:5: 'timezone' phải là tên múi giờ IANA, ví dụ \"Asia/Ho_Chi_Minh\", không phải 'Asia/Hanoi_City'",
        "site.toml:7: 'menu' phải là các bảng [[menu]], mỗi bảng có name và url (một đường dẫn trong trang như "
        '"topics/" hoặc một địa chỉ https://), ví dụ [[menu]] name = "Lĩnh vực" url = "topics/", '
        f"không phải {MENU}",
    ],
    "en": [
        "site.toml:1: missing required key 'base_url' (an absolute http(s) URL such as \"https://example.org/luu-tru/\")",
        f"site.toml:3: unknown key 'feedsize' (known keys: {KNOWN}); did you mean 'feed_size'?",
        "site.toml:4: 'per_page' must be a positive integer, got 'mười'",
        "site.toml:5: 'timezone' must be an IANA time zone name such as \"Asia/Ho_Chi_Minh\", got 'Asia/Hanoi_City'",
        "site.toml:7: 'menu' must be [[menu]] tables, each with a name and a url (a path in the site such as "
        '"topics/" or an https:// address), such as [[menu]] name = "Lĩnh vực" url = "topics/", '
        f"got {MENU}",
    ],
}


def problems_of(text: str) -> list[str]:
    with pytest.raises(ConfigError) as raised:
        parse_settings(text, "site.toml")
    return [str(problem) for problem in raised.value.problems]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_site_toml_problem_speaks_the_files_language_whatever_the_environment(monkeypatch, language):
    monkeypatch.setenv("REFORM_ARCHIVE_LANG", "en" if language == "vi" else "vi")
    assert problems_of(FAULTY.format(language=language)) == SAID[language]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_without_a_valid_language_in_the_file_the_environment_chooses(monkeypatch, language):
    monkeypatch.setenv("REFORM_ARCHIVE_LANG", language)
    unknown = problems_of('title = "T"\nbase_url = "https://example.org/"\nlanguage = "fr"\ncolour = 1\n')
    assert unknown[0] == (
        "site.toml:3: 'language' phải là một trong vi, en, không phải 'fr'"
        if language == "vi"
        else "site.toml:3: 'language' must be one of vi, en, got 'fr'"
    )
    assert unknown[1].startswith(
        "site.toml:4: khóa không xác định 'colour'" if language == "vi" else "site.toml:4: unknown key 'colour'"
    )
    (broken,) = problems_of('title = "T"\nlanguage = "vi"\nbase_url = \n')
    assert broken.startswith(
        "site.toml:3: site.toml không phải TOML hợp lệ: " if language == "vi" else "site.toml:3: invalid TOML: "
    )


def test_the_checks_of_values_speak_vietnamese_and_keep_what_was_written():
    assert problems_of(
        'title = "T"\nlanguage = "vi"\nbase_url = "example.org"\ntheme = "../x"\n'
        'permalink = "/{year}/{title}"\n[aliases.colours]\n"a" = "b\\u0001"\n'
    ) == [
        "site.toml:3: 'base_url' phải là một URL http(s) đầy đủ, ví dụ \"https://example.org/luu-tru/\", "
        "không phải 'example.org'",
        "site.toml:4: 'theme' phải là tên một thư mục, ví dụ \"default\", không phải '../x'",
        "site.toml:5: 'permalink' dùng trường không xác định ['title']; các trường dùng được: "
        "['day', 'month', 'slug', 'year']",
        "site.toml:5: 'permalink' phải bắt đầu bằng '/' và kết thúc bằng '/' hoặc '.html'",
        "site.toml:5: 'permalink' phải có {slug} để mỗi bài viết có địa chỉ riêng",
        "site.toml:6: [aliases.colours]: 'colours' không nhận tên gọi khác (chỉ các mục sau có: "
        "authors, provinces, tags, topics)",
        "site.toml:7: 'a' = 'b\x01' có U+0001, XML không cho phép: hãy xóa đi",
    ]


@pytest.mark.parametrize(
    "language, said",
    [
        (
            "vi",
            "content/bai.md:6: warning: liên kết nội bộ hỏng /2020/01/khong-co/ "
            "(không có trang nào ở /2020/01/khong-co/): hãy sửa hoặc bỏ liên kết này",
        ),
        (
            "en",
            "content/bai.md:6: warning: broken internal link /2020/01/khong-co/ "
            "(nothing is built at /2020/01/khong-co/)",
        ),
    ],
)
def test_a_broken_internal_link_is_a_warning_in_the_sites_language(tmp_path, monkeypatch, language, said):
    monkeypatch.setenv("REFORM_ARCHIVE_LANG", "en" if language == "vi" else "vi")
    body = "Xem [bài cũ](/2020/01/khong-co/)."
    site = make_site(
        tmp_path, {"bai.md": article("Bài có liên kết", "2024-03-01", body=body)}, config=f'language = "{language}"\n'
    )
    result = build_site(load_settings(site), BuildOptions(now=NOW), MemoryWriter())
    assert [str(problem).replace(f"{site}/", "") for problem in result.warnings] == [said]


@pytest.mark.parametrize("catalogue", [config_messages.MESSAGES, messages.MESSAGES], ids=["config", "source"])
def test_every_message_has_both_languages_with_the_same_fields(catalogue):
    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for name, wording in catalogue.items():
        assert set(wording) == {"en", "vi"}, name
        assert fields(wording["en"]) == fields(wording["vi"]), name
