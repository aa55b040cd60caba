from __future__ import annotations

import json
from pathlib import Path

from presslens.training.attribution_rules_judge import judge


def _write(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _rows(drop_wrong_in: str | None = None) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for split in ("dev", "dev2", "dev3"):
        for k in range(12):
            right = k % 3 != 0
            if drop_wrong_in == split and not right and k == 3:
                continue  # the new rules remove one confident wrong candidate of this split
            strong = 0.95 if k < 9 else 0.05
            rows.append({"split": split, "id": f"{split}-{k}", "inp": [strong, 1.0, 0.0, 0.0, 0.0],
                         "right": right, "matched": [f"{split}-{k}:0"] if right else []})
        rows.append({"split": split, "id": f"{split}-gold", "gold": 8})
    return rows


def test_identical_rows_judge_equal_and_a_removed_wrong_row_raises_held_out_precision(tmp_path: Path) -> None:
    old = _write(tmp_path / "old.jsonl", _rows())
    same = judge(old, _write(tmp_path / "same.jsonl", _rows()), set())
    assert same["old"] == same["new"]
    better = judge(old, _write(tmp_path / "new.jsonl", _rows(drop_wrong_in="dev2")), set())
    assert better["new"][0] > better["old"][0] and better["new"][1] == better["old"][1]
    in_sample = judge(old, _write(tmp_path / "new2.jsonl", _rows(drop_wrong_in="dev2")), {"dev2"})
    assert in_sample["new"] == in_sample["old"]  # the only split it moves is in-sample: no held-out gain
