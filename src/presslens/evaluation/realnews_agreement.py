"""Agreement between two annotations of the same real-news articles (a second annotator on part of dev).

    python -m presslens.evaluation.realnews_agreement \\
        --first data/realnews/dev.jsonl --second data/realnews/dev_second.jsonl

For every kind the first annotation is taken as reference and the second as prediction: precision = items of
the second matching an item of the first, recall = items of the first matched by the second, and their F1
(symmetric: swapping the two swaps P and R). Matching follows the evaluation rules (``GUIDELINE.md`` section 9)
with gold spans on both sides: attributions need overlapping sources and content covering >= 0.5 of the
other's; quantities overlapping spans, equal values and bounds; claims, hedges and predictions the sentence
rules; violence and calls to action half of the shorter span.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from presslens.evaluation import metrics
from presslens.evaluation.counts import PrecisionRecallCounts
from presslens.evaluation.realnews import load_annotations
from presslens.evaluation.realnews_matching import (
    covers,
    match_prediction,
    mutual_overlap,
    overlap,
    same_value,
    shorter_overlap,
)

Item = dict[str, Any]
AGREEMENT_KINDS = ("attribution", "quantity", "claim", "hedged", "prediction", "violence", "call_to_action")


def _span(item: Item, key: str) -> tuple[int, int]:
    start, end = item[key]
    return int(start), int(end)


def same_attribution(a: Item, b: Item) -> bool:
    return (overlap(_span(a, "source"), _span(b, "source")) > 0
            and covers(_span(b, "content"), _span(a, "content")))


def same_quantity(a: Item, b: Item) -> bool:
    if overlap(_span(a, "span"), _span(b, "span")) == 0:
        return False
    if a.get("vague") or b.get("vague"):
        return bool(a.get("vague")) and bool(b.get("vague"))
    return (a["bound"] == b["bound"] and same_value(a.get("value"), b.get("value"))
            and (a["bound"] != "range" or (same_value(a.get("low"), b.get("low"))
                                           and same_value(a.get("high"), b.get("high")))))


MATCHERS: dict[str, tuple[str, Callable[[Item, Item], bool]]] = {
    "attribution": ("attributions", same_attribution),
    "quantity": ("quantities", same_quantity),
    "claim": ("claims", lambda a, b: mutual_overlap(_span(a, "span"), _span(b, "span"))),
    "hedged": ("hedges", lambda a, b: mutual_overlap(_span(a, "claim"), _span(b, "claim"))),
    "prediction": ("predictions", lambda a, b: match_prediction(_span(b, "span"), _span(a, "span"))),
    "violence": ("violence", lambda a, b: shorter_overlap(_span(a, "span"), _span(b, "span"))),
    "call_to_action": ("calls_to_action", lambda a, b: shorter_overlap(_span(a, "span"), _span(b, "span"))),
}


def agreement(first: Sequence[Item], second: Sequence[Item]) -> tuple[dict[str, PrecisionRecallCounts], int, int]:
    """Counts per kind over the articles in both, the number of such articles, and article_violence agreements."""
    by_id = {r["id"]: r for r in first}
    counts = {k: PrecisionRecallCounts() for k in AGREEMENT_KINDS}
    shared = same_verdict = 0
    for b in second:
        a = by_id.get(b["id"])
        if a is None:
            continue
        shared += 1
        same_verdict += bool(a.get("article_violence")) == bool(b.get("article_violence"))
        for kind, (key, same) in MATCHERS.items():
            ref, pred = a[key], b[key]
            counts[kind].add(PrecisionRecallCounts(len(pred), sum(any(same(r, p) for r in ref) for p in pred),
                                   len(ref), sum(any(same(r, p) for p in pred) for r in ref)))
    return counts, shared, same_verdict


def f1(count: PrecisionRecallCounts) -> float | None:
    p, r = count.precision, count.recall
    if p is None or r is None:
        return None
    return metrics.f1(p, r)


def markdown(counts: dict[str, PrecisionRecallCounts], shared: int, same_verdict: int) -> str:
    def fmt(v: float | None) -> str:
        return "-" if v is None else f"{v:.3f}"

    lines = [f"Agreement on {shared} doubly annotated articles (first = reference, second = prediction):", "",
             "| kind | first | second | P | R | F1 |", "|---|---|---|---|---|---|"]
    for kind, c in counts.items():
        lines.append(f"| {kind} | {c.gold} | {c.predicted} | {fmt(c.precision)} | {fmt(c.recall)} | {fmt(f1(c))} |")
    lines += ["", f"article_violence verdicts equal: {same_verdict} of {shared}"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Agreement between two real-news annotations.")
    parser.add_argument("--first", type=Path, required=True, help="stand-off .jsonl (reference)")
    parser.add_argument("--second", type=Path, required=True, help="stand-off .jsonl of the second annotator")
    args = parser.parse_args(argv)
    counts, shared, same_verdict = agreement(load_annotations(args.first), load_annotations(args.second))
    print(markdown(counts, shared, same_verdict), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
