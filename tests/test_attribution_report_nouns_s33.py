"""A report noun with a that-clause as the source (stop 33, issue 13): the option ``attribution.report_nouns``.

Read off the missed gold attributions of dev12 .. dev16 (the source misses whose predicted source is another noun
phrase: 13 of about 49 are GUIDELINE 8a's cue-null "reports that ..." attributions given the clause's subject as
source). Our own invented sentences, each with a near miss.
"""

from __future__ import annotations

from presslens.analyzers.attribution.analyzer import AttributionAnalyzer
from presslens.analyzers.attribution.link import Attribution
from presslens.analyzers.attribution.report_nouns import (
    REPORT_NOUNS_CHOICES,
    REPORT_NOUNS_DEFAULT,
    retarget_report_nouns,
)
from presslens.analyzers.attribution.spans import Span


def _span(text: str, piece: str, start: int = 0) -> Span:
    at = text.index(piece, start)
    return at, at + len(piece)


def _att(text: str, source: str, cue: str, content: str, score: float = 0.9) -> Attribution:
    return Attribution(cue=_span(text, cue), source=_span(text, source), content=_span(text, content), score=score,
                       from_rules=False)


def _sentences(text: str) -> list[Span]:
    return [(0, len(text))]


def _parts(text: str, a: Attribution) -> tuple[str, str, str]:
    assert a.source is not None and a.content is not None
    return text[a.source[0] : a.source[1]], text[a.cue[0] : a.cue[1]], text[a.content[0] : a.content[1]]


def test_option_is_off_by_default() -> None:
    assert REPORT_NOUNS_DEFAULT == "off"
    assert REPORT_NOUNS_CHOICES == ("off", "on")
    assert AttributionAnalyzer().option("report_nouns") == "off"


def test_the_noun_before_the_that_clause_becomes_the_source() -> None:
    text = "The harbour board met after the council heard reports that the ferry fee would double in June."
    a = _att(text, "the council", "reports", "the ferry fee would double in June")
    retarget_report_nouns(text, [a], _sentences(text))
    assert _parts(text, a) == ("reports", "reports", "the ferry fee would double in June")
    assert a.sane


def test_an_article_and_one_adjective_stay_with_the_noun() -> None:
    text = "Okafor spread the unverified claim that the ferry fee would double in June."
    a = _att(text, "Okafor", "spread", "the ferry fee would double in June")
    retarget_report_nouns(text, [a], _sentences(text))
    assert _parts(text, a)[0] == "the unverified claim"


def test_a_content_that_holds_the_noun_is_cut_to_the_that_clause() -> None:
    text = "On Friday she discussed the reports that the harbour would close for the winter."
    a = _att(text, "she", "discussed", "the reports that the harbour would close for the winter")
    retarget_report_nouns(text, [a], _sentences(text))
    assert _parts(text, a) == ("the reports", "reports", "the harbour would close for the winter")


def test_a_possessive_owner_keeps_the_source() -> None:
    text = "The mayor repeated her own pledge, and Okafor's claim that the fee would double was denied."
    a = _att(text, "Okafor", "claim", "the fee would double")
    retarget_report_nouns(text, [a], _sentences(text))
    assert _parts(text, a)[0] == "Okafor"


def test_there_are_reports_and_a_light_verb_keep_their_frame() -> None:
    text = "There are also reports that the fee will double. Okafor made the claim that the ferry will stop."
    a = _att(text, "Okafor", "made the claim", "the ferry will stop")
    b = Attribution(cue=_span(text, "reports"), source=None, content=_span(text, "the fee will double"), score=0.3,
                    from_rules=False)
    retarget_report_nouns(text, [a, b], _sentences(text))
    assert _parts(text, a)[0] == "Okafor"
    assert b.source is None


def test_a_noun_that_reports_nothing_is_left_alone() -> None:
    text = "The council said the fact that the fee would double was no surprise."
    a = _att(text, "The council", "said", "the fee would double")
    retarget_report_nouns(text, [a], _sentences(text))
    assert _parts(text, a)[0] == "The council"


def test_two_attributions_that_become_one_keep_the_higher_score() -> None:
    text = "Later she discussed reports that the harbour would close for the winter."
    a = _att(text, "she", "discussed", "the harbour would close for the winter", score=0.4)
    b = _att(text, "she", "reports", "the harbour would close for the winter", score=0.7)
    atts = [a, b]
    retarget_report_nouns(text, atts, _sentences(text))
    assert atts == [b]
    assert _parts(text, b)[0] == "reports"


def test_a_verb_of_the_same_form_keeps_its_subject() -> None:
    for text, source in [
        ("The harbour board said on Friday that Radio Larn reports that the ferry fee will double.", "Radio Larn"),
        ("On Friday the coroner claims that the ferry sank in minutes.", "the coroner"),
        ("The Larn Gazette reports that the ferry fee will double.", "The Larn Gazette"),
    ]:
        cue = "reports" if "reports" in text else "claims"
        content = text[text.index(" that ", text.index(cue)) + 6 : -1]
        a = _att(text, source, cue, content)
        retarget_report_nouns(text, [a], _sentences(text))
        assert _parts(text, a)[0] == source, text


def test_a_bare_noun_after_a_preposition_or_its_verb_is_the_source() -> None:
    for text, lead in [("He commented on reports that the ferry fee will double.", "He"),
                       ("Fans trumpeted reports that the ferry fee will fall.", "Fans")]:
        a = _att(text, lead, "reports", text[text.index(" that ") + 6 : -1])
        retarget_report_nouns(text, [a], _sentences(text))
        assert _parts(text, a)[0] == "reports", text


def test_an_outlets_name_and_a_speakers_own_object_keep_the_speaker() -> None:
    text = "Okafor told Larn News that the ferry fee will double."
    a = _att(text, "Okafor", "told", "the ferry fee will double")
    retarget_report_nouns(text, [a], _sentences(text))
    assert _parts(text, a)[0] == "Okafor"
    text = "Okafor mentioned a rumour that the ferry fee will double."
    a = _att(text, "Okafor", "mentioned", "a rumour that the ferry fee will double")
    retarget_report_nouns(text, [a], _sentences(text))
    assert _parts(text, a)[0] == "Okafor"


def test_a_participle_finding_keeps_its_subject() -> None:
    text = "The inspector looked into the accounts, finding that the harbour fees had gone missing."
    a = _att(text, "The inspector", "finding", "the harbour fees had gone missing")
    retarget_report_nouns(text, [a], _sentences(text))
    assert _parts(text, a)[0] == "The inspector"
    text = "The board welcomed a finding that the harbour fees had gone missing."
    a = _att(text, "The board", "welcomed", "the harbour fees had gone missing")
    retarget_report_nouns(text, [a], _sentences(text))
    assert _parts(text, a)[0] == "a finding"


def test_a_relative_clause_on_the_noun_is_no_content() -> None:
    text = "Ten skippers accused the council of lying, accusations that the mayor has denied."
    a = _att(text, "Ten skippers", "accusations", "the mayor has denied")
    retarget_report_nouns(text, [a], _sentences(text))
    assert _parts(text, a)[0] == "Ten skippers"
