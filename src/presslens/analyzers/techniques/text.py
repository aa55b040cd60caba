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
