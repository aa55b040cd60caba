"""Round 2 stop 30: what the retired test_v18 story showed -- one set of people counted under two nouns ("at least
60 people" detained, "14 suspects" detained) is refused by the counted-noun constraint, so the conflicts pass never
scores the pair. ``GroupingConfig.person_near`` (an option, off by default) lets it score such a pair when both
nouns name people; groups are formed as without it. Texts are our own; each reading has a near miss."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from presslens.compare.figure_groups import (
    GROUPING_NAMES,
    PERSON_NEAR_OPTION,
    FigureGrouper,
    GroupingConfig,
    grouping_config,
)
from presslens.compare.figures import heads_compatible, person_heads
from presslens.evaluation import figure_groups as evaluation
from tests.figure_fixtures import grouped_story


@pytest.mark.parametrize(("a", "b", "persons", "strict"), [
    ("suspect", "people", True, False),
    ("people", "saboteur", True, False),
    ("employee", "staff", True, False),
    ("colleague", "employee", True, False),
    ("worker", "people", True, True),  # already one thing for the constraint
    ("women", "people", False, False),  # a part of the population, never the whole
    ("children", "suspect", False, False),
    ("civilian", "soldier", False, False),  # civilians never with combatants
    ("vehicle", "people", False, False),  # not a noun for people
    ("case", "employee", False, False),  # "cases" counts people only as patients: left out
    ("medic", "people", False, False),  # the counted-noun classes keep medics out of "people"
])
def test_person_heads(a: str, b: str, persons: bool, strict: bool) -> None:
    assert person_heads(a, b) is persons and person_heads(b, a) is persons
    assert heads_compatible(a, b) is strict


STORY = [
    ("d1", 1, "Wire", "Police in the province have detained at least 60 people since the bombing, a rights group said."),
    ("d2", 3, "Radio", "The governor said only 14 suspects had been detained, all of them on evidence."),
]
RELEASED = [
    STORY[0],
    ("d2", 3, "Radio", "The governor said only 14 suspects had been released on bail this week."),
]
WOMEN = [
    STORY[0],
    ("d2", 3, "Radio", "The governor said only 14 women had been detained, all of them on evidence."),
]


def _grouped(story: list[tuple[str, int, str, str]], **overrides: Any) -> FigureGrouper:
    return grouped_story(story, **overrides)


def _pairs(grouper: FigureGrouper) -> set[tuple[str, str]]:
    return {(a.text, b.text) for a, b in grouper.near_pairs()}


def test_the_suspects_and_the_people_detained_are_a_near_pair_only_with_the_option() -> None:
    off, on = _grouped(STORY), _grouped(STORY, person_near=True)
    by_text = {m.text: m for m in on.mentions.values()}
    people, suspects = by_text["at least 60 people"], by_text["14 suspects"]
    assert (people.head, suspects.head) == ("people", "suspect")
    assert on.features(people).predicate == on.features(suspects).predicate == "detain"
    # the groups are the same either way: the constraint still keeps the two apart when groups are formed
    assert off.group_of == on.group_of and on.group_of[people.id] != on.group_of[suspects.id]
    assert ("at least 60 people", "14 suspects") not in _pairs(off)
    assert ("at least 60 people", "14 suspects") in _pairs(on)


@pytest.mark.parametrize("story", [RELEASED, WOMEN], ids=["another-predicate", "a-part-of-the-population"])
def test_near_misses_stay_refused(story: list[tuple[str, int, str, str]]) -> None:
    on = _grouped(story, person_near=True)
    assert not any(a.article_id != b.article_id for a, b in on.near_pairs())


def test_the_option_is_off_by_default_and_named() -> None:
    assert not GroupingConfig().person_near and not grouping_config().person_near
    assert PERSON_NEAR_OPTION in GROUPING_NAMES and grouping_config(PERSON_NEAR_OPTION).person_near
    assert replace(grouping_config(PERSON_NEAR_OPTION), person_near=False) == grouping_config()
    assert PERSON_NEAR_OPTION in evaluation.CANDIDATE_METHODS and PERSON_NEAR_OPTION in evaluation.AGREEING_INSIDE
    # in a held-out run the option's row uses the default's fits (the same conflict variant)
    assert evaluation.CANDIDATE_CONFLICT_READINGS[PERSON_NEAR_OPTION] == \
        evaluation.CANDIDATE_CONFLICT_READINGS["general-f1+values-agree-f05"]
