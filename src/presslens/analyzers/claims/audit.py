"""Per-rule precision of the claims analyzer on each real-news dev split separately (issue 13).

A rule that is right on one split and wrong on another fits its tuning articles rather than news in general;
the score tables of :data:`presslens.text.hedging.HEDGE_CLASS_SCORES`, :data:`.predictions.PREDICTION_SCORES` and
the demand rule of :mod:`.furniture` quote these counts. Run

    python -m presslens.analyzers.claims.audit --data ../shared/data/ptc-semeval2020-task11 [--split dev dev2 dev3]

It runs the claims analyzer (and the analyzers it requires) on every article of each split and prints, per split:

- hedge cue classes (:func:`presslens.text.hedging.cue_class`): among claim findings with a claim score >= 0.5
  that have a cue candidate of the class, how many match a gold hedge (the evaluation's claim rule);
- hedge score: claim findings with a cue candidate, by their ``hedge_score`` (bins of 0.1), how many match a gold
  hedge (a reliability table: a calibrated score is right about as often as it says);
- prediction buckets (:func:`.predictions.prediction_basis`): among sentences put into the bucket, how many match
  a gold prediction;
- furniture reasons (:func:`.furniture.furniture_reason`): among sentences with the reason, how many match a gold
  claim (all of them, and those whose score before the veto was >= 0.5).

``--candidates-from FILE`` takes the cue candidates from another version of ``presslens/text/hedging.py``
(its ``claim_hedge_cues``), for instance the rules of an older commit, classed with today's :func:`cue_class`:
``git show e0c47a6:src/presslens/text/hedging.py > /tmp/hedging_e0c47a6.py`` gives the rules as they were before
dev2 was annotated, so their dev2 counts are a held-out check.

Never run it on the test split: the test split is scored, not analysed.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from presslens.article import Finding
from presslens.text.hedging import Cue, claim_cue_candidates, cue_class

SPLITS = ("dev", "dev2", "dev3")
Counts = dict[str, dict[str, list[int]]]


def _load_candidates(path: Path) -> Callable[[str], list[Cue]]:
    """``claim_hedge_cues`` of another copy of ``hedging.py`` (imported under a private module name)."""
    spec = importlib.util.spec_from_file_location("_presslens_hedging_other", path)
    if spec is None or spec.loader is None:
        raise ValueError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    fn: Callable[[str], list[Cue]] = module.claim_hedge_cues
    return fn


def _add(table: Counts, key: str, split: str, right: bool) -> None:
    cell = table[key][split]
    cell[0] += 1
    cell[1] += int(right)


def audit_split(data: Path, annotations: Path, split: str, tables: dict[str, Counts],
                candidates: Callable[[str], list[Cue]]) -> None:
    """Add one split's counts to ``tables`` ("hedge classes", "hedge score", "prediction buckets", "furniture")."""
    from presslens.analyzers.claims.analyzer import FURNITURE_FACTOR
    from presslens.analyzers.claims.calibration import EMIT_AT
    from presslens.analyzers.claims.furniture import furniture_reason
    from presslens.analyzers.claims.predictions import cues_quoted, prediction_basis
    from presslens.evaluation.realnews import annotated_articles
    from presslens.evaluation.realnews_matching import match_claim, match_prediction
    from presslens.pipeline import Pipeline
    from presslens.text.prediction import prediction_forecast

    pipeline = Pipeline(only=["claims"])
    for record, article in annotated_articles(annotations / f"{split}.jsonl", data):
        claims: dict[int, Finding] = {
            int(f.attributes["sentence_index"]): f for f in pipeline.run(article).findings if f.kind == "claim"
        }
        gold_hedges = [tuple(g["claim"]) for g in record["hedges"]]
        gold_claims = [tuple(g["span"]) for g in record["claims"]]
        gold_predictions = [tuple(g["span"]) for g in record["predictions"]]
        for index, (s, e) in enumerate(article.sentences):
            text = article.text[s:e]
            claim = claims.get(index)
            probe: Any = claim if claim is not None else type("Span", (), {"start": s, "end": e})
            reason = furniture_reason(text)
            if reason is not None:
                right = any(match_claim(probe, g) for g in gold_claims)
                _add(tables["furniture"], reason, split, right)
                if claim is not None and claim.score / FURNITURE_FACTOR >= 0.5:
                    _add(tables["furniture"], f"{reason} (asserted before the veto)", split, right)
            if claim is not None and claim.attributes.get("hedge_score", 0.0) > 0.0:
                low = min(int(claim.attributes["hedge_score"] * 10), 9) / 10
                _add(tables["hedge score"], f"{low:.1f}-{low + 0.1:.1f}", split,
                     any(match_claim(claim, g) for g in gold_hedges))
            if claim is not None and claim.score >= 0.5:
                hedge = any(match_claim(claim, g) for g in gold_hedges)
                for name in sorted({cue_class(text, a, b, kind) for a, b, kind in candidates(text)}):
                    _add(tables["hedge classes"], name, split, hedge)
            found = prediction_forecast(text)
            if found is not None:
                is_claim = claim is not None and not claim.score / (
                    FURNITURE_FACTOR if claim.attributes.get("furniture") else 1.0) < EMIT_AT
                basis = prediction_basis(text, found, is_claim, cues_quoted(article.text, s, found[1]))
                if basis is not None:
                    _add(tables["prediction buckets"], basis, split,
                         any(match_prediction((s, e), g) for g in gold_predictions))


def markdown(tables: dict[str, Counts], splits: list[str]) -> str:
    lines: list[str] = []
    for name, table in tables.items():
        lines += [f"## {name} (right / all, per split)", "", "| rule | " + " | ".join(splits) + " |",
                  "|---|" + "---|" * len(splits)]
        def order(key: str, table: Counts = table) -> tuple[int, str]:
            base = key.split(" (")[0]  # a reason's "(asserted before the veto)" row follows the reason's row
            return -sum(c[0] for c in table[base].values()), key

        for key in sorted(table) if name == "hedge score" else sorted(table, key=order):
            lines.append(f"| {key} | " + " | ".join(f"{table[key][s][1]}/{table[key][s][0]}" for s in splits) + " |")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the ptc-semeval2020-task11 folder")
    parser.add_argument("--annotations", type=Path, default=Path("data/realnews"))
    parser.add_argument("--split", nargs="+", default=list(SPLITS), choices=SPLITS)
    parser.add_argument("--candidates-from", type=Path, help="another hedging.py to take cue candidates from")
    args = parser.parse_args(argv)
    candidates = _load_candidates(args.candidates_from) if args.candidates_from else claim_cue_candidates
    tables: dict[str, Counts] = {
        name: defaultdict(lambda: defaultdict(lambda: [0, 0]))
        for name in ("hedge classes", "hedge score", "prediction buckets", "furniture")
    }
    for split in args.split:
        path = args.annotations / f"{split}.jsonl"
        if not path.exists():
            print(f"audit: no annotations at {path}", file=sys.stderr)
            return 2
        audit_split(args.data, args.annotations, split, tables, candidates)
    print(markdown(tables, args.split), end="")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
