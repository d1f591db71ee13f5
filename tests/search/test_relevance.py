"""Relevance on the sample archive (the five imported seed articles) and on small sites made
to isolate one ranking rule. Queries run through lunr.js and the theme's engine in node."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from conftest import build_to_disk
from searching import run_queries
from sitemaker import article, make_site

from reform_archive.search.analysis import fold_word

REPO = Path(__file__).resolve().parents[2]
HA_TINH = "ha-tinh-huong-den-nen-hanh-chinh-hien-dai"
BINH_DINH = "dai-hoi-dang-bo-so-noi-vu-tinh-binh-dinh"
HOA_BINH = "ubnd-tinh-to-chuc-hoi-nghi-tong-ket-chuong-trinh-tong-the"
HAM_TAN = "cong-tac-cai-cach-hanh-chinh-quy-i-nam-2024-tren-dia-ban-huyen-ham-tan"
QUANG_NAM = "thong-bao-ket-luan-cua-chu-tich-ubnd-tinh"
ALL = {HA_TINH, BINH_DINH, HOA_BINH, HAM_TAN, QUANG_NAM}

QUERIES = [
    "hanh chinh",
    "Hàm Tân",
    "ham tan",
    "HÀM TÂN",
    unicodedata.normalize("NFD", "Hàm Tân"),
    "hoà bình",
    "hòa bình",
    "hoa binh",
    "ha tinh",
    "Hà Tĩnh",
    '"một cửa"',
    "“một cửa”",
    "72/TB-UBND",
    "72",
    "tb-ubnd",
    "TB-UBND",
    "an ninh",
    '"an ninh"',
    "bình định",
    "quảng nam",
    "hàm tân xyzzy",
    "xyzzy plugh",
    "sở nội vụ",
    "uỷ ban nhân dân",
    "ủy ban nhân dân",
]


def _slug(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


def _found(answers: dict, query: str) -> list[str]:
    return [_slug(r["url"]) for r in answers[query]["results"]]


def _one(slugs: list[str], prefix: str) -> bool:
    return any(s.startswith(prefix) for s in slugs)


def _first(slugs: list[str], prefix: str) -> bool:
    return bool(slugs) and slugs[0].startswith(prefix)


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    return build_to_disk(REPO, tmp_path_factory.mktemp("repo") / "output")


@pytest.fixture(scope="module")
def answers(archive) -> dict:
    return run_queries(archive, QUERIES)


def _articles_with_phrase(phrase: str) -> set[str]:
    """The oracle for phrases: the folded source text of each article, read independently."""
    pattern = re.compile(r"(?<!\w)" + r"\W+".join(fold_word(w) for w in phrase.split()) + r"(?!\w)")
    found = set()
    for path in (REPO / "content").glob("20*/*.md"):
        text = fold_word(unicodedata.normalize("NFC", path.read_text(encoding="utf-8")).lower())
        if pattern.search(text):
            found.add(next(prefix for prefix in ALL if path.stem.startswith(prefix)))
    return found


def test_a_common_phrase_unaccented_finds_all_five(answers):
    assert {p for p in ALL if _one(_found(answers, "hanh chinh"), p)} == ALL
    assert answers["hanh chinh"]["mode"] == "all"


@pytest.mark.parametrize("query", ["Hàm Tân", "ham tan", "HÀM TÂN", unicodedata.normalize("NFD", "Hàm Tân")])
def test_ham_tan_however_typed_puts_the_ham_tan_article_first(answers, query):
    assert _first(_found(answers, query), HAM_TAN), answers[query]


@pytest.mark.parametrize("query", ["hoà bình", "hòa bình", "hoa binh"])
def test_both_tone_placements_and_no_marks_find_hoa_binh_first(answers, query):
    assert _first(_found(answers, query), HOA_BINH), answers[query]


@pytest.mark.parametrize("query", ["ha tinh", "Hà Tĩnh"])
def test_ha_tinh_article_first(answers, query):
    assert _first(_found(answers, query), HA_TINH)


@pytest.mark.parametrize("query", ['"một cửa"', "“một cửa”"])
def test_a_quoted_phrase_finds_exactly_the_articles_with_it(answers, query):
    expected = _articles_with_phrase("một cửa")
    assert 0 < len(expected) < 5
    assert {p for p in ALL if _one(_found(answers, query), p)} == expected
    assert len(_found(answers, query)) == len(expected)


@pytest.mark.parametrize("query", ["72/TB-UBND", "tb-ubnd", "TB-UBND", "72"])
def test_a_document_code_is_found_whole_and_by_part(answers, query):
    assert _first(_found(answers, query), QUANG_NAM), answers[query]
    if query != "72":
        assert len(_found(answers, query)) == 1


def test_no_english_stop_words_an_ninh_is_searchable(answers):
    expected = _articles_with_phrase("an ninh")
    assert expected
    assert {p for p in ALL if _one(_found(answers, '"an ninh"'), p)} == expected
    assert expected <= {p for p in ALL if _one(_found(answers, "an ninh"), p)}


def test_the_last_syllable_is_a_prefix_only_when_no_article_has_it_whole(archive):
    typed = run_queries(archive, ["binh d", "ham ta", '"một cử', "Thừa Thiên Hế"], typing=True)
    assert _first(_found(typed, "binh d"), BINH_DINH)
    assert _first(_found(typed, "ham ta"), HAM_TAN)
    assert set(_found(typed, '"một cử')) == set(_found(run_queries(archive, ['"một cửa"']), '"một cửa"'))
    # typed or shared, the same text gives the same answer
    submitted = run_queries(archive, ["binh d", "ham ta", "Thừa Thiên Hế"])
    for query in ("binh d", "ham ta", "Thừa Thiên Hế"):
        assert _found(submitted, query) == _found(typed, query), query
        assert submitted[query]["mode"] == typed[query]["mode"], query
    # followed by a space, the last word is whole
    assert run_queries(archive, ["ham ta "])["ham ta "]["mode"] == "any"


def test_filters_apply_before_the_all_or_some_choice(archive):
    first_province = run_queries(archive, ["hanh chinh"], filters={"province": "binh-thuan"})
    assert _found(first_province, "hanh chinh") == [_found(first_province, "hanh chinh")[0]]
    assert _first(_found(first_province, "hanh chinh"), HAM_TAN)
    narrowed = run_queries(archive, ["ham tan hanh"], filters={"province": "ha-tinh"})
    assert narrowed["ham tan hanh"]["mode"] == "any" and _first(_found(narrowed, "ham tan hanh"), HA_TINH)
    years = run_queries(archive, ["hanh chinh"], filters={"from": "2022", "to": "2022"})
    assert {p for p in ALL if _one(_found(years, "hanh chinh"), p)} == {BINH_DINH, HOA_BINH}
    unknown = run_queries(archive, ["hanh chinh"], filters={"topic": "khong-co"})
    assert unknown["hanh chinh"] == {"mode": "none", "results": []}


def test_provinces_rank_their_article_first(answers):
    assert _first(_found(answers, "bình định"), BINH_DINH)
    assert _first(_found(answers, "quảng nam"), QUANG_NAM)


def test_all_words_are_required_with_a_fallback_to_some(answers):
    assert answers["hàm tân xyzzy"]["mode"] == "any"  # no article has "xyzzy": show those with the rest
    assert _first(_found(answers, "hàm tân xyzzy"), HAM_TAN)
    assert answers["hàm tân xyzzy"]["results"][0]["groups"] == 2
    assert answers["xyzzy plugh"] == {"mode": "none", "results": []}


def test_old_and_new_tone_placement_give_the_same_ranking(answers):
    assert _found(answers, "uỷ ban nhân dân") == _found(answers, "ủy ban nhân dân")
    assert _found(answers, "hoà bình") == _found(answers, "hòa bình")


# ---- one rule at a time, on sites made for it ----


def _site_answers(tmp_path: Path, articles: dict[str, str], queries: list[str], config: str = "") -> dict:
    site = make_site(tmp_path / "site", articles, config=config)
    return run_queries(build_to_disk(site, tmp_path / "out"), queries)


def test_exact_diacritics_rank_above_folded_only_matches(tmp_path):
    filler = " Nội dung khác của bài viết để hai bài dài như nhau."
    answers = _site_answers(
        tmp_path,
        {
            "a.md": article("Bài A", "2024-01-01", body="Hội nghị hòa giải ở cơ sở." + filler, slug="bai-a"),
            "b.md": article("Bài B", "2024-01-02", body="Hội nghị hóa giải ở cơ sở." + filler, slug="bai-b"),
        },
        ["hòa giải", "hóa giải", "hoa giai"],
    )
    assert _found(answers, "hòa giải") == ["bai-a", "bai-b"]
    assert _found(answers, "hóa giải") == ["bai-b", "bai-a"]
    assert set(_found(answers, "hoa giai")) == {"bai-a", "bai-b"}


def test_adjacent_syllables_rank_above_scattered_ones_and_quotes_require_them(tmp_path):
    answers = _site_answers(
        tmp_path,
        {
            "near.md": article(
                "Tin một",
                "2024-01-01",
                slug="lien-ke",
                body="Tỉnh đẩy mạnh cải cách hành chính trong năm nay, nhiều kết quả tốt.",
            ),
            "far.md": article(
                "Tin hai",
                "2024-01-02",
                slug="roi-rac",
                body="Tỉnh đẩy mạnh cải tạo đường, cách làm mới; hành động chính là nhiều kết quả tốt.",
            ),
        },
        ["cải cách hành chính", '"cải cách hành chính"', "cai cach hanh chinh"],
    )
    assert _found(answers, "cải cách hành chính") == ["lien-ke", "roi-rac"]
    assert _found(answers, "cai cach hanh chinh") == ["lien-ke", "roi-rac"]
    assert _found(answers, '"cải cách hành chính"') == ["lien-ke"]


def test_a_submitted_short_word_is_a_whole_word(tmp_path):
    answers = _site_answers(
        tmp_path,
        {
            "a.md": article("Hội nghị tổng kết", "2024-01-01", slug="tong-ket", body="Tổng kết năm."),
            "b.md": article("Một việc to lớn", "2024-01-02", slug="to-lon", body="Việc to lớn."),
        },
        ["to", "do"],
    )
    assert _found(answers, "to") == ["to-lon"]  # "to" is a word; "tổng" needs the reader to be typing
    assert answers["do"]["mode"] == "none"


def test_no_bigram_joins_two_codes(tmp_path):
    answers = _site_answers(
        tmp_path,
        {
            "a.md": article("Văn bản", "2024-01-01", slug="van-ban", documents=["72/TB-UBND", "04-NQ/TU"]),
        },
        ['"UBND 04"', "72/TB-UBND", "04-NQ/TU"],
    )
    assert answers['"UBND 04"']["mode"] == "none"
    assert _found(answers, "72/TB-UBND") == _found(answers, "04-NQ/TU") == ["van-ban"]


def test_a_title_match_outranks_a_body_match(tmp_path):
    answers = _site_answers(
        tmp_path,
        {
            "t.md": article("Số hóa hồ sơ", "2024-01-01", slug="tieu-de", body="Bài viết về một việc khác hẳn."),
            "b.md": article("Tin tổng hợp", "2024-01-02", slug="noi-dung", body="Trong tháng, tỉnh đã số hóa hồ sơ."),
        },
        ["số hóa hồ sơ"],
    )
    assert _found(answers, "số hóa hồ sơ") == ["tieu-de", "noi-dung"]


def test_other_words_for_the_same_thing_come_from_the_manifest_after_the_readers_words(tmp_path):
    answers = _site_answers(
        tmp_path,
        {
            "own.md": article(
                "Huyện sáp nhập hai xã", "2024-01-01", body="Huyện sáp nhập hai xã thành một.", slug="sap-nhap"
            ),
            "other.md": article(
                "Sắp xếp đơn vị hành chính cấp xã", "2024-01-02", body="Tỉnh sắp xếp 40 xã thành 20 xã.", slug="sap-xep"
            ),
            "online.md": article(
                "Nộp hồ sơ qua mạng", "2024-01-03", body="Người dân nộp hồ sơ qua mạng tại nhà.", slug="qua-mang"
            ),
        },
        ["sáp nhập xã", "nộp hồ sơ trực tuyến"],
    )
    assert _found(answers, "sáp nhập xã") == ["sap-nhap", "sap-xep"]
    assert _found(answers, "nộp hồ sơ trực tuyến") == ["qua-mang"]


def test_a_site_adds_its_own_equivalents_in_site_toml(tmp_path):
    articles = {
        "a.md": article(
            "Đường dây nóng của tỉnh", "2024-01-01", body="Gọi đường dây nóng để phản ánh.", slug="duong-day-nong"
        )
    }
    answers = _site_answers(tmp_path, articles, ["hotline"], config='equivalents = [["đường dây nóng", "hotline"]]\n')
    assert _found(answers, "hotline") == ["duong-day-nong"]
    assert _found(_site_answers(tmp_path / "plain", articles, ["hotline"]), "hotline") == []
