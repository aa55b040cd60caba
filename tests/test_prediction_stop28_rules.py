"""Prediction rules of issue 13, stop 28 (pc14): the option ``claims.prediction_rules=stop26+28`` (``stop28`` alone).
Exclusions read off dev11's wrong assertions and GUIDELINE.md 8a "Decided with dev11" (a subject naming a hypothetical
event is a condition; an open "too soon to say"; a speaker's "I'll have to get back to you"), and forecasts the cue
patterns missed on the open splits ("are still going to", "estimated that ... would", "But they will.", "could
continue ... into 2026"). Each case is an invented sentence of the same shape, each rule has a guard that must keep
its reading, and with the default rules the stop-26 readings hold. Also the text-only judge
(:mod:`presslens.training.prediction_rules_text`)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from presslens.analyzers.claims.predictions import HAND_SCORES
from presslens.text.prediction import (
    DEFAULT_PREDICTION_RULES,
    PREDICTION_RULES,
    prediction_forecast,
    prediction_rules,
    stop28_rules,
)
from tests.text_fixtures import basis_of as basis
from tests.text_fixtures import exclusion_of as exclusion


@pytest.fixture(autouse=True)
def _rules_on(request: pytest.FixtureRequest) -> Iterator[None]:
    with stop28_rules("default_rules" not in request.node.name):
        yield


@pytest.mark.parametrize(("text", "reason"), [
    ("A refusal by the council to fund the clinics will lead to longer queues and, in time, closures.", "conditional"),
    ("\"A defeat for the governor in the primary will mean a new fight over the budget.\"", "conditional"),
    ("Doctors caution that it is too early to say that the outbreak won't return next winter.", "question"),
    ("“I'll have to get back to you on that,” the spokesman said.", "discourse"),
])
def test_stop28_exclusions(text: str, reason: str) -> None:
    assert exclusion(text) == reason


@pytest.mark.parametrize(("text", "quoted"), [
    ("The refusal by the council was announced on Monday, and the clinics will close in May.", False),
    ("A decision by the court is expected, and it will come before the end of the year.", False),
    ("We will get back to you shortly with a fuller answer.", True),  # a commitment with a horizon (dev3)
    ("It is not too early to see that the dam will hold.", False),
])
def test_stop28_exclusion_guards_stay_predictions(text: str, quoted: bool) -> None:
    assert basis(text, quoted=quoted) is not None


@pytest.mark.parametrize("text", [
    "Whatever the polls say, the senators are still going to vote along party lines.",
    "The survey estimated that the river's flow would probably fall by a tenth before 2040.",
    "A panelist predicted that the board would have nine members again soon.",
    "But they will.",
    "Its batteries could keep the probe running into 2031 and beyond.",
])
def test_stop28_forecasts_are_asserted(text: str) -> None:
    found = basis(text)
    assert found is not None and HAND_SCORES[found] >= 0.5, found


@pytest.mark.parametrize("text", [
    "The painting of her father projected on the wall would have made her cry.",  # counterfactual, participle
    "Students were required to complete a project outline in which they would compare two texts.",  # the noun
    "The agency predicted that the storm would have reached the coast by then.",  # "would have" + participle
    "They were still going to the office every day.",  # motion, not a forecast
    "His will.",  # the noun
    "The probe could be seen from Earth into the evening.",  # no future year
])
def test_stop28_guards_add_nothing(text: str) -> None:
    found = basis(text)
    assert found is None or HAND_SCORES[found] < 0.5, found


def test_default_rules_keep_the_stop26_readings() -> None:
    assert DEFAULT_PREDICTION_RULES == "stop26+30"  # stop 26's readings and stop 30's, not this file's
    with prediction_rules(DEFAULT_PREDICTION_RULES):
        assert prediction_forecast("Whatever the polls say, the senators are still going to vote along party lines.") \
            is None
        assert exclusion("A refusal by the council to fund the clinics will lead to longer queues.") is None


def test_the_option_values_name_the_stop28_sets() -> None:
    assert {"stop28", "stop26+28", "stop26+27+28"} <= set(PREDICTION_RULES)
    text = "But they will."
    with stop28_rules(False):
        with prediction_rules("stop26+28"):
            assert prediction_forecast(text) is not None
        with prediction_rules("stop26"):
            assert prediction_forecast(text) is None


def test_the_text_judge_counts_added_forecasts(tmp_path: Path) -> None:
    """The text-only judge finds a gold prediction that only the stop-28 rules assert and counts it on its split."""
    from presslens.training import prediction_rules_text as judge_tool

    data = tmp_path / "ptc"
    (data / "train-articles").mkdir(parents=True)
    text = ("Senators weigh the bill\n\nWhatever the polls say, the senators are still going to vote along party "
            "lines. The debate ended on Tuesday.\n")
    (data / "train-articles" / "article1.txt").write_text(text, encoding="utf-8")
    start = text.index("Whatever")
    end = text.index("lines.") + len("lines.")
    import hashlib

    record = {"id": "1", "split": "dev", "stratum": "mixed", "annotator": "T", "article_violence": False,
              "attributions": [], "quantities": [], "claims": [], "hedges": [],
              "predictions": [{"span": [start, end], "horizon": None}], "violence": [], "calls_to_action": [],
              "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(), "text_length": len(text)}
    annotations = tmp_path / "realnews"
    annotations.mkdir()
    (annotations / "dev.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    articles = judge_tool.read_splits(data, annotations, ["dev"])
    before, _ = judge_tool.judge(articles, "stop26")
    after, asserted = judge_tool.judge(articles, "stop26+28")
    assert (before["dev"].predicted, before["dev"].found) == (0, 0)
    assert (after["dev"].predicted, after["dev"].correct, after["dev"].found, after["dev"].gold) == (1, 1, 1, 1)
    assert asserted[0].gold == (0,)
    table = judge_tool.markdown(before, after, "stop26", "stop26+28", {"dev"})
    assert "in-sample: stop26" in table and "fails" in table  # read off the only split: no held-out gain
    with pytest.raises(ValueError, match="open split"):
        judge_tool.read_splits(data, annotations, ["test"])
    parser = argparse.ArgumentParser()
    judge_tool.add_arguments(parser)
    args = parser.parse_args(["--data", str(data), "--annotations", str(annotations), "--rules", "stop26+28",
                              "--splits", "dev", "--changes"])
    assert judge_tool.main(args) == 0


def test_the_claim_decision_never_decides_an_asserted_bucket() -> None:
    """At the hand table's 0.5 every bucket is asserted, or not, whether or not its sentence is a claim finding."""
    from presslens.training.prediction_rules_text import claim_decision_matters

    pairs = [("sure forecast in a claim", "sure forecast"), ("forecast in a claim", "forecast"),
             ("forecast in a claim", "quoted forecast"), ("forecast in a claim", "subordinate forecast"),
             ("quoted stance", "quoted stance")]
    assert not any(claim_decision_matters(a, b) for a, b in pairs)
    assert claim_decision_matters("forecast in a claim", None)
