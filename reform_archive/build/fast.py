"""The preview's first answer to a saved article: its own page, rendered at once (pure but
for reading the saved files).

Hugo's fast render mode and Zola's ``serve --fast`` render what the editor is looking at
first. Here an edited article's page is rendered against the last good build's model
(:class:`~reform_archive.build.memory.BuildMemory`): the article is prepared again from its
new bytes, put where the old one stood, and its page made with the same template,
neighbours and related articles. Lists, feeds, related blocks on other pages and the
search index follow with the whole build, which the preview starts right after.

Only an edit that leaves the article where it was qualifies: same address, still
published, no error. Anything else (a new or deleted file, a changed date or slug, a
file that no longer parses) is the whole build's to judge.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from reform_archive.build.memory import BuildMemory, article_key
from reform_archive.errors import errors_only
from reform_archive.publish.pages import article_page
from reform_archive.publish.views import ViewBuilder
from reform_archive.site.model import article_from, is_published
from reform_archive.site.related import neighbours
from reform_archive.site.urls import output_file
from reform_archive.source.markup import image_sources, with_image_sizes
from reform_archive.source.prepare import prepare

__all__ = ["FastRender", "render_saved_articles"]


@dataclass(frozen=True)
class FastRender:
    unchanged: bool = False  # every file was saved with the bytes the last build read: nothing to do
    pages: dict[str, bytes] = field(default_factory=dict)  # output file -> its fresh HTML
    keys: dict[str, str] = field(default_factory=dict)  # content file -> its new cache key


def render_saved_articles(memory: BuildMemory, changed: Collection[Path]) -> FastRender | None:
    """The fresh pages of the saved articles, or ``None`` when the change is not one an
    article's own page can show alone (the whole build decides)."""
    if not changed or any(path.suffix != ".md" for path in changed):
        return None
    shown_by_path = {os.path.abspath(shown): shown for shown in memory.keys}
    saved: list[tuple[str, bytes, str]] = []
    for path in changed:
        shown = shown_by_path.get(os.path.abspath(path))
        if shown is None:
            return None  # a new file, or one read through a link: the build finds it
        try:
            data = path.read_bytes()
        except OSError:
            return None  # deleted or unreadable: the build reports it
        key = article_key(memory.recipe, shown, data)
        if key != memory.keys[shown]:
            saved.append((shown, data, key))
    if not saved:
        return FastRender(unchanged=True)
    site = memory.site
    by_path = {article.path: article for article in site.articles}
    around = None
    views = ViewBuilder(site.settings, memory.translate, site.image)
    sizes = {src: (picture.width, picture.height) for src, picture in memory.pictures.items() if picture.width}
    pages, keys = {}, {}
    for shown, data, key in saved:
        old = by_path.get(shown)
        prepared = prepare(data, shown, memory.recipe)
        source = prepared.source
        if (
            old is None
            or source is None
            or errors_only(list(prepared.problems))
            or not is_published(source, memory.selection)
        ):
            return None
        if (source.cover.src if source.cover else "") != (old.image.src if old.image else ""):
            return None  # another cover: the build learns it and makes its renditions
        if any(src not in memory.pictures for src in image_sources(prepared.html, site.settings.base_path)):
            return None  # a picture the last build did not learn: the build reads it
        article = article_from(
            source, site.settings, with_image_sizes(prepared.html, site.settings.base_path, sizes), memory.pictures
        )
        if article.url != old.url or article.date != old.date:
            return None  # it moves in the lists and the archive: the build places it
        around = around or neighbours(site)
        older, newer = around[old.url]
        context = article_page(views, article, memory.related.get(old.url, ()), older, newer)
        html, problem = memory.renderer.render("article.html", context)
        if html is None or problem is not None:
            return None  # a template error on this page: the build reports it where it belongs
        pages[output_file(article.url)] = html
        keys[shown] = key
    return FastRender(pages=pages, keys=keys)
