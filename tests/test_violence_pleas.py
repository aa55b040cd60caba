"""Violence analyzer 1.8: plea candidates (``violence.call_pleas``): pleas, requests and demands in the writer's
voice that no imperative carries, and the selection rule of the call-to-action labelling data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import presslens
from presslens.analyzers.violence.analyzer import PLEAS_CHOICES, ViolenceAnalyzer, pleas_enabled
from presslens.analyzers.violence.calls import (
    CALL_FEATURE_NAMES,
    call_features,
    obligation_opens_sentence,
    party_modal,
    plea_cue,
    plea_verb,
    request_question,
)
from presslens.analyzers.violence.cues import sentence_cues
from presslens.training.violence_call_selection import ordered, selected_files

PLEAS_OFF = {"violence.call_pleas": "off"}


def _calls(text: str, options: dict[str, str] | None = None) -> list[presslens.Finding]:
    return [f for f in presslens.analyze(text, only=["violence"], analyzer_options=options).findings
            if f.kind == "call_to_action"]


@pytest.mark.parametrize("sentence", [
    "I encourage all parents who look for another school to visit the district office this week.",
    "Mayor Ortiz, please, we beg you to reopen the library before winter.",
    "We call on the board to publish the audit in full.",
    "I would urge every reader to write to the regional council.",
    "So I ask you to sign the letter to the minister.",
])
def test_a_writers_plea_in_the_present_is_a_plea(sentence: str) -> None:
    assert plea_verb(sentence) and plea_cue(sentence)


@pytest.mark.parametrize("sentence", [
    "He urged voters to stay at home.",
    "I asked him why the library had closed.",
    "We urged the council to act, but it refused.",
    "When I encourage my students to read, they roll their eyes.",
    "I wonder whether we should have stayed.",
])
def test_a_reported_past_or_subordinate_plea_is_none(sentence: str) -> None:
    assert not plea_verb(sentence)


@pytest.mark.parametrize("sentence", [
    "Could the good people of the valley do us all a favor and elect someone else next spring?",
    "Will you please sign the petition before Friday?",
    "Can you call your representative this week?",
])
def test_a_request_put_as_a_question(sentence: str) -> None:
    assert request_question(sentence)


@pytest.mark.parametrize("sentence", [
    "Can you imagine what that means for the town?",
    "Will the council vote on Monday?",
    "Could this be the end of the plan?",
    "Could the good people of the valley elect someone else next spring.",
])
def test_other_questions_are_no_requests(sentence: str) -> None:
    assert not request_question(sentence)


@pytest.mark.parametrize("sentence", [
    "In fact, investigators should interview everyone else at the party.",
    "Parents interested in giving their children a sound education in history should consider the evening classes.",
    "We need to be told who this official is so that he can be removed.",
    "The government needs to stop cooperating with the contractor immediately.",
    "We need the council to publish the minutes.",
])
def test_a_party_obliged_in_a_main_clause(sentence: str) -> None:
    assert party_modal(sentence)


@pytest.mark.parametrize("sentence", [
    "It should be noted that the library closed in May.",
    "Analysts say the bank should raise its rates.",
    "If the council should vote, we will see.",
    "They must have known about the closure.",
    "Judge Smith should have to prove that he is not guilty, they are in effect insisting.",
    "None of this should come as a surprise.",
    "The man who was arrested must have known.",
])
def test_no_party_obligation_in_a_report_a_condition_or_a_state(sentence: str) -> None:
    assert not party_modal(sentence)


@pytest.mark.parametrize("sentence", [
    "However, that should not be good enough for the people of the county.",
    "Yet many lack the documents they need to provide evidence.",
    "I'm not a fan of the senator, but I have to tell you that he was right.",
    'The anchor contradicts himself in one sentence: "We Have to Stop Demonizing People ...',
    'He wrote: “I urge you to sign it',
])
def test_a_pronoun_subject_or_an_open_quotation_is_no_plea(sentence: str) -> None:
    assert not plea_cue(sentence)


def test_an_obligation_that_opens_the_sentence() -> None:
    assert obligation_opens_sentence("Congress must investigate and act.")
    assert obligation_opens_sentence("In fact, investigators should interview everyone else at the party.")
    assert not obligation_opens_sentence("The vote was close, and the board should resign.")
    assert not obligation_opens_sentence("The vote was close.")


@pytest.mark.parametrize("sentence", ["Playbook passes the torch.", "She carried the Olympic torch through town.",
                                      "He is the torch-bearer of the movement."])
def test_a_torch_handed_on_is_no_violent_act(sentence: str) -> None:
    assert not [c for c in sentence_cues(sentence).fired if c.startswith("violent_act")]


def test_a_torched_building_still_is() -> None:
    assert [c for c in sentence_cues("They torched the office.").fired if c.startswith("violent_act")]


def test_plea_features_are_in_the_scorer_inputs() -> None:
    names = list(CALL_FEATURE_NAMES)
    plea = call_features("I encourage all parents to visit the district office.", "", 5000, 0.2)
    question = call_features("Could the voters do us all a favor and elect someone else?", "", 5000, 0.2)
    plain = call_features("The office is open on Monday.", "", 5000, 0.2)
    assert plea[names.index("plea_verb")] == 1.0 and plain[names.index("plea_verb")] == 0.0
    assert question[names.index("request_question")] == 1.0 and plain[names.index("request_question")] == 0.0


_PLEA_ARTICLE = ("School choice\n\nThe district closed two schools this year and parents are looking for other "
                 "options. I encourage all parents looking for another school to visit the district office this "
                 "week and ask for the transfer form.\n\nThe office is open on weekdays.")


def test_a_plea_is_an_asserted_call_and_the_option_turns_it_off() -> None:
    sentence = ("I encourage all parents looking for another school to visit the district office this week and ask "
                "for the transfer form.")
    on = [f for f in _calls(_PLEA_ARTICLE) if f.text == sentence]
    assert len(on) == 1 and "plea" in on[0].attributes["cues"]
    assert on[0].score >= 0.5
    off = [f for f in _calls(_PLEA_ARTICLE, PLEAS_OFF) if f.text == sentence and "plea" in f.attributes["cues"]]
    assert not off


def test_a_reported_plea_and_a_plain_question_are_no_candidates() -> None:
    text = ("School choice\n\nThe district closed two schools this year. The mayor said on Monday that parents "
            "should visit the district office this week. Can you imagine what that means for the town?\n\n"
            "The office is open on weekdays.")
    assert not _calls(text)


def test_the_pleas_option_is_checked() -> None:
    assert PLEAS_CHOICES == ("off", "on")
    assert pleas_enabled("on") and not pleas_enabled("off")
    with pytest.raises(ValueError, match="call pleas"):
        pleas_enabled("maybe")


def test_the_selection_order_is_fixed_and_excludes_splits_and_audits(tmp_path: Path) -> None:
    assert ordered(["b", "a", "c"]) == ordered(["c", "b", "a"])
    ptc = tmp_path / "ptc"
    (ptc / "train-articles").mkdir(parents=True)
    for i in ("1", "2", "3"):
        (ptc / "train-articles" / f"article{i}.txt").write_text("x", encoding="utf-8")
    polnear = tmp_path / "polnear"
    polnear.mkdir()
    for name in ("p.txt", "q.txt", "r.txt"):
        (polnear / name).write_text("x", encoding="utf-8")
    audits = tmp_path / "audits"
    (audits / "A").mkdir(parents=True)
    (audits / "B").mkdir()
    (audits / "read_before.txt").write_text("q.txt\n", encoding="utf-8")
    (audits / "A" / "r.txt").write_text("x", encoding="utf-8")
    split = tmp_path / "split.json"
    split.write_text(json.dumps({"2": 2}), encoding="utf-8")
    chosen = selected_files(ptc, polnear, 5, audits, split)
    assert sorted(a for s, a, _ in chosen if s == "ptc") == ["1", "3"]
    assert [a for s, a, _ in chosen if s == "polnear"] == ["p"]


def test_analyzer_version() -> None:
    assert ViolenceAnalyzer.version == "1.12"
