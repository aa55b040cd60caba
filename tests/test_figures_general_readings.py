"""Figures 1.6 (issue 13, s22): general English number readings found on dev5's errors and on an audit of
unlabelled political news. Sentences are our own."""

from __future__ import annotations

from presslens.analyzers.figures import Quantity, extract_quantities


def _at(text: str, number: str, readings: str = "general") -> Quantity | None:
    """The figure whose number span starts where ``number`` first occurs in ``text`` (or None)."""
    pos = text.index(number)
    return next((q for q in extract_quantities(text, readings) if q.number[0] == pos), None)


def _figures(text: str) -> list[str]:
    return [text[q.start : q.end] for q in extract_quantities(text, "general") if q.label not in {"date", "ordinal"}]


def test_trillions_is_a_vague_amount_like_billions() -> None:
    text = "The wars left trillions of dollars in debt."
    q = _at(text, "trillions")
    assert q is not None and q.vague and q.value is None
    assert q.low == 2_000_000_000_000 and q.bound == "approx"


def test_a_decimal_without_its_leading_zero_is_a_figure() -> None:
    text = "He fired a .380-caliber round; the rule covers any rifle below .50 caliber."
    first, second = _at(text, ".380"), _at(text, ".50")
    assert first is not None and first.value == 0.38
    assert second is not None and second.value == 0.5 and second.bound == "upper"
    # a dot inside a number starts no decimal of its own
    assert [q.value for q in extract_quantities("It grew 3.25 percent.", "general")] == [3.25]


def test_one_in_a_measure_adjective_counts_its_unit() -> None:
    q = _at("The council set a one-week limit.", "one")
    assert q is not None and q.value == 1 and q.label == "duration"
    assert _at("They bought one-gallon jugs.", "one") is not None
    assert _at("He beat four of his one-time rivals.", "one") is None  # "one-time": former


def test_no_before_a_number_word_is_a_negation() -> None:
    assert _at("Yet no two people are more to blame.", "two") is None
    assert _at("Yet two people are more to blame.", "two") is not None


def test_half_dozen_is_six() -> None:
    q = _at("The campaign went through a half-dozen slogans.", "half-dozen")
    assert q is not None and q.value == 6 and q.unit == "slogans"


def test_bracketed_enumerators_inside_a_sentence_are_not_counts() -> None:
    text = "Two things can happen: (1) Nothing is found, or (2) the inquiry widens."
    assert _at(text, "1") is None and _at(text, "2") is None
    # a tally after a place name still counts
    tally = "Police made arrests in Olathe (3) and Lawrence (1) on Friday; see (2) and (3) of the list."
    assert _at(tally, "3") is not None and _at(tally, "1") is not None


def test_or_more_after_the_unit_outweighs_an_estimated() -> None:
    text = "The country has an estimated 40 or more warheads."
    q = _at(text, "40")
    assert q is not None and q.bound == "lower" and text[q.start : q.end] == "an estimated 40 or more warheads"
    q2 = _at("The country has about 40 warheads.", "40")
    assert q2 is not None and q2.bound == "approx"


def test_and_older_and_and_under_are_bounds() -> None:
    older = _at("Clinton leads among voters 45 and older.", "45")
    assert older is not None and older.bound == "lower" and older.end - older.start == len("45 and older")
    younger = _at("The fare is free for children 12 and under.", "12")
    assert younger is not None and younger.bound == "upper"
    up = _at("Tickets are open to fans 18 years and up.", "18")
    assert up is not None and up.bound == "lower"


def test_a_year_then_an_amount_is_no_range() -> None:
    text = "Revenue rose from $362 million in 2014 to $557 million in 2015."
    assert "2014 to $557 million" not in _figures(text)
    q = _at(text, "557")
    assert q is not None and q.value == 557_000_000 and q.label == "money"
    # an amount on both ends is still a range
    both = _at("Revenue rose to between $362 million and $557 million.", "362")
    assert both is not None and both.label == "range"


def test_numbered_list_lines_are_enumerators() -> None:
    text = "Rankings this week:\n\n1 Donald Trump.\n\n2 Ted Cruz.\n\n3 Marco Rubio.\n\n4 Chris Christie.\n"
    assert _figures(text) == []
    # one numbered line is no list: "3 Things ..." keeps its count
    single = "Headline:\n\n3 Senators Said No.\n\nThe vote failed."
    assert _at(single, "3") is not None
    # a list that does not start at 1 is not read as one
    other = "Standings:\n\n5 Rangers.\n\n6 Devils.\n\n7 Flyers.\n"
    assert len(_figures(other)) == 3


def test_wait_a_minute_is_an_interjection() -> None:
    assert _figures("Wait a minute: that is not what he said.") == []
    assert _figures("The sirens sounded for a minute after the blast.") == ["a minute"]
    assert _figures("The ships will wait at least a month.") == ["at least a month"]


def test_the_general_readings_are_an_option_and_the_default_keeps_the_rules() -> None:
    text = "Yet no two people agree; 45 and older; trillions of dollars; a .50 caliber gun."
    rules = [(q.start, q.end, q.bound) for q in extract_quantities(text)]
    general = [(q.start, q.end, q.bound) for q in extract_quantities(text, "general")]
    assert rules != general
    assert (text.index("two"), text.index("two") + len("two people"), None) in rules
    from presslens.analyzers.figures import FiguresAnalyzer

    assert "readings" in {o.name for o in FiguresAnalyzer.options}
    import pytest

    with pytest.raises(ValueError, match="readings"):
        extract_quantities(text, "newest")
