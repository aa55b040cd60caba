"""User trial s26 (docs/trials/usertrial-s26.md), the CLI and store side: a folder of plain-text files per outlet
gets its outlet with ``index --source``, ``search`` names the user's article, and ``figures`` never prints the
middle of a vague amount as a value someone stated."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from presslens.cli import main
from presslens.store import cli as store_cli
from presslens.store import open_store
from tests.test_cli_figures_table import figures_output, mention

FAST = ["--only", "figures", "--no-progress"]  # the rule-based analyzer: real analysis, quick

ARTICLES = {
    "kyiv/kd-01.txt": "Exodus continues\n\ndate 2022-09-25 More than 100,000 men have left Russia since 21 September.",
    "state/sw-01.txt": "Ministry: no exodus\n\ndate 2022-09-29 Only 70,000 men have left the country since 21 "
                       "September.",
}


@pytest.fixture
def folders(tmp_path: Path) -> Path:
    for name, text in ARTICLES.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n", encoding="utf-8")
    (tmp_path / "wire.jsonl").write_text(json.dumps({
        "id": "w1", "source": "Border Watch", "date": "2022-10-01", "title": "Queues",
        "text": "About 260,000 men have left Russia since 21 September."}) + "\n", encoding="utf-8")
    return tmp_path


def _sources(db: str) -> dict[str, str | None]:
    from sqlalchemy import text

    with open_store(db) as store, store.reading() as conn:
        return {g: s for g, s in conn.execute(text("SELECT given_id, source FROM articles"))}


def test_index_source_names_the_outlet_of_plain_text(folders: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # s26: a folder of .txt files had no way to say its outlet; figures said "no outlet recorded" for ever
    db = str(folders / "c.db")
    assert main(["index", str(folders / "kyiv"), "--source", "Kyiv Daily", "--db", db, *FAST]) == 0
    assert main(["index", str(folders / "state"), str(folders / "wire.jsonl"), "--source", "State Wire",
                 "--db", db, *FAST]) == 0
    # the plain-text files take the outlet given; a record that names its own keeps it
    assert _sources(db) == {"kd-01": "Kyiv Daily", "sw-01": "State Wire", "w1": "Border Watch"}
    capsys.readouterr()
    assert main(["outlets", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "Kyiv Daily: 1 article" in out and "State Wire: 1 article" in out and "(no source)" not in out


def test_index_source_must_name_something(folders: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(folders / "c.db")
    assert main(["index", str(folders / "kyiv"), "--source", "  ", "--db", db, *FAST]) == 2
    assert "--source" in capsys.readouterr().err
    assert not (folders / "c.db").exists() or not _sources(db)


def test_without_outlets_the_hint_names_index_source(folders: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(folders / "c.db")
    assert main(["index", str(folders / "kyiv"), str(folders / "state"), "--db", db, *FAST]) == 0
    capsys.readouterr()
    assert main(["claims", "--repeated", "--db", db]) == 0
    assert "--source" in capsys.readouterr().err


def test_search_table_names_the_users_article(folders: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # s26: the article table printed the 32-hex corpus key and the title, never the file name the user knows
    db = str(folders / "c.db")
    assert main(["index", str(folders / "kyiv"), str(folders / "wire.jsonl"), "--db", db, *FAST]) == 0
    capsys.readouterr()
    assert main(["search", "exodus", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "kd-01: Exodus continues" in out
    assert main(["search", "--findings", "--kind", "quantity", "--db", db]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert any("in 'kd-01: Exodus continues'" in r for r in rows)
    assert any("in 'w1: Queues'" in r for r in rows)


def _figures_table(mentions: list[SimpleNamespace], monkeypatch: pytest.MonkeyPatch,
                   capsys: pytest.CaptureFixture[str]) -> str:
    monkeypatch.setattr(store_cli, "article_names", lambda conn, keys: {})
    group = SimpleNamespace(
        group_id="g1", label="N people were detained", measure="count", unit="people", mentions=mentions,
        sources=sorted({m.source for m in mentions if m.source}), first=mentions[0], latest=mentions[-1],
        lowest=mentions[0], highest=mentions[-1], also_published_by={}, conflicts=[], conflicts_between=[])
    return figures_output(group, "table", monkeypatch, capsys)


def _vague(text: str, low: float, high: float, day: int) -> SimpleNamespace:
    m = mention(text, None, low, high, "approx", None, day)
    m.vague = True
    return m


def test_a_vague_amount_is_not_stated_as_its_middle(monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    # s26: a headline "Thousands leave after call-up" gave "every mention states 5,999.50"
    out = _figures_table([_vague("Thousands", 2000, 9999, 1)], monkeypatch, capsys)
    summary = next(line for line in out.splitlines() if "states" in line or "lowest" in line)
    assert "5,999" not in summary
    assert "'Thousands' (vague 2,000..9,999)" in summary


def test_vague_and_exact_extremes_say_which_is_which(monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    mentions = [mention("1,300 people", 1300, 1300, 1300, "exact", "Ledger", 1),
                _vague("thousands of people", 2000, 9999, 3)]
    out = _figures_table(mentions, monkeypatch, capsys)
    summary = next(line for line in out.splitlines() if "lowest" in line)
    assert "lowest '1,300 people' (Ledger, 1,300)" in summary
    assert "highest 'thousands of people' (no source, vague 2,000..9,999)" in summary
    assert dt.date(2025, 10, 3).isoformat() in out


def test_figures_csv_marks_a_vague_amount(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # s26: "Thousands" was a CSV row with stated_value 5999.5 and nothing saying it was a vague reading
    import csv
    import io

    from presslens.compare.figure_groups import GroupSummary
    from presslens.compare.figures import FigureMention

    monkeypatch.setattr(store_cli, "article_names", lambda conn, keys: {})
    day = dt.date(2022, 9, 25)
    vague = FigureMention(article_id="a1", start=0, end=9, text="Thousands", label="count", measure="count",
                          value=None, low=2000, high=9999, bound="approx", vague=True, date=day)
    exact = FigureMention(article_id="a2", start=5, end=15, text="1,300 people", label="count", measure="count",
                          value=1300, low=1300, high=1300, bound="exact", date=day)
    group = GroupSummary(group_id="g1", label="N people", measure="count", unit="people", mentions=[vague, exact],
                         also_published_by={}, first=vague, latest=exact, lowest=exact, highest=vague, timeline=[],
                         conflicts=[], sources=[])
    rows = list(csv.DictReader(io.StringIO(figures_output(group, "csv", monkeypatch, capsys))))
    assert [(r["text"], r["vague"], r["malformed"]) for r in rows] == [("Thousands", "True", "False"),
                                                                         ("1,300 people", "False", "False")]
    assert store_cli.FIGURES_CSV_FIELDS[27:29] == ["vague", "malformed"]  # stop 30 appended updated_copy_of
