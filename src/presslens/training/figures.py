"""Fit the figure scorer: a logistic regression that turns the rules' fixed scores into probabilities (issue 13).

    presslens train figures --data ../shared/data/ptc-semeval2020-task11 [--annotations data/realnews] [--check]

Every figure :func:`~presslens.analyzers.figures.extract_quantities` finds in the articles of the open real-news
splits (:data:`~presslens.evaluation.realnews_selection.OPEN_SPLITS`; dates and ordinals left out, as the
evaluation leaves them out) is one example; it is right when it matches a gold quantity by the evaluation's rule
(:func:`~presslens.evaluation.realnews_matching.match_quantity`). Features:
:data:`~presslens.analyzers.figures.scoring.FEATURE_NAMES`.

Every choice is judged leave-one-split-out: for each open split, the L2 strength is chosen on the other splits
(each of them held out in turn, summed log loss), the scorer is fitted on them and scores the held-out split. The
table printed gives, per held-out split, precision and recall at 0.5 and the expected calibration error (10 equal
bins, as ``presslens eval realnews``) of the rule scores and of the learned scorer, with their sums (counts
summed). The shipped weights are fitted on all open splits with the strength of lowest summed log loss over
the leave-one-split-out folds, and written (temp file, then rename) to ``models/figures/quantity_scorer.json``;
``--check`` prints the table without writing. The validation and test splits are never read.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from presslens.analyzers.figures.scoring import (
    FEATURE_NAMES,
    NOT_SCORED,
    SCORER_FILE,
    class_key,
    class_probability,
    quantity_features,
)
from presslens.evaluation.counts import PrecisionRecallCounts
from presslens.training.logistic import expected_calibration_error, fit_l2_logistic, log_loss, probabilities
from presslens.training.model_files import write_json

#: L2 strengths tried (penalty lambda * |w|^2 / 2 on the summed log loss; the bias is not penalised)
L2_GRID = (0.3, 1.0, 3.0, 10.0, 30.0)
#: prior strengths tried for the per-class map (pseudo figures at the rule score)
STRENGTH_GRID = (1.0, 3.0, 10.0, 30.0, 100.0)
ASSERTED = 0.5
DEFAULT_ANNOTATIONS = Path(__file__).resolve().parents[3] / "data" / "realnews"


@dataclass
class Example:
    """One figure of an annotated article, with its features and its gold label."""

    split: str
    article: str
    rule_score: float
    features: list[float]
    right: bool
    gold: list[int]
    """indices of the gold quantities of its article that it matches"""


def collect(data: Path, annotations: Path, splits: tuple[str, ...]) -> tuple[list[Example], dict[str, int]]:
    """The figures of every article of ``splits`` (labelled) and the number of gold quantities per split."""
    from presslens.analyzers.figures.analyzer import FiguresAnalyzer
    from presslens.analyzers.figures.quantity import extract_quantities
    from presslens.evaluation.realnews import annotated_articles
    from presslens.evaluation.realnews_matching import match_quantity

    analyzer = FiguresAnalyzer()
    examples: list[Example] = []
    gold_counts: dict[str, int] = {}
    for split in splits:
        gold_counts[split] = 0
        for record, article in annotated_articles(annotations / f"{split}.jsonl", data):
            golds = record["quantities"]
            gold_counts[split] += len(golds)
            for q in extract_quantities(article.text):
                if q.label in NOT_SCORED:
                    continue
                finding = analyzer.finding(article, q, q.score)
                matched = [i for i, g in enumerate(golds) if match_quantity(finding, g)]
                examples.append(Example(split, record["id"], q.score, quantity_features(article.text, q),
                                        bool(matched), matched))
    return examples, gold_counts


def fit(x: np.ndarray, y: np.ndarray, l2: float, iterations: int = 60) -> tuple[np.ndarray, float]:
    """L2-penalised logistic regression by Newton steps (the bias and the rule score not penalised)."""
    # the rules' own score is the prior: not shrunk towards 0
    return fit_l2_logistic(x, y, l2, intercept="last", unpenalised=(FEATURE_NAMES.index("rule_logit"),),
                           iterations=iterations, jitter=1e-9, hessian_form="sx_t_x")


def counts(examples: list[Example], scores: np.ndarray, gold: int) -> PrecisionRecallCounts:
    """Precision and recall counts at 0.5 of the figures of one split (the evaluation's quantity counts)."""
    asserted = [e for e, s in zip(examples, scores.tolist(), strict=True) if s >= ASSERTED]
    found = {(e.article, g) for e in asserted for g in e.gold}
    return PrecisionRecallCounts(predicted=len(asserted), correct=sum(e.right for e in asserted), gold=gold,
                                 found=len(found))


def choose_l2(x: np.ndarray, y: np.ndarray, groups: np.ndarray, names: list[str]) -> float:
    """The strength of :data:`L2_GRID` with the lowest summed log loss, each split of ``names`` held out in turn."""
    losses: dict[float, float] = {}
    for l2 in L2_GRID:
        total = 0.0
        for held in names:
            train = np.isin(groups, [n for n in names if n != held])
            w, b = fit(x[train], y[train], l2)
            total += log_loss(y[groups == held], probabilities(x[groups == held], w, b))
        losses[l2] = total
    return min(losses, key=lambda k: (losses[k], k))


def class_table(examples: list[Example]) -> dict[str, list[int]]:
    """Per pattern class (:func:`~presslens.analyzers.figures.scoring.class_key`): [right, seen]."""
    table: dict[str, list[int]] = {}
    for e in examples:
        row = table.setdefault(class_key(e.rule_score), [0, 0])
        row[0] += int(e.right)
        row[1] += 1
    return dict(sorted(table.items()))


def class_scores(examples: list[Example], classes: dict[str, list[int]], strength: float) -> np.ndarray:
    return np.asarray([class_probability(e.rule_score, classes, strength) for e in examples], dtype=np.float64)


def choose_strength(examples: list[Example], names: list[str]) -> float:
    """The prior strength of :data:`STRENGTH_GRID` with the lowest summed log loss, each split held out in turn."""
    losses: dict[float, float] = {}
    for strength in STRENGTH_GRID:
        total = 0.0
        for held in names:
            train = [e for e in examples if e.split in names and e.split != held]
            test = [e for e in examples if e.split == held]
            y = np.asarray([e.right for e in test], dtype=np.float64)
            total += log_loss(y, class_scores(test, class_table(train), strength))
        losses[strength] = total
    return min(losses, key=lambda k: (losses[k], k))


def evaluate(examples: list[Example], gold_counts: dict[str, int], splits: tuple[str, ...]) -> dict[str, Any]:
    """Per held-out split: the rule scores, the logistic regression and the per-class map (both fitted on the
    other splits, their strengths chosen there too): counts at 0.5, ECE and log loss."""
    x = np.asarray([e.features for e in examples], dtype=np.float64).reshape(len(examples), len(FEATURE_NAMES))
    y = np.asarray([e.right for e in examples], dtype=np.float64)
    groups = np.asarray([e.split for e in examples])
    rows: dict[str, Any] = {}
    for held in splits:
        rest = [s for s in splits if s != held]
        train = np.isin(groups, rest)
        test = groups == held
        held_examples = [e for e in examples if e.split == held]
        l2 = choose_l2(x, y, groups, rest)
        w, b = fit(x[train], y[train], l2)
        strength = choose_strength(examples, rest)
        scores = {
            "rule": np.asarray([e.rule_score for e in held_examples]),
            "logistic": probabilities(x[test], w, b),
            "classes": class_scores(held_examples, class_table([e for e in examples if e.split in rest]), strength),
        }
        rows[held] = {"figures": int(test.sum()), "l2": l2, "strength": strength}
        for name, p in scores.items():
            rows[held][name] = (counts(held_examples, p, gold_counts[held]), expected_calibration_error(y[test], p), log_loss(y[test], p))
    return rows


METHODS = ("rule", "logistic", "classes")


def table(rows: dict[str, Any]) -> str:
    head = "| held-out split | figures | " + " | ".join(f"{m} P | {m} R | {m} ECE | {m} log loss" for m in METHODS)
    lines = [head + " |", "|---|---|" + "---|" * (4 * len(METHODS))]
    sums = {m: PrecisionRecallCounts() for m in METHODS}
    for split, r in rows.items():
        cells = []
        for m in METHODS:
            c, e, loss = r[m]
            sums[m].add(c)
            cells.append(f"{c.precision or 0.0:.3f} | {c.recall or 0.0:.3f} | {e:.3f} | {loss:.1f}")
        lines.append(f"| {split} | {r['figures']} | " + " | ".join(cells) + " |")
    n = sum(r["figures"] for r in rows.values())
    cells = []
    for m in METHODS:
        c = sums[m]
        mean_ece = sum(r[m][1] * r["figures"] for r in rows.values()) / max(1, n)
        cells.append(f"{c.precision or 0.0:.3f} ({c.correct}/{c.predicted}) | "
                     f"{c.recall or 0.0:.3f} ({c.found}/{c.gold}) | {mean_ece:.3f} | "
                     f"{sum(r[m][2] for r in rows.values()):.1f}")
    lines.append(f"| sum | {n} | " + " | ".join(cells) + " |")
    lines.append("")
    lines.append("ECE of the sum: the mean over the splits weighted by their figures. Strengths chosen on the "
                 "training splits: " + ", ".join(f"{s}: L2 {r['l2']}, prior {r['strength']}" for s, r in rows.items()))
    return "\n".join(lines)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", required=True, type=Path, help="the ptc-semeval2020-task11 folder")
    parser.add_argument("--annotations", type=Path, default=DEFAULT_ANNOTATIONS,
                        help="folder with the real-news split files (default: the repository's data/realnews)")
    parser.add_argument("--output", type=Path, default=SCORER_FILE, help="where the weights go (JSON)")
    parser.add_argument("--check", action="store_true", help="print the leave-one-split-out table only")


def main(args: argparse.Namespace) -> int:
    from presslens.evaluation.realnews_selection import OPEN_SPLITS

    splits = tuple(OPEN_SPLITS)
    missing = [s for s in splits if not (args.annotations / f"{s}.jsonl").exists()]
    if missing:
        print(f"train figures: no annotations for {', '.join(missing)} in {args.annotations}", file=sys.stderr)
        return 2
    examples, gold_counts = collect(args.data, args.annotations, splits)
    rows = evaluate(examples, gold_counts, splits)
    print(f"Figure scorer, leave one split out over {', '.join(splits)} ({len(examples)} figures, "
          f"{sum(not e.right for e in examples)} wrong):\n")
    print(table(rows))
    if args.check:
        return 0
    x = np.asarray([e.features for e in examples], dtype=np.float64).reshape(len(examples), len(FEATURE_NAMES))
    y = np.asarray([e.right for e in examples], dtype=np.float64)
    groups = np.asarray([e.split for e in examples])
    l2 = choose_l2(x, y, groups, list(splits))
    weights, bias = fit(x, y, l2)
    strength = choose_strength(examples, list(splits))
    held_loss = {m: sum(r[m][2] for r in rows.values()) for m in ("logistic", "classes")}
    method = min(held_loss, key=lambda m: held_loss[m])
    write_json(args.output, {
        "format": "presslens figure scorer 1",
        "method": method,
        "method_chosen_by": "the lower summed held-out log loss over the leave-one-split-out folds "
                            + ", ".join(f"{m} {v:.2f}" for m, v in held_loss.items()),
        "classes": class_table(examples),
        "strength": strength,
        "features": list(FEATURE_NAMES),
        "weights": [round(float(v), 6) for v in weights],
        "bias": round(bias, 6),
        "l2": l2,
        "trained_on": f"data/realnews {' + '.join(splits)} gold quantities (PTC SemEval-2020 task 11 articles, "
                      "train-articles and for dev12 and dev13 on test-articles, research use)",
        "figures": len(examples),
        "wrong": int(sum(not e.right for e in examples)),
    })
    print(f"\n{method} (held-out log loss {held_loss}) -> {args.output}")
    print(f"classes (prior {strength}): {class_table(examples)}")
    print(f"logistic (L2 {l2}): " + ", ".join(f"{n} {v:+.3f}" for n, v in zip(FEATURE_NAMES, weights.tolist(),
                                                                                strict=True)) + f", bias {bias:+.3f}")
    return 0
