"""The learned correction of the hand prediction scores (issue 13, stop 30): an offset logistic regression."""

from __future__ import annotations

import numpy as np

from presslens.training import prediction_offset as po


def test_the_offset_is_kept_and_only_the_correction_is_learned() -> None:
    rng = np.random.default_rng(3)
    n = 3000
    offset = rng.normal(0.0, 1.5, n)
    x = rng.integers(0, 2, size=(n, 2)).astype(float)
    z = offset - 1.5 * x[:, 0]  # the second feature carries nothing
    y = (rng.random(n) < 1.0 / (1.0 + np.exp(-z))).astype(float)
    w = po.fit_offset(x, y, offset, 0.1)
    assert -1.9 < w[0] < -1.1 and abs(w[1]) < 0.25 and abs(w[2]) < 0.25
    # a huge penalty leaves the offset alone: the scores are the offset's (up to the bias)
    strong = po.fit_offset(x, y, offset, 1e6)
    assert np.abs(strong[:2]).max() < 1e-3
    p = po.scores(x, offset, strong)
    assert np.allclose(np.log(p / (1 - p)) - offset, strong[2], atol=2e-3)


def test_the_penalty_is_chosen_on_the_given_splits_only() -> None:
    rng = np.random.default_rng(5)
    n = 600
    offset = np.zeros(n)
    x = rng.integers(0, 2, size=(n, 1)).astype(float)
    y = (rng.random(n) < np.where(x[:, 0] > 0, 0.9, 0.1)).astype(float)
    groups = np.asarray(["a", "b", "c"] * (n // 3))
    l2 = po.choose_l2(x, y, offset, groups, ["a", "b", "c"])
    assert l2 in po.L2_GRID and l2 <= 10.0  # a strong signal is not shrunk away


def _fit_offset_before_review32(x: np.ndarray, y: np.ndarray, offset: np.ndarray, l2: float,
                                iterations: int = 50) -> np.ndarray:
    """fit_offset's own Newton loop before review32 moved it onto presslens.training.logistic.newton_logistic."""
    n, d = x.shape
    design_ = np.hstack([x, np.ones((n, 1))])
    penalty = np.full(d + 1, l2)
    penalty[-1] = 1e-6
    w = np.zeros(d + 1)
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(design_ @ w + offset)))
        gradient = design_.T @ (p - y) + penalty * w
        hessian = (design_ * (p * (1.0 - p))[:, None]).T @ design_ + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if float(np.max(np.abs(step))) < 1e-9:
            break
    return w


def test_fit_offset_gives_the_same_bits_as_its_former_loop() -> None:
    rng = np.random.default_rng(11)
    for n, d, l2 in ((400, 3, 0.3), (1200, 5, 10.0), (90, 2, 100.0)):
        offset = rng.normal(0.0, 1.0, n)
        x = rng.integers(0, 2, size=(n, d)).astype(float)
        y = (rng.random(n) < 0.4).astype(float)
        for iterations in (50, 2):
            assert np.array_equal(po.fit_offset(x, y, offset, l2, iterations),
                                  _fit_offset_before_review32(x, y, offset, l2, iterations))


def _log_loss_before_review33(y: np.ndarray, p: np.ndarray) -> float:
    """prediction_offset's own log loss (clipped at 1e-12) before review33 moved it onto logistic.log_loss."""
    p = np.clip(p, 1e-12, 1 - 1e-12)
    return float(-np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)))


def test_the_inner_log_loss_gives_the_same_bits_as_its_former_copy() -> None:
    from presslens.training.logistic import log_loss

    rng = np.random.default_rng(33)
    for n in (5, 300, 4000):
        y = rng.integers(0, 2, n).astype(float)
        p = rng.random(n)
        p[: n // 5] = rng.choice([0.0, 1.0, 1e-9, 1 - 1e-9, 1e-13], n // 5)  # past both clips
        assert log_loss(y, p, floor=1e-12) == _log_loss_before_review33(y, p)
        assert log_loss(y, p) != log_loss(y, p, floor=1e-12)  # the trainers' default clip is another one
