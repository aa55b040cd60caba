"""Train the prediction scorer: a logistic regression over forecast candidates, on real-news gold (issue 13).

    presslens train predictions --data ../shared/data/ptc-semeval2020-task11 [--annotations data/realnews]

A candidate is a sentence that :func:`presslens.analyzers.claims.predictions.prediction_basis` puts into a
bucket (the forecasts the analyzer emits as ``prediction`` findings, taken from the analyzer itself so that the
claim decision and claim score are the ones it uses); its label is whether it matches a gold prediction of an
open real-news split (:data:`presslens.evaluation.realnews_selection.OPEN_SPLITS`: PTC train articles and, from
dev12 on, PTC test articles; the evaluation's prediction rule). Features: :func:`presslens.analyzers.claims.predictions.prediction_features`.

Every choice is judged leave-one-split-out over the open splits: for each held-out split, the L2 strength of
:data:`L2_GRID` is chosen by inner leave-one-split-out log loss on the other splits, the scorer is fitted on them
and scores the held-out split. The table printed compares, on each held-out split, the learned scorer with the
hand bucket scores (:data:`~presslens.analyzers.claims.predictions.HAND_SCORES`, read off dev .. dev5 at stops
19-22: in-sample there, held out on dev6 and dev7 only; the stop-24 rules were read off dev7 and audit A) and with the bucket table re-estimated on the other splits (the bucket
one-hots alone: the fair, held-out version of the hand buckets), with precision and recall at 0.5 and the
expected calibration error (10 bins). The shipped weights are fitted on all open splits with the strength that
has the lowest summed held-out log loss.

Weights go to ``models/claims/predictions.json`` (written to a temp file, then renamed). The validation and test
splits are never read here.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from presslens.analyzers.claims.predictions import (
    BUCKETS,
    FEATURE_NAMES,
    HAND_SCORES,
    SCORER_FILE,
    prediction_features,
    recalibrated_bucket_score,
)
from presslens.evaluation.counts import PrecisionRecallCounts
from presslens.evaluation.realnews_selection import OPEN_SPLITS, source_articles
from presslens.text.prediction import DEFAULT_PREDICTION_RULES, PREDICTION_RULES, prediction_rules
from presslens.training.logistic import expected_calibration_error, fit_l2_logistic, log_loss, probabilities
from presslens.training.model_files import write_json

SPLITS: tuple[str, ...] = OPEN_SPLITS
#: the values of the analyzer option ``claims.prediction_rules`` (``--rules``)
RULES_CHOICES = PREDICTION_RULES
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


def collect(data: Path, annotations: Path, splits: tuple[str, ...] = SPLITS,
            rules: str = DEFAULT_PREDICTION_RULES) -> tuple[list[Candidate], list[Gold]]:
    """Run the claims analyzer on every article of the splits; the prediction candidates it scores, labelled.
    The analyzer's own inputs of its prediction step (forecasts and claim scores) are read by wrapping that
    step, so the candidates and their claim features are exactly the analyzer's. ``rules``: the analyzer option
    ``claims.prediction_rules`` (the caller sets the same rules around the bucket step, see :func:`main`)."""
    from presslens.analyzers.claims.analyzer import ClaimsAnalyzer
    from presslens.analyzers.claims.calibration import EMIT_AT
    from presslens.analyzers.claims.predictions import cues_quoted, prediction_basis
    from presslens.evaluation.realnews import annotated_articles
    from presslens.evaluation.realnews_matching import match_prediction
    from presslens.pipeline import Pipeline

    seen: list[tuple[list[Any], list[float]]] = []
    original = ClaimsAnalyzer._predictions

    def recording(self: ClaimsAnalyzer, article: Any, forecasts: list[Any], claim_scores: list[float]) -> Any:
        seen.append((forecasts, claim_scores))
        return original(self, article, forecasts, claim_scores)

    from presslens.pipeline import PipelineConfig

    pipeline = Pipeline(PipelineConfig(only=("claims",), options={"claims.prediction_rules": rules}
                                       if rules != DEFAULT_PREDICTION_RULES else {}))
    candidates: list[Candidate] = []
    golds: list[Gold] = []
    ClaimsAnalyzer._predictions = recording  # type: ignore[method-assign]
    try:
        for split in splits:
            for record, article in annotated_articles(annotations / f"{split}.jsonl", data):
                seen.clear()
                pipeline.run(article)
                forecasts, claim_scores = seen[0] if seen else ([None] * len(article.sentences), [])
                spans = [tuple(g["span"]) for g in record["predictions"]]
                golds.append(Gold(split, record["id"], len(spans)))
                for index, ((s, e), found) in enumerate(zip(article.sentences, forecasts, strict=True)):
                    if found is None:
                        continue
                    text = article.text[s:e]
                    score = claim_scores[index]
                    is_claim = not score < EMIT_AT
                    quoted = cues_quoted(article.text, s, found[1])
                    basis = prediction_basis(text, found, is_claim, quoted)
                    if basis is None:
                        continue
                    matched = [i for i, g in enumerate(spans)
                               if match_prediction((s, e), g)]  # type: ignore[arg-type]
                    candidates.append(Candidate(split, record["id"], s, e, text, quoted, is_claim, score, index,
                                                basis, bool(matched), matched))
    finally:
        ClaimsAnalyzer._predictions = original  # type: ignore[method-assign]
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
    """L2-penalised logistic regression by Newton's method (the bias barely penalised): (weights, bias)."""
    return fit_l2_logistic(x, y, l2, intercept="last", intercept_penalty=1e-6, iterations=iterations,
                           tolerance=1e-9, hessian_form="sx_t_x")


def precision_recall(candidates: list[Candidate], scores: np.ndarray, golds: list[Gold],
                     split: str) -> PrecisionRecallCounts:
    """The counts at 0.5 on one split: the evaluation's prediction counts."""
    asserted = [c for c, p in zip(candidates, scores.tolist(), strict=True) if c.split == split and p >= 0.5]
    found = {(c.article, g) for c in asserted for g in c.gold}
    return PrecisionRecallCounts(predicted=len(asserted), correct=sum(c.right for c in asserted),
                                 gold=sum(g.count for g in golds if g.split == split), found=len(found))


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
            total += log_loss(y[test], probabilities(x[test], w, b))
        losses[l2] = total
    return min(losses, key=lambda k: (losses[k], k)), losses


def recalibrated_scores(candidates: list[Candidate], splits: list[str]) -> dict[str, float]:
    """:func:`~presslens.analyzers.claims.predictions.recalibrated_bucket_score` of every bucket from the
    candidates of ``splits``."""
    per: dict[str, dict[str, tuple[int, int]]] = {b: {} for b in BUCKETS}
    for c in candidates:
        if c.split in splits:
            r, n = per[c.basis].get(c.split, (0, 0))
            per[c.basis][c.split] = (r + int(c.right), n + 1)
    return {b: recalibrated_bucket_score(per[b]) for b in BUCKETS}


def evaluate(candidates: list[Candidate], golds: list[Gold]) -> dict[str, Any]:
    """Leave-one-split-out over :data:`SPLITS`: for each held-out split the hand scores, the bucket table
    re-estimated on the other splits and the learned scorer (its L2 chosen on the other splits), counts as
    :func:`precision_recall`, log loss and ECE; plus the in-sample fit on all splits and the bucket counts."""
    x, y = design(candidates), np.asarray([c.right for c in candidates], dtype=np.float64)
    groups = np.asarray([c.split for c in candidates])
    hand = np.asarray([HAND_SCORES[c.basis] for c in candidates])
    buckets = [i for i, name in enumerate(FEATURE_NAMES) if name.startswith("bucket ")]
    table: dict[str, Any] = {"held_out": {}, "in_sample": {}}
    for held in SPLITS:
        rest = [s for s in SPLITS if s != held]
        train, test = np.isin(groups, rest), groups == held
        l2, _ = choose_l2(x, y, groups, rest)
        w, b = fit(x[train], y[train], l2)
        learned = probabilities(x, w, b)
        bw, bb = fit(x[train][:, buckets], y[train], choose_l2(x[:, buckets], y, groups, rest)[0])
        bucket_scores = probabilities(x[:, buckets], bw, bb)
        fold_table = recalibrated_scores(candidates, rest)
        recalibrated = np.asarray([fold_table[c.basis] for c in candidates])
        row: dict[str, Any] = {"l2": l2}
        for key, scores in (("hand", hand), ("buckets", bucket_scores), ("learned", learned),
                            ("recalibrated", recalibrated)):
            row[key] = precision_recall(candidates, scores, golds, held)
            row[f"{key}_log_loss"] = log_loss(y[test], scores[test])
            row[f"{key}_ece"] = expected_calibration_error(y[test], scores[test])
        table["held_out"][held] = row
    l2, losses = choose_l2(x, y, groups, list(SPLITS))
    w, b = fit(x, y, l2)
    learned = probabilities(x, w, b)
    table["recalibrated"] = recalibrated_scores(candidates, list(SPLITS))
    recalibrated_all = np.asarray([table["recalibrated"][c.basis] for c in candidates])
    for split in SPLITS:
        table["in_sample"][split] = {"learned": precision_recall(candidates, learned, golds, split),
                                     "hand": precision_recall(candidates, hand, golds, split),
                                     "recalibrated": precision_recall(candidates, recalibrated_all, golds, split)}
    counts: dict[str, dict[str, list[int]]] = {}
    for c in candidates:
        right_total = counts.setdefault(c.basis, {}).setdefault(c.split, [0, 0])
        right_total[0] += int(c.right)
        right_total[1] += 1
    table["buckets"] = counts
    table["l2"] = l2
    table["l2_log_loss"] = {str(k): round(v, 3) for k, v in losses.items()}
    table["weights"] = w.tolist()
    table["bias"] = b
    return table


def _pr(c: PrecisionRecallCounts) -> str:
    p, r = c.precision or 0.0, c.recall or 0.0
    return f"{p:.3f} ({c.correct}/{c.predicted}) / {r:.3f} ({c.found}/{c.gold})"


def markdown(table: dict[str, Any]) -> str:
    keys = ("hand", "buckets", "learned", "recalibrated")
    lines = ["| held-out split | L2 | hand P / R (read off dev-dev5) | buckets re-estimated P / R (held out) "
             "| learned P / R (held out) | recalibrated P / R (held out) "
             "| ECE hand / buckets / learned / recalibrated | log loss hand / buckets / learned / recalibrated |",
             "|---|---|---|---|---|---|---|---|"]
    sums = {k: [0.0, 0.0, 0.0, 0.0] for k in keys}
    for split, row in table["held_out"].items():
        eces = " / ".join(f"{row[k + '_ece']:.3f}" for k in keys)
        losses = " / ".join(f"{row[k + '_log_loss']:.1f}" for k in keys)
        lines.append(f"| {split} | {row['l2']} | {_pr(row['hand'])} | {_pr(row['buckets'])} | {_pr(row['learned'])} "
                     f"| {_pr(row['recalibrated'])} | {eces} | {losses} |")
        for key in keys:
            sums[key][0] += row[key].precision or 0.0
            sums[key][1] += row[key].recall or 0.0
            sums[key][2] += row[f"{key}_ece"]
            sums[key][3] += row[f"{key}_log_loss"]
    lines.append("| sum | | " + " | ".join(f"{sums[k][0]:.3f} / {sums[k][1]:.3f}" for k in keys) + " | "
                 + " / ".join(f"{sums[k][2]:.3f}" for k in keys) + " | "
                 + " / ".join(f"{sums[k][3]:.1f}" for k in keys) + " |")
    lines += ["", f"in-sample (L2 {table['l2']}, fitted on {' + '.join(SPLITS)}):", "",
              "| split | hand P / R | learned P / R | recalibrated P / R |", "|---|---|---|---|"]
    for split, row in table["in_sample"].items():
        lines.append(f"| {split} | {_pr(row['hand'])} | {_pr(row['learned'])} | {_pr(row['recalibrated'])} |")
    lines += ["", "bucket counts (right / candidates):", "",
              "| bucket | hand score | recalibrated on all | " + " | ".join(SPLITS) + " |",
              "|---|---|---|" + "---|" * len(SPLITS)]
    for bucket in BUCKETS:
        per = table["buckets"].get(bucket, {})
        lines.append(f"| {bucket} | {HAND_SCORES[bucket]:.2f} | {table['recalibrated'][bucket]:.2f} | "
                     + " | ".join("{}/{}".format(*per.get(s, [0, 0])) for s in SPLITS) + " |")
    return "\n".join(lines) + "\n"


def write_scorer(path: Path, table: dict[str, Any], n: int) -> None:
    payload = {
        "format": "presslens prediction scorer 1 (logistic regression)",
        "features": list(FEATURE_NAMES),
        "weights": [round(v, 6) for v in table["weights"]],
        "bias": round(table["bias"], 6),
        "l2": table["l2"],
        "trained_on": f"data/realnews {' + '.join(SPLITS)} gold predictions ({source_articles(SPLITS)}, research use)",
        "candidates": n,
    }
    write_json(path, payload)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, required=True, help="the ptc-semeval2020-task11 folder")
    parser.add_argument("--annotations", type=Path, default=Path("data/realnews"))
    parser.add_argument("--output", type=Path, default=SCORER_FILE)
    parser.add_argument("--candidates", type=Path,
                        help="cache of the labelled candidates (JSON): read when it exists, else written")
    parser.add_argument("--dry-run", action="store_true", help="print the table, write no weights")
    parser.add_argument("--rules", choices=RULES_CHOICES, default=DEFAULT_PREDICTION_RULES,
                        help="the prediction rules (the analyzer option claims.prediction_rules) the candidates are "
                             "read with (default: the analyzer's default)")


def main(args: argparse.Namespace) -> int:
    rules = getattr(args, "rules", DEFAULT_PREDICTION_RULES)
    with prediction_rules(rules):
        return _main(args, rules)


def cached_rules(cached: dict[str, Any]) -> str:
    """The prediction rules a ``--candidates`` cache was written with (its "rules" key; a cache without one, written
    before stop 27, holds candidates of the stop-24 rules)."""
    return str(cached.get("rules", "stop24"))


def _main(args: argparse.Namespace, rules: str) -> int:
    for split in SPLITS:
        if not (args.annotations / f"{split}.jsonl").exists():
            print(f"train predictions: no annotations at {args.annotations / f'{split}.jsonl'}", file=sys.stderr)
            return 2
    if args.candidates is not None and args.candidates.exists():
        cached = json.loads(args.candidates.read_text(encoding="utf-8"))
        if cached_rules(cached) != rules:
            print(f"train predictions: {args.candidates} holds candidates of the rules {cached_rules(cached)}, "
                  f"not {rules}", file=sys.stderr)
            return 2
        candidates = [Candidate(**c) for c in cached["candidates"]]
        golds = [Gold(**g) for g in cached["golds"]]
    else:
        candidates, golds = collect(args.data, args.annotations, rules=rules)
        if args.candidates is not None:
            args.candidates.write_text(json.dumps({"rules": rules, "candidates": [asdict(c) for c in candidates],
                                                   "golds": [asdict(g) for g in golds]}), encoding="utf-8")
    table = evaluate(candidates, golds)
    print(markdown(table), end="")
    print(f"L2 log loss (summed over the held-out splits): {table['l2_log_loss']}")
    if not args.dry_run:
        write_scorer(args.output, table, len(candidates))
        print(f"wrote {args.output}")
    return 0 if all(math.isfinite(v) for v in table["weights"]) else 1
