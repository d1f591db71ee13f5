"""What is wrong with a content file's front matter, in the site's language (pure).

``language`` in site.toml picks the words: "vi" or "en" (anything else reads as "en").
Each message says what to do, not only what YAML found. The names of terms (provinces,
topics, tags, site.toml's aliases) are said here too. The other messages of
:mod:`reform_archive.source.parse` (a value of the wrong kind, a date that cannot be read)
are English still.
"""

from __future__ import annotations

from reform_archive.text.wording import say_in

__all__ = ["MESSAGES", "say"]

MESSAGES: dict[str, dict[str, str]] = {
    # the file's shape
    "no_front_matter": {
        "en": "no front matter: the file must start with a '---' line",
        "vi": "không có front matter: tệp phải bắt đầu bằng một dòng '---'",
    },
    "toml_front_matter": {
        "en": 'TOML front matter (+++) is not supported; use YAML between --- lines (title: "…" rather than '
        'title = "…")',
        "vi": 'front matter TOML (+++) không được hỗ trợ; hãy viết YAML giữa hai dòng --- (title: "…" thay cho '
        'title = "…")',
    },
    "json_front_matter": {
        "en": "JSON front matter is not supported; use YAML between --- lines",
        "vi": "front matter JSON không được hỗ trợ; hãy viết YAML giữa hai dòng ---",
    },
    "not_closed": {
        "en": "front matter is not closed by a '---' line",
        "vi": "front matter chưa được đóng bằng một dòng '---'",
    },
    "not_mapping": {
        "en": "front matter must be a mapping of keys to values",
        "vi": "front matter phải gồm các cặp khóa: giá trị",
    },
    # keys
    "key_not_text": {
        "en": "front-matter keys must be text, found a {kind}",
        "vi": "khóa trong front matter phải là chữ, không được là {kind}",
    },
    "key_twice": {
        "en": "key '{key}' appears twice (first on line {first})",
        "vi": "khóa '{key}' xuất hiện hai lần (lần đầu ở dòng {first})",
    },
    "unknown_key_near": {
        "en": "unknown key '{key}'; did you mean '{near}'?",
        "vi": "khóa không xác định '{key}'; có phải ý bạn là '{near}'?",
    },
    "unknown_key": {
        "en": "unknown key '{key}'; if it is meant for templates, put it under 'extra:'",
        "vi": "khóa không xác định '{key}'; nếu khóa này dành cho template, hãy đặt nó dưới 'extra:'",
    },
    "extra_not_mapping": {
        "en": "'extra' must be a mapping of keys to values, such as extra: {{photo: a.jpg}}",
        "vi": "'extra' phải gồm các cặp khóa: giá trị, ví dụ extra: {{photo: a.jpg}}",
    },
    "not_a_document": {
        "en": "'{written}' does not look like a document number such as 72/TB-UBND or Nghị định 61/2018/NĐ-CP",
        "vi": "'{written}' không giống số hiệu văn bản, như 72/TB-UBND hay Nghị định 61/2018/NĐ-CP",
    },
    # names of terms (source/terms.py, site/terms.py)
    "province_spelling": {
        "en": "'{written}' is filed under the province '{canonical}'{also}",
        "vi": "'{written}' được xếp vào tỉnh, thành phố '{canonical}'{also}",
    },
    "province_informal": {
        "en": "'{written}' is not an administrative name: filed under '{canonical}'{also}",
        "vi": "'{written}' không phải tên đơn vị hành chính: đã xếp vào '{canonical}'{also}",
    },
    "also_elsewhere": {
        "en": " (written so in {n} other files too)",
        "vi": " (cũng viết như vậy ở {n} tệp khác)",
    },
    "province_misspelt": {
        "en": "'{written}' has the wrong diacritics: filed under the province '{canonical}'; write '{canonical}'",
        "vi": "'{written}' sai dấu: đã xếp vào tỉnh, thành phố '{canonical}'; hãy viết '{canonical}'",
    },
    "province_unknown_near": {
        "en": "'{written}' is not a province or centrally-run city; did you mean '{near}'?",
        "vi": "'{written}' không phải tên tỉnh, thành phố; có phải ý bạn là '{near}'?",
    },
    "province_unknown": {
        "en": "'{written}' is not a province or centrally-run city (the 63 before 1 July 2025, or Huế): name its "
        "province, or file it under one with [aliases.provinces] in site.toml",
        "vi": "'{written}' không phải tên tỉnh, thành phố (63 đơn vị trước 1/7/2025, hoặc Huế): hãy ghi tỉnh, "
        "thành phố của nó, hoặc xếp nó vào một tỉnh bằng [aliases.provinces] trong site.toml",
    },
    "topic_unknown": {
        "en": "unknown topic '{topic}' (known: {known}){near}",
        "vi": "lĩnh vực không xác định '{topic}' (các lĩnh vực: {known}){near}",
    },
    "did_you_mean": {
        "en": "; did you mean '{near}'?",
        "vi": "; có phải ý bạn là '{near}'?",
    },
    "tag_near": {
        "en": "tag '{tag}' is used by this article only; did you mean '{near}' ({n} articles)? Correct it here, "
        'or add "{tag}" = "{near}" under [aliases.tags] in site.toml',
        "vi": "từ khóa '{tag}' chỉ bài này dùng; có phải ý bạn là '{near}' ({n} bài viết)? Hãy sửa ở đây, "
        'hoặc thêm "{tag}" = "{near}" dưới [aliases.tags] trong site.toml',
    },
    "alias_unused": {
        "en": "[aliases.{taxonomy}] '{written}' = '{target}': no article is filed under '{target}', so there is "
        "no page to merge into or redirect to",
        "vi": "[aliases.{taxonomy}] '{written}' = '{target}': không bài viết nào thuộc '{target}', nên không có "
        "trang nào để gộp vào hay chuyển hướng tới",
    },
    # the body's links (build/steps.py's link check)
    "broken_link": {
        "en": "broken internal link {href} (nothing is built at /{target})",
        "vi": "liên kết nội bộ hỏng {href} (không có trang nào ở /{target}): hãy sửa hoặc bỏ liên kết này",
    },
    # YAML, with what to do
    "colon_in_value": {
        "en": "the value has ': ' in it, which YAML takes for another key: put the value in quotes, like this: {fixed}",
        "vi": "giá trị có dấu ': ' nên YAML hiểu nhầm là một khóa khác: hãy đặt giá trị trong dấu ngoặc kép, "
        "như sau: {fixed}",
    },
    "quote_whole_value": {
        "en": "a value that starts with {sign} must be in quotes as a whole, like this: {fixed}",
        "vi": "giá trị bắt đầu bằng {sign} phải được đặt trọn trong dấu ngoặc kép, như sau: {fixed}",
    },
    "space_after_colon": {
        "en": "a space is missing after ':': write {fixed}",
        "vi": "thiếu dấu cách sau dấu ':': hãy viết {fixed}",
    },
    "line_break": {
        "en": "this line holds {character}, which YAML reads as a line break: put the value in quotes or remove it",
        "vi": "dòng này có ký tự {character}, YAML hiểu là xuống dòng: hãy đặt giá trị trong dấu ngoặc kép "
        "hoặc xóa ký tự này",
    },
    "tab": {
        "en": "a tab indents this line; YAML indents with spaces only: replace the tab with spaces",
        "vi": "dòng này thụt đầu dòng bằng phím Tab; YAML chỉ cho thụt bằng dấu cách: hãy thay Tab bằng dấu cách",
    },
    "indented": {
        "en": "this line is indented, but the line above holds a value, not a list or mapping: "
        "remove the spaces at its start",
        "vi": "dòng này bị thụt vào nhưng dòng trên là một giá trị, không phải danh sách hay nhóm khóa: "
        "hãy bỏ các dấu cách ở đầu dòng",
    },
    "no_colon": {
        "en": "this line is not 'key: value' and is not indented under a key: write 'key: ' in front of it, "
        "or indent it to go on with the value above",
        "vi": "dòng này không có dạng 'khóa: giá trị' và cũng không thụt vào dưới một khóa: hãy thêm 'khóa: ' "
        "vào đầu dòng, hoặc thụt vào để viết tiếp giá trị ở dòng trên",
    },
    "stray_item": {
        "en": "a list item ('- …') must come right under a key with no value of its own, such as tags:",
        "vi": "mục danh sách ('- …') phải nằm ngay dưới một khóa chưa có giá trị, ví dụ tags:",
    },
    "list_not_closed": {
        "en": "the list opened with '[' on this line is not closed: end it with ']'",
        "vi": "danh sách mở bằng '[' ở dòng này chưa được đóng: hãy thêm ']' vào cuối",
    },
    "mapping_not_closed": {
        "en": "the '{{' opened on this line is not closed: end it with '}}'",
        "vi": "dấu '{{' mở ở dòng này chưa được đóng: hãy thêm '}}' vào cuối",
    },
    "quote_not_closed": {
        "en": "the value opened with {quote} on this line is not closed: end it with {quote}",
        "vi": "giá trị mở bằng dấu {quote} ở dòng này chưa được đóng: hãy thêm dấu {quote} vào cuối",
    },
    "list_items": {
        "en": "this list is not written right: separate its items with ', ' and put an item holding a comma, "
        "a colon, a bracket or a quote in quotes",
        "vi": "danh sách này viết chưa đúng: các mục cách nhau bằng ', ', mục nào có dấu phẩy, dấu hai chấm, "
        "dấu ngoặc hay dấu ngoặc kép thì đặt trong dấu ngoặc kép",
    },
    "bad_character": {
        "en": "invalid YAML in front matter: character {character} is not allowed; remove it",
        "vi": "front matter có ký tự {character}, YAML không cho phép: hãy xóa ký tự này",
    },
    "lone_surrogate": {
        "en": "invalid YAML in front matter: a lone surrogate {character} is not allowed",
        "vi": "front matter có ký tự {character} (nửa cặp thay thế đơn lẻ), YAML không cho phép: hãy xóa ký tự này",
    },
    "too_deep": {
        "en": "front matter nested too deeply (more than {depth} levels)",
        "vi": "front matter lồng nhau quá sâu (quá {depth} cấp)",
    },
    "yaml": {  # no advice: PyYAML's own words are all there is
        "en": "invalid YAML in front matter: {detail}",
        "vi": "front matter không phải YAML hợp lệ: {detail}",
    },
    "yaml_context": {
        "en": "invalid YAML in front matter: {detail} ({context} on line {line})",
        "vi": "front matter không phải YAML hợp lệ: {detail} ({context}, dòng {line})",
    },
    # words inside messages
    "mapping": {"en": "mapping", "vi": "nhóm khóa"},
    "list": {"en": "list", "vi": "danh sách"},
    "value": {"en": "value", "vi": "giá trị"},
}


def say(language: str, name: str, **fields: object) -> str:
    """The message ``name`` in ``language`` (English when there is no such language)."""
    return say_in(MESSAGES, language, name, **fields)
