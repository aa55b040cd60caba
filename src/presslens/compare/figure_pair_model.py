"""A learned "same measured thing" scorer for figure grouping: logistic regression over pair features.

The rules of :mod:`presslens.compare.figure_groups` add hand-set weights of a clause cosine, a lexical overlap,
a counted-noun bonus and a magnitude agreement and compare the sum with a threshold chosen on our seen
splits. This module learns the weights instead, from the gold groups of the labelled splits: every
(mention, compatible candidate group) pair the grouper would score, with the label "the group holds the
mention's tracked quantity" (:func:`presslens.evaluation.figure_groups.pair_examples` replays the gold
grouping in date order to collect them). The features are those of
:func:`~presslens.compare.figure_groups.pair_features` (:data:`PAIR_FEATURES`), standardised; the model is
plain L2-regularised logistic regression fitted by Newton's method (numpy only).

Weights are stored as JSON (:meth:`PairModel.to_json`, :meth:`PairModel.from_json`), never pickled. The model
shipped in ``presslens/models/figure_pair_model.json`` is fitted on every seen split of ``data/figures``
(``presslens eval figure-groups --fit-pair-model PATH``); how well it generalises is measured by leaving
one story out (``--loso-stories``, docs/EVALUATION.md).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from presslens.training.logistic import newton_logistic

PAIR_FEATURES = (
    "cosine", "lexical", "same_noun", "other_noun", "no_noun", "same_predicate", "no_predicate",
    "group_no_predicate", "magnitude", "is_count", "cosine_x_no_noun", "lexical_x_same_predicate",
    "log2_group_size", "nearest_words_shared", "closest_word_not_in_group", "group_word_not_in_mention",
    "rules_margin",
)
"""Names of the features of one (mention, group) pair, in order (see
:func:`~presslens.compare.figure_groups.pair_features`)."""

OUTCOME_PAIR_FEATURES = (*PAIR_FEATURES, "outcome_cosine")
"""The features of the ``"learned-outcome"`` method: :data:`PAIR_FEATURES` and the cosine of the mention's outcome
vector with the group's (:mod:`presslens.compare.figure_outcome`; 0 when either has none)."""

GENERAL_PAIR_FEATURES = (*OUTCOME_PAIR_FEATURES, "outcome_x_no_predicate", "same_article", "same_source",
                         "log_days_apart", "equal_value", "nearest_log_ratio", "bound_clash")
"""The features of the ``"learned-general"`` method: :data:`OUTCOME_PAIR_FEATURES` and pair features read from
no word list (:func:`~presslens.compare.figure_groups.general_pair_features`): the outcome cosine where the
lists know no outcome, whether the group already holds a figure of the mention's article or outlet, the days to
the group's nearest-dated mention, whether a group mention has the same value, the smallest magnitude gap to a
group mention, and whether the two bound a conflict pair (an upper bound below a lower bound)."""

CONFLICT_FEATURES = (
    "clause_cosine", "outcome_cosine", "noun_state_cosine", "predicate_state_cosine", "same_unit_word",
    "log_ratio", "values_clash", "both_exact", "either_bounded", "either_approx", "same_source",
    "attributions_differ", "either_attribution_vague", "days_apart",
)
"""The features of the conflict model (:mod:`presslens.compare.figure_conflict_model`): a pair of figures,
not a figure and a group."""

CONFLICT_WORD_FEATURES = (*CONFLICT_FEATURES, "predicates_differ", "same_predicate", "same_counted_noun",
                          "counted_nouns_differ", "lexical_overlap")
"""The conflict model's features with those read from the grouping's word lists (round 2 stop 22): both clauses'
predicates known (:func:`~presslens.compare.figure_words.clause_predicate`) and different / the same, both
counted nouns known and the same / different, and the weighted overlap of the two clauses' content words
(:func:`~presslens.compare.figure_words.clause_tokens`, shared weight over the smaller clause's)."""
KNOWN_FEATURE_SETS = (PAIR_FEATURES, OUTCOME_PAIR_FEATURES, GENERAL_PAIR_FEATURES, CONFLICT_FEATURES,
                      CONFLICT_WORD_FEATURES)

DEFAULT_MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / "figure_pair_model.json"
DEFAULT_GENERAL_MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / "figure_general_pair_model.json"
"""The ``"learned-general"`` pair model fitted on every seen story (a candidate, not the default method)."""


@dataclass(frozen=True)
class PairModel:
    """Logistic regression over standardised pair features: ``p = sigmoid(bias + sum(w * (x - mean) / scale))``."""

    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    threshold: float = 0.5
    """A mention joins the most probable compatible group when its probability reaches this."""
    features: tuple[str, ...] = PAIR_FEATURES
    _arrays: tuple[np.ndarray, np.ndarray, np.ndarray] | None = field(default=None, init=False, repr=False,
                                                                     compare=False, hash=False)
    """The weights, means and scales as float64 arrays, made on the first :meth:`probabilities` call."""

    def probability(self, x: Sequence[float]) -> float:
        """The probability of one row of :attr:`features`. The plain reference that :meth:`probabilities` (the
        grouper's batched path) must equal float for float: a test compares the two, so neither calls the other."""
        z = self.bias + sum(w * (v - m) / s for w, v, m, s in zip(self.weights, x, self.mean, self.scale,
                                                                   strict=True))
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0

    def probabilities(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """:meth:`probability` of each row, the same floats: each term ``w * (v - m) / s`` is one IEEE operation
        per step in numpy as in Python, the terms are added left to right (``np.add.accumulate``, as Python's
        ``sum`` adds them, not numpy's pairwise sum) and the sigmoid is Python's (``math.exp``)."""
        if not rows:
            return []
        x = np.array(rows, dtype=np.float64)
        if x.ndim != 2 or x.shape[1] != len(self.weights):
            raise ValueError(f"pair model: need rows of {len(self.weights)} features, got an array of shape {x.shape}")
        if self._arrays is None:
            object.__setattr__(self, "_arrays", (np.array(self.weights, dtype=np.float64),
                                                 np.array(self.mean, dtype=np.float64),
                                                 np.array(self.scale, dtype=np.float64)))
        assert self._arrays is not None
        weights, mean, scale = self._arrays
        terms = weights * (x - mean) / scale
        totals = np.add.accumulate(terms, axis=1)[:, -1].tolist()
        bias, exp = self.bias, math.exp
        out = []
        for total in totals:
            z = bias + total
            out.append(1.0 / (1.0 + exp(-z)) if z > -700 else 0.0)
        return out

    def to_json(self) -> str:
        return json.dumps({"features": list(self.features), "weights": list(self.weights), "bias": self.bias,
                           "mean": list(self.mean), "scale": list(self.scale), "threshold": self.threshold},
                          indent=1)

    @classmethod
    def from_json(cls, text: str) -> PairModel:
        raw = json.loads(text)
        features = tuple(raw["features"])
        if features not in KNOWN_FEATURE_SETS:
            raise ValueError(f"pair model features {features} are not this code's {PAIR_FEATURES} "
                             f"(or those and outcome_cosine, or GENERAL_PAIR_FEATURES)")
        n = len(features)
        weights, mean, scale = (tuple(float(v) for v in raw[k]) for k in ("weights", "mean", "scale"))
        if not len(weights) == len(mean) == len(scale) == n:
            raise ValueError(f"pair model needs {n} weights, means and scales")
        return cls(weights, float(raw["bias"]), mean, scale, float(raw.get("threshold", 0.5)), features)

    def save(self, path: Path) -> None:
        """Write the JSON next to ``path`` and rename it into place (never half-written)."""
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(self.to_json() + "\n", encoding="utf-8")
        tmp.replace(path)


def fit_pair_model(x: np.ndarray, y: np.ndarray, *, l2: float = 1.0, threshold: float = 0.5,
                   iterations: int = 50, features: tuple[str, ...] = PAIR_FEATURES) -> PairModel:
    """L2-regularised logistic regression (Newton's method) on standardised features; ``y`` in {0, 1}."""
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if x.ndim != 2 or x.shape[1] != len(features) or len(y) != len(x):
        raise ValueError(f"need an (n, {len(features)}) feature matrix and n labels")
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / scale])
    penalty = np.full(z.shape[1], l2)
    penalty[0] = 0.0  # the bias is not shrunk
    w = newton_logistic(z, y, penalty, iterations=iterations, tolerance=1e-8, jitter=1e-9, hessian_form="sx_t_x",
                        clip=30.0)
    return PairModel(tuple(float(v) for v in w[1:]), float(w[0]), tuple(float(v) for v in mean),
                     tuple(float(v) for v in scale), threshold, features)


@lru_cache(maxsize=1)
def default_pair_model() -> PairModel:
    """The shipped model (``presslens/models/figure_pair_model.json``)."""
    return PairModel.from_json(DEFAULT_MODEL_PATH.read_text(encoding="utf-8"))



@lru_cache(maxsize=1)
def default_general_pair_model() -> PairModel:
    """The shipped ``"learned-general"`` model (``presslens/models/figure_general_pair_model.json``)."""
    return PairModel.from_json(DEFAULT_GENERAL_MODEL_PATH.read_text(encoding="utf-8"))


__all__ = ["CONFLICT_FEATURES", "CONFLICT_WORD_FEATURES", "DEFAULT_GENERAL_MODEL_PATH", "DEFAULT_MODEL_PATH", "default_general_pair_model", "GENERAL_PAIR_FEATURES", "KNOWN_FEATURE_SETS", "OUTCOME_PAIR_FEATURES", "PAIR_FEATURES", "PairModel", "default_pair_model", "fit_pair_model"]
