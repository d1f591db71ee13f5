"""The headline an address spells, written back with the page's accents (importer/address_title.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reform_archive.importer.accents import restore, word_table
from reform_archive.importer.address_title import common_forms, slug_cover, spell
from reform_archive.importer.slug import slug_words
from reform_archive.text.vietnamese import fold

LEAD = (
    " date 2025-06 Sáng 12/6, Quốc hội thông qua Nghị quyết về sắp xếp đơn vị hành chính cấp tỉnh, "
    "giảm số tỉnh, thành phố từ 63 xuống còn 34.",
    "Cả nước còn 34 tỉnh, thành phố sau khi sắp xếp.",
)


def test_runs_are_copied_as_the_page_prints_them():
    words = slug_words("https://bao.example.vn/quoc-hoi-chot-ca-nuoc-con-34-tinh-thanh-pho-4897740.html")
    spelling = spell(words, LEAD)
    assert spelling.text == "Quốc hội chốt cả nước còn 34 tỉnh, thành phố"  # "chốt" from the word table
    assert 0.8 <= spelling.on_page < 1.0
    assert spelling.words == 1.0


def test_a_run_never_crosses_a_sentence_or_a_line():
    lines = ("Người dân nộp hồ sơ. Thủ tục được giải quyết nhanh.", "hồ sơ")
    assert spell(["ho", "so", "thu", "tuc"], lines).text == "Hồ sơ thủ tục"
    assert spell(["so", "thu"], lines).in_runs == 0.0


def test_a_sentence_start_does_not_capitalise_a_word_inside_the_headline():
    lines = ("Theo đó, người dân được hỗ trợ.", "Nhiều người dân theo đó đến sớm.")
    assert spell(["nhieu", "nguoi", "dan", "theo", "do"], lines).text == "Nhiều người dân theo đó"
    assert spell(["can", "bo", "theo", "do"], ("Theo đó, cán bộ trực.",)).text == "Cán bộ theo đó"


def test_unbalanced_quotes_are_dropped():
    lines = ("Mô hình “Thứ bảy tiếp nhận hồ sơ” được nhân rộng.",)
    assert spell(["mo", "hinh", "thu", "bay"], lines).text == "Mô hình Thứ bảy"
    assert spell(["mo", "hinh", "thu", "bay", "tiep", "nhan", "ho", "so"], lines).text == (
        "Mô hình “Thứ bảy tiếp nhận hồ sơ”"
    )


def test_the_word_table_writes_pairs_and_capitals():
    assert restore(["ho", "so"], {}) == ["hồ", "sơ"] and common_forms()["qr"] == "QR"
    assert spell(["ha", "noi", "cap", "ho", "so"], ()).text == "Hà Nội cấp hồ sơ"
    assert spell(["xyzq", "abcd", "ho", "so"], ()).words == 0.5  # a script's name is no headline


@given(st.lists(st.sampled_from(["Hà", "Tĩnh", "một", "cửa", "số", "hóa", "hồ", "sơ", "xã", "34"]), min_size=3))
def test_what_the_page_prints_is_given_back_as_printed(words):
    """Three words or more in a row; two are weaker evidence (below)."""
    line = " ".join(words)
    spelled = spell([fold(w.lower()) for w in words], (line,))
    assert spelled.text == line[:1].upper() + line[1:]
    assert spelled.on_page == 1.0


def test_slug_cover():
    words = ["chuyen", "doi", "so", "phat", "trien", "kinh", "te", "so"]
    assert slug_cover("Chuyển đổi số - Phát triển kinh tế số", words) == 1.0
    assert slug_cover("Phát triển kinh tế số", words) == 6 / 8  # "số" twice


def test_a_capture_that_starts_at_the_lead_gets_the_headline_its_address_spells():
    from reform_archive.importer.pipeline import import_bytes

    page = "\n\n".join(
        [
            *LEAD,
            "Theo phương án, tỉnh Hà Giang nhập vào tỉnh Tuyên Quang để hình thành tỉnh mới, giữ tên Tuyên Quang.",
            "Nghị quyết có hiệu lực từ ngày được thông qua, các địa phương chuẩn bị bộ máy mới.",
        ]
    )
    url = "https://bao.example.vn/quoc-hoi-chot-ca-nuoc-con-34-tinh-thanh-pho-4897740.html"
    extraction = import_bytes(page.encode(), "01.txt", url)[0].extraction
    assert extraction is not None and extraction.article is not None
    article = extraction.article
    assert article.title == "Quốc hội chốt cả nước còn 34 tỉnh, thành phố"
    assert article.title_inferred
    assert any("address" in note.message for note in extraction.warnings)
    # without the address, the lead's sentence it is, flagged the same way
    bare = import_bytes(page.encode(), "01.txt", "")[0].extraction
    assert bare is not None and bare.article is not None
    assert bare.article.title.startswith("Sáng 12/6, Quốc hội") and bare.article.title_inferred


def test_a_trailing_id_of_letters_is_not_a_headline_word_but_an_acronym_is():
    from reform_archive.importer.address_title import headline_words

    assert headline_words("http://x.vn/doc/dao-tao-boi-duong-kien-thuc-cai-cach-han-ntdjuq.htm")[-1] == "han"
    assert headline_words("https://x.vn/huong-dan-tra-cuu-ho-so-bang-ma-qr.html")[-1] == "qr"
    assert headline_words("https://x.vn/ket-qua-giai-quyet-ho-so-trong-24h.html")[-1] == "24h"
    assert headline_words("https://x.vn/Lists/noi-dung-tin-cchc-diaphuong.aspx")[-1] == "diaphuong"


def test_a_slug_cut_short_mid_word_still_matches_the_printed_run():
    lines = ("Đào tạo kiến thức cải cách hành chính cho cán bộ",)
    spelled = spell(["dao", "tao", "kien", "thuc", "cai", "cach", "han"], lines)
    assert spelled.text == "Đào tạo kiến thức cải cách hành" and spelled.in_runs == 1.0


def test_words_news_lists_with_a_comma_get_it_and_known_pairs_choose_the_accent():
    assert "phuong xa" in word_table().listed
    assert spell(["sap", "xep", "phuong", "xa"], ()).text == "Sắp xếp phường, xã"
    assert spell(["nop", "ho", "so", "truc", "tuyen"], ()).text == "Nộp hồ sơ trực tuyến"


def test_a_broken_slug_spells_no_headline():
    from reform_archive.importer.address_title import headline_words

    words = headline_words("http://x.gov.vn/ca-ng-ta-c/770-truya-n-tha-ng-ha-i-na-ng-da-n-chung-sa-c-xa-y-da-ng")
    assert spell(words, ("Hội Nông dân tỉnh",)).words < 0.85  # "truya", "n", "ng": no words at all


def test_a_leading_number_the_page_never_prints_is_an_id():
    lines = ("Chủ tịch UBND tỉnh hoãn tiếp công dân định kỳ tháng 12/2024 vì lý do công tác.",)
    assert spell(["861", "hoan", "tiep", "cong", "dan"], lines).text == "Hoãn tiếp công dân"
    assert spell(["12", "tinh", "thanh"], ("Có 12 tỉnh, thành sáp nhập",)).text == "12 tỉnh, thành"


def test_words_printed_in_capitals_are_written_as_news_writes_them():
    lines = ("THỰC TẬP LĨNH VỰC HỘ TỊCH TẠI XÃ", "Báo cáo thực tập của sinh viên ngành luật tại UBND xã.")
    assert (
        spell(["thuc", "tap", "linh", "vuc", "ho", "tich", "tai", "xa"], lines).text
        == "Thực tập lĩnh vực hộ tịch tại xã"
    )
    assert spell(["ubnd", "xa"], ("KẾT QUẢ CỦA UBND XÃ",)).text == "UBND xã"


def test_letters_a_broken_slug_splits_a_word_into_are_no_words():
    from reform_archive.importer.address_title import headline_words

    words = headline_words("https://x.vn/nam-2019-kiem-tra-ca-i-ca-ch-ha-nh-chi-nh-tai-11-co-quan-don-vi-12345.html")
    assert spell(words, ("Năm 2019, kiểm tra tại 11 cơ quan, đơn vị",)).words < 0.85


def test_a_small_leading_number_is_a_headline_word():
    assert (
        spell(["10", "luat", "co", "hieu", "luc"], ("Các luật có hiệu lực từ ngày 1/7.",)).text == "10 luật có hiệu lực"
    )


def test_a_page_of_one_headline_is_not_titled_by_its_address():
    from reform_archive.importer.pipeline import import_bytes

    headline = "LỢI ÍCH THỰC TIỄN NHIỀU MẶT VỚI CỔNG DỊCH VỤ CÔNG QUỐC GIA"
    url = "http://huyen.example.gov.vn/audio/39237/Chuong-trinh-phat-thanh-so-39237.html"
    article = import_bytes(headline.encode(), "26.txt", url)[0].extraction.article
    assert article is not None and article.title.lower() == headline.lower()


def test_a_sentence_holding_the_address_s_words_is_the_lead_not_a_printed_headline():
    from reform_archive.importer.pipeline import import_bytes

    lead = (
        "Công an tỉnh trân trọng gửi tới bạn đọc nội dung mới của Dự án Luật Cư trú (sửa đổi) và 02 dự án: "
        "Sản xuất, cấp và quản lý Căn cước công dân; dự án Cơ sở dữ liệu quốc gia về dân cư."
    )
    body = "Thực hiện chương trình xây dựng pháp luật, Quốc hội dự kiến thảo luận một số dự án luật liên quan."
    url = (
        "https://ca.example.gov.vn/tuyen-truyen-ve-du-an-luat-cu-tru-sua-doi-va-02-du-an-san-xuat-cap-va-quan-ly-"
        "can-cuoc-cong-dan-du-an-co-so-du-lieu-quoc-gia-ve-dan-cu-c215415.html"
    )
    article = import_bytes("\n\n".join([body, lead, body]).encode(), "04.txt", url)[0].extraction.article
    assert (
        article.title.startswith("Tuyên truyền về Dự án Luật Cư trú (sửa đổi) và 02 dự án:") and article.title_inferred
    )


def test_acronyms_and_roman_numerals_the_page_does_not_print_are_capitals():
    assert spell(["cong", "an", "huyen", "lam", "cccd"], ()).text.endswith("làm CCCD")
    assert spell(["ttv", "bo", "may", "chinh", "quyen"], ()).text.startswith("TTV bộ máy")
    assert "khóa X tiếp" in spell(["dai", "bieu", "khoa", "x", "tiep", "cong", "dan"], ()).text


def test_two_words_the_page_prints_together_are_copied_only_when_the_model_agrees():
    lines = ("Đây là giải pháp quan trọng thúc đẩy chuyển đổi số.",)
    assert spell(["trong", "thuc", "hien", "de", "an"], lines).text == "Trong thực hiện đề án"
    assert spell(["quan", "trong", "thuc", "day"], lines).text == "Quan trọng thúc đẩy"


def test_the_line_holding_most_of_the_addresss_words_is_the_headline_over_a_sub_heading():
    from reform_archive.importer.extract import extract

    headline = "Hội Nông dân tỉnh tăng cường tuyên truyền, vận động nông dân tham gia chuyển đổi số"
    sub = "Chuyển đổi số góp phần nâng cao thu nhập cho nông dân"
    lead = (
        "Ban Thường vụ Hội Nông dân tỉnh xác định, chuyển đổi số góp phần nâng cao thu nhập cho nông dân "
        "và giúp hội viên tiếp cận dịch vụ công nhanh hơn."
    )
    body = (
        "Năm nay, các cấp hội tăng cường tuyên truyền, vận động nông dân tham gia chuyển đổi số qua "
        "120 lớp hướng dẫn hội viên cài đặt và sử dụng ứng dụng VNeID."
    )
    url = "https://tapchi.example.vn/hoi-day-manh-tuyen-truyen-van-dong-nong-dan-tham-gia-chuyen-doi-so-21144.html"
    article = extract("\n\n".join([headline, sub, lead, body]), url=url).article
    assert article is not None and article.title == headline
