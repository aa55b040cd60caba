"""Junk rows of stop 25 (analyzer 2.8, issue 13): read off dev8's wrong asserted attributions, audit A and the
known patterns of the stop-24 user trial. Each rule is checked on our own sentences, with a near miss that must
stay an attribution."""

from __future__ import annotations

from presslens.analyzers.attribution import sanity
from presslens.analyzers.attribution.refine_source import (
    adverbial_speaker,
    clean_source,
    parenthetical_subject,
)
from presslens.article import Article
from tests.text_fixtures import span_of


def _sentences(text: str) -> list[tuple[int, int]]:
    return list(Article(text=text).sentences)


def test_cannot_negates_a_cue() -> None:
    text = "The two camps cannot agree on the terms of the truce."
    problems = sanity.cue_problems(text, span_of(text, "cannot agree"))
    assert "negated cue" in problems and "hypothetical cue" in problems
    assert "hypothetical cue" in sanity.cue_problems(text, span_of(text, "agree"))
    text = "The two camps agree that the truce must hold."
    assert sanity.cue_problems(text, span_of(text, "agree")) == []


def test_agreeing_to_act_and_pleading_guilty_report_no_words() -> None:
    text = "The ministry agreed to pay the legal fees of the former consul."
    assert "cue agrees to act" in sanity.cue_problems(text, span_of(text, "agreed"))
    text = "The ministry agreed that the fees were too high."
    assert "cue agrees to act" not in sanity.cue_problems(text, span_of(text, "agreed"))
    text = "The driver pleaded guilty to two counts of fraud on Thursday."
    assert "cue is a plea" in sanity.cue_problems(text, span_of(text, "pleaded"))
    text = "The driver pleaded with the officers to let him go."
    assert "cue is a plea" not in sanity.cue_problems(text, span_of(text, "pleaded"))


def test_telling_the_truth_is_a_description_not_a_report() -> None:
    text = "For once the governor told the truth about the budget."
    assert "cue tells the truth or a lie" in sanity.cue_problems(text, span_of(text, "told"))
    text = "The governor told the truth commission that the files were lost."
    assert "cue tells the truth or a lie" in sanity.cue_problems(text, span_of(text, "told"))  # a known cost
    text = "The governor told reporters the budget was balanced."
    assert "cue tells the truth or a lie" not in sanity.cue_problems(text, span_of(text, "told"))


def test_a_contracted_be_makes_the_cue_passive() -> None:
    text = "We're told the suspect left the city on Monday."
    assert "passive cue" in sanity.cue_problems(text, span_of(text, "told"))
    text = "We told the suspect to leave the city on Monday."
    assert "passive cue" not in sanity.cue_problems(text, span_of(text, "told"))


def test_states_as_a_plural_noun_and_the_final_say_are_no_cues() -> None:
    text = "The party could win increasingly diverse states like Nevada in the autumn."
    assert "cue is a noun" in sanity.cue_problems(text, span_of(text, "states"))
    text = "Several coastal states have passed similar laws."
    assert "cue is a noun" in sanity.cue_problems(text, span_of(text, "states"))
    text = "She won whiter states, like Ohio, and states that have voted red since 1980."
    assert "cue is a noun" in sanity.cue_problems(text, span_of(text, "states"))
    assert "cue is a noun" in sanity.cue_problems(text, span_of(text, "states", 2))
    text = "The charter states that every member has one vote."
    assert "cue is a noun" not in sanity.cue_problems(text, span_of(text, "states"))
    text = "The court still has the final say on the merger."
    assert "cue is a noun" in sanity.cue_problems(text, span_of(text, "has the final say"))
    text = "The judges say the merger is legal."
    assert "cue is a noun" not in sanity.cue_problems(text, span_of(text, "say"))


def test_a_question_about_a_topic_reports_no_answer() -> None:
    text = "Asked about her own plans, the singer smiled."
    assert "question without an answer" in sanity.cue_problems(text, span_of(text, "Asked"))
    text = "The singer asked about concerns over the tour."
    assert "question without an answer" in sanity.cue_problems(text, span_of(text, "asked about concerns"))
    text = "The singer asked the crowd to stay calm."
    assert "question without an answer" not in sanity.cue_problems(text, span_of(text, "asked"))


def test_sources_that_are_clauses_passives_or_listeners() -> None:
    text = "The agency waved their concerns away and said there was no threat."
    src, cue = span_of(text, "The agency waved their concerns away"), span_of(text, "said")
    assert "source holds a clause" in sanity.source_problems(text, src, None, cue)
    text = "The retired general in charge of the inquiry said the report was late."
    src, cue = span_of(text, "The retired general in charge of the inquiry"), span_of(text, "said")
    assert "source holds a clause" not in sanity.source_problems(text, src, None, cue)
    text = "Democrats are uneasy as they speak out on misconduct claims against the nominee."
    src, cue = span_of(text, "they speak out on misconduct"), span_of(text, "claims")
    assert "source holds a clause" in sanity.source_problems(text, src, None, cue)
    text = "They themselves said the vote was lost."
    src, cue = span_of(text, "They themselves"), span_of(text, "said")
    assert "source holds a clause" not in sanity.source_problems(text, src, None, cue)
    text = 'The captain told passengers over the radio: "Stay in your seats."'
    src, cue = span_of(text, "passengers over the radio"), span_of(text, "told")
    assert "source is the listener" in sanity.source_problems(text, src, None, cue)
    text = '"Stay in your seats," said the captain.'
    src, cue = span_of(text, "the captain"), span_of(text, "said")
    assert "source is the listener" not in sanity.source_problems(text, src, None, cue)


def test_a_source_opening_with_despite_or_during_is_an_adverbial() -> None:
    text = "Despite the warnings said nothing."
    assert "source starts with a preposition" in sanity.source_problems(text, span_of(text, "Despite the warnings"))


def test_the_speaker_follows_a_sentence_initial_adverbial() -> None:
    text = "Speaking from Kigali, Ana Ruiz, head of the relief mission, said the roads were closed."
    got = adverbial_speaker(text, span_of(text, "Kigali, Ana Ruiz, head of the relief mission"), span_of(text, "said"),
                            _sentences(text))
    assert got is not None and text[got[0] : got[1]] == "Ana Ruiz, head of the relief mission"
    text = "Despite the warnings, the minister said the bridge was safe."
    got = adverbial_speaker(text, span_of(text, "Despite the warnings, the minister"), span_of(text, "said"),
                            _sentences(text))
    assert got is not None and text[got[0] : got[1]] == "the minister"
    # an apposition after the comma is part of the speaker's phrase
    text = "The letter went to Ms. Ruiz, ranking member of the committee, said the clerk."
    assert adverbial_speaker(text, span_of(text, "Ms. Ruiz, ranking member of the committee"),
                             span_of(text, "said"), _sentences(text)) is None


def test_the_speaker_stands_before_a_parenthetical() -> None:
    text = "The mayor, in her letter to the governor, said the shelters were full."
    got = parenthetical_subject(text, span_of(text, "her letter to the governor"), span_of(text, "said"),
                                _sentences(text))
    assert got is not None and text[got[0] : got[1]] == "The mayor"
    text = "The mayor said, in her letter to the governor, that the shelters were full."
    assert parenthetical_subject(text, span_of(text, "her letter to the governor"), span_of(text, "said"),
                                 _sentences(text)) is None


def test_even_is_no_part_of_a_source() -> None:
    text = "Others said it would fail, even as Trump claimed the economy was booming."
    got = clean_source(text, span_of(text, "even as Trump"))
    assert got is not None and text[got[0] : got[1]] == "Trump"
