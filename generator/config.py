"""site.toml -> frozen, validated :class:`Settings`.

Parsing is pure (:func:`parse_settings` takes text); :func:`load_settings` is the thin
file wrapper. Every problem is collected and reported together, with the line of the key.
"""

from __future__ import annotations

import re
import string
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from generator.errors import ConfigError, Problem, error

CONFIG_FILE = "site.toml"
LANGUAGES = ("vi", "en")
PERMALINK_FIELDS = frozenset({"year", "month", "day", "slug"})


@dataclass(frozen=True)
class Settings:
    title: str
    base_url: str
    description: str = ""
    language: str = "vi"
    timezone: str = "Asia/Ho_Chi_Minh"
    per_page: int = 20
    permalink: str = "/{year}/{month}/{slug}/"
    theme: str = "default"
    feed_size: int = 20
    search: bool = True
    site_dir: Path = field(default=Path("."), compare=False)

    @property
    def base_path(self) -> str:
        """The URL path the site lives under: "/" or "/luu-tru/"."""
        return urlsplit(self.base_url).path or "/"

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def with_base_url(self, base_url: str, source: str = "--base-url") -> "Settings":
        problems: list[Problem] = []
        checked = _check_base_url(base_url, source, 0, problems)
        if problems:
            raise ConfigError(problems)
        return replace(self, base_url=checked)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _positive_int(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    return None


# key -> (checker returning the cleaned value or None, what was expected)
_FIELDS: dict[str, tuple[Callable[[Any], Any], str]] = {
    "title": (_text, "a string"),
    "description": (_text, "a string"),
    "base_url": (_text, "an absolute http(s) URL such as \"https://example.org/luu-tru/\""),
    "language": (lambda v: v if v in LANGUAGES else None, f"one of {', '.join(LANGUAGES)}"),
    "timezone": (_text, "an IANA time zone name such as \"Asia/Ho_Chi_Minh\""),
    "per_page": (_positive_int, "a positive integer"),
    "permalink": (_text, "a pattern such as \"/{year}/{month}/{slug}/\""),
    "theme": (_text, "a theme name"),
    "feed_size": (_positive_int, "a positive integer"),
    "search": (lambda v: v if isinstance(v, bool) else None, "true or false"),
}
_REQUIRED = ("title", "base_url")


def load_settings(site_dir: Path) -> Settings:
    path = site_dir / CONFIG_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError([error(str(path), 0, f"no {CONFIG_FILE} here (run `reform-archive init` to make a site)")])
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError([error(str(path), 0, f"cannot read: {exc}")])
    return parse_settings(text, str(path), site_dir)


def parse_settings(text: str, path: str, site_dir: Path = Path(".")) -> Settings:
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+)", str(exc))
        raise ConfigError([error(path, int(match.group(1)) if match else 0, f"invalid TOML: {exc}")])

    problems: list[Problem] = []
    values: dict[str, Any] = {}
    for key, value in raw.items():
        line = _line_of(text, key)
        if key not in _FIELDS:
            known = ", ".join(sorted(_FIELDS))
            problems.append(error(path, line, f"unknown key '{key}' (known keys: {known})"))
            continue
        check, expected = _FIELDS[key]
        cleaned = check(value)
        if cleaned is None:
            problems.append(error(path, line, f"'{key}' must be {expected}, got {value!r}"))
            continue
        values[key] = cleaned
    for key in _REQUIRED:
        if key not in raw:
            problems.append(error(path, 1, f"missing required key '{key}' ({_FIELDS[key][1]})"))

    if "base_url" in values:
        values["base_url"] = _check_base_url(values["base_url"], path, _line_of(text, "base_url"), problems)
    if "timezone" in values:
        _check_timezone(values["timezone"], path, _line_of(text, "timezone"), problems)
    if "permalink" in values:
        _check_permalink(values["permalink"], path, _line_of(text, "permalink"), problems)
    if problems:
        raise ConfigError(problems)
    return Settings(site_dir=site_dir, **values)


def _line_of(text: str, key: str) -> int:
    match = re.search(rf"^[ \t]*[\"']?{re.escape(key)}[\"']?\s*=", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _check_base_url(url: str, path: str, line: int, problems: list[Problem]) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        problems.append(error(path, line, f"'base_url' must be {_FIELDS['base_url'][1]}, got {url!r}"))
        return url
    return url if url.endswith("/") else url + "/"


def _check_timezone(name: str, path: str, line: int, problems: list[Problem]) -> None:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        problems.append(error(path, line, f"'timezone' must be {_FIELDS['timezone'][1]}, got {name!r}"))


def _check_permalink(pattern: str, path: str, line: int, problems: list[Problem]) -> None:
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None}
    except ValueError as exc:
        problems.append(error(path, line, f"'permalink' is not a valid pattern: {exc}"))
        return
    unknown = names - PERMALINK_FIELDS
    if unknown:
        problems.append(error(path, line, f"'permalink' uses unknown field(s) {sorted(unknown)}; "
                              f"available: {sorted(PERMALINK_FIELDS)}"))
    if "slug" not in names:
        problems.append(error(path, line, "'permalink' must contain {slug} so every article gets its own URL"))
    if not pattern.startswith("/") or not (pattern.endswith("/") or pattern.endswith(".html")):
        problems.append(error(path, line, "'permalink' must start with '/' and end with '/' or '.html'"))
