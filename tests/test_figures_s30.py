"""Figures, stop 30 (issue 13): the context readings of ``figures.readings=readings30`` (``CONTEXT_READINGS_S30``),
read off dev13's errors and audit A of stop 30, an option on top of the default ``readings28``. Each is checked with
its reading on, with that reading alone off, and with the default readings (texts here are our own)."""

from __future__ import annotations

import pytest

from presslens.analyzers.figures.context import (
    CONTEXT_READINGS_1_8,
    CONTEXT_READINGS_S28,
    CONTEXT_READINGS_S29,
    CONTEXT_READINGS_S30,
    jet_models,
)
from presslens.analyzers.figures.quantity import CONTEXT_BY_READINGS, READINGS, extract_quantities

Row = tuple[str, str, float | None, str | None]


def _figures(text: str, readings: str = "readings30", context: frozenset[str] | None = None) -> list[Row]:
    return [(text[q.start : q.end], q.label, q.value, q.bound) for q in extract_quantities(text, readings, context)
            if q.label not in {"date", "ordinal"}]


def _without(reading: str) -> frozenset[str]:
    return (CONTEXT_READINGS_1_8 | CONTEXT_READINGS_S28 | CONTEXT_READINGS_S30) - {reading}


def test_readings30_is_readings28_with_stop_30s_readings() -> None:
    assert "readings30" in READINGS
    assert CONTEXT_BY_READINGS["readings30"] == CONTEXT_BY_READINGS["readings28"] | CONTEXT_READINGS_S30
    assert not CONTEXT_BY_READINGS["readings28"] & CONTEXT_READINGS_S30
    assert not CONTEXT_READINGS_S29 & CONTEXT_READINGS_S30


@pytest.mark.parametrize("reading, text", [
    ("jet_model", "The airline grounded its 737 Max fleet on Monday."),
    ("jet_model", "Regulators are reviewing the 777-300ER that landed in Oslo."),
    ("jet_model", "Pilots praised the 787 Dreamliner at the show."),
    ("clock_past", "The sirens sounded around three minutes past midnight."),
    ("clock_past", "Scientists set the clock at 90 seconds to midnight."),
    ("nine_eleven", "The agency was set up in the wake of 911 to watch suspects."),
    ("nine_eleven", "Airport checks have grown since 9-11 in every country."),
    ("idiom30", "The treaty bound the country in a hundred ways."),
    ("idiom30", "Critics say the two-party system shuts out new voices."),
    ("idiom30", "As the old saying goes, three's a crowd."),
])
def test_a_reading_drops_what_is_no_figure(reading: str, text: str) -> None:
    assert _figures(text) == []
    assert _figures(text, context=_without(reading)) != []  # this reading, and no other, drops it
    assert _figures(text, "readings28") != []  # the default keeps the figure


def test_a_count_glued_to_a_jet_model_is_the_count_before_it() -> None:
    text = "The carrier cancelled its order for 49 737 Max 8 jets after the crashes."
    assert _figures(text) == [("49 737 Max 8 jets", "count", 49.0, None)]
    assert ("49 737 Max", "count", 49737.0, None) in _figures(text, "readings28")
    assert ("49 737 Max", "count", 49737.0, None) in _figures(text, context=_without("jet_model"))
    q = extract_quantities(text, "readings30")[0]
    assert (text[q.number[0] : q.number[1]], q.unit) == ("49", "jets")


def test_jet_models_are_found_by_their_suffix_or_maker() -> None:
    text = "Boeing's 747 and the 737 MAX 8, 20 787s, a 767-300ER; 737 workers and 707-800 soldiers."
    assert [text[s:e] for s, e in jet_models(text)] == ["747", "737 MAX 8", "787s", "767-300ER"]


@pytest.mark.parametrize("text", [
    "Some 737 soldiers crossed the river on Monday.",
    "The crowd of 911 people waited for hours.",
    "Children aged 9-11 were taught in the tent.",
    "The talks lasted 20 minutes after the meeting.",
    "A hundred soldiers were killed in a thousand attacks.",
    "Two parties and three candidates ran.",
    "He paid $747 for the ticket.",
])
def test_the_readings_leave_the_usual_forms_alone(text: str) -> None:
    assert _figures(text) == _figures(text, "readings28")
    assert _figures(text) != []


def test_the_stop_30_held_out_readings_drop_those_read_off_dev13() -> None:
    from presslens.training.figures_context import held_out_s30

    assert held_out_s30("dev12") == CONTEXT_BY_READINGS["readings30"]  # none was read off dev12
    assert held_out_s30("dev13") == CONTEXT_BY_READINGS["readings28"]  # every one was read off dev13


def test_the_diff_tool_lists_the_figures_two_readings_read_differently(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    from pathlib import Path

    from presslens.training.figures_diff import differences, main

    text = "The airline cancelled an order for 49 737 Max 8 jets and hired 40 pilots."
    only_a, only_b = differences(text, "readings28", "readings30")
    assert [(k[2], k[3]) for k in only_b] == [("count", 49.0)]
    assert (("count", 49737.0) in [(k[2], k[3]) for k in only_a]) and not any(k[3] == 40.0 for k in only_a + only_b)
    assert differences(text, "readings28", "readings28") == ([], [])
    folder = Path(str(tmp_path))
    (folder / "a.txt").write_text(text + "\n", encoding="utf-8")
    (folder / "b.txt").write_text("They hired 40 pilots.\n", encoding="utf-8")
    assert main(["--a", "readings28", "--b", "readings30", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "a.txt +readings30" in out and "b.txt" not in out
    assert out.strip().endswith(f"2 texts; {len(only_a) + len(only_b)} figures differ between readings28 and readings30 "
                                "(each side counted)")
