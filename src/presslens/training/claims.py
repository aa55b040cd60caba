"""Train the check-worthiness model on CheckThat! 2024 English train; threshold on CT24 dev.

    presslens train claims --data /work/shared/data [--output DIR] [--seed 13] [--with-ct20-train]

``--data`` is the folder holding ``checkthat2024-task1-en/`` and ``checkthat2020-task5-debates-en/``.
Train sentences whose normalised text occurs in CT24 dev, CT24 dev-test or CT20 test-gold are dropped
first. Two models, averaged:

1. L2 logistic regression over the shared-encoder sentence embedding, ten lexical features, TF-IDF of
   word 1-2-grams and character 2-5-grams (vocabulary and IDF from train only); C chosen on CT24 dev
   (average precision).
2. An attention head over the frozen token states (``Linear(384->128)``, tanh, attention weights,
   pooled state + 5 x sentence embedding -> ReLU(256) -> logit), AdamW 1e-3, batch 64, up to 6 epochs;
   the epoch whose averaged (LR + head) dev AP is best is kept. Three heads (seeds s, s+1, s+2) are
   trained and their probabilities averaged.

Finally the decision threshold maximising the averaged model's F1 on CT24 dev is stored.
"""

from __future__ import annotations

import argparse
import json
import math
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np

from presslens.analyzers.claims.analyzer import ClaimsAnalyzer
from presslens.analyzers.claims.features import char_ngrams, lexical_features, word_ngrams
from presslens.analyzers.claims.head import HEAD_EMB_SCALE
from presslens.analyzers.claims.model import MODEL_DIR, VOCAB_NAME, WEIGHTS_NAME, ClaimModel
from presslens.encoder import model_fingerprint
from presslens.registry import ModelSpec, file_sha256
from presslens.training.checkthat import LabelledSentence, load_ct20, load_ct24, normalise
from presslens.training.encoded_cache import DEFAULT_CACHE, CachedEncoding, encode_cached

EMB_SCALE = 1.0
C_GRID = (0.25, 0.5, 1.0, 2.0)
WORD_VOCAB = 20000
CHAR_VOCAB = 40000


def build_vocab(docs: list[list[str]], min_df: int, size: int) -> tuple[dict[str, int], np.ndarray]:
    """Most document-frequent grams (ties by text) and their smoothed IDF."""
    df: Counter[str] = Counter()
    for grams in docs:
        df.update(set(grams))
    kept = sorted((g for g, c in df.items() if c >= min_df), key=lambda g: (-df[g], g))[:size]
    vocab = {g: i for i, g in enumerate(kept)}
    n = len(docs)
    idf = np.asarray([math.log((1 + n) / (1 + df[g])) + 1.0 for g in kept], dtype=np.float32)
    return vocab, idf


def tfidf_matrix(docs: list[list[str]], vocab: dict[str, int], idf: np.ndarray):  # type: ignore[no-untyped-def]
    from scipy.sparse import csr_matrix

    rows, cols, vals = [], [], []
    for r, grams in enumerate(docs):
        counts: Counter[int] = Counter(vocab[g] for g in grams if g in vocab)
        if not counts:
            continue
        idx = np.fromiter(counts.keys(), dtype=np.int64)
        tf = np.fromiter(counts.values(), dtype=np.float32)
        v = (1.0 + np.log(tf)) * idf[idx]
        v /= max(float(np.linalg.norm(v)), 1e-12)
        rows.extend([r] * len(idx))
        cols.extend(idx.tolist())
        vals.extend(v.tolist())
    return csr_matrix((vals, (rows, cols)), shape=(len(docs), len(vocab)), dtype=np.float32)


class Featurizer:
    """Train-time twin of :meth:`ClaimModel.scores`: same features, as a sparse matrix."""

    def __init__(self, train_texts: list[str]) -> None:
        self.vocab_word, self.idf_word = build_vocab([word_ngrams(t) for t in train_texts], 2, WORD_VOCAB)
        self.vocab_char, self.idf_char = build_vocab([char_ngrams(t) for t in train_texts], 3, CHAR_VOCAB)

    def matrix(self, texts: list[str], emb: np.ndarray | None):  # type: ignore[no-untyped-def]
        from scipy.sparse import csr_matrix, hstack

        parts = []
        if emb is not None:
            dense = np.concatenate([emb * EMB_SCALE, np.stack([lexical_features(t) for t in texts])], axis=1)
            parts.append(csr_matrix(dense.astype(np.float32)))
        parts.append(tfidf_matrix([word_ngrams(t) for t in texts], self.vocab_word, self.idf_word))
        parts.append(tfidf_matrix([char_ngrams(t) for t in texts], self.vocab_char, self.idf_char))
        return hstack(parts).tocsr()


def best_threshold(y: np.ndarray, p: np.ndarray) -> tuple[float, float]:
    """Threshold maximising F1 of the positive class (midpoint between neighbouring scores)."""
    order = np.argsort(-p)
    ys, ps = y[order], p[order]
    tp = np.cumsum(ys)
    k = np.arange(1, len(ys) + 1)
    f1 = 2 * tp / (k + ys.sum())
    i = int(np.argmax(f1))
    thr = float((ps[i] + ps[i + 1]) / 2) if i + 1 < len(ps) else float(ps[i])
    return thr, float(f1[i])


def f1_at(y: np.ndarray, p: np.ndarray, thr: float) -> dict[str, float]:
    pred = p >= thr
    tp = float((pred & (y == 1)).sum())
    prec = tp / max(1.0, float(pred.sum()))
    rec = tp / max(1.0, float((y == 1).sum()))
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"p": prec, "r": rec, "f1": f1, "acc": float((pred == (y == 1)).mean())}


def average_precision(y: np.ndarray, p: np.ndarray) -> float:
    """AP of one ranked list: mean of precision@k at the rank of each positive (stable order on ties)."""
    order = np.argsort(-p, kind="stable")
    ys = y[order]
    if ys.sum() == 0:
        return 0.0
    hits = np.cumsum(ys)
    ranks = np.arange(1, len(ys) + 1)
    return float((hits[ys == 1] / ranks[ys == 1]).mean())


def mean_ap(groups: list[str], y: np.ndarray, p: np.ndarray) -> float:
    """CheckThat! 2020 task 5 MAP: AP per debate file, then the mean over files."""
    g = np.asarray(groups)
    aps = [average_precision(y[g == name], p[g == name]) for name in sorted(set(groups))]
    return float(np.mean(aps))


def load_all(data: str | Path, with_ct20_train: bool) -> dict[str, list[LabelledSentence]]:
    sets = {
        "train": load_ct24(data, "train"),
        "dev": load_ct24(data, "dev"),
        "dev-test": load_ct24(data, "dev-test"),
        "ct20-test": load_ct20(data, "test-gold"),
    }
    held_out = {normalise(s.text) for k in ("dev", "dev-test", "ct20-test") for s in sets[k]}
    train = sets["train"] + (load_ct20(data, "train") if with_ct20_train else [])
    sets["train"] = [s for s in train if normalise(s.text) not in held_out and s.text.strip()]
    return sets


def embeddings(sents: list[LabelledSentence], cache: Path) -> np.ndarray:
    return np.asarray(encode_cached([s.text for s in sents], cache).embeddings, dtype=np.float32)


def fit_lr(x, y: np.ndarray, c: float, seed: int):  # type: ignore[no-untyped-def]
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=c, max_iter=2000, solver="liblinear", random_state=seed)
    clf.fit(x, y)
    return clf


def select_and_fit(
    x_train, y_train: np.ndarray, x_dev, y_dev: np.ndarray, seed: int, log: Callable[[str], None]
):  # type: ignore[no-untyped-def]
    """Pick C by dev average precision; return the fitted model, C and dev probabilities."""
    best = None
    for c in C_GRID:
        clf = fit_lr(x_train, y_train, c, seed)
        p = clf.predict_proba(x_dev)[:, 1]
        ap = average_precision(y_dev, p)
        thr, f1 = best_threshold(y_dev, p)
        log(f"  C={c}: dev AP {ap:.4f}, best dev F1 {f1:.4f} at {thr:.3f}")
        if best is None or ap > best[0]:
            best = (ap, c, clf, p)
    assert best is not None
    return best[2], best[1], best[3]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", required=True, help="folder holding the CheckThat! data folders")
    parser.add_argument("--output", default=str(MODEL_DIR))
    parser.add_argument("--cache", default=str(DEFAULT_CACHE / "claims"))
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--with-ct20-train", action="store_true", help="add CT20 task 5 train debates")
    parser.add_argument("--head-epochs", type=int, default=6, help="token-head epochs (0: LR only)")
    parser.add_argument("--head-seeds", type=int, default=1, help="heads in the ensemble (seed, seed+1, ...)")


def main(args: argparse.Namespace) -> int:
    t0 = time.time()
    cache = Path(args.cache)
    sets = load_all(args.data, args.with_ct20_train)
    print(f"train {len(sets['train'])} sentences after de-duplication", flush=True)
    feat = Featurizer([s.text for s in sets["train"]])
    y_train = np.asarray([s.label for s in sets["train"]])
    y_dev = np.asarray([s.label for s in sets["dev"]])
    x_train = feat.matrix([s.text for s in sets["train"]], embeddings(sets["train"], cache))
    x_dev = feat.matrix([s.text for s in sets["dev"]], embeddings(sets["dev"], cache))
    print(f"features {x_train.shape} ({time.time() - t0:.0f}s)", flush=True)
    clf, c, p_dev_lr = select_and_fit(x_train, y_train, x_dev, y_dev, args.seed, print)
    head: dict[str, np.ndarray] | None = None
    p_dev = p_dev_lr
    head_epoch: list[int] = []
    if args.head_epochs > 0:
        enc_train = encode_cached([s.text for s in sets["train"]], cache)
        enc_dev = encode_cached([s.text for s in sets["dev"]], cache)
        heads, head_probs, head_epochs = [], [], []
        for k in range(args.head_seeds):
            w, p_head, ep = train_head(enc_train, y_train, enc_dev, y_dev, p_dev_lr, args, args.seed + k)
            heads.append(w)
            head_probs.append(p_head)
            head_epochs.append(ep)
        head = {name: np.stack([w[name] for w in heads]) for name in heads[0]}
        p_dev = (p_dev_lr + np.mean(head_probs, axis=0)) / 2
        head_epoch = head_epochs
    thr, dev_f1 = best_threshold(y_dev, p_dev)
    coef = clf.coef_[0].astype(np.float32)
    n_dense = 384 + len(lexical_features("x"))
    n_word = len(feat.vocab_word)
    model = ClaimModel(
        vocab_word=feat.vocab_word,
        vocab_char=feat.vocab_char,
        idf_word=feat.idf_word,
        idf_char=feat.idf_char,
        coef_dense=coef[:n_dense],
        coef_word=coef[n_dense : n_dense + n_word],
        coef_char=coef[n_dense + n_word :],
        intercept=float(clf.intercept_[0]),
        threshold=thr,
        emb_scale=EMB_SCALE,
        head=head,
    )
    out = Path(args.output)
    model.save(out)
    # the saved model must reproduce the training-time probabilities
    reloaded = ClaimModel.load(out)
    enc = encode_cached([s.text for s in sets["dev"]], cache)
    states = [np.asarray(enc.tokens_of(i)[0], dtype=np.float32) for i in range(len(sets["dev"]))]
    p_check = reloaded.scores([s.text for s in sets["dev"]], enc.embeddings, states if head else None)
    assert np.allclose(p_check, p_dev, atol=1e-3), float(np.abs(p_check - p_dev).max())
    meta = {
        "seed": args.seed,
        "encoder_fingerprint": model_fingerprint(),
        "C": c,
        "threshold": thr,
        "head_epoch": head_epoch,
        "dev_f1": dev_f1,
        "dev_ap": average_precision(y_dev, p_dev),
        "train_sentences": len(sets["train"]),
        "with_ct20_train": bool(args.with_ct20_train),
        "sha256": {n: file_sha256(out / n) for n in (WEIGHTS_NAME, VOCAB_NAME)},
    }
    (out / "training.json").write_text(json.dumps(meta, indent=2) + "\n")
    files = [WEIGHTS_NAME, VOCAB_NAME]
    ModelSpec.of_folder(out, "claims", ClaimsAnalyzer.version, files, model_fingerprint()).write(out)
    print(json.dumps(meta, indent=2))
    print(f"done in {time.time() - t0:.0f}s")
    return 0


def _token_batch(enc: CachedEncoding, idx: np.ndarray):  # type: ignore[no-untyped-def]
    import torch

    width = max(1, int(enc.lengths[idx].max()))
    x = np.zeros((len(idx), width, 384), np.float32)
    m = np.zeros((len(idx), width), np.float32)
    for r, i in enumerate(idx):
        st, _ = enc.tokens_of(int(i))
        x[r, : len(st)] = st
        m[r, : len(st)] = 1.0
    return torch.from_numpy(x), torch.from_numpy(m), torch.from_numpy(np.asarray(enc.embeddings[idx]))


def _head_module():  # type: ignore[no-untyped-def]
    import torch

    class AttentionHead(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.a = torch.nn.Linear(384, 128)
            self.v = torch.nn.Linear(128, 1, bias=False)
            self.h = torch.nn.Linear(384 + 384, 256)
            self.o = torch.nn.Linear(256, 1)
            self.drop = torch.nn.Dropout(0.2)

        def forward(self, x, mask, emb):  # type: ignore[no-untyped-def]
            w = self.v(torch.tanh(self.a(x))).squeeze(-1).masked_fill(mask == 0, -1e9)
            pooled = (torch.softmax(w, -1).unsqueeze(-1) * x).sum(1)
            h = torch.relu(self.h(self.drop(torch.cat([pooled, emb * HEAD_EMB_SCALE], -1))))
            return self.o(self.drop(h)).squeeze(-1)

    return AttentionHead()


def _head_predict(model, enc: CachedEncoding) -> np.ndarray:  # type: ignore[no-untyped-def]
    import torch

    model.eval()
    out = []
    n = len(enc.lengths)
    with torch.no_grad():
        for b in range(0, n, 256):
            idx = np.arange(b, min(n, b + 256))
            out.append(torch.sigmoid(model(*_token_batch(enc, idx))).numpy())
    return np.concatenate(out) if out else np.zeros(0, np.float32)


def train_head(
    enc_train: CachedEncoding,
    y_train: np.ndarray,
    enc_dev: CachedEncoding,
    y_dev: np.ndarray,
    p_dev_lr: np.ndarray,
    args: argparse.Namespace,
    seed: int,
) -> tuple[dict[str, np.ndarray], np.ndarray, int]:
    """Train one attention head; keep the epoch with the best dev AP of the LR + head average."""
    import torch

    torch.set_num_threads(1)
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    model = _head_module()
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)
    n = len(y_train)
    best: tuple[float, dict[str, np.ndarray], np.ndarray, int] | None = None
    for epoch in range(args.head_epochs):
        model.train()
        perm = rng.permutation(n)
        for b in range(0, n, 64):
            idx = perm[b : b + 64]
            logits = model(*_token_batch(enc_train, idx))
            target = torch.from_numpy(y_train[idx].astype(np.float32))
            loss = torch.nn.functional.binary_cross_entropy_with_logits(logits, target)
            opt.zero_grad()
            loss.backward()
            opt.step()
        p_head = _head_predict(model, enc_dev)
        ap = average_precision(y_dev, (p_dev_lr + p_head) / 2)
        print(
            f"  head epoch {epoch}: dev AP head {average_precision(y_dev, p_head):.4f}, averaged {ap:.4f}",
            flush=True,
        )
        if best is None or ap > best[0]:
            sd = model.state_dict()
            weights = {
                "head_a_w": sd["a.weight"].numpy().copy(),
                "head_a_b": sd["a.bias"].numpy().copy(),
                "head_v_w": sd["v.weight"].numpy().copy(),
                "head_h_w": sd["h.weight"].numpy().copy(),
                "head_h_b": sd["h.bias"].numpy().copy(),
                "head_o_w": sd["o.weight"].numpy().copy(),
                "head_o_b": sd["o.bias"].numpy().copy(),
            }
            best = (ap, weights, p_head, epoch)
    assert best is not None
    return best[1], best[2], best[3]
