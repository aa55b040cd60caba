"""Matching rules of the real-news evaluation (``data/realnews/GUIDELINE.md`` section 9).

A prediction matches a gold item when the ``match_*`` function of its kind says so; the tests exercise them
directly and ``presslens eval realnews`` (:mod:`presslens.evaluation.realnews`) applies them to every article.
"""

from __future__ import annotations

import re
from typing import Any

from presslens.article import Finding
from presslens.evaluation.realnews_annotations import cuts_word

BOUND_OF_PRESSLENS = {None: "exact", "lower": "lower", "upper": "upper", "approx": "approximate"}
_HEAD_STOP = re.compile(r"\s(?:of|at|for|from|in|on|with|to|by|who|which|that)\s|,", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*", re.UNICODE)

Span = tuple[int, int]


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def covers(pred: Span, gold: Span, share: float = 0.5) -> bool:
    """The prediction covers at least ``share`` of the gold span's characters."""
    return overlap(pred, gold) >= share * (gold[1] - gold[0]) and overlap(pred, gold) > 0


def mutual_overlap(a: Span, b: Span, share: float = 0.5) -> bool:
    """Overlap of at least ``share`` of the longer span (the claim rule)."""
    return overlap(a, b) > 0 and overlap(a, b) >= share * max(a[1] - a[0], b[1] - b[0])


def shorter_overlap(a: Span, b: Span, share: float = 0.5) -> bool:
    """Overlap of at least ``share`` of the shorter span (violence, calls to action)."""
    return overlap(a, b) > 0 and overlap(a, b) >= share * min(a[1] - a[0], b[1] - b[0])


def source_head(text: str, source: Span) -> Span | None:
    """The head word of a source noun phrase: its last word before a preposition, comma or relative pronoun.

    "the spokesman for the ministry" → "spokesman"; "WHO Director-General Tedros" → "Tedros".
    """
    piece = text[source[0]:source[1]]
    stop = _HEAD_STOP.search(piece)
    cut = piece[: stop.start()] if stop else piece
    words = list(_WORD.finditer(cut))
    if not words:
        return None
    last = words[-1]
    return source[0] + last.start(), source[0] + last.end()


def ref_span(value: Any) -> Span | None:
    if isinstance(value, dict) and isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
        return value["start"], value["end"]
    return None


def attribution_source_ok(text: str, finding: Finding, gold_source: Span) -> bool:
    source = ref_span(finding.attributes.get("source"))
    if source is None:
        return False
    head = source_head(text, source)
    return head is not None and gold_source[0] <= head[0] and head[1] <= gold_source[1]


def attribution_content_ok(text: str, finding: Finding, gold_content: Span) -> bool:
    content = ref_span(finding.attributes.get("content"))
    return content is not None and not cuts_word(text, content) and covers(content, gold_content)


def match_attribution(text: str, finding: Finding, gold: dict[str, Any]) -> bool:
    """Source head inside the gold source, content covers >= 0.5 of the gold content, no word cut."""
    return (attribution_source_ok(text, finding, tuple(gold["source"]))  # type: ignore[arg-type]
            and attribution_content_ok(text, finding, tuple(gold["content"])))  # type: ignore[arg-type]


#: relative tolerance of a value match: rounding of written fractions ("two-thirds" 66.67 vs 66.7)
VALUE_TOLERANCE = 2e-3


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= VALUE_TOLERANCE * max(abs(a), abs(b)) or abs(a - b) < 1e-9


def same_value(a: Any, b: Any) -> bool:
    """Equal values within :data:`VALUE_TOLERANCE`; a fraction and its percentage (0.25, 25) count as equal."""
    if a is None or b is None:
        return a is None and b is None
    a, b = float(a), float(b)
    return _close(a, b) or _close(a * 100, b) or _close(a, b * 100)


def presslens_bound(finding: Finding) -> str:
    if finding.label == "range":
        return "range"
    return BOUND_OF_PRESSLENS.get(finding.attributes.get("bound"), str(finding.attributes.get("bound")))


def quantity_value_ok(finding: Finding, gold: dict[str, Any]) -> bool:
    attrs = finding.attributes
    if gold.get("vague"):
        return bool(attrs.get("vague"))
    if gold["bound"] == "range" or gold.get("value") is None:
        return same_value(attrs.get("low"), gold.get("low")) and same_value(attrs.get("high"), gold.get("high"))
    return same_value(attrs.get("value"), gold["value"])


def match_quantity(finding: Finding, gold: dict[str, Any]) -> bool:
    """Spans overlap, the value matches and the bound matches (a vague amount has no bound to match)."""
    return (overlap((finding.start, finding.end), tuple(gold["span"])) > 0  # type: ignore[arg-type]
            and quantity_value_ok(finding, gold)
            and (bool(gold.get("vague")) or presslens_bound(finding) == gold["bound"]))


def match_claim(finding: Finding, gold_span: Span) -> bool:
    return mutual_overlap((finding.start, finding.end), gold_span)


def match_prediction(span: Span, gold_span: Span) -> bool:
    return covers(span, gold_span) or covers(gold_span, span)


def match_violence(finding: Finding, gold_span: Span) -> bool:
    return shorter_overlap((finding.start, finding.end), gold_span)


def hedge_cue_spans(text: str, finding: Finding) -> list[Span | None]:
    """Each hedge cue of a claim finding as a span in the claim's text (None when the cue is not in it).

    Cues may be ``{"start", "end", "text"}`` references or plain strings (looked up in the claim, in order).
    """
    out: list[Span | None] = []
    sentence = text[finding.start:finding.end]
    pos = 0
    for cue in finding.attributes.get("hedge_cues") or []:
        ref = ref_span(cue)
        if ref is not None:
            out.append(ref if finding.start <= ref[0] and ref[1] <= finding.end else None)
            continue
        if not isinstance(cue, str) or not cue:
            out.append(None)
            continue
        found = sentence.lower().find(cue.lower(), pos)
        if found < 0:
            found = sentence.lower().find(cue.lower())
        if found < 0:
            out.append(None)
        else:
            out.append((finding.start + found, finding.start + found + len(cue)))
            pos = found + len(cue)
    return out


def horizon_span(text: str, span: Span, finding: Finding) -> Span | None:
    horizon = finding.attributes.get("horizon")
    ref = ref_span(horizon)
    if ref is not None:
        return ref
    if isinstance(horizon, str) and horizon:
        found = text[span[0]:span[1]].find(horizon)
        if found >= 0:
            return span[0] + found, span[0] + found + len(horizon)
    return None
