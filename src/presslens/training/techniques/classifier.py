"""The technique classifier over gold spans: features, logistic regression, the MLP ensemble."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import numpy as np

from presslens.analyzers import techniques as T
from presslens.training.techniques.data import ArticleData

# ------------------------------------------------------------------------------- technique classifier


@dataclass
class SpanRows:
    dense: np.ndarray
    texts: list[str]
    labels: list[str]


def span_rows(arts: list[ArticleData]) -> SpanRows:
    dense, texts, labels = [], [], []
    for a in arts:
        if not a.gold_tc:
            continue
        table = flat_table(a)
        counts = T.article_word_counts(a.text)
        for sp in a.gold_tc:
            state = T.span_state_features(
                table.starts, table.ends, table.sentence, table.flat_states, a.sent_emb, sp.start, sp.end
            )
            cues = T.span_dense_features(a.text, sp.start, sp.end, a.sentences, counts)
            dense.append(np.concatenate([state, cues]))
            texts.append(a.text[sp.start : sp.end])
            labels.append(sp.technique)
    return SpanRows(np.asarray(dense, dtype=np.float32), texts, labels)


def flat_table(a: ArticleData) -> T.TokenTable:
    starts = [o[:, 0].astype(np.int64) + s for o, (s, _) in zip(a.offsets, a.sentences, strict=True)]
    ends = [o[:, 1].astype(np.int64) + s for o, (s, _) in zip(a.offsets, a.sentences, strict=True)]
    sent = [np.full(len(o), i, dtype=np.int64) for i, o in enumerate(a.offsets)]
    return T.TokenTable(
        starts=np.concatenate(starts), ends=np.concatenate(ends), sentence=np.concatenate(sent),
        flat_states=np.concatenate(a.states).astype(np.float32), probs=np.zeros(0), sentence_probs=np.zeros(0),
    )


@dataclass
class SpanClassifier:
    vocab: list[str]
    idf: np.ndarray
    mean: np.ndarray
    std: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray
    tfidf_weight: float

    def matrix(self, rows: SpanRows) -> np.ndarray:
        index = {w: i for i, w in enumerate(self.vocab)}
        return np.stack(
            [T.span_feature_vector(index, self.idf, self.mean, self.std, d[:768], d[768:], t, self.tfidf_weight)
             for d, t in zip(rows.dense, rows.texts, strict=True)]
        )

    def predict(self, rows: SpanRows) -> np.ndarray:
        logits = self.matrix(rows) @ self.coef.T + self.intercept
        return np.asarray(logits.argmax(axis=1))


def build_vocab(texts: list[str], size: int) -> tuple[list[str], np.ndarray]:
    df: Counter[str] = Counter()
    for t in texts:
        df.update(set(T.ngrams(t)))
    kept = sorted((g for g, c in df.items() if c >= 2), key=lambda g: (-df[g], g))[:size]
    n = len(texts)
    idf = np.asarray([math.log((1 + n) / (1 + df[g])) + 1.0 for g in kept], dtype=np.float32)
    return kept, idf


def fit_span_classifier(rows: SpanRows, c: float, vocab_size: int, tfidf_weight: float) -> SpanClassifier:
    from sklearn.linear_model import LogisticRegression

    vocab, idf = build_vocab(rows.texts, vocab_size) if tfidf_weight > 0 else ([], np.zeros(0, np.float32))
    mean = rows.dense.mean(axis=0)
    std = rows.dense.std(axis=0) + 1e-3
    clf = SpanClassifier(vocab, idf, mean, std, np.zeros(0), np.zeros(0), tfidf_weight)
    x = clf.matrix(rows)
    y = np.asarray([T.TECHNIQUES.index(label) for label in rows.labels])
    lr = LogisticRegression(C=c, max_iter=3000)
    lr.fit(x, y)
    coef = np.zeros((len(T.TECHNIQUES), x.shape[1]), dtype=np.float32)
    intercept = np.full(len(T.TECHNIQUES), -20.0, dtype=np.float32)
    coef[lr.classes_] = lr.coef_
    intercept[lr.classes_] = lr.intercept_
    clf.coef, clf.intercept = coef, intercept
    return clf


def choose_classifier(
    fit_rows: SpanRows, hold_rows: SpanRows, all_rows: SpanRows, vocab_size: int
) -> tuple[SpanClassifier, dict[str, float]]:
    results: dict[str, float] = {}
    best: tuple[float, float, float] = (-1.0, 1.0, 1.0)
    gold = np.asarray([T.TECHNIQUES.index(x) for x in hold_rows.labels])
    for c in (0.01, 0.03):
        for w in (0.0, 2.0):
            clf = fit_span_classifier(fit_rows, c, vocab_size, w)
            acc = float((clf.predict(hold_rows) == gold).mean())
            results[f"C={c},tfidf_weight={w}"] = acc
            print(f"  TC C={c} tfidf_weight={w}: held-out micro-F1 {acc:.4f}", flush=True)
            if acc > best[0]:
                best = (acc, c, w)
    info: dict[str, float] = {"held_out_micro_f1": best[0], "C": best[1], "tfidf_weight": best[2]}
    return fit_span_classifier(all_rows, best[1], vocab_size, best[2]), info


MLP_SEEDS = (0, 1, 2)


def fit_mlps(x: np.ndarray, labels: list[str], n_dense: int) -> dict[str, np.ndarray]:
    """One-hidden-layer networks (128 ReLU units, L2 1.0) on the dense part of the classifier input."""
    import warnings

    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    y = np.asarray([T.TECHNIQUES.index(label) for label in labels])
    out: dict[str, np.ndarray] = {}
    for k, seed in enumerate(MLP_SEEDS):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            mlp = MLPClassifier(hidden_layer_sizes=(128,), alpha=1.0, max_iter=40, batch_size=64,
                                random_state=seed).fit(x[:, :n_dense], y)
        w2 = np.zeros((128, len(T.TECHNIQUES)), dtype=np.float32)
        b2 = np.full(len(T.TECHNIQUES), -20.0, dtype=np.float32)
        w2[:, mlp.classes_] = mlp.coefs_[1]
        b2[mlp.classes_] = mlp.intercepts_[1]
        out.update({f"tc.mlp{k}.w1": mlp.coefs_[0], f"tc.mlp{k}.b1": mlp.intercepts_[0],
                    f"tc.mlp{k}.w2": w2, f"tc.mlp{k}.b2": b2})
    return out


def choose_mlps(
    clf: SpanClassifier, fit_rows: SpanRows, hold_rows: SpanRows, all_rows: SpanRows, info: dict[str, float]
) -> dict[str, np.ndarray]:
    """Add the MLP average when it beats the logistic regression alone on the held-out spans."""
    n_dense = clf.mean.shape[0]
    fit_clf = fit_span_classifier(fit_rows, info["C"], len(clf.vocab) or 1, info["tfidf_weight"])
    hold_x = fit_clf.matrix(hold_rows)
    weights = {"tc.coef": fit_clf.coef, "tc.intercept": fit_clf.intercept, "tc.mean": fit_clf.mean}
    weights.update(fit_mlps(fit_clf.matrix(fit_rows), fit_rows.labels, n_dense))
    gold = np.asarray([T.TECHNIQUES.index(x) for x in hold_rows.labels])
    alone = float((T.technique_probabilities(weights, hold_x, 0).argmax(axis=1) == gold).mean())
    mixed = float((T.technique_probabilities(weights, hold_x, len(MLP_SEEDS)).argmax(axis=1) == gold).mean())
    print(f"  TC held-out micro-F1: logistic regression {alone:.4f}, with MLP average {mixed:.4f}", flush=True)
    info["held_out_micro_f1_with_mlps"] = mixed
    if mixed <= alone:
        return {}
    return fit_mlps(clf.matrix(all_rows), all_rows.labels, n_dense)
