"""Figures, stop 27 (issue 13): the context readings of ``figures.readings=readings27`` (``CONTEXT_READINGS_S27``),
read off dev10's errors (and dev5's, dev9's for two of them). Each is checked with its reading on, with that reading
alone off, and with the default readings (texts here are our own)."""

from __future__ import annotations

import pytest

from presslens.analyzers.figures.context import CONTEXT_READINGS_1_8, CONTEXT_READINGS_S27
from presslens.analyzers.figures.quantity import (
    CONTEXT_BY_READINGS,
    DEFAULT_READINGS,
    READINGS,
    extract_quantities,
)

Row = tuple[str, str, float | None, str | None]


def _figures(text: str, readings: str = "readings27", context: frozenset[str] | None = None) -> list[Row]:
    return [(text[q.start : q.end], q.label, q.value, q.bound) for q in extract_quantities(text, readings, context)
            if q.label not in {"date", "ordinal"}]


def _without(reading: str) -> frozenset[str]:
    return (CONTEXT_READINGS_1_8 | CONTEXT_READINGS_S27) - {reading}


def test_readings27_is_an_option_with_1_8s_context_readings_and_stop_27s() -> None:
    assert "readings27" in READINGS
    assert CONTEXT_BY_READINGS["readings27"] == CONTEXT_READINGS_1_8 | CONTEXT_READINGS_S27
    assert not CONTEXT_BY_READINGS[DEFAULT_READINGS] & CONTEXT_READINGS_S27


@pytest.mark.parametrize("reading, text", [
    ("label27", "We asked the mayor.\n\nUpdate 3 : the mayor has now answered our questions."),
    ("label27", "The town lay in the path of the category 5 winds all night."),
    ("label27", "Forecasters expect a category 3 hurricane by Friday."),
    ("idiom27", "The grainy photo is worth more than 1,000 words to his critics."),
])
def test_a_reading_drops_what_is_no_figure(reading: str, text: str) -> None:
    assert _figures(text) == []
    assert _figures(text, context=_without(reading)) != []  # this reading, and no other, drops it
    assert _figures(text, DEFAULT_READINGS) != []  # the default keeps the figure


@pytest.mark.parametrize("reading, text, figure", [
    ("lead_decimal", "Police found a .45 caliber revolver in the car.", (".45 caliber", "measure", 0.45, None)),
    ("lead_decimal", "The shop sold him 300 rounds of .223 ammunition.", (".223", "measure", 0.223, None)),
    ("lead_decimal", "Rifles below .50 caliber need no permit there.", ("below .50 caliber", "measure", 0.5, "upper")),
    ("times_x", "The suspect, a 3x felon, was released on bail.", ("3x", "count", 3.0, None)),
    ("age_bound", "Recruits as young as 16 were sent to the front.", ("as young as 16", "count", 16.0, "lower")),
    ("age_bound", "Most of the arrivals were under age 18.", ("under age 18", "age", 18.0, "upper")),
])
def test_a_reading_reads_a_figure(reading: str, text: str, figure: Row) -> None:
    assert figure in _figures(text)
    assert figure not in _figures(text, context=_without(reading))
    assert figure not in _figures(text, DEFAULT_READINGS)


def test_a_range_written_with_two_units_is_one_range_in_the_first_unit() -> None:
    text = "The charge carries a sentence of 18 months to 4 years in prison."
    qs = [q for q in extract_quantities(text, "readings27") if q.label == "range"]
    assert [(text[q.start : q.end], q.low, q.high, q.unit) for q in qs] == [("18 months to 4 years", 18.0, 48.0, "months")]
    assert not any(q.label == "range" for q in extract_quantities(text, "readings27", _without("unit_range")))


def test_a_range_written_high_to_low_before_a_measure_is_one_range() -> None:
    text = "Snipers fired on the convoy 800 to 200 yards away."
    qs = [q for q in extract_quantities(text, "readings27") if q.label == "range"]
    assert [(text[q.start : q.end], q.low, q.high) for q in qs] == [("800 to 200 yards", 200.0, 800.0)]


def test_an_alternative_written_with_a_hyphen_is_one_range() -> None:
    text = "Officials asked for a four- or five-day truce."
    qs = [q for q in extract_quantities(text, "readings27") if q.label == "range"]
    assert [(text[q.start : q.end], q.low, q.high, q.unit) for q in qs] == [("four- or five-day", 4.0, 5.0, "days")]
    assert not any(q.label == "range" for q in extract_quantities(text, "readings27", _without("alt_range")))
    assert not any(q.label == "range" for q in extract_quantities(text, DEFAULT_READINGS))


@pytest.mark.parametrize("text", [
    "The council raised the fine from 18 months to 3 years of probation.",  # a change after "from"
    "The senate voted 52 to 47 on the bill.",  # a tally: two counts
    "He wrote 1,000 words on the ceasefire.",  # not the idiom
    "It sold 4x4 trucks and 12 cars.",  # no multiplier
    "It cost $.50 a gallon, then 2.5 percent more.",  # no leading point after a currency sign
    "He was 4 years old when the war began.",  # no bound
])
def test_the_readings_leave_other_uses_alone(text: str) -> None:
    assert _figures(text) == _figures(text, DEFAULT_READINGS)
