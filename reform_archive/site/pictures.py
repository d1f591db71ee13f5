"""Responsive pictures planned from what the build learnt of an image file (pure).

A local picture (a cover, the site's default sharing image) is published as resized copies,
*renditions*: WebP at a few widths, the same widths as JPEG (PNG when the picture has
transparency) for browsers without WebP, and one JPEG about 1200 px wide for link previews
(``og:image``). None is wider than the original: a picture is never enlarged. Each is named
by the original's content hash and its width, so a changed picture gets new addresses
(no stale copy in a browser or a CDN) and an unchanged one keeps them; the build encodes
them (:mod:`reform_archive.build.images`) and templates get their sizes from here.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "MIME_TYPES",
    "RENDITIONS_DIR",
    "RESPONSIVE_WIDTHS",
    "SHARE_WIDTH",
    "ImageFacts",
    "Picture",
    "Rendition",
    "plan_picture",
    "plan_widths",
    "remote_picture",
    "scaled_height",
]

# 320: a thumbnail on a card, and phones at 1x; 640: phones at 2x, the body column at 1x;
# 960 and 1440: the body column at 1.5x to 3x. More steps cost encoding time and cache space.
RESPONSIVE_WIDTHS = (320, 640, 960, 1440)
SHARE_WIDTH = 1200  # what Facebook, Zalo and X ask of og:image for a large preview
RENDITIONS_DIR = "images/_"  # site-relative folder of every rendition
MIME_TYPES = {"webp": "image/webp", "jpeg": "image/jpeg", "png": "image/png"}
_EXTENSIONS = {"webp": "webp", "jpeg": "jpg", "png": "png"}
_NAME_DIGITS = 16  # of the content hash in a rendition's name: 64 bits, no collision in any archive
_CLOSE_ENOUGH = 0.9  # an original this close to the widest step below it adds no step of its own


@dataclass(frozen=True)
class ImageFacts:
    """What the build learnt of a local image file."""

    digest: str  # SHA-256 of its bytes, hex
    width: int  # as shown: after its EXIF orientation is applied
    height: int
    alpha: bool  # it has transparent pixels: its fallback is PNG, not JPEG
    resizable: bool = True  # False for a format this build shows as it is (SVG)


@dataclass(frozen=True)
class Rendition:
    path: str  # site-relative output path
    width: int
    height: int
    format: str  # a key of MIME_TYPES

    @property
    def mime(self) -> str:
        return MIME_TYPES[self.format]


@dataclass(frozen=True)
class Picture:
    """A picture as pages show it: the original's address and size, and its renditions (none
    for a remote picture or an SVG, shown as they are)."""

    src: str  # a path inside static/, or an absolute https URL
    width: int = 0  # 0 when unknown (remote, SVG)
    height: int = 0
    digest: str = ""  # the original's content hash; "" for a remote picture
    webp: tuple[Rendition, ...] = ()  # narrowest first
    fallback: tuple[Rendition, ...] = ()  # JPEG or PNG, the same widths
    share: Rendition | None = None  # the link preview's JPEG

    @property
    def remote(self) -> bool:
        return self.src.startswith("https://")

    @property
    def renditions(self) -> tuple[Rendition, ...]:
        """Every file to make, each once (the share JPEG may be a fallback too)."""
        return tuple(dict.fromkeys((*self.webp, *self.fallback, *((self.share,) if self.share else ()))))


def plan_widths(width: int, steps: tuple[int, ...] = RESPONSIVE_WIDTHS) -> tuple[int, ...]:
    """The widths to make of an original ``width`` px wide: the steps narrower than it, then
    the original's own (at most the widest step) unless the widest of those is close to it."""
    below = [step for step in steps if step < width]
    top = min(width, steps[-1])
    if not below or below[-1] < _CLOSE_ENOUGH * top:
        below.append(top)
    return tuple(below)


def scaled_height(width: int, height: int, target: int) -> int:
    """The height at ``target`` width that keeps the aspect ratio (rounded half up, at least 1)."""
    return max(1, (2 * height * target + width) // (2 * width))


def _rendition(facts: ImageFacts, width: int, kind: str) -> Rendition:
    name = f"{RENDITIONS_DIR}/{facts.digest[:_NAME_DIGITS]}-{width}.{_EXTENSIONS[kind]}"
    return Rendition(name, width, scaled_height(facts.width, facts.height, width), kind)


def plan_picture(src: str, facts: ImageFacts) -> Picture:
    """The renditions of the local picture at ``src`` (a path inside static/)."""
    if not facts.resizable:
        return Picture(src, digest=facts.digest)
    widths = plan_widths(facts.width)
    fallback = "png" if facts.alpha else "jpeg"
    return Picture(
        src,
        facts.width,
        facts.height,
        facts.digest,
        webp=tuple(_rendition(facts, width, "webp") for width in widths),
        fallback=tuple(_rendition(facts, width, fallback) for width in widths),
        share=_rendition(facts, min(facts.width, SHARE_WIDTH), "jpeg"),
    )


def remote_picture(url: str) -> Picture:
    """A picture on another site: shown from there, its size unknown."""
    return Picture(url)
