"""Evaluate the rule-based hedging and prediction cues on our labelled sentences.

    presslens eval hedging --data data/hedging [--split test|dev] [--errors]

Reads ``<data>/<split>.jsonl`` (``{"id", "text", "hedged", "prediction", "horizon"}``, see
``data/hedging/GUIDELINE.md``) and prints a Markdown table: precision, recall and F1 of the positive
class for ``hedged`` and ``prediction``, and exact-match accuracy of the time horizon. Horizon accuracy is
computed over the sentences whose gold label is a prediction (a missing horizon must be predicted as
None to count), and separately over the sentences that have a gold horizon. The stricter rules of the
``claims`` analyzer (real-news guideline, `claim_rules_predictor`) and a keyword baseline
("may/might/could/reportedly/allegedly" hedges, "will" predicts) are printed side by side.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from presslens.evaluation import metrics
from presslens.text.hedging import claim_hedge_cues, is_hedged
from presslens.text.prediction import forecast_cues, prediction_info

Predictor = Callable[[str], tuple[bool, bool, str | None]]


@dataclass
class BinaryScores:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, gold: bool, pred: bool) -> None:
        if gold and pred:
            self.tp += 1
        elif pred:
            self.fp += 1
        elif gold:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return metrics.f1(p, r)


@dataclass
class Results:
    n: int
    hedged: BinaryScores
    prediction: BinaryScores
    horizon_on_predictions: float
    horizon_on_gold_horizons: float
    n_predictions: int
    n_gold_horizons: int
    errors: list[dict[str, Any]]


def load_items(path: Path) -> list[dict[str, Any]]:
    items = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                items.append(json.loads(line))
    return items


def rules_predictor(text: str) -> tuple[bool, bool, str | None]:
    hedged, _ = is_hedged(text)
    prediction, horizon, _ = prediction_info(text)
    return hedged, prediction, horizon


def claim_rules_predictor(text: str) -> tuple[bool, bool, str | None]:
    """The stricter news-text rules the ``claims`` analyzer uses (``hedged`` of a claim, ``prediction``
    findings: a forecast or a "may/could" possibility)."""
    forecast = forecast_cues(text)
    horizon = forecast[2] if forecast is not None else None
    return bool(claim_hedge_cues(text)), forecast is not None, text[horizon[0] : horizon[1]] if horizon else None


_BASE_HEDGE = re.compile(r"\b(?:may|might|could|reportedly|allegedly)\b", re.IGNORECASE)
_BASE_FUTURE = re.compile(r"\bwill\b", re.IGNORECASE)


def keyword_baseline(text: str) -> tuple[bool, bool, str | None]:
    return bool(_BASE_HEDGE.search(text)), bool(_BASE_FUTURE.search(text)), None


def evaluate(items: Sequence[dict[str, Any]], predictor: Predictor) -> Results:
    hedged, prediction = BinaryScores(), BinaryScores()
    hz_pred_ok = hz_gold_ok = n_pred = n_gold_hz = 0
    errors: list[dict[str, Any]] = []
    for item in items:
        p_hedged, p_prediction, p_horizon = predictor(item["text"])
        hedged.add(bool(item["hedged"]), p_hedged)
        prediction.add(bool(item["prediction"]), p_prediction)
        gold_hz = item.get("horizon")
        if item["prediction"]:
            n_pred += 1
            hz_pred_ok += int(p_horizon == gold_hz)
        if gold_hz is not None:
            n_gold_hz += 1
            hz_gold_ok += int(p_horizon == gold_hz)
        if (p_hedged, p_prediction) != (item["hedged"], item["prediction"]) or (
            item["prediction"] and p_horizon != gold_hz
        ):
            errors.append(
                {
                    "id": item["id"],
                    "text": item["text"],
                    "gold": [item["hedged"], item["prediction"], gold_hz],
                    "pred": [p_hedged, p_prediction, p_horizon],
                }
            )
    return Results(
        n=len(items),
        hedged=hedged,
        prediction=prediction,
        horizon_on_predictions=hz_pred_ok / n_pred if n_pred else 0.0,
        horizon_on_gold_horizons=hz_gold_ok / n_gold_hz if n_gold_hz else 0.0,
        n_predictions=n_pred,
        n_gold_horizons=n_gold_hz,
        errors=errors,
    )


def markdown_table(results: dict[str, Results]) -> str:
    lines = [
        "| system | label | precision | recall | F1 | TP | FP | FN |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, res in results.items():
        for label, sc in (("hedged", res.hedged), ("prediction", res.prediction)):
            lines.append(
                f"| {name} | {label} | {sc.precision:.3f} | {sc.recall:.3f} | {sc.f1:.3f} | "
                f"{sc.tp} | {sc.fp} | {sc.fn} |"
            )
    lines.append("")
    lines.append("| system | horizon exact match (gold predictions) | horizon exact match (gold horizons) |")
    lines.append("| --- | ---: | ---: |")
    for name, res in results.items():
        lines.append(
            f"| {name} | {res.horizon_on_predictions:.3f} (n={res.n_predictions}) | "
            f"{res.horizon_on_gold_horizons:.3f} (n={res.n_gold_horizons}) |"
        )
    return "\n".join(lines)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=Path("data/hedging"), help="folder with test.jsonl/dev.jsonl")
    parser.add_argument("--split", default="test", choices=["test", "dev"], help="which file to score")
    parser.add_argument("--errors", action="store_true", help="also list the misclassified sentences")


def main(args: argparse.Namespace) -> int:
    path = Path(args.data) / f"{args.split}.jsonl"
    if not path.is_file():
        print(f"error: {path} not found")
        return 2
    items = load_items(path)
    results = {
        "rules": evaluate(items, rules_predictor),
        "claims analyzer rules (news text)": evaluate(items, claim_rules_predictor),
        "keyword baseline": evaluate(items, keyword_baseline),
    }
    print(f"hedging and predictions: {path} ({len(items)} sentences)\n")
    print(markdown_table(results))
    if getattr(args, "errors", False):
        print("\nErrors (gold [hedged, prediction, horizon] vs predicted):")
        for err in results["rules"].errors:
            print(f"- {err['id']}: {err['text']}\n  gold {err['gold']}  pred {err['pred']}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    ap = argparse.ArgumentParser(description=__doc__)
    add_arguments(ap)
    raise SystemExit(main(ap.parse_args()))
