"""The importer's accuracy on the labelled corpus (tests/importer/corpus/), fit and held-out layouts apart.

    python -m benchmarks.importer_accuracy [--split fit|heldout|all] [--by-layout] [--json]
                                           [--show-failures N] [--corpus DIR]

Every labelled page goes through one adapter, :func:`import_page`, which is the only code
that knows the importer's API (reform_archive.importer.pipeline); it returns an :class:`Outcome`. Each outcome is scored
against the page's labels as tests/importer/corpus/README.md says: title, date at the
labelled precision, the set of authors, imported or not, whether non-articles were flagged,
page chrome left in the body and prose lost from it. The corpus's reading (labels, the
split, a page's raw lines) is in :mod:`benchmarks.labelled_corpus`.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.labelled_corpus import (
    CORPUS,
    Label,
    Layout,
    key,
    load_layouts,
    locate,
    markup_free,
    raw_lines,
    word_count,
)
from reform_archive.importer.pipeline import import_bytes
from reform_archive.source.markup import plain_text, to_html

READER = "pipeline.import_bytes"

FINAL_PUNCTUATION = ".:;!?…"
QUOTES = "\"'“”‘’«»„‟`"
BODY_LINE_MIN_WORDS = 3  # shorter body lines ("Chia sẻ", a name) are too ambiguous to call chrome
PROSE_MIN_WORDS = 10
# "(GLO)- ", "(BHT) - ", "TT - ": the importer moves a lead's source prefix into `source`
_CAPTURE_DATE = re.compile(r"^\s*date\s+\d{4}-\d\d(?:-\d\d)?\s+")
_SOURCE_PREFIX = re.compile(r"^\s*(?:\([^()\n]{1,40}\)\s*[-–—]*|[A-ZĐ][\w.]{0,24}\s?[-–—])\s*")
# "1. ", "2) ", "- ", "• ": Markdown renders an ordered or bulleted item without its marker
_LIST_MARKER = re.compile(r"^\s*(?:\d{1,3}[.)]|[-–•+*])\s+")
# where rendered body HTML breaks lines: block elements and <br>
_HTML_BREAK = re.compile(
    r"<(?:br\b[^>]*|/?(?:p|li|ul|ol|h[1-6]|tr|table|thead|tbody|tfoot|blockquote|div|pre|"
    r"figure|figcaption|dl|dt|dd|hr|section)\b[^>]*)>",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Outcome:
    """What the importer made of one page, in the benchmark's own terms."""

    imported: bool  # the page got in, as an article or a draft
    reason: str = ""  # why not, or the importer's refusal message
    title: str = ""
    title_inferred: bool = False
    date_iso: str = ""  # "" when none
    date_precision: str = ""  # day | month | quarter | year ("" when no date)
    date_inferred: bool = False
    draft: bool = False
    authors: tuple[str, ...] = ()
    body_markdown: str = ""
    is_article: bool | None = None  # None when the importer does not say


def import_page(path: Path, url: str) -> Outcome:
    """The importer's current API -> :class:`Outcome`. The one place to change when it changes."""
    extraction = _extraction(path.read_bytes(), path.name, url)
    if isinstance(extraction, str):
        return Outcome(False, reason=extraction)
    article = extraction.article
    if article is None:
        return Outcome(False, reason=extraction.error or "no article")
    when = article.date
    return Outcome(
        True,
        reason=extraction.error,
        title=article.title,
        title_inferred=article.title_inferred,
        date_iso=when.iso() if when is not None else "",
        date_precision=when.precision if when is not None else "",
        date_inferred=article.date_inferred,
        draft=article.draft,
        authors=article.authors,
        body_markdown=article.body,
        is_article=article.is_article,
    )


def _extraction(data: bytes, name: str, url: str):  # -> Extraction | str (why there is none)
    """The first page of a file through the importer's own chain."""
    pages = import_bytes(data, name, url)
    found = next((p for p in pages if p.extraction is not None), None)
    return found.extraction if found else (pages[0].error if pages else "the importer found no page")


# --- scoring (pure) ---------------------------------------------------------------------------


def title_key(title: str) -> str:
    """Case-folded, spaces collapsed, final punctuation and surrounding quotes dropped."""
    text = " ".join(unicodedata.normalize("NFC", title).casefold().split())
    before = None
    while text != before:
        before = text
        text = text.strip(QUOTES + " ").rstrip(FINAL_PUNCTUATION + " ")
    return text


def title_right(label: str, outcome: Outcome, printed: bool = True) -> bool:
    """``printed`` False: the page prints no headline and its address spells ``label``; the
    importer must give it and say it made it up."""
    if not outcome.imported:
        return False
    if not label.strip() or not printed:
        if not outcome.title_inferred:  # no headline printed: the importer must say it made one up
            return False
        if not label.strip():
            return True
    return title_key(label) == title_key(outcome.title)


def date_right(label: str, outcome: Outcome) -> bool:
    """At the label's precision: "2023-03-14" against the first 10 characters of the date
    found, "2023-03" against 7, "2023" against 4. A page without date evidence ("") is right
    when the importer took it and flagged the date instead of inventing one silently."""
    label = label.strip()
    if not outcome.imported:
        return False
    if not label:
        return outcome.date_inferred or not outcome.date_iso or outcome.draft
    return outcome.date_iso[: len(label)] == label


def author_key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def authors_right(label: Iterable[str], outcome: Outcome) -> bool:
    return outcome.imported and {author_key(a) for a in label} == {author_key(a) for a in outcome.authors}


def non_article_flagged(outcome: Outcome) -> bool:
    return outcome.imported and (outcome.is_article is False or outcome.draft)


def body_lines(body_markdown: str) -> list[str]:
    """The body as a reader sees it (Markdown -> HTML -> text), one line per block."""
    pieces = _HTML_BREAK.split(to_html(body_markdown))
    return [line for piece in pieces if (line := plain_text(piece))]


@dataclass(frozen=True)
class BodyScore:
    chrome_left: tuple[str, ...]  # body lines that are labelled chrome or lie outside first…last
    prose_lost: tuple[str, ...]  # prose lines between first…last missing from the body


def line_keys(line: str) -> set[str]:
    """A raw line's keys: as written, and without what rendering or the importer legitimately
    moves off its start (a list marker rendered as <ol>, a lead's source prefix, a capture
    tool's " date 2025-06 " stamp)."""
    text = markup_free(line)
    return {
        key(text),
        key(_LIST_MARKER.sub("", text, count=1)),
        key(_SOURCE_PREFIX.sub("", text, count=1)),
        key(_CAPTURE_DATE.sub("", text, count=1)),
    } - {""}


def score_body(lines: list[str], region: range, chrome: set[int], titles: Iterable[str], body: list[str]) -> BodyScore:
    """``lines``: the raw page's lines; ``region``: first_line…last_line in them; ``chrome``:
    indices of chrome_inside lines; ``titles``: lines that may be dropped or kept (the title)."""
    keys = [line_keys(line) for line in lines]
    inside = set().union(*(keys[i] for i in region if i not in chrome))
    dropped_or_kept = set().union(*(line_keys(t) for t in titles))  # the title: fine either way
    outside = set().union(*(k for i, k in enumerate(keys) if i not in region)) - inside - dropped_or_kept
    chrome_keys = outside | set().union(*(keys[i] for i in chrome))
    left = tuple(line for line in body if word_count(line) >= BODY_LINE_MIN_WORDS and key(line) in chrome_keys)
    whole = "".join(key(line) for line in body)
    lost = tuple(
        lines[i]
        for i in region
        if i not in chrome
        and word_count(markup_free(lines[i])) >= PROSE_MIN_WORDS
        and not any(k in whole for k in keys[i])
    )
    return BodyScore(left, lost)


# --- measuring --------------------------------------------------------------------------------


@dataclass
class PageResult:
    layout: Layout
    label: Label
    outcome: Outcome
    seconds: float
    fields: dict[str, bool] = field(default_factory=dict)  # title, date, authors (articles only)
    body: BodyScore | None = None  # None: not measured (not imported, not an article, labels not found)
    label_problem: str = ""

    @property
    def path(self) -> Path:
        return self.layout.folder / self.label.name


def measure_page(layout: Layout, label: Label) -> PageResult:
    path = layout.folder / label.name
    start = time.perf_counter()
    try:
        outcome = import_page(path, label.url)
    except Exception as exc:  # noqa: BLE001 - one bad page never stops the run
        outcome = Outcome(False, reason=f"{type(exc).__name__}: {exc}")
    result = PageResult(layout, label, outcome, time.perf_counter() - start)
    if not label.article:
        return result
    result.fields = {
        "title": title_right(label.title, outcome, label.title_printed),
        "date": date_right(label.date, outcome),
        "authors": authors_right(label.authors, outcome),
    }
    if not outcome.imported:
        return result
    try:
        lines = raw_lines(path, layout.form)
        span = locate(label, lines)
        if isinstance(span, str):
            result.label_problem = span
            return result
        region, chrome = span
        result.body = score_body(lines, region, chrome, (label.title, outcome.title), body_lines(outcome.body_markdown))
    except Exception as exc:  # noqa: BLE001 - a label the scorer cannot use is reported, not fatal
        result.label_problem = f"scoring failed: {type(exc).__name__}: {exc}"
    return result


def percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def summarise(results: list[PageResult]) -> dict:
    articles = [r for r in results if r.label.article]
    others = [r for r in results if not r.label.article]
    measured = [r for r in articles if r.body is not None]
    counts = {name: sum(r.fields.get(name, False) for r in articles) for name in ("title", "date", "authors")}
    imported = sum(r.outcome.imported for r in articles)
    chrome = sum(len(r.body.chrome_left) for r in measured if r.body)
    return {
        "layouts": len({r.layout.name for r in results}),
        "pages": len(results),
        "articles": len(articles),
        "imported": imported,
        "imported_pct": percent(imported, len(articles)),
        **{f"{name}_right": count for name, count in counts.items()},
        **{f"{name}_pct": percent(count, len(articles)) for name, count in counts.items()},
        "non_articles": len(others),
        "non_articles_flagged": sum(non_article_flagged(r.outcome) for r in others),
        "non_articles_refused": sum(not r.outcome.imported for r in others),
        "articles_taken_for_non_articles": sum(r.outcome.imported and r.outcome.is_article is False for r in articles),
        "body_pages": len(measured),
        "chrome_lines_left": chrome,
        "chrome_lines_per_10_pages": round(10 * chrome / len(measured), 1) if measured else None,
        "pages_with_prose_lost": sum(bool(r.body.prose_lost) for r in measured if r.body),
        "prose_lines_lost": sum(len(r.body.prose_lost) for r in measured if r.body),
        "label_problems": sum(bool(r.label_problem) for r in results),
    }


SPLIT_NAMES = {"fit": "fit", "heldout": "held out", "all": "all"}
COLUMNS = [
    ("pages", "pages"),
    ("imported", "imported_pct"),
    ("title", "title_pct"),
    ("date", "date_pct"),
    ("authors", "authors_pct"),
    ("non-articles flagged", None),
    ("articles taken for non-articles", "articles_taken_for_non_articles"),
    ("chrome lines / 10 pages", None),
    ("pages with prose lost", "pages_with_prose_lost"),
    ("prose lines lost", "prose_lines_lost"),
]


def table(rows: list[tuple[str, dict]], first: str) -> str:
    def cell(name: str, column: str | None, numbers: dict) -> str:
        if name == "non-articles flagged":
            flagged, refused = numbers["non_articles_flagged"], numbers["non_articles_refused"]
            return f"{flagged} / {numbers['non_articles']}" + (f" ({refused} refused)" if refused else "")
        if name == "chrome lines / 10 pages":
            value = numbers["chrome_lines_per_10_pages"]
            return "–" if value is None else f"{value:.1f} ({numbers['body_pages']} pages)"
        value = numbers[column]
        if column.endswith("_pct"):
            return "–" if value is None else f"{value:.1f} %"
        return str(value)

    head = [first, "layouts"] + [name for name, _ in COLUMNS]
    out = ["| " + " | ".join(head) + " |", "|---|" + "---:|" * (len(head) - 1)]
    for name, numbers in rows:
        cells = [name, str(numbers["layouts"])] + [cell(n, c, numbers) for n, c in COLUMNS]
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out)


def failures(results: list[PageResult]) -> dict[str, list[tuple[PageResult, str, str]]]:
    """(page, expected, got) for each field a page got wrong."""
    found: dict[str, list] = {
        k: [] for k in ("imported", "title", "date", "authors", "non-article", "chrome left", "prose lost", "labels")
    }
    for r in results:
        o, label = r.outcome, r.label
        if r.label_problem:
            found["labels"].append((r, "first_line/last_line/chrome_inside found in the page", r.label_problem))
        if not label.article:
            if not non_article_flagged(o):
                found["non-article"].append(
                    (
                        r,
                        "flagged (is_article false, or a draft)",
                        f"imported, is_article={o.is_article}, draft={o.draft}"
                        if o.imported
                        else f"refused: {o.reason}",
                    )
                )
            continue
        if not o.imported:
            found["imported"].append((r, "imported", o.reason))
            continue
        if not r.fields["title"]:
            found["title"].append(
                (r, label.title or "(inferred and flagged)", o.title + (" (inferred)" if o.title_inferred else ""))
            )
        if not r.fields["date"]:
            flags = ", ".join(k for k in ("date_inferred", "draft") if getattr(o, k))
            found["date"].append(
                (
                    r,
                    label.date or "(flagged: inferred, none or draft)",
                    f"{o.date_iso or '(none)'} {o.date_precision}" + (f" [{flags}]" if flags else ""),
                )
            )
        if not r.fields["authors"]:
            found["authors"].append((r, repr(list(label.authors)), repr(list(o.authors))))
        if r.body and r.body.chrome_left:
            found["chrome left"].append((r, "no chrome", " ¶ ".join(r.body.chrome_left)))
        if r.body and r.body.prose_lost:
            found["prose lost"].append((r, "in the body", " ¶ ".join(line[:90] for line in r.body.prose_lost)))
    return found


def print_failures(results: list[PageResult], limit: int, show_heldout: bool) -> None:
    hidden = 0 if show_heldout else sum(r.layout.heldout for r in results)
    shown = [r for r in results if show_heldout or not r.layout.heldout]
    for name, items in failures(shown).items():
        if not items:
            continue
        print(f"\n## {name}: {len(items)} page(s){f', the first {limit}' if len(items) > limit else ''}")
        for r, expected, got in items[:limit]:
            print(f"- {r.path}\n    expected: {expected}\n    got:      {got}")
    if hidden:
        print(
            f"\n({hidden} page(s) of held-out layouts not shown: whoever changes the importer does not read "
            "them; --show-heldout-failures shows them)"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.importer_accuracy", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--split",
        choices=("fit", "heldout", "all"),
        default="all",
        help="which layouts to import and score (default all: fit, held out and both)",
    )
    parser.add_argument("--by-layout", action="store_true", help="also one row per layout")
    parser.add_argument("--json", action="store_true", help="the numbers as JSON on stdout instead of tables")
    parser.add_argument(
        "--show-failures",
        type=int,
        default=0,
        metavar="N",
        help="up to N failures per field: expected, got and the file (fit layouts only)",
    )
    parser.add_argument(
        "--show-heldout-failures", action="store_true", help="let --show-failures list held-out pages too"
    )
    parser.add_argument("--corpus", type=Path, default=CORPUS, help=f"the corpus folder (default {CORPUS})")
    args = parser.parse_args(argv)

    if not args.corpus.is_dir():
        parser.error(f"no corpus folder at {args.corpus}")
    layouts, problems = load_layouts(args.corpus)
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    layouts = [la for la in layouts if args.split == "all" or la.heldout == (args.split == "heldout")]
    results = [measure_page(layout, label) for layout in layouts for label in layout.pages]
    for r in results:
        if r.label_problem:
            print(f"warning: {r.path}: {r.label_problem}", file=sys.stderr)

    groups = {
        "fit": [r for r in results if not r.layout.heldout],
        "heldout": [r for r in results if r.layout.heldout],
        "all": results,
    }
    numbers = {
        name: summarise(groups[name]) for name in (["fit", "heldout", "all"] if args.split == "all" else [args.split])
    }
    per_layout = {
        la.name: {"split": "heldout" if la.heldout else "fit", **summarise([r for r in results if r.layout is la])}
        for la in layouts
    }
    seconds = sum(r.seconds for r in results)
    timing = {
        "pages": len(results),
        "seconds": round(seconds, 3),
        "pages_per_second": round(len(results) / seconds, 1) if seconds else None,
    }

    if args.json:
        print(
            json.dumps(
                {
                    "corpus": str(args.corpus),
                    "reader": READER,
                    "splits": numbers,
                    "layouts": per_layout,
                    "timing": timing,
                    "corpus_problems": problems,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    print(
        f"Importer accuracy on {args.corpus}: {len(layouts)} layout(s), {len(results)} page(s)"
        f"{f', {len(problems)} corpus problem(s) (stderr)' if problems else ''}; importer: {READER}\n"
    )
    print(table([(SPLIT_NAMES[name], n) for name, n in numbers.items()], "split"))
    if args.by_layout:
        print()
        print(table([(f"{name} ({SPLIT_NAMES[n['split']]})", n) for name, n in per_layout.items()], "layout"))
    rate = timing["pages_per_second"]
    print(f"\nimport_page: {len(results)} page(s) in {seconds:.2f} s" + (f", {rate:.1f} pages/s" if rate else ""))
    if args.show_failures:
        print_failures(results, args.show_failures, args.show_heldout_failures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
