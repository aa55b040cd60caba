"""Prediction findings follow the adjudication rules for predictions (data/realnews/GUIDELINE.md section 6), on
sentences we wrote: bare may/might/could, present-tense plans, "would" in reported speech, conditionals,
questions, stances and past plans; the horizon is a time phrase of the text."""

from __future__ import annotations

import pytest

import presslens
from presslens.analyzers.claims.predictions import PREDICTION_SCORES, cues_quoted
from presslens.text.prediction import forecast_cues, prediction_forecast, sentence_forecasts
from tests.text_fixtures import basis_of


@pytest.mark.parametrize(
    ("sentence", "strength"),
    [
        # a bare may / might / could is a possibility, not a prediction
        ("The epidemic could explode at any moment.", None),
        ("The levy might be increased.", None),
        ("Tensions may escalate after the vote.", None),
        # ... unless "soon", "about to" or a future time phrase, or the object of a forecast verb
        ("Tensions may escalate soon.", "possible"),
        ("The levy might be increased in the coming weeks.", "possible"),
        ("Meteorologists predicted on Monday the river could flood the lower town.", "possible"),
        # outright forecasts
        ("The ferry will resume service.", "forecast"),
        ("The ministry intends to close three schools.", "forecast"),
        ("The agency is preparing to evacuate the camp.", "forecast"),
        ("Officials said they don't plan to press charges.", "forecast"),
        ("The council has announced plans to build a dam.", "forecast"),
        ("The storm is destined to weaken over the sea.", "forecast"),
        # not plans: the noun, past plans, hopes
        ("The new plan to build a dam was rejected.", None),
        ("Critics wrote about plans to close the port.", None),
        ("The agency was planning to evacuate the camp.", None),
        ("The ministry hopes to close three schools.", None),
        # "due to" + a noun phrase is a cause; a plan told as past fact; a guess about the past
        ("The noise is due to a helicopter overhead.", None),
        ("The envoys were expected to discuss the border.", None),
        ("Concerns are likely to have been raised at the meeting.", None),
    ],
)
def test_which_sentences_state_a_prediction(sentence: str, strength: str | None) -> None:
    found = prediction_forecast(sentence)
    assert (found[0] if found else None) == strength


def test_the_claim_calibration_feature_is_unchanged() -> None:
    # forecast_cues is a feature of the fitted claim calibration: plans and reported "would" stay out of it,
    # a bare "could + verb of change" stays in it, and sentence_forecasts gives both from one scan
    for sentence in ("The ministry intends to close three schools.", "He said the army would withdraw."):
        assert forecast_cues(sentence) is None
        assert prediction_forecast(sentence) is not None
    bare = "Tensions may escalate after the vote."
    assert forecast_cues(bare) is not None and prediction_forecast(bare) is None
    assert sentence_forecasts(bare) == (forecast_cues(bare), None)


@pytest.mark.parametrize(
    "sentence",
    [
        "If the budget is not passed by Friday, the government will shut down.",  # negated condition too
        "The talks will collapse unless the envoy returns.",
        "He said that if unable to do so he will call up the reserves.",
        "Nobody knows whether the bridge will reopen.",
        "The only question is will the senate confirm her.",
        "Our freedom is and will forever be the first thing we defend.",
        "Should the river rise, the dam will fail.",
        "So, if, for example, the board agreed today, the vote could be held next Friday.",
        "They moved the hearing to next Monday so that both could state their cases.",
    ],
)
def test_conditionals_questions_and_stances_are_not_predictions(sentence: str) -> None:
    assert basis_of(sentence) is None


def test_a_quoted_stance_is_a_candidate_and_a_concrete_commitment_is_asserted() -> None:
    stance = "\u201cWe will fight those who want to divide this country,\u201d the mayor said."
    concrete = "\u201cWe will gather more samples and trace contacts,\u201d the director said."
    assert basis_of(stance, quoted=True) == "quoted stance"
    assert PREDICTION_SCORES["quoted stance"] < 0.5
    assert basis_of(concrete, quoted=True) == "forecast in a claim"


def test_reported_would_is_a_candidate() -> None:
    sentence = "The ministry announced it would provide $2 million to rebuild the school."
    assert basis_of(sentence, is_claim=False) == "reported would"
    assert 0.0 < PREDICTION_SCORES["reported would"] < 0.5


@pytest.mark.parametrize(
    ("sentence", "horizon"),
    [
        ("The vaccination campaign will begin today.", "today"),
        ("In 2030 most cars will run on batteries.", "In 2030"),
        ("The comet will keep spinning for billions of years.", "for billions of years"),
        ("The regime will eventually collapse.", None),  # "eventually" places nothing in time
        ("It is only a matter of time before the dam fails.", None),
        ("The governor estimated in November that repairs will cost $3 billion.", None),  # time of the statement
        ("He said he will publish the photo he took in 2005.", None),
        ("Earlier this month the agency said it will close the camp.", None),
        ("The agency is planning to send 40 specialists over the next week or so.", "over the next week"),
    ],
)
def test_horizons_are_time_phrases_of_the_text(sentence: str, horizon: str | None) -> None:
    found = prediction_forecast(sentence)
    assert found is not None, sentence
    span = found[2]
    assert (sentence[span[0] : span[1]] if span else None) == horizon


def test_the_last_sentence_of_a_long_quotation_is_quoted() -> None:
    text = "\u201cThe samples are in the lab.\n\nWe will get back to you shortly.\u201d The agency closed."
    start = text.index("We will")
    found = prediction_forecast("We will get back to you shortly.")
    assert found is not None
    assert cues_quoted(text, start, found[1])
    later = text.index("The agency")
    assert not cues_quoted(text, later, [(4, 10, "future")])


def test_analyzer_emits_plans_and_drops_bare_possibilities() -> None:
    text = (
        "Border talks\n\n"
        "The ministry plans to reopen the crossing next week.\n\n"
        "The epidemic could spread along the river.\n\n"
        "If the rains fail, the harvest will be lost."
    )
    report = presslens.analyze(text, only=["claims"])
    preds = {f.text: f for f in report.findings if f.kind == "prediction"}
    plan = preds["The ministry plans to reopen the crossing next week."]
    assert plan.score >= 0.5
    assert plan.attributes["horizon"]["text"] == "next week"
    assert not any(t.startswith(("The epidemic", "If the rains")) for t in preds)
