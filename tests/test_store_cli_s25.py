"""User trial s25, "Broken in the CLI and store": the corpus views keep the score contract of ``analyze``
(asserted findings by default, ``--min-score`` lower shows candidates marked as such), ``search`` says what its
``--limit`` left out, ``figures -f csv`` has one header, and the small wording fixes.

The store is filled with synthetic reports (no model runs) and the model-free hashed embedders."""

from __future__ import annotations

import argparse
import contextlib
import csv
import dataclasses
import datetime as dt
import functools
import io
import json
from collections.abc import Iterator
from typing import Any

import pytest

from presslens.article import Finding, Report
from presslens.cli import main
from presslens.compare.figure_groups import hashed_embedder
from presslens.store import cli as store_cli
from presslens.store import open_store, tracking
from presslens.store.tracking import CorpusTracker
from tests.test_corpus_compare import make_article
from tests.test_store import _hashed_outcomes, _hashed_parts

CANDIDATE_SOURCE = "Zorblat Monitor"
"""The source only a 0.14 attribution names (user trial s25: "Facebook" from a 0.14 attribution)."""

ARTICLES = [
    ("More than 260,000 men have left the country since the call-up, {who} said. "
     "Police detained 1,300 people at protests in the capital.", "Ledger", dt.date(2022, 9, 24)),
    ("About 260,000 men have left the country since the call-up, the border service said. "
     "Police detained 1,500 people at protests in the capital.", "Courier", dt.date(2022, 9, 26)),
]


def _attribution(rep: Report, source: str, score: float) -> Finding:
    text = rep.article.text
    s = text.index(source)
    content_end = s - 2  # the reported clause before ", SOURCE said"
    return Finding.at(rep.article, s, s + len(source) + 5, kind="attribution", label="organisation", score=score,
                      analyzer="attribution",
                      attributes={"source": {"start": s, "end": s + len(source), "text": source},
                                  "content": {"start": 0, "end": content_end}})


def _reports() -> list[Report]:
    out = []
    first = make_article(ARTICLES[0][0].format(who=CANDIDATE_SOURCE), ARTICLES[0][1], ARTICLES[0][2])
    first.findings.append(_attribution(first, CANDIDATE_SOURCE, 0.14))
    # the 1,300 figure is a candidate (0.30), and so is the second claim
    first.findings = [dataclasses.replace(f, score=0.30) if f.kind == "quantity" and f.text.startswith("1,300")
                      else dataclasses.replace(f, score=0.30) if f.kind == "claim" and f.text.startswith("Police")
                      else f for f in first.findings]
    out.append(first)
    second = make_article(*ARTICLES[1])
    second.findings.append(_attribution(second, "the border service", 0.9))
    out.append(second)
    return out


@pytest.fixture
def db(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> str:
    url = str(tmp_path / "s25.db")
    with open_store(url, write=True, create=True) as store:
        tracker = CorpusTracker(store, figure_embed=hashed_embedder(), claim_encode=hashed_embedder(384),
                                claim_fingerprint="hashed-test", outcome_embed=_hashed_outcomes([]),
                                part_embed=_hashed_parts)
        for rep in _reports():
            assert store.add(rep, tracker)
    monkeypatch.setattr(tracking, "figure_summaries", functools.partial(
        tracking.figure_summaries, outcome_embed=_hashed_outcomes([]), part_embed=_hashed_parts))
    return url


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    rc = main(argv)
    out, err = capsys.readouterr()
    return rc, out, err


def _figure_mentions(db: str, capsys: pytest.CaptureFixture[str], *extra: str) -> list[dict[str, Any]]:
    rc, out, err = _run(["figures", "--min-articles", "1", "-f", "json", "--db", db, *extra], capsys)
    assert rc == 0, err
    return [m for g in json.loads(out) for m in g["mentions"]]


def test_figures_show_asserted_figures_and_sources_by_default(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    mentions = _figure_mentions(db, capsys)
    texts = {m["text"] for m in mentions}
    assert "1,300 people" not in texts  # the 0.30 figure is a candidate
    assert {"More than 260,000 men", "About 260,000 men", "1,500 people"} <= texts
    assert all(m["attributed_to"] != CANDIDATE_SOURCE for m in mentions)
    assert not any(m["candidate"] or m["attributed_to_candidate"] for m in mentions)
    sourced = {m["text"]: m["attributed_to"] for m in mentions}
    assert sourced["About 260,000 men"] == "the border service"  # an asserted attribution still names it
    assert sourced["More than 260,000 men"] is None


def test_figures_min_score_lower_marks_candidates(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    by_text = {m["text"]: m for m in _figure_mentions(db, capsys, "--min-score", "0.1")}
    low = by_text["1,300 people"]
    assert low["candidate"] is True and low["score"] == pytest.approx(0.30)
    named = by_text["More than 260,000 men"]
    assert named["attributed_to"] == CANDIDATE_SOURCE and named["attributed_to_candidate"] is True
    assert named["candidate"] is False
    asserted = by_text["About 260,000 men"]
    assert asserted["attributed_to_candidate"] is False and asserted["candidate"] is False
    rc, out, _ = _run(["figures", "--min-articles", "1", "--min-score", "0.1", "--db", db], capsys)
    assert rc == 0
    lines = [ln for ln in out.splitlines() if ln.strip().startswith("2022-")]  # the mention lines
    line = next(ln for ln in lines if "'1,300 people'" in ln)
    assert "CANDIDATE 0.30" in line
    line = next(ln for ln in lines if "'More than 260,000 men'" in ln)
    assert f"{CANDIDATE_SOURCE} (candidate)" in line
    rc, out, _ = _run(["figures", "--min-articles", "1", "--db", db], capsys)
    assert CANDIDATE_SOURCE not in out.replace(CANDIDATE_SOURCE + " said", "") and "CANDIDATE" not in out


def test_figures_csv_has_one_header_whatever_matches(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _ = _run(["figures", "--min-articles", "1", "-f", "csv", "--db", db], capsys)
    assert rc == 0
    full = list(csv.reader(io.StringIO(out)))
    rc, out, _ = _run(["figures", "-f", "csv", "--db", db, "no such words"], capsys)
    assert rc == 0
    empty = list(csv.reader(io.StringIO(out)))
    assert len(full) > 1 and len(empty) == 1
    assert empty[0] == full[0] == store_cli.FIGURES_CSV_FIELDS
    rows = [dict(zip(full[0], r, strict=True)) for r in full[1:]]
    assert {r["candidate"] for r in rows} == {"False"}


def test_no_figure_line_names_min_articles(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, err = _run(["figures", "--db", db, "detained"], capsys)  # 1,300 is a candidate: 1 article left
    assert rc == 0 and out == ""
    assert "no tracked figure matches" in err and "--min-articles 1" in err
    rc, _, err = _run(["figures", "--min-articles", "1", "--db", db, "nothing like this"], capsys)
    assert "--min-articles 1" not in err


def test_outlets_count_asserted_claims_and_sources(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _ = _run(["outlets", "-f", "json", "--db", db], capsys)
    assert rc == 0
    ledger = {p["source"]: p for p in json.loads(out)}["Ledger"]
    assert ledger["claims"] == 1 and ledger["candidate_claims"] == 0
    assert ledger["top_cited_sources"] == []
    rc, out, _ = _run(["outlets", "-f", "json", "--min-score", "0.1", "--db", db], capsys)
    ledger = {p["source"]: p for p in json.loads(out)}["Ledger"]
    assert ledger["claims"] == 2 and ledger["candidate_claims"] == 1
    assert ledger["top_cited_sources"] == [{"source": CANDIDATE_SOURCE, "count": 1, "candidates": 1}]
    rc, out, _ = _run(["outlets", "Ledger", "--db", db], capsys)
    assert "1 article," in out and "1 articles" not in out and CANDIDATE_SOURCE not in out


def test_search_findings_default_asserted_and_marks_candidates(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _ = _run(["search", "--findings", "--kind", "attribution", "-f", "jsonl", "--db", db], capsys)
    rows = [json.loads(ln) for ln in out.splitlines()]
    assert [r["attributes"]["source"]["text"] for r in rows] == ["the border service"]
    assert [r["candidate"] for r in rows] == [False]
    rc, out, _ = _run(["search", "--findings", "--kind", "attribution", "--min-score", "0.1", "-f", "csv",
                       "--db", db], capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert sorted((json.loads(r["attributes"])["source"]["text"], r["candidate"]) for r in rows) == [
        (CANDIDATE_SOURCE, "True"), ("the border service", "False")]


def test_search_says_what_the_limit_left_out(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, err = _run(["search", "--findings", "--kind", "quantity", "-f", "csv", "--limit", "2", "--db", db],
                        capsys)
    assert rc == 0
    assert len(list(csv.DictReader(io.StringIO(out)))) == 2
    assert "2 finding rows shown (--limit 2), 1 more match: --limit 0 lists all, --offset 2 the next ones" in err
    rc, out, err = _run(["search", "--findings", "--kind", "quantity", "-f", "csv", "--limit", "0", "--db", db],
                        capsys)
    assert len(list(csv.DictReader(io.StringIO(out)))) == 3 and err == ""
    rc, out, err = _run(["search", "--findings", "--kind", "quantity", "-f", "csv", "--db", db], capsys)
    assert err == ""  # under the default limit: nothing left out, nothing said
    rc, out, err = _run(["search", "--limit", "1", "-f", "jsonl", "--db", db], capsys)
    assert len(out.splitlines()) == 1 and "1 article shown (--limit 1), more match: --limit 0 lists all" in err


def test_repeated_claims_say_one_day(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def end(day: str, source: str) -> dict[str, Any]:
        return {"claim": "a1:0-10", "article_id": "a1", "date": day, "source": source, "title": "t", "start": 0,
                "end": 10, "text": "N men have left"}

    row = {"claim": "About 700,000 men have left.", "sources": ["Meridian Wire", "Harbour Post"],
           "first": end("2025-10-10", "Harbour Post"), "latest": end("2025-10-11", "Meridian Wire"),
           "spread_days": 1, "mentions": [end("2025-10-10", "Harbour Post"), end("2025-10-11", "Meridian Wire")]}

    @contextlib.contextmanager
    def fake_store(db: Any, write: bool = False) -> Iterator[None]:
        yield None

    monkeypatch.setattr("presslens.store.store.open_store", fake_store)
    monkeypatch.setattr("presslens.store.claims.repeated_claims", lambda store: [row])
    monkeypatch.setattr(store_cli, "_records_no_outlet", lambda store: False)
    args = argparse.Namespace(db=None, like=None, repeated=True, limit=10, format="table")
    assert store_cli.cmd_claims(args) == 0
    out = capsys.readouterr().out
    assert "2 sources over 1 day:" in out and "1 days" not in out


def test_python_corpus_api_keeps_the_contract(db: str) -> None:
    from presslens import corpus as api

    assert [r["attributes"]["source"]["text"] for r in api.findings(db=db, kind="attribution")] == [
        "the border service"]
    assert len(api.findings(db=db, kind="attribution", min_score=0.1)) == 2
    assert {p["source"]: p["claims"] for p in api.outlets(db=db)}["Ledger"] == 1
    assert {p["source"]: p["claims"] for p in api.outlets(db=db, min_score=0.1)}["Ledger"] == 2
