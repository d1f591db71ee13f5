"""The importer accuracy benchmark's scoring (benchmarks/importer_accuracy.py) and its
reading of corpus pages (benchmarks/labelled_corpus.py)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from benchmarks.importer_accuracy import (
    Outcome,
    authors_right,
    body_lines,
    date_right,
    main,
    measure_page,
    score_body,
    title_key,
    title_right,
)
from benchmarks.labelled_corpus import Label, Layout, find_line, html_lines, is_heldout, key


def test_title_key_ignores_case_spacing_final_punctuation_and_quotes() -> None:
    assert title_key("  LẠNG GIANG:  Bố trí\t“một cửa” lưu động.  ") == "lạng giang: bố trí “một cửa” lưu động"
    assert title_key("“Ba không” tại phường Trần Phú…") == title_key("Ba không” tại phường trần phú")
    assert title_key("Huyện X có gì mới?!") == "huyện x có gì mới"
    assert title_key("Huyện X: Một cửa") != title_key("Huyện X Một cửa")  # only final punctuation goes


def test_title_right() -> None:
    got = Outcome(True, title="SƠN ĐỘNG: NGƯỜI DÂN VÙNG CAO  QUEN DẦN VỚI THANH TOÁN TRỰC TUYẾN.")
    assert title_right("Sơn Động: Người dân vùng cao quen dần với thanh toán trực tuyến", got)
    assert not title_right("Sơn Động: Người dân vùng cao quen với thanh toán trực tuyến", got)
    assert not title_right("x", Outcome(False, title="x"))
    # no headline on the page: right only when the importer says it made the title up
    assert title_right("", Outcome(True, title="Thành phố Đông Hà kiểm tra công vụ", title_inferred=True))
    assert not title_right("", Outcome(True, title="Thành phố Đông Hà kiểm tra công vụ"))
    # a headline only the address spells: given, and flagged as made up
    spelled = "Quốc hội chốt cả nước còn 34 tỉnh, thành phố"
    assert title_right(spelled, Outcome(True, title=spelled, title_inferred=True), printed=False)
    assert not title_right(spelled, Outcome(True, title=spelled), printed=False)
    assert not title_right(spelled, Outcome(True, title="Sáng 12/6, Quốc hội", title_inferred=True), printed=False)


@pytest.mark.parametrize(
    "label, date_iso, precision, right",
    [
        ("2023-03-14", "2023-03-14T08:15:00+07:00", "day", True),
        ("2023-03-14", "2023-03-14", "day", True),
        ("2023-03-14", "2023-03-01", "month", False),
        ("2023-03-14", "2023-03-15", "day", False),
        ("2023-03", "2023-03-01", "month", True),
        ("2023-03", "2023-03-28T10:00:00+07:00", "day", True),
        ("2023-03", "2023-04-01", "month", False),
        ("2023", "2023-07-01", "quarter", True),
        ("2023", "2022-12-31", "day", False),
    ],
)
def test_date_compared_at_the_labelled_precision(label, date_iso, precision, right) -> None:
    assert date_right(label, Outcome(True, date_iso=date_iso, date_precision=precision)) is right
    assert not date_right(label, Outcome(False, date_iso=date_iso, date_precision=precision))


def test_no_date_evidence_is_right_only_when_flagged() -> None:
    assert date_right("", Outcome(True, date_iso="2023-04-01", date_precision="month", date_inferred=True))
    assert date_right("", Outcome(True, date_iso=""))
    assert date_right("", Outcome(True, date_iso="2023-04-01", draft=True))
    assert not date_right("", Outcome(True, date_iso="2023-04-01", date_precision="day"))  # invented silently
    assert not date_right("", Outcome(False, reason="no date"))


def test_authors_are_a_case_folded_set() -> None:
    got = Outcome(True, authors=("THU HÀ", "Anh  Văn"))
    assert authors_right(["Anh Văn", "Thu Hà"], got)
    assert not authors_right(["Thu Hà"], got)
    assert authors_right([], Outcome(True))
    assert not authors_right([], Outcome(False))


def test_key_keeps_letters_and_digits_case_folded_in_nfc() -> None:
    assert key("Sáng 13/3, UBND huyện  Gio-Linh!") == "sáng133ubndhuyệngiolinh"
    assert key(unicodedata.normalize("NFD", "Huyện Hàm Tân")) == key("HUYỆN HÀM TÂN") == "huyệnhàmtân"
    assert key("— | • …") == ""


def test_held_out_by_the_first_hex_digit_of_the_names_sha256() -> None:
    assert is_heldout("portal-html-dev")  # sha256 starts with 0
    assert is_heldout("tinh-sonoivu-d")  # 1
    assert not is_heldout("so-noi-vu-dev")  # 9
    assert not is_heldout("bao-tinh-c")  # a


def test_body_lines_one_per_block() -> None:
    markdown = (
        "Đoạn một có chữ.\n\n## Tiêu đề phụ\n\n- mục một\n- mục hai\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n*Chú thích ảnh*\n"
    )
    assert body_lines(markdown) == [
        "Đoạn một có chữ.",
        "Tiêu đề phụ",
        "mục một",
        "mục hai",
        "a b",
        "1 2",
        "Chú thích ảnh",
    ]


def test_html_lines_break_at_blocks_and_drop_scripts() -> None:
    page = (
        "<html><head><title>Tên trang</title><script>var a = '<p>x</p>';</script></head><body>"
        "<div>Trang chủ | <a>Tin tức</a></div><p>Đoạn <b>một</b>\n  tiếp</p><p>dòng một<br>dòng hai</p>"
        "<table><tr><td>ô 1</td><td>ô 2</td></tr></table><!-- chú thích --></body></html>"
    ).encode()
    assert html_lines(page) == ["Tên trang", "Trang chủ | Tin tức", "Đoạn một tiếp", "dòng một", "dòng hai", "ô 1 ô 2"]


def test_find_line_exact_then_by_key_then_over_several_lines() -> None:
    lines = ["Tiêu đề", "Phát biểu tại hội nghị, ông A đề nghị", "xây dựng kế hoạch.", "Cuối  trang"]
    assert find_line("Tiêu đề", lines) == (0, 0)
    assert find_line("cuối trang", lines) == (3, 3)
    assert find_line("Phát biểu tại hội nghị, ông A đề nghị xây dựng kế hoạch.", lines) == (1, 2)
    assert find_line("không có", lines) is None
    assert find_line("Tiêu đề", lines, start=1) is None


def test_score_body_counts_chrome_left_and_prose_lost() -> None:
    raw = [
        "Cổng thông tin điện tử Sở Nội vụ",
        "Huyện X đẩy mạnh số hóa",
        "Ngày 14/03/2023",
        "(GLO)- Sáng 13/3, huyện X tổ chức hội nghị triển khai kế hoạch số hóa hồ sơ năm 2023.",
        "Xem thêm: Huyện Y triển khai một cửa hiện đại",
        "Theo kế hoạch, đến cuối năm toàn huyện phấn đấu số hóa ít nhất 80% hồ sơ tiếp nhận.",
        "Chủ tịch huyện yêu cầu các xã bố trí đủ máy quét và báo cáo tiến độ hằng tháng.",
        "Chia sẻ",
        "Huyện Z tổng kết công tác cải cách hành chính năm 2022",
    ]
    body = [
        "Huyện X đẩy mạnh số hóa",  # the title: may be kept
        "Sáng 13/3, huyện X tổ chức hội nghị triển khai kế hoạch số hóa hồ sơ năm 2023.",  # source prefix moved
        "Xem thêm: Huyện Y triển khai một cửa hiện đại",  # chrome inside
        "Chủ tịch huyện yêu cầu các xã bố trí đủ máy quét và báo cáo tiến độ hằng tháng.",
        "HUYỆN Z TỔNG KẾT CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2022",
        "Chia sẻ",
    ]  # chrome below; too short
    score = score_body(raw, range(3, 7), {4}, ["Huyện X đẩy mạnh số hóa"], body)
    assert score.chrome_left == (
        "Xem thêm: Huyện Y triển khai một cửa hiện đại",
        "HUYỆN Z TỔNG KẾT CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2022",
    )
    assert score.prose_lost == (raw[5],)


def test_a_bad_page_is_counted_not_raised(tmp_path: Path) -> None:
    layout = Layout("x", tmp_path, "text", False, ())
    label = Label("missing.txt", "T", "2023", (), "a", "b", (), True, "")
    result = measure_page(layout, label)
    assert not result.outcome.imported and result.outcome.reason.startswith("FileNotFoundError")
    assert result.fields == {"title": False, "date": False, "authors": False}


def test_main_on_a_small_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "so-noi-vu-dev"
    folder.mkdir()
    lead = "Sáng 13/3, UBND huyện Gio Linh tổ chức hội nghị triển khai kế hoạch số hóa hồ sơ thủ tục hành chính."
    last = "Việc số hóa góp phần nâng cao chỉ số hài lòng của người dân đối với cơ quan hành chính nhà nước./."
    (folder / "01.txt").write_text(
        f"Huyện Gio Linh đẩy mạnh số hóa hồ sơ\nNgày 14/03/2023 08:15\n{lead}\n{last}\nMinh Châu\n", "utf-8"
    )
    (folder / "labels.toml").write_text(
        '[layout]\nform = "text"\n[pages."01.txt"]\ntitle = "Huyện Gio Linh đẩy mạnh số hóa hồ sơ"\n'
        f'date = "2023-03-14"\nauthors = ["Minh Châu"]\nfirst_line = "{lead}"\nlast_line = "{last}"\n',
        "utf-8",
    )
    assert main(["--corpus", str(tmp_path), "--json", "--by-layout"]) == 0
    numbers = json.loads(capsys.readouterr().out)
    assert numbers["splits"]["all"]["pages"] == 1 and numbers["splits"]["fit"]["articles"] == 1
    assert numbers["splits"]["heldout"]["pages"] == 0
    assert numbers["layouts"]["so-noi-vu-dev"]["split"] == "fit"
    assert numbers["timing"]["pages"] == 1


PAGE = (
    "Huyện Gio Linh đẩy mạnh số hóa hồ sơ\nNgày 14/03/2023 08:15\nSáng 13/3, UBND huyện Gio Linh tổ chức hội nghị "
    "triển khai kế hoạch số hóa hồ sơ thủ tục hành chính năm 2023.\nMinh Châu\n"
)


def test_import_page_reads_the_importers_outcome(tmp_path: Path) -> None:
    """The adapter takes the importer's own chain and reads its outcome."""
    import benchmarks.importer_accuracy as accuracy

    path = tmp_path / "01.txt"
    path.write_text(PAGE, "utf-8")
    outcome = accuracy.import_page(path, "")
    assert outcome.imported and outcome.body_markdown.startswith("Sáng 13/3")
    assert outcome.date_iso.startswith("2023-03-1") and outcome.date_precision == "day"
