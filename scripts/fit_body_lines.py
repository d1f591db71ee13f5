"""Fit the body-line chrome model on the labelled corpus's fit split.

    .venv/bin/python scripts/fit_body_lines.py [--check] [--corpus DIR]

Every fit page labelled an article is imported; each line of the page that the model weighs
(:func:`reform_archive.importer.body_features.is_candidate`) is labelled from the page's labels,
as the accuracy benchmark scores a body: chrome when its text lies outside first_line…last_line
or is a chrome_inside line, article when it lies inside, unknown (left out) otherwise. Lines
the rules already dropped, and those of the header and footer, are training cases too: they
show what chrome looks like on many more layouts than the few lines the rules miss. A logistic
regression with an L2 penalty is fit by Newton's method (deterministic); an article line
counts more than a chrome line (PROSE_WEIGHT for ten words or more, SHORT_WEIGHT for fewer).

The threshold is chosen by cross-validation over the fit layouts (five folds by the SHA-256
of the layout's name; held-out layouts are never read): the lowest one at which the lines
the left-out folds' models drop from the bodies include no prose line (ten words or more)
and at least PRECISION of them are chrome. Weights and threshold go to
reform_archive/importer/weights.py; ``--check`` writes nothing and fails if the committed
ones differ from a refit.
"""

from __future__ import annotations

import argparse
import hashlib
import pprint
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.importer_accuracy import line_keys  # noqa: E402
from benchmarks.labelled_corpus import CORPUS, key, load_layouts, locate, markup_free, raw_lines  # noqa: E402
from reform_archive.importer import body_features, weights  # noqa: E402
from reform_archive.importer.pipeline import import_bytes  # noqa: E402

WEIGHTS_FILE = ROOT / "reform_archive" / "importer" / "weights.py"
PROSE_WEIGHT = 5.0  # an article line of ten words or more: losing it costs five chrome lines left
SHORT_WEIGHT = 2.0  # a shorter article line (a heading, a caption, a table row)
L2 = 1.0
FOLDS = 5
PRECISION = 0.9
THRESHOLDS = [round(t, 2) for t in np.arange(0.5, 1.0, 0.01)]


@dataclass(frozen=True)
class Case:
    layout: str
    features: dict[str, float]
    chrome: bool
    words: int
    in_body: bool  # a line the rules left in the body (the model decides on these)
    text: str = ""


def page_cases(layout: str, path: Path, form: str, label) -> list[Case]:
    pages = import_bytes(path.read_bytes(), path.name, label.url)
    extraction = pages[0].extraction if pages else None
    if extraction is None or extraction.article is None or (layout_read := extraction.evidence.page) is None:
        return []
    lines = raw_lines(path, form)
    span = locate(label, lines)
    if isinstance(span, str):
        return []
    region, marked = span
    keys = [line_keys(line) for line in lines]
    inside = set().union(*(keys[i] for i in region if i not in marked))
    whole = "".join(key(markup_free(lines[i])) for i in region if i not in marked)
    either = line_keys(label.title) | line_keys(extraction.evidence.headline)  # the title: fine either way
    outside = set().union(*(k for i, k in enumerate(keys) if i not in region)) - inside - either
    chrome_keys = outside | set().union(*(keys[i] for i in marked))

    def judged(text: str) -> bool | None:
        found = line_keys(text)
        if found & chrome_keys:
            return True
        if found & inside or any(k in whole for k in found):
            return False
        return None

    evidence = extraction.evidence
    cases = []
    for candidate in evidence.lines:
        if (chrome := judged(candidate.value)) is not None:
            cases.append(
                Case(layout, dict(candidate.features), chrome, len(candidate.value.split()), True, candidate.value)
            )
    weighed = {candidate.line for candidate in evidence.lines}
    page = body_features.context(layout_read, evidence.headline)
    for index in page.filled:
        text = layout_read.lines[index]
        if index in weighed or not body_features.is_candidate(text) or (chrome := judged(text)) is None:
            continue
        cases.append(Case(layout, body_features.line_features(page, index), chrome, len(text.split()), False, text))
    return cases


def all_cases(corpus: Path) -> list[Case]:
    layouts, problems = load_layouts(corpus)
    for problem in problems:
        print(problem, file=sys.stderr)
    return [
        case
        for layout in layouts
        if not layout.heldout
        for label in layout.pages
        if label.article
        for case in page_cases(layout.name, layout.folder / label.name, layout.form, label)
    ]


def design(cases: list[Case], names: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    index = {name: i for i, name in enumerate(names)}
    x = np.zeros((len(cases), len(names) + 1))
    x[:, -1] = 1.0  # the bias
    for row, case in enumerate(cases):
        for name, value in case.features.items():
            x[row, index[name]] = value
    y = np.array([case.chrome for case in cases], dtype=float)
    w = np.array([1.0 if case.chrome else PROSE_WEIGHT if case.words >= 10 else SHORT_WEIGHT for case in cases])
    return x, y, w


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float = L2) -> np.ndarray:
    """Weighted logistic regression, L2 on every weight but the bias, by Newton's method."""
    beta = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(100):
        p = 1 / (1 + np.exp(-np.clip(x @ beta, -50, 50)))
        gradient = x.T @ (w * (p - y)) + penalty * beta
        hessian = (x * (w * p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-10:
            break
    return beta


def fold_of(layout: str) -> int:
    return int(hashlib.sha256(layout.encode()).hexdigest(), 16) % FOLDS


def cross_validated(cases: list[Case], names: list[str]) -> np.ndarray:
    """Each case's probability from the model fit without its layout's fold."""
    x, y, w = design(cases, names)
    folds = np.array([fold_of(case.layout) for case in cases])
    scores = np.zeros(len(cases))
    for fold in range(FOLDS):
        beta = fit(x[folds != fold], y[folds != fold], w[folds != fold])
        scores[folds == fold] = 1 / (1 + np.exp(-np.clip(x[folds == fold] @ beta, -50, 50)))
    return scores


def threshold(cases: list[Case], scores: np.ndarray) -> tuple[float, list[tuple[float, int, int, int]]]:
    """The lowest threshold meeting the goals on the bodies' lines, and (threshold, chrome
    dropped, prose dropped, other article lines dropped) for each one tried."""
    table, chosen = [], 1.0
    body = [(case, score) for case, score in zip(cases, scores, strict=True) if case.in_body]
    for t in THRESHOLDS:
        dropped = [case for case, score in body if score >= t]
        chrome = sum(case.chrome for case in dropped)
        prose = sum(not case.chrome and case.words >= 10 for case in dropped)
        table.append((t, chrome, prose, len(dropped) - chrome - prose))
        if chosen == 1.0 and dropped and not prose and chrome >= PRECISION * len(dropped):
            chosen = t
    return chosen, table


def render(model: dict[str, float], cut: float) -> str:
    return f"BODY = {pprint.pformat(model, width=110, sort_dicts=True)}\n\nBODY_THRESHOLD = {cut}\n"


def refit(cases: list[Case]) -> tuple[dict[str, float], float, list[tuple[float, int, int, int]]]:
    """The weights fit on every case, the threshold the cross-validation chooses, and its table."""
    names = sorted({name for case in cases for name in case.features})
    cut, table = threshold(cases, cross_validated(cases, names))
    beta = fit(*design(cases, names))
    model = {name: round(float(v), 3) for name, v in zip([*names, "bias"], beta, strict=True) if abs(v) >= 0.0005}
    return model, cut, table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="write nothing; fail if the committed weights differ")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="another corpus in the same format")
    arguments = parser.parse_args()
    cases = all_cases(arguments.corpus)
    model, cut, table = refit(cases)
    in_body = [case for case in cases if case.in_body]
    print(
        f"{len(cases)} lines ({sum(c.chrome for c in cases)} chrome); {len(in_body)} in bodies "
        f"({sum(c.chrome for c in in_body)} chrome)"
    )
    print("cross-validated on the bodies' lines: threshold, chrome dropped, prose dropped, other article lines dropped")
    for row in table[::5]:
        print("   ", *row)
    print(f"threshold {cut}")
    if arguments.check:
        same = (
            model.keys() == weights.BODY.keys()
            and all(abs(model[k] - weights.BODY[k]) <= 0.002 for k in model)
            and cut == weights.BODY_THRESHOLD
        )
        print("the committed weights match a refit" if same else "the committed weights differ from a refit")
        return 0 if same else 1
    text = WEIGHTS_FILE.read_text("utf-8")
    text = re.sub(r"BODY = \{.*?\}\n\nBODY_THRESHOLD = [\d.]+\n", lambda _: render(model, cut), text, flags=re.S)
    WEIGHTS_FILE.write_text(text, "utf-8")
    print(f"written: {WEIGHTS_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
