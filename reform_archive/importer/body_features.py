"""What describes a body line the rules kept, for the body-line model (pure): its shape and its
neighbourhood as named features between 0 and 1 (:data:`FEATURES`, described in
docs/importer.md), computed against the page's context (:func:`context`). The model that
weighs them is :mod:`body_choice`'s.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from reform_archive.importer import chrome, metadata, normalise, structure
from reform_archive.importer.evidence import PageLayout
from reform_archive.importer.title import is_all_caps, looks_like_title

__all__ = ["CUT_SHORT", "FEATURES", "PROSE_SHARE", "PageContext", "context", "is_candidate", "line_features"]

FEATURES = (  # the names :func:`line_features` gives, as docs/importer.md describes them
    "w_3_5",
    "w_6_9",
    "w_10_19",
    "w_20_44",
    "sentence_end",
    "end_colon",
    "caps",
    "all_caps",
    "title_case",
    "digits",
    "no_letters",
    "link",
    "separators",
    "leaders",
    "phone",
    "stamp",
    "navigation",
    "contact",
    "tools",
    "numbered",
    "caption",
    "photo",
    "headline",
    "emoji",
    "byline",
    "restarts",
    "prev_prose",
    "next_prose",
    "next_stamp",
    "between_prose",
    "headline_pair",
    "short_run",
    "chrome_near",
    "list_near",
    "table_row",
    "depth",
    "repeated",
    "title_words",
    "cohesion",
    "next_cohesion",
    "novel_names",
)

PROSE_SHARE = 0.5  # the model weighs a body's lines when sentences hold at least this share of its words

_I = re.IGNORECASE
_SYLLABLE = re.compile(r"[^\W\d_]+")
_LINK = re.compile(r"https?://|www\.|\.(?:vn|com|net|org)\b|@\w|\.(?:jpe?g|png|gif|webp|pdf|docx?)\b", _I)
_SEPARATORS = re.compile(r"[|»›•·]")
_LEADERS = re.compile(r"(?:\.{4,}|…{2,}|_{4,})\s*\d*\s*$")  # a contents list: "Tổng kết … .......... 2"
# a telephone number: "0212.3850.117", "(024) 3825 1234", a hotline's "1900.8888" or "1800 1096"
_PHONE = re.compile(r"(?<!\d)(?:\(?0\d{2,3}\)?[ .]?\d{3,4}[ .]?\d{3,4}|1[89]00[ .]?\d{4}(?:[ .]?\d{2})?)(?!\d)")
# chrome's vocabulary on any site, in three groups: where to go next, whom to contact (and
# whose site it is), what to do with the page. Only phrases an article's own headings and
# captions hardly use: not "đăng ký", "truy cập", "chia sẻ", "danh mục", "giấy phép", which
# reform news writes about ("đăng ký khai sinh", "danh mục thủ tục", "giấy phép xây dựng")
_NAVIGATION = re.compile(
    r"xem thêm|đọc thêm|đọc tiếp|xem tiếp|(?:tin|bài|văn bản) liên quan|cùng chuyên mục|tin khác|bài khác|"
    r"tin mới|tin nổi bật|đọc nhiều|xem nhiều|đầu trang|trang chủ|mục lục|trong số này|lịch công tác|"
    r"tin tiêu điểm|\btags?\b|từ khóa|từ khoá",
    _I,
)
_CONTACT = re.compile(
    r"đường dây nóng|hotline|tổng đài|bản quyền|copyright|giấy phép số|ghi rõ nguồn|cơ quan chủ quản|"
    r"tổng biên tập|chịu trách nhiệm (?:nội dung|xuất bản|chính)|cổng thông tin|trang thông tin|bản tin|"
    r"(?:địa chỉ|điện thoại|đt|e-?mail|website|fax|liên hệ)\s*:",
    _I,
)
_TOOLS = re.compile(
    r"bình luận|in bài|bản in|cỡ chữ|lượt xem|đã xem|lượt thích|tải về|tải xuống|quảng cáo|podcast|tin ảnh|"
    r"\bvideo\b|\bclip\b",
    _I,
)
# an item or a section of the text: "I. BỐI CẢNH", "[2] …", "Bước 2: …"
_NUMBERED = re.compile(
    r"^(?:[IVX]{1,4}[.)]\s|\d{1,2}(?:\.\d{1,2})+\.?\s|\[\d{1,3}\]|(?:bước|phần|mục|câu|điều)\s+\d{1,2}\s*[:.)])", _I
)
# what a photo's caption says: "Quang cảnh hội nghị.", "Các đại biểu dự …", "… Ảnh: Minh Châu"
_PHOTO = re.compile(
    r"^(?:quang cảnh|toàn cảnh|các đại biểu|đại biểu|lãnh đạo|ảnh|hình)\b|"
    r"\b(?:ảnh|video|clip|nguồn)\s*:",
    _I,
)
_STAMP = re.compile(
    r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{1,2}:\d{2}\b|\b\d{1,2}\s+(?:giờ|phút|ngày)\s+trước\b", _I
)
# family names common in Vietnam: a line in capitals is a byline ("LÊ MINH ĐỨC") when it
# starts with one, and a section's heading ("KẾT QUẢ ĐẠT ĐƯỢC") otherwise
_SURNAMES = frozenset(
    {
        "nguyễn",
        "trần",
        "lê",
        "phạm",
        "hoàng",
        "huỳnh",
        "phan",
        "vũ",
        "võ",
        "đặng",
        "bùi",
        "đỗ",
        "hồ",
        "ngô",
        "dương",
        "lý",
        "đinh",
        "trịnh",
        "đoàn",
        "lương",
        "trương",
        "mai",
        "cao",
        "lâm",
        "tô",
        "hà",
        "lò",
        "lường",
        "quách",
        "thái",
        "tạ",
        "chu",
        "kiều",
        "đào",
        "đàm",
        "vương",
        "triệu",
        "mạc",
        "nông",
        "lục",
        "hứa",
        "châu",
        "giáp",
        "thân",
        "khúc",
        "tăng",
        "từ",
        "phùng",
        "tống",
        "kim",
        "la",
        "lưu",
        "doãn",
        "lại",
        "âu",
        "khổng",
        "trình",
        "lã",
        "bạch",
        "y",
        "ksor",
        "rơ",
        "siu",
    }
)
CUT_SHORT = re.compile(r"(?:\.\.\.|…)\s*(?:xem thêm|see more)\s*$", _I)  # a post cut short: its own words
_AFTER_PUNCTUATION = re.compile(r"[.:;!?,\-–—(\"“”'|/]$")
_QUOTES = "\"“”'‘’«»"
_STRIP = "\"“”'‘’()[],.:;"


def is_candidate(text: str) -> bool:
    """A line the model weighs: three words or more (shorter ones are too ambiguous, and
    the rules judge them), not a sentence of the article, not a post cut short."""
    return len(text.split()) >= 3 and not chrome.is_prose(text) and not CUT_SHORT.search(text)


@dataclass(frozen=True)
class PageContext:
    """What a line's features need to know of its page, computed once per page."""

    layout: PageLayout
    filled: tuple[int, ...]  # indexes of the lines with text, in order
    order: Mapping[int, int]  # a filled line's index -> its place in ``filled``
    prose: frozenset[int]  # lines that read as sentences, not chrome by the rules
    above: tuple[float, ...]  # per line, the share of the page's prose characters above it
    keys: Counter[str]  # how often each line's text (case and spacing aside) is printed
    title_words: frozenset[str]
    vocabulary: Counter[str]  # in how many prose lines each syllable (lower case) appears
    written: Counter[str]  # the prose's words as written, case kept


def _words(text: str) -> list[str]:
    return [w.lower() for w in _SYLLABLE.findall(text)]


def _headline(line: str) -> bool:
    """Shaped like a headline: five to thirty words, a capital first, no sentence's end."""
    stripped = line.strip()
    return (
        5 <= len(stripped.split()) <= 30
        and looks_like_title(stripped)
        and stripped[:1].isupper()
        and not chrome.SENTENCE_END.search(stripped)
    )


def _key(line: str) -> str:
    return " ".join(line.lower().split())


def context(layout: PageLayout, title: str) -> PageContext:
    lines = layout.lines
    filled = tuple(i for i, line in enumerate(lines) if line.strip())
    prose = frozenset(i for i in filled if i not in layout.chrome and chrome.is_prose(lines[i]))
    total = sum(len(lines[i]) for i in prose) or 1
    above, seen = [], 0
    for index, line in enumerate(lines):
        above.append(seen / total)
        seen += len(line) if index in prose else 0
    vocabulary: Counter[str] = Counter()
    written: Counter[str] = Counter()
    for index in prose:
        tokens = _SYLLABLE.findall(lines[index])
        written.update(tokens)
        vocabulary.update({token.lower() for token in tokens})
    return PageContext(
        layout,
        filled,
        {index: place for place, index in enumerate(filled)},
        prose,
        tuple(above),
        Counter(_key(lines[i]) for i in filled),
        frozenset(_words(title)),
        vocabulary,
        written,
    )


def line_features(page: PageContext, index: int, text: str | None = None) -> dict[str, float]:
    """The named features of line ``index`` (``text``: as the body holds it, when it differs
    from the page's line). docs/importer.md describes each."""
    lines = page.layout.lines
    text = (lines[index] if text is None else text).strip()
    words = text.split()
    count = len(words)
    letters = [c for c in text if c.isalpha()]
    syllables = _words(text)
    place = page.order.get(index, -1)
    before = page.filled[place - 1] if place > 0 else -1
    after = page.filled[place + 1] if 0 <= place < len(page.filled) - 1 else -1
    window = (
        [page.filled[j] for j in range(max(0, place - 2), min(len(page.filled), place + 3)) if j != place]
        if place >= 0
        else []
    )
    share = page.above[index] if index < len(page.above) else 1.0
    own = [s for s in syllables if len(s) > 1]
    elsewhere = 1 if index in page.prose else 0  # a prose line's own words are in the vocabulary once
    features = {
        # its shape
        "w_3_5": 1.0 if count <= 5 else 0.0,
        "w_6_9": 1.0 if 6 <= count <= 9 else 0.0,
        "w_10_19": 1.0 if 10 <= count <= 19 else 0.0,
        "w_20_44": 1.0 if count >= 20 else 0.0,
        "sentence_end": 1.0 if chrome.SENTENCE_END.search(text) else 0.0,
        "end_colon": 1.0 if text.endswith((":", "：")) else 0.0,
        "caps": sum(c.isupper() for c in letters) / len(letters) if letters else 0.0,
        "all_caps": 1.0 if is_all_caps(text) else 0.0,
        "title_case": sum(w[:1].isupper() for w in words) / count if count else 0.0,
        "digits": min(1.0, 5 * sum(c.isdigit() for c in text) / max(len(text), 1)),
        "no_letters": 1.0 if len(letters) < 3 else 0.0,
        "link": 1.0 if _LINK.search(text) else 0.0,
        "separators": min(1.0, len(_SEPARATORS.findall(text)) / 2),
        "leaders": 1.0 if _LEADERS.search(text) else 0.0,
        "phone": 1.0 if _PHONE.search(text) else 0.0,
        "stamp": 1.0 if _STAMP.search(text) else 0.0,
        "navigation": 1.0 if _NAVIGATION.search(text) else 0.0,
        "contact": 1.0 if _CONTACT.search(text) else 0.0,
        "tools": 1.0 if _TOOLS.search(text) else 0.0,
        "numbered": 1.0 if _numbered(text) else 0.0,
        "caption": 1.0 if structure.is_caption(text) else 0.0,
        "photo": 1.0 if _PHOTO.search(text) else 0.0,
        "headline": 1.0 if _headline(text) else 0.0,
        "emoji": 1.0 if normalise.without_pictographs(text) != text else 0.0,
        "byline": 1.0 if _byline(text) else 0.0,
        "restarts": min(1.0, _restarts(text, page) / 2),
        # its neighbourhood
        "prev_prose": 1.0 if before in page.prose else 0.0,
        "next_prose": 1.0 if after in page.prose else 0.0,
        "next_stamp": 1.0
        if after >= 0 and (chrome.ITEM_STAMP.match(lines[after]) or chrome.AGE.match(lines[after]))
        else 0.0,
        "between_prose": 1.0 if before in page.prose and after in page.prose else 0.0,
        "headline_pair": 1.0
        if _headline(text)
        and any(i >= 0 and i not in page.layout.chrome and _headline(lines[i]) for i in (before, after))
        else 0.0,
        "short_run": min(_run(page, place), 8) / 8 if index not in page.prose else 0.0,
        "chrome_near": sum(1 for i in window if i in page.layout.chrome) / len(window) if window else 0.0,
        "list_near": 1.0 if any(i >= 0 and _numbered(lines[i]) for i in (before, after)) else 0.0,
        "table_row": 1.0
        if _cells(text) >= 2 and any(_cells(lines[i]) == _cells(text) for i in (before, after) if i >= 0)
        else 0.0,
        # where it sits and what it repeats
        "depth": 2 * min(share, 1 - share),
        "repeated": 1.0 if page.keys[_key(text)] > 1 else 0.0,
        "title_words": sum(1 for s in syllables if s in page.title_words) / len(syllables) if syllables else 0.0,
        "cohesion": sum(1 for s in own if page.vocabulary[s] > elsewhere) / len(own) if own else 0.0,
        "next_cohesion": _shared(own, lines[after]) if after >= 0 else 0.0,
        "novel_names": _novel_names(text, page, elsewhere),
    }
    return {name: value for name, value in features.items() if value}


def _byline(text: str) -> bool:
    """Read as a byline, and in capitals only when a family name opens it."""
    return metadata.parse_byline(text) is not None and (
        not is_all_caps(text) or text.split()[0].strip(_STRIP).lower() in _SURNAMES
    )


def _numbered(line: str) -> bool:
    return structure.list_item(line.strip()) is not None or bool(_NUMBERED.match(line.strip()))


def _run(page: PageContext, place: int) -> int:
    """How many lines in a row around this one are not prose (it included)."""
    if place < 0:
        return 1
    start = place
    while start > 0 and page.filled[start - 1] not in page.prose:
        start -= 1
    end = place
    while end < len(page.filled) - 1 and page.filled[end + 1] not in page.prose:
        end += 1
    return end - start + 1


def _restarts(text: str, page: PageContext) -> int:
    """Words capitalised in mid-line, after no punctuation, that the article's prose writes
    in lower case: a second headline starting ("… toàn trình Người lao động được …")."""
    tokens = text.split()
    count = 0
    for previous, word in itertools.pairwise(tokens):
        bare = word.strip(_STRIP)
        if (
            bare[:1].isupper()
            and bare[1:].islower()
            and not _AFTER_PUNCTUATION.search(previous)
            and page.written[bare.lower()] > page.written[bare]
        ):
            count += 1
    return count


def _cells(line: str) -> int:
    return max(line.count("|"), line.count("\t"))


def _shared(own: list[str], other: str) -> float:
    words = set(_words(other))
    return sum(1 for s in own if s in words) / len(own) if own else 0.0


def _novel_names(text: str, page: PageContext, elsewhere: int) -> float:
    """The share of the line's capitalised words (after its first) that the prose never writes."""
    names = [w for w in _SYLLABLE.findall(text)[1:] if w[:1].isupper() and not w.isupper()]
    if not names:
        return 0.0
    return sum(1 for w in names if page.vocabulary[w.lower()] <= elsewhere) / len(names)
