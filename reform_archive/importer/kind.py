"""Is this page a reform news article at all? (pure)

Scrapers bring back more than articles: a category page of headlines, a legal-document
database record, a weekly schedule, a journal's table of contents, a sports or festival
report from the same newspaper. Such a page is still imported (nothing is lost), but as a
draft with the reason, so it stays out of the site until an editor says otherwise. Each
test is one shape, and says why.
"""

from __future__ import annotations

import itertools
import re

from reform_archive.importer import chrome, listing, metadata
from reform_archive.importer.lines import glue_points
from reform_archive.text.vietnamese import fold

__all__ = [
    "HEADLINES",
    "LISTINGS",
    "MIN_REFORM_DENSITY",
    "NAMED_CATEGORY",
    "SEARCH_OR_CATEGORY",
    "TAG_PAGE",
    "not_article_reason",
]

_I = re.IGNORECASE
SEARCH_OR_CATEGORY = "a search or category page (its address says so), not an article"
NAMED_CATEGORY = "a category or tag page (it opens with the name its address spells), not an article"
TAG_PAGE = "a tag or topic page (it opens with its label), not an article"
HEADLINES = "a list of headlines (a category or tag page), not an article"
LISTINGS = frozenset({SEARCH_OR_CATEGORY, NAMED_CATEGORY, TAG_PAGE, HEADLINES})  # pages that list articles
_RECORD_FIELD = re.compile(
    r"^\|?\s*(?:số\s*(?:/\s*)?ký\s+hiệu|số\s+hiệu|ký\s+hiệu|ngày\s+ban\s+hành|ngày\s+(?:có\s+)?hiệu\s+lực|"
    r"cơ\s+quan\s+ban\s+hành|người\s+ký|loại\s+văn\s+bản|trích\s+yếu|tình\s+trạng(?:\s+hiệu\s+lực)?|"
    r"cấp\s+ban\s+hành|lĩnh\s+vực)\s*[:|\t]",
    _I,
)
# "Xem tiếp", "Chi tiết": the link under (or after) each teaser of a category page
_MORE = re.compile(
    r"(?:^|\s[-–|»]\s*)(?:xem tiếp|xem thêm|chi tiết|đọc tiếp|đọc thêm|xem chi tiết|read more|"
    r"see more|continue reading|more)\s*(?:»|>>?|\.\.\.|…)?\s*$",
    _I,
)
# a teaser cut short, and a pager: "…", "Trang 1 / 14", "Trang sau >", "Trang: 1 2 3 >>"
_TEASER = re.compile(r"\w\s*(?:\.\.\.|…)\s*(?:\(\s*\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\s*\))?$")
_PAGER = re.compile(
    r"^(?:trang\s*:?\s*\d{1,3}(?:\s*/\s*\d{1,4}|(?:\s+\d{1,3}){2,})|trang\s+(?:sau|trước|tiếp|đầu|cuối)\b|"
    r"(?:«|<<?)?\s*\d{1,3}(?:\s+\d{1,3}){3,}\s*(?:»|>>?)?$|"
    # DNN's and WordPress's English pagers: "First1234NextLast", "« Previous 1 2 3 Next »"
    r"(?:first|prev(?:ious)?|«|‹)\s*(?:\d{1,3}\s*){2,}(?:next|last|»|›))",
    _I,
)
# an official document printed whole: the national motto and its number ("Số: 45/BC-UBND")
_MOTTO = re.compile(r"độc\s+lập\s*[-–]\s*tự\s+do\s*[-–]\s*hạnh\s+phúc", _I)
# a legal document's preamble: "Căn cứ Luật Tổ chức chính quyền địa phương …;"
_GROUNDS = re.compile(r"^căn\s+cứ\s+.{10,}[;,.]$", _I)
_DOCUMENT_NUMBER = re.compile(r"^\s*số\s*:\s*\d{1,5}(?:\s*/\s*\d{4})?\s*/\s*[\w.-]*[A-ZĐ]", _I)
# an administrative-procedure record: its fields
_PROCEDURE_FIELD = re.compile(
    r"^\|?\s*(?:mã\s+(?:thủ\s+tục|số)|tên\s+thủ\s+tục|trình\s+tự\s+thực\s+hiện|thành\s+phần(?:,\s*số\s+lượng)?\s+hồ\s+sơ|"
    r"thời\s+hạn\s+giải\s+quyết|cơ\s+quan\s+(?:trực\s+tiếp\s+)?(?:thực\s+hiện|giải\s+quyết)|cách\s+thức\s+thực\s+hiện|"
    r"cơ\s+quan\s+(?:phối\s+hợp|có\s+thẩm\s+quyền)|(?:nơi|thời\s+gian)\s+tiếp\s+nhận|"
    r"đối\s+tượng\s+thực\s+hiện|phí,?\s+lệ\s+phí|lệ\s+phí|căn\s+cứ\s+pháp\s+lý|cấp\s+thực\s+hiện|"
    r"kết\s+quả\s+thực\s+hiện|yêu\s+cầu,?\s+điều\s+kiện)\b",
    _I,
)
# the national database's code of a procedure: "Mã thủ tục: 2.000986.000.00.00.H29"
_PROCEDURE_CODE = re.compile(r"^\|?\s*mã\s+(?:thủ\s+tục|số)\s*[:：]?\s*\d\.\d{6}", _I)
# "Giải pháp số hóa ............ 12": a contents line with dotted leaders
_LEADER = re.compile(r"(?:\.{4,}|…{2,}|\s{3,})\s*\d{1,3}\s*$")
# fewer reform words than this per hundred words of body, and none in the title: off-topic
MIN_REFORM_DENSITY = 1.0
_DAY_HEADING = re.compile(r"^(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật)\b.{0,30}\d{1,2}/\d{1,2}", _I)
_PAGE_REFERENCE = re.compile(r"[-–]\s*(?:trang|tr\.)\s*\d{1,3}\s*$", _I)
# "- Quầy tư pháp - hộ tịch: 0229.3855.102": a desk and its number, the line ending with it
_PHONE_ENTRY = re.compile(r"[:\-–]\s*\(?0\d{2,3}\)?[\s.]?[\dx]{3,4}[\s.]?[\dx]{3,4}\s*\.?$", _I)
# a tag or topic page opens with its label: "Tags:" / "cấp tỉnh" / the tagged headlines
_TAG_LABEL = re.compile(r"^(?:tags?|từ\s+khóa|từ\s+khoá|chủ\s+đề|nhãn)\s*:?$", _I)
_DATED_ENTRY = re.compile(r"\(\s*\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\s*\)\s*$")
# an address that lists articles: a search ("/tim-kiem", "?keyword="), a category portlet,
# a category's second page on ("?page=8", "?pagenumber=7", "-page-58.htm", Liferay's "_cur=67", "?p=3";
# WordPress's "?p=10541" is a post), a tag or topic
_LISTING_ADDRESS = re.compile(
    r"[?&](?:q|keywords?|tukhoa|tu-khoa|search|categoryslug|cateid)=|/(?:tim-kiem|timkiem|search|s)(?:/|\?|$)|"
    r"p_p_id=[^&]*(?:list|category)|[?&](?:page|trang|pagenumber|pageindex|page_?no|paged|\w*_cur)=(?:[2-9]|\d{2,})\b|[?&]p=(?:[2-9]|[1-9]\d{1,2})(?:&|$)|"
    r"[-/](?:page|trang)[-/]?(?:[2-9]|\d{2,})(?:\.html?|/)?(?:\?|$)|"
    r"/(?:tag|tags|chu-de|topic|the-tag)/[^/?\d]*(?:\.html?)?(?:\?|$)|-p?tags?\d*\.html?(?:\?|$)|\.tag(?:\?|$)|/groupnews/|"
    # a tag's own folder with anything under it ("/tags/<id>/<teaser>.html", WordPress's "/tag/<slug>/"), a
    # listing's pages ("/PhanTrang/1753/10/")
    r"/tags?/|/phan-?trang/",
    _I,
)
# an article's own address with a list's page number left on it ("/node/195660?page=6")
_ONE_ITEM = re.compile(r"/(?:node|article|bai-viet|post|news)/\d{3,}/?(?:\?|$)", _I)
# the reform programme's own words (accent-folded); a page with none is off-topic here
_REFORM_WORDS = re.compile(
    r"cai cach|hanh chinh|thu tuc|mot cua|dich vu cong|chuyen doi so|chinh quyen|cong vu|cong chuc|vien chuc|"
    r"can bo|bo may|tinh gon|sap xep|so hoa|truc tuyen|ky cuong|par index|sipas|papi|\bpci\b|nghi dinh|"
    r"nghi quyet|quyet dinh|hai long|ho so|nguoi dan|ubnd|hdnd|phap luat|doanh nghiep|dan chu|quan ly nha nuoc|"
    # the procedures citizens meet most, and the 2025 reorganisation's words
    r"can cuoc|cu tru|(?:thong bao|khai bao|dang ky) luu tru|vneid|dinh danh|ho tich|khai sinh|de an 06|tiep nhan|tra ket qua|giay phep|"
    r"sap nhap|hop nhat|chinh quyen (?:dia phuong )?(?:2|hai) cap|chu ky so|ky so|chinh phu (?:dien tu|so)|"
    # an English page of a portal or a news agency
    r"administrative (?:reform|procedures?)|public (?:services?|administration)|one-stop|e-government|"
    r"digital (?:transformation|government|signatures?)|civil servants?|people's committee|"
    # … and the words an English page uses for what Vietnamese pages call thủ tục, hồ sơ, người dân
    r"two-tier|local government|procedures?|applications?|certificates?|passports?|identification|"
    r"portal|communes?|wards?|citizens?|residents?|businesses",
    _I,
)


def _unglued(text: str) -> list[str]:
    """ "Thành phần hồ sơBao gồmTrình tự thực hiện": cells whose breaks the copy lost, apart again."""
    points = [0, *glue_points(text), len(text)]
    return [text[a:b] for a, b in itertools.pairwise(points)]


def not_article_reason(lines: list[str], title: str, body: str, datelines: int | None = None, url: str = "") -> str:
    """Why the page is not a news article about administrative reform, or ``""``.
    ``datelines``: how many of ``lines`` are datelines, when the caller has read them;
    ``url``: the page's address, when known."""
    # fields, headings, contents entries and mottos are short lines: prose is not searched for them
    short = [line.strip() for line in lines if len(line) <= 200]
    record_fields = sum(1 for line in short if _RECORD_FIELD.match(line))
    if record_fields >= 3:
        return "a legal-document record (Số ký hiệu, Ngày ban hành, Trích yếu…), not a news article"
    if sum(1 for line in short if _DAY_HEADING.match(line)) >= 3:
        return "a schedule (one heading per weekday), not a news article"
    numbered = [line for line in short if line[-1:].isdigit()]
    if sum(1 for line in numbered if _PAGE_REFERENCE.search(line) or _LEADER.search(line)) >= 3:
        return "a table of contents (entries with page numbers), not an article"
    # a record flattened into a table puts its fields in cells: "Cách thức thực hiện … | Thời hạn giải quyết | …"
    cells = [
        part.strip() for line in lines if line.count("|") >= 2 for cell in line.split("|") for part in _unglued(cell)
    ]
    fields = sum(1 for line in short if _PROCEDURE_FIELD.match(line))
    if (
        fields >= 4
        or (fields >= 2 and any(_PROCEDURE_CODE.match(line) for line in short))
        or len({field.group().lower() for cell in cells if (field := _PROCEDURE_FIELD.match(cell))}) >= 4
    ):
        return "an administrative-procedure record (Trình tự thực hiện, Thành phần hồ sơ…), not a news article"
    heading = any(_MOTTO.search(line) or "cong hoa xa hoi chu nghia viet nam" in fold(line.lower()) for line in short)
    if heading and (
        any(_DOCUMENT_NUMBER.match(line) for line in short)
        or sum(1 for line in lines if _GROUNDS.match(line.strip())) >= 2
    ):
        return "an official document printed whole (national motto, 'Số: …', 'Căn cứ …'), not a news article"
    prose = sum(1 for line in lines if chrome.is_prose(line) and len(line.split()) >= 15)
    if sum(1 for line in short if _PHONE_ENTRY.search(line)) >= 4 and prose <= 2:
        return "a directory (one phone number a line), not a news article"
    if url and _LISTING_ADDRESS.search(url) and prose < 4 and not _ONE_ITEM.search(url):  # a category's page 67
        return SEARCH_OR_CATEGORY
    if url and prose < 4 and listing.printed_label(lines, url):  # "Cải cách hành chính" over one teaser
        return NAMED_CATEGORY
    opening = [line for line in short if line][:1]
    if opening and _TAG_LABEL.match(opening[0]):
        return TAG_PAGE
    entries = sum(1 for line in lines if _DATED_ENTRY.search(line))
    if datelines is None:
        datelines = sum(1 for line in lines if (meta := metadata.parse_meta_line(line)) and meta.date)
    teasers = sum(1 for line in short if line.endswith(("...", "…", ")")) and _TEASER.search(line))
    datelines += sum(1 for line in short if chrome.AGE.match(line))  # a mobile section page's cards: "3 ngày trước"
    if (
        (entries >= 4 and prose <= entries // 2)
        or (datelines >= 4 and prose <= datelines + 1)
        or sum(1 for line in short if _MORE.search(line)) >= 3
        or teasers >= 3
        or (teasers >= 2 and any(_PAGER.match(line) for line in short))
    ):
        return HEADLINES
    folded_title, folded_body = fold(title.lower()), fold(body.lower())
    if not _REFORM_WORDS.search(folded_title):
        mentions, words = len(_REFORM_WORDS.findall(folded_body)), max(len(folded_body.split()), 1)
        if not mentions:
            return "not a word about administrative reform: off-topic for this archive"
        if 100 * mentions / words < MIN_REFORM_DENSITY:
            return (
                f"hardly about administrative reform ({mentions} of its {words} words, none in the title): "
                "off-topic for this archive"
            )
    return ""
