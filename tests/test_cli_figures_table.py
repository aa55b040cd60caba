"""`presslens figures` in the terminal: the group summary line reads as a fact-checker reads the mentions."""

from __future__ import annotations

import argparse
import contextlib
import csv
import dataclasses
import datetime as dt
import io
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest

from presslens.compare.conflicts import reported_interval
from presslens.store import cli as store_cli
from presslens.store.article_names import ArticleName

FAKE_STORE = SimpleNamespace(reading=lambda: contextlib.nullcontext(None))
"""What ``cmd_figures`` reads the article names through (the names themselves come from :data:`NAMES`)."""

NAMES = {
    "a1": ArticleName("exodus-1", "Men keep leaving", "/home/u/news/exodus-1.txt"),
    "a5": ArticleName("ledger-0105", None, "/home/u/feed.jsonl:3"),
    "copy7": ArticleName("wire-copy-7", None, "/home/u/news/wire-copy-7.txt"),
}
"""The names the store keeps for some of the articles below (a9 has none: an article stored before version 6)."""


@pytest.fixture(autouse=True)
def stored_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_cli, "article_names", lambda conn, keys: {k: NAMES[k] for k in keys if k in NAMES})


def mention(text: str, value: float | None, low: float | None, high: float | None, bound: str,
            source: str | None, day: int) -> SimpleNamespace:
    return SimpleNamespace(
        id=f"a{day}:0-{len(text)}", article_id=f"a{day}", text=text, value=value, low=low, high=high, bound=bound,
        vague=False, malformed=False, date=dt.date(2025, 10, day), source=source, attributed_to="monitors",
        attribution_vague=False, hedged=False)


def run_figures(mentions: list[SimpleNamespace], sources: list[str], monkeypatch: pytest.MonkeyPatch,
                capsys: pytest.CaptureFixture[str]) -> str:
    # The interval-based extremes of the tracking layer, as it computes them: "nearly 700,000" opens at 0.
    group = SimpleNamespace(
        group_id="g1", label="N men have left the country", measure="count", unit="men", mentions=mentions,
        sources=sources, first=mentions[0], latest=mentions[-1], lowest=mentions[-1], highest=mentions[1],
        also_published_by={}, conflicts=[], conflicts_between=[])
    return figures_output(group, "table", monkeypatch, capsys)


def figures_output(group: Any, fmt: str, monkeypatch: pytest.MonkeyPatch,
                   capsys: pytest.CaptureFixture[str]) -> str:
    """What ``presslens figures --format FMT`` prints when the store holds the one figure group ``group``."""

    @contextlib.contextmanager
    def fake_store(db: Any, write: bool = False) -> Iterator[Any]:
        yield FAKE_STORE

    monkeypatch.setattr("presslens.store.store.open_store", fake_store)
    monkeypatch.setattr("presslens.store.tracking.figure_summaries", lambda *a, **k: [group])
    args = argparse.Namespace(since=None, until=None, min_articles=1, rebuild=False, db=None, query=None,
                              source=None, format=fmt)
    assert store_cli.cmd_figures(args) == 0
    return capsys.readouterr().out


MENTIONS = [
    mention("more than 100,000 men", 100_000, 100_000, None, "lower", "Meridian Wire", 1),
    mention("about 260,000 men", 260_000, 234_000, 286_000, "approx", "Northern Ledger", 5),
    mention("nearly 700,000 people", 700_000, None, 700_000, "upper", "Harbour Post", 9),
]


def test_lowest_and_highest_are_the_stated_values(monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = run_figures(MENTIONS, ["Harbour Post", "Meridian Wire", "Northern Ledger"], monkeypatch, capsys)
    summary = next(line for line in out.splitlines() if "lowest" in line)
    assert "lowest 'more than 100,000 men' (Meridian Wire, 100,000)" in summary
    assert "highest 'nearly 700,000 people' (Harbour Post, 700,000)" in summary
    assert "from 3 sources" in out


def test_a_range_states_its_middle() -> None:
    ranged = mention("between 10,000 and 30,000 men", None, 10_000, 30_000, "range", "Radio Tarsk", 2)
    single = mention("25,000 men", 25_000, 25_000, 25_000, "exact", "Radio Tarsk", 3)
    extremes = store_cli._stated_extremes([ranged, single])
    assert extremes is not None
    assert extremes == (ranged, single)
    assert store_cli._stated_extremes([mention("many men", None, None, None, "exact", None, 4)]) is None


def test_no_outlet_is_said_plainly(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    unsourced = [mention(m.text, m.value, m.low, m.high, m.bound, None, i + 1) for i, m in enumerate(MENTIONS)]
    out = run_figures(unsourced, [], monkeypatch, capsys)
    assert "0 sources" not in out
    assert "no outlet recorded" in out


def test_one_value_is_not_a_range(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    same = [mention("300,000 reservists", 300_000, 300_000, 300_000, "exact", "Meridian Wire", 1),
            mention("no more than 300,000 reservists", 300_000, None, 300_000, "upper", "Radio Tarsk", 6)]
    out = run_figures(same, ["Meridian Wire", "Radio Tarsk"], monkeypatch, capsys)
    assert "every mention states 300,000" in out
    assert "lowest" not in out


def test_a_copy_without_an_outlet_names_its_article(monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    # user trial 22: a folder of .txt files has no outlets, and "also published by: - (2025-09-28)" named nothing
    group = SimpleNamespace(
        group_id="g1", label="N men have left the country", measure="count", unit="men", mentions=MENTIONS,
        sources=[], first=MENTIONS[0], latest=MENTIONS[-1], lowest=MENTIONS[0], highest=MENTIONS[-1],
        also_published_by={"a5": [{"article_id": "copy7", "source": None, "date": "2025-10-05"},
                                  {"article_id": "copy8", "source": "Eastfield Observer", "date": None}]},
        conflicts=[], conflicts_between=[])
    out = figures_output(group, "table", monkeypatch, capsys)
    line = next(x for x in out.splitlines() if "also published by" in x)
    assert line.strip() == ("also published by: 'wire-copy-7' (no outlet recorded) (2025-10-05), "
                            "Eastfield Observer (undated)")


def test_a_percent_group_says_percent_once(monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    rates = [mention("14 per cent", 14, 14, 14, "exact", "Radio Tarsk", 1),
             mention("15.1%", 15.1, 15.1, 15.1, "exact", "Harbour Post", 3)]
    group = SimpleNamespace(
        group_id="g2", label="annual inflation reached N per cent", measure="percent", unit="percent",
        mentions=rates, sources=["Harbour Post", "Radio Tarsk"], first=rates[0], latest=rates[-1],
        lowest=rates[0], highest=rates[-1], also_published_by={}, conflicts=[], conflicts_between=[])
    head = figures_output(group, "table", monkeypatch, capsys).splitlines()[0]
    assert '"annual inflation reached N per cent"  [percent]  2 mentions' in head


def real_group(mentions: list[SimpleNamespace]) -> Any:
    """A :class:`GroupSummary` of real mentions, with the extremes the tracking layer computes from intervals
    ("nearly 700,000" allows 0..700,000: lowest and highest by range; the stated lowest is "more than 100,000")."""
    from presslens.compare.figure_groups import GroupSummary
    from presslens.compare.figures import FigureMention

    real = [FigureMention(article_id=m.article_id, start=0, end=len(m.text), text=m.text, label="count",
                          measure="count", value=m.value, low=m.low, high=m.high, bound=m.bound, date=m.date,
                          source=m.source, attributed_to=m.attributed_to, hedged=m.hedged) for m in mentions]
    return GroupSummary(group_id="g1", label="N men have left the country", measure="count", unit="men",
                        mentions=real, also_published_by={"a5": [{"article_id": "copy7", "source": None,
                                                                  "date": "2025-10-05"}]},
                        first=real[0], latest=real[-1], lowest=real[-1], highest=real[-1], timeline=[],
                        conflicts=[], sources=sorted({m.source for m in real if m.source}))


def run_format(fmt: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    return figures_output(real_group(MENTIONS), fmt, monkeypatch, capsys)


def test_each_mention_names_the_users_article(monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    out = run_format("table", monkeypatch, capsys)
    lines = {m.article_id: next(x for x in out.splitlines() if f"[{m.article_id}:" in x) for m in MENTIONS}
    assert "in 'exodus-1: Men keep leaving'" in lines["a1"]  # the user's id (or file name) and the title
    assert "in 'ledger-0105'" in lines["a5"]  # no title: the id alone
    assert "in 'a9'" in lines["a9"]  # else the corpus key: never nothing


def test_json_lowest_and_highest_are_the_stated_values_as_in_the_table(monkeypatch: pytest.MonkeyPatch,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    import json

    [group] = json.loads(run_format("json", monkeypatch, capsys))
    ids = {m.article_id: f"{m.article_id}:0-{len(m.text)}" for m in MENTIONS}
    assert (group["lowest"], group["lowest_stated_value"]) == (ids["a1"], 100_000)
    assert (group["highest"], group["highest_stated_value"]) == (ids["a9"], 700_000)
    assert (group["lowest_by_range"], group["highest_by_range"]) == (ids["a9"], ids["a9"])
    by_article = {m["article_id"]: m for m in group["mentions"]}
    assert by_article["a1"]["article_given_id"] == "exodus-1"
    assert by_article["a1"]["article_title"] == "Men keep leaving"
    assert by_article["a5"]["article_origin"] == "/home/u/feed.jsonl:3"
    assert by_article["a9"]["article_given_id"] is None
    assert [m["stated_value"] for m in group["mentions"]] == [100_000, 260_000, 700_000]
    assert by_article["a5"]["also_published_by"][0]["article_given_id"] == "wire-copy-7"


def test_csv_rows_carry_the_users_names_and_stated_values(monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(run_format("csv", monkeypatch, capsys))))
    assert [(r["article_id"], r["article_given_id"], r["article_title"]) for r in rows] == [
        ("a1", "exodus-1", "Men keep leaving"), ("a5", "ledger-0105", ""), ("a9", "", "")]
    assert [r["article_origin"] for r in rows][:2] == ["/home/u/news/exodus-1.txt", "/home/u/feed.jsonl:3"]
    assert [float(r["stated_value"]) for r in rows] == [100_000, 260_000, 700_000]


def _conflict_between(first: SimpleNamespace, second: SimpleNamespace) -> Any:
    from presslens.compare.figure_groups import GroupConflict

    conflict = SimpleNamespace(first=first, second=second, days_apart=(second.date - first.date).days)
    return GroupConflict(conflict=conflict, first_group="g1", second_group="g2")  # type: ignore[arg-type]


def _two_groups_output(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                       listed: bool, min_articles: int = 1, query: str | None = None) -> str:
    exodus = mention("300,000 men", 300_000, 300_000, 300_000, "exact", "Meridian Wire", 14)
    tally = mention("nearly 70,000 Norvanians", 70_000, None, 70_000, "upper", "Eastfield Observer", 15)
    between = _conflict_between(exodus, tally)
    g1 = SimpleNamespace(
        group_id="g1", label="N men have left the country", measure="count", unit="men", mentions=[exodus],
        sources=["Meridian Wire"], first=exodus, latest=exodus, lowest=exodus, highest=exodus,
        also_published_by={}, conflicts=[], conflicts_between=[between])
    g2 = SimpleNamespace(
        group_id="g2", label="Kaldera's border service said N Norvanians had crossed", measure="count",
        unit="Norvanians", mentions=[tally], sources=["Eastfield Observer"], first=tally, latest=tally,
        lowest=tally, highest=tally, also_published_by={}, conflicts=[], conflicts_between=[between])

    @contextlib.contextmanager
    def fake_store(db: Any, write: bool = False) -> Iterator[Any]:
        yield FAKE_STORE

    monkeypatch.setattr("presslens.store.store.open_store", fake_store)
    monkeypatch.setattr("presslens.store.tracking.figure_summaries",
                        lambda *a, **k: [g1, g2] if listed else [g1])
    args = argparse.Namespace(since=None, until=None, min_articles=min_articles, rebuild=False, db=None,
                              query=query, source=None, format="table")
    assert store_cli.cmd_figures(args) == 0
    return capsys.readouterr().out


def test_a_conflict_with_another_group_names_that_group(monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    # user trial 23: "CONFLICT WITH GROUP ge181d8ae35d59982" left the reader to find an opaque id
    out = _two_groups_output(monkeypatch, capsys, listed=True)
    lines = [x.strip() for x in out.splitlines() if "CONFLICT WITH GROUP" in x]
    assert lines[0].startswith('CONFLICT WITH GROUP g2 "Kaldera\'s border service said N Norvanians had crossed" '
                               "(1 day apart): ")
    assert lines[1].startswith('CONFLICT WITH GROUP g1 "N men have left the country" (1 day apart): ')
    out = _two_groups_output(monkeypatch, capsys, listed=False)
    assert "CONFLICT WITH GROUP g2 (not in this listing: outside the query or filters) (1 day apart)" in out


def test_an_unlisted_group_says_how_to_list_it(monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    # user trial 24: "CONFLICT WITH GROUP g1414a90e3bdb72e2 (not in this listing)" (the one-article "rents rose
    # 30%" group, hidden by the default --min-articles 2) gave an id and no way to see that group
    out = _two_groups_output(monkeypatch, capsys, listed=False, min_articles=2)
    assert ("CONFLICT WITH GROUP g2 (not in this listing: reported by fewer than 2 articles; --min-articles 1 "
            "lists it) (1 day apart)") in out
    out = _two_groups_output(monkeypatch, capsys, listed=False, min_articles=2, query="left")
    assert ("CONFLICT WITH GROUP g2 (not in this listing: outside the query or filters, or reported by fewer "
            "than 2 articles) (1 day apart)") in out


def test_one_mention_in_one_article_is_singular(monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    # user trial 23: "1 mentions in 1 articles from 1 source"
    one = MENTIONS[0]
    group = SimpleNamespace(
        group_id="g1", label="N men have left the country", measure="count", unit="men", mentions=[one],
        sources=["Meridian Wire"], first=one, latest=one, lowest=one, highest=one, also_published_by={},
        conflicts=[], conflicts_between=[])
    out = figures_output(group, "table", monkeypatch, capsys)
    assert "1 mention in 1 article from 1 source" in out.splitlines()[0]
    out = run_figures(MENTIONS, ["Harbour Post", "Meridian Wire", "Northern Ledger"], monkeypatch, capsys)
    assert "3 mentions in 3 articles from 3 sources" in out.splitlines()[0]


def test_a_conflict_names_the_users_articles(monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    # user trial 23: in a folder of .txt files "no source 'about 100,000' on ... vs no source '260,000 men' on ..."
    # did not say which two articles disagree
    about = mention("about 100,000 men", 100_000, 80_000, 120_000, "approx", None, 1)
    exact = mention("260,000 men", 260_000, 260_000, 260_000, "exact", None, 5)
    group = SimpleNamespace(
        group_id="g1", label="N men have left the country", measure="count", unit="men", mentions=[about, exact],
        sources=[], first=about, latest=exact, lowest=about, highest=exact, also_published_by={},
        conflicts=[SimpleNamespace(first=about, second=exact, days_apart=4)], conflicts_between=[])
    line = next(x for x in figures_output(group, "table", monkeypatch, capsys).splitlines() if "CONFLICT" in x)
    assert line.strip() == ("CONFLICT (4 days apart): 'about 100,000 men' on 2025-10-01 in 'exodus-1' vs "
                            "'260,000 men' on 2025-10-05 in 'ledger-0105'")

def csv_rows(group: Any, monkeypatch: pytest.MonkeyPatch,
             capsys: pytest.CaptureFixture[str]) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(figures_output(group, "csv", monkeypatch, capsys))))


def test_a_copy_without_an_outlet_is_named_not_none(monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    # user trial 24: a folder of .txt files has no outlets, and the CSV said "None" where the table names the copy
    rows = {r["article_id"]: r for r in csv_rows(real_group(MENTIONS), monkeypatch, capsys)}
    assert rows["a5"]["also_published_by"] == "'wire-copy-7' (no outlet recorded) (2025-10-05)"
    assert rows["a1"]["also_published_by"] == ""
    assert "None" not in {r["also_published_by"] for r in rows.values()}


def test_each_row_carries_the_values_the_mention_reports(monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    # user trial 24: "about 100,000" conflicts with "260,000 men", but its CSV row had empty low/high columns;
    # the JSON timeline's interval ("about" reads 80,000..120,000) is now in every row
    group = real_group(MENTIONS)
    timeline = []
    for m in group.mentions:
        iv = reported_interval(m)
        assert iv is not None
        timeline.append({"date": m.date.isoformat(), "source": m.source, "mention": m.id, "text": m.text,
                         "low": iv[0], "high": iv[1] if iv[1] != float("inf") else None})
    group = dataclasses.replace(group, timeline=timeline)
    rows = {r["article_id"]: r for r in csv_rows(group, monkeypatch, capsys)}
    for entry in timeline:
        row = rows[str(entry["mention"]).split(":")[0]]
        assert row["reported_low"] == str(entry["low"])
        assert row["reported_high"] == ("" if entry["high"] is None else str(entry["high"]))
    assert rows["a1"]["reported_high"] == ""  # "more than 100,000": no upper end
    assert float(rows["a5"]["reported_low"]) < 260_000 < float(rows["a5"]["reported_high"])
