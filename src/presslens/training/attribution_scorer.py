"""Fit the learned attribution scorer (:mod:`presslens.analyzers.attribution.scorer`) on the open real-news splits.

    presslens train attribution --scorer --data ../shared/data/ptc-semeval2020-task11 [--output DIR] [--dry-run]

Rows: every attribution the analyzer finds (asserted or not, raw scores) in the open splits
(:data:`~presslens.evaluation.realnews_selection.OPEN_SPLITS`), labelled right when it matches a gold attribution
by the evaluation's rules (:func:`~presslens.evaluation.realnews_matching.match_attribution`). The model is an
L2-regularised logistic regression over standardised features (Newton's method, numpy; deterministic).

Every choice is judged leave one split out: for each open split, the regularisation is chosen by the log loss of
leave-one-split-out fits over the other open splits, the model is fitted on those splits and scored on the held-out
one. The table printed holds, per split, the held-out precision, recall (gold speech attributions matched by an
asserted one) and expected calibration error of the learned scorer next to the shipped calibration
(:func:`~presslens.analyzers.attribution.calibration.calibrated`), and their sums. The shipped weights are then
chosen the same way over all open splits and written (temp file, then rename) to ``models/attribution/scorer.json``
unless ``--dry-run``. The validation and test splits are never read.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from presslens.analyzers.numeric import sigmoid
from presslens.evaluation.counts import PrecisionRecallCounts
from presslens.training.logistic import expected_calibration_error, fit_standardised, log_loss
from presslens.training.model_files import write_json

#: the L2 penalties tried (on standardised features), chosen by leave-one-split-out log loss
L2_GRID = (0.3, 1.0, 3.0, 10.0, 30.0, 100.0)
THRESHOLD = 0.5
TRAIN_COMMAND = "presslens train attribution --scorer --data ../shared/data/ptc-semeval2020-task11"


@dataclass
class ScorerTable:
    """One row per attribution: features, label, split, the shipped calibrated score, whether it is sane, and
    the gold speech attributions it matches (for recall); gold speech attributions per split."""

    x: list[list[float]] = field(default_factory=list)
    y: list[float] = field(default_factory=list)
    splits: list[str] = field(default_factory=list)
    current: list[float] = field(default_factory=list)
    sane: list[bool] = field(default_factory=list)
    matched: list[list[str]] = field(default_factory=list)
    gold: dict[str, int] = field(default_factory=dict)


def scorer_table(data_dir: Path, splits: tuple[str, ...]) -> ScorerTable:
    """The rows of every attribution of ``splits`` (never the validation or test splits)."""
    from presslens.analyzers.attribution.analyzer import AttributionAnalyzer, extract
    from presslens.analyzers.attribution.calibration import calibrated, calibration_inputs
    from presslens.analyzers.attribution.sanity import NAME_MAY_DEFAULT
    from presslens.analyzers.attribution.sanity import name_may as may_as_name
    from presslens.analyzers.attribution.scorer import scorer_features
    from presslens.analyzers.base import Features
    from presslens.evaluation.realnews import DEFAULT_ANNOTATIONS, annotated_articles
    from presslens.evaluation.realnews_matching import match_attribution
    from presslens.evaluation.realnews_selection import OPEN_SPLITS
    from presslens.pipeline import Pipeline

    for split in splits:
        if split not in OPEN_SPLITS:
            raise ValueError(f"{split} is not an open split ({', '.join(OPEN_SPLITS)}); it is scored, never fitted on")
    pipeline = Pipeline()
    pipeline.load()
    analyzer = AttributionAnalyzer()
    table = ScorerTable()
    for split in splits:
        table.gold[split] = 0
        for record, article in annotated_articles(DEFAULT_ANNOTATIONS / f"{split}.jsonl", data_dir):
            speech = [(i, g) for i, g in enumerate(record["attributions"]) if g.get("kind", "speech") == "speech"]
            table.gold[split] += len(speech)
            sentences = list(article.sentences)
            found = extract(Features(article, pipeline.encoder), raw_scores=True)
            # the traits read the source's words as the analyzer does, under its default ``name_may``
            with may_as_name(NAME_MAY_DEFAULT == "on"):
                for a in found:
                    finding = analyzer._finding(article, a)
                    table.x.append(scorer_features(article.text, a, sentences))
                    table.y.append(
                        float(any(match_attribution(article.text, finding, g) for g in record["attributions"]))
                    )
                    table.splits.append(split)
                    table.current.append(calibrated(*calibration_inputs(article.text, a)))
                    table.sane.append(a.sane)
                    table.matched.append(
                        [f"{record['id']}:{i}" for i, g in speech if match_attribution(article.text, finding, g)]
                    )
    return table




def probabilities(x: np.ndarray, weights: np.ndarray, bias: float, sane: np.ndarray) -> np.ndarray:
    """The scorer's probabilities; a sanity failure is capped below 0.5 as in the analyzer."""
    from presslens.analyzers.attribution.calibration import CANDIDATE_CAP

    p = sigmoid(x @ weights + bias)
    return np.where(sane, p, np.minimum(p, CANDIDATE_CAP))


def choose_l2(x: np.ndarray, y: np.ndarray, splits: np.ndarray, sane: np.ndarray) -> float:
    """The penalty of :data:`L2_GRID` with the least summed log loss over leave-one-split-out fits of these
    rows (ties: the larger penalty)."""
    names = list(dict.fromkeys(splits.tolist()))
    best, best_loss = L2_GRID[-1], math.inf
    for l2 in sorted(L2_GRID, reverse=True):
        loss = 0.0
        for held in names:
            test = splits == held
            w, b = fit_standardised(x[~test], y[~test], l2)
            loss += log_loss(y[test], probabilities(x[test], w, b, sane[test]))
        if loss < best_loss - 1e-9:
            best, best_loss = l2, loss
    return best


@dataclass
class HeldOut:
    """One held-out split: the counts at :data:`THRESHOLD` and the ECE of the learned scorer and of the
    shipped calibration (``current``); recall over the split's gold speech attributions."""

    split: str
    l2: float
    learned: PrecisionRecallCounts
    learned_ece: float
    current: PrecisionRecallCounts
    current_ece: float


def _counts(table: ScorerTable, rows: np.ndarray, y: np.ndarray, p: np.ndarray,
            gold: int) -> tuple[PrecisionRecallCounts, float]:
    asserted = p >= THRESHOLD
    found = {g for i in rows[asserted].tolist() for g in table.matched[i]}
    counts = PrecisionRecallCounts(predicted=int(asserted.sum()), correct=int(y[asserted].sum()), gold=gold,
                                   found=len(found))
    return counts, expected_calibration_error(y, p)


def leave_one_split_out(table: ScorerTable) -> list[HeldOut]:
    """For each split: the penalty chosen and the model fitted on the other splits, scored on this one, next to
    the shipped calibration's scores on it."""
    x, y = np.array(table.x), np.array(table.y)
    splits, sane = np.array(table.splits), np.array(table.sane)
    current = np.array(table.current)
    out = []
    for held in dict.fromkeys(table.splits):
        test = splits == held
        l2 = choose_l2(x[~test], y[~test], splits[~test], sane[~test])
        w, b = fit_standardised(x[~test], y[~test], l2)
        rows = np.flatnonzero(test)
        p = probabilities(x[test], w, b, sane[test])
        learned, learned_ece = _counts(table, rows, y[test], p, table.gold[held])
        shipped, shipped_ece = _counts(table, rows, y[test], current[test], table.gold[held])
        out.append(HeldOut(held, l2, learned, learned_ece, shipped, shipped_ece))
    return out


def _pr(counts: PrecisionRecallCounts) -> tuple[float, float]:
    """Precision and recall, 0.0 where undefined (the sums of the table and the ship rule add them up)."""
    return counts.precision or 0.0, counts.recall or 0.0


def markdown_table(results: list[HeldOut]) -> str:
    lines = ["| held-out split | l2 | calibrated P | R | ECE | learned P | R | ECE |", "|---|---|---|---|---|---|---|---|"]
    sums = np.zeros(4)
    for r in results:
        c, learned = r.current, r.learned
        cp, cr = _pr(c)
        lp, lr = _pr(learned)
        sums += (cp, cr, lp, lr)
        lines.append(f"| {r.split} | {r.l2:g} | {cp:.3f} ({c.correct}/{c.predicted}) | {cr:.3f} "
                     f"({c.found}/{c.gold}) | {r.current_ece:.3f} | "
                     f"{lp:.3f} ({learned.correct}/{learned.predicted}) | {lr:.3f} ({learned.found}/{learned.gold}) | {r.learned_ece:.3f} |")
    lines.append(f"| sum | | {sums[0]:.3f} | {sums[1]:.3f} | | {sums[2]:.3f} | {sums[3]:.3f} | |")
    return "\n".join(lines)


def passes_ship_rule(results: list[HeldOut]) -> bool:
    """Summed over the held-out splits, precision at 0.5 rises and recall falls by at most half of that rise (the
    audit condition is checked by hand)."""
    dp = sum(_pr(r.learned)[0] - _pr(r.current)[0] for r in results)
    dr = sum(_pr(r.learned)[1] - _pr(r.current)[1] for r in results)
    return dp > 0 and dr >= -dp / 2


def write_scorer(path: Path, weights: np.ndarray, bias: float, l2: float, table: ScorerTable) -> None:
    """The scorer file (feature names, weights, bias and how they were made), written whole or not at all."""
    from presslens.analyzers.attribution.scorer import FEATURE_NAMES

    payload = {
        "features": list(FEATURE_NAMES),
        "weights": [round(float(w), 6) for w in weights],
        "bias": round(bias, 6),
        "l2": l2,
        "splits": list(dict.fromkeys(table.splits)),
        "rows": len(table.y),
        "right": int(sum(table.y)),
        "command": TRAIN_COMMAND,
    }
    write_json(path, payload)


def train_scorer(data_dir: Path, output: Path | None = None, dry_run: bool = False) -> int:
    from presslens.analyzers.attribution.scorer import SCORER_FILE
    from presslens.evaluation.realnews_selection import OPEN_SPLITS

    table = scorer_table(data_dir, OPEN_SPLITS)
    print(f"{len(table.y)} attributions of the open splits ({', '.join(OPEN_SPLITS)}), {int(sum(table.y))} right")
    results = leave_one_split_out(table)
    print("\nleave one split out (penalty chosen and model fitted on the other splits; asserted = score >= 0.5):\n")
    print(markdown_table(results))
    print(f"\nship rule (held-out precision sum rises, recall sum falls by at most half of it): "
          f"{'passes' if passes_ship_rule(results) else 'fails'}")
    x, y = np.array(table.x), np.array(table.y)
    splits, sane = np.array(table.splits), np.array(table.sane)
    l2 = choose_l2(x, y, splits, sane)
    weights, bias = fit_standardised(x, y, l2)
    p = probabilities(x, weights, bias, sane)
    print(f"\nfitted on all open splits: l2 {l2:g}, in-sample asserted {int((p >= THRESHOLD).sum())}, right "
          f"{int(y[p >= THRESHOLD].sum())}, ECE {expected_calibration_error(y, p):.3f}")
    if not dry_run:
        path = output or SCORER_FILE
        write_scorer(path, weights, bias, l2, table)
        print(f"wrote {path}")
    return 0
