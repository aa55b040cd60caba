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
