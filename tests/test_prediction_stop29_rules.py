"""Prediction rules of issue 13, stop 29 (pc15): the option ``claims.prediction_rules=stop26+29`` (``stop29`` alone).
Forecasts the cue patterns missed, from GUIDELINE.md 8a "Decided with dev12" and the open splits' missed gold
predictions: a headline in the infinitive for a planned act, a reported past intention ("revealed it intended to"),
"are plotting to", "no further indictments expected". Each case is an invented sentence of the same shape; each rule
has guards that must add nothing, and with the default rules the stop-26 readings hold."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from presslens.analyzers.claims.predictions import HAND_SCORES
from presslens.text.prediction import (
    DEFAULT_PREDICTION_RULES,
    PREDICTION_RULES,
    prediction_forecast,
    prediction_rules,
    stop29_rules,
)
from tests.text_fixtures import basis_of as basis


@pytest.fixture(autouse=True)
def _rules_on(request: pytest.FixtureRequest) -> Iterator[None]:
    with stop29_rules("default_rules" not in request.node.name):
        yield


@pytest.mark.parametrize("text", [
    "Council to Close Riverside Library in Budget Cuts",
    "Report: Ministry to Raise Fuel Duty in Spring",
    "Oceans to rise faster in next ten years",
    "Retired Teacher Cleared By Court To Sue School Board",
    "The ministry confirmed it intended to hold a second hearing on the plan next month.",
    "The mayor said they planned to hand over the files to the auditors.",
    "A group of councillors are plotting to block the budget by starving the office of funds.",
    "No further arrests are expected, police said.",
    "The inquiry closed, with no further charges planned.",
])
def test_stop29_forecasts_are_asserted(text: str) -> None:
    found = basis(text)
    assert found is not None and HAND_SCORES[found] >= 0.5, found


@pytest.mark.parametrize("text", [
    "How to Close a Bank Account in Five Steps",  # a how-to
    "Mayor Calls on Council to Close the Library",  # a call, not a plan
    "Activists Urge Ministers to Raise the Minimum Wage",  # a call
    "Firm Wants to Close Two Plants",  # a wish
    "Pope Heads to Chile",  # motion
    "Time to Buy Gold Coins",  # advice ("Time for Congress to End This": a call)
    "Time for Congress to End the Delay",
    "A Commitment to Freedom Shines in Her Books",  # "to" a preposition
    "Campaign Using Scandal to Distract Voters",  # purpose after a participle
    "Hikers Attempting To Close the Gap Stranded",  # a participle's infinitive
    "Council to close library in budget cuts.",  # a closing stop: not a headline
    "He said he planned to go, but did not.",  # past, and no reported intention of an act still ahead
    "The vote was planned to fail.",  # passive, no reporting verb
    "No further questions are expected to be answered today.",  # "expected to": the base rules read it
])
def test_stop29_guards_add_nothing(text: str) -> None:
    with stop29_rules(False):
        before = basis(text)
    found = basis(text)
    assert found == before, (before, found)


def test_default_rules_keep_the_stop26_readings() -> None:
    assert DEFAULT_PREDICTION_RULES == "stop26+30"  # stop 26's readings and stop 30's, not this file's
    with prediction_rules(DEFAULT_PREDICTION_RULES):
        assert prediction_forecast("Council to Close Riverside Library in Budget Cuts") is None
        assert prediction_forecast("No further arrests are expected, police said.") is None


def test_the_option_values_name_the_stop29_sets() -> None:
    assert {"stop29", "stop26+29"} <= set(PREDICTION_RULES)
    text = "The ministry confirmed it intended to hold a second hearing on the plan next month."
    with stop29_rules(False):
        with prediction_rules("stop26+29"):
            assert prediction_forecast(text) is not None
        with prediction_rules("stop26"):
            assert prediction_forecast(text) is None
