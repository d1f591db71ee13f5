"""A page's lines as its copy left them, put right before anything is read (pure): a
paragraph hard-wrapped over several lines joined again, and a headline run into the lead
split from it."""

from __future__ import annotations

import re

from reform_archive.importer import chrome
from reform_archive.importer.dates import find_dates

__all__ = [
    "DATE_FIELD",
    "TRAILING_STAMP",
    "glue_points",
    "join_wrapped_lines",
    "split_banner",
    "split_date_field",
    "split_glued_headline",
    "without_read_more",
]

# a page's time stamp run onto its headline: a date with a time ("… cấp xã 14/11/2024 09:49"); a
# date alone may end a headline ("… dịp Quốc khánh 2/9/2024")
TRAILING_STAMP = re.compile(
    r"\s+(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\s*[-|,]?\s*\d{1,2}[:h]\d{2}(?::\d{2})?|"
    r"\d{1,2}[:h]\d{2}(?::\d{2})?\s*[-|,]?\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4})\s*(?:\(GMT\+7\))?$"
    # a portal's "<headline> (22/08/2022)": the day in brackets, a time or not
    r"|\s+\(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?:\s*[-|,]?\s*\d{1,2}[:h]\d{2})?\)$",
    re.IGNORECASE,
)
# "2025, thời gian qua, …": a wrapped sentence going on after a number (never a dateline)
_NUMBER_GOES_ON = re.compile(r"^\d[\d.,%]*,?\s+(?P<next>[^\W\d_])")  # "2025, thời gian qua …"
_LIST_NUMBER = re.compile(r"^\d{1,2}[.)]\s")  # "2. Đồng Nai …": an item of a list, not a sentence going on
_HYPHEN_BREAK = re.compile(r"[^\W\d_]-$")


def split_glued_headline(lines: list[str]) -> list[str]:
    """ "… sau sắp xếpSáng 12/3, UBND phường …": a headline and the lead run together (the
    copy lost the line break between two blocks). Only up to the first sentence: in the
    body such a join is left alone."""
    for index, line in enumerate(lines):
        if chrome.is_prose(line):
            cut = next(iter(glue_points(line)), 0)
            if (
                cut
                and 3 <= len(line[:cut].split()) <= 30
                and not chrome.SENTENCE_END.search(line[:cut])
                and chrome.is_prose(line[cut:])
            ):
                return [*lines[:index], line[:cut], line[cut:], *lines[index + 1 :]]
            return lines
    return lines


_WORD = re.compile(r"\S+")


def split_banner(lines: list[str]) -> list[str]:
    """ "CƠ QUAN CỦA TRUNG ƯƠNG HỘI - TIẾNG NÓI CỦA CỰU CHIẾN BINH Trị bệnh “sợ trách nhiệm”":
    a masthead in capitals and the headline under it, copied as one line. Above the first
    sentence only, and only after five words in capitals or more: "UBND TỈNH triển khai …"
    and "Hà Nội: UBND TP …" are one line each."""
    for index, line in enumerate(lines):
        if chrome.is_prose(line):
            return lines
        words = list(_WORD.finditer(line))
        caps = 0
        while caps < len(words) and not any(c.islower() for c in words[caps].group()):
            caps += 1
        rest = [w.group() for w in words[caps:]]
        lettered = sum(1 for w in words[:caps] if any(c.isalpha() for c in w.group()))
        # "TS NGUYỄN VĂN A - Học viện …": a byline with its workplace, set apart by a dash
        apart = caps and words[caps - 1].group()[-1:] in "-–—|:,"
        if (
            lettered >= 5
            and not apart
            and len(rest) >= 3
            and rest[0][:1].isupper()
            and sum(1 for w in rest if any(c.islower() for c in w)) >= 2
        ):
            cut = words[caps].start()
            return [*lines[:index], line[:cut].strip(), line[cut:].strip(), *lines[index + 1 :]]
    return lines


# " date 2025-08-24 <headline>", " date 2025-12-18 Khi những thủ tục …": a scraper's date
# field run into the page's text (title_choice reads a headline after it)
DATE_FIELD = re.compile(
    r"^\W*(?:date|published|ngày đăng|ngày)\s*[:=]?\s*\d{4}-\d{1,2}(?:-\d{1,2})?"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?(?=\s+\S)",
    re.I,
)


def split_date_field(lines: list[str]) -> list[str]:
    """A scraper's date field run into a paragraph goes on a line of its own, so the lead
    (or a title inferred from it) does not start with "date 2025-12-18". Run into a short
    headline it stays: the title's candidates read it there."""
    split = []
    for line in lines:
        field = DATE_FIELD.match(line)
        if field and chrome.is_prose(line[field.end() :].strip()):
            split += [line[: field.end()].strip(), line[field.end() :].strip()]
        else:
            split.append(line)
    return split


def glue_points(line: str) -> list[int]:
    """Where a word of two lower-case letters or more runs into a capitalised one
    ("chínhSáng", "sốHà Nam", "chínhTHÍ ĐIỂM"), which no word does ("VNeID", "eKYC", "iPhone" begin otherwise)."""
    points = []
    for token in re.finditer(r"\S+", line):
        word = token.group()
        for i in range(2, len(word) - 1):
            if word[i].isupper() and word[i + 1].isalpha() and word[:i].isalpha() and word[:i].islower():
                points.append(token.start() + i)
                break
    return points


def join_wrapped_lines(lines: list[str]) -> list[str]:
    """Text hard-wrapped inside a paragraph (copied from a PDF or an e-mail) is one line
    again: a line that does not end a sentence, followed directly by one that starts in
    lower case, continues on it."""
    joined: list[str] = []
    last = ""
    for line in lines:
        stripped = line.strip()
        previous = joined[-1] if joined else ""
        if stripped == last:  # a caption or a teaser printed twice is two copies, not one sentence
            joined.append(stripped)
        elif previous and _HYPHEN_BREAK.search(previous) and stripped[:1].isalnum():
            joined[-1] = previous + stripped  # "VNe-" / "ID": a word cut at its hyphen by a PDF's line end
        elif previous and _goes_on(previous, stripped):
            joined[-1] = f"{previous} {stripped}"
        else:
            joined.append(stripped)
        last = stripped
    return joined


_OPEN_END = re.compile(
    r"\s(?:với|của|và|cho|các|những|trên|tại|từ|về|để|do|bởi|theo|giữa|cùng|như|là|mà|thì|"
    r"nhằm|gồm|qua|vào|ra|đến|tới)$",
    re.IGNORECASE,
)
_CREDIT_END = re.compile(r"[.\s(]\s*(?:ảnh|nguồn|photo)\s*:\s*[^\s.:,;]+(?:\s+[^\s.:,;]+){0,4}\)?$", re.IGNORECASE)
_SENTENCE_INSIDE = re.compile(r"[a-zà-ỹđ\d]{2}[.!?]\s+[A-ZĐÀ-Ỹ]")  # not "TS. Hà", "TP. Huế"


def _goes_on(previous: str, line: str) -> bool:
    """``line`` continues the sentence ``previous`` left open: it starts in lower case, or, after
    a long line, with a number followed by more of the sentence ("2025, thời gian qua …")."""
    if (
        previous.endswith((".", "!", "?", ":", ";", "…", '",', "',"))
        or "\t" in previous + line
        or chrome.is_chrome_line(previous)
        or chrome.is_chrome_line(line)
        or _CREDIT_END.search(previous)
    ):
        return False  # a sentence's end, a table, a dump's quoted value ("time": "…",), a caption's credit
    if line[:1].islower():
        return True
    # a paragraph under way ("… quý I năm 2025. Đồng chí Phó Chủ tịch") cut before a name or an
    # acronym ("UBND huyện, …"): a sentence already ended inside it, so it is no headline
    if (
        _SENTENCE_INSIDE.search(previous)
        and len(previous.split()) >= 15
        and line[:1].isupper()
        and len(line.split()) >= 6
        and not find_dates(line[:12])
    ):
        return True
    # "…, UBND xã phối hợp với" / "Đoàn Thanh niên …": a long line of a sentence under way (a comma
    # in it) left hanging on a word no sentence or headline ends with, before a name
    if (
        _OPEN_END.search(previous)
        and len(previous.split()) >= 15
        and "," in previous
        and line[:1].isupper()
        and len(line.split()) >= 6
        and not find_dates(line[:12])
    ):
        return True
    number = _NUMBER_GOES_ON.match(line)
    return (
        number is not None
        and number["next"].islower()
        and not _LIST_NUMBER.match(line)
        and len(previous.split()) >= 8
        and len(line.split()) >= 5
        and not find_dates(line)
        and not find_dates(previous)
    )


# a teaser's link run onto its last sentence: "… so với năm 2022.(đọc thêm)", "… đồng.  Xem tiếp »"
_READ_MORE = re.compile(
    r"(?<=[.!?…”\"])\s*(?:\(\s*(?:đọc thêm|xem thêm|xem tiếp|đọc tiếp|chi tiết|xem chi tiết)\s*\)|"
    r"(?:đọc thêm|xem thêm|xem tiếp|đọc tiếp|xem chi tiết)\s*(?:»|>>|\.\.\.|…))\s*$",
    re.IGNORECASE,
)


def without_read_more(lines: list[str]) -> list[str]:
    """Each line without a read-more link run onto its end after the sentence."""
    return [_READ_MORE.sub("", line) for line in lines]
