"""The preview's HTTP answers, on a free loopback port, with raw request targets."""

from __future__ import annotations

import http.client
import os
import shutil
import socket
from pathlib import Path

import pytest
from conftest import SITES
from previewing import port_of, raw_request, running_preview

SECRET = b"TOP-SECRET-OUTSIDE-THE-SITE"


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    """The minimal site (configured for https://example.org/luu-tru/) with a static folder,
    beside a secret file that must never be served."""
    root = tmp_path_factory.mktemp("preview")
    (root / "secret.txt").write_bytes(SECRET)
    site = root / "site"
    shutil.copytree(SITES / "minimal", site)
    (site / "static" / "tài liệu").mkdir(parents=True)
    (site / "static" / "tài liệu" / "bản đồ.pdf").write_bytes(b"%PDF-1.4 map")
    (site / "static" / "CNAME").write_text("example.org\n")
    with running_preview(site) as running:
        yield running


@pytest.fixture(scope="module")
def port(preview) -> int:
    return port_of(preview)


def test_pages_are_served_under_the_sub_path_with_the_live_script(preview, port):
    assert preview.url.endswith("/luu-tru/")
    answer = raw_request(port, "/luu-tru/")
    assert answer.status == 200
    assert answer.headers["content-type"] == "text/html; charset=utf-8"
    assert answer.headers["cache-control"] == "no-store"
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert int(answer.headers["content-length"]) == len(answer.body)
    assert b'<script src="/__reform-archive/live.js" data-version="' in answer.body
    assert answer.body.rstrip().endswith(b"</body>\n</html>") or answer.body.rstrip().endswith(b"</html>")
    # links point at the preview, under the site's own sub-path
    assert f'href="http://127.0.0.1:{port}/luu-tru/'.encode() in answer.body or b'href="/luu-tru/' in answer.body
    assert b"https://example.org/" not in answer.body


def test_the_built_files_themselves_carry_no_live_script(preview):
    files = preview.site.snapshot.files
    assert not any(b"__reform-archive" in data for data in files.values())


def test_head_answers_headers_only(port):
    get, head = raw_request(port, "/luu-tru/"), raw_request(port, "/luu-tru/", "HEAD")
    assert head.status == 200 and head.body == b""
    assert head.headers["content-length"] == get.headers["content-length"]


@pytest.mark.parametrize(
    ("target", "content_type"),
    [
        ("/luu-tru/assets/style.css", "text/css; charset=utf-8"),
        ("/luu-tru/assets/vendor/lunr-2.3.9.min.js", "text/javascript; charset=utf-8"),
        ("/luu-tru/search/manifest.json", "application/json; charset=utf-8"),
        ("/luu-tru/feed.xml", "application/xml; charset=utf-8"),
        ("/luu-tru/sitemap.xml", "application/xml; charset=utf-8"),
        ("/luu-tru/robots.txt", "text/plain; charset=utf-8"),
        ("/luu-tru/t%C3%A0i%20li%E1%BB%87u/b%E1%BA%A3n%20%C4%91%E1%BB%93.pdf", "application/pdf"),
        ("/luu-tru/CNAME", "application/octet-stream"),
        ("/__reform-archive/live.js", "text/javascript; charset=utf-8"),
    ],
)
def test_assets_have_their_content_types(port, target, content_type):
    answer = raw_request(port, target)
    assert answer.status == 200, target
    assert answer.headers["content-type"] == content_type
    assert b"__reform-archive/live.js" not in answer.body or target.endswith("live.js")


def test_folders_get_index_html_and_a_slash(preview, port):
    article = next(
        path
        for path in preview.site.snapshot.files
        if path.count("/") >= 2 and path.endswith("index.html") and not path.startswith(("page/", "search/"))
    )
    folder = "/luu-tru/" + article.removesuffix("index.html")
    assert raw_request(port, folder).status == 200
    assert raw_request(port, folder + "index.html").status == 200
    redirect = raw_request(port, folder.rstrip("/") + "?from=test")
    assert redirect.status == 302 and redirect.headers["location"] == folder + "?from=test"
    root = raw_request(port, "/")
    assert root.status == 302 and root.headers["location"] == "/luu-tru/"


def test_missing_pages_get_the_site_404_page_with_status_404(preview, port):
    answer = raw_request(port, "/luu-tru/khong-co-trang-nay/")
    assert answer.status == 404
    assert answer.headers["content-type"] == "text/html; charset=utf-8"
    assert answer.body.startswith(preview.site.snapshot.files["404.html"][:200])
    assert b"__reform-archive/live.js" in answer.body  # a 404 page reloads too, once the page exists
    assert raw_request(port, "/somewhere-else/").status == 404


@pytest.mark.parametrize(
    "target",
    [
        b"/luu-tru/../secret.txt",
        b"/luu-tru/../../secret.txt",
        b"/../secret.txt",
        b"/luu-tru/%2e%2e/%2e%2e/secret.txt",
        b"/luu-tru/%2E%2E%2F%2E%2E%2Fsecret.txt",
        b"/luu-tru/..%2f..%2fsecret.txt",
        b"/luu-tru/..%5c..%5csecret.txt",
        b"/luu-tru/..\\..\\secret.txt",
        b"/luu-tru/index.html%00.txt",
        b"/luu-tru/index.html\x00",
        b"/luu-tru/\xff",
        b"//etc/passwd",
        b"/etc/passwd",
        b"http://127.0.0.1/luu-tru/",
        b"/luu-tru/%2fetc%2fpasswd",
    ],
)
def test_traversal_attempts_never_reach_a_file(port, target):
    answer = raw_request(port, target)
    assert answer.status in (400, 404), target
    assert SECRET not in answer.body
    assert b"root:" not in answer.body


def test_only_get_and_head_are_answered(port):
    answer = raw_request(port, "/luu-tru/", "POST")
    assert answer.status == 405 and answer.headers["allow"] == "GET, HEAD"


@pytest.mark.parametrize("link", ["static/leak.txt", "static/nested/leak.css", "content/leak.md"])
def test_a_symlink_leading_outside_the_site_is_never_published(tmp_path, link):
    (tmp_path / "secret.txt").write_bytes(SECRET)
    site = tmp_path / "site"
    shutil.copytree(SITES / "minimal", site)
    (site / link).parent.mkdir(parents=True, exist_ok=True)
    os.symlink(tmp_path / "secret.txt", site / link)
    with running_preview(site) as preview:
        port = port_of(preview)
        problems = [str(p) for p in preview.site.problems]
        assert problems == [
            f"{site / link}:0: symbolic link leads outside {site} (to {tmp_path / 'secret.txt'}); "
            "it is not published: copy the file into the site instead"
        ]
        for target in ("/luu-tru/leak.txt", "/luu-tru/nested/leak.css", "/leak.txt", "/luu-tru/"):
            answer = raw_request(port, target)
            assert SECRET not in answer.body
        failure = raw_request(port, "/luu-tru/")
        assert failure.status == 503 and b"symbolic link leads outside" in failure.body


def test_a_symlink_inside_the_site_is_fine(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(SITES / "minimal", site)
    (site / "static").mkdir()
    (site / "shared.txt").write_text("shared\n")
    os.symlink(site / "shared.txt", site / "static" / "shared.txt")
    with running_preview(site) as preview:
        assert not preview.site.problems
        assert raw_request(port_of(preview), "/luu-tru/shared.txt").body == b"shared\n"


def test_nothing_is_written_to_disk_but_the_build_cache(tmp_path, monkeypatch):
    monkeypatch.delenv("REFORM_ARCHIVE_CACHE_DIR")
    site = tmp_path / "site"
    shutil.copytree(SITES / "minimal", site)
    before = sorted(Path(site).rglob("*"))
    with running_preview(site):
        pass
    assert sorted(p for p in Path(site).rglob("*") if ".cache" not in p.relative_to(site).parts) == before
    assert (site / ".cache" / "articles").is_dir()  # shared with `build`: the same keys


def test_two_requests_on_one_kept_alive_connection(port):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    for target in ("/luu-tru/", "/luu-tru/assets/style.css"):
        connection.request("GET", target)
        response = connection.getresponse()
        assert response.status == 200 and response.read()
    connection.close()


def test_a_refused_request_body_is_never_taken_for_the_next_request(port):
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(
            f"POST /luu-tru/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 42\r\n\r\n"
            f"GET /luu-tru/../secret.txt HTTP/1.1\r\n\r\n".encode()
        )
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    assert data.startswith(b"HTTP/1.1 405") and b"Connection: close" in data
    assert data.count(b"HTTP/1.1 ") == 1


@pytest.mark.parametrize(
    ("host", "status"),
    [
        ("127.0.0.1:{port}", 200),
        ("localhost:{port}", 200),
        ("[::1]:{port}", 200),
        ("LOCALHOST:{port}", 200),
        ("evil.example:{port}", 400),
        ("evil.example", 400),
        ("127.0.0.1.evil.example", 400),
        ("", 400),
    ],
)
def test_only_loopback_host_names_are_answered(port, host, status):
    """A page on another site cannot point its own name at 127.0.0.1 and read the preview."""
    answer = raw_request(port, "/luu-tru/", host=host.format(port=port) or " ")
    assert answer.status == status
