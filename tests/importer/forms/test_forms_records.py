import csv
import io
import json

import forms_samples as s
import pytest
from forms_samples import no_network  # noqa: F401 (autouse: no test here may use the network)
from legacy_encodings import encode_windows_1258

from reform_archive.importer.forms import read_pages

FIRST, SECOND, THIRD = s.STORIES


def jsonl(*records: object) -> bytes:
    return "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records).encode() + b"\n"


def test_jsonl_with_a_bad_line_reads_the_others_and_names_the_line():
    data = jsonl(
        {
            "url": FIRST["url"],
            "title": FIRST["title"],
            "published_at": "2020-10-05T14:30:00+07:00",
            "body": "\n".join(FIRST["paragraphs"]),
            "author": FIRST["author"],
            "id": 17,
        },
        '{"url": "https://x.vn/1", "title": "Hỏng" "body": "..."}',
        "",
        {
            "link": SECOND["url"],
            "headline": SECOND["title"],
            "datePublished": "06/10/2020 09:00",
            "content_html": "".join(f"<p>{t}</p>" for t in SECOND["paragraphs"]),
            "authors": ["Minh Châu", {"name": "Hà Vy"}],
            "image": {"url": "https://x.vn/a.jpg"},
        },
    )
    pages, problems = read_pages(data, "bai.jsonl")
    assert [(p.line, p.message) for p in problems] == [(2, "not valid JSON (Expecting ',' delimiter); skipped")]
    first, second = pages
    assert (first.origin, first.line, first.form) == ("line 1", 1, "jsonl")
    assert first.text.splitlines() == [FIRST["title"], *FIRST["paragraphs"]]
    assert (first.url, first.date, first.authors) == (FIRST["url"], FIRST["iso"], (FIRST["author"],))
    assert first.raw == data.split(b"\n")[0]
    assert (second.origin, second.line) == ("line 4", 4)
    assert second.text.splitlines() == [SECOND["title"], *SECOND["paragraphs"]]
    assert second.date == "2020-10-06T09:00:00"  # no offset given: none invented
    assert second.authors == ("Minh Châu", "Hà Vy") and second.image == "https://x.vn/a.jpg"


def test_record_problems_are_specific():
    data = jsonl(
        {"title": "Không có thân bài", "text": ""},
        ["một", "mảng"],
        {"title": "A", "body": "Nội dung.", "date": "hôm qua"},
    )
    pages, problems = read_pages(data, "bai.ndjson")
    assert [(p.line, p.message) for p in problems] == [  # the line is the problem's own: not said twice
        (1, "the text field is empty; skipped"),
        (2, "a JSON array, not an object; skipped"),
        (3, "the date field, 'hôm qua', is not a date; the text's dateline is used"),
    ]
    assert [p.text for p in pages] == ["A\nNội dung."]


def test_a_file_whose_records_have_no_body_says_which_names_it_accepts():
    pages, problems = read_pages(jsonl({"tieu_de": "A", "mo_ta": "B"}, {"tieu_de": "C"}), "bai.jsonl")
    assert pages == []
    assert problems[0].message.startswith("no record has a body field (found: mo_ta, tieu_de; accepted: body, text,")


def test_the_lead_is_kept_when_the_body_lacks_it_and_the_title_is_not_repeated():
    data = jsonl(
        {
            "title": THIRD["title"],
            "sapo": "Góp ý trước ngày 20/10.",
            "text": THIRD["title"] + "\n" + THIRD["paragraphs"][0],
        }
    )
    [page], _ = read_pages(data, "bai.jsonl")
    assert page.text.splitlines() == [THIRD["title"], "Góp ý trước ngày 20/10.", THIRD["paragraphs"][0]]


def test_a_whole_saved_page_in_an_html_field_is_read_as_a_page():
    data = jsonl({"url": s.URL, "html": s.json_ld_page(), "date": "2020-10-14"})
    [page], problems = read_pages(data, "bai.jsonl")
    assert problems == []
    assert page.text.splitlines()[0] == s.TITLE and s.PARAGRAPHS[-1] in page.text
    assert "Bản quyền thuộc về" not in page.text
    assert page.date == "2020-10-14"  # the record's own field wins
    assert page.authors == ("Minh Châu", "Hà Vy")  # the page's metadata fills the rest
    assert page.title == s.TITLE


def test_a_json_array_keeps_each_elements_line_and_bytes():
    records = [
        {"title": story["title"], "content": "\n".join(story["paragraphs"]), "date": story["date"]}
        for story in s.STORIES
    ]
    data = json.dumps(records, ensure_ascii=False, indent=2).encode()
    pages, problems = read_pages(data, "bai.json")
    assert problems == []
    assert [page.origin for page in pages] == ["item 1", "item 2", "item 3"]
    for page, record in zip(pages, records, strict=True):
        assert json.loads(page.raw) == record and page.raw in data
        assert data.split(b"\n")[page.line - 1].strip() == b"{"
        assert page.date == next(st["iso"] for st in s.STORIES if st["title"] == record["title"])


def test_an_object_holding_the_array_and_a_single_object():
    records = [{"title": story["title"], "body": story["paragraphs"]} for story in s.STORIES]
    pages, _ = read_pages(json.dumps({"count": 3, "items": records}).encode(), "bai.json")
    assert [page.title for page in pages] == [story["title"] for story in s.STORIES]
    assert pages[0].text.splitlines() == [FIRST["title"], *FIRST["paragraphs"]]
    [single], _ = read_pages(json.dumps(records[0]).encode(), "bai.json")
    assert single.origin == "" and single.text == pages[0].text


@pytest.mark.parametrize(
    "data, message",
    [
        (b'[{"title": "a",\n "body": }]', "not valid JSON: Expecting value (line 2)"),
        (b'{"body": "Tin"}\n' + b'{"body": "\xff"}\n', "not UTF-8 (byte 0xff); skipped"),
        (b"42", "a JSON number, not an object or an array of objects"),
    ],
)
def test_bad_json(data, message):
    assert message in [p.message for p in read_pages(data, "bai.json")[1]]


def csv_bytes(rows: list[list[str]], delimiter: str = ",") -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode("utf-8")


def test_csv_with_multi_line_bodies():
    rows = [["Tiêu đề", "Ngày đăng", "Tác giả", "URL", "Nội dung"]] + [
        [story["title"], story["date"], story["author"], story["url"], "\n".join(story["paragraphs"])]
        for story in s.STORIES
    ]
    data = csv_bytes(rows)
    pages, problems = read_pages(data, "bai.csv")
    assert problems == []
    assert [page.origin for page in pages] == ["row 2", "row 3", "row 4"]
    assert [page.line for page in pages] == [2, 4, 6]  # the first two bodies span two lines
    for page, story in zip(pages, s.STORIES, strict=True):
        assert page.text.splitlines() == [story["title"], *story["paragraphs"]]
        assert (page.date, page.authors, page.url, page.form) == (story["iso"], (story["author"],), story["url"], "csv")
        assert page.raw in data and page.raw.startswith(story["title"].encode())


def test_semicolons_tsv_a_bom_and_windows_1258():
    rows = [["headline", "published", "text"], [FIRST["title"], "05/10/2020", FIRST["paragraphs"][0]]]
    for data, name in [
        (b"\xef\xbb\xbf" + csv_bytes(rows, ";"), "bai.csv"),
        (csv_bytes(rows, "\t"), "bai.tsv"),
        (encode_windows_1258(csv_bytes(rows).decode()), "bai.csv"),
    ]:
        [page], problems = read_pages(data, name)
        assert problems == []
        assert page.title.startswith("Huy") and page.date == "2020-10-05"


def test_csv_without_a_header():
    data = csv_bytes([[FIRST["title"], "05/10/2020", FIRST["paragraphs"][0]]])
    [problem] = read_pages(data, "bai.csv")[1]
    assert problem.message.startswith("row 1 is not a header naming the fields (found: Huyện Gio Linh")


def test_csv_without_a_body_column_names_what_it_found():
    data = csv_bytes([["title", "date", "tom_tat"], ["A", "2020-10-05", "B"]])
    [problem] = read_pages(data, "bai.csv")[1]
    assert problem.message == (
        "no body column: found columns title, date, tom_tat; accepted names for it: "
        "body, text, content, article, articleBody, main_text, html, content_html, body_html, raw_html, nội dung"
    )


def test_csv_rows_with_problems():
    data = csv_bytes([["title", "body"], ["A", ""], ["B", "Nội dung.", "thừa"], [], ["C", "Nội dung C."]])
    pages, problems = read_pages(data, "bai.csv")
    assert [page.title for page in pages] == ["B", "C"]
    assert [(p.line, p.message) for p in problems] == [
        (2, "row 2: the body field is empty; skipped"),
        (3, "row 3: 3 cells where the header has 2; read as far as they go"),
    ]
    assert pages[1].origin == "row 5"


def test_problems_about_pages_still_read_are_warnings():
    data = jsonl({"title": "A", "body": "Nội dung.", "date": "hôm qua"}, {"title": "B"}, {"title": "C", "body": "X."})
    _, problems = read_pages(data, "bai.jsonl")
    assert [(p.line, p.warning) for p in problems] == [(1, True), (2, False)]
    rows = csv_bytes([["title", "body"], ["B", "Nội dung.", "thừa"]])
    [page], [problem] = read_pages(rows, "bai.csv")
    assert problem.warning and page.encoding == "utf-8"
    [page], _ = read_pages(encode_windows_1258(rows.decode()), "bai.csv")
    assert page.encoding == "cp1258" and page.raw == encode_windows_1258("B,Nội dung.,thừa")
