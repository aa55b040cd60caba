"""Why the planted conflicts of a labelled figures split are missed (issue 15; the evidence a grouping change
starts from).

``python -m presslens.evaluation.figure_diagnosis --data data/figures --split test_v21 --embedder encoder`` groups
the split exactly as ``presslens eval figure-groups`` does (same analyzer, copies, embedders and grouping) and
sorts each missed planted conflict into one cause:

- ``analyzer``: the figures analyzer found no mention for one side;
- ``no-measure``: one side has no measure class (never grouped);
- ``inside``: both sides are in one group and the conflict policy rejected the clash (the conflict model's
  probability under its threshold and the words do not agree);
- ``near``: the sides are in two groups that are each other's compatible candidates (a near pair) and the conflict
  model gave the pair less than its threshold;
- ``constraint``: the candidate lists proposed one side's group to the other but a hard constraint refused it (the
  reasons: a known predicate that differs, the role, the scope, incompatible counted nouns, the magnitude gap);
- ``never``: neither side's group was ever proposed to the other (no shared counted noun or near word).

It also lists each missed pair's conflict-model probability, the false conflicts (inside a group or between
groups, and what the two sides are labelled) and, per merged distractor, the tracked quantities of its group.
Read only seen splits (a retired test story after its one scored run, or a training story)."""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from presslens.compare.figure_groups import (
    DEFAULT_GROUPING,
    GROUPING_NAMES,
    FigureGrouper,
    grouping_config,
)
from presslens.compare.figures import FigureMention, heads_compatible
from presslens.evaluation import figure_groups as ev

CAUSES = ("analyzer", "no-measure", "inside", "near", "constraint", "never")
"""The causes of a missed planted conflict, in the order they are tested."""


@dataclass(frozen=True)
class MissedConflict:
    """One planted conflict the grouping did not report, and why."""

    a: str  # labelled mention ids
    b: str
    quantity: str
    cause: str  # one of CAUSES
    probability: float | None  # the conflict model's, where both sides were found and a model is configured
    reasons: tuple[str, ...] = ()  # for "constraint": the hard constraints that refuse the pair


@dataclass(frozen=True)
class FalseConflict:
    a: str  # analyzer mention ids
    b: str
    inside: bool
    labels: tuple[str, str]  # the labelled group of each side ("distractor", a quantity id, or "unlabelled")


@dataclass
class Diagnosis:
    missed: list[MissedConflict]
    false: list[FalseConflict]
    merged: list[tuple[str, tuple[str, ...]]]  # labelled distractor id, tracked quantities of its group

    def counts(self) -> Counter[str]:
        return Counter(m.cause for m in self.missed)


def refusals(grouper: FigureGrouper, m: FigureMention, gid: str) -> list[str]:
    """The hard constraints (:meth:`FigureGrouper.compatible`) that keep ``m`` out of group ``gid``, by name
    (an empty list when the group is compatible)."""
    if grouper.compatible(m, gid):
        return []
    group = grouper.groups[gid]
    feats = grouper.features(m)
    out: list[str] = []
    if feats.predicate is not None and group.predicates and feats.predicate not in group.predicates:
        out.append(f"predicate {feats.predicate} vs {','.join(sorted(group.predicates))}")
    if feats.role != group.role:
        out.append(f"role {feats.role} vs {group.role}")
    if (feats.scope == "incident" and group.cumulatives) or (feats.scope == "cumulative" and group.incidents):
        out.append(f"scope {feats.scope}")
    if m.head is not None and not all(h == m.head or heads_compatible(m.head, h) for h in group.heads):
        out.append(f"counted noun {m.head} vs {','.join(sorted(group.heads))}")
    return out or ["place, scope or magnitude"]


def diagnose(data: ev.Dataset, grouper: FigureGrouper) -> Diagnosis:
    """Sort the missed planted conflicts of ``data`` under ``grouper`` (already fed the split) into
    :data:`CAUSES`, and list the false conflicts and merged distractors."""
    by_article: dict[str, list[FigureMention]] = defaultdict(list)
    for mention in grouper.mentions.values():
        by_article[mention.article_id].append(mention)
    gold = {g.id: g for g in data.mentions}
    match = {g.id: ev._match(g, by_article.get(g.article, [])) for g in data.mentions}
    label_of: dict[str, str] = {}
    for g in data.mentions:
        m = match[g.id]
        if m is not None:
            label_of.setdefault(m.id, g.group)
    model = grouper.config.conflict_model
    found = {frozenset((c.first.id, c.second.id)) for c in grouper.conflicts()}
    near = {frozenset((x.id, y.id)) for x, y in grouper.near_pairs()}
    missed: list[MissedConflict] = []
    planted: set[frozenset[str]] = set()
    for pair in sorted(sorted(p) for p in data.conflicts):
        a, b = pair
        ma, mb = match[a], match[b]
        quantity = gold[a].group
        if ma is None or mb is None:
            missed.append(MissedConflict(a, b, quantity, "analyzer", None))
            continue
        key = frozenset((ma.id, mb.id))
        planted.add(key)
        if key in found:
            continue
        p = model.probability(grouper.conflict_features(ma, mb)) if model is not None else None
        ga, gb = grouper.group_of.get(ma.id), grouper.group_of.get(mb.id)
        if ga is None or gb is None or ma.measure is None or ma.measure != mb.measure:
            missed.append(MissedConflict(a, b, quantity, "no-measure", p))
        elif ga == gb:
            missed.append(MissedConflict(a, b, quantity, "inside", p))
        elif key in near:
            missed.append(MissedConflict(a, b, quantity, "near", p))
        else:
            proposed = grouper.proposes(ma, gb) or grouper.proposes(mb, ga)
            if proposed:
                reasons = dict.fromkeys([*refusals(grouper, ma, gb), *refusals(grouper, mb, ga)])
                missed.append(MissedConflict(a, b, quantity, "constraint", p, tuple(reasons)))
            else:
                missed.append(MissedConflict(a, b, quantity, "never", p))
    false: list[FalseConflict] = []
    for c in grouper.conflicts():
        if frozenset((c.first.id, c.second.id)) in planted:
            continue
        inside = grouper.group_of.get(c.first.id) == grouper.group_of.get(c.second.id)
        false.append(FalseConflict(c.first.id, c.second.id, inside,
                                   (label_of.get(c.first.id, "unlabelled"), label_of.get(c.second.id, "unlabelled"))))
    quantities_of: dict[str, set[str]] = defaultdict(set)
    for g in data.mentions:
        m = match[g.id]
        gid = grouper.group_of.get(m.id) if m is not None else None
        if gid is not None and g.group != "distractor":
            quantities_of[gid].add(g.group)
    merged: list[tuple[str, tuple[str, ...]]] = []
    for g in data.mentions:
        m = match[g.id]
        gid = grouper.group_of.get(m.id) if m is not None else None
        if g.group == "distractor" and gid is not None and quantities_of.get(gid):
            merged.append((g.id, tuple(sorted(quantities_of[gid]))))
    return Diagnosis(missed, false, merged)


def report(diagnosis: Diagnosis, data: ev.Dataset, grouper: FigureGrouper) -> str:
    gold = {g.id: g for g in data.mentions}
    counts = diagnosis.counts()
    threshold = grouper.config.conflict_model.threshold if grouper.config.conflict_model is not None else None
    lines = [f"missed planted conflicts: {len(diagnosis.missed)} of {len(data.conflicts)}; by cause: "
             + ", ".join(f"{c} {counts[c]}" for c in CAUSES)]
    if threshold is not None:
        over = sum(1 for m in diagnosis.missed
                   if m.cause in ("constraint", "never", "no-measure") and m.probability is not None
                   and m.probability >= threshold)
        lines.append(f"conflict model threshold {threshold}; missed pairs never scored by it (constraint, never, "
                     f"no-measure) whose probability reaches it: {over}")
    per: Counter[tuple[str, str]] = Counter((m.quantity, m.cause) for m in diagnosis.missed)
    lines.append("by quantity: " + ", ".join(f"{q} {c} {n}" for (q, c), n in sorted(per.items())))
    reasons: Counter[str] = Counter(r for m in diagnosis.missed for r in m.reasons)
    lines.append("constraint reasons (pairs): " + "; ".join(f"{r}: {n}" for r, n in reasons.most_common()))
    for m in diagnosis.missed:
        p = "-" if m.probability is None else f"{m.probability:.3f}"
        lines.append(f"- missed {m.quantity} {m.cause} p={p} {m.a} {gold[m.a].text!r} vs {m.b} {gold[m.b].text!r}"
                     + (f" ({'; '.join(m.reasons)})" if m.reasons else ""))
    inside = [f for f in diagnosis.false if f.inside]
    between = [f for f in diagnosis.false if not f.inside]

    def kinds(fs: Sequence[FalseConflict]) -> str:
        with_distractor = sum(1 for f in fs if "distractor" in f.labels)
        two = sum(1 for f in fs if "distractor" not in f.labels and f.labels[0] != f.labels[1])
        return f"{len(fs)} ({with_distractor} with a distractor, {two} between two tracked quantities)"

    lines.append(f"false conflicts: inside groups {kinds(inside)}, between groups {kinds(between)}")
    for f in diagnosis.false:
        side = "inside" if f.inside else "between"
        lines.append(f"- false {side} {grouper.mentions[f.a].id} {grouper.mentions[f.a].text!r} ({f.labels[0]}) vs "
                     f"{grouper.mentions[f.b].id} {grouper.mentions[f.b].text!r} ({f.labels[1]})")
    lines.append(f"merged distractors: {len(diagnosis.merged)}")
    for mid, quantities in diagnosis.merged:
        lines.append(f"- merged {mid} {gold[mid].text!r} into a group of {', '.join(quantities)}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m presslens.evaluation.figure_diagnosis",
                                     description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=Path("data/figures"))
    parser.add_argument("--split", required=True, help="a seen split (never the fresh test story)")
    parser.add_argument("--embedder", default="encoder", choices=["encoder", "hashed", "none"])
    parser.add_argument("--grouping", default=DEFAULT_GROUPING, choices=list(GROUPING_NAMES))
    args = parser.parse_args(argv)
    if args.split not in ev.SEEN_SPLITS:
        print(f"--split {args.split}: not a seen split; the fresh test story is scored once, never diagnosed")
        return 2
    data = ev.load_dataset(args.data, args.split)
    if data.errors:
        print("\n".join(data.errors))
        return 2
    findings = ev.analyse(data.articles)
    duplicates = ev.find_duplicates(data.articles)
    embedder = ev._embedder(args.embedder)
    embed = ev.caching(embedder) if embedder is not None else None
    grouper = ev.group_articles(data.articles, findings, duplicates, embed, grouping_config(args.grouping),
                                outcome_embed=ev._outcome_embedder(args.embedder, None, False),
                                part_embed=ev._part_embedder(args.embedder))
    print(f"figure diagnosis: {args.data} split {args.split}, grouping {args.grouping}, embedder {args.embedder}")
    print(report(diagnose(data, grouper), data, grouper))
    return 0


__all__ = ["CAUSES", "Diagnosis", "FalseConflict", "MissedConflict", "diagnose", "main", "refusals", "report"]

if __name__ == "__main__":
    sys.exit(main())
