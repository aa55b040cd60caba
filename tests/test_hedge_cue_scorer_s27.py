"""The learned cue-scorer variants of stop 27 (helper hedge15): identity penalty, per-class offsets, claims-only fit."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from presslens.analyzers.claims.scorers import CUE_CLASSES, LinearScorer, cue_feature_names
from presslens.training.realnews_claims import (
    IDENTITY_PREFIXES,
    SHIPPED,
    Candidate,
    Dataset,
    SentenceRow,
    class_offsets,
    cue_training_rows,
    fit_cue_scorer,
    fit_scorer,
    refresh,
    with_class_offsets,
)


def _toy(n: int = 200, seed: int = 5) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    names = cue_feature_names(False)
    x = np.zeros((n, len(names)))
    cls = rng.integers(0, 3, n)
    x[np.arange(n), cls] = 1.0
    x[:, len(names) - 5:] = rng.normal(size=(n, 5))
    # class 0 hedges far more often than the others: the identity carries the signal
    y = (rng.random(n) < np.where(cls == 0, 0.85, 0.15)).astype(int)
    return x, y


def test_identity_weight_one_is_the_plain_fit_and_a_larger_one_shrinks_the_identity_less() -> None:
    x, y = _toy()
    names = cue_feature_names(False)
    plain = fit_scorer(x, None, y, 0.01, names)
    same = fit_cue_scorer(x, None, y, 0.01, names, identity_weight=1.0)
    assert same.to_json() == plain.to_json()
    weighted = fit_cue_scorer(x, None, y, 0.01, names, identity_weight=math.sqrt(10.0))
    ident = [i for i, n in enumerate(names) if n.startswith(IDENTITY_PREFIXES)]
    assert ident and all(names[i].startswith(("class=", "lemma=")) for i in ident)
    # the written scale carries the weight: the form (and its JSON round trip) is unchanged
    assert np.allclose(weighted.scale[ident] * math.sqrt(10.0), plain.scale[ident])
    again = LinearScorer.from_json(json.loads(json.dumps(weighted.to_json())), names)
    assert np.allclose(again.probabilities(x), weighted.probabilities(x), atol=1e-5)
    # less shrinkage on the class column: class 0's candidates move further from the base rate
    in_class = x[:, 0] == 1.0
    assert weighted.probabilities(x)[in_class].mean() > plain.probabilities(x)[in_class].mean() + 0.02
    with pytest.raises(ValueError):
        fit_cue_scorer(x, None, y, 0.01, names, prior=True, identity_weight=2.0)


def test_class_offsets_are_folded_into_the_scorer() -> None:
    x, _ = _toy()
    names = cue_feature_names(False)
    rng = np.random.default_rng(1)
    scorer = LinearScorer(tuple(names), x.mean(axis=0), np.maximum(x.std(axis=0), 1.0), rng.normal(size=len(names)),
                          -0.3)
    offsets = np.zeros(len(CUE_CLASSES))
    offsets[:3] = [1.5, -0.5, 0.25]
    moved = with_class_offsets(scorer, offsets)
    logit = np.log(scorer.probabilities(x) / (1.0 - scorer.probabilities(x)))
    expected = 1.0 / (1.0 + np.exp(-(logit + x[:, : len(CUE_CLASSES)] @ offsets)))
    assert np.allclose(moved.probabilities(x), expected, atol=1e-9)


def _row(split: str, article: str, claim: bool, hedge: bool, text: str = "The army may have left.") -> SentenceRow:
    s = text.index("may")
    return SentenceRow(split, article, 0, 1, text, 0.7, None, False, [0] if claim else [], [0] if hedge else [],
                       [[s, s + 3]] if hedge else [], [Candidate(s, s + 3, "modal", "modal", hedge)])


def test_claims_only_keeps_the_gold_claim_units() -> None:
    rows = [_row("dev", "1", True, True), _row("dev", "2", False, False), _row("dev2", "3", True, False)]
    data = Dataset(rows, np.zeros((3, 4)))
    assert cue_training_rows(data, False) is data
    assert [r.article for r in cue_training_rows(data, True).rows] == ["1", "3"]


def test_class_offsets_learn_a_class_the_out_of_fold_scorer_underrates() -> None:
    from dataclasses import replace

    # every "may" candidate hedges a gold hedge in every split; the embedding carries nothing; the out-of-fold
    # scorer at C 0.01 stays near the base rate of the pooled candidates, the offset of the modal class lifts it
    rows = []
    for i, split in enumerate(("dev", "dev2", "dev3")):
        rows += [_row(split, f"{i}a", True, True), _row(split, f"{i}b", True, True),
                 _row(split, f"{i}c", False, False, "They said it may be a trap of some kind.")]
    data = Dataset(rows, np.random.default_rng(0).normal(size=(len(rows), 4)))
    refresh(data)
    options = replace(SHIPPED, cue_c=0.01, cue_class_offsets=1.0)
    offsets = class_offsets(data, options, 0.01)
    assert offsets.shape == (len(CUE_CLASSES),)
    modal = [k for k, c in enumerate(CUE_CLASSES) if any(c == cand.cue_class for r in rows for cand in r.candidates)]
    assert modal and all(np.isfinite(offsets))
    assert not np.allclose(offsets[modal], 0.0)
    unseen = [k for k in range(len(CUE_CLASSES)) if k not in modal]
    assert np.allclose(offsets[unseen], 0.0, atol=1e-6)  # no candidate of the class: the penalty keeps it at 0


def test_s27_screens_change_only_the_cue_scorer() -> None:
    from presslens.training.realnews_claims_screens import SCREENS

    for name in ("identity", "class-calibrated", "conditional"):
        candidates, options = SCREENS[name]
        assert candidates is None  # the shipped candidates: the claim scorer's inputs cannot move
        assert options.cue_c == 0.01 and options.extended == SHIPPED.extended and not options.article
        assert (options.cue_identity_weight != 1.0, options.cue_class_offsets > 0, options.cue_claims_only) == (
            name == "identity", name == "class-calibrated", name == "conditional")
