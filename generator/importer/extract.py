"""One page's normalised text -> an :class:`Extraction`: the article and what was unsure (pure).

The page is read in zones. The page tail (comment forms, related lists, footers) and
chrome lines are dropped first. The header is everything before the first line of
prose: title, datelines, category, byline. The footer is everything after the last line
of prose: byline, update date, the title repeated. What is left is the body.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.importer import chrome, dates, entities, metadata, structure, title as titles
from generator.importer.dates import FoundDate
from generator.importer.places import find_provinces

LEAD_DATE_NEAR_START = 40  # "Ngày 08/3/2024, UBND tỉnh…": a date this close to the lead's start is its news date


@dataclass(frozen=True)
class ImportedArticle:
    title: str
    date: FoundDate
    body: str  # Markdown
    blocks: tuple[structure.Block, ...]
    summary: str = ""
    title_original: str = ""
    title_inferred: bool = False
    date_inferred: bool = False
    lastmod: FoundDate | None = None
    category: str = ""
    authors: tuple[str, ...] = ()
    affiliation: str = ""
    honorific: str = ""
    source_name: str = ""
    source_url: str = ""
    provinces: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()

    def plain_body(self) -> str:
        return "\n".join(block.text for block in self.blocks)


@dataclass(frozen=True)
class Note:
    """Something the importer was unsure of, and the front-matter key to check."""

    key: str
    message: str


@dataclass(frozen=True)
class Extraction:
    article: ImportedArticle | None
    warnings: tuple[Note, ...] = ()
    error: str = ""  # why there is no article


@dataclass
class _Found:
    """What the header and footer lines said (mutable only while reading one page)."""

    title: str = ""
    category: str = ""
    authors: list[str] = field(default_factory=list)
    affiliation: str = ""
    honorific: str = ""
    source: str = ""
    url: str = ""
    keywords: list[str] = field(default_factory=list)
    dates: list[FoundDate] = field(default_factory=list)
    updates: list[FoundDate] = field(default_factory=list)

    def take(self, meta: metadata.MetaLine) -> None:
        if meta.date:
            (self.updates if meta.updated else self.dates).append(meta.date)
        self.category = self.category or meta.category
        self.add_authors(metadata.Byline(meta.authors, meta.affiliation, meta.honorific))

    def add_authors(self, byline: metadata.Byline) -> None:
        self.authors.extend(a for a in byline.authors if a not in self.authors)
        self.affiliation = self.affiliation or byline.affiliation
        self.honorific = self.honorific or byline.honorific


def extract(text: str, url: str = "") -> Extraction:
    """``url`` is the page's address when known (``--url``); a bare page URL in the text is
    used otherwise."""
    lines = structure.untab(join_wrapped_lines(text.split("\n")))
    lines = lines[: chrome.tail_start(lines)]
    found = _Found()
    related = chrome.related_blocks(lines)
    kept = []
    for index, line in enumerate(lines):  # already stripped by join_wrapped_lines
        if not line or index in related:
            continue
        if chrome.is_chrome_line(line):
            found.category = found.category or chrome.breadcrumb_category(line)
            if chrome.SITE_NAME.match(line) and not found.source:
                found.source = line  # the portal the page was copied from
            found.url = found.url or chrome.page_url(line)  # the page's own address, saved by some scrapers
            continue
        kept.append(line)
    prose = [i for i, line in enumerate(kept) if chrome.is_prose(line)]
    if not prose:
        return Extraction(None, error="no article text: every line is page chrome, a heading or too short to be prose")
    header, body, footer = kept[: prose[0]], kept[prose[0]: prose[-1] + 1], kept[prose[-1] + 1:]

    body = _read_header(header, found) + body
    body = body + _read_footer(footer, found)
    body = [line for line in body if not titles.same_title(line, found.title)]

    warnings: list[Note] = []
    lead_index = next(i for i, line in enumerate(body) if chrome.is_prose(line))
    source, lead = metadata.split_source_prefix(body[lead_index])
    body[lead_index] = lead
    found.source = source or found.source
    summary, body = _summary(body, lead_index)

    url = url or found.url
    title, title_original, inferred = _title(found.title, body, lead, warnings)
    plain = "\n".join(body)
    when, lastmod, date_inferred = _date(found, title, lead, plain, url, warnings)
    if when is None:
        return Extraction(None, tuple(warnings), "no date: no dateline, no period in the title, no date in the lead "
                                                 "or the URL; add the date to the raw text and import again")
    blocks = structure.classify(body)
    subject = f"{title}\n{plain}"
    article = ImportedArticle(
        title=title, date=when, body=structure.to_markdown(blocks), blocks=tuple(blocks), summary=summary,
        title_original=title_original, title_inferred=inferred, date_inferred=date_inferred, lastmod=lastmod,
        category=found.category, authors=tuple(found.authors), affiliation=found.affiliation,
        honorific=found.honorific,
        source_name=found.source, source_url=url, provinces=find_provinces(subject),
        topics=entities.find_topics(title, plain), documents=entities.find_documents(subject),
        tags=tuple(dict.fromkeys(entities.find_index_tags(subject) + tuple(found.keywords))),
    )
    return Extraction(article, tuple(warnings))


def join_wrapped_lines(lines: list[str]) -> list[str]:
    """Text hard-wrapped inside a paragraph (copied from a PDF or an e-mail) is one line
    again: a line that does not end a sentence, followed directly by one that starts in
    lower case, continues on it."""
    joined: list[str] = []
    for line in lines:
        stripped = line.strip()
        previous = joined[-1] if joined else ""
        if (stripped[:1].islower() and previous and not previous.endswith((".", "!", "?", ":", ";", "…"))
                and "\t" not in previous + stripped and not chrome.is_chrome_line(previous)):
            joined[-1] = f"{previous} {stripped}"
        else:
            joined.append(stripped)
    return joined


def _read_header(header: list[str], found: _Found) -> list[str]:
    """Title, datelines, category and byline above the lead; returns the lines that are
    none of these (a short sapo, a caption), which belong to the body."""
    rest = []
    metas = [metadata.parse_meta_line(line) for line in header]
    for index, (line, meta) in enumerate(zip(header, metas)):
        byline = metadata.parse_byline(line)
        if meta is not None:
            found.take(meta)
        elif not found.category and not found.title and (
                metadata.is_category(line) or _kicker(index, header, metas)):
            found.category = line
        elif not found.title and byline and (line[:1].islower() or "." in line or ":" in line):
            found.add_authors(byline)  # "P.V", "Bài và ảnh: Minh Châu"
        elif not found.title and titles.looks_like_title(line) and not structure.is_caption(line):
            found.title = line
        elif found.title and byline and not structure.is_caption(line):
            found.add_authors(byline)
        else:
            rest.append(line)
    return rest


def _kicker(index: int, header: list[str], metas: list) -> bool:
    """A short section name printed above the dateline, with the title after it:
    "Dân sinh" / "Thứ năm, 7/3/2024, 05:00 (GMT+7)" / "Hà Nam trả kết quả…"."""
    line = header[index]
    if len(line.split()) > 5 or any(c.isdigit() for c in line) or line[-1:] in ".:;,!?":
        return False
    following = metas[index + 1] if index + 1 < len(header) else None
    return (following is not None and following.date is not None
            and any(titles.looks_like_title(l) and m is None for l, m in zip(header[index + 2:], metas[index + 2:])))


def _read_footer(footer: list[str], found: _Found) -> list[str]:
    """Byline, dates and source under the article; returns the lines that belong to the body."""
    rest = []
    for line in footer:
        if titles.same_title(line, found.title):
            continue
        meta = metadata.parse_meta_line(line)
        if meta is not None:
            found.take(meta)
        elif keywords := metadata.keywords_line(line):
            found.keywords.extend(k for k in keywords if k not in found.keywords)
        elif name := metadata.source_line(line):
            found.source = found.source or name
        elif (byline := metadata.parse_byline(line)) and not structure.is_caption(line):
            found.add_authors(byline)
        else:
            rest.append(line)
    return rest


def _summary(body: list[str], lead_index: int) -> tuple[str, list[str]]:
    """The lead is the summary; when the page prints it twice (sapo, then again as the
    first paragraph) it appears once, as the summary."""
    lead = body[lead_index]
    for index in range(lead_index + 1, min(lead_index + 3, len(body))):
        if _same_text(body[index], lead):
            return lead, body[:lead_index] + body[lead_index + 1:]
    return lead, body


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.lower().split()).rstrip(".") == " ".join(b.lower().split()).rstrip(".")


def _title(found: str, body: list[str], lead: str, warnings: list[Note]) -> tuple[str, str, bool]:
    if not found:
        inferred = titles.infer_title(lead)
        warnings.append(Note("title", "no title line: the title was made from the lead's first sentence; check it"))
        return inferred, "", True
    if titles.is_all_caps(found):
        return titles.recase(found, "\n".join(body)), found, False
    return found, "", False


def _date(found: _Found, title: str, lead: str, plain: str, url: str,
          warnings: list[Note]) -> tuple[FoundDate | None, FoundDate | None, bool]:
    if found.dates or found.updates:
        when = (found.dates or found.updates)[0]
        lastmod = found.updates[0] if found.dates and found.updates and found.updates[0].value > when.value else None
        return when, lastmod, False
    from_lead = dates.lead_date(lead, dates.year_hint(url, f"{title}\n{plain}"))
    candidates = [
        (from_lead if from_lead and from_lead.start <= LEAD_DATE_NEAR_START else None, "the lead's opening date"),
        (dates.period_in(title), "the period in the title"),
        (from_lead, "the first date in the lead"),
        (dates.url_date(url) if url else None, "the date in the URL"),
        (dates.single_year_in(title), "the year in the title"),
    ]
    for candidate, origin in candidates:
        if candidate:
            shown = candidate.iso() + ("" if candidate.precision == "day" else f" ({candidate.precision})")
            warnings.append(Note("date", f"no dateline: the date {shown} was inferred from {origin}; check it"))
            return candidate, None, True
    return None, None, False
