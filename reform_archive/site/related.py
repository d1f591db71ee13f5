"""Related articles and previous/next in time (pure, derived from the frozen Site)."""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from reform_archive.site.model import Article, Site, term_slug

__all__ = [
    "RELATED_COUNT",
    "WEIGHTS",
    "RelatedInputs",
    "neighbours",
    "related_articles",
    "related_indices",
    "related_inputs",
    "related_signature",
]

# Shared documents say most about two articles being about the same thing, tags least.
WEIGHTS = {"documents": 8, "provinces": 4, "topics": 2, "tags": 1}
RELATED_COUNT = 5


def related_articles(
    site: Site, count: int = RELATED_COUNT, groups: int | None = None, indices: list[list[int]] | None = None
) -> dict[str, tuple[Article, ...]]:
    """For each article URL, the ``count`` articles sharing the most weighted terms; ties go to
    the article closest in time, then to the newer one. ``indices``: :func:`related_indices`
    of the site's :func:`related_inputs`, when the build has them from its cache."""
    articles = site.articles
    if indices is None:
        indices = related_indices(related_inputs(site), count, groups)
    return {article.url: tuple(articles[other] for other in indices[index]) for index, article in enumerate(articles)}


RelatedInputs = list[list[tuple[str, str]]]  # per article, newest first: its (taxonomy, term slug) keys


def related_inputs(site: Site) -> RelatedInputs:
    """All that related articles depend on: each article's weighted terms, in the site's order
    (the order is time: ties go to the nearest)."""
    return [
        [(taxonomy, term_slug(taxonomy, name)) for taxonomy in WEIGHTS for name in article.terms(taxonomy)]
        for article in site.articles
    ]


def related_signature(keys_of: RelatedInputs, count: int = RELATED_COUNT, groups: int | None = None) -> bytes:
    """Identifies the inputs of :func:`related_indices` (terms hold no control characters)."""
    return (
        f"{count}\x1d{groups}\x1d".encode()
        + "\x1e".join("\x1f".join(f"{taxonomy}:{slug}" for taxonomy, slug in keys) for keys in keys_of).encode()
    )


def related_indices(keys_of: RelatedInputs, count: int = RELATED_COUNT, groups: int | None = None) -> list[list[int]]:
    """For each article (by index), the indexes of its related articles, best first.

    Summing every shared term over the whole archive is quadratic: a broad topic is shared
    by a sixth of it (80 s at 100,000 articles). So the broadest terms are set apart, as
    many as keep the number of distinct combinations of them (groups) small. The others
    are summed over their articles (the candidates). For each group, every article's score
    from the group's broad terms is computed once, as one vector, and sorted into levels.
    An article that shares no other term with this one scores its level, so only the
    nearest few of the highest levels can enter the top ``count``; they are found by
    walking outward from the article. ``groups``: how many groups to allow (the tests vary
    it; the answer must not change).
    """
    total = len(keys_of)
    members: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, keys in enumerate(keys_of):
        for key in keys:
            members[key].append(index)
    wide = _broad_terms(members, total, max(64, int(4 * total**0.5)) if groups is None else groups)
    narrow = {key: np.array(indices, dtype=np.int64) for key, indices in members.items() if key not in wide}
    grouped: dict[tuple[tuple[str, str], ...], list[int]] = defaultdict(list)
    for index, keys in enumerate(keys_of):
        grouped[tuple(sorted(key for key in keys if key in wide))].append(index)
    scratch = np.zeros(total, dtype=bool)  # the current article's candidates, for O(1) membership
    best: list[list[int]] = [[] for _ in keys_of]
    for signature, group in grouped.items():
        levels = np.zeros(total, dtype=np.int64)  # every article's broad score against this group
        for key in signature:
            levels[members[key]] += WEIGHTS[key[0]]
        ladder = [(level, np.flatnonzero(levels == level)) for level in np.unique(levels)[::-1].tolist() if level > 0]
        for index in group:
            own = [key for key in keys_of[index] if key in narrow]
            if own:
                near = np.concatenate([narrow[key] for key in own])
                weights = np.concatenate([np.full(len(narrow[key]), WEIGHTS[key[0]], dtype=np.int64) for key in own])
                candidates, inverse = np.unique(near, return_inverse=True)
                scores = np.bincount(inverse, weights=weights).astype(np.int64) + levels[candidates]
            else:
                candidates = scores = np.zeros(0, dtype=np.int64)
            scratch[candidates] = True
            scratch[index] = True
            others, points = _nearest_on_ladder(ladder, index, count, scratch)
            scratch[candidates] = False
            scratch[index] = False
            keep = candidates != index
            best[index] = _top(
                index, total, count, np.concatenate([candidates[keep], others]), np.concatenate([scores[keep], points])
            )
    return best


def _broad_terms(members: dict[tuple[str, str], list[int]], total: int, groups: int) -> set[tuple[str, str]]:
    """The broadest terms, taken greedily from the broadest down, skipping any that would make
    more than ``groups`` distinct combinations among the articles."""
    wide: set[tuple[str, str]] = set()
    labels = np.zeros(total, dtype=np.int64)  # each article's combination, numbered
    for key in sorted(members, key=lambda key: (-len(members[key]), key)):
        if len(members[key]) * 50 < total:
            break  # few enough articles to sum over directly
        flags = np.zeros(total, dtype=np.int64)
        flags[members[key]] = 1
        combinations, relabelled = np.unique(labels * 2 + flags, return_inverse=True)
        if len(combinations) <= groups:
            wide.add(key)
            labels = relabelled
    return wide


def _nearest_on_ladder(
    ladder: list[tuple[int, np.ndarray]], index: int, count: int, taken: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The best ``count`` articles not ``taken``, by level, then nearness, then newer: walking
    outward from ``index`` through each level's members, highest level first."""
    found: list[int] = []
    points: list[int] = []
    for level, members in ladder:
        right = int(np.searchsorted(members, index))
        left = right - 1
        size = len(members)
        while len(found) < count and (left >= 0 or right < size):
            # at equal distance the newer (the smaller index: articles are newest first) wins
            if right >= size or (left >= 0 and index - members[left] <= members[right] - index):
                other, left = int(members[left]), left - 1
            else:
                other, right = int(members[right]), right + 1
            if not taken[other]:
                found.append(other)
                points.append(level)
        if len(found) >= count:
            break
    return np.array(found, dtype=np.int64), np.array(points, dtype=np.int64)


def _top(index: int, total: int, count: int, others: np.ndarray, scores: np.ndarray) -> list[int]:
    # one number orders by score, then distance in time (articles are newest first), then
    # the newer of the two at that distance: 2 * distance + (older) is below 2 * total
    rank = scores * (2 * total) - (2 * np.abs(others - index) + (others > index))
    if len(others) > count:  # the best few without sorting them all
        top = np.argpartition(-rank, count - 1)[:count]
        best: list[int] = others[top[np.argsort(-rank[top])]].tolist()
        return best
    ranked: list[int] = others[np.argsort(-rank)].tolist()
    return ranked


def neighbours(site: Site) -> dict[str, tuple[Article | None, Article | None]]:
    """article URL -> (previous = older, next = newer)."""
    articles = site.articles
    result = {}
    for index, article in enumerate(articles):
        older = articles[index + 1] if index + 1 < len(articles) else None
        newer = articles[index - 1] if index > 0 else None
        result[article.url] = (older, newer)
    return result
