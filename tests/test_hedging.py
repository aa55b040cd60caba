"""Tests of the rule-based hedging / prediction helpers and their evaluation command."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from presslens.evaluation import hedging as hedging_eval
from presslens.text.hedging import hedge_cues, is_hedged
from presslens.text.prediction import horizon_span, prediction_cues, prediction_info


@pytest.mark.parametrize(
    ("text", "hedged"),
    [
        ("The commander may have fled before the siege.", True),
        ("The depot was reportedly hit by two missiles.", True),
        ("Reports suggest the brigade has been withdrawn.", True),
        ("The sanctions could hurt the farmers most.", True),
        ("The spy is believed to be hiding in Minsk.", True),
        ("The governor allegedly took bribes from contractors.", True),
        ("The ship appears to be listing badly.", True),
        ("It is unclear whether the pipeline was sabotaged.", True),
        ("Unconfirmed reports speak of a mutiny in the regiment.", True),
        ("The video could not be independently verified.", True),
        ("Anonymous sources told the paper that the plan was approved.", True),
        ("The paper, citing a source in the ministry, said the plan was approved.", True),
        ("The source of the fire was a faulty cable.", False),
        ("The alleged ringleader was arrested at the airport.", True),
        # hard negatives
        ("The minister said 300 soldiers were killed.", False),
        ("According to the governor, the bridge is intact.", False),
        ("He could not leave the besieged city for weeks.", False),
        ("From the roof she could see the smoke over the port.", False),
        ("The talks collapsed in May 2023.", False),
        ("Former prime minister Theresa May visited Kyiv.", False),
        ("The will of the voters was ignored.", False),
        ("The country showed its military might at the parade.", False),
        ("An estimated 200,000 people left the city.", False),
        ("Troops must withdraw from the zone.", False),
        ("There were no signs of forced entry.", False),
    ],
)
def test_is_hedged(text: str, hedged: bool) -> None:
    assert is_hedged(text)[0] is hedged, is_hedged(text)


@pytest.mark.parametrize(
    ("text", "prediction", "horizon"),
    [
        ("The regime may be forced to close the border within days.", True, "within days"),
        ("Some reports suggest the offensive may be expanded to the south.", True, None),
        ("The army will withdraw by the end of the year.", True, "by the end of the year"),
        ("The new rules are expected to take effect next week.", True, "next week"),
        ("The envoy is set to arrive in Ankara later this month.", True, "later this month"),
        ("The ministry plans to hire 20,000 new recruits.", True, None),
        ("The navy is going to test a new missile.", True, None),
        ("The prime minister said the troops would stay until the election.", True, None),
        ("Prices could rise in the coming months.", True, "in the coming months"),
        ("The factory is due to reopen by March.", True, "by March"),
        # not predictions
        ("The bridge may have been damaged in the attack.", False, None),
        ("Casualties may be higher than the official count.", False, None),
        ("The troops were going to the front when the bus was hit.", False, None),
        ("The will of the people must be respected.", False, None),
        ("The ministry said the attack was repelled last week.", False, None),
        ("Shortly after the blast, the power went out.", False, None),
    ],
)
def test_prediction_info(text: str, prediction: bool, horizon: str | None) -> None:
    got = prediction_info(text)
    assert got[0] is prediction, got
    assert got[1] == horizon, got


def test_hedged_and_prediction_together() -> None:
    text = "The ceasefire is unlikely to hold beyond the winter."
    assert is_hedged(text)[0] and prediction_info(text)[0]


def test_cue_spans_index_the_text() -> None:
    text = "Officials reportedly believe the strike may have been ordered by the general."
    cues = hedge_cues(text)
    assert [text[s:e] for s, e, _ in cues] == is_hedged(text)[1]
    assert "reportedly" in is_hedged(text)[1]
    assert {kind for _, _, kind in cues} <= {
        "modal", "adverb", "evidential", "second_hand", "unverified", "uncertainty", "epistemic_verb"
    }
    for s, e, _ in cues + prediction_cues("The talks will resume within two weeks."):
        assert 0 <= s < e


def test_horizon_span_offsets() -> None:
    text = "Officials expect the grain corridor to reopen within the next 48 hours."
    span = horizon_span(text)
    assert span is not None and text[span[0] : span[1]] == "within the next 48 hours"
    assert horizon_span("The city fell after a week of fighting.") is None


def test_evaluation_command_on_a_small_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    items = [
        {"id": "a", "text": "The strike was reportedly ordered by the general.", "hedged": True, "prediction": False,
         "horizon": None},
        {"id": "b", "text": "The talks will resume next week.", "hedged": False, "prediction": True,
         "horizon": "next week"},
        {"id": "c", "text": "The ministry said two ships were damaged.", "hedged": False, "prediction": False,
         "horizon": None},
    ]
    (tmp_path / "test.jsonl").write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    parser = argparse.ArgumentParser()
    hedging_eval.add_arguments(parser)
    assert hedging_eval.main(parser.parse_args(["--data", str(tmp_path)])) == 0
    out = capsys.readouterr().out
    assert "| rules | hedged | 1.000 | 1.000 | 1.000 |" in out
    assert "| rules | prediction | 1.000 | 1.000 | 1.000 |" in out
    assert "1.000 (n=1)" in out


def test_shipped_data_files_are_well_formed() -> None:
    root = Path(__file__).resolve().parents[1] / "data" / "hedging"
    for name, minimum in (("test.jsonl", 150), ("dev.jsonl", 60)):
        items = hedging_eval.load_items(root / name)
        assert len(items) >= minimum
        assert len({i["id"] for i in items}) == len(items)
        for item in items:
            assert isinstance(item["hedged"], bool) and isinstance(item["prediction"], bool)
            if item["horizon"] is not None:
                assert item["prediction"] and item["horizon"] in item["text"]
    test_texts = {i["text"] for i in hedging_eval.load_items(root / "test.jsonl")}
    assert not test_texts & {i["text"] for i in hedging_eval.load_items(root / "dev.jsonl")}


def test_refusal_to_disclose_is_not_a_prediction() -> None:
    from presslens.text.prediction import prediction_info

    for sentence in (
        "Nobody in the ministry will say how many soldiers have already died.",
        "The defence ministry won't comment on the losses.",
        "Officials will not confirm the number of men called up.",
        "No one at the base will tell reporters what happened.",
    ):
        assert prediction_info(sentence)[0] is False, sentence
    for sentence in (
        "The minister will say more about the call-up on Friday.",
        "The governor will announce new quotas next week.",
    ):
        assert prediction_info(sentence)[0] is True, sentence
