"""Figures, stop 31 (issue 13): the context readings of ``figures.readings=readings31`` (``CONTEXT_READINGS_S31``),
read off dev14's errors, an option on top of the default ``readings28``. Each is checked with its reading on, with
that reading alone off and with the default readings, and near misses stay as they were (texts here are our own)."""

from __future__ import annotations

import pytest

from presslens.analyzers.figures.context import (
    CONTEXT_READINGS_1_8,
    CONTEXT_READINGS_S28,
    CONTEXT_READINGS_S29,
    CONTEXT_READINGS_S30,
    CONTEXT_READINGS_S31,
)
from presslens.analyzers.figures.quantity import CONTEXT_BY_READINGS, READINGS, extract_quantities
from presslens.training.figures_context import held_out_s31

Row = tuple[str, str, float | None, str | None]


def _figures(text: str, readings: str = "readings31", context: frozenset[str] | None = None) -> list[Row]:
    return [(text[q.start : q.end], q.label, q.value, q.bound) for q in extract_quantities(text, readings, context)
            if q.label not in {"date", "ordinal"}]


def _without(reading: str) -> frozenset[str]:
    return (CONTEXT_READINGS_1_8 | CONTEXT_READINGS_S28 | CONTEXT_READINGS_S31) - {reading}


def test_readings31_is_readings28_with_stop_31s_readings() -> None:
    assert "readings31" in READINGS
    assert CONTEXT_BY_READINGS["readings31"] == CONTEXT_BY_READINGS["readings28"] | CONTEXT_READINGS_S31
    assert not CONTEXT_BY_READINGS["readings28"] & CONTEXT_READINGS_S31
    assert not (CONTEXT_READINGS_S29 | CONTEXT_READINGS_S30) & CONTEXT_READINGS_S31


@pytest.mark.parametrize("reading, text", [
    ("foreign_month", "— Anna Petrova (@annap) 14 марта 2019 г."),
    ("foreign_month", "Posted on 2 января 2020 by the editors."),
    ("day_month_abbrev", "Sources: Reuters (12-Mar) and the Herald (Dublin, 9-Nov)."),
    ("spaced_year", "The institute polled 900 nurses between March 3 and 9 2021."),
    ("around_year", "Around 1975, the plant closed its doors for good."),
])
def test_a_reading_makes_a_date_of_what_is_no_count(reading: str, text: str) -> None:
    counts = [r for r in _figures(text) if r[2] is not None and 1 <= r[2] <= 31 or r[2] == 1975]
    assert counts == []
    assert _figures(text, context=_without(reading)) != _figures(text)  # this reading, and no other, reads it
    assert _figures(text, "readings28") == _figures(text, context=_without(reading))


@pytest.mark.parametrize("reading, text, row", [
    ("fraction_bound", "Nearly a quarter think the plan is unfair.", ("Nearly a quarter", "percent", 25.0, "approx")),
    ("fraction_bound", "She said almost three quarters wanted a recount.",
     ("almost three quarters", "percent", 75.0, "approx")),
    ("fraction_bound", "More than a third said they would leave.", ("More than a third", "percent", 33.33, "lower")),
    ("fraction_bound", "STRIKE TURNOUT ONE THIRD THE SIZE UNIONS CLAIMED", ("ONE THIRD", "percent", 33.33, None)),
    ("tally_of_them", "The bus hit six cyclists, one of them seriously, officers said.",
     ("one of them", "count", 1.0, None)),
    ("one_count", "The aide admitted one count of making false statements.", ("one count", "count", 1.0, None)),
    ("day_after", "The mayor, the day after winning the runoff, fired his chief of staff.",
     ("the day", "duration", 1.0, None)),
    ("approx_words", "Police put the crowd closer to 40,000.", ("closer to 40,000", "count", 40000.0, "approx")),
    ("approx_words", "The council gave an estimated turnout figure of 12,000 in its report.",
     ("an estimated turnout figure of 12,000", "count", 12000.0, "approx")),
    ("approx_words", "Talks drag on over a near-three year delay.", ("near-three year", "duration", 3.0, "approx")),
])
def test_a_reading_finds_the_figure(reading: str, text: str, row: Row) -> None:
    assert row in _figures(text)
    assert row not in _figures(text, context=_without(reading))
    assert row not in _figures(text, "readings28")


def test_nearly_three_quarters_is_no_count_of_quarters() -> None:
    text = "Nearly three quarters backed a new vote."
    assert ("Nearly three quarters", "count", 3.0, "approx") in _figures(text, "readings28")
    assert _figures(text) == [("Nearly three quarters", "percent", 75.0, "approx")]


def test_a_share_stated_after_a_fraction_keeps_its_own_bound() -> None:
    text = "Almost a quarter (23 per cent) blamed the leader."
    assert _figures(text) == [("Almost a quarter", "percent", 25.0, "approx"), ("23 per cent", "percent", 23.0, None)]
    # a unit conversion still takes the bound of the figure it converts
    assert _figures("It lies about 30 kilometres (19 miles) away.")[1][3] == "approx"


@pytest.mark.parametrize("text", [
    "Profits rose in the third quarter of the year.",  # a period, no fraction
    "He won the race by a quarter of a second.",  # read by the specials as before
    "The team led by ten after three quarters.",  # a game's periods, no bound word
    "One of them said the talks had failed.",  # the pronoun of an individual
    "Nine people were hurt; one of them said the guards ran.",
    "The day after the vote, markets fell.",  # no verb in -ing after "the day after"
    "Around 1975 people signed the petition.",  # a count, no comma after it
    "The mayor moved closer to the river.",
    "They counted 21 201 votes in the district.",  # a space-grouped number stays
    "Shares rose 14 percent on 3 March.",
])
def test_near_misses_read_as_the_default_reads_them(text: str) -> None:
    assert _figures(text) == _figures(text, "readings28")


def test_the_stop_31_held_out_readings_drop_those_read_off_dev14() -> None:
    assert held_out_s31("dev14") == CONTEXT_BY_READINGS["readings28"]
    assert held_out_s31("dev13") == CONTEXT_BY_READINGS["readings31"]
    text = "— Anna Petrova (@annap) 14 марта 2019 г."
    assert _figures(text, context=held_out_s31("dev14")) == _figures(text, "readings28")
