"""User trial s31 (issue 15): a figure of an updated copy said it came "from an updated copy of 'ID: TITLE'" in
the table, but neither the table nor the CSV said which of the original's figures it stands in place of (only
the JSON's ``updates`` did). Invented articles, real CLI."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from presslens.cli import main
from tests.test_store_updated_copies_s30 import _index


def test_an_updated_figure_names_what_it_replaced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _index(tmp_path, [("wire-nine", "2025-04-10", "11,000", ""),
                           ("morning-digest", "2025-04-13", "12,500", " Police detained 12 protesters.")])
    capsys.readouterr()
    assert main(["figures", "--db", db, "--min-articles", "1", "-f", "json"]) == 0
    mentions = {m["text"]: m for g in json.loads(capsys.readouterr().out) for m in g["mentions"]}
    old, new = mentions["More than 11,000 people"], mentions["More than 12,500 people"]
    assert new["updates"] == old["id"] and mentions["12 protesters"]["updates"] is None
    assert main(["figures", "--db", db, "--min-articles", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    at = next(i for i, x in enumerate(lines) if "2025-04-13  morning-digest" in x and "'More than 12,500 people'" in x)
    assert lines[at + 1].strip().startswith("from an updated copy of 'wire-nine-01:")
    assert lines[at + 2].strip() == "in place of 'More than 11,000 people' (wire-nine, 2025-04-10)"
    assert sum("in place of" in x for x in lines) == 1  # an added figure replaces nothing
    assert main(["figures", "--db", db, "--min-articles", "1", "-f", "csv"]) == 0
    rows = {r["text"]: r for r in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    assert rows["More than 12,500 people"]["updates"] == old["id"]
    assert rows["More than 11,000 people"]["updates"] == "" and rows["12 protesters"]["updates"] == ""
