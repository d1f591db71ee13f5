"""One content file's bytes -> everything about its article that depends on that file alone (pure).

Parsing the front matter, Markdown to sanitised HTML, the plain text and the search terms
are most of a build's work, and each depends only on the file's bytes, its path and four
settings (:class:`Recipe`). So this is the unit that runs in worker processes and that the
build cache (:mod:`reform_archive.incremental.cache`) keeps: an unchanged file is never parsed twice.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from zoneinfo import ZoneInfo

from reform_archive.errors import Problem, error
from reform_archive.search.index import FieldTerms, article_terms
from reform_archive.source.article import SourceArticle
from reform_archive.source.citations import find_citations
from reform_archive.source.markup import paragraphs_text, plain_text, to_html
from reform_archive.source.parse import parse_article
from reform_archive.text.term_names import Alias, term_names

__all__ = ["PreparedArticle", "Recipe", "decode", "prepare"]


@dataclass(frozen=True)
class Recipe:
    """The settings an article's preparation depends on, and nothing else: a change to the
    site's title must not make every cached article stale."""

    tz: str  # dates are read in the site's time zone
    base_path: str  # root-relative links in Markdown get the site's sub-path
    language: str  # footnote back-link titles, the words of front-matter problems
    aliases: tuple[Alias, ...] = ()  # site.toml's [aliases.*]: the names terms are filed under


@dataclass(frozen=True)
class PreparedArticle:
    path: str  # as shown in problems
    source: SourceArticle | None  # None when the file has errors
    problems: tuple[Problem, ...]
    html: str = ""
    plain: str = ""  # the body as plain text: search terms and snippets
    terms: tuple[FieldTerms, ...] = ()  # search terms, field by field


def prepare(data: bytes, path: str, recipe: Recipe) -> PreparedArticle:
    text, problem = decode(data, path)
    if problem:
        return PreparedArticle(path, None, (problem,))
    source, problems = parse_article(text, path, ZoneInfo(recipe.tz), recipe.language, term_names(recipe.aliases))
    if source is None:
        return PreparedArticle(path, None, tuple(problems))
    html = to_html(source.body, recipe.base_path, recipe.language)
    plain = plain_text(html)
    if source.documents:  # what the text says about its documents, for their pages
        source = replace(source, citations=find_citations(f"{source.title}\n{paragraphs_text(html)}", source.documents))
    return PreparedArticle(path, source, tuple(problems), html, plain, article_terms(source, plain))


def decode(data: bytes, path: str) -> tuple[str, Problem | None]:
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return "", error(path, line, f"not UTF-8 (byte {data[exc.start]:#04x}); save the file as UTF-8")
