"""Judge a set of prediction rules (the analyzer option ``claims.prediction_rules``) split by split, from the labelled
candidates that ``presslens train predictions --candidates FILE`` caches (issue 13, stop 27).

    python -m presslens.training.prediction_rules_judge --candidates FILE --rules stop26 [--read-off dev9]

The cache holds every prediction candidate the trainer's rules find on the open real-news splits (its "rules" key;
a cache without one is of the stop-24 rules), with its sentence, whether its cues are quoted, its claim decision and
its gold label. Each candidate's forecast and bucket are recomputed under the cache's rules, ``--base`` and ``--rules`` (:func:`presslens.text.prediction.prediction_forecast`
and :func:`presslens.analyzers.claims.predictions.prediction_basis`); the hand score of the bucket decides whether it
is asserted (>= 0.5), as in the analyzer. Precision and recall at 0.5 per split follow the evaluation's rule (a gold
prediction is found when an asserted candidate matches it).

Exact for rules that only drop forecasts or move them between buckets (the stop-26 and stop-27 rules): their
candidates are a subset of the cached ones. Rules that add forecasts (some stop-25 rules), or rules judged on a cache
of rules that dropped some candidates, are not seen whole here; judge them with ``presslens train predictions
--rules``. The tool checks that the cache's rules give every cached candidate its cached bucket and refuses the cache
otherwise.

A rule read off a split is in-sample there (``--read-off``): the sums leave out its change on those splits (the
ship rule of issue 13 counts the default's numbers there for both sides).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path

from presslens.analyzers.claims.predictions import HAND_SCORES, prediction_basis
from presslens.evaluation.counts import PrecisionRecallCounts
from presslens.text.prediction import prediction_forecast, prediction_rules
from presslens.training.predictions import RULES_CHOICES, Candidate, Gold, cached_rules

ASSERTED = 0.5


def basis_under(candidate: Candidate, rules: str) -> str | None:
    """The candidate's bucket under ``rules`` (None: no prediction)."""
    with prediction_rules(rules):
        found = prediction_forecast(candidate.text)
        if found is None:
            return None
        return prediction_basis(candidate.text, found, candidate.is_claim, candidate.quoted)


def counts(candidates: Iterable[Candidate], bases: Iterable[str | None], golds: list[Gold],
           split: str) -> PrecisionRecallCounts:
    """Precision and recall counts at 0.5 on one split with the hand score of each candidate's bucket."""
    asserted = [c for c, b in zip(candidates, bases, strict=True)
                if c.split == split and b is not None and HAND_SCORES[b] >= ASSERTED]
    found = {(c.article, g) for c in asserted for g in c.gold}
    return PrecisionRecallCounts(predicted=len(asserted), correct=sum(c.right for c in asserted),
                                 gold=sum(g.count for g in golds if g.split == split), found=len(found))


def judge(candidates: list[Candidate], golds: list[Gold], rules: str, read_off: set[str],
          base: str = "stop24", rules_of_cache: str = "stop24") -> dict[str, dict[str, PrecisionRecallCounts]]:
    """Per split, the counts of the ``base`` rules ("before") and of ``rules`` ("after"); on a split in ``read_off``
    "held" repeats "before" (the change there is in-sample and does not count), else "after". ``rules_of_cache``: the
    rules the candidates were cached with (each must get its cached bucket from them)."""
    default = [basis_under(c, rules_of_cache) for c in candidates]
    stale = [c for c, b in zip(candidates, default, strict=True) if b != c.basis]
    if stale:
        raise ValueError(f"{len(stale)} cached candidates get another bucket from this code's {rules_of_cache} rules "
                         f"(first: {stale[0].split} {stale[0].article} {stale[0].text[:60]!r}); rebuild the cache")
    before = default if base == rules_of_cache else [basis_under(c, base) for c in candidates]
    after = [basis_under(c, rules) for c in candidates]
    splits = list(dict.fromkeys(g.split for g in golds))
    table: dict[str, dict[str, PrecisionRecallCounts]] = {}
    for split in splits:
        b, a = counts(candidates, before, golds, split), counts(candidates, after, golds, split)
        table[split] = {"before": b, "after": a, "held": b if split in read_off else a}
    return table


def _cell(c: PrecisionRecallCounts) -> str:
    return f"{c.precision or 0.0:.3f} ({c.correct}/{c.predicted}) / {c.recall or 0.0:.3f} ({c.found}/{c.gold})"


def markdown(table: dict[str, dict[str, PrecisionRecallCounts]], rules: str, read_off: set[str],
             base: str = "stop24") -> str:
    lines = [f"| split | {base} P / R | {rules} P / R | counted (held out) |", "|---|---|---|---|"]
    sums = {k: [0.0, 0.0] for k in ("before", "after", "held")}
    for split, row in table.items():
        note = f"in-sample: {base} counted" if split in read_off else "held out"
        lines.append(f"| {split} | {_cell(row['before'])} | {_cell(row['after'])} | {note} |")
        for key in sums:
            sums[key][0] += row[key].precision or 0.0
            sums[key][1] += row[key].recall or 0.0
    lines.append(f"| sum | {sums['before'][0]:.3f} / {sums['before'][1]:.3f} | {sums['after'][0]:.3f} / "
                 f"{sums['after'][1]:.3f} | {sums['held'][0]:.3f} / {sums['held'][1]:.3f} |")
    dp, dr = sums["held"][0] - sums["before"][0], sums["held"][1] - sums["before"][1]
    passes = dp > 0 and -dr <= dp / 2
    lines += ["", f"held out: precision {dp:+.3f}, recall {dr:+.3f}: the open-split part of the ship rule "
              f"{'holds' if passes else 'fails'} (audit B is judged apart)"]
    return "\n".join(lines) + "\n"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--candidates", type=Path, required=True,
                        help="the candidate cache of presslens train predictions --candidates (default rules)")
    parser.add_argument("--rules", choices=RULES_CHOICES, required=True, help="the rules to judge")
    parser.add_argument("--base", choices=RULES_CHOICES,
                        help="the rules compared with (default: those the candidates were cached with)")
    parser.add_argument("--read-off", default="",
                        help="comma-separated splits the rules were read off (in-sample there)")


def main(args: argparse.Namespace) -> int:
    cached = json.loads(args.candidates.read_text(encoding="utf-8"))
    candidates = [Candidate(**c) for c in cached["candidates"]]
    golds = [Gold(**g) for g in cached["golds"]]
    read_off = {s for s in args.read_off.split(",") if s}
    try:
        rules_of_cache = cached_rules(cached)
        base = args.base or rules_of_cache
        table = judge(candidates, golds, args.rules, read_off, base, rules_of_cache)
    except ValueError as exc:
        print(f"prediction_rules_judge: {exc}", file=sys.stderr)
        return 2
    print(markdown(table, args.rules, read_off, base), end="")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_arguments(parser)
    raise SystemExit(main(parser.parse_args()))
