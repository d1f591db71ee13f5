"""Legal-document pages (issue 22, item 3): each cited document's type, number, issuer, date
and subject read from how the articles cite it, an optional data file that says better, and
an index grouped by type and year, sorted as people read numbers."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from conftest import build_to_disk, build_to_memory
from hypothesis import given, settings
from hypothesis import strategies as st
from sitemaker import article, make_site

from benchmarks.legal_citations import CORPUS, held_out, score
from reform_archive.build import BuildOptions
from reform_archive.errors import ContentError
from reform_archive.serve.site import PreviewSite
from reform_archive.site.legal import KIND_ORDER, LegalDocument, reading_order
from reform_archive.source.citations import Citation, find_citations
from reform_archive.source.document_data import parse_document_data
from reform_archive.source.documents import issuer_from_code, kind_from_code


def one(text: str, number: str) -> Citation:
    found = [c for c in find_citations(text, (number,)) if c.number == number]
    assert found, f"{number} not found in {text!r}"
    return found[0]


# --- one article's sentence -------------------------------------------------------------


def test_the_full_official_shape_gives_every_part():
    c = one(
        "Thực hiện Quyết định số 1291/QĐ-BNV ngày 12/11/2020 của Bộ Nội vụ về việc ban hành quy chế mẫu, "
        "huyện đã rà soát toàn bộ thủ tục.",
        "1291/QĐ-BNV",
    )
    assert (c.kind, c.issued, c.issuer) == ("Quyết định", "2020-11-12", "Bộ Nội vụ")
    assert c.subject == "về việc ban hành quy chế mẫu"  # the article's own clause is not the title


def test_issuer_before_the_date_and_the_date_in_words():
    c = one(
        "Nghị quyết số 76/NQ-CP của Chính phủ ngày 15 tháng 7 năm 2021 về Chương trình tổng thể cải cách "
        "hành chính nhà nước giai đoạn 2021 - 2030.",
        "76/NQ-CP",
    )
    assert (c.kind, c.issued, c.issuer) == ("Nghị quyết", "2021-07-15", "Chính phủ")
    assert c.subject.startswith("về Chương trình tổng thể") and c.subject.endswith("2021 - 2030")


def test_a_number_written_carelessly_is_still_the_document():
    c = one("Theo nghị định 61/2018/nđcp, bộ phận một cửa tiếp nhận hồ sơ.", "61/2018/NĐ-CP")
    assert c.kind == "Nghị định"
    assert c.sentence[c.at :].startswith("61/2018/nđcp")


def test_a_meeting_date_elsewhere_in_the_sentence_is_not_the_documents():
    c = one("Sáng 20/3/2024, hội nghị quán triệt Kế hoạch 125/KH-UBND đã thu hút 200 đại biểu.", "125/KH-UBND")
    assert c.issued == ""
    assert c.subject == ""


def test_a_date_that_contradicts_the_numbers_year_is_dropped():
    assert one("Nghị định 61/2018/NĐ-CP ngày 1/7/2020 của Chính phủ", "61/2018/NĐ-CP").issued == ""


def test_a_law_is_named_between_its_type_and_its_number():
    c = one("Theo Luật Tổ chức chính quyền địa phương số 77/2015/QH13, xã có nhiệm vụ…", "77/2015/QH13")
    assert (c.kind, c.subject) == ("Luật", "Tổ chức chính quyền địa phương")


def test_the_issuer_after_a_list_belongs_to_every_document_of_it():
    text = "Nghị định số 61/2018/NĐ-CP và Nghị định số 107/2021/NĐ-CP của Chính phủ được thực hiện nghiêm."
    first, second = find_citations(text, ("61/2018/NĐ-CP", "107/2021/NĐ-CP"))
    assert first.issuer == second.issuer == "Chính phủ"


def test_a_citation_inside_parentheses_ends_its_subject_at_the_closing_one():
    c = one(
        "Đề án 06 (Quyết định số 06/QĐ-TTg ngày 6/1/2022 của Thủ tướng Chính phủ phê duyệt Đề án phát triển "
        "ứng dụng dữ liệu về dân cư) được triển khai rộng khắp.",
        "06/QĐ-TTg",
    )
    assert (c.issuer, c.issued) == ("Thủ tướng Chính phủ", "2022-01-06")
    assert c.subject == "phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư"


def test_the_party_is_not_read_as_a_verb():
    c = one(
        "Chỉ thị số 11-CT/TU của Ban Thường vụ Tỉnh ủy về tăng cường sự lãnh đạo của Đảng trong công tác cải "
        "cách hành chính.",
        "11-CT/TU",
    )
    assert c.issuer == "Ban Thường vụ Tỉnh ủy"
    assert c.subject.endswith("của Đảng trong công tác cải cách hành chính")


def test_an_issuer_named_before_ban_hanh():
    c = one("Năm 2023, UBND tỉnh Bình Định ban hành Kế hoạch số 45/KH-UBND về cải cách hành chính.", "45/KH-UBND")
    assert c.issuer == "UBND tỉnh Bình Định"


def test_english_citations():
    c = one(
        "Decree No. 61/2018/ND-CP dated April 23, 2018 of the Government on implementing the one-stop-shop "
        "mechanism is in force.",
        "61/2018/ND-CP",
    )
    assert (c.kind, c.issued, c.issuer) == ("Nghị định", "2018-04-23", "the Government")
    assert c.subject == "on implementing the one-stop-shop mechanism"


def test_only_the_articles_own_documents_are_looked_for():
    assert find_citations("Nghị định 61/2018/NĐ-CP của Chính phủ", ()) == ()
    assert find_citations("Nghị định 61/2018/NĐ-CP của Chính phủ", ("107/2021/NĐ-CP",)) == ()
    assert find_citations("Nghị định 161/2018/NĐ-CP và 61/2018/NĐ-CPX", ("61/2018/NĐ-CP",)) == ()


_WORDS = st.sampled_from(
    [
        "Nghị định",
        "số",
        "ngày",
        "23/4/2018",
        "của",
        "Chính phủ",
        "về",
        "việc",
        "(",
        ")",
        ",",
        ".",
        "“",
        "”",
        "61/2018/NĐ-CP",
        "61/2018/NĐCP",
        "tỉnh",
        "đã",
        "Decree",
        "No.",
        "dated",
        "April",
        "23,",
        "2018",
        "of",
        "the",
        "on",
        "\n",
        "Luật",
        "Đảng",
        "ban hành",
        "và",
        "5-CT/TU",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=40), st.text(max_size=30))
def test_any_text_gives_citations_of_listed_numbers_at_their_place(words, noise):
    text = " ".join(words) + noise
    for citation in find_citations(text, ("61/2018/NĐ-CP", "05-CT/TU")):
        assert citation.number in ("61/2018/NĐ-CP", "05-CT/TU")
        assert citation.sentence[citation.at : citation.at + 2] in ("61", "5-", "05")
        assert citation.issued == "" or citation.issued.startswith("2018") or citation.number == "05-CT/TU"
        assert len(citation.subject.split()) <= 45


# --- the number's code ------------------------------------------------------------------


@pytest.mark.parametrize(
    "number, kind, certain, issuer",
    [
        ("61/2018/NĐ-CP", "Nghị định", True, "Chính phủ"),
        ("23/CT-TTg", "Chỉ thị", True, "Thủ tướng Chính phủ"),
        ("05-NQ/TU", "Nghị quyết", True, ""),
        ("77/2015/QH13", "Luật", False, "Quốc hội"),
        ("1234/UBND-NC", "Công văn", False, ""),
        ("02/2021/TT-BNV", "Thông tư", True, "Bộ Nội vụ"),
    ],
)
def test_what_a_numbers_code_says(number, kind, certain, issuer):
    assert kind_from_code(number) == (kind, certain)
    assert issuer_from_code(number) == issuer


# --- the data file ----------------------------------------------------------------------

DATA = """# what the editor knows for certain
["Nghị định số 61/2018/NĐ-CP"]
subject = "Về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính"
issued = 2018-04-23
link = "https://vanban.example.vn/61-2018"
"""


def test_the_data_file_is_read_by_normalised_number():
    facts, problems = parse_document_data(DATA, "data/documents.toml")
    assert problems == []
    assert facts["61/2018/NĐ-CP"].issued == "2018-04-23"
    assert facts["61/2018/NĐ-CP"].link == "https://vanban.example.vn/61-2018"


def test_every_problem_of_the_data_file_at_once_with_its_line():
    text = (
        '["61/2018/NĐ-CP"]\nissued = "23/4/2018"\ntitle = "x"\n\n["not a number"]\nkind = "Luật"\n\n'
        '["23/CT-TTg"]\nlink = "vanban.example.vn"\n'
    )
    _, problems = parse_document_data(text, "data/documents.toml")
    assert [(p.line, p.message.split(" ")[0]) for p in problems] == [
        (2, "'issued'"),
        (3, "unknown"),
        (5, "'not"),
        (9, "'link'"),
    ]
    assert all(p.path == "data/documents.toml" for p in problems)


def test_a_broken_data_file_says_where_in_vietnamese_too():
    _, problems = parse_document_data('["61/2018/NĐ-CP"\nkind = 1\n', "d.toml", "vi")
    assert len(problems) == 1 and problems[0].line == 1 and "không phải TOML" in problems[0].message


# --- the index's order ------------------------------------------------------------------


def _doc(number: str, issued: str = "", kind: str = "Kế hoạch") -> LegalDocument:
    return LegalDocument(number, number, kind, issued, "", "", "", (), ())


def test_numbers_are_read_as_numbers_newest_year_first_unknown_years_last():
    documents = [
        _doc("148/KH-UBND", "2021-09-07"),
        _doc("16/KH-UBND", "2021-09-07"),
        _doc("9/KH-UBND"),
        _doc("2817/KH-UBND", "2023-12-25"),
        _doc("12/KH-UBND", "2021-10-01"),
        _doc("10/2019/KH-UBND"),
    ]
    assert [d.number for d in sorted(documents, key=reading_order)] == [
        "2817/KH-UBND",
        "12/KH-UBND",
        "148/KH-UBND",
        "16/KH-UBND",
        "10/2019/KH-UBND",
        "9/KH-UBND",
    ]


def test_laws_come_before_decrees_and_decrees_before_plans():
    assert KIND_ORDER.index("Luật") < KIND_ORDER.index("Nghị định") < KIND_ORDER.index("Kế hoạch")


# --- the built site ---------------------------------------------------------------------


def _site(root: Path, data: str | None = None, config: str = "") -> Path:
    articles = {
        "a.md": article(
            "Huyện A triển khai cơ chế một cửa",
            "2024-03-01",
            documents=["61/2018/NĐ-CP"],
            body="Thực hiện Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế "
            "một cửa, một cửa liên thông trong giải quyết thủ tục hành chính, huyện đã bố trí bộ phận "
            "tiếp nhận.",
        ),
        "b.md": article(
            "Xã B rút ngắn thời gian giải quyết hồ sơ",
            "2024-04-02",
            documents=["61/2018/NĐ-CP", "16/KH-UBND", "148/KH-UBND"],
            body="Theo Nghị định 61/2018/NĐCP của Chính phủ về thực hiện cơ chế một cửa, một cửa liên "
            "thông trong giải quyết thủ tục hành chính, xã đã công khai thủ tục.\n\n"
            "UBND huyện ban hành Kế hoạch số 148/KH-UBND ngày 07/9/2021 về nâng cao chỉ số PAR Index "
            "và Kế hoạch số 16/KH-UBND ngày 07/9/2021 về chuyển đổi số.",
        ),
        "c.md": article(
            "Một quyết định nói ngày khác",
            "2024-05-03",
            documents=["61/2018/NĐ-CP"],
            body="Nghị định 61/2018/NĐ-CP ngày 1/6/2018 được nhắc lại tại hội nghị.",
        ),
    }
    site = make_site(root, articles, config=config)
    if data is not None:
        (site / "data").mkdir()
        (site / "data" / "documents.toml").write_text(data, encoding="utf-8")
    return site


def _text(html: bytes) -> str:
    main = re.search(r"<main.*?</main>", html.decode(), re.S)
    assert main
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main.group()))


def test_a_documents_page_says_what_it_is_and_quotes_each_article(tmp_path):
    files = build_to_memory(_site(tmp_path / "site"))
    page = files["documents/61-2018-nd-cp/index.html"]
    text = _text(page)
    assert "<h1>Nghị định 61/2018/NĐ-CP</h1>" in page.decode()
    assert "Cơ quan ban hành Chính phủ" in text
    assert "Ngày ban hành 23/04/2018" in text  # two articles agree; the third's 1/6/2018 is outvoted
    assert "Về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính" in text
    assert "đọc tự động" in text  # the reader is told these facts are the archive's reading
    assert page.decode().count('<p class="citation">') == 3
    assert "<mark>61/2018/NĐCP</mark>" in page.decode()  # as that article wrote it
    ld = [json.loads(m) for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page.decode())]
    legislation = next(item for item in ld if item.get("@type") == "Legislation")
    assert legislation["legislationDate"] == "2018-04-23"
    assert legislation["legislationPassedBy"]["name"] == "Chính phủ"


def test_the_data_file_gives_the_official_link_and_wins_over_the_articles(tmp_path):
    files = build_to_memory(_site(tmp_path / "site", DATA.replace("2018-04-23", "2018-04-24")))
    page = files["documents/61-2018-nd-cp/index.html"].decode()
    assert 'href="https://vanban.example.vn/61-2018"' in page
    assert "24/04/2018" in page


def test_the_index_groups_by_type_and_year_and_orders_numbers_as_numbers(tmp_path):
    files = build_to_memory(_site(tmp_path / "site"))
    index = _text(files["documents/index.html"])
    assert (
        index.index("Nghị định 61/2018/NĐ-CP")
        < index.index("Kế hoạch 148/KH-UBND")
        < index.index("Kế hoạch 16/KH-UBND")
    )
    assert "2021" in index and "2018" in index
    type_page = _text(files["documents/type/ke-hoach/index.html"])
    assert type_page.index("148/KH-UBND") < type_page.index("16/KH-UBND")
    assert "Văn bản được trích dẫn" in type_page  # its breadcrumb leads back to the index


def test_english_ui_names_the_types_in_english(tmp_path):
    files = build_to_memory(_site(tmp_path / "site", config='language = "en"\n'))
    assert "<h1>Decree 61/2018/NĐ-CP</h1>" in files["documents/61-2018-nd-cp/index.html"].decode()
    assert "23 April 2018" in files["documents/61-2018-nd-cp/index.html"].decode()
    assert "Plans" in _text(files["documents/index.html"])


def test_a_broken_data_file_stops_the_build_with_its_line_and_keeps_the_old_site(tmp_path):
    site = _site(tmp_path / "site", DATA)
    output = build_to_disk(site, tmp_path / "out")
    before = (output / "documents/61-2018-nd-cp/index.html").read_bytes()
    (site / "data" / "documents.toml").write_text(DATA + '\n["23/CT-TTg"]\nissued = "hôm qua"\n', encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        build_to_disk(site, output)
    assert [(Path(p.path).name, p.line) for p in raised.value.problems] == [("documents.toml", 8)]
    assert (output / "documents/61-2018-nd-cp/index.html").read_bytes() == before


def test_editing_the_data_file_rebuilds_the_page_even_when_nothing_else_changed(tmp_path):
    site = _site(tmp_path / "site", DATA)
    output = build_to_disk(site, tmp_path / "out")
    assert "vanban.example.vn/61-2018" in (output / "documents/61-2018-nd-cp/index.html").read_text()
    (site / "data" / "documents.toml").write_text(DATA.replace("61-2018", "nd-61"), encoding="utf-8")
    build_to_disk(site, output)
    assert "vanban.example.vn/nd-61" in (output / "documents/61-2018-nd-cp/index.html").read_text()


def test_documents_are_never_dated_after_the_first_article_citing_them(tmp_path):
    articles = {
        "a.md": article(
            "Bài cũ",
            "2020-01-05",
            documents=["9/KH-UBND"],
            body="Kế hoạch 9/KH-UBND ngày 20/5/2022 của UBND tỉnh về cải cách.",
        )
    }
    files = build_to_memory(make_site(tmp_path / "site", articles))
    assert "20/05/2022" not in _text(files["documents/9-kh-ubnd/index.html"])


def test_the_preview_watches_the_data_folder(tmp_path):
    site = _site(tmp_path / "site", DATA)
    preview = PreviewSite(site, BuildOptions(), "http://127.0.0.1:8000", lambda *args, **kwargs: None)
    assert site.absolute() / "data" in preview.watch_roots()


def test_legal_document_is_plain_data():
    document = _doc("61/2018/NĐ-CP", "2018-04-23", "Nghị định")
    assert document.year == 2018 and document.title == "Nghị định 61/2018/NĐ-CP"
    assert _doc("61/KH-UBND").year is None
    assert date.fromisoformat(document.issued) < datetime(2024, 1, 1).date()


# --- the labelled corpus (tests/legal): a floor under what benchmarks/legal_citations.py measures ---


def test_the_held_out_citations_are_read_at_least_as_well_as_measured():
    lines = [json.loads(text) for text in CORPUS.read_text(encoding="utf-8").splitlines() if text.strip()]
    held = [line for line in lines if held_out(line)]
    assert len(held) >= 50
    scores = {field: right / total for field, (right, total) in score(held).items()}
    # measured 98.8 / 96.3 / 91.4 / 86.4 % and 11 of 11 (2026-12-03); a few points of slack
    assert scores["kind"] >= 0.95 and scores["issued"] >= 0.93
    assert scores["issuer"] >= 0.87 and scores["subject"] >= 0.82
    assert scores["none invented"] == 1.0


_TOML_PIECES = st.sampled_from(
    [
        '["61/2018/NĐ-CP"]',
        '["a.b"]',
        "[a.b]",
        '["72/TB-UBND".x]',
        "kind = 1",
        'kind = "Luật"',
        "issued = 2018-04-23",
        "issued = 2018-04-23T10:00:00",
        'link = "ftp://x"',
        "y = [1, 2]",
        '["\\u0000\\n"]',
        "x =",
        "[[a]]",
        '"""',
        "# note",
        "",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_TOML_PIECES, max_size=12))
def test_any_data_file_gives_one_line_problems_at_lines_it_has(pieces):
    text = "\n".join(pieces)
    _, problems = parse_document_data(text, "data/documents.toml")
    for problem in problems:
        assert "\n" not in problem.message and "\x00" not in problem.message
        assert 1 <= problem.line <= max(1, text.count("\n") + 1)
