"""bench/compare_reports.py: equal apart from ids, provenance and version; any other change is a difference."""

from __future__ import annotations

import copy
import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.report_fixtures import sample_report

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def compare() -> ModuleType:
    spec = importlib.util.spec_from_file_location("compare_reports", ROOT / "bench" / "compare_reports.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _write_jsonl(path: Path, items: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    return path


def _as_version_1(d: dict[str, Any]) -> dict[str, Any]:
    old = copy.deepcopy(d)
    old["schema_version"] = "1.0"
    del old["provenance"], old["article"]["content_id"]
    for f in old["findings"]:
        del f["id"]
    return old


def test_ids_provenance_and_version_are_ignored(
    compare: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = sample_report().to_dict()
    error = {"schema_version": "1.0", "error": {"origin": "x.txt", "line": None, "message": "empty file"}}
    a = _write_jsonl(tmp_path / "a.jsonl", [_as_version_1(d), error])
    folder = tmp_path / "b"
    folder.mkdir()
    _write_jsonl(folder / "b.jsonl", [d, dict(error, schema_version="2.0")])
    assert compare.main([str(a), str(folder)]) == 0
    out = capsys.readouterr().out
    assert "articles compared: 1" in out and f"findings equal: {len(d['findings'])} of {len(d['findings'])}" in out
    assert "EQUAL" in out


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d["findings"][0].__setitem__("score", 0.1234), "only in B"),
        (lambda d: d["findings"].pop(), "only in A"),
        (lambda d: d["labels"]["violence"].__setitem__("score", 0.5), "labels.violence"),
        (lambda d: d["article"].__setitem__("origin", "elsewhere.txt"), "only in"),
    ],
    ids=["score", "missing-finding", "label", "other-article"],
)
def test_any_other_change_is_reported_and_fails(
    compare: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str], mutate: Any, expected: str
) -> None:
    d = sample_report().to_dict()
    changed = copy.deepcopy(d)
    mutate(changed)
    a = _write_jsonl(tmp_path / "a.jsonl", [d])
    b = _write_jsonl(tmp_path / "b.jsonl", [changed])
    assert compare.main([str(a), str(b)]) == 1
    out = capsys.readouterr().out
    assert "DIFFERENT" in out and expected in out
