"""Figure groups, issue 15, round 2 stop 28: one set of people named several ways (hostages, captives, people
"abducted" or "taken hostage") and counts of people without a predicate -- the two options
``GroupingConfig.captive_words`` and ``GroupingConfig.bare_people``. Texts are our own; each reading has a near
miss that must stay apart (hostages freed against hostages taken, people killed against people wounded)."""

from __future__ import annotations

import datetime as _dt
from dataclasses import replace
from typing import Any

import pytest

from presslens.article import Article
from presslens.compare.figure_groups import (
    DEFAULT_GROUPING,
    GROUPING_NAMES,
    FigureGrouper,
    GroupingConfig,
    grouping_config,
)
from presslens.compare.figure_words import CAPTURE_CLASS, captive_head, clause_predicate
from presslens.compare.figures import NUMBER_MASK as N
from presslens.evaluation import figure_groups as evaluation
from presslens.segment import segment
from tests.figure_fixtures import grouped_story


@pytest.mark.parametrize("clause, plain, captives", [
    (f"the army said {N} people were abducted in the raid", "leave", CAPTURE_CLASS),
    (f"gunmen kidnapped {N} villagers on the road", "leave", CAPTURE_CLASS),
    (f"about {N} people were taken hostage", None, CAPTURE_CLASS),
    (f"the raiders took {N} farmers hostage", None, CAPTURE_CLASS),
    (f"the group says it holds {N} hostages", None, CAPTURE_CLASS),
    (f"{N} soldiers were captured near the bridge", None, CAPTURE_CLASS),
    # near misses: the release of hostages, the held, the deported and people taken to hospital stay what they were
    (f"{N} hostages have been freed", "release", "release"),
    (f"{N} hostages were released on Monday", "release", "release"),
    (f"{N} people are still held in the town", "detain", "detain"),
    (f"{N} children were deported across the line", "leave", "leave"),
    (f"{N} people were taken to hospital", None, None),
    (f"talks over the abducted {N} children", None, None),
])
def test_capture_predicate(clause: str, plain: str | None, captives: str | None) -> None:
    assert clause_predicate(clause) == plain  # the option off: the reading of before
    assert clause_predicate(clause, captives=True) == captives


def test_hostages_and_captives_are_people() -> None:
    assert captive_head("hostage") == captive_head("captive") == captive_head("abductee") == "people"
    assert captive_head("prisoner") == "prisoner"  # prisoners (of war, in a jail) stay their own noun
    assert captive_head(None) is None


RAID = [
    ("h1", 1, "Wire", "Raiders abducted 126 people from the border villages, the army said."),
    ("h2", 2, "Post", "The militia says it holds 140 hostages from the villages."),
    ("h3", 3, "Ledger", "About 130 people were taken hostage in the raid, a monitor said."),
    ("h4", 4, "Radio", "Twenty-one hostages were freed on Monday after talks."),
    ("h5", 5, "Herald", "The army said 57 people were killed in the raid. Another 236 people were wounded."),
    ("h6", 6, "Courier", "About 400 people walked behind the coffins on Sunday."),
    ("h7", 7, "Gazette", "The valley mourned its 57 people on Sunday."),
]


def _grouped(story: list[tuple[str, int, str, str]], **overrides: Any) -> FigureGrouper:
    return grouped_story(story, **overrides)


def _by_text(grouper: FigureGrouper) -> dict[str, Any]:
    return {m.text: m for m in grouper.mentions.values()}


def _compatible(grouper: FigureGrouper, mention: str, with_group_of: str) -> bool:
    by_text = _by_text(grouper)
    return grouper._compatibility(by_text[mention])(grouper.groups[grouper.group_of[by_text[with_group_of].id]])


def test_one_set_of_people_named_three_ways_may_join_and_the_near_misses_may_not() -> None:
    grouper = _grouped(RAID, captive_words=True)
    by_text = _by_text(grouper)
    assert by_text["140 hostages"].head == "people"
    assert grouper.features(by_text["140 hostages"]).predicate == CAPTURE_CLASS
    assert grouper.features(by_text["126 people"]).predicate == CAPTURE_CLASS
    assert grouper.features(by_text["About 130 people"]).predicate == CAPTURE_CLASS
    assert _compatible(grouper, "140 hostages", "126 people")
    assert _compatible(grouper, "About 130 people", "126 people")
    assert not _compatible(grouper, "About 130 people", "236 people")
    # hostages freed are not hostages taken; the killed are not the wounded
    assert grouper.features(by_text["Twenty-one hostages"]).predicate == "release"
    assert not _compatible(grouper, "Twenty-one hostages", "126 people")
    assert not _compatible(grouper, "236 people", "57 people")
    assert grouper.group_of[by_text["236 people"].id] != grouper.group_of[by_text["57 people"].id]


def test_without_the_captive_readings_the_three_names_stay_apart() -> None:
    plain = _grouped(RAID, captive_words=False, bare_people=False)
    by_text = _by_text(plain)
    assert by_text["140 hostages"].head == "hostage"
    assert plain.features(by_text["126 people"]).predicate == "leave"  # "abducted" read as a departure
    assert not _compatible(plain, "140 hostages", "126 people")
    # "taken hostage" names no predicate: the hostages may join the wounded
    assert plain.features(by_text["About 130 people"]).predicate is None
    assert _compatible(plain, "About 130 people", "236 people")


def test_a_count_of_people_without_a_predicate_stays_out_of_a_group_that_has_one() -> None:
    on = _grouped(RAID[:6], captive_words=True, bare_people=True)  # (before the recap of h7 joins)
    assert on.features(_by_text(on)["About 400 people"]).predicate is None
    assert not _compatible(on, "About 400 people", "57 people")  # a crowd is no count of the dead
    assert not _compatible(on, "About 400 people", "236 people")
    # the same value is the evidence that lets a recap join
    full = _grouped(RAID, captive_words=True, bare_people=True)
    recap = next(m for m in full.mentions.values() if m.text == "57 people" and m.article_id == "h7")
    killed = next(m for m in full.mentions.values() if m.text == "57 people" and m.article_id == "h5")
    crowd = _by_text(full)["About 400 people"]
    assert full.features(recap).predicate is None
    assert full.group_of[recap.id] == full.group_of[killed.id]
    assert full.group_of[crowd.id] != full.group_of[killed.id]
    # the option off: the crowd may join the dead, as before
    off = _grouped(RAID[:6], captive_words=True, bare_people=False)
    assert _compatible(off, "About 400 people", "57 people")


def test_the_options_are_on_by_default_since_stop_30_and_the_pair_model_is_fitted_without_them() -> None:
    # round 2 stop 30: captive_words and bare_people passed their keep rule (figure-groups-s28.md) together
    assert GroupingConfig().captive_words and GroupingConfig().bare_people
    assert grouping_config().captive_words and grouping_config().bare_people
    assert grouping_config() == grouping_config(DEFAULT_GROUPING)
    people = grouping_config("general-f1+values-agree-f05+people")
    captives = grouping_config("general-f1+values-agree-f05+captives")
    without = grouping_config("general-f1+values-agree-f05-people")
    assert {"general-f1+values-agree-f05+people", "general-f1+values-agree-f05-people"} <= set(GROUPING_NAMES)
    assert people == grouping_config()
    assert captives.captive_words and not captives.bare_people
    assert not without.captive_words and not without.bare_people
    assert replace(without, captive_words=True, bare_people=True) == grouping_config()
    assert evaluation.pair_fit_config(people) == evaluation.pair_fit_config(grouping_config())


def test_pair_examples_do_not_change_with_the_options() -> None:
    arts, golds = [], []
    spans = {"h1": ("126 people", "taken"), "h2": ("140 hostages", "taken"), "h3": ("About 130 people", "taken"),
             "h4": ("Twenty-one hostages", "freed"), "h5": ("57 people", "killed"), "h6": ("About 400 people", "crowd"),
             "h7": ("57 people", "killed")}
    for aid, day, src, text in RAID:
        art = Article(text=text, id=aid, date=_dt.date(2025, 3, day), source=src, language="en")
        segment(art)
        arts.append(art)
        figure, group = spans[aid]
        at = art.text.index(figure)
        golds.append(evaluation.GoldMention(f"{aid}-1", aid, at, at + len(figure), figure, group))
    data = evaluation.Dataset(arts, golds, set(), set())
    findings = evaluation.analyse(arts)
    base = grouping_config("rules")
    off = evaluation.pair_examples(data, findings, {}, None, base)
    on = evaluation.pair_examples(data, findings, {}, None, replace(base, captive_words=True, bare_people=True))
    assert off[0].shape == on[0].shape and (off[0] == on[0]).all() and (off[1] == on[1]).all()


def test_the_fit_commands_follow_the_default_unless_told_otherwise() -> None:
    import argparse
    ap = argparse.ArgumentParser()
    evaluation.add_arguments(ap)
    plain = ap.parse_args([])
    assert plain.captive_words is None and plain.bare_people is None  # the rules' base: the default's setting
    assert grouping_config("rules").captive_words and grouping_config("rules").bare_people
    off = ap.parse_args(["--no-captive-words", "--no-bare-people"])
    assert off.captive_words is False and off.bare_people is False
    on = ap.parse_args(["--captive-words", "--bare-people"])
    assert on.captive_words is True and on.bare_people is True
