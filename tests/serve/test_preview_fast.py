"""A saved article's page first, the rest of the site after, and never a stale page between
(issue 20): the fast render against the last build's model, and the preview serving it."""

from __future__ import annotations

import shutil
import threading
import time

import pytest
from conftest import NOW, SITES
from previewing import EventStream, append, port_of, raw_request, running_preview, save

import reform_archive.serve.site
from reform_archive.build import BuildOptions, build_into_memory
from reform_archive.build.fast import render_saved_articles
from reform_archive.config import load_settings
from reform_archive.writer import MemoryWriter

ARTICLE = "content/mot-cua.md"
SENTENCE = "Câu mới về bộ phận một cửa được thêm khi xem trước."


@pytest.fixture
def site(tmp_path):
    target = tmp_path / "site"
    shutil.copytree(SITES / "sample", target)
    return target


def _built(site):
    settings = load_settings(site)
    writer = MemoryWriter()
    _, memory = build_into_memory(settings, BuildOptions(now=NOW, jobs=1), writer)
    return settings, writer, memory


def _article_file(site) -> str:
    return sorted(str(p.relative_to(site)) for p in (site / "content").rglob("*.md"))[0]


def test_an_edited_articles_page_is_the_page_the_whole_build_makes(site):
    settings, writer, memory = _built(site)
    path = site / _article_file(site)
    text = path.read_text(encoding="utf-8")
    path.write_text(text + f"\n{SENTENCE}\n", encoding="utf-8")
    fast = render_saved_articles(memory, [path])
    assert fast is not None and not fast.unchanged
    [(page, html)] = fast.pages.items()
    assert SENTENCE.encode() in html
    whole = MemoryWriter(writer.files)
    build_into_memory(settings, BuildOptions(now=NOW, jobs=1), whole, memory)
    assert whole.files[page] == html  # the same bytes: neighbours and related did not move


def test_a_file_saved_with_its_old_bytes_needs_nothing(site):
    _, _, memory = _built(site)
    path = site / _article_file(site)
    path.write_bytes(path.read_bytes())
    assert render_saved_articles(memory, [path]).unchanged


@pytest.mark.parametrize(
    "change",
    [
        lambda text: text.replace("date:", "date: 2019-01-01\nold_date:", 1),  # moves in every list
        lambda text: text.replace("title:", "title: [unclosed", 1),  # an error: the build reports it
        lambda text: text.replace("---\n", "---\ndraft: true\n", 1),  # leaves the site
    ],
)
def test_an_edit_that_moves_or_breaks_the_article_is_the_whole_builds(site, change):
    _, _, memory = _built(site)
    path = site / _article_file(site)
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert render_saved_articles(memory, [path]) is None


def test_a_new_file_or_a_stylesheet_is_the_whole_builds(site):
    _, _, memory = _built(site)
    new = site / "content" / "moi.md"
    new.write_text((site / _article_file(site)).read_text(encoding="utf-8"), encoding="utf-8")
    assert render_saved_articles(memory, [new]) is None
    assert render_saved_articles(memory, [site / "static" / "x.css"]) is None


def test_the_preview_serves_the_saved_page_at_once_and_any_other_only_when_it_is_fresh(site, monkeypatch):
    whole_build = reform_archive.serve.site.build_into_memory
    release = threading.Event()

    def slow(*args, **kwargs):  # the rest of the site takes its time
        release.wait(timeout=30)
        return whole_build(*args, **kwargs)

    with running_preview(site) as preview:
        port = port_of(preview)
        events = EventStream(port)
        before = events.next()["version"]
        article = preview.site.snapshot.base_path + next(
            path[: -len("index.html")]
            for path in preview.site.snapshot.files
            if path.endswith("index.html") and path.count("/") >= 3
        )
        monkeypatch.setattr(reform_archive.serve.site, "build_into_memory", slow)
        file = next(p for p in (site / "content").rglob("*.md") if ("/" + p.stem + "/") in article)
        started = time.monotonic()
        append(file, f"\n{SENTENCE}\n")
        partial = events.until(lambda s: s["version"] != before, timeout=5)
        page = raw_request(port, article)
        assert time.monotonic() - started < 3
        assert partial["previous"] == before and partial["pages"] == [article]
        assert SENTENCE.encode() in page.body and f'data-version="{partial["version"]}"'.encode() in page.body

        home: dict = {}
        asking = threading.Thread(target=lambda: home.update(answer=raw_request(port, "/luu-tru/")))
        asking.start()
        asking.join(timeout=1)
        assert asking.is_alive()  # the home page is not sent stale: it waits for the build
        release.set()
        consistent = events.until(lambda s: s["version"] != partial["version"], timeout=30)
        asking.join(timeout=30)
        assert consistent["previous"] == partial["version"] and not consistent["problems"]
        assert f'data-version="{consistent["version"]}"'.encode() in home["answer"].body
        events.close()


def test_saving_unchanged_costs_no_build(site):
    with running_preview(site) as preview:
        events = EventStream(port_of(preview))
        version = events.next()["version"]
        path = site / ARTICLE if (site / ARTICLE).exists() else site / _article_file(site)
        save(path, path.read_bytes())
        status = events.next(timeout=5)
        assert status["version"] == version
        assert "saved unchanged: nothing to build" in preview.echo.text()
        assert "built " not in preview.echo.text().split("saved unchanged")[-1]
        events.close()


def test_articles_held_in_memory_are_neither_read_again_nor_pruned_from_the_cache(site):
    from reform_archive.incremental.cache import cache_folder

    settings, writer, memory = _built(site)
    articles = cache_folder(site) / "articles"
    entries = {p.name for p in articles.rglob("*") if p.is_file()}
    path = site / _article_file(site)
    path.write_text(path.read_text(encoding="utf-8") + f"\n{SENTENCE}\n", encoding="utf-8")
    _, again = build_into_memory(settings, BuildOptions(now=NOW, jobs=1), MemoryWriter(writer.files), memory)
    assert again.profile.cache.hits == 0  # every unchanged article came from memory, none from disk
    assert entries <= {p.name for p in articles.rglob("*") if p.is_file()}  # and none was pruned: the CLI needs them
    assert len(again.prepared) == len(memory.prepared)
