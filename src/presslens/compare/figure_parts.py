"""The counted noun and the predicate of a figure as encoder token states, without a word list.

The conflict model (:mod:`presslens.compare.figure_conflict_model`) compares two figures by what they count
and by what is said to have happened to it. Both are read from the shared encoder's contextual token states of
the whole masked clause: the **noun state** is the mean state of the first word after the masked number ("N
*miners* were taken to hospital", "N *of* the drones": the word that usually names what is counted), and the
**predicate state** the mean state of the next three words ("N miners *were taken to*"), or, when nothing
follows the number within its clause part, of the three words before it ("the death toll *has risen to* N").
No list of nouns or verbs is read: which word is the noun and which the verb is left to the positions and to
the encoder's context. Each part is L2-normalised; a clause part with no such word gives zeros.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from presslens.compare.figure_outcome import TokenEncoder
from presslens.compare.figures import NUMBER_MASK
from presslens.encoder import Encoded

PREDICATE_WORDS = 3
"""Words of the predicate part (after the noun word, or before the number when nothing follows it)."""

_WORD = re.compile(r"\S+")
_BREAK = re.compile(r"[,;:.!?()\"]$")


def part_spans(text: str) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]]:
    """Character ranges of the noun word, the predicate words and the mask of a masked clause
    (an empty range ``(0, 0)`` where there is none)."""
    words = [(w.start(), w.end(), w.group()) for w in _WORD.finditer(text)]
    at = next((i for i, (_s, _e, w) in enumerate(words) if w.strip(",;:.!?()\"'").lower() == NUMBER_MASK), None)
    if at is None:
        return (0, 0), (0, 0), (0, 0)
    mask = (words[at][0], words[at][1])
    after: list[int] = []
    i = at
    while i + 1 < len(words) and len(after) < 1 + PREDICATE_WORDS and not _BREAK.search(words[i][2]):
        i += 1
        after.append(i)
    noun = (words[after[0]][0], words[after[0]][1]) if after else (0, 0)
    if len(after) > 1:
        pred = (words[after[1]][0], words[after[-1]][1])
    else:
        before: list[int] = []
        j = at
        while j > 0 and len(before) < PREDICATE_WORDS and not _BREAK.search(words[j - 1][2]):
            j -= 1
            before.append(j)
        pred = (words[before[-1]][0], words[before[0]][1]) if before else (0, 0)
    return noun, pred, mask


def _pooled(states: np.ndarray, offsets: np.ndarray, span: tuple[int, int], mask: tuple[int, int]) -> np.ndarray:
    lo, hi = span
    if hi <= lo:
        return np.zeros(states.shape[1], dtype=np.float32)
    starts, ends = offsets[:, 0], offsets[:, 1]
    inside = (starts >= lo) & (ends <= hi) & ~((starts >= mask[0]) & (ends <= mask[1])) & (ends > starts)
    if not inside.any():
        return np.zeros(states.shape[1], dtype=np.float32)
    v = states[inside].mean(axis=0)
    norm = float(np.linalg.norm(v))
    return (v / norm).astype(np.float32) if norm > 0 else np.zeros(states.shape[1], dtype=np.float32)


def part_vectors(encoded: Encoded, texts: list[str]) -> np.ndarray:
    """One row per masked clause: the noun state and the predicate state side by side (2 x the encoder's
    width), each L2-normalised (zeros where the part is missing)."""
    dim = encoded.sentence_embeddings.shape[1] if encoded.sentence_embeddings.ndim == 2 else 0
    out = np.zeros((len(texts), 2 * dim), dtype=np.float32)
    for i, text in enumerate(texts):
        states, offsets = encoded.token_states[i], encoded.token_offsets[i]
        if not len(states):
            continue
        noun, pred, mask = part_spans(text)
        out[i, :dim] = _pooled(states, offsets, noun, mask)
        out[i, dim:] = _pooled(states, offsets, pred, mask)
    return out


def parts_embedder(encoder: TokenEncoder) -> Callable[[list[str]], np.ndarray]:
    """Masked clauses -> :func:`part_vectors` (one encoder pass per batch), for
    ``FigureGrouper(part_embed=...)``."""

    def embed(texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 2), dtype=np.float32)
        return part_vectors(encoder.run(list(texts)), list(texts))

    return embed


def part_cosines(a: np.ndarray | None, b: np.ndarray | None) -> tuple[float, float]:
    """(noun cosine, predicate cosine) of two :func:`part_vectors` rows (0 where either part is missing)."""
    if a is None or b is None or len(a) != len(b) or not len(a):
        return 0.0, 0.0
    half = len(a) // 2
    a32, b32 = a.astype(np.float32), b.astype(np.float32)
    return float(a32[:half] @ b32[:half]), float(a32[half:] @ b32[half:])


__all__ = ["PREDICATE_WORDS", "part_cosines", "part_spans", "part_vectors", "parts_embedder"]
