"""L2-regularised logistic regression by Newton's method: the one fit the numpy trainers share.

:func:`newton_logistic` minimises the penalised negative log-likelihood
``sum(log(1 + exp(-s_i * x_i . w))) + 0.5 * sum(penalty_j * w_j ** 2)`` over a full design matrix (any intercept
column included, with penalty 0 where it is not shrunk). :func:`fit_l2_logistic` adds the intercept column for
the caller and returns ``(weights, bias)``; :func:`fit_standardised` fits on standardised features and maps the
weights back to the raw ones.

The trainers' shipped weight files were fitted by copies of this loop that differed in small ways (how the
Hessian's product is written, where a tiny diagonal jitter is added, the stopping tolerance). Floating-point
results depend on those details, so each is a parameter here and every trainer passes the variant it was fitted
with: the same operations in the same order, so a rebuild gives byte-identical weight files.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from presslens.analyzers.numeric import sigmoid

HessianForm = Literal["xt_sx", "sx_t_x"]
"""How ``X^T S X`` (``S`` the diagonal of ``p * (1 - p)``) is computed: ``"xt_sx"`` as ``X.T @ (X * s)``,
``"sx_t_x"`` as ``(X * s).T @ X``. Equal in exact arithmetic; they round differently."""

JitterPlace = Literal["with_penalty", "after_penalty"]
"""Where the Hessian's diagonal jitter goes: ``"with_penalty"`` adds ``diag(penalty + jitter)`` in one sum,
``"after_penalty"`` adds ``diag(penalty)`` and then ``jitter * I``."""


def newton_logistic(design: np.ndarray, y: np.ndarray, penalty: np.ndarray, *, iterations: int = 100,
                    tolerance: float = 1e-10, jitter: float = 0.0, jitter_place: JitterPlace = "with_penalty",
                    hessian_form: HessianForm = "xt_sx", clip: float | None = None,
                    offset: np.ndarray | None = None) -> np.ndarray:
    """The coefficients (one per column of ``design``) of an L2-penalised logistic regression.

    ``design`` is (n, k), ``y`` holds n labels in {0, 1}, ``penalty`` the k per-column L2 strengths (0 for a
    column not shrunk, such as the intercept's). Starting from zeros, at most ``iterations`` Newton steps are
    taken; the loop stops after the first step whose largest absolute component is below ``tolerance``.
    ``jitter`` is added to the Hessian's diagonal only (never to the gradient) to keep it invertible, at
    ``jitter_place``; ``clip`` (if given) bounds the linear scores to ``[-clip, clip]`` before the sigmoid;
    ``offset`` (if given, n values) is a fixed term added to each row's linear score (a model that keeps a prior
    logit and learns only a correction, :func:`presslens.training.prediction_offset.fit_offset`).
    """
    if design.ndim != 2 or len(y) != len(design) or penalty.shape != (design.shape[1],):
        raise ValueError(f"need an (n, k) design, n labels and k penalties; got {design.shape}, {len(y)} labels, "
                         f"{penalty.shape} penalties")
    k = design.shape[1]
    w = np.zeros(k)
    curvature = penalty + jitter if jitter_place == "with_penalty" and jitter else penalty
    for _ in range(iterations):
        scores = design @ w if offset is None else design @ w + offset
        p = sigmoid(scores if clip is None else np.clip(scores, -clip, clip))
        grad = design.T @ (p - y) + penalty * w
        weight = (p * (1 - p))[:, None]
        if hessian_form == "xt_sx":
            hess = design.T @ (design * weight) + np.diag(curvature)
        else:
            hess = (design * weight).T @ design + np.diag(curvature)
        if jitter_place == "after_penalty" and jitter:
            hess = hess + jitter * np.eye(k)
        step = np.linalg.solve(hess, grad)
        w -= step
        if float(np.abs(step).max()) < tolerance:
            break
    return w


def fit_l2_logistic(x: np.ndarray, y: np.ndarray, l2: float, *, intercept: Literal["first", "last"] = "last",
                    intercept_penalty: float = 0.0, unpenalised: Sequence[int] = (), iterations: int = 100,
                    tolerance: float = 1e-10, jitter: float = 0.0, jitter_place: JitterPlace = "with_penalty",
                    hessian_form: HessianForm = "xt_sx") -> tuple[np.ndarray, float]:
    """``(weights, bias)`` of :func:`newton_logistic` on the features ``x`` (n, d) plus an intercept column
    (placed ``first`` or ``last`` in the design). Every feature is shrunk with ``l2`` except the columns of
    ``unpenalised``; the intercept with ``intercept_penalty`` (0: not shrunk)."""
    n, d = x.shape
    ones = np.ones((n, 1))
    design = np.hstack([ones, x] if intercept == "first" else [x, ones])
    features = slice(1, d + 1) if intercept == "first" else slice(0, d)
    penalty = np.full(d + 1, l2)
    penalty[0 if intercept == "first" else d] = intercept_penalty
    for column in unpenalised:
        penalty[features.start + column] = 0.0
    w = newton_logistic(design, y, penalty, iterations=iterations, tolerance=tolerance, jitter=jitter,
                        jitter_place=jitter_place, hessian_form=hessian_form)
    return w[features], float(w[0 if intercept == "first" else d])


@dataclass(frozen=True)
class Standardisation:
    """Column means and standard deviations of a feature matrix; ``keep`` marks the columns that vary (standard
    deviation above the floor). Constant columns standardise to 0 and get weight 0 on the raw features."""

    mean: np.ndarray
    std: np.ndarray
    keep: np.ndarray

    @classmethod
    def of(cls, x: np.ndarray, floor: float = 1e-9) -> Standardisation:
        std = x.std(axis=0)
        return cls(x.mean(axis=0), std, std > floor)

    def apply(self, x: np.ndarray) -> np.ndarray:
        z = np.zeros_like(x)
        z[:, self.keep] = (x[:, self.keep] - self.mean[self.keep]) / self.std[self.keep]
        return z

    def to_raw(self, weights: np.ndarray, bias: float) -> tuple[np.ndarray, float]:
        """The ``(weights, bias)`` on raw features that give the same scores as these on standardised ones."""
        raw = np.zeros(len(self.mean))
        raw[self.keep] = weights[self.keep] / self.std[self.keep]
        return raw, float(bias - (raw[self.keep] * self.mean[self.keep]).sum())


def fit_standardised(x: np.ndarray, y: np.ndarray, l2: float, *, iterations: int = 200,
                     tolerance: float = 1e-10) -> tuple[np.ndarray, float]:
    """``(weights, bias)`` on the raw features of :func:`fit_l2_logistic` fitted on standardised features
    (intercept first and not penalised); constant columns get weight 0."""
    standard = Standardisation.of(x)
    weights, bias = fit_l2_logistic(standard.apply(x), y, l2, intercept="first", iterations=iterations,
                                    tolerance=tolerance)
    return standard.to_raw(weights, bias)


def probabilities(x: np.ndarray, weights: np.ndarray, bias: float) -> np.ndarray:
    """The fitted model's probabilities for the rows of ``x`` (float64): ``sigmoid(x @ weights + bias)``."""
    return np.asarray(sigmoid(x @ weights + bias), dtype=np.float64)


def log_loss(y: np.ndarray, p: np.ndarray, floor: float = 1e-6) -> float:
    """Summed binary log loss of probabilities ``p`` for labels ``y`` in {0, 1} (``p`` clipped to [``floor``,
    1 - ``floor``]): what the trainers' leave-one-split-out choices minimise (:mod:`.prediction_offset` clips at
    1e-12)."""
    q = np.clip(p, floor, 1 - floor)
    return float(-(y * np.log(q) + (1 - y) * np.log(1 - q)).sum())


def expected_calibration_error(y: np.ndarray, p: np.ndarray, n_bins: int = 10) -> float:
    """Expected calibration error of probabilities ``p`` for labels ``y``, over equal-width score bins: the
    definition of ``presslens eval realnews``'s calibration table."""
    from presslens.evaluation.realnews_calibration import calibration

    return calibration(list(zip(p.tolist(), (y > 0.5).tolist(), strict=True)), n_bins).ece
