"""Prediction rules of issue 13, stop 27 (pc13): general causes of wrong assertions read off dev10's errors (opened at
the start of stop 27), the option ``claims.prediction_rules=stop27`` (``stop26+27`` with the stop-26 rules). GUIDELINE.md
section 6 and 8a: hopes, a disbelieved forecast, a "when" clause whose event may not happen, past plans and an
evaluative "will" are no predictions. Each case is an invented sentence of the same shape; each rule has a guard case
that must stay a prediction; with the option off, the stop-24 readings hold."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from presslens.text.prediction import PREDICTION_RULES, prediction_rules, stop27_rules
from tests.text_fixtures import basis_of as basis
from tests.text_fixtures import exclusion_of as exclusion


@pytest.fixture(autouse=True)
def _rules_on(request: pytest.FixtureRequest) -> Iterator[None]:
    with stop27_rules("default_rules" not in request.node.name):
        yield


@pytest.mark.parametrize(("text", "reason"), [
    ("Harbour unions will hope the new contract marks a turning point in their dispute.", "wish"),
    ("Nevertheless, it is hard to believe that the minister's apology will calm the farmers.", "disbelief"),
    ("It is difficult to imagine the rebels will accept the offer.", "disbelief"),
    ("When that happens, the mayor's spokesman will call it a victory for the city.", "conditional"),
    ("“I saw the notes he had made, the angle of what his next shot was gonna be,” the detective said.",
     "past readiness"),
    ("Perhaps this report from last year will be useful to those planning a trip this summer.", "evaluative aside"),
    ("Across the region, this ruling will surely give new meaning to the word accountability.", "evaluative aside"),
    ("Any attempt by the board to sell the land to the developer will breach the charter.", "conditional"),
])
def test_stop27_causes_are_no_predictions(text: str, reason: str) -> None:
    assert exclusion(text) == reason


@pytest.mark.parametrize("text", [
    "The unions will strike next week, and they hope the talks resume.",
    "Any observer of the talks could believe it probably will be signed.",
    "It is not hard to see why: the minister will resign on Friday.",
    "The port will be useful as a supply base from May, officials said.",
    "When the ship docks, the crew will be tested; that happens every week.",
    "The detectives are gonna question the driver again tomorrow.",
])
def test_stop27_guards_stay_predictions(text: str) -> None:
    assert basis(text) is not None


def test_default_rules_keep_the_stop24_readings() -> None:
    for text in ("Harbour unions will hope the new contract marks a turning point in their dispute.",
                 "Nevertheless, it is hard to believe that the minister's apology will calm the farmers.",
                 "When that happens, the mayor's spokesman will call it a victory for the city."):
        assert exclusion(text) is None


def test_the_option_values_name_the_rule_sets() -> None:
    assert {"stop24", "stop26", "stop27", "stop26+27"} <= set(PREDICTION_RULES)
    text = "Harbour workers are hoping they will win the appeal, and unions will hope the talks resume."
    with stop27_rules(False):
        with prediction_rules("stop26+27"):
            assert exclusion(text) == "wish"
        with prediction_rules("stop27"):
            assert exclusion(text) is None  # the first "will" is a stop-26 hope
        with pytest.raises(ValueError, match="prediction rules"):
            with prediction_rules("stop99"):
                pass


def test_the_analyzer_default_is_stop26_plus_30_and_the_trainer_reads_candidates_with_it() -> None:
    import argparse

    from presslens.analyzers.claims.analyzer import ClaimsAnalyzer
    from presslens.text.prediction import DEFAULT_PREDICTION_RULES
    from presslens.training import predictions as training

    option = next(o for o in ClaimsAnalyzer.options if o.name == "prediction_rules")
    assert option.default == DEFAULT_PREDICTION_RULES == "stop26+30"
    parser = argparse.ArgumentParser()
    training.add_arguments(parser)
    assert parser.parse_args(["--data", "x"]).rules == DEFAULT_PREDICTION_RULES


def test_the_default_drops_a_third_party_hope_in_the_analyzer() -> None:
    from presslens import read_article
    from presslens.pipeline import Pipeline, PipelineConfig

    text = ("Harbour row\n\nThe council sold the old harbour last year. The harbour workers hope that the new owner "
            "will reopen the north pier next spring.\n\nThe union meets on Monday.")
    kinds = {key: [f.text for f in Pipeline(PipelineConfig(only=("claims",), options=options)).run(
        read_article(text)).findings if f.kind == "prediction"] for key, options in
        (("default", {}), ("stop24", {"claims.prediction_rules": "stop24"}))}
    assert kinds["stop24"] and not kinds["default"]
