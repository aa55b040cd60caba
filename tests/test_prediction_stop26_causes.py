"""Prediction rules of issue 13, stop 26 (pc12): general causes of wrong assertions read off dev9's errors (opened at
the start of stop 26), the option ``claims.prediction_rules=stop26`` (``stop25+26`` with the stop-25 rules; not the
default, HISTORY.md of the model card has the ship rule's verdict). GUIDELINE.md section 6: hopes and wishes,
general stances and refusals are no predictions. Each case is an invented sentence of the same shape; each rule has
a guard case that must stay a prediction; with the option off, the stop-24 readings hold."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from presslens.text.prediction import stop26_rules
from tests.text_fixtures import basis_of as basis
from tests.text_fixtures import exclusion_of as exclusion


@pytest.fixture(autouse=True)
def _rules_on(request: pytest.FixtureRequest) -> Iterator[None]:
    with stop26_rules("default_rules" not in request.node.name):
        yield


@pytest.mark.parametrize("text", [
    "The bishops thereby hope that the faithful will return to the parish.",
    "Harbour workers are hoping they will win the appeal next year.",
    "The mayor cut the fares in hopes that commuters will come back.",
    "She endorsed the man she hopes will succeed her.",
])
def test_a_third_party_hope_is_a_wish(text: str) -> None:
    assert exclusion(text) == "wish"


@pytest.mark.parametrize("text", [
    "He hopes to win, and the party will hold its vote in May.",
    "None of the reforms that voters are hoping for will pass the senate this year.",
])
def test_a_forecast_beside_a_hope_stays_a_prediction(text: str) -> None:
    assert basis(text) is not None


def test_default_rules_keep_the_hope() -> None:
    assert exclusion("Harbour workers are hoping they will win the appeal next year.") is None


@pytest.mark.parametrize("text", [
    "Council Leader Met the Gang Boss, Won't Condemn",
    "The senator will not apologize for the remark.",
])
def test_a_refusal_to_condemn_or_apologise_is_a_stance(text: str) -> None:
    assert exclusion(text) == "refusal"


def test_a_negated_act_stays_a_prediction() -> None:
    assert basis("The senator will not attend the hearing on Monday.") is not None


@pytest.mark.parametrize("text", [
    "Safety is our duty, and the port authority will enforce our nation's laws.",
    "The new board will faithfully uphold the constitution.",
])
def test_keeping_the_law_is_a_general_stance(text: str) -> None:
    assert exclusion(text) == "stance"


@pytest.mark.parametrize("text", [
    "Police will enforce the new curfew from Monday.",
    "The agency will no longer exempt small farms from the rules.",
])
def test_a_concrete_enforcement_stays_a_prediction(text: str) -> None:
    assert basis(text) is not None


def test_the_analyzer_option_turns_the_rules_on() -> None:
    from presslens import read_article
    from presslens.pipeline import Pipeline, PipelineConfig

    text = ("Harbour appeal\n\nThe dock workers lost the first case in March, and they are hoping they will win the "
            "appeal in the high court next year.\n")
    found = {}
    for value in ("stop24", "stop25", "stop26", "stop25+26"):
        report = Pipeline(PipelineConfig(only=("claims",), options={"claims.prediction_rules": value})).run(
            read_article(text))
        found[value] = [f.text for f in report.findings if f.kind == "prediction"]
    assert found["stop24"] and found["stop25"] and not found["stop26"] and not found["stop25+26"]
