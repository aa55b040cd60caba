"""Attribution recall on real-news patterns (issue 13, second pass), on sentences we wrote."""

from __future__ import annotations

from presslens.analyzers.attribution.analyzer import extract
from presslens.analyzers.attribution.continuation import (
    continued_quotes,
    heading_quote_lists,
    merge_quote_lists,
)
from presslens.analyzers.attribution.link import Attribution
from presslens.analyzers.attribution.refine import extend_cut_abbreviation, is_reporting_cue, refine
from presslens.analyzers.base import Features
from presslens.article import Article
from presslens.segment import paragraphs, sentences
from tests.text_fixtures import span_of


def _piece(text: str, span: tuple[int, int] | None) -> str | None:
    return None if span is None else text[span[0] : span[1]]


def _rules_only(text: str) -> list[Attribution]:
    article = Article(text=text, sentences=sentences(text, paragraphs(text)))
    return extract(Features(article), use_model=False)


# "continued" framing a quotation
# ---------------------------------------------------------------------------------------------


def test_continued_after_a_quotation_is_a_speech_cue() -> None:
    text = "\u201cThe ministry has promised us water trucks every week,\u201d Petrenko continued.\nMore."
    found = _rules_only(text)
    assert [(_piece(text, a.source), _piece(text, a.cue)) for a in found] == [("Petrenko", "continued")]
    assert _piece(text, found[0].content) == "The ministry has promised us water trucks every week"
    # asserted under the calibration; the learned scorer (the default since 2.12, HISTORY.md 2.12) weighs the rare
    # cue on its own and keeps this rules-only finding a candidate
    article = Article(text=text, sentences=sentences(text, paragraphs(text)))
    assert extract(Features(article), use_model=False, scorer="calibrated")[0].score >= 0.5


def test_continued_before_a_quotation_is_a_speech_cue() -> None:
    text = 'The mayor continued, "Would you send your own children to that school?"'
    assert is_reporting_cue(text, span_of(text, "continued"))


def test_continued_without_a_quotation_is_not_a_cue() -> None:
    text = "The shelling continued through the night and the water station stopped working."
    assert not is_reporting_cue(text, span_of(text, "continued"))
    assert _rules_only(text) == []


# a quotation paragraph that continues the previous speaker
# ---------------------------------------------------------------------------------------------


def test_quotation_paragraph_goes_on_with_the_speaker_before_it_not_the_cue_after_it() -> None:
    text = (
        "\u201cWe want the checkpoints open and the convoys moving,\u201d Ruiz said.\n"
        "\u201cThe other side wants the roads closed and does not care about the villages.\u201d\n"
        "Ruiz then called on the council to reopen the northern road before winter.\n"
    )
    ranges = sentences(text, paragraphs(text))
    said_quote = span_of(text, "We want the checkpoints open and the convoys moving")
    first = refine(text, [Attribution(span_of(text, "said"), span_of(text, "Ruiz"), said_quote, 0.9, False)],
                   ranges)
    claimed = span_of(text, "The other side wants the roads closed")
    later = refine(text, [Attribution(span_of(text, "called"), span_of(text, "Ruiz", 2), claimed, 0.9, False)],
                   ranges)
    later[0].content = (claimed[0], text.index("villages") + len("villages"))
    atts = first + later
    continued_quotes(text, atts, ranges)
    said = next(a for a in atts if _piece(text, a.cue) == "said")
    content = _piece(text, said.content)
    assert content is not None and content.rstrip(".").endswith("does not care about the villages")
    called = [a for a in atts if _piece(text, a.cue) == "called"]
    assert len(called) == 1
    assert _piece(text, called[0].content) == "on the council to reopen the northern road before winter"


def test_quotation_paragraph_framed_on_its_own_line_is_left_alone() -> None:
    text = (
        "\u201cThe bridge is open again,\u201d the engineer said.\n"
        "\u201cThe trucks can cross from Monday morning,\u201d the driver told us.\n"
    )
    found = _rules_only(text)
    told = next(a for a in found if _piece(text, a.cue) == "told")
    assert _piece(text, told.content) == "The trucks can cross from Monday morning"
    assert _piece(text, told.source) == "the driver"


# a source cut at an abbreviation
# ---------------------------------------------------------------------------------------------


def test_source_cut_at_an_abbreviation_runs_on_to_the_cue() -> None:
    text = "Aid slowed after U.S. President Ann Lee threatened to cut the regional budget."
    assert _piece(text, extend_cut_abbreviation(text, span_of(text, "U"), span_of(text, "threatened"))) == (
        "U.S. President Ann Lee"
    )


def test_a_one_letter_source_without_a_full_stop_is_left_alone() -> None:
    text = "Witness A said the trucks left before dawn."
    src = span_of(text, "A")
    assert extend_cut_abbreviation(text, src, span_of(text, "said")) == src


# quotations listed under a heading
# ---------------------------------------------------------------------------------------------

_LIST = (
    "The commander spoke for an hour.\n"
    "Some Petrenko quotes:\n"
    "\u201cWe will hold the river line until the spring.\n"
    "Nobody here is leaving.\u201d\n"
    "On the ceasefire: \u201cA ceasefire without guarantees is a pause for the next attack.\u201d\n"
    "Every village we lose is a village we will have to take back.\n"
    "\u201cThe drones come every night now.\u201d\n"
    "The next section is about supply lines.\n"
)


def test_quotations_under_a_heading_are_attributed_to_the_named_speaker() -> None:
    found = heading_quote_lists(_LIST)
    assert {_piece(_LIST, a.source) for a in found} == {"Petrenko"}
    assert [_piece(_LIST, a.content) for a in found] == [
        "We will hold the river line until the spring.\nNobody here is leaving.",
        "A ceasefire without guarantees is a pause for the next attack.",
        "Every village we lose is a village we will have to take back.",
        "The drones come every night now.",
    ]


def test_the_list_ends_at_the_first_line_that_is_not_an_item() -> None:
    found = heading_quote_lists(_LIST)
    assert not any("supply lines" in (_piece(_LIST, a.content) or "") for a in found)


def test_a_heading_without_a_name_or_a_quotation_word_starts_no_list() -> None:
    text = "What we know so far:\n\u201cThree trucks reached the town on Monday evening.\u201d\n"
    assert heading_quote_lists(text) == []
    text = "Some quotes:\n\u201cThree trucks reached the town on Monday evening.\u201d\n"
    assert heading_quote_lists(text) == []


def test_a_listed_quotation_replaces_the_heading_cue_but_not_another_attribution() -> None:
    lists = heading_quote_lists(_LIST)
    heading_cue = Attribution(span_of(_LIST, "quotes"), span_of(_LIST, "Some Petrenko"),
                              span_of(_LIST, "We will hold the river line until the spring."), 0.8, False)
    framed = Attribution(span_of(_LIST, "spoke"), span_of(_LIST, "The commander"),
                         span_of(_LIST, "The drones come every night now."), 0.8, False)
    merged = merge_quote_lists(_LIST, [heading_cue, framed], lists)
    assert heading_cue not in merged and framed in merged
    assert len(merged) == len(lists)


def test_listed_quotations_are_asserted_by_the_analyzer() -> None:
    found = [a for a in _rules_only(_LIST) if _piece(_LIST, a.source) == "Petrenko"]
    assert len(found) == 4 and all(a.score >= 0.5 for a in found)


# speech predicates added in the second pass
# ---------------------------------------------------------------------------------------------


def test_questioned_whether_is_reported_speech() -> None:
    text = "Critics questioned whether the new border fence would stop anyone from crossing."
    ranges = sentences(text, paragraphs(text))
    clause = span_of(text, "whether the new border fence would stop anyone from crossing")
    att = Attribution(span_of(text, "questioned"), span_of(text, "Critics"), clause, 0.9, False)
    out = refine(text, [att], ranges)
    assert out and out[0].sane


# a participle after a quotation's frame
# ---------------------------------------------------------------------------------------------


def test_participle_after_a_frame_reports_its_own_clause() -> None:
    text = "\u201cThe road is open again,\u201d the mayor said, adding that the trucks would come on Monday."
    found = _rules_only(text)
    adding = [a for a in _refine_participle(text, "adding")]
    assert adding and _piece(text, adding[0].content) == "the trucks would come on Monday"
    said = next(a for a in found if _piece(text, a.cue) == "said")
    assert _piece(text, said.content) == "The road is open again"


def test_participle_with_a_quoted_that_clause_takes_the_quotation() -> None:
    text = (
        "\u201cThe next outbreak could be stronger,\u201d the director told reporters, insisting that "
        "\u201cthe issue is serious.\u201d"
    )
    out = _refine_participle(text, "insisting")
    assert out and _piece(text, out[0].content) == "the issue is serious"


def test_participle_followed_by_its_own_quotation_keeps_the_quotation_rules() -> None:
    from presslens.analyzers.attribution.refine import participle_clause

    text = "The council voted on Monday, adding: \u201cThe visit must be cancelled at once.\u201d"
    a = Attribution(span_of(text, "adding"), span_of(text, "The council"), None, 0.9, False)
    assert participle_clause(text, a, sentences(text, paragraphs(text))) is None


def _refine_participle(text: str, cue: str) -> list[Attribution]:
    """The participle cue, the frame's source and the quotation before it as content (as layers give it)."""
    q0 = text.index("\u201c") + 1
    q1 = text.index("\u201d")
    src = "the mayor" if "the mayor" in text else "the director"
    quote = (q0, q1 - (1 if text[q1 - 1] == "," else 0))
    att = Attribution(span_of(text, cue), span_of(text, src), quote, 0.9, False)
    return refine(text, [att], sentences(text, paragraphs(text)))


# embedded posts stop at the writer's introducing line
# ---------------------------------------------------------------------------------------------


def test_embedded_post_does_not_swallow_the_reporting_line_above_it() -> None:
    from presslens.analyzers.attribution.continuation import embedded_posts

    text = (
        "Officials said the bridge would reopen soon.\n"
        "The governor said that the bridge might stay closed until March.\n"
        "Just drove past the bridge and it is still closed.\n"
        "pic.twitter.com/abc123 \u2014 Dana Ortiz (@dortiz) November 2, 2018\n"
    )
    posts = embedded_posts(text)
    assert len(posts) == 1
    assert _piece(text, posts[0].content) == "Just drove past the bridge and it is still closed."
    found = _rules_only(text)
    governor = [a for a in found if (_piece(text, a.source), _piece(text, a.cue)) == ("The governor", "said")]
    assert governor and _piece(text, governor[0].content) == "the bridge might stay closed until March"


def test_embedded_post_keeps_its_own_lines() -> None:
    from presslens.analyzers.attribution.continuation import embedded_posts

    text = (
        "Crowds gathered at the square.\n\n"
        "Thousands are here tonight.\n"
        "Nobody is going home.\n"
        "pic.twitter.com/abc123 \u2014 Dana Ortiz (@dortiz) November 2, 2018\n"
    )
    posts = embedded_posts(text)
    assert _piece(text, posts[0].content) == "Thousands are here tonight.\nNobody is going home."


# a content cut where a clause opens
# ---------------------------------------------------------------------------------------------


def test_content_ending_in_a_conjunction_gives_way_to_the_clause_after_the_cue() -> None:
    text = "Dozens of cases are reported every winter, but doctors are warning the outbreak is worse today."
    ranges = sentences(text, paragraphs(text))
    cut = span_of(text, "Dozens of cases are reported every winter, but")
    att = Attribution(span_of(text, "are warning"), span_of(text, "doctors"), cut, 0.9, False)
    out = refine(text, [att], ranges)
    assert out and out[0].sane
    assert _piece(text, out[0].content) == "the outbreak is worse today"


def test_content_ending_in_a_relative_word_is_a_sanity_problem() -> None:
    from presslens.analyzers.attribution import sanity

    text = "The tweet accelerated the attacks on the investigation, which he claims is tainted."
    cut = span_of(text, "The tweet accelerated the attacks on the investigation, which")
    problems = sanity.content_problems(text, cut)
    assert "content ends where a clause opens" in problems
    assert sanity.content_problems(text, span_of(text, "is tainted")) == []
    quoted = "\u201cWe waited and waited and,\u201d she said."
    assert sanity.content_problems(quoted, span_of(quoted, "We waited and waited and")) == []


# a headless source after a relative clause
# ---------------------------------------------------------------------------------------------


def test_headless_source_after_a_relative_clause_is_the_name_the_sentence_opens_with() -> None:
    text = "Petrenko, who ran in 2019 promising to end the blockade, has called for new talks in Vienna."
    ranges = sentences(text, paragraphs(text))
    content = span_of(text, "to end the blockade")
    att = Attribution(span_of(text, "promising"), span_of(text, "2019"), content, 0.9, False)
    out = refine(text, [att], ranges)
    assert out and _piece(text, out[0].source) == "Petrenko"


def test_a_source_with_a_head_keeps_its_own_words() -> None:
    text = "Petrenko, who ran in 2019, said his aides promised to end the blockade within a year."
    ranges = sentences(text, paragraphs(text))
    content = span_of(text, "to end the blockade")
    att = Attribution(span_of(text, "promised"), span_of(text, "his aides"), content, 0.9, False)
    out = refine(text, [att], ranges)
    assert out and _piece(text, out[0].source) == "his aides"
