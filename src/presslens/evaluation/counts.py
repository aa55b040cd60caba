"""Precision and recall counts: the one count type of the evaluation and of the training tables.

Precision is over the predictions (``correct`` of ``predicted``: the asserted findings or candidates that
match a gold item); recall is over the gold items (``found`` of ``gold``: the gold items some prediction
matches). The two numerators differ: one prediction may match several gold items, several predictions one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class PrecisionRecallCounts:
    """Counts of predictions compared with gold items; ``+`` and :meth:`add` sum them field by field."""

    predicted: int = 0
    correct: int = 0
    """predictions that match a gold item"""
    gold: int = 0
    found: int = 0
    """gold items that a prediction matches"""

    def __add__(self, other: PrecisionRecallCounts) -> PrecisionRecallCounts:
        return PrecisionRecallCounts(self.predicted + other.predicted, self.correct + other.correct,
                                     self.gold + other.gold, self.found + other.found)

    def add(self, other: PrecisionRecallCounts) -> None:
        """Add ``other`` into these counts (in place)."""
        self.predicted += other.predicted
        self.correct += other.correct
        self.gold += other.gold
        self.found += other.found

    @property
    def precision(self) -> float | None:
        """``correct / predicted``; ``None`` when nothing was predicted."""
        return self.correct / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        """``found / gold``; ``None`` when there is no gold item."""
        return self.found / self.gold if self.gold else None

    def to_dict(self) -> dict[str, Any]:
        """The four counts with precision and recall (``None`` where undefined), as ``presslens eval realnews
        --json`` prints them."""
        return {"predicted": self.predicted, "correct": self.correct, "gold": self.gold, "found": self.found,
                "precision": self.precision, "recall": self.recall}
