"""The shared Newton fit of an L2 logistic regression (presslens.training.logistic) against scikit-learn."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression

from presslens.training.logistic import Standardisation, fit_l2_logistic, fit_standardised, newton_logistic


def _overlapping(seed: int = 3, n: int = 200) -> tuple[np.ndarray, np.ndarray]:
    """Two features, labels drawn from a logistic model: the classes overlap (not separable)."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, 2)) * np.array([1.0, 3.0]) + np.array([0.5, -1.0])
    p = 1.0 / (1.0 + np.exp(-(0.8 * x[:, 0] - 0.4 * x[:, 1] + 0.7)))
    return x, (rng.random(n) < p).astype(float)


def _separable() -> tuple[np.ndarray, np.ndarray]:
    """One feature whose sign decides the label: separable, so only the penalty keeps the weights finite."""
    x = np.array([[-3.0, 1.0], [-2.0, 0.0], [-1.0, 2.0], [-0.5, 1.0], [0.5, 0.0], [1.0, 1.0], [2.0, 2.0],
                  [4.0, 0.5]])
    return x, (x[:, 0] > 0).astype(float)


def _sklearn(x: np.ndarray, y: np.ndarray, l2: float) -> tuple[np.ndarray, float]:
    """scikit-learn's fit of the same objective (``C = 1 / l2``; its intercept is not penalised)."""
    model = LogisticRegression(C=1.0 / l2, tol=1e-12, max_iter=100_000).fit(x, y)
    return model.coef_[0], float(model.intercept_[0])


@pytest.mark.parametrize("l2", [0.1, 1.0, 10.0])
@pytest.mark.parametrize("data", [_overlapping, _separable])
def test_matches_scikit_learn_for_the_same_c(data: object, l2: float) -> None:
    x, y = data()  # type: ignore[operator]
    weights, bias = fit_l2_logistic(x, y, l2)
    expected_weights, expected_bias = _sklearn(x, y, l2)
    np.testing.assert_allclose(weights, expected_weights, atol=1e-4)
    assert bias == pytest.approx(expected_bias, abs=1e-4)


def test_separable_weights_stay_finite_and_grow_as_the_penalty_shrinks() -> None:
    x, y = _separable()
    sizes = [abs(fit_l2_logistic(x, y, l2)[0][0]) for l2 in (10.0, 1.0, 0.1, 0.01)]
    assert all(np.isfinite(sizes))
    assert sizes == sorted(sizes) and sizes[-1] > 2 * sizes[0]


def test_the_intercept_is_not_penalised() -> None:
    """Under a huge penalty the feature weights vanish but the intercept still fits the base rate."""
    x, y = _overlapping()
    weights, bias = fit_l2_logistic(x, y, 1e9)
    assert np.abs(weights).max() < 1e-6
    rate = y.mean()
    assert bias == pytest.approx(np.log(rate / (1 - rate)), abs=1e-6)
    # a penalised intercept would be pulled to 0 as well
    shrunk_weights, shrunk_bias = fit_l2_logistic(x, y, 1e9, intercept_penalty=1e9)
    assert abs(shrunk_bias) < 1e-6 and abs(bias) > 0.1


def test_unpenalised_column_keeps_its_unshrunk_weight() -> None:
    x, y = _overlapping()
    weights, bias = fit_l2_logistic(x, y, 1e9, unpenalised=(0,))
    alone_weights, alone_bias = fit_l2_logistic(x[:, :1], y, 0.0)
    assert weights[1] == pytest.approx(0.0, abs=1e-6)
    assert weights[0] == pytest.approx(alone_weights[0], rel=1e-6)
    assert bias == pytest.approx(alone_bias, rel=1e-6)


def test_intercept_position_and_arithmetic_variants_reach_the_same_optimum() -> None:
    x, y = _overlapping()
    reference_weights, reference_bias = fit_l2_logistic(x, y, 1.0)
    for options in ({"intercept": "first"}, {"hessian_form": "sx_t_x"},
                    {"jitter": 1e-9, "jitter_place": "after_penalty"}, {"jitter": 1e-9}):
        weights, bias = fit_l2_logistic(x, y, 1.0, **options)  # type: ignore[arg-type]
        np.testing.assert_allclose(weights, reference_weights, rtol=1e-7)
        assert bias == pytest.approx(reference_bias, rel=1e-7)


def test_iterations_and_tolerance_bound_the_steps() -> None:
    x, y = _overlapping()
    design = np.hstack([x, np.ones((len(x), 1))])
    penalty = np.array([1.0, 1.0, 0.0])
    one_step = newton_logistic(design, y, penalty, iterations=1)
    converged = newton_logistic(design, y, penalty)
    assert not np.allclose(one_step, converged, atol=1e-3)
    loose = newton_logistic(design, y, penalty, tolerance=1.0)
    assert np.abs(loose - converged).max() > 0  # stopped after a step below the loose tolerance


def test_clip_bounds_the_scores_before_the_sigmoid() -> None:
    x, y = _overlapping()
    design = np.hstack([np.ones((len(x), 1)), x])
    penalty = np.array([0.0, 1.0, 1.0])
    np.testing.assert_allclose(newton_logistic(design, y, penalty, clip=30.0), newton_logistic(design, y, penalty))


def test_bad_shapes_are_refused() -> None:
    x, y = _overlapping()
    with pytest.raises(ValueError, match="design"):
        newton_logistic(x, y[:-1], np.zeros(2))
    with pytest.raises(ValueError, match="penalties"):
        newton_logistic(x, y, np.zeros(3))


def test_standardised_fit_matches_scikit_learn_and_zeroes_constant_columns() -> None:
    x, y = _overlapping()
    x = np.hstack([x * np.array([100.0, 0.01]), np.full((len(x), 1), 7.0)])
    weights, bias = fit_standardised(x, y, 1.0)
    assert weights[2] == 0.0
    standard = Standardisation.of(x)
    z = standard.apply(x)
    assert np.all(z[:, 2] == 0.0)
    np.testing.assert_allclose(z[:, :2].mean(axis=0), 0.0, atol=1e-12)
    expected_weights, expected_bias = _sklearn(z[:, :2], y, 1.0)
    np.testing.assert_allclose(weights[:2] * standard.std[:2], expected_weights, atol=1e-4)
    # the raw-feature weights give the same scores as the standardised fit
    np.testing.assert_allclose(x @ weights + bias, z[:, :2] @ expected_weights + expected_bias, atol=1e-3)
