"""Figures, stop 26 (issue 13): the context readings of ``figures.readings=readings26`` (``CONTEXT_READINGS_S26``),
read off dev9's errors and audit A of stop 26. Each is checked with its reading on, with that reading alone off, and
with the default readings (texts here are our own)."""

from __future__ import annotations

import pytest

from presslens.analyzers.figures.context import CONTEXT_READINGS_1_8, CONTEXT_READINGS_S26
from presslens.analyzers.figures.quantity import (
    CONTEXT_BY_READINGS,
    DEFAULT_READINGS,
    READINGS,
    extract_quantities,
)

Row = tuple[str, str, float | None, str | None]


def _figures(text: str, readings: str = "readings26", context: frozenset[str] | None = None) -> list[Row]:
    return [(text[q.start : q.end], q.label, q.value, q.bound) for q in extract_quantities(text, readings, context)
            if q.label not in {"date", "ordinal"}]


def _without(reading: str) -> frozenset[str]:
    return (CONTEXT_READINGS_1_8 | CONTEXT_READINGS_S26) - {reading}


def test_readings26_is_an_option_with_1_8s_context_readings_and_stop_26s() -> None:
    assert "readings26" in READINGS
    assert CONTEXT_BY_READINGS["readings26"] == CONTEXT_READINGS_1_8 | CONTEXT_READINGS_S26
    assert not CONTEXT_BY_READINGS[DEFAULT_READINGS] & CONTEXT_READINGS_S26


@pytest.mark.parametrize("reading, text", [
    ("idiom26", "Voters may think twice before they sign the petition."),
    ("idiom26", "The harbour town became ground zero for the smuggling trade."),
    ("idiom26", "Rangers drove trucks, 4-wheelers and a tractor along the fence."),
    ("index_stock", "The shares trailed the Standard & Poor's 500-stock index last year."),
    ("code26", "The board will wind down the 501 c3 charity by June."),
    ("share_name", "She later founded One in Three, a support group for veterans."),
])
def test_a_reading_drops_what_is_no_figure(reading: str, text: str) -> None:
    assert _figures(text) == []
    assert _figures(text, context=_without(reading)) != []  # this reading, and no other, drops it
    assert _figures(text, DEFAULT_READINGS) != []  # the default keeps 1.9's figures


@pytest.mark.parametrize("text, kept", [
    ("The convict was twice sentenced for fraud.", "twice"),
    ("Turnout fell to zero voters in two precincts.", "zero voters"),
    ("One in Three voters backed the measure.", "One in Three"),
    ("The fund bought 500 stocks last year.", "500 stocks"),
])
def test_the_same_words_as_a_figure_stay_a_figure(text: str, kept: str) -> None:
    assert any(kept == f for f, *_ in _figures(text))


def test_the_second_year_of_a_span_written_with_one_digit_is_a_date() -> None:
    text = "The protests in the winter of 2004-5 toppled the cabinet."
    assert _figures(text) == []
    assert _figures(text, context=_without("year_span")) == [("5", "count", 5.0, None)]
    assert _figures(text, DEFAULT_READINGS) == [("5", "count", 5.0, None)]
    # only the next year: "2004-7" is left as it was
    assert _figures("Sales rose in 2004-7 by 12 percent.") == _figures("Sales rose in 2004-7 by 12 percent.", DEFAULT_READINGS)


@pytest.mark.parametrize("reading, text, row", [
    ("point_words", "The senator holds a nine percentage point lead in the state.",
     ("nine percentage point", "percent", 9.0, None)),
    ("point_words", "The mayor won by one point after the recount.", ("one point", "count", 1.0, None)),
    ("point_words", "A poll showed a mere one-point gap between them.", ("one-point", "count", 1.0, None)),
    ("point_words", "The incumbent won by one percentage point.", ("one percentage point", "percent", 1.0, None)),
    ("half_scale", "The firm vowed to cut at least a half-billion dollars in costs.",
     ("at least a half-billion dollars", "money", 500_000_000.0, "lower")),
    ("half_bound", "Most voters like the plan, but more than half have doubts about its cost.",
     ("more than half", "percent", 50.0, "lower")),
    ("half_bound", "The board cut the chief's bonus by nearly half for 2015.", ("nearly half", "percent", 50.0, "approx")),
    ("candidate_adj", "She leads in a three-candidate race for the seat.", ("three-candidate", "count", 3.0, None)),
])
def test_a_reading_adds_a_figure_the_patterns_missed(reading: str, text: str, row: Row) -> None:
    assert row in _figures(text)
    assert row not in _figures(text, context=_without(reading))
    assert row not in _figures(text, DEFAULT_READINGS)


@pytest.mark.parametrize("text", [
    "At one point the crowd fell silent.",
    "The debate lasted more than half an hour.",
    "He took half of the votes.",
])
def test_the_added_readings_leave_other_uses_alone(text: str) -> None:
    assert _figures(text) == _figures(text, DEFAULT_READINGS)
