"""Round 2 stop 26: what the retired test_v13 story showed -- a verb of another figure read across "and" ("three
died and eight were injured"), one week's count joining the running total ("in the past week alone"), one
donor's share joining the total pledged, a sum in an invented currency losing its predicate, money paid beside
money pledged; and the candidates that decide the clashes inside a group at a recall-weighted threshold."""

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
    INSIDE_MODELS,
    FigureGrouper,
    grouping_config,
    hashed_embedder,
    mention_features,
)
from presslens.compare.figure_words import clause_predicate, clause_scope, clause_share
from presslens.compare.figures import NUMBER_MASK, mentions_from_findings
from presslens.evaluation.figure_groups import CANDIDATE_METHODS, INSIDE_VARIANTS
from presslens.segment import segment

N = NUMBER_MASK


def _mentions(text: str, aid: str = "a1", day: int = 16) -> list:  # type: ignore[type-arg]
    art = Article(text=text, id=aid, date=_dt.date(2029, 4, day), source=aid, language="en")
    segment(art)
    return mentions_from_findings(art, FiguresAnalyzer().analyze(Features(art)).findings)


@pytest.mark.parametrize(("clause", "predicate"), [
    # the verb after the number is the figure's own when the one before it belongs to another figure
    (f"in the past week alone three died and {N} were injured", "wound"),
    (f"in the past week alone {N} died and eight were injured", "kill"),
    # no conjunction between: the nearer verb, as before (ties: the earlier one)
    (f"police killed and wounded {N}", "wound"),
    (f"they arrested 40 and released {N}", "release"),
    (f"the army killed {N} fighters", "kill"),
])
def test_a_verb_across_and_belongs_to_the_figure_before_it(clause: str, predicate: str) -> None:
    assert clause_predicate(clause) == predicate


def test_the_injured_of_a_sentence_about_the_dead_are_not_read_as_dead() -> None:
    text = ("More than 30 civilians have been killed by mines since the truce; in the past week alone three died "
            "and eight were injured.")
    by_text = {m.text: m for m in _mentions(text)}
    assert mention_features(by_text["eight"]).predicate == "wound"
    assert mention_features(by_text["three"]).predicate == "kill"
    # one week's count is an increment: never the running total "since the truce"
    assert mention_features(by_text["three"]).scope == "incident"
    assert mention_features(by_text["More than 30 civilians"]).scope == "cumulative"


@pytest.mark.parametrize(("clause", "scope"), [
    (f"in the past week alone {N} died", "incident"),
    (f"on Wednesday alone {N} ships left", "incident"),
    (f"{N} people have died since the ceasefire", "cumulative"),
    (f"{N} people were left alone in the village", None),  # "alone" after no period
])
def test_one_period_alone_is_an_increment(clause: str, scope: str | None) -> None:
    assert clause_scope(clause) == scope


@pytest.mark.parametrize(("clause", "share"), [
    (f"The Northern Compact gave the largest share, {N} crowns", True),
    (f"With our share of the Valmora pledges, {N} crowns over two years, we will add four teams", True),
    (f"Donors have pledged {N} crowns since the truce", False),
    (f"{N} crowns, a share of which went to the army", False),  # after the number: not this figure's name
])
def test_a_share_named_before_the_figure(clause: str, share: bool) -> None:
    assert clause_share(clause) is share


def test_a_donors_share_is_a_part_and_never_joins_the_total() -> None:
    by_text = {m.text: m for m in _mentions(
        "Donors in Valmora raised the total pledged to 126 million crowns. The Northern Compact gave the largest "
        "share, 40 million crowns, and 19 governments made pledges.")}
    assert mention_features(by_text["40 million crowns"]).role == "part"
    assert mention_features(by_text["126 million crowns"]).role == "total"


@pytest.mark.parametrize(("clause", "predicate"), [
    (f"more than {N} ships were trapped at anchor", "wait"),
    (f"{N} ships were waiting at anchor outside the port", "wait"),
    (f"about {N} ships at anchor in Brevny's roads", "wait"),
    (f"{N} ships were still in the port", "remain"),  # no anchor: a stock kept, as before
])
def test_ships_at_anchor_are_a_queue_whatever_the_verb(clause: str, predicate: str) -> None:
    assert clause_predicate(clause) == predicate


def test_money_paid_is_not_money_pledged_and_an_unknown_currency_keeps_its_predicate() -> None:
    assert clause_predicate(f"{N} has been paid so far") == "pay"
    assert clause_predicate(f"donors have pledged {N} for clearance") == "pledge"
    by_text = {m.text: m for m in _mentions(
        "Donors have pledged 126 million selts since the truce. Some 300 people spent the night in the school.")}
    # "selts" is no currency the analyzer knows: a count, but of millions, so a sum that keeps its predicate
    assert by_text["126 million selts"].measure == "count"
    assert mention_features(by_text["126 million selts"]).predicate == "pledge"
    assert mention_features(by_text["Some 300 people"]).predicate is None  # no money spent


def test_the_stop_26_candidates_decide_inside_groups_with_their_own_model() -> None:
    default = grouping_config()
    assert default.inside_conflict_model is None
    for name, model_name in INSIDE_MODELS.items():
        assert name in GROUPING_NAMES and name in CANDIDATE_METHODS and name in INSIDE_VARIANTS
        assert model_name in TALLIES_CONFLICT_MODEL_PATHS
        config = grouping_config(name)
        assert config.conflict_model == default.conflict_model and config.pair_model == default.pair_model
        assert config.inside_conflict_model is not None and config.conflicts_inside == "model"
        # the same weights (fitted on the same clashing pairs), a threshold chosen for more recall
        assert config.inside_conflict_model.features == default.conflict_model.features  # type: ignore[union-attr]
        assert config.inside_conflict_model.threshold <= default.conflict_model.threshold  # type: ignore[union-attr]


def test_the_inside_model_decides_inside_a_group_and_the_other_between_groups() -> None:
    config = grouping_config("general-f1+values-inside-f2")
    assert config.conflict_model is not None
    never = replace(config.conflict_model, threshold=1.01)  # no pair reaches it
    always = replace(config.conflict_model, threshold=0.0)  # every clashing pair reaches it
    texts = (("c1", "Nine merchant ships have been struck by missiles in the corridor, the monitor said.", 7),
             ("c2", "Only four merchant ships have been struck by missiles in the corridor, the minister said.", 10))
    reported = {}
    for label, inside in (("none", None), ("never", never), ("always", always)):
        grouper = FigureGrouper(hashed_embedder(), replace(grouping_config("rules"), conflict_model=never,
                                                           inside_conflict_model=inside, conflicts_inside="model"))
        for aid, text, day in texts:
            art = Article(text=text, id=aid, date=_dt.date(2029, 2, day), source=aid, language="en")
            segment(art)
            grouper.add_article(art, FiguresAnalyzer().analyze(Features(art)).findings)
        assert len(set(grouper.group_of.values())) == 1  # one group: the clash is inside it
        reported[label] = len(grouper.conflicts())
    # without an inside model the conflict model (which rejects every pair) decides; with one, that one does
    assert reported == {"none": 0, "never": 0, "always": 1}
