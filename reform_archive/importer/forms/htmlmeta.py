"""A saved page's structured metadata: JSON-LD, Open Graph and other meta tags (pure).

Only what the page declares is read here; the visible text (datelines, bylines) is the
plain-text importer's to read. Precedence, first found wins:

- title: JSON-LD headline, og:title, twitter:title (the site's name cut off the end)
- date: JSON-LD datePublished, article:published_time, itemprop=datePublished, meta
  pubdate / publishdate / date / dc.date / dc.date.issued / dcterms.issued / dcterms.created
  (``<time datetime>`` and htmldate come after these, in html.py)
- date_modified: JSON-LD dateModified, article:modified_time, og:updated_time,
  itemprop=dateModified, dcterms.modified
- authors: JSON-LD author(s), meta author / dc.creator (not the site's own name, not a URL),
  else every citation_author (a journal's Highwire Press tags, as citation_title and
  citation_publication_date)
- url: og:url, <link rel=canonical>, JSON-LD url / mainEntityOfPage
- image: og:image, JSON-LD image, twitter:image; image_alt: the same source's words for it
  (og:image:alt, the ImageObject's caption or name, twitter:image:alt)
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

import lxml.etree

from reform_archive.importer.forms.dates import iso_date

__all__ = ["Metadata", "page_metadata", "person_names", "strip_site_name"]

_DATE_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "dc.date.created",
    # Highwire Press tags, as journals (OJS) print them for Google Scholar
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
)
_MODIFIED_KEYS = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "dc.date.modified")
_SEPARATORS = (" - ", " | ", " – ", " — ", " :: ", " » ")
_GENERIC_AUTHORS = {"admin", "administrator", "webmaster", "quản trị", "quản trị viên"}


@dataclass(frozen=True)
class Metadata:
    url: str = ""
    title: str = ""
    site_name: str = ""
    date: str = ""
    date_modified: str = ""
    authors: tuple[str, ...] = ()
    image: str = ""
    image_alt: str = ""  # what the page says the image shows, from where the image came from
    page_title: str = ""  # <title>, kept to recognise the headline on the page


def page_metadata(root: lxml.etree._Element) -> Metadata:
    meta = _meta_tags(root)
    article = _json_ld_article(root)
    site_name = meta.get("og:site_name", "")
    title = (
        _string(article.get("headline"))
        or meta.get("og:title", "")
        or meta.get("twitter:title", "")
        or meta.get("citation_title", "")
    )
    image, image_alt = _image(meta, article)
    return Metadata(
        url=meta.get("og:url", "") or _canonical(root) or _url_of(article),
        title=strip_site_name(title, site_name),
        site_name=site_name,
        date=_first_date(
            [article.get("datePublished"), article.get("dateCreated")] + [meta.get(key) for key in _DATE_KEYS]
        ),
        date_modified=_first_date([article.get("dateModified")] + [meta.get(key) for key in _MODIFIED_KEYS]),
        authors=_authors(article, meta, site_name) or _citation_authors(root),
        image=image,
        image_alt=image_alt,
        page_title=" ".join((root.findtext(".//title") or "").split()),
    )


def strip_site_name(title: str, site_name: str) -> str:
    """ "Headline - Sở Nội vụ tỉnh Quảng Trị" -> "Headline" when the page names its site."""
    title = " ".join(title.split())
    site = " ".join(site_name.split())
    if not site or title == site:
        return title
    for separator in _SEPARATORS:
        if title.endswith(separator + site):
            return title[: -len(separator + site)].strip()
        if title.startswith(site + separator):
            return title[len(site + separator) :].strip()
    return title


def _meta_tags(root: lxml.etree._Element) -> dict[str, str]:
    tags: dict[str, str] = {}
    for element in root.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().lower()
        value = " ".join((element.get("content") or "").split())
        if key and value:
            tags.setdefault(key, value)
    # microdata on visible elements: <time itemprop="datePublished" datetime="…">
    for element in root.xpath("//*[@itemprop='datePublished' or @itemprop='dateModified']"):
        value = element.get("content") or element.get("datetime") or ""
        if value.strip():
            tags.setdefault(element.get("itemprop").lower(), value.strip())
    return tags


def _citation_authors(root: lxml.etree._Element) -> tuple[str, ...]:
    """A journal's <meta name="citation_author">, one per author, "Family, Given" or as printed."""
    names = []
    for element in root.iter("meta"):
        if (element.get("name") or "").strip().lower() == "citation_author":
            name = " ".join((element.get("content") or "").split())
            if "," in name:  # "Nguyễn, Thị Lan Phương" -> "Nguyễn Thị Lan Phương"
                family, given = (part.strip() for part in name.split(",", 1))
                name = f"{family} {given}".strip()
            if name:
                names.append(name)
    return tuple(dict.fromkeys(names))


def _canonical(root: lxml.etree._Element) -> str:
    for element in root.iter("link"):
        if "canonical" in (element.get("rel") or "").lower().split() and element.get("href"):
            return element.get("href").strip()
    return ""


def _json_ld_article(root: lxml.etree._Element) -> dict:
    """The page's NewsArticle (or Article, BlogPosting …), also inside @graph; {} if none."""
    fallback: dict = {}
    for script in root.xpath("//script[@type]"):
        if script.get("type", "").strip().lower() != "application/ld+json":
            continue
        for item in _objects(_loads(script.text or "")):
            types = item.get("@type")
            names = [types] if isinstance(types, str) else [t for t in types or [] if isinstance(t, str)]
            if any(name.endswith(("Article", "Posting")) or name == "Report" for name in names):
                return item
            if not fallback and "datePublished" in item and "headline" in item:
                fallback = item
    return fallback


def _loads(text: str) -> object:
    text = text.strip().removeprefix("<!--").removesuffix("-->").strip()
    try:
        return json.loads(text, strict=False)
    except ValueError:
        pass
    try:  # the commonest hand-written mistake: a comma before a closing bracket
        return json.loads(re.sub(r",\s*([}\]])", r"\1", text), strict=False)
    except ValueError:
        return None


def _objects(value: object, depth: int = 0) -> Iterator[dict]:
    if depth > 4:
        return
    if isinstance(value, list):
        for item in value:
            yield from _objects(item, depth + 1)
    elif isinstance(value, dict):
        yield value
        yield from _objects(value.get("@graph"), depth + 1)


def _string(value: object) -> str:
    if isinstance(value, list) and value:
        value = value[0]
    return " ".join(value.split()) if isinstance(value, str) else ""


def _first_date(values: list[object]) -> str:
    for value in values:
        if isinstance(value, list) and value:
            value = value[0]
        if isinstance(value, str) and (found := iso_date(value)):
            return found
    return ""


def _url_of(article: dict) -> str:
    for value in (article.get("url"), article.get("mainEntityOfPage")):
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            return value.strip()
    return ""


def _image(meta: dict[str, str], article: dict) -> tuple[str, str]:
    """The page's picture and its alternative text, both from the first source that has the picture."""
    if meta.get("og:image"):
        return meta["og:image"], meta.get("og:image:alt", "")
    if (found := _image_of(article.get("image")))[0]:
        return found
    return meta.get("twitter:image", ""), meta.get("twitter:image:alt", "") if meta.get("twitter:image") else ""


def _image_of(value: object) -> tuple[str, str]:
    if isinstance(value, list) and value:
        value = value[0]
    alt: object = ""
    if isinstance(value, dict):
        alt = value.get("caption") or value.get("name") or ""
        value = value.get("url") or value.get("contentUrl")
    if not isinstance(value, str) or not value.strip():
        return "", ""
    return value.strip(), " ".join(alt.split()) if isinstance(alt, str) else ""


def person_names(value: object) -> list[str]:
    """JSON-LD's or a scraper's author: "A", {"name": "A"}, ["A", {"name": "B"}]."""
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, str):
        name = " ".join(value.split())
        return [name] if name and not name.startswith(("http://", "https://")) else []
    if isinstance(value, list):
        return [name for item in value[:20] for name in person_names(item)]
    return []


def _authors(article: dict, meta: dict[str, str], site_name: str) -> tuple[str, ...]:
    names = person_names(article.get("author")) or person_names(article.get("creator"))
    if not names:
        names = person_names(meta.get("author") or meta.get("dc.creator") or meta.get("article:author"))
    names = [name for name in names if name != site_name and name.lower() not in _GENERIC_AUTHORS]
    return tuple(dict.fromkeys(names))
