"""Page chrome: the parts of a scraped page that are not the article (pure).

Three kinds, found by shape rather than by site:

- lines that are chrome wherever they sit: view counters, share bars, font-size and
  contrast toolbars, "Theo dõi … trên", image placeholders, breadcrumbs, log-in links;
- related-news blocks: a heading such as "Bài liên quan" and the headlines under it;
- the page tail: from the first comment form, related list, visitor counter or site
  footer after which no article prose follows, everything is chrome.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reform_archive.importer import controls, normalise
from reform_archive.importer.widgets import is_widget_line

__all__ = [
    "AGE",
    "DATED_ITEM",
    "ITEM_STAMP",
    "PAGE_URL",
    "RELATED_HEADING",
    "SENTENCE_END",
    "SITE_NAME",
    "bare_domain",
    "breadcrumb_category",
    "is_chrome_line",
    "is_comment_form",
    "is_prose",
    "is_tail_marker",
    "is_widget_button",
    "may_close_article",
    "page_url",
    "strip_view_count",
    "without_bullet",
]

_I = re.IGNORECASE

# chrome wherever it sits
_COUNTER = re.compile(
    r"^[•·*+-]?\s*(?:(?:số\s+)?lượt\s+(?:xem|tải(?:\s+xuống)?)\s+(?:tóm\s+tắt|toàn\s+văn|bài(?:\s+viết)?|pdf)|"
    r"lượt tải(?:\s+xuống)?|lượt xem|số lượt xem|lượt đọc|lượt truy cập|số lượt truy cập|tổng lượt truy cập|"
    r"tổng số lượt truy cập|đang truy cập|đang online|online|trực tuyến|hôm nay|hôm qua|trong tuần|tuần này|"
    r"tuần trước|tháng hiện tại|tháng này|tháng trước|năm nay|tất cả|tổng cộng|tổng số|truy cập|"
    r"lượt bình luận|views?|visitors?)\s*[:：]?\s*[\d.,\s]*(?:k|m|nghìn|triệu)?\s*$|"
    r"^\(?[\d.,]+\s*(?:k|m|nghìn|triệu)?\)?\s*(?:lượt xem|lượt đọc|views?)\s*$",
    _I,
)
# a view or comment count sharing a dateline's line ("Lượt xem: 1.234", "0 Trả lời", "Bình luận (2)")
_VIEW_COUNT = re.compile(
    r"(?:lượt xem|lượt đọc|lượt truy cập|views?|(?<![\w])(?:xem|đọc)(?=\s*[:：]))\s*[:：]?\s*[\d.,]+|"
    r"[\d.,]+\s*(?:lượt xem|lượt đọc|views?)|"
    r"(?<![\w.,])\d+\s*(?:trả lời|bình luận|phản hồi|comments?)(?!\s*\w)|"
    r"(?:bình luận|phản hồi|comments?)\s*(?:[:：]\s*\d+|\(\d+\))",
    _I,
)
_FOLLOW = re.compile(r"^(?:hãy\s+)?theo dõi\s+.{1,60}?\s+trên(?:\s+\S+(?:\s+\S+)?)?\s*$", _I)
_IMAGE_URL = re.compile(r"^(?:https?://\S+|[\w./-]+)\.(?:jpe?g|png|gif|webp|bmp|svg)(?:\?\S*)?$", _I)
PAGE_URL = re.compile(r"^(?:url\s*:\s*|nguồn\s*:\s*|link\s*:\s*)?(https?://[^\s<>\"]+)$", _I)
_SLUG_PLACEHOLDER = re.compile(r"^(?=.*[a-z])[a-z0-9]+(?:-[a-z0-9]+){2,}$", _I)  # "Anh-tin-bai": an image's file name
_IMAGE_WORDS = re.compile(
    r"^(?:image|images|img|photo|ảnh|hình ảnh|image banner|banner|anh|hinh|pic|dsc[fn]?|"
    r"anh-tin-bai|\[?image\]?|\[hình ảnh\])[\s_-]*\d*[\s|]*$|"
    r"^(?-i:[a-z]{1,2}\d{1,3})$",
    _I,
)  # an image's file name left as its alt text: "a1", "IMG_2034"
_BREADCRUMB = re.compile(r"^(?:trang chủ|trang chu|home)\s*[>»›/|→-]", _I)
_BULLET = re.compile(r"^[-•·*+–]\s+")
_BARE_DOMAIN = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:vn|com|net|org|gov|edu|info)(?:\.vn)?/?$", _I)
# the note a merged unit's portal puts on posts it carried over from an old site (2025)
_MIGRATION_NOTE = re.compile(
    r"^(?:ghi\s+chú|lưu\s+ý|chú\s+thích|ghi\s+nhận)\s*[:：].{0,80}?"
    r"(?:được\s+(?:chuyển|di\s+chuyển|đồng\s+bộ)|chuyển\s+(?:từ|sang|về)|"
    r"trước\s+(?:khi\s+)?(?:sắp\s+xếp|sáp\s+nhập|hợp\s+nhất)|trước\s+ngày\s+0?1/0?7/2025)",
    _I,
)
# a search or look-up box's field label: "Nhập mã biên nhận hồ sơ", "Nhập từ khóa tìm kiếm..."
_FORM_PROMPT = re.compile(
    r"^(?:nhập|điền|gõ)\s+(?:mã|từ\s+khóa|từ\s+khoá|số|email|họ\s+tên|nội\s+dung|"
    r"thông\s+tin|câu\s+hỏi|tên\s+(?:văn\s+bản|thủ\s+tục))(?:,?\s+\S+){0,6}?\s*(?:\.{3}|…)?$",
    _I,
)
# a sidebar box's heading: "ĐƯỜNG DÂY NÓNG", "Thời tiết", "VĂN BẢN MỚI", "Thông tin cần biết"
_BOX_HEADING = re.compile(
    r"^(?:thời tiết|dự báo thời tiết|đường dây nóng|thông tin cần biết|tiện ích|hỏi đáp|"
    r"hỏi - đáp|văn bản chỉ đạo(?: điều hành)?|văn bản điều hành|văn bản mới ban hành|"
    r"liên kết nhanh|truy cập nhanh|chính quyền 2 cấp|chính quyền hai cấp|bình chọn|thăm dò|"
    r"thăm dò ý kiến|video clip|thư viện ảnh|thư viện video|hình ảnh|quảng cáo|"
    r"(?:xem|xem tất cả)(?: lịch công tác| văn bản| chi tiết)?)\s*[:：]?\s*$",
    _I,
)
# a newspaper's masthead line: "Cơ quan của Bộ Tư pháp", "Cơ quan ngôn luận của Đảng bộ tỉnh"
_MASTHEAD = re.compile(r"^(?:cơ quan (?:chủ quản|của|ngôn luận|thông tấn)|tiếng nói của|diễn đàn của)\b", _I)
_WIDGET_BUTTON = re.compile(
    r"^(?:gửi câu hỏi|đặt câu hỏi|tra cứu câu trả lời|xem câu trả lời|xem các câu hỏi(?: đã trả lời)?|"
    r"gửi ý kiến|biểu quyết|bình chọn|bỏ phiếu|xem kết quả|vote)\s*$",
    _I,
)
# "Quét mã để theo dõi Zalo OA …", "Mã QR Zalo UBND xã", "Banner Dịch vụ công trực tuyến": images' words
# "Quét mã QR để tải ứng dụng", "Quét mã để theo dõi Fanpage"; a caption saying what a
# photo shows ("Quét mã lịch hẹn tại ki-ốt ở sảnh Trung tâm.") is a sentence
_QR_OR_BANNER = re.compile(
    r"^(?:quét mã qr\b.{0,100}|quét mã\b.{0,100}(?<![.!?…])|mã qr\b.{0,60}|banner\s.{0,100})$", _I
)
# "Chủ tịch UBND xã: 0913.275.640", "ĐƯỜNG DÂY NÓNG: 0256.3850.117": a contact box's line
_CONTACT_LINE = re.compile(r"[:：]\s*\(?0\d{2,3}\)?[\s.]?\d{3,4}[\s.]?\d{3,4}\s*$")
_TRAIL_MARK = re.compile(r"\S\s*[>»›]\s*\S")  # not "→": how-to steps ("Mở app → Thủ tục hành chính") use it
_TRAIL_SEPARATOR = re.compile(r"\s*[>»›]\s*")
_CRUMB_SEPARATOR = re.compile(r"\s*[>»›→|]\s*|\s+/\s+")
_ACCOUNT = re.compile(
    r"^(?:đăng nhập|đăng ký|đăng xuất|quên mật khẩu\??|quên tên đăng nhập\??|ghi nhớ(?: tôi)?|"
    r"tên đăng nhập|tài khoản|login|logout|sign in)"
    r"(?:\s*[|/]\s*(?:đăng nhập|đăng ký|đăng xuất|quên mật khẩu))*\s*$",
    _I,
)
_BADGE = re.compile(
    r"^(?:ipv6 ready|chung nhan tin nhiem mang|chứng nhận tín nhiệm mạng|tín nhiệm mạng|dmca|"
    r"powered by\b|developed by\b|thiết kế bởi\b|phát triển bởi\b|design by\b)",
    _I,
)
_SEE_ALSO = re.compile(r"^(?:>>?|»)?\s*(?:xem thêm|đọc thêm|tin liên quan|bài liên quan)\s*[:>»]\s*\S", _I)
_BACK_TO_TOP = re.compile(
    r"^(?:về đầu trang|lên đầu trang|quay lại|trở về|in trang|đóng|back to top|top|"
    r"xem tiếp|xem thêm|tải về|download|tin mới nhất|trở lại)\s*$",
    _I,
)

# the site's name above everything ("Cổng thông tin điện tử tỉnh Hòa Bình") and menus
SITE_NAME = re.compile(
    r"^(?:cổng thông tin điện tử|trang thông tin điện tử|cổng thông tin|trang tin điện tử|"
    r"báo điện tử|tạp chí điện tử|cổng ttđt|trang ttđt)\b[^.!?]{0,80}$",
    _I,
)
_MENU_SEPARATOR = re.compile(r"\s*[|•·]\s*")

# a related-news heading: drops itself and the headlines under it
RELATED_HEADING = re.compile(
    r"^(?:bài liên quan|bài viết liên quan|tin liên quan|các tin liên quan|các bài liên quan|tin cùng chuyên mục|"
    r"bài cùng chuyên mục|tin bài cùng chuyên mục|bài viết cùng chuyên mục|các tin khác|tin khác|bài khác|"
    r"các bài viết khác|bài viết khác|tin tức khác|các tin đã đưa|tin đã đưa|tin mới|tin mới hơn|tin cũ hơn|"
    r"tin mới nhất|tin đọc nhiều|đọc nhiều|xem nhiều|tin xem nhiều|nổi bật|tin nổi bật|đừng bỏ lỡ|"
    r"có thể bạn quan tâm|bạn có thể quan tâm|xem thêm|đọc thêm|tin tiêu điểm|tiêu điểm|tin ảnh|video|"
    r"(?:các\s+)?(?:tin|bài|tin bài|bài viết|tin tức|văn bản|thủ tục hành chính|thủ tục|tthc|câu hỏi|hỏi đáp|"
    r"hỏi - đáp)\s+(?:khác|cùng (?:chủ đề|lĩnh vực|loại|danh mục|chuyên mục)|"
    r"liên quan|đã đăng|mới đăng|cũ hơn|mới hơn|mới nhất|nổi bật|cùng tác giả|đọc nhiều(?: nhất)?|xem nhiều(?: nhất)?)|"
    r"(?:bài viết|tin|bài) khác (?:từ|của) .{2,80}|bài viết từ .{2,80}|"
    r"mới nhất|mới cập nhật|đọc nhiều nhất|xem nhiều nhất|cùng chuyên mục|cùng tác giả)\s*[:：]?\s*$",
    _I,
)
# a cached or archived copy's banner, and the leftovers of SharePoint and accessibility links
_COPY_BANNER = re.compile(
    r"^(?:this is google's cache of|đây là bộ nhớ đệm của google|it is a snapshot of the page|"
    r"đây là ảnh chụp nhanh của trang|the wayback machine|full version\s*text-only version|"
    r"phiên bản đầy đủ\s*phiên bản chỉ có văn bản|tip: to quickly find|mẹo: để tìm cụm từ|"
    r"skip ribbon commands|skip to main content|skip navigation links|turn (?:off|on) animations|"
    r"bỏ qua (?:lệnh ribbon|tới nội dung chính|liên kết điều hướng)|chuyển đến nội dung chính|"
    r"you are using an outdated browser|trình duyệt của bạn đã cũ|javascript (?:is|must be) (?:disabled|enabled))",
    _I,
)
# the header's greeting and "today" clock: "Hôm nay: Thứ Tư, 06/04/2011  Chào mừng quý khách đến với …"
_WELCOME = re.compile(r"chào mừng (?:quý khách|quý vị|bạn|các bạn) (?:đến với|ghé thăm)|^welcome to\b", _I)
_TODAY_CLOCK = re.compile(r"^(?:hôm nay|today)\s*(?:là)?\s*[:,]?\s*(?:thứ|chủ nhật|ngày|\d)", _I)
# WordPress feeds end every item with "Bài viết <title> đã xuất hiện đầu tiên vào ngày <site>."
_FEED_FOOTER = re.compile(
    r"^(?:bài viết .{3,300} đã xuất hiện đầu tiên (?:vào ngày|trên|tại) .{2,100}|"
    r"the post .{3,300} appeared first on .{2,100})$",
    _I,
)
# an image's alt text or file name left without its accents: "pho yen so hoa 100 ket qua"
_UNACCENTED_ALT = re.compile(r"^[a-z0-9]+(?:[ _-][a-z0-9]+){3,}$")
# "Bấm vào đây để xem video hướng dẫn": a link's label
_CLICK_HERE = re.compile(
    r"^(?:>>?\s*)?(?:bấm|nhấn|nhấp|click|kích)\s+(?:vào\s+)?(?:đây|link|liên kết|xem)\b.{0,60}$", _I
)
# "Ngày nhận bài: 02/10/2023; Ngày duyệt đăng: 20/11/2023": a journal's review dates, not the article's
_REVIEW_DATES = re.compile(
    r"^(?:ngày\s+)?(?:nhận\s+bài|gửi\s+bài|phản\s+biện|duyệt\s+đăng|duyệt\s+bài|chấp\s+nhận\s+đăng|"
    r"sửa\s+chữa|sửa\s+bài|received|accepted|revised)\s*[:：]?\s*\d",
    _I,
)
# a related headline set inside the body, marked by its medium: "[Ảnh] Lạng Sơn: …", "[Video] …"
_MEDIUM_LINK = re.compile(
    r"^\[(?:ảnh|video|clip|infographic|inforgraphic|emagazine|e-magazine|photo|podcast|"
    r"longform|megastory|phóng sự ảnh)\]\s+\S",
    _I,
)
# the start of the page tail: comment forms, counters, footers
_FORM = re.compile(
    r"^(?:ý kiến bạn đọc|ý kiến của bạn|ý kiến|bình luận|viết bình luận|gửi bình luận|"
    r"thông tin bạn đọc|nhập thông tin của bạn|gửi ý kiến|gửi phản hồi|phản hồi|họ và tên|họ tên|"
    r"mã xác nhận|mã bảo vệ|bạn đọc bình luận|các bình luận|bình luận của bạn)\b.{0,30}$",
    _I,
)
# site footers: "Field: value" lines (any length) and short labels
_FOOTER_FIELD = re.compile(
    r"^(?:bản quyền|©|\(c\)|copyright|địa chỉ|điện thoại|đt|tel|fax|hotline|email|e-mail|"
    r"website|chịu trách nhiệm(?: nội dung| xuất bản| chính)?|giấy phép(?: số)?|"
    r"cơ quan chủ quản|trưởng ban biên tập|tổng biên tập|phó tổng biên tập|"
    r"đơn vị quản lý|cơ quan chủ trì|ghi rõ nguồn)\s*[:：©]|^(?:©|\(c\)|copyright\b)",
    _I,
)
_FOOTER_LABEL = re.compile(
    r"^(?:thống kê truy cập|thống kê người dùng|thống kê|số người truy cập|tìm kiếm|"
    r"tìm kiếm tin tức|từ khóa|mục tin|liên kết website|liên kết|thăm dò ý kiến|"
    r"lịch công tác|văn bản mới|bản quyền.*|ghi rõ nguồn.*|thông báo|hình ảnh hoạt động|"
    r"chuyên mục|danh mục|menu|liên hệ|sơ đồ trang|sơ đồ site)\s*[:：]?\s*$",
    _I,
)

SENTENCE_END = re.compile(r"(?:[.!?…]|\./\.|\.\)|[.!?]\s*[”\"’)])$")
# "3 ngày trước", "Hôm qua", "Vừa xong": an item's or a post's age
_PRINTED_AT = re.compile(r"^(?:in\s+(?:lúc|ngày|vào\s+lúc)|ngày\s+in|printed(?:\s+on)?)\s*:?\s*[\d/.:\s-]{6,}$", _I)
_READING_TIME = re.compile(
    r"^(?:thời\s+gian\s+đọc\s*:?\s*)?(?:khoảng\s+)?\d{1,3}\s*(?:phút\s+đọc|phút|"
    r"min(?:ute)?s?\s+read)$",
    _I,
)  # "7 phút đọc", "Thời gian đọc: 5 phút", "4 min read"
_GROUNDS = re.compile(r"^căn\s+cứ\s+.{10,}[;,.]$", _I)
AGE = re.compile(r"^(?:hôm\s+(?:qua|nay)|vừa\s+xong|\d{1,3}\s+(?:giây|phút|giờ|ngày|tuần|tháng)(?:\s+trước)?)$", _I)
# a line that is only an item's time: "10:15 13/03/2025", "(13/03/2025)", "13/03/2025 - 10:15"
ITEM_STAMP = re.compile(
    r"^\(?\s*(?:\d{1,2}:\d{2}\s*[-|,]?\s*)?\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?:\s*[-|,]?\s*\d{1,2}:\d{2})?\s*\)?$"
)
DATED_ITEM = re.compile(r"\(\s*\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\s*\)$|\d{1,2}/\d{1,2}/\d{4}$")


@lru_cache(maxsize=8192)  # asked of each line several times (the tail, the zones, the title's features)
def is_chrome_line(line: str) -> bool:
    """A line that is page chrome wherever it sits ("- 576 lượt xem": a list's bullet too)."""
    stripped = without_bullet(line)
    if not stripped:
        return bool(line.strip())  # "-", "•": a bullet alone
    if not any(c.isalnum() for c in stripped):  # ".", "|", "»": punctuation left of a widget
        return True
    if stripped != line.strip() and stripped.replace(".", "").isdigit():
        return True  # "- 132": a list item left with a count only (a reaction's, whose button is not text)
    return bool(
        _BARE_DOMAIN.match(stripped)
        or _COUNTER.match(stripped)
        or controls.is_bar(stripped)
        or is_widget_line(stripped)
        or _FOLLOW.match(stripped)
        or _IMAGE_URL.match(stripped)
        or _IMAGE_WORDS.match(stripped)
        or (_SLUG_PLACEHOLDER.match(stripped) and stripped.isascii())
        or _BREADCRUMB.match(stripped)
        or _ACCOUNT.match(stripped)
        or _BADGE.match(stripped)
        or _SEE_ALSO.match(stripped)
        or _BACK_TO_TOP.match(stripped)
        or SITE_NAME.match(stripped)
        or _is_menu(stripped)
        or _READING_TIME.match(stripped)
        or _PRINTED_AT.match(stripped)
        or PAGE_URL.match(stripped)
        or _REVIEW_DATES.match(stripped)
        or _UNACCENTED_ALT.match(stripped)
        or _CLICK_HERE.match(stripped)
        or _COPY_BANNER.match(stripped)
        or _FEED_FOOTER.match(stripped)
        or (_WELCOME.search(stripped) and len(stripped.split()) <= 30)
        or _TODAY_CLOCK.match(stripped)
        or (_MEDIUM_LINK.match(stripped) and len(stripped.split()) <= 30 and not SENTENCE_END.search(stripped))
        or _is_section_trail(stripped)
        or _MIGRATION_NOTE.match(stripped)
        or _FORM_PROMPT.match(stripped)
        or _FOOTER_LABEL.match(stripped)
        or _BOX_HEADING.match(stripped)
        or is_widget_button(stripped)
        or _QR_OR_BANNER.match(stripped)
        or (_CONTACT_LINE.search(stripped) and len(stripped.split()) <= 10)
        or (_MASTHEAD.match(stripped) and len(stripped.split()) <= 14)
        or controls.is_social(stripped)
    )


def without_bullet(line: str) -> str:
    """The line without a list's bullet in front ("- 576 lượt xem", "• Tin mới")."""
    return _BULLET.sub("", line.strip())


def is_widget_button(line: str) -> bool:
    """A box's button: "Gửi câu hỏi", "Tra cứu câu trả lời", "Biểu quyết", "Xem kết quả"."""
    return bool(_WIDGET_BUTTON.match(line.strip()))


def bare_domain(line: str) -> str:
    """ "- www.baohatinh.vn" -> "baohatinh.vn": a line that is only a site's address."""
    stripped = without_bullet(line)
    return re.sub(r"^www\.", "", stripped.rstrip("/"), flags=_I) if _BARE_DOMAIN.match(stripped) else ""


def _is_section_trail(line: str) -> bool:
    """ "Xã hội › Chính trị", "Tin tức - Sự kiện > Phổ biến pháp luật": a breadcrumb without
    its "Trang chủ", every item a short section name (a headline glued on is not short)."""
    if not _TRAIL_MARK.search(line) or len(line) > 120 or SENTENCE_END.search(line):
        return False
    parts = [p for p in _TRAIL_SEPARATOR.split(line) if p.strip()]
    return len(parts) >= 2 and all(len(p.split()) <= 6 for p in parts)


def _is_menu(line: str) -> bool:
    """ "Giới thiệu | Tin tức | Văn bản | Liên hệ": three or more short items, no numbers (a
    menu copied with its items two spaces apart gets its bars in normalise.py)."""
    parts = [p for p in _MENU_SEPARATOR.split(line) if p]
    return (
        len(parts) >= 3
        and not SENTENCE_END.search(line)
        and all(len(p.split()) <= 4 and not any(c.isdigit() for c in p) for p in parts)
    )


def page_url(line: str) -> str:
    """A line that is only the page's own address (not an image's)."""
    match = PAGE_URL.match(line.strip())
    return match.group(1) if match and not _IMAGE_URL.match(match.group(1)) else ""


def breadcrumb_category(line: str) -> str:
    """ "Trang chủ > Tin tức > Cải cách hành chính" -> "Cải cách hành chính"."""
    if not _BREADCRUMB.match(line.strip()):
        return ""
    parts = [p.strip() for p in _CRUMB_SEPARATOR.split(line.strip()) if p.strip()]
    return parts[-1] if len(parts) > 1 and len(parts[-1]) <= 60 else ""


def strip_view_count(text: str) -> str:
    return _VIEW_COUNT.sub("", text)


@lru_cache(maxsize=8192)  # asked of each line many times: the tail, the zones, the title, the body's model
def is_prose(line: str) -> bool:
    """A line that reads as article text: a sentence, or long enough to be one."""
    words = len(line.split())
    if DATED_ITEM.search(line.strip()):
        return False
    # headlines have no full stop but can run to 40 words
    # a clause of a list ends with ";", and so does an official text's ground ("Căn cứ Luật … số 42/2013/QH13;")
    return (
        (words >= 10 and bool(SENTENCE_END.search(line.strip())))
        or words >= 45
        or (words >= 12 and line.rstrip().endswith(";"))
        or (words >= 5 and bool(_GROUNDS.match(line.strip())))
    )


# what may close an article after its last long sentence: a short sentence ("Trân trọng
# thông báo./."), a list item or table row, a numbered note ("(2) Số liệu khảo sát …")
_CLOSING = re.compile(r"(?:[.!?…;]|\./\.|[.!?;]\s*[”\"’)])$")
_ITEM_START = re.compile(
    r"^(?:\(?\d{1,3}[).]|[-–•+*]\s|\||\[\d{1,3}\]|[IVX]{1,4}\.\s|"
    r"(?:Bước|BƯỚC|Câu|CÂU|Phần|PHẦN)\s+\d{1,2}\s*[:.)–-])"
)


def may_close_article(line: str) -> bool:
    """Under the article's last sentence (or above its first), only these lines can still be
    article text; the rest there (an unrecognised label, a headline, a slogan) is chrome. A
    long line ending with a colon introduces what follows ("… thông báo như sau:")."""
    stripped = normalise.without_pictographs(line.strip(), leading=False)
    # "… ngày càng tốt hơn ❤️": in a post an emoji ends a sentence
    emoji_end = stripped != line.strip() and len(stripped.split()) >= 8
    return bool(
        _CLOSING.search(stripped)
        or _ITEM_START.match(stripped)
        or emoji_end
        or (stripped.endswith((":", "：")) and len(stripped.split()) >= 8)
        or (_CUT_SHORT.search(stripped) and len(stripped.split()) >= 8)
    )


# "…tránh phải… Xem thêm": a post cut short by the page it was copied from (its text is still the post's)
_CUT_SHORT = re.compile(r"\S\s*(?:\.\.\.|…)\s*(?:xem thêm|see more)\s*$", _I)


def is_tail_marker(line: str) -> bool:
    stripped = line.strip()
    return bool(
        RELATED_HEADING.match(stripped)
        or _FORM.match(stripped)
        or _FOOTER_FIELD.match(stripped)
        or _FOOTER_LABEL.match(stripped)
        or _BADGE.match(stripped)
        or _ACCOUNT.match(stripped)
    )


def is_comment_form(line: str) -> bool:
    return bool(_FORM.match(line.strip()))
