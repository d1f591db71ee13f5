"""What a build into memory leaves for the next one in the same process (the preview).

Never part of the public :class:`~reform_archive.build.result.BuildResult`: the page stamps
and links that let the next build keep unchanged pages, and the model, related articles,
renderer and recipe that let the preview render one edited article at once
(:mod:`reform_archive.build.fast`) while the rest of the site follows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from reform_archive.build.result import BuildProfile
from reform_archive.incremental.cache import cache_key
from reform_archive.incremental.reuse import PageLedger
from reform_archive.publish.render import Renderer
from reform_archive.publish.views import Translate
from reform_archive.site.model import Article, Selection, Site
from reform_archive.site.pictures import Picture
from reform_archive.source.prepare import PreparedArticle, Recipe

__all__ = ["BuildMemory", "article_key"]


@dataclass(frozen=True)
class BuildMemory:
    ledger: PageLedger
    keys: Mapping[str, str]  # content file (as problems show it) -> its article's cache key
    site: Site
    related: Mapping[str, tuple[Article, ...]]  # article URL -> its related articles
    renderer: Renderer
    translate: Translate
    recipe: Recipe
    environment: str  # the render environment's digest (templates, UI strings, settings)
    selection: Selection  # drafts, future articles and "now", as the build chose them
    prepared: Mapping[str, PreparedArticle]  # cache key -> the article: the next build reads none of them again
    pictures: Mapping[str, Picture] = field(default_factory=dict)  # the local pictures shown, by path inside static/
    profile: BuildProfile = field(default_factory=BuildProfile)  # how that build went (cache hits, files kept)


def article_key(recipe: Recipe, shown: str, data: bytes) -> str:
    """The key an article is prepared, cached and held under: its file's bytes and path, and
    the recipe (the build and the preview's fast render must agree on it)."""
    return cache_key("article", repr(recipe), shown, data)
