"""Prediction rules of issue 13, stop 23 (pred9): misses with no candidate on the open splits, dev6's wrong
assertions and audit A's. Each case is an invented sentence of the same shape; the guard cases must stay as they
were, so a rule that fires on every sentence fails here."""

from __future__ import annotations

import pytest

from presslens.text.prediction import forecast_cues, forecast_exclusion, is_conditional, prediction_forecast
from tests.text_fixtures import basis_of as basis


def cue_texts(text: str) -> list[str]:
    found = prediction_forecast(text)
    return [] if found is None else [text[a:b] for a, b, _ in found[1]]


# Recall: gold predictions that had no candidate
# ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The agency has no plans to reopen the inquiry into the grant.",
    "Officials have no immediate plans to close the border crossing.",
])
def test_negated_present_plan_is_a_plan(text: str) -> None:
    assert basis(text) == "plan"


def test_past_negated_plan_is_not_a_plan() -> None:
    assert basis("The council had no plans to sell the land in 2010.") is None


def test_condition_inside_a_relative_clause_does_not_condition_the_plan() -> None:
    text = ("The ministry does not plan to open a review of the contract, which would normally go to the auditor, "
            "if the sum was large enough.")
    start = text.index("plan to")
    assert not is_conditional(text, start, start + len("plan to"))
    assert basis(text) == "plan"


def test_condition_of_the_cue_itself_stays_a_condition() -> None:
    text = "The ministry plans to open a review of the contract if the auditor asks for one."
    assert basis(text) is None


@pytest.mark.parametrize("text", [
    "A default on the loan is possible, but it is unlikely.",
    "A recount is highly unlikely in the current climate.",
    "A long and bitter contest was likely, the senator said.",
])
def test_predicative_likely_is_a_forecast(text: str) -> None:
    assert basis(text) in {"sure forecast in a claim", "forecast in a claim"}


@pytest.mark.parametrize("text", [
    "A long and bitter contest was likely.",  # past narrative, no reporting verb
    "It is likely that the files were lost in the move.",  # "likely that": not this rule
])
def test_past_or_clausal_likely_is_not_this_rule(text: str) -> None:
    assert not any(c.lower().endswith("likely") for c in cue_texts(text))


def test_backshifted_expected_in_reported_speech_is_a_forecast() -> None:
    text = "An aide told reporters they expected the budget report to be published first."
    assert "they expected " in cue_texts(text)
    assert basis(text) is not None


def test_expected_without_a_reporting_verb_is_not_this_rule() -> None:
    assert basis("They expected the budget report to be published first.") is None


def test_may_soon_have_is_a_timed_possibility() -> None:
    assert basis("Buyers of rare parts may soon have an easier way to find them.") == "timed possibility"


def test_may_have_without_soon_stays_a_bare_possibility() -> None:
    assert basis("Buyers of rare parts may have an easier way to find them.") is None


def test_new_cues_leave_the_claim_calibration_feature_alone() -> None:
    # claim findings use forecast_cues as a feature: the new prediction cues must not reach it
    for text in ("The agency has no plans to reopen the inquiry into the grant.",
                 "A default on the loan is possible, but it is unlikely.",
                 "Buyers of rare parts may soon have an easier way to find them."):
        assert forecast_cues(text) is None


# Precision: dev6's and audit A's wrong assertions
# ---------------------------------------------------------------------------------------------------

def test_would_love_to_is_a_wish() -> None:
    text = "I would love to believe that the charges are bound to be dropped."
    found = prediction_forecast(text)
    assert found is not None
    assert forecast_exclusion(text, found[1]) == "wish"


def test_forecast_under_a_bare_possibility_is_a_possibility() -> None:
    text = "I fear that the campaign may be such that this rumour will come to be believed by many."
    found = prediction_forecast(text)
    assert found is not None
    assert forecast_exclusion(text, found[1]) == "possibility"
    assert basis("I fear that this rumour will come to be believed by many.") is not None  # guard


def test_than_will_ever_is_a_characterisation() -> None:
    text = "She has done more for the town than the council will ever be able to do."
    assert basis(text) is None
    assert basis("The council will ever more often meet in the new hall next year.") is not None  # no "than"


def test_the_day_then_is_a_condition() -> None:
    text = "\u201cThe day they show me the accounts, then I will resign.\u201d"
    assert basis(text, quoted=True) is None
    assert basis("\u201cThe board will meet on Friday, and then I will resign.\u201d", quoted=True) is not None


def test_song_words_are_not_a_forecast() -> None:
    text = 'As the band sang back in the 1970s, "They\'ll take it all away from us."'
    assert basis(text) is None


@pytest.mark.parametrize("text", [
    "No one's going to say the plan was a mistake.",
    "\u201cThey're not going to say that.\u201d",
])
def test_going_to_say_refusal(text: str) -> None:
    assert basis(text) is None


def test_going_to_say_with_a_positive_subject_stays() -> None:
    assert basis("The mayor is going to say on Monday whether the bridge reopens next month.") is not None


def test_hypothetical_speech_of_people_who_say_is_generic() -> None:
    text = "What worries the campaign is people who say, 'I like her, I'll vote for her in November.'"
    assert basis(text) is None
