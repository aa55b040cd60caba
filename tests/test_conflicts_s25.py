"""Round 2 stop 25: what the retired test_v12 story showed -- a count named by "the number of ..." away from its
figure ("bringing the number of port workers killed ... to 14"), a part of a set given as "four of which", and
the candidate that reports a clash inside a group whenever both figures name the same counted noun and outcome."""

from __future__ import annotations

import datetime as _dt
from dataclasses import replace

import pytest

from presslens.analyzers.base import Features
from presslens.analyzers.figures import FiguresAnalyzer
from presslens.article import Article
from presslens.compare.figure_conflict_model import TALLIES_CONFLICT_MODEL_PATHS
from presslens.compare.figure_groups import (
    GROUPING_NAMES,
    FigureGrouper,
    grouping_config,
    hashed_embedder,
    mention_features,
    words_agree,
)
from presslens.compare.figure_words import clause_role
from presslens.compare.figures import NUMBER_MASK, counted_noun, counted_phrase, mentions_from_findings
from presslens.segment import segment

N = NUMBER_MASK


def _phrase(sentence: str, figure: str) -> str | None:
    i = sentence.index(figure)
    return counted_phrase(sentence, i, i + len(figure))


@pytest.mark.parametrize(("sentence", "figure", "noun"), [
    ("The strike brings the number of merchant ships struck in the corridor since 3 January to 11, monitors said.",
     "11", "ship"),
    ("Their deaths bring to 11 the number of port workers killed in strikes on the port, the director said.",
     "11", "worker"),
    ("The prison service put the number of escaped inmates at 312 on Tuesday.", "312", "inmate"),
    ("The number of miners killed at the pit has risen to at least 16, rescuers said.", "at least 16", "miner"),
    ("Some reports put the number of Valdoran prisoners of war still in captivity at around 4,000.",
     "around 4,000", "prisoner"),
])
def test_the_number_of_names_the_counted_noun_away_from_the_figure(sentence: str, figure: str, noun: str) -> None:
    phrase = _phrase(sentence, figure)
    assert phrase is not None
    assert counted_noun(phrase) == noun


@pytest.mark.parametrize(("sentence", "figure"), [
    # another figure in between: the deaths are no cases
    ("The ministry now puts the number of suspected cases at 1,742 and deaths at 61, in effect.", "61"),
    # no "number of" at all
    ("Rescuers said 40 people were still missing.", "40"),
    # the phrase does not lead to the figure ("... the number of buses" is what a claim is checked against)
    ("The ministry claimed that 20,000 civilians had been rescued, more than the number of buses that left.",
     "20,000"),
])
def test_no_number_of_phrase_is_read_where_it_does_not_name_the_figure(sentence: str, figure: str) -> None:
    assert _phrase(sentence, figure) is None


def _mentions(text: str, aid: str = "a1", day: int = 16) -> list:  # type: ignore[type-arg]
    art = Article(text=text, id=aid, date=_dt.date(2029, 2, day), source=aid, language="en")
    segment(art)
    return mentions_from_findings(art, FiguresAnalyzer().analyze(Features(art)).findings)


def test_a_count_named_by_the_number_of_gets_its_noun_and_outcome_even_after_a_date() -> None:
    text = ("The attack brings the number of merchant ships struck in the corridor since 3 January to 11, "
            "according to the monitor, and the number of seafarers killed on them to nine.")
    by_text = {m.text: m for m in _mentions(text)}
    eleven, nine = by_text["11"], by_text["nine"]
    assert eleven.head == "ship" and nine.head == "seafarer"
    assert mention_features(eleven).predicate == "burn"  # "struck", twelve words from the number
    assert mention_features(nine).predicate == "kill"


def test_the_ships_struck_and_the_workers_killed_never_share_a_group() -> None:
    grouper = FigureGrouper(hashed_embedder(), grouping_config("rules"))
    for aid, day, text in (
            ("b1", 7, "Nine merchant ships have been struck by missiles in the corridor since it opened, the monitor said."),
            ("b2", 16, "The strike brings the number of merchant ships struck in the corridor since 3 January to 11, "
                       "the monitor said."),
            ("b3", 26, "The drones hit the quay, bringing the number of port workers killed in strikes on the port "
                       "since January to 14, the port authority said.")):
        art = Article(text=text, id=aid, date=_dt.date(2029, 2, day), source=aid, language="en")
        segment(art)
        grouper.add_article(art, FiguresAnalyzer().analyze(Features(art)).findings)
    by_text = {m.text: grouper.group_of[mid] for mid, m in grouper.mentions.items() if mid in grouper.group_of}
    # the counted nouns now known (ship, worker) never join: before, both headless counts of the same scope could
    assert by_text["14"] not in {by_text["11"], by_text["Nine merchant ships"]}
    assert {m.head for m in grouper.group_mentions(by_text["14"])} == {"worker"}


@pytest.mark.parametrize(("clause", "role"), [
    (f"Thirteen ships have been struck since it opened, {N} of which sank", "part"),
    (f"40 were wounded, {N} of whom seriously", "part"),
    (f"{N} of them sank", "total"),  # a pronoun often restates the total: left alone, as before
])
def test_n_of_which_is_a_part_of_the_set_just_named(clause: str, role: str) -> None:
    assert clause_role(clause, count=True) == role


def test_the_stop_25_candidate_is_stop_24s_default_with_agreeing_clashes_inside_groups() -> None:
    name = "general-f1+values-agree-f05"  # the default since stop 26 (docs/decisions/figure-groups-s26.md)
    assert name in GROUPING_NAMES
    config, stop24 = grouping_config(name), grouping_config("general-f1+values-model-f05")
    assert config.conflicts_inside == "agree" and stop24.conflicts_inside == "model"
    assert TALLIES_CONFLICT_MODEL_PATHS[name] == TALLIES_CONFLICT_MODEL_PATHS["general-f1+values-model-f05"]
    assert config.conflict_model == stop24.conflict_model and config.pair_model == stop24.pair_model


def test_agreeing_words_report_a_clash_the_model_rejects_and_others_stay_the_models() -> None:
    config = grouping_config("general-f1+values-agree-f05")
    assert config.conflict_model is not None
    never = replace(config.conflict_model, threshold=1.01)  # no pair reaches it
    cases = {
        # the same counted noun ("ship") and outcome ("struck"): reported whatever the model says
        "agree": (("c1", "Nine merchant ships have been struck by missiles in the corridor, the monitor said.", 7),
                  ("c2", "Only four merchant ships have been struck by missiles in the corridor, the minister said.",
                   10)),
        # no outcome on one side: the model decides (and rejects)
        "unknown": (("d1", "About 140 ships are in the corridor now, the association said.", 14),
                    ("d2", "Fewer than 40 ships are in the corridor now, state television said.", 18)),
    }
    reported = {}
    for label, texts in cases.items():
        for inside in ("model", "agree"):
            grouper = FigureGrouper(hashed_embedder(), replace(grouping_config("rules"), conflict_model=never,
                                                               conflicts_inside=inside))
            for aid, text, day in texts:
                art = Article(text=text, id=aid, date=_dt.date(2029, 2, day), source=aid, language="en")
                segment(art)
                grouper.add_article(art, FiguresAnalyzer().analyze(Features(art)).findings)
            assert len(set(grouper.group_of.values())) == 1  # one group: the clash is inside it
            reported[label, inside] = len(grouper.conflicts())
    assert reported == {("agree", "model"): 0, ("agree", "agree"): 1, ("unknown", "model"): 0,
                        ("unknown", "agree"): 0}


def test_words_agree_needs_a_specific_noun_and_a_known_predicate() -> None:
    ships = _mentions("Nine merchant ships have been struck by missiles in the corridor, the monitor said.")[0]
    more = _mentions("Thirteen merchant ships have been struck by missiles in the corridor, the monitor said.")[0]
    people = _mentions("Nine people have been killed in the city, the mayor said.")[0]
    people2 = _mentions("Thirteen people have been killed in the city, the governor said.")[0]
    assert words_agree(mention_features(ships), mention_features(more), ships, more)
    assert not words_agree(mention_features(people), mention_features(people2), people, people2)  # "people"
    assert not words_agree(mention_features(ships), mention_features(people), ships, people)
