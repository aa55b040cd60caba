"""The leave-one-split-out check of the figures context readings (presslens.training.figures_context)."""

from __future__ import annotations

from presslens.analyzers.figures.context import CONTEXT_READINGS, CONTEXT_READINGS_1_8, CONTEXT_READINGS_S26
from presslens.analyzers.figures.quantity import extract_quantities
from presslens.evaluation.realnews_selection import OPEN_SPLITS
from presslens.training.figures_context import READ_OFF, held_out_context


def test_every_context_reading_says_where_it_was_read_off() -> None:
    assert set(READ_OFF) == set(CONTEXT_READINGS)
    assert all(places for places in READ_OFF.values())


def test_a_split_holds_out_exactly_the_readings_read_off_it() -> None:
    for split in OPEN_SPLITS:
        held = held_out_context(split)
        assert held <= CONTEXT_READINGS
        assert {r for r in CONTEXT_READINGS if split in READ_OFF[r]} == CONTEXT_READINGS - held
    assert "name_number" not in held_out_context("dev7") and "name_number" in held_out_context("dev")
    assert held_out_context("a split nobody read") == CONTEXT_READINGS


def test_switching_off_the_reading_read_off_a_split_brings_its_old_figure_back() -> None:
    text = "The Voyager 1 space probe left the solar system years ago."
    numbers = {text[q.start:q.end] for q in extract_quantities(text, "rules", held_out_context("dev"))}
    assert not any("1" in n for n in numbers)  # a number in a name is no figure
    numbers = {text[q.start:q.end] for q in extract_quantities(text, "rules", held_out_context("dev7"))}
    assert any("1" in n for n in numbers)  # held out on dev7, where the names reading was read off


def test_the_1_9_held_out_readings_keep_1_8s_and_drop_only_1_9s_read_off_the_split() -> None:
    from presslens.training.figures_context import NEW_IN_1_9, held_out_1_9, held_out_readings

    # 1.8's dev7 readings are shipped; 1.9's were not read off dev7
    assert held_out_1_9("dev7") == CONTEXT_READINGS_1_8 | NEW_IN_1_9
    assert held_out_1_9("dev8") == CONTEXT_READINGS_1_8
    assert held_out_readings("dev6", "fixes") == "rules" and held_out_readings("dev8", "fixes") == "fixes"
    assert held_out_1_9("dev7", "fixes") == CONTEXT_READINGS_1_8  # the default has no 1.9 reading


def test_the_stop_26_held_out_readings_drop_only_those_read_off_the_split() -> None:
    from presslens.training.figures_context import held_out_readings, held_out_s26

    assert held_out_s26("dev8") == CONTEXT_READINGS_1_8 | CONTEXT_READINGS_S26  # none was read off dev8
    assert held_out_s26("dev9") == CONTEXT_READINGS_1_8 | CONTEXT_READINGS_S26 - {"idiom26", "share_name"}
    assert held_out_readings("dev5", "readings26") == "rules"


def test_the_stop_27_held_out_readings_drop_only_those_read_off_the_split() -> None:
    from presslens.analyzers.figures.context import CONTEXT_READINGS_S27
    from presslens.training.figures_context import held_out_readings, held_out_s27

    assert held_out_s27("dev8") == CONTEXT_READINGS_1_8 | CONTEXT_READINGS_S27  # none was read off dev8
    assert held_out_s27("dev10") == CONTEXT_READINGS_1_8 | {"alt_range"}  # all but the audit-A reading: off dev10
    assert held_out_s27("dev5") == CONTEXT_READINGS_1_8 | CONTEXT_READINGS_S27 - {"lead_decimal"}
    assert held_out_s27("dev9") == CONTEXT_READINGS_1_8 | CONTEXT_READINGS_S27 - {"unit_range"}
    assert held_out_readings("dev6", "readings27") == "rules"
