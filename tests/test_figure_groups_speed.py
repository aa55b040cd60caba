"""The shortcuts of the figure grouper's hot paths give exactly what the plain definitions give.

Each test computes a result the long way (the definition the shortcut replaced) and the grouper's way, on
corpora where the shortcut has something to skip. Speed itself is measured in ``bench/figure_groups_bench.py``.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import json
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from presslens.analyzers.base import Features
from presslens.analyzers.figures import FiguresAnalyzer
from presslens.article import Article
from presslens.compare.conflicts import WINDOW_DAYS
from presslens.compare.figure_groups import (
    FigureGroup,
    FigureGrouper,
    GroupingConfig,
    clause_tokens,
    hashed_embedder,
    mention_features,
    mention_predicate,
)
from presslens.compare.figures import PERCENT_MEASURES, FigureMention, head_noun, heads_compatible
from presslens.segment import segment

ROOT = Path(__file__).resolve().parents[1]


def _outcomes(texts: list[str]) -> np.ndarray:
    return hashed_embedder(64)(texts)


def _parts(texts: list[str]) -> np.ndarray:
    half = hashed_embedder(32)
    return np.hstack([half([t.split(" ")[0] for t in texts]), half(texts)])


def _synthetic(n_articles: int, days: int, seed: int = 3) -> list[tuple[list[FigureMention], np.ndarray]]:
    """Articles over ``days`` days, five count figures each: most report one of a few tracked things (clause
    vectors near the thing's direction, values that sometimes clash), the rest are one-off figures."""
    rng = np.random.default_rng(seed)
    nouns, verbs = ["men", "refugees", "drones", "tanks"], ["left", "fled", "launched", "destroyed"]
    topics = 12
    centres = rng.normal(size=(topics, 48)).astype(np.float32)
    out = []
    for a in range(n_articles):
        day = _dt.date(2025, 1, 1) + _dt.timedelta(days=a * days // n_articles)
        mentions, vectors = [], np.empty((5, 48), np.float32)
        for k in range(5):
            if rng.random() < 0.7:
                t = int(rng.integers(topics))
                noun, verb = nouns[t % 4], verbs[t % 4]
                value = float(round(10 ** (2 + t % 3) * rng.uniform(0.5, 2.0)))
                vec = centres[t] + 0.05 * rng.normal(size=48).astype(np.float32)
            else:
                noun, verb = "".join(rng.choice(list("abcdefgh"), size=6)) + "s", "counted"
                value = float(rng.integers(1, 10**5))
                vec = rng.normal(size=48).astype(np.float32)
            vectors[k] = vec / np.linalg.norm(vec)
            clause = (f"many {noun} were {verb} near the border since the start" if verb != "counted"
                      else f"many {noun} were {noun[:3]}ed at {noun[2:]}ville")  # words of its own
            mentions.append(FigureMention(
                article_id=f"s{a}", start=10 * k, end=10 * k + 6, text=f"{value:.0f} {noun}", label="count",
                measure="count", value=value, bound=[None, "approx", "lower", "upper"][int(rng.integers(4))],
                unit=noun, date=day, source=f"outlet{a % 4}", clause=clause, masked_clause=clause,
                head=head_noun(noun)))
        out.append((mentions, vectors))
    return out


def _default_grouper(articles: list[tuple[list[FigureMention], np.ndarray]]) -> FigureGrouper:
    grouper = FigureGrouper(None, GroupingConfig(), outcome_embed=_outcomes, part_embed=_parts)
    for mentions, vectors in articles:
        grouper.add_mentions(mentions, vectors)
    return grouper


def _near_pairs_by_definition(grouper: FigureGrouper) -> list[tuple[str, str]]:
    """:meth:`FigureGrouper.near_pairs` as defined: the candidate search of every dated figure, no shortcut."""
    seen: set[tuple[str, str]] = set()
    out = []
    for mid, gid in grouper.group_of.items():
        m = grouper.mentions[mid]
        if m.date is None:
            continue
        cands, _cos = grouper._scored_candidates(m)
        for g in cands:
            if g == gid:
                continue
            for other_id in grouper.groups[g].mention_ids:
                o = grouper.mentions[other_id]
                if other_id == mid or o.article_id == m.article_id or o.date is None:
                    continue
                if abs((o.date - m.date).days) > WINDOW_DAYS:
                    continue
                pair = (mid, other_id) if mid < other_id else (other_id, mid)
                if pair in seen:
                    continue
                seen.add(pair)
                first, second = (m, o) if (m.date, m.article_id, m.start) <= (o.date, o.article_id, o.start) else (o, m)
                out.append((first.id, second.id))
    return out


def test_near_pairs_skip_figures_with_nothing_in_the_window_and_find_the_same_pairs(
        monkeypatch: pytest.MonkeyPatch) -> None:
    grouper = _default_grouper(_synthetic(160, 120))
    assert any(g.size > 1 for g in grouper.groups.values())
    expected = _near_pairs_by_definition(grouper)
    assert len(expected) > 20
    searched: list[str] = []
    scored = FigureGrouper._scored_candidates

    def counting(self: FigureGrouper, m: FigureMention, found: list[int] | None = None):  # type: ignore[no-untyped-def]
        searched.append(m.id)
        return scored(self, m, found)

    monkeypatch.setattr(FigureGrouper, "_scored_candidates", counting)
    assert [(a.id, b.id) for a, b in grouper.near_pairs()] == expected
    assert 0 < len(searched) < len(grouper.group_of)  # the one-off figures' searches were skipped
    own = [(a.id, b.id) for a, b in grouper.near_pairs(own_group=True)]
    assert set(expected) < set(own)  # pairs inside a group too: that path searches every figure


def test_conflicts_of_every_group_equal_those_of_all_groups_named() -> None:
    grouper = _default_grouper(_synthetic(120, 60, seed=5))
    everything = grouper.conflicts()
    assert everything
    named = grouper.conflicts(list(grouper.groups))
    assert [(c.first.id, c.second.id, c.days_apart) for c in everything] == [
        (c.first.id, c.second.id, c.days_apart) for c in named]


def _compatible_by_definition(grouper: FigureGrouper, m: FigureMention, group: FigureGroup) -> bool:
    """The hard constraints as they were written before they were read once per mention."""
    feats = mention_features(m)
    pred = feats.predicate
    if pred is not None and group.predicates and pred not in group.predicates:
        return False
    if feats.role != group.role:
        return False
    if (feats.scope == "incident" and group.cumulatives) or (feats.scope == "cumulative" and group.incidents):
        return False
    if feats.scope == "incident" and not group.incidents and not any(
            t in group.tokens for t in clause_tokens(" ".join(sorted(feats.places)))):
        return False
    if feats.located and group.located:
        names: Counter[str] = group.places or Counter()
        if (feats.places or names) and not any(p in names for p in feats.places):
            return False
    v = grouper._central_log(m)
    if v is not None and group.log_count and abs(v - group.log_sum / group.log_count) > grouper.config.max_magnitude_gap:
        return False
    if m.measure in PERCENT_MEASURES:
        return set(group.heads) == ({m.head} if m.head else set())
    return all(heads_compatible(m.head, h) for h in group.heads)


def _labelled_articles(split: str) -> list[Article]:
    articles = []
    for line in (ROOT / "data" / "figures" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["split"] == split:
            art = Article(text=row["text"], id=row["id"], date=_dt.date.fromisoformat(row["date"]),
                          source=row["source"], language="en")
            segment(art)
            articles.append(art)
    return articles


def test_the_hard_constraints_read_once_per_mention_decide_as_defined() -> None:
    """Every (mention, group) pair of the dev stories: the roles, scopes, places, shares and nouns of real
    analyzer output."""
    grouper = FigureGrouper(hashed_embedder(), GroupingConfig(), outcome_embed=_outcomes, part_embed=_parts)
    for art in _labelled_articles("dev"):
        grouper.add_article(art, FiguresAnalyzer().analyze(Features(art)).findings)
    mentions = [m for m in grouper.mentions.values() if m.measure is not None]
    groups = list(grouper.groups.values())
    assert len(mentions) > 50 and len(groups) > 20
    decided = Counter()
    for m in mentions:
        compatible = grouper._compatibility(m)
        for group in groups:
            if group.measure != m.measure:
                continue
            got = compatible(group)
            assert got == _compatible_by_definition(grouper, m, group), (m.text, group.id)
            assert got == grouper._compatible(m, group)
            decided[got] += 1
    assert decided[True] > 20 and decided[False] > 20
    roles = {mention_features(m).role for m in mentions}
    assert len(roles) > 1  # more than totals: per-item amounts, populations or parts are compared too
    for m in mentions:  # the window check's predicate is the features' one
        assert mention_predicate(m) == mention_features(m).predicate


def test_restore_reads_stored_outcome_vectors_and_embeds_only_the_missing_ones() -> None:
    grouper = _default_grouper(_synthetic(40, 20, seed=9))
    mentions = list(grouper.mentions.values())
    stored = {mid: grouper.outcomes[mid] for mid in list(grouper.outcomes)[::2]}  # half of them stored
    asked: list[str] = []

    def outcomes(texts: list[str]) -> np.ndarray:
        asked.extend(texts)
        return _outcomes(texts)

    again = FigureGrouper(None, GroupingConfig(), outcome_embed=outcomes, part_embed=_parts)
    vectors = {mid: grouper.vectors[mid] for mid in grouper.vectors}
    again.restore(mentions, grouper.assignment(), vectors, outcomes=stored)
    assert len(asked) == len(grouper.outcomes) - len(stored)
    assert all(np.array_equal(again.outcomes[mid], grouper.outcomes[mid]) for mid in grouper.outcomes)
    assert [(c.first.id, c.second.id) for c in again.conflicts()] == [
        (c.first.id, c.second.id) for c in grouper.conflicts()]


def _features_one_by_one(grouper: FigureGrouper, m: FigureMention, gids: list[str], cosines: dict[str, float],
                         method: str) -> list[list[float]]:
    """The pair model's features as the grouper computed them before: one :meth:`model_features` call per group."""
    return [grouper.model_features(m, g, cosines[g], method) for g in gids]


def _check_candidate_features(grouper: FigureGrouper, methods: tuple[str, ...]) -> int:
    compared = 0
    for mid in list(grouper.group_of):
        m = grouper.mentions[mid]
        cands, cosines = grouper._scored_candidates(m)
        gids = list(dict.fromkeys([*cands, grouper.group_of[mid]]))  # its own group: a group it shares words with
        vectored = m.id in grouper.vectors
        full = {g: cosines.get(g, 0.0) if vectored else 0.0 for g in gids}
        for method in methods:
            got = grouper.candidate_features(m, gids, full if vectored else None, method)
            want = _features_one_by_one(grouper, m, gids, full, method)
            assert got == want, (m.id, method)
            compared += len(gids)
    return compared


def test_candidate_features_of_a_mention_equal_the_features_computed_group_by_group() -> None:
    grouper = _default_grouper(_synthetic(80, 30, seed=11))
    assert any(g.size > 2 for g in grouper.groups.values())
    assert _check_candidate_features(grouper, ("learned-general", "learned-outcome", "learned")) > 500


def test_candidate_features_equal_on_the_dev_stories() -> None:
    """Real analyzer output: figures without a counted noun, without a predicate, money, shares, bounds."""
    grouper = FigureGrouper(hashed_embedder(), GroupingConfig(), outcome_embed=_outcomes, part_embed=_parts)
    for art in _labelled_articles("dev"):
        grouper.add_article(art, FiguresAnalyzer().analyze(Features(art)).findings)
    assert _check_candidate_features(grouper, ("learned-general", "learned")) > 100
    heads = {m.head for m in grouper.mentions.values() if m.measure is not None}
    assert None in heads and len(heads) > 5


def test_pair_model_probabilities_of_many_rows_equal_one_by_one() -> None:
    from presslens.compare.figure_pair_model import default_general_pair_model

    model = default_general_pair_model()
    rng = np.random.default_rng(4)
    rows = rng.normal(scale=3.0, size=(300, len(model.features))).tolist()
    rows += [[0.0] * len(model.features), [1e6] * len(model.features), [-1e6] * len(model.features)]
    got = model.probabilities(rows)
    assert got == [model.probability(r) for r in rows]
    assert 0.0 in got and any(0.0 < p < 1.0 for p in got)  # the z < -700 branch and ordinary ones
    assert model.probabilities([]) == []
    with pytest.raises(ValueError):
        model.probabilities([[0.0, 1.0]])


def test_float16_gather_cast_equals_numpys_cast_for_every_finite_value() -> None:
    from presslens.compare.vector_rows import VectorTable, signed_float16_bits_as_float32

    every = np.arange(65536, dtype=np.uint16).view(np.float16)
    finite = every[np.isfinite(every)].reshape(-1, 8)
    got = signed_float16_bits_as_float32(finite.view(np.int16), np.empty(finite.shape, np.int32))
    assert np.array_equal(got.view(np.uint32), finite.astype(np.float32).view(np.uint32))  # -0.0 and subnormals too
    table = VectorTable()
    for i, row in enumerate(finite):
        table[f"m{i}"] = row
    slots = np.random.default_rng(2).integers(0, len(finite), size=3000)
    assert np.array_equal(table.gather_float32(slots).view(np.uint32),
                          table.rows[slots].astype(np.float32).view(np.uint32))


def test_outcome_cosine_is_the_normalised_product_with_the_groups_outcome_sum() -> None:
    grouper = _default_grouper(_synthetic(60, 20, seed=13))
    checked = 0
    for gid, group in grouper.groups.items():
        vectors = [grouper.outcomes[i].astype(np.float32) for i in group.mention_ids if i in grouper.outcomes]
        total = vectors[0] if len(vectors) == 1 else grouper._outcome_sums[gid]
        for mid in list(grouper.group_of)[:5]:
            vec = grouper.outcomes[mid].astype(np.float32)
            assert grouper.outcome_cosine(grouper.mentions[mid], gid) == float(vec @ total) / float(
                np.linalg.norm(total))
            checked += 1
    assert checked > 100


def test_outcome_cosines_of_many_groups_equal_those_computed_group_by_group() -> None:
    """The stacked dot products of :meth:`FigureGrouper._outcome_cosines` give the floats of
    :meth:`FigureGrouper._outcome_cosine_of` group by group, bit for bit: groups with one outcome vector, with a
    float32 sum, without one (unknown ids, a zero vector), in random orders and numbers, at several widths."""
    rng = np.random.default_rng(17)
    compared = 0
    for width, seed in ((64, 13), (384, 14), (7, 15)):
        def outcomes(texts: list[str], width: int = width) -> np.ndarray:
            return hashed_embedder(width)(texts)

        grouper = FigureGrouper(None, GroupingConfig(), outcome_embed=outcomes, part_embed=_parts)
        for mentions, vectors in _synthetic(60, 20, seed=seed):
            grouper.add_mentions(mentions, vectors)
        lone = next(g for g in grouper.groups.values() if len(g.mention_ids) == 1 and g.id not in grouper._outcome_sums)
        grouper.outcomes[lone.mention_ids[0]] = np.zeros(width, np.float32)  # its norm 0: no cosine
        gids = [*grouper.groups, "g-unknown"]
        assert grouper._outcome_sums and any(len(g.mention_ids) == 1 for g in grouper.groups.values())
        for _ in range(300):
            vec = rng.normal(size=width).astype(np.float32) * np.float32(10.0 ** rng.integers(-3, 4))
            picked = [gids[int(i)] for i in rng.integers(len(gids), size=int(rng.integers(0, 12)))]
            got = grouper._outcome_cosines(vec, picked)
            want = [grouper._outcome_cosine_of(vec, g) for g in picked]
            assert [None if x is None else np.float64(x).view(np.uint64) for x in got] == \
                [None if x is None else np.float64(x).view(np.uint64) for x in want]
            compared += len(picked)
    assert compared > 3000


def test_counted_gives_what_a_counter_updated_in_place_holds_and_never_changes_its_input() -> None:
    from presslens.compare.figure_groups import counted

    rng = np.random.default_rng(6)
    words = ["men", "drones", "left", "fled", "tanks"]
    mine: dict[str, int] = {}
    seen: list[tuple[dict[str, int], dict[str, int]]] = []  # (a mapping counted returned, a copy of it then)
    want: Counter[str] = Counter()
    for _ in range(2000):
        word = words[int(rng.integers(len(words)))]
        delta = 1 if rng.random() < 0.6 or not want[word] else -1
        before = dict(mine)
        new = counted(mine, word, delta)
        assert dict(mine) == before  # the input is left as it was (it may be shared)
        want[word] += delta
        if want[word] <= 0:
            del want[word]
        assert dict(new) == dict(want) and list(new) == list(want)  # the same counts, keys in the same order
        mine = dict(new)
        seen.append((new, dict(new)))  # type: ignore[arg-type]
    assert all(dict(m) == copy for m, copy in seen)  # no mapping handed out was changed later
    assert counted({}, "men", 1) is counted({}, "men", 1)  # one shared {"men": 1}


def test_groups_of_one_mention_share_their_noun_and_predicate_counts() -> None:
    grouper = _default_grouper(_synthetic(60, 20, seed=17))
    ones = [g for g in grouper.groups.values() if g.size == 1 and g.heads]
    assert len(ones) > 20
    by_noun: dict[str, set[int]] = {}
    for g in ones:
        by_noun.setdefault(next(iter(g.heads)), set()).add(id(g.heads))
    assert any(len(ids) == 1 for noun, ids in by_noun.items() if sum(1 for g in ones if noun in g.heads) > 1)


def test_candidate_features_see_a_reanalysed_articles_new_values() -> None:
    """A re-analysed article keeps its mentions' ids: the members' value terms must be those of the new
    mentions, so the features still equal the group-by-group ones."""
    import dataclasses

    articles = _synthetic(60, 20, seed=19)
    grouper = _default_grouper(articles)
    assert _check_candidate_features(grouper, ("learned-general",)) > 100
    for mentions, vectors in articles[::3]:
        changed = [dataclasses.replace(m, value=(m.value or 1.0) * 7.0) for m in mentions]
        grouper.remove_article(mentions[0].article_id)
        grouper.add_mentions(changed, vectors)
    assert _check_candidate_features(grouper, ("learned-general",)) > 100


def test_conflict_model_pairs_scored_together_equal_those_scored_one_by_one() -> None:
    import dataclasses

    from presslens.compare.conflicts import Conflict, mentions_clash

    grouper = _default_grouper(_synthetic(160, 40, seed=23))
    shipped = grouper.config.conflict_model
    assert shipped is not None
    clashing = [(a, b) for a, b in grouper.near_pairs() if mentions_clash(a, b, grouper.config.conflict_reading)]
    assert len(clashing) > 10
    probabilities = sorted(shipped.probability(grouper.conflict_features(a, b)) for a, b in clashing)
    # a threshold among the pairs' probabilities: some pairs pass it and some do not
    model = dataclasses.replace(shipped, threshold=probabilities[len(probabilities) // 2])
    want = []
    for a, b in clashing:
        if model.probability(grouper.conflict_features(a, b)) >= model.threshold:
            assert a.date is not None and b.date is not None
            want.append(Conflict(a, b, (b.date - a.date).days))
    assert 0 < len(want) < len(clashing)
    assert [(c.first.id, c.second.id, c.days_apart) for c in grouper.model_conflicts(model)] == [
        (c.first.id, c.second.id, c.days_apart) for c in want]


def _clause_tokens_by_definition(masked_clause: str) -> dict[str, float]:
    """:func:`clause_tokens` as it was written before its per-word tokens were kept (stop 26)."""
    from presslens.compare.figure_words import _FOLD, _STOPWORDS, NUMBER_MASK, _words

    words = _words(masked_clause)
    try:
        at = words.index(NUMBER_MASK)
    except ValueError:
        at = len(words) // 2
    out: dict[str, float] = {}
    for i, w in enumerate(words):
        w = w.strip("'-")
        if w in _STOPWORDS or len(w) < 3 or w == NUMBER_MASK:
            continue
        if w.endswith("ies") and len(w) > 5:
            w = w[:-3] + "y"
        elif w.endswith("s") and not w.endswith("ss") and len(w) > 4:
            w = w[:-1]
        tok = _FOLD.get(w, w)
        out[tok] = max(out.get(tok, 0.0), 1.0 / (1.0 + max(0, abs(i - at) - 1) / 4.0))
    return out


def test_clause_tokens_with_known_words_equal_the_definition(monkeypatch: pytest.MonkeyPatch) -> None:
    from presslens.compare import figure_words
    from presslens.compare.figure_words import NUMBER_MASK

    filler = " ".join(f"word{i} the cities' ladies glass -ies it's" for i in range(12))  # words 70+ from the number
    clauses = [f"{NUMBER_MASK} people fled the cities of Brenna since the strike", "no number: armies, bodies, press",
               f"{filler} {NUMBER_MASK} refugees fled {filler}", f"{NUMBER_MASK} {NUMBER_MASK} fled fled and fled", ""]
    for sentence in (ROOT / "data" / "figures" / "GUIDELINE.md").read_text(encoding="utf-8").splitlines()[:200]:
        clauses.append(sentence)
        clauses.append(sentence.replace(" the ", f" {NUMBER_MASK} ", 1))
    for cap in (0, 3, 100_000):  # none kept, a few kept then the rest made each time, all kept
        monkeypatch.setattr(figure_words, "_TOKEN_OF", {})
        monkeypatch.setattr(figure_words, "MAX_KNOWN_TOKENS", cap)
        for _ in range(2):  # first made, then (where kept) read back
            for clause in clauses:
                got = clause_tokens(clause)
                assert list(got.items()) == list(_clause_tokens_by_definition(clause).items()), clause
        assert len(figure_words._TOKEN_OF) <= cap


def _proposed_by_definition(grouper: FigureGrouper, m: FigureMention, unique: bool = True) -> list[int]:
    """:meth:`FigureGrouper._proposed` as defined on Python lists (before the posting lists became int64 arrays)."""
    from presslens.compare.figure_groups import GENERIC_HEADS, MAX_POSTING, NEAREST_WORDS

    feats = mention_features(m)
    proposed: list[int] = []
    specific = m.head is not None and m.head not in GENERIC_HEADS
    if specific:
        proposed += list(grouper._by_head.get((str(m.measure), str(m.head)), []))[-MAX_POSTING:]
    if feats.predicate is not None and not specific:
        proposed += list(grouper._by_predicate.get((str(m.measure), feats.predicate), []))[-MAX_POSTING:]
    lists = 1 if proposed else 0
    for tok, _w in sorted(feats.tokens.items(), key=lambda kv: (-kv[1], kv[0]))[:NEAREST_WORDS]:
        posting = grouper._postings.get((str(m.measure), tok))
        if posting is not None and len(posting) <= MAX_POSTING:
            proposed += list(posting)
            lists += 1
    return proposed if lists <= 1 or not unique else list(dict.fromkeys(proposed))


def test_candidates_read_from_int64_postings_equal_the_lists_of_the_definition(monkeypatch: pytest.MonkeyPatch) -> None:
    from presslens.compare import figure_groups
    from presslens.compare.figure_groups import _first_of_each

    rng = np.random.default_rng(5)
    for n in (0, 1, 2, 7, 300):
        rows = rng.integers(0, max(1, n // 3), size=n)
        assert _first_of_each(rows).tolist() == list(dict.fromkeys(rows.tolist()))
    monkeypatch.setattr(figure_groups, "MAX_POSTING", 25)  # some lists cut to their last rows, some skipped
    articles = _synthetic(60, 30)
    grouper = _default_grouper(articles[:50])
    grouper.remove_article("s7")  # rows dropped from the middle of posting lists
    checked = several = 0
    for mentions, _vectors in articles[50:]:
        for m in mentions:
            got = grouper._candidates(m)
            assert got.dtype == np.int64
            assert got.tolist() == _proposed_by_definition(grouper, m)
            assert grouper._proposed(m, mention_features(m).tokens, mention_features(m).predicate,
                                     unique=False).tolist() == _proposed_by_definition(grouper, m, unique=False)
            checked += 1
            several += len(got) < len(_proposed_by_definition(grouper, m, unique=False))
    assert checked == 50 and several > 0


def _assert_kept_clause_features(grouper: FigureGrouper) -> int:
    checked = 0
    for mid, m in grouper.mentions.items():
        if m.measure is None:
            continue
        assert mid in grouper._clause
        grouper._features = None  # not the last one asked for: read from what is kept
        assert grouper.features(m) == mention_features(m, grouper.config.counted_classes), mid
        checked += 1
    return checked


def test_kept_clause_features_equal_the_features_computed_again() -> None:
    """What :meth:`features` keeps per placed mention (all but the clause words) gives the features of
    :func:`mention_features`, on real analyzer output (no counted noun, no predicate, places, shares) and after a
    re-analysed article replaced its mentions (same ids, new objects) and an article was removed."""
    grouper = FigureGrouper(hashed_embedder(), GroupingConfig(), outcome_embed=_outcomes, part_embed=_parts)
    arts = _labelled_articles("dev")
    for art in arts:
        grouper.add_article(art, FiguresAnalyzer().analyze(Features(art)).findings)
    assert _assert_kept_clause_features(grouper) > 50
    assert len(grouper._clause_kinds) < len(grouper._clause)  # shared tuples
    kinds = {(f.predicate, f.role, f.scope) for f in map(grouper.features, grouper.mentions.values())}
    assert len(kinds) > 5 and any(p is None for p, _r, _s in kinds)
    # a re-analysed article: the same ids, new mention objects
    art = arts[0]
    old = {m.id: m for m in grouper.mentions.values() if m.article_id == art.id and m.measure is not None}
    grouper.replace_article(art, FiguresAnalyzer().analyze(Features(art)).findings)
    new = {mid: grouper.mentions[mid] for mid in old}
    assert all(new[mid] is not old[mid] for mid in old)
    grouper.remove_article(arts[1].id)
    assert not any(mid.startswith(f"{arts[1].id}:") for mid in grouper._clause)
    assert _assert_kept_clause_features(grouper) > 50
    # another object under a kept id (a stored grouping restored over this one): nothing kept is read for it
    first = next(iter(new.values()))
    other = dataclasses.replace(first, masked_clause="the siege of the port killed many people in Brenna",
                                clause="the siege of the port killed 40 people in Brenna")
    grouper._remember(other)
    assert first.id not in grouper._clause
    grouper._features = None
    assert grouper.features(other) == mention_features(other, grouper.config.counted_classes)
    assert grouper.features(other).predicate != mention_features(first, grouper.config.counted_classes).predicate


def test_first_of_each_by_marks_equals_the_definition_on_random_rows() -> None:
    """The grouper's marking :meth:`_first_of_each` against ``dict.fromkeys`` on many random row lists (few and
    many repeats, rows past the marks' length, which grow, and small rows after large), its marks all cleared
    after each call."""
    grouper = FigureGrouper(None, GroupingConfig())
    rng = np.random.default_rng(17)
    for trial in range(2000):
        n = int(rng.integers(0, 300))
        top = int(rng.choice([1, 3, 50, 1000, 5000])) * (1 + trial // 500)
        rows = rng.integers(0, top, size=n).astype(np.int64)
        got = grouper._first_of_each(rows)
        assert got.tolist() == list(dict.fromkeys(rows.tolist())), trial
        assert got.dtype == np.int64
        assert (grouper._first_at == np.iinfo(np.int64).max).all()
    assert len(grouper._first_at) >= 4000


def test_float32_rows_of_recent_vectors_gather_as_numpys_cast_before_and_after_compacting() -> None:
    from presslens.compare.vector_rows import VectorTable

    rng = np.random.default_rng(9)
    with pytest.raises(ValueError):
        VectorTable(recent=12)
    table, plain = VectorTable(recent=16), VectorTable()
    for i in range(50):
        vec = rng.normal(size=8).astype(np.float32) * 10.0 ** rng.integers(-6, 4)
        table[f"m{i}"] = plain[f"m{i}"] = vec
    for slots in (np.arange(34, 50), np.array([49, 40, 34, 34]), np.arange(30, 50), np.array([3, 49]), np.arange(50)):
        want = table.rows[slots].astype(np.float32)
        got = table.gather_float32(slots)
        assert got.dtype == np.float32 and np.array_equal(got.view(np.int32), want.view(np.int32))
        assert np.array_equal(got, plain.gather_float32(slots))
    for i in range(0, 50, 3):
        del table[f"m{i}"]
    table.compact()  # the slots move: the float32 rows kept are of the old slots
    slots = np.arange(len(table))
    assert np.array_equal(table.gather_float32(slots[-5:]), table.rows[slots[-5:]].astype(np.float32))
    table["new"] = np.full(8, 0.5, np.float32)
    last = np.array([table.slot("new"), len(table) - 2])
    assert np.array_equal(table.gather_float32(last), table.rows[last].astype(np.float32))
