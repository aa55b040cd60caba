"""The analyzer and the judging tools read a sentence's prediction the same way under every rule set without the
stop-29 rules (review32). The claims analyzer takes :func:`presslens.text.prediction.sentence_forecasts`; the tools
(prediction_rules_text, prediction_causes, prediction_rules_judge, ``presslens train predictions``) take
:func:`presslens.text.prediction.prediction_forecast`. Only the stop-29 rules find forecasts in a question or a list
item, and only the second function reads them there, so the two agree wherever "29" is not switched on, the default
``stop26+30`` included. Sentences written for the test."""

from __future__ import annotations

import pytest

from presslens.text import prediction as P

TEXTS = [
    "Councillors are plotting to block the budget, are they not?",
    "No further arrests are expected, police said, but why?",
    "- The ministry confirmed it intended to hold a second hearing next month.",
    "• No further charges planned.",
    "Will the council vote next week?",
    "- The council will vote next week.",
    "The council will vote next week, and no further delays are expected.",
    "The river may flood as soon as this weekend.",
    "The mayor's fraud case is set for trial in October.",
    "The hardline stance will dismay the mayor's allies.",
]


@pytest.mark.parametrize("rules", [r for r in P.PREDICTION_RULES if "29" not in r])
@pytest.mark.parametrize("text", TEXTS)
def test_analyzer_and_tools_agree_without_the_stop29_rules(rules: str, text: str) -> None:
    with P.prediction_rules(rules):
        assert P.sentence_forecasts(text)[1] == P.prediction_forecast(text)


def test_the_default_has_no_stop29_rules() -> None:
    assert "29" not in P.DEFAULT_PREDICTION_RULES
