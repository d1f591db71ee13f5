"""Which of the body's lines are the article, weighed by a model (pure).

The rules (:mod:`chrome`, :mod:`widgets`, :mod:`blocks`, the zones of :mod:`extract`) drop
what they recognise; what they keep still holds, on pages of a layout they were not written
for, a sidebar's links, a related headline, a contact line, a running head, a byline of
the next story. Each line they keep that could be such chrome (three words or more, not a
sentence of the article: :func:`is_candidate`) is described by named features of its own
shape and of its neighbourhood (:mod:`body_features`), and a logistic regression over them
(:data:`weights.BODY`, fit on the labelled corpus's fit split by
``scripts/fit_body_lines.py``) gives the probability that it is chrome. It leaves the body
when that probability reaches :data:`weights.BODY_THRESHOLD`, chosen so that, on fit
layouts each left out of the fit in turn, no line of prose is lost: losing prose is worse
than leaving chrome. A sentence of the article (:func:`chrome.is_prose`) is never weighed.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from reform_archive.importer import chrome, weights
from reform_archive.importer.body_features import CUT_SHORT, PROSE_SHARE, context, line_features
from reform_archive.importer.evidence import Candidate, PageLayout

__all__ = ["article_lines", "chrome_probability"]


def chrome_probability(features: Mapping[str, float], model: Mapping[str, float] | None = None) -> float:
    """The logistic model's probability that a line with these features is chrome."""
    model = weights.BODY if model is None else model
    score = model.get("bias", 0.0) + sum(value * model.get(name, 0.0) for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, score))))


def article_lines(
    body: list[str], placed: list[tuple[int, str]], layout: PageLayout, title: str
) -> tuple[list[str], tuple[Candidate[str], ...]]:
    """The body without the lines the model takes for chrome, and the lines it weighed
    (each with its features, for fitting). ``placed`` are the page lines the body was made
    from, in order, as (index in ``layout.lines``, text); ``body`` is a subsequence of
    their texts (the header's and footer's readers took some out)."""
    positions, at = [], 0
    for text in body:
        while at < len(placed) and placed[at][1] != text:
            at += 1
        positions.append(placed[at][0] if at < len(placed) else -1)
        at += 1
    words = [len(text.split()) for text in body]
    sentences = [chrome.is_prose(text) for text in body]
    weigh = [
        index >= 0 and count >= 3 and not sentence and not CUT_SHORT.search(text)  # is_candidate
        for index, count, sentence, text in zip(positions, words, sentences, body, strict=True)
    ]
    if sum(count for count, sentence in zip(words, sentences, strict=True) if sentence) < PROSE_SHARE * sum(
        words
    ) or not any(weigh):
        return body, ()  # a list, a schedule, a table more than an article: not what the model was fit on
    page = context(layout, title)
    kept, weighed = [], []
    for index, text, weighed_here in zip(positions, body, weigh, strict=True):
        if weighed_here:
            candidate = Candidate(text, "body", line_features(page, index, text), index)
            weighed.append(candidate)
            if chrome_probability(candidate.features) >= weights.BODY_THRESHOLD:
                continue
        kept.append(text)
    return kept, tuple(weighed)
