"""Edit, and the preview rebuilds and tells open pages: real files, the real watcher, a real
event stream on a loopback port."""

from __future__ import annotations

import queue
import shutil
import time

import pytest
from previewing import EventStream, port_of, raw_request, running_preview, wait_until

import generator.serve.site
from conftest import SITES

ARTICLE = "content/mot-cua.md"


@pytest.fixture
def site(tmp_path):
    target = tmp_path / "site"
    shutil.copytree(SITES / "minimal", target)
    return target


@pytest.fixture
def preview(site):
    with running_preview(site) as running:
        yield running


@pytest.fixture
def events(preview):
    stream = EventStream(port_of(preview))
    first = stream.next()
    assert first["version"] == preview.site.snapshot.version and first["problems"] == []
    yield stream
    stream.close()


def _article_url(preview) -> str:
    files = preview.site.snapshot.files
    return "/luu-tru/" + next(path for path in files if "mot-cua" in path and path.endswith("index.html"))


def _no_event(events: EventStream, within: float = 0.8) -> bool:
    try:
        events.next(timeout=within)
    except queue.Empty:
        return True
    return False


def test_an_edit_reloads_pages_with_the_new_text_within_two_seconds(site, preview, events):
    before = preview.site.snapshot.version
    started = time.monotonic()
    path = site / ARTICLE
    path.write_text(path.read_text(encoding="utf-8") + "\nCâu mới về một cửa liên thông.\n", encoding="utf-8")
    status = events.next(timeout=2)
    assert time.monotonic() - started < 2
    assert status["version"] != before and status["previous"] == before
    assert status["problems"] == [] and status["stylesOnly"] is False
    page = raw_request(port_of(preview), _article_url(preview))
    assert "Câu mới về một cửa liên thông.".encode() in page.body
    assert f'data-version="{status["version"]}"'.encode() in page.body


def test_broken_front_matter_shows_the_problem_and_keeps_the_last_good_site(site, preview, events):
    url = _article_url(preview)
    good = raw_request(port_of(preview), url).body
    path = site / ARTICLE
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace("title:", "title: [unclosed", 1), encoding="utf-8")
    status = events.next(timeout=2)
    assert status["problems"], status
    assert all(problem.startswith(f"{site / ARTICLE}:") for problem in status["problems"])
    assert status["problems"][0].split(":")[1].isdigit()  # path:line: message
    again = raw_request(port_of(preview), url)
    assert again.status == 200 and again.body == good  # the last good page, same version
    messages = preview.echo.text()
    assert "still serving the last good build" in messages

    path.write_text(original + "\nĐã sửa.\n", encoding="utf-8")
    fixed = events.next(timeout=2)
    assert fixed["problems"] == [] and fixed["version"] != status["version"]
    assert "Đã sửa.".encode() in raw_request(port_of(preview), url).body


def test_a_page_served_before_any_good_build_shows_the_problems_and_recovers(site):
    path = site / ARTICLE
    original = path.read_text(encoding="utf-8")
    path.write_text("---\ntitle: [\n---\nx\n", encoding="utf-8")
    with running_preview(site) as preview:
        failed = raw_request(port_of(preview), "/luu-tru/")
        assert failed.status == 503
        assert f"{site / ARTICLE}:".encode() in failed.body and b"__reform-archive/live.js" in failed.body
        events = EventStream(port_of(preview))
        assert events.next()["problems"]
        path.write_text(original, encoding="utf-8")
        status = events.next(timeout=2)
        assert status["problems"] == [] and status["version"]
        assert raw_request(port_of(preview), "/luu-tru/").status == 200
        events.close()


def test_a_stylesheet_edit_is_swapped_in_without_a_full_build(site, preview, events):
    (site / "static").mkdir()
    (site / "static" / "extra.css").write_text("p { color: red }\n")
    added = events.next(timeout=2)  # a new file: a whole build (it could collide with a page)
    assert added["stylesOnly"] is True  # still, only a stylesheet changed in the output
    (site / "static" / "extra.css").write_text("p { color: blue }\n")
    edited = events.next(timeout=2)
    assert edited["stylesOnly"] is True and edited["previous"] == added["version"]
    assert raw_request(port_of(preview), "/luu-tru/extra.css").body == b"p { color: blue }\n"
    assert "swapped 1 static file" in preview.echo.text()


def test_site_toml_and_a_new_templates_folder_are_watched(site, preview, events):
    config = site / "site.toml"
    config.write_text(config.read_text(encoding="utf-8").replace("Lưu trữ nhỏ", "Lưu trữ đã đổi tên"),
                      encoding="utf-8")
    events.next(timeout=2)
    assert "Lưu trữ đã đổi tên".encode() in raw_request(port_of(preview), "/luu-tru/").body

    (site / "templates").mkdir()
    time.sleep(0.6)  # the watcher notices the new folder on its next tick and watches it
    (site / "templates" / "404.html").write_text("<!doctype html><title>x</title><body>Không thấy trang</body>",
                                                 encoding="utf-8")
    missing = wait_until(lambda: (answer := raw_request(port_of(preview), "/luu-tru/khong-co/")).body.startswith(
        "<!doctype html><title>x</title><body>Không thấy trang".encode()) and answer, timeout=3)
    assert missing.status == 404


def test_adding_and_removing_articles(site, preview, events):
    new = site / "content" / "bai-moi.md"
    new.write_text("---\ntitle: Bài mới về dịch vụ công\ndate: 2022-10-01\n---\nNội dung.\n", encoding="utf-8")
    events.next(timeout=2)
    found = [path for path in preview.site.snapshot.files if "bai-moi" in path]
    assert found
    new.unlink()
    events.next(timeout=2)
    assert raw_request(port_of(preview), "/luu-tru/" + found[0]).status == 404


def test_changes_that_cannot_change_the_site_are_ignored(site, preview, events):
    (site / "content" / ".mot-cua.md.swp").write_bytes(b"vim swap")
    (site / "content" / "mot-cua.md~").write_text("backup")
    (site / "content" / "_raw").mkdir(exist_ok=True)
    (site / "content" / "_raw" / "trang.txt").write_text("raw page text")
    (site / "content" / "ghi-chu.txt").write_text("notes")
    assert _no_event(events)


def test_saving_without_a_change_does_not_reload(site, preview, events):
    version = preview.site.snapshot.version
    path = site / ARTICLE
    path.write_bytes(path.read_bytes())
    status = events.next(timeout=2)
    assert status["version"] == version and status["problems"] == []
    assert "no page changed" in preview.echo.text()


def test_an_internal_error_is_shown_and_the_preview_keeps_going(site, preview, events, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(generator.serve.site, "build_site", broken)
    (site / ARTICLE).write_text((site / ARTICLE).read_text(encoding="utf-8") + "\nx\n", encoding="utf-8")
    status = events.next(timeout=2)
    assert status["problems"] == ["reform-archive:0: internal error: RuntimeError('simulated bug') "
                                  "(details in the terminal)"]
    assert raw_request(port_of(preview), "/luu-tru/").status == 200
    monkeypatch.undo()
    (site / ARTICLE).write_text((site / ARTICLE).read_text(encoding="utf-8") + "\ny\n", encoding="utf-8")
    assert events.next(timeout=2)["problems"] == []


def test_the_event_stream_ends_when_the_preview_stops(site):
    with running_preview(site) as preview:
        events = EventStream(port_of(preview))
        events.next()
    assert _no_event(events, 0.3)
    assert events.sock.recv(10) == b""  # closed by the server, not left hanging
