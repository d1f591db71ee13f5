"""Fit the importer's title and date weights on the labelled corpus's fit split.

    .venv/bin/python scripts/fit_importer.py [--check] [--l2 0.5] [--corpus DIR]

Each page's candidates (reform_archive.importer.evidence) and its label give one training case
of a conditional logit: maximise the log of the summed probability of the candidates that
are right, with an L2 pull towards the hand-set starting weights (so a feature the fit
split never exercises keeps its reasoned weight instead of dropping to zero). Held-out
layouts are never read. The result is written to reform_archive/importer/weights.py; ``--check``
only prints how many fit pages the current and the new weights get right.
"""

from __future__ import annotations

import argparse
import pprint
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.importer_accuracy import title_key  # noqa: E402
from benchmarks.labelled_corpus import CORPUS, load_layouts  # noqa: E402
from reform_archive.importer import weights  # noqa: E402
from reform_archive.importer.pipeline import import_bytes  # noqa: E402

WEIGHTS_FILE = ROOT / "reform_archive" / "importer" / "weights.py"


def cases(
    field: str, current: dict[str, dict[str, float]], corpus: Path = CORPUS
) -> list[tuple[list[dict[str, float]], list[bool]]]:
    """Per fit page: its candidates' features and which are right."""
    weights.TITLE.clear(), weights.TITLE.update(current["TITLE"])
    weights.DATE.clear(), weights.DATE.update(current["DATE"])
    layouts, problems = load_layouts(corpus)
    for problem in problems:
        print(problem, file=sys.stderr)
    found = []
    for layout in layouts:
        if layout.heldout:
            continue
        for label in layout.pages:
            if not label.article:
                continue
            pages = import_bytes((layout.folder / label.name).read_bytes(), label.name, label.url)
            extraction = pages[0].extraction if pages else None
            if extraction is None or extraction.article is None:
                continue
            if field == "TITLE":
                candidates = extraction.evidence.titles
                if label.title:
                    right = [title_key(c.value) == title_key(label.title) for c in candidates]
                else:
                    right = [c.kind == "inferred" for c in candidates]
            else:
                candidates = extraction.evidence.dates
                if not label.date:
                    continue
                right = [c.value.iso()[: len(label.date)] == label.date for c in candidates]
            if any(right) and len(candidates) > 1:
                found.append(([dict(c.features) for c in candidates], right))
    return found


def fit(data, prior: dict[str, float], l2: float, steps: int = 3000) -> dict[str, float]:
    names = sorted({name for features, _ in data for f in features for name in f} | set(prior))
    index = {name: i for i, name in enumerate(names)}
    matrices = []
    for features, right in data:
        x = np.zeros((len(features), len(names)))
        for row, f in enumerate(features):
            for name, value in f.items():
                x[row, index[name]] = value
        matrices.append((x, np.array(right, dtype=bool)))
    start = np.array([prior.get(name, 0.0) for name in names])
    w = start.copy()
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for step in range(1, steps + 1):  # Adam on the negative log-likelihood
        grad = l2 * (w - start)
        for x, right in matrices:
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            q = p * right
            q /= q.sum()
            grad += x.T @ (p - q) / len(matrices)
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad**2
        w -= 0.05 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return {name: round(float(value), 3) for name, value in zip(names, w, strict=True) if abs(value) >= 0.0005}


def right_count(data, w: dict[str, float]) -> int:
    total = 0
    for features, right in data:
        scores = [sum(value * w.get(name, 0.0) for name, value in f.items()) for f in features]
        total += right[max(range(len(scores)), key=lambda i: (scores[i], -i))]
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="print the counts; write nothing")
    parser.add_argument("--l2", type=float, default=0.5, help="pull towards the starting weights")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="another corpus in the same format")
    arguments = parser.parse_args()
    current = {"TITLE": dict(weights.TITLE), "DATE": dict(weights.DATE)}
    new = dict(current)
    for field in ("TITLE", "DATE"):
        data = cases(field, new, arguments.corpus)
        fitted = fit(data, current[field], arguments.l2)
        print(
            f"{field.lower()}: {len(data)} fit pages with a right candidate; right before "
            f"{right_count(data, current[field])}, after {right_count(data, fitted)}"
        )
        new[field] = fitted
    if not arguments.check:
        text = WEIGHTS_FILE.read_text("utf-8")
        head = text[: text.index("TITLE = ")]
        tail = text[text.index("BODY = ") :]  # the body-line model's, written by scripts/fit_body_lines.py
        body = "".join(
            f"{field} = {pprint.pformat(new[field], width=110, sort_dicts=True)}\n\n" for field in ("TITLE", "DATE")
        )
        WEIGHTS_FILE.write_text(head + body + tail, "utf-8")
        print(f"written: {WEIGHTS_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
