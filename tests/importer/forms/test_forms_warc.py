import gzip
import io
import unicodedata

import forms_samples as s
import pytest
from forms_samples import no_network  # noqa: F401 (autouse: no test here may use the network)
from legacy_encodings import encode_windows_1258
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from reform_archive.importer.forms import read_pages

LEGACY_URL = "https://sonoivu.quangtri.gov.vn/tin-tuc/cu-123.html"


def _response(
    writer: WARCWriter, url: str, status: str, content_type: str, body: bytes, extra: list[tuple[str, str]] = ()
) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type), *extra], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))


def _request(writer: WARCWriter, url: str) -> None:
    headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "sonoivu.quangtri.gov.vn")], is_http_request=True)
    writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=headers))


def make_warc(gzipped: bool) -> bytes:
    """A crawl of the portal: warcinfo, then request/response pairs for two articles (one
    in Windows-1258 named only by the HTTP header), an image, a redirect, a 404 page and a
    metadata record."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "test"}))
    _request(writer, s.URL)
    _response(writer, s.URL, "200 OK", "text/html; charset=utf-8", s.json_ld_page().encode())
    _request(writer, "https://sonoivu.quangtri.gov.vn/uploads/2020/10/hoi-nghi.jpg")
    _response(
        writer,
        "https://sonoivu.quangtri.gov.vn/uploads/2020/10/hoi-nghi.jpg",
        "200 OK",
        "image/jpeg",
        b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4,
    )
    _response(
        writer,
        "https://sonoivu.quangtri.gov.vn/tin-tuc/123",
        "301 Moved Permanently",
        "text/html",
        b"<html><body><a href='/tin-tuc/day-manh-so-hoa-ho-so-123.html'>Moved</a></body></html>",
        [("Location", s.URL)],
    )
    _response(
        writer,
        "https://sonoivu.quangtri.gov.vn/khong-co",
        "404 Not Found",
        "text/html",
        b"<html><body><h1>Kh\xc3\xb4ng t\xc3\xacm th\xe1\xba\xa5y trang</h1></body></html>",
    )
    legacy = s.bare_page().replace('<meta charset="utf-8">', "")
    _response(writer, LEGACY_URL, "200 OK", "text/html; charset=windows-1258", encode_windows_1258(legacy))
    writer.write_record(
        writer.create_warc_record(
            s.URL, "metadata", payload=io.BytesIO(b"outlinks: 12"), warc_content_type="application/warc-fields"
        )
    )
    return out.getvalue()


@pytest.mark.parametrize("gzipped, name", [(False, "crawl.warc"), (True, "crawl.warc.gz"), (True, "crawl.bin")])
def test_exactly_the_html_pages_of_a_crawl(gzipped, name):
    data = make_warc(gzipped)
    pages, problems = read_pages(data, name)
    assert problems == []
    assert [page.url for page in pages] == [s.URL, LEGACY_URL]
    assert [page.origin for page in pages] == ["record 3", "record 8"]
    assert {page.form for page in pages} == {"warc"}
    first, second = pages
    assert first.raw == s.json_ld_page().encode()
    assert first.text.splitlines()[0] == s.TITLE and s.PARAGRAPHS[-1] in first.text
    assert (first.date, first.authors) == ("2020-10-14T08:15:00+07:00", ("Minh Châu", "Hà Vy"))
    assert second.date == "" and s.DATELINE in unicodedata.normalize("NFC", second.text)
    assert s.PARAGRAPHS[-1] in unicodedata.normalize("NFC", second.text)
    if gzipped:
        assert [page.line for page in pages] == [1, 1]
    else:  # the line each record starts on
        lines = data.split(b"\n")
        assert all(lines[page.line - 1].startswith(b"WARC/1") for page in pages)
        assert first.line > 1


def test_a_chunked_gzip_encoded_response_is_decoded():
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    body = gzip.compress(s.og_page().encode())
    chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)
    _response(
        writer, s.URL, "200 OK", "text/html", chunked, [("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")]
    )
    [page], problems = read_pages(out.getvalue(), "x.warc")
    assert problems == [] and page.raw == s.og_page().encode() and page.title == s.TITLE


def test_a_crawl_without_html_pages():
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    _request(writer, s.URL)
    _response(writer, s.URL, "302 Found", "text/html", b"", [("Location", "/")])
    _response(writer, s.IMAGE, "200 OK", "image/jpeg", b"\xff\xd8\xff")
    pages, problems = read_pages(out.getvalue(), "x.warc.gz")
    assert pages == []
    assert [p.message for p in problems] == ["no HTML pages in this WARC file (3 records)"]


def test_a_cut_short_gzip_keeps_the_pages_before_the_cut():
    data = make_warc(True)
    pages, problems = read_pages(data[: len(data) - 200], "crawl.warc.gz")
    assert [page.url for page in pages] == [s.URL, LEGACY_URL]
    assert [p.message for p in problems] == [
        "the file is cut short: record 9 ends before its declared length; 2 page(s) read, the last of them may be incomplete"
    ]
    pages, problems = read_pages(data[: len(data) // 2], "crawl.warc.gz")
    assert [page.url for page in pages] == [s.URL] and "cut short" in problems[0].message


def test_a_cut_short_uncompressed_warc():
    data = make_warc(False)
    pages, problems = read_pages(data[: len(data) - 2000], "crawl.warc")
    assert [page.url for page in pages] == [s.URL, LEGACY_URL]
    assert [p.message for p in problems] == [
        "the file is cut short: record 8 ends before its declared length; 2 page(s) read, the last of them may be incomplete"
    ]


@pytest.mark.parametrize(
    "data, message",
    [
        (b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", "not a WARC file: "),
        (gzip.compress(b"Tin tuc cai cach hanh chinh"), "not a WARC file: "),
        (b"WARC/1.0\r\nWARC-Type: response\r\n", ""),
    ],
)
def test_what_is_not_a_warc(data, message):
    pages, problems = read_pages(data, "x.warc.gz")
    assert pages == [] and problems and problems[0].message.startswith(message)


@pytest.mark.parametrize("gzipped", [False, True])
def test_an_archive_too_big_to_read_at_once_is_streamed_with_the_same_pages(gzipped, tmp_path, monkeypatch):
    from reform_archive.importer import batch
    from reform_archive.importer.pipeline import import_bytes

    data = make_warc(gzipped)
    path = tmp_path / "crawl.warc"
    path.write_bytes(data)
    monkeypatch.setattr(batch, "MAX_BYTES", 100)  # anything bigger than this is "too big to read at once"
    read = batch.read_file(path)
    assert read.archive and read.pages == ()
    streamed = [page for page in batch.archive_pages(path)]
    whole = import_bytes(data, path.name)
    assert [(p.origin, p.extraction.article.title) for p in streamed] == [
        (p.origin, p.extraction.article.title) for p in whole
    ]
    not_archive = tmp_path / "big.txt"
    not_archive.write_text("chữ " * 100, "utf-8")
    assert "more than the 20 MB an article can be" in batch.read_file(not_archive).error
