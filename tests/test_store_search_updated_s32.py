"""User trial s32 (issue 15): ``search`` said "republished copy of 'wire-nine-01: ...'" alike for a copy that
repeats its original and for one that changed a figure (12,500 for 11,000), so a reader who saw 12,500 in the
copy's snippet and 11,000 in the original had nothing telling them the copy was updated. The line now says how
many figures the copy states that its original does not. Invented articles, real CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from presslens.cli import main
from tests.test_store_updated_copies_s30 import _index


def _blocks(lines: list[str]) -> dict[str, list[str]]:
    heads = [i for i, line in enumerate(lines) if not line.startswith(" ")]
    return {lines[i].split()[2]: lines[i:j] for i, j in zip(heads, [*heads[1:], len(lines)], strict=True)}


def test_search_says_which_copies_changed_figures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _index(tmp_path, [("wire-nine", "2025-04-10", "11,000", ""),
                           ("morning-digest", "2025-04-13", "12,500", " Police detained 12 protesters."),
                           ("east-courier", "2025-04-14", "11,000", "")])
    capsys.readouterr()
    assert main(["search", "Kessara", "--db", db]) == 0
    blocks = _blocks(capsys.readouterr().out.splitlines())
    assert set(blocks) == {"wire-nine", "morning-digest", "east-courier"}
    assert not any("copy" in line for line in blocks["wire-nine"])
    updated = [line for line in blocks["morning-digest"] if "republished copy of" in line]
    assert updated == ["    republished copy of 'wire-nine-01: Shelling empties Kessara' (wire-nine, 2025-04-10), "
                       "updated: 2 figures of its own (presslens figures lists them)"]
    same = [line for line in blocks["east-courier"] if "republished copy of" in line]
    assert same == ["    republished copy of 'wire-nine-01: Shelling empties Kessara' (wire-nine, 2025-04-10)"]
