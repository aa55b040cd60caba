"""Judge a learned correction of the hand prediction scores leave-one-split-out (issue 13, stop 30).

    python -m presslens.training.prediction_offset CACHE [--features NAMES] [--all-traits]

CACHE is the candidate cache of ``presslens train predictions --candidates CACHE``. The model keeps the hand table
(:data:`~presslens.analyzers.claims.predictions.HAND_SCORES`) as a fixed offset and learns only a correction from a
few general features of :data:`~presslens.analyzers.claims.predictions.FEATURE_NAMES` (by default the voice ones: the
cues are quoted, the subject is the first person, the writer's voice, a reported voice, the headline):

    P(right) = sigmoid(logit(hand score of the bucket) + b + w . features)

fitted by Newton's method with an L2 penalty on ``w`` (the bias barely penalised). For each held-out split the
penalty of :data:`L2_GRID` is chosen by inner leave-one-split-out log loss on the other splits, the model is fitted
on them and scores the held-out split; the table gives precision and recall at 0.5 per split (the evaluation's
prediction counts, :func:`presslens.training.predictions.precision_recall`) for the hand table and the corrected
scores, with the sums the ship rule compares. The validation and test splits are never read (the cache holds the
open splits only).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from presslens.analyzers.claims.predictions import FEATURE_NAMES, HAND_SCORES
from presslens.evaluation.counts import PrecisionRecallCounts
from presslens.training.logistic import log_loss, newton_logistic
from presslens.training.predictions import SPLITS, Candidate, Gold, design, precision_recall

#: L2 penalties tried (on the summed log loss; the bias is not penalised)
L2_GRID = (0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0)
#: the default correction features: whose voice the forecast is in
VOICE_FEATURES = ("quoted", "subject first person", "voice writer", "voice reported", "headline")


def fit_offset(x: np.ndarray, y: np.ndarray, offset: np.ndarray, l2: float, iterations: int = 50) -> np.ndarray:
    """Weights (the last one the bias) of an L2 logistic regression with a fixed offset on the logit."""
    n, d = x.shape
    design_ = np.hstack([x, np.ones((n, 1))])
    penalty = np.full(d + 1, l2)
    penalty[-1] = 1e-6
    return newton_logistic(design_, y, penalty, iterations=iterations, tolerance=1e-9, hessian_form="sx_t_x",
                           offset=offset)


def scores(x: np.ndarray, offset: np.ndarray, w: np.ndarray) -> np.ndarray:
    """The corrected probabilities of the rows of ``x``: ``sigmoid(x . w[:-1] + w[-1] + offset)`` (weights of
    :func:`fit_offset`)."""
    z = np.hstack([x, np.ones((x.shape[0], 1))]) @ w + offset
    return np.asarray(1.0 / (1.0 + np.exp(-z)))


def choose_l2(x: np.ndarray, y: np.ndarray, offset: np.ndarray, groups: np.ndarray, names: list[str]) -> float:
    """The penalty of :data:`L2_GRID` with the lowest summed log loss, each split of ``names`` held out in turn."""
    best: tuple[float, float] | None = None
    for l2 in L2_GRID:
        total = 0.0
        for held in names:
            train = np.isin(groups, [n for n in names if n != held])
            test = groups == held
            w = fit_offset(x[train], y[train], offset[train], l2)
            total += log_loss(y[test], scores(x[test], offset[test], w), floor=1e-12)
        if best is None or total < best[1]:
            best = (l2, total)
    assert best is not None
    return best[0]


def judge(candidates: list[Candidate], golds: list[Gold],
          features: tuple[str, ...]) -> dict[str, tuple[PrecisionRecallCounts, PrecisionRecallCounts, float]]:
    """Per held-out split: (hand counts, corrected counts, chosen L2)."""
    full = design(candidates)
    x = np.column_stack([full[:, FEATURE_NAMES.index(f)] for f in features]) if features else np.zeros((len(full), 0))
    y = np.asarray([c.right for c in candidates], dtype=np.float64)
    groups = np.asarray([c.split for c in candidates])
    hand = np.asarray([HAND_SCORES[c.basis] for c in candidates])
    offset = np.log(hand / (1.0 - hand))
    out: dict[str, tuple[PrecisionRecallCounts, PrecisionRecallCounts, float]] = {}
    for held in SPLITS:
        rest = [s for s in SPLITS if s != held]
        train = np.isin(groups, rest)
        l2 = choose_l2(x, y, offset, groups, rest)
        w = fit_offset(x[train], y[train], offset[train], l2)
        out[held] = (precision_recall(candidates, hand, golds, held),
                     precision_recall(candidates, scores(x, offset, w), golds, held), l2)
    return out


def markdown(table: dict[str, tuple[PrecisionRecallCounts, PrecisionRecallCounts, float]],
             features: tuple[str, ...]) -> str:
    def cell(c: PrecisionRecallCounts) -> str:
        return f"{c.precision or 0.0:.3f} ({c.correct}/{c.predicted}) / {c.recall or 0.0:.3f} ({c.found}/{c.gold})"

    lines = [f"hand offset + {', '.join(features) or 'bias only'}", "",
             "| held out | L2 | hand P / R | corrected P / R |", "|---|---|---|---|"]
    sums = [0.0, 0.0, 0.0, 0.0]
    for split, (hand, corrected, l2) in table.items():
        lines.append(f"| {split} | {l2} | {cell(hand)} | {cell(corrected)} |")
        sums[0] += hand.precision or 0.0
        sums[1] += hand.recall or 0.0
        sums[2] += corrected.precision or 0.0
        sums[3] += corrected.recall or 0.0
    lines.append(f"| sum | | {sums[0]:.3f} / {sums[1]:.3f} | {sums[2]:.3f} / {sums[3]:.3f} |")
    rise, fall = sums[2] - sums[0], sums[1] - sums[3]
    verdict = "passes" if rise > 0 and fall <= rise / 2 + 1e-12 else "fails"
    lines += ["", f"precision {rise:+.3f}, recall {-fall:+.3f}: {verdict} the held-out part of the ship rule"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cache", type=Path, help="the candidate cache of presslens train predictions --candidates")
    parser.add_argument("--features", default=",".join(VOICE_FEATURES), help="comma-separated FEATURE_NAMES")
    parser.add_argument("--all-traits", action="store_true", help="every feature except the bucket one-hots")
    args = parser.parse_args(argv)
    if args.all_traits:
        features = tuple(f for f in FEATURE_NAMES if not f.startswith("bucket "))
    else:
        features = tuple(f for f in args.features.split(",") if f)
    unknown = [f for f in features if f not in FEATURE_NAMES]
    if unknown:
        parser.error(f"unknown features: {', '.join(unknown)}")
    cached = json.loads(args.cache.read_text(encoding="utf-8"))
    candidates = [Candidate(**c) for c in cached["candidates"]]
    golds = [Gold(**g) for g in cached["golds"]]
    table = judge(candidates, golds, features)
    print(markdown(table, features), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
