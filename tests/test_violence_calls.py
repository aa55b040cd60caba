"""Violence analyzer 1.7: the learned call-to-action score, demand candidates, the weapon-as-a-thing-made mask,
embedded posts kept as markup, and the one veto cap."""

from __future__ import annotations

import json

import numpy as np
import pytest

import presslens
from presslens.analyzers.violence.analyzer import ViolenceAnalyzer, capped_by_veto
from presslens.analyzers.violence.calls import CALL_FEATURE_NAMES, CallScorer, call_features, demand_cue
from presslens.analyzers.violence.cues import sentence_cues
from presslens.analyzers.violence.model import MODEL_DIR
from presslens.analyzers.violence.vetoes import VETOED_SCORE, embedded_post_ranges, inside_quotation
from presslens.registry import ModelSpec, file_sha256
from presslens.training.violence_calls import fit

DEMANDS_ON = {"violence.call_demands": "on"}


def _findings(text: str, kind: str, options: dict[str, str] | None = None) -> list[presslens.Finding]:
    return [f for f in presslens.analyze(text, only=["violence"], analyzer_options=options).findings if f.kind == kind]


# the weapon as a thing made, printed or sold -------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "All they would need to do is download a computer file and use a 3-D printer to stamp out a gun.",
    "The workshop builds its own rifles from kits.",
    "3-D-printed guns cannot be traced.",
    "He sold two pistols to a collector last year.",
])
def test_a_weapon_as_a_thing_made_or_sold_is_no_violent_act(sentence: str) -> None:
    assert not sentence_cues(sentence).has_violent_act


@pytest.mark.parametrize("sentence", [
    "Buy a gun and shoot them all.",
    "He built his own rifle and shot his neighbour.",
])
def test_the_act_next_to_a_made_weapon_still_counts(sentence: str) -> None:
    assert sentence_cues(sentence).has_violent_act


def test_the_3d_printer_editorial_is_not_flagged() -> None:
    text = ("Printed guns\n\nThe court ruled on Monday that the plans may be published. All they would need to do is "
            "download a computer file and use a 3-D printer to stamp out a gun.")
    report = presslens.analyze(text, only=["violence"])
    assert report.labels["violence"]["label"] is False
    assert not [f for f in report.findings if f.kind == "violence" and f.score >= 0.5]


# demand candidates -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The administration should stop the State Department from going ahead, and Congress should act.",
    "It is time for Zakkout to be exposed and stripped of his public functions.",
    "So it is crucial that you and your pro-gun friends get to the polls.",
    "The city council should repeal the curfew ordinance before the summer season starts.",
])
def test_a_demand_on_a_named_party_is_a_demand(sentence: str) -> None:
    assert demand_cue(sentence)


@pytest.mark.parametrize("sentence", [
    "However, when it is time for them to put boots on the ground, they are missing.",
    "It is high time that this begin.",
    "The state should be ashamed.",
    "The house must have been empty.",
    "He said it should work.",
    "That should scare the crap out of you.",
    "This must explain why he has no idea how diplomacy works.",
])
def test_no_demand_in_a_subordinate_clause_a_state_or_a_pronoun(sentence: str) -> None:
    assert not demand_cue(sentence)


def test_the_writers_demand_on_a_named_party_is_an_asserted_call() -> None:
    text = ("Curfew talk\n\nThe curfew has emptied the old town every night since March. Shop owners say trade has "
            "halved. The city council should repeal the curfew ordinance before the summer season starts.\n\n"
            "The council meets again on Monday.")
    calls = _findings(text, "call_to_action", DEMANDS_ON)
    assert [f.text for f in calls if f.score >= 0.5] == [
        "The city council should repeal the curfew ordinance before the summer season starts."]
    assert "demand" in calls[0].attributes["cues"]


def test_demand_candidates_can_be_turned_off() -> None:
    text = ("Curfew talk\n\nThe curfew has emptied the old town every night since March. The city council should "
            "repeal the curfew ordinance before the summer season starts.")
    assert _findings(text, "call_to_action")
    assert not _findings(text, "call_to_action", {"violence.call_demands": "off", "violence.call_pleas": "off"})


def test_a_reported_demand_is_no_call() -> None:
    text = ("Curfew talk\n\nThe mayor said on Monday that the city council should repeal the curfew ordinance before "
            "the summer season starts.")
    assert not _findings(text, "call_to_action", DEMANDS_ON)


# the learned score ---------------------------------------------------------------------------------------------

def test_the_shipped_scorer_matches_its_features_and_spec() -> None:
    data = json.loads((MODEL_DIR / "calls.json").read_text(encoding="utf-8"))
    assert tuple(data["features"]) == CALL_FEATURE_NAMES
    assert len(data["weights"]) == len(CALL_FEATURE_NAMES)
    spec = ModelSpec.read(MODEL_DIR)
    assert spec.files["calls.json"] == file_sha256(MODEL_DIR / "calls.json")
    settings = {"default", "with_demands", "with_pleas", "with_both"}
    assert set(data["in_sample"]) == settings
    assert set(data["leave_one_split_out"]) == settings | {"before_1.6_stance", "default_1.7_features"}


def test_page_furniture_scores_below_a_petition() -> None:
    scorer = CallScorer.from_json(MODEL_DIR / "calls.json")
    furniture = "Email Link Embed Copy and paste this HTML code into your webpage to embed."
    petition = "Sign the petition to stop the sale and call your councillor today."
    f_score = scorer.score(call_features(furniture, furniture, 10, 0.98))
    p_score = scorer.score(call_features(petition, "The council will sell the library. " + petition, 10, 0.98))
    assert f_score < 0.5 <= p_score


def test_furniture_with_an_imperative_is_not_asserted() -> None:
    text = ("Gun votes\n\nThe group published its annual scorecard on Tuesday. Most senators scored poorly.\n\n"
            "Email Link Embed Copy and paste this HTML code into your webpage to embed.")
    assert all(f.score < 0.5 for f in _findings(text, "call_to_action"))


def test_sign_off_line_feature() -> None:
    names = list(CALL_FEATURE_NAMES)
    last = call_features("Stay Rowdy!", "Stay Rowdy!", 0, 0.99)
    inside = call_features("Stay Rowdy!", "Stay Rowdy! The rally is on Monday at noon.", 2000, 0.99)
    assert last[names.index("sign_off")] == 1.0 and inside[names.index("sign_off")] == 0.0
    assert last[names.index("exclamation")] == 1.0


def test_conditional_imperative_feature() -> None:
    names = list(CALL_FEATURE_NAMES)
    idiom = call_features("Give left-wingers an inch and they’ll take a mile.", "", 5000, 0.96)
    call = call_features("Give the fund a dollar and call your senator.", "", 5000, 0.96)
    assert idiom[names.index("conditional_imperative")] == 1.0
    assert call[names.index("conditional_imperative")] == 0.0


def test_fit_learns_the_direction_of_separable_data() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(200, 3))
    y = (x[:, 0] - x[:, 2] > 0).astype(float)
    weights, _ = fit(x, y, l2=1.0)
    assert weights[0] > 1.0 and weights[2] < -1.0 and abs(weights[1]) < 0.5 * weights[0]


def test_scorer_rejects_other_features(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "calls.json"
    path.write_text(json.dumps({"features": ["x"], "weights": [1.0], "bias": 0.0}), encoding="utf-8")
    with pytest.raises(ValueError, match="other call features"):
        CallScorer.from_json(path)


# embedded posts as markup, the one veto cap --------------------------------------------------------------------

def test_a_tweet_kept_as_markup_is_someone_elses_words() -> None:
    text = ("Reactions\n\nPoliticians reacted on Twitter.\n\n<tweet author=\"someone\" timestamp=\"1\">We must take "
            "action to stop the closures now.</tweet>.\n\nThe vote is on Monday.")
    start = text.index("We must")
    end = text.index("now.") + 4
    assert inside_quotation(embedded_post_ranges(text), start, end)
    assert not _findings(text, "call_to_action")


def test_capped_by_veto_caps_and_records_the_reason() -> None:
    assert capped_by_veto(0.9, ["a"], None) == (0.9, ["a"])
    assert capped_by_veto(0.9, ["a"], "quotation") == (VETOED_SCORE, ["a", "veto:quotation"])
    assert capped_by_veto(0.2, [], "question") == (0.2, ["veto:question"])


def test_analyzer_version() -> None:
    assert ViolenceAnalyzer.version == "1.12"
