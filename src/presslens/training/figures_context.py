"""Leave-one-split-out check of the figures analyzer's context readings (figures 1.8; issue 13's ship rule).

Each reading of :mod:`presslens.analyzers.figures.context` was read off one place: an open real-news split's
errors, audit A of its stop (unlabelled PolNeAR train text), other unlabelled PolNeAR train text ("pool") or a user
trial. A reading read off a split is in-sample there, so the held-out number of a split switches off the readings
read off it (:func:`held_out_context`). For every open split (:data:`~presslens.evaluation.realnews_selection.OPEN_SPLITS`)
this prints quantity precision / recall at 0.5 and the ECE of the figures' scores with no context reading (the
analyzer before 1.8), with all of them (in-sample) and held out, and the sums::

    python -m presslens.training.figures_context --data ../shared/data/ptc-semeval2020-task11 [--readings rules|fixes|general]

Only the figures analyzer runs (the article is read as the pipeline reads it), and its findings are scored by
:func:`presslens.evaluation.realnews.score_article`, so each count equals the quantity row of ``presslens eval
realnews`` for the same readings.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from presslens.analyzers.figures.analyzer import FiguresAnalyzer
from presslens.analyzers.figures.context import CONTEXT_READINGS
from presslens.analyzers.figures.quantity import READINGS, extract_quantities
from presslens.analyzers.figures.scoring import SCORES_CHOICES, calibrated_score
from presslens.evaluation.counts import PrecisionRecallCounts
from presslens.evaluation.realnews import DEFAULT_ANNOTATIONS, annotated_articles, score_article
from presslens.evaluation.realnews_calibration import calibration
from presslens.evaluation.realnews_selection import OPEN_SPLITS

READ_OFF: dict[str, frozenset[str]] = {
    "name_number": frozenset({"dev7", "A"}), "number_name": frozenset({"dev7", "A"}),
    "repeated_id": frozenset({"A"}), "id_number": frozenset({"dev7"}), "day_pair": frozenset({"dev7"}),
    "decade_pair": frozenset({"A"}), "magnitude": frozenset({"A"}), "time_mark": frozenset({"A"}),
    "idiom": frozenset({"dev7"}), "something": frozenset({"dev7"}), "doubled": frozenset({"dev7"}),
    "glued_digit": frozenset({"pool"}), "code_number": frozenset({"pool"}), "numbered_lines": frozenset({"pool"}),
    "thread_counter": frozenset({"user trial"}),
}
"""Where each context reading was read off (round 2 stop 24): a real-news split, ``"A"`` (that stop's audit A),
``"pool"`` (unlabelled PolNeAR train text outside the audits) or ``"user trial"``."""


def held_out_context(split: str) -> frozenset[str]:
    """The context readings that were not read off ``split`` (every reading, where none was)."""
    return frozenset(r for r in CONTEXT_READINGS if split not in READ_OFF[r])


def score_split(data_dir: Path, split: str, context: frozenset[str], readings: str = "rules",
                scores: str = "rules", annotations: Path = DEFAULT_ANNOTATIONS
                ) -> tuple[PrecisionRecallCounts, list[tuple[float, bool]]]:
    """Quantity counts of one split with these context readings, and every figure's (score, right) pair."""
    analyzer = FiguresAnalyzer()
    counts = PrecisionRecallCounts()
    scored: list[tuple[float, bool]] = []
    for record, article in annotated_articles(annotations / f"{split}.jsonl", data_dir):
        findings = [analyzer.finding(article, q, calibrated_score(article.text, q, scores=scores))
                    for q in extract_quantities(article.text, readings, context)]
        result = score_article(article.text, record, findings, {})
        counts = counts + result.kinds["quantity"]
        scored += result.scored["quantity"]
    return counts, scored


def _cell(counts: PrecisionRecallCounts, scored: Sequence[tuple[float, bool]]) -> str:
    return (f"{counts.precision:.3f} ({counts.correct}/{counts.predicted}) / {counts.recall:.3f} "
            f"({counts.found}/{counts.gold}) / {calibration(scored).ece:.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", required=True, type=Path, help="the ptc-semeval2020-task11 folder")
    parser.add_argument("--readings", choices=READINGS, default="rules")
    parser.add_argument("--scores", choices=SCORES_CHOICES, default="rules")
    args = parser.parse_args(argv)
    columns = {"no context reading": lambda s: frozenset(), "all (in-sample)": lambda s: CONTEXT_READINGS,
               "held out": held_out_context}
    table = {name: {split: score_split(args.data, split, pick(split), args.readings, args.scores)
                    for split in OPEN_SPLITS} for name, pick in columns.items()}
    print(f"readings={args.readings} scores={args.scores}; cells: P (right/asserted) / R (found/gold) / ECE")
    print("| split | " + " | ".join(columns) + " |")
    print("|---|" + "---|" * len(columns))
    for split in OPEN_SPLITS:
        print(f"| {split} | " + " | ".join(_cell(*table[name][split]) for name in columns) + " |")
    sums = []
    for name in columns:
        total = sum((table[name][s][0] for s in OPEN_SPLITS), PrecisionRecallCounts())
        sums.append(_cell(total, [x for s in OPEN_SPLITS for x in table[name][s][1]]))
    print("| sum (ECE pooled) | " + " | ".join(sums) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
