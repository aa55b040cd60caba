"""Fit the claims analyzer's real-news scorers (:mod:`presslens.analyzers.claims.scorers`), leave-one-split-out.

    presslens train realnews-claims --data ../shared/data/ptc-semeval2020-task11 [--out FILE] [--cache FILE]

Runs the claims analyzer's inputs (CheckThat! probability, sentence embedding) on every claim unit
(:mod:`presslens.analyzers.claims.units`) of the articles of the open real-news splits
(:data:`presslens.evaluation.realnews_selection.OPEN_SPLITS`; never the validation or test split), labels them with
the gold of ``data/realnews`` by the evaluation's rules, and fits two L2 logistic regressions:

- hedge cue candidates: positive when the unit matches a gold hedge (claim rule) and the cue overlaps one of its
  gold cue spans;
- claim units (furniture lines left out; the analyzer vetoes them): positive when the unit matches a gold claim.

The text inputs (furniture, forecast, cue candidates, features) are recomputed from the cached rows on every run
(:func:`refresh`), so only the CheckThat! probabilities and embeddings are cached.

Every choice is judged leave-one-split-out over the open splits: a setting (:class:`Options`) is fitted on all
but one split, its Cs chosen inside those (the cue scorer's by held-out log-loss; the claim scorer's by held-out
claim precision at 0.5 subject to recall: :func:`choose_claim_c`), and scored on the held-out split, for each
split. The report prints claim P / R / ECE and hedged P / R per held-out split, their sums, and the in-sample
sums; :data:`SHIPPED` is then fitted on all open splits and written. Deterministic (lbfgs, no sampling).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from presslens.analyzers.claims.scorers import (
    ARTICLE_FEATURES,
    CUE_CLASSES,
    CUE_CONTEXT_FEATURES,
    GENRE_CUE_CONTEXTS,
    MODEL_FILE,
    LinearScorer,
    article_profile,
    cue_feature_names,
    cue_features,
    cue_level_context,
    opinion_context,
    sentence_feature_names,
    sentence_feature_set,
    sentence_features,
    token_projection,
)
from presslens.encoder import DIM
from presslens.evaluation.counts import PrecisionRecallCounts
from presslens.evaluation.realnews_selection import OPEN_SPLITS, source_articles
from presslens.training.logistic import log_loss

SPLITS = OPEN_SPLITS
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
    vetoed: bool = False
    """vetoed at decision time by the claims option ``cue_veto`` (:func:`presslens.text.hedging.vetoed_claim_cue`;
    still a training candidate)"""
    vetoed26: bool = False
    """vetoed at decision time by the claims option ``cue_candidates=s26``
    (:func:`presslens.text.hedging.vetoed_claim_cue_s26`; still a training candidate)"""
    vetoed27: bool = False
    """vetoed at decision time by the claims option ``cue_candidates=s27``
    (:func:`presslens.text.hedging.vetoed_claim_cue_s27`; still a training candidate)"""
    vetoed29: tuple[str, ...] = ()
    """the readings of the claims option ``cue_readings`` (s29; ``name32`` since s32) that each veto it at decision
    time (:func:`presslens.text.hedging.readings_vetoing_s29`; still a training candidate)"""


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
    gold_cues: list[list[int]] = field(default_factory=list)
    """(start, end) of the gold cue spans of the matched gold hedges, relative to the sentence"""
    candidates: list[Candidate] = field(default_factory=list)
    features: dict[tuple[bool, bool], list[float]] = field(default_factory=dict)
    """claim scorer features (:func:`sentence_features`) by (extended markers, article profile) (not saved)"""
    cue_rows: list[list[float]] = field(default_factory=list)
    """cue scorer features of each candidate (not saved)"""


CueKey = tuple[str, str, int, int, int]
"""(split, article, unit index, start, end) of a cue candidate"""


def cue_token_states(text: str, sentences: Sequence[tuple[int, int]], units: Sequence[Sequence[int]],
                     token_states: Sequence[np.ndarray], token_offsets: Sequence[np.ndarray],
                     cues: Callable[[str], list[tuple[int, int, str]]]) -> list[dict[tuple[int, int], np.ndarray]]:
    """Per claim unit of an article (``text``, its ``sentences`` and ``units``, the encoder's per-sentence token
    states and character offsets into each sentence): the mean contextual state of the tokens that overlap each cue
    candidate ``cues(unit text)``, by the candidate's (start, end) in the unit (s30, helper hedge19). A candidate no
    token overlaps gets zeros."""
    out: list[dict[tuple[int, int], np.ndarray]] = []
    for unit in units:
        us, ue = sentences[unit[0]][0], sentences[unit[-1]][1]
        found: dict[tuple[int, int], np.ndarray] = {}
        for a, b, _ in cues(text[us:ue]):
            picked = [np.asarray(token_states[i][k], dtype=np.float64) for i in unit
                      for k, (o0, o1) in enumerate(np.asarray(token_offsets[i]).reshape(-1, 2).tolist())
                      if sentences[i][0] + o0 < us + b and sentences[i][0] + o1 > us + a and o1 > o0]
            dims = token_states[unit[0]].shape[-1] if len(token_states[unit[0]]) else DIM
            found[(a, b)] = np.mean(picked, axis=0) if picked else np.zeros(dims)
        out.append(found)
    return out


@dataclass
class Dataset:
    """Sentence rows and their sentence embeddings (one per row, the shared encoder's)."""

    rows: list[SentenceRow]
    embeddings: np.ndarray
    cue_tokens: dict[CueKey, np.ndarray] | None = None
    """the shared encoder's contextual state of each cue candidate (the mean of the states of the tokens that
    overlap it; s30, helper hedge19, :func:`cue_token_states`), by (split, article, unit index, start, end); None
    for a cache written before s30"""

    def subset(self, keep: Callable[[SentenceRow], bool]) -> Dataset:
        idx = [i for i, r in enumerate(self.rows) if keep(r)]
        return Dataset([self.rows[i] for i in idx], self.embeddings[idx], self.cue_tokens)

    def only_split(self, split: str) -> Dataset:
        return self.subset(lambda r: r.split == split)

    def without_split(self, split: str) -> Dataset:
        return self.subset(lambda r: r.split != split)


def collect(data: Path, annotations: Path, split: str) -> Dataset:
    """Every claim unit (:mod:`presslens.analyzers.claims.units`) of a split's articles with its CheckThat!
    probability, its embedding and its gold labels; the cheap text inputs come from :func:`refresh`."""
    from presslens.analyzers.base import Features
    from presslens.analyzers.claims.model import ClaimModel
    from presslens.analyzers.claims.units import claim_units, unit_embeddings, unit_probabilities, unit_ranges
    from presslens.evaluation.realnews import annotated_articles
    from presslens.evaluation.realnews_matching import mutual_overlap
    from presslens.pipeline import Pipeline
    from presslens.text.hedging import claim_cue_candidates

    if split not in SPLITS:
        raise ValueError(f"split {split!r}: only {', '.join(SPLITS)} are fitted on")
    pipeline = Pipeline(only=["claims"]).load()
    analyzer = next(a for a in pipeline.analyzers if a.name == "claims")
    model: ClaimModel = analyzer.model("claims")
    rows: list[SentenceRow] = []
    embeddings: list[np.ndarray] = []
    tokens: dict[CueKey, np.ndarray] = {}
    for record, article in annotated_articles(annotations / f"{split}.jsonl", data):
        encoded = Features(article, pipeline.encoder).encoded
        texts = article.sentence_texts()
        probs = model.scores(texts, encoded.sentence_embeddings, encoded.token_states,
                             encoded.stacked_token_states())
        emb = np.asarray(encoded.sentence_embeddings, dtype=np.float64).reshape(len(texts), -1)
        units = claim_units(article.text, article.sentences)
        ranges = unit_ranges(article.sentences, units)
        embeddings.append(unit_embeddings(emb, units))
        for index, found in enumerate(cue_token_states(article.text, article.sentences, units, encoded.token_states,
                                                       encoded.token_offsets, claim_cue_candidates)):
            for (a, b), vec in found.items():
                tokens[(split, str(record["id"]), index, a, b)] = vec
        claims = [tuple(c["span"]) for c in record["claims"]]
        hedges = [(tuple(h["claim"]), [tuple(c) for c in h["cues"]]) for h in record["hedges"]]
        for index, ((s, e), p) in enumerate(zip(ranges, unit_probabilities(probs.tolist(), units), strict=True)):
            gold_claims = [i for i, g in enumerate(claims) if mutual_overlap((s, e), g)]
            gold_hedges = [i for i, (g, _) in enumerate(hedges) if mutual_overlap((s, e), g)]
            cues = [[max(0, a - s), min(e, b) - s] for i in gold_hedges for a, b in hedges[i][1] if a < e and b > s]
            rows.append(SentenceRow(split, str(record["id"]), index, len(ranges), article.text[s:e], float(p), None,
                                    False, gold_claims, gold_hedges, cues))
    out = Dataset(rows, np.concatenate(embeddings) if embeddings else np.zeros((0, 0)), tokens)
    refresh(out)
    return out


CandidateRule = Callable[[str, bool], list[tuple[int, int, str]]]
"""a cue candidate function of the form of :func:`presslens.text.hedging.claim_cue_candidates` (text, wider)"""


def refresh(data: Dataset, wider_cues: bool = False, candidates: CandidateRule | None = None,
            table_shipped: bool = False) -> None:
    """Recompute each row's text inputs (furniture, forecast flag, cue candidates and their gold labels) with the
    code as it stands, so that the cached rows keep only what is slow to compute (``wider_cues``: the candidates
    of the claims option ``cue_candidates=1.12``; ``table_shipped``: the claim scorer's class-table feature reads the
    shipped candidates, not ``candidates``, so only the cue scorer sees them)."""
    from presslens.analyzers.claims.furniture import furniture_reason
    from presslens.evaluation.realnews_matching import overlap
    from presslens.text.hedging import (
        HEDGE_CLASS_SCORES,
        claim_cue_candidates,
        cue_class,
        readings_vetoing_s29,
        vetoed_claim_cue,
        vetoed_claim_cue_s26,
        vetoed_claim_cue_s27,
    )
    from presslens.text.prediction import forecast_cues

    for row in data.rows:
        row.furniture = furniture_reason(row.text)
        row.forecast = forecast_cues(row.text) is not None
        row.candidates = [
            Candidate(a, b, kind, cue_class(row.text, a, b, kind),
                      any(overlap((a, b), (c[0], c[1])) > 0 for c in row.gold_cues), vetoed_claim_cue(row.text, a, b),
                      vetoed_claim_cue_s26(row.text, a, b), vetoed_claim_cue_s27(row.text, a, b),
                      readings_vetoing_s29(row.text, a, b))
            for a, b, kind in (candidates or claim_cue_candidates)(row.text, wider_cues)
        ]
        table = (max((HEDGE_CLASS_SCORES[cue_class(row.text, a, b, k)]
                      for a, b, k in claim_cue_candidates(row.text, wider_cues)), default=0.0) if table_shipped
                 else max((HEDGE_CLASS_SCORES[c.cue_class] for c in row.candidates), default=0.0))
        row.features = {
            (extended, False): sentence_features(row.text, row.p, table, row.forecast, row.index, row.count,
                                                 extended)
            for extended in (False, True)
        }
        row.cue_rows = [cue_features(row.text, c.start, c.end, c.cue_class, row.p, row.index == 0,
                                     len(row.candidates)) for c in row.candidates]
    articles: dict[tuple[str, str], list[SentenceRow]] = {}
    for row in data.rows:
        articles.setdefault((row.split, row.article), []).append(row)
    for rows in articles.values():
        profile = article_profile([r.text for r in rows], [r.p for r in rows])
        for row in rows:
            for extended in (False, True):
                row.features[(extended, True)] = row.features[(extended, False)] + profile


def save_dataset(data: Dataset, path: Path) -> None:
    """Rows as JSON at ``path``, embeddings as ``path`` + ``.npy`` (numpy format, no pickle)."""
    unsaved = ("candidates", "features", "cue_rows")
    out = [{k: v for k, v in r.__dict__.items() if k not in unsaved} for r in data.rows]
    _write_atomic(path, json.dumps(out))
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".npy.tmp")
    with os.fdopen(fd, "wb") as fh:
        np.save(fh, data.embeddings, allow_pickle=False)
    os.replace(tmp, f"{path}.npy")
    if data.cue_tokens:
        keys = sorted(data.cue_tokens)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".cuetok.npz.tmp")
        with os.fdopen(fd, "wb") as fh:
            np.savez(fh, keys=np.asarray([[str(v) for v in k] for k in keys], dtype=str),
                     states=np.stack([data.cue_tokens[k] for k in keys]).astype(np.float32))
        os.replace(tmp, f"{path}.cuetok.npz")


def load_dataset(path: Path, wider_cues: bool = False, candidates: CandidateRule | None = None,
                 table_shipped: bool = False) -> Dataset:
    rows = []
    for obj in json.loads(path.read_text(encoding="utf-8")):
        for key in ("candidates", "features", "cue_rows"):
            obj.pop(key, None)
        rows.append(SentenceRow(**obj))
    tokens: dict[CueKey, np.ndarray] | None = None
    if Path(f"{path}.cuetok.npz").exists():
        with np.load(f"{path}.cuetok.npz", allow_pickle=False) as z:
            tokens = {(str(k[0]), str(k[1]), int(k[2]), int(k[3]), int(k[4])): v.astype(np.float64)
                      for k, v in zip(z["keys"].tolist(), z["states"], strict=True)}
    out = Dataset(rows, np.load(f"{path}.npy", allow_pickle=False), tokens)
    refresh(out, wider_cues, candidates, table_shipped)
    return out


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


# ------------------------------------------------------------------------------------------ design matrices


def cue_matrix(data: Dataset, extended: bool = True) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[int]]:
    """(features, embeddings, labels, row index) of every cue candidate (``extended``: with analyzer 1.8's
    context features)."""
    x: list[list[float]] = []
    y: list[int] = []
    where: list[int] = []
    for ri, r in enumerate(data.rows):
        names = cue_feature_names(extended)
        for c, row in zip(r.candidates, r.cue_rows, strict=True):
            x.append(row[: len(names)])
            y.append(int(c.gold_cue and bool(r.gold_hedges)))
            where.append(ri)
    names = cue_feature_names(extended)
    return (np.asarray(x, dtype=float).reshape(len(x), len(names)), data.embeddings[where], np.asarray(y),
            where)


ClaimFeatures = tuple[bool, bool]
"""(extended markers, article profile): the claim scorer's feature set (:func:`sentence_feature_names`)"""


def sentence_matrix(data: Dataset, feats: ClaimFeatures = (True, False)) -> tuple[np.ndarray, np.ndarray]:
    """(claim scorer features, labels) of every row; the hedge feature is the class table's best score."""
    x = [r.features[feats] for r in data.rows]
    y = [int(bool(r.gold_claims)) for r in data.rows]
    return np.asarray(x, dtype=float).reshape(len(x), len(sentence_feature_names(*feats))), np.asarray(y)


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



def split_weights(splits: list[str]) -> np.ndarray:
    """Sample weights that give every split the same total weight (their mean is 1): a split of many candidates
    (or of one genre) does not outweigh the others."""
    names = sorted(set(splits))
    count = {s: splits.count(s) for s in names}
    return np.asarray([len(splits) / (len(names) * count[s]) for s in splits], dtype=np.float64)


def lexicon_prior(x: np.ndarray) -> np.ndarray:
    """Per cue candidate, the logit of its class's score in the hedge lexicon's table
    (:data:`presslens.text.hedging.HEDGE_CLASS_SCORES`: "may/might/could" 0.70, "reportedly/allegedly" 0.90, ...),
    from the class columns (the first ``len(CUE_CLASSES)`` features of :func:`cue_feature_names`)."""
    return x[:, : len(CUE_CLASSES)] @ _class_logits()


def _class_logits() -> np.ndarray:
    from presslens.text.hedging import HEDGE_CLASS_SCORES

    return np.asarray([np.log(HEDGE_CLASS_SCORES[c] / (1.0 - HEDGE_CLASS_SCORES[c])) for c in CUE_CLASSES])


def fit_cue_scorer(x: np.ndarray, emb: np.ndarray | None, y: np.ndarray, c: float, names: list[str],
                   weights: np.ndarray | None = None, prior: bool = False,
                   identity_weight: float = 1.0) -> LinearScorer:
    """The cue scorer: :func:`fit_scorer`, or with per-candidate ``weights`` and/or the lexicon ``prior`` an L2
    logistic regression of the same form (``C * sum(w * log-loss) + |coef|^2 / 2``, L-BFGS from zero,
    deterministic) whose logit starts from :func:`lexicon_prior`: the L2 penalty then pulls the weights towards
    the lexicon's class scores rather than towards 0.5, so that a training mix of another genre moves the
    "may/could" scores less. The prior is folded into the class coefficients and the intercept, so the written
    scorer has the same form as any other. ``identity_weight``: the class and lemma columns
    (:data:`IDENTITY_PREFIXES`) are standardised to that spread instead of 1 (their scale divided by it), so their L2
    penalty is ``1 / identity_weight**2`` of the others'; the written scale carries it, so the form is unchanged."""
    if identity_weight != 1.0:
        if prior:
            raise ValueError("the identity weight and the lexicon prior are not combined")
        from sklearn.linear_model import LogisticRegression

        full = x if emb is None else np.hstack([x, emb])
        mean = full.mean(axis=0)
        scale = full.std(axis=0)
        scale[scale < 1e-9] = 1.0
        scale[[i for i, n in enumerate(names) if n.startswith(IDENTITY_PREFIXES)]] /= identity_weight
        lr = LogisticRegression(C=c, max_iter=5000).fit((full - mean) / scale, y, sample_weight=weights)
        return LinearScorer(tuple(names), mean, scale, lr.coef_[0].astype(np.float64), float(lr.intercept_[0]),
                            0 if emb is None else emb.shape[1])
    if weights is None and not prior:
        return fit_scorer(x, emb, y, c, names)
    from scipy.optimize import minimize

    full = x if emb is None else np.hstack([x, emb])
    mean = full.mean(axis=0)
    scale = full.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = (full - mean) / scale
    w = np.ones(len(y)) if weights is None else weights
    offset = lexicon_prior(x) if prior else np.zeros(len(y))
    target = y.astype(np.float64)

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        t = z @ theta[1:] + theta[0] + offset
        p = 1.0 / (1.0 + np.exp(-t))
        g = c * w * (p - target)
        value = c * float(np.sum(w * (np.logaddexp(0.0, t) - target * t))) + 0.5 * float(theta[1:] @ theta[1:])
        return value, np.concatenate([[g.sum()], z.T @ g + theta[1:]])

    res = minimize(loss, np.zeros(z.shape[1] + 1), jac=True, method="L-BFGS-B",
                   options={"maxiter": 15000, "gtol": 1e-8})
    coef = res.x[1:].copy()
    intercept = float(res.x[0])
    if prior:  # offset = sum_j logit_j * x_j = sum_j logit_j * (scale_j * z_j + mean_j)
        logits = _class_logits()
        k = len(CUE_CLASSES)
        coef[:k] += logits * scale[:k]
        intercept += float(logits @ mean[:k])
    return LinearScorer(tuple(names), mean, scale, coef, intercept, 0 if emb is None else emb.shape[1])


def cue_context_columns(data: Dataset, context: str, claim: list[float] | None = None) -> np.ndarray:
    """The extra cue columns of ``context`` (:data:`presslens.analyzers.claims.scorers.CUE_CONTEXT_FEATURES`; s28,
    helper hedge16), one row per cue candidate in :func:`cue_matrix` order: ``opinion`` the unit's opinion markers
    (:func:`presslens.analyzers.claims.scorers.opinion_context`), ``claim-score`` the logit of the unit's claim score
    ``claim`` (one per row of ``data``: out-of-fold for training rows, :func:`oof_claim_scores`), ``genre`` the
    article profile (:func:`presslens.analyzers.claims.scorers.article_profile`) of the unit's article."""
    from presslens.analyzers.claims.scorers import logit

    if context not in CUE_CONTEXT_FEATURES:
        raise ValueError(f"unknown cue context {context!r}")
    names = CUE_CONTEXT_FEATURES[context]
    projection = token_projection() if context == "genre-token" else np.zeros((0, 0))
    out: list[list[float]] = []
    for ri, r in enumerate(data.rows):
        if not r.candidates:
            continue
        if context == "opinion":
            row = opinion_context(r.text)
        elif context == "claim-score":
            if claim is None:
                raise ValueError("the claim-score context needs the units' claim scores")
            row = [logit(claim[ri])]
        elif context in GENRE_CUE_CONTEXTS and context != "genre":
            # s29-s30, helpers hedge18-20: the article profile, then the cue's position, the modal's context or the
            # verb that governs it (:func:`presslens.analyzers.claims.scorers.cue_level_context`)
            profile = r.features[(False, True)][-len(ARTICLE_FEATURES):]
            out.extend([list(profile) + cue_level_context(context, r.text, c.start, c.end) for c in r.candidates])
            continue
        elif context == "genre-token":  # s30, helper hedge19: the article profile, then the cue's token state
            if data.cue_tokens is None:
                raise ValueError("the genre-token context needs a rows cache with cue token states (s30)")
            profile = r.features[(False, True)][-len(ARTICLE_FEATURES):]
            keys = [(r.split, r.article, r.index, c.start, c.end) for c in r.candidates]
            missing = [k[3:] for k in keys if k not in data.cue_tokens]
            if missing:
                raise ValueError(f"the rows cache has no cue token state for article {r.article} ({r.split}), unit "
                                 f"{r.index}, cue candidates (start, end) {missing}: rebuild the cache")
            states = np.stack([data.cue_tokens[k] for k in keys])
            out.extend([list(profile) + v for v in (states @ projection).tolist()])
            continue
        else:
            row = r.features[(False, True)][-len(names):]
        out.extend([list(row)] * len(r.candidates))
    return np.asarray(out, dtype=np.float64).reshape(len(out), len(names))


def oof_claim_scores(train: Dataset, feats: ClaimFeatures, c: float) -> list[float]:
    """Per row of ``train``, its claim score (:func:`claim_scores_with`) from the claim scorer of C ``c`` fitted on
    the other splits of ``train``: the ``claim-score`` cue column is never fitted on its own rows' labels."""
    out = [0.0] * len(train.rows)
    for held in sorted({r.split for r in train.rows}):
        idx = [i for i, r in enumerate(train.rows) if r.split == held]
        scores = claim_scores_with(fit_claim(train.without_split(held), feats, c), train.only_split(held))
        for i, v in zip(idx, scores, strict=True):
            out[i] = v
    return out


IDENTITY_PREFIXES = ("class=", "lemma=")
"""the cue scorer's identity columns (:func:`presslens.analyzers.claims.scorers.cue_feature_names`)"""


def cue_training_rows(data: Dataset, claims_only: bool) -> Dataset:
    """The rows whose cue candidates the cue scorer is fitted on (``claims_only``: units matching a gold claim)."""
    return data.subset(lambda r: bool(r.gold_claims)) if claims_only else data


def _fit_cue(train: Dataset, options: Options, c: float, claim: list[float] | None = None) -> LinearScorer:
    """The cue scorer of ``options`` (not bagged, no class offsets) fitted on ``train`` with C ``c`` (``claim``: the
    out-of-fold claim scores of ``train``'s rows, for the ``claim-score`` context)."""
    if options.cue_context and options.cue_claims_only:
        raise ValueError(f"cue context {options.cue_context!r} ({options.name}): a cue context and the claims-only "
                         "fit are not combined")
    rows = cue_training_rows(train, options.cue_claims_only)
    x, emb, y, where = cue_matrix(rows, options.cue_extended)
    names = cue_feature_names(options.cue_extended)
    if options.cue_context:
        x = np.hstack([x, cue_context_columns(rows, options.cue_context, claim)])
        names = names + list(CUE_CONTEXT_FEATURES[options.cue_context])
    scorer = fit_cue_scorer(x, emb if options.cue_embedding else None, y, c, names,
                            cue_weights(rows, where, options.cue_split_weights), options.cue_prior,
                            options.cue_identity_weight)
    return scorer


def class_offsets(train: Dataset, options: Options, c: float) -> np.ndarray:
    """Per cue class (:data:`CUE_CLASSES` order), the logit offset ``b`` that minimises the log-loss of
    ``sigmoid(l + b[class])`` over the candidates of ``train``, ``l`` each candidate's out-of-fold logit (the cue
    scorer of ``options`` fitted on the other training splits), plus ``options.cue_class_offsets * |b|^2 / 2``
    (L-BFGS from zero, deterministic): a per-class recalibration of the strongly shrunk scorer, learned only from
    splits the scorer did not see."""
    from scipy.optimize import minimize

    logits: list[np.ndarray] = []
    classes: list[np.ndarray] = []
    labels: list[np.ndarray] = []
    for held in sorted({r.split for r in train.rows}):
        scorer = _fit_cue(train.without_split(held), options, c)
        x, emb, y, _ = cue_matrix(train.only_split(held), options.cue_extended)
        if not len(y):
            continue
        p = np.clip(scorer.probabilities(x, emb if options.cue_embedding else None), 1e-9, 1 - 1e-9)
        logits.append(np.log(p / (1.0 - p)))
        classes.append(x[:, : len(CUE_CLASSES)])
        labels.append(y.astype(np.float64))
    if not logits:
        return np.zeros(len(CUE_CLASSES))
    lg, cl, yy = np.concatenate(logits), np.vstack(classes), np.concatenate(labels)
    lam = options.cue_class_offsets

    def loss(b: np.ndarray) -> tuple[float, np.ndarray]:
        t = lg + cl @ b
        p = 1.0 / (1.0 + np.exp(-t))
        value = float(np.sum(np.logaddexp(0.0, t) - yy * t)) + 0.5 * lam * float(b @ b)
        return value, cl.T @ (p - yy) + lam * b

    res = minimize(loss, np.zeros(len(CUE_CLASSES)), jac=True, method="L-BFGS-B",
                   options={"maxiter": 5000, "gtol": 1e-8})
    return np.asarray(res.x, dtype=np.float64)


def with_class_offsets(scorer: LinearScorer, offsets: np.ndarray) -> LinearScorer:
    """``scorer`` with ``offsets[k]`` added to the logit of every candidate of class ``k`` (the class columns are
    the first ``len(CUE_CLASSES)`` features), folded into its class coefficients and intercept: the same form."""
    k = len(CUE_CLASSES)
    coef = scorer.coef.copy()
    coef[:k] += offsets * scorer.scale[:k]
    return LinearScorer(scorer.names, scorer.mean, scorer.scale, coef,
                        scorer.intercept + float(offsets @ scorer.mean[:k]), scorer.embedding_dims)


def bagged_cue_scorer(train: Dataset, c: float, extended: bool) -> LinearScorer:
    """The mean, in logit space, of the cue scorers (with the embedding) fitted on ``train`` without each of its
    splits in turn, written as one scorer of the usual form (standardised by the mean and spread of all of
    ``train``): a stabiliser tried at s25 (model card), not shipped."""
    names = cue_feature_names(extended)
    ws: list[np.ndarray] = []
    bs: list[float] = []
    for held in sorted({r.split for r in train.rows}):
        x, e, y, _ = cue_matrix(train.without_split(held), extended)
        s = fit_scorer(x, e, y, c, names)
        w = s.coef / s.scale
        ws.append(w)
        bs.append(s.intercept - float(w @ s.mean))
    x, e, _, _ = cue_matrix(train, extended)
    full = np.hstack([x, e])
    mean = full.mean(axis=0)
    scale = full.std(axis=0)
    scale[scale < 1e-9] = 1.0
    w = np.mean(ws, axis=0)
    return LinearScorer(tuple(names), mean, scale, w * scale, float(np.mean(bs)) + float(w @ mean), e.shape[1])


def cue_weights(data: Dataset, where: list[int], by_split: bool) -> np.ndarray | None:
    return split_weights([data.rows[i].split for i in where]) if by_split else None


# ------------------------------------------------------------------------------------------ decision rule


def pr_counts(rows: list[SentenceRow], claim: list[float], hedge: list[float]) -> dict[str, PrecisionRecallCounts]:
    """The counts of claims and hedged claims (gold: the gold items some sentence matches), by the evaluation's
    rules (asserted: claim score >= 0.5; hedged: also hedge score >= 0.5), per split: ``"<split> claim"`` and
    ``"<split> hedged"``."""
    out: dict[str, PrecisionRecallCounts] = {}
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
            out[f"{split} {kind}"] = PrecisionRecallCounts(predicted=predicted, correct=correct, gold=len(gold),
                                                           found=len(found))
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


def hedge_scores_with(scorer: LinearScorer, data: Dataset, veto: bool = False, s26: bool = False,
                      s27: bool = False, context: np.ndarray | None = None,
                      readings: tuple[str, ...] = ()) -> list[float]:
    """Per sentence, the best cue probability (0 without a candidate; ``veto``: vetoed candidates count 0; ``s26``
    / ``s27``: the decision-time rules of the claims option ``cue_candidates=s26`` / ``s27``, as
    :func:`score_sentences`; ``context``: the scorer's extra columns, :func:`cue_context_columns`; ``readings``: the
    readings of the claims option ``cue_readings``, s29)."""
    from presslens.analyzers.claims.scorers import cue_feature_set
    from presslens.text.hedging import (
        HEDGE_CLASS_SCORES,
        claim_cue_additions,
        claim_cue_additions_s27,
        claim_cue_additions_s29,
    )

    if context is None:  # a scorer with context columns (the shipped file since claims 1.15) gets them computed
        try:
            _, named_context = cue_feature_set(scorer.names)
        except ValueError:  # a trainer-only feature set (e.g. the ``claim-score`` screen): its caller passes context
            named_context = ""
        if named_context:
            context = cue_context_columns(data, named_context)
    extra = 0 if context is None else context.shape[1]
    x, emb, _, where = cue_matrix(data, len(scorer.names) - extra != len(cue_feature_names(False)))
    if context is not None:
        x = np.hstack([x, context])
    out = [0.0] * len(data.rows)
    if where:
        vetoed = [(c.vetoed and veto) or (c.vetoed26 and s26) or (c.vetoed27 and s27) or any(name in readings for name in c.vetoed29)
                  for r in data.rows for c in r.candidates]
        for ri, p, v in zip(where, scorer.probabilities(x, emb).tolist(), vetoed, strict=True):
            out[ri] = max(out[ri], 0.0 if v else p)
    if s26 or s27:
        additions = claim_cue_additions_s27 if s27 else claim_cue_additions
        for ri, r in enumerate(data.rows):
            added = additions(r.text, [(c.start, c.end, c.kind) for c in r.candidates])
            out[ri] = max([out[ri], *(HEDGE_CLASS_SCORES[name] for _, _, name in added)])
    if readings:
        for ri, r in enumerate(data.rows):
            added = claim_cue_additions_s29(r.text, [(c.start, c.end, c.kind) for c in r.candidates], readings)
            out[ri] = max([out[ri], *(HEDGE_CLASS_SCORES[name] for _, _, name in added)])
    return out


def table_hedge_scores(data: Dataset) -> list[float]:
    """Per sentence, the best class score of its cue candidates (:data:`presslens.text.hedging.HEDGE_CLASS_SCORES`;
    0 without a candidate): the claim scorer's hedge feature."""
    from presslens.text.hedging import HEDGE_CLASS_SCORES

    return [max((HEDGE_CLASS_SCORES[c.cue_class] for c in r.candidates), default=0.0) for r in data.rows]


def claim_scores_with(scorer: LinearScorer, data: Dataset) -> list[float]:
    """The scorer's claim probability of every row, furniture lines x ``FURNITURE_FACTOR`` (as the analyzer)."""
    from presslens.analyzers.claims.analyzer import FURNITURE_FACTOR

    x, _ = sentence_matrix(data, sentence_feature_set(scorer.names))
    probs = scorer.probabilities(x).tolist() if data.rows else []
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


def choose_cue_c(train: Dataset, embedding: bool, extended: bool, by_split: bool = False,
                 prior: bool = False) -> float:
    """The cue scorer's C of :data:`C_GRID` with the lowest summed held-out log-loss over the leave-one-split-out
    folds of ``train`` (``by_split``: each training split weighted the same; ``prior``: the lexicon prior)."""
    names = cue_feature_names(extended)
    splits = sorted({r.split for r in train.rows})
    best_c, best_loss = C_GRID[0], float("inf")
    for c in C_GRID:
        loss = 0.0
        for held in splits:
            inner = train.without_split(held)
            x_tr, e_tr, y_tr, w_tr = cue_matrix(inner, extended)
            x_te, e_te, y_te, _ = cue_matrix(train.only_split(held), extended)
            if len(y_te) == 0 or len(set(y_tr.tolist())) < 2:
                continue
            scorer = fit_cue_scorer(x_tr, e_tr if embedding else None, y_tr, c, names,
                                    cue_weights(inner, w_tr, by_split), prior)
            loss += log_loss(y_te, scorer.probabilities(x_te, e_te if embedding else None))
        if loss < best_loss:
            best_c, best_loss = c, loss
    return best_c


def fit_claim(train: Dataset, feats: ClaimFeatures, c: float) -> LinearScorer:
    """The claim scorer fitted on the rows of ``train`` that are not furniture (the analyzer vetoes those)."""
    x, y = sentence_matrix(train.subset(lambda r: r.furniture is None), feats)
    return fit_scorer(x, None, y, c, sentence_feature_names(*feats))


def claim_c_table(train: Dataset, feats: ClaimFeatures) -> dict[float, tuple[float, float, float]]:
    """For each C of :data:`C_GRID`: (summed held-out log-loss, summed held-out claim precision at 0.5, summed
    held-out claim recall) over the leave-one-split-out folds of ``train``."""
    splits = sorted({r.split for r in train.rows})
    out: dict[float, tuple[float, float, float]] = {}
    for c in C_GRID:
        loss = p_sum = r_sum = 0.0
        for held in splits:
            scorer = fit_claim(train.without_split(held), feats, c)
            test = train.only_split(held)
            pool = test.subset(lambda r: r.furniture is None)
            x, y = sentence_matrix(pool, feats)
            loss += log_loss(y, scorer.probabilities(x))
            claim = claim_scores_with(scorer, test)
            counts = pr_counts(test.rows, claim, claim)[f"{held} claim"]
            p_sum += counts.correct / max(1, counts.predicted)
            r_sum += counts.found / max(1, counts.gold)
        out[c] = (loss, p_sum, r_sum)
    return out


def choose_claim_c(table: dict[float, tuple[float, float, float]], by: str) -> float:
    """``by`` "log-loss": the C of the lowest held-out log-loss. ``by`` "precision": of the Cs whose summed
    held-out precision is at least the log-loss choice's and whose summed recall falls by no more than half of
    that rise (the ship rule), the one of the highest precision."""
    by_loss = min(C_GRID, key=lambda c: (table[c][0], c))
    if by == "log-loss":
        return by_loss
    _, p0, r0 = table[by_loss]
    allowed = [c for c in C_GRID if table[c][1] >= p0 and r0 - table[c][2] <= (table[c][1] - p0) / 2.0]
    return max(allowed, key=lambda c: (round(table[c][1], 9), -abs(np.log(c / by_loss))))


@dataclass(frozen=True)
class Options:
    """A setting of both scorers (the report compares several, each chosen inside the training folds)."""

    name: str
    extended: bool = True
    choose_by: str = "precision"
    cue_embedding: bool = True
    cue_extended: bool = True
    """the cue scorer with analyzer 1.8's context features"""
    article: bool = False
    """the claim scorer with the article profile of analyzer 1.9 (:func:`presslens.analyzers.claims.scorers.
    article_profile`)"""
    offset: bool = False
    """lower the claim scorer's intercept by the offset of :data:`OFFSETS` chosen inside the training folds by the
    ship rule (precision up, recall down by no more than half of that)"""
    hedge_lifts_claim: bool = False
    """a sentence whose best cue the cue scorer asserts is asserted as a claim too (claim score = the higher of
    the two), so that a hedge is not lost to the claim gate"""
    cue_split_weights: bool = False
    """the cue scorer fitted with every training split weighted the same (:func:`split_weights`; analyzer 1.12)"""
    cue_prior: bool = False
    """the cue scorer's L2 penalty pulls towards the hedge lexicon's class scores (:func:`lexicon_prior`; 1.12)"""
    cue_c: float | None = None
    """a fixed C for the cue scorer instead of the one chosen inside the training folds (the s25 screens: every
    fold chose 0.01)"""
    cue_bagged: bool = False
    """the cue scorer is the mean (in logit space) of the scorers fitted leave-one-split-out inside the training
    splits, folded into one linear scorer (:func:`bagged_cue_scorer`; s25, not shipped)"""
    cue_veto: bool = False
    """cue candidates of :func:`presslens.text.hedging.vetoed_claim_cue` score 0 at decision time (the claims option
    ``cue_veto``, s25); the scorers are fitted as without it"""
    cue_s26: bool = False
    """the decision-time cue rules of the claims option ``cue_candidates=s26`` (s26): the cues of
    :func:`presslens.text.hedging.claim_cue_additions` score their class's fixed score, the candidates of
    :func:`presslens.text.hedging.vetoed_claim_cue_s26` score 0; the scorers are fitted as without it"""
    cue_s27: bool = False
    """the decision-time cue rules of the claims option ``cue_candidates=s27`` (s27, helper hedge14):
    :func:`presslens.text.hedging.claim_cue_additions_s27` and :func:`presslens.text.hedging.vetoed_claim_cue_s27`,
    as ``cue_s26``; the scorers are fitted as without it"""
    cue_readings: tuple[str, ...] = ()
    """the readings (of :data:`presslens.text.hedging.READINGS_S29` and ``READINGS_S32``) of the claims option
    ``cue_readings`` (s29, helper hedge17; ``name32``: s32, helper hedge22): candidates of :func:`presslens.text.hedging.vetoed_claim_cue_s29` score 0, the cues of
    :func:`presslens.text.hedging.claim_cue_additions_s29` their class's fixed score; the scorers are fitted as
    without it"""
    cue_identity_weight: float = 1.0
    """the cue's identity columns (its class and lemma, :data:`IDENTITY_PREFIXES`) enter the fit multiplied by this
    after standardisation, so their L2 penalty is ``1 / weight**2`` of the other features' (s27, helper hedge15;
    screen ``identity``): the cue word itself is shrunk less than the 384 embedding dimensions"""
    cue_class_offsets: float = 0.0
    """with a value > 0: per cue class, a logit offset fitted on the out-of-fold cue logits of the training splits
    (leave-one-split-out inside them) with an L2 penalty of this strength, folded into the class coefficients
    (:func:`class_offsets`; s27, helper hedge15, screen ``class-calibrated``)"""
    cue_claims_only: bool = False
    """the cue scorer fitted only on the candidates of claim units that match a gold claim: P(the cue hedges | the
    unit is a claim), since the decision already takes the minimum with the claim score (s27, helper hedge15,
    screen ``conditional``)"""
    cue_context: str = ""
    """a key of :data:`presslens.analyzers.claims.scorers.CUE_CONTEXT_FEATURES`: the cue scorer gets those extra
    columns of the cue's unit (:func:`cue_context_columns`; s28, helper hedge16, screens ``opinion``,
    ``claim-score``, ``genre``): an opinion sentence told from a reported or factual one"""


SHIPPED = Options("1.12: 1.11 setting refitted on the open splits", extended=False)
"""Analyzer 1.12 (issue 13 s24): analyzer 1.9's setting (13 claim features, C by held-out precision; the cue scorer
with its context features and the sentence embedding, C by held-out log-loss) refitted on the seven open splits: a
refit, not a new change (refitted on the eight open splits at s25, on the nine at s26, on the ten at s27, on the eleven
at s28 and on the twelve at s29: same method; since claims 1.15 the shipped file is this setting with the ``genre`` cue context,
:func:`written_setting`). Analyzer
1.11 kept it against other cue feature sets and thresholds over six splits; 1.12 judged, over seven, a cue scorer
with every split weighted the same and one pulled towards the lexicon's class scores (model card 1.12): both lose
more held-out hedged recall than half their precision gain. The article profile stays an option (1.11 and s26:
audit B's wrong asserted claims rose with it; at s26 it passed the nine-fold held-out gate)."""
VETO = Options("+ cue veto (s25)", extended=False, cue_veto=True)
"""the claims option ``cue_veto`` (s25): "ostensibly" and "reports suggest / indicate" vetoed at decision time"""
COMPARED = (
    SHIPPED,
    Options("+ article profile (option)", extended=False, article=True),
    VETO,
)
CUE_VARIANTS = (
    Options("+ cue split weights (not shipped)", extended=False, cue_split_weights=True),
    Options("+ cue lexicon prior (not shipped)", extended=False, cue_prior=True),
    Options("+ cue split weights + lexicon prior (not shipped)", extended=False, cue_split_weights=True,
            cue_prior=True),
)
"""cue scorer settings judged against :data:`SHIPPED` at analyzer 1.12 (``--cue-variants``; slow)"""


@dataclass
class Fitted:
    options: Options
    cue: LinearScorer
    claim: LinearScorer
    c_cue: float
    c_claim: float
    claim_offset: float = 0.0

    def decide(self, data: Dataset) -> tuple[list[float], list[float]]:
        """(claim score, hedge score) of every row by the analyzer's rule."""
        claim = claim_scores_with(self.claim, data)
        context = (cue_context_columns(data, self.options.cue_context, claim) if self.options.cue_context
                   else None)
        cue = hedge_scores_with(self.cue, data, self.options.cue_veto, self.options.cue_s26, self.options.cue_s27,
                                context, self.options.cue_readings)
        if self.options.hedge_lifts_claim:
            claim = [c if r.furniture is not None else max(c, h) for c, h, r in zip(claim, cue, data.rows,
                                                                                     strict=True)]
        return claim, [min(c, h) for c, h in zip(claim, cue, strict=True)]


_FITS: dict[tuple[Any, ...], Any] = {}
"""fits already made in this run, by (what, training splits, option): the compared settings share them"""


def fit_both(train: Dataset, options: Options) -> Fitted:
    """Fit the cue scorer and the claim scorer, the C of each chosen by leave-one-split-out inside ``train``."""
    splits = (len(train.rows), *sorted({r.split for r in train.rows}))
    feats = (options.extended, options.article)
    key = ("claim table", *splits, *feats)
    if key not in _FITS:
        _FITS[key] = claim_c_table(train, feats)
    c_claim = choose_claim_c(_FITS[key], options.choose_by)
    key = ("cue", *splits, options.cue_embedding, options.cue_extended, options.cue_split_weights,
           options.cue_prior, options.cue_c, options.cue_bagged, options.cue_identity_weight,
           options.cue_class_offsets, options.cue_claims_only, options.cue_context,
           *feats, c_claim if options.cue_context == "claim-score" else None)
    if key not in _FITS:
        if options.cue_context and (options.cue_c is None or options.cue_bagged or options.cue_class_offsets > 0):
            raise ValueError(f"cue context {options.cue_context!r} ({options.name}) needs a fixed cue C and the plain "
                             "fit (the s28 screens)")
        c_cue = options.cue_c if options.cue_c is not None else choose_cue_c(
            train, options.cue_embedding, options.cue_extended, options.cue_split_weights, options.cue_prior)
        if options.cue_bagged:
            _FITS[key] = (bagged_cue_scorer(train, c_cue, options.cue_extended), c_cue)
        else:
            oof = oof_claim_scores(train, feats, c_claim) if options.cue_context == "claim-score" else None
            _FITS[key] = (_fit_cue(train, options, c_cue, oof), c_cue)
            if options.cue_class_offsets > 0:
                _FITS[key] = (with_class_offsets(_FITS[key][0], class_offsets(train, options, c_cue)), c_cue)
    cue, c_cue = _FITS[key]
    claim = fit_claim(train, feats, c_claim)
    offset = choose_offset(train, feats, c_claim) if options.offset else 0.0
    return Fitted(options, cue, shifted(claim, offset), c_cue, c_claim, offset)


OFFSETS = (0.0, 0.25, 0.5, 0.75, 1.0, 1.5)


def shifted(scorer: LinearScorer, offset: float) -> LinearScorer:
    return LinearScorer(scorer.names, scorer.mean, scorer.scale, scorer.coef, scorer.intercept - offset,
                        scorer.embedding_dims)


def choose_offset(train: Dataset, feats: ClaimFeatures, c: float) -> float:
    """Of :data:`OFFSETS`, the one of the highest summed held-out claim precision (leave-one-split-out inside
    ``train``) whose summed recall falls by no more than half of its precision rise over no offset."""
    splits = sorted({r.split for r in train.rows})
    sums = {d: [0.0, 0.0] for d in OFFSETS}
    for held in splits:
        scorer = fit_claim(train.without_split(held), feats, c)
        test = train.only_split(held)
        for d in OFFSETS:
            claim = claim_scores_with(shifted(scorer, d), test)
            counts = pr_counts(test.rows, claim, claim)[f"{held} claim"]
            sums[d][0] += counts.correct / max(1, counts.predicted)
            sums[d][1] += counts.found / max(1, counts.gold)
    p0, r0 = sums[0.0]
    allowed = [d for d in OFFSETS if sums[d][0] >= p0 and r0 - sums[d][1] <= (sums[d][0] - p0) / 2.0]
    return max(allowed, key=lambda d: (round(sums[d][0], 9), -d))


def expected_calibration_error(claim: list[float], rows: list[SentenceRow]) -> float:
    """ECE (10 equal-width bins) of the claim findings the analyzer emits (score >= ``EMIT_AT``), as the
    evaluation's calibration table computes it."""
    from presslens.analyzers.claims.calibration import EMIT_AT
    from presslens.evaluation.realnews_calibration import calibration

    return calibration([(c, bool(r.gold_claims)) for c, r in zip(claim, rows, strict=True) if c >= EMIT_AT]).ece


METRICS = ("claim P", "claim R", "claim ECE", "hedged P", "hedged R")


def score_split(data: Dataset, held: str, annotations: Path, claim: list[float], hedge: list[float]) -> list[float]:
    counts = pr_counts(data.rows, claim, hedge)
    gold_c, gold_h = gold_totals(annotations, held)
    c, h = counts[f"{held} claim"], counts[f"{held} hedged"]
    return [c.correct / max(1, c.predicted), c.found / max(1, gold_c), expected_calibration_error(claim, data.rows),
            h.correct / max(1, h.predicted), h.found / max(1, gold_h)]


def report(data: Dataset, annotations: Path, compared: tuple[Options, ...] = COMPARED) -> str:
    """The held-out table (markdown): each setting fitted on all open splits but one (its Cs chosen inside them)
    and scored on the one left out, for each open split; then the sums, and the in-sample numbers (fitted on all
    open splits)."""
    head = "| held-out split | setting | C cue / C claim | " + " | ".join(METRICS) + " |"
    lines = [head, "|" + "---|" * (3 + len(METRICS))]
    sums: dict[str, list[float]] = {}
    for held in SPLITS:
        test = data.only_split(held)
        for options in compared:
            fitted = fit_both(data.without_split(held), options)
            vals = score_split(test, held, annotations, *fitted.decide(test))
            sums[options.name] = [a + b for a, b in zip(sums.get(options.name, [0.0] * len(vals)), vals,
                                                        strict=True)]
            lines.append(f"| {held} | {options.name} | {fitted.c_cue:g} / {fitted.c_claim:g}"
                         f"{'' if not options.offset else f' (offset {fitted.claim_offset:g})'} | "
                         + " | ".join(f"{v:.3f}" for v in vals) + " |")
        vals = score_split(test, held, annotations, *hand_rules(test))
        sums["hand rules 1.6 (dev-fitted)"] = [a + b for a, b in zip(sums.get("hand rules 1.6 (dev-fitted)",
                                                                              [0.0] * len(vals)), vals, strict=True)]
    for name, vals in sums.items():
        lines.append(f"| sum of {len(SPLITS)} held out | {name} | | " + " | ".join(f"{v:.3f}" for v in vals) + " |")
    for options in compared:
        fitted = fit_both(data, options)
        claim, hedge = fitted.decide(data)
        vals = [0.0] * len(METRICS)
        for held in SPLITS:
            idx = [i for i, r in enumerate(data.rows) if r.split == held]
            one = score_split(data.only_split(held), held, annotations, [claim[i] for i in idx],
                              [hedge[i] for i in idx])
            vals = [a + b for a, b in zip(vals, one, strict=True)]
        lines.append(f"| sum of {len(SPLITS)} in-sample | {options.name} | {fitted.c_cue:g} / {fitted.c_claim:g} | "
                     + " | ".join(f"{v:.3f}" for v in vals) + " |")
    return "\n".join(lines) + "\n"


#: cue feature sets compared by :func:`cue_report` (names of :func:`cue_feature_names`, with the embedding or not)
_CUE_GENERAL = ["modal + have", "negated", "in quote", "question", "first person", "second person", "conditional before",
                "headline", "claim logit"]


def cue_feature_sets() -> dict[str, tuple[list[str], bool]]:
    """The cue feature sets :func:`cue_report` compares: name -> (feature names, with the sentence embedding)."""
    full, base = cue_feature_names(True), cue_feature_names(False)
    classes = [n for n in full if n.startswith("class=")]
    lemmas = [n for n in full if n.startswith("lemma=")]
    return {
        "stop 21: class, lemma, 17 general + embedding": (base, True),
        "stop 22 (shipped): + 7 context features": (full, True),
        "stop 21 set, no embedding": (base, False),
        "stop 22 set, no embedding": (full, False),
        "class + lemma + 9 general, no embedding": (classes + lemmas + _CUE_GENERAL, False),
        "class + lemma + 9 general + embedding": (classes + lemmas + _CUE_GENERAL, True),
        "class + lemma + claim logit, no embedding": (classes + lemmas + ["claim logit"], False),
        "class + 9 general, no embedding": (classes + _CUE_GENERAL, False),
    }


def _cue_columns(data: Dataset, names: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[int]]:
    x, emb, y, where = cue_matrix(data, True)
    full = cue_feature_names(True)
    return x[:, [full.index(n) for n in names]], emb, y, where


def _cue_fit(train: Dataset, names: list[str], embedding: bool, c: float) -> LinearScorer:
    x, emb, y, _ = _cue_columns(train, names)
    return fit_scorer(x, emb if embedding else None, y, c, names)


def _cue_probs(scorer: LinearScorer, data: Dataset, names: list[str], embedding: bool) -> list[float]:
    x, emb, _, where = _cue_columns(data, names)
    out = [0.0] * len(data.rows)
    for ri, p in zip(where, scorer.probabilities(x, emb if embedding else None).tolist(), strict=True):
        out[ri] = max(out[ri], p)
    return out


def _hedged_pr(data: Dataset, split: str, annotations: Path, claim: list[float], cue: list[float],
               threshold: float = ASSERTED) -> tuple[float, float]:
    hedge = [c if h >= threshold else 0.0 for c, h in zip(claim, cue, strict=True)]
    counts = pr_counts(data.rows, claim, hedge)[f"{split} hedged"]
    return counts.correct / max(1, counts.predicted), counts.found / max(1, gold_totals(annotations, split)[1])


THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)


def cue_report(data: Dataset, annotations: Path) -> str:
    """Leave-one-split-out over the open splits (analyzer 1.11, model card): (1) held-out hedged P / R per split of
    each cue feature set of :func:`cue_feature_sets` (C by held-out log-loss inside the training splits, claim
    scorer by the shipped method), with the sums, the standard deviation over the folds and the summed held-out
    log-loss of the cue candidates; (2) for the shipped cue features, held-out hedged P / R at each cue threshold of
    :data:`THRESHOLDS`, and the threshold each fold's training splits choose by the ship rule against 0.5."""
    from presslens.training.logistic import log_loss

    lines = ["| cue features | " + " | ".join(SPLITS) + " | sum P / R | sd P / R | log-loss |",
             "|---|" + "---|" * (len(SPLITS) + 3)]
    claims = {h: claim_scores_with(fit_both(data.without_split(h), SHIPPED).claim, data.only_split(h)) for h in SPLITS}
    for name, (names, embedding) in cue_feature_sets().items():
        p_r: list[tuple[float, float]] = []
        loss = 0.0
        for held in SPLITS:
            train, test = data.without_split(held), data.only_split(held)
            best = (float("inf"), C_GRID[0])
            for c in C_GRID:
                inner = 0.0
                for inner_held in sorted({r.split for r in train.rows}):
                    scorer = _cue_fit(train.without_split(inner_held), names, embedding, c)
                    x, emb, y, _ = _cue_columns(train.only_split(inner_held), names)
                    inner += log_loss(y, scorer.probabilities(x, emb if embedding else None))
                best = min(best, (inner, c))
            scorer = _cue_fit(train, names, embedding, best[1])
            x, emb, y, _ = _cue_columns(test, names)
            loss += log_loss(y, scorer.probabilities(x, emb if embedding else None))
            p_r.append(_hedged_pr(test, held, annotations, claims[held], _cue_probs(scorer, test, names, embedding)))
        ps, rs = np.array([p for p, _ in p_r]), np.array([r for _, r in p_r])
        lines.append(f"| {name} | " + " | ".join(f"{p:.3f} / {r:.3f}" for p, r in p_r)
                     + f" | {ps.sum():.3f} / {rs.sum():.3f} | {ps.std(ddof=1):.3f} / {rs.std(ddof=1):.3f} | {loss:.1f} |")
    names, embedding = cue_feature_names(SHIPPED.cue_extended), SHIPPED.cue_embedding
    lines += ["", "| held-out split | chosen on the other splits | " + " | ".join(f"{t:g}" for t in THRESHOLDS) + " |",
              "|---|---|" + "---|" * len(THRESHOLDS)]
    sums = {t: [0.0, 0.0] for t in THRESHOLDS}
    nested = [0.0, 0.0]
    for held in SPLITS:
        train, test = data.without_split(held), data.only_split(held)
        c = choose_cue_c(train, embedding, SHIPPED.cue_extended)
        inner_sums = {t: [0.0, 0.0] for t in THRESHOLDS}
        for inner_held in sorted({r.split for r in train.rows}):
            inner_train, inner_test = train.without_split(inner_held), train.only_split(inner_held)
            scorer = _cue_fit(inner_train, names, embedding, c)
            claim = claim_scores_with(fit_both(inner_train, SHIPPED).claim, inner_test)
            cue = _cue_probs(scorer, inner_test, names, embedding)
            for t in THRESHOLDS:
                p, r = _hedged_pr(inner_test, inner_held, annotations, claim, cue, t)
                inner_sums[t][0] += p
                inner_sums[t][1] += r
        p0, r0 = inner_sums[ASSERTED]
        allowed = [t for t in THRESHOLDS
                   if inner_sums[t][0] >= p0 and r0 - inner_sums[t][1] <= (inner_sums[t][0] - p0) / 2.0]
        chosen = max(allowed, key=lambda t: (round(inner_sums[t][0], 9), -abs(t - ASSERTED)))
        scorer = _cue_fit(train, names, embedding, c)
        cue = _cue_probs(scorer, test, names, embedding)
        row = {t: _hedged_pr(test, held, annotations, claims[held], cue, t) for t in THRESHOLDS}
        for t in THRESHOLDS:
            sums[t][0] += row[t][0]
            sums[t][1] += row[t][1]
        nested[0] += row[chosen][0]
        nested[1] += row[chosen][1]
        lines.append(f"| {held} | {chosen:g} | " + " | ".join(f"{row[t][0]:.3f} / {row[t][1]:.3f}" for t in THRESHOLDS)
                     + " |")
    lines.append(f"| sum | {nested[0]:.3f} / {nested[1]:.3f} (nested) | "
                 + " | ".join(f"{sums[t][0]:.3f} / {sums[t][1]:.3f}" for t in THRESHOLDS) + " |")
    return "\n".join(lines) + "\n"


WRITTEN_CUE_CONTEXT = "genre-modal-governor"
"""the trainer's default ``--cue-context`` (s29, helper claims17): the plain command writes the shipped file, the
cue scorer with the ``genre`` columns of claims 1.15; ``--cue-context none`` writes the plain cue scorer"""


def written_setting(cue_context: str | None) -> Options:
    """The setting the trainer writes: :data:`SHIPPED`, or with ``cue_context`` (``--cue-context``) that cue context
    with the cue C fixed at 0.01 (its screen's setting, s28)."""
    if not cue_context:
        return SHIPPED
    return replace(SHIPPED, name=f"{SHIPPED.name} + cue context {cue_context} (s28, C cue 0.01)", cue_c=0.01,
                   cue_context=cue_context)


def scorers_about(kept_claim: dict[str, Any] | None, setting: Options = SHIPPED) -> str:
    """The ``about`` line of the written scorers; a claim scorer taken from another file (``kept_claim``) is named
    by the sha256 of its content, never by the path it was read from, so the output is byte-identical wherever
    that file lies."""
    about = (f"presslens claims analyzer real-news scorers; fitted by `presslens train realnews-claims` on data/realnews "
             f"{'+'.join(SPLITS)} ({source_articles(SPLITS)}, research use); setting: {setting.name}")
    if kept_claim is not None:
        digest = hashlib.sha256(json.dumps(kept_claim, sort_keys=True).encode("utf-8")).hexdigest()
        about += f"; claim scorer taken unchanged from a scorers file (its claim part's sha256 {digest})"
    return about


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", required=True, type=Path, help="the ptc-semeval2020-task11 folder")
    parser.add_argument("--annotations", type=Path, default=DEFAULT_ANNOTATIONS)
    parser.add_argument("--out", type=Path, default=MODEL_FILE, help="where to write the scorers (JSON)")
    parser.add_argument("--cache", type=Path, help="read/write the collected sentence rows here (JSON + .npy)")
    parser.add_argument("--claim-scorer-from", type=Path,
                        help="take the claim scorer from this scorers JSON instead of refitting it (analyzer 1.8 "
                             "shipped analyzer 1.7's this way; 1.9 refits it); the output names it by the sha256 "
                             "of its content, not by its path")
    parser.add_argument("--no-report", action="store_true",
                        help="fit and write the shipped setting only, without the leave-one-split-out table")
    parser.add_argument("--wider-cues", action="store_true",
                        help="cue candidates of the claims option cue_candidates=1.12 (analyzer 1.12, model card; "
                             "not the shipped file's)")
    parser.add_argument("--cue-variants", action="store_true",
                        help="also compare the cue scorer with split weights and with the lexicon prior "
                             "(analyzer 1.12, model card; slow)")
    parser.add_argument("--cue-context", choices=("genre", "opinion", "genre-position", "genre-modal", "genre-token",
                                                  "genre-governor", "genre-modal-governor",
                                                  "genre-modal-governor-reported", "none"),
                        default=WRITTEN_CUE_CONTEXT,
                        help="the cue scorer's extra columns (cue C fixed at 0.01, as their s28 screens; model card, "
                             "helper hedge16): genre, the shipped file's in claims 1.15 (the default at s29), "
                             "opinion, genre-position (s29, helper hedge18: failed held out), genre-modal (s30, "
                             "helper hedge19: the modal's context; genre-token, s30, helper hedge19: the cue's token "
                             "state, trainer only), genre-governor and genre-modal-governor (s30, helper hedge20: the "
                             "verb that governs the modal's clause, without and with the modal columns; "
                             "genre-modal-governor the shipped file's since claims 1.16, the default), or none (the "
                             "plain cue scorer of claims 1.14, C chosen by log-loss), genre-modal-governor-reported "
                             "(s31, helper hedge21: and a personal-subject modal in reported speech); the claim "
                             "scorer is the same")
    parser.add_argument("--cue-candidates", choices=("lexicon", "s31", "s32", "s32-hearsay"), default="lexicon",
                        help="the cue scorer's training candidates: lexicon (the shipped file's) or s31 (with the "
                             "stop-31 candidates of cue forms GUIDELINE.md names, hedging.claim_cue_additions_s31; "
                             "helper hedge21, screen guideline-s31; the file then says cue_candidates s31 and the "
                             "analyzer scores those candidates too; s32 and s32-hearsay: helper hedge22, "
                             "hedging.CUE_ADDITION_SETS, screens guideline-s32 and guideline-s32-hearsay); the claim "
                             "scorer's class table reads the lexicon's either way")
    parser.add_argument("--cue-report", action="store_true",
                        help="also print the leave-one-split-out tables of the cue scorer's feature sets and "
                             "thresholds (analyzer 1.11, model card; slow)")


def main(args: argparse.Namespace) -> int:
    kept: dict[str, Any] | None = None
    if args.claim_scorer_from is not None:  # checked first: bad input fails before the slow collection
        try:
            kept = json.loads(args.claim_scorer_from.read_text(encoding="utf-8"))["claim"]
            LinearScorer.from_json(kept, sentence_feature_names(*sentence_feature_set(kept["names"])))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            print(f"train realnews-claims: --claim-scorer-from {args.claim_scorer_from}: {exc}", file=sys.stderr)
            return 2
    from presslens.text.hedging import claim_cue_candidates_with

    chosen = getattr(args, "cue_candidates", "lexicon")
    added = chosen != "lexicon"  # a training cue-candidate set (s31, s32, s32-hearsay)
    rule: CandidateRule | None = claim_cue_candidates_with(chosen) if added else None
    if args.cache is not None and args.cache.exists():
        data = load_dataset(args.cache, args.wider_cues, rule, table_shipped=added)
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
        data = Dataset([r for p in parts for r in p.rows], np.concatenate([p.embeddings for p in parts]),
                       {k: v for p in parts for k, v in (p.cue_tokens or {}).items()})
        if args.wider_cues or added:
            refresh(data, args.wider_cues, rule, table_shipped=added)
        if args.cache is not None:
            save_dataset(data, args.cache)
    compared = COMPARED + (CUE_VARIANTS if args.cue_variants else ())
    print(report(data, args.annotations, () if args.no_report else compared), end="")
    if args.cue_report:
        print(cue_report(data, args.annotations), end="")
    context = getattr(args, "cue_context", WRITTEN_CUE_CONTEXT)
    setting = written_setting(None if context == "none" else context)
    fitted = fit_both(data, setting)
    rows = data.rows
    claim_json: dict[str, Any] = {**fitted.claim.to_json(), "C": fitted.c_claim}
    if kept is not None:
        claim_json = kept
    about = scorers_about(kept, setting)
    if added:
        about += (f"; cue scorer fitted with the {chosen} training cue candidates (hedging.CUE_ADDITION_SETS"
                  f"[{chosen!r}])")
    obj: dict[str, Any] = {
        "about": about,
        **({"cue_candidates": chosen} if added else {}),
        "hedge_cue": {**fitted.cue.to_json(), "C": fitted.c_cue},
        "claim": claim_json,
        "rows": {s: sum(r.split == s for r in rows) for s in SPLITS},
    }
    _write_atomic(args.out, json.dumps(obj, indent=1) + "\n")
    print(f"wrote {args.out} (hedge cue C {fitted.c_cue:g}, claim C {claim_json.get('C')})")
    return 0


if __name__ == "__main__":  # pragma: no cover
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_arguments(p)
    raise SystemExit(main(p.parse_args()))
