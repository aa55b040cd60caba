"""Small hedge training datasets of our own sentences, shared by the hedge cue scorer tests (tests/test_hedge_*.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from presslens.text.hedging import claim_cue_candidates
from presslens.training.realnews_claims import Dataset, SentenceRow, refresh


def hedge_dataset(texts: Sequence[str], cues: Sequence[str], hedged: Callable[[int, int], bool], seed: int,
                  cue_tokens: bool = False) -> Dataset:
    """The ``texts`` as one article (``a0``, ``a1``, ``a2``) of each of the splits dev, dev2 and dev3, refreshed.

    Sentence ``i`` of split ``k`` has the claim probability 0.3 + 0.1 i, is a gold claim when ``i < 3``, and is a
    gold hedged claim where ``hedged(k, i)``, its gold cue the first word of ``cues`` in it. Sentence embeddings
    are drawn from ``default_rng(seed)``; with ``cue_tokens`` a token state of each cue candidate of
    :func:`~presslens.text.hedging.claim_cue_candidates` is drawn first."""
    rows: list[SentenceRow] = []
    for k, split in enumerate(("dev", "dev2", "dev3")):
        for i, text in enumerate(texts):
            is_hedged = hedged(k, i)
            cue = next((w for w in cues if w in text), "")
            gold = [[text.index(cue), text.index(cue) + len(cue)]] if is_hedged else []
            rows.append(SentenceRow(split, f"a{k}", i, len(texts), text, 0.3 + 0.1 * i, None, False,
                                    [0] if i < 3 else [], [0] if is_hedged else [], gold))
    rng = np.random.default_rng(seed)
    tokens = {(r.split, r.article, r.index, a, b): rng.normal(size=384)
              for r in rows for a, b, _ in claim_cue_candidates(r.text)} if cue_tokens else None
    data = Dataset(rows, rng.normal(size=(len(rows), 384)), tokens)
    refresh(data)
    return data
