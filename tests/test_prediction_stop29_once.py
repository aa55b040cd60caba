"""The stop-29 forecasts are found once per sentence (review30): a question or a list item under the stop-29 rules
used to run :func:`presslens.text.prediction._stop29_forecasts` twice (once to test, once in
``_prediction_forecast``). The output must be what the two-pass code gave."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from presslens.text import prediction as P
from presslens.text.prediction import Forecast

TEXTS = [
    # questions and list items (no scan): the stop-29 forecasts alone decide
    "Councillors are plotting to block the budget, are they not?",
    "No further arrests are expected, police said, but why?",
    "- The ministry confirmed it intended to hold a second hearing next month.",
    "• No further charges planned.",
    "Why did the ministry say it intended to hold a second hearing next month?",
    "Council to Close Riverside Library?",
    "What next?",
    # sentences with a scan, with and without other cues
    "Council to Close Riverside Library in Budget Cuts",
    "A group of councillors are plotting to block the budget by starving the office of funds.",
    "The mayor said they planned to hand over the files to the auditors.",
    "The council will vote next week, and no further delays are expected.",
    "The river may flood as soon as this weekend.",
    "He said he planned to go, but did not.",
]


def _two_pass(text: str) -> Forecast | None:
    """The code before review30: test for the stop-29 forecasts, then let ``_prediction_forecast`` find them again."""
    scan = P._scan(text)
    if scan is None and P._stop29() and P._stop29_forecasts(text):
        scan = ([], None)
    return None if scan is None else P._prediction_forecast(text, *scan)


@pytest.mark.parametrize("rules", ["stop29", "stop26+29", "stop26", "stop24"])
@pytest.mark.parametrize("text", TEXTS)
def test_same_output_as_the_two_pass_code(rules: str, text: str) -> None:
    with P.prediction_rules(rules):
        assert P.prediction_forecast(text) == _two_pass(text)


@pytest.mark.parametrize("text", TEXTS)
def test_stop29_forecasts_run_at_most_once(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real: Callable[[str], list[P.Cue]] = P._stop29_forecasts

    def counted(t: str) -> list[P.Cue]:
        calls.append(t)
        return real(t)

    monkeypatch.setattr(P, "_stop29_forecasts", counted)
    with P.prediction_rules("stop26+29"):
        P.prediction_forecast(text)
    once = len(calls)
    assert once <= 1, text
    with P.prediction_rules("stop26"):
        P.prediction_forecast(text)
    assert len(calls) == once, text  # not run without the stop-29 rules


def test_the_question_cases_are_forecasts_only_under_stop29() -> None:
    text = TEXTS[0]
    with P.prediction_rules("stop26"):
        assert P.prediction_forecast(text) is None
    with P.prediction_rules("stop26+29"):
        found = P.prediction_forecast(text)
    assert found is not None and found[1] == P._stop29_forecasts(text)
