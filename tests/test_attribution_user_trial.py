"""Readings of English from the stop-21 user trial and dev5's errors (analyzer 2.2, issue 13): which clause a
frame reports, sources that hold a clause word, and cues that report nothing ("admitted" = let in, "asked X
about", "needs to explain")."""

from __future__ import annotations

import pytest

from presslens.analyzers.attribution.clause_edges import (
    as_reported_by,
    message_object,
    object_after_cue,
    relative_clause_end,
)
from presslens.analyzers.attribution.content_edges import clause_after_cue, without_listener
from presslens.analyzers.attribution.link import Attribution
from presslens.analyzers.attribution.refine import MESSAGE_OBJECT_PREDICATES, sanity_problems
from presslens.analyzers.attribution.refine_source import clean_source
from presslens.analyzers.attribution.spans import Span


def _span(text: str, piece: str, after: int = 0) -> Span:
    i = text.index(piece, after)
    return i, i + len(piece)


def _att(text: str, source: str | None, cue: str, content: str | None) -> Attribution:
    return Attribution(
        cue=_span(text, cue),
        source=_span(text, source) if source else None,
        content=_span(text, content) if content else None,
        score=0.9,
        from_rules=False,
    )


def _whole(text: str) -> list[Span]:
    return [(0, len(text))]


def _said(text: str, span: Span | None) -> str | None:
    return None if span is None else text[span[0] : span[1]]


def test_as_reported_by_names_the_source_after_by_and_reports_the_main_clause() -> None:
    text = "As reported by CNN, Speaking to Today, Clinton defended his decision to remain in office."
    a = _att(text, "Clinton", "reported", "his decision to remain in office")
    got = as_reported_by(text, a, _whole(text))
    assert got is not None
    source, content = got
    assert _said(text, source) == "CNN"
    assert _said(text, content) == "Speaking to Today, Clinton defended his decision to remain in office"


def test_an_active_report_is_no_passive_as_frame() -> None:
    text = "Clinton reported by phone that the decision was final."
    assert as_reported_by(text, _att(text, "Clinton", "reported", "the decision was final"), _whole(text)) is None
    text = "As CNN reported, Clinton defended his decision."
    assert as_reported_by(text, _att(text, "CNN", "reported", "Clinton defended his decision"), _whole(text)) is None


def test_according_to_after_a_subordinate_clause_reports_the_main_clause() -> None:
    text = "While the details surrounding how Jean was killed are unclear, according to police, the officer " \
        "admitted to killing him."
    a = _att(text, "police", "according to", "While the details surrounding how Jean was killed are unclear")
    got = clause_after_cue(text, a, _whole(text))
    assert _said(text, got) == "the officer admitted to killing him"


def test_a_plain_according_to_before_its_source_is_kept() -> None:
    text = "The plan is dead, according to police, and the talks are over."
    a = _att(text, "police", "according to", "The plan is dead")
    assert clause_after_cue(text, a, _whole(text)) is None


def test_a_cue_with_its_own_object_does_not_report_the_words_before_it() -> None:
    text = "Loomer asked him to explain the report, despite the fact that Ellison has denied the allegations."
    a = _att(text, "Ellison", "denied", "Loomer asked him to explain the report, despite the fact that")
    assert object_after_cue(text, a)
    assert "content before a cue that has an object of its own" in sanity_problems(text, a, _whole(text))
    assert _said(text, message_object(text, a, _whole(text), MESSAGE_OBJECT_PREDICATES)) == "the allegations"


@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        ("The plan is dead, the minister said on Monday.", "the minister", "said", "The plan is dead"),
        ("\u201cThe plan is dead,\u201d he told the committee.", "he", "told", "The plan is dead"),
        ("The plan is dead, he told the committee.", "he", "told", "The plan is dead"),
        ("The plan is dead, the minister said this week at an event.", "the minister", "said", "The plan is dead"),
    ],
)
def test_a_content_before_a_cue_without_an_object_or_with_a_listener_is_kept(
    text: str, source: str, cue: str, content: str
) -> None:
    assert not object_after_cue(text, _att(text, source, cue, content))


def test_a_relative_frame_ends_before_the_main_clause_verb() -> None:
    text = "And the person who admitted to killing their innocent son has yet to be arrested."
    a = _att(text, "the person", "admitted", "to killing their innocent son has yet to be arrested")
    assert _said(text, relative_clause_end(text, a)) == "to killing their innocent son"


def test_a_relative_frame_with_a_clause_keeps_its_verb() -> None:
    text = "The man who said he has proof was heard."
    a = _att(text, "The man", "said", "he has proof was heard")
    assert relative_clause_end(text, a) is None  # a finite clause: its own verb is not the main clause's


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The UK Home Office also admitted Shaykh Hamza Sodagar into the country, despite his words.",
         "also admitted", "Shaykh Hamza Sodagar into the country, despite his words"),
        ("It admits jihad terrorists as well, even when it knows who they are.", "admits",
         "jihad terrorists as well, even when it knows who they are"),
        ("Her son posted the allegations on Twitter as his mother did.", "posted",
         "the allegations on Twitter as his mother did"),
    ],
)
def test_admit_in_the_sense_of_let_in_and_posting_a_thing_are_not_speech(text: str, cue: str, content: str) -> None:
    source = text.split(" " + cue.split()[0])[0]
    a = _att(text, source, cue, content)
    assert "content is the verb's object, not what was said" in sanity_problems(text, a, _whole(text))


@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        ("The officer admitted to killing him in his home.", "The officer", "admitted", "to killing him in his home"),
        ("A senior employee admitted that the donation was silent.", "A senior employee", "admitted",
         "the donation was silent"),
        ("Even she admits, they did not have sex at all.", "she", "admits", "they did not have sex at all"),
        ("The staffer admits campaign is lying to voters.", "The staffer", "admits", "campaign is lying to voters"),
    ],
)
def test_a_confession_is_still_speech(text: str, source: str, cue: str, content: str) -> None:
    a = _att(text, source, cue, content)
    assert "content is the verb's object, not what was said" not in sanity_problems(text, a, _whole(text))


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Loomer questioned Ellison about a 2005 police report filed by a former partner.", "questioned",
         "Ellison about a 2005 police report filed by a former partner"),
        ("An incredulous Carlson asked Kaplan, affected by the tragedy, about the investigation.", "asked",
         "Kaplan, affected by the tragedy, about the investigation"),
    ],
)
def test_asking_a_listener_about_a_topic_is_not_what_was_said(text: str, cue: str, content: str) -> None:
    a = _att(text, text.split(" " + cue)[0].split()[-1], cue, content)
    assert "content is the verb's object, not what was said" in sanity_problems(text, a, _whole(text))


def test_a_request_after_asked_is_still_speech() -> None:
    text = "The agency asked the Department of Justice to investigate whether she broke any laws."
    a = _att(text, "The agency", "asked", "the Department of Justice to investigate whether she broke any laws")
    assert "content is the verb's object, not what was said" not in sanity_problems(text, a, _whole(text))


def test_asking_a_listener_if_is_a_question_without_an_answer() -> None:
    text = "Loomer hounded Ellison, asking him if he would respond to the reports."
    a = _att(text, "Loomer", "asking", "if he would respond to the reports")
    assert "question without an answer" in sanity_problems(text, a, _whole(text))


@pytest.mark.parametrize("cue", ["needs to explain", "has to tell", "is going to announce"])
def test_an_obligation_or_plan_is_not_a_report(cue: str) -> None:
    text = f"Ms. Haspel {cue} the nature of her involvement in the program."
    a = _att(text, "Ms. Haspel", cue, "the nature of her involvement in the program")
    assert "hypothetical cue" in sanity_problems(text, a, _whole(text))


def test_went_on_to_say_is_a_report() -> None:
    text = "The minister went on to say that the plan is dead."
    a = _att(text, "The minister", "say", "the plan is dead")
    assert "hypothetical cue" not in sanity_problems(text, a, _whole(text))


@pytest.mark.parametrize(
    ("text", "source", "expected"),
    [
        ("The shots came not during the massacre as they said.", "not during the massacre as they", "they"),
        ("It was cut just before he announced it.", "just before he", "he"),
        ("The talks stalled, even though her husband says otherwise.", "even though her husband", "her husband"),
        ("Loomer asked Ellison to explain why the police report says so.", "Ellison to explain why the police report",
         "the police report"),
        ("Fox News further reported that the plan was off.", "Fox News further", "Fox News"),
        ("Nor do the notes mention it.", "do the notes", "the notes"),
        ("Sen. Ted Cruz, meanwhile, warned that it could happen.", "Sen. Ted Cruz, meanwhile", "Sen. Ted Cruz"),
        ("''We will,'' the company said.", "'' the company", "the company"),
        ("A statement released after a cabinet meeting said so.", "A statement released after a cabinet meeting",
         "A statement"),
    ],
)
def test_a_source_holding_a_clause_word_is_cut_to_the_subject(text: str, source: str, expected: str) -> None:
    assert _said(text, clean_source(text, _span(text, source))) == expected


def test_a_listener_cut_by_the_layers_is_not_what_was_said() -> None:
    text = "The officer reported to the responding officers that she entered the wrong apartment."
    a = _att(text, "The officer", "reported", "officers that she entered the wrong apartment")
    assert _said(text, without_listener(text, a)) == "she entered the wrong apartment"
    text = "Dallas police told responding officers that she entered the wrong apartment."
    a = _att(text, "Dallas police", "told", "officers that she entered the wrong apartment")
    assert _said(text, without_listener(text, a)) == "she entered the wrong apartment"


def test_a_that_clause_object_after_a_gap_is_kept() -> None:
    text = "She said in a statement that the plan is dead."
    a = _att(text, "She", "said", "the plan is dead")
    assert _said(text, without_listener(text, a)) == "the plan is dead"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Just hours after reports she had clinched the nomination, she spoke.", "reports"),
        ("Hours before reports that she had won, she spoke.", "reports"),
        ("The law, which first required states to test all students, passed.", "states"),
        ("Cardinal Burke\u2019s reply to my question would seem to take on new relevancy.", "reply"),
        ("A Democratic mayor's warning of an incoming raid may have led to escapes.", "warning"),
    ],
)
def test_a_plural_noun_after_a_preposition_or_a_participle_is_no_cue(text: str, cue: str) -> None:
    a = _att(text, None, cue, None)
    assert "cue is a noun" in sanity_problems(text, a, _whole(text))


def test_a_verb_after_its_subject_is_a_cue() -> None:
    text = "The law states that all students are tested."
    a = _att(text, "The law", "states", "all students are tested")
    assert "cue is a noun" not in sanity_problems(text, a, _whole(text))
