"""The shipped figure scorer (``figures.scores=calibrated``) is fitted on every open real-news split."""

from __future__ import annotations

import json
from pathlib import Path

import presslens
from presslens.evaluation.realnews_selection import OPEN_SPLITS, VALIDATION_SPLITS

MODEL = Path(presslens.__file__).parent / "models" / "figures" / "quantity_scorer.json"


def test_the_figure_scorer_is_fitted_on_every_open_split_and_no_validation_split() -> None:
    trained_on = json.loads(MODEL.read_text(encoding="utf-8"))["trained_on"]
    names = set(trained_on.split(" gold")[0].removeprefix("data/realnews ").split(" + "))
    assert names == set(OPEN_SPLITS)
    assert not names & {*VALIDATION_SPLITS, "test"}
