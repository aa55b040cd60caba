"""Text helpers of the techniques analyzer: word snapping and trimming, n-grams, orthographic token features.

"""

from __future__ import annotations

import math
import re
from collections import Counter

import numpy as np

from presslens.analyzers.techniques import lexicon as L

TRIM_CHARS = " \n.,:;"


_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
QUOTE_CHARS = frozenset('"“”«»')
_RUN = re.compile(r"[^\W_]+")
N_ORTH = 10


# ----------------------------------------------------------------------------------- text helpers


WORD_JOINERS = frozenset("'’‘-‐‑")
"""Apostrophes and hyphens: part of a word when a letter or digit stands on both sides."""


def is_word_char(text: str, i: int) -> bool:
    """True when ``text[i]`` belongs to a word: a letter/digit, an apostrophe or hyphen between two
    letters/digits ("Kremlin's", "don't", "so-called"), or the dot of an initialism ("U.S.", "U.K.")."""
    if not 0 <= i < len(text):
        return False
    c = text[i]
    if c.isalnum():
        return True
    inner = 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()
    if c in WORD_JOINERS:
        return inner
    if c == ".":
        return inner and (i < 2 or not text[i - 2].isalnum())
    return False


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` so it never cuts a word (see :func:`is_word_char`), then trim
    ``" \\n.,:;"`` at both ends."""
    # a span may not open on a possessive apostrophe glued to a word ("officials'") either
    while start > 0 and is_word_char(text, start - 1) and (
        is_word_char(text, start) or text[start] in WORD_JOINERS
    ):
        start -= 1
    # nor close on an opening apostrophe glued to the next word ("'warmongers")
    while 0 < end < len(text) and is_word_char(text, end) and (
        is_word_char(text, end - 1) or text[end - 1] in WORD_JOINERS
    ):
        end += 1
    while start < end and text[start] in TRIM_CHARS:
        start += 1
    while end > start and text[end - 1] in TRIM_CHARS:
        end -= 1
    return start, end


TRAILING_FUNCTION_WORDS = frozenset(
    "who that and the of a an to in which by for with or but on at as from is are was were".split()
)
"""Words a span never ends on (PTC train gold spans end on them almost never); trimmed by the decoder."""


def trim_trailing_function_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop trailing :data:`TRAILING_FUNCTION_WORDS` ("a desperate gamble by a thug who" -> "... thug"),
    keeping at least one word."""
    while True:
        found = list(L.WORD_RE.finditer(text, start, end))
        if len(found) < 2 or L.normalise(found[-1].group()) not in TRAILING_FUNCTION_WORDS:
            return start, end
        end = snap_to_words(text, start, found[-2].end())[1]


def words(text: str) -> list[str]:
    """Lower-cased word tokens used by the lexical features."""
    return _WORD.findall(text.lower())


def ngrams(text: str) -> list[str]:
    """Word unigrams and bigrams of ``text`` (the TF-IDF vocabulary units)."""
    ws = words(text)
    return ws + [f"{a} {b}" for a, b in zip(ws, ws[1:], strict=False)]


def article_word_counts(text: str) -> Counter[str]:
    return Counter(words(text))


def _char_cumsum(codes: np.ndarray, chars: str) -> np.ndarray:
    """``out[i]`` = how many of the first ``i`` code points (``codes``) are in ``chars``."""
    hits = np.isin(codes, np.asarray([ord(c) for c in chars], dtype=np.uint32))
    return np.concatenate([[0], np.cumsum(hits, dtype=np.int32)]).astype(np.int32)


def orth_features(text: str, sentences: list[tuple[int, int]], offsets: list[np.ndarray]) -> list[np.ndarray]:
    """Per sentence: (tokens, N_ORTH) orthographic cues for its encoder tokens.

    Cues: word in capitals, capitalised word inside the sentence, token has ``!`` / ``?``, token inside
    double quotes, sentence has ``!``, relative position, sentence length, word (4+ letters) occurs again
    in the article, token starts a word. A token's word is the letter/digit run it starts in.
    """
    runs = [(m.start(), m.end(), m.group()) for m in _RUN.finditer(text)]
    run_start = np.asarray([r[0] for r in runs] or [0], dtype=np.int64)
    run_end = np.asarray([r[1] for r in runs] or [0], dtype=np.int64)
    counts = article_word_counts(text)
    caps = np.zeros(len(run_start), dtype=np.float32)
    capitalised = np.zeros(len(run_start), dtype=np.float32)
    repeated = np.zeros(len(run_start), dtype=np.float32)
    for j, (_, _, word) in enumerate(runs):
        caps[j] = len(word) >= 2 and word.isupper()
        capitalised[j] = word[:1].isupper()
        repeated[j] = len(word) >= 4 and counts.get(word.lower(), 0) >= 2
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    bang = _char_cumsum(codes, "!")
    question = _char_cumsum(codes, "?")
    quotes = _char_cumsum(codes, "".join(sorted(QUOTE_CHARS)))
    out: list[np.ndarray] = []
    for (s0, s1), offs in zip(sentences, offsets, strict=True):
        n = len(offs)
        feats = np.zeros((n, N_ORTH), dtype=np.float32)
        if n:
            st = offs[:, 0].astype(np.int64) + s0
            en = offs[:, 1].astype(np.int64) + s0
            ridx = np.clip(np.searchsorted(run_start, st, side="right") - 1, 0, None)
            in_run = (st >= run_start[ridx]) & (st < run_end[ridx]) & (len(runs) > 0)
            feats[:, 0] = np.where(in_run, caps[ridx], 0.0)
            feats[:, 1] = np.where(in_run & (run_start[ridx] > s0), capitalised[ridx], 0.0)
            feats[:, 2] = bang[en] > bang[st]
            feats[:, 3] = question[en] > question[st]
            feats[:, 4] = (quotes[st] - quotes[s0]) % 2
            feats[:, 5] = float(bang[s1] > bang[s0])
            feats[:, 6] = np.arange(n) / n
            feats[:, 7] = math.log1p(n) / 5.0
            feats[:, 8] = np.where(in_run, repeated[ridx], 0.0)
            feats[:, 9] = ~in_run | (run_start[ridx] == st)
        out.append(feats)
    return out


PAIRED_MARKS = {"“": "”", "‘": "’", "«": "»", "(": ")", "[": "]", "{": "}"}
OPENING_MARKS = "".join(PAIRED_MARKS)
CLOSING_MARKS = "".join(PAIRED_MARKS.values())
_OPENER_OF = {closing: opening for opening, closing in PAIRED_MARKS.items()}
EDGE_PUNCTUATION = " \n\t.,:;—–-/*"
"""Never at a span's edge: whitespace, clause punctuation and dashes (``!`` and ``?`` stay at the end: they
are part of slogans and loaded questions)."""


def _balanced_straight_quotes(span: str) -> bool:
    return span.count('"') % 2 == 0


def trim_edge_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` so it neither opens nor closes on a stray quote mark, bracket or punctuation:
    a closing quote/bracket at the start, an opening one at the end, a quote or bracket whose partner is not
    inside the span (``Islamophobia”`` -> ``Islamophobia``, ``a “ridiculous temper tantrum`` -> ``ridiculous
    temper tantrum``: the longer side of a quote mark without its partner), leading ``!``/``?``, and
    :data:`EDGE_PUNCTUATION`.
    A span that is one quotation with both its marks (``“enemy of the people”``) keeps them. Never empties a
    span that has a word."""
    s, e = start, end
    for _ in range(16):
        before = (s, e)
        while s < e and (text[s] in EDGE_PUNCTUATION or text[s] in "!?"):
            s += 1
        while e > s and text[e - 1] in EDGE_PUNCTUATION:
            e -= 1
        if s >= e:
            break
        span = text[s:e]
        first, last = span[0], span[-1]
        if first in CLOSING_MARKS or (first in OPENING_MARKS and PAIRED_MARKS[first] not in span[1:]):
            s += 1
        elif first == '"' and not _balanced_straight_quotes(span):
            s += 1
        if s < e:
            span = text[s:e]
            last = span[-1]
            if last in OPENING_MARKS or (last in CLOSING_MARKS and _OPENER_OF[last] not in span[:-1]):
                # an apostrophe closing a word ("officials’") is part of the word, not a quote mark
                if not (last == "’" and len(span) >= 2 and span[-2].isalpha() and "‘" not in span):
                    e -= 1
            elif last == '"' and not _balanced_straight_quotes(span):
                e -= 1
        if (s, e) == before:
            break
    s, e = _cut_at_unpaired_quote(text, s, e)
    if not any(c.isalnum() for c in text[s:e]):
        return start, end
    return s, e


def _cut_at_unpaired_quote(text: str, s: int, e: int) -> tuple[int, int]:
    """A quote mark inside the span without its partner there: keep the longer side of it."""
    span = text[s:e]
    for i, c in enumerate(span):
        unpaired = (
            (c == "“" and "”" not in span[i + 1 :]) or (c == "”" and "“" not in span[:i])
            or (c == '"' and not _balanced_straight_quotes(span))
        )
        if unpaired and 0 < i < len(span) - 1:
            left, right = (s, s + i), (s + i + 1, e)
            ls, le = snap_to_words(text, *left)
            rs, re_ = snap_to_words(text, *right)
            return (rs, re_) if re_ - rs >= le - ls else (ls, le)
    return s, e
