"""Figures 1.9 (issue 13, s25): the context readings ``emphatic`` (an emphatic "100 percent" or "zero support" is
no figure; GUIDELINE.md 8a), ``counted_decades``, ``into_point`` and ``called_name``, read off dev4's and dev8's
errors and audit A of stop 25, and the counted phrases no longer cut at "U.S." or "single-family" (texts here are our
own)."""

from __future__ import annotations

import pytest

from presslens.analyzers.figures.context import CONTEXT_READINGS, CONTEXT_READINGS_1_8, CONTEXT_READINGS_1_9
from presslens.analyzers.figures.quantity import extract_quantities

WITHOUT = CONTEXT_READINGS - {"emphatic"}


def _figures(text: str, readings: str = "readings19", context: frozenset[str] | None = None) -> list[tuple[str, str | None]]:
    return [(text[q.start : q.end], q.bound) for q in extract_quantities(text, readings, context)
            if q.label not in {"date", "ordinal"}]


@pytest.mark.parametrize("text", [
    "The coach said he backs him 100 percent, whatever happens.",
    "Will they pay for the bridge? One-hundred percent. They just do not know it.",
    "The mayor said she had zero support in the council.",
    "\u201cI agree 100%.\u201d",
])
def test_an_emphatic_figure_is_no_figure_with_the_1_9_readings_only(text: str) -> None:
    assert _figures(text) == []
    assert _figures(text, context=WITHOUT) != []  # the reading, and no other, drops it
    assert _figures(text, "fixes") != [] and _figures(text, "rules") != []  # 1.9's readings are an option


def test_more_than_one_after_an_emphatic_hundred_percent_is_a_lower_bounded_count() -> None:
    text = "She is sure there were 100% more than one gunman on the roof."
    assert _figures(text) == [("more than one gunman", "lower")]
    assert ("100%", None) in _figures(text, context=WITHOUT)


@pytest.mark.parametrize("text, figure", [
    ("Fuel prices rose 100 percent.", "100 percent"),
    ("The tax rate is 100 percent.", "100 percent"),
    ("It went up by 100 percent, they said.", "100 percent"),
    ("Rents are 100% more than one year ago.", "100%"),
    ("Nearly 100 percent of the ballots were counted.", "100 percent"),
    ("The party won zero seats.", "zero seats"),
])
def test_a_measured_hundred_percent_or_a_counted_zero_stays_a_figure(text: str, figure: str) -> None:
    assert any(figure in f for f, _ in _figures(text))


def _full(text: str, context: frozenset[str] | None = None) -> list[tuple[str, str, float | None, str | None, str | None]]:
    return [(text[q.start : q.end], q.label, q.value, q.unit, q.bound) for q in extract_quantities(text, "readings19", context)]


def test_a_number_before_decades_or_centuries_counts_them() -> None:
    text = "The creed held for fourteen centuries, and the feud ran over the last three-plus decades."
    assert _full(text) == [("fourteen centuries", "duration", 14.0, "centuries", None),
                           ("three-plus decades", "duration", 3.0, "decades", "lower")]
    off = _full(text, CONTEXT_READINGS - {"counted_decades"})
    assert ("centuries", "duration", None, "years", "approx") in off
    assert _full("It went on for decades.") == [("decades", "duration", None, "years", "approx")]


@pytest.mark.parametrize("text", [
    "The exchange starts about 14 minutes into the video.",
    "He fell silent two hours into the hearing.",
])
def test_a_duration_into_a_recording_is_a_point_in_it(text: str) -> None:
    assert _full(text) == []
    assert _full(text, CONTEXT_READINGS - {"into_point"}) != []


def test_a_duration_into_a_war_stays_a_duration() -> None:
    assert [f[0] for f in _full("Two weeks into the war, 300 soldiers had died.")] == ["Two weeks", "300 soldiers"]


@pytest.mark.parametrize("text", [
    "She ran a charity known as 5,000 Mothers, which trains nurses.",
    "The pair met in the 5,000 Mothers program last year.",
])
def test_a_number_in_the_name_of_a_programme_is_no_figure(text: str) -> None:
    assert _full(text) == []
    assert _full(text, CONTEXT_READINGS - {"called_name"}) != []


def test_a_verb_of_naming_before_a_count_keeps_the_count() -> None:
    assert [f[0] for f in _full("The premier named 10 new ministers.")] == ["10 new ministers"]


@pytest.mark.parametrize("text, phrase", [
    ("At least four Democrat U.S. senators object.", "At least four Democrat U.S. senators"),
    ("They fired 40 U.S.-made missiles.", "40 U.S.-made missiles"),
    ("The plan adds 152 single-family homes to the town.", "152 single-family homes"),
    ("Two elderly women were hurt.", "Two elderly women"),
    ("The poll asked 600 likely voters.", "600 likely voters"),
])
def test_a_counted_phrase_goes_on_past_an_abbreviation_a_hyphenated_ly_word_and_ly_adjectives(
        text: str, phrase: str) -> None:
    assert [f for f, _ in _figures(text)] == [phrase]
    assert [f for f, _ in _figures(text, "fixes")] != [phrase]  # the default cuts the phrase (1.9's are an option)


def test_an_adverb_still_ends_the_counted_phrase() -> None:
    assert [f for f, _ in _figures("They found 40 quickly and left.")] == ["40"]


def test_the_default_and_the_other_readings_apply_only_1_8s_context_readings() -> None:
    from presslens.analyzers.figures.quantity import CONTEXT_BY_READINGS

    assert CONTEXT_BY_READINGS["fixes"] == CONTEXT_BY_READINGS["rules"] == CONTEXT_READINGS_1_8
    assert CONTEXT_BY_READINGS["readings19"] == CONTEXT_READINGS_1_8 | CONTEXT_READINGS_1_9


@pytest.mark.parametrize("value, kept", [("readings19", False), ("fixes", True), ("rules", True)])
def test_the_pipeline_option_picks_the_readings(value: str, kept: bool) -> None:
    from presslens import read_article
    from presslens.pipeline import Pipeline, PipelineConfig

    text = "The coach said he backs him 100 percent, whatever happens."
    report = Pipeline(PipelineConfig(only=("figures",), options={"figures.readings": value})).run(read_article(text))
    assert any(f.kind == "quantity" for f in report.findings) == kept
