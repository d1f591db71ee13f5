"""Dates as machines record them -> ISO 8601 strings (pure).

Feeds, JSON-LD, meta tags and scrapers' JSON/CSV fields write dates as ISO 8601, RFC 822
("Wed, 14 Oct 2020 08:15:00 +0700"), Unix timestamps or the Vietnamese day-first style
("14/10/2020 08:15"). The time and its offset are kept when given; a time without an
offset stays without one (the importer reads it as Vietnam time, as it does datelines).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

from reform_archive.importer.dates import find_dates

__all__ = ["iso_date", "later"]

_ISO = re.compile(
    r"(?P<y>\d{4})[-/](?P<m>\d{1,2})[-/](?P<d>\d{1,2})"
    r"(?:[T ]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,]\d+)?)?)?"
    r"\s*(?P<tz>Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?",
    re.IGNORECASE,
)
_COMPACT = re.compile(r"(?P<y>(?:19|20)\d\d)(?P<m>\d\d)(?P<d>\d\d)(?:T?(?P<H>\d\d)(?P<M>\d\d)(?P<S>\d\d)?)?")
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_DAY_MONTH_NAME = re.compile(
    rf"(?:[A-Za-z]{{3}},?\s+)?(?P<d>\d{{1,2}})\s+(?P<mon>(?i:{'|'.join(_MONTHS)})[a-z]*)"
    r"\.?\s+(?P<y>\d{4})"
)
_NUMBER = re.compile(r"\d{9,13}(?:\.\d+)?")
# 2001-09-09 .. 2100: nine or ten digits are seconds, thirteen are milliseconds
_EPOCH_RANGE = (1_000_000_000, 4_102_444_800)


def iso_date(value: object) -> str:
    """``value`` as an ISO 8601 date or date-time, or "" when it is not a date."""
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, (int, float)):
        return _epoch(float(value))
    text = str(value).strip()
    if not text:
        return ""
    try:
        return (
            _from_iso(text)
            or _from_epoch_text(text)
            or _from_rfc822(text)
            or _from_compact(text)
            or _from_vietnamese(text)
        )
    except (ValueError, OverflowError):  # a day 31 in a 30-day month, an hour 25 …
        return ""


def _from_iso(text: str) -> str:
    match = _ISO.fullmatch(text)
    if not match:
        return ""
    return _compose(match)


def _from_compact(text: str) -> str:
    match = _COMPACT.fullmatch(text)
    return _compose(match) if match else ""


def _compose(match: re.Match[str]) -> str:
    parts = match.groupdict()
    day = datetime(int(parts["y"]), int(parts["m"]), int(parts["d"]))
    if parts.get("H") is None:
        return day.strftime("%Y-%m-%d")
    moment = day.replace(hour=int(parts["H"]), minute=int(parts["M"]), second=int(parts.get("S") or 0))
    return moment.strftime("%Y-%m-%dT%H:%M:%S") + _offset(parts.get("tz") or "")


def _offset(zone: str) -> str:
    if not zone:
        return ""
    if zone.upper() in ("Z", "UTC", "GMT"):
        return "+00:00"
    digits = zone[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if hours > 14 or minutes > 59:
        raise ValueError(f"no such offset: {zone}")
    return f"{zone[0]}{hours:02d}:{minutes:02d}"


def _from_epoch_text(text: str) -> str:
    return _epoch(float(text)) if _NUMBER.fullmatch(text) else ""


def _epoch(seconds: float) -> str:
    if seconds > _EPOCH_RANGE[1] * 10:  # milliseconds
        seconds /= 1000
    if not _EPOCH_RANGE[0] <= seconds <= _EPOCH_RANGE[1]:
        return ""  # a count, an id: not a moment an archive page was published
    moment = datetime(1970, 1, 1, tzinfo=UTC) + timedelta(seconds=int(seconds))
    return moment.isoformat()


def _from_rfc822(text: str) -> str:
    if not re.search(r"[A-Za-z]{3}", text):
        return ""
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        moment = None
    if moment is not None:
        return moment.isoformat()
    if day := _DAY_MONTH_NAME.fullmatch(text):  # "Wed, 14 Oct 2020": no time
        month = _MONTHS.index(day["mon"][:3].lower()) + 1
        return datetime(int(day["y"]), month, int(day["d"])).strftime("%Y-%m-%d")
    return ""


def _from_vietnamese(text: str) -> str:
    """ "14/10/2020", "Thứ Tư, 14/10/2020 08:15", "08:15 14-10-2020": one date, day first."""
    found = find_dates(text)
    if len(found) != 1:
        return ""
    date = found[0]
    return date.value.strftime("%Y-%m-%dT%H:%M:%S" if date.has_time else "%Y-%m-%d")


def later(first: str, second: str) -> bool:
    """Whether ISO date ``second`` is on a later day than ``first`` (for modified dates)."""
    return bool(first and second) and second[:10] > first[:10]
