"""Lines that are a page widget's own words (pure): a media player's controls, a rating
box's question, a browser's fallback text, an attachment or download link, a site's
"for reference only" notice, a newsletter prompt, a licence and reprint notice, a document viewer's page counter, a
printed bulletin's jump line. Each is chrome wherever it sits, so
:func:`chrome.is_chrome_line` asks :func:`is_widget_line`.
"""

from __future__ import annotations

import re

__all__ = ["is_widget_line"]

_I = re.IGNORECASE
# one control of an audio or video player, read as text: "Video đang phát", "00:00 / 02:15",
# "Giọng nữ miền Nam", "Tốc độ 1x", and a web player's labels (video.js and the like)
_PLAYER_PART = re.compile(
    r"\s*(?:video đang phát|bạn gặp vấn đề gì khi xem video này\s*\?|đang phát|nghe đọc bài viết|nghe bài viết|"
    r"nghe đọc|đọc bài viết|giọng (?:nữ|nam)(?: miền (?:bắc|nam|trung))?|tốc độ(?: đọc)?(?:\s*[\d.,]+x)?|"
    r"tự động phát|\d{1,2}:\d{2}(?::\d{2})?\s*/\s*\d{1,2}:\d{2}(?::\d{2})?|quảng cáo|advertisement|"
    r"sử dụng các phím mũi tên lên\s*/\s*xuống để tăng hoặc giảm âm lượng\.?|"
    r"use up\s*/\s*down arrow keys to increase or decrease volume\.?|video player is loading\.?|"
    r"this is a modal window\.?|(?:beginning|end) of dialog window\.?|play video|"
    r"(?:current time|duration|remaining time|thời gian hiện tại|thời lượng)\s*:?\s*(?:-?\d{1,2}:\d{2})?|"
    r"(?:loaded|progress|đã tải)\s*:\s*\d{1,3}(?:[.,]\d+)?\s*%|stream type live|trình phát video đang tải\.?|"
    r"phát|tạm dừng|tắt tiếng|bật tiếng|toàn màn hình|mute|unmute|fullscreen|play|pause|[\d.,]+x)(?=\s|$)",
    _I,
)
# a box asking the reader to rate the page: "Bạn thấy bài viết này thế nào?", "Bài viết có hữu ích với bạn không?"
_RATING = re.compile(
    r"^(?:(?:bạn thấy|bài viết|thông tin|nội dung)\b.{0,50}?\b(?:hữu ích|thế nào|giúp ích|"
    r"hài lòng)\b.{0,20}\?(?:\s+(?:có|không|yes|no|rất hữu ích|chưa hữu ích))*|đánh giá bài viết(?: này)?\s*:?|"
    r"bạn đánh giá (?:như )?thế nào\b.{0,120}\?|"  # a poll's question
    r"was this (?:article|page) helpful\s*\?(?:\s+(?:yes|no))*)$",
    _I,
)
# what a browser prints in place of a player it cannot show
_FALLBACK = re.compile(
    r"^(?:trình duyệt (?:của bạn )?không hỗ trợ (?:thẻ |phát )?(?:video|audio|âm thanh)|"
    r"your browser does not support the (?:video|audio)(?: tag| element)?)\b.{0,40}$",
    _I,
)
# "Tải văn bản: TB-lich-tiep-cong-dan.pdf", "File đính kèm: …docx"
_ATTACHMENT = re.compile(
    r"^(?:(?:file|tệp|tập tin|tài liệu|văn bản)\s+đính\s+kèm|tải\s+(?:văn bản|về|xuống|tệp|file)|"
    r"download)\s*:?.*\.(?:pdf|docx?|xlsx?|zip|rar)\s*$",
    _I,
)
# "Tải về: Mẫu tờ khai căn cước CC01": a download link's label and the document's name
_DOWNLOAD = re.compile(r"^(?:tải về|tải xuống|download)\s*:\s*[^.!?]{3,160}$", _I)
# a site's notice under every answer or article: "Nội dung nêu trên là phần giải đáp, hỗ trợ
# mang tính tham khảo; …", "Thông tin chỉ mang tính chất tham khảo"
_DISCLAIMER = re.compile(
    r"^(?:nội dung|thông tin|bài viết|câu trả lời)\b[^.!?]{0,80}\bmang tính (?:chất )?tham khảo\b", _I
)
# a paper's licence and reprint notice, even written as sentences: "Giấy phép số 62/GP-BTTTT. Ghi rõ
# nguồn "Báo X" khi phát hành lại thông tin từ website này."
_LICENCE = re.compile(
    r"^(?:giấy phép (?:số|xuất bản|hoạt động|thiết lập)\b|ghi rõ nguồn\b.{0,80}\bphát hành lại|"
    r"bản quyền (?:thuộc|©)|©)",
    _I,
)
# "Đăng ký nhận bản tin văn bản mới miễn phí qua email"
_NEWSLETTER = re.compile(r"^đăng ký nhận (?:bản tin|tin|thông báo|email)\b[^.!?]{0,80}$", _I)
# a viewer's or a gallery's counter ("Trang 1 / 6", "Ảnh 2/3") and a bulletin's jump ("(Xem tiếp trang 8)")
_COUNTER = re.compile(
    r"^(?:trang|ảnh|hình)\s+\d{1,3}\s*/\s*\d{1,3}$|"
    r"^\(?\s*(?:xem tiếp|tiếp theo|tiếp|xem)\s+(?:ở\s+)?trang\s+\d{1,3}\s*\)?\.?$",
    _I,
)


def is_widget_line(stripped: str) -> bool:
    return bool(
        _is_player(stripped)
        or _RATING.match(stripped)
        or _FALLBACK.match(stripped)
        or _ATTACHMENT.match(stripped)
        or _DOWNLOAD.match(stripped)
        or _DISCLAIMER.match(stripped)
        or _NEWSLETTER.match(stripped)
        or _LICENCE.match(stripped)
        or _COUNTER.match(stripped)
    )


def _is_player(stripped: str) -> bool:
    """A run of player controls and nothing else ("00:00 / 04:12 Tốc độ 1x")."""
    position = 0
    while position < len(stripped):
        match = _PLAYER_PART.match(stripped, position)
        if match is None or match.end() == position:
            return False
        position = match.end()
    return bool(stripped)
