"""Dates the way readers expect them: "Thứ Sáu, 09/09/2022", honest when imprecise."""

from __future__ import annotations

from datetime import date, datetime

__all__ = [
    "EN_MONTHS",
    "EN_WEEKDAYS",
    "PRECISIONS",
    "ROMAN_QUARTERS",
    "VI_WEEKDAYS",
    "format_date",
    "format_day",
    "format_month",
    "format_time",
    "quarter_of",
]

VI_WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
ROMAN_QUARTERS = ("I", "II", "III", "IV")
PRECISIONS = ("day", "month", "quarter", "year")


def quarter_of(value: date) -> int:
    return (value.month - 1) // 3 + 1


def format_date(value: date | datetime, precision: str = "day", language: str = "vi") -> str:
    if language == "en":
        return _format_en(value, precision)
    if precision == "year":
        return f"Năm {value.year}"
    if precision == "quarter":
        return f"Quý {ROMAN_QUARTERS[quarter_of(value) - 1]}/{value.year}"
    if precision == "month":
        return f"Tháng {value.month:02d}/{value.year}"
    return f"{VI_WEEKDAYS[value.weekday()]}, {value.day:02d}/{value.month:02d}/{value.year}"


def format_day(value: date | datetime, language: str = "vi") -> str:
    """A day without its weekday, as documents are dated: "02/09/2021", "2 September 2021"."""
    if language == "en":
        return f"{value.day} {EN_MONTHS[value.month - 1]} {value.year}"
    return f"{value.day:02d}/{value.month:02d}/{value.year}"


def _format_en(value: date | datetime, precision: str) -> str:
    if precision == "year":
        return str(value.year)
    if precision == "quarter":
        return f"Q{quarter_of(value)} {value.year}"
    if precision == "month":
        return f"{EN_MONTHS[value.month - 1]} {value.year}"
    return f"{EN_WEEKDAYS[value.weekday()]}, {value.day} {EN_MONTHS[value.month - 1]} {value.year}"


def format_month(year: int, month: int, language: str = "vi") -> str:
    return format_date(date(year, month, 1), "month", language)


def format_time(value: datetime, precision: str = "day") -> str:
    """ "07:05" when the article has a time of day worth showing, else ""."""
    if precision != "day" or (value.hour, value.minute, value.second) == (0, 0, 0):
        return ""
    return f"{value.hour:02d}:{value.minute:02d}"
