"""``presslens eval claims`` prints the CT24 dev-test calibration error beside F1 (s32, helper claims20: the gold
clause of the ship rule asks that a benchmark's calibration error not get worse)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest

from presslens.evaluation.claims import _metrics


@dataclass
class _Sentence:
    label: int
    group: str = "g"


def test_metrics_report_the_dev_test_calibration_error_of_the_scores() -> None:
    labels = [1, 1, 0, 0, 1, 0, 0, 0]
    sets = {name: [_Sentence(y) for y in labels] for name in ("dev", "dev-test", "ct20-test")}
    calibrated = np.asarray([0.95, 0.95, 0.05, 0.05, 0.95, 0.05, 0.05, 0.05])
    overconfident = np.asarray([0.95, 0.95, 0.95, 0.05, 0.95, 0.95, 0.05, 0.05])
    good = _metrics(sets, {name: calibrated for name in sets}, 0.5)
    bad = _metrics(sets, {name: overconfident for name in sets}, 0.5)
    assert good["ece"] == pytest.approx(0.05)  # every bin's mean score is 0.05 from its share of positives
    # two negatives scored 0.95: the top bin holds 3 positives of 5 (gap 0.35, weight 5/8), the low bin 0 of 3 (0.05)
    assert bad["ece"] == pytest.approx(0.35 * 5 / 8 + 0.05 * 3 / 8)
    assert good["f1"] == pytest.approx(1.0) and bad["f1"] < good["f1"]
