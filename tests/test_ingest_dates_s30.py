"""User trial s30: dates that depend on the day of indexing, and date markers not written YYYY-MM-DD."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from presslens.article import Article
from presslens.ingest import InputError, ReadOptions, read_inputs
from presslens.ingest.html import parse_date


def _items(paths: list[Path]) -> list[Article | InputError]:
    return list(read_inputs([str(p) for p in paths], ReadOptions()))


@pytest.mark.parametrize("value", ["yesterday", "today", "now", "3 hours ago", "2 days ago", "last week",
                                   "in 2 days", "tomorrow"])
def test_relative_dates_are_not_read(value: str) -> None:
    """"yesterday" in a JSONL/CSV date field or a page's metadata used to become the day before the *indexing*
    day (2026-12-06 when indexed on 2026-12-07): the stored date changed with the day the command ran."""
    assert parse_date(value) is None


@pytest.mark.parametrize(("value", "expected"), [
    ("2025-06-05", "2025-06-05"),
    ("5 June 2025", "2025-06-05"),
    ("Mon, 02 Jun 2025 10:00:00 GMT", "2025-06-02"),
    ("2025-06-05T10:00", "2025-06-05"),
])
def test_absolute_dates_are_still_read(value: str, expected: str) -> None:
    assert str(parse_date(value)) == expected


def test_jsonl_relative_date_is_an_error_naming_the_line(tmp_path: Path) -> None:
    p = tmp_path / "feed.jsonl"
    rows = [{"id": "a", "date": "2025-06-05", "text": "Police said 9 people were held."},
            {"id": "b", "date": "yesterday", "text": "Police said 3 people were held."},
            {"id": "c", "date": "5 hours ago", "text": "Police said 4 people were held."}]
    p.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    items = _items([p])
    assert isinstance(items[0], Article) and str(items[0].date) == "2025-06-05"
    for item, line, raw in ((items[1], 2, "yesterday"), (items[2], 3, "5 hours ago")):
        assert isinstance(item, InputError), item
        assert item.line == line
        assert f"cannot read date {raw!r}" in item.message
        assert "relative" in item.message
    assert all(not isinstance(i, Article) or i.date != dt.date.today() - dt.timedelta(days=1) for i in items)


@pytest.mark.parametrize(("marker", "hint"), [
    ("date 2025-6-4", "date 2025-06-04"),
    ("date 2025/06/04", "date 2025-06-04"),
    ("date 04.06.2025", None),
    ("Date: 4/6/2025", None),
])
def test_date_marker_not_in_iso_form_is_refused_with_its_line(tmp_path: Path, marker: str,
                                                             hint: str | None) -> None:
    """``date 2025-6-4`` used to stay in the text silently: the article was stored undated (it dropped out of
    every ``--since`` view and every figure timeline's dates) and "2025-6-4" was read as text."""
    bad = tmp_path / "bad.txt"
    bad.write_text(f"Kessara corridor\n\n{marker} The ministry said 7 people left.\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("Kessara corridor\n\ndate 2025-06-04 The ministry said 7 people left.\n", encoding="utf-8")
    items = _items([bad, good])
    assert isinstance(items[0], InputError)
    assert items[0].origin == str(bad) and items[0].line == 3
    assert "YYYY-MM-DD" in items[0].message and marker.split()[1] in items[0].message
    if hint:
        assert hint in items[0].message
    assert isinstance(items[1], Article) and str(items[1].date) == "2025-06-04"


def test_date_words_later_in_the_text_are_content(tmp_path: Path) -> None:
    """Only the marker positions (start, first body line) are checked: a date written D.M.YYYY in the body stays."""
    p = tmp_path / "a.txt"
    p.write_text("Kessara corridor\n\nThe corridor opened on 4.6.2025, officials said.\n\ndate 4.6.2025 was "
                 "the day.\n", encoding="utf-8")
    (item,) = _items([p])
    assert isinstance(item, Article) and item.date is None and "4.6.2025" in item.text
