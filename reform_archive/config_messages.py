"""What is wrong with site.toml, in the site's language (pure).

The shape of :mod:`reform_archive.source.messages`: ``MESSAGES[name][language]``, and
:func:`say` to fill one in. :mod:`reform_archive.config` picks the language: the
``language`` the same site.toml gives, when it gives a valid one, else
:func:`reform_archive.cli_messages.environment_language`. Keys, values, paths and option
names stay as written; ``expect_<key>`` says what a key takes. The messages of
:func:`reform_archive.text.term_names.alias_faults` (aliases onto themselves, in a loop, …)
are English still.
"""

from __future__ import annotations

from reform_archive.menu import MENU_EXPECTED
from reform_archive.text.wording import say_in

__all__ = ["MESSAGES", "say"]

MESSAGES: dict[str, dict[str, str]] = {
    # the file
    "no_config": {
        "en": "no site.toml here (run `reform-archive init` to make a site)",
        "vi": "không có site.toml ở đây (chạy `reform-archive init` để tạo trang)",
    },
    "cannot_read": {"en": "cannot read: {detail}", "vi": "không đọc được: {detail}"},
    "invalid_toml": {
        "en": "invalid TOML: {detail}",
        "vi": "site.toml không phải TOML hợp lệ: {detail}; hãy sửa dòng này",
    },
    # keys
    "unknown_key": {
        "en": "unknown key '{key}' (known keys: {known})",
        "vi": "khóa không xác định '{key}' (các khóa: {known})",
    },
    "did_you_mean": {"en": "; did you mean '{near}'?", "vi": "; có phải ý bạn là '{near}'?"},
    "must_be": {
        "en": "'{key}' must be {expected}, got {value}",
        "vi": "'{key}' phải là {expected}, không phải {value}",
    },
    "missing_key": {
        "en": "missing required key '{key}' ({expected})",
        "vi": "thiếu khóa bắt buộc '{key}' ({expected}): hãy thêm vào",
    },
    "not_xml": {
        "en": "'{key}' holds {characters}, which XML does not allow: remove it",
        "vi": "'{key}' có {characters}, XML không cho phép: hãy xóa đi",
    },
    "and": {"en": " and ", "vi": " và "},
    # what each key takes
    "expect_title": {"en": "a string", "vi": "một chuỗi"},
    "expect_description": {"en": "a string", "vi": "một chuỗi"},
    "expect_base_url": {
        "en": 'an absolute http(s) URL such as "https://example.org/luu-tru/"',
        "vi": 'một URL http(s) đầy đủ, ví dụ "https://example.org/luu-tru/"',
    },
    "expect_language": {"en": "one of {languages}", "vi": "một trong {languages}"},
    "expect_content_language": {
        "en": 'a language tag such as "vi" or "en-GB"',
        "vi": 'một mã ngôn ngữ, ví dụ "vi" hay "en-GB"',
    },
    "expect_timezone": {
        "en": 'an IANA time zone name such as "Asia/Ho_Chi_Minh"',
        "vi": 'tên múi giờ IANA, ví dụ "Asia/Ho_Chi_Minh"',
    },
    "expect_per_page": {"en": "a positive integer", "vi": "một số nguyên dương"},
    "expect_permalink": {
        "en": 'a pattern such as "/{{year}}/{{month}}/{{slug}}/"',
        "vi": 'một mẫu địa chỉ, ví dụ "/{{year}}/{{month}}/{{slug}}/"',
    },
    "expect_theme": {"en": "a theme name", "vi": "tên một giao diện (theme)"},
    "expect_feed_size": {"en": "a positive integer", "vi": "một số nguyên dương"},
    "expect_search": {"en": "true or false", "vi": "true hoặc false"},
    "expect_menu": {
        "en": MENU_EXPECTED,
        "vi": 'các bảng [[menu]], mỗi bảng có name và url (một đường dẫn trong trang như "topics/" hoặc một địa chỉ '
        'https://), ví dụ [[menu]] name = "Lĩnh vực" url = "topics/"',
    },
    "expect_abbreviations": {
        "en": "a table of abbreviations and what they stand for, such as "
        '[abbreviations] "TTPVHCC" = "Trung tâm Phục vụ hành chính công"',
        "vi": "một bảng các chữ viết tắt và nghĩa đầy đủ, ví dụ "
        '[abbreviations] "TTPVHCC" = "Trung tâm Phục vụ hành chính công"',
    },
    "expect_equivalents": {
        "en": "a list of sets of phrases that name the same thing, two or more each, such as "
        'equivalents = [["sáp nhập", "hợp nhất"]]',
        "vi": "một danh sách các nhóm cụm từ cùng nghĩa, mỗi nhóm từ hai cụm trở lên, ví dụ "
        'equivalents = [["sáp nhập", "hợp nhất"]]',
    },
    "expect_strings": {
        "en": 'a table of UI strings and their wording, such as [strings] search = "Tra cứu"',
        "vi": 'một bảng các chuỗi giao diện và cách viết, ví dụ [strings] search = "Tra cứu"',
    },
    "expect_aliases": {
        "en": 'tables of names and the name to file each under, such as [aliases.tags] "CCHC" = "cải cách hành chính"',
        "vi": 'các bảng tên và tên để xếp mỗi tên vào, ví dụ [aliases.tags] "CCHC" = "cải cách hành chính"',
    },
    "expect_image": {
        "en": 'a picture\'s path inside static/, such as "images/og-default.png", or an https:// URL',
        "vi": 'đường dẫn một ảnh trong static/, ví dụ "images/og-default.png", hoặc một URL https://',
    },
    # checks of a value
    "base_url_spaces": {
        "en": "'base_url' must not hold spaces or control characters (percent-encode them), got {value}",
        "vi": "'base_url' không được có dấu cách hay ký tự điều khiển (hãy mã hóa phần trăm), không phải {value}",
    },
    "theme_folder": {
        "en": "'theme' must be a folder name such as \"default\", got {value}",
        "vi": "'theme' phải là tên một thư mục, ví dụ \"default\", không phải {value}",
    },
    "permalink_invalid": {
        "en": "'permalink' is not a valid pattern: {detail}",
        "vi": "'permalink' không phải mẫu địa chỉ hợp lệ: {detail}",
    },
    "permalink_format": {
        "en": "'permalink' fields take no format or conversion, got {written}",
        "vi": "các trường của 'permalink' không nhận định dạng hay chuyển đổi: hãy bỏ phần thừa trong {written}",
    },
    "permalink_segments": {
        "en": "'permalink' must not have empty, '.' or '..' segments",
        "vi": "'permalink' không được có đoạn rỗng, '.' hay '..'",
    },
    "permalink_fields": {
        "en": "'permalink' uses unknown field(s) {unknown}; available: {available}",
        "vi": "'permalink' dùng trường không xác định {unknown}; các trường dùng được: {available}",
    },
    "permalink_slug": {
        "en": "'permalink' must contain {{slug}} so every article gets its own URL",
        "vi": "'permalink' phải có {{slug}} để mỗi bài viết có địa chỉ riêng",
    },
    "permalink_ends": {
        "en": "'permalink' must start with '/' and end with '/' or '.html'",
        "vi": "'permalink' phải bắt đầu bằng '/' và kết thúc bằng '/' hoặc '.html'",
    },
    # [aliases.<taxonomy>]
    "alias_taxonomy": {
        "en": "[aliases.{taxonomy}]: '{taxonomy}' takes no aliases (these do: {known})",
        "vi": "[aliases.{taxonomy}]: '{taxonomy}' không nhận tên gọi khác (chỉ các mục sau có: {known})",
    },
    "alias_not_xml": {
        "en": "'{written}' = '{target}' holds {characters}, which XML does not allow: remove it",
        "vi": "'{written}' = '{target}' có {characters}, XML không cho phép: hãy xóa đi",
    },
}


def say(language: str, name: str, **fields: object) -> str:
    """The message ``name`` in ``language`` (English when there is no such language)."""
    return say_in(MESSAGES, language, name, **fields)
