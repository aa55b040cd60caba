"""Figures 1.7 (issue 13, s23): general English number readings found on dev6's errors, on an audit of unlabelled
political news (AUDIT A) and in the stop-22 user trial. Sentences are our own."""

from __future__ import annotations

import pytest

from presslens.analyzers.base import Features
from presslens.analyzers.figures import FiguresAnalyzer, Quantity, extract_quantities
from presslens.analyzers.figures.quantity import YEAR_COUNT_SCORE
from presslens.article import Article

READINGS = ("fixes", "general")  # the option values that hold 1.7's readings


def _figures(text: str, readings: str = "fixes") -> list[Quantity]:
    return [q for q in extract_quantities(text, readings)
            if q.label not in {"date", "ordinal"}]


def _spans(text: str) -> list[str]:
    return [text[q.start : q.end] for q in _figures(text)]


def _at(text: str, number: str) -> Quantity | None:
    """The figure (dates and ordinals too) whose number starts where ``number`` first occurs in ``text``."""
    pos = text.index(number)
    return next((q for q in extract_quantities(text, "fixes") if q.number[0] == pos), None)


# user trial (stop 22) --------------------------------------------------------------------------------------------


def test_an_age_after_a_name_with_a_generational_suffix() -> None:
    text = "Samuel Ortiz III, 41, was charged on Monday; Peter Hale Jr., 29, was not."
    first, second = _at(text, "41"), _at(text, "29")
    assert first is not None and first.label == "age" and first.value == 41
    assert text[slice(*first.extra["person"])] == "Samuel Ortiz III"
    assert second is not None and second.label == "age" and text[slice(*second.extra["person"])] == "Peter Hale Jr."


def test_a_collective_noun_before_a_plural_is_a_modifier_of_the_counted_noun() -> None:
    assert _spans("The shooting of two Idaho police officers shocked the town.") == ["two Idaho police officers"]
    assert _spans("Ten crew members stayed aboard.") == ["Ten crew members"]
    assert _spans("Two police arrived.") == ["Two police"]
    # a regular plural before an "-s" word is a subject before its verb, not a modifier
    assert _spans("Each of the 3 tanks holds water.") == ["3 tanks"]


def test_n_figure_is_an_order_of_magnitude_not_the_number() -> None:
    q = _figures("The firm paid him six-figure fees for each talk.")[0]
    assert q.vague and q.value is None and (q.low, q.high) == (100_000, 999_999) and q.unit == "fees"
    q = _figures("The campaign placed a seven-figure ad buy.")[0]
    assert q.vague and q.low == 1_000_000


def test_a_share_counter_stays_a_figure_marked_as_page_furniture() -> None:
    text = "Border wall rises\n412 SHARES Facebook Twitter\nThe wall grew by 3 miles."
    article = Article(text=text)
    findings = FiguresAnalyzer().analyze(Features(article=article)).findings
    counter = next(f for f in findings if f.text == "412 SHARES")
    assert counter.attributes["value"] == 412 and counter.attributes.get("furniture") is True
    other = next(f for f in findings if f.text == "3 miles")
    assert "furniture" not in other.attributes


# dev6's errors ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "I can tell you 100% this is a fair deal.",
    "We are 100 percent sure of the count.",
    "She was 100% committed to the bill.",
])
def test_an_emphatic_hundred_percent_is_no_figure(sentence: str) -> None:
    assert _spans(sentence) == []


@pytest.mark.parametrize(("sentence", "span"), [
    ("Turnout reached 100 percent of the roll.", "100 percent"),
    ("The forecast says it is 100 percent likely to rain.", "100 percent"),
    ("Prices rose 100%, he said.", "100%"),
    ("They raised it 100 percent this year.", "100 percent"),
])
def test_a_hundred_percent_that_measures_something_stays(sentence: str, span: str) -> None:
    assert _spans(sentence) == [span]


def test_zero_before_an_abstract_noun_is_an_emphatic_no() -> None:
    assert _spans("He was jailed on zero evidence.") == []
    assert _spans("She has zero military experience.") == []
    assert _spans("The rival won zero delegates.") == ["zero delegates"]
    assert _spans("Rates stayed near zero interest rates for years.") != []


def test_a_week_or_day_of_a_sequence_is_a_point_in_time() -> None:
    assert _spans("Hand in your week 3 essay and your week two draft.") == []
    assert _spans("He promised to act on day one and on Day 2.") == []
    assert _spans("By day 3 protesters had left.") == ["3 protesters"]  # a count after the day's name
    assert _at("The Founders' Day 2019 speech ran long.", "2019") is not None  # a year stays a date


def test_a_unit_of_one_after_a_plural_noun_is_a_rate() -> None:
    assert _spans("Officials held several briefings a day.") == []
    assert _spans("They took calls a week apart.") == ["a week"]
    assert _spans("He led the field in votes a month into the race.") == ["a month"]
    assert _spans("Rivals met a day after the vote.") == ["a day"]


def test_a_year_before_a_plural_noun_is_a_candidate() -> None:
    q = _figures("The party eyed 2020 primaries.")[0]
    assert q.value == 2020 and q.score == YEAR_COUNT_SCORE < 0.5
    # with a bound or a comma it counts
    assert _figures("The fever sickened over 2000 people.")[0].score >= 0.5
    assert _figures("The fever sickened 2,000 people.")[0].score >= 0.5


def test_percent_to_percent_after_from_or_by_is_a_range() -> None:
    q = _figures("Death rates varied from 15 percent to 70 percent in past outbreaks.")[0]
    assert q.label == "range" and (q.low, q.high) == (15, 70) and q.unit == "percent"
    q = _figures("The plan cuts costs by 5 percent to 10 percent.")[0]
    assert q.label == "range"
    # without from/by it is a result: two figures
    assert [x.value for x in _figures("She lost the county 38 percent to 55 percent.")] == [38, 55]
    # a change is two values
    assert [x.value for x in _figures("The levy rose from 7 percent to 9 percent.")] == [7, 9]


def test_at_least_one_of_is_a_bounded_count() -> None:
    text = "At the time at least one of the letters was lost."
    q = _figures(text)[0]
    assert q.value == 1 and q.bound == "lower" and q.start == text.index("at least")
    assert _spans("It was just one of those days.") == []


def test_a_counted_one_before_an_ing_noun_and_the_next_one_of_the_pair() -> None:
    assert _spans("Migrants get only one hearing and one round of appeals.") == ["one hearing", "one round"]
    assert _spans("Only one meeting, he said.") == ["one meeting"]


def test_an_ordinal_typed_with_a_space_is_an_ordinal() -> None:
    q = _at("They live in the 11 th district.", "11")
    assert q is not None and q.label == "ordinal"
    q = _at("They saw 21 th movies.", "21")  # a suffix that does not fit the number: no ordinal reading
    assert q is None or q.label != "ordinal"


def test_a_couple_hundred_thousand_is_vague() -> None:
    q = _figures("They spent a couple hundred thousand dollars on ads.")[0]
    assert q.vague and q.value is None and q.label == "money" and q.low == 200_000


def test_street_addresses_written_the_french_way_are_no_figures() -> None:
    assert _spans("A shop near 24 rue Oberkampf in Paris was hit.") == []


# AUDIT A's errors ------------------------------------------------------------------------------------------------


def test_a_number_word_in_a_name_is_no_count() -> None:
    assert _spans("He joined the Gang of Eight on the bill.") == []
    assert _spans('Trump skipped the "Four Tops" summit.') == []
    # a capitalised number word that counts stays ("the Four Cardinals" of the dubia letter)
    assert _spans("a reply to the dubia of the Four Cardinals.") == ["Four Cardinals"]
    assert _spans('"Two Americans died," he said.') == ["Two Americans"]


def test_zip_codes_and_precinct_numbers_are_no_figures() -> None:
    assert _spans("Send gifts to 12 Elm Street, Albany, NY 12207 or Boston, MA, 02108-1234.") == []
    assert _spans("She voted in precinct 61 and ward 8.") == []
    assert _spans("He won 12207 votes.") == ["12207 votes"]


def test_past_after_of_the_ends_the_counted_phrase() -> None:
    assert _spans("He won seven of the past nine races.") == ["seven", "nine races"]
    assert _spans("Two past elections show it.") == ["Two past elections"]


@pytest.mark.parametrize("readings", READINGS)
def test_the_readings_are_in_both_option_values(readings: str) -> None:
    assert [x.score < 0.5 for x in extract_quantities("Eyes on 2018 elections.", readings)] == [True]


def test_the_default_readings_hold_the_fixes_since_1_9_and_rules_keeps_1_6s() -> None:
    from presslens.analyzers.figures.analyzer import FiguresAnalyzer

    assert [x.score < 0.5 for x in extract_quantities("Eyes on 2018 elections.")] == [True]
    assert [x.score < 0.5 for x in extract_quantities("Eyes on 2018 elections.", "rules")] == [False]
    text = "He met two Ohio police officers."
    assert [q.unit for q in extract_quantities(text)] == [q.unit for q in extract_quantities(text, "fixes")]
    assert [q.unit for q in extract_quantities(text, "rules")] != [q.unit for q in extract_quantities(text, "fixes")]
    # since 1.13 the default is "readings32": the fixes plus stop 28's to stop 32's context readings
    assert {o.name: o.default for o in FiguresAnalyzer.options}["readings"] == "readings32"
