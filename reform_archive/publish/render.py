"""Jinja2 environment: theme lookup, site template overrides, UI strings, filters.

A file in the site's ``templates/`` replaces the theme's file of the same name. Templates
get view data (:mod:`reform_archive.publish.views`), a ``t()`` for UI strings and ``url()`` for links.
"""

from __future__ import annotations

import json
import tomllib
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from reform_archive.config import Settings
from reform_archive.errors import ConfigError, Problem, error
from reform_archive.menu import menu_links
from reform_archive.site.urls import link
from reform_archive.text.suggest import nearest

__all__ = [
    "PACKAGE_DIR",
    "THEME_SEARCH",
    "Renderer",
    "Theme",
    "find_theme",
    "json_ld",
    "load_catalogue",
    "translator",
    "with_site_strings",
]

PACKAGE_DIR = Path(__file__).resolve().parent.parent
THEME_SEARCH = (PACKAGE_DIR / "_themes", PACKAGE_DIR.parent / "themes")  # installed wheel, source checkout


@dataclass(frozen=True)
class Theme:
    name: str
    root: Path

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @property
    def static(self) -> Path:
        return self.root / "static"

    @property
    def i18n(self) -> Path:
        return self.root / "i18n"


def find_theme(settings: Settings) -> Theme:
    candidates = [settings.site_dir / "themes" / settings.theme] + [base / settings.theme for base in THEME_SEARCH]
    for candidate in candidates:
        if (candidate / "templates").is_dir():
            return Theme(settings.theme, candidate)
    looked = ", ".join(str(c) for c in candidates)
    raise ConfigError(
        [error(str(settings.site_dir / "site.toml"), 1, f"theme '{settings.theme}' not found (looked in {looked})")]
    )


def load_catalogue(theme: Theme, language: str) -> Mapping[str, str]:
    path = theme.i18n / f"{language}.toml"
    try:
        with path.open("rb") as handle:
            return _flatten(tomllib.load(handle))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError([error(str(path), 1, f"cannot read UI strings: {exc}")]) from None


def with_site_strings(
    catalogue: Mapping[str, str], strings: tuple[tuple[str, str], ...], source: str
) -> Mapping[str, str]:
    """The theme's UI strings with the site's own wording ([strings] in site.toml) over them.
    A key the theme does not have is an error, with the nearest one it has."""
    unknown = [key for key, _ in strings if key not in catalogue]
    if unknown:
        raise ConfigError(
            [
                error(
                    source,
                    1,
                    f"[strings]: the theme has no UI string '{key}'"
                    + (f"; did you mean '{near}'?" if (near := nearest(key, catalogue)) else ""),
                )
                for key in unknown
            ]
        )
    return {**catalogue, **dict(strings)}


def _flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in table.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = str(value)
    return flat


def translator(catalogue: Mapping[str, str], source: str = "UI strings") -> Callable[..., str]:
    """t("articles_count", n=1) uses "articles_count_one" when the catalogue has it (English
    needs it, Vietnamese does not inflect)."""
    return _Translator(dict(catalogue), source)


@dataclass(frozen=True)
class _Translator:
    """A class, not a closure, so that a renderer can be pickled to a worker started clean."""

    catalogue: Mapping[str, str]
    source: str

    def __call__(self, key: str, **params: Any) -> str:
        catalogue = self.catalogue
        if params.get("n") == 1 and f"{key}_one" in catalogue:
            key = f"{key}_one"
        if key not in catalogue:
            raise ConfigError([error(self.source, 1, f"UI string '{key}' is missing")])
        try:
            return catalogue[key].format(**params) if params else catalogue[key]
        except (KeyError, IndexError, ValueError) as exc:
            raise ConfigError([error(self.source, 1, f"UI string '{key}' has a bad placeholder: {exc}")]) from None


def json_ld(data: Any) -> str:
    """JSON for a <script type="application/ld+json">: no '<', '>' or '&' that the HTML parser
    could read as the end of the script or a comment (JSON allows them as \\u escapes)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=None, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class Renderer:
    """Compiles templates as pages ask for them. It pickles as what it was made from, so a
    worker started clean (the preview's, where forking is unsafe) makes the same one."""

    def __init__(self, settings: Settings, theme: Theme, t: Callable[..., str]):
        self._made_from = (settings, theme, t)
        own = jinja2.FileSystemLoader(str(theme.templates))
        # "theme:article.html" is always the theme's own file, so that a same-name override in
        # the site can extend it (Pelican's "!theme/"); a bare name is the site's first
        loaders: list[jinja2.BaseLoader] = [own, jinja2.PrefixLoader({"theme": own}, delimiter=":")]
        overrides = settings.site_dir / "templates"
        if overrides.is_dir():
            loaders.insert(0, jinja2.FileSystemLoader(str(overrides)))
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters["json_ld"] = json_ld
        self.env.globals.update(
            t=t,
            url=lambda path="": link(settings.base_path, path),
            site={
                "title": settings.title,
                "description": settings.description,
                "language": settings.language,
                "content_language": settings.content_language,
                "base_url": settings.base_url,
                "base_path": settings.base_path,
                "search": settings.search,
                "menu": menu_links(settings.menu, lambda path: link(settings.base_path, path)),
            },
        )

    def __reduce__(self) -> tuple[type[Renderer], tuple[Settings, Theme, Callable[..., str]]]:
        return Renderer, self._made_from

    def render(self, template: str, context: Mapping[str, Any]) -> tuple[bytes | None, Problem | None]:
        try:
            return self.env.get_template(template).render(context).encode("utf-8"), None
        except jinja2.TemplateSyntaxError as exc:
            return None, error(exc.filename or template, exc.lineno or 0, f"template syntax: {exc.message}")
        except jinja2.TemplateNotFound as exc:
            return None, error(template, 0, f"template not found: {exc.name}")
        except RecursionError as exc:  # an override extending its own name: it finds itself again
            where = _template_frame(exc)
            return None, error(
                where[0] if where else template,
                where[1] if where else 0,
                f"this template extends or includes itself; to build on the theme's own "
                f'{template}, write {{% extends "theme:{template}" %}}',
            )
        except ConfigError as exc:  # a missing UI string: name the catalogue and the template line
            where = _template_frame(exc)
            detail = f" (used in {where[0]}:{where[1]})" if where else ""
            problem = exc.problems[0]
            return None, error(problem.path, problem.line, problem.message + detail)
        except Exception as exc:  # noqa: BLE001 - an error inside a template: point at the template line
            where = _template_frame(exc)
            return None, error(
                where[0] if where else template,
                where[1] if where else 0,
                f"while rendering: {type(exc).__name__}: {exc}",
            )


def _template_frame(exc: BaseException) -> tuple[str, int] | None:
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith((".html", ".xml", ".txt")):
            return frame.filename, frame.lineno or 0
    return None
