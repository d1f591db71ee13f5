"""A scraper's record (a JSON object, a CSV row) -> a RawPage, by field names (pure).

Field names are compared without case, diacritics, "_", "-", "." or spaces
("published_at", "publishedAt" and "Published At" are one name, as are "Nội dung" and
"noi_dung"). The first name of each list that the
record has, with a value, is used; other fields are ignored.

| role          | accepted names |
| ------------- | -------------- |
| url           | url, link, href, source_url, canonical_url, permalink, đường dẫn, liên kết |
| title         | title, headline, name, tiêu đề |
| date          | date, published, published_at, datePublished, pubDate, time, publish_date, publication_date, created_at, ngày, ngày đăng, ngày xuất bản |
| date_modified | date_modified, dateModified, modified, updated, updated_at, last_modified, ngày cập nhật |
| body          | body, text, content, article, articleBody, main_text, html, content_html, body_html, raw_html, nội dung |
| lead          | description, summary, sapo, lead, excerpt, abstract, tóm tắt |
| author        | author, authors, byline, creator, tác giả |
| image         | image, image_url, thumbnail, top_image, og_image, ảnh, hình ảnh |

A body that is HTML (any of the *html names, or a value with tags) becomes lines; a whole
saved page in it (<html> or a doctype) is read as an HTML page, the record's own fields
winning over the page's metadata. The text is the title, the lead when the body does not
already hold it, then the body. A record without a body is not a page.
"""

from __future__ import annotations

import re
from dataclasses import replace

from reform_archive.importer.forms.dates import iso_date
from reform_archive.importer.forms.html import page_from_tree, parse_html
from reform_archive.importer.forms.htmlmeta import person_names
from reform_archive.importer.forms.htmltext import fragment_lines, looks_like_html
from reform_archive.importer.forms.page import RawPage
from reform_archive.text.vietnamese import fold

__all__ = ["FIELDS", "accepted", "field_key", "record_page", "roles_of"]

FIELDS: dict[str, tuple[str, ...]] = {
    "url": ("url", "link", "href", "source_url", "canonical_url", "permalink", "đường dẫn", "liên kết"),
    "title": ("title", "headline", "name", "tiêu đề"),
    "date": (
        "date",
        "published",
        "published_at",
        "datePublished",
        "pubDate",
        "time",
        "publish_date",
        "publication_date",
        "created_at",
        "ngày",
        "ngày đăng",
        "ngày xuất bản",
    ),
    "date_modified": (
        "date_modified",
        "dateModified",
        "modified",
        "updated",
        "updated_at",
        "last_modified",
        "ngày cập nhật",
    ),
    "body": (
        "body",
        "text",
        "content",
        "article",
        "articleBody",
        "main_text",
        "html",
        "content_html",
        "body_html",
        "raw_html",
        "nội dung",
    ),
    "lead": ("description", "summary", "sapo", "lead", "excerpt", "abstract", "tóm tắt"),
    "author": ("author", "authors", "byline", "creator", "tác giả"),
    "image": ("image", "image_url", "thumbnail", "top_image", "og_image", "ảnh", "hình ảnh"),
}
_HTML_FIELDS = {"html", "contenthtml", "bodyhtml", "rawhtml"}
_DOCUMENT = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE)


def field_key(name: str) -> str:
    return re.sub(r"[\s_.\-]+", "", fold(name)).casefold()


_ROLES = {field_key(name): role for role, names in FIELDS.items() for name in names}


def accepted(role: str) -> str:
    return ", ".join(FIELDS[role])


def roles_of(names: list[str]) -> set[str]:
    return {_ROLES[field_key(name)] for name in names if field_key(name) in _ROLES}


def record_page(
    record: dict[str, object], raw: bytes, form: str, origin: str, line: int
) -> tuple[RawPage | None, list[str]]:
    """The page a record holds, and what was wrong with it (messages without the origin).
    None when there is no page: no body field, or an empty one."""
    values = _by_role(record)
    notes: list[str] = []
    body_name, body = values.get("body", ("", None))
    if not body_name:
        return None, [
            f"no body field (found: {', '.join(map(str, record)) or 'none'}; accepted: {accepted('body')}); skipped"
        ]
    body_lines, page = _body(body_name, body)
    if not body_lines:
        return None, [f"the {body_name} field is empty; skipped"]
    title = _string(values.get("title", ("", ""))[1]) or (page.title if page else "")
    if title and body_lines[0].casefold() == title.casefold():
        body_lines = body_lines[1:]  # the body starts with the title
    lead = _lines(values.get("lead", ("", ""))[1])
    if lead and " ".join(lead) in " ".join(body_lines):
        lead = []
    dates: dict[str, str] = {}
    for role in ("date", "date_modified"):
        name, value = values.get(role, ("", None))
        dates[role] = iso_date(value) if name else ""
        if name and not dates[role] and _string(value):
            notes.append(f"the {name} field, {_string(value)[:40]!r}, is not a date; the text's dateline is used")
    text_lines = [line for line in (title, *lead, *body_lines) if line]
    result = RawPage(
        text="\n".join(text_lines),
        raw=raw,
        url=_string(values.get("url", ("", ""))[1]),
        title=title,
        date=dates["date"],
        date_modified=dates["date_modified"],
        authors=tuple(dict.fromkeys(_people(values.get("author", ("", None))[1]))),
        image=_image(values.get("image", ("", None))[1]),
        form=form,
        origin=origin,
        line=line,
        encoding="utf-8",  # JSON's; a table's reader puts its own
    )
    if page is not None:  # the saved page's metadata fills what the record leaves empty
        result = replace(
            result,
            **{
                name: getattr(page, name)
                for name in ("url", "date", "date_modified", "authors", "image")
                if not getattr(result, name)
            },
        )
    return result, notes


def _by_role(record: dict[str, object]) -> dict[str, tuple[str, object]]:
    found: dict[str, tuple[int, str, object]] = {}
    for name, value in record.items():
        role = _ROLES.get(field_key(str(name)))
        if role is None or _empty(value):
            continue
        rank = [field_key(alias) for alias in FIELDS[role]].index(field_key(str(name)))
        if role not in found or rank < found[role][0]:
            found[role] = (rank, str(name), value)
    # a body field present but empty still names the body (to say it is empty)
    if "body" not in found:
        for name, value in record.items():
            if _ROLES.get(field_key(str(name))) == "body":
                found["body"] = (0, str(name), value)
                break
    return {role: (name, value) for role, (_, name, value) in found.items()}


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value in ([], {})


def _body(name: str, value: object) -> tuple[list[str], RawPage | None]:
    if isinstance(value, list):
        return [line for item in value for line in _lines(item)], None
    text = value if isinstance(value, str) else ""
    if _DOCUMENT.match(text):
        root = parse_html(text)
        page = page_from_tree(root, text.encode("utf-8"))[0] if root is not None else None
        if page is not None:
            return page.text.splitlines(), page
    if field_key(name) in _HTML_FIELDS or looks_like_html(text):
        return fragment_lines(text), None
    return _lines(text), None


def _lines(value: object) -> list[str]:
    if isinstance(value, list):
        return [line for item in value for line in _lines(item)]
    text = _string(value, keep_lines=True)
    if looks_like_html(text):
        return fragment_lines(text)
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _string(value: object, keep_lines: bool = False) -> str:
    if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
        return ""
    text = str(value).strip()
    return text if keep_lines else " ".join(text.split())


def _people(value: object) -> list[str]:
    if isinstance(value, str):
        return [name for part in re.split(r"\s*[;|]\s*", value) for name in person_names(part)]
    return person_names(value)


def _image(value: object) -> str:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("url") or value.get("src") or ""
    return _string(value)
