"""Conflicts a reader can trust: the "tallies" reading (rising counts are updates, parts of a count never
conflict), republished copies with a rewritten paragraph, and repeated claims that never join disagreeing
figures."""

from __future__ import annotations

import datetime as _dt
from dataclasses import replace

import numpy as np
import pytest

from presslens.analyzers.base import Features
from presslens.analyzers.figures import FiguresAnalyzer
from presslens.article import Article
from presslens.compare.claim_match import claim_figures, claims_disagree
from presslens.compare.conflicts import find_conflicts, is_part_count, is_update, mentions_clash
from presslens.compare.duplicates import DuplicateIndex
from presslens.compare.figure_groups import FigureGrouper, grouping_config, hashed_embedder
from presslens.compare.figures import FigureMention, mentions_from_findings
from presslens.segment import segment
from presslens.store.claims import repeated_from


def _mentions(aid: str, text: str, day: int, source: str = "Outlet") -> list[FigureMention]:
    art = Article(text=text, id=aid, date=_dt.date(2028, 3, day), source=source, language="en")
    segment(art)
    return mentions_from_findings(art, FiguresAnalyzer().analyze(Features(art)).findings)


def _one(aid: str, text: str, day: int, number: str, source: str = "Outlet") -> FigureMention:
    (m,) = [m for m in _mentions(aid, text, day, source) if number in m.text]
    return m


def test_a_later_higher_toll_is_an_update_and_a_lower_one_a_conflict() -> None:
    first = _one("a1", "Nineteen people died in the strike on the market, officials said.", 2, "Nineteen")
    risen = _one("a2", "The death toll from the strike on the market has risen to 31, the prosecutor said.", 4, "31")
    fallen = _one("a3", "The death toll from the strike on the market stood at 12, officials said.", 5, "12")
    # the values reading (the labelled data's rule) flags every clash inside the window
    assert mentions_clash(first, risen) and mentions_clash(risen, fallen)
    # the tallies reading: a rise reported later is an update ...
    assert is_update(first, risen) and not is_update(risen, first)
    assert not mentions_clash(first, risen, "tallies")
    # ... and a toll that falls later is a conflict worth showing (nothing "rises" to 12)
    assert not is_update(risen, fallen) and mentions_clash(risen, fallen, "tallies")
    assert [(c.first.article_id, c.second.article_id) for c in find_conflicts([first, risen, fallen],
                                                                            reading="tallies")] == [("a1", "a3"),
                                                                                                    ("a2", "a3")]
    assert len(find_conflicts([first, risen, fallen])) == 3


def test_a_higher_figure_from_another_count_is_still_a_dispute() -> None:
    official = _one("b1", "The prison service said 24 people had died in the riot.", 7, "24")
    disputed = _one("b2", "A rights group said on Saturday that more than 60 people died in the riot.", 11, "60")
    # no word of a rise: a later, higher count from someone else disputes the official one
    assert not is_update(official, disputed)
    assert mentions_clash(official, disputed, "tallies")


def test_a_part_of_a_count_never_conflicts_with_the_whole() -> None:
    texts = {
        "four": "The service said 24 people had died in the riot, four of them guards.",
        "about 70": "Of the escapees, about 70 were serving life sentences, according to police.",
        "21": "Of the dead, 21 were inmates.",
        "two": "Police arrested 23 people suspected of sheltering fugitives, among them two former guards.",
        "Three": "Three other guards were taken to hospital with burns.",
    }
    for number, text in texts.items():
        assert is_part_count(_one("c1", text, 8, number)), number
    whole = _one("c2", "The riot killed 25 people, the prosecutor said.", 9, "25")
    assert not is_part_count(whole)
    four = _one("c1", texts["four"], 8, "four")
    assert mentions_clash(four, whole) and not mentions_clash(four, whole, "tallies")
    with pytest.raises(ValueError, match="unknown conflict reading"):
        mentions_clash(four, whole, "guess")


def test_the_grouper_reads_conflicts_as_its_config_says() -> None:
    articles = [("d1", "Officials said 19 people were killed in the strike on the Brask market.", 2),
                ("d2", "With the toll rising, officials said 31 people were killed in the strike on the Brask market.",
                 4)]
    found = {}
    for reading in ("values", "tallies"):
        config = replace(grouping_config("rules"), conflict_reading=reading)
        grouper = FigureGrouper(hashed_embedder(), config)
        for aid, text, day in articles:
            art = Article(text=text, id=aid, date=_dt.date(2028, 3, day), source="Outlet", language="en")
            segment(art)
            grouper.add_article(art, FiguresAnalyzer().analyze(Features(art)).findings)
        assert len(grouper.tracked_groups()) == 1  # one toll either way: the reading changes conflicts only
        found[reading] = len(grouper.conflicts())
    assert found == {"values": 1, "tallies": 0}


REPORT = ("Police said on Monday they had recaptured 211 of the 312 men who escaped from Saltmarsh, about two "
          "thirds of them in the marshes south of Velde. Of the rest, some are believed to have crossed the "
          "river. The search has involved more than 2,500 officers at its peak and cost 2.6 million dremls, "
          "the justice ministry said. Families of the escaped men said they had not been told where the "
          "recaptured inmates were being held, and a lawyer for several of them said she would ask the court "
          "to order the prison service to publish the list.")
REWRITTEN = ("Police said on Monday they had recaptured 211 of the 312 men who escaped from Saltmarsh, about two "
             "thirds of them in the marshes south of Velde. Of the rest, some are believed to have crossed the "
             "river. The search has involved more than 2,500 officers at its peak and cost 2.6 million dremls, "
             "the justice ministry said. Relatives say nobody has told them which jails now hold the men who "
             "were caught; their lawyer plans to go to court to force the prison service to name them.")
OTHER = ("More than 200 escapees are back in custody, police said, after officers searched the marshes south of "
         "Velde. The ministry put the cost of the search at 2.6 million dremls.")


def test_a_copy_with_a_rewritten_paragraph_is_a_copy() -> None:
    index = DuplicateIndex()
    assert index.add("orig", REPORT) is None
    assert index.add("other", OTHER) is None
    assert index.add("copy", REWRITTEN) == "orig"
    assert 0.3 <= index.similarity("orig", "copy") < 0.8  # a heavier edit than a new headline
    assert index.similarity("orig", "other") < 0.15


def _claim(i: int, text: str, source: str, day: int) -> dict[str, object]:
    return {"claim": f"a{i}:0-{len(text)}", "article_id": f"a{i}", "date": f"2028-03-{day:02d}", "source": source,
            "title": None, "start": 0, "end": len(text), "text": text}


def test_repeated_claims_never_join_claims_whose_figures_conflict() -> None:
    rows = [_claim(1, "About 100,000 men have left the country since the call-up.", "Ledger", 1),
            _claim(2, "About 100,000 men have left the country since the call-up, monitors said.", "Wire", 2),
            _claim(3, "260,000 men have left the country since the call-up.", "Courier", 3),
            _claim(4, "Some 255,000 men have left the country since the call-up.", "Observer", 4)]
    base = np.ones(8, dtype=np.float32)
    jitter = np.eye(8, dtype=np.float32)[:4] * 0.05  # every pair well above the similarity threshold
    matrix = base + jitter
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    assert float((matrix @ matrix.T).min()) > 0.99
    repeated = repeated_from(rows, matrix, threshold=0.9)
    groups = sorted(sorted(m["article_id"] for m in c["mentions"]) for c in repeated)
    assert groups == [["a1", "a2"], ["a3", "a4"]]
    # without figures that disagree, the same vectors make one claim
    same = [dict(r, text="Many men have left the country since the call-up.") for r in rows]
    assert [len(c["mentions"]) for c in repeated_from(same, matrix, threshold=0.9)] == [4]


def test_claim_figures_respect_bounds() -> None:
    def disagree(a: str, b: str) -> bool:
        return claims_disagree(claim_figures(a), claim_figures(b))

    assert disagree("About 100,000 men have left.", "260,000 men have left.")
    assert not disagree("More than 100,000 men have left.", "260,000 men have left.")
    assert disagree("Nearly 700,000 men have left.", "800,000 men have left.")
    assert not disagree("24 people died, four of them guards.", "24 people died in the riot.")
    assert not disagree("Many men have left.", "260,000 men have left.")  # no figure on one side: no conflict


def test_the_eval_scores_the_default_and_the_candidates_side_by_side(capsys: pytest.CaptureFixture[str]) -> None:
    import argparse
    from pathlib import Path

    from presslens.evaluation import figure_groups as evaluation

    ap = argparse.ArgumentParser()
    evaluation.add_arguments(ap)
    data = str(Path(__file__).resolve().parents[1] / "data" / "figures")
    args = ["--data", data, "--split", "test_v1", "--embedder", "hashed"]
    assert evaluation.main(ap.parse_args([*args, "--groupings", "default,general-f1+tallies,guess"])) == 2
    assert "--groupings guess: not one of" in capsys.readouterr().out
    assert evaluation.main(ap.parse_args([*args, "--groupings",
                                          "default,general-f1+tallies,general-f1+tallies-gate"])) == 0
    out = capsys.readouterr().out
    rows = [line for line in out.splitlines() if line.startswith("| general-f1")]
    assert [r.split(" | ")[0] for r in rows] == ["| general-f1+values-agree-f05 (default)", "| general-f1+tallies",
                                                 "| general-f1+tallies-gate"]
    assert "planted conflicts that the tallies reading reads as an update or a part of a count: 1" in out


def test_the_conflict_model_decides_inside_a_group_when_the_config_says_so() -> None:
    from presslens.compare.figure_conflict_model import candidate_conflict_model
    from presslens.compare.figure_pair_model import CONFLICT_FEATURES, CONFLICT_WORD_FEATURES, PairModel

    texts = [("e1", "About 100,000 men have left the country since the call-up, monitors said.", 1),
             ("e2", "Some 260,000 men have left the country since the call-up, monitors said.", 4)]
    k = len(CONFLICT_WORD_FEATURES)

    def conflicts(bias: float, inside: str) -> int:
        model = PairModel((0.0,) * k, bias, (0.0,) * k, (1.0,) * k, threshold=0.5, features=CONFLICT_WORD_FEATURES)
        config = replace(grouping_config("rules"), conflict_model=model, conflict_reading="tallies",
                         conflicts_inside=inside)
        grouper = FigureGrouper(hashed_embedder(), config)
        for aid, text, day in texts:
            art = Article(text=text, id=aid, date=_dt.date(2028, 3, day), source="Outlet", language="en")
            segment(art)
            grouper.add_article(art, FiguresAnalyzer().analyze(Features(art)).findings)
        assert len(grouper.tracked_groups()) == 1
        (gid,) = grouper.tracked_groups()
        assert len(grouper.summary(gid).conflicts) == len(grouper.conflicts())
        return len(grouper.conflicts())

    # no word of a rise: the later, higher figure disputes the earlier one under either reading
    assert conflicts(-50.0, "rule") == 1  # the rule reports every clash inside a group
    assert conflicts(-50.0, "model") == 0  # ... the model vetoes it when asked to decide
    assert conflicts(50.0, "model") == 1
    for name in ("general-f1+tallies", "general-f1+tallies-f1"):
        config = grouping_config(name)
        assert config.conflict_reading == "tallies" and config.conflicts_inside == "model"
        assert config.conflict_model == candidate_conflict_model(name)
        assert config.conflict_model.features == CONFLICT_WORD_FEATURES and 0 < config.conflict_model.threshold < 1
    gate = grouping_config("general-f1+tallies-gate")  # stop 22's default: its model and rule, the tallies reading
    assert gate.conflict_reading == "tallies" and gate.conflicts_inside == "rule"
    assert gate.conflict_model is not None and gate.conflict_model.features == CONFLICT_FEATURES
    assert grouping_config() == grouping_config("general-f1+values-agree-f05") != gate  # docs/decisions/figure-groups-s26.md
    assert grouping_config("general-f1+values-model-f05") != grouping_config()  # stop 24's default, still selectable
    assert grouping_config("general-f1+conflicts") != grouping_config()  # stop 23's default, still selectable
    assert grouping_config().conflict_reading == "values"
