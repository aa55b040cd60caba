"""Violence analyzer 1.9, option ``violence.call_voice_checks`` (off by default): three general causes of false
calls to action (issue 13, stop 22 user trial): a quotation closed by a comma and a quote mark with its speaker
after it, "challenge" without "to <verb>", and a reported pledge or promise."""

from __future__ import annotations

import pytest

import presslens
from presslens.analyzers.violence.calls import plea_cue, plea_verb
from presslens.analyzers.violence.vetoes import (
    call_to_action_veto,
    closed_quote_with_speaker,
    reported_pledge,
)

VOICE_CHECKS = {"violence.call_voice_checks": "on"}


def _calls(text: str, options: dict[str, str] | None = None) -> list[presslens.Finding]:
    return [f for f in presslens.analyze(text, only=["violence"], analyzer_options=options).findings
            if f.kind == "call_to_action"]


@pytest.mark.parametrize("sentence", [
    "Somebody should ask the council these questions about the harbour deal,' he jabbed.",
    "The board must publish the audit before the vote,’ she quipped.",
    "Parents should write to the ministry today,” Councillor Anna Berg added.",
    "Call your senator and tell her to vote no!' said the organiser.",
])
def test_a_quotation_closed_before_its_speaker_is_someone_elses_words(sentence: str) -> None:
    assert closed_quote_with_speaker(sentence)
    assert call_to_action_veto(sentence, voice_checks=True) == "another_voice"


@pytest.mark.parametrize("sentence", [
    "Parents' views on the harbour plan, and the mayor's, should be heard.",
    "Call your senator, and tell him the bridge plan is wrong.",
    "The 'Save the Library' campaign, as its members call it, needs volunteers.",
])
def test_apostrophes_and_quoted_names_are_no_closed_quotation(sentence: str) -> None:
    assert not closed_quote_with_speaker(sentence)


def test_a_quoted_demand_with_its_speaker_after_it_is_no_candidate_with_voice_checks() -> None:
    sentence = ("Someone should ask you these questions because of the way you write your reports,' he "
                "jabbed.")
    text = ("Council meeting ends in a row.\n\nThe mayor lost his temper on Tuesday.\n\n"
            "'You think the treasurer should have resigned?\n" + sentence + "\n\nThe meeting ended at nine.\n")
    assert [f.text for f in _calls(text)] == [sentence]  # 1.8 default: a plea candidate (a party's obligation)
    assert _calls(text, VOICE_CHECKS) == []


def test_challenge_is_a_plea_only_with_to_and_a_verb() -> None:
    paradigm = "We challenge their paradigm of control and this is a thorn in their side."
    assert plea_verb(paradigm)  # 1.8 default
    assert not plea_verb(paradigm, challenge_to=True)
    assert not plea_verb("We challenge the notion that the harbour deal is fair to anyone.", challenge_to=True)
    assert not plea_verb("I challenge the council to the budget figures.", challenge_to=True)
    assert plea_verb("I challenge every reader to call the regional council this week.", challenge_to=True)
    assert plea_verb("We challenge the board to publish the audit in full.", challenge_to=True)


@pytest.mark.parametrize("challenge_to", [False, True])
def test_other_plea_verbs_keep_their_reading(challenge_to: bool) -> None:
    assert plea_verb("We call on the board to publish the audit in full.", challenge_to)
    assert plea_cue("I urge readers to write to the ministry.", challenge_to)
    assert not plea_verb("I asked him to call the ministry.", challenge_to)


@pytest.mark.parametrize("sentence", [
    "The main opposition party has also pledged to vote down the budget in parliament should members back it.",
    "The treasurer has promised to review the report and advise the council as soon as this weekend.",
    "The ministry vowed to remedy the situation by drawing up new rules for the harbour.",
    "Union leaders threatened to strike if the council refuses to negotiate.",
])
def test_a_reported_pledge_is_no_call(sentence: str) -> None:
    assert reported_pledge(sentence)
    assert call_to_action_veto(sentence, voice_checks=True) == "reported_pledge"
    assert call_to_action_veto(sentence) != "reported_pledge"


def test_a_pledge_beside_an_imperative_stays_a_call() -> None:
    sentence = "Call your councillor and demand the bridge reopens, as the council promised to do in May."
    assert not reported_pledge(sentence)
    assert call_to_action_veto(sentence, voice_checks=True) != "reported_pledge"


def test_a_pledge_noun_is_no_reported_pledge() -> None:
    assert not reported_pledge("Sign the pledge to protect the library before Friday.")


def test_the_option_is_listed_off_by_default_and_rejects_other_values() -> None:
    from presslens.analyzers.violence.analyzer import ViolenceAnalyzer, voice_checks_enabled

    option = next(o for o in ViolenceAnalyzer.options if o.name == "call_voice_checks")
    assert option.default == "off"
    assert voice_checks_enabled("on") and not voice_checks_enabled("off")
    with pytest.raises(ValueError, match="call voice checks"):
        voice_checks_enabled("yes")
