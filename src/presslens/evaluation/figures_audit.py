"""Counts of an audit of the figures analyzer on unlabelled text (issue 13's audits A and B).

An audit's verdicts are one engineer's judgments, not gold. They are kept stand-off, one JSON object per line::

    {"file": "NAME.txt", "start": 10, "end": 20, "label": "percent", "verdict": "right" | "wrong" | "missed"}

``right`` / ``wrong`` judge an asserted figure (score >= 0.5, dates and ordinals left out) by its span; ``missed``
marks a number expression that should be a figure. Given a ``presslens analyze --only figures -f jsonl`` report of
the audit's files, this prints the asserted figures, the wrong ones, the missed ones (a ``missed`` row that no right
asserted figure overlaps), precision and recall::

    python -m presslens.evaluation.figures_audit REPORTS.jsonl VERDICTS.jsonl [--run RUN]

Verdicts on other kinds (``kind`` other than "quantity") are left out; ``--run`` counts one run of a file that
holds several (the verdicts' ``run`` field, e.g. "before" and "after").

Every asserted figure must have a verdict (an unjudged one is an error), so a report of changed code cannot be
counted against verdicts that never saw its figures.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

ASSERTED = 0.5
NOT_COUNTED = frozenset({"date", "ordinal"})


@dataclass(frozen=True)
class AuditCounts:
    asserted: int
    wrong: int
    missed: int

    @property
    def precision(self) -> float:
        return (self.asserted - self.wrong) / self.asserted if self.asserted else 0.0

    @property
    def recall(self) -> float:
        right = self.asserted - self.wrong
        return right / (right + self.missed) if right + self.missed else 0.0


def asserted_figures(report_lines: list[str]) -> dict[str, list[tuple[int, int, str]]]:
    """File name -> (start, end, label) of each asserted figure of a jsonl report (dates and ordinals left out)."""
    out: dict[str, list[tuple[int, int, str]]] = {}
    for line in report_lines:
        if not line.strip():
            continue
        report = json.loads(line)
        name = Path(report["article"]["origin"]).name
        out[name] = [(f["start"], f["end"], f["label"]) for f in report["findings"]
                     if f["kind"] == "quantity" and f["score"] >= ASSERTED and f["label"] not in NOT_COUNTED]
    return out


def figure_verdicts(verdicts: list[dict[str, object]], run: str | None = None) -> list[dict[str, object]]:
    """The verdicts on figures (``kind`` "quantity", or no kind, as before stop 26) of ``run`` (all when None)."""
    return [v for v in verdicts if v.get("kind", "quantity") == "quantity" and (run is None or v.get("run") == run)]


def count(figures: dict[str, list[tuple[int, int, str]]], verdicts: list[dict[str, object]]) -> AuditCounts:
    """The audit counts of ``figures`` (:func:`asserted_figures`) against ``verdicts``."""
    judged = {(str(v["file"]), v["start"], v["end"]): str(v["verdict"]) for v in verdicts if v["verdict"] != "missed"}
    asserted = wrong = 0
    right: dict[str, list[tuple[int, int]]] = {}
    for name, rows in figures.items():
        for start, end, _label in rows:
            verdict = judged.get((name, start, end))
            if verdict is None:
                raise ValueError(f"no verdict for the figure {name} {start}-{end}")
            asserted += 1
            if verdict == "wrong":
                wrong += 1
            else:
                right.setdefault(name, []).append((start, end))
    missed = sum(1 for v in verdicts if v["verdict"] == "missed" and str(v["file"]) in figures
                 and not any(s < int(str(v["end"])) and int(str(v["start"])) < e for s, e in right.get(str(v["file"]), [])))
    return AuditCounts(asserted, wrong, missed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("report", type=Path, help="presslens analyze --only figures -f jsonl output")
    parser.add_argument("verdicts", type=Path, help="stand-off verdicts (jsonl)")
    parser.add_argument("--run", help="count only the verdicts of this run (the verdicts' optional 'run' field)")
    args = parser.parse_args(argv)
    figures = asserted_figures(args.report.read_text(encoding="utf-8").splitlines())
    verdicts = [json.loads(line) for line in args.verdicts.read_text(encoding="utf-8").splitlines() if line.strip()]
    verdicts = figure_verdicts(verdicts, args.run)
    c = count(figures, verdicts)
    print(f"{len(figures)} files: {c.asserted} asserted, {c.wrong} wrong, {c.missed} missed; "
          f"P {c.precision:.3f}, R {c.recall:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
