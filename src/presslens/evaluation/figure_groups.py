"""Evaluate tracked-figure grouping, conflicts and republished copies on our labelled articles.

    presslens eval figure-groups --data data/figures [--split dev|test|test_v1|test_v2|test_v3|test_v4]
                                 [--embedder encoder|hashed|none]
                                 [--sweep [--loso] [--sweep-splits dev,test_v1,...,test_v5]] [--errors]
                                 [--method rules|conservative|same-predicate|learned|vetoed|outcome|
                                           outcome-unknown|outcome-blend|learned-outcome [--pair-model PATH]]
                                 [--outcome-threshold T] [--outcome-window B,A] [--outcome-centred]
    presslens eval figure-groups --data data/figures --loso-stories [--fit-pair-model PATH]
                                 [--sweep-splits dev,test_v1,...,test_v7]
    presslens eval figure-groups --data data/figures --split S --groupings default,general-f1+tallies,...

``test_v1`` .. ``test_v4`` are retired test splits: their errors were read and fixes were found from them,
so they are seen data, kept for the record and for tuning; ``test`` is the fresh split (see
``data/figures/GUIDELINE.md``), never tuned on.

Reads ``<data>/articles.jsonl`` and ``<data>/labels.jsonl`` (see ``data/figures/GUIDELINE.md``), runs the
figures analyzer on every article of the split, detects republished copies with
:class:`~presslens.compare.duplicates.DuplicateIndex` (articles in date order), groups the mentions of
the other articles with :class:`~presslens.compare.figure_groups.FigureGrouper` and prints:

- B-cubed precision, recall and F1 of the grouping over the labelled mentions (a tracked quantity is one
  gold cluster; every distractor is its own cluster; a labelled mention the analyzer missed or that is
  never grouped counts as a predicted singleton);
- how many distractors landed in a group holding a tracked quantity (target: none);
- conflict detection precision and recall against the planted conflicts (every predicted conflict
  between two mentions that are not a planted pair is a false positive);
- duplicate detection precision and recall (pairs of articles).

``--sweep`` (seen splits only: the test split is never used for tuning) scores a grid of thresholds and
weights with the analyses and embeddings computed once, on ``--split`` or on every split of
``--sweep-splits`` together, and names the setting with the best mean B-cubed F1 among those that merge no
distractor, find every planted conflict and flag no false conflict on every swept split (when none does: the
fewest errors, then the best mean F1). ``--loso`` then checks how each selection rule of
:data:`SELECTION_RULES` generalises: for every swept split, the rule chooses a setting on the other splits and
that setting is scored on the held-out one (F1, distractors merged, conflicts found, false conflicts).

``--loso-stories`` (seen splits only; every split is one invented story) compares the grouping methods of
:class:`~presslens.compare.figure_groups.GroupingConfig` leaving one story out: the learned pair model
(:mod:`presslens.compare.figure_pair_model`) is fitted, weights and threshold, on the other stories only and
scored on the held-out one; the rule-based methods run at the shipped setting (chosen on the seen splits, with
word lists written after reading them, so optimistic except on the story scored fresh). ``--fit-pair-model``
fits the model on the given seen splits and writes its JSON. With the encoder, the outcome methods
(:data:`~presslens.compare.figure_groups.OUTCOME_METHODS`, outcome vectors from
:mod:`presslens.compare.figure_outcome`) are measured too: their outcome threshold (``outcome``,
``outcome-unknown``) or pair model (``learned-outcome``) chosen on the other stories, and ``conservative`` and
``outcome-unknown`` with conflicts between near groups (``+near``, that threshold chosen on the other stories).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import itertools
import json
from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from presslens.article import Article, Finding
from presslens.compare.conflicts import mentions_clash
from presslens.compare.duplicates import DuplicateIndex
from presslens.compare.figure_conflict_model import CONFLICT_F_BETA, choose_conflict_threshold
from presslens.compare.figure_groups import (
    DEFAULT_GROUPING,
    GROUPING_NAMES,
    KIND_NEAR_OPTION,
    ONE_WORD_OPTION,
    OUTCOME_METHODS,
    OWN_SET_OPTION,
    PERSON_NEAR_OPTION,
    THING_NEAR_OPTION,
    Embedder,
    FigureGrouper,
    GroupingConfig,
    grouping_config,
    hashed_embedder,
)
from presslens.compare.figure_pair_model import (
    CONFLICT_FEATURES,
    CONFLICT_WORD_FEATURES,
    GENERAL_PAIR_FEATURES,
    OUTCOME_PAIR_FEATURES,
    PAIR_FEATURES,
    PairModel,
    fit_pair_model,
)
from presslens.compare.figures import FigureMention, mentions_from_findings
from presslens.encoder import SentenceEncoder


@dataclass
class GoldMention:
    id: str
    article: str
    start: int
    end: int
    text: str
    group: str  # "distractor" or a tracked quantity id


@dataclass
class Dataset:
    articles: list[Article]
    mentions: list[GoldMention]
    conflicts: set[frozenset[str]]
    duplicates: set[frozenset[str]]
    errors: list[str] = field(default_factory=list)
    """One line per input line that could not be used (named by file and line number)."""


@dataclass
class Scores:
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    distractors_merged: int
    distractors: int
    conflict_tp: int
    conflict_fp: int
    conflict_fn: int
    duplicate_tp: int
    duplicate_fp: int
    duplicate_fn: int
    mentions: int
    missed_mentions: int
    errors: list[str] = field(default_factory=list)

    @staticmethod
    def _p(tp: int, fp: int) -> float:
        return tp / (tp + fp) if tp + fp else 1.0

    @property
    def conflict_precision(self) -> float:
        return self._p(self.conflict_tp, self.conflict_fp)

    @property
    def conflict_recall(self) -> float:
        return self._p(self.conflict_tp, self.conflict_fn)

    @property
    def duplicate_precision(self) -> float:
        return self._p(self.duplicate_tp, self.duplicate_fp)

    @property
    def duplicate_recall(self) -> float:
        return self._p(self.duplicate_tp, self.duplicate_fn)

    @property
    def grouping_errors(self) -> int:
        """Distractors merged + planted conflicts missed + false conflicts: what the held-out choices minimise."""
        return self.distractors_merged + self.conflict_fn + self.conflict_fp


def _jsonl_rows(path: Path, errors: list[str]) -> list[tuple[int, dict[str, Any]]]:
    rows: list[tuple[int, dict[str, Any]]] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{path}:{n}: not JSON ({exc.msg})")
            continue
        if not isinstance(row, dict) or "split" not in row:
            errors.append(f"{path}:{n}: not an object with a split")
            continue
        rows.append((n, row))
    return rows


def load_dataset(data: Path, split: str) -> Dataset:
    """The split's articles and labels; a bad line is reported in ``errors`` and skipped."""
    from presslens.segment import segment

    errors: list[str] = []
    articles: list[Article] = []
    for n, row in _jsonl_rows(data / "articles.jsonl", errors):
        if row["split"] != split:
            continue
        try:
            art = Article(text=row["text"], id=row["id"], title=row.get("title"),
                          date=_dt.date.fromisoformat(row["date"]) if row.get("date") else None,
                          source=row.get("source"), language="en")
        except (KeyError, TypeError, ValueError) as exc:
            errors.append(f"{data / 'articles.jsonl'}:{n}: bad article ({exc!r})")
            continue
        segment(art)
        articles.append(art)
    texts = {a.id: a.text for a in articles}
    mentions: list[GoldMention] = []
    conflicts: set[frozenset[str]] = set()
    duplicates: set[frozenset[str]] = set()
    for n, row in _jsonl_rows(data / "labels.jsonl", errors):
        if row["split"] != split:
            continue
        try:
            if row["type"] == "mention":
                g = GoldMention(row["id"], row["article"], row["start"], row["end"], row["text"], row["group"])
                if texts.get(g.article, "")[g.start : g.end] != g.text:
                    raise ValueError(f"span {g.start}:{g.end} of article {g.article!r} does not read {g.text!r}")
                mentions.append(g)
            elif row["type"] == "conflict":
                conflicts.add(frozenset((row["a"], row["b"])))
            elif row["type"] == "duplicate":
                duplicates.add(frozenset((row["article"], row["duplicate_of"])))
        except (KeyError, TypeError, ValueError) as exc:
            errors.append(f"{data / 'labels.jsonl'}:{n}: bad label ({exc})")
    return Dataset(articles, mentions, conflicts, duplicates, errors)


def analyse(articles: Sequence[Article]) -> dict[str, list[Finding]]:
    """The figures analyzer's findings per article id (the real pipeline, figures only)."""
    from presslens.pipeline import Pipeline

    pipeline = Pipeline(only=["figures"])
    return {a.id: pipeline.run(a).findings for a in articles}


def find_duplicates(articles: Sequence[Article]) -> dict[str, str]:
    """Article id -> id of the article it copies, indexing in date order (ties: id)."""
    index = DuplicateIndex()
    out: dict[str, str] = {}
    for a in sorted(articles, key=lambda a: (a.date or _dt.date.max, a.id)):
        original = index.add(a.id, a.text)
        if original is not None:
            out[a.id] = original
    return out


def caching(embed: Embedder) -> Embedder:
    cache: dict[str, np.ndarray] = {}

    def cached(texts: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in cache]
        if missing:
            for t, v in zip(missing, embed(missing), strict=True):
                cache[t] = v
        return np.stack([cache[t] for t in texts]) if texts else np.zeros((0, 1), dtype=np.float32)

    return cached


def group_articles(articles: Sequence[Article], findings: dict[str, list[Finding]], duplicates: dict[str, str],
                   embed: Embedder | None, config: GroupingConfig, *,
                   outcome_embed: Embedder | None = None, part_embed: Embedder | None = None) -> FigureGrouper:
    conflict_model = config.conflict_model is not None
    wants = config.method in OUTCOME_METHODS or config.near_conflict_threshold is not None or conflict_model
    grouper = FigureGrouper(embed, config, outcome_embed=outcome_embed if wants else None,
                            part_embed=part_embed if conflict_model else None)
    for a in sorted(articles, key=lambda a: (a.date or _dt.date.max, a.id)):
        grouper.add_article(a, findings[a.id], duplicate_of=duplicates.get(a.id))
    return grouper


def _match(gold: GoldMention, candidates: Sequence[FigureMention]) -> FigureMention | None:
    best: tuple[int, FigureMention] | None = None
    for m in candidates:
        overlap = min(gold.end, m.number_end) - max(gold.start, m.number_start)
        if overlap <= 0:
            overlap = min(gold.end, m.end) - max(gold.start, m.start)
        if overlap > 0 and (best is None or overlap > best[0]):
            best = (overlap, m)
    return best[1] if best else None


def bcubed(gold: dict[str, str], pred: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 of ``pred`` (item -> cluster) against ``gold`` (item -> cluster)."""
    by_gold: dict[str, set[str]] = defaultdict(set)
    by_pred: dict[str, set[str]] = defaultdict(set)
    for item, c in gold.items():
        by_gold[c].add(item)
    for item, c in pred.items():
        by_pred[c].add(item)
    p = r = 0.0
    for item in gold:
        g, q = by_gold[gold[item]], by_pred[pred[item]]
        both = len(g & q)
        p += both / len(q)
        r += both / len(g)
    n = len(gold) or 1
    p, r = p / n, r / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(data: Dataset, grouper: FigureGrouper, duplicates: dict[str, str]) -> Scores:
    by_article: dict[str, list[FigureMention]] = defaultdict(list)
    for mention in grouper.mentions.values():
        by_article[mention.article_id].append(mention)
    gold_cluster: dict[str, str] = {}
    pred_cluster: dict[str, str] = {}
    pred_to_gold: dict[str, str] = {}
    missed = 0
    errors: list[str] = []
    m: FigureMention | None
    for g in data.mentions:
        gold_cluster[g.id] = g.group if g.group != "distractor" else f"distractor:{g.id}"
        m = _match(g, by_article.get(g.article, []))
        if m is None:
            missed += 1
            errors.append(f"missed by the analyzer: {g.id} {g.text!r}")
        else:
            pred_to_gold.setdefault(m.id, g.id)
        gid = grouper.group_of.get(m.id) if m is not None else None
        pred_cluster[g.id] = gid if gid is not None else f"single:{g.id}"
    p, r, f1 = bcubed(gold_cluster, pred_cluster)

    tracked_in: dict[str, set[str]] = defaultdict(set)
    for g in data.mentions:
        if g.group != "distractor":
            tracked_in[pred_cluster[g.id]].add(g.group)
    merged = 0
    for g in data.mentions:
        if g.group == "distractor" and tracked_in.get(pred_cluster[g.id]):
            merged += 1
            errors.append(f"distractor {g.id} {g.text!r} merged with {sorted(tracked_in[pred_cluster[g.id]])}")
    for name, members in sorted(_clusters_of(data, pred_cluster).items()):
        if len(members) > 1:
            errors.append(f"gold {name} split over predicted groups {dict(Counter(members))}")

    found: set[frozenset[str]] = set()
    c_fp = 0
    for c in grouper.conflicts():
        a, b = pred_to_gold.get(c.first.id), pred_to_gold.get(c.second.id)
        pair = frozenset((a, b)) if a and b else None
        if pair is not None and pair in data.conflicts:
            found.add(pair)
        else:
            c_fp += 1
            errors.append(f"false conflict: {c.first.id} {c.first.text!r} vs {c.second.id} {c.second.text!r}")
    for ids in sorted(sorted(pair) for pair in data.conflicts - found):
        errors.append(f"missed conflict: {ids}")
    pred_dups = {frozenset((a, b)) for a, b in duplicates.items()}
    return Scores(p, r, f1, merged, sum(g.group == "distractor" for g in data.mentions),
                  len(found), c_fp, len(data.conflicts - found),
                  len(pred_dups & data.duplicates), len(pred_dups - data.duplicates),
                  len(data.duplicates - pred_dups), len(data.mentions), missed, errors)


def _clusters_of(data: Dataset, pred_cluster: dict[str, str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for g in data.mentions:
        if g.group != "distractor":
            out[g.group].append(pred_cluster[g.id])
    return {k: v for k, v in out.items() if len(set(v)) > 1}


def markdown_table(rows: dict[str, Scores]) -> str:
    head = ("| method | B3 P | B3 R | B3 F1 | distractors merged | conflicts P | conflicts R | "
            "duplicates P | duplicates R |\n|---|---|---|---|---|---|---|---|---|")
    lines = [head]
    for name, s in rows.items():
        lines.append(
            f"| {name} | {s.bcubed_precision:.3f} | {s.bcubed_recall:.3f} | {s.bcubed_f1:.3f} | "
            f"{s.distractors_merged}/{s.distractors} | {s.conflict_precision:.2f} ({s.conflict_tp}/"
            f"{s.conflict_tp + s.conflict_fp}) | {s.conflict_recall:.2f} ({s.conflict_tp}/"
            f"{s.conflict_tp + s.conflict_fn}) | {s.duplicate_precision:.2f} | {s.duplicate_recall:.2f} |")
    return "\n".join(lines)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=Path("data/figures"),
                        help="folder with articles.jsonl and labels.jsonl")
    parser.add_argument("--split", default="test", choices=["test", "dev", "test_v1", "test_v2", "test_v3", "test_v4", "test_v5",
                                                                     "test_v6", "test_v7", "test_v8", "test_v9", "test_v10", "test_v11", "test_v12", "test_v13", "test_v14",
                                                                     "test_v15", "test_v16", "test_v17", "test_v18", "test_v19", "test_v20", "test_v21", "train_w", "train_x",
                                                                     "train_y", "train_z", "train_b", "train_c"],
                        help="which split to score (test_v1 .. test_v21: retired test splits, seen; train_w .. train_c: "
                             "training stories)")
    parser.add_argument("--embedder", default="encoder", choices=["encoder", "claim", "hashed", "none"],
                        help="clause embeddings: the shared encoder, the 6-layer claim-matching encoder "
                             "(experiment), hashed words (no model) or none (lexical)")
    parser.add_argument("--threshold", type=float, help="override GroupingConfig.threshold")
    parser.add_argument("--embed-weight", type=float, help="override GroupingConfig.embed_weight")
    parser.add_argument("--headless-margin", type=float, help="override GroupingConfig.headless_margin")
    parser.add_argument("--magnitude-weight", type=float, help="override GroupingConfig.magnitude_weight")
    parser.add_argument("--max-magnitude-gap", type=float,
                        help="override GroupingConfig.max_magnitude_gap (orders of magnitude; inf: off)")
    parser.add_argument("--sweep", action="store_true",
                        help="(seen splits only) score a grid of thresholds and weights")
    parser.add_argument("--sweep-splits", help="comma-separated seen splits to sweep together "
                                               f"(any of {', '.join(SEEN_SPLITS)}; default: --split)")
    parser.add_argument("--loso", action="store_true",
                        help="with --sweep: leave one split out -- choose a setting by each selection rule on "
                             "all swept splits but one, score it on that one, for every split")
    parser.add_argument("--errors", action="store_true", help="list missed, split and merged mentions")
    parser.add_argument("--method", choices=GROUPING_METHODS, help="a method at the rules' setting, without "
                        "the conflict model (default: the shipped grouping, general-f1+conflicts): rules (the "
                        "weighted score, the earlier default), conservative (join only on the same counted noun and predicate), "
                        "same-predicate, learned (the logistic pair model) or vetoed (rules, and the pair model "
                        "must agree), the outcome methods, learned-outcome or learned-general (pair models with "
                        "the outcome cosine / and list-free pair features; learned-outcome needs --pair-model); with "
                        "--fit-pair-model: the method whose model and threshold are fitted")
    parser.add_argument("--pair-model", type=Path, help="with --method learned: a pair model JSON to use instead "
                                                        "of the shipped one")
    parser.add_argument("--loso-stories", action="store_true",
                        help="leave one story out over the splits of --sweep-splits (default: every seen split): "
                             "the pair model is fitted on the other stories and scored on the held-out one, beside "
                             "the rules and the conservative policy at their shipped settings")
    parser.add_argument("--loso-held", metavar="SPLITS",
                        help="with --loso-stories: only these stories are held out in turn (comma-separated; "
                             "each still trained on all the other splits); 'deciding' = "
                             + ",".join(DECIDING_STORIES))
    parser.add_argument("--pair-criterion", choices=REFIT_CRITERIA, default="errors",
                        help="with --loso-stories: how the pair models' joining threshold is chosen on the training "
                             "stories: fewest errors then F1 (default), or best F1 then fewest errors (experiment)")
    parser.add_argument("--clause-window", type=int, metavar="K",
                        help="(experiment) embed only K words either side of the masked number instead of the "
                             "whole masked clause")
    parser.add_argument("--outcome-threshold", type=float,
                        help="override GroupingConfig.outcome_threshold (methods outcome, outcome-unknown)")
    parser.add_argument("--outcome-window", metavar="B,A",
                        help="(experiment) outcome vectors over B words before and A after the masked number "
                             "(default 0,3)")
    parser.add_argument("--outcome-centred", action="store_true",
                        help="(experiment) outcome vectors minus the clause's mean token state")
    parser.add_argument("--loso-methods", metavar="METHODS",
                        help="with --loso-stories: only these methods (comma-separated): rules and any of "
                             + ", ".join(CANDIDATE_METHODS) + " (the candidates of the conflict-model round; "
                             "default: the older methods, all of them)")
    parser.add_argument("--counted-classes", action=argparse.BooleanOptionalAction, default=None,
                        help="with --loso-stories / --fit-conflict-model: group with (or without) the counted-noun "
                             "classes (GroupingConfig.counted_classes; default: the default grouping's, on since "
                             "round 2 stop 27); the pair model is fitted without them either way")
    parser.add_argument("--captive-words", action=argparse.BooleanOptionalAction, default=None,
                        help="with --loso-stories / --fit-conflict-model: group with (or without) the captive "
                             "readings (GroupingConfig.captive_words; default: the default grouping's, on since "
                             "round 2 stop 30); the pair model is fitted without them either way")
    parser.add_argument("--bare-people", action=argparse.BooleanOptionalAction, default=None,
                        help="with --loso-stories / --fit-conflict-model: a count of people without a predicate "
                             "never joins a group whose members all have one (GroupingConfig.bare_people; default: "
                             "the default grouping's, on since round 2 stop 30); the pair model is fitted without "
                             "it either way")
    parser.add_argument("--person-near", action=argparse.BooleanOptionalAction, default=None,
                        help="with --loso-stories / --fit-conflict-model: the conflicts pass also scores pairs that "
                             "only the counted-noun constraint refuses when both nouns name people "
                             "(GroupingConfig.person_near, an option of round 2 stop 30; default: off)")
    parser.add_argument("--own-set", action=argparse.BooleanOptionalAction, default=None,
                        help="with --loso-stories / --fit-conflict-model: a count 'N of his / its / their NOUN' whose "
                             "set has no size of its own is a count of that NOUN, not a part (GroupingConfig.own_set, "
                             "an option of round 2 stop 31; default: off); the pair model is fitted without it "
                             "either way")
    parser.add_argument("--kind-near", action=argparse.BooleanOptionalAction, default=None,
                        help="with --loso-stories / --fit-conflict-model: the conflicts pass also scores pairs that "
                             "only the counted-noun constraint refuses when one noun is a kind of the other "
                             "('rifles' and 'weapons'; GroupingConfig.kind_near, an option of round 2 stop 32; "
                             "default: off)")
    parser.add_argument("--thing-near", action=argparse.BooleanOptionalAction, default=None,
                        help="with --loso-stories / --fit-conflict-model: the conflicts pass also scores pairs that "
                             "only the counted-noun constraint refuses when both nouns name a thing of a collection "
                             "('objects' and 'items'; GroupingConfig.thing_near, an option of round 2 stop 33; "
                             "default: off)")
    parser.add_argument("--fit-conflict-model", type=Path, metavar="PATH",
                        help="fit the conflict model on the splits of --sweep-splits (default: every seen split) "
                             "and write it to PATH as JSON")
    parser.add_argument("--conflict-candidate",
                        choices=["general-f1+tallies", "general-f1+tallies-f1", "general-f1+tallies-gate",
                                 "general-f1+values-model", "general-f1+values-model-f05",
                                 "general-f1+values-model-f1"],
                        help="with --fit-conflict-model: fit that candidate's conflict model (the tallies reading, "
                             "word features, clashing pairs only; threshold by F2 / F1; or -gate: the default's "
                             "model under the tallies reading) instead of the default's")
    parser.add_argument("--groupings", metavar="NAMES",
                        help="score these named groupings side by side with the shipped weights (comma-separated; "
                             f"'default' = {DEFAULT_GROUPING}; any of " + ", ".join(GROUPING_NAMES) + ")")
    parser.add_argument("--fit-pair-model", type=Path, metavar="PATH",
                        help="fit the pair model on the splits of --sweep-splits (seen splits only) and write it "
                             "to PATH as JSON")


GROUPING_METHODS = ("rules", "conservative", "same-predicate", "learned", "vetoed", *OUTCOME_METHODS)
PAIR_METHODS = ("learned", "vetoed", "learned-outcome", "learned-general")
"""The methods that use the pair model (fitted per held-out story)."""
SEEN_SPLITS = ("dev", "test_v1", "test_v2", "test_v3", "test_v4", "test_v5", "test_v6", "test_v7", "test_v8",
               "train_w", "train_x", "train_y", "train_z", "train_b", "train_c", "test_v9", "test_v10",
               "test_v11", "test_v12", "test_v13", "test_v14", "test_v15", "test_v16", "test_v17",
               "test_v18", "test_v19", "test_v20", "test_v21")
"""Splits that may be used for tuning and fitting: dev, the retired test splits whose errors were read, and the
six training stories (written blind to the method; ``train_b`` and ``train_c`` joined after they decided the
default grouping); ``test_v9`` (articles a01..a24) joined after it was scored once as ``test``, ``test_v10`` (articles e01..e25)
after it was scored once as ``test`` at stop 22, ``test_v11`` (articles f01..f25) after it was scored once
as ``test`` at stop 23, ``test_v12`` (articles g01..g28) after it was scored once as ``test`` at stop 24,
``test_v13`` (articles h01..h28) after it was scored once as ``test`` at stop 25, ``test_v14`` (articles
i01..i28) after it was scored once as ``test`` at stop 26, ``test_v15`` (articles j01..j28) after it was
scored once as ``test`` at stop 27, ``test_v16`` (articles k01..k28) after it was scored once as ``test``
at stop 28, ``test_v17`` (articles l01..l28) after it was scored once as ``test`` at stop 29, ``test_v18``
(articles m01..m28) after it was scored once as ``test`` at the end of stop 29, ``test_v19`` (articles
o01..o28) after it was scored once as ``test`` at stop 30, ``test_v20`` (articles ab01..ab28) after it was
scored once as ``test`` at stop 31, and ``test_v21`` (articles ac01..ac28) last, after it was scored once as
``test`` at stop 32. ``test`` is never among them (it is empty until the next blind story is written), nor stories that are only ever held out (:data:`UNSEEN_STORIES`:
``--loso-held`` scores them, fitting on these splits only)."""
UNSEEN_STORIES: tuple[str, ...] = ()
"""Stories written blind and only ever held out (``--loso-held``): nothing is fitted, chosen or read on them.
Empty now (``train_b`` and ``train_c``, held out for the pre-registered decision, are seen since); the mechanism
stays for the next such stories."""
SEEN_BEFORE_DECISION = SEEN_SPLITS[:13]
"""The 13 stories seen when the default grouping was decided (the 13-story leave-one-story-out table:
``--sweep-splits`` with these)."""
DECIDING_STORIES = ("train_w", "train_x", "train_y", "train_z")
"""The stories no word list, rule or setting was read off: held out in turn (each with everything fitted on
the other 11 stories), their sums decide whether a method may become the default."""
SWEEP_GRID = {
    "threshold": (0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7),
    "embed_weight": (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7),
    "magnitude_weight": (0.0, 0.1),
    "headless_margin": (0.0, 0.05, 0.1, 0.15, 0.2),
}
"""The settings ``--sweep`` scores (every combination; ``embed_weight`` 0 only without an embedder)."""


@dataclass(frozen=True)
class GridRow:
    """One setting of :data:`SWEEP_GRID` and its scores, one per split (in the order of the splits swept)."""

    config: GroupingConfig
    scores: dict[str, Scores]

    def mean_f1(self, splits: Sequence[str]) -> float:
        return sum(self.scores[sp].bcubed_f1 for sp in splits) / len(splits)

    def errors(self, splits: Sequence[str]) -> tuple[int, int, int]:
        """Distractors merged, planted conflicts missed and false conflicts, summed over ``splits``."""
        return (sum(self.scores[sp].distractors_merged for sp in splits),
                sum(self.scores[sp].conflict_fn for sp in splits),
                sum(self.scores[sp].conflict_fp for sp in splits))


def grid_scores(data_dir: Path, splits: Sequence[str], embed: Embedder | None,
                config: GroupingConfig) -> list[GridRow]:
    """Every setting of :data:`SWEEP_GRID` scored on every split (analyses and embeddings computed once)."""
    prepared = []
    for split in splits:
        data = load_dataset(data_dir, split)
        prepared.append((split, data, analyse(data.articles), find_duplicates(data.articles)))
    weights = (0.0,) if embed is None else SWEEP_GRID["embed_weight"]
    rows: list[GridRow] = []
    for th, w, mag, margin in itertools.product(SWEEP_GRID["threshold"], weights, SWEEP_GRID["magnitude_weight"],
                                                SWEEP_GRID["headless_margin"]):
        cfg = replace(config, threshold=th, embed_weight=w, magnitude_weight=mag, headless_margin=margin)
        rows.append(GridRow(cfg, {sp: score(data, group_articles(data.articles, findings, dups, embed, cfg), dups)
                                  for sp, data, findings, dups in prepared}))
    return rows


def _error_free(row: GridRow, splits: Sequence[str]) -> bool:
    return row.errors(splits) == (0, 0, 0)


def _neighbours(rows: Sequence[GridRow], row: GridRow) -> list[GridRow]:
    """The settings one grid step away from ``row`` in threshold or embed weight (other weights equal)."""
    def step(values: Sequence[float], v: float) -> set[float]:
        i = list(values).index(v) if v in values else -1
        return {values[j] for j in (i - 1, i + 1) if 0 <= j < len(values)} if i >= 0 else set()

    c = row.config
    ths, ws = step(SWEEP_GRID["threshold"], c.threshold), step(SWEEP_GRID["embed_weight"], c.embed_weight)
    return [r for r in rows if r.config.magnitude_weight == c.magnitude_weight
            and r.config.headless_margin == c.headless_margin
            and ((r.config.threshold in ths and r.config.embed_weight == c.embed_weight)
                 or (r.config.embed_weight in ws and r.config.threshold == c.threshold))]


def _rule_strict(rows: Sequence[GridRow], splits: Sequence[str]) -> GridRow:
    """The sweep's rule: the best mean F1 among error-free settings; when none is, fewest errors (distractors
    merged + conflicts missed + false conflicts), then the best mean F1."""
    return min(rows, key=lambda r: (sum(r.errors(splits)), -round(r.mean_f1(splits), 9)))


def _rule_best_f1(rows: Sequence[GridRow], splits: Sequence[str]) -> GridRow:
    """The best mean F1, errors ignored (for reference: F1 alone weighs a merged distractor little)."""
    return min(rows, key=lambda r: -round(r.mean_f1(splits), 9))


def _rule_merges_first(rows: Sequence[GridRow], splits: Sequence[str]) -> GridRow:
    """Fewest distractors merged, then fewest false conflicts, then fewest missed conflicts, then F1."""
    return min(rows, key=lambda r: (r.errors(splits)[0], r.errors(splits)[2], r.errors(splits)[1],
                                    -round(r.mean_f1(splits), 9)))


def _rule_worst_split(rows: Sequence[GridRow], splits: Sequence[str]) -> GridRow:
    """Fewest errors on the worst split, then fewest in all, then the best lowest F1 over the splits."""
    def worst(r: GridRow) -> int:
        return max(sum(r.errors([sp])) for sp in splits)

    return min(rows, key=lambda r: (worst(r), sum(r.errors(splits)),
                                    -round(min(r.scores[sp].bcubed_f1 for sp in splits), 9)))


def _rule_robust(rows: Sequence[GridRow], splits: Sequence[str]) -> GridRow:
    """Fewest errors summed over the setting and its grid neighbours (threshold and embed weight one step
    either way): a setting in a wide error-free region, not on a ridge; then fewest own errors, then F1."""
    def region(r: GridRow) -> int:
        return sum(r.errors(splits)) + sum(sum(n.errors(splits)) for n in _neighbours(rows, r))

    return min(rows, key=lambda r: (region(r), sum(r.errors(splits)), -round(r.mean_f1(splits), 9)))


SELECTION_RULES = {
    "strict": _rule_strict,
    "best-f1": _rule_best_f1,
    "merges-first": _rule_merges_first,
    "worst-split": _rule_worst_split,
    "robust": _rule_robust,
}
"""How a setting is chosen from scores on the tuning splits (first in grid order on ties)."""


def _describe(c: GroupingConfig) -> str:
    return f"{c.threshold} / {c.embed_weight} / {c.magnitude_weight} / {c.headless_margin}"


def leave_one_split_out(rows: Sequence[GridRow], splits: Sequence[str]) -> dict[str, list[tuple[str, GridRow]]]:
    """Per rule: for each split, the setting the rule chooses on the other splits (held-out split, row)."""
    return {name: [(held, rule(rows, [sp for sp in splits if sp != held])) for held in splits]
            for name, rule in SELECTION_RULES.items()}


def loso_table(rows: Sequence[GridRow], splits: Sequence[str]) -> str:
    """Markdown: per rule and held-out split, the chosen setting and its held-out scores, then a total row."""
    lines = ["| rule | held-out split | chosen threshold / embed weight / magnitude weight / headless margin | "
             "held-out B3 F1 | distractors merged | conflicts found | false conflicts |",
             "|---|---|---|---|---|---|---|"]
    for name, picks in leave_one_split_out(rows, splits).items():
        f1s, merged, found, planted, false, dist = [], 0, 0, 0, 0, 0
        for held, row in picks:
            s = row.scores[held]
            f1s.append(s.bcubed_f1)
            merged += s.distractors_merged
            dist += s.distractors
            found += s.conflict_tp
            planted += s.conflict_tp + s.conflict_fn
            false += s.conflict_fp
            lines.append(f"| {name} | {held} | {_describe(row.config)} | {s.bcubed_f1:.3f} | "
                         f"{s.distractors_merged}/{s.distractors} | {s.conflict_tp}/{s.conflict_tp + s.conflict_fn} | "
                         f"{s.conflict_fp} |")
        lines.append(f"| **{name}** | **all (mean F1, sums)** | | **{sum(f1s) / len(f1s):.3f}** | "
                     f"**{merged}/{dist}** | **{found}/{planted}** | **{false}** |")
    return "\n".join(lines)


def sweep(data_dir: Path, splits: Sequence[str], embed: Embedder | None, config: GroupingConfig, *,
          loso: bool = False) -> None:
    """Print one row per setting of :data:`SWEEP_GRID` scored on every split, then the chosen setting; with
    ``loso``, then the leave-one-split-out table of every rule in :data:`SELECTION_RULES`."""
    rows = grid_scores(data_dir, splits, embed, config)
    names = " | ".join(f"F1 {sp}" for sp in splits)
    print(f"| threshold | embed weight | magnitude weight | headless margin | {names} | mean F1 | "
          "distractors merged | conflicts found | false conflicts |")
    print("|---" * (8 + len(splits)) + "|")
    for row in rows:
        c = row.config
        merged, missed, false = row.errors(splits)
        planted = sum(row.scores[sp].conflict_tp + row.scores[sp].conflict_fn for sp in splits)
        f1s = " | ".join(f"{row.scores[sp].bcubed_f1:.3f}" for sp in splits)
        print(f"| {c.threshold} | {c.embed_weight} | {c.magnitude_weight} | {c.headless_margin} | {f1s} | "
              f"{row.mean_f1(splits):.3f} | {merged} | {planted - missed}/{planted} | {false} |")
    free = [r for r in rows if _error_free(r, splits)]
    if not free:
        print("\nno setting merges no distractor, finds every planted conflict and flags no false one")
    else:
        c = _rule_strict(rows, splits).config
        print(f"\nchosen (best mean F1 {_rule_strict(rows, splits).mean_f1(splits):.3f} with no distractor merged, "
              f"every planted conflict found, no false conflict; first in grid order on ties): threshold "
              f"{c.threshold}, embed weight {c.embed_weight}, magnitude weight {c.magnitude_weight}, "
              f"headless margin {c.headless_margin} ({len(free)} of {len(rows)} settings error-free)")
    for name, rule in SELECTION_RULES.items():
        r = rule(rows, splits)
        print(f"rule {name} on all swept splits: {_describe(r.config)} (mean F1 {r.mean_f1(splits):.3f}, "
              f"errors merged/missed/false {'/'.join(map(str, r.errors(splits)))})")
    if loso:
        print("\nLeave one split out (the rule chooses on the other splits; scores on the held-out one):\n")
        print(loso_table(rows, splits))


def _replay_article(grouper: FigureGrouper, mentions: list[FigureMention], embed: Embedder | None,
                    outcome_embed: Embedder | None) -> tuple[list[FigureMention], Any]:
    """One article's step of a gold replay: the grouper learns its mentions (and their outcome vectors); returns
    the mentions that can be grouped and their clause vectors (None without an embedder)."""
    grouped = [m for m in mentions if m.measure is not None]
    vectors = embed([m.masked_clause for m in grouped]) if embed is not None and grouped else None
    for m in mentions:
        grouper._remember(m)
    if outcome_embed is not None and grouped:
        outs = outcome_embed([m.masked_clause for m in grouped])
        grouper.outcomes.update((m.id, np.asarray(outs[i], dtype=np.float32)) for i, m in enumerate(grouped))
    return grouped, vectors


def _gold_group_key(mention: FigureMention, tracked: dict[str, str]) -> str:
    """The gold group a replayed mention joins: its tracked quantity (per measure), else a group of its own."""
    return f"{tracked[mention.id]}|{mention.measure}" if mention.id in tracked else f"solo:{mention.id}"


def pair_fit_config(config: GroupingConfig) -> GroupingConfig:
    """The grouping the pair model is fitted on (its training pairs, :func:`pair_examples`, and its joining
    threshold, :func:`pair_threshold_totals`): ``config`` without the counted-noun classes
    (``GroupingConfig.counted_classes``), without the options of stop 28 (``captive_words``, ``bare_people``) and
    without stop 31's ``own_set``. The classes of round 2 stop 27 hold the pair model's weights fixed:
    they change which groups are proposed and compatible, and the features the model reads, but not what it was
    fitted on (at stop 26 the classes were tried with a pair model refitted on what they proposed, and it merged
    more distractors in stories without attacks or medical staff)."""
    return replace(config, counted_classes=False, captive_words=False, bare_people=False, own_set=False)


def pair_examples(data: Dataset, findings: dict[str, list[Finding]], duplicates: dict[str, str],
                  embed: Embedder | None, config: GroupingConfig, *,
                  outcome_embed: Embedder | None = None, general: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Training pairs for the pair model, from the gold grouping of one split.

    The articles are replayed in date order (copies skipped) and every mention is put into its gold group
    (a tracked quantity; a distractor or an unlabelled figure its own group). Before it joins, every candidate
    group the grouper would score in full (the same candidate lists and hard constraints, of :func:`pair_fit_config`:
    without the counted-noun classes) gives one row of
    :func:`~presslens.compare.figure_groups.pair_features`, labelled 1 when the group holds the mention's
    tracked quantity. With ``outcome_embed``, each row ends with the outcome cosine (the features of the
    ``"learned-outcome"`` method), and with ``general`` too, with the list-free features of
    ``"learned-general"``. Returns the feature matrix and the labels."""
    method = "learned" if outcome_embed is None else "learned-general" if general else "learned-outcome"
    grouper = FigureGrouper(embed, pair_fit_config(config), outcome_embed=outcome_embed)
    rows: list[list[float]] = []
    labels: list[int] = []
    golds: dict[str, list[GoldMention]] = defaultdict(list)
    for g in data.mentions:
        golds[g.article].append(g)
    for a in sorted(data.articles, key=lambda a: (a.date or _dt.date.max, a.id)):
        if a.id in duplicates:
            continue
        mentions = mentions_from_findings(a, list(findings[a.id]))
        tracked: dict[str, str] = {}
        for g in golds.get(a.id, []):
            m = _match(g, mentions)
            if m is not None and g.group != "distractor":
                tracked.setdefault(m.id, g.group)
        grouped, vectors = _replay_article(grouper, mentions, embed, outcome_embed)
        for i, m in enumerate(grouped):
            if vectors is not None:
                grouper.vectors[m.id] = np.asarray(vectors[i], dtype=np.float16)
            key = _gold_group_key(m, tracked)
            cands, cosines = grouper._scored_candidates(m)
            for gid in cands:
                rows.append(grouper.model_features(m, gid, cosines[gid], method))
                labels.append(int(gid == key))
            if key not in grouper.groups:
                grouper._new_group(str(m.measure), founder=m, gid=key)
            grouper._join(key, m)
    width = len(rows[0]) if rows else 0
    return np.asarray(rows, dtype=np.float64).reshape(len(rows), width), np.asarray(labels, dtype=np.float64)


def conflict_examples(data: Dataset, findings: dict[str, list[Finding]], duplicates: dict[str, str],
                      embed: Embedder | None, config: GroupingConfig, outcome_embed: Embedder | None,
                      part_embed: Embedder | None, reading: str = "values") -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Training pairs for the conflict model, from the gold grouping of one split.

    The articles are replayed in date order (copies skipped) with every mention put into its gold group (as in
    :func:`pair_examples`); then every :meth:`~presslens.compare.figure_groups.FigureGrouper.near_pairs` pair,
    own groups included (two figures at most the conflict window apart, the second in the first's group or in
    a compatible candidate group), gives one row of
    :func:`~presslens.compare.figure_conflict_model.conflict_pair_features`. Returns the features, the labels
    (1: both figures belong to the same tracked quantity, whether their values clash or not) and whether the
    pair is a planted conflict. ``reading``: the conflict reading of the ``values_clash`` feature
    (:data:`~presslens.compare.conflicts.CONFLICT_READINGS`). The rows have the columns of
    :data:`~presslens.compare.figure_pair_model.CONFLICT_WORD_FEATURES` (the first
    ``len(CONFLICT_FEATURES)`` are the shipped default's features)."""
    grouper = FigureGrouper(embed, config, outcome_embed=outcome_embed, part_embed=part_embed)
    grouper.conflict_feature_names = CONFLICT_WORD_FEATURES
    golds: dict[str, list[GoldMention]] = defaultdict(list)
    for g in data.mentions:
        golds[g.article].append(g)
    tracked: dict[str, str] = {}
    gold_id: dict[str, str] = {}
    for a in sorted(data.articles, key=lambda a: (a.date or _dt.date.max, a.id)):
        if a.id in duplicates:
            continue
        mentions = mentions_from_findings(a, list(findings[a.id]))
        for g in golds.get(a.id, []):
            m = _match(g, mentions)
            if m is not None:
                gold_id.setdefault(m.id, g.id)
                if g.group != "distractor":
                    tracked.setdefault(m.id, g.group)
        grouped, vectors = _replay_article(grouper, mentions, embed, outcome_embed)
        grouper._embed_parts(grouped)
        for i, m in enumerate(grouped):
            if vectors is not None:
                grouper.vectors[m.id] = np.asarray(vectors[i], dtype=np.float16)
            key = _gold_group_key(m, tracked)
            if key not in grouper.groups:
                grouper._new_group(str(m.measure), founder=m, gid=key)
            grouper._join(key, m)
    rows: list[list[float]] = []
    labels: list[int] = []
    planted: list[int] = []
    clash_at = CONFLICT_FEATURES.index("values_clash")
    for first, second in grouper.near_pairs(own_group=True):
        row = grouper.conflict_features(first, second)
        if reading != config.conflict_reading:
            row[clash_at] = float(mentions_clash(first, second, reading))
        rows.append(row)
        labels.append(int(first.id in tracked and tracked[first.id] == tracked.get(second.id)))
        ga, gb = gold_id.get(first.id), gold_id.get(second.id)
        planted.append(int(ga is not None and gb is not None and frozenset((ga, gb)) in data.conflicts))
    width = len(CONFLICT_WORD_FEATURES)
    return (np.asarray(rows, dtype=np.float64).reshape(len(rows), width), np.asarray(labels, dtype=np.float64),
            np.asarray(planted, dtype=np.float64))


@dataclass
class PreparedSplit:
    """One split with its analyses, copies and pair-model training pairs (computed once)."""

    name: str
    data: Dataset
    findings: dict[str, list[Finding]]
    duplicates: dict[str, str]
    pairs: tuple[np.ndarray, np.ndarray]
    outcome_pairs: tuple[np.ndarray, np.ndarray] | None = None
    """The same pairs with the outcome cosine as last feature (``"learned-outcome"``), when outcome vectors exist."""
    outcome_embed: Embedder | None = None
    general_pairs: tuple[np.ndarray, np.ndarray] | None = None
    """The pairs with the outcome cosine and the list-free features (``"learned-general"``)."""
    conflict_pairs: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
    """The conflict model's training pairs (:func:`conflict_examples`), when part vectors exist."""
    tally_clash: np.ndarray | None = None
    """The ``values_clash`` column of ``conflict_pairs`` under the ``"tallies"`` reading."""

    def conflict_pairs_read(self, reading: str, words: bool = False) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        """``conflict_pairs`` with ``values_clash`` under ``reading`` (``"values"`` or ``"tallies"``), with the
        columns of :data:`CONFLICT_FEATURES` or (``words``) of :data:`CONFLICT_WORD_FEATURES`."""
        if self.conflict_pairs is None:
            return None
        x, y, planted = self.conflict_pairs
        x = x[:, : len(CONFLICT_WORD_FEATURES if words else CONFLICT_FEATURES)].copy()
        if len(x) and reading != "values" and self.tally_clash is not None:
            x[:, CONFLICT_FEATURES.index("values_clash")] = self.tally_clash
        return x, y, planted


def prepare_splits(data_dir: Path, splits: Sequence[str], embed: Embedder | None,
                   config: GroupingConfig, outcome_embed: Embedder | None = None,
                   part_embed: Embedder | None = None) -> list[PreparedSplit]:
    out = []
    for split in splits:
        data = load_dataset(data_dir, split)
        findings = analyse(data.articles)
        dups = find_duplicates(data.articles)
        conflicts = (conflict_examples(data, findings, dups, embed, config, outcome_embed, part_embed)
                     if part_embed is not None and outcome_embed is not None else None)
        tallies = (conflict_examples(data, findings, dups, embed, config, outcome_embed, part_embed,
                                     reading="tallies")[0][:, CONFLICT_FEATURES.index("values_clash")]
                   if conflicts is not None else None)
        with_outcome = (pair_examples(data, findings, dups, embed, config, outcome_embed=outcome_embed)
                        if outcome_embed is not None else None)
        general = (pair_examples(data, findings, dups, embed, config, outcome_embed=outcome_embed, general=True)
                   if outcome_embed is not None else None)
        out.append(PreparedSplit(split, data, findings, dups, pair_examples(data, findings, dups, embed, config),
                                 with_outcome, outcome_embed, general, conflicts, tallies))
    return out


def fit_on(prepared: Sequence[PreparedSplit], method: str = "learned") -> PairModel:
    """The pair model of ``method`` fitted on the training pairs of every given split together
    (``"learned-outcome"``: the pairs with the outcome cosine; ``"learned-general"``: with the list-free
    features too; else the plain pairs)."""
    sets = [p.outcome_pairs if method == "learned-outcome" else p.general_pairs if method == "learned-general"
            else p.pairs for p in prepared]
    if any(s is None for s in sets):
        raise ValueError("the outcome pairs need outcome vectors (prepare_splits(outcome_embed=...))")
    x = np.vstack([s[0] for s in sets if s is not None and len(s[0])])
    y = np.concatenate([s[1] for s in sets if s is not None and len(s[1])])
    features = {"learned-outcome": OUTCOME_PAIR_FEATURES, "learned-general": GENERAL_PAIR_FEATURES}.get(
        method, PAIR_FEATURES)
    return fit_pair_model(x, y, features=features)


OUTCOME_THRESHOLD_METHODS = ("outcome", "outcome-unknown")
"""The outcome methods with a threshold (chosen on the training stories)."""
Setting = TypeVar("Setting", bound=Hashable)


def summed_over(prepared: Sequence[PreparedSplit], settings: dict[Setting, tuple[tuple[str, float], GroupingConfig]],
                embed: Embedder | None, outcome_embed: Embedder | None,
                cache: dict[tuple[str, str, float], Scores]) -> dict[Setting, tuple[int, float]]:
    """(errors, F1 sum) over ``prepared`` of each setting, grouped with its config: ``settings`` maps a setting to
    its cache label (name, value) and its :class:`GroupingConfig`; ``cache`` keeps each split's score under
    (split, name, value) across calls."""
    totals: dict[Setting, tuple[int, float]] = {}
    for setting, ((name, value), cfg) in settings.items():
        errors, f1 = 0, 0.0
        for p in prepared:
            key = (p.name, name, value)
            if key not in cache:
                cache[key] = score(p.data, group_articles(p.data.articles, p.findings, p.duplicates, embed, cfg,
                                                          outcome_embed=outcome_embed), p.duplicates)
            errors += cache[key].grouping_errors
            f1 += cache[key].bcubed_f1
        totals[setting] = (errors, f1)
    return totals


OUTCOME_THRESHOLDS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
"""Outcome cosines :func:`choose_outcome_threshold` tries."""


def choose_outcome_threshold(prepared: Sequence[PreparedSplit], embed: Embedder | None, outcome_embed: Embedder,
                             config: GroupingConfig, method: str,
                             cache: dict[tuple[str, str, float], Scores] | None = None) -> float:
    """The outcome threshold of ``method`` chosen on ``prepared`` (nothing else is fitted): every threshold of
    :data:`OUTCOME_THRESHOLDS` groups each split; the one with the fewest errors (distractors merged + planted
    conflicts missed + false conflicts) summed over them wins, then the best F1 sum, then the lowest threshold.
    ``cache`` keeps each (split, method, threshold) score across calls (leaving one story out re-reads them)."""
    totals = summed_over(prepared, {t: ((method, t), replace(config, method=method, outcome_threshold=t))
                                    for t in OUTCOME_THRESHOLDS},
                         embed, outcome_embed, {} if cache is None else cache)
    return min(OUTCOME_THRESHOLDS, key=lambda t: (totals[t][0], -round(totals[t][1], 9), t))


REFIT_GRID = tuple((t, w) for w in (0.4, 0.6, 0.8) for t in (0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7))
"""(threshold, embed_weight) settings of the rules that ``rules-refit`` chooses from, per held-out story."""
REFIT_CRITERIA = ("errors", "f1")
"""How ``rules-refit`` chooses: the fewest errors (distractors merged + conflicts missed + false conflicts)
summed over the training stories, then the best F1 sum; or the best F1 sum, then the fewest errors."""


def choose_rules_setting(prepared: Sequence[PreparedSplit], embed: Embedder | None, config: GroupingConfig,
                         criterion: str, cache: dict[tuple[str, str, float], Scores]) -> tuple[float, float]:
    """The rules' (threshold, embed_weight) chosen on ``prepared`` from :data:`REFIT_GRID` (see
    :data:`REFIT_CRITERIA`; first in grid order on ties): what the setting of the rules would be had it been
    chosen without the held-out story, e.g. for another clause encoder."""
    totals = summed_over(prepared, {(t, w): ((f"rules@{w}", t),
                                             replace(config, method="rules", threshold=t, embed_weight=w))
                                    for t, w in REFIT_GRID},
                         embed, None, cache)
    if criterion == "f1":
        return min(REFIT_GRID, key=lambda tw: (-round(totals[tw][1], 9), totals[tw][0]))
    return min(REFIT_GRID, key=lambda tw: (totals[tw][0], -round(totals[tw][1], 9)))


NEAR_METHODS = ("conservative", "outcome-unknown", "learned-general")
"""Merge policies measured with conflicts between near groups (``GroupingConfig.near_conflict_threshold``)."""
NEAR_THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95)


def choose_near_threshold(prepared: Sequence[PreparedSplit], embed: Embedder | None, outcome_embed: Embedder,
                          config: GroupingConfig, method: str,
                          cache: dict[tuple[str, str, float], Scores], pair_model: PairModel | None = None,
                          tag: str = "") -> float:
    """The near-conflict threshold for ``method`` chosen on ``prepared`` like :func:`choose_outcome_threshold`
    (fewest errors summed, then the best F1 sum, then the highest threshold). ``"outcome-unknown"`` keeps its
    outcome threshold at the shipped default here (one parameter chosen at a time); ``"learned-general"`` uses
    ``pair_model`` (fitted on ``prepared``; ``tag`` names it in the cache keys, e.g. the held-out story)."""
    totals = summed_over(prepared, {t: ((method + "+near" + tag, t),
                                        replace(config, method=method, near_conflict_threshold=t, pair_model=pair_model))
                                    for t in NEAR_THRESHOLDS},
                         embed, outcome_embed, cache)
    return min(NEAR_THRESHOLDS, key=lambda t: (totals[t][0], -round(totals[t][1], 9), -t))


PAIR_THRESHOLDS = (0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
"""Probabilities :func:`choose_pair_threshold` tries."""


def choose_pair_threshold(prepared: Sequence[PreparedSplit], embed: Embedder | None,
                          config: GroupingConfig, method: str = "learned", criterion: str = "errors") -> PairModel:
    """The pair model fitted on ``prepared`` with its joining threshold chosen by leaving one of them out in
    turn: for each, the model is fitted on the others and the held-out split grouped at every threshold of
    :data:`PAIR_THRESHOLDS`; the threshold with the fewest errors (distractors merged + planted conflicts
    missed + false conflicts) summed over the held-out splits wins, then the best mean F1 (first on ties);
    ``criterion="f1"``: the best F1 sum wins, then the fewest errors.
    With a single split there is nothing to hold out: the model's default threshold (0.5) stays."""
    if len(prepared) < 2:
        return fit_on(prepared, method)
    totals = pair_threshold_totals(prepared, embed, config, method)
    return replace(fit_on(prepared, method), threshold=pick_pair_threshold(totals, criterion))


def pick_pair_threshold(totals: dict[float, tuple[int, float]], criterion: str) -> float:
    """The threshold of :data:`PAIR_THRESHOLDS` that ``criterion`` picks from (errors, F1 sum) per threshold:
    ``"errors"``: the fewest errors, then the best F1 sum; ``"f1"``: the best F1 sum, then the fewest errors
    (the first threshold on ties)."""
    if criterion == "f1":
        return min(PAIR_THRESHOLDS, key=lambda t: (-round(totals[t][1], 9), totals[t][0]))
    return min(PAIR_THRESHOLDS, key=lambda t: (totals[t][0], -round(totals[t][1], 9)))


def pair_threshold_totals(prepared: Sequence[PreparedSplit], embed: Embedder | None, config: GroupingConfig,
                          method: str) -> dict[float, tuple[int, float]]:
    """(errors, F1 sum) per threshold of :data:`PAIR_THRESHOLDS`, each split of ``prepared`` held out in turn
    and grouped with the model fitted on the others (what :func:`choose_pair_threshold` picks from)."""
    totals: dict[float, tuple[int, float]] = {t: (0, 0.0) for t in PAIR_THRESHOLDS}
    for inner in prepared:
        base = fit_on([p for p in prepared if p is not inner], method)
        for t in PAIR_THRESHOLDS:
            cfg = replace(pair_fit_config(config), method=method, pair_model=replace(base, threshold=t))
            s = score(inner.data, group_articles(inner.data.articles, inner.findings, inner.duplicates, embed, cfg,
                                                 outcome_embed=inner.outcome_embed), inner.duplicates)
            errors, f1 = totals[t]
            totals[t] = (errors + s.grouping_errors, f1 + s.bcubed_f1)
    return totals


def leave_one_story_out(prepared: Sequence[PreparedSplit], embed: Embedder | None,
                        config: GroupingConfig, outcome_embed: Embedder | None = None,
                        held_out: Sequence[str] | None = None, pair_criterion: str = "errors",
                        training: Sequence[str] | None = None) -> dict[str, list[tuple[str, Scores]]]:
    """Method -> per held-out split (one story each), its scores. The pair model (weights and threshold, see
    :func:`choose_pair_threshold`) is fitted on the other splits only; the rules and the conservative policy
    run at ``config``'s setting (which was chosen on the seen splits, and their word lists were written after
    reading them: optimistic for those two). ``held_out``: the stories held out in turn (default: every one;
    each fold still trains on all the others); ``training``: the splits a fold may fit on (default: all of
    ``prepared``; a held-out story outside it is never fitted on, not even when another story is held out)."""
    methods = [m for m in GROUPING_METHODS if outcome_embed is not None or m not in OUTCOME_METHODS]
    out: dict[str, list[tuple[str, Scores]]] = {name: [] for name in methods}
    cache: dict[tuple[str, str, float], Scores] = {}
    for held in prepared:
        if held_out is not None and held.name not in held_out:
            continue
        train = [p for p in prepared if p is not held and (training is None or p.name in training)]
        models = {name: choose_pair_threshold(train, embed, config, name, pair_criterion) for name in PAIR_METHODS
                  if outcome_embed is not None or name not in OUTCOME_METHODS}
        outcome_at = {name: choose_outcome_threshold(train, embed, outcome_embed, config, name, cache)
                      for name in OUTCOME_THRESHOLD_METHODS if outcome_embed is not None}
        near_at = {name: choose_near_threshold(train, embed, outcome_embed, config, name, cache,
                                               models.get(name), f"@{held.name}" if name in models else "")
                   for name in NEAR_METHODS if outcome_embed is not None}
        refit_at = {crit: choose_rules_setting(train, embed, config, crit, cache) for crit in REFIT_CRITERIA}
        print(f"held out {held.name}: thresholds chosen on the other splits: "
              + ", ".join([f"{name} {m.threshold}" for name, m in models.items()]
                          + [f"{name} {t}" for name, t in outcome_at.items()]
                          + [f"{name}+near {t}" for name, t in near_at.items()]
                          + [f"rules-refit-{crit} {t}/{w}" for crit, (t, w) in refit_at.items()]))
        for name in methods:
            cfg = replace(config, method=name, pair_model=models.get(name),
                          outcome_threshold=outcome_at.get(name, config.outcome_threshold))
            grouper = group_articles(held.data.articles, held.findings, held.duplicates, embed, cfg,
                                     outcome_embed=outcome_embed)
            out[name].append((held.name, score(held.data, grouper, held.duplicates)))
        for name, t in near_at.items():
            cfg = replace(config, method=name, near_conflict_threshold=t, pair_model=models.get(name))
            grouper = group_articles(held.data.articles, held.findings, held.duplicates, embed, cfg,
                                     outcome_embed=outcome_embed)
            out.setdefault(f"{name}+near", []).append((held.name, score(held.data, grouper, held.duplicates)))
        for crit, (t, w) in refit_at.items():
            cfg = replace(config, method="rules", threshold=t, embed_weight=w)
            grouper = group_articles(held.data.articles, held.findings, held.duplicates, embed, cfg)
            out.setdefault(f"rules-refit-{crit}", []).append((held.name, score(held.data, grouper, held.duplicates)))
    return out


CANDIDATE_METHODS: dict[str, tuple[str, str | None, bool]] = {
    "general-f1": ("learned-general", "f1", False),
    "general-f1+conflicts": ("learned-general", "f1", True),
    "general-errors": ("learned-general", "errors", False),
    "general-errors+conflicts": ("learned-general", "errors", True),
    "conservative+conflicts": ("conservative", None, True),
    "general-f1+tallies": ("learned-general", "f1", True),
    "general-f1+tallies-f1": ("learned-general", "f1", True),
    "general-f1+tallies-gate": ("learned-general", "f1", True),
    "general-f1+values-model": ("learned-general", "f1", True),
    "general-f1+values-model-f05": ("learned-general", "f1", True),
    "general-f1+values-agree-f05": ("learned-general", "f1", True),
    "general-f1+values-agree-f05+one-word": ("learned-general", "f1", True),
    "general-f1+values-agree-f05+person-near": ("learned-general", "f1", True),
    "general-f1+values-agree-f05+own-set": ("learned-general", "f1", True),
    "general-f1+values-agree-f05+kind-near": ("learned-general", "f1", True),
    "general-f1+values-agree-f05+thing-near": ("learned-general", "f1", True),
    "general-f1+values-inside-f2": ("learned-general", "f1", True),
    "general-f1+values-inside-f1": ("learned-general", "f1", True),
}
"""The methods of ``--loso-methods`` besides ``rules`` and :data:`GROUPING_METHODS`: name -> (grouping method,
the criterion that picks its pair model's joining threshold on the training stories (:func:`pick_pair_threshold`;
None: no pair model), whether the conflict model (fitted on the same training stories, threshold by
:func:`~presslens.compare.figure_conflict_model.choose_conflict_threshold`) reports conflicts between near
groups). Every choice is fixed here; nothing is chosen after a held-out score."""
ConflictVariant = tuple[str, float, bool]
CANDIDATE_CONFLICT_READINGS: dict[str, ConflictVariant] = {
    "general-f1+tallies": ("tallies", CONFLICT_F_BETA, True),
    "general-f1+tallies-f1": ("tallies", 1.0, True),
    "general-f1+tallies-gate": ("tallies", CONFLICT_F_BETA, False),
    "general-f1+values-model": ("values", CONFLICT_F_BETA, True),
    "general-f1+values-model-f05": ("values", 0.5, True),
    "general-f1+values-agree-f05": ("values", 0.5, True),
    "general-f1+values-agree-f05+one-word": ("values", 0.5, True),
    "general-f1+values-agree-f05+person-near": ("values", 0.5, True),
    "general-f1+values-agree-f05+own-set": ("values", 0.5, True),
    "general-f1+values-agree-f05+kind-near": ("values", 0.5, True),
    "general-f1+values-agree-f05+thing-near": ("values", 0.5, True),
    "general-f1+values-inside-f2": ("values", 0.5, True),
    "general-f1+values-inside-f1": ("values", 0.5, True),
    "general-f1+values-model-f1": ("values", 1.0, True),
}
"""The candidates of round 2 stop 22 (``docs/decisions/figure-groups-s22.md``): name -> (the conflict reading,
:data:`~presslens.compare.conflicts.CONFLICT_READINGS`, inside and between groups; the F-beta of the planted
conflicts by which the conflict model's threshold is chosen on the training stories; whether the conflict model
has the word-list features (:data:`CONFLICT_WORD_FEATURES`), is fitted on the clashing pairs only and decides
the conflicts inside a group too, ``GroupingConfig.conflicts_inside="model"``), and the candidate of round 2 stop
24, ``general-f1+values-model`` (the default's ``"values"`` reading with the conflict model deciding inside
groups too: a merged distractor or another outcome in a group then flags no conflict unless the model reads the
pair as one thing) and ``general-f1+values-model-f05`` (the same with the threshold chosen by F0.5: precision
first, a conflict list a reader can trust). The others of
:data:`CANDIDATE_METHODS` read ``"values"`` with F2 (:data:`~presslens.compare.figure_conflict_model.CONFLICT_F_BETA`)
and the 14 features, fitted on every near pair, deciding between groups only."""
DEFAULT_CONFLICT_VARIANT: ConflictVariant = ("values", CONFLICT_F_BETA, False)
AGREEING_INSIDE = frozenset({"general-f1+values-agree-f05", "general-f1+values-agree-f05+one-word",
                             "general-f1+values-agree-f05+person-near", "general-f1+values-agree-f05+own-set",
                             "general-f1+values-agree-f05+kind-near", "general-f1+values-agree-f05+thing-near"})
"""The candidate of round 2 stop 25: ``general-f1+values-model-f05``'s conflict model (the same variant, so the
same fit per fold), and inside a group a clash of two figures whose counted noun and predicate agree
(:func:`~presslens.compare.figure_groups.words_agree`) is reported whatever the model says
(``GroupingConfig.conflicts_inside="agree"``). ``general-f1+values-agree-f05+one-word`` (round 2 stop 29's option)
is the same with ``GroupingConfig.agree_one_word``: the same fits per fold, only the clashes inside a group that
are reported differ. ``general-f1+values-agree-f05+person-near`` (round 2 stop 30's option) is the same with
``GroupingConfig.person_near``: the same fits per fold (the conflict model is fitted on the near pairs without the
option), only the pairs between groups that the conflict model scores differ. ``general-f1+values-agree-f05+own-set``
(round 2 stop 31's option) is the same with ``GroupingConfig.own_set`` when the held-out story is grouped: the
same fits per fold (the pair model and the conflict model fitted without the option), the held-out grouping and
its conflicts read "N of his NOUN" as a count. ``general-f1+values-agree-f05+kind-near`` (round 2 stop 32's option)
is the same with ``GroupingConfig.kind_near``: the same fits per fold, only the pairs between groups that the
conflict model scores differ (a noun and a kind of it: "weapons" and "rifles").
``general-f1+values-agree-f05+thing-near`` (round 2 stop 33's option) is the same with ``GroupingConfig.thing_near``
(two nouns for a thing of a collection: "objects" and "items")."""


INSIDE_VARIANTS: dict[str, ConflictVariant] = {
    "general-f1+values-inside-f2": ("values", CONFLICT_F_BETA, True),
    "general-f1+values-inside-f1": ("values", 1.0, True),
}
"""The candidates of round 2 stop 26: the default's conflict model between groups (the variant of
:data:`CANDIDATE_CONFLICT_READINGS`, threshold by F0.5) and, inside a group, the same weights with the threshold
chosen by F2 / by F1 on the same training stories (``GroupingConfig.inside_conflict_model``; shipped:
``figure_conflict_model_values_model.json`` / ``figure_conflict_model_values_model_f1.json``)."""


def fit_conflict_variant(train: Sequence[PreparedSplit], variant: ConflictVariant) -> PairModel:
    """The conflict model of ``variant`` (see :data:`CANDIDATE_CONFLICT_READINGS`) fitted on ``train``, its
    threshold chosen by leaving one training story out."""
    reading, beta, words = variant
    return choose_conflict_threshold([x for p in train if (x := p.conflict_pairs_read(reading, words)) is not None],
                                     beta=beta, clashing_only=words)


def candidate_loso(prepared: Sequence[PreparedSplit], training: Sequence[str], held_out: Sequence[str],
                   embed: Embedder | None, config: GroupingConfig, outcome_embed: Embedder,
                   part_embed: Embedder, methods: Sequence[str]) -> dict[str, list[tuple[str, Scores]]]:
    """Method -> per held-out story, its scores, for ``rules`` (the shipped setting, nothing fitted) and the
    :data:`CANDIDATE_METHODS` in ``methods``. Each story of ``held_out`` is held out in turn; the pair model
    (weights, and its threshold by the method's criterion, chosen by leaving one training story out) and the
    conflict model (weights and threshold) are fitted on the splits of ``training`` other than the held-out
    one."""
    out: dict[str, list[tuple[str, Scores]]] = {name: [] for name in methods}
    for held in prepared:
        if held.name not in held_out:
            continue
        train = [p for p in prepared if p is not held and p.name in training]
        wants_pairs = any(CANDIDATE_METHODS[m][1] is not None for m in methods if m in CANDIDATE_METHODS)
        wants_conflicts = any(CANDIDATE_METHODS[m][2] for m in methods if m in CANDIDATE_METHODS)
        variants = {CANDIDATE_CONFLICT_READINGS.get(m, DEFAULT_CONFLICT_VARIANT) for m in methods
                    if m in CANDIDATE_METHODS and CANDIDATE_METHODS[m][2]} if wants_conflicts else set()
        variants |= {INSIDE_VARIANTS[m] for m in methods if m in INSIDE_VARIANTS}
        conflict_models = {v: fit_conflict_variant(train, v) for v in sorted(variants)}
        base = fit_on(train, "learned-general") if wants_pairs else None
        totals = pair_threshold_totals(train, embed, config, "learned-general") if wants_pairs else {}
        picked = {crit: pick_pair_threshold(totals, crit) for crit in REFIT_CRITERIA} if wants_pairs else {}
        print(f"held out {held.name} (fitted on {','.join(p.name for p in train)}): pair-model threshold "
              + ", ".join(f"by {c} {t}" for c, t in picked.items())
              + "".join(f"; conflict-model threshold ({r}, F{b:g}{', word features' if w else ''}) {cm.threshold}"
                        for (r, b, w), cm in conflict_models.items()), flush=True)
        for name in methods:
            if name == "rules":
                cfg = replace(config, method="rules")
            else:
                method, criterion, conflicts = CANDIDATE_METHODS[name]
                model = (replace(base, threshold=picked[criterion]) if criterion is not None and base is not None
                         else None)
                variant = CANDIDATE_CONFLICT_READINGS.get(name, DEFAULT_CONFLICT_VARIANT)
                cfg = replace(config, method=method, pair_model=model, conflict_reading=variant[0],
                              conflicts_inside=("agree" if name in AGREEING_INSIDE else "model") if variant[2]
                              else "rule",
                              conflict_model=conflict_models[variant] if conflicts else None,
                              inside_conflict_model=conflict_models[INSIDE_VARIANTS[name]]
                              if name in INSIDE_VARIANTS else None,
                              agree_one_word=name == ONE_WORD_OPTION,
                              person_near=config.person_near or name == PERSON_NEAR_OPTION,
                              own_set=config.own_set or name == OWN_SET_OPTION,
                              kind_near=config.kind_near or name == KIND_NEAR_OPTION,
                              thing_near=config.thing_near or name == THING_NEAR_OPTION)
            grouper = group_articles(held.data.articles, held.findings, held.duplicates, embed, cfg,
                                     outcome_embed=outcome_embed, part_embed=part_embed)
            out[name].append((held.name, score(held.data, grouper, held.duplicates)))
            s = out[name][-1][1]
            # each fold's row as soon as it is scored: a long run that is stopped still shows the folds it finished
            print(f"  fold {held.name} {name}: B3 F1 {s.bcubed_f1:.3f}, merged {s.distractors_merged}/{s.distractors}, "
                  f"found {s.conflict_tp}/{s.conflict_tp + s.conflict_fn}, false {s.conflict_fp}", flush=True)
    return out


def loso_stories_table(results: dict[str, list[tuple[str, Scores]]]) -> str:
    lines = ["| method | held-out story (split) | B3 P | B3 R | B3 F1 | distractors merged | conflicts found | "
             "false conflicts |", "|---|---|---|---|---|---|---|---|"]
    for name, rows in results.items():
        for held, s in rows:
            lines.append(f"| {name} | {held} | {s.bcubed_precision:.3f} | {s.bcubed_recall:.3f} | {s.bcubed_f1:.3f} "
                         f"| {s.distractors_merged}/{s.distractors} | {s.conflict_tp}/{s.conflict_tp + s.conflict_fn} "
                         f"| {s.conflict_fp} |")
    for name, rows in results.items():
        ss = [s for _, s in rows]
        lines.append(f"| **{name}** | **all (F1 sum / mean, sums)** | | | **{sum(s.bcubed_f1 for s in ss):.3f} / "
                     f"{sum(s.bcubed_f1 for s in ss) / max(1, len(ss)):.3f}** | "
                     f"**{sum(s.distractors_merged for s in ss)}/{sum(s.distractors for s in ss)}** | "
                     f"**{sum(s.conflict_tp for s in ss)}/{sum(s.conflict_tp + s.conflict_fn for s in ss)}** | "
                     f"**{sum(s.conflict_fp for s in ss)}** |")
    return "\n".join(lines)


def windowed(embed: Embedder, k: int) -> Embedder:
    """An embedder that sees only ``k`` words either side of the masked number of each clause (the outcome
    phrase next to the number, fewer of the story's shared words)."""
    from presslens.compare.figures import NUMBER_MASK

    def window(text: str) -> str:
        words = text.split()
        at = next((i for i, w in enumerate(words) if NUMBER_MASK in w), len(words) // 2)
        return " ".join(words[max(0, at - k): at + k + 1])

    def embed_window(texts: list[str]) -> np.ndarray:
        return embed([window(t) for t in texts])

    return embed_window


def _outcome_embedder(name: str, window: str | None, centred: bool) -> Embedder | None:
    """The outcome embedder of the shared encoder (None for the other embedders: they give no token states)."""
    encoder = _token_encoder(name)
    if encoder is None:
        return None
    from presslens.compare.figure_outcome import OUTCOME_AFTER, OUTCOME_BEFORE, outcome_embedder

    before, after = OUTCOME_BEFORE, OUTCOME_AFTER
    if window:
        before, after = (int(v) for v in window.split(","))
    return caching(outcome_embedder(encoder, before=before, after=after, centred=centred))


def _token_encoder(name: str) -> SentenceEncoder | None:
    """The encoder behind ``--embedder`` (None for hashed words and none): the shared 3-layer article encoder,
    or ``claim``: the 6-layer claim-matching encoder (:mod:`presslens.compare.claim_match`)."""
    from presslens.encoder import SentenceEncoder

    if name == "encoder":
        return SentenceEncoder.default()
    if name == "claim":
        from presslens.compare.claim_match import default_claim_encoder

        encoder = default_claim_encoder()
        assert isinstance(encoder, SentenceEncoder)
        return encoder
    return None


def _embedder(name: str) -> Embedder | None:
    if name == "hashed":
        return hashed_embedder()
    encoder = _token_encoder(name)
    return encoder.encode if encoder is not None else None


def _part_embedder(name: str) -> Embedder | None:
    """The noun and predicate token states of the encoder behind ``--embedder`` (None without token states)."""
    encoder = _token_encoder(name)
    if encoder is None:
        return None
    from presslens.compare.figure_parts import parts_embedder

    return caching(parts_embedder(encoder))


def _held_stories(args: argparse.Namespace) -> list[str] | None:
    if not args.loso_held:
        return None
    if args.loso_held == "deciding":
        return list(DECIDING_STORIES)
    return [sp.strip() for sp in args.loso_held.split(",") if sp.strip()]


def _learned_main(args: argparse.Namespace, data_dir: Path) -> int:
    """``--loso-stories``, ``--fit-pair-model`` and ``--fit-conflict-model``: fitted on seen splits only
    (default: all of them); ``--loso-held`` may name stories outside them, which are only ever held out."""
    splits = [sp.strip() for sp in (args.sweep_splits or ",".join(SEEN_SPLITS)).split(",") if sp.strip()]
    if any(sp not in SEEN_SPLITS for sp in splits):
        print(f"error: the pair model is fitted on seen splits only ({', '.join(SEEN_SPLITS)})")
        return 2
    held = _held_stories(args)
    known = set(SEEN_SPLITS) | set(UNSEEN_STORIES)
    if held is not None:
        unknown = [sp for sp in held if sp not in known]
        if unknown:
            print(f"error: --loso-held {','.join(unknown)}: not a story ({', '.join(sorted(known))})")
            return 2
    methods = [m.strip() for m in args.loso_methods.split(",") if m.strip()] if args.loso_methods else None
    if methods is not None:
        bad_methods = [m for m in methods if m != "rules" and m not in CANDIDATE_METHODS]
        if bad_methods:
            print(f"error: --loso-methods {','.join(bad_methods)}: not rules or one of "
                  f"{', '.join(CANDIDATE_METHODS)}")
            return 2
    embed = _embedder(args.embedder)
    if embed is not None and args.clause_window is not None:
        embed = windowed(embed, args.clause_window)
    embed = caching(embed) if embed is not None else None
    outcome_embed = _outcome_embedder(args.embedder, args.outcome_window, args.outcome_centred)
    part_embed = (_part_embedder(args.embedder)
                  if methods is not None or args.fit_conflict_model is not None else None)
    every = list(dict.fromkeys([*splits, *(held or [])]))
    # every method is measured from the rules' setting, no conflict model
    base = grouping_config("rules")
    if getattr(args, "counted_classes", None) is not None:
        base = replace(base, counted_classes=bool(args.counted_classes))
    if getattr(args, "captive_words", None) is not None:
        base = replace(base, captive_words=bool(args.captive_words))
    if getattr(args, "bare_people", None) is not None:
        base = replace(base, bare_people=bool(args.bare_people))
    if getattr(args, "person_near", None) is not None:
        base = replace(base, person_near=bool(args.person_near))
    if getattr(args, "own_set", None) is not None:
        base = replace(base, own_set=bool(args.own_set))
    if getattr(args, "kind_near", None) is not None:
        base = replace(base, kind_near=bool(args.kind_near))
    if getattr(args, "thing_near", None) is not None:
        base = replace(base, thing_near=bool(args.thing_near))
    prepared = prepare_splits(data_dir, every, embed, base, outcome_embed, part_embed)
    bad = [e for p in prepared for e in p.data.errors]
    for err in bad:
        print(f"error: {err}")
    fitted = [p for p in prepared if p.name in splits]
    if args.fit_pair_model:
        method = args.method if args.method in PAIR_METHODS else "learned"
        model = choose_pair_threshold(fitted, embed, base, method, args.pair_criterion)
        model.save(args.fit_pair_model)
        pairs = sum(len(p.pairs[1]) for p in fitted)
        positives = int(sum(p.pairs[1].sum() for p in fitted))
        print(f"pair model fitted on {','.join(splits)} ({pairs} pairs, {positives} same-thing; threshold "
              f"{model.threshold} by {args.pair_criterion} for --method {method}) -> "
              f"{args.fit_pair_model}")
        for name, w in zip(model.features, model.weights, strict=True):
            print(f"  {name}: {w:+.3f}")
    if args.fit_conflict_model:
        sets = [p.conflict_pairs for p in fitted if p.conflict_pairs is not None]
        if not sets:
            print("error: the conflict model needs the encoder's token states (--embedder encoder or claim)")
            return 2
        variant = CANDIDATE_CONFLICT_READINGS.get(args.conflict_candidate or "", DEFAULT_CONFLICT_VARIANT)
        cmodel = fit_conflict_variant(fitted, variant)
        cmodel.save(args.fit_conflict_model)
        print(f"conflict model fitted on {','.join(splits)} ({sum(len(x[1]) for x in sets)} near pairs"
              f"{' of which the clashing ones' if variant[2] else ''}, "
              f"{int(sum(x[1].sum() for x in sets))} same-thing, {int(sum(x[2].sum() for x in sets))} planted "
              f"conflicts; threshold {cmodel.threshold}) -> {args.fit_conflict_model}")
        for name, w in zip(cmodel.features, cmodel.weights, strict=True):
            print(f"  {name}: {w:+.3f}")
    if args.loso_stories:
        shown = ",".join(held) if held else ",".join(splits)
        print(f"Leave one story out: held out in turn {shown}; each fold fitted on {','.join(splits)} minus the "
              f"held-out story (embedder {args.embedder}):\n")
        if methods is not None:
            if outcome_embed is None or part_embed is None:
                print("error: --loso-methods needs the encoder's token states (--embedder encoder or claim)")
                return 2
            results = candidate_loso(prepared, splits, held or splits, embed, base, outcome_embed,
                                     part_embed, methods)
        else:
            results = leave_one_story_out(prepared, embed, base, outcome_embed, held,
                                          args.pair_criterion, training=splits)
        print(loso_stories_table(results))
    return 1 if bad else 0


def planted_read_as_updates(data: Dataset, grouper: FigureGrouper) -> list[tuple[str, str]]:
    """The planted conflicts (gold mention ids) whose two figures, as the analyzer read them, clash under the
    ``"values"`` reading but not under ``"tallies"`` (a later rise of a growing count, or a part of a count):
    the pairs the tallies reading cannot find, whatever the grouping."""
    by_article: dict[str, list[FigureMention]] = defaultdict(list)
    for m in grouper.mentions.values():
        by_article[m.article_id].append(m)
    gold = {g.id: g for g in data.mentions}
    out = []
    for pair in sorted(sorted(p) for p in data.conflicts):
        ga, gb = (gold.get(i) for i in pair)
        ma = _match(ga, by_article.get(ga.article, [])) if ga is not None else None
        mb = _match(gb, by_article.get(gb.article, [])) if gb is not None else None
        if ma is not None and mb is not None and mentions_clash(ma, mb) and not mentions_clash(ma, mb, "tallies"):
            out.append((pair[0], pair[1]))
    return out


def false_conflict_sides(data: Dataset, grouper: FigureGrouper) -> dict[str, int]:
    """Where the false conflicts (those :func:`score` counts false) come from: ``inside`` a group (the rule, or
    the model with ``conflicts_inside="model"``) or ``between`` groups (the conflict model), and of each how many
    have a labelled distractor on one side (``inside_distractor``, ``between_distractor``)."""
    by_article: dict[str, list[FigureMention]] = defaultdict(list)
    for mention in grouper.mentions.values():
        by_article[mention.article_id].append(mention)
    gold_of: dict[str, GoldMention] = {}
    for g in data.mentions:
        m = _match(g, by_article.get(g.article, []))
        if m is not None:
            gold_of.setdefault(m.id, g)
    out = {"inside": 0, "inside_distractor": 0, "between": 0, "between_distractor": 0}
    for c in grouper.conflicts():
        ga, gb = gold_of.get(c.first.id), gold_of.get(c.second.id)
        if ga is not None and gb is not None and frozenset((ga.id, gb.id)) in data.conflicts:
            continue
        side = "inside" if grouper.group_of.get(c.first.id) == grouper.group_of.get(c.second.id) else "between"
        out[side] += 1
        if any(g is not None and g.group == "distractor" for g in (ga, gb)):
            out[f"{side}_distractor"] += 1
    return out


def _groupings_main(args: argparse.Namespace, data: Dataset, findings: dict[str, list[Finding]],
                    duplicates: dict[str, str], embed: Embedder | None) -> int:
    """``--groupings``: each named grouping (shipped weights) scored on the split, one table row each, then the
    errors of each with ``--errors``."""
    names = [DEFAULT_GROUPING if n.strip() == "default" else n.strip() for n in args.groupings.split(",") if n.strip()]
    unknown = [n for n in names if n not in GROUPING_NAMES]
    if unknown:
        print(f"error: --groupings {','.join(unknown)}: not one of default, {', '.join(GROUPING_NAMES)}")
        return 2
    outcome_embed = _outcome_embedder(args.embedder, args.outcome_window, args.outcome_centred)
    part_embed = _part_embedder(args.embedder)
    rows: dict[str, Scores] = {}
    sides: dict[str, dict[str, int]] = {}
    grouper: FigureGrouper | None = None
    for name in dict.fromkeys(names):
        cfg = grouping_config(name)
        label = f"{name}{' (default)' if name == DEFAULT_GROUPING else ''}"
        grouper = group_articles(data.articles, findings, duplicates, embed, cfg, outcome_embed=outcome_embed,
                                 part_embed=part_embed)
        rows[label] = score(data, grouper, duplicates)
        sides[label] = false_conflict_sides(data, grouper)
    print(markdown_table(rows))
    first = next(iter(rows.values()))
    print(f"\nmentions the analyzer missed: {first.missed_mentions}/{first.mentions}")
    for label, side in sides.items():
        print(f"false conflicts of {label}: {side['inside']} inside groups ({side['inside_distractor']} with a "
              f"distractor), {side['between']} between groups ({side['between_distractor']} with a distractor)")
    if grouper is not None:
        updates = planted_read_as_updates(data, grouper)
        print(f"planted conflicts that the tallies reading reads as an update or a part of a count: {len(updates)}"
              + "".join(f"\n- {a} vs {b}" for a, b in updates))
    if args.errors:
        for label, sc in rows.items():
            print(f"\nErrors of {label}:")
            for e in sc.errors:
                print(f"- {e}")
    return 1 if data.errors else 0


def main(args: argparse.Namespace) -> int:
    data_dir = Path(args.data)
    for name in ("articles.jsonl", "labels.jsonl"):
        if not (data_dir / name).is_file():
            print(f"error: {data_dir / name} not found")
            return 2
    sweep_splits = [sp.strip() for sp in (args.sweep_splits or args.split).split(",") if sp.strip()]
    if args.loso and not args.sweep:
        print("error: --loso needs --sweep (it chooses settings on the swept splits)")
        return 2
    if args.loso_stories or args.fit_pair_model or args.fit_conflict_model:
        return _learned_main(args, data_dir)
    if args.sweep and any(sp not in SEEN_SPLITS for sp in sweep_splits):
        print(f"error: --sweep tunes, and tuning uses the seen splits only ({', '.join(SEEN_SPLITS)})")
        return 2
    data = load_dataset(data_dir, sweep_splits[0] if args.sweep else args.split)
    for err in data.errors:
        print(f"error: {err}")
    if not data.articles:
        # "test" is empty between a retirement and the next blind story: no row of zeros that reads as a score
        empty = sweep_splits[0] if args.sweep else args.split
        print(f"error: split {empty} has no articles in {data_dir / 'articles.jsonl'} (the next blind test story "
              "is not written yet)")
        return 2
    findings = analyse(data.articles)
    duplicates = find_duplicates(data.articles)
    # the default grouping, or with --method (or a sweep) the rules' setting with that method, as measured before
    config = grouping_config("rules") if args.method is not None or args.sweep else GroupingConfig()
    overrides: dict[str, Any] = {}
    if args.threshold is not None:
        overrides["threshold"] = args.threshold
    if args.embed_weight is not None:
        overrides["embed_weight"] = args.embed_weight
    if args.headless_margin is not None:
        overrides["headless_margin"] = args.headless_margin
    if args.magnitude_weight is not None:
        overrides["magnitude_weight"] = args.magnitude_weight
    if args.max_magnitude_gap is not None:
        overrides["max_magnitude_gap"] = args.max_magnitude_gap
    if args.method is not None:
        overrides["method"] = args.method
    if args.outcome_threshold is not None:
        overrides["outcome_threshold"] = args.outcome_threshold
    if args.method == "learned-outcome" and args.pair_model is None:
        print(f"error: --method {args.method} needs --pair-model PATH (a model fitted with its features; "
              "none is shipped)")
        return 2
    if args.pair_model is not None:
        overrides["pair_model"] = PairModel.from_json(args.pair_model.read_text(encoding="utf-8"))
    config = replace(config, **overrides)
    n_articles = len(data.articles)
    shown = f"splits {','.join(sweep_splits)}, first {sweep_splits[0]}" if args.sweep else f"split {args.split}"
    print(f"figure groups: {data_dir} {shown} ({n_articles} articles, {len(data.mentions)} labelled "
          f"mentions, {len(data.conflicts)} planted conflicts, {len(data.duplicates)} republished copies)\n")
    embed = _embedder(args.embedder)
    embed = caching(embed) if embed is not None else None
    if args.sweep:
        sweep(data_dir, sweep_splits, embed, config, loso=args.loso)
        return 0
    if args.groupings:
        return _groupings_main(args, data, findings, duplicates, embed)
    with_model = config.conflict_model is not None
    name = f"{config.method}{' + conflict model' if with_model else ''}"
    rows = {f"{args.embedder}, {name} (threshold {config.threshold}, weight {config.embed_weight})":
            score(data, group_articles(data.articles, findings, duplicates, embed, config,
                                       outcome_embed=_outcome_embedder(args.embedder, args.outcome_window,
                                                                       args.outcome_centred)
                                       if config.method in OUTCOME_METHODS or with_model else None,
                                       part_embed=_part_embedder(args.embedder) if with_model else None),
                  duplicates)}
    print(markdown_table(rows))
    s = next(iter(rows.values()))
    print(f"\nmentions the analyzer missed: {s.missed_mentions}/{s.mentions}")
    if args.errors:
        print("\nErrors:")
        for e in s.errors:
            print(f"- {e}")
    return 1 if data.errors else 0


if __name__ == "__main__":  # pragma: no cover
    ap = argparse.ArgumentParser(description=__doc__)
    add_arguments(ap)
    raise SystemExit(main(ap.parse_args()))
