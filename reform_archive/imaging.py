"""Pillow at the build's edge: an image file's facts, and its renditions' bytes (bytes in, bytes
out; no file is opened here).

Output is reproducible: the same original gives the same bytes on every build and machine
with the same Pillow, because the settings are fixed and nothing but pixels is written (no
EXIF, ICC profile, XMP or time; colours are converted to sRGB first, the colour space a
picture without a profile is shown in). A photo's EXIF orientation is applied, so a phone's
portrait shot stands up. Transparent pixels are resized premultiplied, so edges keep no halo;
a JPEG of a transparent picture is laid on white.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from collections.abc import Sequence

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from reform_archive.site.pictures import RESPONSIVE_WIDTHS, ImageFacts

__all__ = [
    "ENCODER_SETTINGS",
    "SVG_SUFFIX",
    "ImageFault",
    "Wanted",
    "content_digest",
    "encode_renditions",
    "image_facts",
]

# Part of every rendition's cache key: changing one re-encodes everything
ENCODER_SETTINGS = {
    "webp": {"quality": 80, "method": 4},
    "jpeg": {"quality": 82, "optimize": True, "progressive": True, "subsampling": 2},  # 4:2:0
    "png": {"optimize": False, "compress_level": 9},
}
SVG_SUFFIX = ".svg"  # a drawing: shown as it is, never rasterised
# A JPEG is decoded at the smallest of 1/2, 1/4, 1/8 of its size that still covers the widest
# rendition either way up (libjpeg scales while it decodes: 4x faster for a phone's photo). The
# same for every rendition of a picture, so one made alone is the one made with the others.
_DECODED_AT_LEAST = (RESPONSIVE_WIDTHS[-1], RESPONSIVE_WIDTHS[-1])
_ORIENTATION = 0x0112  # EXIF: how the camera was held
_TURNED = (5, 6, 7, 8)  # orientations that swap width and height
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
_WHITE = (255, 255, 255)
Wanted = tuple[int, int, str]  # width, height, format


class ImageFault(ValueError):
    """The file is not a picture this build can read; the message says why."""


def content_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def image_facts(data: bytes, name: str) -> ImageFacts:
    """Size (as shown), transparency and digest of an image file's bytes; an SVG is taken as
    it is. Raises :class:`ImageFault`."""
    digest = content_digest(data)
    if name.lower().endswith(SVG_SUFFIX):
        return ImageFacts(digest, 0, 0, False, resizable=False)
    image, (width, height) = _decoded(data, scaled=True)
    return ImageFacts(digest, width, height, image.mode == "RGBA")


def encode_renditions(data: bytes, wanted: Sequence[Wanted]) -> list[bytes]:
    """The bytes of each wanted (width, height, format) rendition of an image file, decoded once
    and resized once a size."""
    image, _ = _decoded(data, scaled=True)
    sized: dict[tuple[int, int], Image.Image] = {}
    made = []
    for width, height, kind in wanted:
        resized = sized.get((width, height)) or sized.setdefault((width, height), _resized(image, width, height))
        if kind == "jpeg" and resized.mode == "RGBA":
            flat = Image.new("RGB", resized.size, _WHITE)
            flat.paste(resized, mask=resized.getchannel("A"))
            resized = flat
        resized.info = {}  # nothing but pixels: no EXIF, ICC, XMP or dates
        buffer = io.BytesIO()
        resized.save(buffer, kind.upper(), **ENCODER_SETTINGS[kind])
        made.append(buffer.getvalue())
    return made


def _decoded(data: bytes, scaled: bool = False) -> tuple[Image.Image, tuple[int, int]]:
    """The picture upright, in sRGB, as RGB or (with transparent pixels) RGBA, its first frame;
    and its full size upright. ``scaled``: a JPEG as small as the renditions allow
    (:data:`_DECODED_AT_LEAST`), still decoded whole (a file cut short is found)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as opened:
                size = opened.size[::-1] if opened.getexif().get(_ORIENTATION, 1) in _TURNED else opened.size
                if scaled and opened.format == "JPEG":
                    opened.draft(opened.mode, _DECODED_AT_LEAST)
                opened.load()
                image = ImageOps.exif_transpose(opened)
    except UnidentifiedImageError:
        raise ImageFault("not a picture this build can read (JPEG, PNG, WebP, GIF, BMP, TIFF or SVG)") from None
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise ImageFault("too many pixels to be a photo (a decompression bomb?)") from None
    except (OSError, ValueError, SyntaxError) as fault:  # truncated, or a broken header
        raise ImageFault(f"cannot decode it: {fault}") from None
    image = _in_srgb(image)
    transparent = image.mode in ("RGBA", "LA", "PA", "RGBa") or "transparency" in image.info
    try:
        rgba = image.convert("RGBA") if transparent else None
        if rgba is not None and _lowest(rgba.getchannel("A")) < 255:
            image = rgba
        else:
            image = image.convert("RGB")
    except ValueError as fault:  # a mode Pillow cannot turn into colours (some 16-bit and float images)
        raise ImageFault(f"cannot use its pixel format {image.mode}: {fault}") from None
    image.info = {}
    return image, size


def _lowest(channel: Image.Image) -> int:
    lowest, _ = channel.getextrema()
    return int(lowest)  # type: ignore[arg-type]  # one band: two numbers


def _in_srgb(image: Image.Image) -> Image.Image:
    """Colours as a browser shows a picture without a profile; unchanged when it has none."""
    profile = image.info.get("icc_profile")
    if not profile or image.mode not in ("RGB", "RGBA", "CMYK", "L"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        converted = ImageCms.profileToProfile(
            image, source, _SRGB, outputMode="RGBA" if image.mode == "RGBA" else "RGB"
        )
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image  # a broken profile: the colours as stored are the best guess
    return converted if converted is not None else image


def _resized(image: Image.Image, width: int, height: int) -> Image.Image:
    if image.size == (width, height):
        return image.copy()
    if image.mode == "RGBA":  # premultiplied, so transparent pixels' colours do not bleed into the edges
        return image.convert("RGBa").resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0).convert("RGBA")
    return image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
