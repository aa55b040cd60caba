"""The shared numeric helpers of the analyzers' heads."""

from __future__ import annotations

import numpy as np
import pytest

from presslens.analyzers.numeric import sigmoid, softmax


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_sigmoid_keeps_the_dtype_and_matches_the_formula(dtype: type) -> None:
    z = np.array([-30.0, -2.0, 0.0, 0.5, 40.0], dtype=dtype)
    out = sigmoid(z)
    assert out.dtype == dtype
    assert np.array_equal(out, 1.0 / (1.0 + np.exp(-z)))
    assert out[2] == 0.5 and 0.0 < out[0] < out[1] < out[3] < out[4] <= 1.0


def test_softmax_rows_sum_to_one_and_keep_the_dtype() -> None:
    logits = np.array([[1000.0, 1000.0], [0.0, np.log(3.0)]], dtype=np.float32)
    p = softmax(logits)
    assert p.dtype == np.float32
    assert np.allclose(p.sum(axis=-1), 1.0) and np.allclose(p[0], [0.5, 0.5]) and np.allclose(p[1], [0.25, 0.75])
