"""User trial s31, problem 2 (issue 15): a copy of an updated copy was listed as "also published by" under the
original's figure it does not state (wire 11,000; an updated copy three days later, 12,500; a copy of that copy
the next day, 12,500: the reader was told the copy of the copy published 11,000). A copy is now listed under the
figure it repeats: the update for a copy of the updated copy, the original's figure for a plain copy. Invented
articles, real CLI (table, JSON, CSV) and the grouper alone; SQLite here, PostgreSQL under ``CI=true``."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from presslens.cli import main
from presslens.compare.figure_groups import FigureGrouper, GroupSummary, hashed_embedder
from presslens.store import open_store
from presslens.store.rows import article_key
from presslens.store.tracking import figure_summaries
from tests.test_corpus_compare import COPIES, _fill_copies, make_article
from tests.test_store_updated_copies_s30 import _index

CHAIN = [("wire-nine", "2025-04-10", "11,000", ""),      # the original
         ("plain-relay", "2025-04-11", "11,000", ""),    # a plain copy: repeats 11,000
         ("morning-digest", "2025-04-13", "12,500", ""),  # an updated copy: 12,500 in place of 11,000
         ("east-courier", "2025-04-14", "12,500", "")]    # a copy of the updated copy: repeats 12,500


def test_a_copy_of_an_updated_copy_is_listed_under_the_update(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    db = _index(tmp_path, CHAIN)
    capsys.readouterr()
    assert main(["figures", "--db", db, "--min-articles", "1", "-f", "json"]) == 0
    mentions = {m["text"]: m for g in json.loads(capsys.readouterr().out) for m in g["mentions"]}
    old, new = mentions["More than 11,000 people"], mentions["More than 12,500 people"]
    assert new["source"] == "morning-digest" and new["updates"] == old["id"]
    assert [c["source"] for c in old["also_published_by"]] == ["plain-relay"]
    assert [c["source"] for c in new["also_published_by"]] == ["east-courier"]
    # a figure no copy changed is still published by all three
    assert [c["source"] for c in mentions["Up to 50 drones"]["also_published_by"]] == [
        "plain-relay", "morning-digest", "east-courier"]
    assert main(["figures", "--db", db, "--min-articles", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    at = next(i for i, x in enumerate(lines) if "2025-04-10  wire-nine" in x and "'More than 11,000 people'" in x)
    assert lines[at + 1].strip() == "also published by: plain-relay (2025-04-11)"
    at = next(i for i, x in enumerate(lines) if "2025-04-13  morning-digest" in x and "'More than 12,500 people'" in x)
    assert lines[at + 2].strip().startswith("in place of 'More than 11,000 people'")
    assert lines[at + 3].strip() == "also published by: east-courier (2025-04-14)"
    assert main(["figures", "--db", db, "--min-articles", "1", "-f", "csv"]) == 0
    rows = {r["text"]: r for r in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    assert "east-courier" not in rows["More than 11,000 people"]["also_published_by"]
    assert rows["More than 11,000 people"]["also_published_by"].startswith("plain-relay")
    assert rows["More than 12,500 people"]["also_published_by"].startswith("east-courier")


def test_the_store_and_the_grouper_list_the_same_copies(store_url: str) -> None:
    """COPIES (tests/test_corpus_compare.py): Wire 300 detained, Relay a plain copy, Digest 450 (updated), Echo a
    copy of Digest. The stored view (copies' figures read from their reports) equals the grouper's."""
    keys = _fill_copies(store_url)
    with open_store(store_url) as store:
        stored = figure_summaries(store, min_articles=1)
    grouper = FigureGrouper(hashed_embedder())
    for (text, source, date), copy_of in zip(COPIES, (None, "Wire", "Wire", "Wire"), strict=True):
        rep = make_article(text, source, date)
        article = dataclasses.replace(rep.article, id=article_key(rep.article))
        grouper.add_article(article, rep.findings, duplicate_of=keys[copy_of] if copy_of else None)
    fresh = [grouper.summary(g) for g in grouper.tracked_groups(1)]

    def listed(summaries: list[GroupSummary]) -> dict[str, list[str]]:
        return {m.text: [c["source"] for c in s.copies_of(m)] for s in summaries for m in s.mentions}

    assert listed(stored) == listed(fresh)
    assert listed(stored)["300 people"] == ["Relay"] and listed(stored)["450 people"] == ["Echo"]
    assert listed(stored)["At least 40 men"] == ["Echo"]  # Digest's added figure, repeated by Echo
    assert listed(stored)["More than 9,000 people"] == ["Relay", "Digest", "Echo"]
    # a date filter that leaves the updated copy out still reads the family as updated
    with open_store(store_url) as store:
        early = figure_summaries(store, min_articles=1, until=dt.date(2022, 10, 6))
    assert {m.text: [c["source"] for c in s.copies_of(m)] for s in early for m in s.mentions}["300 people"] == [
        "Relay"]
