"""User trial s31: a date marker written in words (relative, or with a month name) was read as text, and the
article was stored undated without a word."""

from __future__ import annotations

from pathlib import Path

import pytest

from presslens.article import Article
from presslens.ingest import InputError, ReadOptions, read_inputs


def _items(paths: list[Path]) -> list[Article | InputError]:
    return list(read_inputs([str(p) for p in paths], ReadOptions()))


@pytest.mark.parametrize("marker", ["date yesterday", "Date: today", "date 3 days ago", "date last week",
                                    "date in 2 days", "date a week ago"])
def test_relative_date_marker_is_refused_with_its_line(tmp_path: Path, marker: str) -> None:
    """``date yesterday`` used to stay in the text: the article was indexed undated and "date yesterday" began
    its first claim, while a JSONL ``"date": "yesterday"`` is refused since stop 30."""
    bad = tmp_path / "bad.txt"
    bad.write_text(f"Dravnik market\n\n{marker} Ten people were hurt, police said.\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("Dravnik market\n\ndate 2025-04-07 Ten people were hurt, police said.\n", encoding="utf-8")
    items = _items([bad, good])
    assert isinstance(items[0], InputError), items[0]
    assert items[0].origin == str(bad) and items[0].line == 3
    assert "relative date" in items[0].message and marker.split(None, 1)[1] in items[0].message
    assert "YYYY-MM-DD" in items[0].message
    assert isinstance(items[1], Article) and str(items[1].date) == "2025-04-07"


@pytest.mark.parametrize(("marker", "hint"), [
    ("date 7 April 2025", "date 2025-04-07"),
    ("Date: April 7th, 2025", "date 2025-04-07"),
    ("date 7 Apr. 2025", "date 2025-04-07"),
    ("date 31 February 2025", None),
])
def test_month_name_date_marker_is_refused_with_a_hint(tmp_path: Path, marker: str, hint: str | None) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text(f"Dravnik market\n\n{marker}\nTen people were hurt, police said.\n", encoding="utf-8")
    (item,) = _items([bad])
    assert isinstance(item, InputError), item
    assert item.line == 3 and "not written YYYY-MM-DD" in item.message
    if hint:
        assert f"({hint})" in item.message
    else:
        assert "(date " not in item.message


@pytest.mark.parametrize("text", ["Date palms grow here.", "Date night was calm today.", "Today the market "
                                  "reopened.", "date May 2025 was the month the market reopened."])
def test_words_that_are_no_marker_stay_text(tmp_path: Path, text: str) -> None:
    p = tmp_path / "a.txt"
    p.write_text(f"Dravnik market\n\n{text}\n", encoding="utf-8")
    (item,) = _items([p])
    assert isinstance(item, Article) and item.date is None
    assert text in item.text


def test_a_worded_date_later_in_the_text_is_content(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("Dravnik market\n\ndate 2025-04-07 The market reopened.\n\ndate yesterday was the deadline.\n",
                 encoding="utf-8")
    (item,) = _items([p])
    assert isinstance(item, Article) and str(item.date) == "2025-04-07"
    assert "date yesterday was the deadline." in item.text
