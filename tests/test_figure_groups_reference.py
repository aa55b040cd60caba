"""The whole grouping, end to end, equals a straightforward reference path of the same definition.

:class:`ReferenceGrouper` takes every shortcut of the grouper's hot path out: candidate rows from Python lists
made unique with ``dict.fromkeys``, each candidate group's vector sum laid in a float32 matrix row by row, the
pair features group by group (:meth:`FigureGrouper.model_features`, the general terms from a pass over the
members, no member index), the pair and conflict models' probabilities row by row
(:meth:`~presslens.compare.figure_pair_model.PairModel.probability`), the clause features computed again for
every call, the conflicts pass without its window skip. Both groupers index the same synthetic corpora (groups of
one figure on posting lists past ``MAX_POSTING``, set lower; real groups past ``MEMBER_INDEX_MIN`` members with clashing
values; recent and older clause vectors), and every mention's group, every group's mentions in order, the
conflicts and the summaries of the tracked groups must be the same. A speed step that changes any of them fails
here, whichever shortcut it takes.
"""

from __future__ import annotations

import datetime as _dt

import numpy as np
import pytest

from presslens.compare import figure_groups as fg
from presslens.compare.conflicts import WINDOW_DAYS
from presslens.compare.figure_groups import (
    GENERIC_HEADS,
    FigureGrouper,
    GroupingConfig,
    general_pair_features,
    hashed_embedder,
    mention_features,
    mention_tokens,
)
from presslens.compare.figure_pair_model import PairModel
from presslens.compare.figures import FigureMention, head_noun

NOUNS = ["men", "refugees", "drones", "tanks", "homes", "shells"]
VERBS = ["left", "fled", "launched", "destroyed", "damaged", "fired"]
PLACES = ["Brenna", "Tolmar", "Port Vell", "Averon"]


def _corpus(n_articles: int, noise: float, seed: int, width: int = 48) -> list[tuple[list[FigureMention], np.ndarray]]:
    """Articles over a year, five count figures each: most report one of a few tracked things (clause vectors
    near the thing's direction plus ``noise``, values that sometimes clash, a place for some), the rest one-off
    figures with nouns and words of their own."""
    rng = np.random.default_rng(seed)
    topics = 24
    centres = rng.normal(size=(topics, width)).astype(np.float32)
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    out = []
    for a in range(n_articles):
        day = _dt.date(2025, 1, 1) + _dt.timedelta(days=a * 365 // n_articles)
        mentions, vectors = [], np.empty((5, width), np.float32)
        for k in range(5):
            if rng.random() < 0.8:
                t = int(rng.integers(topics))
                noun, verb, place = NOUNS[t % 6], VERBS[t % 6], PLACES[t % 4]
                value = float(round(10 ** (1 + t % 4) * rng.uniform(0.6, 1.8)))
                vec = centres[t] + noise * rng.normal(size=width).astype(np.float32)
                clause = (f"many {noun} were {verb} in {place} in one strike" if t % 5 == 0
                          else f"many {noun} were {verb} in {place} since the start")
            else:
                noun = "".join(rng.choice(list("abcdefgh"), size=6)) + "s"
                value = float(rng.integers(1, 10**5))
                vec = rng.normal(size=width).astype(np.float32)
                clause = f"many {noun} were {noun[:3]}ed at {noun[2:]}ville"
            vectors[k] = vec / np.linalg.norm(vec)
            mentions.append(FigureMention(
                article_id=f"r{a}", start=10 * k, end=10 * k + 6, text=f"{value:.0f} {noun}", label="count",
                measure="count", value=value, bound=[None, "approx", "lower", "upper"][int(rng.integers(4))],
                unit=noun, date=day, source=f"outlet{a % 7}", clause=clause, masked_clause=clause,
                sentence=clause, head=head_noun(noun)))
        out.append((mentions, vectors))
    return out


class ReferenceGrouper(FigureGrouper):
    """The grouper with the plain definitions of its hot path (see the module docstring)."""

    def features(self, m: FigureMention) -> fg.MentionFeatures:
        return mention_features(m, self.config.counted_classes, self.config.captive_words, self.config.own_set)

    def _proposed(self, m: FigureMention, tokens: dict[str, float], predicate: str | None, *,
                  unique: bool = True) -> np.ndarray:
        assert m.measure is not None
        rows: list[int] = []
        head = m.head
        specific = head is not None and head not in GENERIC_HEADS
        if specific:
            rows.extend(list(self._by_head.get((m.measure, head), []))[-fg.MAX_POSTING:])
        if predicate is not None and not specific:
            rows.extend(list(self._by_predicate.get((m.measure, predicate), []))[-fg.MAX_POSTING:])
        nearest = sorted(tokens.items(), key=lambda kv: (-kv[1], kv[0]))[:fg.NEAREST_WORDS]
        for tok, _w in nearest:
            posting = self._postings.get((m.measure, tok))
            if posting is not None and len(posting) <= fg.MAX_POSTING:
                rows.extend(posting)
        if unique:
            rows = list(dict.fromkeys(rows))
        return np.array(rows, np.int64)

    def _window_candidates(self, m: FigureMention, own_row: int | None) -> np.ndarray | None:
        # no skip: every dated figure's candidates are scored (none of them out of the window gives a pair)
        feats = self.features(m)
        specific = m.head is not None and m.head not in GENERIC_HEADS
        return self._proposed(m, mention_tokens(m), None if specific else feats.predicate)

    def _group_row(self, table: fg.MeasureRows, row: int, width: int) -> np.ndarray:
        kind, ref = int(table.kind.data[row]), int(table.ref.data[row])
        if kind == fg.ONE_VECTOR:
            return self.vectors.rows[ref].astype(np.float32)
        if kind == fg.SUMMED:
            assert table.sums is not None
            return table.sums.data[ref].copy()
        return np.zeros(width, np.float32)

    def _cosines(self, table: fg.MeasureRows, rows: np.ndarray, vec: np.ndarray) -> np.ndarray:
        block = np.array([self._group_row(table, int(r), len(vec)) for r in rows], np.float32).reshape(len(rows), -1)
        with np.errstate(invalid="ignore", divide="ignore"):
            cos = (block @ vec) / table.norms.data[rows]
        cos = np.nan_to_num(cos)
        return np.where(table.kind.data[rows] != fg.NO_VECTOR, cos, 0.0).astype(np.float32)

    def _scored_candidates(self, m: FigureMention, found: np.ndarray | None = None, *,
                           persons: bool = False) -> tuple[list[str], dict[str, float]]:
        if found is None:
            found = self._candidates(m)
        if not len(found):
            return [], {}
        table = self._rows[str(m.measure)]
        vec = self.vectors.get(m.id)
        cfg = self.config
        rows = found
        if vec is not None and cfg.embed_weight > 0 and table.vectored:
            cos = self._cosines(table, rows, vec.astype(np.float32))
            keep = 4 * cfg.candidates
            if len(rows) > keep:
                top = np.argpartition(-cos, keep)[:keep]
                rows, cos = rows[top], cos[top]
            cosines = {table.gids[int(r)]: float(c) for r, c in zip(rows, cos, strict=True)}
        else:
            cosines = {table.gids[int(r)]: 0.0 for r in rows}
        cands = list(cosines)
        strict = [g for g in cands if self._compatible(m, self.groups[g])]
        if len(strict) > cfg.candidates:
            strict = sorted(strict, key=lambda g: -cosines[g])[: cfg.candidates]
        if persons and (cfg.person_near or cfg.kind_near):
            relaxed = self._compatibility(m, persons=True)
            extra = [g for g in cands if g not in strict and relaxed(self.groups[g])]
            if len(extra) > cfg.candidates:
                extra = sorted(extra, key=lambda g: -cosines[g])[: cfg.candidates]
            strict = [*strict, *extra]
        return strict, cosines

    def candidate_features(self, m: FigureMention, gids: list[str], cosines: dict[str, float] | None,
                           method: str) -> list[list[float]]:
        terms = self.mention_terms(m)
        return [self.model_features(m, g, cosines[g] if cosines is not None else 0.0, method, terms) for g in gids]

    def _general_terms(self, m: FigureMention, group: fg.FigureGroup, outcome_cosine: float,
                       outcome_unknown: bool, own: tuple[float | None, tuple[float, float] | None]) -> list[float]:
        return general_pair_features(m, [self.mentions[i] for i in group.mention_ids], outcome_cosine,
                                     outcome_unknown, own=own)


def _one_by_one(self: PairModel, rows: list[list[float]]) -> list[float]:
    return [self.probability(x) for x in rows]


def _outcomes(texts: list[str]) -> np.ndarray:
    return hashed_embedder(64)(texts)


def _parts(texts: list[str]) -> np.ndarray:
    half = hashed_embedder(32)
    return np.hstack([half([t.split(" were ")[0] for t in texts]), half([t.split(" were ")[-1] for t in texts])])


def _results(grouper: FigureGrouper) -> dict[str, object]:
    conflicts = grouper.conflicts()
    between = grouper.between_group_conflicts()
    return {
        "group_of": list(grouper.group_of.items()),
        "groups": [(gid, list(g.mention_ids)) for gid, g in grouper.groups.items()],
        "conflicts": [(c.first.id, c.second.id, c.days_apart) for c in conflicts],
        "summaries": [grouper.summary(gid, between).to_dict() for gid in grouper.tracked_groups()],
    }


@pytest.mark.parametrize(("articles", "noise", "seed"), [(260, 0.6, 5), (300, 0.02, 11)])
def test_grouping_equals_the_reference_path(monkeypatch: pytest.MonkeyPatch, articles: int, noise: float,
                                            seed: int) -> None:
    monkeypatch.setattr(fg, "RECENT_VECTORS", 256)  # candidates both among the newest vectors and older ones
    monkeypatch.setattr(fg, "MAX_POSTING", 96)  # long posting lists cut, frequent words proposing nothing
    corpus = _corpus(articles, noise, seed)
    fast = FigureGrouper(None, GroupingConfig(), outcome_embed=_outcomes, part_embed=_parts)
    for mentions, vectors in corpus:
        fast.add_mentions(mentions, vectors)
    got = _results(fast)
    with monkeypatch.context() as patched:
        patched.setattr(PairModel, "probabilities", _one_by_one)
        reference = ReferenceGrouper(None, GroupingConfig(), outcome_embed=_outcomes, part_embed=_parts)
        for mentions, vectors in _corpus(articles, noise, seed):
            reference.add_mentions(mentions, vectors)
        want = _results(reference)
    sizes = sorted((len(g.mention_ids) for g in fast.groups.values()), reverse=True)
    heads = max(len(p) for p in fast._by_head.values())
    if noise > 0.3:  # mostly groups of one: the noun's posting lists pass MAX_POSTING
        assert heads > fg.MAX_POSTING and len(fast.groups) > 0.9 * 5 * articles
    else:  # real groups, past the member index's size, with conflicts inside and between groups
        assert sizes[0] >= 3 * fg.MEMBER_INDEX_MIN and fast._member_index and len(want["conflicts"]) > 10  # type: ignore[arg-type]
    assert WINDOW_DAYS < 365  # some figures have nothing in the window: the fast pass skips them
    for key in ("group_of", "groups", "conflicts", "summaries"):
        assert got[key] == want[key], key
