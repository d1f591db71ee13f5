from pathlib import Path

import pytest

from reform_archive.config import Settings, load_settings, parse_settings
from reform_archive.errors import ConfigError


def parse(text: str) -> Settings:
    return parse_settings(text, "site.toml", Path("."))


def messages(text: str) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        parse(text)
    return [str(p) for p in caught.value.problems]


def test_defaults_and_frozen():
    settings = parse('title = "Lưu trữ"\nbase_url = "https://example.org/luu-tru"\n')
    assert settings.base_url == "https://example.org/luu-tru/"
    assert settings.base_path == "/luu-tru/"
    assert (settings.language, settings.timezone, settings.per_page) == ("vi", "Asia/Ho_Chi_Minh", 20)
    assert settings.permalink == "/{year}/{month}/{slug}/"
    with pytest.raises(AttributeError):
        settings.title = "khác"  # type: ignore[misc]


def test_unknown_key_names_key_file_line_and_known_keys():
    [message] = messages('title = "x"\nbase_url = "https://e.org/"\n\nbaseurl = "https://e.org/"\n')
    assert message.startswith("site.toml:4: unknown key 'baseurl' (known keys: abbreviations, aliases, base_url,")


def test_wrong_types_are_all_reported():
    found = messages('title = 3\nbase_url = "https://e.org/"\nper_page = 0\nfeed_size = true\nlanguage = "de"\n')
    assert found == [
        "site.toml:1: 'title' must be a string, got 3",
        "site.toml:3: 'per_page' must be a positive integer, got 0",
        "site.toml:4: 'feed_size' must be a positive integer, got True",
        "site.toml:5: 'language' must be one of vi, en, got 'de'",
    ]


def test_missing_required_keys():
    assert messages("") == [
        "site.toml:1: missing required key 'base_url' (an absolute http(s) URL such as \"https://example.org/luu-tru/\")",
        "site.toml:1: missing required key 'title' (a string)",
    ]


def test_toml_syntax_error_has_its_line():
    [message] = messages('title = "x"\nbase_url = "https://e.org/"\nper_page = = 3\n')
    assert message.startswith("site.toml:3: invalid TOML")


def test_base_url_override_is_validated():
    settings = parse('title = "x"\nbase_url = "https://e.org/"\n')
    assert settings.with_base_url("http://127.0.0.1:8000/a").base_path == "/a/"
    with pytest.raises(ConfigError):
        settings.with_base_url("/a/")


def test_missing_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError) as caught:
        load_settings(tmp_path)
    assert "no site.toml here" in str(caught.value)


def test_equivalents_extend_searchs_sets_and_are_checked():
    settings = parse_settings(
        'title = "T"\nbase_url = "https://example.org/"\nequivalents = [["đường dây nóng", "hotline"]]\n', "site.toml"
    )
    assert settings.equivalents == (("đường dây nóng", "hotline"),)
    for bad in ('["a", "b"]', '[["một"]]', '[["a", 3]]', '"a"'):
        with pytest.raises(ConfigError) as raised:
            parse_settings(f'title = "T"\nbase_url = "https://example.org/"\nequivalents = {bad}\n', "site.toml")
        assert str(raised.value.problems[0]).startswith("site.toml:3: 'equivalents' must be a list of sets of phrases")


def test_abbreviations_extend_searchs_table_and_are_checked():
    settings = parse_settings(
        'title = "T"\nbase_url = "https://example.org/"\n[abbreviations]\n'
        '"TTPVHCC" = "Trung tâm Phục vụ hành chính công"\n"HCC" = ["hành chính công", "HCC tỉnh"]\n',
        "site.toml",
    )
    assert settings.abbreviations == (
        ("TTPVHCC", ("Trung tâm Phục vụ hành chính công",)),
        ("HCC", ("hành chính công", "HCC tỉnh")),
    )
    with pytest.raises(ConfigError) as raised:
        parse_settings('title = "T"\nbase_url = "https://example.org/"\n[abbreviations]\n"X" = 3\n', "site.toml")
    assert "site.toml:3: 'abbreviations' must be a table of abbreviations" in str(raised.value.problems[0])
