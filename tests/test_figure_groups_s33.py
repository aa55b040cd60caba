"""Round 2 stop 33: what the retired test_v21 story showed -- the sides of a disputed count of a museum's losses
name the things with different general nouns ("fewer than 1,500 items had been moved" against "more than 2,000
objects" taken, "About 3,000 pieces" against "11,300 objects"), and the counted-noun constraint refuses the pair, so
the conflicts pass never scores it. ``GroupingConfig.thing_near`` (an option, off by default) lets it score such a
pair when both nouns name a thing of a collection in general; groups are formed as without it. Texts are our own;
each reading has a near miss."""

from __future__ import annotations

from dataclasses import replace

import pytest

from presslens.compare.figure_groups import (
    GROUPING_NAMES,
    KIND_NEAR_OPTION,
    THING_NEAR_OPTION,
    FigureGrouper,
    GroupingConfig,
    grouping_config,
)
from presslens.compare.figures import THING_HEADS, heads_compatible, things_related
from presslens.evaluation import figure_groups as evaluation
from tests.figure_fixtures import grouped_story


@pytest.mark.parametrize(("a", "b", "related"), [
    ("object", "item", True),
    ("piece", "object", True),
    ("item", "artefact", True),
    ("exhibit", "piece", True),
    ("object", "painting", False),  # a kind of object is not a general noun for one
    ("item", "vehicle", False),
    ("piece", "weapon", False),
    ("object", "object", False),  # the same noun is the strict constraint's, not this relation's
    ("object", None, False),
])
def test_things_related(a: str, b: str | None, related: bool) -> None:
    assert things_related(a, b) is related and things_related(b, a) is related
    if related:
        assert b is not None and not heads_compatible(a, b)  # the strict constraint refuses every related pair


def test_the_thing_nouns_are_lemmas() -> None:
    assert all(h == h.lower() and not h.endswith("s") for h in THING_HEADS)


TAKEN = [
    ("t1", 2, "Wire", "More than 2,000 objects have been taken from the city museum by the soldiers, its staff said."),
    ("t2", 5, "Radio", "The administration said fewer than 1,500 items had been taken from the city museum."),
]
VEHICLES = [
    TAKEN[0],
    ("t2", 5, "Radio", "The administration said fewer than 1,500 vehicles had been taken from the city museum."),
]
EVACUATED = [
    ("t1", 2, "Wire", "More than 2,000 objects were evacuated from the city museum before the city fell, its staff said."),
    ("t2", 5, "Radio", "The administration said fewer than 1,500 objects had burned in the fire at the city museum."),
]
BURNED = [
    EVACUATED[0],
    ("t2", 5, "Radio", "The administration said fewer than 1,500 items had burned in the fire at the city museum."),
]


def _pairs(grouper: FigureGrouper) -> set[tuple[str, str]]:
    return {(a.text, b.text) for a, b in grouper.near_pairs()}


def test_two_nouns_for_a_thing_are_a_near_pair_only_with_the_option() -> None:
    off, on = grouped_story(TAKEN), grouped_story(TAKEN, thing_near=True)
    by_text = {m.text: m for m in on.mentions.values()}
    a, b = by_text["More than 2,000 objects"], by_text["fewer than 1,500 items"]
    assert (a.head, b.head) == ("object", "item")
    # the groups are the same either way: the constraint still keeps the two apart when groups are formed
    assert off.group_of == on.group_of and on.group_of[a.id] != on.group_of[b.id]
    assert (a.text, b.text) not in _pairs(off)
    assert (a.text, b.text) in _pairs(on)
    # kind_near and person_near do not take these pairs
    assert (a.text, b.text) not in _pairs(grouped_story(TAKEN, kind_near=True, person_near=True))


@pytest.mark.parametrize("story", [VEHICLES, BURNED], ids=["another-noun", "another-predicate"])
def test_near_misses_stay_refused(story: list[tuple[str, int, str, str]]) -> None:
    on = grouped_story(story, thing_near=True)
    assert not any(a.article_id != b.article_id for a, b in on.near_pairs())


def test_another_predicate_is_refused_with_the_same_noun_too() -> None:
    # the near miss of BURNED: with one noun on both sides the predicate alone keeps the pair out
    assert not any(a.article_id != b.article_id for a, b in grouped_story(EVACUATED).near_pairs())


def test_with_the_other_relaxations_each_holds() -> None:
    every = grouped_story(TAKEN, thing_near=True, kind_near=True, person_near=True)
    assert ("More than 2,000 objects", "fewer than 1,500 items") in _pairs(every)


def test_the_option_is_off_by_default_and_named() -> None:
    assert not GroupingConfig().thing_near and not grouping_config().thing_near
    assert THING_NEAR_OPTION in GROUPING_NAMES and grouping_config(THING_NEAR_OPTION).thing_near
    assert replace(grouping_config(THING_NEAR_OPTION), thing_near=False) == grouping_config()
    assert not grouping_config(KIND_NEAR_OPTION).thing_near
    assert THING_NEAR_OPTION in evaluation.CANDIDATE_METHODS and THING_NEAR_OPTION in evaluation.AGREEING_INSIDE
    # in a held-out run the option's row uses the default's fits (the same conflict variant)
    assert evaluation.CANDIDATE_CONFLICT_READINGS[THING_NEAR_OPTION] == \
        evaluation.CANDIDATE_CONFLICT_READINGS["general-f1+values-agree-f05"]
