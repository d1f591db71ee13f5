"""Article lines -> Markdown blocks: headings, captions, lists, paragraphs (pure).

Scraped text has one paragraph per line. Short stand-alone lines become ``##``
headings; photo captions become emphasised paragraphs with the ``caption`` class (once,
even when a page repeats them); "1.", "(1)", "a)", "-", "•" lines become list items.
Everything else is a paragraph, with Markdown's special characters escaped so the text
renders exactly as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "HEADING_MAX_CHARS",
    "HEADING_MAX_WORDS",
    "Block",
    "classify",
    "escape",
    "is_caption",
    "is_heading",
    "list_item",
    "table_rows",
    "to_markdown",
    "untab",
]

HEADING_MAX_CHARS = 120
HEADING_MAX_WORDS = 24

_CAPTION_MARK = re.compile(
    r"\(?\s*(?:ảnh|ảnh minh họa|ảnh minh hoạ|nguồn ảnh|ảnh tư liệu)\s*:[^()]{1,60}\)?\.?$"
    r"|[-–—]\s*ảnh\s*\d+\s*\.?$|\(\s*ảnh(?:\s+minh\s+h(?:ọa|oạ))?\s*\)\.?$"
    r"|[.]\s*ảnh minh h(?:ọa|oạ)\.?$",
    re.IGNORECASE,
)
_CAPTION_START = re.compile(
    r"^\(?\s*(?:quang cảnh|toàn cảnh|ảnh|ảnh minh họa|ảnh minh hoạ|hình ảnh|các đại biểu|"
    r"đại biểu tham dự|đoàn công tác)\b",
    re.IGNORECASE,
)
_CAPTION_VERB = re.compile(
    r"\b(?:chủ trì|phát biểu|trao|tặng|ấn nút|bấm nút|kiểm tra|thăm|chúc mừng|chụp ảnh|làm việc|"
    r"tham dự|dự|hướng dẫn|tiếp nhận|giải quyết|khai trương|ra mắt|tại|cài đặt|sử dụng|"
    r"làm thủ tục|nộp hồ sơ|tham quan|trải nghiệm|thảo luận|ký kết|chứng kiến)\b",
    re.IGNORECASE,
)
# who a photo shows, opening its caption: "Người dân …", "Đại diện lãnh đạo huyện …", "Cán bộ …"
_PEOPLE_START = re.compile(
    r"^(?:người\s+dân|đại\s+diện|lãnh\s+đạo|đồng\s+chí|ông|bà|cán\s+bộ|công\s+chức|"
    r"viên\s+chức|các\s+đại\s+biểu|đại\s+biểu|đoàn|thành\s+viên|học\s+sinh|sinh\s+viên|"
    r"đoàn\s+viên|lực\s+lượng|nhân\s+viên|phóng\s+viên|doanh\s+nghiệp|du\s+khách)\b",
    re.IGNORECASE,
)
_CREDIT = re.compile(r"^(?:bài|tin)\s*(?:và|,|&)\s*ảnh\s*:", re.IGNORECASE)  # "Bài và ảnh: …" is a byline
_PERSON = re.compile(r"\b[A-ZĐÀ-Ỹ][a-zà-ỹđ]+(?:\s[A-ZĐÀ-Ỹ][a-zà-ỹđ]+){2,3}\b")
_ORDERED = re.compile(r"^(\d{1,2})[.)]\s+(?=\S)")
_BRACKETED = re.compile(r"^\((\d{1,2}|[a-zđ])\)\s+(?=\S)")
_LETTERED = re.compile(r"^([a-zđ])[.)]\s+(?=\S)")
_BULLET = re.compile(r"^[-–—•·●▪◦+*]\s*(?=\S)")
_END_PUNCTUATION = re.compile(r"[.:;,!?…]$|\./\.$")


@dataclass(frozen=True)
class Block:
    kind: str  # heading | caption | item | paragraph | table
    text: str  # plain text, as written (the list marker removed for items; cells joined by spaces for tables)
    marker: str = ""  # for items: "1.", "(1)", "a)", "-"
    rows: tuple[tuple[str, ...], ...] = ()  # for tables: the first row is the header


def is_caption(line: str) -> bool:
    stripped = line.strip()
    if len(stripped) > 300 or _CREDIT.match(re.sub(r"^[^\w(]+", "", stripped)):  # "✍️ Tin, ảnh: …" is a credit
        return False
    if _CAPTION_MARK.search(stripped):
        return True
    if stripped.startswith("(") and stripped.endswith(")") and len(stripped.split()) >= 3:
        return True  # "(Quang cảnh Tọa đàm: …)"
    if _END_PUNCTUATION.search(stripped) and not stripped.endswith("."):
        return False
    short = len(stripped.split()) <= 30
    if short and _CAPTION_START.match(stripped) and not stripped.endswith((".", ":", ";")):
        return True
    # "Chủ tịch UBND tỉnh Lê Trí Thanh chủ trì hội nghị tại điểm cầu tỉnh": a person doing something;
    # "Người dân làm thủ tục tại Bộ phận một cửa xã …": people doing something, too long for a heading
    if not short or stripped.endswith("."):
        return False
    verbs = {verb.lower() for verb in _CAPTION_VERB.findall(stripped)}
    return bool(verbs) and bool(
        _PERSON.search(stripped)
        or (_PEOPLE_START.match(stripped) and len(stripped.split()) >= 9 and verbs - {"tại", "dự"})
    )


def is_heading(line: str) -> bool:
    stripped = line.strip()
    words = stripped.split()
    return (
        0 < len(stripped) <= HEADING_MAX_CHARS
        and 2 <= len(words) <= HEADING_MAX_WORDS
        and stripped[0].isupper()
        and (not _END_PUNCTUATION.search(stripped) or stripped.endswith("?"))
        and not any(c.isdigit() for c in words[0])
    )


def list_item(line: str) -> Block | None:
    for pattern in (_ORDERED, _BRACKETED, _LETTERED):
        if match := pattern.match(line):
            return Block("item", line[match.end() :].strip(), match.group(0).strip())
    if match := _BULLET.match(line):
        return Block("item", line[match.end() :].strip(), "-")
    return None


def table_rows(lines: list[str]) -> set[int]:
    """Indexes of lines that are rows of a table: two or more lines in a row with the same
    number (two or more) of tab-separated cells."""
    rows: set[int] = set()
    start = 0
    while start < len(lines):
        cells = lines[start].count("\t")
        end = start + 1
        while cells and end < len(lines) and lines[end].count("\t") == cells:
            end += 1
        if cells and end - start >= 2:
            rows.update(range(start, end))
        start = end
    return rows


def untab(lines: list[str]) -> list[str]:
    """Tabs stay only in table rows; anywhere else they were just wide spaces."""
    rows = table_rows(lines)
    return [line if index in rows else line.replace("\t", " ") for index, line in enumerate(lines)]


def classify(lines: list[str]) -> list[Block]:
    """One block per non-blank line (one per table). A heading needs text after it."""
    blocks: list[Block] = []
    seen_captions: set[str] = set()
    content = [line.strip() for line in lines if line.strip()]
    rows = table_rows(content)
    for index, line in enumerate(content):
        if index and line == content[index - 1] and index not in rows and blocks:
            # the same words twice in a row: an image's alt text over its caption, one caption
            blocks[-1] = Block("caption", line)
            continue
        if index in rows:
            cells = tuple(cell.strip() for cell in line.split("\t"))
            if index - 1 in rows and blocks and blocks[-1].kind == "table":
                table = blocks[-1]
                blocks[-1] = Block("table", f"{table.text} {' '.join(cells)}", rows=table.rows + (cells,))
            else:
                blocks.append(Block("table", " ".join(cells), rows=(cells,)))
        elif item := list_item(line):
            blocks.append(item)
        elif is_caption(line):
            key = " ".join(line.lower().split())
            if key not in seen_captions:
                seen_captions.add(key)
                blocks.append(Block("caption", line))
        elif is_heading(line) and index + 1 < len(content) and not is_heading(content[index + 1]):
            blocks.append(Block("heading", line))
        else:
            blocks.append(Block("paragraph", line))
    return blocks


def to_markdown(blocks: list[Block]) -> str:
    out: list[str] = []
    previous: Block | None = None
    nested = False  # bullets under a numbered item that ends with ":" belong to it
    for block in blocks:
        text = escape(block.text)
        if block.kind == "heading":
            out.append(f"## {text}")
        elif block.kind == "caption":
            out.append(f"*{text}*\n{{: .caption }}")
        elif block.kind == "table":
            out.append(_table_markdown(block.rows))
        elif block.kind == "item":
            was_nested = nested
            nested = (
                block.marker == "-"
                and previous is not None
                and previous.kind == "item"
                and (nested or (previous.marker[:1].isdigit() and previous.text.endswith(":")))
            )
            out.append(_item_markdown(block, text, previous, nested, was_nested))
        else:
            out.append(text)
        if block.kind != "item":
            nested = False
        previous = block
    return "\n\n".join(out) + "\n" if out else ""


def _table_markdown(rows: tuple[tuple[str, ...], ...]) -> str:
    def row(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(escape(cell).replace("|", "\\|") for cell in cells) + " |"

    return "\n".join([row(rows[0]), "| " + " | ".join("---" for _ in rows[0]) + " |", *map(row, rows[1:])])


def _marker_kind(marker: str) -> str:
    return "-" if marker == "-" or not marker[:1].isdigit() else "1"


def _item_markdown(block: Block, text: str, previous: Block | None, nested: bool, previous_nested: bool) -> str:
    if block.marker == "-":
        line = f"- {text}"
    elif block.marker[:1].isdigit():
        line = f"{block.marker.rstrip('.)')}. {text}"
    else:
        # "(1)", "a)": Markdown has no such lists; keep the marker as written in a bullet
        line = f"- {escape(block.marker)} {text}"
    if nested:
        return "    " + line
    # a list of another kind right after this one needs a break, or Markdown merges them
    if (
        previous is not None
        and previous.kind == "item"
        and not previous_nested
        and _marker_kind(previous.marker) != _marker_kind(block.marker)
    ):
        return "<!-- -->\n\n" + line
    return line


_ESCAPED = re.compile(r"([\\`*_{}\[\]>#])")
_LINE_START = re.compile(r"^([+-]|\d+(?=[.)](?:\s|$)))")


def escape(text: str) -> str:
    """Make ``text`` render as written: escape what Markdown, with our extensions, reads as markup."""
    text = _ESCAPED.sub(r"\\\1", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    if text.startswith(":"):
        text = "&#58;" + text[1:]  # a definition list's marker
    return _LINE_START.sub(lambda m: m.group(1) + "\\" if m.group(1)[0].isdigit() else "\\" + m.group(1), text, count=1)
