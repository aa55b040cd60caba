"""Fitting the context calibration of lexical technique hits on held-out PTC train articles.

A mined phrase's train precision says how often the phrase lies inside a gold span *on average*; "American
people" is inside one in 87 % of its train occurrences, so before this calibration it was asserted as
Flag-Waving wherever it occurred. Here a lexical hit's span probability is a logistic function of the phrase's
train precision **and of its context as the span tagger sees it** (the mean token probability over the hit and
the sentence's propaganda probability), fitted on hits in held-out train articles, with the lexicon mined from
the other train articles only. The real-news evaluation articles (``data/realnews/split.json``, PTC train
articles) are left out of the fit.

``python -m presslens.training.techniques.lexicon_context --data ../shared/data/ptc-semeval2020-task11``
prints the weights for :data:`presslens.analyzers.techniques.lexicon.CONTEXT_WEIGHTS` and a reliability table
of the hits before (train precision alone) and after.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from presslens.analyzers import techniques as T
from presslens.analyzers.numeric import sigmoid
from presslens.analyzers.techniques import lexicon as L
from presslens.evaluation import ptc
from presslens.training.techniques.data import DEFAULT_CACHE, ArticleData, load_train, split_articles
from presslens.training.techniques.lexicon import mine_lexicon

REALNEWS_SPLIT = Path(__file__).resolve().parents[4] / "data" / "realnews" / "split.json"
HIT_INSIDE = 0.5
"""A hit is right when at least this share of its characters lies inside gold spans."""


def realnews_ids(path: Path = REALNEWS_SPLIT) -> set[str]:
    return set(json.loads(path.read_text(encoding="utf-8"))) if path.exists() else set()


def held_out_train(data_dir: Path, cache: Path, seed: int,
                   excluded: set[str]) -> tuple[list[ArticleData], set[str], L.Lexicon]:
    """The selection data of the techniques context tools: the PTC train articles split 85 / 15 by ``seed``, the
    lexicon (hand entries plus the entries mined from the 85 %), and the held-out 15 % less ``excluded``;
    ``(held-out articles, held-out ids before the exclusion, lexicon)``."""
    arts = load_train(data_dir, cache)
    fit_ids, hold_ids = split_articles([a.id for a in arts], 0.15, seed)
    lexicon = L.hand_lexicon()
    for item in mine_lexicon([a for a in arts if a.id in fit_ids]):
        entry = L.entry_from_mined(item)
        lexicon.entries.setdefault(entry.words, entry)
    return [a for a in arts if a.id in hold_ids and a.id not in excluded], hold_ids, lexicon


def hit_rows(model: T.TechniqueModel, lexicon: L.Lexicon, arts: list[ArticleData]) -> tuple[np.ndarray, np.ndarray]:
    """``(features, right)`` of every lexical hit in ``arts``: features as
    :func:`presslens.analyzers.techniques.lexicon.context_features`, right = mostly inside gold spans."""
    xs: list[list[float]] = []
    ys: list[float] = []
    for a in arts:
        table = T.tag_article(model, a.text, a.sentences, a.states, a.offsets, a.sent_emb)
        gold = ptc.merge_spans(a.gold_si)
        for s, e, entry in lexicon.matches(a.text):
            xs.append(L.context_features(entry.precision, *L.hit_context(table, a.sentences, s, e)))
            inside = sum(max(0, min(e, ge) - max(s, gs)) for gs, ge in gold) / (e - s)
            ys.append(float(inside >= HIT_INSIDE))
    return np.asarray(xs, dtype=np.float64), np.asarray(ys, dtype=np.float64)


def reliability(p: np.ndarray, y: np.ndarray, bins: int = 10) -> tuple[float, list[tuple[str, int, float, float]]]:
    """Expected calibration error and ``(bin, n, mean score, share right)`` rows of equal-width bins."""
    rows = []
    ece = 0.0
    idx = np.minimum((p * bins).astype(int), bins - 1)
    for b in range(bins):
        m = idx == b
        if m.any():
            rows.append((f"{b / bins:.1f}-{(b + 1) / bins:.1f}", int(m.sum()), float(p[m].mean()), float(y[m].mean())))
            ece += m.sum() / len(p) * abs(float(p[m].mean()) - float(y[m].mean()))
    return ece, rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--model-dir", type=Path, default=T.MODEL_DIR)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    from sklearn.linear_model import LogisticRegression

    excluded = realnews_ids()
    hold, hold_ids, lexicon = held_out_train(args.data, args.cache, args.seed, excluded)
    model = T.TechniqueModel.load(args.model_dir)
    x, y = hit_rows(model, lexicon, hold)
    print(f"{len(hold)} held-out train articles ({len(hold_ids & excluded)} real-news articles left out), "
          f"{len(y)} lexical hits, {y.mean():.3f} right")
    clf = LogisticRegression(C=1.0).fit(x, y)
    weights = [float(clf.intercept_[0]), *(float(w) for w in clf.coef_[0])]
    print("CONTEXT_WEIGHTS =", tuple(round(w, 4) for w in weights))
    before = _precision_of(x)
    after = np.asarray([L.context_probability(tuple(weights), row) for row in x])
    for name, p in (("train precision alone", before), ("precision + context", after)):
        ece, rows = reliability(p, y)
        asserted = p >= 0.5
        share = float(y[asserted].mean()) if asserted.any() else float("nan")
        print(f"\n{name}: ECE {ece:.3f}; asserted (>= 0.5) {int(asserted.sum())} hits, {share:.3f} right; "
              f"below 0.5 {int((~asserted).sum())} hits, {float(y[~asserted].mean()) if (~asserted).any() else 0:.3f} right")
        print("| score bin | n | mean score | share right |\n|---|---|---|---|")
        for b, n, ms, sr in rows:
            print(f"| {b} | {n} | {ms:.2f} | {sr:.2f} |")
    return 0


def _precision_of(x: np.ndarray) -> np.ndarray:
    return sigmoid(x[:, 0])


if __name__ == "__main__":
    raise SystemExit(main())
