"""presslens.evaluation.figures_audit counts the figure verdicts of one run and leaves other kinds out."""

from __future__ import annotations

import json

from presslens.evaluation.figures_audit import asserted_figures, count, figure_verdicts


def _report(name: str, figures: list[tuple[int, int, str, float]]) -> str:
    return json.dumps({"article": {"origin": f"/x/{name}"}, "findings": [
        {"kind": "quantity", "start": s, "end": e, "label": label, "score": score} for s, e, label, score in figures]})


def test_one_run_of_a_file_with_two_is_counted_and_other_kinds_are_left_out() -> None:
    verdicts: list[dict[str, object]] = [
        {"file": "a.txt", "start": 0, "end": 5, "kind": "quantity", "label": "count", "verdict": "wrong", "run": "before"},
        {"file": "a.txt", "start": 10, "end": 14, "kind": "quantity", "label": "count", "verdict": "missed", "run": "before"},
        {"file": "a.txt", "start": 10, "end": 14, "kind": "quantity", "label": "count", "verdict": "right", "run": "after"},
        {"file": "a.txt", "start": 0, "end": 40, "kind": "sentence", "label": "propaganda", "verdict": "missed", "run": "after"},
    ]
    before = count(asserted_figures([_report("a.txt", [(0, 5, "count", 0.9), (20, 24, "date", 0.9)])]),
                   figure_verdicts(verdicts, "before"))
    after = count(asserted_figures([_report("a.txt", [(10, 14, "count", 0.9), (0, 5, "count", 0.3)])]),
                  figure_verdicts(verdicts, "after"))
    assert (before.asserted, before.wrong, before.missed) == (1, 1, 1)
    assert (after.asserted, after.wrong, after.missed) == (1, 0, 0)
    assert len(figure_verdicts(verdicts)) == 3
