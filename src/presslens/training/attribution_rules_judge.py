"""Judge an attribution rule change held out while the calibration stays fitted on the old rules (stop 25).

The ship rule of issue 13 for "new rules + the calibration fitted on the old rules": for each open split, fit the
calibration on the old rules' rows of the other splits, then score the held-out split's old rows (the baseline)
and its new rows (the change) -- :func:`presslens.training.attribution.leave_one_split_out` with a second table.
Two steps, the first once per source tree::

    PYTHONPATH=OLD/src python -m presslens.training.attribution_rules_judge dump --data PTC OLD.json
    PYTHONPATH=NEW/src python -m presslens.training.attribution_rules_judge dump --data PTC NEW.json
    python -m presslens.training.attribution_rules_judge judge OLD.json NEW.json --in-sample dev8 [--fit FIT.json]

``dump`` writes the tree's :func:`~presslens.training.attribution.calibration_table` over the open splits as JSON
(article ids, calibration inputs, right or wrong, matched gold ids, gold counts; no text). ``judge`` prints each
split's held-out P / R for both and the sums over the splits not named in ``--in-sample`` (splits the new rules
were read off).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from presslens.training.attribution import CalibrationTable, calibration_table, leave_one_split_out


def dump(data: Path, out: Path) -> None:
    """The calibration table of this tree's rules over the open splits, as JSON."""
    from presslens.evaluation.realnews_selection import OPEN_SPLITS

    table = calibration_table(data, ",".join(OPEN_SPLITS))
    out.write_text(json.dumps({"rows": [[i, [float(v) for v in f], bool(r)] for i, f, r in table.rows],
                               "splits": table.splits, "matched": table.matched, "gold": table.gold}),
                   encoding="utf-8")


def load(path: Path) -> CalibrationTable:
    raw = json.loads(path.read_text(encoding="utf-8"))
    return CalibrationTable([(i, tuple(f), r) for i, f, r in raw["rows"]], raw["splits"], raw["matched"], raw["gold"])


def judge(
    old: CalibrationTable, new: CalibrationTable, in_sample: set[str], fit: CalibrationTable | None = None
) -> dict[str, tuple[float, float]]:
    """Held-out P / R sums (splits outside ``in_sample``) of the old rows and of the new rows, each split scored with
    the calibration fitted on the old rows of the other splits (on ``fit``'s rows when given: the rows the shipped
    calibration is fitted on, when those are an older tree's than ``old``); prints one line per split."""
    sums = {"old": [0.0, 0.0], "new": [0.0, 0.0]}
    fitted = old if fit is None else fit
    for (split, _, a), (_, _, b) in zip(leave_one_split_out(fitted, old), leave_one_split_out(fitted, new), strict=True):
        parts = []
        for name, c in (("old", a), ("new", b)):
            if split not in in_sample:
                sums[name][0] += c.precision or 0.0
                sums[name][1] += c.recall or 0.0
            parts.append(f"{name} {c.precision or 0:.3f} ({c.correct}/{c.predicted}) / {c.recall or 0:.3f} "
                         f"({c.found}/{c.gold})")
        print(split, " | ".join(parts), "(in-sample: not summed)" if split in in_sample else "")
    result = {k: (round(v[0], 3), round(v[1], 3)) for k, v in sums.items()}
    print("held-out sums (P, R):", result)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--data", required=True, type=Path, help="the ptc-semeval2020-task11 folder")
    d.add_argument("out", type=Path)
    j = sub.add_parser("judge")
    j.add_argument("old", type=Path)
    j.add_argument("new", type=Path)
    j.add_argument("--in-sample", default="", help="comma-separated splits the new rules were read off")
    j.add_argument("--fit", type=Path, default=None,
                   help="the dump whose rows the calibration is fitted on (default: OLD); analyzer 2.9 fits on the "
                   "rows of 2.7's rules and judges 2.8 (OLD) against 2.9 (NEW)")
    args = parser.parse_args(argv)
    if args.command == "dump":
        dump(args.data, args.out)
    else:
        judge(load(args.old), load(args.new), {s for s in args.in_sample.split(",") if s},
              load(args.fit) if args.fit else None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
