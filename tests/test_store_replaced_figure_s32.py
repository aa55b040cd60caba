"""User trial s32 (issue 15): the figures table says which figure an update stands in place of, but only when the
replaced figure was printed in the same group: otherwise it printed the bare mention id, "in place of
[f738...:33-55]". That happened when the user asked for recent figures only (``--since`` after the original's
date) and when the update landed in another group than what it replaced. The table now names it from the store
(text, outlet, date) wherever it is. Invented articles, real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from presslens.cli import main
from tests.test_store_updated_copies_s30 import _index


def test_the_replaced_figure_is_named_when_its_own_mention_is_not_listed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _index(tmp_path, [("wire-nine", "2025-04-10", "11,000", ""),
                           ("morning-digest", "2025-04-13", "12,500", "")])
    capsys.readouterr()
    assert main(["figures", "--db", db, "--min-articles", "1", "--since", "2025-04-12"]) == 0
    lines = capsys.readouterr().out.splitlines()
    at = next(i for i, x in enumerate(lines) if "2025-04-13  morning-digest" in x and "'More than 12,500 people'" in x)
    assert not any("'More than 11,000 people'" in x and "wire-nine" in x for x in lines[:at])  # not listed itself
    assert lines[at + 1].strip().startswith("from an updated copy of 'wire-nine-01:")
    assert lines[at + 2].strip() == "in place of 'More than 11,000 people' (wire-nine, 2025-04-10)"
    assert not any("in place of [" in x for x in lines)
    # the JSON keeps the id of the replaced mention, as without --since
    assert main(["figures", "--db", db, "--min-articles", "1", "--since", "2025-04-12", "-f", "json"]) == 0
    since = {m["text"]: m for g in json.loads(capsys.readouterr().out) for m in g["mentions"]}
    assert main(["figures", "--db", db, "--min-articles", "1", "-f", "json"]) == 0
    every = {m["text"]: m for g in json.loads(capsys.readouterr().out) for m in g["mentions"]}
    assert since["More than 12,500 people"]["updates"] == every["More than 11,000 people"]["id"]
