"""User trial s30: "also published by" listed the copies in indexing order, not by date; `export --what
quantities` left `bound` empty where `figures` says `exact` or `range`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from presslens.cli import main

FAST = ["--only", "figures", "--no-progress"]  # the rule-based analyzer: real analysis, quick
TEXT = ("date {day} About 4,000 civilians left Kessara through the humanitarian corridor on its first day, the UN "
        "refugee agency said. Aid officials said 37 aid trucks entered the town before the corridor closed at "
        "dusk.\n")


def test_copies_are_listed_by_date_in_table_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "c.db")
    # the original first, then copies indexed late-dated first
    for outlet, day in (("north-ledger", "2025-06-09"), ("late-digest", "2025-06-20"), ("undated-blog", None),
                        ("news-roundup", "2025-06-10")):
        folder = tmp_path / outlet
        folder.mkdir()
        body = TEXT.format(day=day) if day else TEXT.split(" ", 2)[2]
        (folder / "a.txt").write_text(f"Corridor opens near Kessara\n\n{body}", encoding="utf-8")
        assert main(["index", str(folder), "--source", outlet, "--db", db, *FAST]) == 0
    capsys.readouterr()
    assert main(["figures", "--db", db, "--min-articles", "1"]) == 0
    lines = [x.strip() for x in capsys.readouterr().out.splitlines() if "also published by" in x]
    assert lines and all(x == "also published by: news-roundup (2025-06-10), late-digest (2025-06-20), undated-blog (undated)"
                         for x in lines), lines
    assert main(["figures", "--db", db, "--min-articles", "1", "-f", "json"]) == 0
    groups = json.loads(capsys.readouterr().out)
    listed = [[c["source"] for c in m["also_published_by"]] for g in groups for m in g["mentions"]
              if m.get("also_published_by")]
    assert listed and all(x == ["news-roundup", "late-digest", "undated-blog"] for x in listed), listed


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_export_quantities_bound_is_the_word_figures_shows(tmp_path: Path, fmt: str) -> None:
    """s30: ``export --what quantities`` left ``bound`` empty for "64 people" and "Between 11,000 and 12,000
    civilians" while ``figures`` (and its CSV since s29) says ``exact`` and ``range``."""
    import csv

    folder = tmp_path / "wire"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Kessara detentions\n\ndate 2025-06-10 Police said 64 people were detained in Kessara. Between 11,000 and "
        "12,000 civilians have left through the corridor. More than 300 people have been detained since the "
        "curfew began.\n", encoding="utf-8")
    db = str(tmp_path / "c.db")
    assert main(["index", str(folder), "--source", "wire", "--db", db, *FAST]) == 0
    out = tmp_path / f"q.{fmt}"
    assert main(["export", "--what", "quantities", "-o", str(out), "--db", db]) == 0
    if fmt == "csv":
        rows = {r["text"]: r["bound"] for r in csv.DictReader(out.open(encoding="utf-8"))}
    else:
        rows = {r["text"]: r["bound"] for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert rows["64 people"] == "exact"
    assert rows["Between 11,000 and 12,000 civilians"] == "range"
    assert rows["More than 300 people"] == "lower"


def test_same_day_conflict_reads_in_timeline_order(monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """s30: the trucks timeline listed north-ledger's 37 first, its conflict line read "coast-radio '12 aid
    trucks' ... vs north-ledger '37 aid trucks'"; conflicts are also listed in timeline order."""
    from types import SimpleNamespace

    from presslens.store import cli as store_cli
    from tests.test_cli_figures_table import figures_output, mention

    monkeypatch.setattr(store_cli, "article_names", lambda conn, keys: {})  # the mocked view reads no store

    a = mention("37 aid trucks", 37, 37, 37, "exact", "north-ledger", 9)
    b = mention("12 aid trucks", 12, 12, 12, "exact", "coast-radio", 9)
    b.id, b.article_id = "b9:0-13", "b9"
    c = mention("60 aid trucks", 60, 60, 60, "exact", "capital-wire", 12)
    group = SimpleNamespace(
        group_id="g1", label="N aid trucks entered the town", measure="count", unit="aid trucks",
        mentions=[a, b, c], sources=["capital-wire", "coast-radio", "north-ledger"], first=a, latest=c, lowest=b,
        highest=c, also_published_by={}, conflicts_between=[],
        conflicts=[SimpleNamespace(first=c, second=b, days_apart=3), SimpleNamespace(first=b, second=a, days_apart=0)])
    out = figures_output(group, "table", monkeypatch, capsys)
    lines = [x.strip() for x in out.splitlines() if x.strip().startswith("CONFLICT")]
    assert len(lines) == 2, out
    assert lines[0].index("'37 aid trucks'") < lines[0].index("'12 aid trucks'"), lines
    assert lines[1].index("'12 aid trucks'") < lines[1].index("'60 aid trucks'"), lines
    timeline = [x for x in out.splitlines() if x.startswith("    2025-")]
    assert [t.split("'")[1] for t in timeline] == ["37 aid trucks", "12 aid trucks", "60 aid trucks"]
