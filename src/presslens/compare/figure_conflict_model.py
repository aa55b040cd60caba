"""Which two figures in near groups are one measured thing in dispute: a pair model for conflicts.

A cautious grouping keeps distractors out by opening a new group whenever it is unsure, and so splits the
reports of one quantity whose values disagree -- exactly the pairs a conflict is made of. The conflict model
looks at those pairs directly: two figures of different articles, at most
:data:`~presslens.compare.conflicts.WINDOW_DAYS` apart, in the same group or in a group the other could have
joined (a compatible candidate of the grouping, same hard constraints), and gives the probability that they
measure the same thing. Its features come from no word list (:data:`CONFLICT_FEATURES`,
:func:`conflict_pair_features`): cosines of the two masked clauses, of their outcome vectors
(:mod:`presslens.compare.figure_outcome`) and of the token states of the counted noun and of the predicate
(:mod:`presslens.compare.figure_parts`), the magnitude ratio, the bound types, the outlet and attribution,
the days between them, and whether the values clash under the conflict rule. A pair whose values clash and
whose probability reaches the model's threshold is reported as a conflict (beside the conflicts inside a
group, which the rule alone decides). The model is a :class:`~presslens.compare.figure_pair_model.PairModel`
(logistic regression, JSON weights, no pickle), trained on the pairs of labelled stories: a pair is positive
when both figures belong to the same tracked quantity (planted conflicts and compatible reports alike).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from presslens.compare.conflicts import mention_bound, mention_interval, mentions_clash
from presslens.compare.figure_pair_model import (
    CONFLICT_FEATURES,
    CONFLICT_WORD_FEATURES,
    PairModel,
    fit_pair_model,
)
from presslens.compare.figure_words import clause_predicate, clause_tokens
from presslens.compare.figures import FigureMention

DEFAULT_CONFLICT_MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / "figure_conflict_model.json"
CONFLICT_THRESHOLDS = (0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
"""Probabilities :func:`choose_conflict_threshold` tries."""
CONFLICT_F_BETA = 2.0
"""The threshold criterion weighs recall of the planted conflicts this many times over precision (F2): the
criterion is fixed before any held-out score; recall first, because a missed dispute is what the cautious
groupings lose."""


def _central(interval: tuple[float, float] | None) -> float | None:
    if interval is None:
        return None
    lo, hi = interval
    v = lo if hi == float("inf") else (hi if lo == 0 else math.sqrt(lo * hi))
    return v if v > 0 else None


def conflict_pair_features(a: FigureMention, b: FigureMention, *, clause_cosine: float, outcome_cosine: float,
                           noun_cosine: float, predicate_cosine: float, reading: str = "values",
                           features: Sequence[str] = CONFLICT_FEATURES, noun_forms: bool = False) -> list[float]:
    """The features of one pair of figures, in the order of ``features`` (:data:`CONFLICT_FEATURES`, or
    :data:`~presslens.compare.figure_pair_model.CONFLICT_WORD_FEATURES`, which adds word-list features; the
    cosines are given: the grouper holds the vectors); ``values_clash`` under the conflict ``reading``
    (:func:`~presslens.compare.conflicts.mentions_clash`); ``noun_forms``: the word features read predicates with
    the counted-noun classes' reading of :func:`~presslens.compare.figure_words.clause_predicate`."""
    ia, ib = mention_interval(a), mention_interval(b)
    ca, cb = _central(ia), _central(ib)
    log_ratio = min(3.0, abs(math.log10(ca) - math.log10(cb))) if ca and cb else 3.0
    clash = float(mentions_clash(a, b, reading))
    bounds = (mention_bound(a), mention_bound(b))
    both_exact = float(bounds == (None, None))
    bounded = float(any(x in ("lower", "upper") for x in bounds))
    approx = float("approx" in bounds)
    same_unit = float(a.unit is not None and a.unit == b.unit)
    same_source = float(a.source is not None and a.source == b.source)
    differ = float(a.attributed_to is not None and b.attributed_to is not None
                   and a.attributed_to.strip().lower() != b.attributed_to.strip().lower())
    vague = float(a.attribution_vague or b.attribution_vague)
    days = abs((a.date - b.date).days) / 7.0 if a.date is not None and b.date is not None else 1.0
    row = [clause_cosine, outcome_cosine, noun_cosine, predicate_cosine, same_unit, log_ratio, clash, both_exact,
           bounded, approx, same_source, differ, vague, days]
    if len(features) > len(CONFLICT_FEATURES):
        row.extend(word_features(a, b, noun_forms))
    return row


def word_features(a: FigureMention, b: FigureMention, noun_forms: bool = False) -> list[float]:
    """The features :data:`~presslens.compare.figure_pair_model.CONFLICT_WORD_FEATURES` adds (in its order)."""
    pa, pb = clause_predicate(a.masked_clause, noun_forms=noun_forms), clause_predicate(b.masked_clause, noun_forms=noun_forms)
    ta, tb = clause_tokens(a.masked_clause), clause_tokens(b.masked_clause)
    shared = sum(min(ta[k], tb[k]) for k in ta.keys() & tb.keys())
    smaller = min(sum(ta.values()), sum(tb.values()))
    return [float(bool(pa and pb and pa != pb)), float(bool(pa and pa == pb)),
            float(bool(a.head and a.head == b.head)), float(bool(a.head and b.head and a.head != b.head)),
            shared / smaller if smaller > 0 else 0.0]


def fit_conflict_model(x: np.ndarray, y: np.ndarray, threshold: float = 0.5) -> PairModel:
    """The logistic regression of :func:`~presslens.compare.figure_pair_model.fit_pair_model` over
    :data:`CONFLICT_FEATURES` (14 columns) or :data:`~presslens.compare.figure_pair_model.CONFLICT_WORD_FEATURES`
    (19 columns), by the width of ``x``."""
    features = CONFLICT_WORD_FEATURES if x.shape[1] == len(CONFLICT_WORD_FEATURES) else CONFLICT_FEATURES
    return fit_pair_model(x, y, threshold=threshold, features=features)


def f_beta(tp: int, fp: int, fn: int, beta: float = CONFLICT_F_BETA) -> float:
    if tp == 0:
        return 0.0
    p, r = tp / (tp + fp), tp / (tp + fn)
    return (1 + beta ** 2) * p * r / (beta ** 2 * p + r)


def choose_conflict_threshold(pairs: Sequence[tuple[np.ndarray, np.ndarray, np.ndarray]],
                              beta: float = CONFLICT_F_BETA, clashing_only: bool = False) -> PairModel:
    """The conflict model fitted on every story's pairs, with its threshold chosen by leaving one story out in
    turn: ``pairs`` holds per story (features, same-thing labels, planted-conflict labels); for each story the
    model is fitted on the others and its pairs whose values clash are flagged at every threshold of
    :data:`CONFLICT_THRESHOLDS`; the threshold with the best F-beta (``beta``, default :data:`CONFLICT_F_BETA`) of
    the planted conflicts summed over the held-out stories wins (then the higher threshold). One story: threshold
    0.5. ``clashing_only``: every model is fitted on the pairs whose values clash only (the pairs it decides; on
    them "the same thing" is "a planted conflict")."""
    clash_at = CONFLICT_FEATURES.index("values_clash")
    if clashing_only:
        pairs = [(x[x[:, clash_at] > 0.5], y[x[:, clash_at] > 0.5], planted[x[:, clash_at] > 0.5])
                 if len(x) else (x, y, planted) for x, y, planted in pairs]
    usable = [p for p in pairs if len(p[1])]
    if not usable:
        raise ValueError("no conflict-model training pairs")
    x_all = np.vstack([p[0] for p in usable])
    y_all = np.concatenate([p[1] for p in usable])
    if len(usable) < 2:
        return fit_conflict_model(x_all, y_all)
    counts = {t: [0, 0, 0] for t in CONFLICT_THRESHOLDS}
    for i, (x, _y, planted) in enumerate(usable):
        rest = [p for j, p in enumerate(usable) if j != i]
        model = fit_conflict_model(np.vstack([p[0] for p in rest]), np.concatenate([p[1] for p in rest]))
        probs = np.array([model.probability(row) for row in x]) if len(x) else np.zeros(0)
        clash = x[:, clash_at] > 0.5 if len(x) else np.zeros(0, dtype=bool)
        for t in CONFLICT_THRESHOLDS:
            flagged = clash & (probs >= t)
            tp = int((flagged & (planted > 0.5)).sum())
            counts[t][0] += tp
            counts[t][1] += int(flagged.sum()) - tp
            counts[t][2] += int((planted > 0.5).sum()) - tp
    best = max(CONFLICT_THRESHOLDS, key=lambda t: (round(f_beta(counts[t][0], counts[t][1], counts[t][2], beta), 9), t))
    return rounded(fit_conflict_model(x_all, y_all, threshold=best))


WEIGHT_DIGITS = 12
"""Decimals a fitted conflict model keeps (:func:`rounded`): the Newton fit's last bits vary between runs on the
same pairs (the order of floating-point sums in the linear algebra), and the shipped JSON must rebuild
byte-identical."""


def rounded(model: PairModel, digits: int = WEIGHT_DIGITS) -> PairModel:
    """``model`` with its weights, bias, means and scales rounded to ``digits`` decimals."""
    def r(values: Sequence[float]) -> tuple[float, ...]:
        return tuple(round(v, digits) for v in values)

    return replace(model, weights=r(model.weights), bias=round(model.bias, digits), mean=r(model.mean),
                   scale=r(model.scale))


TALLIES_CONFLICT_MODEL_PATHS = {
    "general-f1+tallies": DEFAULT_CONFLICT_MODEL_PATH.with_name("figure_conflict_model_tallies.json"),
    "general-f1+tallies-f1": DEFAULT_CONFLICT_MODEL_PATH.with_name("figure_conflict_model_tallies_f1.json"),
    "general-f1+tallies-gate": DEFAULT_CONFLICT_MODEL_PATH.with_name("figure_conflict_model_tallies_gate.json"),
    "general-f1+values-model": DEFAULT_CONFLICT_MODEL_PATH.with_name("figure_conflict_model_values_model.json"),
    "general-f1+values-model-f05": DEFAULT_CONFLICT_MODEL_PATH.with_name("figure_conflict_model_values_model_f05.json"),
    "general-f1+values-agree-f05": DEFAULT_CONFLICT_MODEL_PATH.with_name("figure_conflict_model_values_model_f05.json"),
    "general-f1+values-model-f1": DEFAULT_CONFLICT_MODEL_PATH.with_name("figure_conflict_model_values_model_f1.json"),
}
"""The conflict models of the candidates of round 2 stop 22 (``docs/decisions/figure-groups-s22.md``): the
word-list features, fitted on the clashing pairs under the ``"tallies"`` reading, threshold by F2 / by F1; and
(``-gate``) the default's 14 features fitted on every near pair under the ``"tallies"`` reading, threshold by F2;
and the candidate of round 2 stop 24, ``general-f1+values-model``: the word-list features fitted on the clashing
pairs under the default's ``"values"`` reading, threshold by F2 (``-f05``: by F0.5), deciding the conflicts inside a
group too; and (round 2 stop 26) ``general-f1+values-model-f1``: the same with the threshold chosen by F1, the
model that decides the clashes inside a group for the candidate ``general-f1+values-inside-f1``."""


@lru_cache(maxsize=8)
def candidate_conflict_model(name: str) -> PairModel:
    """The shipped conflict model of a candidate grouping (:data:`TALLIES_CONFLICT_MODEL_PATHS`)."""
    return PairModel.from_json(TALLIES_CONFLICT_MODEL_PATHS[name].read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def default_conflict_model() -> PairModel:
    """The shipped conflict model (``presslens/models/figure_conflict_model.json``)."""
    return PairModel.from_json(DEFAULT_CONFLICT_MODEL_PATH.read_text(encoding="utf-8"))


__all__ = ["WEIGHT_DIGITS", "rounded", "TALLIES_CONFLICT_MODEL_PATHS", "candidate_conflict_model", "word_features", "CONFLICT_FEATURES", "CONFLICT_F_BETA", "CONFLICT_THRESHOLDS", "DEFAULT_CONFLICT_MODEL_PATH",
           "choose_conflict_threshold", "conflict_pair_features", "default_conflict_model", "f_beta",
           "fit_conflict_model"]
