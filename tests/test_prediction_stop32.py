"""The stop-32 prediction rules (option ``claims.prediction_rules=stop32`` / ``stop26+30+32``, issue 13): a negated
plan of further legal action, a timed commitment to a thing, and "is to be held / set" (GUIDELINE.md 8a, "Decided
with dev15"). Off by default: the default reads none of it. Sentences written for the test."""

from __future__ import annotations

import pytest

from presslens.analyzers.claims.predictions import HAND_SCORES
from presslens.text.prediction import DEFAULT_PREDICTION_RULES, PREDICTION_RULES
from tests.text_fixtures import basis_under


@pytest.mark.parametrize("text", [
    "The inspector's final report does not recommend further charges.",
    "The prosecutor reportedly doesn't recommend any further prosecutions.",
    "Officials said the inquiry would not seek further indictments.",
    "Prosecutors are not seeking more charges against the mayor.",
    "A spokesman said there would be no further arrests.",
    "The governor promised a shake-up in the coming weeks.",
    "The regional summit is to be held in Lisbon.",
    "The new tariff is to be set by the ministry.",
])
def test_stop32_forms_are_predictions(text: str) -> None:
    assert basis_under(text, DEFAULT_PREDICTION_RULES) is None or (
        HAND_SCORES[basis_under(text, DEFAULT_PREDICTION_RULES) or ""] < 0.5)
    basis = basis_under(text, "stop26+30+32")
    assert basis is not None and HAND_SCORES[basis] >= 0.5


@pytest.mark.parametrize("text", [
    "The jury did not bring new charges in 2015.",  # a past act
    "The jury didn't bring new charges.",
    "The company does not recommend further updates.",  # not a legal act
    "The governor promised a shake-up.",  # a commitment with no time phrase stays a reported commitment
    "Her promise of a shake-up in the coming weeks was welcome.",  # the noun
    "The idea is to be kind.",  # no participle
])
def test_what_stays_out(text: str) -> None:
    basis = basis_under(text, "stop26+30+32")
    assert basis is None or HAND_SCORES[basis] < 0.5


def test_the_option_values_and_the_default() -> None:
    assert {"stop32", "stop26+30+32"} <= set(PREDICTION_RULES)
    assert DEFAULT_PREDICTION_RULES == "stop26+30"
    # "32" turns on neither the stop-31 scheduled acts nor its readings
    assert basis_under("The handover is scheduled for the end of June.", "stop26+30+32") is None
    event = "The board will vote on the merger next week."
    assert basis_under(event, "stop26+30+32") == basis_under(event, DEFAULT_PREDICTION_RULES)
