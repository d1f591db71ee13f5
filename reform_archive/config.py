"""site.toml -> frozen, validated :class:`Settings`.

Parsing is pure (:func:`parse_settings` takes text); :func:`load_settings` is the thin
file wrapper. Every problem is collected and reported together, with the line of the key.
"""

from __future__ import annotations

import re
import string
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from reform_archive.cli_messages import environment_language
from reform_archive.config_lines import alias_key_lines, key_lines, table_lines
from reform_archive.config_messages import say
from reform_archive.config_values import abbreviation_pairs, alias_triples, equivalent_sets, ui_strings
from reform_archive.errors import ConfigError, Problem, error
from reform_archive.menu import MenuItem, parse_menu
from reform_archive.text.suggest import nearest
from reform_archive.text.term_names import ALIAS_TAXONOMIES, Alias, alias_faults

__all__ = [
    "CONFIG_FILE",
    "LANGUAGES",
    "LANGUAGE_TAG",
    "NOT_XML",
    "PERMALINK_FIELDS",
    "Settings",
    "describe_characters",
    "load_settings",
    "parse_settings",
    "picture_address_fault",
]

CONFIG_FILE = "site.toml"
LANGUAGES = ("vi", "en")
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")  # BCP 47, as far as HTML's lang needs
PERMALINK_FIELDS = frozenset({"year", "month", "day", "slug"})
# Characters XML 1.0 does not allow (C0 controls but tab, newline and CR; lone surrogates;
# U+FFFE, U+FFFF): in a title or a tag they would make the Atom feeds not well-formed.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def describe_characters(characters: str, language: str = "en") -> str:
    """Two characters, the first and second C0 controls -> "U+0001 and U+0002" ("U+0001 và U+0002" in "vi")."""
    names = [f"U+{ord(character):04X}" for character in characters]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + say(language, "and") + names[-1]


@dataclass(frozen=True)
class Settings:
    title: str
    base_url: str
    description: str = ""
    language: str = "vi"
    content_language: str = "vi"  # the articles' language (lang="…" on bodies and cards), not the UI's
    timezone: str = "Asia/Ho_Chi_Minh"
    per_page: int = 20
    permalink: str = "/{year}/{month}/{slug}/"
    theme: str = "default"
    feed_size: int = 20
    search: bool = True
    # [abbreviations] in site.toml: abbreviation -> its full forms, added to search's table
    abbreviations: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # equivalents = [[…], …] in site.toml: phrases that name the same thing, added to search's sets
    equivalents: tuple[tuple[str, ...], ...] = ()
    # [strings] in site.toml: UI string key -> the site's wording, over the theme's catalogue
    strings: tuple[tuple[str, str], ...] = ()
    # [[menu]] in site.toml: the header's links, in place of the theme's (reform_archive.menu)
    menu: tuple[MenuItem, ...] = ()
    # [aliases.<taxonomy>] in site.toml: (taxonomy, a name as articles write it, the name to file it under)
    aliases: tuple[Alias, ...] = ()
    # each alias's line in site.toml, for problems: not compared, so a moved line changes no page
    alias_lines: tuple[int, ...] = field(default=(), compare=False, repr=False)
    # the picture of link previews for pages without a cover: a path inside static/, or an https URL
    image: str = ""
    image_line: int = field(default=0, compare=False, repr=False)  # for problems about the file
    site_dir: Path = field(default=Path("."), compare=False)

    @property
    def base_path(self) -> str:
        """The URL path the site lives under: "/" or "/luu-tru/"."""
        return urlsplit(self.base_url).path or "/"

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def with_base_url(self, base_url: str, source: str = "--base-url") -> Settings:
        problems: list[Problem] = []
        checked = _check_base_url(base_url, source, 0, problems, self.language)
        if problems:
            raise ConfigError(problems)
        return replace(self, base_url=checked)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def picture_address_fault(src: str) -> str:
    """What is wrong with ``src`` as a picture's address (site.toml's and front matter's
    ``image``), or "": a path inside static/, or an https URL shown as it is."""
    if "://" in src or src.startswith("//"):
        parts = urlsplit(src)
        if parts.scheme == "http":
            return "an http:// picture on an https page is blocked or upgraded by browsers: use its https:// address"
        return (
            ""
            if parts.scheme == "https" and parts.netloc
            else "must be a path inside static/ such as images/2024/a.jpg, or an https:// URL"
        )
    if "\\" in src or any(segment in ("", ".", "..") for segment in src.lstrip("/").split("/")):
        return "must be a path inside static/ such as images/2024/a.jpg (no '..', '.', '\\' or empty parts)"
    return ""


def _picture(value: Any) -> str | None:
    return value.lstrip("/") if isinstance(value, str) and value and not picture_address_fault(value) else None


def _positive_int(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    return None


# key -> checker returning the cleaned value or None; what each expects is config_messages' "expect_<key>"
_FIELDS: dict[str, Callable[[Any], Any]] = {
    "title": _text,
    "description": _text,
    "base_url": _text,
    "language": lambda v: v if v in LANGUAGES else None,
    "content_language": lambda v: v if isinstance(v, str) and LANGUAGE_TAG.fullmatch(v) else None,
    "timezone": _text,
    "per_page": _positive_int,
    "permalink": _text,
    "theme": _text,
    "feed_size": _positive_int,
    "search": lambda v: v if isinstance(v, bool) else None,
    "menu": parse_menu,
    "abbreviations": abbreviation_pairs,
    "equivalents": equivalent_sets,
    "strings": ui_strings,
    "aliases": alias_triples,
    "image": _picture,
}
_REQUIRED = ("title", "base_url")


def _expected(language: str, key: str) -> str:
    return say(language, f"expect_{key}", languages=", ".join(LANGUAGES))


def _language(raw: dict[str, Any] | None) -> str:
    """The language of problems: the file's own ``language`` when valid, else the environment's."""
    given = raw.get("language") if raw is not None else None
    return given if isinstance(given, str) and given in LANGUAGES else environment_language()


def load_settings(site_dir: Path) -> Settings:
    path = site_dir / CONFIG_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError([error(str(path), 0, say(_language(None), "no_config"))]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError([error(str(path), 0, say(_language(None), "cannot_read", detail=exc))]) from None
    return parse_settings(text, str(path), site_dir)


def parse_settings(text: str, path: str, site_dir: Path = Path(".")) -> Settings:
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+)", str(exc))
        raise ConfigError(
            [error(path, int(match.group(1)) if match else 0, say(_language(None), "invalid_toml", detail=exc))]
        ) from None

    language = _language(raw)
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    lines = key_lines(text)
    for key, value in raw.items():
        line = lines.get(key, 1)
        if key not in _FIELDS:
            near = nearest(key, _FIELDS)
            problems.append(
                error(
                    path,
                    line,
                    say(language, "unknown_key", key=key, known=", ".join(sorted(_FIELDS)))
                    + (say(language, "did_you_mean", near=near) if near else ""),
                )
            )
            continue
        cleaned = _FIELDS[key](value)
        if cleaned is None:
            problems.append(
                error(
                    path, line, say(language, "must_be", key=key, expected=_expected(language, key), value=repr(value))
                )
            )
            continue
        if isinstance(cleaned, str) and NOT_XML.search(cleaned):
            found = describe_characters("".join(dict.fromkeys(NOT_XML.findall(cleaned))), language)
            problems.append(error(path, line, say(language, "not_xml", key=key, characters=found)))
            continue
        values[key] = cleaned
    if "menu" in values:  # each item's own line when written as [[menu]] tables, else the key's
        headers = table_lines(text, "menu")
        values["menu"] = tuple(
            replace(item, line=headers[i] if len(headers) == len(values["menu"]) else lines.get("menu", 1))
            for i, item in enumerate(values["menu"])
        )
    for key in _REQUIRED:
        if key not in raw:
            problems.append(error(path, 1, say(language, "missing_key", key=key, expected=_expected(language, key))))

    checks = {
        "base_url": _check_base_url,
        "timezone": _check_timezone,
        "permalink": _check_permalink,
        "theme": _check_theme,
    }
    for key, check_value in checks.items():
        if key in values:
            values[key] = check_value(values[key], path, lines.get(key, 1), problems, language)
    if "image" in values:
        values["image_line"] = lines.get("image", 1)
    if "aliases" in values:
        values["alias_lines"] = _check_aliases(
            values["aliases"], text, path, lines.get("aliases", 1), problems, language
        )
    if problems:
        raise ConfigError(problems)
    return Settings(site_dir=site_dir, **values)


def _check_aliases(
    aliases: tuple[Alias, ...], text: str, path: str, line: int, problems: list[Problem], language: str
) -> tuple[int, ...]:
    """Each alias's line; an alias of a taxonomy that has none, onto itself, in a loop, or two
    spellings of one name sent to two names are errors (:func:`reform_archive.text.term_names.alias_faults`)."""
    found = alias_key_lines(text)
    lines = tuple(found.get((taxonomy, written), found.get((taxonomy, ""), line)) for taxonomy, written, _ in aliases)
    for taxonomy in dict.fromkeys(taxonomy for taxonomy, _, _ in aliases):
        if taxonomy not in ALIAS_TAXONOMIES:
            near = nearest(taxonomy, ALIAS_TAXONOMIES)
            problems.append(
                error(
                    path,
                    found.get((taxonomy, ""), line),
                    say(language, "alias_taxonomy", taxonomy=taxonomy, known=", ".join(ALIAS_TAXONOMIES))
                    + (say(language, "did_you_mean", near=near) if near else ""),
                )
            )
    for (_, written, target), at in zip(aliases, lines, strict=True):
        if found_characters := "".join(dict.fromkeys(NOT_XML.findall(written + target))):
            problems.append(
                error(
                    path,
                    at,
                    say(
                        language,
                        "alias_not_xml",
                        written=written,
                        target=target,
                        characters=describe_characters(found_characters, language),
                    ),
                )
            )
    known = [(index, alias) for index, alias in enumerate(aliases) if alias[0] in ALIAS_TAXONOMIES]
    for position, message in alias_faults(alias for _, alias in known):
        problems.append(error(path, lines[known[position][0]], message))
    return lines


def _check_base_url(url: str, path: str, line: int, problems: list[Problem], language: str) -> str:
    if any(character.isspace() or not character.isprintable() for character in url):
        problems.append(error(path, line, say(language, "base_url_spaces", value=repr(url))))
        return url
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises for a port that is not a number from 0 to 65535
    except ValueError:  # "http://[::1/": an IPv6 address not closed
        parts = urlsplit("")
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        problems.append(
            error(
                path,
                line,
                say(language, "must_be", key="base_url", expected=_expected(language, "base_url"), value=repr(url)),
            )
        )
        return url
    return url if url.endswith("/") else url + "/"


def _check_timezone(name: str, path: str, line: int, problems: list[Problem], language: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: "Asia" is a folder, a name too long
        problems.append(
            error(
                path,
                line,
                say(language, "must_be", key="timezone", expected=_expected(language, "timezone"), value=repr(name)),
            )
        )
    return name


def _check_theme(name: str, path: str, line: int, problems: list[Problem], language: str) -> str:
    if not name or name in (".", "..") or any(c in name for c in "/\\") or not name.isprintable():
        problems.append(error(path, line, say(language, "theme_folder", value=repr(name))))
    return name


def _check_permalink(pattern: str, path: str, line: int, problems: list[Problem], language: str) -> str:
    try:
        fields = [
            (name, spec, conversion)
            for _, name, spec, conversion in string.Formatter().parse(pattern)
            if name is not None
        ]
    except ValueError as exc:
        problems.append(error(path, line, say(language, "permalink_invalid", detail=exc)))
        return pattern
    names = {name for name, _, _ in fields}
    for name, spec, conversion in fields:
        if spec or conversion:
            written = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            problems.append(error(path, line, say(language, "permalink_format", written=written)))
    if any(segment in ("", ".", "..") for segment in pattern.strip("/").split("/")) or "//" in pattern:
        problems.append(error(path, line, say(language, "permalink_segments")))
    unknown = names - PERMALINK_FIELDS
    if unknown:
        problems.append(
            error(
                path,
                line,
                say(language, "permalink_fields", unknown=sorted(unknown), available=sorted(PERMALINK_FIELDS)),
            )
        )
    if "slug" not in names:
        problems.append(error(path, line, say(language, "permalink_slug")))
    if not pattern.startswith("/") or not (pattern.endswith(("/", ".html"))):
        problems.append(error(path, line, say(language, "permalink_ends")))
    return pattern
