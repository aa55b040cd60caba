"""Small numeric helpers shared by the analyzers' heads."""

from __future__ import annotations

import numpy as np


def softmax(logits: np.ndarray) -> np.ndarray:
    """Softmax over the last axis, shifted by the row maximum for stability (same dtype as ``logits``)."""
    e = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return np.asarray(e / e.sum(axis=-1, keepdims=True))


def sigmoid(z: np.ndarray) -> np.ndarray:
    """The logistic function ``1 / (1 + exp(-z))``, element-wise, in the dtype numpy gives ``z`` (no cast)."""
    return np.asarray(1.0 / (1.0 + np.exp(-z)))
