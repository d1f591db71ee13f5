"""Words that look like a person's name on a portal and are not one (data): a kind of text
in capitals ("THÔNG BÁO", "Kế Hoạch") and the two-syllable words of portal headings."""

from __future__ import annotations

import re

__all__ = ["HEADING_WORDS", "NOT_NAMES"]

# capitalised pairs that name a kind of text, not a person: "THÔNG BÁO", "Kế Hoạch"
NOT_NAMES = frozenset(
    {
        "thông cáo báo chí",
        "báo xấu",
        "theo dõi",
        "quan tâm",
        "chia sẻ",
        "bình luận",
        "thích",
        "trả lời",
        "thông báo",
        "tin tức",
        "sự kiện",
        "kế hoạch",
        "quyết định",
        "công văn",
        "giấy mời",
        "thư mời",
        "hướng dẫn",
        "chỉ thị",
        "nghị quyết",
        "tờ trình",
        "báo cáo",
        "kết luận",
        "lịch công tác",
        "thông cáo",
        "tin vắn",
        "tin ảnh",
        "phóng sự",
        "ghi chép",
        "góc nhìn",
        "diễn đàn",
        "hỏi đáp",
        "tiêu điểm",
        "thời sự",
        "xã hội",
        "kinh tế",
        "chính trị",
        "văn hóa",
        "pháp luật",
        "giáo dục",
        "y tế",
        "thể thao",
        "du lịch",
        "nông nghiệp",
    }
)

# two-syllable words of portal headings that no one's name holds
HEADING_WORDS = re.compile(
    r"\b(?:thủ tục|hành chính|văn bản|thời tiết|dây nóng|cần biết|chuyên mục|dịch vụ|tra cứu|"
    r"liên kết|thống kê|truy cập|hỏi đáp|cải cách|chuyển đổi|một cửa|tin tức|sự kiện|"
    r"thông tin|giới thiệu|liên hệ|trang chủ|mới nhất|nổi bật|ban hành|tiện ích|"
    r"lịch công tác|hình ảnh|bình chọn|là gì|như thế nào|ra sao|tuyên truyền|"
    # words that join a phrase, never part of a person's name: "BÀI TUYÊN TRUYỀN VỀ" over its headline
    r"về|của|và|với|trong|những|các|được)\b"
)
