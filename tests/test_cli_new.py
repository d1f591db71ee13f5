"""`reform-archive new`: a draft to start from, where the importer would put it."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import frontmatter
from click.testing import CliRunner
from conftest import build_to_memory
from hypothesis import given
from hypothesis import strategies as st

from reform_archive.cli import cli
from reform_archive.scaffold import clean_title, create_site, new_article, new_article_path
from reform_archive.source.parse import parse_article

WHEN = datetime(2025, 7, 1, 8, 30, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


def new(site, *args: str):
    return CliRunner().invoke(cli, ["new", *args, "--site", str(site)], catch_exceptions=False)


def test_new_writes_a_draft_that_builds_with_drafts_and_stays_out_without(tmp_path):
    create_site(tmp_path, "Lưu trữ", "http://localhost:8000/")
    result = new(tmp_path, "Hà Tĩnh: một cửa điện tử")  # a colon in a headline: quoted in YAML
    assert result.exit_code == 0, result.output
    files = list((tmp_path / "content").glob("*/ha-tinh-mot-cua-dien-tu.md"))
    assert len(files) == 1 and str(files[0]) in result.output
    post = frontmatter.loads(files[0].read_text(encoding="utf-8"))
    assert post["title"] == "Hà Tĩnh: một cửa điện tử" and post["draft"] is True
    assert post["slug"] == "ha-tinh-mot-cua-dien-tu"
    with_drafts = build_to_memory(tmp_path, drafts=True, future=True)  # dated now, after the tests' clock
    assert any("ha-tinh-mot-cua-dien-tu" in path for path in with_drafts)
    assert not any("ha-tinh-mot-cua-dien-tu" in path for path in build_to_memory(tmp_path, future=True))


def test_new_never_overwrites_and_says_what_to_do(tmp_path):
    create_site(tmp_path, "Lưu trữ", "http://localhost:8000/")
    assert new(tmp_path, "Một cửa").exit_code == 0
    again = new(tmp_path, "Một cửa")
    # the site speaks Vietnamese (create_site writes language = "vi")
    assert again.exit_code == 1 and "đã có sẵn" in again.output and "--slug" in again.output
    assert new(tmp_path, "Một cửa", "--slug", "mot-cua-2").exit_code == 0


def test_new_outside_a_site_or_without_letters_is_a_message(tmp_path):
    outside = new(tmp_path / "nowhere", "Một cửa")
    assert outside.exit_code != 0 and "no site.toml" in outside.output
    create_site(tmp_path, "Lưu trữ", "http://localhost:8000/")
    assert "không có chữ hay số nào" in new(tmp_path, "!!!").output


def test_the_sites_archetype_is_used_and_a_broken_one_is_named_with_its_line(tmp_path):
    create_site(tmp_path, "Lưu trữ", "http://localhost:8000/")
    (tmp_path / "archetypes").mkdir()
    archetype = tmp_path / "archetypes" / "article.md"
    archetype.write_text(
        "---\ntitle: {{ title | quote }}\ndate: {{ date }}\ndraft: true\n"
        'topics: ["thủ tục hành chính"]\n---\n\nViết ở đây.\n',
        encoding="utf-8",
    )
    assert new(tmp_path, "Bài mới").exit_code == 0
    text = next((tmp_path / "content").glob("*/bai-moi.md")).read_text(encoding="utf-8")
    assert 'topics: ["thủ tục hành chính"]' in text and "Viết ở đây." in text
    archetype.write_text("---\ntitle: {{ title | quote }}\ndate: {{ date\n---\n", encoding="utf-8")
    broken = new(tmp_path, "Bài khác")
    assert broken.exit_code == 1 and f"{archetype}:" in broken.output and "Traceback" not in broken.output


@given(st.text(min_size=1, max_size=80))
def test_any_title_makes_front_matter_that_parses_back_to_it(title):
    text = new_article(title, WHEN)
    assert new_article_path(title, WHEN).startswith("content/2025/")
    post = frontmatter.loads(text)
    assert post["title"] == clean_title(title)


def test_a_new_article_passes_the_content_check():
    article, problems = parse_article(
        new_article("Một cửa liên thông", WHEN), "content/2025/mot-cua.md", ZoneInfo("Asia/Ho_Chi_Minh")
    )
    assert article is not None and not [p for p in problems if p.level == "error"]
