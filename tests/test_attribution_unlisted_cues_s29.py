"""Tagged cues outside the reporting lexicon as candidates (stop 29, issue 13; HISTORY.md 2.14): the option
``attribution.unlisted_cues``.

Read off the no-candidate misses of dev3, dev7, dev8, dev9, dev11 and dev12 (38 of 204 had a tagged cue that the
lexicon filter of ``refine`` dropped: "decreed", "made clear", "doubled down on", ...). The option only keeps such a
tagged attribution, with a linked source, as a candidate: the score decides whether it is asserted, no score is set
here. Our own invented sentences, each with a near miss.
"""

from __future__ import annotations

from presslens.analyzers.attribution.link import Attribution
from presslens.analyzers.attribution.refine import (
    UNLISTED_CUES_CHOICES,
    UNLISTED_CUES_DEFAULT,
    refine,
    unlisted_cue,
)
from presslens.analyzers.attribution.spans import Span


def _span(text: str, piece: str) -> Span:
    start = text.index(piece)
    return start, start + len(piece)


def _tagged(text: str, source: str | None, cue: str, content: str) -> Attribution:
    return Attribution(cue=_span(text, cue), source=_span(text, source) if source else None,
                       content=_span(text, content), score=0.8, from_rules=False)


def _sentences(text: str) -> list[Span]:
    out: list[Span] = []
    start = 0
    for i, ch in enumerate(text):
        if ch == ".":
            out.append((start, i + 1))
            start = i + 2
    return out


def test_the_option_is_off_by_default_until_it_passes() -> None:
    assert UNLISTED_CUES_CHOICES == ("off", "candidate", "scored")
    assert UNLISTED_CUES_DEFAULT == "off"


def test_verb_groups_outside_the_lexicon_are_unlisted_cues() -> None:
    text = "The guild decreed that stalls close at noon. Ms Brandt made clear she would stay."
    assert unlisted_cue(text, _span(text, "decreed"))
    assert unlisted_cue(text, _span(text, "made clear"))


def test_lexicon_words_names_and_auxiliaries_are_not_unlisted_cues() -> None:
    text = "The guild said stalls close. Guild Chief Ortega spoke. The plan was approved, it has."
    assert not unlisted_cue(text, _span(text, "said"))  # in the lexicon: an ordinary cue
    assert not unlisted_cue(text, _span(text, "Guild Chief Ortega"))  # capitalised: a name, not a verb group
    assert not unlisted_cue(text, _span(text, "has"))  # an auxiliary alone
    assert not unlisted_cue(text, _span(text, "The plan was approved"))  # more than three words


def test_an_unlisted_cue_with_a_source_is_kept_only_with_the_option() -> None:
    text = "The harbour board decreed that ferries stop at ten."
    sentences = _sentences(text)
    off = refine(text, [_tagged(text, "The harbour board", "decreed", "that ferries stop at ten")], sentences)
    on = refine(text, [_tagged(text, "The harbour board", "decreed", "that ferries stop at ten")], sentences,
                unlisted_cues=True)
    assert off == []
    assert len(on) == 1
    assert text[on[0].cue[0] : on[0].cue[1]] == "decreed"
    assert on[0].source is not None and text[on[0].source[0] : on[0].source[1]] == "The harbour board"


def test_near_miss_an_unlisted_cue_without_a_linked_source_stays_dropped() -> None:
    text = "Ferries stop at ten, decreed by custom long ago."
    sentences = _sentences(text)
    on = refine(text, [_tagged(text, None, "decreed", "Ferries stop at ten")], sentences, unlisted_cues=True)
    assert on == []


def test_the_misses_tool_reads_only_the_open_splits_it_is_given() -> None:
    import pytest

    from presslens.evaluation.realnews_selection import OPEN_SPLITS, VALIDATION_SPLITS
    from presslens.training.attribution_misses import _chosen_splits

    assert _chosen_splits(None) == tuple(OPEN_SPLITS)
    assert _chosen_splits("dev12, dev3") == ("dev3", "dev12")  # in OPEN_SPLITS order
    for sealed in ("test", *VALIDATION_SPLITS):
        with pytest.raises(SystemExit):
            _chosen_splits(f"dev3,{sealed}")
