"""sitemap.xml (an index of sitemap files past 50,000 URLs) and robots.txt (pure)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from urllib.parse import quote
from xml.sax.saxutils import escape

__all__ = ["MAX_URLS", "plan_sitemaps", "robots_txt", "xml_bytes"]

MAX_URLS = 50_000
_HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n'
_NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
_URL_SAFE = ":/?#[]@!$&'()*+,;=~%"  # RFC 3986's reserved characters, and escapes already made
_NOT_XML = bytes(b for b in range(32) if b not in (9, 10, 13))  # C0 controls XML 1.0 has no place for


def xml_bytes(document: str) -> bytes:
    """An XML document as UTF-8, without the characters XML 1.0 cannot carry, even escaped
    (``&#1;`` is not allowed either): C0 controls but tab, newline and carriage return,
    U+FFFE, U+FFFF and lone surrogates. Done on the bytes, where it costs little when there
    are none: a control is one byte in UTF-8, and U+FFFE/U+FFFF are EF BF BE/BF."""
    try:
        data = document.encode("utf-8")
    except UnicodeEncodeError:
        data = document.encode("utf-8", "ignore")  # lone surrogates, all that UTF-8 cannot encode
    data = data.translate(None, _NOT_XML)
    if b"\xef\xbf" in data:
        data = data.replace(b"\xef\xbf\xbe", b"").replace(b"\xef\xbf\xbf", b"")
    return data


def _loc(url: str) -> str:
    """A sitemap's URL is percent-encoded (sitemaps.org), then entity-escaped."""
    return escape(quote(url, safe=_URL_SAFE, errors="ignore"))


def _urlset(base_url: str, entries: Sequence[tuple[str, str]]) -> bytes:
    lines = [_HEADER, f"<urlset {_NS}>\n"]
    for path, lastmod in entries:
        lines.append(f"  <url><loc>{_loc(base_url + path)}</loc>")
        if lastmod:
            lines.append(f"<lastmod>{escape(lastmod)}</lastmod>")
        lines.append("</url>\n")
    lines.append("</urlset>\n")
    return xml_bytes("".join(lines))


def plan_sitemaps(
    base_url: str, entries: Sequence[tuple[str, str]], max_urls: int = MAX_URLS
) -> Iterator[tuple[str, bytes]]:
    """entries: (site-relative path, lastmod ISO date or "") in a stable order."""
    if len(entries) <= max_urls:
        yield "sitemap.xml", _urlset(base_url, entries)
        return
    parts = [entries[i : i + max_urls] for i in range(0, len(entries), max_urls)]
    index = [_HEADER, f"<sitemapindex {_NS}>\n"]
    for number, part in enumerate(parts, start=1):
        name = f"sitemap-{number}.xml"
        yield name, _urlset(base_url, part)
        newest = max((lastmod for _, lastmod in part if lastmod), default="")
        index.append(f"  <sitemap><loc>{_loc(base_url + name)}</loc>")
        index.append(f"<lastmod>{escape(newest)}</lastmod></sitemap>\n" if newest else "</sitemap>\n")
    index.append("</sitemapindex>\n")
    yield "sitemap.xml", xml_bytes("".join(index))


def robots_txt(base_url: str) -> bytes:
    return f"User-agent: *\nAllow: /\n\nSitemap: {base_url}sitemap.xml\n".encode()
