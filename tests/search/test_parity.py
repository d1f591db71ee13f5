"""The same strings through the Python pipeline (index side) and the JavaScript one (query
side, in node): the tokens must be identical, or a query could never find what was indexed."""

from __future__ import annotations

import json
import random
import subprocess
import unicodedata
from pathlib import Path

import pytest
from lunr.pipeline import Pipeline
from lunr.tokenizer import Tokenizer

from reform_archive.search import analysis

NODE_SCRIPT = Path(__file__).with_name("node_analysis.js")

BASE = [
    "",
    " ",
    "Cải cách hành chính",
    "CẢI CÁCH HÀNH CHÍNH",
    "Hoà Bình",
    "Hòa Bình",
    "HOÀ BÌNH",
    "hoa binh",
    "Uỷ ban nhân dân",
    "Ủy ban nhân dân",
    "UBND tỉnh Thừa Thiên Huế",
    "thuỷ lợi",
    "thủy lợi",
    "Thuỵ Anh",
    "quý I năm 2024",
    "Quý IV/2022",
    "khoẻ mạnh",
    "khỏe mạnh",
    "hoạ sĩ",
    "toà án",
    "tòa án",
    "loè loẹt",
    "khuỷu tay",
    "huỷ bỏ",
    "suý xoá",
    "Thông báo số 72/TB-UBND ngày 07/3/2024",
    "72/TB-UBND",
    "tb-ubnd",
    "Quyết định 1291/QĐ-UBND",
    "Nghị quyết 76/NQ-CP",
    "Luật số 15/2012/QH13",
    "47,18%",
    "98,5 %",
    "1.000.000 đồng",
    "Chỉ số PAR Index 2023 đạt 89,02 điểm",
    "SIPAS",
    "PAPI và PCI",
    "một cửa liên thông",
    "“một cửa”",
    '"một cửa"',
    "Bộ Nội vụ",
    "Đảng bộ",
    "đường Điện Biên Phủ",
    "ĐỒNG NAI",
    "Đắk Lắk",
    "Đắk Nông",
    "Kon Tum",
    "Bà Rịa – Vũng Tàu",
    "TP.HCM",
    "Tp. Hồ Chí Minh",
    "Hà Nội, ngày 09/09/2022",
    "an ninh",
    "do đó",
    "to lớn",
    "no đủ",
    "an toàn, an ninh",
    "e-Government",
    "eGov",
    "chuyển đổi số (DX)",
    "dịch vụ công trực tuyến",
    "Cổng Dịch vụ công quốc gia",
    "#CCHC",
    "@ubnd",
    "email: vanphong@hatinh.gov.vn",
    "https://hatinh.gov.vn/a?b=1",
    "👍 tốt lắm 🎉",
    "Việt Nam 🇻🇳",
    "ma trận 3×3",
    "½ số hồ sơ",
    "①②③",
    "x² + y²",
    "Ⅻ chương",
    "Straße",
    "İstanbul",
    "ΣΟΦΟΣ σοφός",
    "Москва",
    "北京",
    "東京都",
    "한국어",
    "عربى",
    "हिन्दी",
    "ﬁnance",
    "naïve café",
    "Ångström",
    "O'Neil's",
    "don't",
    "C++ và C#",
    "a_b_c",
    "snake_case",
    "tab\tngăn\tcột",
    "dòng\nmới",
    "\u00a0khoảng\u00a0trắng",
    "zero\u200bwidth",
    "soft\u00adhyphen",
    "ǹg",
    "Mường Tè",
    "Ƣ",
    "\u0300",
    "a \u0301\u0303 b",
    "\u0323x",
]
OLD_TONES = {new: old for old, new in analysis.TONE_MOVES.items()}


def _variants(text: str) -> list[str]:
    old = text
    for new, older in OLD_TONES.items():
        old = old.replace(new, older)
    return [text, unicodedata.normalize("NFD", text), text.upper(), old, text.title()]


def _random_strings(count: int) -> list[str]:
    alphabet = (
        "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
        "AĂÂĐÊÔƠƯÀÁẢÃẠ0123456789  ,.;:!?/-–—()[]\"'%&+*=<>#@_\u0300\u0301\u0303\u0309\u0323\u0306\u031b"
        "İıßςΣσ🎉👍🇻🇳\u200b\u00a0\t\n"
    )
    rng = random.Random(20261122)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(count)]


STRINGS = [variant for text in BASE for variant in _variants(text)] + _random_strings(200)


def _python(text: str) -> dict:
    analysis.register()
    tokens = analysis.tokenize(text)
    words = [analysis.normalise_word(t) for t in tokens]
    pipeline = Pipeline.load([analysis.NORMALISE_LABEL, analysis.EXPAND_LABEL])
    return {
        "tokens": tokens,
        "words": words,
        "folded": [analysis.fold_word(w) for w in words],
        "analysed": analysis.analyse(text),
        "pipeline": [str(t) for t in pipeline.run(Tokenizer(tokens))],  # what the index builder runs
    }


@pytest.fixture(scope="module")
def javascript() -> list[dict]:
    done = subprocess.run(
        ["node", str(NODE_SCRIPT)], input=json.dumps(STRINGS), capture_output=True, text=True, check=True, timeout=60
    )
    return json.loads(done.stdout)


def test_enough_strings_of_every_kind():
    assert len(STRINGS) >= 600
    assert any(unicodedata.normalize("NFD", s) == s != unicodedata.normalize("NFC", s) for s in STRINGS)


def test_the_index_builder_s_shortcut_is_the_lunr_pipeline():
    # the index is fed analyse()'s terms; lunr's pipeline functions must give the same
    assert all(_python(text)["analysed"] == _python(text)["pipeline"] for text in STRINGS)


def test_python_and_javascript_give_identical_tokens(javascript):
    mismatches = [
        (text, _python(text), js) for text, js in zip(STRINGS, javascript, strict=True) if _python(text) != js
    ]
    assert not mismatches, "\n".join(f"{t!r}:\n  py {p}\n  js {j}" for t, p, j in mismatches[:5])


def test_the_spellings_a_reader_types_meet_in_the_index(javascript):
    by_text = dict(zip(STRINGS, javascript, strict=True))
    assert by_text["Hoà Bình"]["words"] == by_text["Hòa Bình"]["words"] == ["hòa", "bình"]
    assert by_text[unicodedata.normalize("NFD", "Hoà Bình")]["words"] == ["hòa", "bình"]
    assert by_text["hoa binh"]["words"] == by_text["Hòa Bình"]["folded"]
    assert by_text["Uỷ ban nhân dân"]["words"][0] == "ủy"
    assert by_text["72/TB-UBND"]["analysed"] == ["72", "_72 tb", "tb", "_tb ubnd", "ubnd"]
    assert by_text["47,18%"]["tokens"] == ["47", "18"]
    assert by_text["an ninh"]["words"] == ["an", "ninh"]  # no stop words
    assert by_text["👍 tốt lắm 🎉"]["tokens"] == ["tốt", "lắm"]
    assert by_text["Bộ Nội vụ"]["folded"] == ["bo", "noi", "vu"]  # never "b"


def test_what_the_page_assumes_of_the_data_is_what_the_build_writes():
    """The page reads the files' encoding from the manifest; what it still holds itself (the
    format it reads, the bigram mark its analysis writes) and the unit tests' copy of the
    encoding must be the build's."""
    import re

    from reform_archive.search.encoding import encoding
    from reform_archive.search.store import FORMAT_VERSION

    assets = Path(__file__).resolve().parents[2] / "themes" / "default" / "static" / "assets" / "search"
    ui = (assets / "ui.js").read_text("utf-8")
    assert int(re.search(r"INDEX_FORMAT = (\d+);", ui)[1]) == FORMAT_VERSION
    marked = re.search(r'var BIGRAM_MARK = "(.)";', (assets / "analysis.js").read_text("utf-8"))
    assert marked[1] == encoding()["bigram_mark"]
    fixtures = Path(__file__).resolve().parents[1] / "js" / "fixtures.js"
    script = f"process.stdout.write(JSON.stringify(require({json.dumps(str(fixtures))}).ENCODING))"
    copied = json.loads(subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True).stdout)
    assert copied == encoding()
