"""Source spans and source types a reader would not call junk (issue 13, analyzer 2.5; user trial of stop 22)."""

from __future__ import annotations

import pytest

from presslens.analyzers.attribution import sanity
from presslens.analyzers.attribution.refine_source import name_start
from presslens.analyzers.attribution.source_types import source_type
from presslens.segment import paragraphs, sentences
from tests.text_fixtures import span_of


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("The suit", "document"),
        ("the indictment", "document"),
        ("A government statement", "document"),
        ("the report", "document"),
        ("some reports", "vague"),
        ("the Daily Caller and Geller Report", "outlet"),
        ("WSBTV.com", "outlet"),
        ("the city of Westerville", "organisation"),
        ("Fulton County", "organisation"),
        ("White House counselor Kellyanne Conway", "person"),
        ("House Speaker Paul Ryan", "person"),
        ("Senate Majority Whip John Cornyn", "person"),
        ("The White House", "organisation"),
        ("the Justice Department", "organisation"),
        ("The Post", "outlet"),
        ("the DNC", "organisation"),  # the user trial of stop 23
        ("the FBI", "organisation"),
        ("Records", "document"),
        ("Preliminary election results", "document"),
        ("Court documents", "document"),
        ("Jill Records", "person"),  # a name, not a record
    ],
)
def test_source_types_of_the_user_trial(source: str, expected: str) -> None:
    text = f"{source} said the talks had failed."
    assert source_type(text, (0, len(source)), text) == expected


@pytest.mark.parametrize(
    ("text", "tagged", "cue", "expected"),
    [
        ("The White House said the talks had failed.", "House", "said", "The White House"),
        ("On Monday, Attorney General Jeff Sessions said it was over.", "General Jeff Sessions", "said",
         "Attorney General Jeff Sessions"),
        ("It said the House Office of Inspector General alleged fraud.", "Office of Inspector General", "alleged",
         "the House Office of Inspector General"),
        # not a name: a sentence adverb, a clause word, a time word, a pronoun, the previous sentence, the cue
        ("Previously Harding and the Guardian have published it.", "Harding and the Guardian", "have published",
         "Harding and the Guardian"),
        ("When Trump said it, nobody laughed.", "Trump", "said", "Trump"),
        ("Monday Trump said it was over.", "Trump", "said", "Trump"),
        ("Somehow I don't think so.", "I", "don't think", "I"),
        ("They went to Washington. Trump said it was over.", "Trump", "said", "Trump"),
        ("It was over, Said Trump.", "Trump", "Said", "Trump"),
    ],
)
def test_source_starts_where_the_name_starts(text: str, tagged: str, cue: str, expected: str) -> None:
    ranges = sentences(text, paragraphs(text))
    src = name_start(text, span_of(text, tagged), span_of(text, cue), ranges)
    assert src is not None
    assert text[src[0] : src[1]] == expected


def test_a_pronoun_is_a_person_even_in_a_sentence_about_anonymity() -> None:
    text = "He said officials who spoke on condition of anonymity had lied."
    assert source_type(text, (0, 2), text) == "person"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("She favored her in other states where turnout was high.", "states"),
        ("She proved it by winning more states and delegates.", "states"),
        ("Europe faces a fissure between nation states and a mixed world.", "states"),
    ],
)
def test_a_plural_noun_after_a_quantifier_is_no_cue(text: str, cue: str) -> None:
    i = text.index(" " + cue + " ") + 1
    assert "cue is a noun" in sanity.cue_problems(text, (i, i + len(cue)))


def test_the_verb_states_after_a_document_stays_a_cue() -> None:
    text = "The report states that the bridge was unsafe."
    i = text.index("states")
    assert "cue is a noun" not in sanity.cue_problems(text, (i, i + len("states")))


@pytest.mark.parametrize(
    ("source", "clause"),
    [
        ("the mention of email she laughed", True),
        ("Clinton repeatedly invoked President Obama", True),
        ("Loomer hounded Ellison", True),
        ("who answered her door", True),
        ("the retired neurosurgeon", False),
        ("documents CNN obtained", False),
        ("The bigoted BDS provocateurs", False),
        ("an unnamed official", False),
    ],
)
def test_a_source_holding_a_finite_past_verb_is_a_clause(source: str, clause: bool) -> None:
    text = f"{source} said the talks had failed."
    problems = sanity.source_problems(text, (0, len(source)))
    assert ("source holds a clause" in problems) == clause


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("A young man asked Clinton why young people did not like her.", True),
        ("She asked him whether the bridge was safe.", True),
        ("She asked Clinton to release the transcripts.", False),
    ],
)
def test_asking_a_listener_a_wh_question_reports_no_answer(text: str, question: bool) -> None:
    i = text.index("asked")
    problems = sanity.cue_problems(text, (i, i + len("asked")))
    assert ("question without an answer" in problems) == question


def test_a_noun_ending_in_ly_is_no_adverb() -> None:
    source = "Ms. Gil, whose family moved to the city in 2009 after being priced out of an apartment"
    text = f"{source} said the rent had doubled."
    assert "source holds a clause" not in sanity.source_problems(text, (0, len(source)))
