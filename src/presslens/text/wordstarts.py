"""Regex matches tried only where one of their first words starts (a speed helper, not an analyzer).

Many rule patterns begin with ``\\b`` and a word from a short list ("\\b(?:tens|hundreds)\\s+of ...") and are
case-insensitive, which stops Python's regex engine from skipping ahead to a likely start: it tries the
pattern at every character. :func:`finditer_from` gives exactly what ``pattern.finditer(text)`` gives, but
tries the pattern only where a word from the pattern's list of first words starts (looked up in one
:class:`WordStarts` index per text, shared by all patterns run over that text).

The caller states the first words; tests check each list against matches generated from the pattern itself.
A text holding one of the few non-ASCII letters that case-insensitive matching equates with an ASCII letter
("ſ", the Kelvin sign, dotted and dotless i) is scanned in full instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, KeysView
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache

_WORD_RUN = re.compile(r"\w+")
# the letters that case-insensitive matching equates with an ASCII letter although they are not ASCII
# (tests check this list against every code point)
CASE_FOLDING_SPECIALS = "\u017f\u212a\u0130\u0131"


class WordStarts:
    """Where each word (``\\w+`` run) of ``text`` starts, by its lower-case form."""

    __slots__ = ("text", "exact", "_by_word", "_digit_starts")

    def __init__(self, text: str) -> None:
        self.text = text
        self.exact = text.isascii() or not any(c in text for c in CASE_FOLDING_SPECIALS)
        by_word: dict[str, list[int]] = {}
        digit_starts: list[int] = []
        low = text.lower()
        if len(low) != len(text):  # lower case changed the length (e.g. "İ"): look words up one by one
            for m in _WORD_RUN.finditer(text):
                by_word.setdefault(m.group().lower(), []).append(m.start())
        else:
            for m in _WORD_RUN.finditer(low):
                by_word.setdefault(m.group(), []).append(m.start())
        for word, positions in by_word.items():
            if word[0].isdecimal():
                digit_starts.extend(positions)
        digit_starts.sort()
        self._by_word = by_word
        self._digit_starts = digit_starts

    def has_any(self, words: Iterable[str]) -> bool:
        """Whether any of ``words`` (lower case) occurs as a whole word."""
        by_word = self._by_word
        return any(w in by_word for w in words)

    @property
    def words(self) -> KeysView[str]:
        """The distinct lower-case words of the text."""
        return self._by_word.keys()

    def starts(self, words: Iterable[str], digits: bool = False, also_at: str = "") -> list[int]:
        """Sorted start offsets of the words in ``words`` (lower case), plus of every word that begins with a
        decimal digit when ``digits`` is set, plus every position of a character in ``also_at``."""
        by_word = self._by_word
        lists = [by_word[w] for w in words if w in by_word]
        if digits and self._digit_starts:
            lists.append(self._digit_starts)
        if also_at:
            text = self.text
            lists.append([i for ch in also_at if ch in text for i in _positions(text, ch)])
        if not lists:
            return []
        if len(lists) == 1:
            return lists[0] if not also_at else sorted(lists[0])
        return sorted(p for positions in lists for p in positions)


class FoldedPattern:
    """A case-insensitive pattern whose literals are all lower case, answered faster: on an ASCII text by the same
    pattern without IGNORECASE on the lower-cased text (for ASCII text, case-insensitive matching is matching the
    lower-cased text, and lower case maps each character to one character), on any other text by the pattern itself.
    About three times faster for a ``\\b(?:word|word|...)\\b`` list, whose matches Python's regex engine must try at
    every character. Only whether it matches and how many matches there are (the matched texts are lower-cased)."""

    __slots__ = ("pattern", "_cased")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        if not pattern.flags & re.IGNORECASE or any(c.isupper() for c in re.sub(r"\\.", "", pattern.pattern)):
            raise ValueError(f"not a case-insensitive pattern with lower-case literals only: {pattern.pattern!r}")
        self.pattern = pattern
        self._cased = re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)

    def has(self, text: str) -> bool:
        """``bool(pattern.search(text))``."""
        if text.isascii():
            return self._cased.search(text.lower()) is not None
        return self.pattern.search(text) is not None

    def count(self, text: str) -> int:
        """``len(pattern.findall(text))``."""
        if text.isascii():
            return len(self._cased.findall(text.lower()))
        return len(self.pattern.findall(text))


@lru_cache(maxsize=256)
def word_starts(text: str) -> WordStarts:
    """The :class:`WordStarts` of ``text``, shared by the rule scans that run over the same sentence (the claim
    cue and the forecast scans of the claims analyzer each index every sentence). Callers must not change the
    index or the lists it returns."""
    return WordStarts(text)


def _positions(text: str, ch: str) -> list[int]:
    out = []
    i = text.find(ch)
    while i >= 0:
        out.append(i)
        i = text.find(ch, i + 1)
    return out


def finditer_from(
    pattern: re.Pattern[str],
    index: WordStarts,
    first_words: frozenset[str],
    digits: bool = False,
    also_at: str = "",
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(index.text)``, trying the pattern only where a word of ``first_words`` starts
    (or, with ``digits``, any word that begins with a digit, and with ``also_at``, at every one of those
    characters, such as the apostrophe of "'s").

    Correct only for a pattern every match of which begins at such a place and is never empty.
    """
    if not index.exact:
        return pattern.finditer(index.text)
    return matches_at(pattern, index.text, index.starts(first_words, digits, also_at))


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` yields, for a pattern whose matches can only begin at ``starts``
    (sorted) and are never empty: the leftmost match, then the next one from its end on."""
    end = 0
    match = pattern.match
    for pos in starts:
        if pos < end:
            continue
        m = match(text, pos)
        if m is not None:
            yield m
            end = m.end()


def words_of(*groups: str) -> frozenset[str]:
    """A frozenset of the whitespace-separated words in ``groups``."""
    return frozenset(w for g in groups for w in g.split())


def index_words(text: str, index: WordStarts) -> KeysView[str] | None:
    """The lower-cased whole words of an ASCII ``text`` (read off its index); None (no skipping) for any
    other text."""
    return index.words if text.isascii() else None


def may_match(words: AbstractSet[str] | None, triggers: frozenset[str] | None) -> bool:
    """False only when ``words`` holds none of ``triggers``."""
    return words is None or triggers is None or not words.isdisjoint(triggers)


@dataclass(frozen=True)
class AnchoredPattern:
    """A rule pattern with the words its matches can begin with: one entry of a rule table.

    ``first``: every match begins where one of these (lower-case) words starts or, with ``digits``, where a
    word beginning with a decimal digit starts. ``triggers``: every match holds one of these as a whole word
    (None: not stated), so an ASCII text without any of them is skipped. Tests check both sets against
    matches generated from the pattern.
    """

    label: str
    pattern: re.Pattern[str]
    first: frozenset[str]
    digits: bool = False
    triggers: frozenset[str] | None = None

    def finditer(self, index: WordStarts, words: AbstractSet[str] | None = None) -> Iterator[re.Match[str]]:
        """``pattern.finditer(index.text)``; ``words``: :func:`index_words` of the text (trigger check)."""
        if not may_match(words, self.triggers):
            return iter(())
        return finditer_from(self.pattern, index, self.first, self.digits)


__all__ = [
    "CASE_FOLDING_SPECIALS",
    "AnchoredPattern",
    "FoldedPattern",
    "WordStarts",
    "finditer_from",
    "index_words",
    "matches_at",
    "may_match",
    "word_starts",
    "words_of",
]
