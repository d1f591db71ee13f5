"""Accents put back on folded words, the way Vietnamese news writes them (pure but for one data file).

An address spells a headline without accents ("tu-1-3-cong-an-xa-se-cap"); where the page
does not print the words, each takes the written form that makes the likeliest phrase under
a bigram model of news text: how often each form is written ("từ", "tự", "tử", "tư") and how
often one form follows another ("từ 0", a number after it; "hồ sơ"). The counts are
``syllable_forms.txt``, built by ``scripts/build_syllable_forms.py`` over text the team wrote.
A pair never seen is smoothed after Witten and Bell: a form followed by many different words
("của") lends its unseen followers more weight than one that is nearly always followed by the
same word ("hồ", by "sơ"). The page's own forms weigh as much as the whole table: a page
writes its places and its subject's words its own way. The likeliest forms of a stretch of
words are found by Viterbi's algorithm.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from reform_archive.text.vietnamese import fold

__all__ = ["ACRONYM", "NUMBER", "PAGE_PAIR", "WordTable", "as_model_word", "restore", "spell_stretches", "word_table"]

NUMBER = "0"  # every number is one word to the model: "từ 1/3" and "từ 15/8" are "từ 0"
PAGE_PAIR = 10  # a pair the page prints counts as this many met in the table
_UNSEEN = 1e-9
ACRONYM = re.compile(r"^[b-df-hj-np-tv-xz]{3,6}$")  # no vowel: "cccd", "ttv", "hdnd"; not "ng" of a broken slug
_ROMAN = re.compile(r"^[ivx]{1,5}$")  # "khóa X", "lần thứ XIII"
_ORDINAL_BEFORE = frozenset({"khoa", "thu"})
_WORD = re.compile(r"[^\W_]+")  # a form neither the table nor the page writes: possible, barely


@dataclass(frozen=True)
class WordTable:
    forms: Mapping[str, Mapping[str, int]]  # folded word -> its lower-case forms, each counted
    written: Mapping[str, str]  # lower-case form (or pair "hà nội") -> as written inside a sentence
    pairs: Mapping[tuple[str, str], int]  # two lower-case forms met one after the other
    followed: Mapping[str, tuple[int, int]]  # form -> times a word followed it, how many different
    listed: frozenset[str]  # folded pairs news lists with a comma ("phuong xa")
    total: int  # words counted

    def commonest(self, folded: str) -> str:
        """The folded word's commonest form, as written ("chot" -> "chốt", "qr" -> "QR"); ""."""
        forms = self.forms.get(folded)
        if not forms:
            return ""
        form = max(forms, key=lambda f: (forms[f], f))
        return self.written.get(form, form)

    def pair_count(self, first: str, second: str) -> int:
        """How often two folded words were met together in any of their forms."""
        return sum(self.pairs.get((a, b), 0) for a in self.forms.get(first, {}) for b in self.forms.get(second, {}))


def as_model_word(word: str) -> str:
    """The model's word for a written one: lower case, a number as :data:`NUMBER`."""
    return NUMBER if any(c.isdigit() for c in word) else word.lower()


def restore(
    folded: list[str],
    page: Mapping[str, Mapping[str, int]],
    before: str = "",
    after: str = "",
    page_pairs: Mapping[tuple[str, str], int] | None = None,
) -> list[str]:
    """The likeliest lower-case forms of ``folded`` words that stand together, between the
    words ``before`` and ``after`` (written, or ""); ``page``: folded -> the page's forms
    counted; ``page_pairs``: two lower-case forms the page prints together, counted."""
    if not folded:
        return []
    table = word_table()
    page_total = sum(sum(forms.values()) for forms in page.values())
    together = page_pairs or {}

    def unigram(form: str) -> float:
        word = fold(form)
        ours = table.forms.get(word, {}).get(form, 0) / table.total
        theirs = page.get(word, {}).get(form, 0) / page_total if page_total else 0.0
        return (ours + theirs) / 2 + _UNSEEN

    def bigram(first: str, second: str) -> float:
        followed, kinds = table.followed.get(first, (0, 0))
        weight = kinds + 1  # Witten-Bell: the more kinds of followers, the likelier a new one
        seen = table.pairs.get((first, second), 0) + PAGE_PAIR * together.get((first, second), 0)
        return math.log((seen + weight * unigram(second)) / (followed + weight))

    def options(word: str) -> set[str]:
        if any(c.isdigit() for c in word):
            return {word}
        return set(table.forms.get(word, {})) | set(page.get(word, {})) or {word}

    def model(form: str) -> str:
        return NUMBER if any(c.isdigit() for c in form) else form

    first = as_model_word(before) if before else ""
    paths = {
        form: (bigram(first, model(form)) if first else math.log(unigram(model(form))), [form])
        for form in options(folded[0])
    }
    for word in folded[1:]:
        paths = {
            form: max(
                ((score + bigram(model(last), model(form)), [*path, form]) for last, (score, path) in paths.items()),
                key=lambda scored: scored[0],
            )
            for form in options(word)
        }
    end = as_model_word(after) if after else ""
    return max(
        ((score + (bigram(model(form), end) if end else 0.0), path) for form, (score, path) in paths.items()),
        key=lambda scored: (scored[0], scored[1]),
    )[1]


def spell_stretches(
    pieces: list[str],
    alone: list[int],
    page: Mapping[str, Mapping[str, int]],
    page_pairs: Mapping[tuple[str, str], int],
    page_written: Mapping[str, str],
) -> list[str]:
    """``pieces`` of a headline, some copied from the page, the ``alone`` ones folded words:
    each stretch of those takes its likeliest forms (:func:`restore`) between the pieces around
    it, written with the page's capitals (``page_written``: folded -> as the page writes it),
    else news's ("Hà Nội", "QR"); an acronym or a roman numeral neither writes, in capitals."""
    table, spelled = word_table(), list(pieces)
    for stretch in _stretches(alone):
        before = _WORD.findall(spelled[stretch[0] - 1])[-1:] if stretch[0] > 0 else []
        after = _WORD.findall(spelled[stretch[-1] + 1])[:1] if stretch[-1] + 1 < len(spelled) else []
        chosen = restore([spelled[i] for i in stretch], page, "".join(before), "".join(after), page_pairs)
        for index, (at, form) in enumerate(zip(stretch, chosen, strict=True)):
            with_last = table.written.get(" ".join(chosen[index - 1 : index + 1]), "") if index else ""
            with_next = table.written.get(" ".join(chosen[index : index + 2]), "")
            cased = (page_written.get(spelled[at], ""), with_last[with_last.find(" ") + 1 :], with_next.split(" ")[0])
            spelled[at] = next((c for c in cased if c and c.lower() == form), table.written.get(form, form))
            if spelled[at] == form and (ACRONYM.match(form) or (_ROMAN.match(form) and _after_ordinal(spelled, at))):
                spelled[at] = form.upper()  # "CCCD", "TTV", "khóa X"
    return spelled


def _after_ordinal(pieces: list[str], at: int) -> bool:
    last = _WORD.findall(pieces[at - 1])[-1:] if at > 0 else []
    return bool(last) and fold(last[0].lower()) in _ORDINAL_BEFORE


def _stretches(alone: list[int]) -> list[list[int]]:
    """Consecutive indices grouped: [1, 2, 4] -> [[1, 2], [4]]."""
    groups: list[list[int]] = []
    for index in alone:
        if groups and groups[-1][-1] == index - 1:
            groups[-1].append(index)
        else:
            groups.append([index])
    return groups


@cache
def word_table() -> WordTable:
    text = files("reform_archive.importer").joinpath("syllable_forms.txt").read_text("utf-8")
    forms: dict[str, dict[str, int]] = defaultdict(dict)
    written: dict[str, str] = {}
    pairs: dict[tuple[str, str], int] = {}
    followed: dict[str, tuple[int, int]] = {}
    listed: set[str] = set()
    total = 0
    for row in (line.split() for line in text.splitlines() if line and not line.startswith("#")):
        if row[0] == "w":  # "w hồ 2047 2015 12"
            form = row[1].lower()
            forms[fold(form)][form] = count = int(row[2])
            followed[form] = (int(row[3]), int(row[4]))
            total += count
            if row[1] != form:
                written[form] = row[1]
        elif row[0] == "p":  # "p Hà Nội 238"
            pair = (row[1].lower(), row[2].lower())
            pairs[pair] = int(row[3])
            if f"{row[1]} {row[2]}" != " ".join(pair):
                written[" ".join(pair)] = f"{row[1]} {row[2]}"
        elif row[0] == ",":  # ", phuong xa"
            listed.add(f"{row[1]} {row[2]}")
    return WordTable(dict(forms), written, pairs, followed, frozenset(listed), max(total, 1))
