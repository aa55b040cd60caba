"""Prediction rules of issue 13, stop 24 (pred10): general causes of wrong assertions and misses read off dev7's
errors, audit A (s24) and the stop-23 user trial. Each case is an invented sentence of the same shape; each rule
has a guard case that must stay a prediction, so a rule that fires on every sentence fails here."""

from __future__ import annotations

import pytest

from presslens.analyzers.claims.predictions import HAND_SCORES
from presslens.text.prediction import is_conditional
from tests.text_fixtures import basis_of as basis
from tests.text_fixtures import exclusion_of as exclusion

# A forecast verb that is not a present finite one (audit A: past expectations, an infinitive; dev7: an imperative)
# ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The mayor said he wasn't expecting to find a crowd at the depot that morning.",
    "She was not expecting to meet her old coach at the rally.",
    "He was the only analyst to correctly predict the size of the swing in that race.",
    "Don't expect the council to apologise for the remarks.",
    "Nobody had anticipated the storm, and few didn't expect it to hit the coast.",
])
def test_forecast_verb_that_is_not_present_makes_no_prediction(text: str) -> None:
    assert basis(text) is None


@pytest.mark.parametrize("text", [
    "Economists expect the central bank to raise rates next month.",
    "The ministry predicts that exports will fall in the second half.",
    "Analysts are expecting the merger to close by March.",
])
def test_present_forecast_verb_stays_a_prediction(text: str) -> None:
    assert basis(text) is not None


# Legacy verdicts (guideline section 6: "history will judge"), evaluative importance (decided with dev8)
# ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "“Her music will live on,” the conductor said after the concert.",
    "The senator will probably be remembered by scholars as a reformer.",
    "This vote will go down in history as a turning point.",
    "History will not be kind to the men who signed the order.",
])
def test_legacy_verdict_is_an_idiom(text: str) -> None:
    assert exclusion(text) == "idiom"


@pytest.mark.parametrize("text", [
    "Sharing data quickly will be vital to stopping the outbreak.",
    "Local volunteers will be crucial for rebuilding the bridge.",
])
def test_evaluative_importance_is_no_prediction(text: str) -> None:
    assert exclusion(text) == "evaluative aside"


@pytest.mark.parametrize("text", [
    "The festival will live stream its final night on Saturday.",
    "The new rules will be important news for farmers next year.",
    "The minister will be in Paris to sign the accord on Monday.",
])
def test_live_and_important_keep_real_forecasts(text: str) -> None:
    assert exclusion(text) is None


# Generic subjects with "going to", "just won't", present readiness, the writer's own plan
# ---------------------------------------------------------------------------------------------------

def test_whoever_with_going_to_is_generic() -> None:
    assert exclusion("Whoever runs the press office is going to have a long week.") == "habitual"


def test_named_subject_with_going_to_stays() -> None:
    assert exclusion("The press office is going to close for a week in August.") is None


def test_just_wont_is_a_stance() -> None:
    assert exclusion("The board just won't fix the leaking roof of the school.") == "refusal"


def test_plain_wont_stays_a_forecast() -> None:
    assert exclusion("The board won't meet again until the autumn.") is None


def test_present_readiness_is_no_forecast() -> None:
    assert exclusion("Voters in the county are ready to move on from the dispute.") == "readiness"


def test_about_to_stays_a_forecast() -> None:
    assert exclusion("The ferry company is about to cut its winter timetable.") is None


def test_writer_currently_has_no_plans_is_the_writers_own() -> None:
    text = "While I currently have no plans to back a candidate before the primary, I like the mayor."
    assert exclusion(text) == "writer's own"
    assert basis("The party currently has no plans to back a candidate before the primary.") == "plan"


# A reported threat with a reported "would" is as weak as its cues (user trial s23)
# ---------------------------------------------------------------------------------------------------

def test_commitment_with_reported_would_takes_the_weak_bucket() -> None:
    text = "She told officers that when she threatens to move out, he says that he would burn the house down."
    assert basis(text) == "reported would"
    assert HAND_SCORES["reported would"] < 0.5


def test_plain_forecast_with_reported_would_keeps_its_bucket() -> None:
    text = "The agency will publish the data, and officials said it would include the regional figures."
    assert basis(text) == "forecast in a claim"


# A condition does not reach into a non-restrictive relative clause (dev7 miss)
# ---------------------------------------------------------------------------------------------------

def test_relative_clause_after_a_condition_is_its_own_assertion() -> None:
    text = ("If you miss the eclipse, watch for the comet, which is set to pass close to the sun over five nights "
            "in March.")
    start = text.index("is set to")
    assert not is_conditional(text, start, start + len("is set to"))
    assert basis(text) is not None


def test_condition_still_reaches_the_main_clause() -> None:
    text = "If the talks fail, the union is set to strike over five days in March."
    start = text.index("is set to")
    assert is_conditional(text, start, start + len("is set to"))


def test_condition_after_the_relative_cue_still_counts() -> None:
    text = "Watch for the comet, which is set to pass close to the sun if the clouds clear."
    start = text.index("is set to")
    assert is_conditional(text, start, start + len("is set to"))
