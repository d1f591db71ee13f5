"""The build cache and worker processes never change what is built: every build with a
cache is compared byte for byte with a cold build (no cache) of the same sources."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import NOW, build_command
from conftest import SYNTHETIC_ARTICLES as ARTICLES
from conftest import article_files as articles

from reform_archive.build import BuildOptions, BuildProfile, profile_build
from reform_archive.config import load_settings
from reform_archive.errors import ContentError
from reform_archive.incremental.cache import BuildCache, cache_folder
from reform_archive.writer import MemoryWriter


def build(
    site: Path, cache: bool = True, jobs: int | None = 2, base_url: str | None = None
) -> tuple[dict, BuildProfile]:
    settings = load_settings(site)
    if base_url:
        settings = settings.with_base_url(base_url)
    writer = MemoryWriter()
    _, how = profile_build(settings, BuildOptions(now=NOW, cache=cache, jobs=jobs), writer)
    return writer.files, how


def assert_same_as_cold(site: Path, files: dict[str, bytes], base_url: str | None = None) -> None:
    cold, how = build(site, cache=False, jobs=1, base_url=base_url)
    assert how.cache.hits == 0
    assert files.keys() == cold.keys()
    assert [path for path in files if files[path] != cold[path]] == []


@pytest.fixture
def site(synthetic_site) -> Path:
    return synthetic_site


def test_a_warm_build_is_the_cold_build(site):
    first, how = build(site)
    assert (how.cache.hits, how.cache.misses) == (0, ARTICLES)
    again, how = build(site)
    assert (how.cache.hits, how.cache.misses) == (ARTICLES, 0)
    assert again == first
    assert_same_as_cold(site, again)


def test_worker_processes_build_what_one_process_builds(site):
    parallel, _ = build(site, cache=False, jobs=2)
    single, _ = build(site, cache=False, jobs=1)
    assert parallel == single


def test_an_edited_article_is_prepared_again_and_only_it(site):
    build(site)
    edited = articles(site)[7]
    edited.write_text(
        edited.read_text(encoding="utf-8").replace("\n## ", "\nMột câu mới về một cửa.\n\n## ", 1), encoding="utf-8"
    )
    files, how = build(site)
    assert (how.cache.hits, how.cache.misses) == (ARTICLES - 1, 1)
    assert_same_as_cold(site, files)


def test_a_renamed_article_is_the_cold_build(site):
    build(site)
    old = articles(site)[3]
    old.rename(old.with_name("doi-ten.md"))  # the path is in problems and the source: prepared again
    files, how = build(site)
    assert how.cache.misses == 1
    assert_same_as_cold(site, files)


def test_a_deleted_article_disappears(site):
    first, _ = build(site)
    articles(site)[11].unlink()
    files, _ = build(site)
    assert len(files) < len(first)
    assert_same_as_cold(site, files)


def test_a_template_change_is_the_cold_build(site):
    build(site)
    templates = site / "templates"
    templates.mkdir()
    theme = Path(__file__).parent.parent / "themes" / "default" / "templates" / "article.html"
    (templates / "article.html").write_text(
        theme.read_text(encoding="utf-8").replace(
            "{% block content %}", '{% block content %}<p class="moi">Bản mới</p>', 1
        ),
        encoding="utf-8",
    )
    files, how = build(site)
    assert how.cache.misses == 0
    assert b'class="moi"' in files[next(p for p in files if p.count("/") == 3 and p.endswith("/index.html"))]
    assert_same_as_cold(site, files)


def test_config_changes_are_the_cold_build(site):
    build(site)
    toml = site / "site.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('title = "', 'title = "Mới: ', 1), encoding="utf-8")
    files, how = build(site)
    assert how.cache.misses == 0  # the title is not part of an article's recipe
    assert_same_as_cold(site, files)
    files, how = build(site, base_url="https://example.org/luu-tru/")
    assert how.cache.misses == ARTICLES  # links inside articles carry the base path
    assert_same_as_cold(site, files, base_url="https://example.org/luu-tru/")


@pytest.mark.parametrize("damage", ["flip a byte", "truncate", "empty", "garbage", "header only"])
def test_a_damaged_entry_is_detected_and_rebuilt(site, damage):
    build(site)
    entries = sorted(p for p in cache_folder(site).rglob("*") if p.is_file())
    victim = entries[5]
    data = victim.read_bytes()
    victim.write_bytes(
        {
            "flip a byte": data[:-100] + bytes([data[-100] ^ 0x01]) + data[-99:],
            "truncate": data[: len(data) // 2],
            "empty": b"",
            "garbage": os.urandom(len(data)),
            "header only": data[:30],
        }[damage]
    )
    files, how = build(site)
    assert (how.cache.rejected, how.cache.hits) == (1, ARTICLES - 1)
    assert_same_as_cold(site, files)
    _, how = build(site)  # and the entry was written again
    assert (how.cache.rejected, how.cache.hits) == (0, ARTICLES)


def test_a_new_version_of_the_program_does_not_read_old_entries(site, monkeypatch):
    build(site)
    from reform_archive.incremental import keys

    monkeypatch.setattr(keys, "code_fingerprint", lambda: b"another version")  # every kept key includes it
    files, how = build(site)
    assert (how.cache.hits, how.cache.misses) == (0, ARTICLES)
    assert_same_as_cold(site, files)


def test_an_unwritable_cache_makes_the_build_slower_not_wrong(site):
    if os.geteuid() == 0:
        blocker = cache_folder(site)  # root writes through permissions: a file where the folder goes
        blocker.parent.mkdir(parents=True, exist_ok=True)
        blocker.write_text("not a folder")
    else:
        cache_folder(site).mkdir(parents=True)
        cache_folder(site).chmod(0o500)
    files, how = build(site)
    assert how.cache.write_errors == ARTICLES and how.cache.hits == 0
    assert_same_as_cold(site, files)


def test_deleting_the_cache_is_safe(site):
    first, _ = build(site)
    shutil.rmtree(cache_folder(site))
    again, how = build(site)
    assert how.cache.misses == ARTICLES and again == first


def test_entries_no_build_uses_are_pruned_when_they_outnumber_the_used(site):
    build(site)
    for path in articles(site)[: ARTICLES // 2 + 5]:
        path.write_text(path.read_text(encoding="utf-8") + "\nThêm.\n", encoding="utf-8")
    build(site)  # 35 stale entries, 60 used: kept (a branch switch back is still warm)
    entries = [p for p in (cache_folder(site) / "articles").rglob("*") if p.is_file()]
    assert len(entries) == ARTICLES + ARTICLES // 2 + 5
    for path in articles(site)[ARTICLES // 2 :]:
        path.unlink()
    build(site)  # now 30 used and 65 stale: pruned to the used
    assert len([p for p in (cache_folder(site) / "articles").rglob("*") if p.is_file()]) == ARTICLES // 2


def test_related_articles_are_cached_until_an_articles_terms_change(site):
    def entries() -> dict[str, int]:
        return {p.name: p.stat().st_mtime_ns for p in (cache_folder(site) / "related").rglob("*") if p.is_file()}

    build(site)
    [first] = entries()
    edited = articles(site)[3]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nMột câu mới, không có thẻ mới.\n", encoding="utf-8")
    files, _ = build(site)
    assert list(entries()) == [first]  # a body edit: the same lists, looked up
    assert_same_as_cold(site, files)
    text = edited.read_text(encoding="utf-8")
    assert "\ntags:" not in text
    edited.write_text(
        text.replace("\n---\n", '\ntags: ["Thẻ mới hoàn toàn", "cải cách hành chính"]\n---\n', 1), encoding="utf-8"
    )
    files, _ = build(site)
    assert len(entries()) == 2  # the new inputs' lists beside the old (pruned once they outnumber)
    assert_same_as_cold(site, files)
    for path in (cache_folder(site) / "related").rglob("*"):
        if path.is_file():
            path.write_bytes(path.read_bytes()[:-7])  # damaged: rejected and made again
    files, _ = build(site)
    assert_same_as_cold(site, files)


def test_the_cache_lives_in_the_site_unless_told_otherwise(tmp_path, monkeypatch):
    monkeypatch.delenv("REFORM_ARCHIVE_CACHE_DIR")
    assert BuildCache.for_site(tmp_path).root == tmp_path / ".cache" / "articles"
    assert BuildCache.for_site(tmp_path, enabled=False).root is None
    monkeypatch.setenv("REFORM_ARCHIVE_CACHE_DIR", str(tmp_path / "shared"))
    one, two = cache_folder(tmp_path / "a"), cache_folder(tmp_path / "b")
    assert one.parent == two.parent == tmp_path / "shared" and one != two


def test_build_profile_prints_the_steps_and_the_cache(site):
    def build_into(folder: str, *extra: str) -> str:
        command = build_command(site, site.parent / folder, "-q", "--profile", *extra)
        return subprocess.run(command, capture_output=True, text=True, check=True).stderr

    first = build_into("out")  # the site speaks Vietnamese: load, prepare, model, pages, feeds, search, write, total
    for step in ("đọc", "xử lý bài", "sắp xếp", "trang", "nguồn tin", "tìm kiếm", "ghi", "tổng"):
        assert f"\n{step} " in "\n" + first
    assert f"0 lấy từ bộ đệm, {ARTICLES} xử lý mới" in first
    assert f"{ARTICLES} lấy từ bộ đệm, 0 xử lý mới" in build_into("another")
    assert "không có gì thay đổi" in build_into("out") and "xử lý bài" not in build_into("out")
    assert f"0 lấy từ bộ đệm, {ARTICLES} xử lý mới" in build_into("out", "--no-cache", "--jobs", "1")


def test_a_build_leaves_the_garbage_collector_as_it_found_it(site):
    """The build moves its long-lived objects out of the collector's way (gc.freeze); after
    it, and after a failed one, everything is collectable again (the preview builds for hours)."""
    import gc

    build(site)
    assert gc.get_freeze_count() == 0
    broken = articles(site)[0]
    broken.write_text("---\ntitle: [unclosed\n---\nThân bài.\n", encoding="utf-8")
    with pytest.raises(ContentError):
        build(site)
    assert gc.get_freeze_count() == 0


def test_the_search_numbering_is_reused_and_a_damaged_one_is_not_trusted(site, monkeypatch):
    """The search index numbers an unchanged article's terms as the last build did (from
    .cache/search/); whatever the cache holds, the search files are the cold build's."""
    import reform_archive.search.shards as shards

    given = []
    gather = shards.gather
    monkeypatch.setattr(
        shards, "gather", lambda documents, known=None: (given.append(known), gather(documents, known))[1]
    )
    build(site, jobs=1)
    edited = articles(site)[4]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nMột từ mới: xyzabc.\n", encoding="utf-8")
    files, _ = build(site, jobs=1)
    assert given[0] is None and given[1] is not None and len(given[1].spans) == ARTICLES
    assert_same_as_cold(site, files)
    for path in (cache_folder(site) / "search").rglob("*"):
        if path.is_file() and path.stat().st_size > 10_000:  # the numbers' array, not its description
            data = path.read_bytes()
            path.write_bytes(data[:-40] + bytes(40))
    edited.write_text(edited.read_text(encoding="utf-8") + "\nThêm nữa.\n", encoding="utf-8")
    files, _ = build(site, jobs=1)
    assert given[-1] is None  # failed its checksum: numbered from scratch
    assert_same_as_cold(site, files)


def test_one_hasher_makes_every_key_and_stamp():
    from reform_archive.incremental.keys import Hasher, key, stamp

    assert stamp("page", "a", "b") == Hasher("page", size=16).add("a", "b").digest()
    assert key("article", "x", b"y") == Hasher("article", program=True).add("x", b"y").hexdigest()
    assert stamp("page", "ab", "c") != stamp("page", "a", "bc")  # parts keep their bounds
    assert stamp("page", "a") != stamp("feed", "a")  # and their kind
