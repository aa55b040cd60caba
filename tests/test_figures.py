"""Tests of the `figures` analyzer: a wide table of number forms in sentences we wrote."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import presslens
from presslens.analyzers.figures import (
    LABELS,
    Quantity,
    extract_quantities,
    likely_values_for,
    parse_digits,
    parse_number_words,
)
from presslens.text.wordstarts import matches_at

# (sentence, text of the number inside it, label, value or (low, high), unit, bound, vague, malformed)
ROWS: list[tuple[str, str, str, Any, str | None, str | None, bool, bool]] = [
    # the brief's own examples
    ("According to outlet X, 200,000 men have left the country.", "200,000", "count", 200000, "men", None, False, False),
    ("The governor quoted a figure of 300,00 at the briefing.", "300,00", "count", None, None, None, False, True),
    ("Over 260,000 Russian men have fled since September.", "260,000", "count", 260000, "Russian men", "lower",
     False, False),
    ("Officials said up to 1,000,000 could eventually be called up.", "1,000,000", "count", 1000000, None, "upper",
     False, False),
    ("The channel gained tens of thousands of subscribers overnight.", "tens of thousands", "count", None,
     "subscribers", "approx", True, False),
    ("Anton, 34, was handed his summons at work.", "34", "age", 34, "years", None, False, False),
    ("Police detained a 30-year-old near the station.", "30", "age", 30, "years", None, False, False),
    # plain digits and separators
    ("The ministry counted 2000 volunteers in the first week.", "2000", "count", 2000, "volunteers", None, False,
     False),
    ("A petition gathered 1,500,000 signatures.", "1,500,000", "count", 1500000, "signatures", None, False, False),
    ("Some 1.5 million people left the region.", "1.5 million", "count", 1500000, "people", "approx", False, False),
    ("The army deployed 4,300 troops to the border.", "4,300", "count", 4300, "troops", None, False, False),
    ("Compared with 250 000 last year, the figure doubled.", "250 000", "count", 250000, None, None, False, False),
    ("Exactly 17 journalists were accredited.", "17", "count", 17, "journalists", None, False, False),
    ("A further 12 soldiers were wounded in the attack.", "12", "count", 12, "soldiers", None, False, False),
    ("The regiment received 3.2 thousand new rifles.", "3.2 thousand", "count", 3200, "new rifles", None, False,
     False),
    # number words
    ("Three tanks were destroyed near the bridge.", "Three", "count", 3, "tanks", None, False, False),
    ("A dozen drones struck the port at night.", "A dozen", "count", 12, "drones", None, False, False),
    ("Twenty-five conscripts refused to sign the contract.", "Twenty-five", "count", 25, "conscripts", None, False,
     False),
    ("Two hundred people gathered outside the office.", "Two hundred", "count", 200, "people", None, False, False),
    ("Two hundred and fifty families were evacuated.", "Two hundred and fifty", "count", 250, "families", None,
     False, False),
    ("Nearly half a million refugees crossed the border.", "half a million", "count", 500000, "refugees", "approx",
     False, False),
    ("Four thousand workers went on strike.", "Four thousand", "count", 4000, "workers", None, False, False),
    ("Eleven sailors were rescued from the water.", "Eleven", "count", 11, "sailors", None, False, False),
    # vague amounts: approximate (real-news guideline, section 3: "approximate and vague: value only")
    ("Hundreds of residents queued for water.", "Hundreds", "count", None, "residents", "approx", True, False),
    ("Thousands of men tried to leave through Georgia.", "Thousands", "count", None, "men", "approx", True, False),
    ("Dozens of villages were left without power.", "Dozens", "count", None, "villages", "approx", True, False),
    ("Several hundred soldiers surrendered.", "Several hundred", "count", None, "soldiers", "approx", True, False),
    ("Hundreds of thousands of people lost their homes.", "Hundreds of thousands", "count", None, "people", "approx",
     True, False),
    ("Millions of viewers watched the address.", "Millions", "count", None, "viewers", "approx", True, False),
    ("A few thousand protesters marched in the capital.", "A few thousand", "count", None, "protesters", "approx",
     True, False),
    # bounds
    ("More than 200,000 people have left.", "200,000", "count", 200000, "people", "lower", False, False),
    ("At least 50 civilians died in the shelling.", "50", "count", 50, "civilians", "lower", False, False),
    ("Upwards of 5,000 personnel took part.", "5,000", "count", 5000, "personnel", "lower", False, False),
    ("Fewer than 100 prisoners were exchanged.", "100", "count", 100, "prisoners", "upper", False, False),
    ("Less than 40 tanks remain operational.", "40", "count", 40, "tanks", "upper", False, False),
    ("At most 300 observers will be admitted.", "300", "count", 300, "observers", "upper", False, False),
    ("Almost 30 missiles were fired overnight.", "30", "count", 30, "missiles", "approx", False, False),
    ("About 800 families live in the camp.", "800", "count", 800, "families", "approx", False, False),
    ("Around 1,000 shells are fired every day.", "1,000", "count", 1000, "shells", "approx", False, False),
    ("Roughly 70 trucks crossed the checkpoint.", "70", "count", 70, "trucks", "approx", False, False),
    ("An estimated 300,000 people fled the fighting.", "300,000", "count", 300000, "people", "approx", False,
     False),
    ("Approximately 9,000 prisoners are held there.", "9,000", "count", 9000, "prisoners", "approx", False, False),
    ("The unit lost ~40 vehicles in a week.", "40", "count", 40, "vehicles", "approx", False, False),
    ("The rally drew 20,000+ supporters.", "20,000", "count", 20000, "supporters", "lower", False, False),
    ("Ten thousand or more soldiers are massing.", "Ten thousand", "count", 10000, "soldiers", "lower", False,
     False),
    # malformed groupings
    ("The agency reported 1,0000 casualties by mistake.", "1,0000", "count", None, "casualties", None, False, True),
    ("Officials cited 12,50 arrests.", "12,50", "count", None, "arrests", None, False, True),
    # percentages
    ("Prices rose by 40% in a year.", "40", "percent", 40, "percent", None, False, False),
    ("Support for the war fell to 40 per cent.", "40", "percent", 40, "percent", None, False, False),
    ("Forty percent of the grid was damaged.", "Forty", "percent", 40, "percent", None, False, False),
    ("Inflation reached 7.5 per cent in the spring.", "7.5", "percent", 7.5, "percent", None, False, False),
    ("Turnout rose 3 percentage points.", "3", "percent", 3, "percentage points", None, False, False),
    ("Two thirds of the men were sent back.", "Two thirds", "percent", 66.67, "percent", None, False, False),
    ("About 6% of GDP goes to defence.", "6", "percent", 6, "percent", "approx", False, False),
    # money
    ("The aid package is worth $5bn.", "5", "money", 5e9, "dollars", None, False, False),
    ("The EU pledged €300 million for reconstruction.", "300 million", "money", 3e8, "euros", None, False, False),
    ("The budget adds 5 billion roubles for recruitment.", "5 billion", "money", 5e9, "roubles", None, False, False),
    ("He was fined 300,000 euros for the post.", "300,000", "money", 300000, "euros", None, False, False),
    ("Volunteers raised £2.3m in a week.", "2.3", "money", 2.3e6, "pounds", None, False, False),
    ("The sign-up bonus is 195,000 rubles.", "195,000", "money", 195000, "rubles", None, False, False),
    ("The war costs more than $3bn a month.", "3", "money", 3e9, "dollars", "lower", False, False),
    ("Kyiv needs 1.2 trillion hryvnias next year.", "1.2 trillion", "money", 1.2e12, "hryvnias", None, False,
     False),
    # ranges
    ("Between 200,000-300,000 men may have left.", "200,000-300,000", "range", (200000, 300000), "men", None,
     False, False),
    ("Between 5 and 10 tanks were hit.", "5 and 10", "range", (5, 10), "tanks", None, False, False),
    ("Each convoy had from 10 to 20 trucks.", "10 to 20", "range", (10, 20), "trucks", None, False, False),
    ("Estimates range from 2,000 to 3,000 deaths.", "2,000 to 3,000", "range", (2000, 3000), "deaths", None, False,
     False),
    ("The economy could shrink 5-10% this year.", "5-10", "range", (5, 10), "percent", None, False, False),
    ("Repairs will cost $5-10bn.", "5-10", "range", (5e9, 10e9), "dollars", None, False, False),
    ("Men aged 18 to 60 may not leave the country.", "18 to 60", "range", (18, 60), "years", None, False, False),
    # ages
    ("Olga, a 45-year-old teacher, stayed in the city.", "45", "age", 45, "years", None, False, False),
    ("The volunteer, aged 19, died in hospital.", "19", "age", 19, "years", None, False, False),
    ("Sergei, 29, who fled to Georgia, found work.", "29", "age", 29, "years", None, False, False),
    ("He joined the army at the age of 52.", "52", "age", 52, "years", None, False, False),
    ("A six-month-old baby was among the injured.", "six", "age", 6, "months", None, False, False),
    ("Men in their 50s also received summons.", "50s", "age", None, "years", "approx", True, False),
    # durations
    ("The ceasefire lasted three weeks.", "three", "duration", 3, "weeks", None, False, False),
    ("He was sentenced to 7 years in a penal colony.", "7", "duration", 7, "years", None, False, False),
    ("A 10-day truce was announced.", "10", "duration", 10, "days", None, False, False),
    ("She waited 18 months for news of her son.", "18", "duration", 18, "months", None, False, False),
    # dates
    ("In 2022, the economy contracted.", "2022", "date", 2022, None, None, False, False),
    ("The decree was signed on September 21.", "September 21", "date", None, None, None, False, False),
    ("The decree was signed on 21 September 2022.", "21 September 2022", "date", 2022, None, None, False, False),
    ("The 2024 budget triples arms spending.", "2024", "date", 2024, None, None, False, False),
    ("Prices have doubled since 2014.", "2014", "date", 2014, None, None, False, False),
    ("Fighting raged between 2014 and 2022 in the east.", "2014 and 2022", "date", (2014, 2022), None, None, False,
     False),
    ("The 1990s were a decade of wars.", "1990s", "date", None, None, None, False, False),
    # measures and ordinals
    ("The queue at the border stretched 20 kilometres.", "20", "measure", 20, "kilometres", None, False, False),
    ("The army is short of 155mm shells.", "155", "measure", 155, "mm", None, False, False),
    ("Ships carried 3,000 tonnes of grain.", "3,000", "measure", 3000, "tonnes", None, False, False),
    ("The 155th brigade was sent to Pokrovsk.", "155", "ordinal", 155, "brigade", None, False, False),
]


def _find(sentence: str, number_text: str) -> Quantity:
    start = sentence.index(number_text)
    for q in extract_quantities(sentence):
        if q.number[0] <= start < q.number[1] or start <= q.number[0] < start + len(number_text):
            return q
    raise AssertionError(f"no quantity at {number_text!r} in {sentence!r}: {extract_quantities(sentence)}")


def test_table_is_wide() -> None:
    assert len(ROWS) >= 60
    assert {r[2] for r in ROWS} == set(LABELS)


@pytest.mark.parametrize(("sentence", "number_text", "label", "value", "unit", "bound", "vague", "malformed"), ROWS)
def test_figure_forms(
    sentence: str, number_text: str, label: str, value: Any, unit: str | None, bound: str | None, vague: bool,
    malformed: bool,
) -> None:
    q = _find(sentence, number_text)
    assert q.label == label
    if isinstance(value, tuple):
        assert (q.low, q.high) == pytest.approx(value)
        assert q.value is None
    elif value is None:
        assert q.value is None
    else:
        assert q.value == pytest.approx(value)
    assert q.unit == unit
    assert q.bound == bound
    assert q.vague is vague
    assert q.malformed is malformed
    assert sentence[q.number[0] : q.number[1]] in sentence[q.start : q.end]


def test_span_covers_bound_number_and_unit() -> None:
    text = "Over 260,000 Russian men have fled."
    (q,) = extract_quantities(text)
    assert text[q.start : q.end] == "Over 260,000 Russian men"
    assert text[q.number[0] : q.number[1]] == "260,000"
    assert q.bound_span is not None and text[q.bound_span[0] : q.bound_span[1]] == "Over"


def test_malformed_likely_values() -> None:
    assert likely_values_for("300,00") == [30000, 300000]
    assert likely_values_for("1,0000") == [1000, 10000]
    q = _find("The governor quoted a figure of 300,00 at the briefing.", "300,00")
    assert q.likely_values == [30000, 300000]
    assert parse_digits("1,5") == (None, True, [15.0, 1500.0])


def test_decimal_comma_with_scale_is_not_malformed() -> None:
    q = _find("The fund holds 1,5 million euros.", "1,5")
    assert q.malformed is False and q.value == pytest.approx(1.5e6) and q.label == "money"


def test_vague_amounts_have_order_of_magnitude_bounds() -> None:
    q = _find("The channel gained tens of thousands of subscribers.", "tens of thousands")
    assert (q.low, q.high) == (10000, 99999)


@pytest.mark.parametrize(
    ("phrase", "value"),
    [("twenty-five", 25), ("two hundred and fifty", 250), ("a dozen", 12), ("half a million", 500000),
     ("three thousand", 3000), ("ninety-nine", 99), ("a hundred", 100), ("a", None),
     ("three-and-a-half thousand", 3500), ("one and a half million", 1500000), ("two and a half dozen", 30),
     ("three-and-a-half", 3.5)],
)
def test_parse_number_words(phrase: str, value: float | None) -> None:
    assert parse_number_words(phrase) == value


@pytest.mark.parametrize(
    "sentence",
    [
        "Su-34 bombers and T-72 tanks were seen near the road.",
        "Flight MH17 was shot down, investigators concluded.",
        "The alarm sounded at 10:30 and again at 6am.",
        "Article 5 of the treaty was invoked.",
        "One of the drones crashed; no one was hurt.",
        "The G7 leaders met online.",
    ],
)
def test_identifiers_times_and_pronoun_one_are_not_quantities(sentence: str) -> None:
    assert extract_quantities(sentence) == []


def test_year_is_a_date_but_four_digit_count_is_not() -> None:
    labels = {sentence: _find(sentence, "2000").label for sentence in (
        "In 2000 the war in Chechnya was raging.", "The unit lost 2000 soldiers.")}
    assert labels == {"In 2000 the war in Chechnya was raging.": "date", "The unit lost 2000 soldiers.": "count"}


def test_person_of_name_age_pattern() -> None:
    q = _find("Anton, 34, was handed his summons at work.", "34")
    assert q.extra["person"] == (0, 5)
    assert _find("In Kharkiv, 34 people were wounded.", "34").label == "count"


def test_analyzer_findings_keep_offsets_and_schema() -> None:
    import msgspec

    from presslens.report.model import KIND_ATTRIBUTES

    text = (
        "Exodus\n\nAccording to the outlet, over 260,000 Russian men have left since 21 September 2022. "
        "Anton, 34, paid $1,500 for a seat; up to 1,000,000 may follow within weeks, and 300,00 is a typo."
    )
    report = presslens.analyze(text, only=["figures"])
    report.check()
    quantities = report.by_kind("quantity")
    assert [f.label for f in quantities] == ["count", "date", "age", "money", "count", "count"]
    for f in quantities:
        msgspec.convert(f.attributes, KIND_ATTRIBUTES["quantity"])
        num = f.attributes["number"]
        assert report.article.text[num["start"] : num["end"]] == num["text"]
    by_text = {f.text: f for f in quantities}
    assert by_text["over 260,000 Russian men"].attributes["bound"] == "lower"
    assert by_text["300,00"].attributes["likely_values"] == [30000, 300000]
    assert by_text["34"].attributes["person"]["text"] == "Anton"
    assert by_text["$1,500"].attributes["currency"] == "USD"


_PIECES = ["1,000", "300,00", "$", "€", "5", "bn", "million", "-", "to", "and", "between", "from", "over", "about",
           "men", "Anton", ",", "34", ".", "%", "per cent", "2022", "May", "21", "September", "tens", "of",
           "thousands", "+", "or", "more", "1.5", "a", "dozen", "twenty-five", "aged", "their", "50s", "10:30",
           "Su-34", "3rd", "km", "weeks", "one", "in", "five", "two", "thirds", "1,0000", "250 000", "up"]


def test_spans_nest_and_never_overlap_on_random_token_soup() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14), st.sampled_from([" ", "", ", "]))
    def check(pieces: list[str], sep: str) -> None:
        text = sep.join(pieces)
        last_end = 0
        for q in extract_quantities(text):
            assert last_end <= q.start <= q.number[0] < q.number[1] <= q.end <= len(text)
            for sub in (q.unit_span, q.bound_span):
                if sub is not None:
                    assert q.start <= sub[0] < sub[1] <= q.end
            assert q.label in LABELS
            last_end = q.end

    check()


def test_date_and_time_patterns_tried_at_word_starts_find_what_a_full_scan_finds(examples_dir: Path) -> None:
    """find_specials tries each date/time pattern only where a digit, month or apostrophe starts: same matches."""
    from presslens.analyzers.figures import specials as fg

    texts = [p.read_text(encoding="utf-8") for p in sorted(examples_dir.glob("*.txt"))]
    texts.append(
        "On 3rd of March 2022, at 10.30 a.m. (0900 GMT) and again 5pm, A5 9:15; x12 May 4, 2023; "
        "2024-02-30 12/05/2023 the '90s, 1990s, abc1990s, 2019-20, 2019–2021,5 _12 March, Sept. 7 1999; "
        "March2020 Mar. 3 Dec 2021 \u201980s 7.45pm"
    )
    assert len(texts) >= 2
    kinds = {"digit": fg._DIGIT_START, "month": fg._MONTH_START, "decade": fg._DECADE_START}
    pairs = [(p, "digit") for p in fg._TIME_PATTERNS] + list(fg._DATE_PATTERNS)
    found = 0
    for text in texts:
        for pattern, kind in pairs:
            starts = [m.start() for m in kinds[kind].finditer(text)]
            fast = [m.span() for m in matches_at(pattern, text, starts)]
            assert fast == [m.span() for m in pattern.finditer(text)]
            found += len(fast)
    assert found > 10


def test_and_a_half_with_a_scale_word_is_one_figure() -> None:
    q = _find("The region has around three-and-a-half thousand doctors.", "around three-and-a-half thousand")
    assert q.value == 3500 and q.bound == "approx"


def test_atoms_inside_taken_spans_are_skipped_and_neighbours_kept() -> None:
    from presslens.analyzers.figures.atoms import find_atoms

    text = "12 cats, 34 dogs, 56 birds and 78 fish"
    taken = [(9, 16), (10, 12), (31, 38)]  # "34 dogs" (and a span nested in it), "78 fish"
    found = [text[a.start : a.end] for a in find_atoms(text, taken)]
    assert found == ["12", "56"]
    assert [text[a.start : a.end] for a in find_atoms(text, [])] == ["12", "34", "56", "78"]
    # a span that only touches a number leaves it free
    assert [text[a.start : a.end] for a in find_atoms(text, [(2, 9)])] == ["12", "34", "56", "78"]


# ---------------------------------------------------------------------------------------------------
# The figure scorer (version 1.5): calibrated probabilities, an option (figures.scores=calibrated)


def test_class_probability_shrinks_the_class_share_towards_the_rule_score() -> None:
    from presslens.analyzers.figures.scoring import class_probability

    classes = {"0.95": [90, 100], "0.30": [0, 4]}
    # 90 of 100 right, 3 pseudo figures at 0.95: (90 + 2.85) / 103
    assert class_probability(0.95, classes, 3.0) == pytest.approx(92.85 / 103)
    # a class never right stays below the rule score; an unseen class keeps the rule score
    assert class_probability(0.3, classes, 3.0) < 0.3
    assert class_probability(0.7, classes, 3.0) == pytest.approx(0.7)


def test_calibrated_scores_are_an_option() -> None:
    from presslens.analyzers.figures.scoring import calibrated_score

    text = "Over 260,000 men fled, and a couple of weeks later the army counted 2022 deserters in March 2022."
    found = extract_quantities(text)
    assert [calibrated_score(text, q) for q in found] == [q.score for q in found]
    scorer = {"method": "classes", "classes": {"0.95": [1, 2], "0.30": [0, 10]}, "strength": 2.0}
    scores = {text[q.start : q.end]: calibrated_score(text, q, scorer) for q in found}
    assert scores["Over 260,000 men"] == pytest.approx((1 + 2 * 0.95) / 4, abs=1e-4)
    assert scores["a couple of weeks"] < 0.3
    date = next(q for q in found if q.label == "date")
    assert calibrated_score(text, date, scorer) == date.score  # dates keep the rule score


def test_the_shipped_scorer_matches_the_features_and_keeps_candidates_below_half() -> None:
    from presslens.analyzers.figures.scoring import FEATURE_NAMES, calibrated_score, load_scorer

    scorer = load_scorer()
    assert scorer is not None and tuple(scorer["features"]) == FEATURE_NAMES
    assert len(scorer["weights"]) == len(FEATURE_NAMES)
    text = "Police said a couple of weeks ago that 40 people were hurt."
    scores = {text[q.start : q.end]: calibrated_score(text, q, scores="calibrated") for q in extract_quantities(text)}
    assert scores["a couple of weeks"] < 0.5 <= scores["40 people"] <= 1.0


def test_logistic_fit_learns_a_separating_feature() -> None:
    import numpy as np

    from presslens.training.figures import fit
    from presslens.training.logistic import expected_calibration_error, probabilities

    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 2))
    y = (x[:, 0] + 0.1 * rng.normal(size=400) > 0).astype(float)
    w, b = fit(x, y, 1.0)
    assert w[0] > 2 * abs(w[1])
    p = probabilities(x, w, b)
    assert ((p >= 0.5) == (y == 1)).mean() > 0.9
    assert expected_calibration_error(np.array([1.0, 1.0, 1.0, 0.0]), np.full(4, 0.75)) == pytest.approx(0.0)
