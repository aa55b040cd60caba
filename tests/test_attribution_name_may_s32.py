"""A capitalised "May" read as a name (stop 32, issue 13; HISTORY.md 2.17): the option ``attribution.name_may``.

Read off the missed gold attributions of dev15 (first read at stop 32) and dev12 .. dev14: the source-tail trim of
``refine_source.clean_source`` and the function-word test of the sanity rules lower-case a word before comparing, so
"Theresa May said" lost "May" from its source and "May warned" lost its source and became a hypothetical cue (the
modal "may" right before the cue), and the learned scorer's trait "source has verb" counted it as a modal. With the
option on, "May" spelled with a capital is a name; the modal and the month stay what they were (a month after a time
preposition is still a time word). Our own invented sentences, each with a near miss.
"""

from __future__ import annotations

from presslens.analyzers.attribution.refine_source import clean_source
from presslens.analyzers.attribution.sanity import (
    NAME_MAY_CHOICES,
    NAME_MAY_DEFAULT,
    cue_problems,
    is_function_word,
    name_may,
    source_problems,
    time_word_in_source,
)
from presslens.analyzers.attribution.spans import Span


def _span(text: str, piece: str) -> Span:
    start = text.index(piece)
    return start, start + len(piece)


def _source(text: str, span: Span | None) -> str | None:
    return None if span is None else text[span[0] : span[1]]


def test_the_option_is_on_by_default_since_it_passed_on_dev16() -> None:
    assert NAME_MAY_CHOICES == ("off", "on")
    assert NAME_MAY_DEFAULT == "on"  # stop 33: passed its pre-registered rule on dev16 (attribution 2.18)
    assert is_function_word("May")  # outside the analyzer's block: 2.16's reading, the modal


def test_a_capitalised_may_ends_a_source_as_a_name() -> None:
    text = "Council leader Ruth May said the ferry fee would rise in June."
    tagged = _span(text, "Council leader Ruth May")
    assert _source(text, clean_source(text, tagged)) == "Council leader Ruth"  # off: "May" trimmed as a modal
    with name_may(True):
        assert _source(text, clean_source(text, tagged)) == "Council leader Ruth May"
        assert "source ends in a function word" not in source_problems(text, tagged)
    # near miss: the lower-case modal at a source's end is still trimmed
    modal = "The harbour board may say that fees will rise."
    with name_may(True):
        assert _source(modal, clean_source(modal, _span(modal, "The harbour board may"))) == "The harbour board"


def test_may_alone_before_a_lower_case_cue_is_a_speaker_not_a_modal() -> None:
    text = "The harbour could close. May warned that the money would run out."
    cue = _span(text, "warned")
    assert "hypothetical cue" in cue_problems(text, cue)  # off: "May warned" read as "may warned"
    with name_may(True):
        assert "hypothetical cue" not in cue_problems(text, cue)
        assert _source(text, clean_source(text, _span(text, "May"))) == "May"
        assert not is_function_word("May") and is_function_word("may")
    # near misses: a lower-case modal, and a title-case headline whose "May" is the modal
    modal = "Officials may warn that the ferry could stop."
    headline = "Officials May Warn Ferry Could Stop"
    with name_may(True):
        assert "hypothetical cue" in cue_problems(modal, _span(modal, "warn"))
        assert "hypothetical cue" in cue_problems(headline, _span(headline, "Warn"))


def test_the_month_after_a_time_preposition_stays_a_time_word() -> None:
    text = "In May the board said the pier was unsafe."
    with name_may(True):
        assert time_word_in_source(text, _span(text, "In May the board"))
    assert is_function_word("May")  # the context ends with the block


def test_the_analyzer_lists_the_option_and_extract_takes_it() -> None:
    import inspect

    from presslens.analyzers.attribution.analyzer import AttributionAnalyzer, extract

    options = {o.name: o for o in AttributionAnalyzer.options}
    assert options["name_may"].choices == NAME_MAY_CHOICES and options["name_may"].default == NAME_MAY_DEFAULT
    assert inspect.signature(extract).parameters["name_may"].default == NAME_MAY_DEFAULT


def test_the_learned_scorer_does_not_read_the_name_as_a_verb_in_the_source() -> None:
    from presslens.analyzers.attribution.link import Attribution
    from presslens.analyzers.attribution.scorer import FEATURE_NAMES, scorer_features

    verb = FEATURE_NAMES.index("source has verb")
    text = "Council leader Ruth May said the ferry fee would rise in June."
    sentences = [(0, len(text))]
    named = Attribution(_span(text, "said"), _span(text, "Council leader Ruth May"),
                        _span(text, "the ferry fee would rise in June"), 0.9, False)
    assert scorer_features(text, named, sentences)[verb] == 1.0  # off: "May" counted as the modal
    with name_may(True):
        assert scorer_features(text, named, sentences)[verb] == 0.0
    # near miss: a lower-case modal inside a source is still a verb
    modal = "Officials who may resign said the ferry fee would rise."
    tagged = Attribution(_span(modal, "said"), _span(modal, "Officials who may resign"),
                         _span(modal, "the ferry fee would rise"), 0.9, False)
    with name_may(True):
        assert scorer_features(modal, tagged, [(0, len(modal))])[verb] == 1.0
