"""Figures, stop 29 (issue 13): the context readings of ``figures.readings=readings29`` (``CONTEXT_READINGS_S29``),
read off dev12's errors and audit A of stop 29, an option on top of the default ``readings28``. Each is checked with
its reading on, with that reading alone off, and with the default readings (texts here are our own)."""

from __future__ import annotations

import pytest

from presslens.analyzers.figures.context import (
    CONTEXT_READINGS_1_8,
    CONTEXT_READINGS_S28,
    CONTEXT_READINGS_S29,
)
from presslens.analyzers.figures.quantity import CONTEXT_BY_READINGS, READINGS, extract_quantities

Row = tuple[str, str, float | None, str | None]


def _figures(text: str, readings: str = "readings29", context: frozenset[str] | None = None) -> list[Row]:
    return [(text[q.start : q.end], q.label, q.value, q.bound) for q in extract_quantities(text, readings, context)
            if q.label not in {"date", "ordinal"}]


def _without(reading: str) -> frozenset[str]:
    return (CONTEXT_READINGS_1_8 | CONTEXT_READINGS_S28 | CONTEXT_READINGS_S29) - {reading}


def test_readings29_is_readings28_with_stop_29s_readings() -> None:
    assert "readings29" in READINGS
    assert CONTEXT_BY_READINGS["readings29"] == CONTEXT_BY_READINGS["readings28"] | CONTEXT_READINGS_S29
    assert not CONTEXT_BY_READINGS["readings28"] & CONTEXT_READINGS_S29


@pytest.mark.parametrize("reading, text", [
    ("clock_time", "The convoy leaves the depot at 0600 each day."),
    ("clock_time", "The ferries will sail at 0900 and 1300 Tuesday afternoon."),
    ("clock_time", "The curfew starts at 2100 hours in the capital."),
    ("version_number", "Critics called the plan Austerity 2.0 in parliament."),
    ("version_number", "Remember how Operation Fear 1.0 and 2.0 ended."),
    ("idiom29", "No doubt the two-bob chancer of a mayor would blame the police."),
    ("idiom29", "The party did a 180 degree turn on the tax."),
    ("idiom29", "Voters in Rome backed the 5-Star Movement again."),
])
def test_a_reading_drops_what_is_no_figure(reading: str, text: str) -> None:
    assert _figures(text) == []
    assert _figures(text, context=_without(reading)) != []  # this reading, and no other, drops it
    assert _figures(text, "readings28") != []  # the default keeps the figure


@pytest.mark.parametrize("reading, text, figure", [
    ("and_half", "The siege lasted two and half years before the town fell.",
     ("two and half years", "duration", 2.5, None)),
    ("tens_garbled", "The archive held ten of thousands of letters from the front.",
     ("ten of thousands of letters", "count", None, "approx")),
    ("quoted_number", "The veteran spoke of ''14 months of misery'' in the camp.",
     ("14 months", "duration", 14.0, None)),
])
def test_a_reading_reads_a_figure(reading: str, text: str, figure: Row) -> None:
    assert figure in _figures(text)
    assert figure not in _figures(text, context=_without(reading))
    assert figure not in _figures(text, "readings28")


def test_ten_of_thousands_spans_ten_to_a_hundred_thousand() -> None:
    q = [q for q in extract_quantities("They sent ten of thousands of troops.", "readings29") if q.vague][0]
    assert (q.low, q.high, q.unit) == (10000.0, 99999.0, "troops")


@pytest.mark.parametrize("text", [
    "Some 1100 troops crossed the river on Monday.",
    "Engineers logged 1200 hours of flight tests.",
    "A magnitude 6.0 earthquake shook the coast.",
    "Growth was 2.0 percent last year.",
    "The five stars of the show arrived at 8 pm.",
    "The tanks turned 180 degrees to face the road.",
    "Ten of the soldiers were hurt.",
    "It took two and a half years.",
    "She was ordained in '78 and served 40 years.",
])
def test_the_readings_leave_the_usual_forms_alone(text: str) -> None:
    assert _figures(text) == _figures(text, "readings28")
    assert _figures(text) != []


def test_the_stop_29_held_out_readings_drop_those_read_off_dev12() -> None:
    from presslens.training.figures_context import held_out_s29

    assert held_out_s29("dev11") == CONTEXT_BY_READINGS["readings29"]  # none was read off dev11
    assert held_out_s29("dev12") == CONTEXT_BY_READINGS["readings28"] | {"tens_garbled", "quoted_number"}
