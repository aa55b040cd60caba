"""Conflicts between reports of the same figure: value ranges that cannot both be right.

Every mention stands for an interval of values it allows (:func:`value_interval`):

- an exact figure ("260,000"): the value itself;
- ``approx`` ("about", "some", "around"): the value +-:data:`APPROX_MARGIN` (20%);
- ``lower`` ("more than", "at least", "over"): from the value up, without limit;
- ``upper`` ("up to", "fewer than", "nearly", "almost"): from zero up to the value ("nearly" and "almost" are
  read from the mention's text when the analyzer calls them ``approx``: "nearly 700,000" never means 800,000);
  summaries read "nearly N" as just under N (:func:`reported_interval`);
- a range ("200,000-300,000") or a vague amount ("tens of thousands"): its low..high;
- a malformed digit grouping ("300,00"): from the lowest to the highest likely value.

Two mentions **conflict** when they belong to the same group, come from different articles (republished
copies are not counted), are dated at most :data:`WINDOW_DAYS` (7) days apart, and their intervals are
further apart than :data:`TOLERANCE` (10%): the higher interval starts above the lower interval's top
times 1.1. So "over 100,000" and "260,000" agree, "about 100,000" and "260,000" conflict, "260,000"
and "280,000" agree (rounding), "up to 1 million" and "300,000" agree.

That is the ``"values"`` reading (:data:`CONFLICT_READINGS`), the rule the labelled data follows. The
``"tallies"`` reading (:func:`mentions_clash`) also reads what the two sentences say about the figures:

- a **running tally reported later** is an update, not a conflict: when the later figure is the higher one
  and its sentence says the count grew ("has risen to 31", "bringing the toll to 25", "25, up from 24") or
  is a death toll ("the toll stood at 36"), the two are two points of one rising count. A *lower* later
  value of such a count stays a conflict (a toll does not fall);
- a **part of a count** is never a party to a conflict: "four of them guards", "Of the dead, 21 were
  inmates", "among them two former guards", "Three other guards", "five more" (:func:`is_part_count`).
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


NEARLY_MARGIN = 0.20
"""How far under its number "nearly N" lies for a reader (:func:`reported_interval`): "nearly 700,000" reports
560,000..700,000, just under N."""


def says_nearly(m: FigureMention) -> bool:
    """Whether the words right before the number put it just under it ("nearly", "almost", "just under", "not
    quite": :data:`UPPER_WORDS`)."""
    return bool(UPPER_WORDS.search(m.text[: max(0, m.number_start - m.start)]))


def mention_bound(m: FigureMention) -> str | None:
    """The mention's bound, with "nearly"/"almost" read as ``upper`` (see :data:`UPPER_WORDS`)."""
    if m.bound in (None, "approx") and says_nearly(m):
        return "upper"
    return m.bound


def mention_interval(m: FigureMention) -> tuple[float, float] | None:
    """The values the mention allows under the conflict rule (:func:`value_interval`; "nearly N" from 0 up to N,
    as the labelled data reads it: GUIDELINE point 4)."""
    return value_interval(m.value, m.low, m.high, mention_bound(m), m.likely_values)


def reported_interval(m: FigureMention) -> tuple[float, float] | None:
    """The values a reader takes the mention to report, for summaries and timelines: :func:`mention_interval`,
    except that "nearly N" (:func:`says_nearly`) is just under N, from N less :data:`NEARLY_MARGIN` up to N, not
    from 0 ("Nearly 700,000" is never a group's lowest report beside "about 500,000"). A cap such as "fewer than"
    or "up to" still starts at 0. The conflict rule keeps 0..N: read as 0.8N..N, "nearly" added 24 false
    conflicts and found none more on the 17 seen stories (docs/EVALUATION.md, round 2 stop 23)."""
    iv = mention_interval(m)
    if iv is not None and mention_bound(m) == "upper" and says_nearly(m):
        return iv[1] * (1 - NEARLY_MARGIN), iv[1]
    return iv


def intervals_conflict(a: tuple[float, float], b: tuple[float, float], tolerance: float = TOLERANCE) -> bool:
    """Whether the two intervals are further apart than ``tolerance`` (relative to the lower one's top)."""
    (lo_a, hi_a), (lo_b, hi_b) = a, b
    return lo_b > hi_a * (1 + tolerance) or lo_a > hi_b * (1 + tolerance)


CONFLICT_READINGS = ("values", "tallies")
"""How two clashing value ranges are read: ``"values"`` (any clash inside the window is a conflict, the rule of
the labelled data) or ``"tallies"`` (a later, higher report of a rising count is an update, and a part of a
count is no party to a conflict: :func:`mentions_clash`)."""

_WORDS = re.compile(r"[A-Za-z][A-Za-z'-]*")
RISE_WORDS = frozenset({"risen", "rose", "rises", "rise", "rising", "climbed", "climbs", "climb", "increased",
                        "increases", "grown", "grew", "grows", "jumped", "swelled", "mounted", "bringing",
                        "brought", "brings", "pushing", "pushed", "toll", "tally"})
"""Words before a figure (in its sentence, at most :data:`RISE_REACH` words back) that make it the new value of a
growing count: "has risen to N", "bringing the toll to N", "the death toll stood at N"."""
RISE_REACH = 8
UP_FROM = re.compile(r"^\W*(?:up|rising|risen|climbing)\s+from\b", re.I)
"""Right after a figure: "25, up from 24 last week" (the figure is the newer value of a count)."""
PART_AFTER = re.compile(r"^\s*(?:of\s+(?:them|whom|which|those|these)\b|others?\b|more\b|among\b)", re.I)
"""Right after a number: "four of them guards", "three others", "five more" ("180 of the province's fires" is
left alone: a named share of a set is often the tracked figure itself)."""
PART_BEFORE = re.compile(r"(?:\b(?:including|among\s+(?:them|whom|those)|of\s+(?:whom|which|those|them))"
                         r"|^\s*of\s+(?:the|those|these|its|their)\s+[\w'-]+(?:\s+[\w'-]+)?\s*,"
                         r"(?:\s*[\w'-]+){0,2})\s*$", re.I)
"""Right before a number: "including 12", "among them two", "Of the dead, 21", "Of the escapees, about 70"."""


def _sentence_around(m: FigureMention) -> tuple[str, str]:
    """The mention's sentence before its number and after its number (the clause when no sentence is known)."""
    text, at = (m.sentence, m.sentence_start) if m.sentence else (m.clause, None)
    if at is None or not (0 <= m.number_start - at <= len(text)):
        return "", ""
    return text[: m.number_start - at], text[m.number_end - at :]


def is_part_count(m: FigureMention) -> bool:
    """Whether the figure counts a part of another count in its sentence, right before or after its number
    (:data:`PART_BEFORE`, :data:`PART_AFTER`): such a figure never contradicts the whole ("24 people died,
    four of them guards"). A sub-count further away keeps its say ("447 people on board, including 31 crew and
    about 70 children": the children are a count of their own that other reports may dispute)."""
    before, after = _sentence_around(m)
    return bool(PART_AFTER.match(after) or PART_BEFORE.search(_strip_bound(UPPER_WORDS.sub("", before))))


_BOUND_WORDS = re.compile(r"(?:\b(?:about|around|some|nearly|almost|roughly|approximately|more\s+than|over|"
                          r"at\s+least|fewer\s+than|less\s+than|up\s+to|only|just|all)\s*)+$", re.I)


def _strip_bound(before: str) -> str:
    return _BOUND_WORDS.sub("", before)


def reports_a_rise(m: FigureMention) -> bool:
    """Whether the figure's sentence makes it the newest value of a growing count (:data:`RISE_WORDS` within
    :data:`RISE_REACH` words before it, or "up from ..." right after it)."""
    before, after = _sentence_around(m)
    words = [w.lower() for w in _WORDS.findall(before)][-RISE_REACH:]
    return bool(RISE_WORDS.intersection(words)) or bool(UP_FROM.match(after))


def is_update(earlier: FigureMention, later: FigureMention, tolerance: float = TOLERANCE) -> bool:
    """Whether ``later`` (dated after ``earlier``) reports a higher value of a growing count: its whole range lies
    above ``earlier``'s and its sentence reports a rise (:func:`reports_a_rise`). An earlier upper bound ("no
    more than a dozen died") is a claim about the final count, so a later, higher toll disputes it."""
    if earlier.date is None or later.date is None or later.date <= earlier.date:
        return False
    if mention_bound(earlier) == "upper":
        return False
    ia, ib = mention_interval(earlier), mention_interval(later)
    if ia is None or ib is None or not ib[0] > ia[1] * (1 + tolerance):
        return False
    return reports_a_rise(later)


def mentions_clash(a: FigureMention, b: FigureMention, reading: str = "values",
                   tolerance: float = TOLERANCE) -> bool:
    """Whether two figures' value ranges clash (:func:`intervals_conflict`); with ``reading="tallies"``, also
    not when either is a part of a count (:func:`is_part_count`) or the later one updates a growing count
    (:func:`is_update`)."""
    ia, ib = mention_interval(a), mention_interval(b)
    if ia is None or ib is None or not intervals_conflict(ia, ib, tolerance):
        return False
    if reading == "values":
        return True
    if reading != "tallies":
        raise ValueError(f"unknown conflict reading {reading!r} (one of {', '.join(CONFLICT_READINGS)})")
    if is_part_count(a) or is_part_count(b):
        return False
    return not (is_update(a, b, tolerance) or is_update(b, a, tolerance))


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
                   tolerance: float = TOLERANCE, reading: str = "values") -> list[Conflict]:
    """Conflicting pairs among the mentions of one group (sorted by date; undated mentions are skipped);
    ``reading``: see :data:`CONFLICT_READINGS`."""
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
            if intervals_conflict(ia, ib, tolerance) and (
                    reading == "values" or mentions_clash(a, b, reading, tolerance)):
                out.append(Conflict(a, b, days))
    return out


__all__ = ["NEARLY_MARGIN", "reported_interval", "says_nearly", "CONFLICT_READINGS", "PART_AFTER", "PART_BEFORE", "RISE_REACH", "RISE_WORDS", "UP_FROM", "is_part_count",
           "is_update", "mentions_clash", "reports_a_rise", "UPPER_WORDS", "mention_bound", "APPROX_MARGIN", "TOLERANCE", "WINDOW_DAYS", "Conflict", "find_conflicts", "intervals_conflict",
           "mention_interval", "value_interval"]
