"""The labelled importer corpus (tests/importer/corpus/README.md): layouts, labels, the
held-out split and a page's raw lines, as the accuracy benchmark and the corpus's own test read them.

A page's raw lines are what its labels' ``first_line``, ``last_line`` and ``chrome_inside``
are written against: for a text page, its decoded lines, stripped; for an HTML page, the
text lxml finds, with a line break at every block element (``p``, ``div``, ``li``, ``h1``…,
``tr``, ``figcaption``…) and ``<br>``, table cells joined by a space, spaces collapsed, and
``script``, ``style``, ``noscript``, ``template`` and ``svg`` dropped. Lines are compared by
:func:`key` (letters and digits only, case-folded), so a label spread over two raw lines (a
paragraph broken by ``<br>``) is still found.
"""

from __future__ import annotations

import hashlib
import html
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import lxml.html

from reform_archive.importer.decode import decode

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "importer" / "corpus"
LABELS = "labels.toml"
HTML_SUFFIXES = (".html", ".htm")
_TAG = re.compile(r"</?[A-Za-z!][^<>]*>")
_HTML_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "li",
        "main",
        "nav",
        "ol",
        "option",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "tfoot",
        "thead",
        "title",
        "tr",
        "ul",
    ]
)
_HTML_CELLS = frozenset({"td", "th"})
_HTML_DROPPED = frozenset({"script", "style", "noscript", "template", "svg"})


@dataclass(frozen=True)
class Label:
    name: str  # the page's file name in its layout folder
    title: str
    date: str
    authors: tuple[str, ...]
    first_line: str
    last_line: str
    chrome_inside: tuple[str, ...]
    article: bool
    url: str
    notes: str = ""
    title_printed: bool = True  # False: the page prints no headline, its address spells ``title``


@dataclass(frozen=True)
class Layout:
    name: str
    folder: Path
    form: str  # text | html
    heldout: bool
    pages: tuple[Label, ...]


def is_heldout(name: str) -> bool:
    """Held out: the first hex digit of the SHA-256 of the folder's name is 0–3."""
    return hashlib.sha256(name.encode()).hexdigest()[0] in "0123"


def key(text: str) -> str:
    """What two lines are compared by: NFC, case-folded, letters and digits only."""
    return "".join(c for c in unicodedata.normalize("NFC", text).casefold() if c.isalnum())


def word_count(line: str) -> int:
    return len(line.split())


def markup_free(line: str) -> str:
    """A raw text line without the HTML leftovers the importer removes (tags, entities)."""
    return _TAG.sub(" ", html.unescape(html.unescape(line)))


def layout_folders(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


def page_files(folder: Path) -> list[Path]:
    """The raw pages in a layout folder: every file but labels.toml, notes (.md) and hidden files."""
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.name != LABELS and not p.name.startswith(".") and p.suffix != ".md"
    )


def _strings(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,) if value else ()
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


def read_label(name: str, entry: dict) -> Label:
    return Label(
        name=name,
        title=str(entry.get("title", "")),
        date=str(entry.get("date", "")),
        authors=_strings(entry.get("authors", [])),
        first_line=str(entry.get("first_line", "")),
        last_line=str(entry.get("last_line", "")),
        chrome_inside=_strings(entry.get("chrome_inside", [])),
        article=entry.get("article", True) is not False,
        url=str(entry.get("url", "")),
        notes=str(entry.get("notes", "")),
        title_printed=entry.get("title_printed", True) is not False,
    )


def load_layouts(corpus: Path) -> tuple[list[Layout], list[str]]:
    """Every layout whose labels can be read, and what is wrong with the others."""
    layouts, problems = [], []
    if not corpus.is_dir():
        return [], [f"{corpus}: no such folder"]
    for folder in layout_folders(corpus):
        try:
            labels = tomllib.loads((folder / LABELS).read_text("utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            problems.append(f"{folder / LABELS}: {type(exc).__name__}: {exc}")
            continue
        pages = labels.get("pages")
        if not isinstance(pages, dict):
            problems.append(f'{folder / LABELS}: no [pages."…"] tables')
            continue
        form = str(labels.get("layout", {}).get("form", "text"))
        entries = [(name, entry) for name, entry in sorted(pages.items()) if isinstance(entry, dict)]
        problems.extend(
            f"{folder / LABELS}: pages.{name!r} is not a table" for name in pages if not isinstance(pages[name], dict)
        )
        layouts.append(
            Layout(
                folder.name,
                folder,
                form,
                is_heldout(folder.name),
                tuple(read_label(name, entry) for name, entry in entries),
            )
        )
    return layouts, problems


def is_html(path: Path, form: str = "") -> bool:
    return path.suffix.lower() in HTML_SUFFIXES or form == "html"


def decoded_text(data: bytes) -> str:
    text = decode(data).text
    return text if text is not None else data.decode("utf-8", "replace")


def text_lines(data: bytes) -> list[str]:
    return [unicodedata.normalize("NFC", line).strip() for line in decoded_text(data).splitlines()]


def html_lines(data: bytes) -> list[str]:
    text = decode(data).text
    try:
        root = lxml.html.document_fromstring(text if text is not None else data)
    except Exception:  # noqa: BLE001 - lxml refuses an empty or a text-less document
        return []
    parts: list[str] = []
    stack = [(root, False)]  # (element, closing): iterative, as a broken page can nest thousands deep
    while stack:
        element, closing = stack.pop()
        tag = element.tag.lower() if isinstance(element.tag, str) else None  # None: a comment or PI
        if closing or tag is None or tag in _HTML_DROPPED:
            parts.append("\n" if closing and tag in _HTML_BLOCKS else "")
            parts.append(_spaced(element.tail))
            continue
        parts.append("\n" if tag in _HTML_BLOCKS or tag == "br" else " " if tag in _HTML_CELLS else "")
        parts.append(_spaced(element.text))
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return [unicodedata.normalize("NFC", line) for line in lines if line]


def _spaced(text: str | None) -> str:
    """HTML text with its line breaks as spaces: only elements break lines."""
    return re.sub(r"\s", " ", text) if text else ""


def raw_lines(path: Path, form: str = "") -> list[str]:
    data = path.read_bytes()
    return html_lines(data) if is_html(path, form) else text_lines(data)


def find_line(text: str, lines: list[str], start: int = 0) -> tuple[int, int] | None:
    """Where a labelled line is in the raw lines, from ``start``: the first line equal to it
    (stripped, NFC), else the first with the same :func:`key`, else the first run of lines
    whose keys joined give its key. Returns the first and last index."""
    wanted = unicodedata.normalize("NFC", text).strip()
    if not wanted:
        return None
    for index in range(start, len(lines)):
        if lines[index] == wanted:
            return index, index
    target = key(markup_free(wanted))
    keys = [key(markup_free(line)) for line in lines]
    for index in range(start, len(lines)):
        if keys[index] == target:
            return index, index
    for index in range(start, len(lines)):
        if not keys[index] or not target.startswith(keys[index]):
            continue
        joined, end = keys[index], index
        while joined != target and end + 1 < len(lines) and target.startswith(joined + keys[end + 1]):
            end += 1
            joined += keys[end]
        if joined == target:
            return index, end
    return None


def locate(label: Label, lines: list[str]) -> tuple[range, set[int]] | str:
    """The body's lines (first_line…last_line) and the chrome_inside lines' indices, or what
    could not be found."""
    first = find_line(label.first_line, lines)
    if first is None:
        return f"first_line not found: {label.first_line[:70]!r}"
    last = find_line(label.last_line, lines, first[0])
    if last is None:
        return f"last_line not found after first_line: {label.last_line[:70]!r}"
    chrome: set[int] = set()
    for text in label.chrome_inside:
        span = find_line(text, lines, first[0])
        if span is None:
            return f"chrome_inside line not found after first_line: {text[:70]!r}"
        chrome.update(range(span[0], span[1] + 1))
    return range(first[0], last[1] + 1), chrome
