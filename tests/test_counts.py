"""The one precision/recall count type (:mod:`presslens.evaluation.counts`) and the tables built on it."""

from __future__ import annotations

import numpy as np
import pytest

from presslens.evaluation.counts import PrecisionRecallCounts


def test_precision_and_recall_read_their_own_numerators() -> None:
    c = PrecisionRecallCounts(predicted=4, correct=3, gold=10, found=2)
    assert c.precision == pytest.approx(0.75)
    assert c.recall == pytest.approx(0.2)


def test_zero_denominators_give_none_not_zero() -> None:
    assert PrecisionRecallCounts(gold=3, found=1).precision is None
    assert PrecisionRecallCounts(gold=3, found=1).recall == pytest.approx(1 / 3)
    assert PrecisionRecallCounts(predicted=2, correct=0).recall is None
    assert PrecisionRecallCounts(predicted=2, correct=0).precision == 0.0
    empty = PrecisionRecallCounts()
    assert empty.precision is None and empty.recall is None
    assert empty.to_dict() == {"predicted": 0, "correct": 0, "gold": 0, "found": 0, "precision": None,
                               "recall": None}


def test_addition_sums_each_field_and_leaves_the_operands_alone() -> None:
    a = PrecisionRecallCounts(predicted=4, correct=3, gold=10, found=2)
    b = PrecisionRecallCounts(predicted=1, correct=0, gold=5, found=5)
    total = a + b
    assert total == PrecisionRecallCounts(predicted=5, correct=3, gold=15, found=7)
    assert a == PrecisionRecallCounts(predicted=4, correct=3, gold=10, found=2)
    assert sum([a, b, b], PrecisionRecallCounts()) == PrecisionRecallCounts(6, 3, 20, 12)
    # pooled precision is over the summed counts, not the mean of the two precisions
    assert total.precision == pytest.approx(3 / 5)


def test_add_in_place_matches_plus() -> None:
    a = PrecisionRecallCounts(predicted=4, correct=3, gold=10, found=2)
    b = PrecisionRecallCounts(predicted=1, correct=1, gold=0, found=0)
    expected = a + b
    a.add(b)
    assert a == expected
    assert b == PrecisionRecallCounts(predicted=1, correct=1, gold=0, found=0)


def test_the_json_keys_of_eval_realnews() -> None:
    keys = ["predicted", "correct", "gold", "found", "precision", "recall"]
    assert list(PrecisionRecallCounts(2, 1, 4, 3).to_dict()) == keys


def test_figures_table_sums_counts_and_prints_zero_for_an_empty_split() -> None:
    from presslens.training.figures import METHODS, table

    full = PrecisionRecallCounts(predicted=4, correct=3, gold=6, found=3)
    empty = PrecisionRecallCounts(gold=2)
    rows = {"a": {"figures": 4, "l2": 1.0, "strength": 3.0, **{m: (full, 0.1, 2.0) for m in METHODS}},
            "b": {"figures": 0, "l2": 1.0, "strength": 3.0, **{m: (empty, 0.0, 0.0) for m in METHODS}}}
    lines = table(rows).splitlines()
    assert "| b | 0 | 0.000 | 0.000 | 0.000 | 0.0 |" in lines[3]
    assert lines[4].startswith("| sum | 4 | 0.750 (3/4) | 0.375 (3/8) | ")


def test_violence_call_counts_keep_the_calls_json_keys() -> None:
    from presslens.training.violence_calls import _as_json, _counts, _fmt, _sum

    class FakeRow:
        def __init__(self, right: bool, gold: list[tuple[int, int]]) -> None:
            self.right, self.gold, self.article, self.span = right, gold, "1", (0, 10)

    rows = [FakeRow(True, [(0, 10)]), FakeRow(False, [(0, 10)]), FakeRow(True, [(0, 10)])]
    scored = _counts(rows, np.asarray([0.9, 0.7, 0.2]), 2)  # type: ignore[arg-type]
    assert list(_as_json(scored)) == ["right", "asserted", "found", "gold", "ece"]
    assert _as_json(scored)["right"] == 1 and _as_json(scored)["asserted"] == 2
    assert _as_json(scored)["found"] == 1 and _as_json(scored)["gold"] == 2
    none = (PrecisionRecallCounts(gold=0), None)
    assert _fmt(none) == "P 0/0 (-) R 0/0 (-) ECE None"
    from presslens.evaluation.realnews_selection import OPEN_SPLITS

    pooled = _sum({OPEN_SPLITS[0]: scored, "pooled": scored})
    assert pooled == scored[0]
