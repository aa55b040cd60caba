"""The member index of large figure groups (:class:`~presslens.compare.figure_groups.MemberIndex`) gives what the
pass over the members gives (:func:`~presslens.compare.figure_groups.general_pair_features`), through joins and
leaves, and the grouping with it is the grouping without it."""

from __future__ import annotations

import datetime as _dt
import random
from dataclasses import replace

import numpy as np
import pytest

from presslens.compare import figure_groups as figure_groups_module
from presslens.compare.conflicts import mention_interval
from presslens.compare.figure_groups import (
    FigureGrouper,
    GroupingConfig,
    MemberIndex,
    general_pair_features,
    hashed_embedder,
)
from presslens.compare.figures import FigureMention

VALUES = [None, 0.0, 1.0, 3.0, 40.0, 300.0, 400.0, 450.0, 1000.0, 1200.0, 25_000.0]
BOUNDS = [None, None, "approx", "lower", "upper"]


def _random_mention(rng: random.Random, k: int) -> FigureMention:
    value = rng.choice(VALUES)
    low = high = None
    if value is not None and rng.random() < 0.15:  # a range "300 to 450"
        low, high = value, value * rng.choice([1.0, 1.5, 3.0])
    nearly = value is not None and rng.random() < 0.15
    text = f"nearly {value}" if nearly else str(value)
    day = None if rng.random() < 0.1 else _dt.date(2025, 1, 1) + _dt.timedelta(days=rng.randrange(120))
    return FigureMention(article_id=f"a{rng.randrange(12)}", start=10 * k, end=10 * k + len(text), text=text,
                         label="count", measure="count", value=value, low=low, high=high,
                         bound=rng.choice(BOUNDS), number_start=10 * k + (7 if nearly else 0),
                         date=day, source=rng.choice([None, "Outlet A", "Outlet B", "Outlet C"]))


def _own(m: FigureMention) -> tuple[float | None, tuple[float, float] | None]:
    return figure_groups_module._central_log(m), mention_interval(m)


@pytest.mark.parametrize("seed", range(8))
def test_member_index_equals_the_pass_over_the_members_through_joins_and_leaves(seed: int) -> None:
    rng = random.Random(seed)
    members: list[FigureMention] = []
    index = MemberIndex()
    checked = 0
    for step in range(300):
        if members and rng.random() < 0.3:
            gone = members.pop(rng.randrange(len(members)))
            index.remove(gone)
        else:
            m = _random_mention(rng, step)
            members.append(m)
            index.add(m)
        for _ in range(3):
            probe = _random_mention(rng, 1000 + step)
            own = _own(probe)
            assert index.usable(probe, own)
            cosine, unknown = rng.random(), rng.random() < 0.5
            assert index.terms(probe, cosine, unknown, own) == general_pair_features(
                probe, members, cosine, unknown, own=own)
            checked += 1
    assert checked == 900


def test_a_value_that_is_not_a_number_makes_the_index_step_aside_until_it_leaves() -> None:
    rng = random.Random(3)
    members = [_random_mention(rng, k) for k in range(10)]
    index = MemberIndex(members)
    odd = FigureMention(article_id="a1", start=500, end=503, text="nan", label="count", measure="count",
                        value=float("nan"), date=_dt.date(2025, 2, 1))
    index.add(odd)
    probe = _random_mention(rng, 99)
    assert not index.usable(probe, _own(probe))
    index.remove(odd)
    assert index.usable(probe, _own(probe))
    assert index.terms(probe, 0.5, True, _own(probe)) == general_pair_features(probe, members, 0.5, True)


def _topic_mentions(n_articles: int, seed: int = 5) -> tuple[list[list[FigureMention]], list[np.ndarray]]:
    """Articles reporting a few things many times (values, bounds, dates and outlets vary)."""
    rng = random.Random(seed)
    nrng = np.random.default_rng(seed)
    topics = [("soldiers", "killed", "Brenna"), ("people", "left", "the city"), ("vehicles", "crossed", "the border")]
    centres = nrng.normal(size=(len(topics), 64)).astype(np.float32)
    articles, vectors = [], []
    for a in range(n_articles):
        mentions = []
        vecs = np.empty((4, 64), np.float32)
        for k in range(4):
            t = rng.randrange(len(topics))
            noun, verb, place = topics[t]
            m = _random_mention(rng, k)
            m.article_id = f"art{a}"
            m.value = m.value if m.value is not None else 500.0
            m.clause = m.masked_clause = f"{noun} were {verb} near {place}"
            m.head, m.unit = noun, noun
            mentions.append(m)
            v = centres[t] + 0.05 * nrng.normal(size=64).astype(np.float32)
            vecs[k] = v / np.linalg.norm(v)
        articles.append(mentions)
        vectors.append(vecs)
    return articles, vectors


def _grouped(monkeypatch: pytest.MonkeyPatch, smallest: int) -> tuple[dict[str, str], list[list[list[float]]]]:
    monkeypatch.setattr(figure_groups_module, "MEMBER_INDEX_MIN", smallest)
    articles, vectors = _topic_mentions(60)
    grouper = FigureGrouper(None, GroupingConfig(), outcome_embed=hashed_embedder(64))
    features: list[list[list[float]]] = []
    for i, (mentions, vecs) in enumerate(zip(articles, vectors, strict=True)):
        grouper.add_mentions(mentions, vecs)
        if i % 10 == 9:  # an article leaves and comes back re-read (other objects under the same ids)
            gone = f"art{i - 5}"
            again = [replace(m) for m in grouper.mentions.values() if m.article_id == gone]
            grouper.remove_article(gone)
            grouper.add_mentions(again, np.stack([vectors[i - 5][0]] * len(again)))
        if i % 10 == 4:  # a grouped mention given again as another object under its id (it stays grouped too)
            kept = replace(articles[i - 2][1], value=7.0, source="Outlet Z")
            grouper.add_mentions([kept], vectors[i - 2][1:2])
        probe = articles[i][0]
        features.append(grouper.candidate_features(probe, list(grouper.groups), None, "learned-general"))
    return dict(grouper.group_of), features


def test_the_grouping_with_member_indexes_is_the_grouping_without(monkeypatch: pytest.MonkeyPatch) -> None:
    with_index = _grouped(monkeypatch, 2)
    without = _grouped(monkeypatch, 10**9)
    assert with_index == without
    assert max(len(f) for f in with_index[1]) >= 2
