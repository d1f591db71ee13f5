"""What the model says about the names of terms, and the old term pages it redirects (pure).

Each article says how it wrote its terms (:class:`reform_archive.source.terms.WrittenTerm`);
seen together they give:

* one note per spelling filed under a province's name ("TP.HCM" -> "Hồ Chí Minh"), on the first
  file that writes it, with the number of others: a note, not a warning, since the spelling is
  understood;
* a warning for a tag that one article uses and that is probably another, commoner tag misspelt
  (:func:`misspelt_tags`);
* a warning for an alias in site.toml whose name no article is filed under;
* the redirects from the pages the old names had: every alias in site.toml, and every province
  spelling an article writes whose page had another address.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reform_archive.config import CONFIG_FILE, Settings
from reform_archive.errors import Problem, note, warning
from reform_archive.source.article import SourceArticle
from reform_archive.source.messages import say
from reform_archive.text.term_names import term_key, term_names

if TYPE_CHECKING:
    from reform_archive.site.model import Taxonomy, Term

__all__ = [
    "MIN_COMMON",
    "MIN_LETTERS",
    "TermRedirect",
    "misspelt_tags",
    "name_problems",
    "spelling_notes",
    "term_redirects",
    "unused_aliases",
]

MIN_COMMON = 3  # a tag this many articles use is an established one: a lone tag close to it is suspect
MIN_LETTERS = 6  # shorter tags are acronyms and short words ("IOC", "IoT", "PCI"): one letter apart is another tag
_REDIRECTED_SPELLINGS = ("other spelling", "informal", "misspelt")
_ROMAN = re.compile(r"\b[IVXLC]+\b")  # "Khóa XII", "Khóa XIII": other numbers, not misspellings


@dataclass(frozen=True)
class TermRedirect:
    """An old term page's address, and the term page it now is."""

    path: str  # site-relative: "provinces/tp-hcm/"
    taxonomy: str
    written: str  # the old name
    target: str  # the term page's site-relative path
    name: str  # the term's name
    origin: str  # what asks for it: site.toml, or the first article that writes the old name
    line: int


def name_problems(
    sources: list[SourceArticle], taxonomies: Mapping[str, Taxonomy], settings: Settings
) -> list[Problem]:
    return [
        *spelling_notes(sources, settings.language),
        *misspelt_tags(sources, taxonomies["tags"], settings.language),
        *unused_aliases(settings, taxonomies),
    ]


def spelling_notes(sources: Iterable[SourceArticle], language: str) -> list[Problem]:
    """One note per province spelling the build filed under another name, on its first file."""
    where: dict[tuple[str, str, str], list[tuple[str, int]]] = defaultdict(list)
    for source in sources:
        for term in source.written_terms:
            if term.taxonomy == "provinces" and term.how in ("other spelling", "informal"):
                where[term.written, term.name, term.how].append((source.path, term.line))
    notes = []
    for (written, name, how), places in where.items():
        path, line = min(places)
        others = len({other for other, _ in places} - {path})
        also = say(language, "also_elsewhere", n=others) if others else ""
        kind = "province_informal" if how == "informal" else "province_spelling"
        notes.append(note(path, line, say(language, kind, written=written, canonical=name, also=also)))
    return notes


def misspelt_tags(sources: Iterable[SourceArticle], tags: Taxonomy, language: str) -> list[Problem]:
    """A tag of one article that is within one letter (two past 11 letters) of a tag of
    ``MIN_COMMON`` articles or more, once accents are set aside: probably that tag misspelt.

    Left alone, as different tags that happen to be close: tags under ``MIN_LETTERS`` letters,
    tags whose numbers differ ("Đề án 06"/"Đề án 05", "Khóa XII"/"Khóa XIII"), and tags whose
    differing words are all real words, used by two articles or more in their titles or terms
    ("Nguyễn Văn An"/"Nguyễn Văn Anh"), or which have the same words in another order. Spellings
    that differ only in accents share a page anyway.
    """
    sources = list(sources)
    common = {term.slug: term for term in tags.terms if len(term.articles) >= MIN_COMMON and _allowed(term.slug)}
    lone = [term for term in tags.terms if len(term.articles) == 1 and _allowed(term.slug)]
    if not common or not lone:
        return []
    near: dict[str, set[str]] = defaultdict(set)
    for slug in common:
        for variant in _deletions(slug, _allowed(slug)):
            near[variant].add(slug)
    found: dict[str, tuple[Term, list[Term]]] = {}  # lone tag's slug -> it and the common tags close to it
    for term in lone:
        allowed = _allowed(term.slug)
        candidates = {slug for variant in _deletions(term.slug, allowed) for slug in near.get(variant, ())}
        close = [
            common[slug]
            for slug in sorted(candidates)
            if _distance(term.slug, slug) <= min(allowed, _allowed(slug))
            and _numbers(term.name) == _numbers(common[slug].name)
        ]
        if close:
            found[term.slug] = (term, close)
    # the site's own words, counted only for the words the candidates differ in
    words = _vocabulary(
        sources,
        {word for term, close in found.values() for match in close for word in _differing(term.slug, match.slug)},
    )
    by_path = {source.path: source for source in sources}
    problems = []
    for term, close in found.values():
        matches = [match for match in close if not all(words[word] >= 2 for word in _differing(term.slug, match.slug))]
        if not matches:
            continue
        best = min(matches, key=lambda match: (_distance(term.slug, match.slug), -len(match.articles), match.slug))
        source = by_path[term.articles[0].path]
        line = next(
            (
                written.line
                for written in source.written_terms
                if written.taxonomy == "tags" and term_key(written.name) == term.slug
            ),
            1,
        )
        problems.append(
            warning(source.path, line, say(language, "tag_near", tag=term.name, near=best.name, n=len(best.articles)))
        )
    return problems


def unused_aliases(settings: Settings, taxonomies: Mapping[str, Taxonomy]) -> list[Problem]:
    """An alias whose name no published article is filed under: it merges nothing and redirects nowhere."""
    names = term_names(settings.aliases)
    problems = []
    for (taxonomy, written, target), line in zip(settings.aliases, _alias_lines(settings), strict=True):
        if term_key(names.name(taxonomy, written).name) not in _slugs(taxonomies[taxonomy]):
            problems.append(
                warning(
                    str(settings.site_dir / CONFIG_FILE),
                    line,
                    say(settings.language, "alias_unused", taxonomy=taxonomy, written=written, target=target),
                )
            )
    return problems


def term_redirects(
    sources: Iterable[SourceArticle], taxonomies: Mapping[str, Taxonomy], settings: Settings
) -> tuple[TermRedirect, ...]:
    """The old term pages to redirect: site.toml's aliases first, then the province spellings
    articles write (in file order), each to the page its name has, when that page exists."""
    names = term_names(settings.aliases)
    config = str(settings.site_dir / CONFIG_FILE)
    asked = [
        (taxonomy, written, names.name(taxonomy, written).name, config, line)
        for (taxonomy, written, _), line in zip(settings.aliases, _alias_lines(settings), strict=True)
    ]
    asked += [
        (term.taxonomy, term.written, term.name, source.path, term.line)
        for source in sorted(sources, key=lambda source: source.path)
        for term in source.written_terms
        if term.how in _REDIRECTED_SPELLINGS
    ]
    redirects: dict[str, TermRedirect] = {}
    pages = {taxonomy: _slugs(taxonomies[taxonomy]) for taxonomy in {asking[0] for asking in asked}}
    for taxonomy, written, name, origin, line in asked:
        old, new, slugs = term_key(written), term_key(name), pages[taxonomy]
        path = f"{taxonomies[taxonomy].url}{old}/"
        if old != new and new in slugs and old not in slugs and path not in redirects:
            redirects[path] = TermRedirect(
                path, taxonomy, written, f"{taxonomies[taxonomy].url}{new}/", slugs[new], origin, line
            )
    return tuple(redirects.values())


def _alias_lines(settings: Settings) -> tuple[int, ...]:
    return settings.alias_lines or (1,) * len(settings.aliases)  # Settings made in code carry no lines


def _slugs(taxonomy: Taxonomy) -> dict[str, str]:
    return {term.slug: term.name for term in taxonomy.terms}


def _allowed(slug: str) -> int:
    """How many letters a tag may be from another and still be that tag misspelt."""
    letters = len(slug.replace("-", ""))
    return 0 if letters < MIN_LETTERS else 1 if letters < 12 else 2


def _deletions(word: str, depth: int) -> set[str]:
    """``word`` with up to ``depth`` characters left out: two words within ``depth`` edits of
    each other share one of these (the lookup of SymSpell)."""
    found, frontier = {word}, {word}
    for _ in range(depth):
        frontier = {item[:i] + item[i + 1 :] for item in frontier for i in range(len(item))}
        found |= frontier
    return found


def _distance(a: str, b: str) -> int:
    """Edits (insert, delete, replace, swap two neighbours) from ``a`` to ``b``."""
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i, char in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, other in enumerate(b, start=1):
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + (char != other))
            if i > 1 and j > 1 and char == b[j - 2] and a[i - 2] == other:
                current[j] = min(current[j], before[j - 2] + 1)
        before, row = row, current
    return row[-1]


def _numbers(name: str) -> tuple[object, ...]:
    return (*sorted(int(digits) for digits in re.findall(r"\d+", name)), *sorted(_ROMAN.findall(name)))


def _differing(slug: str, other: str) -> Counter[str]:
    """The words one tag has and the other lacks: none for the same words in another order
    ("xã Thạnh Thịnh"/"xã Thịnh Thạnh"), which is another name, not a misspelling."""
    mine, theirs = Counter(slug.split("-")), Counter(other.split("-"))
    return (mine - theirs) + (theirs - mine)


def _vocabulary(sources: list[SourceArticle], wanted: set[str]) -> Counter[str]:
    """How many articles, up to two, use each of ``wanted`` (accents set aside) in their title, tags,
    topics or provinces. All the text folded at once: folding article by article was most of the time."""
    if not wanted:
        return Counter()
    joined = "\n".join(
        " ".join((source.title, *source.tags, *source.topics, *source.provinces)).replace("\n", " ")
        for source in sources
    )
    # fold() for the ASCII words wanted, in C: decomposed, marks (and anything else not ASCII) dropped
    texts = (
        unicodedata.normalize("NFD", joined.replace("đ", "d").replace("Đ", "D"))
        .encode("ascii", "ignore")
        .decode("ascii")
        .lower()
    )
    words: Counter[str] = Counter()
    for word in wanted:  # only "two articles or more" matters: a real word is found at once, a typo in one scan
        lines = set()
        for match in re.finditer(rf"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])", texts):
            lines.add(texts.rfind("\n", 0, match.start()))  # its line, named by the line break before it
            if len(lines) == 2:
                break
        words[word] = len(lines)
    return words
