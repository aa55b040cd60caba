"""Tracked figures: bounds-aware conflicts, unit compatibility, republished copies counted once,
incremental grouping equal to a rebuild, and ages/dates/money kept out of counts of people."""

from __future__ import annotations

import argparse
import datetime as _dt
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from presslens.analyzers.base import Features
from presslens.analyzers.figures import FiguresAnalyzer
from presslens.article import Article, Finding
from presslens.compare import figure_groups as figure_groups_module
from presslens.compare.conflicts import find_conflicts, intervals_conflict, value_interval
from presslens.compare.duplicates import DuplicateIndex
from presslens.compare.figure_groups import (
    FigureGrouper,
    GroupingConfig,
    clause_predicate,
    grouping_config,
    hashed_embedder,
)
from presslens.compare.figure_pair_model import PAIR_FEATURES, PairModel, default_pair_model, fit_pair_model
from presslens.compare.figure_words import clause_per_item
from presslens.compare.figures import FigureMention, heads_compatible, measure_class, mentions_from_findings
from presslens.evaluation import figure_groups as evaluation
from presslens.segment import segment


def _rules_config(**overrides: Any) -> GroupingConfig:
    """The rules' setting (the default before the pre-registered decision; no conflict model) with overrides:
    what the older tests of this file were written for."""
    return replace(grouping_config("rules"), **overrides)

ROOT = Path(__file__).resolve().parents[1]


def _article(aid: str, text: str, day: int, source: str = "Outlet") -> Article:
    art = Article(text=text, id=aid, date=_dt.date(2025, 9, day), source=source, language="en")
    segment(art)
    return art


def _findings(article: Article) -> list[Finding]:
    return FiguresAnalyzer().analyze(Features(article)).findings


def _mention(aid: str, day: int, value: float | None, bound: str | None = None, low: float | None = None,
             high: float | None = None) -> FigureMention:
    return FigureMention(article_id=aid, start=0, end=5, text=str(value), label="count", measure="count",
                         value=value, low=low, high=high, bound=bound, date=_dt.date(2025, 9, day))


# ------------------------------------------------------------------ conflicts


def _conflict(a: tuple[float | None, str | None], b: tuple[float | None, str | None]) -> bool:
    ia, ib = value_interval(a[0], bound=a[1]), value_interval(b[0], bound=b[1])
    assert ia is not None and ib is not None
    return intervals_conflict(ia, ib)


def test_lower_bound_does_not_conflict_with_a_higher_figure() -> None:
    assert not _conflict((100_000, "lower"), (260_000, None))


def test_approximate_figure_conflicts_with_a_far_higher_one() -> None:
    assert _conflict((100_000, "approx"), (260_000, None))
    assert not _conflict((100_000, "approx"), (115_000, None))


def test_upper_bound_allows_anything_below_it() -> None:
    assert not _conflict((1_000_000, "upper"), (300_000, None))
    assert _conflict((300_000, "upper"), (1_200_000, None))


def test_rounding_within_tolerance_is_no_conflict() -> None:
    assert not _conflict((260_000, None), (280_000, None))
    assert _conflict((260_000, None), (300_000, None))


def test_ranges_and_vague_amounts_use_their_low_and_high() -> None:
    rng = value_interval(None, low=200_000, high=300_000)
    assert rng == (200_000.0, 300_000.0)
    assert not intervals_conflict(rng, (250_000.0, 250_000.0))
    assert intervals_conflict(rng, (700_000.0, 700_000.0))
    assert value_interval(None) is None


def test_conflicts_need_the_window_and_different_articles() -> None:
    a = _mention("a", 1, 100_000, "approx")
    near = _mention("b", 5, 260_000)
    far = _mention("c", 20, 700_000)
    same_article = _mention("a", 1, 900_000)
    pairs = {(c.first.article_id, c.second.article_id) for c in find_conflicts([a, near, far, same_article])}
    assert ("a", "b") in pairs
    assert not any("c" in p for p in pairs)  # 15+ days after everything else
    assert ("a", "a") not in pairs


# ------------------------------------------------------------------ unit compatibility


def test_measure_classes_keep_units_apart() -> None:
    assert measure_class("count", "men") == "count"
    assert measure_class("money", "euros", "EUR") != measure_class("money", "dollars", "USD")
    assert measure_class("measure", "km") != measure_class("measure", "tonnes")
    assert measure_class("measure", "km") == measure_class("measure", "kilometres")
    assert measure_class("percent", "percent") != "count"
    for label in ("age", "date", "duration", "ordinal"):
        assert measure_class(label, None) is None
    assert measure_class("range", "days") is None
    assert measure_class("range", "men") == "count"


def test_counted_nouns_must_agree() -> None:
    from presslens.compare.figures import head_noun

    assert heads_compatible(head_noun("lorries"), head_noun("aid trucks"))
    assert heads_compatible(head_noun("people"), head_noun("reservists"))
    assert heads_compatible(head_noun("Norvanians"), head_noun("men"))
    assert not heads_compatible(head_noun("subscribers"), head_noun("men"))
    assert not heads_compatible(head_noun("signatures"), head_noun("reservists"))


def test_predicate_is_the_verb_nearest_the_number() -> None:
    assert clause_predicate("many men have left the country since the mobilisation") == "leave"
    assert clause_predicate("the army aims to mobilise many men") == "mobilise"
    assert clause_predicate("Police detained many people at rallies") == "detain"
    assert clause_predicate("many schools remain shut") is None


def test_death_toll_is_a_kill_predicate_and_reached_before_a_number_is_not_a_movement() -> None:
    toll = "The death toll from Thursday's strike on the Brask market has risen to many, the prosecutor said"
    assert clause_predicate(toll) == "kill"
    assert clause_predicate("many people died when a missile hit the market") == "kill"
    assert clause_predicate("annual inflation reached many per cent in August") is None
    assert clause_predicate("many Norvanians reached Kaldera on foot") == "enter"


def test_per_item_amounts_are_recognised_but_per_cent_is_not() -> None:
    assert clause_per_item("Each rail tanker holds up to many tonnes")
    assert clause_per_item("A single tanker loaded many tonnes of diesel")
    assert not clause_per_item("Norvania exported many tonnes of diesel in September")
    assert not clause_per_item("inflation reached many per cent")


DIESEL = [
    ("e1", 1, "Wire", "Norvania exported 2.1 million tonnes of diesel in September, the ministry said."),
    ("e2", 3, "Post", "Each rail tanker holds up to 60 tonnes. Diesel exports reached about 2 million tonnes "
     "last month, customs said."),
    ("e3", 5, "Ledger", "A single tanker loaded 40,000 tonnes of diesel. Diesel exports totalled 2.3 million "
     "tonnes of diesel in September."),
    ("e4", 6, "Radio", "Norvania's diesel exports came to 20 tonnes of diesel in a trial shipment."),
]


def test_per_item_and_far_smaller_amounts_stay_out_of_a_national_total() -> None:
    grouper = FigureGrouper(hashed_embedder(), _rules_config(threshold=0.2, headless_margin=0.0))
    for aid, day, src, text in DIESEL:
        art = _article(aid, text, day, src)
        grouper.add_article(art, _findings(art))
    by_text = {m.text: m for m in grouper.mentions.values()}
    totals = [by_text["2.1 million tonnes"], by_text["about 2 million tonnes"], by_text["2.3 million tonnes"]]
    assert len({grouper.group_of[m.id] for m in totals}) == 1
    total_group = grouper.group_of[totals[0].id]
    for text in ("up to 60 tonnes", "40,000 tonnes", "20 tonnes"):
        assert grouper.group_of[by_text[text].id] != total_group, text


# ------------------------------------------------------------------ grouping on real analyzer output

CORPUS = [
    ("a1", 1, "Wire", "More than 100,000 men have left the country since the call-up, border monitors said. "
     "A channel tracking the queues gained 100,000 subscribers. Men aged 18 to 35 are summoned first."),
    ("a2", 2, "Post", "Police detained 1,300 protesters at rallies in the capital on 21 September. "
     "Fines reach 300,000 roubles."),
    ("a3", 3, "Ledger", "About 260,000 men have fled the country since the mobilisation, a monitoring group "
     "said. The border is 300 km away."),
    ("a4", 4, "Radio", "Police have detained 1,400 protesters since the protests began, rights groups say. "
     "A 27-year-old teacher was among them."),
    ("a5", 6, "Observer", "Researchers estimate that 250,000 men have left since the call-up. Tickets cost "
     "$3,000 and the trip takes three days."),
]


def _grouper(order: list[int] | None = None) -> tuple[FigureGrouper, dict[str, FigureMention]]:
    grouper = FigureGrouper(hashed_embedder(), _rules_config())
    articles = [_article(aid, text, day, src) for aid, day, src, text in CORPUS]
    for i in order if order is not None else range(len(articles)):
        grouper.add_article(articles[i], _findings(articles[i]))
    return grouper, {m.text: m for m in grouper.mentions.values()}


def _partition(grouper: FigureGrouper) -> set[frozenset[str]]:
    return {frozenset(g.mention_ids) for g in grouper.groups.values()}


def test_same_measured_thing_groups_and_different_things_do_not() -> None:
    grouper, by_text = _grouper()
    left = [m for t, m in by_text.items() if t.startswith(("More than 100,000 men", "About 260,000",
                                                           "250,000 men"))]
    assert len(left) == 3
    assert len({grouper.group_of[m.id] for m in left}) == 1
    detained = [m for t, m in by_text.items() if "protesters" in t]
    assert len(detained) == 2 and len({grouper.group_of[m.id] for m in detained}) == 1
    assert grouper.group_of[detained[0].id] != grouper.group_of[left[0].id]
    subscribers = by_text["100,000 subscribers"]
    assert grouper.group_of[subscribers.id] != grouper.group_of[left[0].id]


def _assert_no_age_date_money_or_distance_in_a_count_group(grouper: FigureGrouper) -> None:
    count_groups = {g for g, grp in grouper.groups.items() if grp.measure == "count"}
    others = [m for m in grouper.mentions.values() if m.label in ("age", "date", "money", "measure", "duration")
              or (m.label == "range" and m.measure is None)]
    assert {m.label for m in others} >= {"age", "date", "money", "measure"}
    for m in others:
        assert grouper.group_of.get(m.id) not in count_groups, m.text
    for label in ("age", "date", "duration"):
        assert all(grouper.group_of.get(m.id) is None for m in others if m.label == label)


def test_ages_dates_money_and_distances_never_join_a_count_group() -> None:
    _assert_no_age_date_money_or_distance_in_a_count_group(_grouper()[0])


def test_ages_dates_money_never_join_a_count_group_with_the_default_grouping() -> None:
    _assert_no_age_date_money_or_distance_in_a_count_group(_default_grouper()[0])


def test_incremental_assignment_equals_a_rebuild() -> None:
    grouper, _ = _grouper()
    before = _partition(grouper)
    assert any(len(g) > 1 for g in before)  # not a trivial all-singletons corpus
    grouper.rebuild()
    assert _partition(grouper) == before
    grouper.rebuild(reembed=True)
    assert _partition(grouper) == before


def test_restored_grouping_continues_like_the_original() -> None:
    articles = [_article(aid, text, day, src) for aid, day, src, text in CORPUS]
    original = FigureGrouper(hashed_embedder(), _rules_config())
    for art in articles[:3]:
        original.add_article(art, _findings(art))
    restored = FigureGrouper(hashed_embedder(), _rules_config())
    stored = [m.to_dict() for m in original.mentions.values()]  # what a store would keep
    restored.restore([FigureMention.from_dict(d) for d in stored], original.assignment(), original.vectors)
    assert [m.to_dict() for m in restored.mentions.values()] == stored
    assert _partition(restored) == _partition(original)
    for art in articles[3:]:
        original.add_article(art, _findings(art))
        restored.add_article(art, _findings(art))
    assert original.assignment() == restored.assignment()
    assert len(_partition(original)) < len([m for m in original.mentions.values() if m.measure])


def test_summary_reports_first_latest_lowest_highest_and_conflicts() -> None:
    grouper, by_text = _grouper()
    gid = grouper.group_of[by_text["About 260,000 men"].id]
    s = grouper.summary(gid)
    assert [m.date for m in s.mentions] == sorted(m.date for m in s.mentions if m.date)
    assert s.first is not None and s.first.text.startswith("More than 100,000")
    assert s.latest is not None and s.latest.text.startswith("250,000")
    assert s.lowest is not None and s.lowest.text.startswith("More than 100,000")
    assert s.highest is not None and s.highest.text.startswith("About 260,000")  # up to 312,000
    assert s.conflicts == []  # "more than 100,000", "about 260,000", "250,000" all agree
    assert s.to_dict()["mentions"][0]["source"] == "Wire"
    assert [row["date"] for row in s.rows()] == ["2025-09-01", "2025-09-03", "2025-09-06"]


def test_conflicting_mentions_are_flagged_in_the_summary() -> None:
    grouper = FigureGrouper(hashed_embedder(), _rules_config())
    a = _article("x1", "About 100,000 men have left the country since the call-up, monitors said.", 1)
    b = _article("x2", "As many as 260,000 men have left the country since the call-up, monitors said.", 3)
    c = _article("x3", "Some 260,000 men have left the country since the call-up, monitors said.", 4)
    for art in (a, b, c):
        grouper.add_article(art, _findings(art))
    (gid,) = grouper.tracked_groups()
    s = grouper.summary(gid)
    # "about 100,000" (80,000..120,000) vs "some 260,000" (208,000..312,000): a conflict;
    # "as many as 260,000" is an upper bound and agrees with both
    assert [(x.first.article_id, x.second.article_id) for x in s.conflicts] == [("x1", "x3")]
    assert [bool(r["conflicts_with"]) for r in s.rows()] == [True, False, True]


# ------------------------------------------------------------------ republished copies

ORIGINAL = ("260,000 men have left Norvania since the mobilisation was announced, according to the monitoring "
            "group Open Passage, which combines border-crossing data from neighbouring states. The group said "
            "about 3,800 vehicles were still waiting at the Kaldera frontier on Saturday.")
COPY = ("260,000 men have left Norvania since the mobilisation was announced, according to the monitoring "
        "group Open Passage, which combines border data from neighbouring states. The group said about "
        "3,800 vehicles were still waiting at the Kaldera frontier on Saturday night.")
OTHER = ("Open Passage, a monitoring group, now says about 260,000 Norvanian men have gone abroad. Queues of "
         "vehicles at the Kaldera frontier were shorter on Saturday, drivers said.")


def test_near_duplicates_are_found_and_different_reports_are_not() -> None:
    index = DuplicateIndex()
    assert index.add("orig", ORIGINAL) is None
    assert index.add("copy", COPY) == "orig"
    assert index.add("other", OTHER) is None
    assert index.add("copy-of-copy", COPY + " ") == "orig"


def test_republished_copies_are_counted_once() -> None:
    grouper = FigureGrouper(hashed_embedder(), _rules_config())
    orig, copy = _article("orig", ORIGINAL, 3, "Ledger"), _article("copy", COPY, 3, "Observer")
    grouper.add_article(orig, _findings(orig))
    n = len(grouper.mentions)
    assert grouper.add_article(copy, _findings(copy), duplicate_of="orig") == []
    assert len(grouper.mentions) == n
    gid = next(g for g, grp in grouper.groups.items() if grp.measure == "count" and grp.size)
    s = grouper.summary(gid)
    assert all(m.article_id == "orig" for m in s.mentions)
    assert s.also_published_by["orig"][0]["source"] == "Observer"
    assert {row["also_published_by"] for row in s.rows()} == {"Observer"}


# ------------------------------------------------------------------ mentions and evaluation


def test_quarter_of_a_million_is_one_count() -> None:
    art = _article("q", "Researchers say a quarter of a million men have left since the call-up.", 4)
    mentions = mentions_from_findings(art, _findings(art))
    counts = [m for m in mentions if m.measure == "count"]
    assert len(counts) == 1 and counts[0].value == 250_000
    assert art.text[counts[0].start : counts[0].end] == counts[0].text
    assert "many men have left" in counts[0].masked_clause


def test_bcubed() -> None:
    gold = {"a": "x", "b": "x", "c": "y"}
    assert evaluation.bcubed(gold, {"a": "1", "b": "1", "c": "2"}) == (1.0, 1.0, 1.0)
    p, r, _ = evaluation.bcubed(gold, {"a": "1", "b": "1", "c": "1"})
    assert r == 1.0 and p == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)


def test_eval_on_the_dev_split_runs_with_hashed_vectors(capsys: pytest.CaptureFixture[str]) -> None:
    ap = argparse.ArgumentParser()
    evaluation.add_arguments(ap)
    assert evaluation.main(ap.parse_args(["--data", str(ROOT / "data/figures"), "--split", "dev",
                                          "--embedder", "hashed"])) == 0
    out = capsys.readouterr().out
    assert "B3 F1" in out and "29 articles" in out


def test_eval_refuses_to_tune_on_test_and_names_a_missing_file(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    ap = argparse.ArgumentParser()
    evaluation.add_arguments(ap)
    assert evaluation.main(ap.parse_args(["--data", str(ROOT / "data/figures"), "--sweep"])) == 2
    assert evaluation.main(ap.parse_args(["--data", str(tmp_path)])) == 2
    assert "articles.jsonl not found" in capsys.readouterr().out


def test_mentions_carry_attribution_hedging_and_vague_sources() -> None:
    text = ("260,000 men have left, according to Open Passage. "
            "Some reports put the number at about 700,000.")
    art = _article("att", text, 5)
    content_end = text.index(", according")
    src_start = text.index("Open Passage")
    attribution = Finding.at(art, 0, src_start + len("Open Passage"), kind="attribution", label="organisation",
                             score=0.9, analyzer="attribution", attributes={
                                 "source": {"start": src_start, "end": src_start + 12, "text": "Open Passage"},
                                 "content": {"start": 0, "end": content_end, "text": text[:content_end]}})
    claim = Finding.at(art, 0, text.index(".") + 1, kind="claim", label="check_worthy", score=0.9,
                       analyzer="claims", attributes={"hedged": True})
    mentions = [m for m in mentions_from_findings(art, [*_findings(art), attribution, claim])
                if m.measure == "count"]
    first, second = mentions
    assert first.attributed_to == "Open Passage" and not first.attribution_vague and first.hedged is True
    assert second.attributed_to is None and second.attribution_vague and second.hedged is None


def test_eval_names_a_bad_line_and_scores_the_rest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = ROOT / "data/figures"
    (tmp_path / "articles.jsonl").write_text((src / "articles.jsonl").read_text() + "{not json\n")
    labels = (src / "labels.jsonl").read_text().splitlines()
    labels.append('{"type": "mention", "id": "bad", "article": "d01", "start": 0, "end": 4, "text": "nope", '
                  '"group": "callup", "split": "dev"}')
    (tmp_path / "labels.jsonl").write_text("\n".join(labels) + "\n")
    ap = argparse.ArgumentParser()
    evaluation.add_arguments(ap)
    assert evaluation.main(ap.parse_args(["--data", str(tmp_path), "--split", "dev", "--embedder", "none"])) == 1
    out = capsys.readouterr().out
    n_articles = len((src / "articles.jsonl").read_text().splitlines())
    assert f"articles.jsonl:{n_articles + 1}: not JSON" in out
    assert f"labels.jsonl:{len(labels)}: bad label" in out
    dev_mentions = sum('"mention"' in line and '"split": "dev"' in line for line in labels[:-1])
    assert "B3 F1" in out and f"{dev_mentions} labelled mentions" in out


# ------------------------------------------------------------------ distractor causes (issue 15, test_v2 errors)


def test_parts_of_a_population_join_only_the_same_part() -> None:
    from presslens.compare.figures import head_noun

    assert head_noun("women") == "women" and head_noun("young children") == "children"
    assert not heads_compatible(head_noun("women"), head_noun("children"))
    assert not heads_compatible(head_noun("women"), head_noun("people"))
    assert not heads_compatible(head_noun("children"), head_noun("refugees"))
    assert heads_compatible(head_noun("children"), head_noun("kids"))
    assert heads_compatible(head_noun("men"), head_noun("people"))  # "men" stays the whole of a call-up
    grouper = FigureGrouper(hashed_embedder(), _rules_config())
    for aid, day, text in [("c1", 1, "About 400 children were evacuated from the flooded school, rescuers said."),
                           ("c2", 2, "Rescuers said 450 children were evacuated from the flooded school."),
                           ("c3", 3, "Three women were evacuated from the flooded school, rescuers said.")]:
        art = _article(aid, text, day)
        grouper.add_article(art, _findings(art))
    by_text = {m.text: m for m in grouper.mentions.values()}
    children = grouper.group_of[by_text["About 400 children"].id]
    assert grouper.group_of[by_text["450 children"].id] == children
    assert grouper.group_of[by_text["Three women"].id] != children


def test_a_currency_is_money_and_its_word_is_no_shared_content() -> None:
    from presslens.compare.figure_groups import mention_tokens

    assert measure_class("count", "crowns") == "money:crowns"
    assert measure_class("count", "billion kronor") == measure_class("count", "crowns")
    assert measure_class("count", "men") == "count"
    art = _article("m1", "The cabinet approved a rebuilding fund of 2 billion crowns on Monday.", 1)
    (m,) = [x for x in mentions_from_findings(art, _findings(art)) if x.measure]
    assert m.measure == "money:crowns" and m.head is None  # no counted noun: the headless margin applies
    assert "crown" not in mention_tokens(m) and {"rebuilding", "fund"} <= set(mention_tokens(m))


def test_a_standing_population_never_joins_a_count_of_people_moved() -> None:
    from presslens.compare.figure_words import clause_population, clause_role

    assert clause_population("Harlow, a town of many people, lies on the river")
    assert clause_population("the valley is home to many people")
    assert clause_population("the province has a population of about many")
    assert clause_population("many people live in the valley")
    assert not clause_population("many people have been evacuated from the town")
    assert not clause_population("many residents of the town have left")
    assert clause_role("Each lorry carries many tonnes") == "per_item"
    assert clause_role("many people have been evacuated") == "total"
    grouper = FigureGrouper(hashed_embedder(), _rules_config())
    texts = [("p1", 1, "More than 20,000 people have been evacuated from Harlow district, officials said. "
              "Harlow, a district of 60,000 people, has had rain for two days."),
             ("p2", 2, "Officials said 35,000 people have been evacuated from Harlow district.")]
    for aid, day, text in texts:
        art = _article(aid, text, day)
        grouper.add_article(art, _findings(art))
    by_text = {m.text: m for m in grouper.mentions.values()}
    moved = grouper.group_of[by_text["More than 20,000 people"].id]
    assert grouper.group_of[by_text["35,000 people"].id] == moved
    assert grouper.group_of[by_text["60,000 people"].id] != moved


# ------------------------------------------------------------------ group ids and re-analysed articles


def test_group_ids_come_from_the_founding_mention_and_survive_a_rebuild() -> None:
    from presslens.compare.figure_groups import founding_group_id

    grouper, _ = _grouper()
    for gid, group in grouper.groups.items():
        founder = min(group.mention_ids, key=lambda i: grouper._order_key(grouper.mentions[i]))
        assert gid == founding_group_id(founder)
    before = grouper.assignment()
    grouper.rebuild()
    assert grouper.assignment() == before
    # two indexers that never saw each other's articles cannot give two groups one id
    first, second = _grouper([0, 1]), _grouper([2, 3, 4])
    assert set(first[0].groups).isdisjoint(second[0].groups)
    # an id already in use (its founder's article was re-analysed, the group lives on) is salted
    taken = {founding_group_id("a1:0-5")}
    assert founding_group_id("a1:0-5", taken) not in taken


def _state(grouper: FigureGrouper) -> dict[frozenset[str], tuple[object, ...]]:
    """Everything a group's scoring reads, keyed by its members (ids differ between groupers)."""
    out = {}
    for g in grouper.groups.values():
        out[frozenset(g.mention_ids)] = (
            {t: round(w, 6) for t, w in g.tokens.items()}, dict(g.heads), dict(g.predicates), g.role,
            round(g.log_sum, 6), g.log_count, g.incidents, g.cumulatives, g.located, dict(g.places or {}))
    return out


def test_removing_an_article_leaves_the_groups_as_if_it_never_came() -> None:
    full, _ = _grouper()
    without, _ = _grouper([0, 1, 3, 4])
    removed = full.remove_article("a3")
    assert removed and not any(m.startswith("a3:") for m in full.group_of)
    assert not any(m.startswith("a3:") for m in full.mentions)
    assert _state(full) == _state(without)
    # the postings no longer propose a group through words only a3 used
    for (measure, _word), rows in full._postings.items():
        assert all(full._rows[measure].gids[r] in full.groups for r in rows)
    # and scoring afterwards sees the same vectors: adding a new article gives the same partition
    late = _article("a6", "Some 300,000 men have left the country since the call-up, officials said.", 8)
    full.add_article(late, _findings(late))
    without.add_article(late, _findings(late))
    assert _partition(full) == _partition(without)


def test_replacing_an_article_regroups_only_its_mentions() -> None:
    grouper, by_text = _grouper()
    left = grouper.group_of[by_text["More than 100,000 men"].id]
    others = {mid: gid for mid, gid in grouper.assignment().items() if not mid.startswith("a3:")}
    # a3 re-analysed: its text is the same, its findings now hold only the detention figure of a new version
    a3 = _article("a3", "Police have detained 1,350 protesters at rallies since the call-up, a monitoring "
                  "group said. The border is 300 km away.", 3, "Ledger")
    new = grouper.replace_article(a3, _findings(a3))
    assert {m.text for m in new} >= {"1,350 protesters"}
    assert "About 260,000 men" not in {grouper.mentions[i].text for i in grouper.groups[left].mention_ids}
    assert {mid: grouper.group_of[mid] for mid in others} == others  # nobody else moved
    detained = grouper.group_of[by_text["1,300 protesters"].id]
    assert grouper.group_of[next(m.id for m in new if m.text == "1,350 protesters")] == detained


def test_sweep_scores_the_seen_splits_together_and_refuses_test(monkeypatch: pytest.MonkeyPatch,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    ap = argparse.ArgumentParser()
    evaluation.add_arguments(ap)
    data = ["--data", str(ROOT / "data/figures"), "--embedder", "hashed", "--sweep"]
    assert evaluation.main(ap.parse_args([*data, "--sweep-splits", "dev,test"])) == 2
    assert "seen splits only" in capsys.readouterr().out
    monkeypatch.setattr(evaluation, "SWEEP_GRID", {"threshold": (0.3, 0.9), "embed_weight": (0.3,),
                                                   "magnitude_weight": (0.1,), "headless_margin": (0.1,)})
    assert evaluation.main(ap.parse_args([*data, "--sweep-splits", "dev,test_v1"])) == 0
    out = capsys.readouterr().out
    rows = [line for line in out.splitlines() if line.startswith(("| 0.3 ", "| 0.9 "))]
    assert len(rows) == 2
    for row in rows:  # 4 settings, the F1 of dev and of test_v1, their mean, then the error counts
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert len(cells) == 10
        assert float(cells[6]) == pytest.approx((float(cells[4]) + float(cells[5])) / 2, abs=0.001)
    assert "chosen" in out or "no setting" in out
    assert evaluation.main(ap.parse_args([*data, "--sweep-splits", "dev,test_v1", "--loso"])) == 0
    loso = [line for line in capsys.readouterr().out.splitlines() if line.startswith("| strict | ")]
    assert [line.split("|")[2].strip() for line in loso] == ["dev", "test_v1"]  # each split held out once
    assert evaluation.main(ap.parse_args(["--data", str(ROOT / "data/figures"), "--loso"])) == 2  # needs --sweep


def test_a_crowd_that_came_is_not_a_count_of_people_detained_or_gone() -> None:
    assert clause_predicate("A concert in the capital drew many people on Sunday") == "attend"
    assert clause_predicate("many people marched through the centre") == "attend"
    assert clause_predicate("many people have been evacuated from the district") == "leave"
    assert clause_predicate("many media workers are being held in custody") == "detain"
    grouper = FigureGrouper(hashed_embedder(), _rules_config(threshold=0.1, headless_margin=0.0))
    for aid, day, text in [("r1", 1, "Police detained 1,300 people at rallies in the capital on Sunday."),
                           ("r2", 2, "Police detained 1,500 people at rallies in the capital."),
                           ("r3", 3, "A concert in the capital drew 1,400 people on Sunday.")]:
        art = _article(aid, text, day)
        grouper.add_article(art, _findings(art))
    by_text = {m.text: m for m in grouper.mentions.values()}
    detained = grouper.group_of[by_text["1,300 people"].id]
    assert grouper.group_of[by_text["1,500 people"].id] == detained
    assert grouper.group_of[by_text["1,400 people"].id] != detained  # even at a threshold that lets anything in


def test_a_share_of_something_never_joins_a_rate() -> None:
    from presslens.compare.figures import share_of

    assert share_of(" of respondents oppose the draft") == "respondent"
    assert share_of(" of the city's homes") == "household"
    assert share_of(" in August, the highest in a decade") is None
    grouper = FigureGrouper(hashed_embedder(), _rules_config(threshold=0.1, headless_margin=0.0))
    for aid, day, text in [("i1", 1, "Annual inflation in the capital reached 14 per cent in August."),
                           ("i2", 2, "Annual inflation in the capital reached 15 per cent in September."),
                           ("i3", 3, "In the capital, 14 per cent of residents said inflation was their worry.")]:
        art = _article(aid, text, day)
        grouper.add_article(art, _findings(art))
    by_start = {(m.article_id, m.text): m for m in grouper.mentions.values() if m.measure == "percent"}
    rate = grouper.group_of[by_start[("i1", "14 per cent")].id]
    assert grouper.group_of[by_start[("i2", "15 per cent")].id] == rate
    share = by_start[("i3", "14 per cent")]
    assert share.head == "people" and grouper.group_of[share.id] != rate  # same value, same words, a share


# ------------------------------------------------------------------ other outcomes of the same event


def _group_texts(texts: list[tuple[str, int, str]], config: GroupingConfig | None = None
                 ) -> tuple[FigureGrouper, dict[str, FigureMention]]:
    grouper = FigureGrouper(hashed_embedder(), config or _rules_config(threshold=0.1, headless_margin=0.0))
    for aid, day, text in texts:
        art = _article(aid, text, day)
        grouper.add_article(art, _findings(art))
    return grouper, {m.text: m for m in grouper.mentions.values()}


def test_outcome_words_name_their_own_predicate() -> None:
    assert clause_predicate("many people were wounded in the shelling") == "wound"
    assert clause_predicate("It also recorded many people injured.") == "wound"
    assert clause_predicate("Relatives say many were released last week") == "release"
    assert clause_predicate("many men are held at the checkpoint") == "detain"
    assert clause_predicate("many people were vaccinated on the first day") == "vaccinate"
    assert clause_predicate("doctors have recorded many cases of cholera") == "infect"
    assert clause_predicate("the UN verified many civilian deaths in the city") == "kill"
    assert clause_predicate("many people are still trapped in the city") == "remain"
    assert clause_predicate("many residents are still living in the city") == "remain"
    assert clause_predicate("many civilians remain in the city") == "remain"
    assert clause_predicate("many civilians have been brought out of the city") == "leave"
    assert clause_predicate("volunteers had registered many new arrivals") == "register"


def test_copulas_and_particles_do_not_make_a_predicate() -> None:
    assert clause_predicate("the quota remained many men") is None  # a level, like "reached"
    # not "remain" either with a call-up in the clause: the copula stays a level, the call-up names the count
    assert clause_predicate("the target of the call-up remained many men") == "mobilise"
    assert clause_predicate("many schools remain shut") is None
    assert clause_predicate("many houses are still under water") is None
    assert clause_predicate("recorded many cholera cases, a figure the department called unfounded") == "infect"
    assert clause_predicate("many reservists would be called up") == "mobilise"


def test_deaths_from_illness_are_not_the_toll_of_violence() -> None:
    assert clause_predicate("many people have died of the disease") == "illness_death"
    assert clause_predicate("many people have died in the shelling") == "kill"
    grouper, by_text = _group_texts([
        ("k1", 1, "At least 1,400 civilians have been killed in the city since the siege began."),
        ("k2", 3, "About 1,600 people have died in the city since the siege began, doctors said."),
        ("k3", 4, "Nine people have died of the disease in the city since the siege began.")])
    toll = grouper.group_of[by_text["At least 1,400 civilians"].id]
    assert grouper.group_of[by_text["About 1,600 people"].id] == toll
    assert grouper.group_of[by_text["Nine people"].id] != toll
    assert not grouper.conflicts()


def test_wounded_beside_killed_and_released_beside_held_stay_apart() -> None:
    grouper, by_text = _group_texts([
        ("w1", 1, "The council said 1,400 people have been killed in the city since the siege began."),
        ("w2", 2, "The council said 1,500 people have been wounded in the city since the siege began."),
        ("w3", 3, "The council said 1,480 people have been killed in the city since the siege began."),
        ("h1", 1, "Monitors say 200 men are held at the checkpoint camp near the city."),
        ("h2", 2, "Monitors say 60 men were released from the checkpoint camp near the city."),
        ("h3", 3, "Monitors say 210 men are held at the checkpoint camp near the city.")])
    killed = grouper.group_of[by_text["1,400 people"].id]
    assert grouper.group_of[by_text["1,480 people"].id] == killed
    assert grouper.group_of[by_text["1,500 people"].id] != killed
    held = grouper.group_of[by_text["200 men"].id]
    assert grouper.group_of[by_text["210 men"].id] == held
    assert grouper.group_of[by_text["60 men"].id] != held
    assert not grouper.conflicts()  # no false conflict from a merged other outcome


def test_those_who_left_and_those_who_remain_stay_apart() -> None:
    grouper, by_text = _group_texts([
        ("e1", 1, "About 120,000 civilians remained inside the city, the mayor said."),
        ("e2", 2, "More than 3,000 civilians left the city through the corridor, officials said."),
        ("e3", 4, "Some 100,000 people are still trapped in the city, the UN said."),
        ("e4", 5, "About 6,000 people have been bussed out of the city since the corridor opened."),
        ("e5", 6, "About 85,000 people are still in the city, the UN said.")])
    stayed = grouper.group_of[by_text["About 120,000 civilians"].id]
    left = grouper.group_of[by_text["More than 3,000 civilians"].id]
    assert stayed != left
    assert {grouper.group_of[by_text[t].id] for t in ("Some 100,000 people", "About 85,000 people")} == {stayed}
    assert grouper.group_of[by_text["About 6,000 people"].id] == left


def test_cases_vaccinations_and_registrations_are_different_counts() -> None:
    grouper, by_text = _group_texts([
        ("v1", 1, "The health department said doctors have recorded 3,000 cases of cholera in the city."),
        ("v2", 2, "The UN said 4,000 people were vaccinated against cholera in the city."),
        ("v3", 3, "The health department said doctors have recorded 3,500 cholera cases in the city."),
        ("v4", 4, "The clinic in the city has treated more than 3,000 cholera patients."),
        ("v5", 5, "The clinic said 14 patients have died of cholera in the city.")])
    cases = grouper.group_of[by_text["3,000 cases"].id]
    assert grouper.group_of[by_text["3,500 cholera cases"].id] == cases
    assert grouper.group_of[by_text["more than 3,000 cholera patients"].id] == cases  # patients are cases
    assert grouper.group_of[by_text["4,000 people"].id] != cases
    assert grouper.group_of[by_text["14 patients"].id] != cases


def test_sub_counts_are_parts_not_totals() -> None:
    from presslens.compare.figure_words import clause_role, clause_subcount

    assert clause_subcount("the UN verified 1,870 deaths, including many children")
    assert clause_subcount("The council counts many children among the dead")
    assert clause_subcount("40 were wounded, of whom many seriously")
    assert not clause_subcount("Port Vell's reception centres have registered many of them")
    assert clause_role("including many civilians") == "part"
    grouper, by_text = _group_texts([
        ("s1", 1, "The UN said 1,870 people have been killed in the city since the siege began."),
        ("s2", 2, "Since the siege began 2,000 people have been killed in the city, including 900 civilians."),
        ("s3", 3, "The UN said 2,100 people have been killed in the city since the siege began.")])
    killed = grouper.group_of[by_text["1,870 people"].id]
    assert grouper.group_of[by_text["2,100 people"].id] == killed
    assert grouper.group_of[by_text["900 civilians"].id] != killed


def test_civilians_never_join_soldiers_and_parts_name_their_noun() -> None:
    from presslens.compare.figures import head_noun, part_of

    assert head_noun("civilians") == "civilian"
    assert heads_compatible("civilian", "people") and heads_compatible("civilian", head_noun("residents"))
    assert not heads_compatible("civilian", head_noun("soldiers"))
    assert not heads_compatible("civilian", head_noun("fighters"))
    assert heads_compatible("people", head_noun("soldiers"))  # "people" may count everyone
    assert part_of(" of its drivers, the charity said") == "driver"
    assert part_of(" of them; the rest went on") is None
    art = _article("d1", "Shells landed near the convoy, killing two of its drivers.", 1)
    (m,) = [x for x in mentions_from_findings(art, _findings(art)) if x.measure]
    assert m.head == "driver"


def test_prices_and_tonnages_say_what_they_measure() -> None:
    assert measure_class("count", "ducats") == "money:ducats"
    art = _article("t1", "Nine lorries carrying 180 tonnes of flour reached the city. The army handed out "
                   "15 tonnes of food. A convoy carrying 12 tonnes of chlorine tablets is due.", 1)
    heads = {m.text: m.head for m in mentions_from_findings(art, _findings(art)) if m.measure}
    assert heads["180 tonnes"] == "flour" and heads["15 tonnes"] == "food" and heads["12 tonnes"] == "chlorine"
    assert not heads_compatible("food", "chlorine") and heads_compatible(None, "flour")


def test_features_are_recomputed_from_the_mention_not_its_id() -> None:
    """The grouper keeps no clause features per mention (memory); taking a mention out of its group and
    re-analysing an article whose mention keeps its id both use that mention's own features."""
    grouper, by_text = _group_texts([
        ("f1", 1, "The council said 1,400 people have been killed in the city since the siege began."),
        ("f2", 2, "The council said 1,450 people have been killed in the city since the siege began.")])
    killed = grouper.group_of[by_text["1,400 people"].id]
    old = by_text["1,450 people"]
    assert grouper.group_of[old.id] == killed
    # same text length, same offsets of the figure: the re-analysed mention has the same id, another predicate
    art = _article("f2", "The council said 1,450 people have been wounded in the city since the siege began.", 2)
    new = grouper.replace_article(art, _findings(art))
    (same_id,) = [m for m in new if m.text == "1,450 people"]
    assert same_id.id == old.id and grouper.features(same_id).predicate == "wound"
    assert grouper.group_of[same_id.id] != killed
    group = grouper.groups[killed]
    assert dict(group.predicates) == {"kill": 1} and group.size == 1  # the old mention's words left with it


# ------------------------------------------------------------------ other outcomes, scopes and parts (test_v4)


def test_homes_cut_off_and_homes_reconnected_stay_apart() -> None:
    assert clause_predicate("many homes in the valley were without power on Monday") == "outage"
    assert clause_predicate("the storm left many households with no electricity") == "outage"
    assert clause_predicate("strikes on the grid cut power to many homes overnight") == "outage"
    assert clause_predicate("many customers are still waiting for electricity to come back") == "outage"
    assert clause_predicate("many residents have no running water") == "outage"
    assert clause_predicate("engineers had reconnected many homes by Friday") == "restore"
    assert clause_predicate("crews restored supply to many households") == "restore"
    assert clause_predicate("many of them could not be repaired before spring") == "not_restore"
    grouper, by_text = _group_texts([
        ("o1", 1, "About 300,000 households in the valley were without power on Monday, the utility said."),
        ("o2", 2, "Engineers had reconnected 280,000 households in the valley by Tuesday, the utility said."),
        ("o3", 3, "Some 320,000 homes in the valley were still without electricity, the utility said."),
        ("o4", 4, "More than 330,000 customers in the valley lost power on Thursday, the utility said.")])
    off = grouper.group_of[by_text["About 300,000 households"].id]
    assert grouper.group_of[by_text["280,000 households"].id] != off
    assert grouper.group_of[by_text["Some 320,000 homes"].id] == off
    assert grouper.group_of[by_text["More than 330,000 customers"].id] == off  # utility customers are households
    assert not grouper.conflicts()


def test_drones_launched_and_drones_shot_down_stay_apart() -> None:
    from presslens.compare.figure_words import clause_role

    assert clause_predicate("the enemy launched many drones overnight") == "launch"
    assert clause_predicate("air defences shot down many drones") == "intercept"
    assert clause_predicate("he shot many photographs of the ruins") is None  # "shot" without "down"
    assert clause_role("air defences downed many of the drones", count=True) == "part"
    assert clause_role("air defences downed many of the drones") == "total"  # a share, for a percentage
    assert clause_role("registration centres have registered many of them", count=True) == "total"
    grouper, by_text = _group_texts([
        ("l1", 1, "The enemy launched 90 drones at the eastern cities overnight, the air force said."),
        ("l2", 2, "Air defences intercepted 80 drones over the eastern cities, the air force said."),
        ("l3", 3, "The enemy had launched about 95 drones at the eastern cities, the air force said."),
        ("l4", 4, "Air defences shot down 70 of the drones over the eastern cities, the air force said.")])
    launched = grouper.group_of[by_text["90 drones"].id]
    assert grouper.group_of[by_text["about 95 drones"].id] == launched
    assert grouper.group_of[by_text["80 drones"].id] != launched
    assert grouper.group_of[[m for t, m in by_text.items() if t.startswith("70")][0].id] != launched


def test_the_toll_of_one_strike_never_joins_the_toll_of_the_campaign() -> None:
    from presslens.compare.figure_words import clause_places, clause_scope

    assert clause_scope("many people died when a missile struck a school") == "incident"
    assert clause_scope("the deadliest single attack killed many people") == "incident"
    assert clause_scope("that night alone, the raids killed many civilians") == "incident"
    assert clause_scope("many civilians have been killed since the offensive began") == "cumulative"
    assert clause_scope("many civilians died in the whole offensive") == "cumulative"
    assert clause_scope("many people were killed in the shelling") is None
    assert clause_scope("the toll rose to many, the highest since the war began") is None  # compares, no sum
    assert clause_scope("police detained many people at the protest since Wednesday") == "cumulative"
    assert clause_places("Nine people died when a shell hit a bus station in Varno on Monday") == {"varno"}
    grouper, by_text = _group_texts([
        ("k1", 1, "At least 40 civilians have been killed since the offensive began, the ministry said."),
        ("k2", 2, "Nine civilians died when a shell hit a bus station in Varno, the ministry said."),
        ("k3", 3, "About 50 civilians have been killed since the offensive began, the ministry said."),
        ("k4", 4, "Six civilians died when a shell hit a market in Olmen, the ministry said."),
        ("k5", 5, "The shelling of the bus station in Varno killed 11 civilians, the ministry said."),
        ("k6", 6, "The deadliest single strike, on the bus station in Varno, killed 12 civilians.")])
    campaign = grouper.group_of[by_text["At least 40 civilians"].id]
    assert grouper.group_of[by_text["About 50 civilians"].id] == campaign
    varno = grouper.group_of[by_text["Nine civilians"].id]
    assert campaign != varno
    assert grouper.group_of[by_text["Six civilians"].id] not in (campaign, varno)  # another place
    assert grouper.group_of[by_text["12 civilians"].id] == varno  # the same strike, named by its place
    assert not [c for c in grouper.conflicts() if {c.first.text, c.second.text} & {"Six civilians"}]


def test_a_sum_given_as_a_part_of_a_total_is_a_part() -> None:
    from presslens.compare.figure_words import clause_role

    assert clause_role("with many promised at the conference", after_figure=True) == "part"
    assert clause_role("with many promised at the conference") == "total"  # a sentence opening "With N"
    grouper, by_text = _group_texts([
        ("p1", 1, "Donors have pledged €400 million in aid to the region, the ministry said."),
        ("p2", 3, "Pledges of aid to the region have reached €430 million, with €50 million promised at "
                  "Monday's conference."),
        ("p3", 5, "Donors have now pledged €420 million in aid to the region, the ministry said.")])
    total = grouper.group_of[by_text["€400 million"].id]
    assert grouper.group_of[by_text["€420 million"].id] == total
    assert grouper.group_of[by_text["€50 million"].id] != total
    assert not grouper.conflicts()


def test_money_of_another_purpose_stays_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    assert clause_predicate("donors pledged €many for the grid") == "pledge"
    assert clause_predicate("a generator now costs €many") == "price"
    assert clause_predicate("the government has set aside €many for repairs") == "allocate"
    assert clause_predicate("the many crowns spent on the airport") == "spend"
    art = _article("q1", "About 9,000 people spent the night in shelters. The city spent €40 million on them.", 1)
    preds = {m.text: figure_groups_module.mention_features(m).predicate
             for m in mentions_from_findings(art, _findings(art)) if m.measure}
    assert preds == {"About 9,000 people": None, "€40 million": "spend"}  # no sum of money in a count
    texts = [("m1", 1, "A loaf of bread now costs 40 ducats at the central market, residents said."),
             ("m2", 2, "When it can be found at all, a litre of petrol costs 90 ducats."),
             ("m3", 3, "A loaf of bread now costs 45 ducats at the central market, residents said.")]
    strict = _rules_config(threshold=0.1, headless_margin=0.9)  # a sum without a noun needs the margin
    grouper, by_text = _group_texts(texts, strict)
    bread = grouper.group_of[by_text["40 ducats"].id]
    assert grouper.group_of[by_text["90 ducats"].id] != bread  # sharing "costs" waives no headless margin
    monkeypatch.setattr(figure_groups_module, "GENERIC_PREDICATES", frozenset())
    grouper, by_text = _group_texts(texts, strict)
    assert grouper.group_of[by_text["90 ducats"].id] == grouper.group_of[by_text["40 ducats"].id]
    grouper, by_text = _group_texts([
        ("s1", 1, "Donors pledged 300 million crowns to rebuild the port, the ministry said."),
        ("s2", 2, "The council spent 310 million crowns to rebuild the port, the ministry said."),
        ("s3", 3, "Donors have pledged 320 million crowns to rebuild the port, the ministry said.")])
    pledged = grouper.group_of[by_text["300 million crowns"].id]
    assert grouper.group_of[by_text["320 million crowns"].id] == pledged
    assert grouper.group_of[by_text["310 million crowns"].id] != pledged


def test_stocks_capacities_durations_and_multipliers_are_not_event_counts() -> None:
    from presslens.compare.figure_words import clause_role

    assert clause_role("the region has only many household connections") == "population"
    assert clause_role("the shelters have many beds") == "population"
    assert clause_role("the plant has a capacity of many megawatts") == "population"
    assert clause_role("police have detained many people") == "total"
    assert measure_class("count", "nights") is None and measure_class("count", "times") is None
    assert measure_class("count", "households") == "count"
    grouper, by_text = _group_texts([
        ("c1", 1, "About 300,000 households in the valley were without power, the utility said."),
        ("c2", 2, "The valley has only 500,000 households, the utility said."),
        ("c3", 3, "The town of Varno has 40,000 households; the city of Olmen has 90,000 households."),
        ("c4", 4, "A pensioner said she had spent two nights in a shelter.")])
    off = grouper.group_of[by_text["About 300,000 households"].id]
    assert grouper.group_of[by_text["500,000 households"].id] != off
    assert grouper.group_of[by_text["40,000 households"].id] != grouper.group_of[by_text["90,000 households"].id]
    assert by_text["two nights"].measure is None and by_text["two nights"].id not in grouper.group_of


def test_counted_nouns_of_possessives_compounds_and_parts_of_a_population() -> None:
    from presslens.compare.figures import head_noun

    assert head_noun("heating points") == head_noun("warming centres") != head_noun("recruitment centres")
    assert head_noun("customers") == head_noun("households")
    assert head_noun("elderly people") == "elderly" and not heads_compatible("elderly", "people")
    assert head_noun("city's") is None
    art = _article("h1", "Engineers said two of the town's six pumping stations were reconnected. Trams run "
                   "on four of the town's 12 routes.", 1)
    heads = {m.text: m.head for m in mentions_from_findings(art, _findings(art)) if m.measure}
    assert heads["two of the town's"] == "station" and heads["four of the town's"] == "route"


def test_nearly_and_almost_cap_a_figure_in_conflicts() -> None:
    from presslens.compare.conflicts import mention_interval

    art = _article("n1", "Nearly 700,000 households lost power. Almost 90 drones were launched.", 1)
    ivs = {m.text: mention_interval(m) for m in mentions_from_findings(art, _findings(art)) if m.measure}
    assert ivs["Nearly 700,000 households"] == (0.0, 700_000.0)
    assert ivs["Almost 90 drones"] == (0.0, 90.0)
    about = _mention("a", 1, 300_000, "approx")
    nearly = FigureMention(article_id="b", start=0, end=14, text="nearly 700,000", label="count", measure="count",
                           value=700_000, bound="approx", number_start=7, number_end=14,
                           date=_dt.date(2025, 9, 5))
    assert not find_conflicts([about, nearly])  # 240,000..360,000 fits under "nearly 700,000"
    assert find_conflicts([_mention("c", 2, 800_000), nearly])


def test_removing_an_incident_leaves_the_places_as_if_it_never_came() -> None:
    texts = [
        ("i1", 1, "Nine civilians died when a shell hit a bus station in Varno, the ministry said."),
        ("i2", 2, "Ten civilians died when a shell hit the bus station in Varno and Olmen, officials said."),
        ("i3", 3, "About 50 civilians have been killed since the offensive began, the ministry said.")]
    full, _ = _group_texts(texts)
    without, _ = _group_texts([texts[0], texts[2]])
    full.remove_article("i2")
    assert _state(full) == _state(without)
    full.rebuild()
    assert _state(full) == _state(without)


def test_one_strike_joins_a_count_without_scope_only_when_it_names_its_place() -> None:
    grouper, by_text = _group_texts([
        ("r1", 1, "At least 60 civilians have been killed in the offensive, the ministry said."),
        ("r2", 2, "The toll from the shelling of the bus station in Varno has risen to 14, officials said."),
        ("r3", 3, "Seven civilians died when a shell hit a school in Brodno, the ministry said."),
        ("r4", 4, "Sixteen civilians died when a shell hit the bus station in Varno, the mayor said.")])
    offensive = grouper.group_of[by_text["At least 60 civilians"].id]
    varno = grouper.group_of[by_text["14"].id]
    assert grouper.group_of[by_text["Seven civilians"].id] not in (offensive, varno)
    assert grouper.group_of[by_text["Sixteen civilians"].id] == varno


# ------------------------------------------------------------------ after test_v5: a blockade story


def test_queued_laid_cleared_sailed_and_repatriated_are_their_own_outcomes() -> None:
    assert clause_predicate("many ships are waiting at anchor off the cape") == "wait"
    assert clause_predicate("many vessels were queued for inspection") == "wait"
    assert clause_predicate("many tonnes of maize were waiting to be loaded") is None  # a stock, not a queue
    assert clause_predicate("many ships have sailed through the corridor") == "leave"
    assert clause_predicate("the repatriation of many sailors by bus") == "leave"
    assert clause_predicate("many merchant ships are stuck in the two ports") == "remain"
    assert clause_predicate("many crew remained aboard the tankers") == "remain"
    assert clause_predicate("the enemy has laid many mines along the coast") == "lay"
    assert clause_predicate("divers have made safe many mines in the bay") == "clear"
    assert clause_predicate("the navy has neutralised many mines") == "clear"
    assert clause_predicate("many fishermen remain in enemy custody") == "detain"
    assert clause_predicate("households still waiting for power to return: many") == "outage"
    grouper, by_text = _group_texts([
        ("w1", 1, "About 60 merchant ships are trapped in the port of Tarn, the harbour master said."),
        ("w2", 2, "About 60 ships are waiting at anchor off Velm to enter the corridor, agents said."),
        ("w3", 3, "Around 65 merchant ships remain stuck in the port of Tarn, officials said."),
        ("w4", 4, "Navy divers have cleared 12 mines near Tarn since the war began."),
        ("w5", 5, "The enemy is believed to have laid about 300 mines near Tarn since the war began.")])
    trapped = grouper.group_of[by_text["About 60 merchant ships"].id]
    assert grouper.group_of[by_text["Around 65 merchant ships"].id] == trapped
    assert grouper.group_of[by_text["About 60 ships"].id] != trapped
    assert grouper.group_of[by_text["12 mines"].id] != grouper.group_of[by_text["about 300 mines"].id]


def test_rates_and_capacities_never_join_amounts() -> None:
    from presslens.compare.figure_words import clause_potential, clause_rate, clause_role

    assert clause_rate("a deal could allow up to many ships a day to sail")
    assert clause_rate("Before the war the port shipped many tonnes a month")
    assert clause_rate("the terminal's daily loading rate of many tonnes")
    assert not clause_rate("many ships have sailed since the corridor opened a week ago")
    assert clause_potential("the corridor could move up to many tonnes")
    assert clause_potential("the silos can hold many tonnes of grain")
    assert clause_potential("the ministry expects to export many tonnes of wheat in February")  # a forecast
    assert not clause_potential("the final toll could reach many, rescuers said")  # a hedged count
    assert not clause_potential("the army aims to mobilise many men")  # a planned total, tracked like any other
    assert clause_role("up to many ships a day could sail") == "rate"
    assert clause_role("the silos can hold many tonnes") == "potential"
    grouper, by_text = _group_texts([
        ("q1", 1, "About 400,000 tonnes of grain have left the country through the corridor, officials said."),
        ("q2", 2, "The corridor could move up to 3 million tonnes of grain, officials said."),
        ("q3", 3, "Before the war the country exported about 4 million tonnes of grain a month."),
        ("q4", 4, "More than 600,000 tonnes of grain have left the country through the corridor.")])
    left = grouper.group_of[by_text["About 400,000 tonnes"].id]
    assert grouper.group_of[by_text["More than 600,000 tonnes"].id] == left
    assert grouper.group_of[by_text["up to 3 million tonnes"].id] != left
    assert grouper.group_of[by_text["about 4 million tonnes"].id] != left


def test_the_age_of_one_person_is_not_a_count() -> None:
    art = _article("a1", "The youngest detainee is 19, the oldest 64. The ship's captain, 58, said the crew "
                   "had waited for weeks. The navy holds 23 fishermen.", 1)
    labels = {m.text: (m.label, m.measure) for m in mentions_from_findings(art, _findings(art))}
    assert labels["19"] == ("age", None) and labels["64"] == ("age", None) and labels["58"] == ("age", None)
    assert labels["23 fishermen"][1] == "count"


def test_one_strike_named_with_an_indefinite_article_is_an_incident() -> None:
    from presslens.compare.figure_words import clause_scope

    assert clause_scope("A missile strike on the grain terminal overnight killed many people") == "incident"
    assert clause_scope("an air raid on the market killed many") == "incident"
    # a running total wins: the strike is the latest, the figure is the sum
    assert clause_scope("after a strike on Monday, many civilians have been killed since the war began") \
        == "cumulative"
    grouper, by_text = _group_texts([
        ("s1", 1, "At least 14 civilians have been killed in Tarn since the blockade began, the mayor said."),
        ("s2", 2, "A missile strike on the ferry terminal in Tarn killed five people, officials said."),
        ("s3", 3, "About 25 civilians have been killed in Tarn since the blockade began, the mayor said.")])
    total = grouper.group_of[by_text["At least 14 civilians"].id]
    assert grouper.group_of[by_text["About 25 civilians"].id] == total
    assert grouper.group_of[by_text["five people"].id] != total


def test_a_cargo_clause_takes_the_predicate_of_its_ships_and_a_held_stock_remains() -> None:
    from presslens.compare.figure_groups import mention_features
    from presslens.compare.figure_words import clause_holds, inherited_predicate

    assert inherited_predicate("carrying many tonnes of wheat", "Eleven ships have left the port since May,") \
        == "leave"
    assert inherited_predicate("the ministry said on Monday", "Eleven ships have left the port,") is None
    assert clause_holds("the country had many tonnes of grain in its ports")  # the bound is masked too
    assert clause_holds("the silos still hold many tonnes")
    art = _article("k1", "At least 11 ships have left the port through the corridor since it opened, the centre "
                   "said on Saturday, carrying about 280,000 tonnes of wheat and maize. The country has 4 "
                   "million tonnes of grain in its silos.", 1)
    feats = {m.text: mention_features(m) for m in mentions_from_findings(art, _findings(art)) if m.measure}
    assert feats["about 280,000 tonnes"].predicate == "leave"
    stock = feats["4 million tonnes"]
    assert stock.predicate == "remain" and stock.role == "total"  # "has N tonnes" is the amount, not a population


def test_a_percentage_is_never_a_per_item_amount_and_ship_synonyms_agree() -> None:
    from presslens.compare.figure_groups import mention_features
    from presslens.compare.figures import head_noun

    art = _article("p1", "Underwriters quote premiums of about 3% of a ship's hull value for a single voyage.", 1)
    (m,) = [m for m in mentions_from_findings(art, _findings(art)) if m.measure]
    assert mention_features(m).role == "total"
    assert head_noun("merchant vessels") == head_noun("ships") and head_noun("sailors") == head_noun("seafarers")
    assert head_noun("maize") == head_noun("grain") != head_noun("fishermen")


def test_leave_one_split_out_chooses_on_the_other_splits(monkeypatch: pytest.MonkeyPatch) -> None:
    from presslens.compare.figure_groups import GroupingConfig as Cfg

    def row(th: float, scores: dict[str, tuple[float, int, int, int]]) -> evaluation.GridRow:
        return evaluation.GridRow(Cfg(threshold=th), {
            sp: evaluation.Scores(0, 0, f1, merged, 10, 3 - missed, false, missed, 0, 0, 0, 10, 0)
            for sp, (f1, merged, missed, false) in scores.items()})

    # setting A is best on a and b but merges on c; B is error-free everywhere but a little lower
    a = row(0.3, {"a": (0.99, 0, 0, 0), "b": (0.99, 0, 0, 0), "c": (0.80, 4, 1, 2)})
    b = row(0.5, {"a": (0.95, 0, 0, 0), "b": (0.96, 0, 0, 0), "c": (0.93, 0, 0, 0)})
    picks = evaluation.leave_one_split_out([a, b], ["a", "b", "c"])
    strict = dict(picks["strict"])
    assert strict["c"] is a  # chosen on a and b only, so c's errors cannot steer it
    assert strict["a"] is b and strict["b"] is b  # c's errors rule A out when c is a tuning split
    table = evaluation.loso_table([a, b], ["a", "b", "c"])
    assert "| strict | c | 0.3 /" in table and "4/10" in table


# ------------------------------------------------------------------ grouping methods: conservative, learned


def _grouper_with(config: GroupingConfig) -> tuple[FigureGrouper, dict[str, FigureMention]]:
    grouper = FigureGrouper(hashed_embedder(), config)
    for aid, day, src, text in CORPUS:
        art = _article(aid, text, day, src)
        grouper.add_article(art, _findings(art))
    return grouper, {m.text: m for m in grouper.mentions.values()}


def _toy_pairs() -> tuple[list[list[float]], list[int]]:
    """Pairs whose label is carried by the cosine and the predicate agreement (the rest is noise)."""
    rng = np.random.default_rng(0)
    rows, labels = [], []
    for i in range(300):
        same = i % 2
        x = list(rng.uniform(0, 1, len(PAIR_FEATURES)))
        x[PAIR_FEATURES.index("cosine")] = float(rng.uniform(0.6, 1.0) if same else rng.uniform(0.0, 0.5))
        x[PAIR_FEATURES.index("same_predicate")] = float(same if i % 7 else 1 - same)
        rows.append(x)
        labels.append(same)
    return rows, labels


def test_pair_model_learns_which_features_say_same_thing_and_round_trips_as_json(tmp_path: Path) -> None:
    rows, labels = _toy_pairs()
    model = fit_pair_model(np.array(rows), np.array(labels))
    assert model.weights[PAIR_FEATURES.index("cosine")] > 0 < model.weights[PAIR_FEATURES.index("same_predicate")]
    right = sum((model.probability(x) >= model.threshold) == bool(y) for x, y in zip(rows, labels, strict=True))
    assert right / len(rows) > 0.9
    path = tmp_path / "pair.json"
    model.save(path)
    assert json.loads(path.read_text())["features"] == list(PAIR_FEATURES)  # plain JSON, no pickle
    again = PairModel.from_json(path.read_text())
    assert again == model and again.probability(rows[0]) == model.probability(rows[0])
    raw = json.loads(path.read_text())
    raw["features"] = raw["features"][:-1]
    with pytest.raises(ValueError, match="features"):
        PairModel.from_json(json.dumps(raw))


def test_shipped_pair_model_matches_the_features_and_the_decided_grouping_is_the_default() -> None:
    from presslens.compare.figure_conflict_model import CONFLICT_FEATURES, default_conflict_model
    from presslens.compare.figure_pair_model import GENERAL_PAIR_FEATURES, default_general_pair_model

    model = default_pair_model()
    assert model.features == PAIR_FEATURES and len(model.weights) == len(PAIR_FEATURES)
    assert 0 < model.threshold < 1
    from presslens.compare.figure_conflict_model import candidate_conflict_model

    default = GroupingConfig()
    assert default.method == "learned-general" and default.conflict_reading == "values"
    # stop 26's pre-registered decision: the precision-first conflict model decides, and inside a group a clash
    # whose words agree is reported too (stop 24's default, the model alone, is still selectable)
    assert default.conflict_model == candidate_conflict_model("general-f1+values-agree-f05")
    assert default.conflict_model == candidate_conflict_model("general-f1+values-model-f05")
    assert default.conflicts_inside == "agree"
    assert default.pair_model is None or default == grouping_config() == grouping_config("general-f1+values-agree-f05")
    stop24 = grouping_config("general-f1+values-model-f05")
    assert stop24.conflicts_inside == "model" and stop24 != default
    stop23 = grouping_config("general-f1+conflicts")  # stop 23's default, still selectable
    assert stop23.conflict_model == default_conflict_model() and stop23.conflicts_inside == "rule"
    earlier = grouping_config("general-f1+tallies-gate")  # stop 22's default, still selectable
    assert earlier.conflict_model == candidate_conflict_model("general-f1+tallies-gate")
    assert earlier.conflict_reading == "tallies"
    general = default_general_pair_model()
    assert general.features == GENERAL_PAIR_FEATURES and 0 < general.threshold < 1
    assert default_conflict_model().features == CONFLICT_FEATURES and 0 < default_conflict_model().threshold < 1
    rules = grouping_config("rules")
    assert rules.method == "rules" and rules.conflict_model is None  # still selectable
    with pytest.raises(ValueError, match="unknown grouping"):
        grouping_config("nonsense")


def test_conservative_method_joins_only_on_the_same_counted_noun_and_predicate() -> None:
    texts = [
        ("c1", 1, "Police detained 1,300 protesters in the capital, rights groups said."),
        ("c2", 2, "Police have detained 1,400 protesters in the capital, rights groups said."),
        ("c3", 3, "About 1,350 protesters marched in the capital, rights groups said."),
        ("c4", 4, "About 1,500 protesters were in the capital, rights groups said."),
    ]
    groupers = {}
    for method in ("rules", "conservative", "same-predicate"):
        grouper = FigureGrouper(hashed_embedder(), _rules_config(method=method))
        for aid, day, text in texts:
            art = _article(aid, text, day)
            grouper.add_article(art, _findings(art))
        groupers[method] = grouper
    cons = groupers["conservative"]
    of = {m.article_id: cons.group_of[m.id] for m in cons.mentions.values() if m.measure == "count"}
    assert of["c1"] == of["c2"]  # same noun, same predicate
    assert of["c3"] not in (of["c1"], of["c4"])  # another predicate
    assert of["c4"] not in (of["c1"], of["c3"])  # no predicate: the conservative policy opens a group
    rules = groupers["rules"]
    assert len(rules.groups) < len(cons.groups)  # the rules let an unknown predicate join on similarity
    same = groupers["same-predicate"]
    assert _partition(same) == _partition(cons)  # here every noun agrees: only the predicates decide


@pytest.mark.parametrize("method", ["conservative", "same-predicate", "learned", "vetoed"])
def test_incremental_assignment_equals_a_rebuild_for_every_method(method: str) -> None:
    grouper, by_text = _grouper_with(_rules_config(method=method))
    before = _partition(grouper)
    grouper.rebuild()
    assert _partition(grouper) == before
    shuffled, _ = _grouper_with(_rules_config(method=method))
    shuffled.rebuild()
    assert _partition(shuffled) == before
    subscribers = by_text["100,000 subscribers"]
    left = next(m for t, m in by_text.items() if t.startswith("More than 100,000 men"))
    assert grouper.group_of[subscribers.id] != grouper.group_of[left.id]


def test_learned_method_uses_the_given_model() -> None:
    grouper, by_text = _grouper_with(_rules_config(method="learned"))
    n = len(PAIR_FEATURES)
    never = PairModel((0.0,) * n, -50.0, (0.0,) * n, (1.0,) * n)
    lone, _ = _grouper_with(_rules_config(method="learned", pair_model=never))
    assert all(g.size == 1 for g in lone.groups.values())  # probability ~0: every mention opens its group
    always = PairModel((0.0,) * n, 50.0, (0.0,) * n, (1.0,) * n)
    joined, _ = _grouper_with(_rules_config(method="learned", pair_model=always))
    assert len(joined.groups) < len(lone.groups)  # hard constraints still keep other measures apart
    assert all(len({joined.mentions[i].measure for i in g.mention_ids}) == 1 for g in joined.groups.values())


def test_pair_examples_label_the_gold_group_and_leave_one_story_out_runs(capsys: pytest.CaptureFixture[str]) -> None:
    data = evaluation.load_dataset(ROOT / "data/figures", "test_v1")
    findings = evaluation.analyse(data.articles)
    dups = evaluation.find_duplicates(data.articles)
    x, y = evaluation.pair_examples(data, findings, dups, hashed_embedder(), _rules_config())
    assert x.shape == (len(y), len(PAIR_FEATURES)) and 0 < y.sum() < len(y)
    ap = argparse.ArgumentParser()
    evaluation.add_arguments(ap)
    assert evaluation.main(ap.parse_args(["--data", str(ROOT / "data/figures"), "--loso-stories", "--sweep-splits",
                                          "test_v1,test_v2", "--embedder", "hashed"])) == 0
    out = capsys.readouterr().out
    for method in evaluation.GROUPING_METHODS:
        if method in figure_groups_module.OUTCOME_METHODS:
            assert f"| {method} |" not in out  # the hashed embedder gives no token states: not measured
            continue
    for crit in evaluation.REFIT_CRITERIA:  # the rules' setting chosen on the other story
        assert f"| rules-refit-{crit} | test_v1 |" in out and f"| **rules-refit-{crit}** | **all" in out
    for method in evaluation.GROUPING_METHODS:
        if method in figure_groups_module.OUTCOME_METHODS:
            continue
        assert f"| {method} | test_v1 |" in out and f"| **{method}** | **all" in out
    assert evaluation.main(ap.parse_args(["--data", str(ROOT / "data/figures"), "--loso-stories", "--sweep-splits",
                                          "dev,test"])) == 2  # never fitted on the fresh test split


def test_clause_window_embeds_only_the_words_around_the_masked_number() -> None:
    seen: list[str] = []

    def record(texts: list[str]) -> np.ndarray:
        seen.extend(texts)
        return np.zeros((len(texts), 2), dtype=np.float32)

    evaluation.windowed(record, 2)(["Police said that on Sunday many people marched through the old town"])
    assert seen == ["on Sunday many people marched"]


def test_vetoed_method_is_the_rules_unless_the_pair_model_says_no() -> None:
    n = len(PAIR_FEATURES)
    rules, _ = _grouper_with(_rules_config())
    yes = PairModel((0.0,) * n, 50.0, (0.0,) * n, (1.0,) * n)
    agreeing, _ = _grouper_with(_rules_config(method="vetoed", pair_model=yes))
    assert _partition(agreeing) == _partition(rules)
    no = PairModel((0.0,) * n, -50.0, (0.0,) * n, (1.0,) * n)
    vetoed, _ = _grouper_with(_rules_config(method="vetoed", pair_model=no))
    assert any(g.size > 1 for g in rules.groups.values()) and all(g.size == 1 for g in vetoed.groups.values())


# ------------------------------------------------------------------ memory layout (same values as before)


def test_the_bit_level_half_cast_gives_numpy_cast_for_every_finite_float16() -> None:
    from presslens.compare.vector_rows import float16_bits_as_float32

    half = np.arange(65536, dtype=np.uint32).astype(np.uint16)
    finite = np.isfinite(half.view(np.float16))
    got = float16_bits_as_float32(half, np.empty(half.shape, np.uint32), np.empty(half.shape, np.uint32))
    expected = half.view(np.float16).astype(np.float32)
    assert np.array_equal(got[finite].view(np.uint32), expected[finite].view(np.uint32))


def test_the_vector_table_keeps_a_replaced_vector_for_the_group_that_read_it() -> None:
    from presslens.compare.vector_rows import VectorTable

    table = VectorTable()
    table["a"] = np.array([1.0, -2.0, 0.5], np.float32)
    first = table.slot("a")
    table["a"] = np.array([3.0, 0.0, 0.0], np.float32)
    table["b"] = np.array([np.inf, 0.0, 1.0], np.float32)  # not finite: gathered with numpy's cast
    assert table.get("a") is not None and table["a"].tolist() == [3.0, 0.0, 0.0]
    assert table.gather_float32(np.array([first])).tolist() == [[1.0, -2.0, 0.5]]
    del table["b"]
    assert "b" not in table and len(table) == 1 and table.get("b") is None
    table.compact()
    assert table.slot("a") == 0 and table["a"].tolist() == [3.0, 0.0, 0.0] and table.rows.shape == (1, 3)
    with pytest.raises(ValueError, match="clause vector of c"):
        table["c"] = np.zeros(4, np.float32)


def test_one_vector_groups_score_as_a_float32_matrix_of_sums_would() -> None:
    """A group with one vector keeps no float32 row; its cosine and norm equal those of a row of sums."""
    grouper, _ = _grouper()
    probe = grouper.vectors.rows[0].astype(np.float32)
    for group in grouper.groups.values():
        total = np.zeros(probe.shape, np.float32)
        for mid in group.mention_ids:
            total += grouper.vectors[mid].astype(np.float32)
        table = grouper._rows[group.measure]
        got = grouper._cosines(table, np.array([group.row]), probe)[0]
        norm = float(np.linalg.norm(total)) or 1.0
        assert got == pytest.approx(float(total @ probe) / norm, abs=1e-6)
        assert table.norms.data[group.row] == pytest.approx(norm, rel=1e-6)


# ------------------------------------------------------------------ outcome vectors (no word list)

OUTCOME_CORPUS = [
    ("b1", 1, "Officials in Corrow said on Monday that 40 miners were underground at the pit during the night."),
    ("b2", 2, "Officials in Corrow said on Tuesday that 45 miners were taken to hospital from the pit during the "
              "night."),
    ("b3", 3, "Officials in Corrow said on Wednesday that 44 miners were underground at the pit during the night."),
]
"""Three figures of one counted noun whose verbs no list knows: two measure the same thing, one another."""


def _two_outcomes(texts: list[str]) -> np.ndarray:
    """A stand-in outcome embedder: one direction for "taken to hospital", another for everything else."""
    return np.array([[1.0, 0.0] if "hospital" in t else [0.0, 1.0] for t in texts], dtype=np.float32)


def _outcome_grouper(method: str, **config: float) -> tuple[FigureGrouper, dict[str, FigureMention]]:
    grouper = FigureGrouper(hashed_embedder(), _rules_config(method=method, **config),
                            outcome_embed=_two_outcomes)
    for aid, day, text in OUTCOME_CORPUS:
        art = _article(aid, text, day)
        grouper.add_article(art, _findings(art))
    return grouper, {m.text: m for m in grouper.mentions.values()}


def test_outcome_span_holds_the_words_after_the_number_up_to_punctuation() -> None:
    from presslens.compare.figure_outcome import outcome_span

    text = "The union said many miners were brought up alive, the service said."
    w0, w1, m0, m1 = outcome_span(text, before=0, after=3)
    assert text[m0:m1] == "many" and text[w0:w1] == "many miners were brought"
    w0, w1, _, _ = outcome_span(text, before=2, after=9)
    assert text[w0:w1] == "union said many miners were brought up alive,"  # stops at the comma
    assert outcome_span("no number here") == (0, 14, 0, 0)


def test_outcome_vectors_pool_the_window_tokens_without_the_mask() -> None:
    from presslens.compare.figure_outcome import outcome_vectors
    from presslens.encoder import Encoded

    text = "said many miners died"
    offsets = np.array([[0, 4], [5, 9], [10, 16], [17, 21]], dtype=np.int32)
    states = np.array([[1, 0, 0], [0, 5, 0], [0, 0, 2], [2, 0, 2]], dtype=np.float32)
    encoded = Encoded(np.zeros((1, 3), np.float32), [states], [offsets])
    plain = outcome_vectors(encoded, [text], before=0, after=2, centred=False)[0]
    expected = (states[2] + states[3]) / 2  # "miners died"; "said" is outside, the mask left out
    assert np.allclose(plain, expected / np.linalg.norm(expected))
    centred = outcome_vectors(encoded, [text], before=0, after=2, centred=True)[0]
    shifted = expected - states.mean(axis=0)
    assert np.allclose(centred, shifted / np.linalg.norm(shifted))


def test_outcome_veto_keeps_an_unlisted_other_outcome_apart() -> None:
    rules, by_text = _outcome_grouper("rules")
    assert len({rules.group_of[m.id] for m in by_text.values()}) == 1  # the rules merge all three
    grouper, by_text = _outcome_grouper("outcome-unknown", outcome_threshold=0.5)
    assert grouper.group_of[by_text["40 miners"].id] == grouper.group_of[by_text["44 miners"].id]
    assert grouper.group_of[by_text["45 miners"].id] != grouper.group_of[by_text["40 miners"].id]
    cos = grouper.outcome_cosine(by_text["45 miners"], grouper.group_of[by_text["40 miners"].id])
    assert cos is not None and cos < 0.5


def test_outcome_method_without_outcome_vectors_is_the_rules() -> None:
    rules, _ = _grouper_with(_rules_config())
    plain, _ = _grouper_with(_rules_config(method="outcome-unknown"))
    assert _partition(plain) == _partition(rules)


def test_outcome_grouping_incremental_equals_a_rebuild_and_a_removal() -> None:
    grouper, by_text = _outcome_grouper("outcome-unknown", outcome_threshold=0.5)
    before = _partition(grouper)
    grouper.rebuild()
    assert _partition(grouper) == before
    grouper.rebuild(reembed=True)
    assert _partition(grouper) == before
    grouper.remove_article("b3")
    gid = grouper.group_of[by_text["40 miners"].id]
    assert grouper.outcome_cosine(by_text["40 miners"], gid) == pytest.approx(1.0)
    assert by_text["44 miners"].id not in grouper.outcomes


def test_near_conflicts_pair_groups_with_the_same_outcome_only() -> None:
    texts = [("c1", 1, "Officials in Corrow said on Monday that 40 miners were underground at the pit."),
             ("c2", 2, "Officials in Corrow said on Tuesday that 400 miners were underground at the pit."),
             ("c3", 3, "Officials in Corrow said on Wednesday that 4,000 miners were taken to hospital.")]
    grouper = FigureGrouper(hashed_embedder(), _rules_config(method="conservative", near_conflict_threshold=0.9),
                            outcome_embed=_two_outcomes)
    for aid, day, text in texts:
        art = _article(aid, text, day)
        grouper.add_article(art, _findings(art))
    by_text = {m.text: m for m in grouper.mentions.values()}
    assert grouper.group_of[by_text["40 miners"].id] != grouper.group_of[by_text["400 miners"].id]
    pairs = {frozenset((c.first.text, c.second.text)) for c in grouper.conflicts()}
    assert frozenset(("40 miners", "400 miners")) in pairs  # split by the cautious policy, still a dispute
    assert not any("4,000 miners" in p for p in pairs)  # another outcome: no conflict
    unset = FigureGrouper(hashed_embedder(), _rules_config(method="conservative"), outcome_embed=_two_outcomes)
    for aid, day, text in texts:
        art = _article(aid, text, day)
        unset.add_article(art, _findings(art))
    assert unset.conflicts() == []


def test_learned_outcome_needs_a_model_fitted_with_the_outcome_cosine() -> None:
    from presslens.compare.figure_pair_model import OUTCOME_PAIR_FEATURES

    with pytest.raises(ValueError, match="outcome cosine"):
        _outcome_grouper("learned-outcome")
    rng = np.random.default_rng(1)
    x = rng.normal(size=(60, len(OUTCOME_PAIR_FEATURES)))
    y = (x[:, -1] > 0).astype(float)
    model = fit_pair_model(x, y, features=OUTCOME_PAIR_FEATURES)
    again = PairModel.from_json(model.to_json())
    assert again.features == OUTCOME_PAIR_FEATURES and again.weights == model.weights
    assert model.weights[-1] == max(model.weights)  # the label follows the outcome cosine
    grouper, _ = _outcome_grouper("learned-outcome", pair_model=model)  # type: ignore[arg-type]
    assert grouper.groups
    ap = argparse.ArgumentParser()
    evaluation.add_arguments(ap)
    assert evaluation.main(ap.parse_args(["--data", str(ROOT / "data/figures"), "--split", "test_v1",
                                          "--method", "learned-outcome"])) == 2  # one clear line, no traceback


def test_general_pair_features_read_article_values_dates_and_bounds() -> None:
    from presslens.compare.figure_groups import general_pair_features
    from presslens.compare.figure_pair_model import GENERAL_PAIR_FEATURES, OUTCOME_PAIR_FEATURES

    members = [_mention("a1", 1, 400), _mention("a2", 3, 300, bound="lower")]
    same_article = general_pair_features(_mention("a1", 1, 40), members, 0.8, True)
    assert len(same_article) == len(GENERAL_PAIR_FEATURES) - len(OUTCOME_PAIR_FEATURES)
    unknown, art, _source, log_days, equal, nearest, clash = same_article
    assert unknown == pytest.approx(0.8) and art == 1.0 and log_days == 0.0 and equal == 0.0
    assert nearest == pytest.approx(np.log10(300 / 40)) and clash == 1.0  # far below 400 and "more than 300"
    later = general_pair_features(_mention("a3", 10, 400, bound="approx"), members, 0.8, False)
    unknown, art, _source, log_days, equal, nearest, clash = later
    assert unknown == 0.0 and art == 0.0 and log_days == pytest.approx(np.log2(8)) and equal == 1.0
    assert nearest == pytest.approx(np.log10(400 / np.sqrt(320 * 480))) and clash == 0.0  # "about 400": 320..480
    assert general_pair_features(_mention("a3", 10, None), [], 0.0, True)[3:] == [np.log2(61), 0.0, 3.0, 0.0]


def test_learned_general_uses_a_model_of_its_own_features(tmp_path: Path) -> None:
    from presslens.compare.figure_pair_model import GENERAL_PAIR_FEATURES

    with pytest.raises(ValueError, match="GENERAL_PAIR_FEATURES"):
        _outcome_grouper("learned-general", pair_model=default_pair_model())  # type: ignore[arg-type]
    n = len(GENERAL_PAIR_FEATURES)
    same_article = GENERAL_PAIR_FEATURES.index("same_article")
    rng = np.random.default_rng(2)
    x = rng.normal(size=(80, n))
    y = (x[:, same_article] < 0).astype(float)
    model = fit_pair_model(x, y, features=GENERAL_PAIR_FEATURES)
    assert model.weights[same_article] == min(model.weights)  # the label follows "not the same article"
    path = tmp_path / "general.json"
    model.save(path)
    assert PairModel.from_json(path.read_text(encoding="utf-8")).features == GENERAL_PAIR_FEATURES
    never = PairModel((0.0,) * n, -50.0, (0.0,) * n, (1.0,) * n, features=GENERAL_PAIR_FEATURES)
    lone, _ = _outcome_grouper("learned-general", pair_model=never)  # type: ignore[arg-type]
    assert all(g.size == 1 for g in lone.groups.values())
    always = PairModel((0.0,) * n, 50.0, (0.0,) * n, (1.0,) * n, features=GENERAL_PAIR_FEATURES)
    joined, by_text = _outcome_grouper("learned-general", pair_model=always)  # type: ignore[arg-type]
    assert len(joined.groups) < len(lone.groups)
    before = _partition(joined)
    joined.rebuild()
    assert _partition(joined) == before  # incremental == rebuild


def test_the_training_stories_are_seen_and_the_fresh_test_never(capsys: pytest.CaptureFixture[str]) -> None:
    assert set(evaluation.DECIDING_STORIES) <= set(evaluation.SEEN_SPLITS)
    assert "test" not in evaluation.SEEN_SPLITS
    ap = argparse.ArgumentParser()
    evaluation.add_arguments(ap)
    assert evaluation.main(ap.parse_args(["--data", str(ROOT / "data/figures"), "--loso-stories", "--sweep-splits",
                                          "test_v1,test_v2", "--loso-held", "test", "--embedder",
                                          "hashed"])) == 2
    assert "--loso-held test: not a story" in capsys.readouterr().out  # the fresh test is never held out here
    assert evaluation.main(ap.parse_args(["--data", str(ROOT / "data/figures"), "--loso-stories", "--sweep-splits",
                                          "test_v1,test_v2", "--loso-held", "test_v2", "--embedder",
                                          "hashed"])) == 0
    out = capsys.readouterr().out
    assert "| rules | test_v2 |" in out and "| rules | test_v1 |" not in out  # only the chosen story held out
    rows = {line.split(" | ")[0] for line in out.splitlines() if "| test_v2 |" in line}
    assert evaluation.main(ap.parse_args(["--data", str(ROOT / "data/figures"), "--loso-stories", "--sweep-splits",
                                          "test_v1,test_v2", "--loso-held", "test_v2", "--embedder", "hashed",
                                          "--pair-criterion", "f1"])) == 0
    assert {line.split(" | ")[0] for line in capsys.readouterr().out.splitlines() if "| test_v2 |" in line} == rows


def test_learned_general_near_conflicts_read_the_value_blind_probability() -> None:
    from presslens.compare.figure_pair_model import GENERAL_PAIR_FEATURES

    n = len(GENERAL_PAIR_FEATURES)
    weights = [0.0] * n
    weights[GENERAL_PAIR_FEATURES.index("magnitude")] = 10.0  # joins only figures of one size
    model = PairModel(tuple(weights), -5.0, (0.0,) * n, (1.0,) * n, threshold=0.9, features=GENERAL_PAIR_FEATURES)
    texts = [("c1", 1, "Officials in Corrow said on Monday that 40 miners were underground at the pit."),
             ("c2", 2, "Officials in Corrow said on Tuesday that 400 miners were underground at the pit.")]

    def build(near: float | None) -> FigureGrouper:
        grouper = FigureGrouper(hashed_embedder(), _rules_config(method="learned-general", pair_model=model,
                                                                  near_conflict_threshold=near),
                                outcome_embed=_two_outcomes)
        for aid, day, text in texts:
            art = _article(aid, text, day)
            grouper.add_article(art, _findings(art))
        return grouper

    grouper = build(0.9)
    by_text = {m.text: m for m in grouper.mentions.values()}
    far, near = by_text["400 miners"], by_text["40 miners"]
    assert grouper.group_of[far.id] != grouper.group_of[near.id]  # a factor of 10: the model does not join
    assert grouper.value_blind_probability(far, grouper.group_of[near.id], 0.0) > 0.99  # had the sizes agreed
    assert {frozenset((c.first.text, c.second.text)) for c in grouper.conflicts()} == {
        frozenset(("40 miners", "400 miners"))}
    assert build(None).conflicts() == []  # no near-conflict threshold: only conflicts inside a group


# ------------------------------------------------------------------ the conflict model (groups9)


def test_the_held_out_stories_may_lie_outside_the_seen_set_and_are_never_fitted_on(
        capsys: pytest.CaptureFixture[str]) -> None:
    # train_b and train_c joined the seen stories after the decision, test_v9 .. test_v21 after each was
    # scored once; "test" is never among them
    assert {"test_v8", "train_b", "train_c", "test_v9", "test_v10", "test_v11", "test_v12", "test_v13",
            "test_v14", "test_v15", "test_v16", "test_v17", "test_v18", "test_v19", "test_v20",
            "test_v21"} <= set(evaluation.SEEN_SPLITS)
    assert len(evaluation.SEEN_SPLITS) == 28
    assert "test" not in evaluation.SEEN_SPLITS and evaluation.SEEN_BEFORE_DECISION[-1] == "train_z"
    assert not set(evaluation.UNSEEN_STORIES) & set(evaluation.SEEN_SPLITS)
    ap = argparse.ArgumentParser()
    evaluation.add_arguments(ap)
    # test_v3 is held out while the folds fit on test_v1 and test_v2 only
    assert evaluation.main(ap.parse_args(["--data", str(ROOT / "data/figures"), "--loso-stories", "--sweep-splits",
                                          "test_v1,test_v2", "--loso-held", "test_v2,test_v3", "--embedder",
                                          "hashed"])) == 0
    out = capsys.readouterr().out
    assert "| rules | test_v3 |" in out and "| rules | test_v2 |" in out and "| rules | test_v1 |" not in out
    assert "held out test_v3: " in out
    assert evaluation.main(ap.parse_args(["--data", str(ROOT / "data/figures"), "--loso-stories", "--loso-methods",
                                          "rules,no-such-method", "--embedder", "hashed"])) == 2
    assert "--loso-methods no-such-method" in capsys.readouterr().out


def test_leave_one_story_out_trains_only_on_the_training_splits(monkeypatch: pytest.MonkeyPatch) -> None:
    from types import SimpleNamespace

    seen: list[list[str]] = []

    def fake_choose(train, *_a, **_k):  # type: ignore[no-untyped-def]
        seen.append(sorted(p.name for p in train))
        return 0.5, 0.5

    monkeypatch.setattr(evaluation, "choose_rules_setting", fake_choose)
    monkeypatch.setattr(evaluation, "GROUPING_METHODS", ())
    monkeypatch.setattr(evaluation, "PAIR_METHODS", ())
    monkeypatch.setattr(evaluation, "REFIT_CRITERIA", ("errors",))
    monkeypatch.setattr(evaluation, "group_articles", lambda *a, **k: None)
    monkeypatch.setattr(evaluation, "score", lambda *a, **k: None)
    splits = [SimpleNamespace(name=n, data=SimpleNamespace(articles=[]), findings={}, duplicates={})
              for n in ("a", "b", "x", "y")]
    evaluation.leave_one_story_out(splits, None, _rules_config(), None, ["x", "y"],  # type: ignore[arg-type]
                                   training=["a", "b"])
    assert seen == [["a", "b"], ["a", "b"]]  # y held out never trains on x, nor x on y


def test_part_spans_read_the_word_after_the_number_and_the_predicate_around_it() -> None:
    from presslens.compare.figure_parts import part_spans

    def parts(text: str) -> tuple[str, str]:
        (n0, n1), (p0, p1), _mask = part_spans(text)
        return text[n0:n1], text[p0:p1]

    assert parts("many miners were taken to hospital") == ("miners", "were taken to")
    assert parts("the death toll has risen to many") == ("", "has risen to")
    assert parts("about many, officials said") == ("", "about")
    assert parts("no number here") == ("", "")


def _parts_stand_in(texts: list[str]) -> np.ndarray:
    """A stand-in part embedder: the noun half says "miners" or not, the predicate half "underground" or not."""
    rows = []
    for t in texts:
        noun = [1.0, 0.0] if "miners" in t else [0.0, 1.0]
        pred = [1.0, 0.0] if "underground" in t else [0.0, 1.0]
        rows.append(noun + pred)
    return np.array(rows, dtype=np.float32)


CONFLICT_TEXTS = [("k1", 1, "Officials in Corrow said on Monday that 40 miners were underground at the pit."),
                  ("k2", 2, "Officials in Corrow said on Tuesday that 400 miners were underground at the pit."),
                  ("k3", 3, "Officials in Corrow said on Wednesday that 41 miners were underground at the pit.")]


def _conflict_grouper(conflict_model: PairModel | None, texts: list[tuple[str, int, str]] = CONFLICT_TEXTS,
                      ) -> FigureGrouper:
    from presslens.compare.figure_pair_model import GENERAL_PAIR_FEATURES

    n = len(GENERAL_PAIR_FEATURES)
    never = PairModel((0.0,) * n, -50.0, (0.0,) * n, (1.0,) * n, features=GENERAL_PAIR_FEATURES)
    grouper = FigureGrouper(hashed_embedder(), _rules_config(method="learned-general", pair_model=never,
                                                              conflict_model=conflict_model),
                            outcome_embed=_two_outcomes, part_embed=_parts_stand_in)
    for aid, day, text in texts:
        art = _article(aid, text, day)
        grouper.add_article(art, _findings(art))
    return grouper


def test_the_conflict_model_reports_clashing_figures_of_near_groups_it_takes_for_one_thing() -> None:
    from presslens.compare.figure_pair_model import CONFLICT_FEATURES

    n = len(CONFLICT_FEATURES)
    same = PairModel((0.0,) * n, 50.0, (0.0,) * n, (1.0,) * n, threshold=0.5, features=CONFLICT_FEATURES)
    other = PairModel((0.0,) * n, -50.0, (0.0,) * n, (1.0,) * n, threshold=0.5, features=CONFLICT_FEATURES)
    grouper = _conflict_grouper(same)
    assert all(g.size == 1 for g in grouper.groups.values())  # the strict grouping joins nothing
    pairs = {frozenset((c.first.text, c.second.text)) for c in grouper.conflicts()}
    # 40 vs 400 and 400 vs 41 clash; 40 vs 41 are one figure within the tolerance: no conflict
    assert pairs == {frozenset(("40 miners", "400 miners")), frozenset(("400 miners", "41 miners"))}
    assert _conflict_grouper(other).conflicts() == []  # the model says: two things
    assert _conflict_grouper(None).conflicts() == []  # no conflict model: only conflicts inside a group
    by_text = {m.text: m for m in grouper.mentions.values()}
    x = grouper.conflict_features(by_text["40 miners"], by_text["400 miners"])
    assert x[CONFLICT_FEATURES.index("values_clash")] == 1.0
    assert x[CONFLICT_FEATURES.index("noun_state_cosine")] == pytest.approx(1.0)
    assert x[CONFLICT_FEATURES.index("log_ratio")] == pytest.approx(1.0)
    assert x[CONFLICT_FEATURES.index("days_apart")] == pytest.approx(1 / 7)


def test_the_conflict_threshold_is_chosen_holding_out_each_training_story(tmp_path: Path) -> None:
    from presslens.compare.figure_conflict_model import CONFLICT_THRESHOLDS, choose_conflict_threshold
    from presslens.compare.figure_pair_model import CONFLICT_FEATURES

    rng = np.random.default_rng(3)
    cos_at, clash_at = CONFLICT_FEATURES.index("clause_cosine"), CONFLICT_FEATURES.index("values_clash")
    stories = []
    for _story in range(3):
        x = rng.uniform(0, 1, size=(120, len(CONFLICT_FEATURES)))
        y = (rng.uniform(size=120) < 0.3).astype(float)
        x[:, cos_at] = np.where(y > 0, rng.uniform(0.6, 1.0, 120), rng.uniform(0.0, 0.5, 120))
        x[:, clash_at] = (rng.uniform(size=120) < 0.5).astype(float)
        planted = y * x[:, clash_at]
        stories.append((x, y, planted))
    model = choose_conflict_threshold(stories)
    assert model.features == CONFLICT_FEATURES and model.threshold in CONFLICT_THRESHOLDS
    assert model.weights[cos_at] == max(model.weights)  # the cosine carries the label
    x, _y, planted = stories[0]
    flagged = np.array([model.probability(r) >= model.threshold for r in x]) & (x[:, clash_at] > 0.5)
    assert flagged[planted > 0].all() and not flagged[planted == 0].any()
    path = tmp_path / "conflict.json"
    model.save(path)
    assert PairModel.from_json(path.read_text(encoding="utf-8")) == model


def test_a_candidate_grouping_with_the_conflict_model_equals_its_rebuild() -> None:
    from presslens.compare.figure_pair_model import CONFLICT_FEATURES, GENERAL_PAIR_FEATURES

    n, k = len(GENERAL_PAIR_FEATURES), len(CONFLICT_FEATURES)
    weights = [0.0] * n
    weights[GENERAL_PAIR_FEATURES.index("cosine")] = 4.0
    joins = PairModel(tuple(weights), -1.0, (0.0,) * n, (1.0,) * n, threshold=0.5, features=GENERAL_PAIR_FEATURES)
    cweights = [0.0] * k
    cweights[CONFLICT_FEATURES.index("noun_state_cosine")] = 5.0
    conflicts = PairModel(tuple(cweights), -2.0, (0.0,) * k, (1.0,) * k, threshold=0.5, features=CONFLICT_FEATURES)
    config = _rules_config(method="learned-general", pair_model=joins, conflict_model=conflicts)
    articles = [_article(aid, text, day, src) for aid, day, src, text in CORPUS]
    articles += [_article(aid, text, day) for aid, day, text in CONFLICT_TEXTS]
    grouper = FigureGrouper(hashed_embedder(), config, outcome_embed=_two_outcomes, part_embed=_parts_stand_in)
    for art in articles:
        grouper.add_article(art, _findings(art))
    before = _partition(grouper)
    found = {frozenset((c.first.id, c.second.id)) for c in grouper.conflicts()}
    assert any(len(g) > 1 for g in before) and found
    grouper.rebuild(reembed=True)
    assert _partition(grouper) == before
    assert {frozenset((c.first.id, c.second.id)) for c in grouper.conflicts()} == found


def test_the_store_builds_the_grouper_its_grouping_config_asks_for(tmp_path: Path) -> None:
    from presslens.compare.figure_pair_model import CONFLICT_FEATURES, GENERAL_PAIR_FEATURES
    from presslens.store.tracking import figure_grouper

    n, k = len(GENERAL_PAIR_FEATURES), len(CONFLICT_FEATURES)
    joins = PairModel((0.0,) * n, 0.0, (0.0,) * n, (1.0,) * n, features=GENERAL_PAIR_FEATURES)
    conflicts = PairModel((0.0,) * k, 0.0, (0.0,) * k, (1.0,) * k, features=CONFLICT_FEATURES)
    plain = figure_grouper(_rules_config(), hashed_embedder())
    assert plain.outcome_embed is None and plain.part_embed is None  # the rules read no token states
    chosen = figure_grouper(_rules_config(method="learned-general", pair_model=joins, conflict_model=conflicts),
                            hashed_embedder(), outcome_embed=_two_outcomes, part_embed=_parts_stand_in)
    assert chosen.outcome_embed is _two_outcomes and chosen.part_embed is _parts_stand_in
    assert chosen.config.conflict_model is conflicts


def test_a_store_with_a_candidate_grouping_equals_its_rebuild(tmp_path: Path) -> None:
    from sqlalchemy import select

    from presslens.compare.figure_pair_model import CONFLICT_FEATURES, GENERAL_PAIR_FEATURES
    from presslens.store import open_store
    from presslens.store.schema import FIGURE_MENTIONS
    from presslens.store.tracking import CorpusTracker, rebuild_groups
    from tests.test_corpus_compare import ARTICLES_IN_DATE_ORDER, make_article

    n, k = len(GENERAL_PAIR_FEATURES), len(CONFLICT_FEATURES)
    weights = [0.0] * n
    weights[GENERAL_PAIR_FEATURES.index("cosine")] = 4.0
    joins = PairModel(tuple(weights), -1.0, (0.0,) * n, (1.0,) * n, threshold=0.5, features=GENERAL_PAIR_FEATURES)
    conflicts = PairModel((0.0,) * k, 50.0, (0.0,) * k, (1.0,) * k, threshold=0.5, features=CONFLICT_FEATURES)
    config = _rules_config(method="learned-general", pair_model=joins, conflict_model=conflicts)
    url = str(tmp_path / "corpus.db")

    def partition() -> set[frozenset[str]]:
        groups: dict[str, set[str]] = {}
        with open_store(url) as store, store.reading() as conn:
            for mid, gid in conn.execute(select(FIGURE_MENTIONS.c.id, FIGURE_MENTIONS.c.group_id)):
                if gid is not None:
                    groups.setdefault(gid, set()).add(mid)
        return {frozenset(g) for g in groups.values()}

    with open_store(url, write=True, create=True) as store:
        tracker = CorpusTracker(store, figure_embed=hashed_embedder(), claim_encode=hashed_embedder(384),
                                claim_fingerprint="hashed-test", grouping=config, outcome_embed=_two_outcomes,
                                part_embed=_parts_stand_in)
        for text, source, date in ARTICLES_IN_DATE_ORDER:
            assert store.add(make_article(text, source, date, url=f"https://{source}.example/{date}"), tracker)
        assert tracker.grouper is not None and tracker.grouper.part_embed is _parts_stand_in
        assert tracker.grouper.config.conflict_model is conflicts
    before = partition()
    assert any(len(g) > 1 for g in before)
    with open_store(url, write=True) as store:
        rebuild_groups(store, embed=hashed_embedder(), grouping=config, outcome_embed=_two_outcomes,
                       part_embed=_parts_stand_in)
    assert partition() == before


# ---------------------------------------------------------------- the default grouping (general-f1+conflicts)

def _hashed_outcomes(texts: list[str]) -> np.ndarray:
    """A stand-in outcome embedder (hashed clause words, unit length): no model needed."""
    return hashed_embedder(64)(texts)


def _hashed_parts(texts: list[str]) -> np.ndarray:
    """A stand-in part embedder: the first clause word as the "noun" half, the whole clause as the other."""
    half = hashed_embedder(32)
    return np.hstack([half([t.split(" ")[0] for t in texts]), half(texts)])


def _default_grouper(order: list[int] | None = None) -> tuple[FigureGrouper, dict[str, FigureMention]]:
    grouper = FigureGrouper(hashed_embedder(), GroupingConfig(), outcome_embed=_hashed_outcomes,
                            part_embed=_hashed_parts)
    articles = [_article(aid, text, day, src) for aid, day, src, text in CORPUS]
    for i in order if order is not None else range(len(articles)):
        grouper.add_article(articles[i], _findings(articles[i]))
    return grouper, {m.text: m for m in grouper.mentions.values()}


def test_the_default_grouping_equals_its_rebuild_and_a_shuffled_indexing() -> None:
    grouper, _ = _default_grouper()
    assert grouper.config.method == "learned-general" and grouper.config.conflict_model is not None
    before = _partition(grouper)
    assert any(len(g) > 1 for g in before)  # the shipped pair model joins something here
    conflicts = sorted((c.first.id, c.second.id) for c in grouper.conflicts())
    grouper.rebuild()
    assert _partition(grouper) == before
    assert sorted((c.first.id, c.second.id) for c in grouper.conflicts()) == conflicts
    grouper.rebuild(reembed=True)
    assert _partition(grouper) == before
    shuffled, _ = _default_grouper(list(reversed(range(len(CORPUS)))))
    shuffled.rebuild()  # arrival order differs; a rebuild regroups in date order
    assert _partition(shuffled) == before


def test_one_outcome_vector_is_its_groups_sum_and_part_vectors_are_not_kept() -> None:
    grouper, by_text = _default_grouper()
    assert not grouper.parts  # token states are computed for the pairs the conflict model reads, not kept
    lone = next(g for g in grouper.groups.values() if g.size == 1 and g.mention_ids[0] in grouper.outcomes)
    assert lone.id not in grouper._outcome_sums  # no second copy of a one-mention group's vector
    vec = grouper.outcomes[lone.mention_ids[0]].astype(np.float32)
    m = grouper.mentions[lone.mention_ids[0]]
    assert grouper.outcome_cosine(m, lone.id) == pytest.approx(float(vec @ vec) / float(np.linalg.norm(vec)))
    pair = next(g for g in grouper.groups.values() if g.size == 2)
    total = sum(grouper.outcomes[i].astype(np.float32) for i in pair.mention_ids)
    assert np.array_equal(grouper._outcome_sums[pair.id], total)
    a, b = (grouper.mentions[i] for i in pair.mention_ids)
    computed = grouper.conflict_features(a, b)
    ahead = grouper.part_vectors((a, b))
    assert computed == grouper.conflict_features(a, b, ahead)


def _split_and_clash() -> GroupingConfig:
    """A grouping that never joins (every figure alone) and whose conflict model takes every near pair for one
    measured thing: the conflicts between groups are then exactly the clashing near pairs."""
    from presslens.compare.figure_pair_model import CONFLICT_FEATURES, GENERAL_PAIR_FEATURES

    n, k = len(GENERAL_PAIR_FEATURES), len(CONFLICT_FEATURES)
    never = PairModel((0.0,) * n, -50.0, (0.0,) * n, (1.0,) * n, threshold=0.5, features=GENERAL_PAIR_FEATURES)
    always = PairModel((0.0,) * k, 50.0, (0.0,) * k, (1.0,) * k, threshold=0.5, features=CONFLICT_FEATURES)
    return GroupingConfig(method="learned-general", pair_model=never, conflict_model=always)


def test_figures_show_the_conflict_models_conflicts_between_groups(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    import csv
    import functools
    import io

    from presslens.cli import main as store_main
    from presslens.compare.conflicts import mention_interval
    from presslens.store import open_store, tracking
    from tests.test_corpus_compare import ARTICLES_IN_DATE_ORDER, make_article

    config = _split_and_clash()
    url = str(tmp_path / "corpus.db")
    with open_store(url, write=True, create=True) as store:
        tracker = tracking.CorpusTracker(store, figure_embed=hashed_embedder(), claim_encode=hashed_embedder(384),
                                         claim_fingerprint="hashed-test", grouping=config,
                                         outcome_embed=_hashed_outcomes, part_embed=_hashed_parts)
        for text, source, date in ARTICLES_IN_DATE_ORDER:
            assert store.add(make_article(text, source, date, url=f"https://{source}.example/{date}"), tracker)
    with open_store(url) as store:
        summaries = tracking.figure_summaries(store, min_articles=1, grouping=config,
                                              outcome_embed=_hashed_outcomes, part_embed=_hashed_parts)
        plain = tracking.figure_summaries(store, min_articles=1, grouping=grouping_config("rules"))
    assert all(not s.conflicts for s in summaries)  # every figure alone: no conflict inside a group
    assert all(not s.conflicts_between for s in plain)  # the rules have no conflict model
    between = [gc for s in summaries for gc in s.conflicts_between]
    assert between
    for s in summaries:
        for gc in s.conflicts_between:
            c = gc.conflict
            assert s.group_id in (gc.first_group, gc.second_group) and gc.first_group != gc.second_group
            ia, ib = mention_interval(c.first), mention_interval(c.second)
            assert ia is not None and ib is not None and intervals_conflict(ia, ib)
            assert (c.first.text, c.second.text) != ("More than 100,000 men", "At least 260,000 men")  # bounds
    texts = {(gc.conflict.first.text, gc.conflict.second.text) for gc in between}
    assert ("About 100,000 men", "At least 260,000 men") in texts  # "about" is incompatible with "at least"
    one = next(s for s in summaries if s.conflicts_between)
    as_json = one.to_dict()["conflicts_with_other_groups"]
    assert {d["first_group"] for d in as_json} | {d["second_group"] for d in as_json} >= {one.group_id}
    assert any(r["conflicts_with_other_groups"] for r in one.rows())
    # the figures command shows them in every format (its summaries read with this grouping)
    monkeypatch.setattr(tracking, "figure_summaries", functools.partial(
        tracking.figure_summaries, grouping=config, outcome_embed=_hashed_outcomes, part_embed=_hashed_parts))
    assert store_main(["figures", "--db", url, "--min-articles", "1"]) == 0
    table = capsys.readouterr().out
    assert "CONFLICT WITH GROUP" in table and "[group " in table
    assert store_main(["figures", "--db", url, "--min-articles", "1", "--format", "json"]) == 0
    groups = json.loads(capsys.readouterr().out)
    assert any(g["conflicts_with_other_groups"] for g in groups)
    assert store_main(["figures", "--db", url, "--min-articles", "1", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert any("(group " in r["conflicts_with_other_groups"] for r in rows)


def test_a_store_with_the_default_grouping_equals_its_rebuild(tmp_path: Path) -> None:
    from sqlalchemy import select

    from presslens.store import open_store
    from presslens.store.schema import FIGURE_MENTIONS
    from presslens.store.tracking import CorpusTracker, rebuild_groups
    from tests.test_corpus_compare import ARTICLES_IN_DATE_ORDER, make_article

    url = str(tmp_path / "corpus.db")

    def partition() -> set[frozenset[str]]:
        groups: dict[str, set[str]] = {}
        with open_store(url) as store, store.reading() as conn:
            for mid, gid in conn.execute(select(FIGURE_MENTIONS.c.id, FIGURE_MENTIONS.c.group_id)):
                if gid is not None:
                    groups.setdefault(gid, set()).add(mid)
        return {frozenset(g) for g in groups.values()}

    with open_store(url, write=True, create=True) as store:  # no grouping named: the default
        tracker = CorpusTracker(store, figure_embed=hashed_embedder(), claim_encode=hashed_embedder(384),
                                claim_fingerprint="hashed-test", outcome_embed=_hashed_outcomes,
                                part_embed=_hashed_parts)
        for text, source, date in ARTICLES_IN_DATE_ORDER:
            assert store.add(make_article(text, source, date, url=f"https://{source}.example/{date}"), tracker)
        assert tracker.grouper is not None and tracker.grouper.config == GroupingConfig()
        assert tracker.grouper.config.method == "learned-general"
    before = partition()
    assert any(len(g) > 1 for g in before)
    with open_store(url, write=True) as store:
        rebuild_groups(store, embed=hashed_embedder(), outcome_embed=_hashed_outcomes, part_embed=_hashed_parts)
    assert partition() == before


def test_an_article_another_indexer_stored_is_not_grouped_twice(tmp_path: Path) -> None:
    from presslens.store import open_store
    from presslens.store.tracking import CorpusTracker
    from tests.test_corpus_compare import ARTICLES_IN_DATE_ORDER, make_article

    url = str(tmp_path / "corpus.db")
    reports = [make_article(text, source, date, url=f"https://{source}.example/{date}")
               for text, source, date in ARTICLES_IN_DATE_ORDER]

    def tracker(store: Any) -> CorpusTracker:
        return CorpusTracker(store, figure_embed=hashed_embedder(), claim_encode=hashed_embedder(384),
                             claim_fingerprint="hashed-test", outcome_embed=_hashed_outcomes,
                             part_embed=_hashed_parts)

    with open_store(url, write=True, create=True) as store:
        first = tracker(store)
        assert store.add(reports[0], first) and store.add(reports[1], first)
        late = tracker(store)
        assert store.add(reports[2], late)  # the late run loads the stored groups here
        assert late.grouper is not None
        grouped = [mid for g in late.grouper.groups.values() for mid in g.mention_ids]
        assert not store.add(reports[1], late)  # stored before: refused, and not grouped a second time
        after = [mid for g in late.grouper.groups.values() for mid in g.mention_ids]
        assert sorted(after) == sorted(grouped) and len(after) == len(set(after))
        assert all(mid in late.grouper.mentions for mid in after)  # its stored mentions stay in their groups
        assert store.add(reports[4], late)


def test_an_empty_split_is_refused_not_scored(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # between a retirement and the next blind story "test" has no articles: no row of zeros that reads as a score
    article = {"id": "d01", "source": "Our Outlet", "date": "2030-01-02", "split": "dev", "title": "t",
               "text": "Police said 40 people were arrested."}
    (tmp_path / "articles.jsonl").write_text(json.dumps(article) + "\n", encoding="utf-8")
    (tmp_path / "labels.jsonl").write_text(json.dumps({"type": "mention", "id": "d01-m1", "article": "d01",
                                                       "split": "dev", "start": 12, "end": 14, "text": "40",
                                                       "group": "arrests"}) + "\n", encoding="utf-8")
    ap = argparse.ArgumentParser()
    evaluation.add_arguments(ap)
    assert evaluation.main(ap.parse_args(["--data", str(tmp_path), "--split", "test", "--embedder", "none"])) == 2
    assert "split test has no articles" in capsys.readouterr().out
    assert evaluation.main(ap.parse_args(["--data", str(tmp_path), "--split", "dev", "--embedder", "none"])) == 0
    assert "split dev (1 articles, 1 labelled mentions" in capsys.readouterr().out
