"""The headline the address spells (importer/slug.py): properties over generated lines."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reform_archive.importer.slug import MIN_SLUG_WORDS, slug_span, slug_words
from reform_archive.text.vietnamese import fold

SYLLABLES = [
    "Gỡ",
    "khó",
    "công",
    "nghệ",
    "ở",
    "từng",
    "thôn",
    "bản",
    "Hà",
    "Tĩnh",
    "một",
    "cửa",
    "số",
    "hóa",
    "hồ",
    "sơ",
    "người",
    "dân",
    "xã",
    "đặc",
    "biệt",
    "Đắk",
    "Lắk",
    "2025",
]
words = st.lists(st.sampled_from(SYLLABLES), min_size=MIN_SLUG_WORDS, max_size=12)


@given(words, st.lists(st.sampled_from(SYLLABLES), max_size=4), st.integers(min_value=10000, max_value=99999999))
def test_the_span_found_is_the_headline_the_address_spells(headline, label, article_id):
    title = " ".join(headline)
    line = " ".join([*label, title]) + " Sau đó, xã tiếp tục hỗ trợ người dân."
    url = f"https://bao.example.vn/{'-'.join(fold(w.lower()) for w in headline)}-{article_id}.html"
    slug = slug_words(url)
    assert slug == [fold(w.lower()) for w in headline]
    span = slug_span(line, slug)
    assert span is not None
    assert [fold(w.lower()) for w in line[span[0] : span[1]].split()] == slug


@given(words)
def test_a_slug_cut_short_is_never_taken_mid_headline(headline):
    line = " ".join(headline) + " mới Nhằm giúp người dân nộp hồ sơ."
    cut = [fold(w.lower()) for w in headline[:-1]]
    if len(cut) >= MIN_SLUG_WORDS and headline[-1][:1].islower():
        assert slug_span(line, cut) is None or line[slug_span(line, cut)[1] :].lstrip()[:1].isupper()


def test_addresses_without_a_headline_give_no_slug():
    for url in (
        "https://so.example.gov.vn/index.php?id=12",
        "https://x.vn/tin-tuc/",
        "https://x.vn/a-b-c.html",
        "https://x.vn/news/56745/",
    ):
        assert slug_words(url) == []


def test_ids_and_files_are_not_headline_words():
    assert (
        slug_words("https://thuvienphapluat.vn/hoi-dap/83A4D89-sipas-la-ten-viet-tat-cua-chi-so-nao.html")[0] == "sipas"
    )
    assert slug_words("https://x.gov.vn/vi/news/cchc/phuong-trang-bang-huong-dan-nop-ho-so-2764.html")[-1] == "so"
    assert slug_words("https://x.vn/ket-qua-chi-so-sipas-nam-2023.html")[-1] == "2023"  # a year ends headlines
    assert slug_words("https://x.vn/huong-dan-tra-cuu-bang-ma-qr.html")[-1] == "qr"
    assert slug_words("https://so.gov.vn/uploads/ban-tin-cchc-so-03-2024.pdf") == []  # a file's name
    assert slug_words("https://laodong.vn/thoi-su/se-sap-nhap-16-quan-huyen-va-631-phuong-xa-651230.ldo")[-1] == "xa"


def test_a_headline_line_the_address_spells_with_a_word_left_out_or_cut_short():
    from reform_archive.importer.slug import headline_line

    line = "Chủ tịch UBND huyện tiếp công dân định kỳ tháng 1/2025."
    words = slug_words("https://x.gov.vn/vi/tin-bai/chu-tich-ubnd-huyen-tiep-cong-dan-dinh-ky-thang-12025?id=136773")
    assert headline_line(line, words) == (0, len(line) - 1)
    labelled = "Tên sáng kiến: Ứng dụng công nghệ thông tin trong việc giải quyết thủ tục tại xã Sơn Lĩnh."
    cut = slug_words("https://x.gov.vn/portal/pages/2023-01-30/Ung-dung-cong-nghe-thong-tin-trong-v-468686.aspx")
    start, end = headline_line(labelled, cut)
    assert labelled[start:end] == "Ứng dụng công nghệ thông tin trong việc giải quyết thủ tục tại xã Sơn Lĩnh"
    # a lead that goes on past a sentence is no headline line
    assert headline_line(line + " Dự tiếp công dân có lãnh đạo các phòng.", words) is None


def test_ids_and_codes_after_the_headlines_segment_are_skipped():
    url = "http://phuong.example.gov.vn/tin-tuc-su-kien/to-chuc-doi-thoai-voi-can-bo-doan-vien/ct/5491/6854"
    assert slug_words(url) == ["to", "chuc", "doi", "thoai", "voi", "can", "bo", "doan", "vien"]
    assert slug_words("https://x.vn/tin-tuc/cai-cach-hanh-chinh/12345") == []  # a section's name is no headline
