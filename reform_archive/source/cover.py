"""An article's cover picture as its front matter gives it: ``image`` and ``image_alt`` (pure).

``image`` is a file in the site's ``static/`` folder, written as its path there
(``images/2024/hoi-nghi.jpg``; a leading ``/`` is allowed), or an absolute https URL that
is shown as it is and never downloaded. Whether the file is there is the build's to say
(:mod:`reform_archive.build.images`): a content file's preparation is cached by its bytes alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from reform_archive.config import picture_address_fault
from reform_archive.errors import Problem, error, warning

__all__ = ["Cover", "read_cover"]


@dataclass(frozen=True)
class Cover:
    src: str  # a path inside static/ ("images/a.jpg"), or an absolute https URL
    alt: str  # the alternative text; "" when the picture is decorative or the editor gave none
    line: int  # the line of 'image': problems about the file are reported there

    @property
    def remote(self) -> bool:
        return self.src.startswith("https://")


def read_cover(
    image: str, alt: str, alt_written: bool, path: str, line: int, alt_line: int
) -> tuple[Cover | None, list[Problem]]:
    """``image`` and ``image_alt`` as read (text, stripped); ``alt_written``: whether the front
    matter has ``image_alt`` at all (``image_alt: ""`` says the picture is decorative)."""
    if not image:
        return None, (
            [warning(path, alt_line, "'image_alt' without 'image': there is no picture to describe")] if alt else []
        )
    fault = picture_address_fault(image)
    if fault:
        return None, [error(path, line, f"'image' {fault}, got {image!r}")]
    problems = []
    if not alt_written:  # accessibility: a screen reader says nothing useful of a picture without it
        problems.append(
            warning(
                path,
                line,
                "'image' has no 'image_alt': describe the picture for readers who "
                'cannot see it (image_alt: "" if it is only decoration)',
            )
        )
    return Cover(image if "://" in image else image.lstrip("/"), alt, line), problems
