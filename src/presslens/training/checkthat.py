"""Readers for the CheckThat! check-worthiness data (CT24 task 1 English, CT20 task 5 debates)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

CT24_DIR = "checkthat2024-task1-en"
CT20_DIR = "checkthat2020-task5-debates-en"


@dataclass
class LabelledSentence:
    text: str
    label: int
    group: str
    """CT24 split name or CT20 debate file name."""


def _find(data: str | Path, name: str, marker: str) -> Path:
    p = Path(data)
    for cand in (p, p / name):
        if (cand / marker).exists():
            return cand
    raise FileNotFoundError(f"no {name} ({marker}) under {p}")


def load_ct24(data: str | Path, split: str) -> list[LabelledSentence]:
    """``split`` is ``train``, ``dev`` or ``dev-test``."""
    fname = f"CT24_checkworthy_english_{split}.tsv"
    path = _find(data, CT24_DIR, fname) / fname
    out: list[LabelledSentence] = []
    with open(path, encoding="utf-8", newline="") as f:
        rows = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rows, None)
        for row in rows:
            if len(row) >= 3:
                out.append(LabelledSentence(row[1].strip(), int(row[2].strip().lower() == "yes"), split))
    return out


def load_ct20(data: str | Path, split: str) -> list[LabelledSentence]:
    """``split`` is ``train`` or ``test-gold``; one group per debate file, lines in file order."""
    base = _find(data, CT20_DIR, split) / split
    out: list[LabelledSentence] = []
    for path in sorted(base.glob("*.tsv")):
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                if len(row) >= 4:
                    out.append(LabelledSentence(row[2].strip(), int(row[3].strip() == "1"), path.stem))
    return out


_NON_WORD = re.compile(r"[^a-z0-9]+")


def normalise(text: str) -> str:
    """Lower case, punctuation and spacing removed: the key for de-duplication across splits."""
    return _NON_WORD.sub(" ", text.lower()).strip()
