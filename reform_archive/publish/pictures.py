"""View data of pictures: what a template needs to write ``<picture>``, ``og:image`` and
JSON-LD's ``image`` (pure)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from reform_archive.site.pictures import Picture, Rendition

__all__ = ["picture_view", "share_json_ld", "share_view", "srcset"]


def srcset(renditions: tuple[Rendition, ...], link: Callable[[str], str]) -> str:
    """``"/images/_/ab-320.webp 320w, /images/_/ab-640.webp 640w"``: the browser picks by width."""
    return ", ".join(f"{link(r.path)} {r.width}w" for r in renditions)


def _original(picture: Picture, link: Callable[[str], str]) -> str:
    """The picture's own address: a remote one as it is, a local file (an SVG) under the site."""
    return picture.src if picture.remote else link(quote(picture.src))


def picture_view(picture: Picture, alt: str, link: Callable[[str], str]) -> dict[str, Any]:
    """``{src, srcset, webp_srcset, width, height, alt}``: ``src`` is the widest fallback (what a
    browser that reads no srcset shows), ``width`` and ``height`` its size (the box the page
    keeps for it while it loads). A remote picture or an SVG has only ``src`` and ``alt``
    (``srcset`` empty, sizes 0)."""
    if not picture.fallback:
        return {"src": _original(picture, link), "srcset": "", "webp_srcset": "", "width": 0, "height": 0, "alt": alt}
    widest = picture.fallback[-1]
    return {
        "src": link(widest.path),
        "srcset": srcset(picture.fallback, link),
        "webp_srcset": srcset(picture.webp, link),
        "width": widest.width,
        "height": widest.height,
        "alt": alt,
    }


def share_view(picture: Picture, alt: str, absolute: Callable[[str], str]) -> dict[str, Any]:
    """``{url, width, height, alt, type}`` for ``og:image``: the JPEG made for link previews,
    at an absolute URL; a remote picture as it is (sizes 0, type "")."""
    share = picture.share
    if share is None:
        url = picture.src if picture.remote else absolute(quote(picture.src))
        return {"url": url, "width": 0, "height": 0, "alt": alt, "type": ""}
    return {"url": absolute(share.path), "width": share.width, "height": share.height, "alt": alt, "type": share.mime}


def share_json_ld(view: dict[str, Any]) -> str | dict[str, Any]:
    """A :func:`share_view` as schema.org's ``image``: an ImageObject when its size is known."""
    if not view["width"]:
        return str(view["url"])
    return {"@type": "ImageObject", "url": view["url"], "width": view["width"], "height": view["height"]}
