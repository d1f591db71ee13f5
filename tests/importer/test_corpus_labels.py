"""The labelled importer corpus itself (tests/importer/corpus/README.md): every labels.toml
reads, names pages that exist and only those, and labels what is really on the page."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from datetime import datetime
from pathlib import Path

import pytest

from benchmarks.labelled_corpus import (
    CORPUS,
    LABELS,
    find_line,
    html_lines,
    is_heldout,
    is_html,
    layout_folders,
    locate,
    page_files,
    read_label,
    text_lines,
)
from reform_archive.importer.slug import slug_words
from reform_archive.text.vietnamese import slugify

DATE = re.compile(r"^(\d{4}(-\d\d(-\d\d)?)?)?$")
DATE_FORMATS = {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}
FOLDERS = layout_folders(CORPUS) if CORPUS.is_dir() else []


def labels_of(folder: Path) -> dict:
    return tomllib.loads((folder / LABELS).read_text("utf-8"))


def readable_pages() -> list[tuple[Path, str, dict]]:
    """(layout folder, page name, its labels) for every layout whose labels.toml reads;
    the others fail test_labels_read."""
    found = []
    for folder in FOLDERS:
        try:
            pages = labels_of(folder).get("pages", {})
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
            continue
        found.extend((folder, name, entry) for name, entry in sorted(pages.items()) if isinstance(entry, dict))
    return found


PAGES = readable_pages()


def flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


@pytest.mark.parametrize("folder", FOLDERS, ids=[f.name for f in FOLDERS])
def test_labels_read(folder: Path) -> None:
    assert (folder / LABELS).is_file(), f"{folder.name}: no {LABELS}"
    labels = labels_of(folder)
    assert labels.get("layout", {}).get("form", "text") in ("text", "html")
    pages = labels.get("pages")
    assert isinstance(pages, dict) and pages, f'{folder.name}: no [pages."…"] tables'
    assert all(isinstance(entry, dict) for entry in pages.values())


@pytest.mark.parametrize("folder", FOLDERS, ids=[f.name for f in FOLDERS])
def test_labels_and_pages_match(folder: Path) -> None:
    labelled = set(labels_of(folder).get("pages", {})) if (folder / LABELS).is_file() else set()
    files = {p.name for p in page_files(folder)}
    assert not labelled - files, f"labelled but missing: {sorted(labelled - files)}"
    assert not files - labelled, f"pages without a label: {sorted(files - labelled)}"


@pytest.mark.parametrize("folder, name, entry", PAGES, ids=[f"{f.name}/{n}" for f, n, _ in PAGES])
def test_page_labels(folder: Path, name: str, entry: dict) -> None:
    for field, kind in (("title", str), ("date", str), ("authors", list)):
        assert isinstance(entry.get(field), kind), f"{field} must be a {kind.__name__}"
    assert all(isinstance(a, str) and a.strip() for a in entry["authors"])
    assert isinstance(entry.get("article", True), bool)
    assert isinstance(entry.get("chrome_inside", []), list)
    assert DATE.match(entry["date"]), f'date {entry["date"]!r} is not YYYY, YYYY-MM, YYYY-MM-DD or ""'
    if entry["date"]:
        datetime.strptime(entry["date"], DATE_FORMATS[len(entry["date"])])  # a real day
    label = read_label(name, entry)
    path = folder / name
    if not path.is_file():
        pytest.fail(f"{name} is labelled but missing")
    form = str(labels_of(folder).get("layout", {}).get("form", "text"))
    html = is_html(path, form)
    lines = html_lines(path.read_bytes()) if html else text_lines(path.read_bytes())

    if label.title.strip() and not label.title_printed:
        spelled = " ".join(slug_words(label.url))
        assert spelled, "title_printed = false needs a url whose last segment spells the headline"
        assert spelled.startswith(" ".join(slug_words("/" + slugify(label.title)))), (
            "the address does not spell the title"
        )
    elif label.title.strip():
        assert flat(label.title) in flat("\n".join(lines)), "the title is not on the page"
    if label.article:
        assert label.first_line.strip() and label.last_line.strip(), "an article needs first_line and last_line"
    if not html:
        for text in (label.first_line, label.last_line, *label.chrome_inside):
            if text.strip():
                assert unicodedata.normalize("NFC", text).strip() in lines, f"not a whole line of the page: {text!r}"
    if label.first_line.strip() and label.last_line.strip():
        span = locate(label, lines)
        assert not isinstance(span, str), span
        region, _ = span
        for text in label.chrome_inside:
            found = find_line(text, lines, region.start)
            assert found is not None and found[1] in region, f"chrome_inside not between first and last: {text!r}"


def test_the_split_has_both_sides() -> None:
    if len(FOLDERS) < 8:
        pytest.skip(f"{len(FOLDERS)} layouts so far")
    held_out = [f.name for f in FOLDERS if is_heldout(f.name)]
    assert held_out, "no held-out layout"
    assert len(held_out) < len(FOLDERS), "no fit layout"
