"""Prediction findings on real-news patterns (issue 13, data/realnews/GUIDELINE.md section 6), on sentences we
wrote: which forecasts a reader would track, how sure presslens is of each, and their horizons."""

from __future__ import annotations

import pytest

import presslens
from presslens.analyzers.claims.predictions import PREDICTION_SCORES, prediction_basis
from presslens.text.prediction import (
    Forecast,
    cue_in_subordinate_clause,
    forecast_cues,
    forecast_exclusion,
    inside_quotation,
    prediction_forecast,
    prediction_info,
)


def _forecast(sentence: str) -> Forecast:
    found = forecast_cues(sentence)
    assert found is not None, sentence
    return found


def _prediction(sentence: str) -> Forecast:
    found = prediction_forecast(sentence)
    assert found is not None, sentence
    return found


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("No, she will not be re-elected.", "answer"),
        ("Yes, the bridge will reopen.", "answer"),
        ("Hopefully, the ferry will run again soon.", "wish"),
        ("We hope the ceasefire will hold.", "wish"),
        ("The council expects us to believe that nothing will change.", None),  # "nothing will change" stays
        ("The council expects us to believe its story.", "demand"),
        ("The regional office was preparing to evacuate the staff.", "past readiness"),
        ("God will not abandon this city.", "prophecy"),
        ("If you stay silent, you are going to regret it.", "generic you"),
        ("If we do nothing, we will lose this town.", "writer's own"),
        ("Our newsletter will return in the spring.", "writer's own"),
        ("The navy will escort the grain ships.", None),
        # generic or habitual statements (guideline section 6): a frequency word or a generic quantified subject
        ("There is always a risk that the fever will spread along the river.", "habitual"),
        ("Whenever the river rises, the lower town will flood.", "habitual"),
        ("Every soldier who deserts will face a tribunal.", "habitual"),
        ("Anyone who crosses the line will be stopped.", "habitual"),
        ("Every eligible voter will receive a ballot by Friday, the commission said.", None),  # a horizon
        ("The envoy said that any deal will need the parliament's approval.", None),
    ],
)
def test_forecasts_a_reader_would_not_track_are_named(sentence: str, reason: str | None) -> None:
    _, cues, _ = _forecast(sentence)
    assert forecast_exclusion(sentence, cues) == reason


def test_a_speakers_we_will_inside_a_quotation_is_a_forecast() -> None:
    sentence = "We will close the border crossing by Friday."
    _, cues, _ = _forecast(sentence)
    assert forecast_exclusion(sentence, cues, quoted=False) == "writer's own"
    assert forecast_exclusion(sentence, cues, quoted=True) is None


@pytest.mark.parametrize(
    ("sentence", "horizon"),
    [
        ("Flood Barrier Will Be Finished Before Winter, Mayor Says", "Before Winter"),
        ("Harbour Strike Will Hit Exports Tonight", "Tonight"),
        ("Local officials say it is only a matter of time before the dam fails.", "only a matter of time"),
        ("The glacier will be gone in just four years.", "in just four years"),
        ("The referendum is likely to be held in a vote scheduled for September.", "for September"),
        ("The emergency payments will start to expire Friday.", "Friday"),
    ],
)
def test_headline_will_matter_of_time_and_news_horizons(sentence: str, horizon: str | None) -> None:
    strength, cues, span = _forecast(sentence)
    assert strength == "forecast" and cues
    assert (sentence[span[0] : span[1]] if span else None) == horizon


def test_a_name_will_and_a_weekday_after_a_speech_verb_are_no_forecast_parts() -> None:
    assert forecast_cues("The coach praised Will Smith after the match.") is None
    _, _, span = _forecast("The army will stay, the minister said on Friday.")
    assert span is None
    assert prediction_info("Coach Praises Will Smith After Derby Win")[0] is False


@pytest.mark.parametrize(
    ("sentence", "word", "subordinate"),
    [
        ("That will never happen.", "will", False),
        ("As for him, he will stay.", "will", False),
        ("It is the only step that will help.", "will", True),
        ("How odd that the talks will end there.", "will", True),
        ("They are tired, and will leave soon.", "will", False),
    ],
)
def test_cue_in_subordinate_clause(sentence: str, word: str, subordinate: bool) -> None:
    assert cue_in_subordinate_clause(sentence, sentence.index(word)) is subordinate


def test_inside_quotation_follows_quotes_across_sentences_of_a_paragraph() -> None:
    text = "He said: \u201cThe dam is weak. It will fail.\u201d The town will decide.\nNext line."
    assert inside_quotation(text, text.index("It will"))
    assert not inside_quotation(text, text.index("The town"))
    assert not inside_quotation(text, text.index("Next"))
    assert inside_quotation('She said "the army will stay".', 20)


@pytest.mark.parametrize(
    ("sentence", "is_claim", "quoted", "basis"),
    [
        ("The pipeline is expected to open by the end of the year.", True, False, "sure forecast in a claim"),
        ("The army will stay in the region.", True, False, "forecast in a claim"),
        ("That will never happen.", False, False, "sure forecast"),
        ("The agency will work with local partners.", False, True, "quoted forecast"),
        ("As for the president, he will remain in power but greatly diminished.", False, False, "forecast"),
        ("It is the only reform that will restore trust.", False, False, "subordinate forecast"),
        ("The epidemic could explode within weeks.", False, False, "timed possibility"),
        ("The ministry plans to reopen the school.", False, False, "plan"),
        ("The ministry announced it would reopen the school.", False, False, "reported would"),
        ("“We will fight those who want to divide us,” she said.", True, True, "quoted stance"),
        ("“We will gather more samples,” she said.", True, True, "forecast in a claim"),
        ("A small country could manage such an outbreak.", True, False, None),
        ("No, he will not be confirmed.", True, False, None),
    ],
)
def test_prediction_basis_buckets(sentence: str, is_claim: bool, quoted: bool, basis: str | None) -> None:
    found = prediction_forecast(sentence)
    assert (prediction_basis(sentence, found, is_claim, quoted) if found else None) == basis


def test_prediction_scores_rank_sure_quoted_and_mixed_buckets() -> None:
    assert PREDICTION_SCORES["sure forecast in a claim"] >= PREDICTION_SCORES["forecast in a claim"] >= 0.5
    assert PREDICTION_SCORES["sure forecast"] > PREDICTION_SCORES["quoted forecast"] >= 0.5
    # buckets right on one split and wrong on another are candidates, not asserted
    for mixed in ("reported would", "quoted stance"):
        assert PREDICTION_SCORES[mixed] < 0.5
    assert all(0.0 < s < 1.0 for s in PREDICTION_SCORES.values())


def test_analyzer_keeps_quoted_forecasts_and_drops_poll_answers() -> None:
    text = (
        "Harbour talks\n\n"
        "The port authority met union leaders on Monday.\n\n"
        "\u201cThe cranes will stand still until the contract is signed,\u201d the union leader said.\n\n"
        "Will the strike end soon?\n\n"
        "No, it will not end.\n\n"
        "Hopefully, the ships will sail again."
    )
    report = presslens.analyze(text, only=["claims"])
    preds = {f.text: f for f in report.findings if f.kind == "prediction"}
    quoted = next(f for t, f in preds.items() if t.startswith("\u201cThe cranes will"))
    assert quoted.score >= PREDICTION_SCORES["quoted forecast"] and quoted.label == "forecast"
    assert not any(t.startswith(("No, it will", "Hopefully", "Will the strike")) for t in preds)
    for f in preds.values():
        assert text[f.start : f.end] == f.text
        for cue in f.attributes["cues"]:
            assert text[cue["start"] : cue["end"]] == cue["text"]



@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        # a hypothetical development the forecast depends on (guideline 8a): a conditional projection
        ("If the rains fail, the harvest will be lost.", "conditional"),
        ("Should the fighting reach the port, exports will stop.", "conditional"),
        ("Once the dam is breached, the valley will flood.", "conditional"),
        ("The clinics will run out of fuel if the blockade continues.", "conditional"),
        # any conditional, negated or not (guideline section 6), and an open question
        ("If the budget is not passed by Friday, the government will shut down.", "conditional"),
        ("The talks will collapse unless the envoy returns.", "conditional"),
        ("She said that if unable to do so she will close the border.", "conditional"),
        ("Nobody knows whether the bridge will reopen.", "conditional"),
        # set phrases are no condition
        ("The army will extend the curfew if necessary.", None),
        ("The virus will reach the island once more, a question of when, not 'if'.", None),
        ("The navy will escort the grain ships.", None),
    ],
)
def test_conditional_projections_are_not_predictions(sentence: str, reason: str | None) -> None:
    _, cues, _ = _forecast(sentence)
    assert forecast_exclusion(sentence, cues) == reason


def test_a_conditional_possible_event_is_no_prediction() -> None:
    conditional = "They fear the refugees could face violence next month if forced to return."
    plain = "The refugees could face violence at the border crossing next month."
    assert prediction_basis(conditional, _prediction(conditional), True, False) is None
    assert prediction_basis(plain, _prediction(plain), True, False) == "timed possibility"


@pytest.mark.parametrize(
    ("sentence", "predicted"),
    [
        # a bare "could" is a possibility, not a prediction (guideline section 6), even of a future event
        ("The next outbreak could be 'stronger', the agency warned.", False),
        ("The next wave could be far worse than the first.", False),
        ("Prices could be higher than last year by the end of March.", True),
        ("Casualties may be much higher than the official count.", False),  # a hedge of the present
    ],
)
def test_could_be_stronger_needs_a_time_phrase(sentence: str, predicted: bool) -> None:
    found = prediction_forecast(sentence)
    basis = prediction_basis(sentence, found, True, False) if found else None
    assert (basis == "timed possibility") is predicted
    assert (forecast_cues(sentence) is not None) is ("could be" in sentence)  # the claim feature is unchanged


def test_a_third_partys_quoted_vow_is_a_commitment_and_a_first_person_stance_is_not() -> None:
    vow = "“Our country will never admit the convoy,” the minister said."
    forecast = "“The convoy will never reach the capital,” the minister said."
    stance = "“We will never accept this,” the minister said."
    assert forecast_exclusion(vow, _prediction(vow)[1], quoted=True) is None
    assert forecast_exclusion(forecast, _prediction(forecast)[1], quoted=True) is None
    assert prediction_basis(vow, _prediction(vow), True, True) == "sure forecast in a claim"
    assert prediction_basis(stance, _prediction(stance), True, True) == "quoted stance"


def test_a_rules_may_is_no_possible_event() -> None:
    rule = "Pending such decision, the agency (1) may continue to close the crossing next week."
    plain = "The agency may close the crossing next week."
    assert prediction_basis(rule, _prediction(rule), True, False) is None
    assert prediction_basis(plain, _prediction(plain), True, False) == "timed possibility"
