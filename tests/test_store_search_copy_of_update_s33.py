"""User trial s33 (issue 15): ``search`` called a copy of an updated copy a plain "republished copy of" the
family's original, though its snippet states the update's figure (5,400) and the original another (5,000); the
``figures`` table lists it under the update. The line now names the updated copy it repeats. A copy that repeats
the original, and the updated copy itself, read as before. Invented articles, real CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from presslens.cli import main
from tests.test_store_search_updated_s32 import _blocks
from tests.test_store_updated_copies_s30 import _index


def test_search_names_the_update_a_copy_repeats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _index(tmp_path, [("wire-nine", "2025-04-10", "11,000", ""),
                           ("morning-digest", "2025-04-13", "12,500", ""),
                           ("east-courier", "2025-04-14", "12,500", ""),
                           ("river-post", "2025-04-15", "11,000", "")])
    capsys.readouterr()
    assert main(["search", "Kessara", "--db", db]) == 0
    blocks = _blocks(capsys.readouterr().out.splitlines())
    assert set(blocks) == {"wire-nine", "morning-digest", "east-courier", "river-post"}
    assert not any("copy" in line for line in blocks["wire-nine"])
    head = "    republished copy of 'wire-nine-01: Shelling empties Kessara' (wire-nine, 2025-04-10)"
    assert [x for x in blocks["morning-digest"] if "republished copy of" in x] == [
        head + ", updated: 1 figure of its own (presslens figures lists them)"]
    assert [x for x in blocks["east-courier"] if "republished copy of" in x] == [
        head + ", repeating the update in 'morning-digest-01: Shelling empties Kessara' (morning-digest, 2025-04-13)"]
    assert [x for x in blocks["river-post"] if "republished copy of" in x] == [head]  # repeats the original
    # the figures table agrees: east-courier is listed under the update it repeats, not under 11,000
    assert main(["figures", "--db", db, "--min-articles", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    update = next(i for i, x in enumerate(lines) if x.strip().startswith("2025-04-13  morning-digest"))
    assert lines[update + 3].strip() == "also published by: east-courier (2025-04-14)"
    eleven = next(i for i, x in enumerate(lines) if x.strip().startswith("2025-04-10  wire-nine"))
    assert lines[eleven + 1].strip() == "also published by: river-post (2025-04-15)"
