"""User trial s33: docs/CORPUS.md said the ``figures -f csv`` header is "always the same 30 columns" after stop 31
had appended a 31st, ``updates``. The count and the last columns the doc names must be the header's."""

from __future__ import annotations

import re
from pathlib import Path

from presslens.store import cli as store_cli

DOC = Path(__file__).resolve().parents[1] / "docs" / "CORPUS.md"


def _doc_sentence() -> str:
    text = " ".join(DOC.read_text(encoding="utf-8").split())
    found = re.search(r"The CSV header is always the same (\d+) columns \(([^)]*)\)", text)
    assert found, "docs/CORPUS.md no longer states the figures CSV header"
    return found.group(0)


def test_corpus_doc_states_the_figures_csv_column_count() -> None:
    sentence = _doc_sentence()
    count = int(re.search(r"same (\d+) columns", sentence).group(1))  # type: ignore[union-attr]
    assert count == len(store_cli.FIGURES_CSV_FIELDS)


def test_corpus_doc_names_the_appended_columns_in_header_order() -> None:
    named = re.findall(r"`([a-z_]+)`", _doc_sentence())
    assert named, "the sentence names the appended columns"
    fields = store_cli.FIGURES_CSV_FIELDS
    assert all(name in fields for name in named)
    assert [fields.index(name) for name in named] == sorted(fields.index(name) for name in named)
    assert named[-1] == fields[-1]  # the doc names the last column the header has
