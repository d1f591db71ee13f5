"""Lines at the article's edges that the header and footer rules would lose or keep wrongly (pure):
a dateline printed under the first paragraph, a list's plain lines under the title, and the
whole sentences of a last paragraph that a saved page cuts off mid-sentence."""

from __future__ import annotations

import re

from reform_archive.importer import chrome, dates, metadata, normalise, structure
from reform_archive.importer.lines import DATE_FIELD

__all__ = ["around_headline", "continues_a_list", "dateline_under_lead", "sentences_before_a_cut"]

# a sentence's end, then the next one's first letter: "… governance model. These documents …"
_NEXT_SENTENCE = re.compile(r"[.!?…][”\"’)]?\s+(?=[\"“]?[^\W\d_])")


def dateline_under_lead(line: str, meta: metadata.MetaLine | None) -> bool:
    """ "April 15, 2025 2:54 PM GMT+7", "Nhóm P.V Chính trị • 15/08/2025" under the sapo: the
    page's dateline printed after its first paragraph, not a line of the article."""
    stripped = line.strip()
    if (
        len(stripped.split()) > 12
        or chrome.SENTENCE_END.search(stripped)
        or chrome.is_prose(stripped)
        or stripped.endswith((":", ";", ","))
        or normalise.without_pictographs(stripped) != stripped
        or structure.list_item(stripped) is not None
    ):
        return False  # "🔸 Thứ Năm, ngày 15/5/2025: thôn …;", "Trả lời (… ngày 14/6/2024 …):": the article's own
    return bool(meta is not None and meta.date is not None) or bool(dates.find_dates(stripped))


def continues_a_list(line: str, kept: list[str]) -> bool:
    """Under the title, once items or headings that introduce a list ("1. Lịch tiếp …:",
    "- Buổi sáng: …") have been kept, a plain line of several words among them is the
    article's too, though it ends with no full stop."""
    openers = sum(1 for k in kept if structure.list_item(k) is not None or k.rstrip().endswith(":"))
    return (
        len(line.split()) >= 5
        and line[:1].isupper()
        and not chrome.is_chrome_line(line)
        and not metadata.parse_byline(line)
        and openers >= 2
    )


def sentences_before_a_cut(line: str) -> str:
    """The whole sentences of a long last paragraph that the page cuts off mid-sentence, or ""."""
    if len(line.split()) < 20 or chrome.SENTENCE_END.search(line.strip()) or chrome.is_chrome_line(line):
        return ""
    ends = [m.end() for m in _NEXT_SENTENCE.finditer(line) if line[m.end()].isupper() or line[m.end()] in '"“']
    whole = line[: ends[-1]].strip() if ends else ""
    return whole if len(whole.split()) >= 8 and chrome.is_prose(whole) else ""


def around_headline(line: str, headline: str) -> tuple[str, str]:
    """A line that runs a section label, the headline and the standfirst together, without the
    first two: (the standfirst, the label when it is short enough to be a category, else "")."""
    at = line.find(headline)
    if at < 0:
        return line, ""
    label = DATE_FIELD.sub("", line[:at]).strip(" -–|:")
    return line[at + len(headline) :].strip(" -–|:"), label if len(label.split()) <= 6 else ""
