"""Character spans: the ``Span`` type and the small helpers every attribution stage uses."""

from __future__ import annotations

Span = tuple[int, int]


def strip_span(text: str, s: int, e: int, chars: str = " \t\n,;:") -> Span:
    while s < e and text[s] in chars:
        s += 1
    while e > s and text[e - 1] in chars:
        e -= 1
    return s, e


def sentence_at(ranges: list[Span], pos: int) -> Span | None:
    for s, e in ranges:
        if s <= pos < e:
            return (s, e)
    return None


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]
