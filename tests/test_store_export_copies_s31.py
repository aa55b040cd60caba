"""User trial s31: ``presslens export --what quantities|findings`` wrote a republished copy's findings like any
other article's, with nothing to tell them from the original's, so a spreadsheet of the export counted a wire
story and its copy as two reports of each figure. Each row now names the article its article copies
(``duplicate_of``, empty for an original). Invented articles, real CLI."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from presslens.cli import main
from tests.test_store_updated_copies_s30 import _index


def test_export_marks_the_findings_of_a_republished_copy(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    db = _index(tmp_path, [("wire-nine", "2025-04-10", "11,000", ""),
                           ("morning-digest", "2025-04-13", "11,000", " Republished with permission.")])
    assert main(["export", "--what", "articles", "-f", "jsonl", "-o", str(tmp_path / "a.jsonl"), "--db", db]) == 0
    articles = {a["source"]: a for a in map(json.loads, (tmp_path / "a.jsonl").read_text().splitlines())}
    original = articles["wire-nine"]["id"]
    assert articles["morning-digest"]["duplicate_of"] == original  # the store did link them
    assert main(["export", "--what", "quantities", "-f", "csv", "-o", str(tmp_path / "q.csv"), "--db", db]) == 0
    with (tmp_path / "q.csv").open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    by_source = {s: [r for r in rows if r["source"] == s] for s in ("wire-nine", "morning-digest")}
    assert by_source["wire-nine"] and by_source["morning-digest"]
    assert {r["duplicate_of"] for r in by_source["wire-nine"]} == {""}
    assert {r["duplicate_of"] for r in by_source["morning-digest"]} == {original}
    assert main(["export", "--what", "findings", "-f", "jsonl", "-o", str(tmp_path / "f.jsonl"), "--db", db]) == 0
    findings = [json.loads(x) for x in (tmp_path / "f.jsonl").read_text().splitlines()]
    assert {f["duplicate_of"] for f in findings if f["source"] == "morning-digest"} == {original}
    assert {f["duplicate_of"] for f in findings if f["source"] == "wire-nine"} == {None}
    capsys.readouterr()
