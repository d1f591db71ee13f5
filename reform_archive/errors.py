"""Error types. Problems are collected, never thrown one at a time.

    BuildError                 anything that stops a build
    ├── ConfigError            site.toml is wrong (exit code 2)
    └── ContentError           one or more content problems (exit code 1)
    InputFault                 a bug met while handling one input file: carries the file,
                               for the command line's "internal error" line (exit code 3)

Each carries a tuple of :class:`Problem`, every one printed as ``path:line: message``
so editors can jump to it. A problem is an error (the build stops), a warning (it goes on;
``--strict`` stops it) or a note (something the build did for the editor, such as filing
"TP.HCM" under "Hồ Chí Minh": never an error, even under ``--strict``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "BuildError",
    "ConfigError",
    "ContentError",
    "InputFault",
    "Level",
    "Problem",
    "error",
    "errors_only",
    "note",
    "promote_warnings",
    "warning",
]

Level = Literal["error", "warning", "note"]


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str
    level: Level = "error"

    def __str__(self) -> str:
        prefix = "" if self.level == "error" else f"{self.level}: "
        return f"{self.path}:{self.line}: {prefix}{self.message}"


def error(path: str, line: int, message: str) -> Problem:
    return Problem(path, line, message, "error")


def warning(path: str, line: int, message: str) -> Problem:
    return Problem(path, line, message, "warning")


class BuildError(Exception):
    exit_code = 1

    def __init__(self, problems: Iterable[Problem]):
        self.problems = tuple(sorted(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


class ConfigError(BuildError):
    exit_code = 2


class ContentError(BuildError):
    exit_code = 1


def note(path: str, line: int, message: str) -> Problem:
    return Problem(path, line, message, "note")


def errors_only(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.level == "error"]


def promote_warnings(problems: Iterable[Problem]) -> list[Problem]:
    """--strict: every warning becomes an error (notes are left out: they are not faults)."""
    return [Problem(p.path, p.line, p.message, "error") for p in problems if p.level != "note"]


class InputFault(Exception):
    """An unexpected exception met while one input file was handled (a bug), with the file
    named, for the command line's "internal error" line. Made of strings, so it crosses
    from a worker process whole."""

    def __init__(self, path: str, detail: str):
        self.path = path
        self.detail = detail  # "ValueError: …" of the original exception
        super().__init__(path, detail)

    @classmethod
    def wrapping(cls, path: str, exc: BaseException) -> InputFault:
        return cls(path, f"{type(exc).__name__}: {exc}")
