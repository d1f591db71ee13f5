"""An edit re-renders only the pages and feeds whose view data changed; every other file
is kept from the previous build. Whatever is kept, the folder must be the cold build's,
byte for byte, and the warnings must be the cold build's too."""

from __future__ import annotations

import pickle
import re
import shutil
import subprocess
import sys
import threading
from dataclasses import replace
from datetime import UTC
from pathlib import Path

import pytest
from conftest import NOW, article_files, build_command, tree

from reform_archive.build import BuildOptions, BuildResult, build_into_memory, build_site, profile_build, search_step
from reform_archive.build.search_step import remembered_placements
from reform_archive.config import load_settings
from reform_archive.incremental.cache import BuildCache, cache_key
from reform_archive.parallel import render_pool
from reform_archive.parallel.render_pool import CHUNK, PageJob, PagePool, render_job
from reform_archive.publish.links import LinkIndex
from reform_archive.publish.lists import PageSpec
from reform_archive.publish.pages import plan_pages
from reform_archive.publish.render import Renderer, find_theme, load_catalogue, translator
from reform_archive.site.model import Selection, build_model
from reform_archive.source.loader import load_content
from reform_archive.writer import DiskWriter, MemoryWriter


def build(site: Path, output: Path, **options) -> BuildResult:
    options.setdefault("now", NOW)
    options.setdefault("jobs", 1)
    return build_site(load_settings(site), BuildOptions(**options), DiskWriter(output, site))


def build_keeping(site: Path, output: Path) -> tuple[BuildResult, int]:
    """A build, and how many output files it kept from the previous one."""
    result, how = profile_build(load_settings(site), BuildOptions(now=NOW, jobs=1), DiskWriter(output, site))
    return result, how.kept


def inodes(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file()
    }


def assert_cold(site: Path, output: Path, result: BuildResult) -> None:
    cold = output.parent / "cold"
    shutil.rmtree(cold, ignore_errors=True)
    cold_result = build(site, cold, cache=False)
    assert tree(output) == tree(cold)
    assert result.warnings == cold_result.warnings
    assert (result.pages, result.files) == (cold_result.pages, cold_result.files)


@pytest.fixture
def site(synthetic_site) -> Path:
    return synthetic_site


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(path: Path, paragraph: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{paragraph}\n", encoding="utf-8")


def page_of(output: Path, article: Path) -> str:
    """The output file of an article: its folder is its slug (the file name)."""
    [found] = [p for p in tree(output) if p.endswith(f"/{article.stem}/index.html")]
    return found


def test_a_body_edit_renders_the_article_and_keeps_the_rest(site, tmp_path):
    output = tmp_path / "out"
    first, kept = build_keeping(site, output)
    assert kept == 0
    before = inodes(output)
    edited, untouched = article_files(site)[5], article_files(site)[30]
    append(edited, "Một câu mới về thủ tục một cửa liên thông.")
    result, kept = build_keeping(site, output)
    after = inodes(output)
    assert after[page_of(output, edited)] != before[page_of(output, edited)]
    assert after[page_of(output, untouched)] == before[page_of(output, untouched)]  # not even rewritten
    # the body is on the article page and in the feeds that carry it, not on any list
    assert kept > len(result.files) * 0.8
    assert_cold(site, output, result)


def test_a_title_edit_reaches_every_list_it_is_on(site, tmp_path):
    output = tmp_path / "out"
    build(site, output)
    edited = article_files(site)[0]  # the newest files sort first? whichever: lists show titles
    title_line = next(line for line in edited.read_text(encoding="utf-8").splitlines() if line.startswith("title:"))
    edit(edited, title_line, 'title: "Tiêu đề đã sửa: một cửa điện tử"')
    result, kept = build_keeping(site, output)
    pages_with_title = [
        path for path, data in tree(output).items() if path.endswith(".html") and "Tiêu đề đã sửa".encode() in data
    ]
    assert len(pages_with_title) >= 4  # its page, the lists of its year, month, terms, related blocks
    assert 0 < kept < len(result.files)
    assert_cold(site, output, result)


def test_a_deleted_article_disappears_in_place(site, tmp_path):
    output = tmp_path / "out"
    build(site, output)
    gone = article_files(site)[12]
    page = page_of(output, gone)
    gone.unlink()
    result, kept = build_keeping(site, output)
    assert page not in tree(output)
    assert not (output / page).parent.exists()  # its folder went with it
    assert kept > 0
    assert_cold(site, output, result)


def test_a_hand_edited_output_file_is_rendered_again(site, tmp_path):
    output = tmp_path / "out"
    build(site, output)
    page = output / page_of(output, article_files(site)[3])
    original = page.read_bytes()
    page.write_bytes(original.replace(b"</body>", b"<script>alert(1)</script></body>"))
    append(article_files(site)[20], "Thêm một câu.")  # so the build is not "nothing changed"
    result = build(site, output)
    assert page.read_bytes() == original
    assert_cold(site, output, result)


@pytest.mark.parametrize("change", ["template", "ui string", "site title"])
def test_a_change_every_page_shows_renders_every_page(site, tmp_path, change):
    output = tmp_path / "out"
    build(site, output)
    if change == "template":
        templates = site / "templates"
        templates.mkdir()
        theme = find_theme(load_settings(site))
        base = (theme.templates / "base.html").read_text(encoding="utf-8")
        (templates / "base.html").write_text(base.replace("</body>", "<!-- sửa -->\n</body>"), encoding="utf-8")
    elif change == "ui string":
        themes = site / "themes"
        shutil.copytree(find_theme(load_settings(site)).root, themes / "default")
        catalogue = themes / "default" / "i18n" / "vi.toml"
        text = catalogue.read_text(encoding="utf-8")
        key_line = next(line for line in text.splitlines() if line.startswith("all_articles"))
        catalogue.write_text(text.replace(key_line, 'all_articles = "Mọi bài viết"'), encoding="utf-8")
    else:
        edit(site / "site.toml", 'title = "', 'title = "Mới: ')
    result, kept = build_keeping(site, output)
    assert kept == 0
    assert_cold(site, output, result)


def test_links_of_kept_pages_are_still_checked(site, tmp_path):
    """A kept page that links to an article deleted since must still warn, at the same
    place a cold build names."""
    output = tmp_path / "out"
    files = article_files(site)
    target = files[9]
    build(site, output)
    url = "/" + page_of(output, target).removesuffix("index.html")
    append(files[2], f"Xem thêm [bài trước]({url}).")
    build(site, output)
    target.unlink()
    result, kept = build_keeping(site, output)
    assert kept > 0
    assert any(url in w.message for w in result.warnings)
    assert_cold(site, output, result)


def test_an_interrupted_update_is_followed_by_a_full_build(site, tmp_path, monkeypatch):
    output = tmp_path / "out"
    build(site, output)
    append(article_files(site)[1], "Câu mới.")

    def interrupted(self):
        raise KeyboardInterrupt

    monkeypatch.setattr(DiskWriter, "commit", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build(site, output)
    monkeypatch.undo()
    result, kept = build_keeping(site, output)
    assert kept == 0 and not result.unchanged
    assert_cold(site, output, result)


def test_the_preview_keeps_pages_in_memory(site):
    settings = load_settings(site)
    options = BuildOptions(now=NOW, jobs=1)
    first_writer = MemoryWriter()
    _, memory = build_into_memory(settings, options, first_writer)
    append(article_files(site)[6], "Câu mới trong bản xem trước.")
    writer = MemoryWriter(first_writer.files)
    result, left = build_into_memory(settings, options, writer, memory)
    cold = MemoryWriter()
    build_site(settings, BuildOptions(now=NOW, jobs=1, cache=False), cold)
    assert left.profile.kept > len(result.files) * 0.8
    assert writer.files == cold.files


@pytest.mark.parametrize("threads", [False, True], ids=["forked", "started clean"])
def test_the_render_pool_gives_what_one_process_gives(synthetic_corpus, threads):
    """Enough pages that the pool starts its workers; results come back in plan order. In a
    process of its own, where the test decides whether threads run: without, workers are
    forked; with one (the preview runs several), forking is unsafe and the fork server
    starts clean workers, sent the renderer pickled."""
    tests = Path(__file__).parent
    check = (
        f"import sys; sys.path[:0] = [{str(tests)!r}, {str(tests.parent)!r}]; "
        f"import test_page_reuse as t; from pathlib import Path; "
        f"t.pool_matches_one_process(Path({str(synthetic_corpus)!r}), {threads})"
    )
    done = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ("forkserver" if threads else "fork")


def pool_matches_one_process(site: Path, threads: bool) -> None:
    if threads:
        threading.Thread(target=threading.Event().wait, daemon=True).start()
        render_pool.CLEAN_AFTER = CHUNK * 3  # a small site: start them as early as forked ones
    settings = load_settings(site)
    theme = find_theme(settings)
    t = translator(load_catalogue(theme, settings.language))
    renderer = Renderer(settings, theme, t)
    model, _ = build_model(load_content(site, settings.tz).articles, settings, Selection(False, False, NOW))
    specs: list[PageSpec] = list(plan_pages(model, t))
    jobs = [PageJob(s.path, s.template, pickle.dumps(s.context), True) for s in specs]
    assert len(jobs) > CHUNK * 6
    expected = [render_job(renderer, LinkIndex(settings.base_url), job) for job in jobs]
    with PagePool[int](renderer, settings.base_url, 2) as pool:
        got = [item for index, job in enumerate(jobs) for item in pool.put(index, job if index % 5 else None)]
        got += list(pool.drain())
        method = pool.start_method
    assert [index for index, _ in got] == list(range(len(jobs)))
    assert all(rendered is None for index, rendered in got if index % 5 == 0)
    assert [(r.html, r.links) for i, r in got if i % 5] == [(e.html, e.links) for i, e in enumerate(expected) if i % 5]
    print(method)


def cli_build(site: Path, output: Path, *extra: str) -> str:
    """The CLI's build with two jobs, in a process of its own (the browser tests leave
    threads in this one, where forking is unsafe); what --profile printed."""
    command = build_command(site, output, "-q", "--profile", "--jobs", "2", *extra)
    return subprocess.run(command, capture_output=True, text=True, check=True, timeout=300).stderr


def test_after_an_edit_the_index_is_made_in_a_forked_process(site, tmp_path):
    """With two jobs and a previous build to update, the search index is made in a child
    while pages are planned; the folder is still the cold build's. In processes of their
    own (the CLI): the browser tests leave threads in this one, where forking is unsafe."""
    output = tmp_path / "out"

    # the site speaks Vietnamese: "made in … s in a forked process, alongside pages and feeds"
    assert "tiến trình riêng" not in cli_build(site, output)  # a cold build renders pages on both cores instead
    append(article_files(site)[8], "Một đoạn mới về dịch vụ công trực tuyến mức độ 4.")
    profile = cli_build(site, output)
    assert "ở một tiến trình riêng, song song với trang và nguồn tin" in profile
    cold = tmp_path / "cold"
    build_site(load_settings(site), BuildOptions(jobs=1, cache=False), DiskWriter(cold, site))
    assert tree(output) == tree(cold)


def test_a_forked_index_places_what_it_remembers_and_checks_what_it_kept(site, tmp_path):
    """After an edit the index starts before the articles are read, from what it remembers
    of each (.cache/search/): a draft it remembers comes in with --drafts, an article it
    does not know is prepared in the child, and a file it would keep but which was changed
    since in the output folder is made again. Every build equals a cold one."""
    output = tmp_path / "out"

    def assert_cold(*extra: str) -> None:
        cold = tmp_path / "cold"
        shutil.rmtree(cold, ignore_errors=True)
        build_site(
            load_settings(site), BuildOptions(jobs=1, cache=False, drafts="--drafts" in extra), DiskWriter(cold, site)
        )
        assert tree(output) == tree(cold)

    files = article_files(site)
    cli_build(site, output)
    edit(files[3], "\ntitle:", "\ndraft: true\ntitle:")  # unknown to the index: prepared in the child
    assert "tiến trình riêng" in cli_build(site, output)
    assert_cold()
    assert "tiến trình riêng" in cli_build(site, output, "--drafts")  # remembered as a draft, published now
    assert_cold("--drafts")
    text = re.sub(r"\nlastmod: .*", "", files[5].read_text(encoding="utf-8"))
    files[5].write_text(text.replace("\ntitle:", "\nlastmod: 2025-01-02\ntitle:", 1), encoding="utf-8")
    # the index stays as it was, but one of its files was changed since
    shard = next(path for path in (output / "search").rglob("*.json") if path.parent.name.startswith("index-"))
    shard.write_bytes(shard.read_bytes() + b" ")
    assert "tiến trình riêng" in cli_build(site, output, "--drafts")
    assert_cold("--drafts")
    # a placement remembered wrong (it cannot be, short of a bug): the index is made again
    store = BuildCache.for_site(site, part="search")
    placements = remembered_placements(store)
    key, wrong = max(placements.items(), key=lambda item: item[1].date)
    placements[key] = replace(wrong, date=wrong.date.replace(year=1990))  # the newest as the oldest
    store.put(cache_key("search placements"), pickle.dumps(placements))
    append(files[7], "Thêm một câu.")
    assert "tiến trình riêng" in cli_build(site, output, "--drafts")
    assert_cold("--drafts")


def test_a_stamp_keeps_apart_values_that_print_alike_but_render_differently():
    from datetime import date, datetime

    from markupsafe import Markup

    from reform_archive.incremental.reuse import recipe_stamp
    from reform_archive.publish.pages import _given
    from reform_archive.readonly import ReadOnlyMapping

    def page_stamp(template: str, context: dict) -> bytes:  # a page made from its view data as given
        return recipe_stamp(template, _given, (context,), lambda article: "unused")

    when = datetime(2022, 9, 9, 8, 30, tzinfo=UTC)
    context = {"page": {"title": "Hoà Bình", "when": when, "tags": ["a", "b"]}, "n": 3}
    assert page_stamp("article.html", context) == page_stamp("article.html", {**context})
    assert page_stamp("article.html", context) != page_stamp("list.html", context)
    for changed in (when.isoformat(), when.date(), date(2022, 9, 9).isoformat(), None):
        other = {**context, "page": {**context["page"], "when": changed}}
        assert page_stamp("article.html", other) != page_stamp("article.html", context), changed
    escaped, markup = {"html": "<b>đ</b>"}, {"html": Markup("<b>đ</b>")}  # Jinja escapes one, not the other
    assert page_stamp("a.html", escaped) != page_stamp("a.html", markup)
    # what orjson cannot write goes through pickle, and is as stable
    odd = {
        "extra": ReadOnlyMapping({"x": 1}),  # front matter's extra keys, as the model holds them
        "ids": {3, 1, 2},
        "big": 2**70,
    }
    assert page_stamp("a.html", odd) == page_stamp("a.html", dict(odd))
    assert page_stamp("a.html", odd) != page_stamp("a.html", {**odd, "big": 2**71})


def pairs_of(ledger, file: str) -> list[tuple[str, str]]:
    numbers = ledger.links[file]
    return [(ledger.strings[numbers[i]], ledger.strings[numbers[i + 1]]) for i in range(0, len(numbers), 2)]


def test_the_ledger_numbers_links_as_the_previous_one_and_drops_unused_strings():
    from reform_archive.incremental.reuse import LedgerBuilder

    first = LedgerBuilder("env")
    first.add("a.html", b"1", [("/x/", "x/"), ("/y/", "y/")])
    first.add("b.html", b"2", [("/gone/", "gone/")])
    old = first.ledger()
    second = LedgerBuilder("env", old)
    assert second.keep("a.html", b"1") is old.links["a.html"]  # taken as it is, not re-numbered
    second.add("c.html", b"3", [("/x/", "x/"), ("/z/", "z/")])
    kept = second.ledger()
    assert pairs_of(kept, "a.html") == [("/x/", "x/"), ("/y/", "y/")]
    assert pairs_of(kept, "c.html") == [("/x/", "x/"), ("/z/", "z/")]
    assert "/gone/" in kept.strings  # 2 of 8 strings unused: kept, the table is not rewritten
    third = LedgerBuilder("env", kept)
    third.add("d.html", b"4", [("/z/", "z/")])
    compact = third.ledger()  # 6 of 8 unused: dropped, the links renumbered
    assert sorted(compact.strings) == ["/z/", "z/"] and pairs_of(compact, "d.html") == [("/z/", "z/")]


def test_a_broken_link_is_named_by_the_first_page_that_uses_it():
    from array import array

    from reform_archive.publish.links import LinkingPage, broken_links

    strings = ["/a/", "a/", "../a/", "/b/", "b/", "/c/", "c/"]
    pages = [
        LinkingPage("p1/", "", array("I", [3, 4])),
        LinkingPage("p2/", "x.md", array("I", [2, 1, 5, 6])),
        LinkingPage("p3/", "y.md", array("I", [0, 1, 3, 4])),
        LinkingPage("p4/", "", array("I")),
    ]
    assert broken_links(pages, strings, {"b/index.html"}) == [
        ("a/", "p2/", "../a/", "x.md"),
        ("c/", "p2/", "/c/", "x.md"),
    ]
    assert broken_links(pages, strings, {"a/index.html", "b/index.html", "c/index.html"}) == []
    assert broken_links([], strings, set()) == []


def test_the_index_starts_early_only_when_it_would_look_up_few_articles():
    """Early, the child looks up one by one what it does not remember: new articles, and
    remembered ones published now whose part of the index it did not keep (a draft)."""
    from datetime import datetime

    from reform_archive.build.search_step import Placement, unknown_to_index
    from reform_archive.site.model import Selection

    when = datetime(2024, 1, 1, tzinfo=UTC)
    remembered = {
        "a": Placement("a", when, "a", draft=False, indexed=True),
        "d": Placement("d", when, "d", draft=True, indexed=False),
    }
    assert unknown_to_index(["a", "d", "new"], remembered, Selection()) == 1
    assert unknown_to_index(["a", "d", "new"], remembered, Selection(drafts=True)) == 2


@pytest.mark.parametrize("articles_cached", [True, False], ids=["from the cache", "cache emptied: here"])
def test_where_threads_run_the_index_is_split_in_a_process_started_clean(site, articles_cached):
    """The preview runs threads, so forking is unsafe: after an edit the index is split in a
    process the fork server starts, which reads the articles from the cache; when they are
    gone from it, the split is made in the build's process. Either way the site is the cold
    build's. In a process of its own, where the test decides that a thread runs."""
    tests = Path(__file__).parent
    check = (
        f"import sys; sys.path[:0] = [{str(tests)!r}, {str(tests.parent)!r}]; "
        f"import test_page_reuse as t; from pathlib import Path; "
        f"t.preview_split_matches_cold(Path({str(site)!r}), {articles_cached})"
    )
    done = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ("in a child" if articles_cached else "here")


def preview_split_matches_cold(site: Path, articles_cached: bool) -> None:
    threading.Thread(target=threading.Event().wait, daemon=True).start()
    search_step.CLEAN_FROM = 0  # a small site: as a big one would
    settings = load_settings(site)
    options = BuildOptions(now=NOW, jobs=2)
    first_writer = MemoryWriter()
    _, memory = build_into_memory(settings, options, first_writer)
    append(article_files(site)[6], "Câu mới về tìm kiếm trong bản xem trước.")
    if not articles_cached:  # the articles' entries go, and the index's numbers: it needs every article
        shutil.rmtree(BuildCache.for_site(site).root)
        BuildCache.for_site(site, part="search").drop(cache_key("term numbers"))
    writer = MemoryWriter(first_writer.files)
    _, left = build_into_memory(settings, options, writer, memory)
    cold = MemoryWriter()
    build_site(settings, BuildOptions(now=NOW, jobs=1, cache=False), cold)
    assert writer.files == cold.files
    assert "Câu mới về tìm kiếm".encode() in b"".join(d for p, d in writer.files.items() if p.startswith("search/"))
    print("in a child" if left.profile.search_alongside > 0 else "here")
