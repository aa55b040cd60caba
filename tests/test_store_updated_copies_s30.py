"""User trial s30, problem 5 (issue 15): a republished copy with an updated figure hid it. nl-03 republished three
days later with "More than 10,500" for "More than 9,000" was a copy, so 10,500 appeared nowhere in `figures`.
Now a copy's figure its original does not state is the copy's own mention, marked as from an updated copy in the
table, JSON and CSV; a repeated figure still only adds "also published by". Invented articles, real CLI."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from presslens.cli import main

FAST = ["--only", "figures", "--no-progress"]  # the rule-based analyzer: real analysis, quick
STORY = ("Shelling empties Kessara\n\ndate {day} More than {fled} people have fled Kessara since the shelling "
         "began, the regional governor said on Monday. The town council met in an emergency session and asked "
         "the remaining residents to stay indoors while the shelling continued along the river road. Up to 50 "
         "drones struck the port overnight, the army said in a statement.{added}\n")


def _index(tmp_path: Path, stories: list[tuple[str, str, str, str]]) -> str:
    db = str(tmp_path / "c.db")
    for outlet, day, fled, added in stories:
        folder = tmp_path / outlet
        folder.mkdir()
        (folder / f"{outlet}-01.txt").write_text(STORY.format(day=day, fled=fled, added=added), encoding="utf-8")
        assert main(["index", str(folder), "--source", outlet, "--db", db, *FAST]) == 0
    return db


def test_an_updated_copy_shows_its_new_figure_in_table_json_and_csv(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    db = _index(tmp_path, [("north-ledger", "2025-06-20", "9,000", ""),
                           ("news-roundup", "2025-06-23", "10,500", " Police detained 12 protesters in the square.")])
    capsys.readouterr()
    assert main(["db", "info", "--db", db]) == 0
    assert "republished" in capsys.readouterr().out  # still stored as a copy
    assert main(["figures", "--db", db, "--min-articles", "1"]) == 0
    table = capsys.readouterr().out
    lines = table.splitlines()
    at = next(i for i, x in enumerate(lines) if "2025-06-23  news-roundup" in x and "'More than 10,500 people'" in x)
    assert lines[at + 1].strip() == "from an updated copy of 'north-ledger-01: Shelling empties Kessara'"
    nine = next(i for i, x in enumerate(lines) if "2025-06-20  north-ledger" in x and "'More than 9,000 people'" in x)
    # news-roundup changed 9,000: it is not listed as having published it; the two are one measured thing
    assert "also published by" not in lines[nine + 1] and at == nine + 1
    drones = next(i for i, x in enumerate(lines) if "'Up to 50 drones'" in x)
    assert lines[drones + 1].strip() == "also published by: news-roundup (2025-06-23)"
    assert "12 protesters" in table  # the added figure is kept too
    assert main(["figures", "--db", db, "--min-articles", "1", "-f", "json"]) == 0
    mentions = [m for g in json.loads(capsys.readouterr().out) for m in g["mentions"]]
    updated = {m["text"]: m for m in mentions if m["updated_copy_of"]}
    assert set(updated) == {"More than 10,500 people", "12 protesters"}
    assert {m["source"] for m in updated.values()} == {"news-roundup"}
    assert {str(m["date"]) for m in updated.values()} == {"2025-06-23"}
    original = next(m for m in mentions if m["text"] == "More than 9,000 people")
    assert original["updated_copy_of"] is None and original["also_published_by"] == []
    assert updated["More than 10,500 people"]["updated_copy_of"] == original["article_id"]
    assert main(["figures", "--db", db, "--min-articles", "1", "-f", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {r["text"]: r["updated_copy_of"] for r in rows} == {
        "More than 9,000 people": "", "Up to 50 drones": "", "More than 10,500 people": original["article_id"],
        "12 protesters": original["article_id"]}


def test_a_copy_with_the_same_figures_adds_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _index(tmp_path, [("north-ledger", "2025-06-20", "9,000", ""),
                           ("news-roundup", "2025-06-23", "9,000", " Republished with permission.")])
    capsys.readouterr()
    assert main(["figures", "--db", db, "--min-articles", "1", "-f", "json"]) == 0
    mentions = [m for g in json.loads(capsys.readouterr().out) for m in g["mentions"]]
    assert [m["source"] for m in mentions] == ["north-ledger", "north-ledger"]
    assert all(m["updated_copy_of"] is None for m in mentions)
    assert all([c["source"] for c in m["also_published_by"]] == ["news-roundup"] for m in mentions)
