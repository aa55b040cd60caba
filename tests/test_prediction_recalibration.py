"""Recalibrated bucket scores (issue 13, stop 22): shares counted per split, Laplace-smoothed, and a bucket whose
precision differs across splits scored below 0.5; the option ``claims.prediction_scorer=recalibrated``."""

from __future__ import annotations

import pytest

from presslens.analyzers.claims.predictions import (
    BUCKETS,
    INCONSISTENT_CAP,
    RECALIBRATED_SCORES,
    SCORER_CHOICES,
    candidate_score,
    prediction_basis,
    recalibrated_bucket_score,
)
from presslens.text.prediction import prediction_forecast
from presslens.training import predictions as training


def test_a_consistent_bucket_scores_its_smoothed_share() -> None:
    # 18 of 20 right over three splits, each split mostly right: (18 + 1) / (20 + 2)
    assert recalibrated_bucket_score({"a": (9, 10), "b": (5, 5), "c": (4, 5)}) == pytest.approx(0.86)
    # one right of one: smoothed toward 0.5, not 1.0
    assert recalibrated_bucket_score({"a": (1, 1)}) == pytest.approx(0.67)
    assert recalibrated_bucket_score({}) == pytest.approx(0.5)


def test_a_bucket_wrong_on_one_split_is_a_candidate_only() -> None:
    # right 10 of 10 on two splits but 0 of 3 on a third: the precision differs across splits
    score = recalibrated_bucket_score({"a": (5, 5), "b": (5, 5), "c": (0, 3)})
    assert score == INCONSISTENT_CAP < 0.5
    # a single wrong candidate on a split is too few to call the bucket inconsistent
    assert recalibrated_bucket_score({"a": (5, 5), "b": (5, 5), "c": (0, 1)}) > 0.5
    # half right is not "fewer than half"
    assert recalibrated_bucket_score({"a": (5, 5), "b": (1, 2)}) > 0.5


def test_training_recalibrates_from_the_given_splits_only() -> None:
    def cand(split: str, basis: str, right: bool) -> training.Candidate:
        return training.Candidate(split, "1", 0, 1, "x", False, True, 0.9, 1, basis, right, [0] if right else [])

    candidates = [cand("dev", "plan", True), cand("dev", "plan", True), cand("dev2", "plan", False),
                  cand("dev2", "plan", False), cand("dev3", "forecast", True)]
    on_dev = training.recalibrated_scores(candidates, ["dev"])
    assert on_dev["plan"] == pytest.approx(0.75) and on_dev["forecast"] == pytest.approx(0.5)
    both = training.recalibrated_scores(candidates, ["dev", "dev2"])
    assert both["plan"] == INCONSISTENT_CAP  # 2/2 on dev, 0/2 on dev2
    assert set(both) == set(BUCKETS)


def test_the_option_uses_the_recalibrated_table() -> None:
    assert "recalibrated" in SCORER_CHOICES and set(RECALIBRATED_SCORES) == set(BUCKETS)
    assert all(0.0 < v < 1.0 for v in RECALIBRATED_SCORES.values())
    sentence = "Officials said the border will reopen soon."
    found = prediction_forecast(sentence)
    assert found is not None
    basis = prediction_basis(sentence, found, False, False)
    assert basis is not None
    assert candidate_score(sentence, found, basis, False, False, 0.0, 4, "recalibrated") == RECALIBRATED_SCORES[basis]
