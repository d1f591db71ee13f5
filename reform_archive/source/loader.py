"""The only reader of content/: files -> validated :class:`SourceArticle` records."""

from __future__ import annotations

import errno
import heapq
import json
import os
import re
import stat
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from reform_archive.errors import Problem, error, warning
from reform_archive.search.vendor import LUNR_VERSION
from reform_archive.source.article import SourceArticle
from reform_archive.source.document_data import DATA_FILE, DocumentFacts, parse_document_data
from reform_archive.source.parse import parse_article
from reform_archive.source.prepare import decode

__all__ = [
    "CONTENT_DIR",
    "PACKAGE_DIR",
    "PROJECT_DIR",
    "STATIC_LITTER",
    "ContentFile",
    "Loaded",
    "content_files",
    "is_article_file",
    "load_content",
    "lunr_js",
    "read_content",
    "read_document_data",
    "shown_path",
    "static_files",
]

CONTENT_DIR = "content"


@dataclass(frozen=True)
class Loaded:
    articles: tuple[SourceArticle, ...]
    problems: tuple[Problem, ...]


def is_article_file(relative: tuple[str, ...]) -> bool:
    """A path inside content/ that is an article: Markdown, outside folders and files starting
    with '_' or '.' (content/_raw/ keeps the importer's raw text)."""
    return bool(relative) and relative[-1].endswith(".md") and not any(part.startswith(("_", ".")) for part in relative)


def content_files(content_dir: Path) -> list[Path]:
    """Article files, sorted (by folder, then name); what cannot be read is skipped."""
    found, _ = _walk(str(content_dir), str(content_dir.parent), _hidden, _is_markdown)
    return [Path(entry.path) for entry in found]


def _hidden(name: str) -> bool:
    return name.startswith(("_", "."))  # is_article_file: hidden and raw folders and files are not articles


def _is_markdown(name: str) -> bool:
    return name.endswith(".md")


@dataclass(frozen=True)
class _Entry:
    parts: tuple[str, ...]  # its path inside the folder walked, through links
    path: str  # where it is opened: undecodable bytes of its name are surrogates (os.fsdecode)


def _walk(
    top: str, root: str, skip: Callable[[str], bool], wanted: Callable[[str], bool]
) -> tuple[list[_Entry], list[Problem]]:
    """Every wanted file under ``top``, sorted by path, following symbolic links that stay
    inside ``root`` (the site) or ``top``; anything else is a problem. Each real folder is
    read once: first every folder under ``top``, then the linked ones in path order, so a
    link back up (a loop) or to a folder read already is a problem, not a second copy.
    One scandir per folder: globbing took a fifth of a second at 10,000 articles."""
    found: list[_Entry] = []
    problems: list[Problem] = []
    real_top = os.path.realpath(top)
    roots = (os.path.realpath(root), real_top)
    read = {real_top: top}  # real folder -> the path it was read as
    links: list[tuple[tuple[str, ...], str, str, str]] = []  # folder links: parts, link, target, real parent
    folders: list[tuple[str, str, tuple[str, ...]]] = [(top, real_top, ())]
    while folders or links:
        if not folders:
            parts, link, target, parent = heapq.heappop(links)
            if _within(parent, target):
                problems.append(
                    error(
                        shown_path(link),
                        0,
                        f"symbolic link loop: it leads back to {shown_path(read.get(target, target))}; it is not read",
                    )
                )
            elif target in read:
                problems.append(
                    error(
                        shown_path(link),
                        0,
                        f"symbolic link leads to a folder read already "
                        f"({shown_path(read[target])}); it is not read again",
                    )
                )
            else:
                read[target] = link
                folders.append((link, target, parts))
            continue
        folder, real, parts = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as exc:  # unreadable, or removed while the build looked
            problems.append(error(shown_path(folder), 0, f"cannot read folder: {exc.strerror}"))
            continue
        for entry in entries:
            if skip(entry.name):
                continue
            here = (*parts, entry.name)
            try:
                kind, target, refused = _kind(entry, wanted(entry.name), roots, root)
            except OSError as exc:
                problems.append(error(shown_path(entry.path), 0, f"cannot read: {exc.strerror}"))
                continue
            if refused is not None:
                problems.append(refused)
            elif kind == "folder" and target:
                heapq.heappush(links, (here, entry.path, target, real))
            elif kind == "folder":
                inner = os.path.join(real, entry.name)
                if inner in read:  # under a linked folder, a folder read through another link
                    problems.append(
                        error(
                            shown_path(entry.path),
                            0,
                            f"folder read already (as {shown_path(read[inner])}); it is not read again",
                        )
                    )
                else:
                    read[inner] = entry.path
                    folders.append((entry.path, inner, here))
            elif not wanted(entry.name):
                continue
            elif kind == "file":
                found.append(_Entry(here, entry.path))
            else:  # a fifo would never end, a device never be the same
                problems.append(error(shown_path(entry.path), 0, "not a regular file; it is not read"))
    found.sort(key=lambda entry: entry.parts)
    return found, problems


def _kind(entry: os.DirEntry[str], wanted: bool, roots: tuple[str, ...], root: str) -> tuple[str, str, Problem | None]:
    """("folder" | "file" | "other", where a symbolic link leads, why it is not followed).
    A link whose name is not a wanted file's is an error only when it leads to a folder out
    of the site; leading nowhere (it may have been a folder), a warning."""
    if not entry.is_symlink():
        kind = (
            "folder"
            if entry.is_dir(follow_symlinks=False)
            else "file"
            if entry.is_file(follow_symlinks=False)
            else "other"
        )
        return kind, "", None
    target, refused = _link_target(entry.path, roots, root)
    if refused is not None and not wanted and target and not os.path.isdir(target):
        return "other", "", None  # a file out of the site that would not be read anyway
    if refused is not None and not wanted and not target:  # maybe a folder, moved or round in a loop
        return "other", "", warning(refused.path, refused.line, refused.message)
    if refused is not None:
        return "other", "", refused
    mode = os.stat(target).st_mode
    return ("folder" if stat.S_ISDIR(mode) else "file" if stat.S_ISREG(mode) else "other"), target, None


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _link_target(link: str, roots: tuple[str, ...], root: str) -> tuple[str, Problem | None]:
    """Where a symbolic link leads, or why it is not followed. A link that leads out of the
    site would publish a file from elsewhere on the machine (a key, a password file)."""
    try:
        target = os.path.realpath(link, strict=True)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "", error(shown_path(link), 0, "symbolic link loop: it leads back to itself; it is not read")
        try:
            written = os.readlink(link)
        except OSError:
            written = "?"
        return "", error(
            shown_path(link),
            0,
            f"symbolic link leads nowhere (to {shown_path(written)}, which does not exist); it is not read",
        )
    if not any(_within(target, folder) for folder in roots):
        return target, error(
            shown_path(link),
            0,
            f"symbolic link leads outside {shown_path(root)} (to "
            f"{shown_path(target)}); it is not published: copy the file "
            "into the site instead",
        )
    return target, None


_CONTROL = re.compile("[\x00-\x1f\x7f]")


def shown_path(path: str) -> str:
    """A path as problems print it: bytes that are not UTF-8 (a name copied from an old
    Windows machine) and control characters as \\x escapes, so every line prints."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        path = os.fsencode(path).decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda found: f"\\x{ord(found.group()):02x}", path)


@dataclass(frozen=True)
class ContentFile:
    shown: str  # the path as problems name it
    data: bytes


def read_content(site_dir: Path) -> tuple[list[ContentFile], list[Problem]]:
    """The bytes of every article file, sorted by path; files that cannot be read and
    symbolic links that lead nowhere, round in a loop or out of the site are problems.
    A file whose name is not UTF-8 is read, with a warning: only problems show its name."""
    content_dir = site_dir / CONTENT_DIR
    if not content_dir.is_dir():
        return [], [error(str(content_dir), 0, "content folder not found")]
    files: list[ContentFile] = []
    entries, problems = _walk(str(content_dir), str(site_dir), _hidden, _is_markdown)
    taken: set[str] = set()
    for entry in entries:
        shown, fault = shown_path(entry.path), _name_fault(entry.parts)
        if fault:
            problems.append(
                warning(
                    shown,
                    0,
                    f"file name {fault} (shown with \\x escapes): rename the file; "
                    "the article is built, its address comes from its slug",
                )
            )
        if shown in taken:
            problems.append(
                error(shown, 0, "another file has this name once its bytes are shown escaped; rename one of them")
            )
            continue
        taken.add(shown)
        try:
            with open(entry.path, "rb") as file:
                files.append(ContentFile(shown, file.read()))
        except OSError as exc:
            problems.append(error(shown, 0, f"cannot read: {exc.strerror}"))
    return files, problems


def _name_fault(parts: tuple[str, ...]) -> str:
    """What is wrong with a path inside the site as a name, if anything."""
    name = "/".join(parts)
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return "is not valid UTF-8"
    return "holds control characters" if _CONTROL.search(name) else ""


def load_content(site_dir: Path, tz: ZoneInfo, language: str = "en") -> Loaded:
    """Every article, parsed in this process without the cache (tests and tools; the build
    prepares articles through the cache and worker processes). ``language``: of the problems."""
    files, problems = read_content(site_dir)
    articles = []
    for file in files:
        text, problem = decode(file.data, file.shown)
        if problem:
            problems.append(problem)
            continue
        article, found = parse_article(text, file.shown, tz, language)
        problems.extend(found)
        if article is not None:
            articles.append(article)
    return Loaded(tuple(articles), tuple(problems))


STATIC_LITTER = frozenset({".DS_Store", "Thumbs.db", "desktop.ini", ".git", ".svn", ".hg"})


def static_files(folders: list[tuple[Path, Path]]) -> tuple[dict[str, Path], list[Problem]]:
    """site-relative path -> file, from (folder, the root its links must stay in) pairs, later
    folders overriding earlier ones (theme, then site). Dotfiles such as .nojekyll or
    .well-known/ are published; OS and VCS litter is not. Symbolic links follow the rules
    of content/ (:func:`_walk`)."""
    found: dict[str, Path] = {}
    problems: list[Problem] = []
    for folder, root in folders:
        if folder.is_dir():
            entries, refused = _walk(str(folder), str(root), STATIC_LITTER.__contains__, lambda name: True)
            problems.extend(refused)
            for entry in entries:
                fault = _name_fault(entry.parts)
                if fault:  # no address can be written for it
                    problems.append(
                        error(
                            shown_path(entry.path),
                            0,
                            f"file name {fault} (shown with \\x escapes): rename the file to publish it",
                        )
                    )
                else:
                    found["/".join(entry.parts)] = Path(entry.path)
    return dict(sorted(found.items())), problems


PACKAGE_DIR = Path(__file__).resolve().parents[1]
PROJECT_DIR = PACKAGE_DIR.parent


def lunr_js(site_dir: Path) -> tuple[Path | None, Problem | None]:
    """lunr.min.js as npm installed it (`npm ci`): beside the site, in the working folder, the
    copy an installed wheel carries (hatch_build.py puts it there), or this project's checkout.
    It is copied into every built site and never committed."""
    folders = (
        site_dir / "node_modules",
        Path.cwd() / "node_modules",
        PACKAGE_DIR / "_vendor",
        PROJECT_DIR / "node_modules",
    )
    candidates = list(dict.fromkeys(folder / "lunr" for folder in folders))
    for folder in candidates:
        script = folder / "lunr.min.js"
        if script.is_file():
            try:
                version = json.loads((folder / "package.json").read_text(encoding="utf-8")).get("version")
            except (OSError, ValueError):
                version = None
            if version != LUNR_VERSION:
                return None, error(
                    str(folder / "package.json"),
                    1,
                    f"lunr.js {version} is installed; search needs "
                    f"{LUNR_VERSION} (run `npm ci` where package-lock.json is)",
                )
            return script, None
    looked = ", ".join(str(c) for c in candidates)
    return None, error(
        str(site_dir / "site.toml"),
        1,
        f"search needs lunr.js {LUNR_VERSION} from npm and it is not "
        f"installed (looked in {looked}): reinstall reform-archive from its wheel (which carries it), run `npm ci` "
        "where a package-lock.json pins it, or set search = false",
    )


def read_document_data(site_dir: Path, language: str = "en") -> tuple[Mapping[str, DocumentFacts], list[Problem]]:
    """data/documents.toml's facts about legal documents; none when the site has no such file."""
    path = site_dir / DATA_FILE
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return {}, []
    except OSError as exc:
        return {}, [error(shown_path(str(path)), 1, f"cannot be read: {exc.strerror or exc}")]
    text, problem = decode(data, shown_path(str(path)))
    if problem is not None:
        return {}, [problem]
    return parse_document_data(text, shown_path(str(path)), language)
