"""Count each Vietnamese syllable's written forms and keep the commonest per folded spelling.

    .venv/bin/python scripts/build_syllable_forms.py

Writes reform_archive/importer/syllable_forms.txt, which the importer uses to put accents back
on an address's words that a page does not print (reform_archive.importer.address_title).
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
MIN_PAIR_COUNT = 4  # rarer pairs are as often chance as usage
_WORD = re.compile(r"[^\W\d_]+")
_LISTED = re.compile(r"(?<![\w])(?P<a>[^\W\d_]+), (?P<b>[^\W\d_]+)(?![\w])")
_PHRASE = re.compile(r"[.,;:!?…()\[\]“”\"]")  # a pair never spans a comma or a sentence's end
_ADDRESS = re.compile(r"\S*(?:https?://|www\.|@|/)\S*")
HEADER = "# folded syllable (or pair), its commonest written form; built by scripts/build_syllable_forms.py\n"


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
    """One row per syllable ("chot chốt"), then one per common pair of syllables with one that
    is written several ways, with how often it was met ("ho so hồ sơ 873", "ha noi Hà Nội 412"):
    the neighbour tells which. Each
    form is written as it is most often inside a sentence: "Hà Nội", "QR", "cán bộ". Last, the
    pairs listed with a comma three times as often as run together ("phuong xa ,": "phường, xã")."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    pairs: dict[str, Counter[str]] = defaultdict(Counter)
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
                written = _WORD.findall(phrase)
                words = [word.lower() for word in written]
                for word in words:
                    counts[fold(word)][word] += 1
                for first, second in itertools.pairwise(words):
                    pairs[f"{fold(first)} {fold(second)}"][f"{first} {second}"] += 1
                for index in range(1, len(written)) if not capitals else ():  # not a phrase's first word
                    cased[words[index]][written[index]] += 1
                    if index + 1 < len(written):
                        pair = f"{words[index]} {words[index + 1]}"
                        cased[pair][f"{written[index]} {written[index + 1]}"] += 1
    single = {}
    for folded in sorted(counts):
        if sum(counts[folded].values()) >= MIN_COUNT and len(folded) <= 7:
            single[folded] = _as_written(counts[folded].most_common(1)[0][0], cased)
    rows = [f"{folded} {form}\n" for folded, form in single.items()]
    ambiguous = {folded for folded, forms in counts.items() if _has_rivals(forms)}
    for folded in sorted(pairs):
        form, count = pairs[folded].most_common(1)[0]
        if count >= MIN_PAIR_COUNT and set(folded.split()) & ambiguous:
            rows.append(f"{folded} {_as_written(form, cased)} {sum(pairs[folded].values())}\n")
    for folded, count in sorted(listed.items()):
        together = sum(pairs[folded].values())  # without a comma
        if count >= MIN_LISTED_COUNT and count >= 3 * together:
            rows.append(f"{folded} ,\n")
    return HEADER + "".join(rows)


def _as_written(form: str, cased: dict[str, Counter[str]]) -> str:
    """Capitals only where they are the rule ("QR", "Hà Nội"); "nội" of "Hà Nội" stays lower case."""
    if not cased.get(form):
        return form
    written, count = cased[form].most_common(1)[0]
    return written if count >= 0.9 * sum(cased[form].values()) else form


def _has_rivals(forms: Counter[str]) -> bool:
    """Two or more written forms each a tenth of the uses or more ("noi": nội, nơi, nói)."""
    total = sum(forms.values())
    return sum(1 for count in forms.values() if count >= total / 10) >= 2


def main() -> int:
    argparse.ArgumentParser(description=__doc__.split("\n\n")[0]).parse_args()
    text = table(sources())
    OUT.write_text(text, "utf-8")
    print(f"{OUT.relative_to(ROOT)}: {text.count(chr(10)) - 1} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
