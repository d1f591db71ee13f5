"""Legal documents, index tags and reform topics found in the article's own text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reform_archive.importer.entities import find_documents, find_index_tags, find_topics

TEXT = (
    "Thực hiện Nghị quyết số 05-NQ/TU ngày 13/5/2016, Quyết định số 1291/QĐ-TTg, Kế hoạch 145/KH-UBND, "
    "Thông báo số 72/tb-ubnd, Chỉ thị 23/CT-TTg, Nghị quyết 57/NQ-HĐND, Nghị quyết số 18-NQ/TW, "
    "Nghị quyết số 10/2019/NQ-HĐND, Nghị định 61/2018/NĐ-CP, Thông tư 01/2023/TT-VPCP, 16-NQ/ĐU, "
    "Kế hoạch số 29/KH-BCĐ và Kế hoạch số 66-KH/HU."
)


def test_document_forms():
    assert find_documents(TEXT) == (
        "05-NQ/TU",
        "1291/QĐ-TTg",
        "145/KH-UBND",
        "72/TB-UBND",
        "23/CT-TTg",
        "57/NQ-HĐND",
        "18-NQ/TW",
        "10/2019/NQ-HĐND",
        "61/2018/NĐ-CP",
        "01/2023/TT-VPCP",
        "16-NQ/ĐU",
        "29/KH-BCĐ",
        "66-KH/HU",
    )


def test_numbers_that_are_not_documents():
    assert (
        find_documents(
            "xếp thứ 12/63 tỉnh; giai đoạn 2021-2025; KT-XH; COVID-19; 47,18%; "
            "ngày 13/5/2016; mức độ 3/4; TCVN ISO 9001:2015; 3-KT"
        )
        == ()
    )


def test_index_tags():
    assert find_index_tags("cải thiện các chỉ số PAR, SIPAS, PAPI, PCI năm 2024") == (
        "PAR Index",
        "SIPAS",
        "PAPI",
        "PCI",
    )
    assert find_index_tags("Chỉ số cải cách hành chính và Chỉ số hài lòng") == ("PAR Index", "SIPAS")
    assert find_index_tags("Papi là tên riêng, PARIS và SPCI không phải chỉ số") == ()


def test_topics_need_repeated_mentions_or_the_title():
    body = "Giải quyết thủ tục hành chính tại bộ phận một cửa; hồ sơ trễ hạn giảm; chuyển đổi số."
    assert find_topics("", body) == ("thủ tục hành chính",)
    assert find_topics("Đẩy mạnh chuyển đổi số", body) == ("thủ tục hành chính", "chính quyền điện tử/số")


@given(st.text())
def test_never_raise(text):
    find_documents(text)
    find_index_tags(text)
    find_topics(text, text)


def test_the_importer_guesses_only_topics_the_content_format_knows():
    from reform_archive.importer.entities import TOPIC_KEYWORDS
    from reform_archive.source.article import TOPICS

    assert set(TOPIC_KEYWORDS) == set(TOPICS)  # one table each; a typo in either would warn on every import
