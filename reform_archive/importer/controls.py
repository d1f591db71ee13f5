"""A page's controls read as text (pure): share bars ("Chia sẻ Facebook Zalo"), toolbars
("Xem cỡ chữ", "A- A A+", "In | Gửi email") and a social network's buttons, counts and post
ages ("Theo dõi", "5,2K lượt thích", "12 tháng 5 lúc 08:15"). Each is chrome wherever it
sits (:func:`chrome.is_chrome_line`); a dateline above the article's own toolbar is the
article's, not the header's clock (:mod:`date_choice`).
"""

from __future__ import annotations

import re

from reform_archive.importer.widgets import is_widget_line

__all__ = ["is_bar", "is_page_tool", "is_post_meta", "is_social"]

_I = re.IGNORECASE

# Share bars and toolbars are runs of a few known words; checked word by word (a regular
# expression with a repeated group of optional parts backtracks exponentially on long lines).
_SHARE_PHRASES = frozenset(
    {
        "chia sẻ",
        "share",
        "facebook",
        "twitter",
        "zalo",
        "linkedin",
        "email",
        "e-mail",
        "gửi email",
        "gửi bài viết qua email",
        "in bài",
        "in bài viết",
        "bản in",
        "print",
        "in",
        "lưu",
        "lưu bài",
        "lưu tin",
        "tweet",
        "like",
        "thích",
        "copy link",
        "sao chép liên kết",
        "sao chép link",
        "bình luận",
        "google",
        "pinterest",
        "messenger",
        "telegram",
        "x",
        "gửi bài",
        "gửi",
        "in trang",
        "gửi cho bạn bè",
        "gửi tin",
        "lưu trữ",
    }
)
_TOOLBAR_PHRASES = frozenset(
    {
        "cỡ chữ",
        "kích thước chữ",
        "kích cỡ chữ",
        "font size",
        "tương phản",
        "độ tương phản",
        "màu nền",
        "giảm cỡ chữ",
        "tăng cỡ chữ",
        "nghe đọc bài",
        "nghe bài viết",
        "đọc bài",
        "nghe",
        "a-",
        "a+",
        "-a",
        "+a",
        "a",
        "mặc định",
        "xem cỡ chữ",
        "cỡ chữ:",
        "in trang",
        "nghe đọc bài viết",
        "in",
        "phóng to",
        "thu nhỏ",
        # a print view's own bar: "In bài viết | Đóng cửa sổ", "Print | Close window"
        "in bài viết",
        "in bài",
        "in bài này",
        "đóng cửa sổ",
        "đóng",
        "quay lại",
        "print",
        "close window",
        "close",
    }
)
_BAR_PHRASES = _SHARE_PHRASES | _TOOLBAR_PHRASES
_SEPARATORS = re.compile(r"[\s:|,/•·()]+")
# a social network's page copied whole (Facebook, Zalo in Vietnamese): its buttons and menus
_SOCIAL_UI = frozenset(
    {
        "google news",
        "trên google news",
        "mở ứng dụng",
        "mở trong ứng dụng",
        "tài khoản chính thức",
        "trình chơi video",
        "trình phát video",
        "email hoặc điện thoại",
        "email hoặc số điện thoại",
        "mật khẩu",
        "bạn quên tài khoản ư?",
        "quên mật khẩu?",
        "tạo tài khoản mới",
        "theo dõi",
        "đã theo dõi",
        "bình luận",
        "gửi",
        "đã chia sẻ với công khai",
        "đã chia sẻ với bạn bè",
        "công khai",
        "tất cả cảm xúc",
        "xem bản dịch",
        "ẩn bớt",
        "phù hợp nhất",
        "tất cả bình luận",
        "trả lời",
        "tìm kiếm trên facebook",
        "marketplace",
        "trò chơi",
        "thước phim",
        "reels",
        "xem thêm bình luận",
        "đã chỉnh sửa",
        "nhắn tin",
        "quan tâm",
        "bỏ quan tâm",
        "tải zalo pc",
        "tải ứng dụng",
        "tài khoản đã xác thực",
        "·",
        "•",
    }
)
_SOCIAL_LINE = re.compile(
    r"^(?:\d{1,2}\s+(?:giây|phút|giờ|ngày|tuần)(?:\s+trước)?|hôm\s+qua(?:\s+lúc\s+\d{1,2}:\d{2})?|vừa\s+xong|"
    r"có\s+thể\s+là\s+(?:hình\s+)?ảnh.{0,120}|số\s+thông\s+báo\s+chưa\s+đọc\s*:?\s*\d+|"
    r"viết\s+bình\s+luận.{0,40}|[\d.,]+\s*(?:k|n|tr)?\s+(?:người\s+theo\s+dõi|người\s+quan\s+tâm|lượt\s+thích|"
    r"bình\s+luận|lượt\s+chia\s+sẻ))$",
    _I,
)
_POSTED_AT = re.compile(r"^\d{1,2}\s+tháng\s+\d{1,2}(?:,\s*\d{4})?\s+lúc\s+\d{1,2}:\d{2}$", _I)


def is_bar(stripped: str) -> bool:
    """A share bar ("Facebook 12 Zalo"), a toolbar ("Cỡ chữ: A- A A+") or a mix of both."""
    return (
        _only_phrases(stripped, _SHARE_PHRASES, counts=True)
        or _only_phrases(stripped, _TOOLBAR_PHRASES, counts=False)
        or _only_phrases(stripped, _BAR_PHRASES, counts=True)
    )


def is_social(stripped: str) -> bool:
    """A social network's button, menu word, post age or count, or a row of them
    ("5,2K lượt thích • 7,4K người theo dõi")."""
    parts = [part.strip() for part in _SOCIAL_ROW.split(stripped) if part.strip()] or [stripped]
    return all(part.lower().rstrip(" :….") in _SOCIAL_UI or _SOCIAL_LINE.match(part) for part in parts)


_SOCIAL_ROW = re.compile(r"\s[•·|]\s")


def is_post_meta(line: str) -> bool:
    """What a social network prints under an account's name: the post's age or time
    ("3 giờ", "12 tháng 5 lúc 08:15"), "·", "Theo dõi", "Đã chia sẻ với Công khai"."""
    stripped = line.strip()
    return is_social(stripped) or bool(_POSTED_AT.match(stripped))


def is_page_tool(line: str) -> bool:
    """A share bar or a toolbar for this page ("Xem cỡ chữ", "In | Gửi email", "A- A A+")."""
    stripped = line.strip()  # one word ("In") counts here: the lines around it are tools too
    return _only_phrases(stripped, _BAR_PHRASES, counts=False) or is_widget_line(stripped)


def _only_phrases(line: str, phrases: frozenset[str], counts: bool) -> bool:
    """True when the line is nothing but phrases from ``phrases`` (and, for share bars,
    their counts: "Facebook 12"), matched longest first, left to right."""
    if len(line) > 200:  # bars and toolbars are short; an article line is not worth splitting
        return False
    words = [w for w in _SEPARATORS.split(line.lower()) if w and w not in "-–"]
    if not words or len(words) > 40:
        return False
    index, matched = 0, False
    while index < len(words):
        for size in range(min(5, len(words) - index), 0, -1):
            if " ".join(words[index : index + size]) in phrases:
                index, matched = index + size, True
                break
        else:
            if counts and matched and words[index].replace(".", "").isdigit():
                index += 1
                continue
            return False
    return matched and not (counts and len(words) == 1 and words[0] in ("in", "x", "lưu", "like", "thích"))
