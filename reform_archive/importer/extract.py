"""One page's normalised text -> an :class:`Extraction`: the article and what was unsure (pure).

The page is read in zones. The page tail (comment forms, related lists, footers) and
chrome lines are dropped first. The header is everything before the first line of
prose: title, datelines, category, byline. The footer is everything after the last line
of prose: byline, update date, the title repeated. What is left is the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from reform_archive.importer import (
    blocks,
    body_choice,
    bylines,
    chrome,
    date_choice,
    dates,
    edges,
    entities,
    kind,
    listing,
    metadata,
    names,
    sources,
    structure,
    title_choice,
)
from reform_archive.importer import lines as page_lines
from reform_archive.importer import title as titles
from reform_archive.importer.evidence import PageLayout
from reform_archive.importer.extracted import Evidence, Extraction, ImportedArticle, Note, PageHints
from reform_archive.importer.places import find_provinces
from reform_archive.importer.prose import prose_lines

__all__ = ["extract"]

_ALT_TEXT = re.compile(r"\s*[-–]\s*Ảnh\s*\d+\s*\.?$")  # "<the title> - Ảnh 1.": an image's alt text


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
    after_author: bool = False  # the line read last named an author: a post or workplace may follow

    def take(self, meta: metadata.MetaLine) -> None:
        """A dateline's category and byline (its date is one of date_choice's candidates)."""
        self.category = self.category or meta.category
        self.add_authors(names.Byline(meta.authors, meta.affiliation, meta.honorific))

    def add_authors(self, byline: names.Byline) -> None:
        self.authors.extend(a for a in byline.authors if a not in self.authors)
        self.affiliation = self.affiliation or byline.affiliation
        self.honorific = self.honorific or byline.honorific
        self.after_author = metadata.names_a_person(byline)

    def take_affiliation(self, line: str) -> bool:
        """A post or workplace printed under an author's name ("Học viện Hành chính Quốc
        gia"): the author's affiliation, neither a second author nor body text."""
        if not (self.after_author and metadata.affiliation_line(line)):
            self.after_author = False
            return False
        self.affiliation = self.affiliation or line
        return True


def extract(text: str, url: str = "", hints: PageHints = PageHints()) -> Extraction:
    """``url`` is the page's address when known (``--url``); a bare page URL in the text is
    used otherwise."""
    lines = structure.untab(
        page_lines.join_wrapped_lines(page_lines.split_date_field(dates.us_dates_in_day_order(text).split("\n")))
    )
    lines = page_lines.split_banner(page_lines.split_glued_headline(lines[: blocks.tail_start(lines)]))
    lines = page_lines.without_read_more(lines)
    found = _Found()
    # a byline or a dateline printed twice is the article's, not a running head
    metas = tuple(metadata.parse_meta_line(line) if line else None for line in lines)
    running = blocks.running_heads(lines)
    heads = {i for i in running if not metadata.parse_byline(lines[i]) and not metas[i]}
    related = (
        blocks.related_blocks(lines)
        | blocks.repeated_alt_texts(lines)
        | blocks.summary_boxes(lines)
        | blocks.repeated_widgets(lines)
        | blocks.polls(lines)
        | blocks.account_cards(lines)
        | blocks.about_boxes(lines)
        | blocks.repeated_text(lines)
        | heads
    )
    chrome_lines = set(related)
    for index, line in enumerate(lines):  # already stripped by join_wrapped_lines
        if line and index not in related and chrome.is_chrome_line(line):
            found.category = found.category or chrome.breadcrumb_category(line)
            if (chrome.SITE_NAME.match(line) or chrome.bare_domain(line)) and not found.source:
                found.source = chrome.bare_domain(line) or line  # the portal the page was copied from
            found.url = found.url or chrome.page_url(line)  # the page's own address, saved by some scrapers
            chrome_lines.add(index)
    kept = [i for i, line in enumerate(lines) if line and i not in chrome_lines]
    prose = prose_lines(kept, lines, metas)
    if not prose:
        return Extraction(None, error="no article text: every line is page chrome, a heading or too short to be prose")
    url = url or found.url
    # a dateline printed under the first paragraph ("Nhóm PV • 15/08/2025") is read as one, and leaves the body
    late_datelines = {
        i for i in [i for i in kept if prose[0] < i <= prose[-1]][:3] if edges.dateline_under_lead(lines[i], metas[i])
    }
    metas = tuple(
        metadata.MetaLine(date=dates.find_dates(lines[i])[0]) if i in late_datelines and meta is None else meta
        for i, meta in enumerate(metas)
    )
    layout = PageLayout(
        tuple(lines), frozenset(chrome_lines), prose[0], prose[-1], url, metas, running_heads=frozenset(running)
    )
    _, lead_text = sources.split_source_prefix(lines[prose[0]])
    chosen, title_candidates = title_choice.choose_title(
        layout, lead_text, "\n".join(lines[i] for i in kept if prose[0] <= i <= prose[-1]), hints.title
    )
    if chosen is not None and chosen.kind == "slug" and chosen.line == prose[0]:
        lines[prose[0]], label = edges.around_headline(lines[prose[0]], chosen.value)
        found.category = found.category or label
    title_line = chosen.line if chosen is not None and chosen.kind not in ("inferred", "address") else -1
    if chosen is not None and chosen.kind != "inferred":
        found.title = chosen.value
    layout = replace(layout, title_line=title_line)

    header = [i for i in kept if i < prose[0] and i != title_line]
    above = sum(1 for i in kept if i < min(title_line, prose[0]))
    _read_header([lines[i] for i in header[:above]], [metas[i] for i in header[:above]], found, True)
    placed = [
        (header[above + j], lines[header[above + j]])
        for j in _read_header(  # (page line, text)
            [lines[i] for i in header[above:]], [metas[i] for i in header[above:]], found
        )
    ]
    for i in sorted(late_datelines):
        if (meta := metas[i]) is not None:  # its people, not a body run into it ("Báo X" twice before the date)
            people = metadata.names_a_person(names.Byline(meta.authors))
            found.take(meta if people else replace(meta, authors=(), affiliation=""))
    placed += [(i, lines[i]) for i in kept if prose[0] <= i <= prose[-1] and i not in late_datelines]
    footer = [i for i in kept if i > prose[-1]]
    placed += [
        (footer[j], text) for j, text in _read_footer([lines[i] for i in footer], [metas[i] for i in footer], found)
    ]
    body = [text for _, text in placed]
    body, printed = bylines.take_opening_bylines(body, hints.authors, bool(found.authors))
    for byline in printed:
        found.add_authors(byline)
    without_title = [line for line in body if not titles.same_title(_ALT_TEXT.sub("", line), found.title)]
    if any(chrome.is_prose(line) for line in without_title):
        body = without_title  # the title printed again; kept when it is the page's only text
    listed = "\n".join(body)  # a listing's shapes (dated headlines, teasers) are read before the model drops any
    body, weighed = body_choice.article_lines(body, placed, layout, found.title)

    warnings: list[Note] = []
    lead_index = next((i for i, line in enumerate(body) if chrome.is_prose(line)), 0)
    source, lead = sources.split_source_prefix(body[lead_index])
    body[lead_index] = lead
    found.source = source or found.source
    summary, body = _summary(body, lead_index)

    spelled = chosen is not None and chosen.kind == "address"
    title, title_original, inferred = _title(found.title, body, lead, warnings, spelled)
    plain = "\n".join(body)
    # a title made from the lead says nothing the lead does not: its "năm 2023" is no date evidence
    dating = date_choice.choose_date(layout, "" if inferred else title, hints.date, hints.date_modified)
    not_article = kind.not_article_reason(lines, title, listed, sum(1 for meta in metas if meta and meta.date), url)
    if not_article in kind.LISTINGS:  # a list of articles has no date of its own: its teasers' are theirs
        dating = replace(dating, date=None, inferred=False, lastmod=None, year_named=None)
    if dating.date is None and not_article not in kind.LISTINGS:
        named = (
            f" (the text names {dating.year_named} most, perhaps a cited law's or a period's year)"
            if dating.year_named
            else ""
        )
        warnings.append(
            Note(
                "draft",
                f"no date anywhere on the page{named}: imported as a draft without a date; "
                "add 'date' and remove 'draft' to publish it",
            )
        )
    elif dating.date is not None and dating.inferred:
        shown = dating.date.iso() + ("" if dating.date.precision == "day" else f" ({dating.date.precision})")
        warnings.append(Note("date", f"no dateline: the date {shown} was inferred from {dating.origin}; check it"))
    if not_article:
        warnings.append(Note("draft", f"imported as a draft: {not_article}; remove 'draft' to publish it"))
        if not_article in kind.LISTINGS:
            title, inferred = _listing_title(lines, url, title, inferred, warnings)
    authors = metadata.people_over_bodies(_writers(hints.authors, url) or tuple(found.authors))
    classified = structure.classify(body)
    subject = f"{title}\n{plain}"
    # a journal's "Từ khóa: …" under its abstract is printed as part of the article: it stays, and tags it too
    body_keywords = tuple(keyword for line in body[:12] for keyword in sources.keywords_line(line))
    article = ImportedArticle(
        title=title,
        date=dating.date,
        body=structure.to_markdown(classified),
        blocks=tuple(classified),
        summary=summary,
        title_original=title_original,
        title_inferred=inferred,
        date_inferred=dating.inferred and dating.date is not None,
        lastmod=dating.lastmod,
        draft=dating.date is None or bool(not_article),
        draft_reason=not_article,
        category=found.category,
        authors=authors,
        affiliation=found.affiliation,
        honorific=found.honorific,
        source_name=found.source,
        source_url=url,
        image=hints.image,
        image_alt=hints.image_alt,
        provinces=find_provinces(subject),
        topics=entities.find_topics(title, plain),
        documents=entities.find_documents(subject),
        tags=tuple(dict.fromkeys(entities.find_index_tags(subject) + tuple(found.keywords) + body_keywords)),
    )
    return Extraction(
        article, tuple(warnings), evidence=Evidence(title_candidates, dating.candidates, weighed, layout, found.title)
    )


def _writers(named: tuple[str, ...], url: str) -> tuple[str, ...]:
    """The metadata's authors without the portal's accounts ("admin") and without the site
    itself ("Hanoionline" on hanoionline.vn), which say nothing of who wrote the article."""
    site = re.sub(r"^(?:www|m|amp)\.", "", url.split("//", 1)[-1].split("/", 1)[0]).split(".", 1)[0].lower()
    return tuple(
        name for name in named if not metadata.is_account(name) and not (site and name.replace(" ", "").lower() == site)
    )


def _read_header(
    header: list[str], metas: list[metadata.MetaLine | None], found: _Found, above_title: bool = False
) -> list[int]:
    """Datelines, category and byline around the title; returns the positions of the lines
    that are none of these. Above the title those are chrome (a banner, a slogan, a hotline)
    and dropped; under it (a short sapo, a caption) they belong to the body."""
    rest: list[int] = []
    for index, (line, meta) in enumerate(zip(header, metas, strict=True)):
        if rest and not above_title and meta is None and edges.continues_a_list(line, [header[i] for i in rest]):
            rest.append(index)  # "Thứ bảy …: Nghỉ theo quy định" among a schedule's items: no sentence ends them
            continue
        byline = metadata.parse_byline(line)
        if found.take_affiliation(line):
            continue
        if meta is not None:
            found.take(meta)
        elif (
            not found.category
            and (metadata.is_category(line) or _kicker(index, header, metas, above_title))
            and (above_title or not found.title)
        ):
            found.category = line
        elif byline and (line[:1].islower() or "." in line or ":" in line) and (above_title or not found.title):
            found.add_authors(byline)  # "P.V", "Bài và ảnh: Minh Châu"
        elif found.title and not above_title and byline and not structure.is_caption(line):
            found.add_authors(byline)
        elif not found.title and byline and metadata.names_a_person(byline) and _beside_a_dateline(index, metas):
            found.add_authors(byline)  # "Nguyễn Thuấn" over "15/01/2026, 09:00" on a page with no headline
        elif not above_title and (chrome.may_close_article(line) or structure.is_caption(line)):
            rest.append(index)  # a sapo, a caption; an unrecognised label above the lead is chrome
    return rest


def _beside_a_dateline(index: int, metas: list[metadata.MetaLine | None]) -> bool:
    return any(
        0 <= i < len(metas) and (meta := metas[i]) is not None and meta.date is not None for i in (index - 1, index + 1)
    )


def _kicker(index: int, header: list[str], metas: list, title_follows: bool = False) -> bool:
    """A short section name printed above the dateline, with the title after it:
    "Dân sinh" / "Thứ năm, 7/3/2024, 05:00 (GMT+7)" / "Hà Nam trả kết quả…"."""
    line = header[index]
    if len(line.split()) > 5 or any(c.isdigit() for c in line) or line[-1:] in ".:;,!?":
        return False
    following = metas[index + 1] if index + 1 < len(header) else None
    return (
        following is not None
        and following.date is not None
        and (
            title_follows
            or any(
                titles.looks_like_title(text) and m is None
                for text, m in zip(header[index + 2 :], metas[index + 2 :], strict=False)
            )
        )
    )


def _read_footer(footer: list[str], metas: list[metadata.MetaLine | None], found: _Found) -> list[tuple[int, str]]:
    """Byline, dates and source under the article; returns the lines that belong to the body
    (their positions and texts)."""
    rest = []
    for index, (line, meta) in enumerate(zip(footer, metas, strict=True)):
        if titles.same_title(line, found.title) or found.take_affiliation(line):
            continue
        if index == len(footer) - 1 and (whole := edges.sentences_before_a_cut(line)):
            rest.append((index, whole))  # a saved page that stops mid-sentence: its last paragraph's whole sentences
            continue
        if meta is not None:
            found.take(meta)
        elif keywords := sources.keywords_line(line):
            found.keywords.extend(k for k in keywords if k not in found.keywords)
        elif reprint := sources.reporter_for(line):
            found.add_authors(names.Byline((reprint[0],)))
            found.source = found.source or reprint[1]
        elif name := sources.source_line(line):
            found.source = found.source or name
        elif (byline := metadata.parse_byline(line)) and (
            metadata.credits_a_writer(line) or not structure.is_caption(line)
        ):
            found.add_authors(byline)
        elif chrome.may_close_article(line):
            rest.append((index, line))
    return rest


def _listing_title(lines: list[str], url: str, title: str, inferred: bool, warnings: list[Note]) -> tuple[str, bool]:
    """A category or tag page goes by its name (printed, or spelled by its address), not by
    the one teaser its copy holds."""
    if printed := listing.printed_label(lines, url):
        return printed, False
    if spelled := listing.spelled_label(lines, url):
        warnings.append(Note("title", "a tag page: its title is the tag its address spells; check it"))
        return spelled, True
    return title, inferred


def _summary(body: list[str], lead_index: int) -> tuple[str, list[str]]:
    """The lead is the summary; when the page prints it twice (sapo, then again as the
    first paragraph) it appears once, as the summary."""
    lead = body[lead_index]
    for index in range(lead_index + 1, min(lead_index + 3, len(body))):
        if _same_text(body[index], lead):
            return lead, body[:lead_index] + body[lead_index + 1 :]
    return lead, body


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.lower().split()).rstrip(".") == " ".join(b.lower().split()).rstrip(".")


def _title(found: str, body: list[str], lead: str, warnings: list[Note], spelled: bool) -> tuple[str, str, bool]:
    if spelled:
        warnings.append(Note("title", "no title line: the title was spelled from the page's address; check it"))
        return found, "", True
    if not found:
        inferred = titles.infer_title(lead)
        warnings.append(Note("title", "no title line: the title was made from the lead's first sentence; check it"))
        return inferred, "", True
    if titles.is_all_caps(found):
        return titles.recase(found, "\n".join(body)), found, False
    return found, "", False
