"""The stop-31 prediction rules (option ``claims.prediction_rules=stop31`` / ``stop26+30+31``, issue 13): scheduled
acts told without a forecast cue (GUIDELINE.md 8a, "Decided with dev14"). Off by default: the default reads none of
it. Sentences written for the test."""

from __future__ import annotations

import pytest

from presslens.analyzers.claims.predictions import HAND_SCORES
from presslens.text.prediction import (
    DEFAULT_PREDICTION_RULES,
    PREDICTION_RULES,
)
from tests.text_fixtures import basis_under


@pytest.mark.parametrize("text", [
    "The mayor's fraud case is set for trial in October.",
    "The handover is scheduled for the end of June.",
    "Lawmakers meet again, with a final vote slated for the week beginning March 3rd.",
    "The island nation heads for April 12 deadline",
    "The council's summer recess is to be cancelled.",
    "The inquiry closed its files, with no new charges coming out.",
])
def test_scheduled_acts_are_predictions(text: str) -> None:
    assert basis_under(text, DEFAULT_PREDICTION_RULES) is None
    basis = basis_under(text, "stop26+30+31")
    assert basis is not None and HAND_SCORES[basis] >= 0.5


@pytest.mark.parametrize("text", [
    "The hearing was scheduled for Monday.",  # a past plan
    "The stage is set for a fight.",  # no time
    "He is due for a raise, and it may rain.",  # "may" is no month
    "The hikers headed for the ridge at dawn.",  # no date, no outcome
    "He is set for life.",
])
def test_what_stays_out(text: str) -> None:
    assert basis_under(text, "stop26+30+31") is None


def test_the_option_values_and_the_default() -> None:
    assert {"stop31", "stop26+30+31"} <= set(PREDICTION_RULES)
    assert DEFAULT_PREDICTION_RULES == "stop26+30"
    # a forecast with its own cue keeps its bucket under the new rules
    text = "The Senate will vote on the bill next Tuesday."
    assert basis_under(text, "stop26+30+31") == basis_under(text, "stop26+30")


@pytest.mark.parametrize("text", [
    "The ruling will dismay the governor's allies.",
    "The White House will also be encouraged by the poll.",
    "I'm sure the investors will be quite interested in the figures.",
])
def test_readings_an_emotional_reaction_is_no_prediction(text: str) -> None:
    basis = basis_under(text, DEFAULT_PREDICTION_RULES)
    assert basis is not None and HAND_SCORES[basis] >= 0.5
    assert basis_under(text, "stop26+30+31r") is None
    assert basis_under(text, "stop26+30+31") == basis  # the scheduled-act rules leave it alone


def test_the_readings_are_a_switch_of_their_own() -> None:
    assert {"stop31r", "stop26+30+31r"} <= set(PREDICTION_RULES)
    text = "The handover is scheduled for the end of June."
    assert basis_under(text, "stop26+30+31r") is None  # "31r" does not turn on the scheduled-act rules
    # a forecast of an event keeps its bucket
    event = "The board will vote on the merger next week."
    assert basis_under(event, "stop26+30+31r") == basis_under(event, DEFAULT_PREDICTION_RULES)
