"""Claims on real-news patterns (issue 13), on sentences we wrote: page furniture and questions become
candidates, hedging comes from cues in the claim's own text, predictions are findings of their own."""

from __future__ import annotations

import pytest

import presslens
from presslens.analyzers.claims.furniture import furniture_reason
from presslens.report.model import decode_report
from presslens.text.hedging import claim_hedge_cues
from presslens.text.prediction import forecast_cues


def _cue_texts(text: str) -> list[str]:
    return [text[s:e] for s, e, _ in claim_hedge_cues(text)]


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("Filling in this survey? Completing this poll grants you access to our updates free of charge.", "poll"),
        ("1.2k SHARES Facebook Twitter", "share buttons"),
        ("The Long Winter Best Price: $7.15 Buy New $9.99 (as of 10:05 EDT - Details)", "price"),
        ("©2019 Riverside Herald, Distributed by Example Content Agency, LLC.", "copyright"),
        ("Reprinted with permission from The Valley Ledger.", "reprint notice"),
        ("Bridge closed after the flood, Valley Ledger/Wire, March 3, 2018", "citation line"),
        ("Why did the council wait three weeks before it closed the bridge?", "question"),
    ],
)
def test_furniture_and_questions_are_named(sentence: str, reason: str) -> None:
    assert furniture_reason(sentence) == reason


@pytest.mark.parametrize(
    "sentence",
    [
        "The council closed the bridge on Tuesday after 40 centimetres of rain fell in two days.",
        "Prices rose 4 percent in March, the statistics office said.",
        "The mayor, who took office in 2016, said the shares of the utility would be sold.",
    ],
)
def test_ordinary_sentences_are_not_furniture(sentence: str) -> None:
    assert furniture_reason(sentence) is None


def test_a_furniture_claim_stays_a_candidate_below_one_half() -> None:
    text = (
        "Flood closes river bridge\n\n"
        "The council closed the bridge on Tuesday after 40 centimetres of rain fell in two days.\n\n"
        "Completing this poll grants you access to Valley Ledger updates free of charge."
    )
    claims = [f for f in presslens.analyze(text, only=["claims"]).findings if f.kind == "claim"]
    poll = [f for f in claims if "poll" in f.text]
    for f in poll:
        assert f.score < 0.5 and f.attributes["furniture"] == "poll"
    assert any("40 centimetres" in f.text and f.score >= 0.5 for f in claims)


@pytest.mark.parametrize(
    ("sentence", "cues"),
    [
        ("The shelling reportedly destroyed two grain silos.", ["reportedly"]),
        ("The convoy may have crossed the border at night.", ["may"]),
        ("It looks like the ceasefire collapsed within hours.", ["It looks like"]),
        ("A second outbreak in the north is possible.", ["is possible"]),
        ("According to unconfirmed reports, the governor has resigned.", ["According to unconfirmed reports"]),
        # not hedges in news text: reported plans, a source (vague or named) alone, a source's belief
        ("The minister said he would resign if the budget failed.", []),
        ("Officials said the strike killed 12 people.", []),
        ("It was reported that the port reopened on Friday.", []),
        ("Critics claim that the vote was rigged.", []),
    ],
)
def test_claim_hedging_comes_from_cues_in_the_text(sentence: str, cues: list[str]) -> None:
    assert _cue_texts(sentence) == cues


def test_a_vague_source_alone_does_not_hedge_a_claim() -> None:
    text = "Port strike\n\nOfficials said the strike on the grain port killed 12 people on Monday."
    claims = [f for f in presslens.analyze(text, only=["claims"]).findings if f.kind == "claim"]
    assert claims
    for f in claims:
        assert f.attributes["hedged"] is False and f.attributes["hedge_cues"] == []


@pytest.mark.parametrize(
    ("sentence", "strength", "horizon"),
    [
        ("The republic will keep drifting slowly toward the western bloc.", "forecast", None),
        ("He will stay in office, though much weakened.", "forecast", None),
        ("The new pipeline is expected to open by the end of the year.", "forecast", "by the end of the year"),
        ("The flooding could spread to the southern districts.", "possible", None),
    ],
)
def test_forecasts_are_found_with_their_horizon(sentence: str, strength: str, horizon: str | None) -> None:
    found = forecast_cues(sentence)
    assert found is not None
    got_strength, cues, span = found
    assert got_strength == strength and cues
    assert (sentence[span[0] : span[1]] if span else None) == horizon


@pytest.mark.parametrize(
    "sentence",
    [
        "Will the senator be confirmed before the recess?",  # a question
        "* Yes, he will be confirmed.",  # a poll option
        "The board shall publish the results every hour.",  # a rule
        "The rebels vowed to retake the town.",  # an intention
        "The troops left the town last week.",
    ],
)
def test_no_prediction_finding(sentence: str) -> None:
    assert forecast_cues(sentence) is None


def test_prediction_findings_cover_sentences_that_are_not_check_worthy() -> None:
    text = (
        "Outlook\n\n"
        "The republic will keep drifting slowly toward the western bloc.\n\n"
        "What a grey morning it was."
    )
    report = presslens.analyze(text, only=["claims"])
    preds = [f for f in report.findings if f.kind == "prediction"]
    assert [f.text for f in preds] == ["The republic will keep drifting slowly toward the western bloc."]
    assert preds[0].score >= 0.5 and preds[0].label == "forecast"
    decode_report(report.to_dict())


def test_calibrated_score_is_a_monotone_probability_raised_by_hedges_and_predictions() -> None:
    from presslens.analyzers.claims.calibration import calibrated

    grid = [0.01, 0.2, 0.4, 0.6, 0.99]
    plain = [calibrated(p, False, False) for p in grid]
    assert all(0.0 < a < b < 1.0 for a, b in zip(plain, plain[1:], strict=False))
    assert all(calibrated(p, True, False) > q for p, q in zip(grid, plain, strict=True))
    assert all(calibrated(p, False, True) > q for p, q in zip(grid, plain, strict=True))


def test_calibration_fit_recovers_a_known_shift() -> None:
    import math
    import random

    from presslens.analyzers.claims.calibration import fit, logit

    rng = random.Random(7)
    rows = []
    for _ in range(4000):
        p = rng.uniform(0.02, 0.98)
        hedged = rng.random() < 0.3
        z = logit(p) + 0.5 + (1.0 if hedged else 0.0)
        rows.append((p, hedged, False, rng.random() < 1.0 / (1.0 + math.exp(-z))))
    got = fit(rows)
    assert abs(got["SLOPE"] - 1.0) < 0.2
    assert abs(got["INTERCEPT"] - 0.5) < 0.25
    assert abs(got["HEDGED_WEIGHT"] - 1.0) < 0.3
