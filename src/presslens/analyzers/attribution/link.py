"""Linking tagged cues to their source and content, and merging tagged with rule attributions."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from presslens.analyzers.attribution.rules import RuleAttribution
from presslens.analyzers.attribution.spans import Span, overlaps

# Merging, linking and typing
# ---------------------------------------------------------------------------------------------


@dataclass
class Attribution:
    cue: Span
    source: Span | None
    content: Span | None
    score: float
    from_rules: bool
    sane: bool = True
    """False when the attribution breaks a span-sanity rule (:func:`~.refine.sanity_problems`)."""


def link_tagged(
    text: str, spans: dict[str, list[Span]], sentence_ranges: list[Span], role_scores: dict[Span, float]
) -> list[Attribution]:
    """Attach to every tagged cue the nearest source and content.

    Sources come from the cue's sentence. Contents are linked in two passes: first every cue takes the
    nearest free content in its own sentence, then cues still without one may take a free content from
    the neighbouring sentence of the same paragraph (a quote that runs over, ``He said: "..."``).
    """
    sent_starts = [s for s, _ in sentence_ranges]

    def sent_idx(pos: int) -> int:
        i = bisect.bisect_right(sent_starts, pos) - 1
        return i if i >= 0 and pos < sentence_ranges[i][1] else -1

    cues = sorted(spans["cue"])
    cue_sent = {cue: sent_idx(cue[0]) for cue in cues}
    free_contents = list(spans["content"])
    content_sent = {c: sent_idx(c[0]) for c in free_contents}
    sources_in: dict[int, list[Span]] = {}  # sentence index -> tagged sources starting in it, in order
    for sp in spans["source"]:
        sources_in.setdefault(sent_idx(sp[0]), []).append(sp)
    contents: dict[Span, Span] = {}
    for same_pass in (True, False):
        for cue in cues:
            if cue in contents:
                continue
            ci = cue_sent[cue]
            if same_pass:
                cands = [c for c in free_contents if _touches(c, ci, sentence_ranges)]
            else:
                cands = [
                    c
                    for c in free_contents
                    if abs(content_sent[c] - ci) <= 1 and "\n\n" not in _between(text, c, cue)
                ]
            content = _nearest_content(text, cue, cands)
            if content is not None:
                contents[cue] = content
                free_contents.remove(content)
    out: list[Attribution] = []
    for cue in cues:
        ci = cue_sent[cue]
        src = _nearest(cue, [s for s in sources_in.get(ci, ()) if not overlaps(s, cue)])
        content = contents.get(cue)
        if src is None and content is None:
            continue
        scores = [role_scores.get(x, 0.5) for x in (cue, src, content) if x is not None]
        out.append(Attribution(cue, src, content, sum(scores) / len(scores), False))
    return out


def _between(text: str, a: Span, b: Span) -> str:
    lo, hi = (a, b) if a[0] <= b[0] else (b, a)
    return text[lo[1] : hi[0]]


def _nearest_content(text: str, cue: Span, cands: list[Span]) -> Span | None:
    """Nearest content, preferring spans of three words or more (``on Monday`` is rarely content)."""
    if not cands:
        return None
    near = _nearest(cue, [c for c in cands if len(text[c[0] : c[1]].split()) >= 3])
    return near if near is not None else _nearest(cue, cands)


def _touches(span: Span, sent: int, ranges: list[Span]) -> bool:
    if sent < 0:
        return False
    s, e = ranges[sent]
    return span[0] < e and s < span[1]


def _nearest(cue: Span, cands: list[Span]) -> Span | None:
    if not cands:
        return None

    def dist(sp: Span) -> int:
        if sp[1] <= cue[0]:
            return cue[0] - sp[1]
        if sp[0] >= cue[1]:
            return sp[0] - cue[1]
        return 0

    return min(cands, key=dist)


def merge(
    rules: list[RuleAttribution],
    tagged: list[Attribution],
    prefer: str = "tagger",
    same_cue: str = "tagger",
    text: str = "",
) -> list[Attribution]:
    """Combine both layers.

    ``prefer="tagger"``: tagged attributions are kept; a rule attribution whose cue overlaps a tagged cue
    only fills that one's missing source or content (``same_cue="tagger"``) or replaces it
    (``same_cue="rules"``); tagged cues inside a rule's source are dropped; other rule attributions are added.
    ``prefer="rules"``: rule attributions are kept and tagged ones clashing with them dropped.
    """
    if prefer == "rules":
        out = [Attribution(r.cue, r.source, r.content, 0.9, True) for r in rules]
        for t in tagged:
            if not any(_clash(t, r) for r in rules):
                out.append(t)
        return sorted(out, key=lambda a: a.cue)
    rule_sources = [r.source for r in rules if r.source is not None]
    out = [t for t in tagged if not any(overlaps(t.cue, rs) for rs in rule_sources)]
    for r in rules:
        same = [t for t in out if overlaps(t.cue, r.cue)]
        if same and same_cue == "tagger":
            t = same[0]
            if r.source is not None and (
                t.source is None or (r.source[0] <= t.source[0] and t.source[1] <= r.source[1])
            ):
                t.source = r.source  # missing, or the rule has the full noun phrase ("the health ministry")
            if r.content is not None and (t.content is None or _short(text, t.content)):
                t.content = r.content
            continue
        if same_cue == "rules":
            out = [t for t in out if t not in same]
        elif any(_clash(t, r) for t in out):
            continue
        out.append(Attribution(r.cue, r.source, r.content, 0.9, True))
    return sorted(out, key=lambda a: a.cue)


_CIRCUMSTANCE = re.compile(
    r"(?:on|in|at|last|this|during|after|before|by|since|early|late|yesterday|today|overnight)\b", re.I
)


def _short(text: str, span: Span) -> bool:
    """A short tagged content that looks like a circumstance (``on Monday``), not what was said."""
    piece = text[span[0] : span[1]]
    return bool(text) and len(piece.split()) < 3 and bool(_CIRCUMSTANCE.match(piece))


def _clash(t: Attribution, r: RuleAttribution) -> bool:
    """The same attribution found twice: the same cue, or overlapping contents of cues close together -- unless
    one's cue lies inside the other's content (a nested report: "the BBC adds the WHO said ...")."""
    if overlaps(t.cue, r.cue):
        return True
    if t.content is None or r.content is None or not overlaps(t.content, r.content):
        return False
    return _overlaps_near(t.cue, r.cue) and not (_inside(t.cue, r.content) or _inside(r.cue, t.content))


def _inside(a: Span, b: Span) -> bool:
    return b[0] <= a[0] and a[1] <= b[1]


def _overlaps_near(a: Span, b: Span, gap: int = 40) -> bool:
    return a[0] - gap < b[1] and b[0] - gap < a[1]
