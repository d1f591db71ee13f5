"""Related articles and previous/next in time (pure, derived from the frozen Site)."""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from generator.model import Article, Site, term_slug

# Shared documents say most about two articles being about the same thing, tags least.
WEIGHTS = {"documents": 8, "provinces": 4, "topics": 2, "tags": 1}
RELATED_COUNT = 5


def related_articles(site: Site, count: int = RELATED_COUNT) -> dict[str, tuple[Article, ...]]:
    """For each article URL, the ``count`` articles sharing the most weighted terms; ties go to
    the article closest in time, then to the newer one.

    Broad terms make this quadratic (every article shares a topic with a sixth of the
    archive), so each article's scores are summed over the whole archive at once with numpy:
    one vector add per term it has, instead of one dictionary update per article sharing it.
    """
    articles = site.articles
    total = len(articles)
    members: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, article in enumerate(articles):
        for taxonomy in WEIGHTS:
            for name in article.terms(taxonomy):
                members[(taxonomy, term_slug(taxonomy, name))].append(index)
    postings = {key: np.array(indices, dtype=np.int64) for key, indices in members.items()}
    scores = np.zeros(total, dtype=np.int64)
    related: dict[str, tuple[Article, ...]] = {}
    for index, article in enumerate(articles):
        for taxonomy, weight in WEIGHTS.items():
            for name in article.terms(taxonomy):
                scores[postings[(taxonomy, term_slug(taxonomy, name))]] += weight  # a term is listed once per article
        scores[index] = 0
        others = np.flatnonzero(scores)
        # one number orders by score, then distance in time (articles are newest first), then
        # the newer of the two at that distance: 2 * distance + (older) is below 2 * total
        rank = scores[others] * (2 * total) - (2 * np.abs(others - index) + (others > index))
        if len(others) > count:  # the best few without sorting them all
            top = np.argpartition(-rank, count - 1)[:count]
            best = others[top[np.argsort(-rank[top])]]
        else:
            best = others[np.argsort(-rank)]
        related[article.url] = tuple(articles[other] for other in best.tolist())
        scores[others] = 0
    return related


def neighbours(site: Site) -> dict[str, tuple[Article | None, Article | None]]:
    """article URL -> (previous = older, next = newer)."""
    articles = site.articles
    result = {}
    for index, article in enumerate(articles):
        older = articles[index + 1] if index + 1 < len(articles) else None
        newer = articles[index - 1] if index > 0 else None
        result[article.url] = (older, newer)
    return result
