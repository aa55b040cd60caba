"""The sums a figure-group keep rule reads (docs/decisions/figure-groups-s*.md), from the fold rows that
``presslens eval figure-groups --loso-stories --loso-methods ...`` prints as each fold is scored.

``python -m presslens.evaluation.figure_keep_rule LOG [LOG ...] --without test_v16,test_v17,test_v18`` reads every
line ``  fold STORY METHOD: B3 F1 x, merged a/b, found c/d, false e`` of the logs (a run split over several
processes gives one log each) and prints, per method, over all folds and over the folds not named by
``--without`` (the in-sample ones): the number of folds, the B-cubed F1 sum, distractors merged, planted conflicts
found / planted, false conflicts and the conflict F0.5 = 1.25 P R / (0.25 P + R), with P = found / (found + false)
and R = found / planted over the summed rows."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

FOLD = re.compile(r"^\s*fold (?P<story>\S+) (?P<method>\S+): B3 F1 (?P<f1>[0-9.]+), merged (?P<merged>\d+)/(?P<distractors>\d+), "
                  r"found (?P<found>\d+)/(?P<planted>\d+), false (?P<false>\d+)\s*$")


@dataclass(frozen=True)
class FoldRow:
    story: str
    method: str
    f1: float
    merged: int
    distractors: int
    found: int
    planted: int
    false: int


def read_folds(lines: Iterable[str]) -> list[FoldRow]:
    """The fold rows of a run's output (other lines are skipped)."""
    out = []
    for line in lines:
        m = FOLD.match(line)
        if m:
            out.append(FoldRow(m["story"], m["method"], float(m["f1"]), int(m["merged"]), int(m["distractors"]),
                               int(m["found"]), int(m["planted"]), int(m["false"])))
    return out


def f_half(found: int, false: int, planted: int) -> float:
    """Conflict F0.5 of summed rows (0 when nothing is found)."""
    if found == 0:
        return 0.0
    p, r = found / (found + false), found / planted
    return 1.25 * p * r / (0.25 * p + r)


def sums(rows: Sequence[FoldRow], method: str, without: Iterable[str] = ()) -> dict[str, float]:
    """One method's sums over its folds, leaving out the stories of ``without``."""
    skip = set(without)
    mine = [r for r in rows if r.method == method and r.story not in skip]
    found, false, planted = (sum(r.found for r in mine), sum(r.false for r in mine), sum(r.planted for r in mine))
    return {"folds": len(mine), "f1_sum": round(sum(r.f1 for r in mine), 3), "merged": sum(r.merged for r in mine),
            "distractors": sum(r.distractors for r in mine), "found": found, "planted": planted, "false": false,
            "f05": round(f_half(found, false, planted), 3)}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m presslens.evaluation.figure_keep_rule",
                                     description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("logs", nargs="+", type=Path)
    parser.add_argument("--without", default="", help="comma-separated stories left out of the second sums")
    args = parser.parse_args(argv)
    rows = [r for log in args.logs for r in read_folds(log.read_text(encoding="utf-8").splitlines())]
    without = [s.strip() for s in args.without.split(",") if s.strip()]
    print("| method | folds | B3 F1 sum | distractors merged | found / planted | false | conflict F0.5 |")
    print("|---|---|---|---|---|---|---|")
    for method in dict.fromkeys(r.method for r in rows):
        for label, leave in (("all", []), (f"without {','.join(without)}", without)) if without else (("all", []),):
            s = sums(rows, method, leave)
            print(f"| {method} ({label}) | {s['folds']} | {s['f1_sum']:.3f} | {s['merged']}/{s['distractors']} | "
                  f"{s['found']}/{s['planted']} | {s['false']} | {s['f05']:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
