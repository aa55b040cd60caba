"""User trial s31, problem 4 (issue 15): the original of a republished family was whichever article was indexed
first, so in the bundled folders (one `index` run per outlet folder, in `ls` order) a wire story indexed after
its copy was the copy, and an update read "in place of" a figure dated after it. Now the earliest dated article
of a family is its original (ties: indexing order), whatever order the folders are indexed in. Real CLI, the
bundled invented articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from presslens.cli import main
from presslens.store import open_store
from presslens.store.schema import ARTICLES

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FAST = ["--only", "figures", "--no-progress"]


def _originals(db: str) -> dict[str, str | None]:
    """The user's id of each stored article -> that of the article it is stored as a copy of."""
    with open_store(db) as store, store.reading() as conn:
        rows = conn.execute(select(ARTICLES.c.id, ARTICLES.c.given_id, ARTICLES.c.duplicate_of)).all()
    names = {key: given for key, given, _ in rows}
    return {given: names[dup] if dup else None for _, given, dup in rows}


@pytest.mark.parametrize("folder", ["velmar", "varnok"])
def test_the_bundled_folders_give_the_earliest_dated_original_in_any_order(
        folder: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outlets = sorted(p for p in (EXAMPLES / folder).iterdir() if p.is_dir())
    found = []
    for order, name in ((outlets, "ls.db"), (outlets[::-1], "reversed.db")):
        db = str(tmp_path / name)
        for outlet in order:
            assert main(["index", str(outlet), "--source", outlet.name, "--db", db, *FAST]) == 0
        found.append(_originals(db))
    capsys.readouterr()
    assert found[0] == found[1]
    copies = {k: v for k, v in found[0].items() if v}
    if folder == "velmar":  # east-wire's ew-02 (2023-03-15) is the original of coastal-times's ct-01 (03-16)
        assert copies == {"ct-01": "ew-02"}
    else:  # east-courier's ec-02 (2025-03-10) is the original of daily-digest's dd-01 (03-11)
        assert copies == {"dd-01": "ec-02"}
