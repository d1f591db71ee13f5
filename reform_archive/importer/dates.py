"""Dates as Vietnamese portals print them -> ``FoundDate`` values (pure).

Datelines come in many shapes (``09-09-2022``, ``10:05, 25/05/2022``,
``THỨ BA, 20/09/2022 16:03:31``, ``12/05/2016 04:00:00 PM``,
``Thứ hai, 11 Tháng 12 2023 16:03``, ``Đăng ngày 17 - 05 - 2024``). Without a dateline the
period a title states (``quý I năm 2024``), the lead's day and month or the address's date
are candidates too (``date_choice`` weighs them); none is invented.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time

__all__ = [
    "DATE",
    "FoundDate",
    "day_months",
    "find_dates",
    "is_document_date",
    "issue_year",
    "named_month",
    "period_in",
    "single_year_in",
    "url_date",
    "url_day_in",
    "url_year",
    "us_dates_in_day_order",
    "year_hint",
    "year_month",
    "yearless_dateline",
]

# day-month-year with -, / or . (the same separator twice) and optional spaces: "17 - 05 - 2024"
_DMY = r"(?<![\d/.-])(?P<d>\d{1,2})\s*(?P<sep>[-/.])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>(?:19|20)\d\d)(?![\d/])"
# "11 Tháng 12 2023", "ngày 11 tháng 12 năm 2023"
_WORDS = r"(?<!\d)(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s*,?\s*(?:năm\s+)?(?P<y2>(?:19|20)\d\d)(?!\d)"
# ISO 8601, as scrapers and some portals print it: "2025-11-01", "2025-11-01T08:00:00+07:00"
_ISO = r"(?<![\d/.-])(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d)(?![\d/-])"
_TIME = r"(?P<H>\d{1,2})\s*[:hg]\s*(?P<M>\d{2})(?:\s*:\s*(?P<S>\d{2}))?(?:\s*(?P<ampm>[AaPp][Mm])\b)?"
# an English interface's dates: "Jul 21, 2025", "21 July 2025"
_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_EN_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_ENGLISH = (
    rf"\b(?P<mon4>{_EN_MONTH})\s+(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y4>(?:19|20)\d\d)(?!\d)|"
    rf"(?<!\d)(?P<d5>\d{{1,2}})\s+(?P<mon5>{_EN_MONTH}),?\s+(?P<y5>(?:19|20)\d\d)(?!\d)"
)
# WordPress's Vietnamese "F j, Y": "Tháng 5 13, 2025" (the month first, a comma before the year)
_WP = r"\btháng\s+(?P<m6>\d{1,2})\s+(?P<d6>\d{1,2}),\s*(?P<y6>(?:19|20)\d\d)(?!\d)"
DATE = re.compile(rf"{_DMY}|{_WORDS}|{_ISO}|{_WP}", re.IGNORECASE)
# tried only on a text naming a month in English: an alternation of month names at every
# position of every line cost a third of the importer's time
_ENGLISH_DATE = re.compile(_ENGLISH, re.IGNORECASE)
_ENGLISH_HINT = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")
_TIME_AFTER = re.compile(rf"(?:[\s,|–—-]*(?:lúc\s*)?|T){_TIME}(?!\d)(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?", re.IGNORECASE)
_TIME_BEFORE = re.compile(rf"(?<!\d){_TIME}(?:\s*(?:ngày|,|\||-|–))*\s*$", re.IGNORECASE)
# a day and month without the year: "Sáng 15/6, ...", "Chiều 13-3, ..."
_DAY_MONTH = re.compile(r"(?<![\d/.-])(\d{1,2})([/-])(\d{1,2})(?![\d/-])")
# "Sáng ngày 7.10, …", "Chiều 13.3": a dot between day and month only after a day's word (alone,
# "7.10" is as often a number or a section)
_DOTTED_DAY_MONTH = re.compile(
    r"\b(?:ngày|sáng|chiều|trưa|tối|đêm|hôm)\s+(?:ngày\s+)?"
    r"(?<![\d/.-])(\d{1,2})(\.)(\d{1,2})(?![\d.]|,\d)",
    re.IGNORECASE,
)

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_QUARTER = re.compile(r"\bquý\s+(IV|I{1,3}|[1-4])\s*(?:/|năm|-)\s*((?:19|20)\d\d)\b", re.IGNORECASE)
_HALF = re.compile(r"\b(?:6|sáu)\s+tháng\s+(đầu|cuối)\s+năm\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_MONTH = re.compile(r"\btháng\s+(\d{1,2})\s*(?:/|năm)\s*((?:19|20)\d\d)\b", re.IGNORECASE)
_YEAR = re.compile(r"\bnăm\s+((?:19|20)\d\d)\b", re.IGNORECASE)
# "Nghị quyết số 05-NQ/TU ngày 13/5/2016": the date of a cited document, not of the article
_DOCUMENT_DATE = re.compile(r"\d[\w.]*(?:[/-][\w.]+)+\s*,?\s*(?:ban hành\s+)?ngày\s*$", re.IGNORECASE)
# "/2022/07/15/", SharePoint's "/Pages/2024-5-17/": a day
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([/-])(\d{1,2})\2(\d{1,2})(?!\d)")
# "-20230203091500.htm", "/20230203/": a day, maybe with a time, run together
_URL_STAMP = re.compile(
    r"(?<!\d)(20\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])"
    r"(?:[0-2]\d[0-5]\d(?:[0-5]\d(?:\d{1,4})?)?)?(?!\d)"
)  # "…-20230822093015482.htm": ms too
# "/202207/", "/2022/07/": a month
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/?(0[1-9]|1[0-2])/")
_URL_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


@dataclass(frozen=True)
class FoundDate:
    value: datetime  # naive: the local time as printed
    has_time: bool
    precision: str = "day"  # day | month | quarter | year
    start: int = 0  # where the date was found in the text searched
    end: int = 0

    def iso(self, utc_offset: str = "+07:00") -> str:
        if self.has_time:
            return self.value.strftime("%Y-%m-%dT%H:%M:%S") + utc_offset
        return self.value.strftime("%Y-%m-%d")


# "21/03/24": a two-digit year, read only on a short metadata line (in prose it may be anything)
_SHORT_YEAR = re.compile(r"(?<![\d/.-])(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<y>[0-3]\d)(?![\d/.-])")


# 1 January of 1970 (the Unix epoch), 1900 and year 1: what a CMS prints for a date it never had
_PLACEHOLDERS = frozenset({date(1970, 1, 1), date(1900, 1, 1), date(1, 1, 1)})


def find_dates(text: str, short_years: bool = False) -> list[FoundDate]:
    """Every valid date in ``text`` with the time printed next to it, in order.
    ``short_years``: "21/03/24" is 21 March 2024 (for a short dateline; never in prose)."""
    found = []
    matches = list(DATE.finditer(text))
    if _ENGLISH_HINT.search(text):
        matches = sorted(matches + list(_ENGLISH_DATE.finditer(text)), key=lambda match: match.start())
    if not matches and short_years:
        matches = list(_SHORT_YEAR.finditer(text))
    for match in matches:
        if match.re is _SHORT_YEAR:
            day, month, year = int(match["d"]), int(match["m"]), 2000 + int(match["y"])
        elif match.re is _ENGLISH_DATE:
            name = (match["mon4"] or match["mon5"])[:3].lower()
            day, month, year = (
                int(match["d4"] or match["d5"]),
                _MONTH_NAMES.index(name) + 1,
                int(match["y4"] or match["y5"]),
            )
        else:
            day, month, year = (
                int(match.group(k) or match.group(k + "2") or match.group(k + "3") or match.group(k + "6"))
                for k in ("d", "m", "y")
            )
        clock = _TIME_AFTER.match(text, match.end())
        if _dotnet_us(match, clock):  # "4/5/2011 9:12:44 AM" is 5 April: the day comes second
            day, month = month, day
        try:
            day_value = date(year, month, day)
        except ValueError:
            continue
        if day_value in _PLACEHOLDERS:  # an empty date field printed by the site's software
            continue
        start, end = match.span()
        if clock:
            end = clock.end()
        else:
            clock = _TIME_BEFORE.search(text, max(0, start - 24), start)
            if clock:
                start = clock.start()
        moment = _clock(clock) if clock else None
        found.append(FoundDate(datetime.combine(day_value, moment or time()), moment is not None, start=start, end=end))
    return found


# "8/25/2025 9:15 AM": a US-ordered date and clock as SharePoint and ASP.NET print them
_LISTED_DATE = re.compile(r"\((?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>(?:19|20)\d\d)\)\s*$")
_US_STAMP = re.compile(
    r"(?<![\d/])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>(?:19|20)\d\d)(?P<clock>\s+\d{1,2}:\d{2}(?::\d{2})?\s*[AaPp][Mm])"
)
# the clock first: "9:06:30 AM | 4/19/2024"
_US_STAMP_CLOCK_FIRST = re.compile(
    r"(?P<clock>\b\d{1,2}:\d{2}(?::\d{2})?\s*[AaPp][Mm]\s*[|,·–-]?\s*)"
    r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>(?:19|20)\d\d)(?![\d/])"
)


def us_dates_in_day_order(text: str) -> str:
    """When one date on the page can only be month first ("8/25/2025 9:15 AM", a related
    item's "(12/30/2024)") and none can only be day first ("25/12/2024"), the page writes
    dates month first: its stamps ("8/5/2025 9:15 AM" is 5 August) are rewritten day first,
    as everything else reads them."""
    stamps = [*_US_STAMP.finditer(text), *_US_STAMP_CLOCK_FIRST.finditer(text)]
    # the dates the site's software prints (a related item's "(12/30/2024)" on a short line),
    # not the ones its writers type in the text, which are day first whatever the software does
    printed = [s for line in text.split("\n") if len(line.split()) <= 15 for s in _LISTED_DATE.finditer(line)]
    month_first = any(int(s["d"]) > 12 >= int(s["m"]) for s in (*stamps, *printed))
    if not stamps or not month_first or any(int(s["m"]) > 12 for s in (*stamps, *printed)):
        return text
    # only the stamps (a date with an AM/PM clock: a dateline) are rewritten; the article's
    # own text keeps its dates as written
    text = _US_STAMP.sub(lambda s: f"{int(s['d']):02d}/{int(s['m']):02d}/{s['y']}{s['clock']}", text)
    return _US_STAMP_CLOCK_FIRST.sub(lambda s: f"{s['clock']}{int(s['d']):02d}/{int(s['m']):02d}/{s['y']}", text)


def _dotnet_us(date_match: re.Match[str], clock: re.Match[str] | None) -> bool:
    """ASP.NET's default US format, "M/d/yyyy h:mm:ss tt": no zero before the month, the
    day or the hour, seconds and AM/PM. Vietnamese formats print "dd/MM/yyyy hh:mm:ss tt"."""
    if date_match.re is not DATE or date_match["sep"] != "/" or clock is None:  # a numeric date with slashes only
        return False
    if not (clock["S"] and clock["ampm"]) or clock["H"].startswith("0"):
        return False
    day, month = date_match["d"], date_match["m"]
    if day.startswith("0") or month.startswith("0") or int(day) > 12:
        return False
    return len(day) == 1 or len(month) == 1 or int(month) > 12


def _clock(match: re.Match[str]) -> time | None:
    hour, minute, second = int(match["H"]), int(match["M"]), int(match["S"] or 0)
    ampm = (match["ampm"] or "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return None
    return time(hour, minute, second)


def period_in(text: str) -> FoundDate | None:
    """The reporting period a title names: a quarter, half-year or month (not a bare year)."""
    if match := _QUARTER.search(text):
        number = match.group(1).lower()
        quarter = _ROMAN.get(number) or int(number)
        return FoundDate(datetime(int(match.group(2)), 3 * quarter - 2, 1), False, "quarter", *match.span())
    if match := _HALF.search(text):
        month = 1 if match.group(1).lower() == "đầu" else 7
        return FoundDate(
            datetime(int(match.group(2)), month, 1), False, "month" if month == 7 else "year", *match.span()
        )
    if (match := _MONTH.search(text)) and 1 <= int(match.group(1)) <= 12:
        return FoundDate(datetime(int(match.group(2)), int(match.group(1)), 1), False, "month", *match.span())
    return None


def single_year_in(text: str) -> FoundDate | None:
    """ "… năm 2024" when the text names exactly one year that way."""
    years = {int(y) for y in _YEAR.findall(text)}
    if len(years) != 1:
        return None
    return FoundDate(datetime(years.pop(), 1, 1), False, "year")


def url_date(url: str) -> FoundDate | None:
    """The date an address carries: "/2022/07/15/", "-20230203091500.htm" (a day),
    "/202207/", "/2022/07/" (a month)."""
    path = re.sub(r"^[a-z]+://[^/]*", "", url, flags=re.IGNORECASE)  # a host's digits are not a date
    for pattern in (_URL_DATE, _URL_STAMP):
        for match in pattern.finditer(path):
            year, month, day = (
                (match[1], match[3], match[4]) if pattern is _URL_DATE else (match[1], match[2], match[3])
            )
            try:
                return FoundDate(datetime(int(year), int(month), int(day)), False)
            except ValueError:
                continue
    if month_match := _URL_MONTH.search(path):
        return FoundDate(datetime(int(month_match[1]), int(month_match[2]), 1), False, "month")
    return None


def url_day_in(url: str, month: datetime) -> FoundDate | None:
    """The day a long numeric id in the address encodes within ``month``, known from elsewhere:
    "-198240422122049602.htm" under " date 2024-04" is 22 April (VCCorp's and Người Lao Động's
    ids run a short prefix, then YYMMDDhhmmss). The id alone proves nothing: only a month the
    page gives makes its six digits a day."""
    segment = re.sub(r"^[a-z]+://[^/]*", "", url, flags=re.IGNORECASE).rstrip("/").rsplit("/", 1)[-1]
    stem = f"{month.year % 100:02d}{month.month:02d}"
    for digits in re.findall(r"\d{12,}", segment):
        at = digits.find(stem, 0, 5 + len(stem))
        if at >= 0 and at + 6 <= len(digits):
            try:
                return FoundDate(datetime(month.year, month.month, int(digits[at + 4 : at + 6])), False)
            except ValueError:
                return None
    return None


def year_hint(url: str, text: str) -> int | None:
    """A year for a day-month without one: the URL's, else the year the text's own full
    dates give most (a cited document's date left out), else the year it names most (the
    later on a tie). A full date tells when things happen; a bare year is often a topic
    ("kết quả năm 2024" in a post of January 2025), and the ends of ranges ("2021-2025",
    "2025 - 2026") and targets are plans, not news."""
    path = re.sub(r"^[a-z]+://[^/]*", "", url, flags=re.IGNORECASE)
    if path and (match := _URL_YEAR.search(path)):
        return int(match.group(1))
    dated = Counter(found.value.year for found in find_dates(text) if not is_document_date(text, found.start))
    dated.update(int(match[1] or match[4]) for match in _YEAR_MONTH.finditer(text))  # "tháng 9/2025"
    if dated:
        return max(dated, key=lambda year: (dated[year], year))
    years = Counter(int(y) for y in _BARE_YEAR.findall(text))
    return max(years, key=lambda year: (years[year], year)) if years else None


_BARE_YEAR = re.compile(r"(?<![\d/.-])(?<!đến năm )(?<![\d] - )((?:19|20)\d\d)(?!\d|-|\s[-–]\s\d)")


# "2023-01", "01/2023", "tháng 01/2023" on a line of its own or after a field name: a month
_YEAR_MONTH = re.compile(r"(?<![\d/.-])(?:((?:19|20)\d\d)-(0[1-9]|1[0-2])|(0?[1-9]|1[0-2])/((?:19|20)\d\d))(?![\d/-])")


def year_month(text: str) -> FoundDate | None:
    """A month without a day ("date 2023-01", "Tháng 01/2023")."""
    if match := _YEAR_MONTH.search(text):
        year, month = (match[1], match[2]) if match[1] else (match[4], match[3])
        return FoundDate(datetime(int(year), int(month), 1), False, "month", *match.span())
    return None


# "Tháng 3/2024", "tháng 10 năm 2024": a month named with its year
_NAMED_MONTH = re.compile(r"\btháng\s+(0?[1-9]|1[0-2])\s*(?:/|-|năm)\s*((?:19|20)\d\d)(?!\d)", re.IGNORECASE)
# "14 tháng 7 lúc 08:30", "14/7 lúc 08:30": a post's day and time with no year
_YEARLESS = re.compile(
    r"^(?:\w+\s+){0,3}?(\d{1,2})(?:\s+tháng\s+|/)(\d{1,2})(?:\s+lúc\s+|\s*,\s*|\s+)"
    r"\d{1,2}[:h]\d{2}\b",
    re.IGNORECASE,
)


def named_month(text: str) -> FoundDate | None:
    if match := _NAMED_MONTH.search(text):
        return FoundDate(datetime(int(match[2]), int(match[1]), 1), False, "month", *match.span())
    return None


# a bulletin's or a journal's issue: "Số 02/2024 (Quý II)", "SỐ 11+12 (THÁNG 11, 12/2024)", "Tập 12, Số 3 (2022)"
_ISSUE = re.compile(r"\b(?:số|no\.?|tập|vol\.?)\s*\d{1,3}\b.{0,40}?(?<!\d)((?:19|20)\d\d)(?!\d)", re.IGNORECASE)
# a folder of the address that is only a year: "/2023/ban-tin-so-4.pdf"
_URL_YEAR_FOLDER = re.compile(r"/((?:19|20)\d\d)/")


def issue_year(line: str) -> FoundDate | None:
    """The year of the issue a header or footer line names, if it names one."""
    if len(line.split()) > 24 or not (match := _ISSUE.search(line)):
        return None
    return FoundDate(datetime(int(match[1]), 1, 1), False, "year", *match.span(1))


def url_year(url: str) -> FoundDate | None:
    """The year of an address's folder named by a year alone ("/2023/")."""
    path = re.sub(r"^[a-z]+://[^/]*", "", url, flags=re.IGNORECASE)
    match = _URL_YEAR_FOLDER.search(path)
    return FoundDate(datetime(int(match[1]), 1, 1), False, "year") if match else None


def yearless_dateline(line: str, year: int) -> FoundDate | None:
    """A short line that is a day, a month and a time without the year, placed in ``year``."""
    if len(line.split()) > 8 or DATE.search(line) or not (match := _YEARLESS.search(line)):
        return None
    try:
        return FoundDate(datetime(year, int(match[2]), int(match[1])), False, start=match.start(), end=match.end())
    except ValueError:
        return None


def day_months(text: str, year: int) -> list[FoundDate]:
    """Days and months without a year ("Sáng 15/6", "Chiều 13-3"), placed in ``year``;
    a cited document's date is left out."""
    found = []
    for match in [*_DAY_MONTH.finditer(text), *_DOTTED_DAY_MONTH.finditer(text)]:
        if _DOCUMENT_DATE.search(text[max(0, match.start(1) - 40) : match.start(1)]):
            continue
        try:
            value = datetime(year, int(match.group(3)), int(match.group(1)))
        except ValueError:
            continue
        found.append(FoundDate(value, False, start=match.start(1), end=match.end()))
    return sorted(found, key=lambda date: date.start)


def is_document_date(text: str, start: int) -> bool:
    """True when the date at ``start`` is a cited document's ("… số 05-NQ/TU ngày 13/5/2016")."""
    return bool(_DOCUMENT_DATE.search(text[max(0, start - 40) : start]))
