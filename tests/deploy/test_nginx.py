"""The nginx configurations of docs/deployment.md, read out of the page and run with Debian's
nginx on a free loopback port, serving the sample archive as `reform-archive build` writes
it: once at the domain root, once under /luu-tru/ (issue 23)."""

from __future__ import annotations

import contextlib
import gzip
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import SAMPLE, build_command
from hosting import DEPLOYMENT_DOC, Answer, documented_block, get, localised, nginx_blocks, running_nginx

CONFIGS = ("domain-root", "sub-path")
SECURITY_TXT = b"Contact: mailto:security@example.org\nExpires: 2030-01-01T00:00:00.000Z\n"
HTACCESS = b"Deny from all  # an Apache file: never served by nginx\n"
STAGING_SECRET = b"a half-written build"
IMMUTABLE = "public, max-age=31536000, immutable"


@dataclass(frozen=True)
class Deployed:
    """One documented configuration, running."""

    name: str
    port: int
    prefix: str  # the site's path: "/" or "/luu-tru/"
    output: Path  # what the build wrote

    def get(self, path: str, headers: dict[str, str] | None = None) -> Answer:
        """GET of a path below the site's own root ("" for the home page)."""
        return get(self.port, self.prefix + path, headers)

    def file(self, path: str) -> bytes:
        return (self.output / path).read_bytes()

    def first(self, pattern: str) -> str:
        """The site-relative path of the first built file matching pattern."""
        found = sorted(self.output.glob(pattern))
        assert found, f"the build wrote no {pattern}"
        return found[0].relative_to(self.output).as_posix()


def build(site: Path, output: Path, *options: str) -> Path:
    """`reform-archive build`, as a deployment runs it."""
    # with the gzip copies the documented blocks send through gzip_static (see the end of this file)
    subprocess.run(
        build_command(site, output, "--quiet", "--precompress", *options),
        check=True,
    )
    return output


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The sample archive with the static files hosts must treat specially."""
    site = tmp_path_factory.mktemp("deploy") / "site"
    shutil.copytree(SAMPLE, site)
    (site / "static" / ".well-known").mkdir(parents=True)
    (site / "static" / ".well-known" / "security.txt").write_bytes(SECURITY_TXT)
    (site / "static" / ".htaccess").write_bytes(HTACCESS)
    return site


@pytest.fixture(scope="module")
def servers(site, tmp_path_factory) -> Iterator[dict[str, Deployed]]:
    """Both documented blocks, each in its own nginx, for the whole module."""
    www = tmp_path_factory.mktemp("www")
    root_output = build(site, www / "archive")
    srv = tmp_path_factory.mktemp("srv")
    sub_output = build(site, srv / "luu-tru", "--base-url", "https://example.org/luu-tru/")
    for leftover in (".luu-tru.staging-123", ".luu-tru.previous-123"):  # what a killed build leaves beside it
        (srv / leftover).mkdir()
        (srv / leftover / "index.html").write_bytes(STAGING_SECRET)
    blocks = {
        "domain-root": localised(documented_block("domain-root"), {"root /srv/www/archive;": f'root "{root_output}";'}),
        "sub-path": localised(documented_block("sub-path"), {"root /srv/www;": f'root "{srv}";'}),
    }
    outputs = {"domain-root": ("/", root_output), "sub-path": ("/luu-tru/", sub_output)}
    with contextlib.ExitStack() as stack:
        running = {}
        for name in CONFIGS:
            port = stack.enter_context(running_nginx(blocks[name], tmp_path_factory.mktemp(f"nginx-{name}")))
            running[name] = Deployed(name, port, *outputs[name])
        yield running


@pytest.fixture(params=CONFIGS)
def deployed(request, servers) -> Deployed:
    return servers[request.param]


def test_every_nginx_block_in_the_docs_is_one_the_tests_run():
    blocks = nginx_blocks(DEPLOYMENT_DOC.read_text(encoding="utf-8"))
    assert sorted(b.name or "(unmarked)" for b in blocks) == sorted(CONFIGS), (
        "mark each ```nginx block of docs/deployment.md with <!-- tested: NAME --> on the line above "
        "and run it here, or write it as a fragment of one that is"
    )


def test_home_page_is_html_in_utf_8(deployed):
    answer = deployed.get("")
    assert answer.status == 200
    assert answer.headers["Content-Type"] == "text/html; charset=utf-8"
    assert answer.body == deployed.file("index.html")


def test_article_pages_are_served_at_their_pretty_urls(deployed):
    article = deployed.first("20[0-9][0-9]/[0-9][0-9]/*/index.html").removesuffix("index.html")
    folder = deployed.get(article)
    assert folder.status == 200
    assert folder.headers["Content-Type"] == "text/html; charset=utf-8"
    assert folder.body == deployed.file(article + "index.html")
    assert deployed.get(article + "index.html").body == folder.body
    without_slash = deployed.get(article.rstrip("/"))
    assert without_slash.status == 301
    assert urlsplit(without_slash.headers["Location"]).path == deployed.prefix + article


def test_a_missing_page_is_a_404_with_the_sites_own_page(deployed):
    answer = deployed.get("2022/09/khong-co-bai-nay/")
    assert answer.status == 404
    assert answer.body == deployed.file("404.html")
    assert answer.headers["Content-Type"] == "text/html; charset=utf-8"


def test_a_missing_search_file_is_a_404_with_the_sites_page_never_cached_for_a_year(deployed):
    shard = deployed.first("search/index-*/0.json").rsplit("/", 1)[0]
    for missing in (f"{shard}/999999.json", deployed.first("search/docs-*/0.json").replace("/0.json", "/999999.json")):
        answer = deployed.get(missing)
        assert answer.status == 404, missing
        assert answer.body == deployed.file("404.html"), missing
        assert "Cache-Control" not in answer.headers, missing


def test_well_known_is_served(deployed):
    answer = deployed.get(".well-known/security.txt")
    assert answer.status == 200
    assert answer.body == SECURITY_TXT
    assert answer.headers["Content-Type"] == "text/plain; charset=utf-8"


def test_other_dot_files_are_not_served(deployed):
    assert deployed.file(".htaccess") == HTACCESS  # the build publishes it; the server must not
    answer = deployed.get(".htaccess")
    assert answer.status == 403
    assert HTACCESS not in answer.body


@pytest.mark.parametrize(
    "target", ["/.luu-tru.staging-123/index.html", "/.luu-tru.staging-123/", "/.luu-tru.previous-123/index.html"]
)
def test_the_builds_folders_beside_a_sub_path_site_are_not_served(servers, target):
    answer = get(servers["sub-path"].port, target)
    assert answer.status in (403, 404), target
    assert STAGING_SECRET not in answer.body


def test_the_folder_of_a_sub_path_site_redirects_to_its_slash(servers):
    answer = get(servers["sub-path"].port, "/luu-tru")
    assert answer.status == 301
    assert urlsplit(answer.headers["Location"]).path == "/luu-tru/"


@pytest.mark.parametrize(
    ("pattern", "cache_control"),
    [
        ("search/index-*/0.json", IMMUTABLE),
        ("search/facets.*.json", IMMUTABLE),
        ("search/docs-*/0.json", "public, max-age=600"),
        ("search/manifest.json", "no-cache"),
    ],
)
def test_search_data_has_its_cache_header_and_is_compressed(deployed, pattern, cache_control):
    path = deployed.first(pattern)
    plain = deployed.get(path)
    assert plain.status == 200
    assert plain.headers["Cache-Control"] == cache_control
    assert plain.headers["Content-Type"] == "application/json"
    assert plain.body == deployed.file(path)
    assert "Content-Encoding" not in plain.headers
    compressed = deployed.get(path, {"Accept-Encoding": "gzip"})
    assert compressed.status == 200
    assert compressed.headers["Cache-Control"] == cache_control
    assert compressed.headers["Content-Encoding"] == "gzip"
    assert compressed.headers["Vary"] == "Accept-Encoding"
    assert gzip.decompress(compressed.body) == deployed.file(path)


@pytest.mark.parametrize("path", ["", "search/", "feed.xml", "assets/style.css", "assets/vendor/lunr-2.3.9.min.js"])
def test_pages_and_assets_are_compressed_and_not_cached_for_a_year(deployed, path):
    answer = deployed.get(path, {"Accept-Encoding": "gzip"})
    assert answer.status == 200
    assert answer.headers["Content-Encoding"] == "gzip"
    assert "immutable" not in answer.headers.get("Cache-Control", "")


# --- Precompressed files: gzip_static ------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "cache_control"),
    [
        ("index.html", None),
        ("search/index.html", None),
        ("feed.xml", None),
        ("search/manifest.json", "no-cache"),
    ],
)
def test_the_builds_gzip_copy_is_sent_as_it_is(deployed, pattern, cache_control):
    path = deployed.first(pattern)
    copy = deployed.file(path + ".gz")  # made by build --precompress
    url = path.removesuffix("index.html")
    compressed = deployed.get(url, {"Accept-Encoding": "gzip"})
    assert compressed.status == 200
    assert compressed.headers["Content-Encoding"] == "gzip"
    assert compressed.body == copy  # the copy's own bytes: not compressed again on the request
    assert compressed.headers.get("Cache-Control") == cache_control
    plain = deployed.get(url)
    assert plain.body == deployed.file(path) and "Content-Encoding" not in plain.headers
