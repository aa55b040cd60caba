"""User trial s29 (docs/trials/usertrial-s29.md), the CLI and input side: ``figures --format csv`` gives every
row the bound the table shows (``exact``, ``range``), and a plain-text file saved as UTF-16 or UTF-32 with its
byte order mark (Windows "Unicode" text) is read, not refused as "a binary file"."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from presslens import read_article
from presslens.cli import main
from presslens.ingest.errors import InputError

FAST = ["--only", "figures", "--no-progress"]  # the rule-based analyzer: real analysis, quick


@pytest.fixture
def shelter_db(tmp_path: Path) -> str:
    folder = tmp_path / "wire"
    folder.mkdir()
    (folder / "w1.txt").write_text("Shelters fill\n\ndate 2025-03-07 Exactly 6,500 people are sleeping in "
                                   "shelters in Varnok, the council said.\n", encoding="utf-8")
    (folder / "w2.txt").write_text("Shelters: the count\n\ndate 2025-03-10 Between 6,000 and 7,000 people are "
                                   "sleeping in shelters in Varnok, aid workers said.\n", encoding="utf-8")
    (folder / "w3.txt").write_text("More in shelters\n\ndate 2025-03-11 More than 5,000 people are sleeping in "
                                   "shelters in Varnok, the mayor said.\n", encoding="utf-8")
    db = str(tmp_path / "t.db")
    assert main(["index", str(folder), "--source", "wire", "--db", db, *FAST]) == 0
    return db


def test_csv_bound_is_the_word_the_table_shows(shelter_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    # s29: "23 people" read `exact` and "Between 6,000 and 7,000 people" `range` in the table, but their CSV
    # rows had an empty bound, so a spreadsheet filter on bound = exact found nothing
    capsys.readouterr()
    assert main(["figures", "--db", shelter_db, "--min-articles", "1"]) == 0
    table = capsys.readouterr().out
    assert main(["figures", "--db", shelter_db, "--min-articles", "1", "--format", "csv"]) == 0
    rows = {r["text"]: r for r in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    assert rows["6,500 people"]["bound"] == "exact"
    assert rows["Between 6,000 and 7,000 people"]["bound"] == "range"
    assert rows["More than 5,000 people"]["bound"] == "lower"
    for text, row in rows.items():
        [line] = [x for x in table.splitlines() if x.lstrip().startswith("2025-") and f"'{text[:20]}" in x]
        assert f" {row['bound']} " in line


TEXT = "Shelling in Varnok\n\nAbout 300 homes lost power, the grid operator said.\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_text_with_a_utf16_or_utf32_byte_order_mark_is_read(tmp_path: Path, encoding: str) -> None:
    # s29: a file saved as "Unicode" text was refused as "looks like a binary file, not text"
    path = tmp_path / "notepad.txt"
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    path.write_bytes(bom + TEXT.encode(encoding))
    article = read_article(str(path))
    assert article.text == TEXT.rstrip("\n") or article.text == TEXT
    assert "\ufeff" not in article.text


def test_utf16_without_a_byte_order_mark_is_still_refused_with_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "nobom.txt"
    path.write_bytes(TEXT.encode("utf-16-le"))
    with pytest.raises(InputError) as err:
        read_article(str(path))
    assert "UTF-16" in str(err.value)


def test_analyze_reads_a_utf16_file_in_a_batch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "notepad.txt"
    path.write_bytes(TEXT.encode("utf-16"))
    assert main(["analyze", str(path), "--format", "jsonl", *FAST]) == 0
    out = capsys.readouterr().out
    assert "300 homes" in out


def test_search_snippet_marks_the_paragraph_break_after_the_title(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    # s29: "[Hospital strike]: toll disputed The defence ministry said ..." read the title into the first sentence
    folder = tmp_path / "wire"
    folder.mkdir()
    (folder / "e1.txt").write_text("Hospital strike: toll disputed\n\ndate 2025-03-04 The defence ministry said "
                                   "23 people were wounded in the strike.\n\nA second  paragraph\tfollows.\n",
                                   encoding="utf-8")
    db = str(tmp_path / "t.db")
    assert main(["index", str(folder), "--source", "wire", "--db", db, *FAST]) == 0
    capsys.readouterr()
    assert main(["search", "strike", "--db", db, "--format", "jsonl"]) == 0
    [row] = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    snippet = row["snippet"]
    assert "disputed ¶ The defence ministry" in snippet
    assert "\n" not in snippet and "  " not in snippet


def test_one_line_snippet_keeps_single_line_breaks_as_spaces() -> None:
    from presslens.store.search import one_line_snippet

    assert one_line_snippet("a\nb  c\n\n\n d\t\n \n[e]") == "a b c ¶ d ¶ [e]"
    assert one_line_snippet("  \n\n x \n\n") == "x"


def test_a_folder_names_its_fifo_and_link_loop_instead_of_passing_them_over(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # s29: `presslens index DIR` skipped a FIFO and a symlink loop inside the folder without a word, while the same
    # paths named on the command line each gave an error line
    import os

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Drones\n\nThe army said 40 drones were shot down.\n", encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    (folder / "loop1.txt").symlink_to(folder / "loop2.txt")
    (folder / "loop2.txt").symlink_to(folder / "loop1.txt")
    (folder / "gone.txt").symlink_to(folder / "missing.txt")
    (folder / "sub.txt").mkdir()  # a directory named like a file is walked, not read
    (folder / "sub.txt" / "inner.txt").write_text("Drones\n\nThe army said 41 drones were shot down.\n",
                                                  encoding="utf-8")
    assert main(["analyze", str(folder), "--format", "jsonl", *FAST]) == 1
    captured = capsys.readouterr()
    errors = [x for x in captured.err.splitlines() if x.startswith("presslens: error:")]
    named = {e.split(": ")[2] for e in errors}
    assert named == {str(folder / n) for n in ("pipe.txt", "loop1.txt", "loop2.txt", "gone.txt")}
    assert any("FIFO" in e for e in errors)
    assert captured.out.count('"article":{') == 2  # good.txt and sub.txt/inner.txt still analysed
