"""Out-of-domain check of the ``violence`` model on ETHOS: ``presslens eval ethos --data <ethos dir>``.

ETHOS (Mollas et al., 2022; GPLv3 — used here for evaluation only, the shipped model never trains on
it) labels YouTube/Reddit comments. Its ``violence`` score ("incites violence") exists only for the 433
comments in ``Ethos_Dataset_Multi_Label.csv`` (all hateful); following the dataset README, the
negatives are completed with the non-hate comments of ``Ethos_Dataset_Binary.csv`` (``isHate < 0.5``).
Positive = ``violence >= 0.5``.

Two kinds of numbers are printed, and they are not the same thing:

1. **Shipped model, zero-shot**: the presslens sentence model as shipped (trained on our own
   sentences only) is applied to every sentence of each comment; a comment is positive when any sentence
   is a call to or an endorsement of violence; its score is the largest sentence P(call)+P(endorsement).
2. **Fold models (10-fold stratified CV, for comparison only)**: logistic regressions trained on ETHOS
   training folds and scored on the held-out fold: (a) shared-encoder comment embedding + the violence
   cue vector (max over sentences), (b) a TF-IDF + LR baseline. These models are never shipped.

Metric: F1 of the positive (violence) class, as in the ETHOS paper's per-label results, plus precision,
recall, binary macro-F1 and ROC-AUC; CV numbers are the mean (± standard deviation) over the 10 folds.
The same folds are used to report the zero-shot model per fold.
"""

from __future__ import annotations

import argparse
import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from presslens.analyzers.violence.cues import cue_matrix
from presslens.analyzers.violence.model import MODEL_DIR, ViolenceModel
from presslens.evaluation import metrics
from presslens.segment import sentences
from presslens.training.violence import DEFAULT_CACHE, embed, has_violent_act

FOLDS = 10


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", required=True, help="ETHOS folder with the two semicolon-separated CSV files")
    parser.add_argument("--model-dir", default=str(MODEL_DIR))
    parser.add_argument("--cache-dir", default=str(DEFAULT_CACHE / "ethos"))
    parser.add_argument("--seed", type=int, default=0, help="fold shuffling seed")


@dataclass
class EthosData:
    texts: list[str]
    positive: np.ndarray
    hateful: np.ndarray


def load_ethos(folder: str | Path) -> EthosData:
    """Hateful comments with their violence label plus the non-hate comments as negatives."""
    folder = Path(folder)
    texts: list[str] = []
    positive: list[bool] = []
    hateful: list[bool] = []
    with open(folder / "Ethos_Dataset_Multi_Label.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter=";"):
            texts.append(row["comment"].strip())
            positive.append(float(row["violence"]) >= 0.5)
            hateful.append(True)
    with open(folder / "Ethos_Dataset_Binary.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter=";"):
            if float(row["isHate"]) < 0.5:
                texts.append(row["comment"].strip())
                positive.append(False)
                hateful.append(False)
    return EthosData(texts, np.asarray(positive, dtype=bool), np.asarray(hateful, dtype=bool))


def split_sentences(texts: list[str]) -> tuple[list[str], np.ndarray]:
    """All sentences of all texts and, per sentence, the index of its text."""
    out: list[str] = []
    owner: list[int] = []
    for i, t in enumerate(texts):
        spans = sentences(t) or [(0, len(t))]
        for s, e in spans:
            if t[s:e].strip():
                out.append(t[s:e])
                owner.append(i)
    return out, np.asarray(owner, dtype=np.int64)


def zero_shot(model: ViolenceModel, data: EthosData, cache_dir: str) -> tuple[np.ndarray, np.ndarray]:
    """Per comment: predicted positive (any violent sentence) and score (max sentence violence score)."""
    sents, owner = split_sentences(data.texts)
    proba = model.predict_proba(embed(sents, cache_dir), cue_matrix(sents))
    labels, score = model.decide(proba, has_violent_act(sents))
    n = len(data.texts)
    pred = np.zeros(n, dtype=bool)
    best = np.zeros(n, dtype=np.float64)
    violent = labels <= 1  # call or endorsement
    np.logical_or.at(pred, owner, violent)
    np.maximum.at(best, owner, score)
    return pred, best


def comment_cues(data: EthosData) -> np.ndarray:
    sents, owner = split_sentences(data.texts)
    cues = cue_matrix(sents)
    out = np.zeros((len(data.texts), cues.shape[1]), np.float32)
    np.maximum.at(out, owner, cues)
    return out


def binary_scores(gold: np.ndarray, pred: np.ndarray, score: np.ndarray | None = None) -> dict[str, float]:
    tp = float(np.sum(gold & pred))
    fp = float(np.sum(~gold & pred))
    fn = float(np.sum(gold & ~pred))
    tn = float(np.sum(~gold & ~pred))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = metrics.f1(p, r)
    pn = tn / (tn + fn) if tn + fn else 0.0
    rn = tn / (tn + fp) if tn + fp else 0.0
    fneg = 2 * pn * rn / (pn + rn) if pn + rn else 0.0
    out = {"P": p, "R": r, "F1": f, "macro-F1": (f + fneg) / 2, "accuracy": (tp + tn) / len(gold)}
    if score is not None and gold.any() and (~gold).any():
        from sklearn.metrics import roc_auc_score

        out["ROC-AUC"] = float(roc_auc_score(gold, score))
    return out


def _row(name: str, runs: list[dict[str, float]]) -> str:
    keys = ("P", "R", "F1", "macro-F1", "ROC-AUC")
    cells = []
    for k in keys:
        vals = [r[k] for r in runs if k in r]
        if not vals:
            cells.append("–")
        elif len(vals) == 1:
            cells.append(f"{vals[0]:.3f}")
        else:
            cells.append(f"{np.mean(vals):.3f} ± {np.std(vals):.3f}")
    return f"| {name} | " + " | ".join(cells) + " |"


def cross_validate(
    data: EthosData, features: np.ndarray, zs_pred: np.ndarray, zs_score: np.ndarray, seed: int
) -> dict[str, list[dict[str, float]]]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    runs: dict[str, list[dict[str, float]]] = {"zero": [], "fold_lr": [], "fold_tfidf": []}
    y = data.positive
    texts = np.asarray(data.texts, dtype=object)
    for tr, te in StratifiedKFold(FOLDS, shuffle=True, random_state=seed).split(features, y):
        runs["zero"].append(binary_scores(y[te], zs_pred[te], zs_score[te]))
        lr = LogisticRegression(C=1.0, max_iter=5000, class_weight="balanced", random_state=seed)
        lr.fit(features[tr], y[tr])
        prob = lr.predict_proba(features[te])[:, 1]
        runs["fold_lr"].append(binary_scores(y[te], prob >= 0.5, prob))
        vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1)
        tf = LogisticRegression(C=10.0, max_iter=5000, class_weight="balanced", random_state=seed)
        tf.fit(vec.fit_transform(list(texts[tr])), y[tr])
        prob = tf.predict_proba(vec.transform(list(texts[te])))[:, 1]
        runs["fold_tfidf"].append(binary_scores(y[te], prob >= 0.5, prob))
    return runs


def main(args: argparse.Namespace) -> int:
    data = load_ethos(args.data)
    model = ViolenceModel.load(Path(args.model_dir))
    zs_pred, zs_score = zero_shot(model, data, args.cache_dir)
    features = np.hstack([embed(data.texts, args.cache_dir), comment_cues(data)])
    n_pos = int(data.positive.sum())
    print(f"## ETHOS violence ({len(data.texts)} comments: {n_pos} violence, "
          f"{int((data.hateful & ~data.positive).sum())} hateful non-violence, {int((~data.hateful).sum())} non-hate)\n")
    print("| system | P | R | F1 (violence) | macro-F1 | ROC-AUC |")
    print("|---|---|---|---|---|---|")
    print(_row("shipped presslens model, zero-shot, all comments", [binary_scores(data.positive, zs_pred, zs_score)]))
    hate = data.hateful
    print(_row("shipped presslens model, zero-shot, hateful comments only",
               [binary_scores(data.positive[hate], zs_pred[hate], zs_score[hate])]))
    runs = cross_validate(data, features, zs_pred, zs_score, args.seed)
    print(_row(f"shipped model, zero-shot, per fold ({FOLDS} folds)", runs["zero"]))
    print(_row(f"fold model (CV, not shipped): encoder embedding + cues, LR ({FOLDS}-fold)", runs["fold_lr"]))
    print(_row(f"fold model (CV, not shipped): TF-IDF + LR baseline ({FOLDS}-fold)", runs["fold_tfidf"]))
    return 0
