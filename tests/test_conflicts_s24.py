"""Round 2 stop 24: what the retired test_v11 story showed -- people brought home, placed with families and
deported are three outcomes, never one group; and the candidate whose conflict model also decides inside groups."""

from __future__ import annotations

import datetime as _dt

import pytest

from presslens.analyzers.base import Features
from presslens.analyzers.figures import FiguresAnalyzer
from presslens.article import Article
from presslens.compare.figure_conflict_model import TALLIES_CONFLICT_MODEL_PATHS
from presslens.compare.figure_groups import GROUPING_NAMES, FigureGrouper, grouping_config, hashed_embedder
from presslens.compare.figure_words import clause_predicate
from presslens.compare.figures import NUMBER_MASK
from presslens.segment import segment

N = NUMBER_MASK


@pytest.mark.parametrize(("clause", "predicate"), [
    (f"Dravia has brought home {N} children taken to Kossaria", "return"),
    (f"{N} have been brought home so far", "return"),
    (f"that Kossaria had already handed {N} children back to their families", "return"),
    (f"The number of children brought back to Dravia has reached {N}", "return"),
    (f"{N} children have been flown home from the camps", "return"),
    (f"Kossarian authorities have deported {N} children from the occupied districts", "leave"),
    (f"Her register now lists {N} deported children", "leave"),
    (f"{N} children had been placed with foster families", "place"),
    (f"{N} children were adopted by families across the border", "place"),
])
def test_what_happened_to_the_counted_people_is_read_from_more_verbs(clause: str, predicate: str) -> None:
    assert clause_predicate(clause) == predicate


@pytest.mark.parametrize(("clause", "predicate"), [
    # a handover, not a homecoming: "returned N prisoners" keeps its reading (the prisoners are held)
    (f"the other side returned {N} prisoners", "detain"),
    # one bus bringing people back is a batch, not the count of those returned
    (f"a bus bringing back {N} people", None),
    # "the deported children" says whom a count is about, not what happened to the counted things
    (f"prosecutors had opened only {N} cases over the deported children", "infect"),
    (f"sanctions on {N} officials it holds responsible for deporting children", None),
    # placed, but not with a family or in care
    (f"police placed {N} barriers along the road", None),
    # "taken" without "back" or "home" after it stays a taking
    (f"{N} children were taken across the border", None),
])
def test_the_new_verbs_leave_other_readings_alone(clause: str, predicate: str | None) -> None:
    assert clause_predicate(clause) == predicate


def _add(grouper: FigureGrouper, aid: str, text: str, day: int) -> None:
    art = Article(text=text, id=aid, date=_dt.date(2028, 11, day), source=aid, language="en")
    segment(art)
    grouper.add_article(art, FiguresAnalyzer().analyze(Features(art)).findings)


def test_children_brought_home_deported_and_placed_with_families_are_three_groups_and_never_conflict() -> None:
    grouper = FigureGrouper(hashed_embedder(), grouping_config("rules"))
    _add(grouper, "a1", "Kossaria has deported 19,480 children from the occupied districts, the ombudsman said.", 6)
    _add(grouper, "a2", "Dravia has brought home 452 children from Kossaria, the ombudsman said.", 7)
    _add(grouper, "a3", "About 500 children have been placed with Kossarian foster families, the ombudsman said.", 8)
    _add(grouper, "a4", "Kossaria has deported some 20,000 children from the occupied districts, monitors said.", 9)
    by_text = {m.text: grouper.group_of[mid] for mid, m in grouper.mentions.items()}
    deported = {by_text["19,480 children"], by_text["some 20,000 children"]}
    assert len(deported) == 1  # the same thing with close values still joins
    assert by_text["452 children"] not in deported and by_text["About 500 children"] not in deported
    assert by_text["452 children"] != by_text["About 500 children"]
    assert grouper.conflicts() == []  # 452 brought home is no dispute of 19,480 deported


@pytest.mark.parametrize("name", ["general-f1+values-model", "general-f1+values-model-f05"])
def test_the_stop_24_candidates_read_values_and_let_their_model_decide_inside_groups(name: str) -> None:
    assert name in GROUPING_NAMES
    assert TALLIES_CONFLICT_MODEL_PATHS[name].is_file()
    config = grouping_config(name)
    assert config.conflict_reading == "values" and config.conflicts_inside == "model"
    assert config.conflict_model is not None and config.method == "learned-general"
    # the word-list features: the model is the candidates' kind, not stop 23's default's 14 list-free features
    stop23 = grouping_config("general-f1+conflicts")
    assert stop23.conflict_model is not None
    assert len(config.conflict_model.features) > len(stop23.conflict_model.features)
    # stop 23's default keeps the rule inside groups
    assert stop23.conflicts_inside == "rule"


def test_a_candidate_whose_model_decides_inside_drops_a_clash_the_model_rejects() -> None:
    from dataclasses import replace

    config = grouping_config("general-f1+values-model")
    assert config.conflict_model is not None
    never = replace(config.conflict_model, threshold=1.01)  # no pair reaches it
    always = replace(config.conflict_model, threshold=0.0)
    texts = (("c1", "About 300 children have been brought home from Kossaria, the ombudsman said.", 6),
             ("c2", "A total of 452 children have been brought home from Kossaria, the ombudsman said.", 7))
    reported = {}
    for label, model in (("never", never), ("always", always)):
        grouper = FigureGrouper(hashed_embedder(), replace(grouping_config("rules"), conflict_model=model,
                                                           conflicts_inside="model"))
        for aid, text, day in texts:
            _add(grouper, aid, text, day)
        assert len(set(grouper.group_of.values())) == 1  # one group: the clash is inside it
        reported[label] = len(grouper.conflicts())
    assert reported == {"never": 0, "always": 1}


def test_false_conflict_sides_add_up_to_the_false_conflicts_of_the_score() -> None:
    from pathlib import Path

    from presslens.evaluation import figure_groups as evaluation

    data = evaluation.load_dataset(Path(__file__).resolve().parents[1] / "data/figures", "test_v5")
    findings = evaluation.analyse(data.articles)
    duplicates = evaluation.find_duplicates(data.articles)
    grouper = evaluation.group_articles(data.articles, findings, duplicates, hashed_embedder(),
                                        grouping_config("rules"))
    scores = evaluation.score(data, grouper, duplicates)
    sides = evaluation.false_conflict_sides(data, grouper)
    assert scores.conflict_fp > 0
    assert sides["inside"] + sides["between"] == scores.conflict_fp
    assert sides["between"] == 0  # the rules have no conflict model: every conflict is inside a group
    assert 0 < sides["inside_distractor"] <= sides["inside"]
