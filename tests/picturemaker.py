"""Small real pictures made with Pillow, for tests of covers and renditions."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw


def photo(width: int, height: int, shade: int = 0) -> bytes:
    """A JPEG with detail in it (gradients and shapes), different for each ``shade``."""
    image = Image.merge(
        "RGB",
        (
            Image.linear_gradient("L").resize((width, height)),
            Image.radial_gradient("L").resize((width, height)),
            Image.new("L", (width, height), shade % 256),
        ),
    )
    draw = ImageDraw.Draw(image)
    for step in range(0, width, max(1, width // 12)):
        draw.ellipse(
            (step, height // 4, step + width // 10, height // 4 + height // 3), outline=(255, 255, shade % 256)
        )
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def logo(width: int, height: int) -> bytes:
    """A PNG with transparent corners."""
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    ImageDraw.Draw(image).ellipse(
        (width // 10, height // 10, width * 9 // 10, height * 9 // 10), fill=(11, 83, 148, 255)
    )
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def put(site: Path, path: str, data: bytes) -> Path:
    """Writes a file under the site's static/ folder."""
    target = site / "static" / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return target


def size_of(data: bytes) -> tuple[str, int, int]:
    with Image.open(io.BytesIO(data)) as image:
        return image.format or "", image.width, image.height
