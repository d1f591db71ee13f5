"""A site's template can extend the theme's template of the same name ("theme:" prefix);
extending its own name is one clear problem, not a RecursionError per page."""

from __future__ import annotations

import pytest
from conftest import build_to_memory
from sitemaker import article, make_site

from reform_archive.errors import ConfigError, ContentError

OVERRIDE = '{% extends "theme:article.html" %}\n{% block content %}<p class="site-note">Ghi chú</p>{{ super() }}{% endblock %}\n'


def test_an_override_extends_the_themes_own_template_of_the_same_name(tmp_path):
    site = make_site(
        tmp_path,
        {"a.md": article("Bài A", "2024-03-01"), "b.md": article("Bài B", "2024-03-02")},
        templates={"article.html": OVERRIDE},
    )
    files = build_to_memory(site)
    pages = [data.decode() for path, data in files.items() if path.startswith("2024/03/") and path.count("/") == 3]
    assert len(pages) == 2 and all('<p class="site-note">Ghi chú</p>' in page and "<h1>" in page for page in pages)
    assert all(page.count("<h1>") == 1 for page in pages)  # the theme's content, once


def test_a_template_extending_its_own_name_says_how_to_extend_the_theme(tmp_path):
    looping = '{% extends "article.html" %}\n{% block content %}x{% endblock %}\n'
    site = make_site(
        tmp_path, {f"{n}.md": article(f"Bài {n}", "2024-03-01") for n in "abc"}, templates={"article.html": looping}
    )
    with pytest.raises(ContentError) as raised:
        build_to_memory(site)
    messages = [problem.message for problem in raised.value.problems]
    assert len(messages) == 1  # said once, not once per article
    assert any('extends "theme:article.html"' in message for message in messages)
    assert not any("RecursionError" in message for message in messages)


def test_site_toml_rewords_a_ui_string_without_copying_the_theme(tmp_path):
    site = make_site(
        tmp_path,
        {"a.md": article("Bài A", "2024-03-01")},
        config='[strings]\nsearch_button = "Tra cứu"\n[strings.nav]\narticles = "Tin bài"\n',
    )
    home = build_to_memory(site)["index.html"].decode()
    assert ">Tra cứu</button>" in home and ">Tin bài</a>" in home


def test_a_ui_string_the_theme_does_not_have_is_an_error_with_the_nearest_one(tmp_path):
    site = make_site(tmp_path, {"a.md": article("Bài A", "2024-03-01")}, config='[strings]\nserch_button = "Tra cứu"\n')
    with pytest.raises(ConfigError) as raised:
        build_to_memory(site)
    message = raised.value.problems[0].message
    assert "no UI string 'serch_button'" in message and "did you mean 'search_button'?" in message


def test_a_ui_string_must_be_text(tmp_path):
    with pytest.raises(ConfigError) as raised:
        build_to_memory(make_site(tmp_path, {"a.md": article("Bài A", "2024-03-01")}, config="[strings]\nsearch = 3\n"))
    assert "'strings' must be a table of UI strings" in raised.value.problems[0].message
