import codecs
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st
from legacy_encodings import encode_windows_1258

from reform_archive.importer.decode import decode
from reform_archive.importer.normalise import normalise_text

LEAD = (
    "Công tác cải cách hành chính quý I năm 2024 trên địa bàn huyện Hàm Tân có nhiều khởi sắc. "
    "Ủy ban nhân dân tỉnh đã ban hành Kế hoạch số 148/KH-UBND về cải cách thủ tục hành chính, "
    "thực hiện cơ chế một cửa, một cửa liên thông; người dân và doanh nghiệp đánh giá cao."
)


@pytest.mark.parametrize(
    "data, encoding",
    [
        (LEAD.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + LEAD.encode("utf-8"), "utf-8"),
        (LEAD.encode("utf-16"), "utf-16"),  # with BOM
        (codecs.BOM_UTF16_BE + LEAD.encode("utf-16-be"), "utf-16"),
        (LEAD.encode("utf-32"), "utf-32"),
    ],
)
def test_unicode_encodings_and_boms(data, encoding):
    decoded = decode(data)
    assert (decoded.text, decoded.encoding, decoded.problem) == (LEAD, encoding, "")


def test_windows_1258_is_detected_and_becomes_nfc():
    decoded = decode(encode_windows_1258(LEAD))
    assert decoded.encoding == "cp1258"
    assert normalise_text(decoded.text) == LEAD + "\n"


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "file is empty"),
        (b"  \r\n\t", "file is empty"),
        (bytes(range(1, 256)) * 40, "cannot decode reliably"),
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + os.urandom(2000), "contains NUL bytes"),
        (LEAD.encode("utf-16-le"), "contains NUL bytes"),  # no BOM: refuse rather than guess
        ("Công".encode() + b"\0" + "tác".encode(), "contains NUL bytes"),
        (codecs.BOM_UTF8 + b"C\xf4ng", "byte-order mark"),
    ],
)
def test_bad_input_is_reported_not_mangled(data, message):
    decoded = decode(data)
    assert decoded.text is None and message in decoded.problem


def test_damaged_utf8_says_where():
    data = LEAD.encode("utf-8")
    decoded = decode(data[:50] + b"\n\xff" + data[50:])
    assert decoded.text is None
    assert decoded.problem == "UTF-8 with 1 invalid byte sequence(s), the first on line 2 (byte 0xff)"


def test_files_too_big_to_be_an_article():
    decoded = decode(b"a" * 2048, max_bytes=1024)
    assert decoded.text is None and "more than" in decoded.problem


@given(st.text())
def test_any_utf8_text_decodes_to_itself(text):
    decoded = decode(text.encode("utf-8"))
    if text.encode().strip() and "\0" not in text:
        assert decoded.text == text and decoded.encoding == "utf-8"
    else:
        assert decoded.text is None


@given(st.binary(max_size=4000))
def test_decode_never_raises_and_always_explains(data):
    decoded = decode(data)
    assert (decoded.text is None) == bool(decoded.problem)
    assert decoded.text is None or decoded.encoding
