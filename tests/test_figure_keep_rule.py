"""The keep-rule sums read from the fold rows of a leave-one-story-out run (our own made-up rows)."""

from __future__ import annotations

from pathlib import Path

import pytest

from presslens.evaluation.figure_keep_rule import f_half, main, read_folds, sums

LOG = """held out dev (fitted on ...): pair-model threshold by f1 0.2
  fold dev general-f1+values-agree-f05: B3 F1 0.900, merged 2/50, found 3/10, false 1
  fold dev general-f1+values-agree-f05+person-near: B3 F1 0.900, merged 2/50, found 4/10, false 3
  fold test_v18 general-f1+values-agree-f05: B3 F1 0.800, merged 1/40, found 1/5, false 0
  fold test_v18 general-f1+values-agree-f05+person-near: B3 F1 0.800, merged 1/40, found 5/5, false 0
| general-f1+values-agree-f05 | dev | 0.9 | ... not a fold line
"""


def test_sums_with_and_without_the_in_sample_folds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = read_folds(LOG.splitlines())
    assert len(rows) == 4
    base = sums(rows, "general-f1+values-agree-f05")
    assert (base["folds"], base["f1_sum"], base["merged"], base["found"], base["planted"], base["false"]) == \
        (2, 1.7, 3, 4, 15, 1)
    out = sums(rows, "general-f1+values-agree-f05+person-near", ["test_v18"])
    assert (out["folds"], out["found"], out["planted"], out["false"]) == (1, 4, 10, 3)
    # F0.5 of P = 4/7, R = 4/10
    p, r = 4 / 7, 0.4
    assert out["f05"] == round(1.25 * p * r / (0.25 * p + r), 3)
    assert f_half(0, 5, 10) == 0.0
    log = tmp_path / "a.log"
    log.write_text(LOG, encoding="utf-8")
    assert main([str(log), "--without", "test_v18"]) == 0
    printed = capsys.readouterr().out
    assert "| general-f1+values-agree-f05+person-near (without test_v18) | 1 | 0.900 | 2/50 | 4/10 | 3 |" in printed
