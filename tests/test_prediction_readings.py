"""General readings of English that decide whether a forecast sentence is a prediction (data/realnews/
GUIDELINE.md section 6 and the adjudication log's rules 3 and 12), found by auditing unseen articles: conditions
the clause windows used to miss, indirect questions, quoted question titles, the writer's "I'll", the scope of
"let's", and the nouns "project" and "due to" + a noun. The sentences are our own."""

from __future__ import annotations

import pytest

from presslens.text.prediction import is_conditional, prediction_forecast
from tests.text_fixtures import basis_of


def _conditional(sentence: str) -> bool:
    found = prediction_forecast(sentence)
    assert found is not None
    return all(is_conditional(sentence, start, end) for start, end, _ in found[1])


@pytest.mark.parametrize(
    "sentence",
    [
        # "once" / "as soon as" + an event still pending, with no comma before the forecast (rule 12)
        "The militia has vowed that once the siege is lifted it will march on the capital.",
        "The officials made it clear that, as soon as they catch him, they will put him on trial.",
        # "absent / without / barring X," (the guideline's "without X")
        "Absent a ceasefire, the port will close.",
        "Without new funding, the clinic will shut its doors.",
        "Barring a last-minute deal, the strike will go ahead.",
        # the other branch of a condition
        "Otherwise, the envoy will leave the talks.",
        "Pay the ransom now, or else they will burn the village.",
        # an order joined by "and" to a forecast is its condition
        "Give me the files and I'll give you the money.",
        "Cross that line, and they will strike the convoy.",
        # a decimal point or an initial's period inside the condition does not end it
        "And if the rate climbs above 2.5 percent, the bank will act.",
        "If the U.S. pulls its troops out, the rebels will advance.",
        "The army will withdraw if the U.N. mission stays.",
    ],
)
def test_conditions_the_clause_windows_used_to_miss(sentence: str) -> None:
    assert _conditional(sentence)
    assert basis_of(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The talks will resume as soon as next week.",  # a horizon, not a condition
        "Once again, the army will deploy to the border.",
        "Without a doubt, the army will deploy to the border.",
        "He once said the army will deploy to the border.",
        "The U.S. will send two more ships.",  # the abbreviation alone is no condition
        "Officials said they will raise the levy by 2.5 percent.",
    ],
)
def test_set_phrases_and_numbers_are_no_condition(sentence: str) -> None:
    assert not _conditional(sentence)
    assert basis_of(sentence) is not None


def test_as_soon_as_gives_no_horizon_but_as_soon_as_next_week_does() -> None:
    clause = prediction_forecast("Officials said that, as soon as the rain stops, the convoy will leave.")
    assert clause is not None and clause[2] is None
    timed = "The talks will resume as soon as next week."
    found = prediction_forecast(timed)
    assert found is not None and found[2] is not None and "next week" in timed[found[2][0]:found[2][1]]


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # "how/why" + a subject before the cue: an indirect question
        ("The leaflet tries to tell you how it will be effective against armed men.", False),
        ("Nobody has explained why the court won't rule on the case.", False),
        # ... but "which is why", "that's how" explain, they ask nothing
        ("Nurses face the greatest risk, which is why they will be the first to get the vaccine.", True),
        ("That's how the ministry will pay for the new hospital.", True),
        # a quoted title that asks "Will ...?" inside a statement
        ("As I wrote in my article, “Will the Envoy Resign Over the Leak?,” the ministry is cornered.", False),
        ("As he put it, “The envoy will resign over the leak,” the ministry is cornered.", True),
    ],
)
def test_questions_inside_a_statement(sentence: str, kept: bool) -> None:
    assert (basis_of(sentence) is not None) is kept


def test_the_writers_ill_is_the_writers_own_but_a_quoted_ill_is_a_forecast() -> None:
    sentence = "I'll tell you why they aren't speaking out on that."
    assert basis_of(sentence) is None
    assert basis_of("I'll sign the decree on Monday.", quoted=True) is not None


def test_lets_is_a_wish_only_with_hope_or_pray() -> None:
    assert basis_of("Let's hope the convoy will get through.") is None
    assert basis_of("Let us pray the truce will hold.") is None
    # the forecast sits in a relative clause of the writer's "let's start with"
    assert basis_of("Let's start with the cardinal who will lead the upcoming synod.") is not None


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # the nouns "project" / "forecast" after a determiner or a possessive
        ("She partnered with the foundation for a women's project that served as its centerpiece.", False),
        ("The agency funded a new project that employs forty people.", False),
        ("The weather forecasts for the region were wrong.", False),
        # the verbs
        ("The IMF projects that growth will slow.", True),
        ("Analysts forecast that prices will rise.", True),
        # "due to" + a plural, a gerund or an abstract noun is a cause; + a verb a schedule
        ("It's due to sanctions imposed by the West.", False),
        ("The shortage is due to rising demand.", False),
        ("The delay is due to mismanagement.", False),
        ("The minister is due to address parliament on Monday.", True),
        ("The committee is due to discuss the budget.", True),
    ],
)
def test_nouns_read_as_forecast_verbs(sentence: str, kept: bool) -> None:
    assert (prediction_forecast(sentence) is not None) is kept


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # a frequency adverb just before the subject makes the "will" habitual
        ("He told the court that occasionally someone will mention the old raids.", False),
        ("Sometimes the river will flood the lower town.", False),
        # ... but not when it sits far back in another clause
        ("Officials who have often criticised the plan said the army will withdraw.", True),
        # a pseudo-cleft "all he has done is to V" names what was done; "is to V" of a schedule is a forecast
        ("All that the minister has done so far is to return the bill to the committee.", False),
        ("The envoy is to return to Kabul next week.", True),
    ],
)
def test_habits_and_clefts(sentence: str, kept: bool) -> None:
    assert (basis_of(sentence) is not None) is kept
