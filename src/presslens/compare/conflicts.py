"""Conflicts between reports of the same figure: value ranges that cannot both be right.

Every mention stands for an interval of values it allows (:func:`value_interval`):

- an exact figure ("260,000"): the value itself;
- ``approx`` ("about", "some", "around"): the value +-:data:`APPROX_MARGIN` (20%);
- ``lower`` ("more than", "at least", "over"): from the value up, without limit;
- ``upper`` ("up to", "fewer than", "nearly", "almost"): from zero up to the value ("nearly" and "almost" are
  read from the mention's text when the analyzer calls them ``approx``: "nearly 700,000" never means 800,000);
- a range ("200,000-300,000") or a vague amount ("tens of thousands"): its low..high;
- a malformed digit grouping ("300,00"): from the lowest to the highest likely value.

Two mentions **conflict** when they belong to the same group, come from different articles (republished
copies are not counted), are dated at most :data:`WINDOW_DAYS` (7) days apart, and their intervals are
further apart than :data:`TOLERANCE` (10%): the higher interval starts above the lower interval's top
times 1.1. So "over 100,000" and "260,000" agree, "about 100,000" and "260,000" conflict, "260,000"
and "280,000" agree (rounding), "up to 1 million" and "300,000" agree.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from presslens.compare.figures import FigureMention

WINDOW_DAYS = 7
"""Mentions dated further apart than this are not compared (the figure may have changed meanwhile)."""
TOLERANCE = 0.10
"""Relative gap two intervals must exceed to conflict (absorbs rounding: 260,000 vs 280,000)."""
APPROX_MARGIN = 0.20
"""Half-width of an ``approx`` figure: "about 100,000" allows 80,000..120,000."""


def value_interval(value: float | None, low: float | None = None, high: float | None = None,
                   bound: str | None = None, likely_values: Sequence[float] = ()) -> tuple[float, float] | None:
    """The values a figure allows, or None when it states none."""
    if value is None:
        if low is not None and high is not None:
            lo, hi = float(low), float(high)
        elif likely_values:
            lo, hi = float(min(likely_values)), float(max(likely_values))
        else:
            return None
    else:
        lo = hi = float(value)
    if bound == "approx":
        lo, hi = lo * (1 - APPROX_MARGIN), hi * (1 + APPROX_MARGIN)
    elif bound == "lower":
        hi = math.inf
    elif bound == "upper":
        lo = 0.0
    return lo, hi


UPPER_WORDS = re.compile(r"\b(?:nearly|almost|just\s+(?:under|below|short\s+of)|not\s+quite)\s*$", re.I)
"""Bound words right before the number that cap it ("nearly 700,000": at most 700,000), whatever bound the
analyzer gave."""


def mention_bound(m: FigureMention) -> str | None:
    """The mention's bound, with "nearly"/"almost" read as ``upper`` (see :data:`UPPER_WORDS`)."""
    if m.bound in (None, "approx"):
        before = m.text[: max(0, m.number_start - m.start)]
        if UPPER_WORDS.search(before):
            return "upper"
    return m.bound


def mention_interval(m: FigureMention) -> tuple[float, float] | None:
    return value_interval(m.value, m.low, m.high, mention_bound(m), m.likely_values)


def intervals_conflict(a: tuple[float, float], b: tuple[float, float], tolerance: float = TOLERANCE) -> bool:
    """Whether the two intervals are further apart than ``tolerance`` (relative to the lower one's top)."""
    (lo_a, hi_a), (lo_b, hi_b) = a, b
    return lo_b > hi_a * (1 + tolerance) or lo_a > hi_b * (1 + tolerance)


@dataclass(frozen=True)
class Conflict:
    """Two mentions of one measured thing that cannot both be right."""

    first: FigureMention
    second: FigureMention
    days_apart: int | None

    def to_dict(self) -> dict[str, object]:
        return {"first": self.first.id, "second": self.second.id, "days_apart": self.days_apart,
                "first_text": self.first.text, "second_text": self.second.text,
                "first_source": self.first.source, "second_source": self.second.source}


def find_conflicts(mentions: Sequence[FigureMention], *, window_days: int = WINDOW_DAYS,
                   tolerance: float = TOLERANCE) -> list[Conflict]:
    """Conflicting pairs among the mentions of one group (sorted by date; undated mentions are skipped)."""
    dated = sorted((m for m in mentions if m.date is not None), key=lambda m: (m.date, m.article_id, m.start))
    intervals = [mention_interval(m) for m in dated]
    out: list[Conflict] = []
    for i, a in enumerate(dated):
        ia = intervals[i]
        if ia is None:
            continue
        for j in range(i + 1, len(dated)):
            b = dated[j]
            assert a.date is not None and b.date is not None
            days = (b.date - a.date).days
            if days > window_days:
                break
            ib = intervals[j]
            if ib is None or b.article_id == a.article_id:
                continue
            if intervals_conflict(ia, ib, tolerance):
                out.append(Conflict(a, b, days))
    return out


__all__ = ["UPPER_WORDS", "mention_bound", "APPROX_MARGIN", "TOLERANCE", "WINDOW_DAYS", "Conflict", "find_conflicts", "intervals_conflict",
           "mention_interval", "value_interval"]
