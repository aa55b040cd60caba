from __future__ import annotations

from presslens.training.attribution import CalibrationTable
from presslens.training.attribution_rules_judge import judge


def _table(drop_wrong_in: str | None = None) -> CalibrationTable:
    table = CalibrationTable([], [], [], {})
    for split in ("dev", "dev2", "dev3"):
        for k in range(12):
            right = k % 3 != 0
            if drop_wrong_in == split and not right and k == 3:
                continue  # the new rules remove one confident wrong candidate of this split
            raw = 0.95 if k < 9 else 0.05
            table.rows.append((f"{split}-{k}", (raw, True, False, False, False), right))
            table.splits.append(split)
            table.matched.append([f"{split}-{k}:0"] if right else [])
        table.gold[split] = 8
    return table


def test_identical_rows_judge_equal_and_a_removed_wrong_row_raises_held_out_precision() -> None:
    same = judge(_table(), _table(), set())
    assert same["old"] == same["new"]
    better = judge(_table(), _table(drop_wrong_in="dev2"), set())
    assert better["new"][0] > better["old"][0] and better["new"][1] == better["old"][1]
    in_sample = judge(_table(), _table(drop_wrong_in="dev2"), {"dev2"})
    assert in_sample["new"] == in_sample["old"]  # the only split it moves is in-sample: no held-out gain


def test_the_calibration_can_be_fitted_on_a_third_tree_rows() -> None:
    old, new = _table(), _table(drop_wrong_in="dev3")
    assert judge(old, new, set(), fit=old) == judge(old, new, set())  # fitting on OLD's rows is the default
    fitted_apart = judge(old, new, set(), fit=_table(drop_wrong_in="dev2"))
    assert fitted_apart["new"][0] > fitted_apart["old"][0]  # the wrong row left dev3 under the third tree's fit
    assert fitted_apart["new"][1] == fitted_apart["old"][1]
