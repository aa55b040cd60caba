"""The learned prediction scorer (issue 13): its features, the shipped weights, the switch between hand and
learned scores, and the pieces of ``presslens train predictions`` (fit, counts, the weights file)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import pytest

from presslens.analyzers.claims.predictions import (
    FEATURE_NAMES,
    HAND_SCORES,
    SCORER_FILE,
    candidate_score,
    load_scorer,
    prediction_basis,
    prediction_features,
    prediction_score,
)
from presslens.text.prediction import TRAIT_NAMES, Forecast, forecast_traits, prediction_forecast
from presslens.training import predictions as training


def _forecast(sentence: str) -> Forecast:
    found = prediction_forecast(sentence)
    assert found is not None, sentence
    return found


def _traits(sentence: str) -> dict[str, float]:
    values = forecast_traits(sentence, _forecast(sentence))
    assert len(values) == len(TRAIT_NAMES)
    return dict(zip(TRAIT_NAMES, values, strict=True))


def test_traits_name_the_sentence_s_forecast() -> None:
    plain = _traits("The ministry will open three new schools.")
    assert plain["cue future"] == 1.0 and plain["subject name"] == 0.0 and plain["negated"] == 0.0
    assert plain["horizon"] == 0.0 and plain["voice reported"] == 0.0 and plain["verb event"] == 1.0
    assert plain["voice writer"] == 1.0
    timed = _traits("Prices will rise next month, analysts warned.")
    assert timed["horizon"] == 1.0 and timed["certainty"] == 1.0
    assert _traits("Moscow won't withdraw its troops.")["negated"] == 1.0
    assert _traits("The army will not withdraw before the vote.")["negated"] == 1.0
    reported = _traits("They said the talks will resume.")
    assert reported["voice reported"] == 1.0 and reported["voice writer"] == 0.0
    assert _traits("They will remain in the city.")["subject pronoun"] == 1.0
    assert _traits("Russia is going to lose the war.")["subject name"] == 1.0
    assert _traits("The government plans to raise taxes.")["cue plan"] == 1.0


@pytest.mark.parametrize(
    ("sentence", "trait"),
    [
        ("We will stand with our allies.", "verb stance"),
        ("We will stand with our allies.", "subject first person"),
        ("Antibiotics will take care of the infection.", "subject bare plural"),
        ("The rebels vowed to take the city within days.", "cue commitment"),
        ("The rebels vowed to take the city within days.", "commitment verb"),
        ("It is unclear when the documents will be released.", "open question"),
        ("As the Bible says, the meek will inherit the earth.", "scripture"),
        ("Every voter who registers will receive a ballot by Friday.", "generic or habitual"),
    ],
)
def test_general_traits_mark_voice_subject_verb_class_and_frame(sentence: str, trait: str) -> None:
    assert _traits(sentence)[trait] == 1.0


def test_general_traits_stay_off_a_plain_third_party_forecast() -> None:
    plain = _traits("The ministry will open three new schools.")
    for trait in ("verb stance", "subject bare plural", "cue commitment", "open question", "scripture",
                  "generic or habitual", "subject first person", "subject you"):
        assert plain[trait] == 0.0, trait


def test_features_follow_the_names_and_mark_bucket_claim_and_headline() -> None:
    sentence = "The ministry will open three new schools next year."
    found = _forecast(sentence)
    basis = prediction_basis(sentence, found, True, False)
    assert basis is not None
    values = dict(zip(FEATURE_NAMES, prediction_features(sentence, found, basis, True, False, 0.7, 0),
                      strict=True))
    assert values[f"bucket {basis}"] == 1.0
    assert sum(v for k, v in values.items() if k.startswith("bucket ")) == 1.0
    assert values["claim"] == 1.0 and values["claim score"] == 0.7 and values["headline"] == 1.0
    other = dict(zip(FEATURE_NAMES, prediction_features(sentence, found, basis, False, True, 0.7, 3), strict=True))
    assert other["claim score"] == 0.0 and other["quoted"] == 1.0 and other["headline"] == 0.0


def test_shipped_weights_load_and_give_probabilities() -> None:
    weights, bias = load_scorer()
    assert len(weights) == len(FEATURE_NAMES)
    assert all(np.isfinite(weights)) and np.isfinite(bias)
    payload = json.loads(SCORER_FILE.read_text(encoding="utf-8"))
    assert payload["features"] == list(FEATURE_NAMES)
    sentence = "The ministry will open three new schools next year."
    found = _forecast(sentence)
    basis = prediction_basis(sentence, found, True, False)
    assert basis is not None
    p = prediction_score(prediction_features(sentence, found, basis, True, False, 0.8, 2))
    assert 0.0 < p < 1.0


def test_the_shipped_weights_are_fitted_on_every_open_split() -> None:
    from presslens.evaluation.realnews_selection import OPEN_SPLITS

    payload = json.loads(SCORER_FILE.read_text(encoding="utf-8"))
    fitted = set(payload["trained_on"].split(" gold ")[0].removeprefix("data/realnews ").split(" + "))
    assert fitted == set(OPEN_SPLITS)


def test_a_scorer_file_with_other_features_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "predictions.json"
    path.write_text(json.dumps({"features": ["bias only"], "weights": [1.0], "bias": 0.0}), encoding="utf-8")
    with pytest.raises(ValueError, match="retrain"):
        load_scorer(path)


def test_hand_scores_by_default_learned_scores_when_asked() -> None:
    sentence = "Officials said the border will reopen soon."
    found = _forecast(sentence)
    basis = prediction_basis(sentence, found, False, False)
    assert basis is not None
    assert candidate_score(sentence, found, basis, False, False, 0.0, 4) == HAND_SCORES[basis]
    learned = candidate_score(sentence, found, basis, False, False, 0.0, 4, "learned")
    assert learned == prediction_score(prediction_features(sentence, found, basis, False, False, 0.0, 4))


def test_fit_learns_a_signal_and_the_penalty_shrinks_it() -> None:
    rng = np.random.default_rng(7)
    x = rng.integers(0, 2, size=(400, 3)).astype(float)
    logits = 2.5 * x[:, 0] - 2.0 * x[:, 1] - 0.25
    y = (rng.random(400) < 1 / (1 + np.exp(-logits))).astype(float)
    w, b = training.fit(x, y, 0.1)
    assert w[0] > 1.5 and w[1] < -1.0 and abs(w[2]) < 0.6
    strong, _ = training.fit(x, y, 1000.0)
    assert np.abs(strong).sum() < np.abs(w).sum() / 3
    p = training.probabilities(x, w, b)
    assert training.log_loss(y, p) < training.log_loss(y, np.full(400, y.mean()))


def _candidate(split: str, article: str, right: bool, gold: list[int]) -> training.Candidate:
    return training.Candidate(split, article, 0, 10, "x will y.", False, True, 0.6, 1, "forecast in a claim",
                              right, gold)


def test_precision_recall_counts_asserted_candidates_and_gold_found_once() -> None:
    candidates = [
        _candidate("dev", "a", True, [0]),
        _candidate("dev", "a", True, [0]),  # a second match of the same gold item
        _candidate("dev", "b", False, []),
        _candidate("dev", "b", True, [1]),  # below 0.5: not asserted
        _candidate("dev2", "c", True, [0]),  # another split
    ]
    golds = [training.Gold("dev", "a", 1), training.Gold("dev", "b", 2), training.Gold("dev2", "c", 1)]
    scores = np.asarray([0.9, 0.6, 0.7, 0.4, 0.9])
    dev = training.precision_recall(candidates, scores, golds, "dev")
    assert (dev.correct, dev.predicted, dev.found, dev.gold) == (2, 3, 1, 3)
    dev2 = training.precision_recall(candidates, scores, golds, "dev2")
    assert (dev2.correct, dev2.predicted, dev2.found, dev2.gold) == (1, 1, 1, 1)


def test_the_weights_file_is_written_whole(tmp_path: Path) -> None:
    path = tmp_path / "predictions.json"
    table = {"weights": [0.5] * len(FEATURE_NAMES), "bias": -0.25, "l2": 3.0}
    training.write_scorer(path, table, 12)
    assert [p.name for p in tmp_path.iterdir()] == ["predictions.json"]  # no temp file left
    weights, bias = load_scorer(path)
    assert weights == tuple([0.5] * len(FEATURE_NAMES)) and bias == -0.25


def test_training_without_annotations_names_the_missing_file(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    parser = argparse.ArgumentParser()
    training.add_arguments(parser)
    args = parser.parse_args(["--data", str(tmp_path), "--annotations", str(tmp_path), "--dry-run"])
    assert training.main(args) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "dev.jsonl" in err[0]



@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ('Trump said on Tuesday the US will stop the "war games" with South Korea.', None),  # the country
        ("The US will send two more carriers to the region.", None),
        ("We will find ourselves poorer for it.", "writer's own"),
        ("Without them, all of us will be poorer.", "writer's own"),
    ],
)
def test_the_country_us_is_a_third_party_not_the_writer(sentence: str, reason: str | None) -> None:
    from presslens.text.prediction import forecast_exclusion

    assert forecast_exclusion(sentence, _forecast(sentence)[1]) == reason


@pytest.mark.parametrize(
    ("sentence", "horizon"),
    [
        ("The WHO chief on Wednesday said the next outbreak would likely be stronger.", None),
        ('Trump on Tuesday backed off, declaring the US will stop the "war games".', None),
        ("An expert told the New Scientist in 2017 that the storm will reach the coast.", None),
        ("In December, the society will stage a new play.", "In December"),
        ("The chief said on Wednesday that prices will rise next month.", "next month"),
        ("The ministry will open the bridge on Wednesday.", "on Wednesday"),
    ],
)
def test_the_time_of_a_statement_is_no_horizon(sentence: str, horizon: str | None) -> None:
    found = _forecast(sentence)
    assert (sentence[found[2][0]:found[2][1]] if found[2] else None) == horizon


def test_the_analyzer_scores_its_findings_by_the_chosen_scorer() -> None:
    import presslens

    text = (
        "Port strike\n\n"
        "The port authority met union leaders on Monday.\n\n"
        "The ministry said the new terminal will open next year.\n\n"
        "Dockers plan to walk out again in March, the union said."
    )
    hand = {f.text: f for f in presslens.analyze(text, only=["claims"]).findings if f.kind == "prediction"}
    learned = {f.text: f for f in presslens.analyze(text, only=["claims"],
                                                   analyzer_options={"claims.prediction_scorer": "learned"}).findings
               if f.kind == "prediction"}
    assert hand.keys() == learned.keys() and len(hand) >= 2  # the same candidates, scored differently
    assert {f.score for f in hand.values()} <= set(HAND_SCORES.values())
    for sentence, finding in learned.items():
        found = _forecast(sentence)
        assert finding.attributes["horizon"] == hand[sentence].attributes["horizon"]
        assert 0.0 < finding.score < 1.0 and finding.score not in HAND_SCORES.values()
        assert found[2] is not None  # both forecasts name their time
