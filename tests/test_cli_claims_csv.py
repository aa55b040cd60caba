"""`presslens claims --repeated -f csv` writes plain cells a spreadsheet can sort, not JSON inside cells
(user trial 22)."""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
from collections.abc import Iterator
from typing import Any

import pytest

from presslens.store import cli as store_cli


def _end(day: str, source: str, claim: str) -> dict[str, Any]:
    return {"claim": claim, "article_id": claim.split(":")[0], "date": day, "source": source, "title": "t",
            "start": 0, "end": 10, "text": "N men have left"}


ROW = {"claim": "About 700,000 men have left, exile groups say.", "sources": ["Meridian Wire", "Harbour Post"],
       "first": _end("2025-10-10", "Harbour Post", "a1:0-10"), "latest": _end("2025-10-18", "Meridian Wire", "a2:5-15"),
       "spread_days": 8, "mentions": []}


def test_repeated_claims_csv_has_one_plain_value_per_cell(monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    @contextlib.contextmanager
    def fake_store(db: Any, write: bool = False) -> Iterator[None]:
        yield None

    monkeypatch.setattr("presslens.store.store.open_store", fake_store)
    monkeypatch.setattr("presslens.store.claims.repeated_claims", lambda store: [ROW])
    args = argparse.Namespace(db=None, like=None, repeated=True, limit=10, format="csv")
    assert store_cli.cmd_claims(args) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 1
    row = rows[0]
    assert row["sources"] == "Meridian Wire; Harbour Post"
    assert (row["first_date"], row["first_source"], row["first_claim"]) == ("2025-10-10", "Harbour Post", "a1:0-10")
    assert (row["latest_date"], row["latest_source"], row["latest_claim"]) == ("2025-10-18", "Meridian Wire",
                                                                               "a2:5-15")
    assert row["spread_days"] == "8"
    assert not any(v.startswith(("{", "[")) for v in row.values())


@pytest.mark.parametrize("source", [None, "Meridian Wire"])
def test_no_repeated_claim_says_when_no_outlet_is_recorded(source: str | None, tmp_path: Any,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    # user trial 23: a folder of .txt files (no outlet) gave "no claim made by several sources" and no reason
    from presslens.store import open_store
    from tests.store_fixtures import make_report

    db = str(tmp_path / "corpus.db")
    with open_store(db, write=True, create=True) as store:
        assert store.add(make_report("The ministry said 300,000 reservists would be called up.", source=source))
    args = argparse.Namespace(db=db, like=None, repeated=True, limit=10, format="table")
    assert store_cli.cmd_claims(args) == 0
    err = capsys.readouterr().err.strip()
    if source is None:
        assert err == ("no claim made by several sources: no outlet recorded: index JSONL or CSV with a "
                       "source field, or each outlet's folder with --source NAME")
    else:
        assert err == "no claim made by several sources"
