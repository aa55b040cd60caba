"""Claim units: the article's sentences, with sentences that the segmenter cut at a semicolon joined again.

The segmenter (syntok) ends a sentence at ";" before a capital letter ("Comey was fired in May 2017; McCabe was
fired in March; ..."). The real-news guideline (section 4) marks the whole sentence up to its closing stop, so
a claim finding is one unit per such run: consecutive sentences of one line whose earlier ones end in ";". Only
claim findings use units; every other finding (predictions included) keeps the article's sentences.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from presslens.article import Range


def claim_units(text: str, sentences: Sequence[Range]) -> list[list[int]]:
    """Indices of the sentences of each claim unit, in order: a sentence ending in ";" is joined with the next
    one when no line break lies between them."""
    units: list[list[int]] = []
    for i, (s, _end) in enumerate(sentences):
        if units:
            prev_s, prev_e = sentences[units[-1][-1]]
            if text[prev_s:prev_e].endswith(";") and "\n" not in text[prev_e:s]:
                units[-1].append(i)
                continue
        units.append([i])
    return units


def unit_ranges(sentences: Sequence[Range], units: Sequence[Sequence[int]]) -> list[Range]:
    return [(sentences[u[0]][0], sentences[u[-1]][1]) for u in units]


def unit_probabilities(probs: Sequence[float], units: Sequence[Sequence[int]]) -> list[float]:
    """A unit's check-worthiness probability: the highest of its sentences' (one checkable part makes the
    sentence check-worthy)."""
    return [max(float(probs[i]) for i in u) for u in units]


def unit_embeddings(embeddings: np.ndarray, units: Sequence[Sequence[int]]) -> np.ndarray:
    """A unit's sentence embedding: the mean of its sentences' (a single sentence keeps its own)."""
    emb = np.asarray(embeddings, dtype=np.float64)
    if not units:
        return emb.reshape(0, emb.shape[-1] if emb.ndim == 2 else 0)
    return np.stack([emb[u[0]] if len(u) == 1 else emb[list(u)].mean(axis=0) for u in units])
