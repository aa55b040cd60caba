"""Fit the claims analyzer's real-news scorers (:mod:`presslens.analyzers.claims.scorers`), leave-one-split-out.

    presslens train realnews-claims --data ../shared/data/ptc-semeval2020-task11 [--out FILE] [--cache FILE]

Runs the claims analyzer's inputs (CheckThat! probability, cue candidates, forecast, furniture) on every article
of the real-news dev, dev2 and dev3 splits (PTC train articles; never test or dev4), labels them with the gold
of ``data/realnews`` by the evaluation's rules, and fits two L2 logistic regressions:

- hedge cue candidates: positive when the sentence matches a gold hedge (claim rule) and the cue overlaps one of
  its gold cue spans;
- claim sentences (furniture lines left out; the analyzer vetoes them): positive when the sentence matches a
  gold claim.

The claim scorer's hedge feature is the class table's best score (:data:`presslens.text.hedging.HEDGE_CLASS_SCORES`),
so that the claim score does not depend on the cue scorer; the cue scorer (with the sentence embedding) decides
``hedged``. The L2 strength ``C`` of each is chosen by leave-one-split-out: for every C of the grid, train on two splits and
score the third, three times; the C with the best summed held-out log-loss is used to fit all three splits. The
report prints, per held-out split, hedged and claim precision / recall of the analyzer's decision rule
(asserted = claim score >= 0.5; hedged = hedge score >= 0.5): the learned claim scorer with the class table's
hedges and with the learned cue scorer (shipped), analyzer 1.6's calibration form refitted on the other two splits,
and analyzer 1.6 as shipped (class table read off all three splits, calibration fitted on dev: in-sample). Deterministic
(lbfgs, no sampling): the same data gives the same JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from presslens.analyzers.claims.scorers import (
    MODEL_FILE,
    LinearScorer,
    cue_feature_names,
    cue_features,
    sentence_feature_names,
    sentence_features,
)

SPLITS = ("dev", "dev2", "dev3")
C_GRID = (0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
DEFAULT_ANNOTATIONS = Path(__file__).resolve().parents[3] / "data" / "realnews"
ASSERTED = 0.5


@dataclass
class Candidate:
    start: int
    end: int
    kind: str
    cue_class: str
    gold_cue: bool


@dataclass
class SentenceRow:
    split: str
    article: str
    index: int
    count: int
    text: str
    p: float
    furniture: str | None
    forecast: bool
    gold_claims: list[int]
    gold_hedges: list[int]
    candidates: list[Candidate] = field(default_factory=list)


@dataclass
class Dataset:
    """Sentence rows and their sentence embeddings (one per row, the shared encoder's)."""

    rows: list[SentenceRow]
    embeddings: np.ndarray

    def subset(self, keep: Callable[[SentenceRow], bool]) -> Dataset:
        idx = [i for i, r in enumerate(self.rows) if keep(r)]
        return Dataset([self.rows[i] for i in idx], self.embeddings[idx])

    def only_split(self, split: str) -> Dataset:
        return self.subset(lambda r: r.split == split)

    def without_split(self, split: str) -> Dataset:
        return self.subset(lambda r: r.split != split)


def collect(data: Path, annotations: Path, split: str) -> Dataset:
    """Every sentence of a split's articles with the analyzer's inputs, its embedding and its gold labels."""
    from presslens.analyzers.base import Features
    from presslens.analyzers.claims.furniture import furniture_reason
    from presslens.analyzers.claims.model import ClaimModel
    from presslens.evaluation.realnews import annotated_articles
    from presslens.evaluation.realnews_matching import mutual_overlap, overlap
    from presslens.pipeline import Pipeline
    from presslens.text.hedging import claim_cue_candidates, cue_class
    from presslens.text.prediction import forecast_cues

    if split not in SPLITS:
        raise ValueError(f"split {split!r}: only {', '.join(SPLITS)} are fitted on")
    pipeline = Pipeline(only=["claims"]).load()
    analyzer = next(a for a in pipeline.analyzers if a.name == "claims")
    model: ClaimModel = analyzer.model("claims")
    rows: list[SentenceRow] = []
    embeddings: list[np.ndarray] = []
    for record, article in annotated_articles(annotations / f"{split}.jsonl", data):
        encoded = Features(article, pipeline.encoder).encoded
        texts = article.sentence_texts()
        probs = model.scores(texts, encoded.sentence_embeddings, encoded.token_states,
                             encoded.stacked_token_states())
        embeddings.append(np.asarray(encoded.sentence_embeddings, dtype=np.float64).reshape(len(texts), -1))
        claims = [tuple(c["span"]) for c in record["claims"]]
        hedges = [(tuple(h["claim"]), [tuple(c) for c in h["cues"]]) for h in record["hedges"]]
        for index, ((s, e), text, p) in enumerate(zip(article.sentences, texts, probs.tolist(), strict=True)):
            gold_claims = [i for i, g in enumerate(claims) if mutual_overlap((s, e), g)]
            gold_hedges = [i for i, (g, _) in enumerate(hedges) if mutual_overlap((s, e), g)]
            cues = [c for i in gold_hedges for c in hedges[i][1]]
            row = SentenceRow(split, str(record["id"]), index, len(texts), text, float(p), furniture_reason(text),
                              forecast_cues(text) is not None, gold_claims, gold_hedges)
            for a, b, kind in claim_cue_candidates(text):
                gold_cue = any(overlap((s + a, s + b), c) > 0 for c in cues)
                row.candidates.append(Candidate(a, b, kind, cue_class(text, a, b, kind), gold_cue))
            rows.append(row)
    return Dataset(rows, np.concatenate(embeddings) if embeddings else np.zeros((0, 0)))


def save_dataset(data: Dataset, path: Path) -> None:
    """Rows as JSON at ``path``, embeddings as ``path`` + ``.npy`` (numpy format, no pickle)."""
    out = [{**r.__dict__, "candidates": [c.__dict__ for c in r.candidates]} for r in data.rows]
    _write_atomic(path, json.dumps(out))
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".npy.tmp")
    with os.fdopen(fd, "wb") as fh:
        np.save(fh, data.embeddings, allow_pickle=False)
    os.replace(tmp, f"{path}.npy")


def load_dataset(path: Path) -> Dataset:
    rows = []
    for obj in json.loads(path.read_text(encoding="utf-8")):
        cands = [Candidate(**c) for c in obj.pop("candidates")]
        rows.append(SentenceRow(**obj, candidates=cands))
    return Dataset(rows, np.load(f"{path}.npy", allow_pickle=False))


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


# ------------------------------------------------------------------------------------------ design matrices


def cue_matrix(data: Dataset) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[int]]:
    """(features, embeddings, labels, row index) of every cue candidate."""
    x: list[list[float]] = []
    y: list[int] = []
    where: list[int] = []
    for ri, r in enumerate(data.rows):
        for c in r.candidates:
            x.append(cue_features(r.text, c.start, c.end, c.cue_class, r.p, r.index == 0, len(r.candidates)))
            y.append(int(c.gold_cue and bool(r.gold_hedges)))
            where.append(ri)
    names = cue_feature_names()
    return (np.asarray(x, dtype=float).reshape(len(x), len(names)), data.embeddings[where], np.asarray(y),
            where)


def sentence_matrix(data: Dataset, hedge_scores: list[float]) -> tuple[np.ndarray, np.ndarray]:
    x = [sentence_features(r.text, r.p, h, r.forecast, r.index, r.count)
         for r, h in zip(data.rows, hedge_scores, strict=True)]
    y = [int(bool(r.gold_claims)) for r in data.rows]
    return np.asarray(x, dtype=float).reshape(len(x), len(sentence_feature_names())), np.asarray(y)


def fit_scorer(x: np.ndarray, emb: np.ndarray | None, y: np.ndarray, c: float, names: list[str]) -> LinearScorer:
    """An L2 logistic regression on standardised features (lbfgs, deterministic); with ``emb`` the sentence
    embeddings are further features."""
    from sklearn.linear_model import LogisticRegression

    full = x if emb is None else np.hstack([x, emb])
    mean = full.mean(axis=0)
    scale = full.std(axis=0)
    scale[scale < 1e-9] = 1.0
    lr = LogisticRegression(C=c, max_iter=5000).fit((full - mean) / scale, y)
    return LinearScorer(tuple(names), mean, scale, lr.coef_[0].astype(np.float64), float(lr.intercept_[0]),
                        0 if emb is None else emb.shape[1])


def _log_loss(y: np.ndarray, p: np.ndarray) -> float:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return float(-(y * np.log(p) + (1 - y) * np.log(1 - p)).sum())


# ------------------------------------------------------------------------------------------ decision rule


def pr_counts(rows: list[SentenceRow], claim: list[float], hedge: list[float]) -> dict[str, tuple[int, int, int, int]]:
    """(correct, predicted, found, gold matched by a sentence) of claims and hedged claims, by the evaluation's
    rules (asserted: claim score >= 0.5; hedged: also hedge score >= 0.5), per split."""
    out: dict[str, tuple[int, int, int, int]] = {}
    for split in sorted({r.split for r in rows}):
        idx = [i for i, r in enumerate(rows) if r.split == split]
        for kind in ("claim", "hedged"):
            correct = predicted = 0
            found: set[tuple[str, int]] = set()
            gold: set[tuple[str, int]] = set()
            for i in idx:
                r = rows[i]
                golds = r.gold_claims if kind == "claim" else r.gold_hedges
                gold.update((r.article, g) for g in golds)
                if claim[i] >= ASSERTED and (kind == "claim" or hedge[i] >= ASSERTED):
                    predicted += 1
                    correct += int(bool(golds))
                    found.update((r.article, g) for g in golds)
            out[f"{split} {kind}"] = (correct, predicted, len(found), len(gold))
    return out


def gold_totals(annotations: Path, split: str) -> tuple[int, int]:
    """(gold claims, gold hedges) of a split (a gold item no sentence matches counts for recall)."""
    claims = hedges = 0
    for line in (annotations / f"{split}.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            claims += len(rec["claims"])
            hedges += len(rec["hedges"])
    return claims, hedges


# ------------------------------------------------------------------------------------------ the two scorers


def hedge_scores_with(scorer: LinearScorer, data: Dataset) -> list[float]:
    """Per sentence, the best cue probability (0 without a candidate)."""
    x, emb, _, where = cue_matrix(data)
    out = [0.0] * len(data.rows)
    if where:
        for ri, p in zip(where, scorer.probabilities(x, emb).tolist(), strict=True):
            out[ri] = max(out[ri], p)
    return out


def table_hedge_scores(data: Dataset) -> list[float]:
    """Per sentence, the best class score of its cue candidates (:data:`presslens.text.hedging.HEDGE_CLASS_SCORES`;
    0 without a candidate): the claim scorer's hedge feature."""
    from presslens.text.hedging import HEDGE_CLASS_SCORES

    return [max((HEDGE_CLASS_SCORES[c.cue_class] for c in r.candidates), default=0.0) for r in data.rows]


def claim_scores_with(scorer: LinearScorer, data: Dataset, hedge: list[float]) -> list[float]:
    from presslens.analyzers.claims.analyzer import FURNITURE_FACTOR

    x, _ = sentence_matrix(data, hedge)
    probs = scorer.probabilities(x, data.embeddings).tolist()
    return [p * FURNITURE_FACTOR if r.furniture is not None else p for p, r in zip(probs, data.rows, strict=True)]


def hand_rules(data: Dataset) -> tuple[list[float], list[float]]:
    """Analyzer 1.6: dev-fitted calibration and the class score table (x the claim score)."""
    from presslens.analyzers.claims.analyzer import FURNITURE_FACTOR
    from presslens.analyzers.claims.calibration import calibrated
    from presslens.text.hedging import HEDGE_ASSERTED, HEDGE_CLASS_SCORES

    claim, hedge = [], []
    for r in data.rows:
        best = max((HEDGE_CLASS_SCORES[c.cue_class] for c in r.candidates), default=0.0)
        score = calibrated(r.p, best >= HEDGE_ASSERTED, r.forecast)
        if r.furniture is not None:
            score *= FURNITURE_FACTOR
        claim.append(score)
        hedge.append(score * best)
    return claim, hedge


def refit_v16(train: Dataset) -> Callable[[Dataset], tuple[list[float], list[float]]]:
    """Analyzer 1.6's calibration form (logit p, hedged by the class table, forecast; C 100 as in
    :mod:`presslens.analyzers.claims.calibration`) refitted on ``train``, with the class table's hedge score."""
    from presslens.analyzers.claims.analyzer import FURNITURE_FACTOR
    from presslens.analyzers.claims.scorers import logit
    from presslens.text.hedging import HEDGE_ASSERTED, HEDGE_CLASS_SCORES

    def design(d: Dataset) -> tuple[np.ndarray, np.ndarray, list[float]]:
        best = [max((HEDGE_CLASS_SCORES[c.cue_class] for c in r.candidates), default=0.0) for r in d.rows]
        x = np.asarray([[logit(r.p), float(b >= HEDGE_ASSERTED), float(r.forecast)] for r, b in zip(d.rows, best,
                                                                                                   strict=True)])
        return x.reshape(len(d.rows), 3), np.asarray([int(bool(r.gold_claims)) for r in d.rows]), best

    pool = train.subset(lambda r: r.furniture is None)
    x, y, _ = design(pool)
    scorer = fit_scorer(x, None, y, 100.0, ["claim logit", "hedged", "forecast"])

    def decide(d: Dataset) -> tuple[list[float], list[float]]:
        xs, _, best = design(d)
        claim = [p * FURNITURE_FACTOR if r.furniture is not None else p
                 for p, r in zip(scorer.probabilities(xs).tolist(), d.rows, strict=True)]
        return claim, [c * b for c, b in zip(claim, best, strict=True)]

    return decide


Design = Callable[[Dataset], tuple[np.ndarray, np.ndarray | None, np.ndarray]]


def choose_c(train: Dataset, design: Design, names: list[str]) -> float:
    """The C of :data:`C_GRID` with the lowest summed log-loss over the leave-one-split-out folds of ``train``."""
    splits = sorted({r.split for r in train.rows})
    best_c, best_loss = C_GRID[0], float("inf")
    for c in C_GRID:
        loss = 0.0
        for held in splits:
            x_tr, e_tr, y_tr = design(train.without_split(held))
            x_te, e_te, y_te = design(train.only_split(held))
            if len(y_te) == 0 or len(set(y_tr.tolist())) < 2:
                continue
            loss += _log_loss(y_te, fit_scorer(x_tr, e_tr, y_tr, c, names).probabilities(x_te, e_te))
        if loss < best_loss:
            best_c, best_loss = c, loss
    return best_c


@dataclass(frozen=True)
class Options:
    cue_embedding: bool = True
    claim_embedding: bool = False


def fit_both(train: Dataset, options: Options) -> tuple[LinearScorer, LinearScorer, float, float]:
    """Fit the cue scorer and the claim scorer (whose hedge feature is the class table's best score, so that it
    does not depend on which hedge scorer decides ``hedged``); C of each by leave-one-split-out inside ``train``."""
    names_cue, names_sent = cue_feature_names(), sentence_feature_names()

    def cue_design(data: Dataset) -> tuple[np.ndarray, np.ndarray | None, np.ndarray]:
        x, emb, y, _ = cue_matrix(data)
        return x, emb if options.cue_embedding else None, y

    c_hedge = choose_c(train, cue_design, names_cue)
    cue_scorer = fit_scorer(*cue_design(train), c=c_hedge, names=names_cue)
    pool = train.subset(lambda r: r.furniture is None)

    def claim_design(data: Dataset) -> tuple[np.ndarray, np.ndarray | None, np.ndarray]:
        x, y = sentence_matrix(data, table_hedge_scores(data))
        return x, data.embeddings if options.claim_embedding else None, y

    c_claim = choose_c(pool, claim_design, names_sent)
    return cue_scorer, fit_scorer(*claim_design(pool), c=c_claim, names=names_sent), c_hedge, c_claim


def report(data: Dataset, annotations: Path, options: Options) -> tuple[str, LinearScorer, LinearScorer, float, float]:
    """The held-out table (markdown) and the scorers fitted on all rows."""
    lines = ["| held-out split | system | claim P | claim R | hedged P | hedged R |", "|---|---|---|---|---|---|"]
    sums: dict[str, list[float]] = {}
    for held in SPLITS:
        test = data.only_split(held)
        cue_s, claim_s, ch, cc = fit_both(data.without_split(held), options)
        gold_c, gold_h = gold_totals(annotations, held)

        def learned(d: Dataset, cue_s: LinearScorer = cue_s, claim_s: LinearScorer = claim_s
                    ) -> tuple[list[float], list[float]]:
            claim = claim_scores_with(claim_s, d, table_hedge_scores(d))
            return claim, [min(c, h) for c, h in zip(claim, hedge_scores_with(cue_s, d), strict=True)]

        def table(d: Dataset, claim_s: LinearScorer = claim_s) -> tuple[list[float], list[float]]:
            best = table_hedge_scores(d)
            claim = claim_scores_with(claim_s, d, best)
            return claim, [c * b for c, b in zip(claim, best, strict=True)]

        for name, decide in ((f"learned claim + class table hedges (C claim {cc:g})", table),
                             (f"learned claim + learned cue scorer (C cue {ch:g})", learned),
                             ("1.6 form refitted on the other two (class table)",
                              refit_v16(data.without_split(held))),
                             ("hand rules 1.6 (in-sample)", hand_rules)):
            claim, hedge = decide(test)
            counts = pr_counts(test.rows, claim, hedge)
            c_ok, c_pred, c_found, _ = counts[f"{held} claim"]
            h_ok, h_pred, h_found, _ = counts[f"{held} hedged"]
            vals = [c_ok / max(1, c_pred), c_found / max(1, gold_c), h_ok / max(1, h_pred), h_found / max(1, gold_h)]
            key = name.split(" (")[0]
            sums[key] = [a + b for a, b in zip(sums.get(key, [0.0] * 4), vals, strict=True)]
            lines.append(f"| {held} | {name} | {vals[0]:.3f} ({c_ok}/{c_pred}) | {vals[1]:.3f} ({c_found}/{gold_c}) | "
                         f"{vals[2]:.3f} ({h_ok}/{h_pred}) | {vals[3]:.3f} ({h_found}/{gold_h}) |")
    for key, vals in sums.items():
        lines.append(f"| sum of 3 | {key} | " + " | ".join(f"{v:.3f}" for v in vals) + " |")
    cue_s, claim_s, ch, cc = fit_both(data, options)
    return "\n".join(lines) + "\n", cue_s, claim_s, ch, cc


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", required=True, type=Path, help="the ptc-semeval2020-task11 folder")
    parser.add_argument("--annotations", type=Path, default=DEFAULT_ANNOTATIONS)
    parser.add_argument("--out", type=Path, default=MODEL_FILE, help="where to write the scorers (JSON)")
    parser.add_argument("--cache", type=Path, help="read/write the collected sentence rows here (JSON + .npy)")
    parser.add_argument("--no-cue-embedding", action="store_true",
                        help="leave the sentence embedding out of the cue scorer (not shipped)")
    parser.add_argument("--claim-embedding", action="store_true",
                        help="also give the claim scorer the sentence embedding (not shipped: CT24 falls)")


def main(args: argparse.Namespace) -> int:
    if args.cache is not None and args.cache.exists():
        data = load_dataset(args.cache)
    else:
        parts = []
        for split in SPLITS:
            path = args.annotations / f"{split}.jsonl"
            if not path.exists():
                print(f"train realnews-claims: no annotations at {path}", file=sys.stderr)
                return 2
            try:
                parts.append(collect(args.data, args.annotations, split))
            except (OSError, ValueError) as exc:  # a missing article file, a bad stand-off line
                print(f"train realnews-claims: {split}: {exc}", file=sys.stderr)
                return 2
        data = Dataset([r for p in parts for r in p.rows], np.concatenate([p.embeddings for p in parts]))
        if args.cache is not None:
            save_dataset(data, args.cache)
    options = Options(cue_embedding=not args.no_cue_embedding, claim_embedding=args.claim_embedding)
    table, cue_s, claim_s, ch, cc = report(data, args.annotations, options)
    rows = data.rows
    print(table, end="")
    obj: dict[str, Any] = {
        "about": "presslens claims analyzer real-news scorers; fitted by `presslens train realnews-claims` on "
                 "data/realnews dev+dev2+dev3 (PTC train articles, research use)",
        "hedge_cue": {**cue_s.to_json(), "C": ch},
        "claim": {**claim_s.to_json(), "C": cc},
        "rows": {s: sum(r.split == s for r in rows) for s in SPLITS},
    }
    _write_atomic(args.out, json.dumps(obj, indent=1) + "\n")
    print(f"wrote {args.out} (hedge cue C {ch:g}, claim C {cc:g})")
    return 0


if __name__ == "__main__":  # pragma: no cover
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_arguments(p)
    raise SystemExit(main(p.parse_args()))
