"""Chrome that is a block of lines, told by what surrounds it (pure): the page's tail, a
related-news block, alt texts printed over their captions, a PDF's running heads, a widget
printed twice, a newspaper's summary box. Single lines are :mod:`chrome`'s.
"""

from __future__ import annotations

import itertools
import re
from itertools import pairwise

from reform_archive.importer.chrome import (
    AGE,
    DATED_ITEM,
    ITEM_STAMP,
    RELATED_HEADING,
    SENTENCE_END,
    is_chrome_line,
    is_comment_form,
    is_prose,
    is_tail_marker,
    is_widget_button,
)
from reform_archive.importer.title import title_key

__all__ = [
    "CARD_LINES",
    "SUMMARY_BOX_LINES",
    "about_boxes",
    "account_cards",
    "polls",
    "related_blocks",
    "repeated_alt_texts",
    "repeated_text",
    "repeated_widgets",
    "running_heads",
    "summary_boxes",
    "tail_start",
]

_I = re.IGNORECASE
_OFFICIAL_ACCOUNT = re.compile(r"^(?:tài khoản chính thức|official account|tài khoản đã xác thực)\s*$", _I)
CARD_LINES = 5  # a card's lines under its label: description, followers, buttons, a QR prompt
_FOLLOWERS = re.compile(
    r"\d\s*(?:k|n|tr|nghìn|triệu)?\s+(?:người theo dõi|lượt thích|người quan tâm|followers|likes)\b", _I
)
_VOTE = re.compile(r"^(?:biểu quyết|bình chọn|gửi ý kiến|gửi|xem kết quả|kết quả|vote|bỏ phiếu)\s*$", _I)
_POLL_HEADING = re.compile(r"^(?:bình chọn|thăm dò ý kiến|thăm dò|khảo sát|ý kiến bạn đọc)\s*[:：]?\s*$", _I)


def _article_prose(line: str) -> bool:
    return is_prose(line) and not is_tail_marker(line) and not is_chrome_line(line)


def tail_start(lines: list[str]) -> int:
    """Index of the first line of the page tail (len(lines) when there is none).

    A comment form ends the article even when readers' comments (prose) follow it, once
    most of the article is above it; any other tail marker counts only when no prose
    follows it.
    """
    prose_chars = [len(line) if _article_prose(line) else 0 for line in lines]
    total = sum(prose_chars) or 1
    last_prose = max((index for index, chars in enumerate(prose_chars) if chars), default=-1)
    seen = 0
    for index, line in enumerate(lines):
        seen += prose_chars[index]
        if is_comment_form(line) and seen >= 0.6 * total:  # total >= 1, so some prose is above
            return index
        if (
            is_tail_marker(line)
            and seen > 0
            and (index >= last_prose or _strays_after(index, lines, prose_chars, seen))
        ):
            return index
    return len(lines)


def _strays_after(index: int, lines: list[str], prose_chars: list[int], seen: int) -> bool:
    """True when what prose follows line ``index`` is a few stray lines among the tail's
    widgets (a poll's question, a related headline that reads as a sentence), not the
    article going on: little of it, and no two prose lines in a row."""
    after = [chars for chars, line in zip(prose_chars[index + 1 :], lines[index + 1 :], strict=True) if line.strip()]
    if sum(after) > 0.15 * (seen + sum(after)) or seen < 400:
        return False
    return not any(a and b for a, b in pairwise(after))


_CREDIT_AFTER = re.compile(r"^\s*[-–.(]*\s*(?:ảnh|nguồn|photo|ảnh minh họa|ảnh minh hoạ)\s*[:：]", _I)


def repeated_alt_texts(lines: list[str]) -> set[int]:
    """Indexes of an image's alt text printed just above its caption, which repeats it and
    adds the credit: "Tổ công nghệ số hướng dẫn người dân." / "Tổ công nghệ số hướng dẫn
    người dân. Ảnh: Trần Quang"."""
    dropped = set()
    filled = [i for i, line in enumerate(lines) if line.strip()]
    for index, following in pairwise(filled):
        alt, caption = lines[index].strip(), lines[following].strip()
        if (
            len(alt.split()) >= 3
            and caption.startswith(alt.rstrip("."))
            and caption != alt
            and _CREDIT_AFTER.match(caption[len(alt.rstrip(".")) :].lstrip("."))
        ):
            dropped.add(index)
    return dropped


_PAGE_NUMBER = re.compile(r"^(?:trang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?$|^.{3,80}?\s[-–|]?\s*\d{1,3}$", _I)


def running_heads(lines: list[str]) -> set[int]:
    """Indexes of a printed publication's running heads and feet, copied once per page
    from a PDF: a short line that is not a sentence, printed twice or more ("BẢN TIN CẢI
    CÁCH HÀNH CHÍNH Số 06 - Tháng 6/2024"), and the page-number lines of such a copy."""
    counts: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        stripped = line.strip()
        if (
            stripped
            and sum(any(c.isalnum() for c in w) for w in stripped.split()) <= 14
            and not SENTENCE_END.search(stripped)
        ):
            counts.setdefault(" ".join(stripped.lower().split()), []).append(index)
    # printed again pages apart (not an alt text over its caption), with a number (an issue,
    # a page) or in capitals; the first print of a capitalised line may be the headline
    spread = [
        indexes
        for indexes in counts.values()
        if len(indexes) >= 2
        and indexes[-1] - indexes[0] >= 5
        and (any(c.isdigit() for c in lines[indexes[0]]) or lines[indexes[0]].isupper())
    ]
    if not spread:
        return set()
    heads = {index for indexes in spread for index in indexes[1:]}
    heads |= {indexes[0] for indexes in spread if any(c.isdigit() for c in lines[indexes[0]])}
    # with running heads present, a bare page number (or a foot ending in one) is a page's foot
    feet = {
        index
        for index, line in enumerate(lines)
        if line.strip()
        and _PAGE_NUMBER.match(line.strip())
        and not SENTENCE_END.search(line.strip())
        and len(line.split()) <= 10
    }
    return heads | feet


def polls(lines: list[str]) -> set[int]:
    """Indexes of a portal's poll ("BÌNH CHỌN" / "Bạn đánh giá thế nào về …?" / "Rất hài
    lòng" / "Hài lòng" / "Biểu quyết" / "Xem kết quả"): a question, two or more short
    answers, and the voting button under them, wherever the sidebar was copied."""
    dropped: set[int] = set()
    for index, line in enumerate(lines):
        if not line.rstrip().endswith("?") or len(line.split()) > 40:
            continue
        answers = index + 1
        while (
            answers < len(lines)
            and lines[answers].strip()
            and len(lines[answers].split()) <= 6
            and not _VOTE.match(lines[answers].strip())
            and not is_widget_button(lines[answers])
        ):
            answers += 1
        # a poll's answers then its button, or a Q&A box's question then its buttons ("Gửi câu hỏi")
        if answers < len(lines) and (
            (_VOTE.match(lines[answers].strip()) and answers - index - 1 >= 2)
            or (answers == index + 1 and is_widget_button(lines[answers]))
        ):
            end = answers + 1
            while end < len(lines) and (_VOTE.match(lines[end].strip()) or is_widget_button(lines[end])):
                end += 1
            start = index - 1 if index and _POLL_HEADING.match(lines[index - 1].strip()) else index
            dropped |= set(range(start, end))
    return dropped


def account_cards(lines: list[str]) -> set[int]:
    """Indexes of a messaging account's card (a Zalo OA, a Facebook page): its name, "Tài
    khoản chính thức", its one-sentence description, follower counts and buttons; and a
    page plug-in's name over its count ("117k người theo dõi")."""
    dropped: set[int] = set()
    for index, line in enumerate(lines):
        if _FOLLOWERS.search(line) and is_chrome_line(line):
            above = next((i for i in range(index - 1, max(-1, index - 3), -1) if lines[i].strip()), None)
            if above is not None and len(lines[above].split()) <= 12 and not is_prose(lines[above]):
                dropped.add(above)
        if not _OFFICIAL_ACCOUNT.match(line.strip()):
            continue
        start = index - 1 if index and lines[index - 1].strip() and len(lines[index - 1].split()) <= 15 else index
        end, described = index + 1, False
        while end < len(lines) and end <= index + CARD_LINES:
            line = lines[end].strip()
            if line and not is_chrome_line(line):
                # one description under the label, before the counts ("18,6K người quan tâm")
                following = next((text for text in lines[end + 1 :] if text.strip()), "")
                if described or not is_chrome_line(following):
                    break
                described = True
            end += 1
        dropped |= set(range(start, end))
    return dropped


_ABOUT_HEADING = re.compile(r"^(?:giới thiệu|intro|about)\s*$", _I)
_PAGE_CATEGORY = re.compile(r"^(?:trang|page)\s*[·•]\s*\S", _I)  # "Trang · Cơ quan chính phủ"


def about_boxes(lines: list[str]) -> set[int]:
    """Indexes of a social page's about box: "Giới thiệu", the page's description, its
    category ("Trang · Cơ quan chính phủ") and the contact lines under it (address, phone,
    e-mail, opening hours), up to the first sentence of text."""
    dropped: set[int] = set()
    for index, line in enumerate(lines):
        if not _ABOUT_HEADING.match(line.strip()):
            continue
        category = next(
            (i for i in range(index + 1, min(len(lines), index + 5)) if _PAGE_CATEGORY.match(lines[i].strip())), None
        )
        if category is None:
            continue
        end = category + 1
        while end < len(lines) and end <= category + CARD_LINES + 3 and not is_prose(lines[end]):
            end += 1
        dropped |= set(range(index, end))
    return dropped


_QUOTES = "\"“”'‘’«»"


def repeated_text(lines: list[str]) -> set[int]:
    """Indexes of text the page prints twice: a paragraph or a caption pasted again (the
    later copy goes), and a pull quote, a sentence of the article set apart in quotes
    ("“Số hóa chỉ có ý nghĩa khi …”"), which goes wherever it stands."""
    dropped: set[int] = set()
    filled = [(i, title_key(line)) for i, line in enumerate(lines) if len(line.split()) >= 6]
    first_prose = next((i for i, line in enumerate(lines) if is_prose(line)), len(lines))
    seen: set[str] = set()
    for index, key in filled:
        # a standfirst or a feed's description printed again as the first paragraph is
        # the summary's business (extract), not a pasted copy
        if key in seen and is_prose(lines[index]):
            dropped.add(index)
        if index > first_prose:
            seen.add(key)
    for index, key in filled:
        line = lines[index].strip()
        if (
            line[:1] in _QUOTES
            and line.rstrip(".")[-1:] in _QUOTES
            and len(key) >= 30
            and any(key in other and len(other) > len(key) + 10 for i, other in filled if i != index)
        ):
            dropped.add(index)
    return dropped


def repeated_widgets(lines: list[str]) -> set[int]:
    """Indexes of a widget printed twice ("TRA CỨU HỒ SƠ / Nhập mã biên nhận / Tra cứu" in
    the header and again between paragraphs, a phone and a desktop copy of one box): two or
    more short lines, not sentences, that follow each other in the same order elsewhere on
    the page. The later copy goes; the first is judged where it stands."""
    short = [i for i, line in enumerate(lines) if line.strip()]
    keys = {
        i: " ".join(lines[i].lower().split())
        for i in short
        if len(lines[i].split()) <= 8 and not SENTENCE_END.search(lines[i].strip())
    }
    seen: dict[tuple[str, str], int] = {}
    dropped: set[int] = set()
    for a, b in itertools.pairwise(short):
        if a not in keys or b not in keys:
            continue
        pair = (keys[a], keys[b])
        first = seen.setdefault(pair, a)
        if a - first >= 3:
            dropped |= {a, b}
    return dropped


# a newspaper's machine-made summary box above the story: "Đọc nhanh" and a few short sentences
_SUMMARY_BOX = re.compile(
    r"^(?:đọc nhanh|tóm tắt nhanh|tin nhanh|điểm nhanh|những điểm chính|điểm chính|"
    r"nội dung chính|tóm lược)\s*[:：]?\s*$",
    _I,
)
SUMMARY_BOX_LINES = 6


def summary_boxes(lines: list[str]) -> set[int]:
    """Indexes of a summary box: its heading and up to six short lines under it (each under
    35 words), to the first blank line or chrome line."""
    dropped: set[int] = set()
    for index, line in enumerate(lines):
        if not _SUMMARY_BOX.match(line.strip()):
            continue
        dropped.add(index)
        for cursor in range(index + 1, min(len(lines), index + 1 + SUMMARY_BOX_LINES)):
            item = lines[cursor].strip()
            if not item or len(item.split()) >= 35 or is_chrome_line(item):
                break
            dropped.add(cursor)
    return dropped


def _dated_headline(index: int, lines: list[str]) -> bool:
    """A related item that reads as a sentence ("Người dân có phải đổi căn cước …?") with
    its age or time on the next line ("3 ngày trước", "10:15 13/03/2025")."""
    following = next((text.strip() for text in lines[index + 1 :] if text.strip()), "")
    return bool(AGE.match(following) or ITEM_STAMP.match(following))


_QUESTIONS_HEADING = re.compile(r"câu hỏi|hỏi đáp|hỏi - đáp", re.IGNORECASE)
_QUESTION_ITEM = re.compile(r"^(?:\S+\s+){2,30}\S+\?\s*(?:\(\d{1,2}/\d{1,2}/\d{4}\)|\d{1,2}/\d{1,2}/\d{4})?$")


def related_blocks(lines: list[str]) -> set[int]:
    """Indexes of related-news blocks inside the page: the heading and the headlines
    under it (contiguous lines, or dated items across blank lines). Above the article's
    first sentence such a word ("Video", "Tin mới") is a menu item: it goes alone, since
    the lines under it there may be the article's own headline and dateline."""
    dropped: set[int] = set()
    first_prose = next((i for i, line in enumerate(lines) if is_prose(line)), len(lines))
    for index, line in enumerate(lines):
        if not RELATED_HEADING.match(line.strip()):
            continue
        dropped.add(index)
        if index < first_prose:
            continue
        cursor, asks = index + 1, bool(_QUESTIONS_HEADING.search(line))
        while cursor < len(lines):
            item = lines[cursor].strip()
            if not item:
                following = next((text.strip() for text in lines[cursor + 1 :] if text.strip()), "")
                if not DATED_ITEM.search(following):
                    break
            elif RELATED_HEADING.match(item) or (
                is_prose(item) and not _dated_headline(cursor, lines) and not (asks and _QUESTION_ITEM.match(item))
            ):
                break  # a sentence: the article goes on; a question under "Câu hỏi liên quan" is an item
            dropped.add(cursor)
            cursor += 1
    return dropped
