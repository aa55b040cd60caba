"""User trial s28 (docs/trials/usertrial-s28.md), the CLI side: a stated range is shown as a range in the
``figures`` table (not ``exact``, not its middle as if stated), and control characters of article text
(terminal escape sequences, bidi overrides) are shown as escapes in the readable views, never sent raw to the
terminal, while JSON keeps the text as it is."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from presslens.cli import main
from presslens.outputs import visible_controls
from presslens.report.markdown import md_text
from tests.test_cli_figures_table import figures_output, mention

FAST = ["--only", "figures", "--no-progress"]  # the rule-based analyzer: real analysis, quick


def _group(mentions: list[SimpleNamespace]) -> SimpleNamespace:
    return SimpleNamespace(
        group_id="g1", label="N people are sheltering in the capital", measure="count", unit="people",
        mentions=mentions, sources=sorted({m.source for m in mentions if m.source}), first=mentions[0],
        latest=mentions[-1], lowest=mentions[0], highest=mentions[-1], also_published_by={}, conflicts=[],
        conflicts_between=[])


def _range(text: str, low: float, high: float, source: str, day: int) -> SimpleNamespace:
    # what the figures analyzer stores for "between 30,000 and 35,000 people": no value, no bound, two ends
    return mention(text, None, low, high, None, source, day)  # type: ignore[arg-type]


@pytest.fixture
def no_names(monkeypatch: pytest.MonkeyPatch) -> None:
    from presslens.store import cli as store_cli

    monkeypatch.setattr(store_cli, "article_names", lambda conn, keys: {})


@pytest.mark.usefixtures("no_names")
def test_a_stated_range_is_shown_as_a_range(monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    # s28: "Between 30,000 and 35,000 people" was shown with bound "exact", and a group of that one mention
    # said "every mention states 32,500", a number nobody stated
    out = figures_output(_group([_range("Between 30,000 and 35,000 people", 30_000, 35_000, "Northern Wire", 15)]),
                         "table", monkeypatch, capsys)
    assert "every mention states the range 30,000..35,000" in out
    assert "32,500" not in out
    row = next(line for line in out.splitlines() if "'Between 30,000" in line)
    assert " range " in row and " exact " not in row


@pytest.mark.usefixtures("no_names")
def test_a_range_and_a_number_at_its_middle_do_not_state_the_same(monkeypatch: pytest.MonkeyPatch,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    mentions = [_range("between 30,000 and 35,000 people", 30_000, 35_000, "Northern Wire", 15),
                mention("32,500 people", 32_500, 32_500, 32_500, "exact", "River Post", 16)]
    out = figures_output(_group(mentions), "table", monkeypatch, capsys)
    assert "every mention states" not in out
    assert "30,000..35,000" in out and "32,500" in out
    # the same range twice still agrees
    same = [_range("between 30,000 and 35,000 people", 30_000, 35_000, "Northern Wire", 15),
            _range("30,000 to 35,000 people", 30_000, 35_000, "River Post", 16)]
    assert "every mention states the range 30,000..35,000" in figures_output(_group(same), "table", monkeypatch,
                                                                             capsys)


ESC_TITLE = "Red \x1b[31mALERT\x1b[0m headline \x1b]0;owned\x07 \u202eevil"


@pytest.fixture
def esc_db(tmp_path: Path) -> str:
    folder = tmp_path / "wire"
    folder.mkdir()
    (folder / "e1.txt").write_text(f"{ESC_TITLE}\n\ndate 2024-05-08 The army said 40 drones were shot down "
                                   "overnight, officials said.\n", encoding="utf-8")
    db = str(tmp_path / "t.db")
    assert main(["index", str(folder), "--source", "wire", "--db", db, *FAST]) == 0
    return db


@pytest.mark.parametrize("command", [["search", "drones"], ["figures", "--min-articles", "1"]])
def test_table_views_show_control_characters_as_escapes(command: list[str], esc_db: str,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    # s28: a title carrying ESC [31m turned the rest of the terminal red, ESC ] 0 ; set its window title
    capsys.readouterr()
    assert main([*command, "--db", esc_db]) == 0
    out = capsys.readouterr().out
    assert out.strip()
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "\\x1b[31mALERT" in out and "\\u202eevil" in out


def test_json_keeps_the_stored_text_as_it_is(esc_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["search", "drones", "--db", esc_db, "--format", "jsonl"]) == 0
    row = json.loads(capsys.readouterr().out.splitlines()[0])
    assert row["title"] == ESC_TITLE


def test_markdown_shows_control_characters_as_escapes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "e1.txt"
    path.write_text(f"{ESC_TITLE}\n\nThe army said 40 drones were shot down.\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["analyze", str(path), "--format", "md", *FAST]) == 0
    md = capsys.readouterr().out
    assert "\x1b" not in md and "\x07" not in md and "\u202e" not in md
    assert "\\\\x1b" in md  # the escape, its backslash escaped for Markdown


def test_visible_controls_leaves_ordinary_text_alone() -> None:
    text = "Kyiv — 40 drones\tshot down; «quoted» 12 % naïve\n"
    assert visible_controls(text) == text
    assert visible_controls("a\rb\x9bc\x00") == "a\\x0db\\x9bc\\x00"
    assert md_text("x\x1by") == "x\\\\x1by"


def test_index_of_only_bad_input_leaves_no_new_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # s28: `presslens index empty.txt missing.txt` said "0 new ... 2 failed" and left an empty presslens.db
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    db = tmp_path / "new.db"
    assert main(["index", str(empty), str(tmp_path / "missing.txt"), "--db", str(db), *FAST]) == 1
    captured = capsys.readouterr()
    assert "0 new, 0 already indexed (skipped), 0 re-analysed, 2 failed" in captured.out
    assert f"nothing was stored, so {db} was not created" in captured.err
    assert not db.exists() and not list(tmp_path.glob("new.db*"))
    # one readable file among them: the database is created and keeps it
    good = tmp_path / "good.txt"
    good.write_text("Drones\n\nThe army said 40 drones were shot down.\n", encoding="utf-8")
    assert main(["index", str(empty), str(good), "--db", str(db), *FAST]) == 1
    assert db.exists()
    # an existing database is never removed, even when a later run stores nothing
    assert main(["index", str(empty), "--db", str(db), *FAST]) == 1
    assert db.exists()
    capsys.readouterr()
    assert main(["search", "drones", "--db", str(db)]) == 0
    assert "good" in capsys.readouterr().out


def test_an_error_line_shows_the_control_characters_of_a_file_name(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    # s28: an empty file named "evil ESC[2J name.txt" printed its error line raw: the name cleared the screen
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "evil\x1b[2Jname.txt").write_text("", encoding="utf-8")
    (folder / "good.txt").write_text("Drones\n\nThe army said 40 drones were shot down.\n", encoding="utf-8")
    assert main(["analyze", str(folder), "--format", "jsonl", *FAST]) == 1
    captured = capsys.readouterr()
    [line] = [x for x in captured.err.splitlines() if x.startswith("presslens: error:")]
    assert "\x1b" not in captured.err
    assert line.endswith("evil\\x1b[2Jname.txt: empty file (no visible text)")
    assert '"article"' in captured.out  # the good file is still analysed


def test_index_note_about_a_database_not_created_makes_controls_visible(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # review s28: the note printed the path as is, so an ESC in a database name acted on the terminal
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    db = tmp_path / "new\x1b[2J.db"
    assert main(["index", str(empty), "--db", str(db), *FAST]) == 1
    err = capsys.readouterr().err
    assert "was not created" in err and "\x1b" not in err and "\\x1b[2J.db" in err
    assert not db.exists()

