"""Edit, and the preview rebuilds and tells open pages: real files, the real watcher, a real
event stream on a loopback port."""

from __future__ import annotations

import os
import queue
import shutil
import time

import pytest
from conftest import SITES
from previewing import EventStream, append, port_of, raw_request, running_preview, save, wait_until

import reform_archive.serve.site

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
    append(site / ARTICLE, "\nCâu mới về một cửa liên thông.\n")
    status = events.until(lambda s: s["version"] != before, timeout=2)
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
    save(path, original.replace("title:", "title: [unclosed", 1))
    status = events.until(lambda s: s["problems"], timeout=2)
    assert all(problem.startswith(f"{site / ARTICLE}:") for problem in status["problems"])
    assert status["problems"][0].split(":")[1].isdigit()  # path:line: message
    again = raw_request(port_of(preview), url)
    assert again.status == 200 and again.body == good  # the last good page, same version
    messages = preview.echo.text()
    assert "still serving the last good build" in messages

    save(path, original + "\nĐã sửa.\n")
    fixed = events.until(lambda s: not s["problems"], timeout=2)
    assert fixed["version"] != status["version"]
    assert "Đã sửa.".encode() in raw_request(port_of(preview), url).body


def test_a_page_served_before_any_good_build_shows_the_problems_and_recovers(site):
    path = site / ARTICLE
    original = path.read_text(encoding="utf-8")
    save(path, "---\ntitle: [\n---\nx\n")
    with running_preview(site) as preview:
        failed = raw_request(port_of(preview), "/luu-tru/")
        assert failed.status == 503
        assert f"{site / ARTICLE}:".encode() in failed.body and b"__reform-archive/live.js" in failed.body
        events = EventStream(port_of(preview))
        assert events.next()["problems"]
        save(path, original)
        status = events.until(lambda s: not s["problems"], timeout=2)
        assert status["version"]
        assert raw_request(port_of(preview), "/luu-tru/").status == 200
        events.close()


def test_a_stylesheet_edit_is_swapped_in_without_a_full_build(site, preview, events):
    (site / "static").mkdir()
    save(site / "static" / "extra.css", "p { color: red }\n")
    # a new folder and file: a whole build (a new file could collide with a page)
    added = events.until(lambda s: s["version"] != preview.site.snapshot.version or s["stylesOnly"], timeout=3)
    assert added["stylesOnly"] is True  # still, only a stylesheet changed in the output
    save(site / "static" / "extra.css", "p { color: blue }\n")
    edited = events.until(lambda s: s["version"] != added["version"], timeout=2)
    assert edited["stylesOnly"] is True and edited["previous"] == added["version"]
    assert raw_request(port_of(preview), "/luu-tru/extra.css").body == b"p { color: blue }\n"
    assert "swapped 1 static file" in preview.echo.text()


def test_site_toml_and_a_new_templates_folder_are_watched(site, preview, events):
    config = site / "site.toml"
    save(config, config.read_text(encoding="utf-8").replace("Lưu trữ nhỏ", "Lưu trữ đã đổi tên"))
    wait_until(lambda: "Lưu trữ đã đổi tên".encode() in raw_request(port_of(preview), "/luu-tru/").body, 2)

    (site / "templates").mkdir()  # written into at once: the new watcher must not miss it
    save(site / "templates" / "404.html", "<!doctype html><title>x</title><body>Không thấy trang</body>")
    missing = wait_until(
        lambda: (
            (answer := raw_request(port_of(preview), "/luu-tru/khong-co/")).body.startswith(
                "<!doctype html><title>x</title><body>Không thấy trang".encode()
            )
            and answer
        ),
        timeout=3,
    )
    assert missing.status == 404


def test_adding_and_removing_articles(site, preview, events):
    new = site / "content" / "bai-moi.md"
    save(new, "---\ntitle: Bài mới về dịch vụ công\ndate: 2022-10-01\n---\nNội dung.\n")
    found = wait_until(lambda: [path for path in preview.site.snapshot.files if "bai-moi" in path], 2)
    new.unlink()
    wait_until(lambda: raw_request(port_of(preview), "/luu-tru/" + found[0]).status == 404, 2)


def test_a_folder_of_articles_moved_away_or_back(site, tmp_path, preview, events):
    folder = site / "content" / "2022"
    folder.mkdir()
    save(folder / "bai-trong-thu-muc.md", "---\ntitle: Bài trong thư mục\ndate: 2022-10-02\n---\nNội dung.\n")
    found = wait_until(lambda: [p for p in preview.site.snapshot.files if "bai-trong-thu-muc" in p], 2)
    os.rename(folder, tmp_path / "moved-away")  # one event, for the folder
    wait_until(lambda: raw_request(port_of(preview), "/luu-tru/" + found[0]).status == 404, 2)
    os.rename(tmp_path / "moved-away", folder)
    wait_until(lambda: raw_request(port_of(preview), "/luu-tru/" + found[0]).status == 200, 2)


def test_the_watcher_survives_a_watched_folder_being_removed(site, preview, events):
    (site / "static").mkdir()
    save(site / "static" / "a.txt", "a")
    wait_until(lambda: "a.txt" in preview.site.snapshot.files, 3)
    shutil.rmtree(site / "static")
    wait_until(lambda: "a.txt" not in preview.site.snapshot.files, 3)
    append(site / ARTICLE, "\nVẫn theo dõi.\n")
    wait_until(lambda: "Vẫn theo dõi.".encode() in raw_request(port_of(preview), _article_url(preview)).body, 3)


def test_changes_that_cannot_change_the_site_are_ignored(site, preview, events):
    (site / "content" / ".mot-cua.md.swp").write_bytes(b"vim swap")
    (site / "content" / "mot-cua.md~").write_text("backup")
    (site / "content" / "_raw").mkdir(exist_ok=True)
    (site / "content" / "_raw" / "trang.txt").write_text("raw page text")
    (site / "content" / "ghi-chu.txt").write_text("notes")
    assert _no_event(events)
    append(site / ARTICLE, "\nx\n")  # the watcher is alive, and the ignored files were ignored
    events.next(timeout=2)
    changes = [message for message, _ in preview.echo if message.startswith("changed: ")]
    assert changes == ["changed: content/mot-cua.md"]


def test_saving_without_a_change_does_not_reload(site, preview, events):
    version = preview.site.snapshot.version
    path = site / ARTICLE
    save(path, path.read_bytes())
    status = events.next(timeout=2)
    assert status["version"] == version and status["problems"] == []
    assert "saved unchanged: nothing to build" in preview.echo.text()  # not even a build


def test_an_internal_error_is_shown_and_the_preview_keeps_going(site, preview, events, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(reform_archive.serve.site, "build_into_memory", broken)
    append(site / ARTICLE, "\nx\n")
    status = events.until(lambda s: s["problems"], timeout=2)
    assert status["problems"] == [
        "reform-archive:0: internal error: RuntimeError('simulated bug') (details in the terminal)"
    ]
    assert raw_request(port_of(preview), "/luu-tru/").status == 200
    monkeypatch.undo()
    append(site / ARTICLE, "\ny\n")
    events.until(lambda s: not s["problems"], timeout=2)


def test_the_event_stream_ends_when_the_preview_stops(site):
    with running_preview(site) as preview:
        events = EventStream(port_of(preview))
        events.next()
    assert _no_event(events, 0.3)
    assert events.sock.recv(10) == b""  # closed by the server, not left hanging


def test_a_static_file_replaced_by_a_link_out_of_the_site_is_never_served(site, tmp_path, preview, events):
    (site / "static").mkdir()
    save(site / "static" / "style.css", "p {}\n")
    wait_until(lambda: "style.css" in preview.site.snapshot.files, 3)
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    link = tmp_path / "link"
    os.symlink(secret, link)
    os.replace(link, site / "static" / "style.css")  # the fast path must not read through it
    status = events.until(lambda s: s["problems"], timeout=3)
    assert "symbolic link leads outside" in status["problems"][0]
    assert b"TOP-SECRET" not in raw_request(port_of(preview), "/luu-tru/style.css").body
