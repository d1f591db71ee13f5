"""The only reader of content/: files -> validated :class:`SourceArticle` records."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from generator.errors import Problem, error
from generator.parse import SourceArticle, parse_article
from generator.prepare import decode
from generator.search.vendor import LUNR_VERSION

CONTENT_DIR = "content"


@dataclass(frozen=True)
class Loaded:
    articles: tuple[SourceArticle, ...]
    problems: tuple[Problem, ...]


def is_article_file(relative: tuple[str, ...]) -> bool:
    """A path inside content/ that is an article: Markdown, outside folders and files starting
    with '_' or '.' (content/_raw/ keeps the importer's raw text)."""
    return bool(relative) and relative[-1].endswith(".md") and \
        not any(part.startswith(("_", ".")) for part in relative)


def content_files(content_dir: Path) -> list[Path]:
    """Article files, sorted (by folder, then name); folders that cannot be read are skipped."""
    return [Path(path) for path, _ in _article_entries(content_dir)[0]]


def _article_entries(content_dir: Path) -> tuple[list[tuple[str, bool]], list[Problem]]:
    """(path, whether it is a symbolic link) of every article file, sorted as paths are
    (folder by folder), and the folders that could not be read. One scandir per folder:
    globbing and relative paths took a fifth of a second at 10,000 articles, on every build."""
    found: list[tuple[tuple[str, ...], str, bool]] = []
    problems: list[Problem] = []
    folders: list[tuple[str, tuple[str, ...]]] = [(str(content_dir), ())]
    while folders:
        folder, parts = folders.pop()
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.name.startswith(("_", ".")):
                        continue  # is_article_file: hidden and raw folders and files are not articles
                    if entry.is_dir(follow_symlinks=False):
                        folders.append((entry.path, (*parts, entry.name)))
                    elif entry.name.endswith(".md"):
                        found.append(((*parts, entry.name), entry.path, entry.is_symlink()))
        except OSError as exc:  # unreadable, or removed while the build looked
            problems.append(error(folder, 0, f"cannot read folder: {exc.strerror}"))
    found.sort()
    return [(path, link) for _, path, link in found], sorted(problems, key=lambda p: p.path)


def outside_link(path: Path, root: Path) -> Problem | None:
    """A symbolic link that leads out of its source folder would publish a file from elsewhere
    on the machine (a key, a password file): refused, for content and static files alike."""
    if not path.is_symlink():
        return None
    target = path.resolve()
    if target.is_relative_to(root.resolve()):
        return None
    return error(str(path), 0, f"symbolic link leads outside {root} (to {target}); it is not "
                               "published: copy the file into the site instead")


@dataclass(frozen=True)
class ContentFile:
    shown: str  # the path as problems name it
    data: bytes


def read_content(site_dir: Path) -> tuple[list[ContentFile], list[Problem]]:
    """The bytes of every article file, sorted by path; unreadable files and symbolic links
    leading out of the site are problems."""
    content_dir = site_dir / CONTENT_DIR
    if not content_dir.is_dir():
        return [], [error(str(content_dir), 0, "content folder not found")]
    files: list[ContentFile] = []
    entries, problems = _article_entries(content_dir)
    for shown, link in entries:
        refused = outside_link(Path(shown), site_dir) if link else None
        if refused:
            problems.append(refused)
            continue
        try:
            with open(shown, "rb") as file:
                files.append(ContentFile(shown, file.read()))
        except OSError as exc:
            problems.append(error(shown, 0, f"cannot read: {exc.strerror}"))
    return files, problems


def load_content(site_dir: Path, tz: ZoneInfo) -> Loaded:
    """Every article, parsed in this process without the cache (tests and tools; the build
    prepares articles through the cache and worker processes)."""
    files, problems = read_content(site_dir)
    articles = []
    for file in files:
        text, problem = decode(file.data, file.shown)
        if problem:
            problems.append(problem)
            continue
        article, found = parse_article(text, file.shown, tz)
        problems.extend(found)
        if article is not None:
            articles.append(article)
    return Loaded(tuple(articles), tuple(problems))


STATIC_LITTER = frozenset({".DS_Store", "Thumbs.db", "desktop.ini", ".git", ".svn", ".hg"})


def static_files(folders: list[tuple[Path, Path]]) -> tuple[dict[str, Path], list[Problem]]:
    """site-relative path -> file, from (folder, the root its links must stay in) pairs, later
    folders overriding earlier ones (theme, then site). Dotfiles such as .nojekyll or
    .well-known/ are published; OS and VCS litter is not."""
    found: dict[str, Path] = {}
    problems: list[Problem] = []
    for folder, root in folders:
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                relative = path.relative_to(folder)
                if not path.is_file() or STATIC_LITTER.intersection(relative.parts):
                    continue
                refused = outside_link(path, root)
                if refused:
                    problems.append(refused)
                else:
                    found[relative.as_posix()] = path
    return dict(sorted(found.items())), problems


PROJECT_DIR = Path(__file__).resolve().parent.parent


def lunr_js(site_dir: Path) -> tuple[Path | None, Problem | None]:
    """lunr.min.js as npm installed it (`npm ci`): beside the site, in the working folder, or
    in this project's checkout. It is copied into every built site and never committed."""
    folders = (site_dir, Path.cwd(), PROJECT_DIR)
    candidates = list(dict.fromkeys(folder / "node_modules" / "lunr" for folder in folders))
    for folder in candidates:
        script = folder / "lunr.min.js"
        if script.is_file():
            try:
                version = json.loads((folder / "package.json").read_text(encoding="utf-8")).get("version")
            except (OSError, ValueError):
                version = None
            if version != LUNR_VERSION:
                return None, error(str(folder / "package.json"), 1, f"lunr.js {version} is installed; search needs "
                                   f"{LUNR_VERSION} (run `npm ci` where package-lock.json is)")
            return script, None
    looked = ", ".join(str(c) for c in candidates)
    return None, error(str(site_dir / "site.toml"), 1, f"search needs lunr.js {LUNR_VERSION} from npm and it is not "
                       f"installed (looked in {looked}): run `scripts/dev setup` or `npm ci`, or set search = false")
