"""Fit and judge the unlisted-cue model (:mod:`presslens.analyzers.attribution.unlisted`) on dumped rows.

The rows are those of :mod:`presslens.training.attribution_scorer_judge`'s ``dump`` (one pass of the analyzer over
the open real-news splits): FIT (the learned scorer's fit rows, 2.7's rules in the tree T27 of the model card),
NOW (the tree as it ships) and ON (the same tree with ``attribution.unlisted_cues=candidate``, whose rows hold the
unlisted-cue candidates)::

    PYTHONPATH=T27/src python -m presslens.training.attribution_scorer_judge dump --data PTC FIT.json
    PYTHONPATH=src python -m presslens.training.attribution_scorer_judge dump --data PTC NOW.json
    PYTHONPATH=src python -m presslens.training.attribution_scorer_judge dump --unlisted-cues candidate \\
        --data PTC ON.json
    python -m presslens.training.attribution_unlisted judge FIT.json NOW.json ON.json
    python -m presslens.training.attribution_unlisted fit FIT.json ON.json [--output DIR]

``judge`` holds out each open split in turn: the learned scorer is fitted on FIT's rows of the other splits (as
``attribution_scorer_judge judge``); the unlisted-cue model is fitted on ON's unlisted-cue candidates of the other
splits (their scorer log-odds from that fold's scorer, each row's lemma rate from the candidates of the splits
other than its own and the held-out one, the penalty chosen by leave-one-split-out log loss over those splits);
then NOW's and ON's rows of the held-out split are scored (ON's unlisted-cue candidates by the unlisted-cue model,
every other row by the learned scorer) and precision at 0.5, recall and ECE are printed side by side, with their
sums. ``fit`` fits the model the same way on every open split (the scorer: the one fitted on all of FIT's rows, as
``models/attribution/scorer.json``) and writes ``models/attribution/unlisted.json`` (or ``DIR/unlisted.json``).
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path

import numpy as np

from presslens.analyzers.attribution.unlisted import (
    SPEECH_RULE,
    UNLISTED_FEATURES,
    unlisted_inputs,
)
from presslens.analyzers.numeric import sigmoid
from presslens.evaluation.counts import PrecisionRecallCounts
from presslens.training.attribution_scorer_judge import Rows, asserted_counts, load
from presslens.training.logistic import expected_calibration_error, fit_standardised, log_loss
from presslens.training.model_files import write_json

#: the penalties tried for the unlisted-cue model (standardised inputs)
L2_GRID = (0.3, 1.0, 3.0, 10.0, 30.0, 100.0)
TRAIN_COMMAND = "python -m presslens.training.attribution_unlisted fit FIT.json ON.json"
Counts = dict[str, tuple[float, float]]


def lemma_counts(rows: Rows, index: np.ndarray) -> tuple[Counts, float]:
    """(right, n) per cue lemma over ``index`` and the share right over all of them."""
    counts: dict[str, list[float]] = {}
    for i in index.tolist():
        c = counts.setdefault(rows.lemmas[i], [0.0, 0.0])
        c[0] += float(rows.right[i])
        c[1] += 1.0
    total = sum(c[1] for c in counts.values())
    prior = sum(c[0] for c in counts.values()) / total if total else 0.0
    return {k: (v[0], v[1]) for k, v in sorted(counts.items())}, prior


def _scorer(fit: Rows, train: np.ndarray) -> tuple[np.ndarray, float]:
    from presslens.training.attribution_scorer import choose_l2

    fz, fy = np.array(fit.features), np.array(fit.right, dtype=float)
    fsplits, fsane = np.array(fit.splits), np.array(fit.sane)
    l2 = choose_l2(fz[train], fy[train], fsplits[train], fsane[train])
    w, b = fit_standardised(fz[train], fy[train], l2)
    return w, b


def candidate_rows(rows: Rows) -> np.ndarray:
    """The rows of unlisted-cue candidates."""
    return np.flatnonzero(np.array(rows.unlisted, dtype=bool))


def design(rows: Rows, index: np.ndarray, logits: np.ndarray, counts_of: list[tuple[Counts, float]]) -> np.ndarray:
    """The model's inputs for ``index`` (``logits``: the scorer's log-odds of those rows; ``counts_of``: the lemma
    table each row's rate is read from)."""
    return np.array([unlisted_inputs(float(z), rows.lemmas[i], rows.features[i], c, prior)
                     for i, z, (c, prior) in zip(index.tolist(), logits.tolist(), counts_of, strict=True)])


def _out_of_split(rows: Rows, index: np.ndarray) -> list[tuple[Counts, float]]:
    """For each row of ``index``, the lemma table of the rows of ``index`` in other splits."""
    splits = np.array(rows.splits)[index]
    tables = {s: lemma_counts(rows, index[splits != s]) for s in dict.fromkeys(splits.tolist())}
    return [tables[s] for s in splits.tolist()]


def _choose_l2(x: np.ndarray, y: np.ndarray, splits: np.ndarray) -> float:
    best, best_loss = L2_GRID[-1], math.inf
    for l2 in sorted(L2_GRID, reverse=True):
        loss = 0.0
        for held in dict.fromkeys(splits.tolist()):
            test = splits == held
            if test.all() or not test.any():
                continue
            w, b = fit_standardised(x[~test], y[~test], l2)
            loss += log_loss(y[test], sigmoid(x[test] @ w + b))
        if loss < best_loss - 1e-9:
            best, best_loss = l2, loss
    return best


def fit_model(rows: Rows, index: np.ndarray, logits: np.ndarray) -> tuple[np.ndarray, float, float, Counts, float]:
    """(weights, bias, l2, lemma table, prior) fitted on the candidates ``index`` (``logits``: their scorer
    log-odds); each row's lemma rate is read from the other splits' candidates."""
    x = design(rows, index, logits, _out_of_split(rows, index))
    y = np.array(rows.right, dtype=float)[index]
    splits = np.array(rows.splits)[index]
    l2 = _choose_l2(x, y, splits)
    w, b = fit_standardised(x, y, l2)
    counts, prior = lemma_counts(rows, index)
    return w, float(b), l2, counts, prior


def candidate_probabilities(rows: Rows, index: np.ndarray, logits: np.ndarray, w: np.ndarray, b: float,
                            counts: Counts, prior: float) -> np.ndarray:
    """The model's probabilities, capped at 0.45 unless the speech-predicate rule is the only problem."""
    from presslens.analyzers.attribution.calibration import CANDIDATE_CAP

    x = design(rows, index, logits, [(counts, prior)] * len(index))
    p = sigmoid(x @ w + b)
    only = np.array([rows.problems[i] == [SPEECH_RULE] for i in index.tolist()], dtype=bool)
    return np.where(only, p, np.minimum(p, CANDIDATE_CAP))


def held_out(fit: Rows, now: Rows, on: Rows) -> list[tuple[str, PrecisionRecallCounts, float, PrecisionRecallCounts,
                                                         float, int]]:
    """Per open split: NOW's counts and ECE, ON's with the unlisted-cue model, and how many of ON's
    candidates it asserts."""
    from presslens.training.attribution_scorer import probabilities

    fsplits = np.array(fit.splits)
    on_cand = candidate_rows(on)
    on_splits = np.array(on.splits)
    out = []
    for held in dict.fromkeys(fit.splits):
        w, b = _scorer(fit, fsplits != held)
        scored = []
        for rows in (now, on):
            test = np.flatnonzero(np.array(rows.splits) == held)
            z = np.array(rows.features)[test]
            p = probabilities(z, w, b, np.array(rows.sane)[test])
            scored.append((rows, test, p))
        train = on_cand[on_splits[on_cand] != held]
        logits = np.array(on.features)[train] @ w + b
        uw, ub, _, counts, prior = fit_model(on, train, logits)
        rows, test, p = scored[1]
        mine = np.array(on.unlisted, dtype=bool)[test]
        asserted_new = 0
        if mine.any():
            idx = test[mine]
            pu = candidate_probabilities(on, idx, np.array(on.features)[idx] @ w + b, uw, ub, counts, prior)
            p = p.copy()
            p[mine] = pu
            asserted_new = int((pu >= 0.5).sum())
        now_rows, now_test, now_p = scored[0]
        out.append((held, asserted_counts(now_rows, now_test, now_p, now.gold[held]),
                    expected_calibration_error(np.array(now.right, dtype=float)[now_test], now_p),
                    asserted_counts(on, test, p, on.gold[held]),
                    expected_calibration_error(np.array(on.right, dtype=float)[test], p), asserted_new))
    return out


def report(folds: list[tuple[str, PrecisionRecallCounts, float, PrecisionRecallCounts, float, int]],
           unread: tuple[str, ...] = ()) -> None:
    print("| held-out split | NOW P | R | ECE | scored P | R | ECE | candidates asserted |\n|---|---|---|---|---|---|"
          "---|---|")
    sums = {"all": np.zeros(4), "unread": np.zeros(4)}
    for split, a, ae, c, ce, n in folds:
        vals = (a.precision or 0.0, a.recall or 0.0, c.precision or 0.0, c.recall or 0.0)
        sums["all"] += vals
        if split in unread:
            sums["unread"] += vals
        print(f"| {split} | {vals[0]:.3f} ({a.correct}/{a.predicted}) | {vals[1]:.3f} ({a.found}/{a.gold}) | {ae:.3f} "
              f"| {vals[2]:.3f} ({c.correct}/{c.predicted}) | {vals[3]:.3f} ({c.found}/{c.gold}) | {ce:.3f} | {n} |")
    for name, s in sums.items():
        if name == "unread" and not unread:
            continue
        print(f"| sum, {name} | {s[0]:.3f} | {s[1]:.3f} | | {s[2]:.3f} | {s[3]:.3f} | | |")
        dp, dr = round(s[2] - s[0], 3), round(s[3] - s[1], 3)
        verdict = "passes" if dp > 0 and dr >= -dp / 2 else "fails"
        print(f"{name}: precision {dp:+.3f}, recall {dr:+.3f}: {verdict} the precision / recall clause")


def write_model(path: Path, w: np.ndarray, b: float, l2: float, counts: Counts, prior: float, rows: Rows,
                index: np.ndarray) -> None:
    payload = {
        "features": list(UNLISTED_FEATURES),
        "weights": [round(float(v), 6) for v in w],
        "bias": round(b, 6),
        "l2": l2,
        "prior": round(prior, 6),
        "lemmas": {k: [int(v[0]), int(v[1])] for k, v in counts.items()},
        "splits": list(dict.fromkeys(rows.splits)),
        "rows": len(index),
        "right": int(sum(rows.right[i] for i in index.tolist())),
        "command": TRAIN_COMMAND,
    }
    write_json(path, payload)


def main(argv: list[str] | None = None) -> int:
    from presslens.analyzers.attribution.unlisted import UNLISTED_FILE

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    j = sub.add_parser("judge")
    j.add_argument("fit", type=Path)
    j.add_argument("now", type=Path)
    j.add_argument("on", type=Path)
    j.add_argument("--unread", default="", help="comma-separated splits whose errors were not read (own sum)")
    f = sub.add_parser("fit")
    f.add_argument("fit", type=Path)
    f.add_argument("on", type=Path)
    f.add_argument("--output", type=Path, default=None, help="folder for unlisted.json (default: the model's)")
    args = parser.parse_args(argv)
    if args.command == "judge":
        unread = tuple(s.strip() for s in args.unread.split(",") if s.strip())
        report(held_out(load(args.fit), load(args.now), load(args.on)), unread)
        return 0
    fit, on = load(args.fit), load(args.on)
    w, b = _scorer(fit, np.ones(len(fit.splits), dtype=bool))
    index = candidate_rows(on)
    uw, ub, l2, counts, prior = fit_model(on, index, np.array(on.features)[index] @ w + b)
    print(f"{len(index)} unlisted-cue candidates, {int(sum(on.right[i] for i in index.tolist()))} right; l2 {l2:g}; "
          f"weights {', '.join(f'{n} {v:.3f}' for n, v in zip(UNLISTED_FEATURES, uw, strict=True))}; bias {ub:.3f}")
    path = (args.output / UNLISTED_FILE.name) if args.output else UNLISTED_FILE
    write_model(path, uw, ub, l2, counts, prior, on, index)
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
