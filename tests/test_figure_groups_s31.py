"""Round 2 stop 31: what the retired test_v19 story showed -- a side disputing a count says "only 90 of his people
had been freed" or "more than 14,000 of his fighters had reported", and the possessive after "N of" made the figure
a part of a set already named, so the role constraint refused every pair with the series it disputes.
``GroupingConfig.own_set`` (an option, off by default) reads such a count as a count of that noun when the set has
no size of its own. Texts are our own; each reading has a near miss."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from presslens.compare.figure_groups import (
    GROUPING_NAMES,
    OWN_SET_OPTION,
    FigureGrouper,
    GroupingConfig,
    grouping_config,
)
from presslens.compare.figure_words import NUMBER_MASK, clause_own_set, clause_part_of_set, clause_role
from presslens.evaluation import figure_groups as evaluation
from tests.figure_fixtures import grouped_story

N = NUMBER_MASK


@pytest.mark.parametrize(("clause", "own", "part_off", "part_on"), [
    (f"the rebel leader said only {N} of his people had been let go", True, True, False),
    (f"{N} of their fighters had handed in their rifles", True, True, False),
    (f"the union says {N} of its members are held", True, True, False),
    (f"{N} of our volunteers were hurt at the gate", True, True, False),
    # near misses: the set has a size of its own, or it is named by "the" or a name, or "of its own"
    (f"work stopped at {N} of its 11 plants", False, True, True),
    (f"only {N} of its four shelters were usable", False, True, True),
    (f"{N} of the drones were shot down", False, True, True),
    (f"{N} of the city's buses were burned", False, True, True),
    (f"the state will add {N} of its own", False, True, True),
    (f"{N} people were freed", False, False, False),
])
def test_own_set_reading(clause: str, own: bool, part_off: bool, part_on: bool) -> None:
    assert clause_own_set(clause) is own
    assert clause_part_of_set(clause) is part_off
    assert clause_part_of_set(clause, own_set=True) is part_on
    role_on = clause_role(clause, count=True, own_set=True)
    assert role_on == ("part" if part_on else "total")
    # without the option the role is what it was
    assert clause_role(clause, count=True) == ("part" if part_off else "total")


STORY = [
    ("p1", 1, "Wire", "The ministry said more than 400 prisoners from the rebel army had been freed under the amnesty."),
    ("p2", 3, "Post", "The rebel commander said only 90 of his prisoners had been freed under the amnesty."),
]
NUMBERED = [
    STORY[0],
    ("p2", 3, "Post", "The rebel commander said only 90 of his 500 prisoners had been freed under the amnesty."),
]


def _grouped(story: list[tuple[str, int, str, str]], **overrides: Any) -> FigureGrouper:
    return grouped_story(story, **overrides)


def _by_value(grouper: FigureGrouper) -> dict[str, Any]:
    return {m.text: m for m in grouper.mentions.values()}


def test_the_disputing_count_is_a_total_and_joins_the_series_only_with_the_option() -> None:
    off, on = _grouped(STORY), _grouped(STORY, own_set=True)
    series, disputed = (next(m for t, m in _by_value(on).items() if t.startswith(v)) for v in ("more than 400", "90"))
    assert on.features(disputed).role == "total" and on.features(series).role == "total"
    off_disputed = next(m for t, m in _by_value(off).items() if t.startswith("90"))
    assert off.features(off_disputed).role == "part"
    # without the option the role constraint keeps the two apart; with it they are one group, and clash
    off_series = next(m for t, m in _by_value(off).items() if t.startswith("more than 400"))
    assert off.group_of[off_series.id] != off.group_of[off_disputed.id]
    assert on.group_of[series.id] == on.group_of[disputed.id]
    flagged = {frozenset((c.first.id, c.second.id)) for c in on.conflicts()}
    assert frozenset((series.id, disputed.id)) in flagged


def test_a_numbered_set_stays_a_part_with_the_option() -> None:
    on = _grouped(NUMBERED, own_set=True)
    disputed = next(m for t, m in _by_value(on).items() if t.startswith("90"))
    series = next(m for t, m in _by_value(on).items() if t.startswith("more than 400"))
    assert on.features(disputed).role == "part"
    assert on.group_of[series.id] != on.group_of[disputed.id]


def test_the_option_is_off_by_default_and_named() -> None:
    assert not GroupingConfig().own_set and not grouping_config().own_set
    assert OWN_SET_OPTION in GROUPING_NAMES and grouping_config(OWN_SET_OPTION).own_set
    assert replace(grouping_config(OWN_SET_OPTION), own_set=False) == grouping_config()
    assert OWN_SET_OPTION in evaluation.CANDIDATE_METHODS and OWN_SET_OPTION in evaluation.AGREEING_INSIDE
    # in a held-out run the option's row uses the default's fits (the same conflict variant), and the pair model
    # is fitted without it
    assert evaluation.CANDIDATE_CONFLICT_READINGS[OWN_SET_OPTION] == \
        evaluation.CANDIDATE_CONFLICT_READINGS["general-f1+values-agree-f05"]
    assert not evaluation.pair_fit_config(grouping_config(OWN_SET_OPTION)).own_set
