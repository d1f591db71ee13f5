"""Deterministic synthetic corpus of Vietnamese administrative-reform news, for benchmarks.

``write_site(directory, count, seed)`` writes ``site.toml`` and ``content/<year>/<slug>.md``;
``iter_articles(count, seed)`` yields the same ``("content/<year>/<slug>.md", text)`` pairs
without disk; ``python -m benchmarks.corpus COUNT DIR [--seed N]`` is the command line. The
same (count, seed) gives the same bytes, and one random stream feeds the articles in order,
so a 1,000-article corpus is the first 1,000 articles of the 10,000-article one.

Index size and build time depend on how the vocabulary grows with the number of articles,
so it must grow as a real archive's does (Heaps' law) instead of stopping at a word list:

1. Head: hand-written CCHC phrases ("cải cách hành chính", "một cửa", "dịch vụ công trực
   tuyến" ...) grouped by the six reform topics (they contain the importer's topic keywords),
   organisations, roles, people's names, the 63 provinces and their districts, slotted into
   sentence templates. This makes the text read like the real news.
2. Native tail: every Vietnamese-looking syllable composed from onset + rhyme + tone (c/k,
   g/gh, ng/ngh, gi, qu and iê/yê spellings; stop-final rhymes take only sắc or nặng; tone
   mark in the old style of the canonical names, "Hòa", "Thủy"), about 13,000, ordered by a
   plausibility score and drawn from a Zipf law: rare words, given names, villages. It
   saturates slowly, as a language's syllables do.
3. Open tail: highland place names ("buôn Ea Krôngbuk") and company or software names
   ("Công ty TNHH Tanphusoft") indexed by an unbounded rank drawn from a discrete Pareto law
   (Zipf exponent 1.6), so new names keep appearing at any N, as in a real archive.
   Numbers, dates and document numbers ("1291/QĐ-UBND", "10/2019/NQ-HĐND") vary as well.

Each article has a main province, 1-3 topics, a few cited documents (national ones only
after they were issued) and a 2015-2025 date, mostly with a time. Front matter lists the
provinces and documents the text names. Titles have 8-20 syllables, summaries 1-2
sentences, bodies 3-8 KB of paragraphs, ``##`` headings and lists, opening with the summary
as imported articles do. Front-matter strings are JSON-quoted, which is valid YAML with no
traps ("no", "on", colons, numbers). The text is NFC by construction.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

from reform_archive.importer.place_names import DISTRICTS, PROVINCES
from reform_archive.source.article import TOPICS
from reform_archive.source.parse import normalise_document
from reform_archive.text.vietnamese import fold


def _bank(text: str) -> tuple[str, ...]:
    return tuple(unicodedata.normalize("NFC", item.strip()) for item in text.split("|"))


# --- native syllables ------------------------------------------------------------------
_ONSETS = [
    "",
    "t",
    "th",
    "h",
    "c",
    "đ",
    "n",
    "l",
    "nh",
    "m",
    "ng",
    "tr",
    "ch",
    "b",
    "kh",
    "v",
    "x",
    "d",
    "gi",
    "s",
    "ph",
    "g",
    "qu",
    "r",
]
_RHYMES = [
    "a",
    "ai",
    "an",
    "ang",
    "anh",
    "ao",
    "at",
    "ac",
    "ach",
    "am",
    "ay",
    "au",
    "ân",
    "âm",
    "âng",
    "ât",
    "âc",
    "âu",
    "ây",
    "ăn",
    "ăng",
    "ăm",
    "ăt",
    "ăc",
    "e",
    "en",
    "em",
    "eo",
    "et",
    "ê",
    "ên",
    "ênh",
    "êt",
    "êch",
    "êu",
    "i",
    "in",
    "inh",
    "it",
    "ich",
    "im",
    "iu",
    "ia",
    "iên",
    "iêng",
    "iêt",
    "iêc",
    "iêu",
    "iêm",
    "o",
    "oi",
    "on",
    "ong",
    "ot",
    "oc",
    "om",
    "oa",
    "oai",
    "oan",
    "oang",
    "oanh",
    "oat",
    "oac",
    "oach",
    "oay",
    "oe",
    "oen",
    "oet",
    "ô",
    "ôi",
    "ôn",
    "ông",
    "ôt",
    "ôc",
    "ôm",
    "ơ",
    "ơi",
    "ơn",
    "ơm",
    "ơt",
    "u",
    "ui",
    "un",
    "ung",
    "ut",
    "uc",
    "um",
    "ua",
    "uân",
    "uât",
    "uây",
    "uê",
    "uy",
    "uya",
    "uyên",
    "uyêt",
    "uynh",
    "uyt",
    "uôi",
    "uôn",
    "uông",
    "uôt",
    "uôc",
    "uôm",
    "ư",
    "ưa",
    "ưi",
    "ưng",
    "ưt",
    "ưc",
    "ưu",
    "ươi",
    "ương",
    "ươn",
    "ươt",
    "ươc",
    "ươm",
    "ươu",
    "y",
    "ăp",
    "âp",
    "ap",
    "ep",
    "êp",
    "ip",
    "op",
    "ôp",
    "ơp",
    "up",
    "ươp",
    "iêp",
]
_TONES = ("", "\u0300", "\u0301", "\u0323", "\u0309", "\u0303")  # ngang, huyền, sắc, nặng, hỏi, ngã
_GLIDES = ("oa", "oă", "oe", "uâ", "uê", "uy", "uơ")


def _tone_index(rhyme: str) -> int:
    vowels = [i for i, c in enumerate(rhyme) if c in "aăâeêioôơuưy"]
    for marked in ("ơ", "ăâêôư"):
        for i in vowels:
            if rhyme[i] in marked:
                return i
    if vowels[-1] < len(rhyme) - 1:  # closed syllable: the last vowel ("oán", "uỳnh")
        return vowels[-1]
    return vowels[1] if len(vowels) >= 3 else vowels[0]  # "oái"; "ái", "hòa", "thủy"


def _syllable(onset: str, rhyme: str, tone: str) -> str | None:
    glide = rhyme.startswith(_GLIDES)
    if onset == "qu":
        if not glide and rhyme[0] in "ouư":
            return None
        rhyme = rhyme[1:] if rhyme[0] == "u" and glide else rhyme
    elif glide and onset in ("b", "m", "ph", "v", "r", "g", "gi", "c"):
        return None
    if rhyme == "y" and onset not in ("", "l", "m", "t", "s", "h", "c", "qu"):
        return None
    if onset == "c" and rhyme[0] in "eêiy":
        onset = "k"
    elif onset in ("g", "ng") and rhyme[0] in "eêiy":
        if rhyme[0] == "y":
            return None
        onset += "h"
    elif onset == "gi" and rhyme[0] == "i":
        if rhyme == "ia":
            return None
        onset = "g"
    if not onset and rhyme.startswith("iê"):
        rhyme = "y" + rhyme[1:]
    at = _tone_index(rhyme) + 1
    return unicodedata.normalize("NFC", onset + rhyme[:at] + tone + rhyme[at:])


@lru_cache(maxsize=1)
def native_syllables() -> tuple[tuple[str, ...], list[float]]:
    """All composed syllables, most plausible first, and Zipf cumulative weights for them."""
    noise = random.Random(7)
    scored = []
    for o, onset in enumerate(_ONSETS):
        for r, rhyme in enumerate(_RHYMES):
            stop = rhyme.endswith(("p", "t", "c", "ch"))
            for t, tone in enumerate(_TONES):
                if stop and t not in (2, 3):
                    continue
                syllable = _syllable(onset, rhyme, tone)
                if syllable:
                    score = o / len(_ONSETS) + r / len(_RHYMES) + 0.12 * t + 0.6 * noise.random()
                    scored.append((score, syllable))
    ordered = tuple(dict.fromkeys(s for _, s in sorted(scored)))
    return ordered, list(accumulate(1.0 / (rank + 8) for rank in range(len(ordered))))


_H_ONSETS = [
    "k",
    "kr",
    "kl",
    "bl",
    "br",
    "dr",
    "pl",
    "m'",
    "h'",
    "r",
    "s",
    "y",
    "t",
    "đ",
    "l",
    "n",
    "ng",
    "kp",
    "rm",
    "hr",
    "dl",
]
_H_PREFIXES = ("Ea", "Ia", "Đắk", "Chư", "Kon", "Krông", "Yang", "Đạ", "Cư", "Bù")
_SUFFIXES = ("", "", "tech", "soft", "net", "data", "link", "smart", "hub", "gov")


@lru_cache(maxsize=1 << 16)
def coined(rank: int, highland: bool) -> str:
    """The name of ``rank`` in an unbounded list: highland ("Ea Krôngbuk") or a brand ("Tanphusoft")."""
    r = random.Random(rank * 2654435761 + highland)
    if highland:
        word = "".join(
            r.choice(_H_ONSETS)
            + r.choice("aăâeêioôơuư")
            + r.choice(("", "k", "ng", "n", "h", "m", "r", "l", "p", "t", "nh"))
            for _ in range(r.choice((1, 2)))
        )
        return unicodedata.normalize("NFC", f"{r.choice(_H_PREFIXES)} {_cap(word)}")
    head = native_syllables()[0][:4000]
    return _cap("".join(fold(r.choice(head)) for _ in range(r.choice((1, 2)))) + r.choice(_SUFFIXES))


# --- core vocabulary -------------------------------------------------------------------
_CITIES = {"Hà Nội", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"}
_ORGS = _bank(
    "UBND tỉnh|Ủy ban nhân dân tỉnh|Sở Nội vụ|Văn phòng UBND tỉnh|Trung tâm Phục vụ hành chính công tỉnh|"
    "Ban Chỉ đạo cải cách hành chính tỉnh|Sở Thông tin và Truyền thông|Sở Tư pháp|Sở Tài chính|"
    "Sở Kế hoạch và Đầu tư|Công an tỉnh|Thường trực Tỉnh ủy|UBND cấp huyện|UBND cấp xã|"
    "các sở, ban, ngành|Bộ phận một cửa các cấp"
)
_ACTIONS = _bank(
    "đẩy mạnh|triển khai thực hiện|nâng cao chất lượng|tăng cường|rà soát, đơn giản hóa|kiện toàn|"
    "đổi mới|nâng cao hiệu quả|tập trung chỉ đạo|quán triệt và cụ thể hóa|thực hiện nghiêm|"
    "phát huy hiệu quả|hoàn thiện|chuẩn hóa|công khai, minh bạch|kiểm tra, giám sát|theo dõi, đánh giá"
)
_TOPIC_PHRASES = {
    topic: _bank(text)
    for topic, text in zip(
        TOPICS,
        (
            (
                "công tác xây dựng và thi hành pháp luật|hệ thống văn bản quy phạm pháp luật|cải cách thể chế|"
                "công tác rà soát văn bản|cơ chế, chính sách đặc thù|công tác phổ biến, giáo dục pháp luật|"
                "chất lượng thẩm định dự thảo văn bản"
            ),
            (
                "thủ tục hành chính|cơ chế một cửa, một cửa liên thông|việc tiếp nhận và trả kết quả hồ sơ|Bộ phận một cửa cấp xã|"
                "danh mục thủ tục hành chính|quy trình nội bộ giải quyết thủ tục hành chính|tỷ lệ hồ sơ trễ hạn|"
                "công tác kiểm soát thủ tục hành chính|việc tiếp nhận phản ánh, kiến nghị|thời gian giải quyết hồ sơ"
            ),
            (
                "tổ chức bộ máy|việc sắp xếp đơn vị hành chính cấp xã|tinh giản biên chế|các đơn vị sự nghiệp công lập|"
                "việc kiện toàn các phòng chuyên môn|việc giảm đầu mối bên trong|chức năng, nhiệm vụ của các cơ quan chuyên môn|"
                "việc sáp nhập thôn, tổ dân phố"
            ),
            (
                "đội ngũ cán bộ, công chức, viên chức|vị trí việc làm|kỷ luật, kỷ cương hành chính|đạo đức công vụ|"
                "công tác đào tạo, bồi dưỡng|công tác tuyển dụng công chức|văn hóa công sở|trách nhiệm của người đứng đầu|"
                "việc đánh giá, xếp loại công chức"
            ),
            (
                "cơ chế tự chủ tài chính|quản lý ngân sách nhà nước|giải ngân vốn đầu tư công|dự toán chi thường xuyên|"
                "thực hành tiết kiệm, chống lãng phí|quản lý tài sản công|thanh toán trực tuyến phí, lệ phí|khoán chi hành chính"
            ),
            (
                "chuyển đổi số|chính quyền điện tử, chính quyền số|dịch vụ công trực tuyến toàn trình|Cổng dịch vụ công quốc gia|"
                "hệ thống quản lý văn bản và điều hành|số hóa hồ sơ, kết quả giải quyết thủ tục hành chính|cơ sở dữ liệu dân cư|"
                "Trung tâm giám sát, điều hành thông minh (IOC)|chữ ký số|ứng dụng công nghệ thông tin|các nền tảng số|Đề án 06"
            ),
        ),
        strict=True,
    )
}
_GOALS = _bank(
    "nâng cao hiệu lực, hiệu quả quản lý nhà nước|tạo thuận lợi cho người dân, doanh nghiệp|"
    "cải thiện môi trường đầu tư kinh doanh|xây dựng nền hành chính dân chủ, chuyên nghiệp, hiện đại|"
    "nâng cao Chỉ số cải cách hành chính (PAR Index)|thúc đẩy phát triển kinh tế - xã hội|"
    "nâng cao Chỉ số hài lòng của người dân (SIPAS)|cải thiện Chỉ số PAPI và PCI"
)
_QUALS = _bank("quyết liệt|đồng bộ|thường xuyên|kịp thời|hiệu quả|nghiêm túc|sâu rộng|thực chất|bài bản")
_LINKS = _bank(
    "||||Bên cạnh đó,|Ngoài ra,|Đặc biệt,|Tuy nhiên,|Trong thời gian tới,|Theo báo cáo,|Qua đó,|"
    "Cùng với đó,|Từ đầu năm đến nay,|Thực hiện chỉ đạo của UBND tỉnh,"
)
_MODELS = _bank(
    "Ngày thứ Năm lắng nghe|Cà phê doanh nhân|Dân hỏi - chính quyền trả lời|Tổ công nghệ số cộng đồng|"
    "Ngày thứ Bảy vì dân|Không hẹn lần hai|Số hóa tại chỗ|Chính quyền thân thiện|Một cửa không giấy|"
    "Hỗ trợ thủ tục tại nhà|Bình dân học vụ số"
)
_FAMILY = _bank(
    "Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Đinh|Trương|Lâm|Mai|Tô|Hà|"
    "Cao|Lương|Đào|Chu|Kiều|Thái|Lưu|Quách"
)
_MIDDLE = (
    _bank("Văn|Hữu|Đức|Minh|Quang|Công|Xuân|Thanh|Ngọc|Trọng|Đình|Tiến|Quốc|Bá"),
    _bank("Thị|Thị|Ngọc|Thu|Thanh|Hồng|Minh|Kim|Thùy|Phương|Bích|Diệu"),
)
_GIVEN = (
    _bank(
        "Hùng|Dũng|Minh|Tuấn|Hải|Sơn|Long|Nam|Thắng|Cường|Bình|Phong|Quân|Trung|Hiếu|Thành|Tùng|Khoa|"
        "Lâm|Đạt|Vinh|Hòa|Phúc|Tâm|Lợi|Toàn|Huy|Hưng|Tín"
    ),
    _bank(
        "Hà|Lan|Hương|Hoa|Mai|Linh|Nga|Thảo|Trang|Hạnh|Hằng|Yến|Dung|Nhung|Vân|Thủy|Loan|Huyền|Phượng|"
        "Trinh|Ngân|Oanh|Tuyết|Hiền"
    ),
)
_ROLES = _bank(
    "Chủ tịch UBND tỉnh|Phó Chủ tịch UBND tỉnh|Giám đốc Sở Nội vụ|Phó Giám đốc Sở Nội vụ|"
    "Chánh Văn phòng UBND tỉnh|Giám đốc Trung tâm Phục vụ hành chính công tỉnh|"
    "Trưởng phòng Cải cách hành chính, Sở Nội vụ|Chủ tịch UBND huyện|Bí thư Huyện ủy|Chủ tịch UBND xã|"
    "công chức Bộ phận một cửa xã|Giám đốc Sở Thông tin và Truyền thông"
)
_PLACE_WORDS = _bank(
    "An|Phú|Hòa|Tân|Bình|Phước|Thạnh|Long|Hưng|Đông|Tây|Nam|Bắc|Trung|Sơn|Thủy|Lộc|Quý|Hiệp|"
    "Thành|Nghĩa|Đức|Minh|Xuân|Thuận|Hải|Vĩnh|Mỹ|Hợp|Thịnh|Lợi|Phong|Cát|Kim|Lạc"
)
_TAGS = _bank(
    "cải cách hành chính|một cửa|dịch vụ công trực tuyến|chuyển đổi số|PAR Index|SIPAS|thủ tục hành chính|"
    "Đề án 06|PAPI|PCI|số hóa|thanh toán trực tuyến|tinh giản biên chế|kỷ luật kỷ cương|hội nghị|"
    "sắp xếp đơn vị hành chính|văn hóa công sở|người đứng đầu|kiểm tra công vụ|cơ sở dữ liệu|chữ ký số|"
    "hành chính công|tổng kết|sơ kết|đào tạo bồi dưỡng|Bưu điện"
)
_CATEGORIES = _bank("Tin hoạt động|Tin địa phương|Văn bản chỉ đạo|Chuyển đổi số|Gương điển hình|Nghiên cứu - trao đổi")
_DEPARTMENTS = _bank(
    "Phòng Cải cách hành chính|Phòng Nội vụ|Văn phòng UBND tỉnh|Trung tâm Phục vụ hành chính công|"
    "Ban Biên tập|Sở Nội vụ"
)
_HEADINGS = _bank(
    "Kết quả đạt được|Những tồn tại, hạn chế|Nhiệm vụ, giải pháp trong thời gian tới|Đẩy mạnh chuyển đổi số|"
    "Nâng cao chất lượng phục vụ người dân|Lấy sự hài lòng của người dân làm thước đo|Chuyển biến từ cơ sở|"
    "Một số kết quả nổi bật|Kiến nghị, đề xuất|Siết chặt kỷ luật, kỷ cương|Cải cách từ {D}"
)
# cited documents: national ones (type, number, year issued) and local forms ({n}: number, {s}: short, {y}: year)
_NATIONAL = (
    ("Nghị quyết", "30c/NQ-CP", 2011),
    ("Nghị định", "61/2018/NĐ-CP", 2018),
    ("Nghị định", "45/2020/NĐ-CP", 2020),
    ("Nghị quyết", "76/NQ-CP", 2021),
    ("Nghị định", "107/2021/NĐ-CP", 2021),
    ("Quyết định", "06/QĐ-TTg", 2022),
)
_LOCAL = (
    ("Quyết định", "{n}/QĐ-UBND"),
    ("Kế hoạch", "{n}/KH-UBND"),
    ("Thông báo", "{n}/TB-UBND"),
    ("Chỉ thị", "{n}/CT-UBND"),
    ("Công văn", "{n}/UBND-NC"),
    ("Kế hoạch", "{n}/KH-BCĐ"),
    ("Nghị quyết", "{s}-NQ/TU"),
    ("Chỉ thị", "{s}-CT/TU"),
    ("Nghị quyết", "{s}/{y}/NQ-HĐND"),
    ("Quyết định", "{n}/QĐ-SNV"),
)

# --- templates: each {letter} is a slot filled by _SLOTS[letter] -----------------------
_SENTENCES = _bank(
    "{O} đã {A} {T} một cách {Q}, góp phần {G}.|"
    "Trong năm {Y}, trên địa bàn {P} đã tiếp nhận {K} hồ sơ, trong đó {R} hồ sơ được giải quyết đúng và trước hạn.|"
    "{O} ban hành {V} về việc {A} {T} trên địa bàn {P}.|"
    "Theo {N}, {T} tại {L} đã có nhiều chuyển biến tích cực, được người dân đánh giá cao.|"
    "Tỷ lệ hồ sơ được xử lý trực tuyến đạt {R}, tăng {c} so với năm {Z}.|"
    "{O} yêu cầu các cơ quan, đơn vị tiếp tục {A} {T}; kịp thời khắc phục hạn chế trong lĩnh vực {W} và {W}.|"
    "Mô hình “{M}” tại {L}, {D} là một trong những cách làm hay được nhân rộng.|"
    "Thực hiện {V}, {O} đã tổ chức {k} cuộc kiểm tra, phát hiện và chấn chỉnh {k} trường hợp vi phạm.|"
    "Phát biểu tại hội nghị, {N} đề nghị các địa phương {Q} {A} {T}, nhất là ở {H} và {H}.|"
    "{T} được xác định là nhiệm vụ trọng tâm, xuyên suốt, gắn với {T}.|"
    "Nhiều thủ tục về {W}, {W} đã được cắt giảm thời gian giải quyết từ {k} ngày xuống còn {j} ngày.|"
    "{I}, người dân {H}, {L} cho biết: “Giờ đây làm thủ tục rất thuận tiện, không phải đi lại nhiều lần như trước”.|"
    "{O} đã cử {k} công chức tham gia lớp bồi dưỡng về {T} do {O} tổ chức.|"
    "Năm {Z}, Chỉ số cải cách hành chính (PAR Index) của {P} đạt {F} điểm, xếp thứ {r}/63 tỉnh, thành phố.|"
    "Đến nay, {K} thủ tục hành chính đã được cung cấp dưới dạng dịch vụ công trực tuyến toàn trình.|"
    "Việc {A} {T} ở một số nơi còn chậm; {T} chưa đồng bộ, nhất là tại {D}.|"
    "Căn cứ {V}, {O} đã xây dựng kế hoạch {A} {T} năm {Y}.|"
    "Tổng kinh phí thực hiện là {K} triệu đồng, từ ngân sách tỉnh và nguồn xã hội hóa.|"
    "Đoàn công tác của {O} đã làm việc tại {L}, {D}, kiểm tra việc {A} {T}.|"
    "{P} cũng là một trong những địa phương đi đầu về {T}, cùng với {o}.|"
    "Các xã vùng sâu như {H}, {H} đã bố trí tổ công nghệ số cộng đồng hướng dẫn người dân về {W} {W}.|"
    "{O} giao {O} chủ trì, phối hợp với {O} {A} {T}, báo cáo kết quả trước ngày {S}.|"
    "{O} phối hợp với Công ty Cổ phần {B} đưa ứng dụng “{B}” vào sử dụng, giúp người dân tra cứu hồ sơ.|"
    "Hệ thống {B} của {O} đã được kết nối, liên thông với Cổng dịch vụ công quốc gia.|"
    "Hợp tác xã {X} và Công ty TNHH {B} đã được hỗ trợ {A} {T} để thực hiện thủ tục về {W}.|"
    "Theo {N}, để {G}, cần {Q} {A} {T} và {A} {T}.|"
    "Qua rà soát, có {k} thủ tục hành chính được đề nghị bãi bỏ, {k} thủ tục được sửa đổi, bổ sung."
)
_LEADS = _bank(
    "Ngày {S}, {O} tổ chức hội nghị tổng kết công tác cải cách hành chính năm {Z}, triển khai nhiệm vụ năm {Y}.|"
    "{O} vừa ban hành {V} về {A} {T} năm {Y}.|"
    "Những năm qua, {T} tại {P} đã có nhiều chuyển biến tích cực, góp phần {G}.|"
    "Thời gian qua, {O} đã {Q} {A} {T}, tạo chuyển biến rõ nét trong {T}.|"
    "Nhằm {G}, {P} tập trung {A} {T} và {T}."
)
_TITLES = _bank(
    "{p} {A} {T} năm {Y}|{O} tổ chức hội nghị tổng kết công tác cải cách hành chính năm {Z}|"
    "Hiệu quả từ mô hình “{M}” ở {D}|{D} ({p}): {A} {T}|Ban hành {v} về {A} {T}|"
    "Kiểm tra công tác cải cách hành chính tại {D}, {P}|{p}: {T} gắn với {T}|"
    "{p} {A} {T}, hướng tới {G}|Khi {T} về đến {L}"
)
_ITEMS = _bank(
    "{A} {T}|{A} {T} tại {D}|{A} {T}, bảo đảm {G}|tổ chức {k} lớp tập huấn về {T}|{A} {T} và {W}|"
    "{A} {T} trên nền tảng {B}"
)
_SENTENCES_C, _LEADS_C, _TITLES_C, _ITEMS_C, _HEADINGS_C = (  # "a {X} b" -> ["a ", "X", " b"]
    tuple(re.split(r"\{(\w)\}", text) for text in bank) for bank in (_SENTENCES, _LEADS, _TITLES, _ITEMS, _HEADINGS)
)
_START = date(2015, 1, 1).toordinal()
_DAYS = date(2025, 12, 31).toordinal() - _START + 1


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Article:
    """One article's choices; ``fill`` replaces each {letter} of a template by ``_SLOTS[letter](self)``."""

    def __init__(self, rng: random.Random, syllables: tuple[str, ...], cumulative: list[float]):
        self.rng, self.syllables, self.cumulative = rng, syllables, cumulative
        self.when = date.fromordinal(_START + int(_DAYS * rng.random() ** 0.8))  # archives grow
        self.province = rng.choice(PROVINCES)
        self.others = rng.sample([p for p in PROVINCES if p != self.province], 2)
        self.districts = [d for d in DISTRICTS[self.province] if not d.isdigit()]
        self.topics = rng.sample(TOPICS, rng.choice((1, 1, 2, 2, 3)))
        self.pool = [self.document() for _ in range(rng.randint(1, 4))]
        self.provinces: dict[str, None] = {self.province: None}  # the main one first
        self.documents: dict[str, None] = {}

    def document(self) -> tuple[str, str, date]:
        rng, issued = self.rng, self.when - timedelta(days=self.rng.randint(3, 400))
        national = [d for d in _NATIONAL if d[2] < self.when.year]
        if national and rng.random() < 0.3:
            kind, number, year = rng.choice(national)
            return kind, number, date(year, rng.randint(1, 12), rng.randint(1, 28))
        kind, form = rng.choice(_LOCAL)
        return kind, form.format(n=rng.randint(1, 3500), s=f"{rng.randint(1, 40):02d}", y=issued.year), issued

    def fill(self, parts: list[str]) -> str:
        return "".join(part if i % 2 == 0 else _SLOTS[part](self) for i, part in enumerate(parts))

    def words(self, n: int) -> list[str]:
        return self.rng.choices(self.syllables, cum_weights=self.cumulative, k=n)

    def province_name(self) -> str:  # mostly the main province
        name = self.province if self.rng.random() < 0.85 else self.rng.choice(self.others)
        self.provinces.setdefault(name)
        return name

    def place(self, name: str) -> str:  # "tỉnh Hà Tĩnh", "thành phố Đà Nẵng"
        self.provinces.setdefault(name)
        return ("thành phố " if name in _CITIES else "tỉnh ") + name

    def organisation(self) -> str:
        org = self.rng.choice(_ORGS)
        if org.endswith(" tỉnh"):
            org = org[:-4] + "thành phố" if self.province in _CITIES else org
            if self.rng.random() < 0.4:
                self.provinces.setdefault(self.province)
                org += " " + self.province
        return org

    def coined(self, highland: bool) -> str:  # an unbounded Zipf rank (exponent 1.6: Pareto 0.6)
        return coined(int(20 * ((1.0 - self.rng.random()) ** (-1 / 0.6) - 1)), highland)

    def hamlet(self) -> str:
        if self.rng.random() < 0.3:
            return self.rng.choice(("buôn ", "plei ", "làng ")) + self.coined(True)
        return "thôn " + _SLOTS["X"](self)

    def person(self) -> str:  # "ông Nguyễn Văn Hùng"; a quarter of given names are rare syllables
        rng, female = self.rng, self.rng.random() < 0.4
        given = rng.choice(_GIVEN[female]) if rng.random() < 0.75 else _cap(self.words(1)[0])
        family = _FAMILY[(int(rng.paretovariate(1.2)) - 1) % len(_FAMILY)]
        return f"{'bà' if female else 'ông'} {family} {rng.choice(_MIDDLE[female])} {given}"

    def topic_phrase(self) -> str:  # one of the article's topics, sometimes any topic
        topic = self.rng.choice(self.topics) if self.rng.random() < 0.8 else self.rng.choice(TOPICS)
        return self.rng.choice(_TOPIC_PHRASES[topic])

    def cite(self, long: bool) -> str:  # "Kế hoạch 72/KH-UBND", "Kế hoạch số 72/KH-UBND ngày 5/3/2023"
        kind, number, issued = self.rng.choice(self.pool)
        self.documents.setdefault(normalise_document(number))
        return f"{kind} số {number} ngày {issued.day}/{issued.month}/{issued.year}" if long else f"{kind} {number}"

    def sentence(self, bank: tuple[list[str], ...] = _SENTENCES_C) -> str:
        parts = self.rng.choice(bank)
        link = self.rng.choice(_LINKS) if bank is _SENTENCES_C and not parts[0] else ""
        return link + " " + self.fill(parts) if link else _cap(self.fill(parts))

    def title(self) -> str:
        for _ in range(50):
            title = _cap(self.fill(self.rng.choice(_TITLES_C)))
            if 8 <= sum(any(c.isalnum() for c in w) for w in title.split()) <= 20:
                return title
        raise RuntimeError("no title of 8-20 syllables")  # pragma: no cover

    def body(self, summary: str) -> str:
        """The summary, then paragraphs, headings and lists up to 3,000-8,000 bytes in all."""
        rng, blocks = self.rng, [summary]
        size, target = len(summary.encode()), rng.randint(3000, 7600)
        while size < target:
            roll = rng.random()
            if roll < 0.12 and len(blocks) > 2 and not blocks[-1].startswith("#"):
                block = "## " + _cap(self.fill(rng.choice(_HEADINGS_C)))
            elif roll < 0.22:
                items = [_cap(self.fill(rng.choice(_ITEMS_C))) for _ in range(rng.randint(3, 6))]
                block = "\n".join(f"- {item};" for item in items)[:-1] + "."
            else:
                block = " ".join(self.sentence() for _ in range(rng.randint(2, 6)))
            grown = size + len(block.encode()) + 2
            if grown > 7990 and size >= 3000:
                break
            blocks.append(block)
            size = grown
        while blocks[-1].startswith("#"):
            blocks.pop()
        return "\n\n".join(blocks) + "\n"


def _percent(value: float, digits: int = 1) -> str:
    return f"{value:.{digits}f}".replace(".", ",")


_SLOTS: dict[str, Callable[[_Article], str]] = {
    "A": lambda a: a.rng.choice(_ACTIONS),
    "G": lambda a: a.rng.choice(_GOALS),
    "Q": lambda a: a.rng.choice(_QUALS),
    "M": lambda a: a.rng.choice(_MODELS),
    "T": _Article.topic_phrase,
    "O": _Article.organisation,
    "p": _Article.province_name,  # "Hà Tĩnh"; "P": "tỉnh Hà Tĩnh"
    "P": lambda a: a.place(a.province_name()),
    "o": lambda a: a.place(a.rng.choice(a.others)),  # another province
    "D": lambda a: ("quận " if a.province in _CITIES else "huyện ") + a.rng.choice(a.districts),
    "L": lambda a: "xã " + (_SLOTS["X"](a) if a.rng.random() < 0.3 else " ".join(a.rng.choices(_PLACE_WORDS, k=2))),
    "H": _Article.hamlet,
    "I": _Article.person,
    "N": lambda a: f"{a.person()}, {a.rng.choice(_ROLES)}",
    "B": lambda a: a.coined(False),  # a company, software or project name
    "X": lambda a: " ".join(_cap(s) for s in a.words(2)),  # a rare capitalised name
    "W": lambda a: " ".join(a.words(a.rng.choice((1, 2)))),  # a rare lower-case word
    "v": lambda a: a.cite(False),
    "V": lambda a: a.cite(True),
    "Y": lambda a: str(a.when.year),
    "Z": lambda a: str(a.when.year - 1),
    "S": lambda a: (a.when - timedelta(days=a.rng.randint(1, 60))).strftime("%d/%m/%Y"),  # a recent day
    "k": lambda a: str(a.rng.randint(6, 45)),
    "j": lambda a: str(a.rng.randint(1, 5)),  # counts
    "r": lambda a: str(a.rng.randint(1, 63)),  # a rank among the 63 provinces
    "K": lambda a: f"{min(int(a.rng.paretovariate(0.8) * 40), 250_000):,}".replace(",", "."),  # heavy-tailed count
    "R": lambda a: _percent(a.rng.uniform(60, 100)) + "%",
    "c": lambda a: _percent(a.rng.uniform(0.5, 25)) + "%",
    "F": lambda a: _percent(a.rng.uniform(70, 95), 2),  # a PAR Index score
}


def _author(rank: int) -> str:
    if rank < len(_DEPARTMENTS):
        return _DEPARTMENTS[rank]
    r = random.Random(rank)
    female = r.random() < 0.5
    if r.random() < 0.4:  # pen names: "Minh Anh", "Thu Hà"
        return f"{r.choice(_MIDDLE[female])} {r.choice(_GIVEN[female])}"
    return f"{r.choice(_FAMILY)} {r.choice(_MIDDLE[female])} {r.choice(_GIVEN[female])}"


def _source(art: _Article, slug: str, number: int) -> str | None:
    rng, roll = art.rng, art.rng.random()
    if roll < 0.2:
        return None
    local = re.sub(r"[^a-z]", "", fold(art.province).lower()) + ".gov.vn"
    place = ("thành phố " if art.province in _CITIES else "tỉnh ") + art.province
    name, host = (
        (f"Cổng thông tin điện tử {place}", local),
        (f"Sở Nội vụ {place}", "snv." + local),
        ("Báo Chính phủ", "baochinhphu.vn"),
        ("Tạp chí Tổ chức nhà nước", "tcnn.vn"),
    )[int(roll * 5) - 1]
    if rng.random() < 0.4:
        return json.dumps(name, ensure_ascii=False)
    return json.dumps(
        {"name": name, "url": f"https://{host}/tin-tuc/{slug[:40].rstrip('-')}-{number}.html"}, ensure_ascii=False
    )


def _slug(title: str, taken: set[str]) -> str:
    """ASCII slug of at most 70 characters; a repeat gets "-2", "-3" ... (first free one)."""
    base = re.sub(r"[^a-z0-9]+", "-", fold(title).lower()).strip("-")
    if len(base) > 70:
        base = base[:71].rsplit("-", 1)[0]
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    taken.add(slug)
    return slug


def iter_articles(count: int, seed: int = 1) -> Iterator[tuple[str, str]]:
    """Yield ``("content/<year>/<slug>.md", text)`` for ``count`` articles."""
    rng = random.Random(seed)
    syllables, cumulative = native_syllables()
    taken: set[str] = set()
    q = lambda value: json.dumps(value, ensure_ascii=False)  # JSON strings are valid YAML
    for number in range(count):
        art = _Article(rng, syllables, cumulative)
        title = art.title()
        summary = " ".join(art.sentence(_LEADS_C if i == 0 else _SENTENCES_C) for i in range(rng.randint(1, 2)))
        body = art.body(summary)
        slug = _slug(title, taken)
        when, precision = art.when, "day"
        roll = rng.random()
        if roll < 0.05:
            precision = "month" if roll < 0.03 else "quarter"
            when = date(when.year, (when.month - 1) // 3 * 3 + 1 if precision == "quarter" else when.month, 1)
            stamp = when.isoformat()
        else:
            h, m = rng.randint(6, 21), rng.randint(0, 59)
            stamp = (f"{when}T{h:02d}:{m:02d}:00+07:00", f"{when} {h:02d}:{m:02d}", str(when))[
                rng.choice((0, 0, 0, 1, 2))
            ]
        lines = ["---", f"title: {q(title)}", f"date: {stamp}"]
        if rng.random() < 0.15:
            lines.append(f"lastmod: {when + timedelta(days=rng.randint(1, 30))}")
        lines += [f"slug: {q(slug)}", f"summary: {q(summary)}"]
        if rng.random() < 0.7:
            lines.append(f"category: {q(rng.choice(_CATEGORIES))}")
        if rng.random() < 0.85:
            lines.append(f"author: {q(_author(int(2 * rng.paretovariate(0.7)) - 2))}")
        source = _source(art, slug, number + 1)
        lines += [f"source: {source}"] if source else []
        lines += [f"provinces: {q(list(art.provinces))}", f"topics: {q(art.topics)}"]
        if art.documents:
            lines.append(f"documents: {q(list(art.documents))}")
        tags = {_TAGS[(int(rng.paretovariate(0.9)) - 1) % len(_TAGS)]: None for _ in range(rng.randint(0, 4))}
        if rng.random() < 0.05:
            tags[_SLOTS["L"](art)] = None  # a rare tag: a commune
        lines += [f"tags: {q(list(tags))}"] if tags else []
        lines += [f"date_precision: {precision}", "---"] if precision != "day" else ["---"]
        yield f"content/{when.year}/{slug}.md", "\n".join(lines) + "\n" + body


def write_site(directory: Path, count: int, seed: int = 1) -> None:
    """Write ``site.toml`` and ``content/`` for ``count`` articles into ``directory``.
    Refuses a ``content/`` folder that already holds files, so no stale article survives."""
    directory = Path(directory)
    content = directory / "content"
    if content.is_dir() and any(content.iterdir()):
        raise FileExistsError(f"{content} is not empty; remove it first")
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "site.toml").write_bytes(
        f"# Synthetic benchmark corpus: {count} articles, seed {seed} (benchmarks/corpus.py).\n"
        f'title = "Lưu trữ tin cải cách hành chính (dữ liệu thử, {count} bài)"\n'
        'base_url = "http://127.0.0.1:8000/"\nlanguage = "vi"\nper_page = 20\n'.encode()
    )
    for relative, text in iter_articles(count, seed):
        (directory / relative).parent.mkdir(parents=True, exist_ok=True)
        (directory / relative).write_bytes(text.encode())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.corpus", description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="number of articles")
    parser.add_argument("directory", type=Path, help="site folder to create (site.toml, content/)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        write_site(args.directory, args.count, args.seed)
    except FileExistsError as exc:
        parser.error(str(exc))
    size = sum(p.stat().st_size for p in (args.directory / "content").rglob("*.md"))
    print(f"{args.count} articles, {size / 1e6:.1f} MB, in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
