"""Calibration and decoding settings chosen on the held-out train articles."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from presslens.analyzers import techniques as T
from presslens.analyzers.numeric import sigmoid
from presslens.evaluation import ptc
from presslens.training.techniques.data import ArticleData

# -------------------------------------------------------------------------------- calibration etc.


def platt(scores: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """Fit ``sigmoid(a * score + b)`` to binary labels (logistic regression on one feature)."""
    from sklearn.linear_model import LogisticRegression

    lr = LogisticRegression(C=100.0, max_iter=1000)
    lr.fit(scores.reshape(-1, 1), labels.astype(int))
    return float(lr.coef_[0, 0]), float(lr.intercept_[0])


def raw_tables(model: T.TechniqueModel, arts: list[ArticleData]) -> list[T.TokenTable]:
    return [T.tag_article(model, a.text, a.sentences, a.states, a.offsets, a.sent_emb) for a in arts]


def tune_span_decoding(
    weights: dict[str, np.ndarray], config: dict[str, Any], arts: list[ArticleData]
) -> tuple[dict[str, float], dict[str, float]]:
    """Sentence gate, threshold, gap and minimum mean probability maximising held-out SI F1."""
    best: tuple[float, dict[str, float], dict[str, float]] = (-1.0, {}, {})
    for gate in (0.0, 0.25, 0.5):
        model = T.TechniqueModel(weights, dict(config, vocab_index={}, sentence_gate=gate))
        f1, decoding, sc = _tune_decoding_for(arts, raw_tables(model, arts))
        print(f"  sentence gate {gate}: held-out SI F1 {f1:.4f} {decoding}", flush=True)
        if f1 > best[0]:
            best = (f1, dict(decoding, sentence_gate=gate), sc)
    return best[1], best[2]


def _tune_decoding_for(
    arts: list[ArticleData], tables: list[T.TokenTable]
) -> tuple[float, dict[str, float], dict[str, float]]:
    gold = {a.id: a.gold_si for a in arts}
    best: tuple[float, dict[str, float], dict[str, float]] = (-1.0, {}, {})
    for gap in (0, 1, 2):
        for thr in np.arange(0.20, 0.62, 0.02):
            decoded = [T.decode_spans(a.text, t, float(thr), gap) for a, t in zip(arts, tables, strict=True)]
            for min_mean in (0.0, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55):
                if min_mean and min_mean <= thr:
                    continue
                pred = {a.id: [(s, e) for s, e, p in spans if p >= min_mean]
                        for a, spans in zip(arts, decoded, strict=True)}
                sc = ptc.si_scores(gold, pred)
                if sc["f1"] > best[0]:
                    best = (sc["f1"], {"span_threshold": float(thr), "span_gap": gap,
                                       "span_min_mean": float(min_mean)}, sc)
    return best


def span_calibration(
    arts: list[ArticleData], tables: list[T.TokenTable], thr: float, gap: int, min_mean: float
) -> tuple[float, float, float]:
    from sklearn.linear_model import LogisticRegression

    feats, labels = [], []
    for a, t in zip(arts, tables, strict=True):
        gold = ptc.merge_spans(a.gold_si)
        for s, e, p in T.decode_spans(a.text, t, thr, gap, min_mean):
            cover = sum(max(0, min(e, ge) - max(s, gs)) for gs, ge in gold) / (e - s)
            feats.append([p, math.log1p(e - s)])
            labels.append(int(cover >= 0.5))
    lr = LogisticRegression(C=100.0, max_iter=1000).fit(np.asarray(feats), np.asarray(labels))
    return float(lr.coef_[0, 0]), float(lr.coef_[0, 1]), float(lr.intercept_[0])


def tune_sentence_mix(
    weights: dict[str, np.ndarray], config: dict[str, Any], arts: list[ArticleData], labels: np.ndarray
) -> dict[str, Any]:
    """Add the sentence's largest token logit to its sentence logit when that helps held-out SLC F1."""
    best: tuple[float, dict[str, Any]] = (-1.0, {})
    for mix in (0.0, 0.5, 1.0, 2.0, 4.0):
        cfg = dict(config, vocab_index={}, sentence_token_mix=0.0)
        tables = raw_tables(T.TechniqueModel(weights, cfg), arts)
        sent = np.concatenate([logit(t.sentence_probs) for t in tables])
        tok_max = np.concatenate([
            T.max_per_sentence(logit(t.probs) - cfg.get("sentence_gate", 0.0) * np.repeat(
                logit(t.sentence_probs), [len(o) for o in a.offsets]), [len(o) for o in a.offsets])
            for a, t in zip(arts, tables, strict=True)
        ])
        combined = sent + mix * tok_max
        c1, c0 = platt(combined, labels) if mix else (1.0, 0.0)
        probs = sigmoid(c1 * combined + c0)
        thr = best_threshold_f1(probs, labels)
        pred = probs >= thr
        f1 = 2 * float((pred & (labels > 0)).sum()) / max(1.0, float(pred.sum() + (labels > 0).sum()))
        print(f"  sentence/token mix {mix}: held-out sentence F1 {f1:.4f} at {thr:.2f}", flush=True)
        if f1 > best[0] + 1e-9:
            best = (f1, {"sentence_token_mix": mix, "sentence_mix_calibration": [c1, c0]})
    return best[1]


def best_threshold_f1(probs: np.ndarray, labels: np.ndarray) -> float:
    best = (-1.0, 0.5)
    for thr in np.arange(0.15, 0.71, 0.01):
        pred = probs >= thr
        tp = float((pred & (labels > 0)).sum())
        f1 = 2 * tp / max(1.0, float(pred.sum() + (labels > 0).sum()))
        if f1 > best[0]:
            best = (f1, float(thr))
    return best[1]


def logit(p: np.ndarray) -> np.ndarray:
    q = np.clip(np.asarray(p, dtype=np.float64), 1e-9, 1 - 1e-9)
    return np.asarray(np.log(q / (1 - q)))
