"""Count each Vietnamese syllable's written forms and keep the commonest per folded spelling.

    .venv/bin/python scripts/build_syllable_forms.py

Writes reform_archive/importer/syllable_forms.txt, the bigram model the importer uses to put
accents back on an address's words that a page does not print (reform_archive.importer.accents).
Counted over text the team wrote: the sample archive's content/ and the tests' pages and
strings (held-out corpus layouts and tests/importer/pages_unseen are never read). Addresses, e-mail addresses and
lines without a single accent (a slug, a page written unaccented) are left out, so "ho"
counts "hồ", "hộ", "hỗ" and not the folded copies.
Rebuild it when much new text has been written; it is data, not a test.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.labelled_corpus import CORPUS, is_heldout, layout_folders  # noqa: E402
from reform_archive.text.vietnamese import fold  # noqa: E402

OUT = ROOT / "reform_archive" / "importer" / "syllable_forms.txt"
MIN_COUNT = 2
MIN_LISTED_COUNT = 5  # "huyện, xã" at least this often, and three times as often as run together
MIN_PAIR_COUNT = 2  # a pair met once is left to the smoothing: it halves the table
_TOKEN = re.compile(r"[^\W_]+")  # a word or a number ("2025", "24h")
NUMBER = "0"  # every number is one word to the model: "từ 1/3", "từ 15/8"
_LISTED = re.compile(r"(?<![\w])(?P<a>[^\W\d_]+), (?P<b>[^\W\d_]+)(?![\w])")
_PHRASE = re.compile(r"[.,;:!?…()\[\]“”\"]")  # a pair never spans a comma or a sentence's end
_ADDRESS = re.compile(r"\S*(?:https?://|www\.|@|/)\S*")
HEADER = (
    "# how news writes syllables, built by scripts/build_syllable_forms.py; rows: w form count followed followers,\n"
    "# p form form count, , folded folded (listed with a comma)\n"
)


def sources() -> list[Path]:
    """content/, and the tests' pages and strings but for held-out corpus layouts and unseen pages."""
    found = sorted((ROOT / "content").rglob("*.md"))
    held = [folder for folder in layout_folders(CORPUS) if is_heldout(folder.name)]
    held.append(ROOT / "tests" / "importer" / "pages_unseen")
    for suffix in ("*.txt", "*.md", "*.html", "*.py"):
        found += sorted(
            path for path in (ROOT / "tests").rglob(suffix) if not any(path.is_relative_to(h) for h in held)
        )
    return found


def table(paths: list[Path]) -> str:
    """A bigram model of how news writes syllables (reform_archive.importer.accents reads it):
    ``w`` rows, each written form with its count, the times a word followed it inside a phrase
    and how many different words did ("w hồ 873 870 41"); ``p`` rows, two forms met one after
    the other at least MIN_PAIR_COUNT times ("p hồ sơ 870", "p Hà Nội 412", "p từ 0 169": a
    number is "0"); ``,`` rows, the pairs news lists with a comma three times as often as it
    runs them together (", phuong xa": "phường, xã"). Each form is written as it most often is
    inside a sentence: "Hà Nội", "QR", "cán bộ"."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    pairs: Counter[tuple[str, str]] = Counter()
    cased: dict[str, Counter[str]] = defaultdict(Counter)  # lower-case form -> its forms inside sentences
    listed: Counter[str] = Counter()  # folded pair -> times written "a, b"
    for path in paths:
        text = unicodedata.normalize("NFC", path.read_bytes().decode("utf-8", "replace"))
        for line in text.splitlines():
            line = _ADDRESS.sub(" ", line)
            if fold(line) == line:  # nothing accented: a slug, a tag, an unaccented copy
                continue
            capitals = line.isupper()  # a headline in capitals says nothing of case
            for match in _LISTED.finditer(line):  # "huyện, xã": two words a comma lists
                listed[f"{fold(match['a'].lower())} {fold(match['b'].lower())}"] += 1
            for phrase in _PHRASE.split(line):
                written = _TOKEN.findall(phrase)
                words = [NUMBER if any(c.isdigit() for c in word) else word.lower() for word in written]
                for word in words:
                    counts[fold(word)][word] += 1
                pairs.update(itertools.pairwise(words))
                for index in range(1, len(written)) if not capitals else ():  # not a phrase's first word
                    cased[words[index]][written[index]] += 1
                    if index + 1 < len(written):
                        pair = f"{words[index]} {words[index + 1]}"
                        cased[pair][f"{written[index]} {written[index + 1]}"] += 1
    followed: Counter[str] = Counter()
    followers: Counter[str] = Counter()
    for (first, _), count in pairs.items():
        followed[first] += count
        followers[first] += 1
    rows = [
        f"w {_as_written(form, cased)} {count} {followed[form]} {followers[form]}\n"
        for folded in sorted(counts)
        if len(folded) <= 7 or folded == NUMBER
        for form, count in sorted(counts[folded].items())
        if count >= MIN_COUNT
    ]
    rows += [
        f"p {_as_written(f'{first} {second}', cased)} {count}\n"
        for (first, second), count in sorted(pairs.items())
        if count >= MIN_PAIR_COUNT
    ]
    for folded, count in sorted(listed.items()):
        first, second = folded.split()
        together = sum(n for (a, b), n in pairs.items() if fold(a) == first and fold(b) == second)
        if count >= MIN_LISTED_COUNT and count >= 3 * together:
            rows.append(f", {folded}\n")
    return HEADER + "".join(rows)


def _as_written(form: str, cased: dict[str, Counter[str]]) -> str:
    """Capitals only where they are the rule ("QR", "Hà Nội"); "nội" of "Hà Nội" stays lower case."""
    if not cased.get(form):
        return form
    written, count = cased[form].most_common(1)[0]
    return written if count >= 0.9 * sum(cased[form].values()) else form


def main() -> int:
    argparse.ArgumentParser(description=__doc__.split("\n\n")[0]).parse_args()
    text = table(sources())
    OUT.write_text(text, "utf-8")
    print(f"{OUT.relative_to(ROOT)}: {text.count(chr(10)) - 1} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
