"""User trial s32 (issue 15): a republished copy stores no claim vectors (its claims repeat its original's), but
an updated copy's changed sentence is a claim no other article makes: ``claims --like "More than 12,500 people
..."`` answered with the original's 11,000 and never named the copy, the only article that states 12,500. A
copy now keeps the claims that state a figure of its own (those ``figures`` lists "from an updated copy"), also
when it was stored first and became a copy when its earlier-dated original arrived. Invented articles, real CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from presslens.cli import main
from tests.test_store_updated_copies_s30 import STORY

RUN = ["--only", "figures,claims", "--no-progress", "--threads", "1"]


def _index(tmp_path: Path, stories: list[tuple[str, str, str]]) -> str:
    db = str(tmp_path / "c.db")
    for outlet, day, fled in stories:
        folder = tmp_path / outlet
        folder.mkdir()
        (folder / f"{outlet}-01.txt").write_text(STORY.format(day=day, fled=fled, added=""), encoding="utf-8")
        assert main(["index", str(folder), "--source", outlet, "--db", db, *RUN]) == 0
    return db


def _top(db: str, capsys: pytest.CaptureFixture[str], text: str) -> list[str]:
    capsys.readouterr()
    assert main(["claims", "--like", text, "--db", db, "--limit", "3", "--format", "table"]) == 0
    return [line for line in capsys.readouterr().out.splitlines() if not line.startswith(" ")]


@pytest.mark.parametrize("order", ["original first", "copy first"])
def test_claims_like_finds_the_sentence_an_updated_copy_changed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], order: str) -> None:
    stories = [("wire-nine", "2025-04-10", "11,000"), ("morning-digest", "2025-04-13", "12,500")]
    db = _index(tmp_path, stories if order == "original first" else stories[::-1])
    capsys.readouterr()
    assert main(["search", "Kessara", "--db", db]) == 0
    assert "republished copy of 'wire-nine-01:" in capsys.readouterr().out  # the copy is stored as a copy
    top = _top(db, capsys, "More than 12,500 people have fled Kessara since the shelling began")
    assert "morning-digest" in top[0] and "12,500" in top[0]
    # a claim the copy repeats is still the original's only
    top = _top(db, capsys, "Up to 50 drones struck the port overnight, the army said in a statement.")
    assert "wire-nine" in top[0] and not any("morning-digest" in line and "drones" in line for line in top)
    assert main(["claims", "--repeated", "--db", db]) == 0
    assert "no claim made by several sources" in capsys.readouterr().err
