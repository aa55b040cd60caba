"""Figures, stop 28 (issue 13): the context readings of ``figures.readings=readings28`` (``CONTEXT_READINGS_S28``),
read off dev11's errors and audit A of stop 28, the default since figures 1.10. Each is checked with its reading on,
with that reading alone off, and with 1.9's default readings ``fixes`` (texts here are our own)."""

from __future__ import annotations

import pytest

from presslens.analyzers.figures.context import CONTEXT_READINGS_1_8, CONTEXT_READINGS_S28
from presslens.analyzers.figures.quantity import (
    CONTEXT_BY_READINGS,
    DEFAULT_READINGS,
    READINGS,
    extract_quantities,
)

Row = tuple[str, str, float | None, str | None]


def _figures(text: str, readings: str = "readings28", context: frozenset[str] | None = None) -> list[Row]:
    return [(text[q.start : q.end], q.label, q.value, q.bound) for q in extract_quantities(text, readings, context)
            if q.label not in {"date", "ordinal"}]


def _without(reading: str) -> frozenset[str]:
    return (CONTEXT_READINGS_1_8 | CONTEXT_READINGS_S28) - {reading}


def test_the_default_holds_readings28_with_1_8s_context_readings_and_stop_28s() -> None:
    # readings28 was the default from 1.10 to 1.11; since 1.12 the default (readings31) adds stop 31's to it
    assert "readings28" in READINGS and CONTEXT_BY_READINGS["readings28"] <= CONTEXT_BY_READINGS[DEFAULT_READINGS]
    assert CONTEXT_BY_READINGS["readings28"] == CONTEXT_READINGS_1_8 | CONTEXT_READINGS_S28
    assert not CONTEXT_BY_READINGS["fixes"] & CONTEXT_READINGS_S28  # 1.9's default, kept as an option


@pytest.mark.parametrize("reading, text", [
    ("old_year28", "The fleet sailed for Lisbon in 1588 with little hope."),
    ("idiom28", "Both leaders still back the two-state solution for the region."),
    ("idiom28", "He wants a one-state, not two-state, settlement."),
    ("idiom28", "Voters again picked the lesser of two evils in the runoff."),
    ("idiom28", "The governor flew in on his 747 jet for the rally."),
    ("idiom28", "Those senators are two of a kind when it comes to spending."),
])
def test_a_reading_drops_what_is_no_figure(reading: str, text: str) -> None:
    assert _figures(text) == []
    assert _figures(text, context=_without(reading)) != []  # this reading, and no other, drops it
    assert _figures(text, "fixes") != []  # 1.9's default keeps the figure


@pytest.mark.parametrize("reading, text, figure", [
    ("negated_bound", "Wages there, never exceeding 400 dollars a month, fell.",
     ("exceeding 400 dollars", "money", 400.0, "upper")),
    ("about_topic", "Reporters were curious about three officers on the list.", ("three officers", "count", 3.0, None)),
    ("tally_and_one", "The raid left four soldiers and one medic wounded.", ("one medic", "count", 1.0, None)),
    ("verb_one", "Police arrested one suspect near the border on Friday.", ("one suspect", "count", 1.0, None)),
    ("vague_tenths", "Sea levels could rise by up to several tenths of a metre.",
     ("up to several tenths of a metre", "measure", None, "upper")),
])
def test_a_reading_reads_a_figure(reading: str, text: str, figure: Row) -> None:
    assert figure in _figures(text)
    assert figure not in _figures(text, context=_without(reading))
    assert figure not in _figures(text, "fixes")


@pytest.mark.parametrize("text, figure", [
    ("The crowd of about 300 people waited outside.", ("about 300 people", "count", 300.0, "approx")),
    ("Officials said about 40 people were hurt.", ("about 40 people", "count", 40.0, "approx")),
    ("The court heard 1500 cases in 1650 alone.", ("1500 cases", "count", 1500.0, None)),
    ("Police killed one of the gunmen.", None),
    ("Turnout has been more than 60 percent.", ("more than 60 percent", "percent", 60.0, "lower")),
])
def test_the_readings_leave_the_usual_forms_alone(text: str, figure: Row | None) -> None:
    assert _figures(text) == _figures(text, "fixes")
    if figure is not None:
        assert figure in _figures(text)
    else:
        assert not any(row[2] == 1.0 for row in _figures(text))


def test_the_stop_28_held_out_readings_drop_those_read_off_dev11() -> None:
    from presslens.training.figures_context import held_out_readings, held_out_s28

    assert held_out_s28("dev10") == CONTEXT_READINGS_1_8 | CONTEXT_READINGS_S28  # none was read off dev10
    assert held_out_s28("dev11") == CONTEXT_READINGS_1_8  # every stop-28 reading was read off dev11
    assert held_out_readings("dev5", "readings28") == "rules"
