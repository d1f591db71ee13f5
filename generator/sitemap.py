"""sitemap.xml (an index of sitemap files past 50,000 URLs) and robots.txt (pure)."""

from __future__ import annotations

from typing import Iterator, Sequence
from xml.sax.saxutils import escape

MAX_URLS = 50_000
_HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n'
_NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def _urlset(base_url: str, entries: Sequence[tuple[str, str]]) -> bytes:
    lines = [_HEADER, f"<urlset {_NS}>\n"]
    for path, lastmod in entries:
        lines.append(f"  <url><loc>{escape(base_url + path)}</loc>")
        if lastmod:
            lines.append(f"<lastmod>{lastmod}</lastmod>")
        lines.append("</url>\n")
    lines.append("</urlset>\n")
    return "".join(lines).encode("utf-8")


def plan_sitemaps(base_url: str, entries: Sequence[tuple[str, str]],
                  max_urls: int = MAX_URLS) -> Iterator[tuple[str, bytes]]:
    """entries: (site-relative path, lastmod ISO date or "") in a stable order."""
    if len(entries) <= max_urls:
        yield "sitemap.xml", _urlset(base_url, entries)
        return
    parts = [entries[i: i + max_urls] for i in range(0, len(entries), max_urls)]
    index = [_HEADER, f"<sitemapindex {_NS}>\n"]
    for number, part in enumerate(parts, start=1):
        name = f"sitemap-{number}.xml"
        yield name, _urlset(base_url, part)
        newest = max((lastmod for _, lastmod in part if lastmod), default="")
        index.append(f"  <sitemap><loc>{escape(base_url + name)}</loc>")
        index.append(f"<lastmod>{newest}</lastmod></sitemap>\n" if newest else "</sitemap>\n")
    index.append("</sitemapindex>\n")
    yield "sitemap.xml", "".join(index).encode("utf-8")


def robots_txt(base_url: str) -> bytes:
    return f"User-agent: *\nAllow: /\n\nSitemap: {base_url}sitemap.xml\n".encode("utf-8")
