"""How well legal documents are read from the sentences that cite them (issue 22, item 3).

    python benchmarks/legal_citations.py [--show fit|held-out]

Scores ``tests/legal/citations.jsonl`` (written for the project; see its README): for each
line, the line read alone as one article would be (with the number's code for what the text
leaves out, as the site does), field by field against the labels; then every document as the
site sees it, all the lines that cite it weighed together (:mod:`reform_archive.site.legal`).
The held-out lines (sha256 of the text starting 0-3) were never used to tune the reader.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reform_archive.site.legal import legal_documents
from reform_archive.source.citations import find_citations
from reform_archive.text.term_names import term_key

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "legal" / "citations.jsonl"
FIELDS = ("kind", "issued", "issuer", "subject")


@dataclass(frozen=True)
class _Article:  # what site.legal reads of an article
    path: str
    date: datetime
    citations: tuple


@dataclass(frozen=True)
class _Term:
    name: str
    slug: str
    articles: tuple


def held_out(line: dict) -> bool:
    return hashlib.sha256(line["text"].encode("utf-8")).hexdigest()[0] in "0123"


def read_line(line: dict) -> dict[str, dict[str, str]]:
    """Each number of a line as the site would show it from this line alone."""
    citations = find_citations(line["text"], tuple(line["documents"]))
    article = _Article("line", datetime(2100, 1, 1), citations)
    terms = [_Term(number, term_key(number), (article,)) for number in line["documents"]]
    documents = legal_documents(terms)  # type: ignore[arg-type]
    return {term.name: {field: getattr(documents[term.slug], field) for field in FIELDS} for term in terms}


def score(lines: list[dict], show: bool = False) -> dict[str, tuple[int, int]]:
    """Each labelled number of each line, field by field; a number the line lists but never
    writes (labelled all null) scores "invented" instead: right when no citation is found."""
    right: dict[str, int] = defaultdict(int)
    total = 0
    for line in lines:
        got = read_line(line)
        for number, expected in line["expect"].items():
            if not any(expected.values()):
                right["invented"] += not find_citations(line["text"], (number,))
                right["listed only"] += 1
                continue
            total += 1
            for field in FIELDS:
                want, have = expected[field] or "", got[number][field]
                right[field] += want == have
                if show and want != have:
                    print(f"{field:8} want {want!r}\n         got  {have!r}\n         in   {line['text'][:300]}\n")
    return {
        **{field: (right[field], total) for field in FIELDS},
        "none invented": (right["invented"], right["listed only"]),
    }


def merged(lines: list[dict]) -> dict[str, tuple[int, int]]:
    """Every document with all its lines weighed: its type and date must be the labelled ones,
    its issuer and subject one of the labels some line gives."""
    by_number: dict[str, list[tuple[int, dict]]] = defaultdict(list)
    for i, line in enumerate(lines):
        for number in line["documents"]:
            by_number[number].append((i, line))
    right: dict[str, int] = defaultdict(int)
    counted: dict[str, int] = defaultdict(int)
    for number, cited in by_number.items():
        articles = tuple(
            _Article(f"l{i}", datetime(2100, 1, 1), find_citations(line["text"], (number,))) for i, line in cited
        )
        document = legal_documents([_Term(number, term_key(number), articles)])[term_key(number)]  # type: ignore[list-item]
        for field in FIELDS:
            labels = {line["expect"][number][field] for _, line in cited} - {None}
            if not labels and field in ("issuer", "subject"):
                continue  # nothing to say: not counted
            counted[field] += 1
            right[field] += (getattr(document, field) in labels) if labels else getattr(document, field) == ""
    return {**{field: (right[field], counted[field]) for field in FIELDS}, "none invented": (0, 0)}


def main() -> None:
    lines = [json.loads(text) for text in CORPUS.read_text(encoding="utf-8").splitlines() if text.strip()]
    show = sys.argv[2] if len(sys.argv) > 2 and sys.argv[1] == "--show" else ""
    splits = {"fit": [x for x in lines if not held_out(x)], "held-out": [x for x in lines if held_out(x)]}
    print(f"{'split':9} {'lines':>5} {'':9} " + " ".join(f"{f:>15}" for f in (*FIELDS, "none invented")))
    for name, part in splits.items():
        for label, result in (("one line", score(part, show == name)), ("merged", merged(part))):
            cells = " ".join(f"{r:>4}/{n:<4} {100 * r / max(n, 1):5.1f}%" for r, n in result.values())
            print(f"{name:9} {len(part):>5} {label:9} {cells}")


if __name__ == "__main__":
    main()
