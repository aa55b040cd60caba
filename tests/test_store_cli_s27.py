"""User trial s27 (docs/trials/usertrial-s27.md), the CLI side of ``presslens figures``: ``--rebuild`` with
``--format json|csv`` keeps stdout parseable, the "every mention states" line keeps the bound the mentions state,
and a vague amount is the lowest or highest only when its whole reading lies beyond every stated number."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from presslens.cli import main
from presslens.store import cli as store_cli
from presslens.store import open_store
from tests.test_cli_figures_table import figures_output, mention

FAST = ["--only", "figures", "--no-progress"]  # the rule-based analyzer: real analysis, quick


@pytest.fixture
def no_names(monkeypatch: pytest.MonkeyPatch) -> None:
    """The mocked views below read no store: the user's names for the articles are none."""
    monkeypatch.setattr(store_cli, "article_names", lambda conn, keys: {})


def _group(mentions: list[SimpleNamespace]) -> SimpleNamespace:
    return SimpleNamespace(
        group_id="g1", label="N drones were shot down", measure="count", unit="drones", mentions=mentions,
        sources=sorted({m.source for m in mentions if m.source}), first=mentions[0], latest=mentions[-1],
        lowest=mentions[0], highest=mentions[-1], also_published_by={}, conflicts=[], conflicts_between=[])


def _real_group(mentions: list[SimpleNamespace]) -> Any:
    """The same mentions as a real :class:`GroupSummary` (what ``figures --format json`` serialises)."""
    from presslens.compare.figure_groups import GroupSummary
    from presslens.compare.figures import FigureMention

    real = [FigureMention(article_id=m.article_id, start=0, end=len(m.text), text=m.text, label="count",
                          measure="count", value=m.value, low=m.low, high=m.high, bound=m.bound, vague=m.vague,
                          date=m.date, source=m.source, attributed_to=m.attributed_to, hedged=m.hedged)
            for m in mentions]
    return GroupSummary(group_id="g1", label="N drones were shot down", measure="count", unit="drones",
                        mentions=real, also_published_by={}, first=real[0], latest=real[-1], lowest=real[0],
                        highest=real[-1], timeline=[], conflicts=[], sources=sorted({m.source for m in real}))


def _vague(text: str, low: float, high: float, source: str, day: int) -> SimpleNamespace:
    m = mention(text, None, low, high, "approx", source, day)
    m.vague = True
    return m


def _summary(out: str) -> str:
    return next(line for line in out.splitlines() if "every mention states" in line or "lowest" in line)


ARTICLES = {
    "courier/cc-01.txt": "Ministry plays down drone attack\n\ndate 2023-03-05 Air defences shot down 12 drones over "
                         "Velmar overnight, the ministry said.",
    "wire/ew-01.txt": "Night of drones\n\ndate 2023-03-09 Air defences shot down 34 drones over Velmar overnight, "
                      "the air force said.",
}


@pytest.fixture
def store_db(tmp_path: Path) -> str:
    db = str(tmp_path / "t.db")
    for name, text in ARTICLES.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n", encoding="utf-8")
        assert main(["index", str(path.parent), "--source", path.parent.name, "--db", db, *FAST]) == 0
    return db


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_rebuild_keeps_json_and_csv_parseable(fmt: str, store_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    # s27: `figures --rebuild -f json > f.json` wrote "regrouped N figure mentions into M groups" before the JSON
    capsys.readouterr()
    assert main(["figures", "--db", store_db, "--min-articles", "1", "--format", fmt]) == 0
    before = capsys.readouterr().out
    assert main(["figures", "--rebuild", "--db", store_db, "--min-articles", "1", "--format", fmt]) == 0
    captured = capsys.readouterr()
    assert captured.err.startswith("regrouped ") and "figure mentions into" in captured.err
    assert captured.out == before  # only the data on stdout, the same as without --rebuild
    if fmt == "json":
        assert any("34 drones" in m["text"] for g in json.loads(captured.out) for m in g["mentions"])
    else:
        assert captured.out.splitlines()[0].startswith("group_id,label,")


def test_rebuild_groups_still_prints_what_it_did(store_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    # `db rebuild-groups` has nothing else to say: its one line stays on stdout
    capsys.readouterr()
    assert main(["db", "rebuild-groups", "--db", store_db]) == 0
    assert capsys.readouterr().out.startswith("regrouped ")


@pytest.mark.usefixtures("no_names")
def test_every_mention_states_keeps_a_shared_bound(monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    # s27 (examples/outlets): "More than 2,400 people" gave "every mention states 2,400", and
    # "up to 1 million men" gave "every mention states 1,000,000"
    lower = [mention("More than 2,400 people", 2400, 2400, None, "lower", "Border Watch", 6)]
    assert "every mention states at least 2,400" in _summary(figures_output(_group(lower), "table",
                                                                              monkeypatch, capsys))
    upper = [mention("up to 1 million men", 1_000_000, None, 1_000_000, "upper", "Kyiv Daily", 3)]
    assert "every mention states at most 1,000,000" in _summary(figures_output(_group(upper), "table",
                                                                              monkeypatch, capsys))
    approx = [mention("about 1,300 people", 1300, 1040, 1560, "approx", "Kyiv Daily", 1),
              mention("some 1,300 people", 1300, 1040, 1560, "approx", "State Wire", 2)]
    assert "every mention states about 1,300" in _summary(figures_output(_group(approx), "table",
                                                                          monkeypatch, capsys))


@pytest.mark.usefixtures("no_names")
def test_every_mention_states_says_when_bounds_differ(monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    mixed = [mention("300,000 reservists", 300_000, 300_000, 300_000, "exact", "Meridian Wire", 1),
             mention("up to 300,000 reservists", 300_000, None, 300_000, "upper", "Radio Tarsk", 6)]
    line = _summary(figures_output(_group(mixed), "table", monkeypatch, capsys))
    assert line.strip() == "every mention states 300,000 (exactly in 1, at most in 1)"
    exact = [mention("300,000 reservists", 300_000, 300_000, 300_000, "exact", "Meridian Wire", 1),
             mention("300,000 reservists", 300_000, 300_000, 300_000, "exact", "Radio Tarsk", 6)]
    line = _summary(figures_output(_group(exact), "table", monkeypatch, capsys))
    assert line.strip() == "every mention states 300,000"


@pytest.mark.usefixtures("no_names")
def test_a_vague_amount_inside_the_stated_range_is_not_an_extreme(monkeypatch: pytest.MonkeyPatch,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    # s27: "not dozens" (read 24..99, middle 61.5) was shown as the highest over "as many as 60 drones"
    mentions = [mention("12 drones", 12, 12, 12, "exact", "Capital Courier", 5),
                _vague("dozens", 24, 99, "Capital Courier", 5),
                mention("34 drones", 34, 34, 34, "exact", "East Wire", 9),
                mention("as many as 60 drones", 60, None, 60, "upper", "Coastal Times", 11)]
    line = _summary(figures_output(_group(mentions), "table", monkeypatch, capsys))
    assert "lowest '12 drones' (Capital Courier, 12)" in line
    assert "highest 'as many as 60 drones' (Coastal Times, 60)" in line
    [group] = json.loads(figures_output(_real_group(mentions), "json", monkeypatch, capsys))
    assert (group["highest"], group["highest_stated_value"]) == ("a11:0-20", 60)
    assert (group["lowest"], group["lowest_stated_value"]) == ("a5:0-9", 12)


def test_a_vague_amount_beyond_every_stated_number_stays_an_extreme() -> None:
    exact = mention("1,300 people", 1300, 1300, 1300, "exact", "Ledger", 1)
    above = _vague("thousands of people", 2000, 9999, "Post", 3)
    below = _vague("a few dozen people", 24, 99, "Wire", 4)
    assert store_cli._stated_extremes([exact, above, below]) == (below, above)
    only = [_vague("dozens", 24, 99, "Wire", 1), _vague("hundreds", 200, 999, "Post", 2)]
    assert store_cli._stated_extremes(only) == (only[0], only[1])


def test_search_table_says_which_hit_is_a_republished_copy(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    # s27: `search '"Red Cross"'` listed East Wire's article and Coastal Times' copy of it a day later as two
    # hits, with nothing saying the second is a copy (figures says "also published by")
    text = ("date {day} Shelters in the west now hold about 15,000 people evacuated from Velmar, the Red Cross "
            "said. Volunteers, many of them aged 19 or 20, run the kitchens.\n")
    db = str(tmp_path / "c.db")
    for outlet, name, title, day in (("east-wire", "ew-02", "Evacuees crowd western shelters", "2023-03-15"),
                                     ("coastal-times", "ct-01", "Shelters fill as Velmar empties", "2023-03-16")):
        folder = tmp_path / outlet
        folder.mkdir()
        (folder / f"{name}.txt").write_text(f"{title}\n\n" + text.format(day=day), encoding="utf-8")
        assert main(["index", str(folder), "--source", outlet, "--db", db, *FAST]) == 0
    capsys.readouterr()
    assert main(["search", '"Red Cross"', "--db", db]) == 0
    out = capsys.readouterr().out.splitlines()
    heads = [i for i, line in enumerate(out) if not line.startswith(" ")]
    assert len(heads) == 2
    copy_block = next(out[i:j] for i, j in zip(heads, [*heads[1:], len(out)], strict=True) if "ct-01" in out[i])
    original_block = next(out[i:j] for i, j in zip(heads, [*heads[1:], len(out)], strict=True) if "ew-02" in out[i])
    assert ("    republished copy of 'ew-02: Evacuees crowd western shelters' (east-wire, 2023-03-15)"
            in copy_block)
    assert not any("republished" in line for line in original_block)


def test_a_presslens_report_in_the_input_is_refused_not_indexed(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    # s27: `presslens analyze corpus/ -f html -o corpus/r.html`, then `presslens index corpus/`, stored the report
    # page as an article ("r", titled "presslens", the article text mixed with the report's labels)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ew-01.txt").write_text(ARTICLES["wire/ew-01.txt"] + "\n", encoding="utf-8")
    assert main(["analyze", str(corpus), "-f", "html", "-o", str(corpus / "r.html"), *FAST]) == 0
    capsys.readouterr()
    db = str(tmp_path / "c.db")
    assert main(["index", str(corpus), "--db", db, *FAST]) == 1  # one input refused: exit 1, the rest indexed
    err = capsys.readouterr().err
    [line] = [x for x in err.splitlines() if "r.html" in x]
    assert line.startswith("presslens: error: ") and "a presslens report" in line
    from sqlalchemy import text

    with open_store(db) as store, store.reading() as conn:
        assert [r[0] for r in conn.execute(text("SELECT given_id FROM articles"))] == ["ew-01"]
    assert main(["analyze", str(corpus / "r.html"), *FAST]) == 1
    assert "a presslens report" in capsys.readouterr().err
