"""The stop-30 prediction rules (option ``claims.prediction_rules=stop30`` / ``stop26+30``, issue 13): a near-day time
phrase the horizon patterns lack makes a bare may / might / could a timed possibility; forecast verbs with a gerund.
Off by default: the default reads none of it."""

from __future__ import annotations

import pytest

from presslens.analyzers.claims.predictions import HAND_SCORES
from presslens.text.prediction import (
    DEFAULT_PREDICTION_RULES,
    PREDICTION_RULES,
)
from tests.text_fixtures import basis_under


@pytest.mark.parametrize("text", [
    "Officials said the agency could publish its findings as soon as this weekend.",
    "The governor might be able to sign the measure as early as Saturday.",
    "The new rules could be in place as soon as April 11.",
    "Council members could know the result by the end of the weekend.",
])
def test_a_bare_modal_before_a_near_day_is_a_timed_possibility(text: str) -> None:
    assert basis_under(text, "stop26") is None
    basis = basis_under(text, "stop26+30")
    assert basis == "timed possibility" and HAND_SCORES[basis] >= 0.5


@pytest.mark.parametrize("text", [
    "The minister said she anticipates briefing Parliament on the deal next week.",
    "Officials did not foresee filing any further charges.",
])
def test_forecast_verbs_with_a_gerund(text: str) -> None:
    assert basis_under(text, "stop26") is None
    basis = basis_under(text, "stop26+30")
    assert basis is not None and HAND_SCORES[basis] >= 0.5


@pytest.mark.parametrize("text", [
    "We should act as soon as possible.",  # no day
    "The probe could be over in weeks, ending as soon as the money runs out.",  # a clause, not a day
    "She may have left as early as Saturday.",  # "may have": the past
    "He could see the house as soon as this weekend if he wanted.",  # a conditional
])
def test_what_stays_out(text: str) -> None:
    assert basis_under(text, "stop26+30") is None


def test_the_option_values_and_the_default() -> None:
    assert {"stop30", "stop26+30"} <= set(PREDICTION_RULES)
    assert DEFAULT_PREDICTION_RULES == "stop26+30"  # the default since stop 31 (held out on dev14)
    # a forecast with its own horizon keeps its bucket under the new rules
    text = "The Senate will vote on the bill as soon as Tuesday."
    assert basis_under(text, "stop26+30") == basis_under(text, "stop26") == "sure forecast in a claim"
