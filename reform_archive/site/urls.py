"""Site-relative paths and the URLs made from them (pure).

Inside the build a page is addressed by its site-relative path: "" for the home page,
"2022/09/slug/" for an article, "feed.xml" for a file. Only templates and feeds turn
those into links, with the base path ("/luu-tru/") or the full base URL.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from reform_archive.errors import Problem, error, warning

__all__ = [
    "MAX_NAME_BYTES",
    "PAGE_SEGMENT",
    "Claimant",
    "OutputClaims",
    "absolute",
    "link",
    "output_file",
    "page_path",
    "permalink",
]

PAGE_SEGMENT = "page"


def permalink(pattern: str, when: datetime, slug: str) -> str:
    return pattern.format(year=f"{when.year:04d}", month=f"{when.month:02d}", day=f"{when.day:02d}", slug=slug).lstrip(
        "/"
    )


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


# Who gives way when two outputs want one path: the one of lower rank is reported.
ALIAS, STATIC, PAGE, GENERATED = range(4)
MAX_NAME_BYTES = 255  # a file or folder name on the disks sites are built on (ext4, APFS, NTFS)


@dataclass(frozen=True)
class Claimant:
    """What asks for an output path: an article's alias or page, a static file, or a step."""

    origin: str  # the file to fix (a content or static file), or what makes the output ("feeds")
    rank: int = GENERATED
    line: int = 1  # in origin: 0 for a static file, the alias's own line for an alias
    alias: str = ""  # the alias as site-relative path, when an alias asks

    def named(self) -> str:
        return f"{self.origin} (alias /{self.alias})" if self.alias else self.origin


class OutputClaims:
    """Every output path and what makes it: the one place that decides whether a file can
    be written. A path is refused when another output has it, when one of its folders is
    another output's file, when it is the folder of another output's files, or when a disk
    could not hold it; so a build in memory (`check`) refuses exactly what a build on disk
    would fail on. Each claim looks at the path's folders only, never at the other paths."""

    def __init__(self) -> None:
        self.owners: dict[str, Claimant] = {}  # output path -> who made it
        self._under: dict[str, str] = {}  # every folder outputs are in -> the first output in it
        self._folded: dict[str, str] = {}  # path as a case-insensitive disk sees it -> the first output there
        self.warnings: list[Problem] = []  # paths that only such a disk would make one

    def claim(self, path: str, claimant: Claimant, line_of: Callable[[], int] | None = None) -> Problem | None:
        """None when ``path`` is ``claimant``'s now; else the problem, reported on the one of
        the two that should give way, and ``path`` is not claimed. ``line_of``: the
        claimant's line when finding it costs (an alias's): looked up for a problem only."""

        def located(who: Claimant) -> Claimant:
            return replace(who, line=line_of()) if who is claimant and line_of is not None else who

        unfit = _unfit(path)
        if unfit:
            where = (
                f"alias /{claimant.alias} cannot be written at {path}"
                if claimant.alias
                else f"{_lead(claimant, path)} cannot be written"
            )
            return error(claimant.origin, located(claimant).line, f"{where}: {unfit}")
        other_path = self._conflict(path)
        if other_path is None:
            self.owners[path] = claimant
            self._same_on_other_disks(path, claimant, located)
            folder = path.rfind("/")
            while folder > 0 and self._under.setdefault(path[:folder], path) == path:
                folder = path.rfind("/", 0, folder)
            return None
        other = self.owners[other_path]
        if other.rank < claimant.rank:  # the other gives way: the problem is named from its side
            return _collision(other, other_path, claimant, path)
        return _collision(located(claimant), path, other, other_path)

    def _same_on_other_disks(self, path: str, claimant: Claimant, located: Callable[[Claimant], Claimant]) -> None:
        """macOS and Windows disks ignore letter case, and macOS the Unicode form: two paths
        that differ only so would be one file there (a site copied or checked out on them, a
        sync tool). Written here, but said."""
        folded = path.lower() if path.isascii() else unicodedata.normalize("NFD", path).casefold()
        other = self._folded.setdefault(folded, path)
        if other != path:
            self.warnings.append(
                warning(
                    claimant.origin,
                    located(claimant).line,
                    f"output {path} and {other} (made by {self.owners[other].named()}) differ only in letter "
                    "case or Unicode form: on a disk that ignores them (macOS, Windows) one would overwrite the other",
                )
            )

    def _conflict(self, path: str) -> str | None:
        if path in self.owners:
            return path
        if path in self._under:
            return self._under[path]
        folder = path.find("/")
        while folder > 0:
            if path[:folder] in self.owners:
                return path[:folder]
            folder = path.find("/", folder + 1)
        return None


def _unfit(path: str) -> str:
    """Why no disk could hold ``path`` (as :mod:`reform_archive.writer` refuses it), or ""."""
    parts = path.split("/")
    if any(part in ("", ".", "..") for part in parts) or "\0" in path or "\\" in path:
        return "an empty name, '.', '..', a backslash or a NUL character in its path"
    if any(
        len(part) * 4 > MAX_NAME_BYTES and len(part.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES for part in parts
    ):
        return f"a name in its path is longer than {MAX_NAME_BYTES} bytes"
    return ""


def _lead(claimant: Claimant, path: str) -> str:
    if claimant.alias:
        return f"alias /{claimant.alias} would be written at {path}"
    return f"{'static file' if claimant.rank == STATIC else 'output'} {path}"


def _collision(mine: Claimant, path: str, theirs: Claimant, their_path: str) -> Problem:
    lead, named = _lead(mine, path), theirs.named()
    if path == their_path:
        message = f"output {path} is also produced by {named}"
        text = f"{lead}, but {message}" if mine.alias else message
    elif path.startswith(their_path + "/"):  # one of my folders is their file
        needs = ", but" if mine.alias else f" needs a folder {their_path}, but"
        text = f"{lead}{needs} {their_path} is a file made by {named}"
    else:  # my file is one of their folders
        holds = f", but {path} is a folder holding" if mine.alias else " would be a file where a folder holds"
        text = f"{lead}{holds} {their_path}, made by {named}"
    return error(mine.origin, mine.line, text)
