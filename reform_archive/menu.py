"""The site's menu from site.toml's ``[[menu]]`` tables (pure).

    [[menu]]
    name = "Giới thiệu"
    url = "gioi-thieu/"             # a page of the site (a path under the site's address)
    [[menu]]
    name = "Cổng Dịch vụ công"
    url = "https://dichvucong.gov.vn/"

Without ``[[menu]]`` the theme shows its own links (all articles, topics, provinces,
documents, the archive). With it, these items replace them, in the order written: Hugo's
``[[menus.main]]`` and MkDocs' ``nav`` do the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

__all__ = ["MENU_EXPECTED", "MenuItem", "menu_links", "parse_menu"]

MENU_EXPECTED = (
    '[[menu]] tables, each with a name and a url (a path in the site such as "topics/" or an '
    'https:// address), such as [[menu]] name = "Lĩnh vực" url = "topics/"'
)


@dataclass(frozen=True)
class MenuItem:
    name: str
    url: str  # site-relative ("topics/"), or absolute ("https://…")
    line: int = 0  # where site.toml gives it, for a problem with its link (0: not known)

    @property
    def external(self) -> bool:
        return bool(urlsplit(self.url).scheme)


def parse_menu(value: Any) -> tuple[MenuItem, ...] | None:
    """The items, or None when ``value`` is not a list of {name, url} tables with nothing else."""
    if not isinstance(value, list) or not value:
        return None
    items = []
    for entry in value:
        if not isinstance(entry, dict) or set(entry) != {"name", "url"}:
            return None
        name, url = entry["name"], entry["url"]
        if not isinstance(name, str) or not name.strip() or not isinstance(url, str) or not _usable(url):
            return None
        items.append(MenuItem(" ".join(name.split()), url.strip()))
    return tuple(items)


def menu_links(items: tuple[MenuItem, ...], link: Any) -> list[dict[str, Any]]:
    """View data: each item's name and address (``link`` makes a site path an address under
    the site's sub-path), and whether it leaves the site."""
    return [
        {"name": item.name, "url": item.url if item.external else link(item.url.lstrip("/")), "external": item.external}
        for item in items
    ]


def _usable(url: str) -> bool:
    parts = urlsplit(url.strip())
    if parts.scheme:
        return parts.scheme in ("http", "https", "mailto") and bool(parts.netloc or parts.scheme == "mailto")
    return not url.strip().startswith("//") and ".." not in url.split("/")
