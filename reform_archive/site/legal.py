"""Each cited legal document as the archive knows it: the readings of every article that
cites it, weighed, and what ``data/documents.toml`` says for certain (pure).

One article's sentence can be partial ("Nghị định 61/2018/NĐ-CP quy định rõ …" reads "quy
định rõ" as a subject) or cut short; many articles citing one document mostly agree. So each
fact is a vote:

* type: the number's code when it is certain ("NĐ-CP"), else what most articles write
  before the number, else the code's convention ("/QH13" a law, "1234/UBND-NC" an official letter);
* date: the date most articles give, never after the first article that cites it;
* issuer: what most articles name, else the national body the code names ("TTg");
* subject: the reading that most other readings start with: "về A" and "về A, tỉnh đã …"
  give "về A".

The index orders documents as readers look for them: by type (laws first, then the
Government's and the Prime Minister's texts, then the rest), then year, newest first, then
date and number ("148/…" after "16-…" is read as a number, not as text).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from reform_archive.source.citations import Citation
from reform_archive.source.document_data import DocumentFacts
from reform_archive.source.documents import issuer_from_code, kind_from_code
from reform_archive.text.term_names import term_key
from reform_archive.text.vietnamese import fold

if TYPE_CHECKING:
    from reform_archive.site.model import Term

__all__ = ["KIND_ORDER", "LegalDocument", "Quote", "legal_documents", "reading_order"]

# the order of types in the index: the legal hierarchy first, then the texts that carry it out
KIND_ORDER = (
    "Hiến pháp",
    "Bộ luật",
    "Luật",
    "Pháp lệnh",
    "Nghị quyết",
    "Nghị định",
    "Quyết định",
    "Chỉ thị",
    "Thông tư",
    "Thông tư liên tịch",
    "Kết luận",
    "Chương trình",
    "Đề án",
    "Kế hoạch",
    "Quy định",
    "Quy chế",
    "Hướng dẫn",
    "Thông báo",
    "Công điện",
    "Công văn",
    "Báo cáo",
    "Tờ trình",
    "Văn bản",
)


@dataclass(frozen=True)
class Quote:
    """The sentence an article cites a document in, and where the number is in it."""

    article: str  # the article's path
    sentence: str
    at: int
    length: int


@dataclass(frozen=True)
class LegalDocument:
    number: str  # as the term is shown
    slug: str  # the term's
    kind: str  # "" when nothing says
    issued: str  # ISO date, "" when unknown
    issuer: str
    subject: str
    link: str  # the official text, from the data file
    from_data: tuple[str, ...]  # the facts data/documents.toml gave (the others are the archive's reading)
    quotes: tuple[Quote, ...]  # one per citing article that cites it in a sentence, newest article first

    @property
    def year(self) -> int | None:
        """The year of issue: the date's, else the one the number carries."""
        if self.issued:
            return int(self.issued[:4])
        years = re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", self.number)
        return int(years[0]) if years else None

    @property
    def title(self) -> str:
        """ "Nghị định 61/2018/NĐ-CP"; the number alone when the type is unknown."""
        return f"{self.kind} {self.number}" if self.kind else self.number


def legal_documents(terms: Iterable[Term], data: Mapping[str, DocumentFacts] | None = None) -> dict[str, LegalDocument]:
    """Each term of the documents taxonomy as a :class:`LegalDocument`, by the term's slug."""
    data = data or {}
    known = {term_key(number): facts for number, facts in data.items()}
    return {term.slug: _document(term, known.get(term.slug)) for term in terms}


def _document(term: Term, facts: DocumentFacts | None) -> LegalDocument:
    citations: list[Citation] = []
    quotes: list[Quote] = []
    first_cited = min((article.date.date() for article in term.articles), default=None)
    for article in term.articles:
        own = [c for c in article.citations if term_key(c.number) == term.slug]
        citations.extend(own)
        quoted = next((c for c in own if c.sentence), None)
        if quoted is not None:
            quotes.append(Quote(article.path, quoted.sentence, quoted.at, quoted.length))
    code_kind, certain = kind_from_code(term.name)
    # "Văn bản 2156/UBND-NC" names no type: the code's convention says more
    written_kinds = Counter(c.kind for c in citations if c.kind and not (c.kind == "Văn bản" and code_kind))
    kind = code_kind if certain or not written_kinds else written_kinds.most_common(1)[0][0]
    issued = _most_common(
        c.issued for c in citations if c.issued and (first_cited is None or date.fromisoformat(c.issued) <= first_cited)
    )
    issuer = _commonest_spelling([c.issuer for c in citations if c.issuer]) or issuer_from_code(term.name)
    subject = _agreed_subject([c.subject for c in citations if c.subject])
    given: dict[str, str] = {}
    if facts is not None:
        given = {
            key: value for key in ("kind", "issued", "issuer", "subject", "link") if (value := getattr(facts, key))
        }
    return LegalDocument(
        number=term.name,
        slug=term.slug,
        kind=given.get("kind", kind),
        issued=given.get("issued", issued),
        issuer=given.get("issuer", issuer),
        subject=given.get("subject", subject),
        link=given.get("link", ""),
        from_data=tuple(sorted(given)),
        quotes=tuple(quotes),
    )


def _most_common(values: Iterable[str]) -> str:
    counted = Counter(values)
    if not counted:
        return ""
    return sorted(counted.items(), key=lambda item: (-item[1], item[0]))[0][0]


def _commonest_spelling(names: list[str]) -> str:
    """The issuer most articles name (spellings that fold alike are one); among equals, the
    fullest ("UBND tỉnh Bình Định" over "UBND tỉnh")."""
    if not names:
        return ""
    groups: dict[str, list[str]] = defaultdict(list)
    for name in names:
        groups[fold(name).casefold()].append(name)
    best = max(groups.values(), key=lambda spelled: (len(spelled), len(spelled[0])))
    return Counter(best).most_common(1)[0][0]


def _agreed_subject(subjects: list[str]) -> str:
    """The reading that most readings start with; among equals, the longest (it says most).
    A decree cited by thousands of articles has few distinct readings: each is weighed once,
    and the readings that start with it are found by bisection in their sorted list."""
    if not subjects:
        return ""
    spelled: dict[str, str] = {}  # each distinct reading (compared without marks, case, or the
    counts: Counter[str] = Counter()  # spaces of "2021 - 2030") and its commonest spelling
    for subject in subjects:
        key = re.sub(r"\s*([-–])\s*", r"\1", fold(subject).casefold())
        counts[key] += 1
        spelled.setdefault(key, subject)
    ordered = sorted(counts)

    def support(candidate: str) -> int:
        first, last = bisect_left(ordered, candidate), bisect_left(ordered, candidate + "\uffff")
        return sum(
            counts[other] for other in ordered[first:last] if other == candidate or other[len(candidate)] in " ,"
        )

    # among equals, one that starts as titles do ("về …", "on …") over a verb that may be the article's own
    best = max(ordered, key=lambda key: (support(key), key.startswith(("ve ", "on ")), len(key)))
    return spelled[best]


def reading_order(document: LegalDocument) -> tuple[object, ...]:
    """Within a type: newest year first, documents of no known year last; then by date and
    by number, newest first, numbers compared as numbers."""
    year = document.year
    serial = re.match(r"\d+", document.number)
    return (
        year is None,
        -(year or 0),
        document.issued == "",
        _negated(document.issued),
        -int(serial.group()) if serial else 0,
        document.number,
    )


def _negated(iso: str) -> tuple[int, ...]:
    return tuple(-int(part) for part in iso.split("-")) if iso else ()
