"""Round 2 stop 23: what the retired test_v10 story and the dev-story user trial showed -- "nearly N" is just
under N, unsourced claims are no source of their own, and the other fixes of this round."""

from __future__ import annotations

import datetime as _dt

import numpy as np
import pytest

from presslens.analyzers.base import Features
from presslens.analyzers.figures import FiguresAnalyzer
from presslens.article import Article
from presslens.compare.conflicts import (
    NEARLY_MARGIN,
    mention_interval,
    mentions_clash,
    reported_interval,
    says_nearly,
)
from presslens.compare.figure_groups import FigureGrouper, grouping_config, hashed_embedder
from presslens.compare.figure_words import clause_predicate, clause_rate, clause_role
from presslens.compare.figures import NUMBER_MASK, FigureMention, figure_source, mentions_from_findings
from presslens.segment import segment
from presslens.store.claims import figures_last, repeated_from


def _claim(i: int, text: str, source: str | None, day: int) -> dict[str, object]:
    return {"claim": f"a{i}:0-{len(text)}", "article_id": f"a{i}", "date": f"2028-03-{day:02d}", "source": source,
            "title": None, "start": 0, "end": len(text), "text": text}


def _alike(n: int) -> np.ndarray:
    matrix = np.ones((n, 8), dtype=np.float32) + np.eye(8, dtype=np.float32)[:n] * 0.05
    return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


def test_repeated_claims_count_named_sources_only() -> None:
    text = "Many men have left the country since the call-up."
    one_outlet = [_claim(1, text, "Ledger", 1), _claim(2, text, None, 2), _claim(3, text, None, 3)]
    # one named outlet and two articles without one: not a claim made by several sources
    assert repeated_from(one_outlet, _alike(3), threshold=0.9) == []
    two_outlets = [*one_outlet, _claim(4, text, "Courier", 4)]
    (claim,) = repeated_from(two_outlets, _alike(4), threshold=0.9)
    assert claim["sources"] == ["Courier", "Ledger"]
    assert "(no source)" not in claim["sources"]
    assert claim["unsourced_mentions"] == 2 and len(claim["mentions"]) == 4


# -- "nearly N" is just under N ---------------------------------------------------------------------------------

def _mentions(aid: str, text: str, day: int, source: str = "Outlet") -> list[FigureMention]:
    art = Article(text=text, id=aid, date=_dt.date(2028, 9, day), source=source, language="en")
    segment(art)
    return mentions_from_findings(art, FiguresAnalyzer().analyze(Features(art)).findings)


def _one(aid: str, text: str, day: int, number: str) -> FigureMention:
    (m,) = [m for m in _mentions(aid, text, day) if number in m.text]
    return m


def test_nearly_reports_just_under_the_number_and_the_conflict_rule_keeps_the_labels_reading() -> None:
    nearly = _one("n1", "Nearly 700,000 men have left the country since the call-up.", 2, "700,000")
    fewer = _one("n2", "Fewer than 700,000 men have left the country since the call-up.", 3, "700,000")
    assert says_nearly(nearly) and not says_nearly(fewer)
    # what a reader is told: just under 700,000; a cap still starts at 0
    assert reported_interval(nearly) == pytest.approx((700_000 * (1 - NEARLY_MARGIN), 700_000))
    assert reported_interval(fewer) == (0.0, 700_000)
    # the conflict rule (GUIDELINE point 4) reads both as at most 700,000: neither disputes "about 100,000"
    about = _one("n3", "About 100,000 men have left the country since the call-up.", 4, "100,000")
    assert mention_interval(nearly) == (0.0, 700_000)
    assert not mentions_clash(nearly, about) and not mentions_clash(fewer, about)


def test_a_group_summary_never_calls_nearly_n_its_lowest_report() -> None:
    grouper = FigureGrouper(hashed_embedder(), grouping_config("rules"))
    for aid, text, day in (("s1", "Nearly 700,000 men have left Norvania since the call-up, monitors said.", 2),
                           ("s2", "About 500,000 men have left Norvania since the call-up, monitors said.", 3)):
        art = Article(text=text, id=aid, date=_dt.date(2028, 9, day), source=aid, language="en")
        segment(art)
        grouper.add_article(art, FiguresAnalyzer().analyze(Features(art)).findings)
    (gid,) = grouper.tracked_groups()
    summary = grouper.summary(gid)
    assert summary.lowest is not None and summary.highest is not None
    # by range too (the summary's extremes): "nearly 700,000" allows 560,000..700,000, not 0..700,000
    assert "500,000" in summary.lowest.text and "700,000" in summary.highest.text
    nearly_row = next(r for r in summary.timeline if "700,000" in str(r["text"]))
    assert nearly_row["low"] == pytest.approx(560_000) and nearly_row["high"] == pytest.approx(700_000)


# -- the clause words that split a quantity: a newspaper called "Daily", "registered ... as missing" ----------

def test_a_rate_word_in_an_outlet_name_makes_no_rate() -> None:
    told = f"An official told the Eastern Frontier Daily that about {NUMBER_MASK} bodies had been exhumed so far"
    assert not clause_rate(told)
    assert clause_role(told, count=True) == "total"
    # a rate word that does modify the figure still makes a rate
    assert clause_rate(f"a daily loading rate of {NUMBER_MASK} tonnes")
    assert clause_rate(f"the port now handles daily {NUMBER_MASK} tonnes")
    assert clause_rate(f"Daily {NUMBER_MASK} tonnes leave the port")


def test_registered_as_missing_is_counted_with_the_missing() -> None:
    registered = f"the commission said it had registered about {NUMBER_MASK} people from the town as missing"
    assert clause_predicate(registered) == "missing"
    assert clause_predicate(f"the mayor said more than {NUMBER_MASK} residents were missing") == "missing"
    # a register without "as ..." stays a register ("registered 4,000 people for aid")
    assert clause_predicate(f"the town hall has registered {NUMBER_MASK} people for food aid") == "register"


def test_claims_like_ranks_a_claim_whose_figure_disagrees_last() -> None:
    ranked = [{"claim": "a1", "text": "About 700,000 men have left since the call-up, monitors say.", "score": 0.95},
              {"claim": "a2", "text": "About 100,000 men have left since the call-up, monitors say.", "score": 0.91},
              {"claim": "a3", "text": "Men keep leaving the country since the call-up.", "score": 0.70},
              {"claim": "a4", "text": "Nearly 700,000 men have now left, monitors say.", "score": 0.65}]
    out = figures_last("About 700,000 men", ranked)
    assert [r["claim"] for r in out] == ["a1", "a3", "a4", "a2"]
    assert [r["figures_disagree"] for r in out] == [False, False, False, True]
    # a query without a figure keeps the order of the words
    assert [r["claim"] for r in figures_last("men who left since the call-up", ranked)] == ["a1", "a2", "a3", "a4"]


def test_homecomings_share_one_predicate() -> None:
    for clause in (f"the town hall says {NUMBER_MASK} residents have come back",
                   f"{NUMBER_MASK} residents have come home, the town hall says",
                   f"the town hall says {NUMBER_MASK} residents are back",
                   f"no more than {NUMBER_MASK} people had returned to the town"):
        assert clause_predicate(clause) == "return", clause
    # one bus "bringing back" people is no count of returns, and "back" alone says nothing
    assert clause_predicate(f"the buses were bringing back {NUMBER_MASK} people") is None
    # a return before the figure hands something over: "returned the bodies of N soldiers" is no homecoming
    assert clause_predicate(f"the ministry said it had returned the bodies of more than {NUMBER_MASK} soldiers") != "return"


def test_the_size_of_a_call_up_is_a_call_up_and_since_the_call_up_is_scope() -> None:
    assert clause_predicate(f"the target of the call-up remained {NUMBER_MASK} men") == "mobilise"
    # "since the mobilisation" dates another count: no predicate from it
    assert clause_predicate(f"{NUMBER_MASK} Norvanians since the mobilisation was announced") is None
    assert clause_predicate(f"{NUMBER_MASK} men have left since the call-up") == "leave"


def test_a_figure_source_is_a_name_not_its_description_nor_a_comparison() -> None:
    assert figure_source("the monitoring group Open Passage, which combines border-crossing data from "
                         "neighbouring states") == "the monitoring group Open Passage"
    assert figure_source("Civic Watch, a rights group that counts arrests") == "Civic Watch"
    assert figure_source("far more than the figure announced in public") is None
    assert figure_source("the figure") is None
    assert figure_source("the border service") == "the border service"
    assert figure_source("some reports") == "some reports"  # vague, but a source: flagged vague elsewhere
    assert figure_source(None) is None


def test_registered_as_missing_after_the_figure_too() -> None:
    clause = f"the mayor said more than {NUMBER_MASK} people had been registered as missing with the police"
    assert clause_predicate(clause) == "missing"
    assert clause_predicate(f"{NUMBER_MASK} people registered for aid as of Monday") == "register"


def test_a_share_counter_of_the_page_is_no_figure_mention() -> None:
    text = "Border crossings rise\n412 SHARES Facebook Twitter\nSome 3,000 men crossed the border on Monday."
    art = Article(text=text, id="s1", date=_dt.date(2028, 3, 1), source="Outlet", language="en")
    segment(art)
    findings = FiguresAnalyzer().analyze(Features(art)).findings
    assert any(f.text == "412 SHARES" and f.attributes.get("furniture") for f in findings)
    assert [m.text for m in mentions_from_findings(art, findings)] == ["Some 3,000 men"]
