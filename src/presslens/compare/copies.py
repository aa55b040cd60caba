"""What a republished copy adds: the figures it states that its original (or an earlier copy) does not.

A near-duplicate article (``duplicate_of``, :mod:`presslens.compare.duplicates`) is counted once: a figure it
merely repeats adds nothing but "also published by". But a wire story republished days later is often *updated*
("More than 10,500" where the original said "More than 9,000": user trial s30, problem 5), and the updated figure
is exactly what a fact-checker looks for. So each mention of a copy is matched against the mentions already
known for its family (the original's and those earlier copies of it kept as their own):

- it **repeats** a known mention when both state the same figure (:func:`same_figure`: measure class, value,
  low/high, bound, vague/malformed flags, unit and currency) and their counted nouns do not differ (both the
  same noun, or one or both without one); among several such mentions it repeats the one with the same counted
  noun, then the nearest clause (most shared clause words, the grouper's lexical features), each known mention
  repeated at most once per copy;
- any other mention is the copy's **own** (an updated or added figure): it is kept with the copy's date, outlet
  and attribution, grouped like any other mention and marked ``updated_copy_of`` (the original's corpus key).
  Where the copy states it in place of a mention of the **original article** the copy does not repeat (same
  measure, counted nouns that do not differ, and a clause sharing at least :data:`UPDATE_MIN_SHARE` of its words;
  the same counted noun first, then the nearest clause), that mention's id is kept as ``updates``: the copy is
  then not listed as "also published by" under the figure it changed. A vague figure ("thousands") never stands in
  place of one with a value (user trial s33: a copy's new headline "Thousands leave ..." was shown "in place of"
  the original's "More than 5,000 people" beside the real update 5,400); it stays the copy's own, added figure.

The known mentions are indexed by the figure they state (their clause words read only for a candidate pair) and
the update search reads only the original's mentions; a caller that keeps the index per family
(:class:`FamilyFigures`, as :meth:`presslens.compare.figure_groups.FigureGrouper.add_article` does) grows it by
each copy's own figures, so a copy costs a look-up per mention, not a pass over its family: a family of hundreds
of templated near-duplicates with different numbers (every figure its own) stays linear to index (it was
quadratic: 200 such articles took 46 s against 8 s, before the index).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from presslens.compare.figures import FigureMention

UPDATE_MIN_SHARE = 0.5
"""Share of clause words (the smaller clause's) a figure of a copy must share with a known mention of another
value to be taken as its update (read off the user trial's example, not tuned: it only decides under
which figure the copy is *not* listed as "also published by")."""

Tokens = Callable[[FigureMention], dict[str, float]]


def same_figure(a: FigureMention, b: FigureMention) -> bool:
    """Both state the same figure: measure class, value and bounds, flags, unit and currency."""
    return _figure_key(a) == _figure_key(b)


def _figure_key(m: FigureMention) -> tuple[object, ...]:
    """What :func:`same_figure` compares, as one hashable key."""
    return (m.measure, m.value, m.low, m.high, m.bound, m.vague, m.malformed, m.unit, m.currency)


Stated = set[tuple[object, ...]]
"""The figures an article states (:func:`stated_figures`): one :func:`same_figure` key plus counted noun each."""


def stated_figures(mentions: Sequence[FigureMention]) -> Stated:
    """What a copy states, for "also published by" (user trial s31, problem 2): each mention's figure and
    counted noun (folded as the grouper folds them)."""
    return {(*_figure_key(m), m.head) for m in mentions}


def states(stated: Stated, m: FigureMention) -> bool:
    """Whether an article that states ``stated`` repeats the figure of ``m``: the same figure, with counted
    nouns that do not differ (as :func:`copy_mentions` pairs a copy's mention with a known one)."""
    key = _figure_key(m)
    return any(s[:-1] == key and (s[-1] is None or m.head is None or s[-1] == m.head) for s in stated)


def _shared(a: dict[str, float], b: dict[str, float]) -> float:
    """Share of the smaller clause's words the two clauses have in common (0 for an empty clause)."""
    if not a or not b:
        return 0.0
    return len(a.keys() & b.keys()) / min(len(a), len(b))


class FamilyFigures:
    """The known mentions of one family in order, indexed as :func:`copy_mentions` reads them (by the figure they
    state; the positions of the ``original`` article's), grown as copies join: a caller that keeps one per
    family (:meth:`presslens.compare.figure_groups.FigureGrouper.add_article`) matches each copy at the cost of its
    own mentions, not its family's."""

    __slots__ = ("known", "by_figure", "replaceable", "original", "keys")

    def __init__(self, original: str | None = None) -> None:
        self.original = original
        self.known: list[FigureMention] = []
        self.by_figure: dict[tuple[object, ...], list[int]] = {}
        self.replaceable: list[int] = []
        self.keys: list[str] = []
        """The family's article keys whose mentions are in :attr:`known` (a caller's bookkeeping)."""

    def extend(self, mentions: Sequence[FigureMention]) -> None:
        for k in mentions:
            j = len(self.known)
            self.known.append(k)
            self.by_figure.setdefault(_figure_key(k), []).append(j)
            if self.original is None or k.article_id == self.original:
                self.replaceable.append(j)


def copy_mentions(copy: Sequence[FigureMention], known: Sequence[FigureMention] | FamilyFigures, tokens: Tokens,
                  original: str | None = None) -> tuple[dict[str, str], list[FigureMention]]:
    """Match a copy's mentions against the ``known`` mentions of its family (see the module text):
    (repeated: copy mention id -> the known mention id it repeats, own: the copy's other mentions, in text
    order, each with ``updates`` set where it stands in place of a mention of the ``original`` article (every
    known mention when ``original`` is None)). ``known`` may be a :class:`FamilyFigures` made with the same
    ``original``: the same result, without indexing the family again."""
    family = known if isinstance(known, FamilyFigures) else FamilyFigures(original)
    if not isinstance(known, FamilyFigures):
        family.extend(known)
    elif known.original != original:
        raise ValueError("the family's index was made for another original")
    known, by_figure = family.known, family.by_figure
    known_tokens: dict[int, dict[str, float]] = {}

    def known_words(j: int) -> dict[str, float]:
        if j not in known_tokens:
            known_tokens[j] = tokens(known[j])
        return known_tokens[j]

    pairs: list[tuple[int, float, int, int]] = []  # (-same noun, -shared words, copy index, known index)
    copy_tokens = [tokens(m) for m in copy]
    for i, m in enumerate(copy):
        for j in by_figure.get(_figure_key(m), ()):
            k = known[j]
            if m.head is not None and k.head is not None and m.head != k.head:
                continue  # the same figure (the index's key) but counted nouns that differ
            pairs.append((-int(m.head is not None and m.head == k.head),
                          -_shared(copy_tokens[i], known_words(j)), i, j))
    repeated: dict[str, str] = {}
    used_copy: set[int] = set()
    used_known: set[int] = set()
    for _, _, i, j in sorted(pairs):
        if i in used_copy or j in used_known:
            continue
        used_copy.add(i)
        used_known.add(j)
        repeated[copy[i].id] = known[j].id
    replaceable = family.replaceable
    own = []
    for i, m in enumerate(copy):
        if i not in used_copy:
            m.updates = _replaced(m, copy_tokens[i], known, known_words, replaceable, used_known)
            own.append(m)
    return repeated, own


def _replaced(m: FigureMention, m_tokens: dict[str, float], known: Sequence[FigureMention],
              known_words: Callable[[int], dict[str, float]], replaceable: Sequence[int],
              repeated: set[int]) -> str | None:
    """The id of the known mention (of ``replaceable``, not repeated by the copy) that ``m`` states another value
    of, or None."""
    best: tuple[int, float, int] | None = None
    for j in replaceable:
        k = known[j]
        if j in repeated or k.measure != m.measure or m.measure is None:
            continue
        if m.vague and not k.vague:  # "Thousands" in a new headline restates, it does not replace "5,000" (s33)
            continue
        same_noun = m.head is not None and m.head == k.head
        if m.head is not None and k.head is not None and not same_noun:
            continue
        share = _shared(m_tokens, known_words(j))
        if share < UPDATE_MIN_SHARE:
            continue
        key = (-int(same_noun), -share, j)
        if best is None or key < best:
            best = key
    return None if best is None else known[best[2]].id


__all__ = ["UPDATE_MIN_SHARE", "FamilyFigures", "Stated", "copy_mentions", "same_figure", "stated_figures", "states"]
