"""The missed-conflict diagnosis of a labelled figures split (issue 15): every missed planted conflict gets exactly
one cause, the counts agree with the scorer, and the fresh test story is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from presslens.compare.figure_groups import grouping_config
from presslens.evaluation import figure_diagnosis as diag
from presslens.evaluation import figure_groups as ev

ROOT = Path(__file__).resolve().parents[1]


def test_every_missed_planted_conflict_has_one_cause_and_the_counts_match_the_scorer() -> None:
    data = ev.load_dataset(ROOT / "data/figures", "test_v3")
    findings = ev.analyse(data.articles)
    duplicates = ev.find_duplicates(data.articles)
    embed = ev.caching(ev.hashed_embedder())
    grouper = ev.group_articles(data.articles, findings, duplicates, embed, grouping_config("general-f1+conflicts"))
    scores = ev.score(data, grouper, duplicates)
    result = diag.diagnose(data, grouper)
    assert len(result.missed) == scores.conflict_fn
    assert all(m.cause in diag.CAUSES for m in result.missed)
    assert sum(result.counts().values()) == scores.conflict_fn
    assert len(result.false) == scores.conflict_fp
    assert len(result.merged) == scores.distractors_merged
    assert all((m.cause == "constraint") == bool(m.reasons) for m in result.missed)
    sides = ev.false_conflict_sides(data, grouper)
    assert sum(f.inside for f in result.false) == sides["inside"]
    text = diag.report(result, data, grouper)
    assert text.startswith(f"missed planted conflicts: {scores.conflict_fn} of {len(data.conflicts)}")


def test_a_group_that_refuses_a_figure_names_the_constraint() -> None:
    data = ev.load_dataset(ROOT / "data/figures", "test_v3")
    findings = ev.analyse(data.articles)
    grouper = ev.group_articles(data.articles, findings, ev.find_duplicates(data.articles), None,
                                grouping_config("rules"))
    named = 0
    for m in list(grouper.mentions.values())[:60]:
        for gid in list(grouper.groups)[:60]:
            if grouper.groups[gid].measure != m.measure or m.measure is None:
                continue
            why = diag.refusals(grouper, m, gid)
            assert (why == []) == grouper._compatibility(m)(grouper.groups[gid])
            named += bool(why)
    assert named > 0


def test_the_fresh_test_story_is_never_diagnosed(capsys: pytest.CaptureFixture[str]) -> None:
    assert diag.main(["--data", str(ROOT / "data/figures"), "--split", "test", "--embedder", "hashed"]) == 2
    assert "not a seen split" in capsys.readouterr().out
