"""Content edges that belong to the frame (analyzer 2.0): a telling verb's listener, another report's frame at
the end of a content, a frame whose line ends in a colon."""

from __future__ import annotations

import pytest

from presslens.analyzers.attribution.content_edges import (
    block_after_colon,
    clause_after_cue,
    from_its_own_line,
    quotation_after_inner_colon,
    trim_frame_edges,
    without_dateline,
    without_listener,
    without_trailing_frame,
)
from presslens.analyzers.attribution.features import quote_spans
from presslens.analyzers.attribution.link import Attribution
from presslens.analyzers.attribution.refine import is_negated
from presslens.analyzers.attribution.rules import rule_attributions
from presslens.analyzers.attribution.spans import Span


def _span(text: str, piece: str, after: int = 0) -> Span:
    i = text.index(piece, after)
    return i, i + len(piece)


def _att(text: str, source: str | None, cue: str, content: str | None) -> Attribution:
    c = _span(text, cue)
    return Attribution(
        cue=c,
        source=_span(text, source) if source else None,
        content=_span(text, content) if content else None,
        score=0.9,
        from_rules=False,
    )


@pytest.mark.parametrize(
    ("sentence", "content", "expected"),
    [
        ("Cruz told Arroyo he was really hurt by the comments.", "Arroyo he was really hurt by the comments",
         "he was really hurt by the comments"),
        ("The source told the Beacon that Bolton is aware of the danger.", "the Beacon that Bolton is aware of the "
         "danger", "Bolton is aware of the danger"),
        ("One of the lawyers told a judge he felt very strongly about it.", "a judge he felt very strongly about it",
         "he felt very strongly about it"),
        ("She told House investigators that she suspected a theft.", "House investigators that she suspected a theft",
         "she suspected a theft"),
        ("Awan told people Wasserman Schultz chose the name.", "people Wasserman Schultz chose the name",
         "Wasserman Schultz chose the name"),
        ("House sources told TheDCNF these exchanges were only a glimpse.", "TheDCNF these exchanges were only a "
         "glimpse", "these exchanges were only a glimpse"),
        ("The minister assured them the talks would go on.", "them the talks would go on", "the talks would go on"),
        ("O'Malley confirmed to a commission member that he had delivered the letter.",
         "to a commission member that he had delivered the letter", "he had delivered the letter"),
        ("It was about the deal, which he told the Washington Examiner was quickly souring.",
         "the Washington Examiner was quickly souring", "was quickly souring"),
    ],
)
def test_listener_is_not_what_was_said(sentence: str, content: str, expected: str) -> None:
    cue = next(w for w in ("told", "assured", "confirmed") if w in sentence)
    a = _att(sentence, None, cue, content)
    got = without_listener(sentence, a)
    assert got is not None
    assert sentence[got[0] : got[1]] == expected


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        # the object is what was said or done, not a listener
        ("He told the story of his escape in detail.", "told", "the story of his escape in detail"),
        ("It asked Trump to continue keeping them secret.", "asked", "Trump to continue keeping them secret"),
        ("They told Trump to go home at once.", "told", "Trump to go home at once"),
        # no object relative before the cue: "CNN was" is not a listener and a clause
        ("He told CNN was the worst network in the country.", "told", "CNN was the worst network in the country"),
        ("She urged them to ignore that and move on.", "urged", "them to ignore that and move on"),
        ("Officials said to ignore that and shoot the messenger.", "said", "to ignore that and shoot the messenger"),
        # a quotation after the verb
        ("He told reporters: the plan is dead.", "told", "the plan is dead"),
    ],
)
def test_content_without_a_listener_is_kept(sentence: str, cue: str, content: str) -> None:
    a = _att(sentence, None, cue, content)
    assert without_listener(sentence, a) == a.content


def test_a_trailing_frame_of_another_report_is_cut() -> None:
    text = ("The congresswoman also told Kiko she had invited the whole family and said she had helped him, "
            "the sources said.")
    told = _att(text, "The congresswoman", "told", "Kiko she had invited the whole family and said she had helped "
                "him, the sources said")
    said = Attribution(
        cue=(text.rindex("said"), text.rindex("said") + 4),
        source=_span(text, "the sources"),
        content=_span(text, "The congresswoman also told Kiko she had invited the whole family and said she had "
                      "helped him"),
        score=0.9,
        from_rules=False,
    )
    got = without_trailing_frame(text, told, [told, said])
    assert got is not None
    assert text[got[0] : got[1]] == "Kiko she had invited the whole family and said she had helped him"
    changed = trim_frame_edges(text, [told, said], [(0, len(text))])
    assert changed == [told]
    assert told.content is not None
    assert text[told.content[0] : told.content[1]] == "she had invited the whole family and said she had helped him"
    assert said.content is not None
    assert text[said.content[0] : said.content[1]].endswith("helped him")  # the outer report is unchanged


def test_according_to_at_the_end_is_cut() -> None:
    text = "The official said she intervened in a land deal, according to two House employees."
    said = _att(text, "The official", "said", "she intervened in a land deal, according to two House employees")
    acc = _att(text, "two House employees", "according to", "The official said she intervened in a land deal")
    got = without_trailing_frame(text, said, [said, acc])
    assert got is not None
    assert text[got[0] : got[1]] == "she intervened in a land deal"
    # the outer report keeps its content: its own frame is not a trailing frame of itself
    assert without_trailing_frame(text, acc, [said, acc]) == acc.content


def test_a_split_quotation_keeps_its_second_part() -> None:
    text = '"The plan," she said, "is dead and buried now."'
    a = _att(text, "she", "said", 'The plan," she said, "is dead and buried now.')
    # the only frame inside the content is the attribution's own
    assert without_trailing_frame(text, a, [a]) == a.content


def test_a_frame_whose_line_ends_in_a_colon_reports_the_block_after_it() -> None:
    text = ("Bolton told an audience of the Grand Gathering:\n\u201cThere is a viable opposition.\nIt is in this "
            "room today.\u201d\nThe next paragraph is the writer's.")
    a = _att(text, "Bolton", "told", "an audience of the Grand Gathering")
    got = block_after_colon(text, a, quote_spans(text))
    assert got is not None
    assert text[got[0] : got[1]] == "There is a viable opposition.\nIt is in this room today."
    letter = "A staffer alleged it.\n\u201cIt was a breach.\u201d\nThe letter says:\n\u2022 In 2016 the server was copied.\n"
    b = _att(letter, "The letter", "says", "It was a breach.")
    got = block_after_colon(letter, b, quote_spans(letter))
    assert got is not None
    assert letter[got[0] : got[1]] == "In 2016 the server was copied."


@pytest.mark.parametrize(
    ("lead", "cue", "content"),
    [
        ("explains that", "explains", "most of the promises could never be kept"),
        ("explained at the hearing that", "explained", "most of the promises could never be kept"),
        ("adds", "adds", "that most of the promises could never be kept"),
    ],
)
def test_a_that_clause_before_a_line_colon_is_what_was_said_not_the_block_after_it(
    lead: str, cue: str, content: str
) -> None:
    # the block after the colon is the writer's evidence for the paraphrase (here a transcript turn)
    text = (f"Smith {lead} most of the promises could never be kept:\n"
            "SMITH: \u201cSo, let us go back to the platform, right?\u201d\nThe writer goes on.")
    if lead == "adds":
        text = text.replace("adds most", "adds that most")
    a = _att(text, "Smith", cue, content)
    assert block_after_colon(text, a, quote_spans(text)) is None


def test_without_a_that_clause_the_line_colon_still_opens_the_block() -> None:
    text = "Smith explains the platform:\nSMITH: \u201cSo, let us go back to the platform, right?\u201d\nMore."
    a = _att(text, "Smith", "explains", "the platform")
    got = block_after_colon(text, a, quote_spans(text))
    assert got is not None and text[got[0]:got[1]].startswith("SMITH:")


def test_a_colon_inside_the_line_is_not_a_block_frame() -> None:
    text = "Farrakhan Speech: 'Jews Are My Enemy' drew no notice, she said: nothing else.\nNext line here now."
    a = _att(text, "she", "said", "nothing else")
    assert block_after_colon(text, a, quote_spans(text)) is None


@pytest.mark.parametrize(
    ("sentence", "cue", "content", "expected"),
    [
        ("It was also true, as McConnell reportedly warned, that the disclosure was going to delay the vote.",
         "reportedly warned", "It was also true", "the disclosure was going to delay the vote"),
        ("Baldisseri stayed true to his form, he announced at the press conference that his office uses the acronym.",
         "announced", "Baldisseri stayed true to his form", "his office uses the acronym"),
        ("And while he has condemned abuse throughout his pontificate, some have argued his actions do not match.",
         "argued", "And while he has condemned abuse throughout his pontificate", "his actions do not match"),
    ],
)
def test_a_clause_after_the_cue_replaces_a_content_before_it(
    sentence: str, cue: str, content: str, expected: str
) -> None:
    source = {"reportedly warned": "McConnell", "announced": "he", "argued": "some"}[cue]
    a = _att(sentence, source, cue, content)
    got = clause_after_cue(sentence, a, [(0, len(sentence))])
    assert got is not None
    assert sentence[got[0] : got[1]] == expected


@pytest.mark.parametrize(
    ("sentence", "source", "cue", "content"),
    [
        # the whole sentence was said: its subordinate clause leads into the main clause
        ("And when the inquiry found it, she became frantic, one employee told The Daily Caller.", "one employee",
         "told", "And when the inquiry found it, she became frantic"),
        # a quotation before the frame is what was said
        ("\u201cHe walks out right now,\u201d the lawyer said, adding that the detention was illegal.",
         "the lawyer", "said", "He walks out right now"),
        # a plain report: the words before the frame were said
        ("The plan is dead, the minister said on Monday.", "the minister", "said", "The plan is dead"),
    ],
)
def test_a_content_before_the_cue_is_kept(sentence: str, source: str, cue: str, content: str) -> None:
    a = _att(sentence, source, cue, content)
    assert clause_after_cue(sentence, a, [(0, len(sentence))]) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "They oppose it, but the protections extend to the various states as well, since it recognizes a right.",
        "He was a controversial choice, eventually getting confirmed with only four votes after a long delay.",
        "The police were instead targeting the elderly alleged victims, according to a local report.",
    ],
)
def test_adjectives_nouns_and_passives_are_no_rule_cues(sentence: str) -> None:
    cues = {sentence[a.cue[0] : a.cue[1]].lower() for a in rule_attributions(sentence, [(0, len(sentence))])}
    assert not cues & {"states", "confirmed", "alleged"}


def test_a_rule_cue_with_a_speaker_is_kept() -> None:
    sentence = "Prosecutors alleged that the aide had stolen the equipment from the House."
    cues = [sentence[a.cue[0] : a.cue[1]] for a in rule_attributions(sentence, [(0, len(sentence))])]
    assert cues == ["alleged"]


def test_negated_telling_reports_nothing() -> None:
    text = "Castro said Kiko never told him of any cybersecurity issues at all."
    a = _att(text, "Kiko", "told", "him of any cybersecurity issues at all")
    assert is_negated(text, a)
    b = _att(text, "Castro", "said", "Kiko never told him of any cybersecurity issues at all")
    assert not is_negated(text, b)


def test_a_dateline_is_not_what_was_said() -> None:
    text = "WASHINGTON, D.C., February 12, 2018 (LifeSiteNews) \u2013 Those who know him say it is a classic move."
    content = (0, text.index(" say"))
    got = without_dateline(text, content)
    assert text[got[0] : got[1]] == "Those who know him"
    plain = "NATO \u2013 the alliance \u2013 said it would answer."
    assert without_dateline(plain, (0, 20)) == (0, 20)


def test_a_report_ends_at_the_line_before_its_cue() -> None:
    text = ("Don't say you were not warned, America.\nApparently, the US is now prepared to give it another shot, "
            "according to leaked documents.")
    a = _att(text, "leaked documents", "according to", "you were not warned, America.\nApparently, the US is now "
             "prepared to give it another shot")
    got = from_its_own_line(text, a, quote_spans(text))
    assert got is not None
    assert text[got[0] : got[1]] == "Apparently, the US is now prepared to give it another shot"
    post = "First line of the post.\nSecond line of the post.\n\u2014 Someone (@someone) May 1, 2018"
    b = _att(post, "Someone", "\u2014", "First line of the post.\nSecond line of the post.")
    assert from_its_own_line(post, b, quote_spans(post)) is None  # a post's signature frames every line


def test_a_quotation_after_a_colon_inside_the_content_is_what_was_said() -> None:
    text = "Greenfield said this about Powell: \u201cThe media dubbed her the Republican Abedin.\u201d"
    a = _att(text, "Greenfield", "said", "this about Powell: \u201cThe media dubbed her the Republican Abedin")
    got = quotation_after_inner_colon(text, a, quote_spans(text))
    assert got is not None
    assert text[got[0] : got[1]] == "The media dubbed her the Republican Abedin."
