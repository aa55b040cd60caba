"""User trial s32 (issue 15): ``export --what quantities`` marks every row of a republished copy with
``duplicate_of`` (s31), so a spreadsheet that drops copies to count reports also dropped the figure an updated
copy changed (12,500 for 11,000), which ``figures`` lists as the copy's own. The export now says which copy rows
are such figures: ``updated_copy_of`` (the original's key, as in ``figures -f csv``), empty for a figure the copy
repeats. Invented articles, real CLI."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from presslens.cli import main
from tests.test_store_updated_copies_s30 import _index


def test_quantity_export_tells_a_copys_own_figures_from_repeated_ones(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _index(tmp_path, [("wire-nine", "2025-04-10", "11,000", ""),
                           ("morning-digest", "2025-04-13", "12,500", " Police detained 12 protesters.")])
    out = tmp_path / "q.csv"
    assert main(["export", "--what", "quantities", "--db", db, "-o", str(out), "--format", "csv"]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    by = {(r["source"], r["text"]): r for r in rows}
    original = by[("wire-nine", "More than 11,000 people")]
    key = original["article_id"]
    assert original["duplicate_of"] == "" and original["updated_copy_of"] == ""
    assert by[("wire-nine", "Up to 50 drones")]["updated_copy_of"] == ""
    repeated = by[("morning-digest", "Up to 50 drones")]
    assert repeated["duplicate_of"] == key and repeated["updated_copy_of"] == ""
    for own in ("More than 12,500 people", "12 protesters"):
        assert by[("morning-digest", own)]["duplicate_of"] == key
        assert by[("morning-digest", own)]["updated_copy_of"] == key
    # the same rows as `figures` marks (its CSV and JSON updated_copy_of)
    capsys.readouterr()
    assert main(["figures", "--db", db, "--min-articles", "1", "-f", "json"]) == 0
    marked = {m["text"] for g in json.loads(capsys.readouterr().out) for m in g["mentions"] if m["updated_copy_of"]}
    assert marked == {r["text"] for r in rows if r["updated_copy_of"]}
    jl = tmp_path / "q.jsonl"
    assert main(["export", "--what", "quantities", "--db", db, "-o", str(jl), "--format", "jsonl"]) == 0
    lines = [json.loads(x) for x in jl.read_text(encoding="utf-8").splitlines()]
    assert {x["text"] for x in lines if x["updated_copy_of"] == key} == marked
