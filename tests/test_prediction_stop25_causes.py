"""Prediction rules of issue 13, stop 25 (pc11): general causes of wrong assertions and misses read off dev8's
errors (opened at the start of stop 25) and audit A (s25), the option ``claims.prediction_rules=stop25`` (not the
default: no held-out gain, audit B precision unchanged; HISTORY.md). Each case is an invented sentence of the
same shape; each rule has a guard case that must stay a prediction, so a rule that fires on every sentence fails
here; with the option off, the stop-24 readings hold."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from presslens.text.prediction import prediction_forecast, stop25_rules
from tests.text_fixtures import basis_of as basis
from tests.text_fixtures import exclusion_of as exclusion


@pytest.fixture(autouse=True)
def _rules_on(request: pytest.FixtureRequest) -> Iterator[None]:
    with stop25_rules("default_rules" not in request.node.name):
        yield


# Legacy verdicts told by historians or as a place in history; open questions told as set phrases (dev8)
# ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Historians will look back with disbelief at how the council sold the harbour.",
    "Future historians are going to wonder how the treaty ever passed.",
    "The strike is going to be a turning point in the country's labour history.",
    "It seems the ruling will be a defining moment in American legal history.",
    "It is yet to be decided whether the court will hear the appeal.",
    "It remains to be determined how many of the ships will sail.",
])
def test_legacy_verdicts_and_open_set_phrases_are_idioms(text: str) -> None:
    assert exclusion(text) == "idiom"


@pytest.mark.parametrize("text", [
    "The strike is going to be held in the harbour on Friday.",
    "The ruling will be published by the court next week.",
    "The historians' society will meet in Vienna in May.",
])
def test_plain_forecasts_near_those_words_stay_predictions(text: str) -> None:
    assert basis(text) is not None


# A trait told with the adverb after the cue; a generic "when" clause; an indirect question after "as to" (dev8)
# ---------------------------------------------------------------------------------------------------

def test_will_simply_not_is_a_trait() -> None:
    assert exclusion("He did what most ministers will simply not do: he admitted the error.") == "refusal"


def test_will_not_with_an_event_stays_a_prediction() -> None:
    assert basis("The minister will not attend the summit in Oslo.") is not None


def test_when_clause_about_anything_is_generic() -> None:
    assert exclusion("When something falls from that height, the panels are going to crack.") == "habitual"


def test_when_clause_with_a_definite_subject_stays_a_prediction() -> None:
    assert basis("When the envoy lands, officials are going to meet him at the airport.") is not None


def test_as_to_who_will_is_a_question() -> None:
    assert exclusion("The judge seemed unsure as to who will review the files.") == "question"


def test_no_one_is_not_the_generic_one() -> None:
    assert exclusion("But no one will pay any attention to the report.") is None
    assert basis("But no one will pay any attention to the report.") is not None
    assert exclusion("One will find the museum closed on most days.") == "generic you"


# A time phrase that dates the statement does not time a bare "may" (dev8)
# ---------------------------------------------------------------------------------------------------

def test_statement_time_does_not_time_a_possibility() -> None:
    assert prediction_forecast("On Monday evening, the senator appeared on the radio and said that the group "
                               "may be telling the truth.") is None


def test_a_timed_possibility_stays_one() -> None:
    found = prediction_forecast("The senator said the group may strike again next week.")
    assert found is not None and found[0] == "possible"


# A relative clause that comments on a condition still open is conditioned by it (dev8)
# ---------------------------------------------------------------------------------------------------

def test_relative_clause_on_an_open_condition_is_conditional() -> None:
    assert basis("If the envoy has read the letter at all, which is unlikely, he has ignored it.") is None


def test_relative_clause_after_a_closed_condition_stays_a_prediction() -> None:
    assert basis("If you miss the launch, watch the replay, which is set to air on the channel tomorrow.",
                 is_claim=False) is not None


# A gerund forecast verb names an expectation as a topic (audit A s25); a question named, then put (audit A s25)
# ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Anyone expecting the council to change course should read the minutes.",
    "But expecting the regime to reform overnight is like waiting for snow in July.",
])
def test_gerund_forecast_verb_makes_no_prediction(text: str) -> None:
    assert basis(text) is None


@pytest.mark.parametrize("text", [
    "Analysts are expecting the council to change course next week.",
    "Traders, expecting the bank to cut rates, sold the currency.",
])
def test_progressive_or_reported_expectation(text: str) -> None:
    # a progressive stays a forecast; a participle clause with no auxiliary does not
    found = basis(text)
    if text.startswith("Analysts"):
        assert found is not None
    else:
        assert found is None


@pytest.mark.parametrize("text", [
    "The real question, which is how the voters will respond, was not asked.",
    "The question now is whether the army will withdraw.",
])
def test_question_named_then_put_is_a_question(text: str) -> None:
    assert basis(text) is None


def test_answered_question_stays_a_prediction() -> None:
    assert basis("That question is settled: the army will withdraw in May.") is not None


# With the option off (the default), the stop-24 readings hold
# ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Historians will look back with disbelief at how the council sold the harbour.",
    "It is yet to be decided whether the court will hear the appeal.",
    "Anyone expecting the council to change course should read the minutes.",
    "The real question, which is how the voters will respond, was not asked.",
    "If the envoy has read the letter at all, which is unlikely, he has ignored it.",
])
def test_default_rules_keep_the_stop24_readings(text: str) -> None:
    assert basis(text) is not None


def test_default_rules_read_no_one_as_generic() -> None:
    assert exclusion("But no one will pay any attention to the report.") == "generic you"


def test_the_analyzer_option_turns_the_rules_on() -> None:
    from presslens import read_article
    from presslens.pipeline import Pipeline, PipelineConfig

    text = "Harbour sale\n\nHistorians will look back with disbelief at how the council sold the harbour last year.\n"
    found = {}
    for value in ("stop24", "stop25"):
        report = Pipeline(PipelineConfig(only=("claims",), options={"claims.prediction_rules": value})).run(
            read_article(text))
        found[value] = [f.text for f in report.findings if f.kind == "prediction"]
    assert found["stop24"] and not found["stop25"]
