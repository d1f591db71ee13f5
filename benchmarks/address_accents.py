"""How well the importer writes back a headline that only the page's address spells.

    .venv/bin/python -m benchmarks.address_accents [--show-failures N]

Two sets from the labelled corpus (tests/importer/corpus), each split fit / held out as the
corpus is:
- **no headline printed**: the pages labelled ``title_printed = false``, with their real
  addresses;
- **headline removed**: every other article, with every line holding its headline dropped
  and the address made from the headline (``/tin/<folded-headline>-12345.html``): the page's
  other words are all the importer has. The word table (``syllable_forms.txt``) is counted
  over fit layouts only, so held-out rows are fair; fit rows flatter.
Prints, per set and split, the words right (accents exact, case aside, by position) and the
titles whose words are all right (punctuation and case aside).
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator

from benchmarks.labelled_corpus import CORPUS, load_layouts, raw_lines
from reform_archive.importer.address_title import headline_words, spell
from reform_archive.text.vietnamese import fold

_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(unicodedata.normalize("NFC", text))]


def cases() -> Iterator[tuple[str, bool, str, list[str], str]]:
    """(set, held out, address, page lines, headline)."""
    layouts, _ = load_layouts(CORPUS)
    for layout in layouts:
        for label in layout.pages:
            if not label.article or not label.title:
                continue
            lines = raw_lines(layout.folder / label.name, layout.form)
            if not label.title_printed:
                yield "no headline printed", layout.heldout, label.url, lines, label.title
                continue
            key = fold(" ".join(words(label.title)))
            kept = [line for line in lines if key not in fold(" ".join(words(line)))]
            url = "https://x.example.vn/tin/" + "-".join(fold(w) for w in words(label.title)) + "-12345.html"
            yield "headline removed", layout.heldout, url, kept, label.title


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show-failures", type=int, default=0, metavar="N", help="list N fit failures per set")
    args = parser.parse_args()
    totals: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    failures: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for kind, heldout, url, lines, title in cases():
        address = headline_words(url)
        if not address:
            continue
        got, want = words(spell(address, lines).text), words(title)
        right = sum(1 for a, b in zip(got, want, strict=False) if a == b)
        row = totals[(kind, "held out" if heldout else "fit")]
        row[0] += right
        row[1] += len(want)
        row[2] += got == want
        row[3] += 1
        if got != want and not heldout:
            failures[kind].append((spell(address, lines).text, title))
    print("| set | split | words right | titles right |\n|---|---|---:|---:|")
    for (kind, split), (right, total, exact, count) in sorted(totals.items()):
        print(f"| {kind} | {split} | {right}/{total} = {right / total:.1%} | {exact}/{count} = {exact / count:.1%} |")
    for kind, listed in failures.items():
        for got, want in listed[: args.show_failures]:
            print(f"{kind}: got {got!r}\n    expected {want!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
