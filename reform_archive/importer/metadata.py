"""Bylines, category lines, source prefixes and datelines (pure).

Portals print these in a handful of shapes: "Tin hoạt động | 09-09-2022 | 0 lượt xem",
"P.V| 28/10/2021 07:05", "VĂN HÀO - TRẦN HỮU 30/04/2016 11:39",
"Bảo Giang  (Cập nhật ngày 08-11-2022)", "ThS. Nguyễn Văn A - Trường Chính trị tỉnh X",
"(GLO)- Sáng 15/6, …". Each function recognises one shape and returns ``None`` (or an
empty value) for anything else, so prose is never taken for metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reform_archive.importer import credits
from reform_archive.importer.chrome import AGE, strip_view_count
from reform_archive.importer.dates import FoundDate, find_dates
from reform_archive.importer.names import ACADEMIC, Byline, is_name, title_case
from reform_archive.importer.not_names import NOT_NAMES

__all__ = [
    "MetaLine",
    "affiliation_line",
    "credits_a_writer",
    "is_account",
    "is_category",
    "names_a_person",
    "parse_byline",
    "parse_meta_line",
    "people_over_bodies",
]

_NAME_SPLIT = re.compile(r"\s+[-–—]\s+|\s*,\s*")  # "name - organisation", "name, organisation"
_I = re.IGNORECASE

_CATEGORY = re.compile(
    r"^(?:tin|tin tức|tin hoạt động|hoạt động|thời sự|chính trị|kinh tế|xã hội|văn hóa|văn hoá|pháp luật|"
    r"cải cách hành chính|tin cải cách hành chính|tin cchc|cchc|chuyển đổi số|chính quyền số|chính quyền điện tử|"
    r"tin trong tỉnh|tin địa phương|tin trong nước|tin tức - sự kiện|tin tức sự kiện|tin tức – sự kiện|sự kiện|"
    r"tin nổi bật|tin tổng hợp|chuyên đề|nghiên cứu - trao đổi|nghiên cứu – trao đổi|nghiên cứu trao đổi|"
    r"trao đổi|diễn đàn|hoạt động của sở|tin từ cơ sở|tin cơ sở|tin từ địa phương|địa phương|"
    r"tin hoạt động [\w\s]{1,40}|tin [\w\s]{1,30}|hoạt động [\w\s]{1,30}|tin tức [\w\s]{1,30}|"
    r"xây dựng đảng|quản lý nhà nước|nội vụ|thi đua - khen thưởng|thi đua khen thưởng)$",
    _I,
)
_WEEKDAY = r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ\s+nhật|cn|t[2-7])"
_DATE_WORDS = re.compile(
    rf"{_WEEKDAY}|ngày\s+đăng|(?:tin\s+|bài\s+)?đăng\s+ngày|đăng\s+lúc|đăng\s+tải|ngày\s+cập\s+nhật|cập\s+nhật(?:\s+ngày|\s+lúc)?|"
    r"xuất\s+bản|ngày|lúc|giờ|gmt\s*[+-]\s*\d{1,2}(?::?\d\d)?|\(utc[+-]\d+\)|\bđăng\b(?!\s+bởi)|"
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b",
    _I,
)
_UPDATED = re.compile(r"cập\s+nhật", _I)
_CLOCK = re.compile(r"(?<![\d/.])\d{1,2}\s*[:hg]\s*\d{2}(?:\s*:\s*\d{2})?(?:\s*[AaPp][Mm])?(?![\d/])")
# "Thu Trang (Trung tâm Văn hóa huyện)", "Minh Hoàng (tổng hợp)": a name and its affiliation or part
_PARENTHESISED = re.compile(r"^(?P<name>[^()]{2,60}?)\s*\((?P<aside>[^()]{2,80})\)$")
_COMPILED = re.compile(r"^(?:tổng hợp|t/h|st|sưu tầm|lược dịch|biên dịch|ghi|theo .*|ttxvn|ctv)$", _I)
_PARTS = re.compile(r"\s*(?:\||•|·|\s-\s|\s–\s|\s—\s|,|\s{2,})\s*")
_INITIALS = re.compile(r"^(?:[A-ZĐ]{1,3}(?:\s?\.\s?[A-ZĐ]{1,3})+\.?|PV|CTV|BTV|NV|TTXVN|Nhóm PV|Nhóm phóng viên)$")
# "B.LIỄU", "TR.NHAN", "N.Đạt": a name shortened to its initials and the given name (never
# "TP.Huế" or "TX.Sơn Tây": a town's abbreviation is a place)
_ABBREVIATED = re.compile(
    r"^(?!(?:TP|TX|TT|Q|P|H|X)\.)(?:[A-ZĐ][A-Za-zĐ]?\.\s?){1,2}"
    r"(?=[^\W\d_]*[AEIOUYaeiouyÀ-ỹ])[A-ZĐÀ-Ỹ][^\W\d_]{1,7}$"
)
_DEGREE = re.compile(rf"^(?:{ACADEMIC}|CN|KS|BS|LS|Luật sư|Nhà báo)\.?\s+", 0)
_ORGANISATION = re.compile(
    r"^(?!phòng[\s,]+(?:chống|ngừa|tránh)\b)(?:phòng|sở|ban(?!\s+hành)|văn phòng|trung tâm|ubnd|ủy ban|uỷ ban|cổng|báo|đài|trường|viện|bộ|cục|vụ|chi cục|"
    r"đảng ủy|đảng uỷ|tỉnh đoàn|ban biên tập|bbt|phòng nội vụ|công an|tòa án|viện kiểm sát|"
    r"thanh tra|kho bạc|bảo hiểm xã hội|huyện ủy|huyện uỷ|tỉnh ủy|tỉnh uỷ|thành ủy|thành uỷ)\b",
    _I,
)
_CREDIT_PREFIX = re.compile(
    r"^[\"']?(?:author|authors|byline)[\"']?\s*[:=]\s*[\"'\[]*|"
    r"^(?:(?:bài|tin|ảnh)\s*(?:và|,|&)\s*(?:ảnh|bài)|nội\s+dung|"
    r"tin\s*&\s*ảnh|bài|tin|tác\s+giả(?:\s+bài\s+viết)?|người\s+viết|phóng\s+viên|nhóm\s+phóng\s+viên|"
    r"thực\s+hiện|ghi\s+chép|người\s+đăng|người\s+cập\s+nhật|biên\s+tập(?:\s+viên)?)\s*:\s*|"
    r"^(?:đăng\s+bởi|posted\s+by|viết\s+bởi|written\s+by)\s*:?\s*(?=\S)|"
    # a reporter's or contributor's role before the name: "CTV Đoàn Diểu/THĐT", "PV Minh Anh"
    r"^(?-i:CTV|PV|BTV|NV)\.?\s+(?=[A-ZĐÀ-Ỹ])|^(?:phóng\s+viên|cộng\s+tác\s+viên)\s+(?=[A-ZĐÀ-Ỹ])",
    _I,
)
# "Ghi chép của ĐÌNH THẢO": a credit without a colon, so only when a name follows
_OF_CREDIT = re.compile(r"^(?:ghi\s+chép|bài|tin|phóng\s+sự|ảnh|bài\s+viết)\s+của\s+(?P<name>.+)$", _I)
_COMPILED_BY = re.compile(r"^(?:t/h|tổng\s+hợp|sưu\s+tầm|st)\s*:\s*(?P<name>.+?)\.?$", _I)  # "T/h: Vỹ Phượng"
# "Đăng bởi: admin": the portal's account, which says nothing of who wrote the article
_ACCOUNT_NAME = re.compile(
    r"^(?:admin|administrator|quản\s+trị(?:\s+viên)?|qtv|webmaster|editor|user\d*|"
    r"super\s?user(?:\s+account)?|host\s+account)$",
    _I,
)
# words that begin like a workplace and are not one: "Trường hợp …", "Ban hành …", "Báo cáo …"
_NOT_AFFILIATION = re.compile(
    r"^(?:trường\s+hợp|ban\s+(?:hành|đầu|ngày)|phòng\s+(?:chống|ngừa)|vụ\s+việc|sở\s+dĩ|"
    r"khoa\s+học|báo\s+cáo|bộ\s+phận|cục\s+bộ|viện\s+dẫn|đài\s+thọ)\b",
    _I,
)
_LEADING_SYMBOLS = re.compile(r"^[\W_]*?(?=\w)", re.UNICODE)
# a CMS log-in name, not a person's: "admin_auco", "thanhvinh_admin", "btv02"
_USER_NAME = re.compile(r"^(?=[a-z0-9._-]*(?:[_.\d]|admin|editor|btv|user))[a-z][a-z0-9._-]{2,30}$")
# "Chuyên mục: Tin hoạt động": a labelled category
_LABELLED_CATEGORY = re.compile(
    r"^(?:chuyên\s+mục|danh\s+mục|thể\s+loại|lĩnh\s+vực|categor(?:y|ies))\s*[:：]\s*"
    r"(?P<name>[^.:|]{2,60})$",
    _I,
)
# "Thanh Lâm, ngày 11 tháng 10 năm 2018": the place an official letter is dated at, before the date
_EMPHASIS = re.compile(r"^(?P<mark>[_*]{1,2})(?P<inner>[^_*].*?)(?P=mark)$")  # "_Cập nhật: 2023-09-07_" (Markdown)
_PLACE_BEFORE_DATE = re.compile(r"^[^\d,|]{2,40},\s*(?=ngày\s+\d{1,2}\s+tháng\s)", _I)
# an author's post or workplace printed under the name: "Phó Giám đốc Học viện …", "Khoa Luật, Trường …"
_AFFILIATION = re.compile(
    r"^(?:(?:phó\s+)?(?:giám\s+đốc|trưởng(?:\s+(?:phòng|ban|khoa|bộ\s+môn))?|chủ\s+tịch|bí\s+thư|hiệu\s+trưởng|"
    r"viện\s+trưởng|chánh\s+văn\s+phòng|tổng\s+biên\s+tập)|giảng\s+viên(?:\s+chính)?|nghiên\s+cứu\s+(?:viên|sinh)|"
    r"chuyên\s+viên(?:\s+chính)?|công\s+chức|cán\s+bộ|học\s+viên|sinh\s+viên|"
    r"học\s+viện|phân\s+viện|khoa|trường|đại\s+học|viện|sở|ban|phòng|văn\s+phòng|trung\s+tâm|ủy\s+ban|uỷ\s+ban|ubnd|"
    r"vp|bộ|cục|vụ|chi\s+cục|tòa\s+án|viện\s+kiểm\s+sát|tỉnh\s+ủy|tỉnh\s+uỷ|huyện\s+ủy|thành\s+ủy|đảng\s+ủy|"
    r"hội\s+đồng\s+nhân\s+dân|hđnd|báo|đài|tạp\s+chí|liên\s+đoàn|công\s+đoàn|cđ|đoàn\s+thanh\s+niên|mặt\s+trận|mttq|công\s+an|"
    r"hội(?!\s+(?:nghị|thảo|thi|chợ|diễn|làng|xuân|đồng\s+(?!nhân)))(?=\s+\w)|"
    r"(?-i:P\.\s?[A-ZĐ]{2,}))\b",  # "P. ĐM": a ward's or a department's office, abbreviated
    _I,
)
_AUTHOR_SPLIT = re.compile(r"\s+-\s+|\s+–\s+|\s*,\s*|\s+và\s+|\s*;\s*|\s*&\s*")


@dataclass(frozen=True)
class MetaLine:
    """What one header or footer line says about the article."""

    date: FoundDate | None = None
    updated: bool = False  # the date is a "Cập nhật" (update) date
    authors: tuple[str, ...] = ()
    affiliation: str = ""
    honorific: str = ""
    category: str = ""


def is_category(text: str) -> bool:
    text = text.strip()
    return 0 < len(text.split()) <= 6 and bool(_CATEGORY.match(text)) and not text.endswith(".")


_REPORTED_BY = re.compile(r"^theo\s+(?P<name>[^,;()\-–]{3,40}?)\s*(?:,|\s[-–])\s*(?P<place>.{3,80})$", _I)
_VALUE_MARKS = " .|\"'“”,[]"


def parse_byline(line: str) -> Byline | None:
    """An author line: initials, names (one or several), an organisation, or a degree
    with name and affiliation. ``None`` for anything that reads as text."""
    if line.lstrip().startswith("#"):  # "#Lào Cai": a hashtag, not a name
        return None
    line = _LEADING_SYMBOLS.sub("", line)  # "✍️ Tin, ảnh: Hoàng Oanh"
    if (credit := _OF_CREDIT.match(line.strip()) or _COMPILED_BY.match(line.strip())) and is_name(
        credit["name"].strip(" .")
    ):
        return Byline((title_case(credit["name"].strip(" .")),))
    if credited := credits.credit_line(line.strip()):  # "Tin: Hoàng Yến - Ảnh: Minh Quân", before "Tin:" is taken off
        return credited
    # "B.LIỄU - TR.NHAN |": a bar left of a share row; a dump's quotes and commas round a value
    text = _CREDIT_PREFIX.sub("", line.strip()).strip(_VALUE_MARKS)
    explicit = text != line.strip().strip(_VALUE_MARKS)
    if text.lower() in NOT_NAMES:
        return None
    if people := credits.people_at_workplaces(text):  # long: each name with its post and workplace
        return people
    if not text or len(text) > 120 or text.endswith((":", ";", ",", "?", "!")):
        return None
    if explicit and is_account(text):
        return Byline()  # a byline all the same, of nobody
    if _INITIALS.match(text):
        return Byline((text,))
    if (aside := _PARENTHESISED.match(text)) and (is_name(aside["name"]) or _INITIALS.match(aside["name"])):
        affiliation = "" if _COMPILED.match(aside["aside"].strip()) else aside["aside"].strip()
        return Byline((title_case(aside["name"].strip()),), affiliation)
    if people := credits.degreed_people(text):  # "TS. Lê Minh, ThS. Đặng Bảo (Trường Đại học Nội vụ)"
        return people
    degree = _DEGREE.match(text)
    if degree:
        rest, affiliation = text[degree.end() :], ""
        if split := _NAME_SPLIT.search(rest):
            rest, affiliation = rest[: split.start()], rest[split.end() :]
        if is_name(rest):
            honorific = text[: degree.end()].strip()
            abbreviated = " " not in honorific and not honorific.endswith(".")  # "ThS" -> "ThS."; "Luật sư" stays
            return Byline((title_case(rest),), affiliation.strip(), honorific + ("." if abbreviated else ""))
        return None
    if (
        (reported := _REPORTED_BY.match(text))
        and is_name(reported["name"])
        and (_ORGANISATION.match(reported["place"]) or _AFFILIATION.match(reported["place"]))
    ):
        return Byline((title_case(reported["name"]),), reported["place"].strip())  # "Theo Hồng Thảo, Phòng Tổng hợp"
    if outlet := _NAME_OUTLET.match(text):  # "Hoàng Anh/TNTV", "Nguyễn Hoa/VOV-Đông Bắc"
        if is_name(outlet["name"]):
            return Byline((title_case(outlet["name"]),), outlet["outlet"])
    if credited := credits.credit_line(text):  # "Nội dung: Thanh Hà - Ảnh: Hoàng Mạnh - Thiết kế: Minh Thư"
        return credited
    if split := _NAME_SPLIT.search(text):  # "Lê Thanh Hà - Phòng Cải cách hành chính"
        name, organisation = text[: split.start()], text[split.end() :]
        if (
            is_name(name)
            and (_ORGANISATION.match(organisation) or _AFFILIATION.match(organisation))
            and (len(organisation.split()) <= 12)
        ):
            return Byline((title_case(name),), organisation)
    if (
        _ORGANISATION.match(text)
        and len(text.split()) <= 12
        and not re.search(r"[\d./:]", text)
        and text.count("(") == text.count(")")
    ):  # not "Cổng dịch vụ công (VD: d", a line cut short
        return Byline((text,))
    parts = [p.strip() for p in _AUTHOR_SPLIT.split(text) if p.strip()]
    if parts and all(is_name(p) or _INITIALS.match(p) or _ABBREVIATED.match(p) for p in parts):
        return Byline(tuple(title_case(p) for p in parts))
    if explicit and len(text.split()) <= 8 and not text.endswith("."):
        return Byline((text,))
    return None


_NAME_OUTLET = re.compile(
    r"^(?P<name>[^/]{3,40}?)\s*/\s*(?P<outlet>[A-ZĐ][A-ZĐ0-9.]{1,10}(?:\s*[-–]\s*[\w\s]{2,30})?)$"
)


def credits_a_writer(line: str) -> bool:
    """ "Bài: …", "Ảnh và bài: …", "Nội dung: …": a credit naming who wrote the piece (a
    photographer may share the line, so it can also read as a photo credit)."""
    return bool(_CREDIT_PREFIX.match(_LEADING_SYMBOLS.sub("", line.strip())))


def names_a_person(byline: Byline) -> bool:
    """A byline naming somebody, not only a body ("Sở Nội vụ"): a post or workplace may follow it."""
    return any(not affiliation_line(author) for author in byline.authors)


def people_over_bodies(authors: tuple[str, ...]) -> tuple[str, ...]:
    """The people a page credits, without the bodies credited beside them: "Sơn Hà" and
    "Bộ Nội vụ" (the source), "Báo Hà Tĩnh" over "Ngọc Loan". A body alone stays the author."""
    people = tuple(name for name in authors if not _ORGANISATION.match(name) and not affiliation_line(name))
    return people or authors


def is_account(name: str) -> bool:
    """A portal's log-in name or role ("admin", "admin_auco", "Quản trị viên"), not a writer."""
    return bool(_ACCOUNT_NAME.match(name.strip()) or _USER_NAME.match(name.strip()))


def affiliation_line(line: str) -> bool:
    """A line under an author's name giving the post or workplace: "Phó Giám đốc Học
    viện Chính trị khu vực I", "Khoa Luật, Trường Đại học X"."""
    text = line.strip()
    return (
        bool(_AFFILIATION.match(text))
        and not _NOT_AFFILIATION.match(text)
        and text[:1].isupper()
        and len(text.split()) <= 16
        and not text.endswith((".", ":", ";", "?", "!"))
        and not find_dates(text)
    )


_SECTION_BEFORE_BAR = re.compile(r"\s*(?P<name>[^\W\d_]+(?:\s+[^\W\d_]+){0,4})\s*\|\s*")  # five words at most
_BARE_COUNTERS = re.compile(r"(?:\s+\d{1,3}(?:[.,]\d{3})*){1,3}\s*")


def parse_meta_line(line: str) -> MetaLine | None:
    """A dateline, with whatever shares its line: category, byline, view count."""
    text = _EMPHASIS.sub(r"\g<inner>", line.strip())
    if not text or len(text) > 160:
        return None
    if labelled_line := _LABELLED_CATEGORY.match(text):
        return MetaLine(category=labelled_line["name"].strip())
    dates = find_dates(text, short_years=len(text) <= 60)
    if not dates:
        return _undated_meta(text)
    place = _PLACE_BEFORE_DATE.match(text)
    first = dates[0]
    updated = bool(_UPDATED.search(text[max(0, first.start - 20) : first.start]))
    after = text[dates[-1].end :]
    if _BARE_COUNTERS.fullmatch(after):  # NukeViet's "… 18:44 106 0": views and comments behind icons
        text = text[: dates[-1].end]
    before = text[place.end() if place else 0 : first.start]
    section = ""
    # "DDCI Hậu Giang | 15/03/2021 14:26 GMT+7 | Nguyễn Trọng Nguyễn": a section's name, then a bar
    if (label := _SECTION_BEFORE_BAR.fullmatch(before)) and not parse_byline(label["name"]):
        section, before = label["name"], ""
    rest = before + " | " + text[first.end :]
    for extra in dates[1:]:
        rest = rest.replace(text[extra.start : extra.end], " | ")
    rest = _DATE_WORDS.sub(" ", _CLOCK.sub(" ", strip_view_count(rest)))
    rest = re.sub(r"/[\s,]*(?=\|)|(?<=\|)\s*/", " ", rest)  # DNN's "Author: X/Thursday, July 11, 2024/Categories: Y"
    rest = re.sub(r"[()\[\]]", " | ", rest)
    authors: tuple[str, ...] = ()
    affiliation = honorific = ""
    category = section
    for part in _PARTS.split(rest):
        part = part.strip(" :|-–—,.")
        if not part:
            continue
        if _COMPILED.match(part):  # "(tổng hợp)": how it was written, not who
            continue
        if (is_category(part) or _LABELLED_CATEGORY.match(part)) and not category:
            labelled = _LABELLED_CATEGORY.match(part)
            category = labelled["name"].strip() if labelled else part
        elif byline := parse_byline(part):
            authors += tuple(a for a in byline.authors if a not in authors)
            affiliation = affiliation or byline.affiliation
            honorific = honorific or byline.honorific
        else:
            return None
    return MetaLine(first, updated, authors, affiliation, honorific, category)


def _undated_meta(text: str) -> MetaLine | None:
    cleaned = strip_view_count(text).strip(" |")
    if cleaned != text.strip() and not cleaned:
        return MetaLine()  # only a view count
    pieces = [p.strip(" :|·") for p in re.split(r"\s*[|·•]\s*", cleaned) if p.strip(" :|·")]
    parts = [p for p in pieces if not AGE.match(p)]  # "Hôm qua · Tác giả: …": the age goes
    if len(pieces) < 2 or not parts:
        return None
    categories = [is_category(part) for part in parts]
    bylines = [None if category else parse_byline(part) for part, category in zip(parts, categories, strict=True)]
    if not all(category or byline for category, byline in zip(categories, bylines, strict=True)):
        return None
    category = next((part for part, is_cat in zip(parts, categories, strict=True) if is_cat), "")
    byline = next((b for b in bylines if b), None)
    return MetaLine(
        category=category,
        authors=byline.authors if byline else (),
        affiliation=byline.affiliation if byline else "",
        honorific=byline.honorific if byline else "",
    )
