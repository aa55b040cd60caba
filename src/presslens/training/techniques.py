"""Train the ``techniques`` analyzer on the PTC (SemEval-2020 Task 11) **train** split only.

``presslens train techniques --data /work/shared/data/ptc-semeval2020-task11 [--output DIR] [--seed N]``

Steps (CPU, one thread, a few minutes once the corpus is encoded):

1. Encode the train articles once with the shared encoder (cached as ``.npz`` under ``--cache``).
2. Hold out ``--holdout`` (15%) of the train articles, chosen with the seed. The held-out part picks the
   epoch, the calibration constants, the span threshold and the classifier's regularisation. PTC dev is
   never read here.
3. Span tagger (torch, mirrors :func:`presslens.analyzers.techniques.tagger_forward`): token head
   (inside a propaganda span?) and sentence head (sentence contains a span?), trained jointly.
4. Technique classifier: multinomial logistic regression on gold TC spans (fit part, ``C`` chosen on the
   held-out part, then refit on all train spans).
5. Write ``techniques.npz`` (float32 arrays) and ``techniques.json`` (vocabulary, thresholds, calibration).
6. Mine the phrase lexicon from all train articles (:func:`mine_lexicon`; settings chosen on the held-out
   articles with a lexicon mined from the fit part, ``presslens eval techniques --held-out-train``) and
   write ``lexicon.json``. ``--lexicon-only`` does just this step and keeps the trained model.
"""

from __future__ import annotations

import argparse
import json
import math
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from presslens.analyzers import techniques as T
from presslens.analyzers.techniques import lexicon as L
from presslens.encoder import model_fingerprint
from presslens.evaluation import ptc
from presslens.registry import ModelSpec
from presslens.training.encoded_cache import default_cache_dir

DEFAULT_CACHE = default_cache_dir() / "techniques"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, required=True, help="PTC folder (ptc-semeval2020-task11)")
    parser.add_argument("--output", type=Path, default=T.MODEL_DIR)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="encoder cache folder")
    parser.add_argument("--holdout", type=float, default=0.15, help="share of train articles held out")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--hidden", type=int, default=128)
    parser.add_argument("--vocab-size", type=int, default=4000)
    parser.add_argument("--dropout", type=float, default=0.5)
    parser.add_argument("--lr", type=float, default=5e-4)
    parser.add_argument("--weight-decay", type=float, default=0.05)
    parser.add_argument("--average-from", type=int, default=3,
                        help="also try the average of the weights from this epoch on (kept if better held-out)")
    parser.add_argument("--lexicon-only", action="store_true",
                        help="only mine the phrase lexicon from train and write lexicon.json (keep the model)")
    parser.add_argument("--tagger-from", type=Path, default=None,
                        help="reuse the span tagger weights of a model folder (skip tagger training)")


# ------------------------------------------------------------------------------------------- data


@dataclass
class ArticleData:
    id: str
    text: str
    sentences: list[tuple[int, int]]
    states: list[np.ndarray]
    offsets: list[np.ndarray]
    sent_emb: np.ndarray
    gold_si: list[tuple[int, int]]
    gold_tc: list[ptc.TechniqueSpan]


def load_train(data: Path, cache: Path) -> list[ArticleData]:
    corpus = ptc.encode_split(ptc.read_articles(data / "train-articles"), cache / "train.npz")
    si = ptc.read_si_labels(data / ptc.TRAIN_SI)
    tc: dict[str, list[ptc.TechniqueSpan]] = {}
    for span in ptc.read_tc_labels(data / ptc.TRAIN_TC):
        tc.setdefault(span.article_id, []).append(span)
    return corpus_articles(corpus, si, tc)


def corpus_articles(
    corpus: ptc.EncodedCorpus,
    si: dict[str, list[tuple[int, int]]],
    tc: dict[str, list[ptc.TechniqueSpan]],
) -> list[ArticleData]:
    out = []
    for k, aid in enumerate(corpus.ids):
        enc = corpus.encoded[k]
        out.append(
            ArticleData(
                id=aid,
                text=corpus.texts[k],
                sentences=[(int(s), int(e)) for s, e in corpus.sentence_ranges[k]],
                states=enc.token_states,
                offsets=enc.token_offsets,
                sent_emb=enc.sentence_embeddings,
                gold_si=si.get(aid, []),
                gold_tc=tc.get(aid, []),
            )
        )
    return out


def split_articles(ids: list[str], share: float, seed: int) -> tuple[set[str], set[str]]:
    rng = np.random.default_rng(seed)
    order = sorted(ids)
    rng.shuffle(order)
    n_hold = max(1, round(share * len(order)))
    return set(order[n_hold:]), set(order[:n_hold])


@dataclass
class SentenceExample:
    x: np.ndarray
    """(tokens, 384 + 384 + N_ORTH)"""
    y: np.ndarray
    """(tokens,) 1 inside a gold span"""
    label: float
    """1 if any gold span overlaps the sentence"""


def sentence_examples(art: ArticleData) -> list[SentenceExample]:
    gold = ptc.merge_spans(art.gold_si)
    orth = T.orth_features(art.text, art.sentences, art.offsets)
    out = []
    for i, (s0, s1) in enumerate(art.sentences):
        offs = art.offsets[i]
        if len(offs) == 0:
            continue
        x = np.concatenate([art.states[i], np.broadcast_to(art.sent_emb[i], (len(offs), 384)), orth[i]], axis=1)
        y = np.zeros(len(offs), dtype=np.float32)
        for gs, ge in gold:
            if ge <= s0 or gs >= s1:
                continue
            y[(offs[:, 0] + s0 < ge) & (offs[:, 1] + s0 > gs)] = 1.0
        label = float(any(ge > s0 and gs < s1 for gs, ge in gold))
        out.append(SentenceExample(x.astype(np.float32), y, label))
    return out


# ----------------------------------------------------------------------------------------- tagger


def build_tagger(in_dim: int, hidden: int, dropout: float) -> Any:
    import torch
    from torch import nn

    class Tagger(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.drop = nn.Dropout(dropout)
            self.inp = nn.Linear(in_dim, hidden)
            self.conv1 = nn.Conv1d(hidden, hidden, 5, padding=2)
            self.conv2 = nn.Conv1d(hidden, hidden, 5, padding=2)
            self.tok_out = nn.Linear(hidden, 1)
            self.sent_out = nn.Linear(2 * hidden + 384, 1)

        def forward(self, x: torch.Tensor, mask: torch.Tensor, sent_emb: torch.Tensor) -> Any:
            m = mask.unsqueeze(-1)
            h0 = torch.relu(self.inp(self.drop(x))) * m
            h1 = torch.relu(self.conv1(h0.transpose(1, 2)).transpose(1, 2)) * m
            h1d = self.drop(h1)
            h2 = (torch.relu(self.conv2(h1d.transpose(1, 2)).transpose(1, 2)) * m + h1) * m
            tok = self.tok_out(self.drop(h2)).squeeze(-1)
            neg = (1.0 - m) * -1e4
            pooled_max = (h2 + neg).max(dim=1).values
            pooled_mean = h2.sum(dim=1) / m.sum(dim=1).clamp(min=1.0)
            sent = self.sent_out(self.drop(torch.cat([pooled_max, pooled_mean, sent_emb], dim=1))).squeeze(-1)
            return tok, sent

    return Tagger()


def _batches(examples: list[SentenceExample], size: int, rng: np.random.Generator | None) -> list[list[int]]:
    order = sorted(range(len(examples)), key=lambda i: len(examples[i].y))
    chunks = [order[i : i + size] for i in range(0, len(order), size)]
    if rng is not None:
        rng.shuffle(chunks)  # type: ignore[arg-type]
    return chunks


def _pad(examples: list[SentenceExample], idx: list[int]) -> tuple[Any, Any, Any, Any, Any]:
    import torch

    width = max(len(examples[i].y) for i in idx)
    dim = examples[idx[0]].x.shape[1]
    x = np.zeros((len(idx), width, dim), dtype=np.float32)
    y = np.zeros((len(idx), width), dtype=np.float32)
    mask = np.zeros((len(idx), width), dtype=np.float32)
    for r, i in enumerate(idx):
        n = len(examples[i].y)
        x[r, :n] = examples[i].x
        y[r, :n] = examples[i].y
        mask[r, :n] = 1.0
    sent_emb = x[:, 0, 384:768].copy()
    labels = np.asarray([examples[i].label for i in idx], dtype=np.float32)
    return (torch.from_numpy(x), torch.from_numpy(mask), torch.from_numpy(sent_emb), torch.from_numpy(y),
            torch.from_numpy(labels))


def train_tagger(
    fit: list[SentenceExample], hold: list[SentenceExample], args: argparse.Namespace
) -> tuple[dict[str, np.ndarray], float]:
    import torch

    torch.manual_seed(args.seed)
    torch.set_num_threads(1)
    rng = np.random.default_rng(args.seed)
    model = build_tagger(fit[0].x.shape[1], args.hidden, args.dropout)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)
    bce = torch.nn.functional.binary_cross_entropy_with_logits
    best: tuple[float, dict[str, np.ndarray]] | None = None
    averaged: dict[str, np.ndarray] = {}
    n_avg = 0
    for epoch in range(args.epochs):
        model.train()
        t0 = time.time()
        total = 0.0
        for idx in _batches(fit, 32, rng):
            x, mask, sent_emb, y, labels = _pad(fit, idx)
            tok, sent = model(x, mask, sent_emb)
            loss = (bce(tok, y, reduction="none") * mask).sum() / mask.sum() + 0.5 * bce(sent, labels)
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item() * len(idx)
        hold_loss = _held_out_loss(model, hold)
        print(f"  epoch {epoch + 1}: train loss {total / len(fit):.4f}  held-out {hold_loss:.4f}"
              f"  ({time.time() - t0:.0f}s)", flush=True)
        snapshot = {k: v.detach().numpy().copy() for k, v in model.state_dict().items()}
        if best is None or hold_loss < best[0]:
            best = (hold_loss, snapshot)
        if epoch + 1 >= args.average_from:
            n_avg += 1
            for k, v in snapshot.items():
                averaged[k] = v if k not in averaged else averaged[k] + (v - averaged[k]) / n_avg
    assert best is not None
    if n_avg > 1:
        model.load_state_dict({k: torch.from_numpy(v) for k, v in averaged.items()})
        avg_loss = _held_out_loss(model, hold)
        print(f"  weight average of epochs {args.average_from}-{args.epochs}: held-out {avg_loss:.4f}", flush=True)
        if avg_loss < best[0]:
            return averaged, avg_loss
    return best[1], best[0]


def _held_out_loss(model: Any, hold: list[SentenceExample]) -> float:
    import torch

    bce = torch.nn.functional.binary_cross_entropy_with_logits
    model.eval()
    tok_loss = sent_loss = 0.0
    n_tok = 0.0
    with torch.no_grad():
        for idx in _batches(hold, 64, None):
            x, mask, sent_emb, y, labels = _pad(hold, idx)
            tok, sent = model(x, mask, sent_emb)
            tok_loss += float((bce(tok, y, reduction="none") * mask).sum())
            n_tok += float(mask.sum())
            sent_loss += float(bce(sent, labels, reduction="sum"))
    return tok_loss / n_tok + 0.5 * sent_loss / len(hold)


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
        sent = np.concatenate([_logit(t.sentence_probs) for t in tables])
        tok_max = np.concatenate([
            T.max_per_sentence(_logit(t.probs) - cfg.get("sentence_gate", 0.0) * np.repeat(
                _logit(t.sentence_probs), [len(o) for o in a.offsets]), [len(o) for o in a.offsets])
            for a, t in zip(arts, tables, strict=True)
        ])
        combined = sent + mix * tok_max
        c1, c0 = platt(combined, labels) if mix else (1.0, 0.0)
        probs = 1.0 / (1.0 + np.exp(-(c1 * combined + c0)))
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


# ---------------------------------------------------------------------------------------- lexicon

LEXICON_MAX_WORDS = 4
LEXICON_MIN_OCCURRENCES = 2
LEXICON_MIN_ARTICLES = 2
LEXICON_MIN_PRECISION = 0.5
LEXICON_LABEL_MIN_SHARE = 0.5
"""Mining settings, chosen on the held-out train articles (lexicon mined from the other train articles)."""


def mine_lexicon(arts: list[ArticleData]) -> list[dict[str, Any]]:
    """Short gold span texts (1-4 words) that occur, as whole words, at least twice in at least two train
    articles and lie on average at least half inside gold spans there. The label is the majority
    technique of the gold spans with exactly that text, ignoring Repetition (article-specific), when it
    has at least two such spans and a share of at least ``LEXICON_LABEL_MIN_SHARE``."""
    labels: dict[tuple[str, ...], Counter[str]] = {}
    for a in arts:
        for sp in a.gold_tc:
            key = L.phrase_words(a.text[sp.start : sp.end])
            if 1 <= len(key) <= LEXICON_MAX_WORDS:
                labels.setdefault(key, Counter())[sp.technique] += 1
    probe = L.Lexicon({k: L.LexiconEntry(k, 0.0, None, "train") for k in labels})
    occurrences: Counter[tuple[str, ...]] = Counter()
    covered: dict[tuple[str, ...], float] = {}
    articles: dict[tuple[str, ...], set[str]] = {}
    for a in arts:
        gold = ptc.merge_spans(a.gold_si)
        for s, e, entry in probe.matches(a.text):
            occurrences[entry.words] += 1
            articles.setdefault(entry.words, set()).add(a.id)
            inside = sum(max(0, min(e, ge) - max(s, gs)) for gs, ge in gold) / (e - s)
            covered[entry.words] = covered.get(entry.words, 0.0) + inside
    out = []
    for key in sorted(occurrences):
        precision = covered[key] / occurrences[key]
        if (occurrences[key] >= LEXICON_MIN_OCCURRENCES and len(articles[key]) >= LEXICON_MIN_ARTICLES
                and precision >= LEXICON_MIN_PRECISION):
            out.append({"words": list(key), "precision": round(precision, 4), "occurrences": occurrences[key],
                        "label": _lexicon_label(labels[key])})
    return out


def _lexicon_label(counts: Counter[str]) -> str | None:
    kept = Counter({k: v for k, v in counts.items() if k != "Repetition"})
    total = sum(kept.values())
    if total < 2:
        return None
    label, n = kept.most_common(1)[0]
    return label if n / total >= LEXICON_LABEL_MIN_SHARE else None


def write_lexicon(arts: list[ArticleData], output: Path) -> None:
    entries = mine_lexicon(arts)
    doc = {
        "description": "phrases mined from PTC train gold spans by presslens train techniques (research use only)",
        "settings": {"max_words": LEXICON_MAX_WORDS, "min_occurrences": LEXICON_MIN_OCCURRENCES,
                     "min_articles": LEXICON_MIN_ARTICLES, "min_precision": LEXICON_MIN_PRECISION,
                     "label_min_share": LEXICON_LABEL_MIN_SHARE},
        "entries": entries,
    }
    output.mkdir(parents=True, exist_ok=True)
    (output / L.LEXICON_NAME).write_text(json.dumps(doc, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"lexicon: {len(entries)} phrases ({sum(e['label'] is not None for e in entries)} with a technique)",
          flush=True)


# ------------------------------------------------------------------------------------------- main


def main(args: argparse.Namespace) -> int:
    import torch

    torch.set_num_threads(1)
    t_start = time.time()
    arts = load_train(args.data, args.cache)
    fit_ids, hold_ids = split_articles([a.id for a in arts], args.holdout, args.seed)
    fit = [a for a in arts if a.id in fit_ids]
    hold = [a for a in arts if a.id in hold_ids]
    print(f"train articles: {len(fit)} fit + {len(hold)} held out ({time.time() - t_start:.0f}s)", flush=True)
    write_lexicon(arts, args.output)
    if args.lexicon_only:
        return 0

    if args.tagger_from is not None:
        with np.load(args.tagger_from / T.WEIGHTS_NAME) as saved:
            weights = {k: saved[k] for k in saved.files if not k.startswith("tc.")}
        hold_loss = float("nan")
    else:
        fit_ex = [ex for a in fit for ex in sentence_examples(a)]
        hold_ex = [ex for a in hold for ex in sentence_examples(a)]
        print(f"sentences: {len(fit_ex)} fit, {len(hold_ex)} held out", flush=True)
        weights, hold_loss = train_tagger(fit_ex, hold_ex, args)
        del fit_ex, hold_ex

    config: dict[str, Any] = {
        "token_calibration": [1.0, 0.0], "sentence_calibration": [1.0, 0.0], "span_calibration": [0, 0, 0],
        "span_threshold": 0.5, "span_gap": 1, "span_min_mean": 0.0, "vocab": [],
    }
    model = T.TechniqueModel(weights, dict(config, vocab_index={}))
    tables = raw_tables(model, hold)
    tok_logits = np.concatenate([_logit(t.probs) for t in tables])
    tok_labels = np.concatenate([_token_labels(a, t) for a, t in zip(hold, tables, strict=True)])
    config["token_calibration"] = list(platt(tok_logits, tok_labels))
    sent_logits = np.concatenate([_logit(t.sentence_probs) for t in tables])
    sent_labels = np.concatenate([_sentence_labels(a) for a in hold])
    config["sentence_calibration"] = list(platt(sent_logits, sent_labels))
    decoding, si = tune_span_decoding(weights, config, hold)
    config.update(decoding)
    model = T.TechniqueModel(weights, dict(config, vocab_index={}))
    tables = raw_tables(model, hold)
    thr = decoding["span_threshold"]
    config["span_calibration"] = list(
        span_calibration(hold, tables, thr, int(decoding["span_gap"]), decoding["span_min_mean"])
    )
    config.update(tune_sentence_mix(weights, config, hold, sent_labels))
    model = T.TechniqueModel(weights, dict(config, vocab_index={}))
    sent_probs = np.concatenate([t.sentence_probs for t in raw_tables(model, hold)])
    config["slc_threshold"] = best_threshold_f1(sent_probs, sent_labels)
    print(f"held-out SI {si} with {decoding}; SLC threshold {config['slc_threshold']:.2f}", flush=True)

    fit_rows, hold_rows, all_rows = span_rows(fit), span_rows(hold), span_rows(arts)
    clf, tc_info = choose_classifier(fit_rows, hold_rows, all_rows, args.vocab_size)
    mlps = choose_mlps(clf, fit_rows, hold_rows, all_rows, tc_info)
    weights.update(mlps)
    config["tc_mlps"] = len(MLP_SEEDS) if mlps else 0
    config["vocab"] = clf.vocab
    config["training"] = {
        "data": "PTC v2 train-articles + train-task1-SI.labels + train-task2-TC.labels",
        "encoder_fingerprint": model_fingerprint(), "seed": args.seed, "holdout_share": args.holdout, "held_out_articles": sorted(hold_ids),
        "epochs": args.epochs, "hidden": args.hidden, "dropout": args.dropout, "lr": args.lr,
        "weight_decay": args.weight_decay, "tagger_held_out_loss": hold_loss,
        "held_out_si": si, "technique_classifier": tc_info,
    }
    weights.update({"tc.idf": clf.idf, "tc.mean": clf.mean, "tc.std": clf.std,
                    "tc.coef": clf.coef, "tc.intercept": clf.intercept,
                    "tc.tfidf_weight": np.asarray([clf.tfidf_weight])})
    args.output.mkdir(parents=True, exist_ok=True)
    arrays: dict[str, Any] = {k: np.asarray(v, dtype=np.float32) for k, v in weights.items()}
    np.savez_compressed(args.output / T.WEIGHTS_NAME, **arrays)
    (args.output / T.CONFIG_NAME).write_text(json.dumps(config, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    files = [T.WEIGHTS_NAME, T.CONFIG_NAME, L.LEXICON_NAME]
    ModelSpec.of_folder(args.output, "techniques", T.TechniquesAnalyzer.version, files, model_fingerprint()).write(
        args.output
    )
    print(f"wrote {args.output} in {time.time() - t_start:.0f}s", flush=True)
    return 0


def _logit(p: np.ndarray) -> np.ndarray:
    q = np.clip(np.asarray(p, dtype=np.float64), 1e-9, 1 - 1e-9)
    return np.asarray(np.log(q / (1 - q)))


def _token_labels(a: ArticleData, t: T.TokenTable) -> np.ndarray:
    y = np.zeros(len(t.starts), dtype=np.int64)
    for gs, ge in ptc.merge_spans(a.gold_si):
        y[(t.starts < ge) & (t.ends > gs)] = 1
    return y


def _sentence_labels(a: ArticleData) -> np.ndarray:
    gold = ptc.merge_spans(a.gold_si)
    return np.asarray([int(any(ge > s and gs < e for gs, ge in gold)) for s, e in a.sentences])


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    add_arguments(parser)
    raise SystemExit(main(parser.parse_args()))
