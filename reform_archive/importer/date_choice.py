"""The article's date, chosen among every date the page holds (pure).

A page holds many dates: the dateline, an update line, the header's "today" clock, the
dates of related headlines, of cited documents, of events in the body, the address's
date, a period in the title. Each becomes a :class:`Candidate` described by where it
sits (above or under the title, in the header, body or footer, in chrome), what is
written around it ("Ngày đăng", "Cập nhật", "Hôm nay", "… số 05-NQ/TU ngày"), and how
it relates to the others (the latest on the page, the same as the address's). The
weights in :mod:`reform_archive.importer.weights` say which wins.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime

from reform_archive.importer import controls, dates, metadata, weights
from reform_archive.importer.dates import FoundDate
from reform_archive.importer.evidence import Candidate, PageLayout, choose
from reform_archive.importer.lines import DATE_FIELD, TRAILING_STAMP
from reform_archive.importer.title import title_key

__all__ = ["FIRM_FEATURES", "DateChoice", "choose_date", "date_candidates"]

_I = re.IGNORECASE
_PUBLISHED = re.compile(
    r"ngày\s+đăng|đăng\s+ngày|đăng\s+lúc|đăng\s+tải|ngày\s+xuất\s+bản|xuất\s+bản|"
    r"published|posted|date\b|ngày\s+tạo|thời\s+gian\s+đăng|đăng\b",
    _I,
)
_UPDATED = re.compile(r"cập\s+nhật|updated?|modified|sửa\s+lần\s+cuối|chỉnh\s+sửa", _I)
# the day the page was looked at or printed, not written: "Hôm nay …", "In lúc: 09:12 27/02/2025"
_TODAY = re.compile(r"hôm\s+nay|today|bây\s+giờ|^\s*in\s+(?:lúc|ngày|vào\s+lúc)|ngày\s+in\b|printed", _I)
# "… vừa ban hành Kế hoạch số 123/KH-UBND ngày 27/9/2022": the lead reports the issuing as news
_JUST_ISSUED = re.compile(r"\b(?:vừa|mới)\s+(?:ký\s+)?(?:ban\s+hành|ký)\b[^.;:]{0,160}$", _I)
_ISSUED = re.compile(r"ban\s+hành|hiệu\s+lực|ký\s+ngày|ngày\s+ký", _I)
# "Ngày 30-9-2022, UBND tỉnh ban hành Quyết định số …": the date a document was issued, in the same clause
_ISSUES_AFTER = re.compile(
    r"^[^.;:]{0,60}?\b(?:ban\s+hành|ký\s+ban\s+hành|ký)\s+(?:các\s+|một\s+)?(?:quyết\s+định|"
    r"nghị\s+quyết|nghị\s+định|chỉ\s+thị|thông\s+tư|kế\s+hoạch|công\s+văn|văn\s+bản|"
    r"thông\s+báo|quy\s+định|quy\s+chế|đề\s+án|chương\s+trình|luật)\b",
    _I,
)
# a date that bounds a period, counts up to a cut-off or sets a deadline: the words before it
# ("từ ngày", "tính đến hết ngày", "trước ngày") or, for a period's start, after it ("30/10 đến 19/11")
_SPAN_BEFORE = re.compile(
    r"(?:\btừ|\btính|\bđến|\btới|\btrước|\bsau|chậm\s+nhất|hạn\s+chót|thời\s+hạn)"
    r"(?:\s+(?:từ|đến|hết|nay|trước|tới))*\s+(?:(?:ngày|hôm)\s+)?$",
    _I,
)
_SPAN_AFTER = re.compile(r"^\s*(?:đến|tới|[-–—])\s*(?:(?:hết\s+)?ngày\s+)?\d{1,2}\s*[/.-]\s*\d{1,2}", _I)
_WEEKDAY = re.compile(r"\b(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)\b", _I)
_FIELD = re.compile(r"^\W*(?:date|published|publish_date|pubdate|ngày|thời gian|time)\b\s*[:=]?", _I)
_SCRAPER_FIELD = re.compile(r"^\W*(?:date|published|pubdate)\b", _I)
_DATE_TEXT = re.compile(r"[\d/:.,|()\-–—+]|gmt|utc|am|pm|lúc|ngày|tháng|năm|giờ", _I)
# kinds whose date is printed as the page's own date: the rest are inferred and flagged
FIRM_FEATURES = ("dateline", "k_hint", "field")


@dataclass(frozen=True)
class DateChoice:
    date: FoundDate | None
    inferred: bool
    origin: str  # said in the warning when inferred
    lastmod: FoundDate | None = None
    candidates: tuple[Candidate[FoundDate], ...] = ()
    probability: float = 0.0
    # when no date is chosen, the year the text names most: often the year of something the
    # article cites ("Luật … năm 2014", "từ năm 2002 đến 2015"), so only a hint for the editor
    year_named: int | None = None


def choose_date(
    layout: PageLayout, title: str, hint_date: FoundDate | None = None, hint_modified: FoundDate | None = None
) -> DateChoice:
    candidates = date_candidates(layout, title, hint_date)
    # a cited document's date ("Nghị định số 61/2018/NĐ-CP ngày 23/4/2018") is what the
    # article talks about, never when it was written: better no date than that one
    # and so is a period's bound or a count's cut-off ("Từ ngày 30/10 đến ngày 19/11/2020, …",
    # "Tính đến ngày 1/2/2025, …", "kể từ ngày 1/7/2025"): when something happens, not the news
    eligible = [
        c
        for c in candidates
        if not (c.features.get("cue_document") or c.features.get("cue_span"))
        or any(c.features.get(name) for name in FIRM_FEATURES)
    ]
    best, probability = choose(eligible, weights.DATE)
    if hint_date is not None:  # the publisher's own metadata (JSON-LD, og:, a feed's pubDate) is not a guess
        best, probability = next(c for c in candidates if c.kind == "hint"), 1.0
    if best is None or best.kind == "text_year":
        return DateChoice(
            None, True, "", candidates=tuple(candidates), year_named=best.value.value.year if best is not None else None
        )
    firm = any(best.features.get(name) for name in FIRM_FEATURES) and not best.features.get("clock")
    if best.value.precision == "month" and (day := _day_in(best.value, candidates, layout.url)) is not None:
        best, firm = day, False  # " date 2023-05" over "Sáng nay 16/5, …": the lead names the day
    lastmod = hint_modified if hint_modified and hint_modified.value > best.value.value else None
    if lastmod is None:
        updates = [
            c.value
            for c in candidates
            if c.features.get("cue_updated") and c.features.get("dateline") and c.value.value > best.value.value
        ]
        lastmod = updates[0] if updates else None
    return DateChoice(best.value, not firm, _ORIGINS.get(best.kind, best.kind), lastmod, tuple(candidates), probability)


def _day_in(month: FoundDate, candidates: list[Candidate[FoundDate]], url: str) -> Candidate[FoundDate] | None:
    """The day within ``month`` the address gives ("-20220724….html", or an id's six digits
    under " date 2022-07"), else the lead's ("Sáng 16/5, …", or in full: "vào ngày 17/12/2024,
    …" under an address dated /2024/12/); never a cited document's, a deadline's or a span's."""
    if url and (day := dates.url_day_in(url, month.value)) is not None:
        return Candidate(day, "url", {"k_url": 1.0})
    return next(
        (
            c
            for c in candidates
            if (c.kind in ("lead", "url") or c.features.get("lead"))
            and c.value.precision == "day"
            and not c.features.get("cue_document")
            and not c.features.get("cue_span")
            and (c.value.value.year, c.value.value.month) == (month.value.year, month.value.month)
        ),
        None,
    )


_ORIGINS = {
    "line": "a date printed on the page",
    "lead": "the lead's day and month",
    "url": "the date in the address",
    "title_period": "the period in the title",
    "title_year": "the year in the title",
    "text_year": "the year the text names most",
    "issue": "the year of the bulletin's issue",
    "url_year": "the year in the address",
    "hint": "the page's metadata",
    "field": "a date field",
    "month": "a month printed on the page",
    "yearless": "a day and time printed without the year",
}


def date_candidates(layout: PageLayout, title: str, hint_date: FoundDate | None = None) -> list[Candidate[FoundDate]]:
    lines, found = layout.lines, []
    undated: list[int] = []  # lines with no full date: a month or a year-less time may be there
    issues: list[FoundDate] = []  # the years of a bulletin's issue lines
    for index, line in enumerate(lines):
        if not line:
            continue
        meta = layout.metas[index] if index < len(layout.metas) else None
        printed = dates.find_dates(line)
        if not printed:
            undated.append(index)
        # a dateline the line reader understood beyond find_dates (a two-digit year) counts too
        for date in printed or ([meta.date] if meta is not None and meta.date is not None else []):
            found.append(("line", index, line, date, meta))
        stamp = DATE_FIELD.match(line)  # " date 2023-03 <headline>": the field run into the headline's line
        if not printed and (stamp or len(line.split()) <= 8) and _FIELD.match(line):
            if month := dates.year_month(stamp.group() if stamp else line):  # " date 2023-01"
                found.append(("field", index, line, month, meta))
    url_date = dates.url_date(layout.url) if layout.url else None
    field_year = next((f[3].value.year for f in found if f[0] == "field"), None)  # " date 2023-05"
    year = (
        (url_date.value.year if url_date else None)
        or field_year
        or dates.year_hint("", "\n".join(lines[layout.first_prose : layout.last_prose + 1]))
    )
    for index in undated:
        line = lines[index]
        if layout.first_prose <= index <= layout.last_prose or len(line) > 160:
            continue  # outside the prose: a month on a header line, a bulletin's issue, a letter's closing
        if month := dates.named_month(line):
            found.append(("month", index, line, month, None))
        elif issue := dates.issue_year(line):
            issues.append(issue)
        elif year and (yearless := dates.yearless_dateline(line, year)):
            found.append(("yearless", index, line, yearless, None))
    lead = lines[layout.first_prose] if 0 <= layout.first_prose < len(lines) else ""
    if year and lead:
        full = dates.find_dates(lead)
        for date in dates.day_months(lead, year):
            if not any(f.start <= date.start < f.end for f in full):
                found.append(("lead", layout.first_prose, lead, date, None))
    all_days = Counter(f[3].value.date() for f in found)
    latest = max(all_days) if len(all_days) > 1 else None
    earliest = min(all_days) if len(all_days) > 1 else None
    candidates = [
        Candidate(
            date,
            kind,
            _as_headline_stamp(
                _line_features(kind, index, line, date, meta, layout, all_days, latest, earliest, url_date),
                _stamps_headline(line, date, title),
            ),
            index,
        )
        for kind, index, line, date, meta in found
    ]
    if not any(c.features.get("dateline") for c in candidates):
        # a document's issuing weighs only against a printed dateline: without one it is the
        # page's best evidence, and the lead's other dates (a meeting before it) are not better
        candidates = [
            replace(c, features={k: v for k, v in c.features.items() if k != "issues_after"}) for c in candidates
        ]
    extra: list[tuple[str, FoundDate | None]] = [
        ("url", url_date),
        ("hint", hint_date),
        ("title_period", dates.period_in(title)),
        ("title_year", dates.single_year_in(title)),
    ]
    # a year alone is weak: an issue's or an address's folder's is the publisher's, weighed as the
    # text's would be; the year the text names most only a hint (choose_date keeps no date)
    extra += [("issue", issue) for issue in issues[:1]]
    extra.append(("url_year", dates.url_year(layout.url) if layout.url and not url_date else None))
    if year:
        extra.append(("text_year", FoundDate(datetime(year, 1, 1), False, "year")))
    for kind, value in extra:
        if value is not None:
            weighed_as = "text_year" if kind in ("issue", "url_year") else kind
            features = {f"k_{weighed_as}": 1.0, "agrees_url": _agrees(value, url_date)}
            candidates.append(Candidate(value, kind, features))
    return candidates


def _line_features(
    kind: str,
    index: int,
    line: str,
    date: FoundDate,
    meta: metadata.MetaLine | None,
    layout: PageLayout,
    days: Counter,
    latest,
    earliest,
    url_date: FoundDate | None,
) -> dict[str, float]:
    before = line[max(0, date.start - 30) : date.start]
    title_line = layout.title_line
    zone = "header" if index < layout.first_prose else "footer" if index > layout.last_prose else "body"
    others = _DATE_TEXT.sub(" ", line[: date.start] + " " + line[date.end :])
    other_words = len(others.split())
    # in the lead only: "vừa ban hành" deep in the body may report an older document
    just_issued = index == layout.first_prose and bool(_JUST_ISSUED.search(line[max(0, date.start - 200) : date.start]))
    features = {
        f"k_{kind}": 1.0,
        f"z_{zone}": 1.0,
        "dateline": 1.0 if meta is not None and meta.date is not None and kind == "line" else 0.0,
        # "Ngày đăng: …" alone, or a scraper's " date 2025-08-24" field run into the headline's line
        "field": 1.0
        if kind == "field"
        or (_FIELD.match(line) and other_words <= 3)
        or (_SCRAPER_FIELD.match(line) and date.start <= 16)
        else 0.0,
        "above_title": 1.0 if title_line >= 0 and index < title_line else 0.0,
        "near_title": 1.0 if 0 <= title_line < index <= title_line + 3 else 0.0,
        "just_above_title": 1.0 if title_line >= 0 and title_line - 3 <= index < title_line else 0.0,
        "page_top": 1.0 if index < 4 and index < max(title_line, layout.first_prose) else 0.0,
        # the header's "today" clock: among the page's first lines, well above the headline,
        # named by no "Ngày đăng" (a dateline sits next to the headline, not above the menu)
        "clock": 1.0
        if index < 4
        and title_line - index > 3
        and date.precision == "day"
        and not _PUBLISHED.search(line)
        and not _tools_between(layout.lines, index, title_line)
        else 0.0,
        "after_lead": 1.0 if layout.first_prose < index <= layout.first_prose + 3 and meta is not None else 0.0,
        "far_from_title": min(abs(index - title_line), 30) / 30 if title_line >= 0 else 0.5,
        "lead": 1.0 if index == layout.first_prose else 0.0,
        "lead_start": 1.0 if index == layout.first_prose and date.start <= 40 else 0.0,
        "chrome_line": 1.0 if index in layout.chrome else 0.0,
        "cue_published": 1.0 if _PUBLISHED.search(before) or (_PUBLISHED.search(line) and other_words <= 6) else 0.0,
        "cue_updated": 1.0 if _UPDATED.search(before) or (_UPDATED.search(line) and other_words <= 6) else 0.0,
        "cue_today": 1.0 if _TODAY.search(before) else 0.0,
        "cue_span": 1.0 if _SPAN_BEFORE.search(before) or _SPAN_AFTER.match(line[date.end :]) else 0.0,
        "cue_document": 1.0
        if (dates.is_document_date(line, date.start) or _ISSUED.search(before)) and not just_issued
        else 0.0,
        # "Ngày 30-9-2022, UBND tỉnh ban hành Quyết định …", "UBND tỉnh vừa ban hành Kế hoạch số
        # 123/KH-UBND ngày 27/9/2022": that issuing is the news, or the article came days later:
        # weaker than a printed dateline, still a date for a page without one
        "issues_after": 1.0 if _ISSUES_AFTER.match(line[date.end :]) or just_issued else 0.0,
        "cue_weekday": 1.0 if _WEEKDAY.search(line[max(0, date.start - 20) : date.end + 5]) else 0.0,
        "has_time": 1.0 if date.has_time else 0.0,
        "other_words": min(other_words, 20) / 20,
        "latest": 1.0 if latest is not None and date.value.date() == latest else 0.0,
        "earliest": 1.0 if earliest is not None and date.value.date() == earliest else 0.0,
        "repeated": 1.0 if days[date.value.date()] > 1 else 0.0,
        "agrees_url": _agrees(date, url_date),
        "precision_day": 1.0 if date.precision == "day" else 0.0,
    }
    return {name: value for name, value in features.items() if value}


def _as_headline_stamp(features: dict[str, float], stamped: bool) -> dict[str, float]:
    """A date printed after the headline is its dateline; the headline's words are no other words."""
    if not stamped:
        return features
    return {name: value for name, value in features.items() if name != "other_words"} | {"dateline": 1.0}


def _stamps_headline(line: str, date: FoundDate, title: str) -> bool:
    """The date printed after the headline on its line ("<headline> (22/08/2022)"): its dateline."""
    stamp = TRAILING_STAMP.search(line)
    return bool(
        title and stamp and stamp.start() <= date.start and title_key(line[: stamp.start()]) == title_key(title)
    )


def _tools_between(lines: tuple[str, ...], index: int, title_line: int) -> bool:
    """Only the page's own tools ("Xem cỡ chữ", "In", "Gửi email") between a date and the
    headline below it: the article's dateline above its toolbar, not the header's clock."""
    between = [line for line in lines[index + 1 : title_line] if line.strip()]
    return bool(between) and all(controls.is_page_tool(line) for line in between)


def _agrees(date: FoundDate, url_date: FoundDate | None) -> float:
    """1 when the address's date says the same (to its precision), -1 when it contradicts."""
    if url_date is None:
        return 0.0
    if url_date.precision == "month" or date.precision != "day":
        same = (
            (date.value.year, date.value.month) == (url_date.value.year, url_date.value.month)
            if date.precision in ("day", "month")
            else date.value.year == url_date.value.year
        )
    else:
        same = date.value.date() == url_date.value.date()
    return 1.0 if same else -1.0
