"""Attribution span quality and the sanity rules (issue 13), on sentences we wrote."""

from __future__ import annotations

import pytest

import presslens
from presslens.analyzers.attribution import sanity
from presslens.analyzers.attribution.calibration import calibrated
from presslens.analyzers.attribution.continuation import colon_quotes, continued_quotes, embedded_posts
from presslens.analyzers.attribution.link import Attribution
from presslens.analyzers.attribution.refine import refine
from presslens.analyzers.attribution.refine_content import snap_content
from presslens.analyzers.attribution.refine_source import clean_source
from presslens.segment import paragraphs, sentences
from tests.text_fixtures import span_of


def _refined(text: str, source: str | None, cue: str, content: str | None, score: float = 0.9) -> list[Attribution]:
    att = Attribution(
        span_of(text, cue),
        span_of(text, source) if source else None,
        span_of(text, content) if content else None,
        score,
        False,
    )
    return refine(text, [att], sentences(text, paragraphs(text)))


def _asserted(a: Attribution) -> bool:
    """The analyzer asserts the attribution: its calibrated score is at least 0.5."""
    return calibrated(a.score, a.sane) >= 0.5


def _piece(text: str, span: tuple[int, int] | None) -> str | None:
    return None if span is None else text[span[0] : span[1]]


@pytest.mark.parametrize(
    ("text", "source", "expected"),
    [
        ("Tuesday morning the river authority said the dam was holding.", "Tuesday morning the river authority",
         "the river authority"),
        ("A district judge on Wednesday said the order was unlawful.", "A district judge on Wednesday",
         "A district judge"),
        ("The harbour office recently warned that the pier was unsafe.", "The harbour office recently",
         "The harbour office"),
        ("Medics and said the clinic was full.", "Medics and", "Medics"),
        ("The footage, which the pilot says shows the crash, was released.", "which the pilot", "the pilot"),
        ("The engineer, Marta Olsen, said the pumps had failed.", "The engineer, Marta Olsen", "Marta Olsen"),
        ("Senator Joan Pike (D-Ore.) said the bill was dead.", "Senator Joan Pike (D-Ore.)", "Senator Joan Pike"),
        ("The envoy himself admitted the talks had stalled.", "The envoy himself", "The envoy"),
        ("The nurse who accused Rep. Dan Hale of fraud said the files were forged.", "Dan Hale of fraud",
         "The nurse who accused Rep. Dan Hale of fraud"),
    ],
)
def test_source_boundaries_are_cleaned(text: str, source: str, expected: str) -> None:
    assert _piece(text, clean_source(text, span_of(text, source))) == expected


def test_content_cut_inside_a_number_is_widened_to_the_whole_number() -> None:
    text = "According to the border agency, 260,000 residents have left the region."
    cut = span_of(text, "000 residents have left the region")
    assert _piece(text, snap_content(text, cut)) == "260,000 residents have left the region"
    out = _refined(text, "the border agency", "According to", "000 residents have left the region")
    assert len(out) == 1
    assert _piece(text, out[0].content) == "260,000 residents have left the region"
    assert not sanity.cuts_word(text, out[0].content)  # type: ignore[arg-type]


def test_content_cut_inside_a_word_is_widened() -> None:
    text = "The ministry said the convoy reached the village."
    assert _piece(text, snap_content(text, span_of(text, "onvoy reached the vill"))) == "convoy reached the village"


def test_content_ending_in_a_conjunction_runs_to_the_end_of_the_sentence() -> None:
    text = "Port officials said the closure had always been temporary and that ships would return."
    out = _refined(text, "Port officials", "said", "the closure had always been temporary and")
    assert _piece(text, out[0].content) == "the closure had always been temporary and that ships would return"
    assert _asserted(out[0])


@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        # the writer's own stance and the reader's
        ("We do not want another war in the valley.", "We", "want", "another war in the valley"),
        ("You don't believe the figures from the front.", "You", "believe", "the figures from the front"),
        # a belief, not speech
        ("The farmers want the road to the market reopened.", "The farmers", "want", "the road to the market reopened"),
        # hypothetical and negated frames
        ("The minister could admit that the budget was wrong.", "The minister", "admit", "the budget was wrong"),
        ("The mayor refuses to say where the money went.", "The mayor", "refuses to say", "where the money went"),
        # the verb's object, not what was said
        ("The governor requested the funds from the capital.", "The governor", "requested",
         "the funds from the capital"),
        # the listener of "told", not what was said
        ("The farmer told the wire service.", "The farmer", "told", "the wire service"),
        # a content of function words only
        ("Local residents said the.", "Local residents", "said", "the"),
        # a preposition is no source's start
        ("Patrols answering to a flood alert responded that the road was shut.", "to a flood alert", "responded",
         "that the road was shut"),
        # a noun, not a reporting verb
        ("The mayor's claims the dam proved safe were false.", "The mayor's", "claims", "the dam proved safe"),
        # no source at all
        ("It was reportedly written by the guards at the camp.", None, "was reportedly written",
         "by the guards at the camp"),
        # an infinitive after "to": a purpose, wish or failure, not speech
        ("The footage goes to show two guards leaving the gate at dawn.", "The footage goes", "show",
         "two guards leaving the gate at dawn"),
        ("The sailor said he wanted to show the photos only to his family.", "he wanted", "show",
         "the photos only to his family"),
        # a hedge adverb without a speech verb: nobody is quoted
        ("The colonel has allegedly moved the prisoners to a second camp.", "The colonel", "has allegedly",
         "moved the prisoners to a second camp"),
        ("The inspector reportedly is looking at the fuel contracts.", "The inspector", "reportedly is",
         "looking at the fuel contracts"),
        # "said what ...": the writer's description of the words
        ("The mayor said what many residents had feared for weeks.", "The mayor", "said",
         "what many residents had feared for weeks"),
        # the writer pointing to their own earlier text
        ("As I have reported before, the convoy never reached the border town.", "I", "have reported",
         "the convoy never reached the border town"),
        ("Since we first noted the outbreak, the clinics have filled up.", "we", "first noted",
         "the outbreak"),
        ("Earlier today I wrote that the bridge had been closed to trucks.", "I", "wrote",
         "the bridge had been closed to trucks"),
    ],
)
def test_frames_failing_the_sanity_rules_become_candidates(
    text: str, source: str | None, cue: str, content: str
) -> None:
    out = _refined(text, source, cue, content)
    assert not any(_asserted(a) for a in out), [(_piece(text, a.source), a.score, a.sane) for a in out]


def test_told_keeps_the_clause_after_its_listener() -> None:
    text = "The farmer told the wire service that the harvest had failed in every village."
    out = _refined(text, "The farmer", "told", "the harvest had failed in every village")
    assert [_piece(text, a.content) for a in out] == ["the harvest had failed in every village"]
    assert _asserted(out[0])


def test_a_clean_speech_attribution_keeps_its_score() -> None:
    text = "The regional health office said the clinic had run out of insulin."
    out = _refined(text, "The regional health office", "said", "the clinic had run out of insulin")
    assert len(out) == 1 and out[0].score == pytest.approx(0.9) and out[0].sane and _asserted(out[0])


def test_writer_reporting_own_past_speech_is_not_the_writers_voice() -> None:
    text = "I said the bridge would not hold, and the foreman laughed."
    assert "writer's voice as source" not in sanity.source_problems(
        text, span_of(text, "I"), None, span_of(text, "said")
    )


@pytest.mark.parametrize(
    ("text", "source", "cue", "own"),
    [
        ("As we pointed out last summer, the port was never dredged.", "we", "pointed out", True),
        ("I detailed the supply routes in my last book.", "I", "detailed", True),
        ("I told her that the road to the river was mined.", "I", "told", False),
        ("We asked the guards where the trucks had gone.", "We", "asked", False),
    ],
)
def test_the_writer_citing_their_own_text_is_the_writers_voice(text: str, source: str, cue: str, own: bool) -> None:
    problems = sanity.source_problems(text, span_of(text, source), None, span_of(text, cue))
    assert ("writer's voice as source" in problems) == own


@pytest.mark.parametrize(
    ("text", "cue", "problem"),
    [
        ("The report goes to show how the money moved.", "show", "hypothetical cue"),
        ("The minister went on to say the talks had failed.", "say", None),
        ("The bridge is closed, according to the police.", "according to", None),
        ("The general reportedly is planning a new offensive.", "reportedly is", "cue is a hedge adverb"),
        ("The general reportedly said the offensive would start.", "reportedly said", None),
    ],
)
def test_cue_rules_for_infinitives_and_hedge_adverbs(text: str, cue: str, problem: str | None) -> None:
    problems = sanity.cue_problems(text, span_of(text, cue))
    if problem is None:
        assert not problems, problems
    else:
        assert problem in problems


@pytest.mark.parametrize(
    ("source", "bare"),
    [("sheriff", True), ("election", True), ("first", True), ("police", False), ("he", False), ("two", False),
     ("officials", False), ("Reuters", False), ("the sheriff", False)],
)
def test_a_bare_singular_word_is_a_cut_source(source: str, bare: bool) -> None:
    text = f"Late in the evening {source} said the road was closed."
    problems = sanity.source_problems(text, span_of(text, source), None, span_of(text, "said"))
    assert ("source is a bare singular word" in problems) == bare


def test_quote_before_said_x_gives_the_quote_as_content() -> None:
    text = '\u201cThe bridge is gone and the ferry has stopped,\u201d said the engineer.'
    out = _refined(text, "the engineer", "said", "the ferry has stopped")
    assert _piece(text, out[0].content) == "The bridge is gone and the ferry has stopped"


def test_x_said_colon_quote_gives_the_quote_as_content() -> None:
    text = 'The engineer said: \u201cThe bridge is gone and the ferry has stopped.\u201d'
    out = _refined(text, "The engineer", "said", "The bridge is gone")
    assert _piece(text, out[0].content) == "The bridge is gone and the ferry has stopped."


def test_split_quote_gives_one_content_over_both_parts() -> None:
    text = '\u201cThe plan,\u201d the envoy said, \u201cis finished for this winter.\u201d'
    out = _refined(text, "the envoy", "said", "The plan")
    assert _piece(text, out[0].content) == "The plan,\u201d the envoy said, \u201cis finished for this winter."


def test_split_quote_with_a_time_phrase_in_the_frame() -> None:
    text = '\u201cThe wells are dry,\u201d the farmer said on Sunday, \u201cand the cattle are next.\u201d'
    out = _refined(text, "the farmer", "said", "The wells are dry")
    assert _piece(text, out[0].content) == (
        "The wells are dry,\u201d the farmer said on Sunday, \u201cand the cattle are next."
    )


def test_quote_before_a_frame_with_its_own_clause_is_not_its_content() -> None:
    text = '\u201cThe river is rising fast.\u201d The mayor said the shelters in the school were open.'
    out = _refined(text, "The mayor", "said", "the shelters in the school were open")
    assert _piece(text, out[0].content) == "the shelters in the school were open"


def test_scare_quote_inside_a_reported_clause_is_not_the_whole_content() -> None:
    text = "The new levy is \u201cpure theft,\u201d the shop owner said."
    out = _refined(text, "the shop owner", "said", "The new levy is \u201cpure theft")
    assert _piece(text, out[0].content) == "The new levy is \u201cpure theft"


def test_time_or_place_frame_before_the_source_is_not_content() -> None:
    text = "In an interview with a local radio station, the colonel said the unit had withdrawn."
    out = _refined(text, "the colonel", "said", "In an interview with a local radio station")
    assert _piece(text, out[0].content) == "the unit had withdrawn"


def test_embedded_post_names_its_author_and_takes_its_text() -> None:
    text = (
        "The river rose overnight.\n"
        "Water is rising fast near the old mill.\n"
        "pic.twitter.com/abc123XYZ \u2014 Anna Berg (@annaberg) November 2, 2018\n"
        "Officials closed the road."
    )
    posts = embedded_posts(text)
    assert len(posts) == 1
    assert _piece(text, posts[0].source) == "Anna Berg"
    content = _piece(text, posts[0].content)
    assert content is not None and content.endswith("Water is rising fast near the old mill.")
    assert "pic.twitter" not in content


def test_quote_paragraph_continues_the_previous_speakers_content() -> None:
    text = (
        "\u201cThe pumps failed at dawn,\u201d the engineer told reporters.\n"
        "\u201cWe have asked the capital for new parts and a second crew.\u201d\n"
        "The plant stayed closed."
    )
    first = _refined(text, "the engineer", "told", "The pumps failed at dawn")
    continued_quotes(text, first)
    assert len(first) == 1  # no second attribution for the continuation: the first one's content runs on
    assert _piece(text, first[0].source) == "the engineer"
    content = _piece(text, first[0].content)
    assert content is not None and content.startswith("The pumps failed at dawn")
    assert content.endswith("a second crew.")


def test_quote_paragraph_after_a_reported_clause_is_left_alone() -> None:
    text = (
        "The engineer told reporters that the pumps failed at dawn.\n"
        "\u201cWe have asked the capital for new parts and a second crew.\u201d\n"
    )
    first = _refined(text, "The engineer", "told", "the pumps failed at dawn")
    continued_quotes(text, first)
    assert _piece(text, first[0].content) == "the pumps failed at dawn"


@pytest.mark.parametrize(
    ("text", "span", "cut"),
    [("260,000 men", (4, 11), True), ("260,000 men", (0, 7), False), ("then", (0, 3), True), ("a b", (2, 3), False)],
)
def test_cuts_word(text: str, span: tuple[int, int], cut: bool) -> None:
    assert sanity.cuts_word(text, span) is cut


def test_analyzer_asserts_no_finding_that_fails_the_sanity_rules() -> None:
    text = (
        "Flood reaches the valley\n\n"
        "\u201cThe dam will hold for now,\u201d said the chief engineer.\n\n"
        "The regional governor said: \u201cEvacuation buses leave at noon.\u201d\n\n"
        "We do not want the families to wait in the rain.\n\n"
        "According to the water agency, 12,000 homes have no power."
    )
    report = presslens.analyze(text, only=["attribution"])
    asserted = [f for f in report.findings if f.kind == "attribution" and f.score >= 0.5]
    assert asserted
    for f in asserted:
        source = f.attributes["source"]
        assert source is not None
        src = (source["start"], source["end"])
        content = (f.attributes["content"]["start"], f.attributes["content"]["end"])
        assert not sanity.source_problems(text, src)
        assert not sanity.content_problems(text, content)
        assert "We" != source["text"]
    contents = {f.attributes["content"]["text"] for f in asserted}
    assert "The dam will hold for now" in contents
    assert "Evacuation buses leave at noon." in contents


def test_name_colon_quote_at_a_line_start() -> None:
    text = (
        "The hearing ended late.\n"
        "Mayor Ana Ruiz to the council: \u201cWe will rebuild the bridge before winter.\u201d\n"
        "Some council quotes: \u201cThis is not the time for speeches.\u201d\n"
        "FLOOD PLAN: \u201cEvery house gets sandbags by Friday.\u201d"
    )
    found = colon_quotes(text)
    assert [_piece(text, a.source) for a in found] == ["Mayor Ana Ruiz"]
    assert _piece(text, found[0].content) == "We will rebuild the bridge before winter."


# --------------------------------------------------------------------------------------------- score calibration


def test_calibrated_score_rises_with_the_raw_score_and_a_sanity_failure_is_never_asserted() -> None:
    from presslens.analyzers.attribution.calibration import CANDIDATE_CAP, calibrated

    grid = [i / 50 for i in range(51)]
    sane = [calibrated(r, True) for r in grid]
    failing = [calibrated(r, False) for r in grid]
    assert all(0.0 <= p <= 1.0 for p in sane + failing)
    assert all(b >= a for a, b in zip(sane, sane[1:], strict=False))
    assert sane[-1] > 0.5 > sane[0]
    assert max(failing) <= CANDIDATE_CAP < 0.5
    assert all(s >= f for s, f in zip(sane, failing, strict=True))


def test_logistic_fit_recovers_the_weights_of_synthetic_data() -> None:
    import numpy as np

    from presslens.training.attribution import fit_logistic

    rng = np.random.default_rng(3)
    x = np.column_stack([np.ones(4000), rng.normal(size=4000), rng.integers(0, 2, 4000)])
    true = np.array([-1.0, 1.5, 2.0])
    y = (rng.random(4000) < 1 / (1 + np.exp(-(x @ true)))).astype(float)
    w = fit_logistic(x, y, l2=0.0)
    assert np.allclose(w, true, atol=0.25)


def test_reported_clause_before_a_trailing_frame_runs_from_the_sentence_start() -> None:
    text = "The ministry is considering an appeal against the ruling, a spokeswoman said."
    out = _refined(text, "a spokeswoman", "said", "an appeal")
    assert _piece(text, out[0].content) == "The ministry is considering an appeal against the ruling"


def test_reported_clause_after_the_cue_runs_to_the_sentence_end() -> None:
    text = "The agency said it had released $1 million (840,000 euros) from a fund, and sent 50 experts."
    out = _refined(text, "The agency", "said", "it had released $1 million")
    assert _piece(text, out[0].content) == "it had released $1 million (840,000 euros) from a fund, and sent 50 experts"


def test_as_frame_reports_the_clause_before_it() -> None:
    text = "Residents protested against the new camp, as the local paper reported, demanding its closure."
    out = _refined(text, "the local paper", "reported", "its closure")
    assert _piece(text, out[0].content) == "Residents protested against the new camp"


def test_passive_frame_is_only_a_candidate() -> None:
    text = "It was later announced that the hearing would move to Monday."
    out = _refined(text, "It", "announced", "the hearing would move to Monday")
    assert out and not out[0].sane


def test_colon_at_line_end_takes_the_next_paragraph() -> None:
    text = "The agency reports:\nTroops have begun to reinforce the border crossing near the river.\nMore later."
    out = _refined(text, "The agency", "reports", "More later")
    assert _piece(text, out[0].content) == "Troops have begun to reinforce the border crossing near the river."


def test_missing_source_is_the_subject_before_the_cue() -> None:
    text = "In the north, aid workers said the epidemic will get worse before it gets better."
    out = _refined(text, None, "said", "the epidemic will get worse before it gets better")
    assert _piece(text, out[0].source) == "aid workers"


def test_a_source_far_from_its_cue_or_a_short_content_lowers_the_score() -> None:
    from presslens.analyzers.attribution.calibration import calibrated, calibration_inputs

    text = "The regional health office said the clinic had run out of insulin, and the nurse said so."
    near = Attribution(span_of(text, "said"), span_of(text, "The regional health office"),
                       span_of(text, "the clinic had run out of insulin"), 0.9, False)
    raw, sane, short, is_near, participle = calibration_inputs(text, near)
    assert (raw, sane, short, is_near, participle) == (0.9, True, False, True, False)
    far = Attribution(span_of(text, "said so"), span_of(text, "The regional health office"), span_of(text, "so"), 0.9,
                      False)
    _, _, far_short, far_near, _ = calibration_inputs(text, far)
    assert far_short and not far_near
    assert calibrated(0.9, True, False, True) > calibrated(0.9, True, True, True) > calibrated(0.9, True, True, False)


@pytest.mark.parametrize(
    ("text", "cue", "participle"),
    [
        ("The mayor spoke on the radio, saying the shelters were full.", "saying", True),
        ("The mayor is saying the shelters are full.", "saying", False),
        ("Aid workers are warning that the river will rise.", "warning", False),
        ("The shelters are full, according to the mayor.", "according to", False),
        ("The mayor said the shelters were full.", "said", False),
    ],
)
def test_a_bare_participle_cue_lowers_the_score(text: str, cue: str, participle: bool) -> None:
    from presslens.analyzers.attribution.calibration import calibrated, calibration_inputs

    a = Attribution(span_of(text, cue), span_of(text, "mayor") if "mayor" in text else None, None, 0.9, False)
    assert calibration_inputs(text, a)[4] == participle
    assert calibrated(0.9, True, False, True, True) < calibrated(0.9, True, False, True, False)


def test_nested_report_keeps_both_frames_and_an_acronym_source() -> None:
    text = "The BBC adds the WHO said it was not recommending any trade or travel restrictions in the region."
    from presslens.analyzers.attribution.analyzer import extract
    from presslens.analyzers.base import Features
    from presslens.article import Article

    article = Article(text=text, sentences=sentences(text, paragraphs(text)))
    found = {(_piece(text, a.source), _piece(text, a.cue)): a for a in extract(Features(article), use_model=False)}
    assert ("The BBC", "adds") in found
    inner = found[("the WHO", "said")]
    assert _piece(text, inner.content) == "it was not recommending any trade or travel restrictions in the region"
    assert inner.score >= 0.5


def test_participle_after_the_head_noun_ends_the_source() -> None:
    text = "An official statement released after a cabinet meeting said the plan had been approved."
    src = clean_source(text, span_of(text, "An official statement released after a cabinet meeting"))
    assert _piece(text, src) == "An official statement"


def test_report_nested_in_a_content_is_a_second_attribution() -> None:
    from presslens.analyzers.attribution.nested import nested_reports

    text = "According to the Daily Mail, experts warn the outbreak is being fuelled by a more lethal strain."
    outer = _refined(text, "the Daily Mail", "According to", "experts warn the outbreak is being fuelled")
    inner = nested_reports(text, outer, sentences(text, paragraphs(text)))
    assert len(inner) == 1
    assert _piece(text, inner[0].source) == "experts" and _piece(text, inner[0].cue) == "warn"
    assert _piece(text, inner[0].content) == "the outbreak is being fuelled by a more lethal strain"


def test_no_nested_report_inside_a_quotation() -> None:
    from presslens.analyzers.attribution.nested import nested_reports

    text = "\u201cThe guards said nothing about the convoy to anyone,\u201d the driver told reporters."
    outer = _refined(text, "the driver", "told", "The guards said nothing about the convoy to anyone")
    assert nested_reports(text, outer, sentences(text, paragraphs(text))) == []


def test_quotation_after_a_trailing_frame_goes_on_with_the_statement() -> None:
    from presslens.analyzers.attribution.analyzer import extract
    from presslens.analyzers.base import Features
    from presslens.article import Article

    text = "\u201cThe car basically blew up,\u201d said a witness. \u201cNothing was left of it after the fire.\u201d\nMore."
    article = Article(text=text, sentences=sentences(text, paragraphs(text)))
    found = extract(Features(article), use_model=False)
    assert len(found) == 1
    content = _piece(text, found[0].content)
    assert content is not None and content.startswith("The car basically blew up")
    assert content.endswith("after the fire.")


@pytest.mark.parametrize(
    ("text", "source", "cue", "content", "expected"),
    [
        ("Two weeks after the Kremlin announced a mobilisation, the queues at the border grew longer.",
         "the Kremlin", "announced", "a mobilisation", "a mobilisation"),
        ("The governor blamed the attack on enemy forces; the other side has not commented.",
         "The governor", "blamed", "the attack", "the attack on enemy forces"),
    ],
)
def test_reported_clause_stops_at_its_own_clause_edge(
    text: str, source: str, cue: str, content: str, expected: str
) -> None:
    out = _refined(text, source, cue, content)
    assert _piece(text, out[0].content) == expected


def test_split_quote_keeps_its_speaker_inside_the_content() -> None:
    text = "\u201cThe ferry is late again,\u201d the harbour master said, \u201cand the bridge is still shut.\u201d"
    out = _refined(text, "the harbour master", "said", "The ferry is late again")
    assert _piece(text, out[0].source) == "the harbour master"
    assert _piece(text, out[0].content) == (
        "The ferry is late again,\u201d the harbour master said, \u201cand the bridge is still shut."
    )


def test_quote_paragraph_continues_when_the_writer_goes_on_on_the_same_line() -> None:
    # the scraped page lost the paragraph break between the quotation and the writer's next sentence
    text = (
        "\u201cThe pumps failed at dawn,\u201d the engineer told reporters.\n"
        "\u201cWe have asked the capital for new parts.\u201d The plant stayed closed for a week.\n"
    )
    first = _refined(text, "the engineer", "told", "The pumps failed at dawn")
    continued_quotes(text, first)
    content = _piece(text, first[0].content)
    assert content is not None and content.endswith("for new parts.")


def test_quote_followed_by_its_own_frame_is_no_continuation() -> None:
    text = (
        "\u201cThe pumps failed at dawn,\u201d the engineer told reporters.\n"
        "\u201cWe have asked the capital for new parts,\u201d a second engineer added.\n"
    )
    first = _refined(text, "the engineer", "told", "The pumps failed at dawn")
    continued_quotes(text, first)
    assert _piece(text, first[0].content) == "The pumps failed at dawn"


@pytest.mark.parametrize(
    ("text", "source", "cue", "content", "expected"),
    [
        ("The ceasefire, the envoy said, is holding in the north.", "the envoy", "said", "is holding in the north",
         "The ceasefire, the envoy said, is holding in the north"),
        ("Besides, the envoy said, the ceasefire is holding.", "the envoy", "said", "the ceasefire is holding",
         "the ceasefire is holding"),
        ("The ceasefire is holding, the envoy said, adding that talks resume today.", "the envoy", "said",
         "The ceasefire is holding", "The ceasefire is holding"),
    ],
)
def test_frame_set_off_by_commas_reports_the_whole_sentence(
    text: str, source: str, cue: str, content: str, expected: str
) -> None:
    out = _refined(text, source, cue, content)
    assert _piece(text, out[0].source) == source
    assert _piece(text, out[0].content) == expected


def test_citation_heading_gives_its_excerpt_to_the_author() -> None:
    from presslens.analyzers.attribution.continuation import citation_excerpts

    text = (
        "The writer opens with a line of their own.\n"
        "\u201cFloods cut the valley road,\u201d by Ana Ruiz, Valley Courier, March 3, 2019:\n"
        "The valley road was cut by floods on Sunday.\n"
        "Crews expect to reopen it within a week.\n"
        "Article posted with permission from Someone Else\n"
    )
    found = citation_excerpts(text)
    assert len(found) == 1
    assert _piece(text, found[0].source) == "Ana Ruiz"
    assert _piece(text, found[0].cue) == ":"
    assert _piece(text, found[0].content) == (
        "The valley road was cut by floods on Sunday.\nCrews expect to reopen it within a week."
    )


def test_citation_heading_without_an_author_names_the_outlet() -> None:
    from presslens.analyzers.attribution.continuation import citation_excerpts

    text = "\u201cBridge reopens,\u201d Valley Courier, May 9, 2018:\nThe bridge reopened to traffic this morning.\n"
    found = citation_excerpts(text)
    assert [_piece(text, a.source) for a in found] == ["Valley Courier"]


def test_a_headline_with_a_colon_inside_is_no_citation_heading() -> None:
    from presslens.analyzers.attribution.continuation import citation_excerpts

    text = "Breaking: the bridge reopened on May 9, 2018, officials said.\nTraffic is flowing again.\n"
    assert citation_excerpts(text) == []


def test_a_preposition_between_cue_and_content_makes_it_a_topic() -> None:
    text = "Article posted with permission from the Valley Courier."
    out = _refined(text, "Article", "posted", "permission from the Valley Courier")
    assert all(not a.sane for a in out)


@pytest.mark.parametrize(
    "content",
    ["The Daily Caller News Foundation on Sunday", "authorities months ago", "the wire service in an interview"],
)
def test_told_with_only_a_listener_and_a_time_is_a_candidate(content: str) -> None:
    text = f"The farmer told {content}."
    out = _refined(text, "The farmer", "told", content)
    assert not any(_asserted(a) for a in out), [(_piece(text, a.content), a.score, a.sane) for a in out]


def test_told_with_a_bare_clause_ending_in_a_time_stays_asserted() -> None:
    text = "The farmer told reporters the harvest had failed on Monday."
    out = _refined(text, "The farmer", "told", "reporters the harvest had failed on Monday")
    assert any(_asserted(a) for a in out), [(_piece(text, a.content), a.score, a.sane) for a in out]


@pytest.mark.parametrize(
    "content",
    [
        "an audience of party faithful at the foot of the old castle in the capital",
        "the Riverside Review-Journal on Thursday, when asked why there had been no updates in two weeks",
    ],
)
def test_told_with_only_a_listener_and_where_it_sat_is_a_candidate(content: str) -> None:
    text = f"The mayor told {content}."
    out = _refined(text, "The mayor", "told", content)
    assert not any(_asserted(a) for a in out), [(_piece(text, a.content), a.score, a.sane) for a in out]


@pytest.mark.parametrize(
    "content",
    ["reporters the new army commander wants peace in the east", "the crowd he now wants peace in the east",
     "Fox News on Thursday they had received a complaint"],
)
def test_told_with_a_clause_after_the_listener_stays_asserted(content: str) -> None:
    text = f"The mayor told {content}."
    out = _refined(text, "The mayor", "told", content)
    assert any(_asserted(a) for a in out), [(_piece(text, a.content), a.score, a.sane) for a in out]
