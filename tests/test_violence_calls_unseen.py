"""Violence analyzer 1.10 (issue 13, stop 23): demand and plea cues read off dev6's errors and audit A, and the
training rows of the call scorer (no audit verdict on an article that a real-news split holds)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import presslens
from presslens.analyzers.violence.calls import demand_cue, party_modal, plea_cue, please_request
from presslens.analyzers.violence.vetoes import call_to_action_veto, is_in_another_voice
from presslens.training.violence_calls import split_articles


@pytest.mark.parametrize("sentence", [
    "It's time that occurred.",
    "It is time that happened.",
    "Frankly, it is time that changed.",
])
def test_time_that_with_a_verb_after_it_is_no_demand(sentence: str) -> None:
    # "that" is the subject: nobody is asked to act
    assert not demand_cue(sentence)


@pytest.mark.parametrize("sentence", [
    "It is time that Congress acted on the backlog of cases.",
    "It is time that Ted voted for the bill.",
    "It's time that the council released the report.",
])
def test_time_that_with_a_subject_still_demands(sentence: str) -> None:
    assert demand_cue(sentence)


@pytest.mark.parametrize("sentence", [
    "Time for Congress to end this by closing the loophole for good.",
    "Time for the county board to publish the audit.",
    "So time to vote them out in November.",
])
def test_time_for_a_party_to_act_without_it_is_is_a_demand(sentence: str) -> None:
    assert demand_cue(sentence)


@pytest.mark.parametrize("sentence", [
    "Time to be honest about the numbers.",
    "Time for bed, the nurse said, and the lights went out.",
    "It took time for the board to publish the audit.",
    "When it is time to vote, the hall fills up.",
])
def test_time_without_an_act_or_inside_a_clause_is_no_demand(sentence: str) -> None:
    assert not demand_cue(sentence)


@pytest.mark.parametrize("sentence", [
    "But no amount of media hype or party spin should distract us from understanding what the ticket lacks.",
    "No amount of money should buy a seat on the council.",
    "Nobody should have to choose between rent and medicine.",
    "None of this should surprise the voters of the valley.",
])
def test_a_negated_subject_is_no_party_obligation(sentence: str) -> None:
    assert not party_modal(sentence) and not demand_cue(sentence) and not plea_cue(sentence)


def test_a_party_obligation_without_negation_is_unchanged() -> None:
    assert party_modal("In fact, investigators should interview everyone else at the party.")
    assert party_modal("Parents who want another school should consider visiting the district office.")


@pytest.mark.parametrize("sentence", [
    "We need to be told who this official is so that he can be removed from office immediately.",
    "Voters must be told the truth before the referendum.",
])
def test_a_demand_to_be_told_is_not_someone_elses_words(sentence: str) -> None:
    assert not is_in_another_voice(sentence)
    assert call_to_action_veto(sentence) in (None, "no_call_cue", "exhortation_without_act")
    assert plea_cue(sentence)


@pytest.mark.parametrize("sentence", [
    "He told reporters that voters should sign the petition.",
    "She was told to sign the petition by Friday.",
])
def test_told_as_a_report_is_still_someone_elses_words(sentence: str) -> None:
    assert is_in_another_voice(sentence)


@pytest.mark.parametrize("sentence", [
    "In lieu of flowers, please send contributions to the library fund of the town.",
    "If you can, please call your senator before the vote on Friday.",
    "The deadline is Friday, so please write to the council today.",
])
def test_please_opening_a_later_clause_is_a_request(sentence: str) -> None:
    assert please_request(sentence) and plea_cue(sentence)


@pytest.mark.parametrize("sentence", [
    "For the details, please see the table below.",
    "The results, please note, are preliminary.",
    "He begged, \"please help us rebuild the school,\" and left.",
    "I was pleased to see the council act.",
    "Please sign the petition.",
])
def test_please_as_a_pointer_a_quotation_or_a_sentence_start_is_no_later_request(sentence: str) -> None:
    # a sentence that opens with "Please <verb>" is an imperative already (``has_imperative``), not this cue
    assert not please_request(sentence)


def test_audit_verdicts_on_split_articles_are_left_out(tmp_path: Path) -> None:
    split_file = tmp_path / "split.json"
    split_file.write_text(json.dumps({"111": {"split": "dev6"}, "222": {"split": "dev8"}}), encoding="utf-8")
    assert split_articles(split_file) == {"111", "222"}


def test_the_shipped_split_file_holds_the_open_and_held_out_splits() -> None:
    from presslens.evaluation.realnews_selection import OPEN_SPLITS, VALIDATION_SPLITS

    splits = {v["split"] for v in json.loads(Path("data/realnews/split.json").read_text(encoding="utf-8")).values()}
    assert set(OPEN_SPLITS) | set(VALIDATION_SPLITS) | {"test"} <= splits
    held = split_articles(Path("data/realnews/split.json"))
    verdicts = [json.loads(line) for line in
                Path("data/violence/call_audit_verdicts.jsonl").read_text(encoding="utf-8").splitlines()]
    # some verdicts of earlier audits fall on articles drawn into splits later: the trainer must skip them
    assert any(v["source"] == "ptc" and v["article"] in held for v in verdicts)


def _calls(text: str) -> list[presslens.Finding]:
    return [f for f in presslens.analyze(text, only=["violence"]).findings if f.kind == "call_to_action"]


_STORY = ("Judge rules on the ferry contract.\n\nA district judge on Monday blocked the sale of the ferry line to a "
          "private operator, the third such ruling this year. The county had argued that the sale would save money.\n\n")


def test_a_demand_without_it_is_becomes_a_call_candidate() -> None:
    sentence = "Time for the county board to end this by cancelling the sale for good."
    calls = _calls(_STORY + sentence + "\n")
    assert [f.text for f in calls] == [sentence]
    assert "demand" in calls[0].attributes["cues"]


def test_time_that_occurred_is_no_call() -> None:
    assert _calls(_STORY + "Many readers had waited for such a ruling for years. It's time that occurred.\n") == []


def test_a_demand_to_be_told_is_a_candidate_not_dropped_as_a_report() -> None:
    sentence = "We need to be told who approved this sale so that he can be removed from the board immediately."
    calls = _calls(_STORY + sentence + "\n")
    assert [f.text for f in calls] == [sentence]
    assert "plea" in calls[0].attributes["cues"]


def test_a_negated_subject_is_no_candidate() -> None:
    text = _STORY + ("But no amount of spin from the county should distract us from understanding that the sale was "
                     "a bad deal.\n")
    assert _calls(text) == []


@pytest.mark.parametrize("sentence", ["Don't be a sucker.", "Be vigilant.", "Do not be naive about the council."])
def test_an_imperative_to_a_state_names_no_act(sentence: str) -> None:
    from presslens.analyzers.violence.vetoes import names_an_act

    assert not names_an_act(sentence)
    assert call_to_action_veto(sentence) in ("exhortation_without_act", "no_call_cue")


@pytest.mark.parametrize("sentence", ["Sign the petition today.", "Don't vote for the sale on Tuesday."])
def test_an_imperative_naming_an_act_still_names_it(sentence: str) -> None:
    from presslens.analyzers.violence.vetoes import names_an_act

    assert names_an_act(sentence)
