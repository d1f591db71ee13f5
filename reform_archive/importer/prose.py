"""Where the article's prose lies on a page (pure): the lines that read as its sentences,
from the lead to the last paragraph. The header is what comes before the first of them,
the footer what comes after the last (:mod:`extract`).
"""

from __future__ import annotations

import re

from reform_archive.importer import chrome, metadata

__all__ = ["prose_lines"]

_QUESTION_LABEL = re.compile(r"^(?:hỏi|câu hỏi|bạn đọc hỏi|q)\s*[:.]", re.IGNORECASE)  # a Q&A's question is body
_LIST_MARK = re.compile(r"^(?:[-–•*+]|\d{1,2}[.)]|[a-zđ]\)|[^\w\s\"“'(\[])\s*\S")  # "- ", "2.", "a)", "🔸"


def prose_lines(kept: list[int], lines: list[str], metas: tuple) -> list[int]:
    """The indexes among ``kept`` (the lines that are not chrome) that read as the article's
    prose: sentences, a long sentence opening a list; else, on a page with none, lines of
    eight words or more that are not datelines. A question headline is not the lead."""
    prose = [
        i
        for i in kept
        if (chrome.is_prose(lines[i]) or _opens_a_list(i, kept, lines)) and not _heads_a_dateline(i, kept, lines, metas)
    ] or [i for i in kept if len(lines[i].split()) >= 8 and not _is_dateline(i, lines, metas)]
    if (
        len(prose) > 1
        and _asks(lines[prose[0]])
        and chrome.is_prose(lines[prose[1]])
        and all(
            metas[i] is not None or metadata.parse_byline(lines[i].rstrip(" ,;")) or metadata.affiliation_line(lines[i])
            for i in kept
            if prose[0] < i < prose[1]
        )
    ):
        prose = prose[1:]  # a question headline over its lead (and byline): "… đi làm thủ tục ra sao?"
    return prose


def _opens_a_list(index: int, kept: list[int], lines: list[str]) -> bool:
    """ "… tổ chức tiếp nhận hồ sơ lưu động như sau:" over "🔸 Thứ Năm, …": a sentence
    introducing a list is prose though it ends with a colon."""
    line = lines[index]
    if not line.endswith(":") or len(line.split()) < 15:
        return False
    following = next((i for i in kept if i > index), None)
    return following is not None and bool(_LIST_MARK.match(lines[following]))


def _heads_a_dateline(index: int, kept: list[int], lines: list[str], metas: tuple) -> bool:
    """A question headline ("… nộp hồ sơ ở đâu?") reads as a sentence; the dateline printed
    right under it, and no full stop at its end, say it is the headline, not the lead; so
    does a dateline right above a question when nothing above reads as the article yet."""
    line = lines[index]
    if line.endswith((".", "…", ":")) or len(line.split()) > 40:
        return False
    after = [i for i in kept if i > index][:2]
    if after and (
        _is_dateline(after[0], lines, metas)
        or (  # or the byline, then the dateline
            len(after) == 2 and metadata.parse_byline(lines[after[0]]) and _is_dateline(after[1], lines, metas)
        )
    ):
        return True
    preceding = max((i for i in kept if i < index), default=None)
    return (
        line.rstrip("”\"’' ").endswith("?")
        and _is_dateline(preceding, lines, metas)
        and not any(chrome.is_prose(lines[i]) for i in kept if i < index)
    )


def _asks(line: str) -> bool:
    """A short question: a headline's shape as often as a sentence's."""
    return line.rstrip("”\"’' ").endswith("?") and len(line.split()) <= 30 and not _QUESTION_LABEL.match(line)


def _is_dateline(index: int | None, lines: list[str], metas: tuple) -> bool:
    if index is None or index >= len(metas) or metas[index] is None:
        return False
    return metas[index].date is not None and len(lines[index].split()) <= 16
