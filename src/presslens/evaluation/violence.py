"""Evaluate the shipped ``violence`` model: ``presslens eval violence --data data/violence``.

Scores the held-out ``test.jsonl`` (written separately from train; never used for training or tuning):
macro-F1 over the four classes (call, endorsement, report, nonviolent_call), per-class precision,
recall and F1, the confusion matrix, and the share of ``report`` sentences flagged as violence
(predicted call or endorsement). Neutral ``other`` sentences are scored separately (how many get a
violence or call-to-action finding); predicted ``other`` counts as ``report``. A TF-IDF (word 1-2
grams) + logistic regression baseline trained on ``train.jsonl`` is shown side by side.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from presslens.analyzers.violence.cues import cue_matrix
from presslens.analyzers.violence.model import CLASSES, MODEL_DIR, STANCES, ViolenceModel, stance_labels
from presslens.evaluation import metrics
from presslens.training.violence import DEFAULT_CACHE, embed, has_violent_act, load_split

VIOLENT = (STANCES.index("call"), STANCES.index("endorsement"))
REPORT = STANCES.index("report")
NONVIOLENT = STANCES.index("nonviolent_call")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", required=True, help="folder with train.jsonl and test.jsonl")
    parser.add_argument("--split", default="test", help="split to score (default: test)")
    parser.add_argument("--model-dir", default=str(MODEL_DIR))
    parser.add_argument("--cache-dir", default=str(DEFAULT_CACHE))
    parser.add_argument("--no-baseline", action="store_true", help="skip the TF-IDF + LR baseline")
    parser.add_argument("--errors", action="store_true", help="list misclassified sentences")


def per_class(gold: np.ndarray, pred: np.ndarray) -> list[tuple[float, float, float, int]]:
    """(precision, recall, F1, support) per stance index."""
    out = []
    for k in range(len(STANCES)):
        tp = float(np.sum((pred == k) & (gold == k)))
        fp = float(np.sum((pred == k) & (gold != k)))
        fn = float(np.sum((pred != k) & (gold == k)))
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = metrics.f1(p, r)
        out.append((p, r, f, int(np.sum(gold == k))))
    return out


def confusion(gold: np.ndarray, pred: np.ndarray) -> np.ndarray:
    m = np.zeros((len(STANCES), len(STANCES)), dtype=np.int64)
    for g, p in zip(gold, pred, strict=True):
        m[g, p] += 1
    return m


def report_flag_rate(gold: np.ndarray, pred: np.ndarray) -> tuple[int, int]:
    """(report sentences predicted as call/endorsement, report sentences)."""
    rep = gold == REPORT
    return int(np.sum(rep & np.isin(pred, VIOLENT))), int(np.sum(rep))


def baseline_predict(train_texts: list[str], train_y: np.ndarray, texts: list[str]) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True)
    clf = LogisticRegression(C=10.0, max_iter=5000, random_state=0)
    clf.fit(vec.fit_transform(train_texts), train_y)
    return np.asarray(clf.predict(vec.transform(texts)), dtype=np.int64)


def model_predict(model: ViolenceModel, texts: list[str], cache_dir: str | Path) -> np.ndarray:
    """Stance index per sentence (model class ``other`` counts as ``report``)."""
    proba = model.predict_proba(embed(texts, cache_dir), cue_matrix(texts))
    labels, _ = model.decide(proba, has_violent_act(texts))
    return stance_labels(labels)


def stance_of(label: str) -> int:
    return STANCES.index("report" if label == "other" else label)


def summary_row(name: str, gold: np.ndarray, pred: np.ndarray) -> str:
    stats = per_class(gold, pred)
    macro = float(np.mean([s[2] for s in stats]))
    flagged, reports = report_flag_rate(gold, pred)
    acc = float(np.mean(gold == pred))
    binary = _binary_f1(gold, pred)
    return (f"| {name} | {macro:.3f} | {acc:.3f} | {binary:.3f} | "
            f"{flagged}/{reports} ({100 * flagged / max(1, reports):.1f}%) |")


def _binary_f1(gold: np.ndarray, pred: np.ndarray) -> float:
    g = np.isin(gold, VIOLENT)
    p = np.isin(pred, VIOLENT)
    tp = float(np.sum(g & p))
    denom = float(np.sum(g) + np.sum(p))
    return 2 * tp / denom if denom else 0.0


def print_details(gold: np.ndarray, pred: np.ndarray) -> None:
    print("\n| class | precision | recall | F1 | support |")
    print("|---|---|---|---|---|")
    for name, (p, r, f, n) in zip(STANCES, per_class(gold, pred), strict=True):
        print(f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} | {n} |")
    print("\nConfusion matrix (rows gold, columns predicted):\n")
    print("| gold \\ pred | " + " | ".join(STANCES) + " |")
    print("|---" * (len(STANCES) + 1) + "|")
    for name, row in zip(STANCES, confusion(gold, pred), strict=True):
        print(f"| {name} | " + " | ".join(str(int(v)) for v in row) + " |")


def print_domains(gold: np.ndarray, pred: np.ndarray, domains: list[str]) -> None:
    print("\n| domain | n | accuracy | report flagged |")
    print("|---|---|---|---|")
    dom = np.asarray(domains)
    for d in sorted(set(domains)):
        m = dom == d
        flagged, reports = report_flag_rate(gold[m], pred[m])
        print(f"| {d} | {int(m.sum())} | {float(np.mean(gold[m] == pred[m])):.3f} | {flagged}/{reports} |")


def main(args: argparse.Namespace) -> int:
    train = load_split(args.data, "train")
    everything = load_split(args.data, args.split)
    rows = [r for r in everything if r["label"] != "other"]
    neutral = [r for r in everything if r["label"] == "other"]
    texts = [r["text"] for r in rows]
    gold = np.asarray([stance_of(r["label"]) for r in rows], dtype=np.int64)
    model = ViolenceModel.load(Path(args.model_dir))
    pred = model_predict(model, texts, args.cache_dir)
    config = json.loads((Path(args.model_dir) / "model.json").read_text(encoding="utf-8"))
    extra = config.get("hard_negatives") or 0
    print(f"## violence: {args.split} split, {len(rows)} four-class sentences "
          f"(+ {len(neutral)} neutral 'other'); model trained on {len(train)} train sentences"
          + (f" + {extra} PTC hard negatives" if extra else "") + "\n")
    print("| system | macro-F1 (4 classes) | accuracy | violent-vs-not F1 | report flagged as violence |")
    print("|---|---|---|---|---|")
    print(summary_row("presslens violence (embedding + cues, LR)", gold, pred))
    train_y = np.asarray([CLASSES.index(r["label"]) for r in train], dtype=np.int64)
    if not args.no_baseline:
        base = stance_labels(baseline_predict([r["text"] for r in train], train_y, texts))
        print(summary_row("baseline TF-IDF 1-2 gram + LR", gold, base))
    print_details(gold, pred)
    print_domains(gold, pred, [r.get("domain", "") for r in rows])
    if neutral:
        npred = model_predict(model, [r["text"] for r in neutral], args.cache_dir)
        print(f"\nNeutral 'other' sentences ({len(neutral)}): flagged as violence "
              f"{int(np.isin(npred, VIOLENT).sum())}, as nonviolent call {int((npred == NONVIOLENT).sum())}.")
    if args.errors:
        print("\nErrors:")
        for r, g, p in zip(rows, gold, pred, strict=True):
            if g != p:
                print(f"- [{STANCES[g]} -> {STANCES[p]}] {r['text']}")
    return 0
