"""Evaluate check-worthiness: CT24 dev-test F1 (positive class) and CT20 task 5 test-gold MAP.

    presslens eval claims --data /work/shared/data [--model DIR]

* CheckThat! 2024 task 1 English: F1 of the ``Yes`` class on ``dev-test`` at the threshold stored
  with the model (chosen on CT24 dev during training).
* CheckThat! 2020 task 5: the official measure, mean average precision over the 20 test debates;
  per debate, sentences are ranked by score and AP is the mean of precision@k at each check-worthy
  sentence's rank.

The baseline (TF-IDF word 1-2-grams + char 2-5-grams, logistic regression; C by dev AP, threshold by dev
F1) is trained here on the same de-duplicated train split and scored side by side.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from presslens.analyzers.claims.model import MODEL_DIR, ClaimModel
from presslens.training.claims import (
    Featurizer,
    average_precision,
    best_threshold,
    f1_at,
    load_all,
    mean_ap,
    select_and_fit,
)
from presslens.training.encoded_cache import DEFAULT_CACHE, encode_cached
from presslens.training.logistic import expected_calibration_error


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", required=True, help="folder holding the CheckThat! data folders")
    parser.add_argument("--model", default=str(MODEL_DIR))
    parser.add_argument("--cache", default=str(DEFAULT_CACHE / "claims"))
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--kept", action="store_true",
                        help="also the analyzer with the claims option claim_gate=kept (s29, model card)")
    parser.add_argument("--neighbours", action="store_true",
                        help="also the analyzer with the claims option claim_gate=neighbours (s31, model card)")
    parser.add_argument("--neighbours-capped", action="store_true",
                        help="also the analyzer with the claims option claim_gate=neighbours_capped (s32, model card)")
    parser.add_argument("--stance", action="store_true",
                        help="also the analyzer with the claims option claim_gate=stance (s33, model card)")


def _labels(sents: list) -> np.ndarray:  # type: ignore[type-arg]
    return np.asarray([s.label for s in sents])


def main(args: argparse.Namespace) -> int:
    t0 = time.time()
    cache = Path(args.cache)
    sets = load_all(args.data, with_ct20_train=False)
    rows: list[tuple[str, dict[str, float]]] = []

    model = ClaimModel.load(Path(args.model))
    scored: dict[str, np.ndarray] = {}
    lr_only: dict[str, np.ndarray] = {}
    embeddings: dict[str, np.ndarray] = {}
    for name in ("dev", "dev-test", "ct20-test"):
        texts = [s.text for s in sets[name]]
        enc = encode_cached(texts, cache)
        states = [np.asarray(enc.tokens_of(i)[0], dtype=np.float32) for i in range(len(texts))]
        scored[name] = model.scores(texts, enc.embeddings, states)
        embeddings[name] = np.asarray(enc.embeddings)
        lr_only[name] = model.lr_scores(texts, enc.embeddings)
    rows.append(
        ("presslens claims (LR + token attention head, averaged)", _metrics(sets, scored, model.threshold))
    )
    shipped = {name: analyzer_scores([s.text for s in sets[name]], scored[name], embeddings[name]) for name in scored}
    rows.append(("analyzer as shipped: real-news calibrated score >= 0.5, furniture vetoed",
                 _metrics(sets, shipped, 0.5)))
    if getattr(args, "kept", False):
        kept = {name: analyzer_scores([s.text for s in sets[name]], scored[name], embeddings[name], kept=True)
                for name in scored}
        rows.append(("analyzer with the option claim_gate=kept", _metrics(sets, kept, 0.5)))
    if getattr(args, "neighbours", False):
        near = {name: analyzer_scores([s.text for s in sets[name]], scored[name], embeddings[name], neighbours=True)
                for name in scored}
        rows.append(("analyzer with the option claim_gate=neighbours", _metrics(sets, near, 0.5)))
    if getattr(args, "neighbours_capped", False):
        capped = {name: analyzer_scores([s.text for s in sets[name]], scored[name], embeddings[name],
                                        neighbours=True, capped=True) for name in scored}
        rows.append(("analyzer with the option claim_gate=neighbours_capped", _metrics(sets, capped, 0.5)))
    if getattr(args, "stance", False):
        stanced = {name: analyzer_scores([s.text for s in sets[name]], scored[name], embeddings[name], stance=True)
                   for name in scored}
        rows.append(("analyzer with the option claim_gate=stance", _metrics(sets, stanced, 0.5)))
    if model.head is not None:
        thr_lr, _ = best_threshold(_labels(sets["dev"]), lr_only["dev"])
        rows.append(
            ("ablation: its LR part alone (threshold re-chosen on dev)", _metrics(sets, lr_only, thr_lr))
        )

    if not args.no_baseline:
        feat = Featurizer([s.text for s in sets["train"]])
        x_train = feat.matrix([s.text for s in sets["train"]], None)
        mats = {
            name: feat.matrix([s.text for s in sets[name]], None) for name in ("dev", "dev-test", "ct20-test")
        }
        clf, _c, p_dev = select_and_fit(
            x_train, _labels(sets["train"]), mats["dev"], _labels(sets["dev"]), args.seed, lambda _m: None
        )
        thr, _ = best_threshold(_labels(sets["dev"]), p_dev)
        base = {name: clf.predict_proba(m)[:, 1] for name, m in mats.items()}
        rows.append(("baseline: TF-IDF + LR", _metrics(sets, base, thr)))

    print(f"Check-worthiness ({time.time() - t0:.0f}s); threshold chosen on CT24 dev\n")
    print(
        "| system | CT24 dev F1 | CT24 dev-test P | CT24 dev-test R | CT24 dev-test F1 | CT24 dev-test AP | CT20 test MAP "
        "| CT24 dev-test ECE |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for name, m in rows:
        print(
            f"| {name} | {m['dev_f1']:.3f} | {m['p']:.3f} | {m['r']:.3f} | **{m['f1']:.3f}** | {m['ap']:.3f} | "
            f"**{m['map']:.3f}** | {m['ece']:.3f} |"
        )
    return 0


def analyzer_scores(texts: list[str], probs: np.ndarray, embeddings: np.ndarray, kept: bool = False,
                    neighbours: bool = False, capped: bool = False, stance: bool = False) -> np.ndarray:
    """The score the ``claims`` analyzer gives each sentence (read as independent sentences: no article
    position): the real-news claim scorer (:mod:`presslens.analyzers.claims.scorers`), times 0.1 for page
    furniture and questions; ``kept``: with the claims option ``claim_gate=kept``; ``neighbours``: with the option
    ``claim_gate=neighbours`` (a sentence without an article gets the training mean of the neighbourhood
    columns); with ``capped``: the option ``claim_gate=neighbours_capped`` instead (s32); ``stance``: the option
    ``claim_gate=stance`` (s33; a debate line's stance markers are its own)."""
    from presslens.analyzers.claims.analyzer import FURNITURE_FACTOR
    from presslens.analyzers.claims.furniture import furniture_reason
    from presslens.analyzers.claims.scorers import (
        load_capped_neighbour_scorer,
        load_kept_scorer,
        load_neighbour_scorer,
        load_stance_scorer,
        score_sentences,
    )
    from presslens.text.prediction import forecast_cues

    claim = score_sentences(texts, probs.tolist(), embeddings, [forecast_cues(t) is not None for t in texts],
                            in_article=False, kept_gate=load_kept_scorer() if kept else None,
                            neighbour_gate=(load_capped_neighbour_scorer() if capped else load_neighbour_scorer())
                            if neighbours else None, capped=capped,
                            stance_gate=load_stance_scorer() if stance else None).claim
    return np.asarray([score * FURNITURE_FACTOR if furniture_reason(text, report_lead_ins=True) is not None else score
                       for text, score in zip(texts, claim, strict=True)])


def _metrics(sets: dict, scored: dict[str, np.ndarray], thr: float) -> dict[str, float]:  # type: ignore[type-arg]
    y_dt = _labels(sets["dev-test"])
    m = f1_at(y_dt, scored["dev-test"], thr)
    m["dev_f1"] = f1_at(_labels(sets["dev"]), scored["dev"], thr)["f1"]
    m["ap"] = average_precision(y_dt, scored["dev-test"])
    m["ece"] = expected_calibration_error(y_dt, np.asarray(scored["dev-test"], dtype=float))
    ct20 = sets["ct20-test"]
    m["map"] = mean_ap([s.group for s in ct20], _labels(ct20), scored["ct20-test"])
    return m
