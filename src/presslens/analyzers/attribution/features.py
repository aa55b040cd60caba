"""Token features shared by the tagger at run time and its training: quotes, lexical flags, the article's
token states.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from presslens.analyzers.attribution.lexicon import (
    CLOSE_QUOTES,
    CUE_WORDS,
    N_LEX,
    OPEN_QUOTES,
    PRONOUNS,
    QUOTE_CHARS,
    SPEECH_VERBS,
    STRAIGHT_QUOTE,
    TITLE_WORDS,
    VAGUE_HEADS,
)
from presslens.analyzers.attribution.spans import Span
from presslens.encoder import stack_token_states

# ---------------------------------------------------------------------------------------------
# Token features shared by training and run time
# ---------------------------------------------------------------------------------------------

def quote_mask(text: str) -> list[int]:
    """Per character: 1 inside a quotation (quote marks included), else 0.

    Curly quotes pair open/close; straight double quotes toggle. A quote left open at a paragraph
    break (blank line) is closed there, as news style reopens quotes in the next paragraph.
    """
    mask = [0] * len(text)
    for s, e in quote_spans(text):
        mask[s:e] = [1] * (e - s)
    return mask


_QUOTE_OR_BREAK = re.compile('\n\n|["' + OPEN_QUOTES + CLOSE_QUOTES + "]")


def quote_spans(text: str) -> list[Span]:
    """(start, end) of each quotation including its quote marks."""
    return list(_quote_spans(text))


@lru_cache(maxsize=8)
def _quote_spans(text: str) -> tuple[Span, ...]:
    """:func:`quote_spans` as a tuple, kept for the few texts last asked about (the attribution steps each ask
    for the quotations of the same article text)."""
    out: list[Span] = []
    open_at: int | None = None
    open_char = ""
    for m in _QUOTE_OR_BREAK.finditer(text):
        i, ch = m.start(), m.group()
        if ch == "\n\n":
            open_at = None
            continue
        if ch in OPEN_QUOTES or (ch == STRAIGHT_QUOTE and open_at is None):
            if open_at is None or ch == open_char:
                open_at, open_char = i, ch
            continue
        if open_at is not None and (
            ch in CLOSE_QUOTES or (ch == STRAIGHT_QUOTE and open_char == STRAIGHT_QUOTE)
        ):
            if i - open_at > 1:
                out.append((open_at, i + 1))
            open_at = None
    return tuple(out)


def word_at(text: str, pos: int) -> str:
    """The word containing character ``pos`` (lower case)."""
    s = pos
    while s > 0 and (text[s - 1].isalnum() or text[s - 1] in "'\u2019-"):
        s -= 1
    e = pos
    while e < len(text) and (text[e].isalnum() or text[e] in "'\u2019-"):
        e += 1
    return text[s:e].lower() if e > s else text[pos : pos + 1]


def _word_flags(w: str) -> tuple[bool, bool, bool, bool, bool, bool]:
    return (w in CUE_WORDS, w in SPEECH_VERBS, w in PRONOUNS, w == "that", w in TITLE_WORDS, w in VAGUE_HEADS)


_N_WORD_FLAGS = 8
_FLAG_SHIFTS = np.arange(_N_WORD_FLAGS, dtype=np.uint8)


class _WordFlagBits(dict[str, int]):
    """Word (lower case) -> :func:`_word_flags` plus "to" and "according" as the bits of one int
    (bit k: flag k), remembered for up to 200,000 distinct words."""

    def __missing__(self, w: str) -> int:
        flags = (*_word_flags(w), w == "to", w == "according")
        bits = sum(1 << k for k, flag in enumerate(flags) if flag)
        if len(self) < 200_000:
            self[w] = bits
        return bits


_LEX_BITS = _WordFlagBits()


_WORD_RUN = re.compile(r"(?:[^\W_]|['\u2019-])+")  # the characters word_at() extends over
_WORD_RUN_NO_UNDERSCORE = re.compile(r"[\w'\u2019-]+")  # the same runs in a text without "_" (faster)
_PUNCT_CHARS = ",.:;!?"


def _char_props(c: str) -> tuple[bool, bool, bool, bool, bool, bool]:
    """(quote char, upper, punctuation, digit, alphanumeric, word-run character) of one character."""
    return (
        c in QUOTE_CHARS,
        c.isupper(),
        c in _PUNCT_CHARS,
        c.isdigit(),
        c.isalnum(),
        c.isalnum() or c in "'\u2019-",
    )


_TABLE_LIMIT = 0x3000  # Latin, Greek, Cyrillic, general punctuation (curly quotes): tabulated once
_PROPS_TABLE: np.ndarray | None = None
_PROPS_LOCK = threading.Lock()


def char_props(codes: np.ndarray) -> np.ndarray:
    """(len(codes), 6) bool :func:`_char_props` of code points (a table below ``_TABLE_LIMIT``)."""
    global _PROPS_TABLE
    if _PROPS_TABLE is None:
        with _PROPS_LOCK:
            if _PROPS_TABLE is None:
                _PROPS_TABLE = np.asarray([_char_props(chr(c)) for c in range(_TABLE_LIMIT)], dtype=bool)
    codes = np.asarray(codes, dtype=np.int64)
    high = codes >= _TABLE_LIMIT
    if not high.any():
        return _PROPS_TABLE[codes]
    out = _PROPS_TABLE[np.where(high, 0, codes)]
    uniq, inv = np.unique(codes[high], return_inverse=True)
    out[high] = np.asarray([_char_props(chr(c)) for c in uniq.tolist()], dtype=bool).reshape(len(uniq), 6)[
        inv
    ]
    return out


def lexical_features(text: str, offsets: np.ndarray, sentence_first: np.ndarray) -> np.ndarray:
    """(tokens, N_LEX) float32 features for tokens with absolute char ``offsets`` into ``text``.

    Vectorised over tokens; the word of a token is :func:`word_at` of its first character (the word
    run holding it, or the run just before a punctuation token).
    """
    n = len(offsets)
    if n == 0:
        return np.zeros((0, N_LEX), dtype=np.float32)
    offs = np.asarray(offsets, dtype=np.int64).reshape(n, 2)
    starts, ends = offs[:, 0], offs[:, 1]
    valid = ends > starts
    pos = np.clip(starts, 0, max(0, len(text) - 1))
    # character classes of the whole text, one row per character (one code point per character in UTF-32)
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    props = char_props(codes)
    # word runs (what _WORD_RUN matches): maximal runs of word-run characters
    edges = np.diff(np.concatenate([[False], props[:, 5], [False]]).astype(np.int8))
    run_s = np.flatnonzero(edges == 1)
    run_e = np.flatnonzero(edges == -1)
    n_runs = len(run_s)
    low = text.lower()
    run_words: list[str] = []
    if len(low) == len(text) and "\u03a3" not in text:
        # lower case maps character to character here, and never changes whether a character belongs to a
        # word run (tests check every code point), so the runs of the lower-case text are the same runs
        run_words = (_WORD_RUN if "_" in low else _WORD_RUN_NO_UNDERSCORE).findall(low)
    if len(run_words) != n_runs:  # lower case depends on more than the word: one word at a time
        run_words = [text[a:b].lower() for a, b in zip(run_s.tolist(), run_e.tolist(), strict=True)]

    def run_of(p: np.ndarray) -> np.ndarray:
        i = np.searchsorted(run_s, p, side="right") - 1
        ok = (i >= 0) & (p >= 0)
        ok[ok] &= p[ok] < run_e[i[ok]]
        return np.where(ok, i, -1)

    word_run = run_of(pos)
    before = run_of(pos - 1)
    word_run = np.where(word_run >= 0, word_run, before)
    # flags of each word (remembered across articles); a lone punctuation character has none
    bits = np.fromiter(map(_LEX_BITS.__getitem__, run_words), dtype=np.uint8, count=n_runs)
    run_flags = np.zeros((n_runs + 1, _N_WORD_FLAGS), dtype=bool)  # last row: no word
    run_flags[:n_runs] = (bits[:, None] >> _FLAG_SHIFTS) & 1
    wf = run_flags[np.where(word_run >= 0, word_run, n_runs)]
    # character classes of each token's first character and of the character before it
    ch = props[pos]
    prev_alnum = (pos > 0) & props[np.maximum(pos - 1, 0), 4]
    cont = (starts > 0) & prev_alnum & ch[:, 4]
    # "to" right after "according": the word of the last earlier token that starts a word
    updates = valid & ~cont
    last = np.where(updates, np.arange(n), -1)
    last = np.maximum.accumulate(last)
    prev_tok = np.concatenate([[-1], last[:-1]])
    after_according = np.zeros(n, dtype=bool)
    has_prev = prev_tok >= 0
    after_according[has_prev] = wf[prev_tok[has_prev], 7]
    # inside a quotation: more quotations start at or before the token than end there (they never overlap)
    quotes = np.asarray(quote_spans(text), dtype=np.int64).reshape(-1, 2)
    at = np.clip(starts, 0, len(text))
    opened = np.searchsorted(quotes[:, 0], at, side="right")
    in_quote = opened > np.searchsorted(quotes[:, 1], at, side="right")
    out = np.stack(
        [
            wf[:, 0],
            wf[:, 1],
            in_quote,
            ch[:, 0],
            ch[:, 1],
            wf[:, 2],
            cont,
            ch[:, 2],
            np.asarray(sentence_first, dtype=np.float32) != 0,
            wf[:, 3],
            ch[:, 3],
            wf[:, 4],
            wf[:, 6] & after_according,
            wf[:, 5],
        ],
        axis=1,
    ).astype(np.float32)
    out[~valid] = 0.0
    return out


@dataclass
class ArticleTokens:
    """The article's encoder tokens in order, with absolute char offsets and the tagger's inputs: each token's
    encoder state and its lexical features side by side (kept apart, so that a tagger batch is filled from
    them with :meth:`write_inputs`, without an intermediate copy)."""

    offsets: np.ndarray
    sentence_of: np.ndarray
    states: np.ndarray
    """(tokens, encoder width) encoder states (float16 when read from a training cache)."""
    lexical: np.ndarray
    """(tokens, N_LEX) float32 :func:`lexical_features`."""

    @property
    def input_width(self) -> int:
        """Model inputs per token."""
        return int(self.states.shape[1]) + N_LEX

    @property
    def inputs(self) -> np.ndarray:
        """(tokens, input width) float32 model inputs, made on each call."""
        out = np.empty((len(self.states), self.input_width), dtype=np.float32)
        self.write_inputs(0, len(self.states), out)
        return out

    def write_inputs(self, start: int, end: int, out: np.ndarray) -> None:
        """Write the inputs of tokens ``start:end`` into ``out`` (end - start rows)."""
        width = self.states.shape[1]
        out[:, :width] = self.states[start:end]
        out[:, width:] = self.lexical[start:end]


def _no_tokens(width: int = 384) -> ArticleTokens:
    return ArticleTokens(
        np.zeros((0, 2), np.int64),
        np.zeros(0, np.int64),
        np.zeros((0, width), np.float32),
        np.zeros((0, N_LEX), np.float32),
    )


def article_tokens(
    text: str,
    sentence_ranges: list[Span],
    states: list[np.ndarray],
    offsets: list[np.ndarray],
    stacked: np.ndarray | None = None,
) -> ArticleTokens:
    """Concatenate per-sentence token states (+ lexical features) into one article sequence.

    ``stacked``: ``states`` already stacked in order (``Encoded.stacked_token_states``), if at hand.
    """
    if len(sentence_ranges) != len(offsets):
        raise ValueError(f"{len(sentence_ranges)} sentence ranges but {len(offsets)} token offset arrays")
    used = [i for i, off in enumerate(offsets) if len(off)]
    if not used:
        return _no_tokens()
    # every sentence's tokens at once; tokens with an empty character span are dropped
    off_all = np.concatenate([np.asarray(offsets[i]).reshape(-1, 2) for i in used]).astype(np.int64)
    lengths = np.asarray([len(offsets[i]) for i in used], dtype=np.int64)
    sent_all = np.repeat(np.asarray(used, dtype=np.int64), lengths)
    keep = off_all[:, 1] > off_all[:, 0]
    if not keep.any():
        return _no_tokens(int(np.asarray(states[used[0]]).shape[1]))
    sent_of = sent_all[keep]
    sentence_start = np.asarray([s for s, _e in sentence_ranges], dtype=np.int64)
    all_off = off_all[keep] + sentence_start[sent_of][:, None]
    if stacked is None:
        stacked = stack_token_states(states)
    if len(stacked) != len(off_all):
        raise ValueError(f"{len(stacked)} stacked token states for {len(off_all)} token offsets")
    first = np.zeros(len(all_off), dtype=np.float32)
    first[np.flatnonzero(np.diff(sent_of, prepend=-1))] = 1.0  # the first kept token of each sentence
    return ArticleTokens(
        all_off, sent_of, stacked if keep.all() else stacked[keep], lexical_features(text, all_off, first)
    )
