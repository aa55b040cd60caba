"""Figure groups, issue 15: counted nouns that name one measured thing (attack / strike / raid; doctors / medics /
medical workers, kept out of "people"), with the pair model fitted without them, and "the register" read as a noun.
Texts are our own; each has a near miss that must stay apart (a workers' strike, nurses, kitchen staff)."""

from __future__ import annotations

import datetime as _dt
from dataclasses import replace
from typing import Any

import pytest

from presslens.analyzers.base import Features
from presslens.analyzers.figures import FiguresAnalyzer
from presslens.article import Article
from presslens.compare.figure_groups import FigureGrouper, grouping_config
from presslens.compare.figure_words import MEDIC_CLASS, clause_predicate, counted_thing
from presslens.compare.figures import NUMBER_MASK, heads_compatible, mentions_from_findings
from presslens.evaluation import figure_groups as evaluation
from presslens.segment import segment
from tests.figure_fixtures import grouped_story


def _mentions(text: str) -> dict[str, tuple[str | None, str | None, str]]:
    """Each figure of the text: (raw counted noun, unit, masked clause)."""
    art = Article(text=text, id="t1", date=_dt.date(2025, 3, 1), source="Outlet", language="en")
    segment(art)
    found = FiguresAnalyzer().analyze(Features(art)).findings
    return {m.text: (m.head, m.unit, m.masked_clause) for m in mentions_from_findings(art, list(found))}


def _thing(text: str, figure: str) -> str | None:
    head, unit, clause = _mentions(text)[figure]
    return counted_thing(head, unit, clause)


@pytest.mark.parametrize("text, figure", [
    ("There were fewer than ten strikes on medical buildings, the ministry said.", "fewer than ten strikes"),
    ("The monitor recorded at least 17 attacks on clinics.", "at least 17 attacks"),
    ("Militia fighters carried out 12 raids on border villages.", "12 raids"),
    ("The air force flew 30 air strikes on the depots, the pilots' union said.", "30 air strikes"),
])
def test_attacks_strikes_and_raids_are_one_thing(text: str, figure: str) -> None:
    assert _thing(text, figure) == "attack"


@pytest.mark.parametrize("text, figure", [
    ("Dockworkers held three strikes over pay this year.", "three strikes"),
    ("Teachers staged four strikes this spring, their union said.", "four strikes"),
])
def test_a_strike_of_workers_is_no_attack(text: str, figure: str) -> None:
    assert _thing(text, figure) == "strike"


@pytest.mark.parametrize("text, figure", [
    ("Torvast forces hold 31 doctors in the district.", "31 doctors"),
    ("The ministry counted 17 medics held in Vantry.", "17 medics"),
    ("At least 40 medical workers have been detained, officials said.", "At least 40 medical workers"),
    ("More than 60 health workers were killed in the province.", "More than 60 health workers"),
    ("Some 30 physicians have fled the city.", "Some 30 physicians"),
])
def test_doctors_medics_and_medical_workers_are_one_set_of_people(text: str, figure: str) -> None:
    assert _thing(text, figure) == MEDIC_CLASS


@pytest.mark.parametrize("text, figure, thing", [
    ("Some 20 nurses were detained in the district.", "Some 20 nurses", "nurse"),
    ("About 300 factory workers were laid off.", "About 300 factory workers", "worker"),
    ("The plant lost 50 workers to the draft.", "50 workers", "worker"),
])
def test_nurses_and_other_workers_stay_what_they_are(text: str, figure: str, thing: str) -> None:
    assert _thing(text, figure) == thing


def test_the_register_after_a_determiner_is_a_noun_not_the_predicate() -> None:
    left = f"The department's register shows that {NUMBER_MASK} doctors have left"
    assert clause_predicate(left, noun_forms=True) == "leave"
    assert clause_predicate(f"The register shows that {NUMBER_MASK} doctors have left", noun_forms=True) == "leave"
    assert clause_predicate(left) == "register"  # without the classes: the reading of before
    # the verb is still the predicate
    assert clause_predicate(f"Officials register {NUMBER_MASK} new arrivals a day", noun_forms=True) == "register"
    assert clause_predicate(f"{NUMBER_MASK} people had been registered in the city", noun_forms=True) == "register"


STORY = [
    ("k1", 1, "Wire", "Government forces carried out fewer than ten strikes on medical buildings, the ministry said."),
    ("k2", 2, "Post", "The monitor recorded at least 17 attacks on medical buildings since the war began."),
    ("k3", 3, "Ledger", "Nurses at the city hospital staged three strikes on medical wards over pay, the union said."),
    ("k4", 4, "Radio", "Torvast forces detained 31 medics in Vantry, the administrator said. Some 20 nurses "
     "were detained in Vantry, a charity said."),
    ("k5", 5, "Herald", "At least 40 medical workers have been detained in Vantry by Torvast forces."),
]


def test_the_grouper_joins_one_thing_named_two_ways_and_keeps_the_near_misses_apart() -> None:
    grouper = FigureGrouper(None, replace(grouping_config("rules"), threshold=0.0, headless_margin=0.0,
                                          counted_classes=True))
    for aid, day, src, text in STORY:
        art = Article(text=text, id=aid, date=_dt.date(2025, 3, day), source=src, language="en")
        segment(art)
        grouper.add_article(art, FiguresAnalyzer().analyze(Features(art)).findings)
    by_text = {m.text: m for m in grouper.mentions.values()}
    group = {t: grouper.group_of[m.id] for t, m in by_text.items() if m.id in grouper.group_of}
    assert by_text["fewer than ten strikes"].head == "attack"
    assert by_text["three strikes"].head == "strike"
    assert by_text["31 medics"].head == by_text["At least 40 medical workers"].head == MEDIC_CLASS
    assert by_text["Some 20 nurses"].head == "nurse"
    # the compatibility test of the grouper: one thing named two ways may share a group; the near misses may not
    compat = grouper._compatibility
    assert group["three strikes"] != group["fewer than ten strikes"]
    assert not compat(by_text["three strikes"])(grouper.groups[group["fewer than ten strikes"]])
    assert not compat(by_text["Some 20 nurses"])(grouper.groups[group["31 medics"]])
    assert group["Some 20 nurses"] != group["31 medics"]
    assert compat(by_text["at least 17 attacks"])(grouper.groups[group["fewer than ten strikes"]])
    assert compat(by_text["At least 40 medical workers"])(grouper.groups[group["31 medics"]])


def _grouped(story: list[tuple[str, int, str, str]], **overrides: Any) -> FigureGrouper:
    return grouped_story(story, **{"counted_classes": True, **overrides})


PEOPLE = [
    ("p1", 1, "Wire", "Torvast forces have detained 120 people in Vantry since the offensive began."),
    ("p2", 2, "Post", "Torvast forces have detained 31 doctors in Vantry since the offensive began."),
    ("p3", 3, "Ledger", "Torvast forces have detained about 140 people in Vantry since the offensive began."),
]


def test_medical_staff_stay_out_of_a_count_of_people() -> None:
    assert heads_compatible("doctor", "people")  # the raw noun is a person head: only the class keeps it out
    grouper = _grouped(PEOPLE)
    by_text = {m.text: m for m in grouper.mentions.values()}
    doctors = by_text["31 doctors"]
    assert doctors.head == MEDIC_CLASS
    people = grouper.groups[grouper.group_of[by_text["120 people"].id]]
    assert not grouper._compatibility(doctors)(people)
    assert grouper.group_of[doctors.id] != grouper.group_of[by_text["120 people"].id]
    # without the classes (the option off) the doctors may join the people, as before
    plain = _grouped(PEOPLE, counted_classes=False)
    plain_by_text = {m.text: m for m in plain.mentions.values()}
    assert plain_by_text["31 doctors"].head == "doctor"
    assert plain._compatibility(plain_by_text["31 doctors"])(plain.groups[plain.group_of[plain_by_text["120 people"].id]])


def test_without_the_classes_a_strike_and_an_attack_stay_apart() -> None:
    plain = _grouped(STORY, counted_classes=False)
    by_text = {m.text: m for m in plain.mentions.values()}
    assert by_text["fewer than ten strikes"].head == "strike"
    assert by_text["at least 17 attacks"].head == "attack"
    assert not plain._compatibility(by_text["at least 17 attacks"])(
        plain.groups[plain.group_of[by_text["fewer than ten strikes"].id]])


@pytest.mark.parametrize("text, figure, thing", [
    ("Drones carried out 14 strikes on the port, the navy said.", "14 strikes", "attack"),
    ("Dock workers' strikes: there were two workers' strikes at the port in May.", "two workers' strikes", "strike"),
    ("The union called 5 strikes at the port this year.", "5 strikes", "strike"),
    ("Some 12 health staff were evacuated from the hospital.", "Some 12 health staff", MEDIC_CLASS),
    ("Some 12 kitchen staff were evacuated from the hotel.", "Some 12 kitchen staff", "staff"),
])
def test_near_misses_of_the_classes(text: str, figure: str, thing: str) -> None:
    assert _thing(text, figure) == thing


def _gold_story() -> tuple[evaluation.Dataset, dict[str, list[Any]]]:
    arts, golds = [], []
    for aid, day, src, text in STORY:
        art = Article(text=text, id=aid, date=_dt.date(2025, 3, day), source=src, language="en")
        segment(art)
        arts.append(art)
    spans = {"k1": ("fewer than ten strikes", "attacks"), "k2": ("at least 17 attacks", "attacks"),
             "k3": ("three strikes", "distractor"), "k4": ("31 medics", "medics"),
             "k5": ("At least 40 medical workers", "medics")}
    for art in arts:
        figure, group = spans[art.id]
        at = art.text.index(figure)
        golds.append(evaluation.GoldMention(f"{art.id}-1", art.id, at, at + len(figure), figure, group))
    data = evaluation.Dataset(arts, golds, set(), set())
    return data, evaluation.analyse(arts)


def test_the_pair_model_is_fitted_without_the_classes() -> None:
    data, findings = _gold_story()
    with_classes = evaluation.pair_examples(data, findings, {}, None, replace(grouping_config("rules"),
                                                                              counted_classes=True))
    without = evaluation.pair_examples(data, findings, {}, None, replace(grouping_config("rules"),
                                                                         counted_classes=False))
    assert with_classes[0].shape == without[0].shape
    assert (with_classes[0] == without[0]).all() and (with_classes[1] == without[1]).all()
    # while the grouping itself proposes the strike to the attacks only with the classes
    on = _grouped(STORY)
    on_by_text = {m.text: m for m in on.mentions.values()}
    assert on._compatibility(on_by_text["at least 17 attacks"])(
        on.groups[on.group_of[on_by_text["fewer than ten strikes"].id]])


def test_the_classes_are_the_default_and_plain_is_an_option() -> None:
    from presslens.compare.figure_groups import DEFAULT_GROUPING, GROUPING_NAMES, GroupingConfig

    assert GroupingConfig().counted_classes and grouping_config().counted_classes
    assert grouping_config("general-f1+values-agree-f05+classes") == grouping_config(DEFAULT_GROUPING)
    plain = grouping_config("general-f1+values-agree-f05-plain")
    assert "general-f1+values-agree-f05-plain" in GROUPING_NAMES
    assert not plain.counted_classes
    assert replace(plain, counted_classes=True) == grouping_config(DEFAULT_GROUPING)
    # the pair model is fitted without the classes and without stop 28's options (on in the default since stop 30)
    assert evaluation.pair_fit_config(grouping_config()) == replace(plain, captive_words=False, bare_people=False)
