import codecs
import gzip
import json

import forms_samples as s
import pytest
from forms_samples import no_network  # noqa: F401 (autouse: no test here may use the network)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reform_archive.importer.forms import FORMS, FormProblem, RawPage, read_pages, sniff
from reform_archive.importer.forms.dates import iso_date

SUFFIXES = [
    "trang.txt",
    "trang",
    "trang.html",
    "trang.htm",
    "trang.xhtml",
    "tin.xml",
    "tin.rss",
    "tin.atom",
    "bai.jsonl",
    "bai.ndjson",
    "bai.json",
    "bai.csv",
    "bai.tsv",
    "crawl.warc",
    "crawl.warc.gz",
    "crawl.arc",
]


def test_the_public_api():
    from reform_archive.importer import forms

    assert forms.__all__ == sorted(forms.__all__)
    assert {"RawPage", "FormProblem", "read_pages"} <= set(forms.__all__)
    assert FORMS == ("text", "html", "feed", "jsonl", "csv", "warc")


@pytest.mark.parametrize(
    "data, name, form",
    [
        (b"Tin t\xe1\xbb\xa9c\nN\xe1\xbb\x99i dung", "trang.txt", "text"),
        (b"Tin tuc", "trang.html", "html"),
        (b"<!DOCTYPE html><html><body>x</body></html>", "trang.txt", "html"),
        (b"  <!-- saved -->\n<HTML lang='vi'>", "trang", "html"),
        (codecs.BOM_UTF16_LE + "<!doctype html><html>".encode("utf-16-le"), "trang.txt", "html"),
        (b'<?xml version="1.0" encoding="utf-8"?>\n<!-- feed -->\n<rss version="2.0">', "tin.txt", "feed"),
        (
            b'<?xml version="1.0"?><?xml-stylesheet href="a.xsl"?><feed xmlns="http://www.w3.org/2005/Atom">',
            "a",
            "feed",
        ),
        (b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', "tin", "feed"),
        (b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">', "a.xml", "html"),
        (b"<urlset>", "sitemap.xml", "feed"),  # the suffix: the feed reader then says what it is not
        (b'{"title": "a"}\n', "bai.txt", "jsonl"),
        (b'[{"title": "a"}]', "bai", "jsonl"),
        (b'[{"title": "a"},\n {"title": "b"}]', "bai.txt", "jsonl"),  # one document over several lines
        # a scraper's dump that only looks like JSON: read as a page's text, nothing is lost
        (
            b"{ title: 'Huy\xe1\xbb\x87n A', time: 07:30 }\n\xe1\xbb\xa6y ban nh\xc3\xa2n d\xc3\xa2n\n",
            "dump.txt",
            "text",
        ),
        (b'{"title": "a", "body": "b"} extra\n', "bai.txt", "text"),
        (b"[Tin t\xe1\xbb\xa9c] N\xe1\xbb\x99i dung", "trang.txt", "text"),
        (b"title,body\na,b", "bai.csv", "csv"),
        (b"title,body\na,b", "bai.txt", "text"),  # a table only by its name
        (b"WARC/1.0\r\n", "x.bin", "warc"),
        (gzip.compress(b"WARC/1.1\r\nWARC-Type: warcinfo\r\n"), "x.gz", "warc"),
        (gzip.compress(b"<html>"), "crawl.warc.gz", "warc"),
        (b"anything", "crawl.WARC", "warc"),
    ],
)
def test_sniff(data, name, form):
    assert sniff(data, name) == form


def test_plain_text_passes_through_with_its_decoded_text():
    data = "Tiêu đề\r\nNội dung".encode()
    assert read_pages(data, "trang.txt", "decoded") == ([RawPage(text="decoded", raw=data)], [])
    [page], _ = read_pages(data, "trang.txt")
    assert page.text == "Tiêu đề\r\nNội dung" and page.form == "text"
    assert read_pages(b"", "trang.txt") == ([], [FormProblem(1, "file is empty")])


@pytest.mark.parametrize(
    "value, iso",
    [
        ("2020-10-14T08:15:00+07:00", "2020-10-14T08:15:00+07:00"),
        ("2020-10-14T08:15:00.123Z", "2020-10-14T08:15:00+00:00"),
        ("2020-10-14T08:15:00+0700", "2020-10-14T08:15:00+07:00"),
        ("2020-10-14 08:15", "2020-10-14T08:15:00"),
        ("2020/10/14", "2020-10-14"),
        ("20201014", "2020-10-14"),
        ("Wed, 14 Oct 2020 08:15:00 +0700", "2020-10-14T08:15:00+07:00"),
        ("Wed, 14 Oct 2020 01:15:00 GMT", "2020-10-14T01:15:00+00:00"),
        ("Wed, 14 Oct 2020", "2020-10-14"),
        ("14/10/2020", "2020-10-14"),
        ("Thứ Tư, 14/10/2020 08:15", "2020-10-14T08:15:00"),
        ("08:15 14-10-2020", "2020-10-14T08:15:00"),
        ("1602638100", "2020-10-14T01:15:00+00:00"),
        (1602638100000, "2020-10-14T01:15:00+00:00"),
        ("2020-02-30", ""),
        ("2020-10-14T25:00", ""),
        ("14/10/2020 và 15/10/2020", ""),  # two dates: which one is not ours to guess
        ("12", ""),
        (True, ""),
        (None, ""),
        ("hôm qua", ""),
    ],
)
def test_iso_dates(value, iso):
    assert iso_date(value) == iso


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=3000), name=st.sampled_from(SUFFIXES))
def test_random_bytes_never_raise(data, name):
    pages, problems = read_pages(data, name)
    assert all(isinstance(problem, FormProblem) and problem.line >= 1 and problem.message for problem in problems)
    assert all(isinstance(page, RawPage) and page.form in FORMS for page in pages)
    assert not any("could not read this file" in problem.message for problem in problems), problems


PREFIXES = [
    b"",
    b"WARC/1.0\r\n",
    b"\x1f\x8b\x08\x00",
    b"<rss><channel><item>",
    b'<?xml version="1.0"?><feed>',
    b"<!DOCTYPE html><html><body>",
    b'{"body": "',
    b"[{",
    b"title,body\n",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    prefix=st.sampled_from(PREFIXES),
    rest=st.binary(max_size=2000) | st.text(max_size=800).map(str.encode),
    name=st.sampled_from(SUFFIXES),
)
def test_bytes_that_start_like_each_form_never_raise(prefix, rest, name):
    _, problems = read_pages(prefix + rest, name)
    assert not any("could not read this file" in problem.message for problem in problems), problems


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cut=st.integers(min_value=0, max_value=100), name=st.sampled_from(["t.html", "t.rss", "t.jsonl", "t.csv"]))
def test_any_cut_of_a_good_file_never_raises(cut, name):
    whole = {
        "t.html": s.json_ld_page(),
        "t.rss": s.rss_feed(),
        "t.jsonl": "\n".join(json.dumps({"title": x["title"], "body": x["paragraphs"]}) for x in s.STORIES),
        "t.csv": 'title,body\n"a","b\nc"\n',
    }[name].encode()
    _, problems = read_pages(whole[: len(whole) * cut // 100], name)
    assert not any("could not read this file" in problem.message for problem in problems), problems
