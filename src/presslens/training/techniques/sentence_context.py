"""Fitting an article context of the sentence propaganda score on held-out PTC train articles (issue 13, stop 26;
a check that failed: its weights are not used).

The sentence score is calibrated on PTC, whose articles come from sources chosen for their propaganda; on plain news
(the stop-25 user trial, stop-26 audit A) sentences of plain reports ("Facebook's statement", a poll's findings) sat
at 0.5-0.75. The idea checked here: a sentence of an article whose other sentences score low is less likely
propaganda than the same score in an article full of it. The sentence probability is recalibrated as a logistic
function of its own logit and of the logit of the mean score of the article's other sentences
(:func:`presslens.analyzers.techniques.analyzer.context_features`), fitted on the held-out train articles (seed 13,
the articles every selection step of the techniques model holds out; the lexicon mined from the other train articles
only; the real-news articles of the test and validation splits left out, those of the open splits kept: their
weights may be fitted), a sentence being right when a gold span overlaps it (``presslens eval techniques``' sentence
calibration rule).

``python -m presslens.training.techniques.sentence_context --data ../shared/data/ptc-semeval2020-task11`` prints the
fitted weights and, five article folds of the held-out articles each scored by weights fitted on the other four, log
loss, ECE and precision / recall / F1 at 0.5 of the model's scores and of the recalibrated ones. On PTC the article
context gets a weight of about zero and the held-out log loss rises (model card HISTORY.md, stop 26), so the analyzer does not
use it; ``techniques.sentences=news`` shifts the scores instead. PTC dev (the techniques test set) is never read.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from pathlib import Path

import numpy as np

from presslens.analyzers import techniques as T
from presslens.analyzers.techniques.analyzer import analyze_article, context_features, context_probabilities
from presslens.article import Article
from presslens.training.techniques.data import DEFAULT_CACHE, ArticleData
from presslens.training.techniques.lexicon_context import REALNEWS_SPLIT, held_out_train, reliability

FOLDS = 5


def closed_realnews_ids(path: Path = REALNEWS_SPLIT) -> set[str]:
    """The real-news articles of the test and validation splits (never fitted on; the open splits' are usable)."""
    from presslens.evaluation.realnews_selection import OPEN_SPLITS

    if not path.exists():
        return set()
    table = json.loads(path.read_text(encoding="utf-8"))
    return {aid for aid, row in table.items() if row["split"] not in OPEN_SPLITS}


def sentence_rows(model: T.TechniqueModel, arts: list[ArticleData]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """``(features, right, article index, model probability)`` of every sentence of ``arts``."""
    xs: list[np.ndarray] = []
    ys: list[float] = []
    groups: list[int] = []
    probs: list[float] = []
    for k, a in enumerate(arts):
        article = Article(text=a.text, id=a.id, sentences=[(int(s), int(e)) for s, e in a.sentences])
        table, _, _ = analyze_article(model, article, a.states, a.offsets, a.sent_emb)
        p = np.asarray(table.sentence_probs, dtype=np.float64)
        xs.append(context_features(p))
        for s, e in article.sentences:
            ys.append(float(any(gs < e and ge > s for gs, ge in a.gold_si)))
        groups += [k] * len(p)
        probs += p.tolist()
    return (np.concatenate(xs) if xs else np.zeros((0, 2)), np.asarray(ys), np.asarray(groups),
            np.asarray(probs))


def fit_weights(x: np.ndarray, y: np.ndarray) -> tuple[float, float, float]:
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=1.0).fit(x, y)
    return float(clf.intercept_[0]), float(clf.coef_[0][0]), float(clf.coef_[0][1])


def summary(name: str, p: np.ndarray, y: np.ndarray) -> str:
    eps = 1e-6
    q = np.clip(p, eps, 1 - eps)
    loss = float(-(y * np.log(q) + (1 - y) * np.log(1 - q)).sum())
    ece, _ = reliability(p, y)
    asserted = p >= 0.5
    tp = float((asserted & (y > 0)).sum())
    prec = tp / max(1, int(asserted.sum()))
    rec = tp / max(1, int((y > 0).sum()))
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return (f"| {name} | {loss:.1f} | {ece:.3f} | {int(asserted.sum())} | {prec:.3f} | {rec:.3f} | {f1:.3f} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--model-dir", type=Path, default=T.MODEL_DIR)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)

    excluded = closed_realnews_ids()
    hold, hold_ids, lexicon = held_out_train(args.data, args.cache, args.seed, excluded)
    model = replace(T.TechniqueModel.load(args.model_dir), lexicon=lexicon)
    x, y, groups, p_model = sentence_rows(model, hold)
    print(f"{len(hold)} held-out train articles ({len(hold_ids & excluded)} real-news test and validation articles left out), "
          f"{len(y)} sentences, {y.mean():.3f} with a gold span")
    p_context = np.zeros_like(p_model)
    fold_of = np.arange(len(hold)) % FOLDS  # articles in sorted-id order, round robin
    order = {a.id: i for i, a in enumerate(sorted(hold, key=lambda a: a.id))}
    article_fold = np.asarray([fold_of[order[a.id]] for a in hold])[groups]
    for f in range(FOLDS):
        test = article_fold == f
        w = fit_weights(x[~test], y[~test])
        p_context[test] = context_probabilities(w, x[test])
    weights = fit_weights(x, y)
    print("article-context weights (intercept, sentence logit, others' mean logit) =",
          tuple(round(v, 4) for v in weights))
    print(f"\nheld-out sentences, {FOLDS} article folds (each scored by weights fitted on the other folds):\n")
    print("| score | log loss | ECE | asserted (>= 0.5) | precision | recall | F1 |\n|---|---|---|---|---|---|---|")
    print(summary("model (shipped)", p_model, y))
    print(summary("article context", p_context, y))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
