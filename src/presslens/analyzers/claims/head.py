"""The attention head over a sentence's frozen token states (numpy; the torch twin is in training)."""

from __future__ import annotations

import numpy as np

from presslens.analyzers.numeric import sigmoid
from presslens.encoder import stack_token_states

HEAD_KEYS = ("head_a_w", "head_a_b", "head_v_w", "head_h_w", "head_h_b", "head_o_w", "head_o_b")
HEAD_EMB_SCALE = 5.0


class AttentionHead:
    """The ensemble of attention heads, with its weights laid out once for the products it runs.

    Every weight array has a leading axis over heads trained with different seeds; their probabilities are
    averaged. The claim model builds one when it loads and keeps it.
    """

    def __init__(self, weights: dict[str, np.ndarray]) -> None:
        self.weights = weights
        self.hidden_t = np.ascontiguousarray(np.swapaxes(weights["head_h_w"], -1, -2))
        """Each head's hidden-layer matrix transposed, as a C-contiguous copy (small products run faster
        on it than on the transposed view)."""

    def probabilities(
        self,
        token_states: list[np.ndarray],
        embeddings: np.ndarray,
        chunk: int = 64,
        stacked: np.ndarray | None = None,
    ) -> np.ndarray:
        """The heads on every sentence (``chunk`` sentences per matrix product).

        ``stacked``: the sentences' token states already stacked in order (``Encoded.stacked_token_states``),
        else they are stacked here.
        """
        lengths = np.asarray([len(st) for st in token_states], dtype=np.int64)
        if stacked is None:
            stacked = stack_token_states(token_states)
        if len(stacked) != int(lengths.sum()):
            raise ValueError(f"{len(stacked)} stacked token states for {int(lengths.sum())} tokens")
        if len(token_states) <= chunk:
            return self._chunk(lengths, stacked, embeddings)
        firsts = np.concatenate([[0], np.cumsum(lengths)]).tolist()
        parts = [
            self._chunk(
                lengths[b : b + chunk],
                stacked[firsts[b] : firsts[min(b + chunk, len(lengths))]],
                embeddings[b : b + chunk],
            )
            for b in range(0, len(token_states), chunk)
        ]
        return np.concatenate(parts)

    def _chunk(self, lengths: np.ndarray, x: np.ndarray, embeddings: np.ndarray) -> np.ndarray:
        """The heads on sentences with ``lengths`` tokens each, whose token states are stacked in ``x``."""
        head = self.weights
        n = len(lengths)
        x = np.asarray(x, dtype=np.float32)
        nonempty = np.flatnonzero(lengths > 0)
        bounds = np.cumsum(lengths[nonempty]).tolist()
        starts = [0, *bounds[:-1]]
        seg_starts = np.asarray(starts, dtype=np.int64)
        seg = np.repeat(np.arange(len(nonempty)), lengths[nonempty])
        emb = np.asarray(embeddings, dtype=np.float32) * HEAD_EMB_SCALE
        n_heads, hidden = head["head_a_w"].shape[0], head["head_a_w"].shape[1]
        probs = np.zeros((n_heads, n), dtype=np.float64)
        hid_all = np.zeros((0, n_heads * hidden), np.float32)
        if len(x):
            # the first layer of every head in one product: (tokens, heads * hidden), bias and tanh in place
            hid_all = x @ head["head_a_w"].reshape(n_heads * hidden, -1).T
            hid_all += head["head_a_b"].reshape(-1)
            np.tanh(hid_all, out=hid_all)
        for k in range(n_heads):
            pooled = np.zeros((n, x.shape[1]), dtype=np.float32)
            if len(x):
                att = hid_all[:, k * hidden : (k + 1) * hidden] @ head["head_v_w"][k].reshape(-1)
                att = np.exp(att - np.maximum.reduceat(att, seg_starts)[seg])
                att /= np.add.reduceat(att, seg_starts)[seg]
                # attention-weighted sum of each sentence's tokens: one vector-matrix product per sentence
                # (several times faster than a reduceat over the weighted token states)
                for row, a, b in zip(nonempty.tolist(), starts, bounds, strict=True):
                    pooled[row] = att[a:b] @ x[a:b]
            h = np.maximum(
                0.0,
                np.concatenate([pooled, emb], axis=1) @ self.hidden_t[k]
                + head["head_h_b"][k].reshape(-1),
            )
            z = h @ head["head_o_w"][k].reshape(-1) + head["head_o_b"][k].reshape(-1)[0]
            probs[k] = sigmoid(z)
        return np.asarray(probs.mean(axis=0), dtype=np.float32)


def head_probabilities(
    head: dict[str, np.ndarray],
    token_states: list[np.ndarray],
    embeddings: np.ndarray,
    chunk: int = 64,
    stacked: np.ndarray | None = None,
) -> np.ndarray:
    """:meth:`AttentionHead.probabilities` of the head with weights ``head``."""
    return AttentionHead(head).probabilities(token_states, embeddings, chunk, stacked)
