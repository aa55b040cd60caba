"""Round 2 stop 32: what the retired test_v20 story showed -- a side disputing a count names the general noun of
what the series counts by its kind ("fewer than 100 weapons" missing against "About 1,400 rifles", "no more than
six vehicles" against "about 35 tanks", "no more than 40 deserters" against "Some 170 soldiers"), and the
counted-noun constraint refuses the pair, so the conflicts pass never scores it. ``GroupingConfig.kind_near`` (an
option, off by default) lets it score such a pair when one noun is a kind of the other; groups are formed as
without it. Texts are our own; each reading has a near miss."""

from __future__ import annotations

from dataclasses import replace

import pytest

from presslens.compare.figure_groups import (
    GROUPING_NAMES,
    KIND_NEAR_OPTION,
    PERSON_NEAR_OPTION,
    FigureGrouper,
    GroupingConfig,
    grouping_config,
)
from presslens.compare.figures import KIND_OF, heads_compatible, kinds_related
from presslens.evaluation import figure_groups as evaluation
from tests.figure_fixtures import grouped_story


@pytest.mark.parametrize(("a", "b", "related"), [
    ("rifle", "weapon", True),
    ("weapon", "pistol", True),
    ("tank", "vehicle", True),
    ("deserter", "soldier", True),
    ("veteran", "fighter", True),
    ("rifle", "pistol", False),  # two kinds of one noun are counted apart
    ("tank", "bus", False),
    ("rifle", "vehicle", False),  # a kind of another noun
    ("deserter", "people", False),  # only the noun the kind belongs to
    ("weapon", "weapon", False),  # the same noun is the strict constraint's, not this relation's
    ("rifle", None, False),
])
def test_kinds_related(a: str, b: str | None, related: bool) -> None:
    assert kinds_related(a, b) is related and kinds_related(b, a) is related
    if b is not None and a != b:
        assert not heads_compatible(a, b)  # the strict constraint refuses every pair of this table


def test_every_kind_names_a_general_noun_that_is_no_kind_itself() -> None:
    assert KIND_OF and not set(KIND_OF.values()) & set(KIND_OF)


RIFLES = [
    ("r1", 2, "Wire", "About 1,400 rifles are missing from the armoury of the fort, an audit found."),
    ("r2", 4, "Radio", "The ministry said fewer than 100 weapons were missing from the armoury of the fort."),
]
PISTOLS = [
    RIFLES[0],
    ("r2", 4, "Radio", "The ministry said fewer than 100 pistols were missing from the armoury of the fort."),
]
DESTROYED = [
    RIFLES[0],
    ("r2", 4, "Radio", "The ministry said fewer than 100 weapons had been destroyed at the gate of the fort."),
]
DESERTERS = [
    ("d1", 2, "Wire", "Some 170 soldiers crossed the border at the pass on Sunday, the border police said."),
    ("d2", 5, "Radio", "The ministry said no more than 40 deserters had crossed the border at the pass."),
]


def _pairs(grouper: FigureGrouper) -> set[tuple[str, str]]:
    return {(a.text, b.text) for a, b in grouper.near_pairs()}


@pytest.mark.parametrize(("story", "first", "second", "heads"), [
    (RIFLES, "About 1,400 rifles", "fewer than 100 weapons", ("rifle", "weapon")),
    (DESERTERS, "Some 170 soldiers", "no more than 40 deserters", ("soldier", "deserter")),
], ids=["rifles-weapons", "soldiers-deserters"])
def test_a_noun_and_a_kind_of_it_are_a_near_pair_only_with_the_option(
        story: list[tuple[str, int, str, str]], first: str, second: str, heads: tuple[str, str]) -> None:
    off, on = grouped_story(story), grouped_story(story, kind_near=True)
    by_text = {m.text: m for m in on.mentions.values()}
    a, b = by_text[first], by_text[second]
    assert (a.head, b.head) == heads
    # the groups are the same either way: the constraint still keeps the two apart when groups are formed
    assert off.group_of == on.group_of and on.group_of[a.id] != on.group_of[b.id]
    assert (first, second) not in _pairs(off)
    assert (first, second) in _pairs(on)
    # person_near alone does not take these pairs: deserters and weapons are not its nouns for people
    assert (first, second) not in _pairs(grouped_story(story, person_near=True))


@pytest.mark.parametrize("story", [PISTOLS, DESTROYED], ids=["two-kinds-of-one-noun", "another-predicate"])
def test_near_misses_stay_refused(story: list[tuple[str, int, str, str]]) -> None:
    on = grouped_story(story, kind_near=True)
    assert not any(a.article_id != b.article_id for a, b in on.near_pairs())


def test_with_both_options_each_relaxation_holds() -> None:
    both = grouped_story(RIFLES, kind_near=True, person_near=True)
    assert ("About 1,400 rifles", "fewer than 100 weapons") in _pairs(both)


def test_the_option_is_off_by_default_and_named() -> None:
    assert not GroupingConfig().kind_near and not grouping_config().kind_near
    assert KIND_NEAR_OPTION in GROUPING_NAMES and grouping_config(KIND_NEAR_OPTION).kind_near
    assert replace(grouping_config(KIND_NEAR_OPTION), kind_near=False) == grouping_config()
    assert not grouping_config(PERSON_NEAR_OPTION).kind_near
    assert KIND_NEAR_OPTION in evaluation.CANDIDATE_METHODS and KIND_NEAR_OPTION in evaluation.AGREEING_INSIDE
    # in a held-out run the option's row uses the default's fits (the same conflict variant)
    assert evaluation.CANDIDATE_CONFLICT_READINGS[KIND_NEAR_OPTION] == \
        evaluation.CANDIDATE_CONFLICT_READINGS["general-f1+values-agree-f05"]
