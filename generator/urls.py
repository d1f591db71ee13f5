"""Site-relative paths and the URLs made from them (pure).

Inside the build a page is addressed by its site-relative path: "" for the home page,
"2022/09/slug/" for an article, "feed.xml" for a file. Only templates and feeds turn
those into links, with the base path ("/luu-tru/") or the full base URL.
"""

from __future__ import annotations

from datetime import datetime

PAGE_SEGMENT = "page"


def permalink(pattern: str, when: datetime, slug: str) -> str:
    return pattern.format(year=f"{when.year:04d}", month=f"{when.month:02d}", day=f"{when.day:02d}",
                          slug=slug).lstrip("/")


def output_file(path: str) -> str:
    """The file that serves a site-relative path: folders get index.html."""
    return path + "index.html" if path == "" or path.endswith("/") else path


def page_path(base: str, number: int) -> str:
    """Pagination: page 1 is the base itself, later pages live under base/page/N/."""
    return base if number == 1 else f"{base}{PAGE_SEGMENT}/{number}/"


def link(base_path: str, path: str) -> str:
    return base_path + path


def absolute(base_url: str, path: str) -> str:
    return base_url + path
