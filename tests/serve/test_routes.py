"""Request target -> answer, without a server: the table of what a careful host does."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reform_archive.serve.routes import LIVE_EVENTS, LIVE_SCRIPT, Route, content_type, inject, live_tag, route

FILES = {
    "index.html": b"home",
    "404.html": b"missing",
    "2022/09/mot-cua/index.html": b"article",
    "assets/style.css": b"css",
    "search/manifest.json": b"{}",
    "tài liệu/bản đồ.pdf": b"%PDF",
}


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/luu-tru/", Route("file", "index.html")),
        ("/luu-tru/?q=hanh+chinh", Route("file", "index.html")),
        ("/luu-tru/2022/09/mot-cua/", Route("file", "2022/09/mot-cua/index.html")),
        ("/luu-tru/2022/09/mot-cua/index.html", Route("file", "2022/09/mot-cua/index.html")),
        ("/luu-tru/assets/style.css", Route("file", "assets/style.css")),
        ("/luu-tru/t%C3%A0i%20li%E1%BB%87u/b%E1%BA%A3n%20%C4%91%E1%BB%93.pdf", Route("file", "tài liệu/bản đồ.pdf")),
        # folders without their slash are redirected, keeping the query
        ("/luu-tru/2022/09/mot-cua", Route("redirect", "/luu-tru/2022/09/mot-cua/")),
        ("/luu-tru/2022/09/mot-cua?a=1", Route("redirect", "/luu-tru/2022/09/mot-cua/?a=1")),
        # the sub-path: / and /luu-tru lead to the site, anything else outside it is missing
        ("/", Route("redirect", "/luu-tru/")),
        ("/luu-tru", Route("redirect", "/luu-tru/")),
        ("/index.html", Route("not_found")),
        ("/luu-trux/", Route("not_found")),
        ("/luu-tru/2022/", Route("not_found")),
        ("/luu-tru/nope.html", Route("not_found")),
        ("/luu-tru//index.html", Route("not_found")),
        # live reload lives outside the site, whatever its sub-path
        (LIVE_SCRIPT, Route("live", LIVE_SCRIPT)),
        (LIVE_EVENTS + "?v=1", Route("live", LIVE_EVENTS)),
    ],
)
def test_routes_under_a_sub_path(target, expected):
    assert route(target, "/luu-tru/", FILES) == expected


@pytest.mark.parametrize(
    "target",
    [
        "/luu-tru/../site.toml",
        "/luu-tru/..",
        "/luu-tru/./index.html",
        "/luu-tru/%2e%2e/site.toml",
        "/luu-tru/%2E%2E/%2E%2E/etc/passwd",
        "/luu-tru/.%2e/site.toml",
        "/luu-tru/assets%2fstyle.css",
        "/luu-tru/assets%2Fstyle.css",
        "/luu-tru/..%2f..%2fetc%2fpasswd",
        "/luu-tru/..%5c..%5csite.toml",
        "/luu-tru/a\\..\\site.toml",
        "/luu-tru/index.html%00.css",
        "/luu-tru/%0d%0aSet-Cookie:x",
        "/luu-tru/%ff",
        "//etc/passwd",
        "http://example.org/luu-tru/",
        "*",
        "index.html",
    ],
)
def test_traversal_and_malformed_targets_are_refused(target):
    assert route(target, "/luu-tru/", FILES).kind == "bad_request"


def test_the_domain_root_site():
    assert route("/", "/", FILES) == Route("file", "index.html")
    assert route("/assets/style.css", "/", FILES) == Route("file", "assets/style.css")
    assert route("/luu-tru/", "/", FILES) == Route("not_found")


_SEGMENT = st.one_of(
    st.sampled_from(
        [
            "..",
            ".",
            "%2e%2e",
            "%2E.",
            "%2f",
            "%00",
            "%5c",
            "",
            "index.html",
            "assets",
            "style.css",
            "2022",
            "%ff",
            "%",
            "%2",
            "t%C3%A0i",
        ]
    ),
    st.text(min_size=1, max_size=8),
)


@given(st.lists(_SEGMENT, max_size=6), st.sampled_from(["/", "/luu-tru/"]))
def test_any_target_answers_without_error_and_only_with_built_files(segments, base):
    target = "/" + "/".join(segments)
    answer = route(target, base, FILES)
    assert answer.kind in ("file", "redirect", "live", "not_found", "bad_request")
    if answer.kind == "file":
        assert answer.target in FILES
        assert ".." not in answer.target.split("/")
    if answer.kind == "redirect":
        assert answer.target.startswith("/") and not answer.target.startswith("//")
        assert all(ord(c) > 0x20 and ord(c) < 0x7F for c in answer.target)  # safe in a Location header


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("index.html", "text/html; charset=utf-8"),
        ("assets/style.css", "text/css; charset=utf-8"),
        ("assets/vendor/lunr-2.3.9.min.js", "text/javascript; charset=utf-8"),
        ("search/manifest.json", "application/json; charset=utf-8"),
        ("feed.xml", "application/xml; charset=utf-8"),
        ("robots.txt", "text/plain; charset=utf-8"),
        ("logo.svg", "image/svg+xml; charset=utf-8"),
        ("anh/ANH.PNG", "image/png"),
        ("fonts/a.woff2", "font/woff2"),
        ("CNAME", "application/octet-stream"),
    ],
)
def test_content_types(key, expected):
    assert content_type(key) == expected


def test_the_live_tag_goes_before_the_last_body_end():
    tag = live_tag("abc-1", "vi")
    assert inject(b"<html><body><p>x</p></BODY></html>", tag) == b"<html><body><p>x</p>" + tag + b"</BODY></html>"
    assert inject(b"<p>no body</p>", tag) == b"<p>no body</p>" + tag
    assert b'data-version="abc-1"' in tag and b'data-language="vi"' in tag


@pytest.mark.parametrize("base", ["/lưu-trữ/", "/l%C6%B0u-tr%E1%BB%AF/"])
def test_a_vietnamese_sub_path_either_way_it_is_spelled(base):
    assert route("/l%C6%B0u-tr%E1%BB%AF/", base, FILES) == Route("file", "index.html")
    assert route("/lưu-trữ/index.html", base, FILES) == Route("file", "index.html")
    assert route("/", base, FILES) == Route("redirect", "/l%C6%B0u-tr%E1%BB%AF/")
    assert route("/l%C6%B0u-tr%E1%BB%AF?q=1", base, FILES) == Route("redirect", "/l%C6%B0u-tr%E1%BB%AF/?q=1")
