"""Figures 1.8 (issue 13, s24): the context readings of :mod:`presslens.analyzers.figures.context`, read off dev7's
errors and an audit of unlabelled political news (AUDIT A). Each reading is tested on, and again with it switched
off, so that a test fails when the reading stops working. Sentences are our own."""

from __future__ import annotations

import pytest

from presslens.analyzers.figures import Quantity, extract_quantities
from presslens.analyzers.figures.context import CONTEXT_READINGS, title_line

READINGS = ("rules", "fixes", "general")


def _figures(text: str, readings: str = "rules", context: frozenset[str] | None = None) -> list[Quantity]:
    return [q for q in extract_quantities(text, readings, context) if q.label not in {"date", "ordinal"}]


def _spans(text: str, readings: str = "rules", context: frozenset[str] | None = None) -> list[str]:
    return [text[q.start : q.end] for q in _figures(text, readings, context)]


def _without(name: str) -> frozenset[str]:
    return CONTEXT_READINGS - {name}


def _at(text: str, number: str, context: frozenset[str] | None = None) -> Quantity | None:
    pos = text.index(number)
    return next((q for q in extract_quantities(text, "rules", context) if q.number[0] == pos), None)


@pytest.mark.parametrize("readings", READINGS)
@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("The lander was farther out than the Pioneer 2 craft when it took the photo.", "name_number"),
        ("The navy tested Trident 4 and soon Trident 5, built with British help.", "name_number"),
        ("A comet called 4179 Toutatis will pass the Moon in spring.", "number_name"),
        ("The court ruled he was unfit to stand trial, 20 Minutes reported on Friday.", "number_name"),
        ("She met the founders at the Under 40 Forum, which runs in June.", "number_name"),
        ("The waiter said the room number is “41207” on the receipt.", "id_number"),
        ("The meteors peak between August 12 and 13 each year.", "day_pair"),
        ("Prices soared in the 1970s and 80s, as wages stalled.", "decade_pair"),
        ("His speech turns to trade at about the 12 minute mark of the video.", "time_mark"),
        ("Inflation is the 800-pound gorilla in the budget talks.", "idiom"),
        ("Nobody would touch that plan with a ten-foot pole.", "idiom"),
    ],
)
def test_a_number_in_a_name_or_an_idiom_is_no_figure(text: str, reading: str, readings: str) -> None:
    assert _spans(text, readings) == []
    assert _spans(text, readings, _without(reading)) != []  # the reading, and no other, drops it


@pytest.mark.parametrize(
    "text",
    [
        "The dealer sold Morrison 300 rounds of ammunition.",  # a plural noun after the number: a count
        "Alabama beat Clemson 45-40 in the final.",  # a score: two counts
        "Cruz trails Trump 458 to 359 in delegates.",  # a tally
        "The poll of 1,000 adults included 389 Democratic or independent voters.",  # an adjective: a count
        "Only one of the 168 Republican National Committee members backs him.",
        "ICE Arrests 22 In Chicago Area During Weekend Operation",  # a headline
        "The receipt shows the number “2” next to the word guests.",  # "the number": no identifier noun
    ],
)
def test_counts_next_to_capitalised_words_stay(text: str) -> None:
    assert _figures(text), text


def test_a_day_pair_after_a_month_is_a_date() -> None:
    text = "The poll was conducted Nov. 6 to 10 on cellphones."
    q = _at(text, "10")
    assert q is not None and q.label == "date"
    off = _at(text, "10", _without("day_pair"))
    assert off is not None and off.label == "count"


def test_a_decade_after_a_decade_is_a_date() -> None:
    text = "She won most of her titles in the 1960s and 70s, before the tour turned professional."
    q = _at(text, "70")
    assert q is not None and q.label == "date" and text[q.start : q.end] == "70s"


def test_seven_figures_is_an_order_of_magnitude() -> None:
    text = 'He put his legal costs "in the seven figures," and said he would appeal.'
    (q,) = _figures(text)
    assert q.vague and q.value is None and (q.low, q.high) == (1_000_000, 9_999_999) and q.bound == "approx"
    (off,) = _figures(text, context=_without("magnitude"))
    assert off.value == 7 and not off.vague
    assert _figures("The two figures differ by a third.")[0].value == 2  # two numbers, not a magnitude


def test_twenty_something_is_a_vague_age() -> None:
    for text in ("Police said her twenty something neighbour was arrested.", "Voters picked a 40-something nominee."):
        (q,) = _figures(text)
        assert q.label == "age" and q.vague and q.value is None and q.unit == "years"
        assert q.high is not None and q.low is not None and q.high - q.low == 9
    (off,) = _figures("Police said her twenty something neighbour was arrested.", context=_without("something"))
    assert off.label == "count" and off.value == 20


def test_have_doubled_is_a_multiplier() -> None:
    text = "In the last two months, the calls have doubled."
    times = [q for q in _figures(text) if q.unit == "times"]
    assert [(text[q.start : q.end], q.value) for q in times] == [("doubled", 2.0)]
    assert not [q for q in _figures(text, context=_without("doubled")) if q.unit == "times"]
    assert not [q for q in _figures("The senator has doubled down on the claim.") if q.unit == "times"]
    assert [q.value for q in _figures("Sales had more than doubled.") if q.unit == "times"] == [2.0]  # once only


def test_a_number_an_article_uses_as_an_identifier_is_one_throughout() -> None:
    text = ("The team flies a Boeing 737 to away games. The 737 is old and seats 120 people. "
            "The S&P 500 fell 3 points; Fortune 500 companies gained.")
    spans = _spans(text)
    assert "737" not in spans and "500" not in spans and not any(s.startswith("500") for s in spans)
    assert "120 people" in spans and "3 points" in spans
    off = _spans(text, context=_without("repeated_id"))
    assert "737" in off


def test_title_line_tells_headlines_from_sentences() -> None:
    text = "Comet Called 4179 Toutatis To Pass The Moon\nA comet called 4179 Toutatis will pass the Moon."
    assert title_line(text, text.index("4179"))
    assert not title_line(text, text.rindex("4179"))


def test_no_context_readings_leaves_the_branch_start_figures() -> None:
    text = "An asteroid called 3200 Phaethon will pass Earth between December 11 and 21."
    assert "3200 Phaethon" in _spans(text, context=frozenset())
    assert "3200 Phaethon" not in _spans(text)


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("Donors tied to the cleric GA\u03031\u20444len gave money.", "glued_digit"),  # a garbled "Gülen"
        ("She moved her savings out of her 401(k) last spring.", "code_number"),
        ("This video cannot be played here. Ecode: 23.\n", "code_number"),
        ("Our picks.\n\n1\nA Senator Speaks Out\n\n2\nThe Governor Replies\n\n3\nVoters Decide\n", "numbered_lines"),
    ],
)
def test_numbers_glued_to_words_codes_and_list_numbers_are_no_figures(text: str, reading: str) -> None:
    assert _spans(text) == []
    assert _spans(text, context=_without(reading)) != []


def test_a_number_alone_on_its_line_outside_a_list_stays() -> None:
    text = "Seats won.\n\n2\nThe count was final.\n"
    assert _spans(text) == ["2"]


def test_a_thread_counter_is_no_figure() -> None:
    text = "We will count every ballot. #vote (1 of 3)\nThe count took 3 days (2/5)."
    assert _spans(text) == ["3 days"]
    assert "1" in _spans(text, context=_without("thread_counter"))
    assert _spans("Turnout rose (from 4 of 10 voters) to half.") != []  # not a counter: a share in words
