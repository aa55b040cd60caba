"""Leave-one-split-out check of the figures analyzer's context readings (figures 1.8; issue 13's ship rule).

Each reading of :mod:`presslens.analyzers.figures.context` was read off one place: an open real-news split's
errors, audit A of its stop (unlabelled PolNeAR train text), other unlabelled PolNeAR train text ("pool") or a user
trial. A reading read off a split is in-sample there, so the held-out number of a split switches off the readings
read off it (:func:`held_out_context`). For every open split (:data:`~presslens.evaluation.realnews_selection.OPEN_SPLITS`)
this prints quantity precision / recall at 0.5 and the ECE of the figures' scores with figures 1.8's default (the
``rules`` readings and 1.8's context readings), with no context reading, with all of them (in-sample) and held out
(the readings read off the split off: :func:`held_out_context`, :func:`held_out_readings`), held out for the 1.9
change (1.8's context readings on, 1.9's read off the split off: :func:`held_out_1_9`), and the sums::

    python -m presslens.training.figures_context --data ../shared/data/ptc-semeval2020-task11 [--readings READINGS]

``--readings readings26`` / ``readings27`` replace the 1.9 column by the default and that stop's change held out
(:func:`held_out_s26`, :func:`held_out_s27`); ``readings28`` / ``readings29`` / ``readings30`` / ``readings31`` print only the default
and that stop's change, in-sample and held out (:func:`held_out_s28`, :func:`held_out_s29`, :func:`held_out_s30`,
:func:`held_out_s31`; against ``readings28``, the default when they were judged); ``readings32`` is judged against
the default of figures 1.12, ``readings31`` (:func:`held_out_s32`: stop 29's, 30's and 32's readings held out where
they were read off).

Only the figures analyzer runs (the article is read as the pipeline reads it), and its findings are scored by
:func:`presslens.evaluation.realnews.score_article`, so each count equals the quantity row of ``presslens eval
realnews`` for the same readings.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path

from presslens.analyzers.figures.analyzer import FiguresAnalyzer
from presslens.analyzers.figures.context import (
    CONTEXT_READINGS,
    CONTEXT_READINGS_1_8,
    CONTEXT_READINGS_1_9,
    CONTEXT_READINGS_S26,
    CONTEXT_READINGS_S27,
    CONTEXT_READINGS_S28,
    CONTEXT_READINGS_S29,
    CONTEXT_READINGS_S30,
    CONTEXT_READINGS_S31,
    CONTEXT_READINGS_S32,
)
from presslens.analyzers.figures.quantity import (
    CONTEXT_BY_READINGS,
    DEFAULT_READINGS,
    READINGS,
    extract_quantities,
)
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
    "emphatic": frozenset({"dev8", "A s25"}), "counted_decades": frozenset({"dev4", "dev8"}),
    "into_point": frozenset({"dev8"}), "called_name": frozenset({"dev8"}),
    "idiom26": frozenset({"dev9", "A s26"}), "index_stock": frozenset({"A s26"}), "year_span": frozenset({"A s26"}),
    "code26": frozenset({"A s26"}), "share_name": frozenset({"dev9"}), "point_words": frozenset({"A s26"}),
    "half_scale": frozenset({"A s26"}), "half_bound": frozenset({"A s26"}), "candidate_adj": frozenset({"A s26"}),
    # stop 27: read off dev10's errors (opened this stop); lead_decimal also off dev5's ".380-caliber" and "below .50
    # caliber", unit_range also off dev9's "600 to 150 yards" (both seen in the listing of every open split's errors)
    "lead_decimal": frozenset({"dev10", "dev5"}), "unit_range": frozenset({"dev10", "dev9"}),
    "age_bound": frozenset({"dev10"}), "label27": frozenset({"dev10"}), "times_x": frozenset({"dev10"}),
    "idiom27": frozenset({"dev10"}), "alt_range": frozenset({"A s27"}),
    # stop 28: read off dev11's errors (opened this stop) and, for idiom28's "lesser of two evils", "two of a kind" and
    # "757 jet", off audit A of stop 28
    "old_year28": frozenset({"dev11"}), "negated_bound": frozenset({"dev11"}), "about_topic": frozenset({"dev11"}),
    "tally_and_one": frozenset({"dev11"}), "idiom28": frozenset({"dev11", "A s28"}), "verb_one": frozenset({"dev11"}),
    "vague_tenths": frozenset({"dev11"}),
    # stop 29: read off dev12's errors (opened this stop) and, for "ten of thousands" and "5-Star Movement", off audit
    # A of stop 29 ("ten of thousand" was also among the wrong figures left on audit B of stop 28)
    "clock_time": frozenset({"dev12"}), "version_number": frozenset({"dev12"}), "and_half": frozenset({"dev12"}),
    "tens_garbled": frozenset({"A s29", "B s28"}), "idiom29": frozenset({"dev12", "A s29"}),
    "quoted_number": frozenset({"A s29"}),
    # stop 30: read off dev13's errors (opened this stop) and, for idiom30's "two-party system" and "Three's a Crowd",
    # off audit A of stop 30
    "jet_model": frozenset({"dev13"}), "clock_past": frozenset({"dev13"}), "nine_eleven": frozenset({"dev13"}),
    "idiom30": frozenset({"dev13", "A s30"}),
    # stop 31: read off dev14's errors (opened this stop)
    "foreign_month": frozenset({"dev14"}), "day_month_abbrev": frozenset({"dev14"}), "spaced_year": frozenset({"dev14"}),
    "fraction_bound": frozenset({"dev14"}), "tally_of_them": frozenset({"dev14"}), "one_count": frozenset({"dev14"}),
    "day_after": frozenset({"dev14"}), "approx_words": frozenset({"dev14"}), "around_year": frozenset({"dev14"}),
    # stop 32: read off dev15's errors (opened this stop); barely off dev8's and dev13's, trio off dev10's and dev12's
    # (the remaining errors of the weakest splits, read again at stop 32)
    "glued_scale": frozenset({"dev15"}), "or_two": frozenset({"dev15"}), "zero_type": frozenset({"dev15"}),
    "quoted_title": frozenset({"dev15"}), "acronym_plural": frozenset({"dev15"}), "barely": frozenset({"dev8", "dev13"}),
    "trio": frozenset({"dev10", "dev12"}),
    # stop 32, off audit A of stop 32 (spaced_fraction also off the wrong "4 1/2 hours" of audit B of stop 30)
    "spaced_fraction": frozenset({"A s32", "B s30"}), "height_marks": frozenset({"A s32"}),
    "and_a_half": frozenset({"A s32"}), "dollar_question": frozenset({"A s32"}),
}
"""Where each context reading was read off (round 2 stop 24; ``emphatic``: stop 25; ``idiom26`` ... ``candidate_adj``:
stop 26; ``lead_decimal`` ... ``alt_range``: stop 27; ``old_year28`` ... ``vague_tenths``: stop 28; ``clock_time`` ...
``quoted_number``: stop 29; ``jet_model`` ... ``idiom30``: stop 30; ``foreign_month`` ... ``around_year``: stop 31;
``glued_scale`` ... ``trio``: stop 32): a real-news split, ``"A"`` (stop 24's audit A),
``"A s25"`` ... ``"A s32"`` (stop 25's ... 32's audit A), ``"B s28"``, ``"B s30"`` (stop 28's and 30's audit B), ``"pool"`` (unlabelled
PolNeAR train text outside the audits) or ``"user trial"``."""


READINGS_READ_OFF: dict[str, frozenset[str]] = {"rules": frozenset(), "fixes": frozenset({"dev5", "dev6"}),
                                               "general": frozenset({"dev5", "dev6"}),
                                               "readings19": frozenset({"dev5", "dev6"}),
                                               "readings26": frozenset({"dev5", "dev6"}),
                                               "readings27": frozenset({"dev5", "dev6"}),
                                               "readings28": frozenset({"dev5", "dev6"}),
                                               "readings29": frozenset({"dev5", "dev6"}),
                                               "readings30": frozenset({"dev5", "dev6"}),
                                               "readings31": frozenset({"dev5", "dev6"}),
                                               "readings32": frozenset({"dev5", "dev6"})}
"""The open splits some readings of each value of ``figures.readings`` were read off (1.6's off dev5, 1.7's off dev5 and
dev6). Every figure the ``fixes`` readings change on dev5 and dev6 comes from a reading read off that split (dev5:
the emphatic zero; dev6: the points in time, emphatic 100%, rates, percent ranges, "at least one of", the counted
"one" pair, "rue", "a couple hundred" and the year rule), so there the held-out readings are ``rules``; for
``general`` this is approximate (its 1.6 readings read off audit A move dev6: see models/figures/HISTORY.md)."""


def held_out_readings(split: str, readings: str) -> str:
    """The readings a held-out score of ``split`` uses: ``readings``, or ``rules`` where they were read off it."""
    return "rules" if split in READINGS_READ_OFF[readings] else readings


NEW_IN_1_9 = CONTEXT_READINGS_1_9
"""The context readings figures 1.9 added (1.8's are shipped: the 1.9 change is judged with them on)."""


def held_out_1_9(split: str, readings: str = "readings19") -> frozenset[str]:
    """The context readings of a held-out score of the 1.9 changes: 1.8's, and those 1.9 readings of ``readings``
    that were not read off ``split``."""
    return CONTEXT_READINGS_1_8 | (held_out_context(split) & NEW_IN_1_9 & CONTEXT_BY_READINGS[readings])


def held_out_stop(split: str, readings: frozenset[str], default: frozenset[str] = CONTEXT_READINGS_1_8
                  ) -> frozenset[str]:
    """The context readings of a held-out score of one stop's change (its ``readings`` on top of the default's
    context readings ``default``, figures 1.8's unless given): ``default``, and those of ``readings`` that were not
    read off ``split``."""
    return default | (held_out_context(split) & readings)


def held_out_s26(split: str) -> frozenset[str]:
    """The context readings of a held-out score of stop 26's change (``readings26`` against the default): 1.8's, and
    those stop-26 readings that were not read off ``split``."""
    return held_out_stop(split, CONTEXT_READINGS_S26)


def held_out_s27(split: str) -> frozenset[str]:
    """The context readings of a held-out score of stop 27's change (``readings27`` against the default): 1.8's, and
    those stop-27 readings that were not read off ``split``."""
    return held_out_stop(split, CONTEXT_READINGS_S27)


def held_out_s28(split: str) -> frozenset[str]:
    """The context readings of a held-out score of stop 28's change (``readings28`` against the default): 1.8's, and
    those stop-28 readings that were not read off ``split``."""
    return held_out_stop(split, CONTEXT_READINGS_S28)


def held_out_context(split: str) -> frozenset[str]:
    """The context readings that were not read off ``split`` (every reading, where none was)."""
    return frozenset(r for r in CONTEXT_READINGS if split not in READ_OFF[r])


def score_split(data_dir: Path, split: str, context: frozenset[str], readings: str = DEFAULT_READINGS,
                scores: str = "rules", annotations: Path = DEFAULT_ANNOTATIONS,
                bounds: list[PrecisionRecallCounts] | None = None,
                ) -> tuple[PrecisionRecallCounts, list[tuple[float, bool]]]:
    """Quantity counts of one split with these context readings, and every figure's (score, right) pair; the
    counts of the eval's "quantity bound" line are appended to ``bounds`` (one per article) when given."""
    analyzer = FiguresAnalyzer()
    counts = PrecisionRecallCounts()
    scored: list[tuple[float, bool]] = []
    for record, article in annotated_articles(annotations / f"{split}.jsonl", data_dir):
        findings = [analyzer.finding(article, q, calibrated_score(article.text, q, scores=scores))
                    for q in extract_quantities(article.text, readings, context)]
        result = score_article(article.text, record, findings, {})
        counts = counts + result.kinds["quantity"]
        scored += result.scored["quantity"]
        if bounds is not None:
            bounds.append(result.attributes["quantity bound"])
    return counts, scored


def _cell(counts: PrecisionRecallCounts, scored: Sequence[tuple[float, bool]]) -> str:
    return (f"{counts.precision:.3f} ({counts.correct}/{counts.predicted}) / {counts.recall:.3f} "
            f"({counts.found}/{counts.gold}) / {calibration(scored).ece:.3f}")


def held_out_s29(split: str) -> frozenset[str]:
    """The context readings of a held-out score of stop 29's change (``readings29`` against the default
    ``readings28``): the default's, and those stop-29 readings that were not read off ``split``."""
    return held_out_stop(split, CONTEXT_READINGS_S29, CONTEXT_BY_READINGS["readings28"])


def held_out_s30(split: str) -> frozenset[str]:
    """The context readings of a held-out score of stop 30's change (``readings30`` against the default
    ``readings28``): the default's, and those stop-30 readings that were not read off ``split``."""
    return held_out_stop(split, CONTEXT_READINGS_S30, CONTEXT_BY_READINGS["readings28"])


def held_out_s31(split: str) -> frozenset[str]:
    """The context readings of a held-out score of stop 31's change (``readings31`` against the default
    ``readings28``): the default's, and those stop-31 readings that were not read off ``split``."""
    return held_out_stop(split, CONTEXT_READINGS_S31, CONTEXT_BY_READINGS["readings28"])


def held_out_s32(split: str) -> frozenset[str]:
    """The context readings of a held-out score of stop 32's change (``readings32`` against the default
    ``readings31``): the default's, and those readings of stops 29, 30 and 32 that were not read off ``split``."""
    return held_out_stop(split, CONTEXT_READINGS_S29 | CONTEXT_READINGS_S30 | CONTEXT_READINGS_S32,
                         CONTEXT_BY_READINGS["readings31"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", required=True, type=Path, help="the ptc-semeval2020-task11 folder")
    parser.add_argument("--readings", choices=READINGS, default=DEFAULT_READINGS)
    parser.add_argument("--scores", choices=SCORES_CHOICES, default="rules")
    args = parser.parse_args(argv)
    start = CONTEXT_READINGS_1_8  # figures 1.8's context readings
    columns: dict[str, Callable[[str], tuple[frozenset[str], str]]] = {
        "1.8 (rules, 1.8's context readings)": lambda s: (start, "rules"),
        "no context reading": lambda s: (frozenset(), args.readings),
        "all (in-sample)": lambda s: (CONTEXT_BY_READINGS[args.readings], args.readings),
        "held out (1.8's context readings too)": lambda s: (
            held_out_context(s) & CONTEXT_BY_READINGS[args.readings], held_out_readings(s, args.readings)),
        "1.9 held out": lambda s: (held_out_1_9(s, args.readings), held_out_readings(s, args.readings)),
    }
    if args.readings == "readings26":
        del columns["1.9 held out"]
        columns["default (fixes)"] = lambda s: (CONTEXT_READINGS_1_8, "fixes")
        columns["default held out"] = lambda s: (CONTEXT_READINGS_1_8, held_out_readings(s, "fixes"))
        columns["readings26 held out"] = lambda s: (held_out_s26(s), held_out_readings(s, "readings26"))
    if args.readings == "readings27":
        del columns["1.9 held out"]
        columns["default (fixes)"] = lambda s: (CONTEXT_READINGS_1_8, "fixes")
        columns["default held out"] = lambda s: (CONTEXT_READINGS_1_8, held_out_readings(s, "fixes"))
        columns["readings27 held out"] = lambda s: (held_out_s27(s), held_out_readings(s, "readings27"))
    if args.readings == "readings28":
        columns = {
            "default (fixes)": lambda s: (CONTEXT_READINGS_1_8, "fixes"),
            "default held out": lambda s: (CONTEXT_READINGS_1_8, held_out_readings(s, "fixes")),
            "readings28 in-sample": lambda s: (CONTEXT_BY_READINGS["readings28"], "readings28"),
            "readings28 held out": lambda s: (held_out_s28(s), held_out_readings(s, "readings28")),
        }
    if args.readings in ("readings29", "readings30", "readings31"):  # a change against the default readings28
        change: str = args.readings
        held_out_change = {"readings29": held_out_s29, "readings30": held_out_s30,
                           "readings31": held_out_s31}[change]
        columns = {
            "default (readings28) held out": lambda s: (CONTEXT_BY_READINGS["readings28"],
                                                        held_out_readings(s, "readings28")),
            f"{change} held out": lambda s: (held_out_change(s), held_out_readings(s, change)),
            f"{change} in-sample": lambda s: (CONTEXT_BY_READINGS[change], change),
        }
    if args.readings == "readings32":  # a change against the default readings31 (figures 1.12)
        columns = {
            "default (readings31) held out": lambda s: (CONTEXT_BY_READINGS["readings31"],
                                                        held_out_readings(s, "readings31")),
            "readings32 held out": lambda s: (held_out_s32(s), held_out_readings(s, "readings32")),
            "readings32 in-sample": lambda s: (CONTEXT_BY_READINGS["readings32"], "readings32"),
        }
    bounds: dict[str, list[PrecisionRecallCounts]] = {name: [] for name in columns}
    table = {name: {split: score_split(args.data, split, *pick(split), args.scores, bounds=bounds[name])
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
    bound_sums = [sum(bounds[name], PrecisionRecallCounts()) for name in columns]
    print("| quantity bound, sum (right/asserted bounds, found/gold bounds) | "
          + " | ".join(f"{b.correct}/{b.predicted}, {b.found}/{b.gold}" for b in bound_sums) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
