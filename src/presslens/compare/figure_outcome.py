"""What a figure measures, read from the encoder's token states next to the number, without a word list.

The grouper's word lists (:mod:`presslens.compare.figure_words`) name an outcome ("killed", "detained",
"brought up alive") only when its verb is listed; a figure whose verb no list knows is compatible with every
group of its counted noun, and the cosine of two whole clauses of one story clears the threshold whatever
the verb ("many miners were taken to hospital" / "many miners were killed"). This module gives every figure an
**outcome vector** that comes from no list: the shared encoder reads the whole masked clause (so each token's
state is contextual), and the states of the tokens in a short window around the masked number -- the counted
noun and the verb phrase that follows it, and the few words before it ("the number of miners killed rose to
N") -- are averaged. Optionally the clause's mean token state is subtracted first (``centred``): what every
token of the clause shares (the story, the outlet's phrasing) is taken out and what the window's words add is
kept. The defaults (the 3 words after the number, not centred) are the best of 18 variants by the AUC of
same-thing pairs over the 8 seen stories (an in-sample choice; the measurement is in the history of docs/EVALUATION.md, ``git show c3be0ee:docs/EVALUATION.md``).

The vectors are compared by cosine (:class:`~presslens.compare.figure_groups.FigureGrouper` keeps a sum per
group, like the clause vectors); the ``"outcome"`` grouping method lets a mention join a group only when the
cosine with the group's mean outcome vector reaches ``GroupingConfig.outcome_threshold``. Measured leaving one
story out in the history of ``docs/EVALUATION.md`` ("Tracked figures" at commit c3be0ee).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Protocol

import numpy as np

from presslens.compare.figures import NUMBER_MASK
from presslens.encoder import Encoded

OUTCOME_BEFORE = 0
"""Words before the masked number in the window ("the number of miners killed rose to N"). 0: the
leave-one-story-out measurement (docs/EVALUATION.md at commit c3be0ee) found the words after the number separate outcomes best."""
OUTCOME_AFTER = 3
"""Words after the masked number in the window ("N miners were brought")."""

_WORD = re.compile(r"\S+")
_BREAK = re.compile(r"[,;:.!?()\"]$")
"""A word ending a clause part: the window does not cross it."""


class TokenEncoder(Protocol):
    """What the outcome embedder needs of an encoder: :meth:`presslens.encoder.SentenceEncoder.run`."""

    def run(self, texts: list[str]) -> Encoded: ...


def outcome_span(text: str, before: int = OUTCOME_BEFORE, after: int = OUTCOME_AFTER) -> tuple[int, int, int, int]:
    """Character range of the outcome window of a masked clause and of the mask itself:
    ``(window_start, window_end, mask_start, mask_end)``.

    The window holds up to ``before`` words before the masked number and up to ``after`` words after it,
    without crossing punctuation that ends a part of the clause; the mask is the first whole word
    :data:`~presslens.compare.figures.NUMBER_MASK` (the whole text when there is none)."""
    words = [(w.start(), w.end(), w.group()) for w in _WORD.finditer(text)]
    at = next((i for i, (_s, _e, w) in enumerate(words) if w.strip(",;:.!?()\"'").lower() == NUMBER_MASK), None)
    if at is None:
        return 0, len(text), 0, 0
    first = at
    while first > 0 and at - first < before and not _BREAK.search(words[first - 1][2]):
        first -= 1
    last = at
    while last + 1 < len(words) and last - at < after and not _BREAK.search(words[last][2]):
        last += 1
    return words[first][0], words[last][1], words[at][0], words[at][1]


def outcome_vectors(encoded: Encoded, texts: list[str], *, before: int = OUTCOME_BEFORE,
                    after: int = OUTCOME_AFTER, centred: bool = False) -> np.ndarray:
    """One L2-normalised outcome vector per masked clause of ``texts`` from the encoder's token states
    (``encoded`` = the encoder's output for ``texts``): the mean state of the window's tokens other than the
    mask, minus the clause's mean state when ``centred``. A clause with no token in the window (only the
    number) gives the mean of all its tokens; an empty one a zero vector."""
    dim = encoded.sentence_embeddings.shape[1] if encoded.sentence_embeddings.ndim == 2 else 0
    out = np.zeros((len(texts), dim), dtype=np.float32)
    for i, text in enumerate(texts):
        states, offsets = encoded.token_states[i], encoded.token_offsets[i]
        if not len(states):
            continue
        w0, w1, m0, m1 = outcome_span(text, before, after)
        starts, ends = offsets[:, 0], offsets[:, 1]
        inside = (starts >= w0) & (ends <= w1) & ~((starts >= m0) & (ends <= m1)) & (ends > starts)
        pooled = states[inside].mean(axis=0) if inside.any() else states.mean(axis=0)
        if centred:
            pooled = pooled - states.mean(axis=0)
        norm = float(np.linalg.norm(pooled))
        if norm > 0:
            out[i] = pooled / norm
    return out


def outcome_embedder(encoder: TokenEncoder, *, before: int = OUTCOME_BEFORE, after: int = OUTCOME_AFTER,
                     centred: bool = False) -> Callable[[list[str]], np.ndarray]:
    """Masked clauses -> outcome vectors (:func:`outcome_vectors`), one encoder pass for the batch: an
    :data:`~presslens.compare.figure_words.Embedder` for ``FigureGrouper(outcome_embed=...)``."""

    def embed(texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        return outcome_vectors(encoder.run(list(texts)), list(texts), before=before, after=after,
                               centred=centred)

    return embed


__all__ = ["OUTCOME_AFTER", "OUTCOME_BEFORE", "TokenEncoder", "outcome_embedder", "outcome_span",
           "outcome_vectors"]
