"""Related articles and previous/next in time (pure, derived from the frozen Site)."""

from __future__ import annotations

from collections import defaultdict

from generator.model import Article, Site, term_slug

# Shared documents say most about two articles being about the same thing, tags least.
WEIGHTS = {"documents": 8, "provinces": 4, "topics": 2, "tags": 1}
RELATED_COUNT = 5


def related_articles(site: Site, count: int = RELATED_COUNT) -> dict[str, tuple[Article, ...]]:
    """For each article URL, the ``count`` articles sharing the most weighted terms."""
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    articles = site.articles
    for index, article in enumerate(articles):
        for taxonomy in WEIGHTS:
            for name in article.terms(taxonomy):
                postings[(taxonomy, term_slug(taxonomy, name))].append(index)
    related: dict[str, tuple[Article, ...]] = {}
    for index, article in enumerate(articles):
        scores: dict[int, int] = defaultdict(int)
        for taxonomy, weight in WEIGHTS.items():
            for name in article.terms(taxonomy):
                for other in postings[(taxonomy, term_slug(taxonomy, name))]:
                    if other != index:
                        scores[other] += weight
        # ties go to the article closest in time (articles are newest first, so by distance in the list)
        best = sorted(scores, key=lambda other: (-scores[other], abs(other - index), other))[:count]
        related[article.url] = tuple(articles[other] for other in best)
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
