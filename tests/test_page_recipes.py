"""A page is kept when its recipe is unchanged (reform_archive.publish.pages, reform_archive.incremental.reuse): so its
recipe must name everything its view data is made from. Checked by editing articles in
every way the front matter and body allow and comparing, page by page, the recipe's
stamp with the stamp of the view data itself."""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import replace
from datetime import timedelta

import pytest
from conftest import NOW, SAMPLE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import reform_archive.source.prepare  # noqa: F401  (read-only mappings pickle)
from reform_archive.config import load_settings
from reform_archive.incremental.reuse import recipe_stamp
from reform_archive.publish.pages import _given, plan_aliases, plan_pages
from reform_archive.publish.render import find_theme, load_catalogue, translator
from reform_archive.site.model import Selection, build_model
from reform_archive.source.article import Source
from reform_archive.source.loader import load_content


def identity(article) -> str:  # the build names an article by its file's cache key; all of it will do here
    return hashlib.sha256(pickle.dumps(article, protocol=pickle.HIGHEST_PROTOCOL)).hexdigest()


def stamps(sources, site_settings, t) -> dict[str, tuple[bytes, bytes]]:
    """Per page: (the recipe's stamp, the stamp of the view data it makes)."""
    site, problems = build_model(sources, site_settings, Selection(False, False, NOW))
    assert not [p for p in problems if p.level == "error"]
    return {
        spec.path: (
            recipe_stamp(spec.template, spec.make, spec.inputs, identity),
            recipe_stamp(spec.template, _given, (spec.context,), identity),
        )
        for spec in [*plan_pages(site, t), *plan_aliases(site, t)]
    }


EDITS = {
    "title": lambda a: replace(a, title=a.title + " (sửa)"),
    "date": lambda a: replace(a, date=a.date - timedelta(days=400)),
    "same day, later": lambda a: replace(a, date=a.date + timedelta(hours=1)),
    "body": lambda a: replace(a, body=a.body + "\n\nMột đoạn mới về hoà giải.\n"),
    "first paragraph": lambda a: replace(a, body="Đoạn mở đầu mới.\n\n" + a.body),
    "summary": lambda a: replace(a, summary="Tóm tắt khác."),
    "slug": lambda a: replace(a, slug=a.slug + "-moi"),
    "lastmod": lambda a: replace(a, lastmod=a.date + timedelta(days=3)),
    "tags": lambda a: replace(a, tags=(*a.tags, "thẻ mới")),
    "tag removed": lambda a: replace(a, tags=a.tags[1:]),
    "provinces": lambda a: replace(a, provinces=("Hoà Bình",)),
    "topics": lambda a: replace(a, topics=(*a.topics, "Chuyển đổi số")),
    "documents": lambda a: replace(a, documents=("72/TB-UBND",)),
    "authors": lambda a: replace(a, authors=("Nguyễn Văn A",)),
    "source": lambda a: replace(a, source=Source("Báo Mới", "https://example.org/x")),
    "category": lambda a: replace(a, category="Tin địa phương"),
    "aliases": lambda a: replace(a, aliases=("cu/duong-dan",)),
    "extra": lambda a: replace(a, extra={"nguon_goc": "giấy"}),
    "draft": lambda a: replace(a, draft=True),
}


@pytest.fixture(scope="module")
def sample():
    site_settings = load_settings(SAMPLE)
    t = translator(load_catalogue(find_theme(site_settings), site_settings.language))
    sources = list(load_content(SAMPLE, site_settings.tz).articles)
    return sources, site_settings, t, stamps(sources, site_settings, t)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(min_value=0), st.sampled_from(sorted(EDITS))), min_size=1, max_size=3))
def test_a_page_whose_recipe_is_unchanged_shows_the_same_view_data(sample, edits):
    sources, site_settings, t, before = sample
    edited = list(sources)
    for which, kind in edits:
        index = which % len(edited)
        edited[index] = EDITS[kind](edited[index])
    after = stamps(edited, site_settings, t)
    for path in before.keys() & after.keys():
        (recipe_then, view_then), (recipe_now, view_now) = before[path], after[path]
        if recipe_then == recipe_now:
            assert view_then == view_now, f"/{path} kept, but its view data changed ({edits})"


def test_every_edit_changes_some_page(sample):
    """The test above would pass if recipes changed with everything: they do not."""
    sources, site_settings, t, before = sample
    after = stamps([EDITS["body"](sources[0]), *sources[1:]], site_settings, t)
    changed = [path for path in before if before[path][0] != after[path][0]]
    assert 0 < len(changed) < len(before) / 2
