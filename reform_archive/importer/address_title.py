"""The headline an address spells, written back with accents (pure but for one data file).

A capture that starts at the lead (a crawler's excerpt, a video page's description) holds
no headline; the address still does, accent-folded: "/quoc-hoi-chot-ca-nuoc-con-34-tinh-
thanh-pho-4897740.html". Headlines reuse the article's words, so each run of the address's
words is looked up in the page's own text, and the longest run found (three words or more)
is copied as the page prints it, commas and capitals included ("tỉnh, thành phố"). The
other words take the forms that make the likeliest phrase between those runs, by a bigram
model of news text with the page's forms and pairs weighed in (:mod:`accents`); two words
the page prints together are copied only when the model agrees. A word found nowhere stays
as the address has it. The result is a guess and is flagged as one.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise

from reform_archive.importer.accents import ACRONYM, spell_stretches, word_table
from reform_archive.importer.evidence import Candidate, PageLayout
from reform_archive.importer.slug import MIN_SLUG_WORDS, slug_words
from reform_archive.importer.title import title_key
from reform_archive.text.vietnamese import fold, is_syllable, is_syllable_run

__all__ = [
    "BELOW_COVER",
    "Spelling",
    "candidate",
    "common_forms",
    "headline_words",
    "mark_agreeing",
    "printed_below",
    "slug_cover",
    "spell",
]

_WORD = re.compile(r"[^\W_]+")
# what may stand between two words of one headline run: spaces, a comma, a colon, a dash,
# quotes; "/" and a dot without a space inside a document number or "TP.HCM"
_JOINER = re.compile(r"(?:[\s,:;\-–—“”\"‘’'()]*|[/.])")
_QUOTES = "“”\"‘’'()"
_CLOSERS = '”’)"'
_PRINTED_COVER = 0.6  # a line holding this share of the address's words prints the headline
_BELOW_LINES = 8
BELOW_COVER = 0.9
_KNOWN_WORDS = 0.85  # the share of the address's words that must be Vietnamese words or numbers
_HEADLINE_OVERLAP = 0.5  # a headline-sized line sharing this much with the body prints the headline
# what a headline-sized line above the lead can be instead of the headline
_NOT_HEADLINES = (
    "end_period",
    "chrome",
    "byline",
    "caption",
    "category",
    "pipes",
    "crumbs",
    "numbered",
)
_AGREES_COVER = 0.75  # the share of the address's words a line must hold to be what it names
_AGREES_MARGIN = 0.3  # ... and how far ahead of every other line
_ID_NUMBER = re.compile(r"^(?!(?:19|20)\d\d$)\d{3,}$")  # "861"; not "10" ("10 luật …") nor a year
_SENTENCE_START = re.compile(r"(?:^|[.!?…]\s+|^\W+)$")


@dataclass(frozen=True)
class Spelling:
    text: str  # the headline written back, first letter capitalised
    on_page: float  # share of the address's words found in the page's text
    in_runs: float  # share found in runs of two or more words as the page prints them
    words: float  # share that are words at all: numbers, syllables news writes, acronyms it prints


@dataclass(frozen=True)
class _Token:
    line: int
    start: int
    end: int
    folded: str


def headline_words(url: str) -> list[str]:
    """The address's headline words (:func:`slug.slug_words`) without a trailing id of letters
    ("…-cai-cach-han-ntdjuq": no run of syllables, no known word); acronyms ("qr", "sipas") stay."""
    words = slug_words(url)
    while words and not (
        _has_digit(words[-1]) or is_syllable_run(words[-1]) or words[-1] in common_forms() or ACRONYM.match(words[-1])
    ):
        words.pop()
    return words if len(words) >= MIN_SLUG_WORDS else []


def _known(word: str) -> bool:
    """A number, a syllable news writes, or an acronym it prints in capitals ("QR", "UBND");
    not the letters a broken slug leaves ("truya-n-tha-ng" for "truyền thống")."""
    form = common_forms().get(word, "")
    if word.isdigit() or (_has_digit(word) and len(word) <= 4) or ACRONYM.match(word):  # "2025", "24h", "cccd"
        return True
    return bool(form) and len(word) >= 2 and (is_syllable(word) or form.isupper())


def _has_digit(word: str) -> bool:
    return any(c.isdigit() for c in word)


def spell(words: list[str], lines: list[str] | tuple[str, ...]) -> Spelling:
    """``words``: the address's folded words (:func:`slug.slug_words`); ``lines``: the page's."""
    if not words:
        return Spelling("", 0.0, 0.0, 0.0)
    tokens = [
        _Token(number, m.start(), m.end(), fold(m.group().lower()))
        for number, line in enumerate(lines)
        for m in _WORD.finditer(line)
    ]
    where: dict[str, list[int]] = defaultdict(list)
    for index, token in enumerate(tokens):
        where[token.folded].append(index)
    forms = _page_forms(tokens, lines)
    if len(words) > 1 and _ID_NUMBER.match(words[0]) and words[0] not in forms:
        words = words[1:]  # Joomla's "861-hoan-tiep-cong-dan-…": an id the page never prints
    pieces: list[str] = []
    ends: list[tuple[str, str]] = []  # each piece's first and last word, folded
    alone: list[int] = []  # the pieces that are one word the page does not print in a run
    # two words the page prints together are weak evidence ("quan trọng thúc đẩy" holds
    # "trọng thúc"): they are spelled like lone words, the page's pair weighing in, and copied
    # as printed only when the model agrees
    paired: list[tuple[int, str, tuple[str, str]]] = []
    found = in_runs = known = 0
    position = 0
    while position < len(words):
        length, start = _longest_run(words, position, tokens, where, lines)
        if length == 2:
            first, last = tokens[start], tokens[start + 1]
            printed = _unquoted(
                _lowered_start(_out_of_capitals(lines[first.line][first.start : last.end]), first, lines, forms)
            )
            pair = (_written(first, lines).lower(), _written(last, lines).lower())
            paired.append((len(pieces), printed, pair))
            alone += [len(pieces), len(pieces) + 1]
            pieces += words[position : position + 2]
            ends += [(words[position], words[position]), (words[position + 1], words[position + 1])]
            found += 2
            in_runs += 2
            position += 2
            continue
        if length >= 3:
            first, last = tokens[start], tokens[start + length - 1]
            line, end = lines[first.line], last.end
            while end < len(line) and line[end] in _CLOSERS:  # the quote the run's last word closes
                end += 1
            piece = line[first.start : end]
            pieces.append(_unquoted(_lowered_start(_out_of_capitals(piece), first, lines, forms)))
            ends.append((words[position], words[position + length - 1]))
            found += length
            in_runs += length
            position += length
            continue
        word = words[position]
        found += word in forms
        known += _known(word)
        alone.append(len(pieces))
        pieces.append(word)
        ends.append((word, word))
        position += 1
    pieces = _spell_alone(pieces, alone, tokens, lines, forms)
    for at, printed, pair in reversed(paired):
        if (pieces[at].lower(), pieces[at + 1].lower()) == pair:
            pieces[at : at + 2] = [printed]
            ends[at : at + 2] = [(ends[at][0], ends[at + 1][1])]
    text = " ".join(_listed(pieces, ends))
    share = 1 / len(words)
    return Spelling(text[:1].upper() + text[1:], found * share, in_runs * share, (in_runs + known) * share)


def candidate(
    words: list[str],
    lines: list[str] | tuple[str, ...],
    candidates: list[Candidate[str]],
    shape: Callable[[str], dict[str, float]],
) -> Candidate[str] | None:
    """The title candidate the address spells, when no line prints the headline; ``shape``
    gives the features every title candidate has (length, case, words shared with the body)."""
    # a line holding most of the address's words prints the headline (a slug cut short, or
    # reworded); a sentence that does is the lead, not a headline
    if (
        max((c.features.get("slug_cover", 0.0) for c in candidates if not c.features.get("end_period")), default=0.0)
        >= _PRINTED_COVER
    ):
        return None
    # a page that prints a headline-sized line above its lead has a headline: the address names
    # another thing then (a programme, a list's page: "Chuong-trinh-phat-thanh-so-39237.html")
    if any(_headline_sized(c) for c in candidates):
        return None
    spelling = spell(words, lines)
    if spelling.words < _KNOWN_WORDS or title_key(spelling.text) in {title_key(c.value) for c in candidates}:
        return None  # "qnpprint-47755-qnpnc-91": a script's parameters, no headline
    features = {
        "k_address": 1.0,
        "spelled_on_page": spelling.on_page,
        "spelled_in_runs": spelling.in_runs,
        "slug_cover": 1.0,
        **shape(spelling.text),
    }
    return Candidate(spelling.text, "address", {name: value for name, value in features.items() if value})


def mark_agreeing(candidates: list[Candidate[str]]) -> list[Candidate[str]]:
    """The one line that holds most of the address's words, well ahead of any other, is what
    the address names: the headline over a sub-heading that repeats the lead."""
    covers = sorted({c.features.get("slug_cover", 0.0) for c in candidates}, reverse=True)
    best, runner_up = (covers + [0.0, 0.0])[:2]
    if best < _AGREES_COVER or best - runner_up < _AGREES_MARGIN:
        return candidates
    return [
        replace(c, features={**c.features, "slug_best": 1.0}) if c.features.get("slug_cover") == best else c
        for c in candidates
    ]


def printed_below(words: list[str], layout: PageLayout) -> int:
    """The line just under the supposed lead that holds the address's words, headline-sized:
    the headline itself, when what was read as the lead is a search box's placeholder or a
    teaser; -1 when there is none."""
    top = layout.first_prose
    for index in range(top + 1, min(len(layout.lines), top + _BELOW_LINES)):
        line = layout.lines[index]
        if (
            line
            and index not in layout.chrome
            and len(line.split()) <= 2 * len(words) + 2
            and slug_cover(line, words) >= BELOW_COVER
        ):
            return index
    return -1


def _headline_sized(candidate: Candidate[str]) -> bool:
    features = candidate.features
    return (
        candidate.kind in ("line", "wrapped")
        and bool(features.get("w_8_30"))
        and features.get("body_overlap", 0.0) >= _HEADLINE_OVERLAP  # says what the article says
        and not any(features.get(name) for name in _NOT_HEADLINES)
    )


def slug_cover(text: str, words: list[str]) -> float:
    """The share of the address's words the text holds: a headline's part ("Phát triển kinh tế
    số" of "Chuyển đổi số - Phát triển kinh tế số") holds fewer than the whole."""
    if not words:
        return 0.0
    own = {fold(w.lower()) for w in _WORD.findall(text)}
    return sum(1 for word in words if word in own) / len(words)


def _longest_run(
    words: list[str],
    position: int,
    tokens: list[_Token],
    where: dict[str, list[int]],
    lines: list[str] | tuple[str, ...],
) -> tuple[int, int]:
    best_length, best_start = 0, -1
    for start in where.get(words[position], ()):
        length = 1
        while (
            position + length < len(words)
            and start + length < len(tokens)
            and _same_word(tokens[start + length].folded, words, position + length)
            and _joined(tokens[start + length - 1], tokens[start + length], lines)
        ):
            length += 1
        if length > best_length:
            best_length, best_start = length, start
    return best_length, best_start


def _same_word(folded: str, words: list[str], at: int) -> bool:
    """The page's word is the address's; the address's last word may be cut short ("han" of
    "hanh": sites cut long slugs at a length)."""
    word = words[at]
    return folded == word or (at == len(words) - 1 and at >= 3 and len(word) >= 2 and folded.startswith(word))


def _joined(before: _Token, after: _Token, lines: list[str] | tuple[str, ...]) -> bool:
    """Two words of one line with nothing between them that ends a sentence or a clause."""
    return before.line == after.line and bool(_JOINER.fullmatch(lines[before.line][before.end : after.start]))


def _page_forms(tokens: list[_Token], lines: list[str] | tuple[str, ...]) -> dict[str, str]:
    """Each folded word's commonest form on the page, in lower case unless the page only ever
    writes it capitalised inside a sentence (a name or an acronym: "Hà Nội", "QR")."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    inside: dict[str, Counter[str]] = defaultdict(Counter)  # as written inside sentences
    for token in tokens:
        written = lines[token.line][token.start : token.end]
        counts[token.folded][written.lower()] += 1
        if not _SENTENCE_START.search(lines[token.line][: token.start]):
            inside[token.folded][written] += 1
    forms = {}
    for folded, seen in counts.items():
        cased = inside.get(folded)
        written = cased.most_common(1)[0][0] if cased else ""
        if written.isupper() and len(written) > 1 and is_syllable(written):
            # "HỘ TỊCH" in a headline printed in capitals: a word, not an acronym
            forms[folded] = _as_news_writes(written)
        elif cased and all(form[:1].isupper() for form in cased):
            forms[folded] = written
        else:
            forms[folded] = seen.most_common(1)[0][0]
    return forms


def _out_of_capitals(piece: str) -> str:
    """A run copied from a line printed in capitals ("HỘ TỊCH TẠI"), its words as news writes
    them; acronyms ("UBND") stay."""
    if not piece.isupper():
        return piece
    return _WORD.sub(lambda m: _as_news_writes(m.group()) if is_syllable(m.group()) else m.group(), piece)


def _as_news_writes(capitals: str) -> str:
    """ "HỘ" -> "hộ", "NỘI" -> "nội"; a word news writes capitalised ("Quốc") keeps its capital."""
    low = capitals.lower()
    form = common_forms().get(fold(low), "")
    return form if form.lower() == low else low


def _lowered_start(piece: str, first: _Token, lines: list[str] | tuple[str, ...], forms: dict[str, str]) -> str:
    """A run copied from a sentence's start keeps the capital only if the word has one inside sentences."""
    if _SENTENCE_START.search(lines[first.line][: first.start]) and forms.get(first.folded, "")[:1].islower():
        return piece[:1].lower() + piece[1:]
    return piece


def _unquoted(piece: str) -> str:
    """A run that opens a quote or a bracket without closing it (or the reverse) loses them."""
    pairs = (("“", "”"), ("‘", "’"), ("(", ")"))
    if any(piece.count(a) != piece.count(b) for a, b in pairs) or piece.count('"') % 2:
        piece = "".join(c for c in piece if c not in _QUOTES)
    return " ".join(piece.split())


def _listed(pieces: list[str], ends: list[tuple[str, str]]) -> list[str]:
    """A comma between two pieces whose meeting words news lists with one ("phường, xã")."""
    listed = word_table().listed
    return [
        f"{piece}," if index + 1 < len(pieces) and f"{ends[index][1]} {ends[index + 1][0]}" in listed else piece
        for index, piece in enumerate(pieces)
    ]


def _spell_alone(
    pieces: list[str], alone: list[int], tokens: list[_Token], lines: list[str] | tuple[str, ...], forms: dict[str, str]
) -> list[str]:
    """:func:`accents.spell_stretches` with the page's forms and pairs counted."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for token in tokens:
        counts[token.folded][_written(token, lines).lower()] += 1
    together = Counter(
        (_written(a, lines).lower(), _written(b, lines).lower()) for a, b in pairwise(tokens) if _joined(a, b, lines)
    )
    return spell_stretches(pieces, alone, counts, together, forms)


def _written(token: _Token, lines: list[str] | tuple[str, ...]) -> str:
    return lines[token.line][token.start : token.end]


def common_forms() -> dict[str, str]:
    """Folded syllable -> its commonest written form ("chot" -> "chốt", "qr" -> "QR")."""
    return _commonest()


@cache
def _commonest() -> dict[str, str]:
    table = word_table()
    return {folded: table.commonest(folded) for folded in table.forms}
