"""Train the prediction scorer: a logistic regression over forecast candidates, on real-news gold (issue 13).

    presslens train predictions --data ../shared/data/ptc-semeval2020-task11 [--annotations data/realnews]

A candidate is a sentence that :func:`presslens.analyzers.claims.predictions.prediction_basis` puts into a
bucket (the forecasts the analyzer emits as ``prediction`` findings); its label is whether it matches a gold
prediction of the real-news **dev**, **dev2** or **dev3** split (PTC train articles; the evaluation's
prediction rule). Features: :func:`presslens.analyzers.claims.predictions.prediction_features`.

The L2 strength is chosen by leave-one-split-out: for each held-out split, every strength of :data:`L2_GRID` is
fitted on one of the two other splits and scored (log loss) on the other, both ways; the best is refitted on both
and scores the held-out split. The table printed compares, on each held-out split, the learned scorer with the
hand bucket scores (:data:`~presslens.analyzers.claims.predictions.HAND_SCORES`, read off all three splits: an
optimistic baseline) and with a scorer learned over the buckets alone (the hand table re-estimated on the
two other splits: a fair baseline). The shipped weights are fitted on all three splits with the strength that has the lowest
summed log loss over the three leave-one-split-out folds.

Weights go to ``models/claims/predictions.json`` (written to a temp file, then renamed). Never run on the test
or dev4 split: they are not read here.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from presslens.analyzers.claims.predictions import (
    FEATURE_NAMES,
    HAND_SCORES,
    SCORER_FILE,
    prediction_features,
)

SPLITS = ("dev", "dev2", "dev3")
#: L2 strengths tried (penalty lambda * |w|^2 / 2 on the summed log loss; the bias is not penalised)
L2_GRID = (0.1, 0.3, 1.0, 3.0, 10.0, 30.0)


@dataclass
class Candidate:
    """One forecast sentence of an annotated article, with what the features need and its gold label."""

    split: str
    article: str
    start: int
    end: int
    text: str
    quoted: bool
    is_claim: bool
    claim_score: float
    index: int
    basis: str
    right: bool
    gold: list[int]
    """indices of the gold predictions of its article that it matches"""


@dataclass
class Gold:
    split: str
    article: str
    count: int


def collect(data: Path, annotations: Path, splits: tuple[str, ...] = SPLITS) -> tuple[list[Candidate], list[Gold]]:
    """Run the claims analyzer on every article of the splits; the emitted prediction candidates, labelled."""
    from presslens.analyzers.claims.calibration import EMIT_AT
    from presslens.analyzers.claims.predictions import cues_quoted, prediction_basis
    from presslens.evaluation.realnews import annotated_articles
    from presslens.evaluation.realnews_matching import match_prediction
    from presslens.pipeline import Pipeline
    from presslens.text.prediction import prediction_forecast

    pipeline = Pipeline(only=["claims"])
    candidates: list[Candidate] = []
    golds: list[Gold] = []
    for split in splits:
        for record, article in annotated_articles(annotations / f"{split}.jsonl", data):
            report = pipeline.run(article)
            claim_scores = {int(f.attributes["sentence_index"]): f.score for f in report.findings
                            if f.kind == "claim"}
            spans = [tuple(g["span"]) for g in record["predictions"]]
            golds.append(Gold(split, record["id"], len(spans)))
            for index, (s, e) in enumerate(article.sentences):
                text = article.text[s:e]
                found = prediction_forecast(text)
                if found is None:
                    continue
                # the analyzer's claim test and claim score: the calibrated score before any furniture veto
                claim = next((f for f in report.findings if f.kind == "claim"
                              and f.attributes["sentence_index"] == index), None)
                score = claim_scores.get(index, 0.0)
                raw_score = score / (0.1 if claim is not None and claim.attributes.get("furniture") else 1.0)
                is_claim = claim is not None and not raw_score < EMIT_AT
                quoted = cues_quoted(article.text, s, found[1])
                basis = prediction_basis(text, found, is_claim, quoted)
                if basis is None:
                    continue
                matched = [i for i, g in enumerate(spans) if match_prediction((s, e), g)]  # type: ignore[arg-type]
                candidates.append(Candidate(split, record["id"], s, e, text, quoted, is_claim, raw_score, index,
                                            basis, bool(matched), matched))
    return candidates, golds


def design(candidates: list[Candidate]) -> np.ndarray:
    """The feature matrix of the candidates (one row each, :data:`FEATURE_NAMES` columns)."""
    from presslens.text.prediction import prediction_forecast

    rows = []
    for c in candidates:
        found = prediction_forecast(c.text)
        assert found is not None
        rows.append(prediction_features(c.text, found, c.basis, c.is_claim, c.quoted, c.claim_score, c.index))
    return np.asarray(rows, dtype=np.float64).reshape(len(candidates), len(FEATURE_NAMES))


def fit(x: np.ndarray, y: np.ndarray, l2: float, iterations: int = 50) -> tuple[np.ndarray, float]:
    """L2-penalised logistic regression by Newton's method (the bias unpenalised): (weights, bias)."""
    n, d = x.shape
    xb = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(d + 1)
    penalty = np.full(d + 1, l2)
    penalty[-1] = 1e-6
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(xb @ w)))
        grad = xb.T @ (p - y) + penalty * w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if float(np.abs(step).max()) < 1e-9:
            break
    return w[:-1], float(w[-1])


def predict(x: np.ndarray, weights: np.ndarray, bias: float) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-(x @ weights + bias))), dtype=np.float64)


def log_loss(p: np.ndarray, y: np.ndarray) -> float:
    q = np.clip(p, 1e-6, 1 - 1e-6)
    return float(-(y * np.log(q) + (1 - y) * np.log(1 - q)).sum())


def precision_recall(candidates: list[Candidate], scores: np.ndarray, golds: list[Gold],
                     split: str) -> tuple[int, int, int, int]:
    """(right asserted, asserted, gold found, gold) on one split: the evaluation's prediction counts."""
    asserted = [c for c, p in zip(candidates, scores.tolist(), strict=True) if c.split == split and p >= 0.5]
    found = {(c.article, g) for c in asserted for g in c.gold}
    return (sum(c.right for c in asserted), len(asserted), len(found),
            sum(g.count for g in golds if g.split == split))


def choose_l2(x: np.ndarray, y: np.ndarray, groups: np.ndarray, names: list[str]) -> tuple[float, dict[float, float]]:
    """The strength of :data:`L2_GRID` with the lowest summed log loss, each split of ``names`` held out in turn
    from a fit on the others."""
    losses: dict[float, float] = {}
    for l2 in L2_GRID:
        total = 0.0
        for held in names:
            train = np.isin(groups, [n for n in names if n != held])
            test = groups == held
            w, b = fit(x[train], y[train], l2)
            total += log_loss(predict(x[test], w, b), y[test])
        losses[l2] = total
    return min(losses, key=lambda k: (losses[k], k)), losses


def evaluate(candidates: list[Candidate], golds: list[Gold]) -> dict[str, Any]:
    """Leave-one-split-out: for each held-out split the hand scores and the learned scorer (its L2 chosen
    on the two other splits), counts as :func:`precision_recall`; plus the in-sample fit on all three."""
    x, y = design(candidates), np.asarray([c.right for c in candidates], dtype=np.float64)
    groups = np.asarray([c.split for c in candidates])
    hand = np.asarray([HAND_SCORES[c.basis] for c in candidates])
    table: dict[str, Any] = {"held_out": {}, "in_sample": {}}
    for held in SPLITS:
        rest = [s for s in SPLITS if s != held]
        l2, _ = choose_l2(x, y, groups, rest)
        train = np.isin(groups, rest)
        w, b = fit(x[train], y[train], l2)
        learned = predict(x, w, b)
        test = groups == held
        buckets = [i for i, name in enumerate(FEATURE_NAMES) if name.startswith("bucket ")]
        bw, bb = fit(x[train][:, buckets], y[train], choose_l2(x[:, buckets], y, groups, rest)[0])
        bucket_scores = predict(x[:, buckets], bw, bb)
        table["held_out"][held] = {
            "l2": l2,
            "learned": precision_recall(candidates, learned, golds, held),
            "buckets": precision_recall(candidates, bucket_scores, golds, held),
            "buckets_log_loss": log_loss(bucket_scores[test], y[test]),
            "hand": precision_recall(candidates, hand, golds, held),
            "learned_log_loss": log_loss(learned[test], y[test]),
            "hand_log_loss": log_loss(hand[test], y[test]),
        }
    l2, losses = choose_l2(x, y, groups, list(SPLITS))
    w, b = fit(x, y, l2)
    learned = predict(x, w, b)
    for split in SPLITS:
        table["in_sample"][split] = {"learned": precision_recall(candidates, learned, golds, split),
                                     "hand": precision_recall(candidates, hand, golds, split)}
    table["l2"] = l2
    table["l2_log_loss"] = {str(k): round(v, 3) for k, v in losses.items()}
    table["weights"] = w.tolist()
    table["bias"] = b
    return table


def _pr(counts: tuple[int, int, int, int]) -> str:
    right, asserted, found, gold = counts
    p = right / asserted if asserted else 0.0
    r = found / gold if gold else 0.0
    return f"{p:.3f} ({right}/{asserted}) / {r:.3f} ({found}/{gold})"


def markdown(table: dict[str, Any]) -> str:
    lines = ["| held-out split | L2 | hand P / R (read off all splits) | buckets only, learned P / R (held out) "
             "| learned P / R (held out) | log loss hand / buckets / learned |",
             "|---|---|---|---|---|---|"]
    sums = {"hand": [0.0, 0.0, 0.0], "buckets": [0.0, 0.0, 0.0], "learned": [0.0, 0.0, 0.0]}
    for split, row in table["held_out"].items():
        lines.append(f"| {split} | {row['l2']} | {_pr(row['hand'])} | {_pr(row['buckets'])} | {_pr(row['learned'])} "
                     f"| {row['hand_log_loss']:.1f} / {row['buckets_log_loss']:.1f} / {row['learned_log_loss']:.1f} |")
        for key in sums:
            right, asserted, found, gold = row[key]
            sums[key][0] += right / asserted if asserted else 0.0
            sums[key][1] += found / gold if gold else 0.0
            sums[key][2] += row[f"{key}_log_loss"]
    lines.append("| sum | | " + " | ".join(f"{sums[k][0]:.3f} / {sums[k][1]:.3f}" for k in sums) + " | "
                 + " / ".join(f"{sums[k][2]:.1f}" for k in sums) + " |")
    lines += ["", f"in-sample (L2 {table['l2']}, fitted on dev + dev2 + dev3):", "",
              "| split | hand P / R | learned P / R |", "|---|---|---|"]
    for split, row in table["in_sample"].items():
        lines.append(f"| {split} | {_pr(row['hand'])} | {_pr(row['learned'])} |")
    return "\n".join(lines) + "\n"


def write_scorer(path: Path, table: dict[str, Any], n: int) -> None:
    payload = {
        "format": "presslens prediction scorer 1 (logistic regression)",
        "features": list(FEATURE_NAMES),
        "weights": [round(v, 6) for v in table["weights"]],
        "bias": round(table["bias"], 6),
        "l2": table["l2"],
        "trained_on": "data/realnews dev + dev2 + dev3 gold predictions (PTC train articles, research use)",
        "candidates": n,
    }
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(payload, fh, indent=1)
        fh.write("\n")
    os.replace(tmp, path)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, required=True, help="the ptc-semeval2020-task11 folder")
    parser.add_argument("--annotations", type=Path, default=Path("data/realnews"))
    parser.add_argument("--output", type=Path, default=SCORER_FILE)
    parser.add_argument("--candidates", type=Path,
                        help="cache of the labelled candidates (JSON): read when it exists, else written")
    parser.add_argument("--dry-run", action="store_true", help="print the table, write no weights")


def main(args: argparse.Namespace) -> int:
    for split in SPLITS:
        if not (args.annotations / f"{split}.jsonl").exists():
            print(f"train predictions: no annotations at {args.annotations / f'{split}.jsonl'}", file=sys.stderr)
            return 2
    if args.candidates is not None and args.candidates.exists():
        cached = json.loads(args.candidates.read_text(encoding="utf-8"))
        candidates = [Candidate(**c) for c in cached["candidates"]]
        golds = [Gold(**g) for g in cached["golds"]]
    else:
        candidates, golds = collect(args.data, args.annotations)
        if args.candidates is not None:
            args.candidates.write_text(json.dumps({"candidates": [asdict(c) for c in candidates],
                                                   "golds": [asdict(g) for g in golds]}), encoding="utf-8")
    table = evaluate(candidates, golds)
    print(markdown(table), end="")
    print(f"L2 log loss (summed over the three held-out splits): {table['l2_log_loss']}")
    if not args.dry_run:
        write_scorer(args.output, table, len(candidates))
        print(f"wrote {args.output}")
    return 0 if all(math.isfinite(v) for v in table["weights"]) else 1
