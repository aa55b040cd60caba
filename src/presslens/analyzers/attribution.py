"""Who said what: attributions (source, cue, content) with the source's type.

Two layers share the output format:

* a learned token tagger: a small BiGRU head (ONNX, ``models/attribution/tagger.onnx``) over the
  shared encoder's frozen token states of the article (in sentence-aligned pieces of at most 384 tokens)
  plus a few lexical features, predicting
  BIO tags for Source, Cue and Content independently (attributions nest, so roles may overlap);
* rules for the cases a reader expects never to miss: direct quotes paired with a reporting verb
  (``"...," he said`` / ``He said: "..."``), ``according to X, ...``, ``X said/reported that ...``,
  ``..., X told Y`` and vague sources (``some reports suggest ...``).

Spans of both layers are merged (rules win where they overlap a tagged span of the same role), cues
are linked to the nearest source and content, precision filters drop what is not reported speech
(:func:`refine`: reporting-cue lexicon, idioms, predictions, negated frames, empty contents) and repair
spans, and each source is typed person / organisation / outlet / anonymous / vague by rules
(:func:`source_type`).
"""

from __future__ import annotations

import bisect
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from presslens.analyzers.base import Analyzer, AnalyzerOutput, Features, register
from presslens.analyzers.wordstarts import CASE_FOLDING_SPECIALS
from presslens.article import Article, Finding, span_ref
from presslens.encoder import stack_token_states

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "attribution"
TAGGER_NAME = "tagger.onnx"
ROLES = ("source", "cue", "content")
SOURCE_TYPES = ("person", "organisation", "outlet", "anonymous", "vague")
Span = tuple[int, int]

# ---------------------------------------------------------------------------------------------
# Lexicons
# ---------------------------------------------------------------------------------------------

_CUE_STEMS = (
    "say said says saying tell told tells telling report reported reports reporting claim claimed claims "
    "claiming state stated states stating announce announced announces announcing add added adds adding "
    "note noted notes noting warn warned warns warning explain explained explains insist insisted insists "
    "argue argued argues arguing suggest suggested suggests suggesting allege alleged alleges alleging "
    "confirm confirmed confirms deny denied denies acknowledge acknowledged admit admitted admits "
    "write wrote writes written writing tweet tweeted tweets post posted declare declared declares "
    "believe believed believes think thinks thought predict predicted predicts estimate estimated "
    "estimates assert asserted asserts maintain maintained maintains accuse accused accuses "
    "describe described describes call called calls quote quoted quotes cite cited cites "
    "indicate indicated indicates show showed shows reveal revealed reveals mention mentioned "
    "promise promised promises vow vowed vows urge urged urges ask asked asks reply replied "
    "respond responded responds recall recalled recalls concede conceded observe observed "
    "according"
)
CUE_WORDS = frozenset(_CUE_STEMS.split())
SPEECH_VERBS = frozenset(
    "said says say told tells tell added adds asked asks wrote writes claimed claims stated states "
    "reported reports insisted insists warned warns explained explains noted notes argued argues "
    "declared declares replied replies responded responds tweeted tweets posted posts announced "
    "announces suggested suggest suggests alleged alleges continued continues recalled recalls "
    "admitted admits acknowledged acknowledges confirmed confirms denied denies".split()
)
PRONOUNS = frozenset("he she they i we it you him her them who".split())
PERSON_PRONOUNS = frozenset("he she i we you him her".split())
TITLE_WORDS = frozenset(
    "president minister spokesman spokeswoman spokesperson secretary general colonel commander "
    "mayor governor senator ambassador chief director official officials adviser advisor lawyer "
    "prosecutor mr mrs ms dr prime deputy head leader analyst expert witness resident residents "
    "sergeant captain lieutenant major admiral marshal king queen prince chancellor pope envoy "
    "representative rep sen gen col lt capt professor researcher correspondent editor".split()
)
PERSON_HEADS = frozenset(
    "officer soldier soldiers man woman mother father son daughter doctor nurse volunteer farmer teacher "
    "student survivor refugee journalist reporter activist priest worker engineer pilot fighter "
    "commander spokesman spokeswoman spokesperson negotiator diplomat".split()
)
VAGUE_HEADS = frozenset(
    "reports report information sources rumours rumors claims accounts estimates media press "
    "officials observers experts analysts critics some many others people authorities insiders "
    "diplomats commentators witnesses residents locals".split()
)
ANONYMOUS_MARKERS = re.compile(
    r"anonymity|not (?:to be |being )?(?:named|identified)|not authori[sz]ed|familiar with|"
    r"declined to be (?:named|identified)|unnamed|anonymous|a source\b|one source\b|an official\b|"
    r"a (?:senior|security|military|government|western|diplomatic) (?:\w+ )?(?:source|official)",
    re.I,
)
OUTLET_NAMES = re.compile(
    r"\b(?:Reuters|AFP|Agence France-Presse|Associated Press|AP|BBC|CNN|Fox News|MSNBC|NBC|CBS|ABC News|"
    r"Al Jazeera|Bloomberg|Politico|Axios|Breitbart|HuffPost|Huffington Post|New York Times|"
    r"Washington Post|Wall Street Journal|Guardian|Financial Times|Economist|Le Monde|Der Spiegel|"
    r"Haaretz|Times of Israel|TASS|RIA Novosti|Interfax|Ukrinform|Kyiv Independent|Ukrainska Pravda|"
    r"Kommersant|Izvestia|Xinhua|Anadolu|Yonhap|Kyodo|USA Today|NPR|Sky News|Euronews|DW|"
    r"Deutsche Welle|Times|Post|Journal|Gazette|Herald|Tribune|Telegraph)\b"
)
OUTLET_WORDS = frozenset(
    "newspaper newspapers daily outlet outlets agency broadcaster broadcasters channel magazine tabloid "
    "website paper television tv radio wire".split()
)
ORG_WORDS = frozenset(
    "ministry government army military forces police un nato pentagon kremlin commission council "
    "committee department office agency company party campaign administration court parliament "
    "congress senate cabinet union organisation organization group institute foundation bank "
    "embassy command staff service services navy airforce guard brigade battalion regiment "
    "hospital university corporation firm authority authorities coalition alliance fund center centre "
    "groups nations organisations organizations agencies ministries companies parties unions charities charity "
    "white house downing street who unicef unhcr icrc ohchr hamas hezbollah idf fsb sbu cia fbi".split()
)

# Straight and typographic quote characters.
OPEN_QUOTES = "\u201c\u00ab\u201e"
CLOSE_QUOTES = "\u201d\u00bb"
STRAIGHT_QUOTE = '"'

N_LEX = 14

# ---------------------------------------------------------------------------------------------
# Model
# ---------------------------------------------------------------------------------------------


class _Tagger:
    """Lazy, process-wide ONNX session for the BiGRU tagging head."""

    _session: Any = None
    _missing = False
    _lock = threading.Lock()

    @classmethod
    def session(cls) -> Any:
        if cls._session is None and not cls._missing:
            with cls._lock:
                path = MODEL_DIR / TAGGER_NAME
                if not path.exists():
                    cls._missing = True
                    return None
                import onnxruntime as ort

                opts = ort.SessionOptions()
                # One thread: alone the GRU's two directions run faster on two, but in a batch the encoder's
                # threads already use both cores, and a second tagger thread only adds contention
                # (bench: claims + figures + attribution add about 25% with one thread, 35-38% with two).
                opts.intra_op_num_threads = 1
                opts.inter_op_num_threads = 1
                opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
                cls._session = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
        return cls._session

    @classmethod
    def run(cls, batch: np.ndarray) -> np.ndarray:
        """Logits (pieces, width, 9) of a (pieces, width, inputs) batch; the session must be loaded."""
        return np.asarray(cls._session.run(["logits"], {"inputs": batch})[0])


# ---------------------------------------------------------------------------------------------
# Token features shared by training and run time
# ---------------------------------------------------------------------------------------------

_WORD = re.compile(r"\w+(?:['\u2019]\w+)*|\S")


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


_last_quotes: tuple[str, tuple[Span, ...]] = ("", ())


def quote_spans(text: str) -> list[Span]:
    """(start, end) of each quotation including its quote marks (the last text's answer is remembered:
    the tagger features and the rules both ask for the article's quotes)."""
    global _last_quotes
    last_text, last_spans = _last_quotes
    if text is last_text or text == last_text:
        return list(last_spans)
    spans = _find_quote_spans(text)
    _last_quotes = (text, tuple(spans))
    return spans


def _find_quote_spans(text: str) -> list[Span]:
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
    return out


def word_at(text: str, pos: int) -> str:
    """The word containing character ``pos`` (lower case)."""
    s = pos
    while s > 0 and (text[s - 1].isalnum() or text[s - 1] in "'\u2019-"):
        s -= 1
    e = pos
    while e < len(text) and (text[e].isalnum() or text[e] in "'\u2019-"):
        e += 1
    return text[s:e].lower() if e > s else text[pos : pos + 1]


_QUOTE_CHARS = OPEN_QUOTES + CLOSE_QUOTES + STRAIGHT_QUOTE


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
        c in _QUOTE_CHARS,
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


TAG_CHUNK = 384
"""Tokens per tagger sequence: an article is cut at sentence boundaries into pieces of at most this many
tokens (the piece size the tagger is trained on), and the pieces run as one batch."""


def token_chunks(n_tokens: int, sentence_of: np.ndarray, size: int = TAG_CHUNK) -> list[tuple[int, int]]:
    """Cut a token range at sentence boundaries into pieces of at most ``size`` tokens (a longer
    sentence is cut inside)."""
    out: list[tuple[int, int]] = []
    start = 0
    while start < n_tokens:
        end = min(n_tokens, start + size)
        if end < n_tokens:
            bounds = np.nonzero(sentence_of[start + 1 : end] != sentence_of[start : end - 1])[0]
            if len(bounds):
                end = start + 1 + int(bounds[-1])
        out.append((start, end))
        start = end
    return out


def tag_logits(
    tokens: ArticleTokens,
    chunk: int = TAG_CHUNK,
    run: Callable[[np.ndarray], np.ndarray] | None = None,
) -> np.ndarray | None:
    """(tokens, 3 roles, 3 BIO) logits from the ONNX head, or None if the model is missing.

    The bidirectional GRU runs over :func:`token_chunks` pieces (the training piece size) batched
    together. ``run`` maps a (pieces, width, inputs)
    batch to (pieces, width, 9) logits (default: the shipped ONNX tagger; training passes its torch model).
    """
    n = len(tokens.offsets)
    if run is None:
        if _Tagger.session() is None:
            return None
        run = _Tagger.run
    if n == 0:
        return None
    pieces = token_chunks(n, tokens.sentence_of, chunk)
    width = max(b - a for a, b in pieces)
    batch = np.zeros((len(pieces), width, tokens.input_width), dtype=np.float32)
    for r, (a, b) in enumerate(pieces):
        tokens.write_inputs(a, b, batch[r, : b - a])
    res = run(batch)
    out = np.concatenate([res[r, : b - a] for r, (a, b) in enumerate(pieces)])
    return np.asarray(out, dtype=np.float32).reshape(n, 3, 3)


def decode_bio(text: str, offsets: np.ndarray, tags: np.ndarray) -> list[Span]:
    """Spans from one role's tag sequence (0=O, 1=B, 2=I); an I after O starts a span."""
    tags = np.asarray(tags)
    inside = np.flatnonzero(tags != 0)  # O tokens only end the current span
    if not len(inside):
        return []
    # a span starts at the first tagged token, at a B, and at any token after an O
    begins = np.ones(len(inside), dtype=bool)
    begins[1:] = (inside[1:] != inside[:-1] + 1) | (tags[inside[1:]] == 1)
    first = np.flatnonzero(begins)
    last = np.append(first[1:] - 1, len(inside) - 1)
    starts = np.asarray(offsets)[inside[first], 0].tolist()
    ends = np.asarray(offsets)[inside[last], 1].tolist()
    return [_word_align(text, int(s), int(e)) for s, e in zip(starts, ends, strict=True)]


def _word_align(text: str, s: int, e: int) -> Span:
    while s > 0 and text[s - 1].isalnum() and text[s].isalnum():
        s -= 1
    while e < len(text) and text[e].isalnum() and text[e - 1].isalnum():
        e += 1
    return s, e


_EDGE_PUNCT = " \t\n,;:.!?\"'\u201c\u201d\u2018\u2019()"
_STOP_SOURCES = frozenset("to a an the of and or in on at by for that as with from".split())


def tagged_spans(text: str, tokens: ArticleTokens, logits: np.ndarray) -> dict[str, list[Span]]:
    """Spans per role; source and cue spans lose edge punctuation, lone function words are dropped."""
    tags = logits.argmax(axis=2)
    out: dict[str, list[Span]] = {}
    for r, role in enumerate(ROLES):
        spans = decode_bio(text, tokens.offsets, tags[:, r])
        if role != "content":
            spans = [_strip_span(text, s, e, _EDGE_PUNCT) for s, e in spans]
            spans = [sp for sp in spans if sp[1] > sp[0] and text[sp[0] : sp[1]].lower() not in _STOP_SOURCES]
        if role == "source":
            spans = [_with_determiner(text, sp) for sp in spans]
        if role == "content":
            spans = [_drop_trailing_determiner(text, sp) for sp in spans]
        out[role] = [sp for sp in spans if sp[1] > sp[0]]
    return out


_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|A|An|The)\s+$")
# what trailing_determiner_start() finds without trying every position (kept as its reference; tests compare)
_DETERMINER_AFTER = re.compile(r"(?:[\s,;]+(?:a|an|the))?[\s,;]*$", re.I)


def _with_determiner(text: str, sp: Span) -> Span:
    """``a military spokesman`` rather than ``military spokesman``."""
    m = _DETERMINER_BEFORE.search(text, max(0, sp[0] - 5), sp[0])
    return (m.start(), sp[1]) if m else sp


def _drop_trailing_determiner(text: str, sp: Span) -> Span:
    """``destroyed overnight, a`` -> ``destroyed overnight`` (the article belongs to the next source)."""
    cut = trailing_determiner_start(text, sp[0], sp[1])
    if cut > sp[0] and text[sp[1] - 1] not in "\"\u201d'\u2019":
        return sp[0], cut
    return sp


def _is_separator(c: str) -> bool:
    """What ``[\\s,;]`` matches (``\\s`` of a str pattern is ``str.isspace``)."""
    return c in ",;" or c.isspace()


def trailing_determiner_start(text: str, start: int, end: int) -> int:
    """Where ``_DETERMINER_AFTER.search(text, start, end)`` matches, read from the end instead of tried at
    every position: before trailing separators (white space, "," and ";") and, if the word before them is
    "a", "an" or "the" after at least one separator, before that word and its separators."""
    q = end
    while q > start and _is_separator(text[q - 1]):
        q -= 1
    r = q
    while r > start and q - r < 3 and not _is_separator(text[r - 1]):
        r -= 1
    if r < q and text[r:q].lower() in ("a", "an", "the") and r > start and _is_separator(text[r - 1]):
        p = r - 1
        while p > start and _is_separator(text[p - 1]):
            p -= 1
        return p
    return q


# ---------------------------------------------------------------------------------------------
# Rules
# ---------------------------------------------------------------------------------------------

_SPEECH = r"(?:" + "|".join(sorted(SPEECH_VERBS - {"continued", "continues"}, key=len, reverse=True)) + r")"
_TAIL_SPEECH = r"(?:" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + r")"
_CLAUSE_CUE = (
    r"(?:said|says|reported|reports|claimed|claims|stated|states|announced|announces|warned|warns|"
    r"suggest|suggests|suggested|insisted|insists|argued|argues|added|adds|alleged|alleges|believe|believes|"
    r"believed|estimate|estimates|estimated|indicated|indicates|confirmed|confirms|denied|denies|wrote|"
    r"writes|show|shows|showed|acknowledged|admitted|noted|notes|explained|declared|tweeted)"
)
_ACCORDING = re.compile(
    r"\b(?P<cue>[Aa]ccording to)\s+(?P<src>[^,.;:!?\"\u201c\u201d]{2,100}?)(?=\s*[,.;:!?]|\s*$)"
)
_THAT_CLAUSE = re.compile(
    r"\b(?P<cue>" + _CLAUSE_CUE + r"|told\s+(?:\w+\s+){0,4}?(?=that\b))"
    r"(?P<mid>(?:\s+(?:on|last|this|late|early)\s+\w+)?\s*,?\s*)(?P<that>that\s+|:\s*)?"
    r"(?P<content>[^\"\u201c\u201d]*?)(?=[.!?](?:\s|$)|$)"
)
_TOLD = re.compile(
    r",\s*(?P<src>(?:[\w'\u2019.-]+\s+){0,7}?)(?P<cue>" + _SPEECH + r")\b(?P<tail>[^,;]*)[.!?]?\s*$"
)
_BOUNDARY = ',;:"\u201c\u201d()\u2014'
_WORD_RE = re.compile(r"[\w'\u2019.-]+")
_NOISE_WORDS = frozenset(
    "and but so yet then meanwhile however now also in on at has have had also later previously "
    "repeatedly earlier once again would will may might could has".split()
)


@dataclass
class RuleAttribution:
    cue: Span
    source: Span | None
    content: Span | None


def _strip_span(text: str, s: int, e: int, chars: str = " \t\n,;:") -> Span:
    while s < e and text[s] in chars:
        s += 1
    while e > s and text[e - 1] in chars:
        e -= 1
    return s, e


def source_before(text: str, floor: int, pos: int, max_words: int = 7) -> Span | None:
    """The noun phrase that ends just before ``pos``: back to a clause boundary, at most ``max_words``."""
    s = pos
    while s > floor and text[s - 1] not in _BOUNDARY and text[s - 1] not in ".!?\n":
        s -= 1
    words = [(m.start() + s, m.end() + s) for m in _WORD_RE.finditer(text[s:pos])]
    while words and text[words[-1][0] : words[-1][1]].lower() in _NOISE_WORDS:
        words.pop()
    words = words[-max_words:]
    while words and text[words[0][0] : words[0][1]].lower() in _NOISE_WORDS:
        words.pop(0)
    if not words:
        return None
    if (
        len(words) == max_words
        and not text[words[0][0]].isupper()
        and text[words[0][0] : words[0][1]].lower() not in ("the", "a", "an", "some", "many", "one")
    ):
        return None  # no clear start of a noun phrase: likely not a source
    return words[0][0], words[-1][1]


def source_after(text: str, pos: int, limit: int, max_words: int = 7) -> Span | None:
    """The noun phrase right after ``pos`` (``said the commander``), up to a comma or full stop."""
    e = pos
    while e < limit and text[e] not in _BOUNDARY and text[e] not in ".!?\n":
        e += 1
    words = [(m.start() + pos, m.end() + pos) for m in _WORD_RE.finditer(text[pos:e])]
    words = words[:max_words]
    # a time expression ends the source ("said the governor on Monday")
    for k, (ws, we) in enumerate(words):
        if text[ws:we].lower() in (
            "on",
            "in",
            "at",
            "last",
            "this",
            "late",
            "early",
            "after",
            "before",
            "during",
        ):
            words = words[:k]
            break
    if not words:
        return None
    end = words[-1][1] - 1 if text[words[-1][1] - 1] == "." else words[-1][1]
    return words[0][0], end


def rule_attributions(text: str, sentence_ranges: list[Span]) -> list[RuleAttribution]:
    """Attributions found by quote pairing and cue patterns (no model)."""
    out: list[RuleAttribution] = []
    used_cues: list[Span] = []
    quotes = [q for q in quote_spans(text) if q[1] - q[0] >= 12]  # scare quotes are not content

    def add(att: RuleAttribution) -> None:
        if not any(_overlaps(att.cue, c) for c in used_cues):
            used_cues.append(att.cue)
            out.append(att)

    for qs, qe in quotes:
        found = _quote_attribution(text, qs, qe, sentence_ranges)
        if found is not None:
            add(found)
    contents = [a.content for a in out if a.content is not None]
    for s, e in sentence_ranges:
        sent = text[s:e]
        for m in _ACCORDING.finditer(sent) if "ccording to" in sent else ():
            cue = (s + m.start("cue"), s + m.end("cue"))
            src = _strip_span(text, s + m.start("src"), s + m.end("src"))
            add(RuleAttribution(cue, src, _according_content(text, s, e, cue, src)))
        tm = _TOLD.search(sent) if "," in sent else None
        if tm is not None and tm.group("src").strip():
            cue = (s + tm.start("cue"), s + tm.end("cue"))
            src = _strip_span(text, s + tm.start("src"), s + tm.end("src"))
            content = _strip_span(text, s, s + tm.start())
            if (
                content[1] - content[0] >= 10
                and not _inside_any(cue, quotes)
                and not _noun_use(text, cue)
                and not tm.group("src").lower().startswith("according")
            ):
                add(RuleAttribution(cue, src, content))
        pos = 0
        while (cm := _THAT_CLAUSE.search(sent, pos)) is not None:
            pos = cm.start("cue") + 1
            cue = _strip_span(text, s + cm.start("cue"), s + cm.end("cue"))
            if _inside_any(cue, quotes) or _inside_any(cue, contents):
                continue
            content = _strip_span(text, s + cm.start("content"), s + cm.end("content"))
            if len(text[content[0] : content[1]].split()) < 3 or text[
                content[0] : content[1]
            ].lower().startswith(("on ", "in ", "at ", "by ", "to ", "of ")):
                continue
            if _noun_use(text, cue) or _inside_any(cue, [a.source for a in out if a.source is not None]):
                continue
            clause_src = source_before(text, s, cue[0])
            if clause_src is None:
                continue
            if cm.group("cue").startswith("told"):
                cue = (cue[0], cue[0] + 4)
            add(RuleAttribution(cue, clause_src, content))
    return out


_DETERMINERS = frozenset(
    "the a an some many several these those such news press media local unconfirmed earlier recent "
    "new his her their its our official police".split()
)


def _noun_use(text: str, cue: Span) -> bool:
    """``reports``/``claims``/``estimates`` used as a noun (``some reports suggest``), not as a verb."""
    word = text[cue[0] : cue[1]].lower()
    if not word.endswith("s") or word in ("says", "was"):
        return False
    prev = re.findall(r"[\w'\u2019-]+", text[max(0, cue[0] - 30) : cue[0]])
    return bool(prev) and prev[-1].lower() in _DETERMINERS


def _inside_any(span: Span, spans: list[Span]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in spans)


def _according_content(text: str, s: int, e: int, cue: Span, src: Span) -> Span | None:
    """The clause an ``according to`` phrase attributes: the rest of the sentence around it."""
    after = _strip_span(text, src[1], e, " \t\n,;:.")
    before = _strip_span(text, s, cue[0], " \t\n,;:")
    cands = [sp for sp in (after, before) if sp[1] - sp[0] >= 8]
    if not cands:
        return None
    return max(cands, key=lambda sp: sp[1] - sp[0])


def _sentence_at(ranges: list[Span], pos: int) -> Span | None:
    for s, e in ranges:
        if s <= pos < e:
            return (s, e)
    return None


_AFTER_QUOTE = re.compile(
    r"\s*,?\s*(?P<pre>(?:[\w'\u2019.-]+\s+){0,7}?)(?P<cue>" + _TAIL_SPEECH + r"|according to)\b"
)


def _quote_attribution(text: str, qs: int, qe: int, ranges: list[Span]) -> RuleAttribution | None:
    """Pair a quotation with a cue just after it (`"...," he said`) or just before it (`He said: "..."`)."""
    line_end = text.find("\n", qe)
    limit = min(len(text), qe + 140, line_end if line_end >= 0 else len(text))
    m = _AFTER_QUOTE.match(text, qe, limit)
    if m is not None and not re.search(r"[.!?;]", m.group("pre")):
        cue = (m.start("cue"), m.end("cue"))
        if m.group("pre").strip():
            src: Span | None = _strip_span(text, m.start("pre"), m.end("pre"))
        else:
            src = source_after(text, cue[1], limit)
        if cue[1] - cue[0] == len("according to") and text[cue[0] : cue[1]].lower() == "according to":
            src = source_after(text, cue[1], limit)
        return RuleAttribution(cue, src, (qs, qe))
    sent = _sentence_at(ranges, qs)
    lead_start = sent[0] if sent is not None and sent[0] < qs else max(0, qs - 200)
    if sent is not None and sent[0] == qs:
        # the quote opens its sentence: the cue may close the previous sentence with a colon
        prev = _sentence_at(ranges, max(0, qs - 2))
        lead_start = prev[0] if prev is not None and text[:qs].rstrip().endswith(":") else qs
    lead = text[lead_start:qs]
    best: RuleAttribution | None = None
    for cm in re.finditer(r"\b(?P<cue>" + _SPEECH + r"|according to)\b", lead):
        cue = (lead_start + cm.start("cue"), lead_start + cm.end("cue"))
        between = text[cue[1] : qs]
        if len(between) > 60 or re.search(r"[.!?]\s", between):
            continue
        if cm.group("cue").lower() == "according to":
            sm = re.match(r"\s*(?P<src>[^,:\"\u201c]{2,80}?)\s*[,:]", between)
            src2 = (cue[1] + sm.start("src"), cue[1] + sm.end("src")) if sm else None
        else:
            src2 = source_before(text, lead_start, cue[0])
            if src2 is None:
                src2 = source_after(text, cue[1], qs)
        best = RuleAttribution(cue, src2, (qs, qe))
    return best


# ---------------------------------------------------------------------------------------------
# Merging, linking and typing
# ---------------------------------------------------------------------------------------------


@dataclass
class Attribution:
    cue: Span
    source: Span | None
    content: Span | None
    score: float
    from_rules: bool


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


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
        src = _nearest(cue, [s for s in sources_in.get(ci, ()) if not _overlaps(s, cue)])
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
    out = [t for t in tagged if not any(_overlaps(t.cue, rs) for rs in rule_sources)]
    for r in rules:
        same = [t for t in out if _overlaps(t.cue, r.cue)]
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
    return _overlaps(t.cue, r.cue) or (
        t.content is not None
        and r.content is not None
        and _overlaps(t.content, r.content)
        and _overlaps_near(t.cue, r.cue)
    )


def _overlaps_near(a: Span, b: Span, gap: int = 40) -> bool:
    return a[0] - gap < b[1] and b[0] - gap < a[1]


# Source typing (lexicon; these sets are not tagger features, so they may change without retraining):
# * person: a named individual, a pronoun, or one individual by role ("a Kremlin spokesman", "Anton, 34");
# * organisation: an institution ("the interior ministry", "the Kremlin") or a group speaking for a named
#   one ("analysts at the Carnegie Endowment");
# * outlet: a news organisation (agency, newspaper, broadcaster, channel, website, Telegram channel...);
# * anonymous: unnamed people whose identity is withheld but whose position is implied: "a source",
#   "officials", "officials in Moscow", "a senior official", "people familiar with the matter";
# * vague: hearsay and generic groups: "some reports", "others", "critics", "analysts", "supporters".
OUTLET_NAMES_EXTRA = re.compile(
    r"\b(?:Meduza|Novaya Gazeta|Rossiyskaya Gazeta|RT|Russia Today|Sputnik|Vedomosti|RBC|RIA|Hromadske|"
    r"Suspilne|Nexta|TV Rain|Dozhd|Mediazona|Fontanka|Kyiv Post|Moscow Times|Radio Liberty|RFE/RL|"
    r"Radio Free Europe|Voice of America|VOA|Channel One|Rossiya|NTV|Zvezda|Ekho Moskvy|Kyiv Independent)\b"
)
TYPING_OUTLET_WORDS = OUTLET_WORDS | frozenset(
    "site portal newsletter blog telegram tv newspaper's broadcaster's daily's".split()
)
ORG_HEADS_EXTRA = frozenset(
    "operator operators utility provider providers company companies network firm group administration "
    "office service".split()
)
ANONYMOUS_HEADS = frozenset("official officials source sources insider insiders aide aides".split())
GROUP_HEADS = frozenset(
    "critics others observers experts analysts commentators supporters opponents residents locals "
    "witnesses people many some several voters activists campaigners protesters bloggers citizens "
    "reports report rumours rumors claims accounts estimates information media press diplomats".split()
)
_PREPOSITIONS = frozenset("of in at from for with on inside within near across".split())
_QUANTITY_WORDS = frozenset(
    "tens hundreds thousands millions dozens dozen some many most all half majority minority percent % "
    "number group one two three four five six seven eight nine ten few several each none any".split()
)


def _head_index(words: list[str]) -> int:
    """Index of the noun phrase's head: the last word before its first preposition (``officials`` in
    ``officials in Moscow``); after ``of`` when what precedes is a quantity (``thousands of residents``)."""
    i = 0
    while i < len(words):
        if words[i] in _PREPOSITIONS and i > 0:
            before = words[i - 1]
            if words[i] == "of" and (before in _QUANTITY_WORDS or before[:1].isdigit()):
                i += 1
                continue
            return i - 1
        i += 1
    return len(words) - 1


# every alternative of ANONYMOUS_MARKERS contains one of these (lower case); tests check it
_ANONYMOUS_NEEDS = ("anonym", "not ", "familiar with", "declined to be", "unnamed", "source", "official")


def has_anonymous_marker(s: str) -> bool:
    """``ANONYMOUS_MARKERS.search(s)`` is not None, with a quick test for the literals it needs first."""
    low = s.lower()
    if not any(c in s for c in CASE_FOLDING_SPECIALS) and not any(w in low for w in _ANONYMOUS_NEEDS):
        return False
    return ANONYMOUS_MARKERS.search(s) is not None


def source_type(text: str, src: Span | None, context: str) -> str | None:
    """person / organisation / outlet / anonymous / vague for a source span (None without one)."""
    if src is None:
        return None
    s = text[src[0] : src[1]]
    if has_anonymous_marker(s) and not _has_proper_name(s.split(",")[0]):
        return "anonymous"
    s = s.split(",")[0]  # "Olena Kovalenko, a volunteer at ..." is typed by its head
    words = [w.lower() for w in re.findall(r"[\w'\u2019%-]+", s)]
    if not words:
        return None
    hi = _head_index(words)
    head = words[hi]
    attached = s.split()[hi + 1 :] if hi + 1 < len(s.split()) else []
    if has_anonymous_marker(context) and not _has_proper_name(s):
        return "anonymous"
    if head in TITLE_WORDS - VAGUE_HEADS or head in PERSON_HEADS:
        return "person"
    if OUTLET_NAMES.search(s) or OUTLET_NAMES_EXTRA.search(s) or any(w in TYPING_OUTLET_WORDS for w in words):
        if not (words[0] in ("press", "media") and head in GROUP_HEADS):
            return "outlet"
    if head in ANONYMOUS_HEADS:
        return "anonymous"
    if head in GROUP_HEADS or head in VAGUE_HEADS:
        named_org = any(t[:1].isupper() for t in attached[1:]) and attached[0].lower() in ("at", "of", "from")
        return "organisation" if named_org else "vague"
    if words[0] in (
        "some",
        "many",
        "several",
        "various",
        "unconfirmed",
        "unverified",
        "local",
        "press",
        "media",
    ):
        return "vague"
    if any(w in ("poll", "polls", "survey", "surveys", "respondents", "those") for w in words):
        return "vague"  # "40% of those asked in a poll"
    if len(words) == 1 and words[0] in PERSON_PRONOUNS:
        return "person"
    if words[0] == "they" or words[0] == "it":
        return "vague" if words[0] == "they" else "organisation"
    if head in ORG_HEADS_EXTRA:
        return "organisation"  # "the state grid operator"
    if head in ORG_WORDS or any(w in ORG_WORDS for w in words) and not any(w in TITLE_WORDS for w in words):
        return "organisation"
    if s.isupper() and len(s) <= 8:
        return "organisation"
    return "person"


def _has_proper_name(s: str) -> bool:
    toks = s.split()
    return any(
        t[:1].isupper() and t.lower() not in VAGUE_HEADS and t.lower() not in TITLE_WORDS for t in toks[1:]
    ) or (len(toks) == 1 and toks[0][:1].isupper() and toks[0].lower() not in PRONOUNS | VAGUE_HEADS)


# ---------------------------------------------------------------------------------------------
# Precision filters and repairs over both layers
# ---------------------------------------------------------------------------------------------

_REPORTING_BASES = (
    "say tell report claim state announce add note warn explain insist argue suggest allege confirm deny "
    "acknowledge admit write tweet post declare assert maintain accuse describe call quote cite indicate show "
    "reveal mention promise vow urge ask reply respond recall concede observe dismiss reject question complain "
    "criticise criticize praise blame defend threaten pledge propose recommend demand counter stress emphasise "
    "emphasize highlight point charge contend testify speak talk discuss comment remark brief inform advise "
    "caution predict forecast estimate calculate conclude find publish release issue disclose proclaim label "
    "dub term brand characterise characterize portray condemn denounce slam blast attack endorse support "
    "oppose agree disagree welcome hail applaud lament boast joke quip signal hint imply insinuate confess "
    "recognise recognize believe think feel know expect hope want fear worry doubt suspect assume consider "
    "understand learn hear see read realise realize wonder seem appear sound vote seek plan intend refuse "
    "decline reiterate repeat echo summarise summarize clarify specify detail outline document record list "
    "decide tout project assure reassure convince persuade notify alert order instruct plead appeal request "
    "invite interview survey poll chant shout scream yell cry whisper mutter exclaim retort rebut refute "
    "contest dispute challenge protest acknowledge insist guarantee swear threaten prefer believe favour "
    "favor back reckon estimate argue muse concur conclude deem regard view refer focus raise express offer "
    "look put laud chastise mock liken compare reference link implore encourage advocate admire apologise "
    "apologize rail lash scold rebuke berate thank congratulate salute commend credit slam decry deplore "
    "ridicule taunt insult smear tease pitch preach lecture campaign lobby petition sue file testify "
    "affirm reaffirm vouch certify acknowledge introduce unveil sum paint press identify"
)
_REPORTING_EXTRA = (
    "said told wrote written thought felt knew known heard saw seen found spoke spoken sought meant swore "
    "sworn put according statement statements interview interviews speech speeches message messages remarks "
    "comments report reports poll polls survey surveys study studies data view views opinion belief claims "
    "allegation allegations testimony briefing release letter op-ed column editorial announcement "
    "declaration warning warnings criticism words reportedly apparently allegedly quoted tweet tweets "
    "twitter facebook telegram post posts video broadcast address conference hearing debate asserted "
    "endorsement accusation accusations questions concerns concern hopes fears plans belief"
)


def _inflections(base: str) -> set[str]:
    """Regular verb forms of ``base`` (over-generation is harmless: the set is only looked up)."""
    forms = {base, base + "s", base + "ed", base + "ing", base + base[-1] + "ed", base + base[-1] + "ing"}
    if base.endswith("e"):
        forms |= {base + "d", base[:-1] + "ing"}
    if base.endswith("y") and base[-2:-1] not in ("a", "e", "i", "o", "u"):
        forms |= {base[:-1] + "ies", base[:-1] + "ied"}
    if base.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(base + "es")
    return forms


REPORTING_WORDS = frozenset(
    {f for b in _REPORTING_BASES.split() for f in _inflections(b)} | set(_REPORTING_EXTRA.split())
)
_CUE_WORD = re.compile(r"[\w'\u2019-]+")
_CUE_TAIL = frozenset(
    "on in at last this that yesterday today tonight monday tuesday wednesday thursday friday saturday "
    "sunday earlier later also again then once".split()
)
_TELL_STORY = re.compile(
    r"\s+(?:(?:its|their|his|her|our|my|your|a|an|the)\s+)?(?:(?:own|different|whole|same|real|other)\s+)?"
    r"(?:story|stories|tale|tales)\b",
    re.I,
)
_PREDICTION_CUE = frozenset("expected likely set due poised supposed bound".split())
_BE_FORMS = frozenset("is are was were be been being 's 're am".split())
_NEGATIVE_SOURCE = re.compile(r"(?:nobody|no\s+one|none|neither|nothing|no)\b", re.I)
_NEGATED_BEFORE = re.compile(
    r"(?:\bnot|n't|\bnever|\brefused\s+to|\bdeclined\s+to|\bunable\s+to|\bwould\s+not)\s*$", re.I
)
_WH_AFTER = re.compile(r"\s*(?:how|whether|what|who|whom|when|where|why|which|if)\b", re.I)
_SOURCE_LEAD = frozenset(
    "and but or so yet while whereas although though because as if when since then also however meanwhile "
    "nor".split()
)
_SOURCE_TAIL = frozenset(
    "will would can could may might shall should must has have had did does do is are was were be been "
    "also not n't never repeatedly previously later then reportedly already still just even once again "
    "often who which".split()
)
_QUANTIFIER_BEFORE = re.compile(
    r"\b(?:about|around|nearly|almost|roughly|some|over|under|only|just|(?:more|fewer|less)\s+than|"
    r"up\s+to|at\s+least|at\s+most)\s+$",
    re.I,
)
_PARTICIPLE_CUES = frozenset(
    "asked polled surveyed interviewed questioned quoted contacted consulted".split()
)
_LEADING_THAT = re.compile(
    r"(?:(?:(?:on|last|this|late|early|earlier)\s+\w+|yesterday|today|tonight|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)\s*,?\s*)?(?:that\s+|:\s*)",
    re.I,
)


def _words(text: str, span: Span) -> list[Span]:
    return [(m.start(), m.end()) for m in _CUE_WORD.finditer(text, span[0], span[1])]


_AUXILIARIES = frozenset(
    "has have had was were is are be been did does do will would can could may might must should shall "
    "not never also then just long repeatedly n't".split()
)


def trim_cue(text: str, cue: Span) -> Span:
    """``said on`` -> ``said``: a cue loses trailing prepositions and time words; a cue of auxiliaries only
    (``has`` of ``has repeatedly said``) extends to the reporting word within the next three words."""
    words = _words(text, cue)
    while len(words) > 1 and text[words[-1][0] : words[-1][1]].lower() in _CUE_TAIL:
        words.pop()
    if not words:
        return cue
    if all(text[s:e].lower() in _AUXILIARIES for s, e in words):
        nxt = list(_CUE_WORD.finditer(text, words[-1][1], min(len(text), words[-1][1] + 40)))[:3]
        for m in nxt:
            if m.group().lower() in REPORTING_WORDS:
                return words[0][0], m.end()
            if m.group().lower() not in _AUXILIARIES and not m.group().lower().endswith("ly"):
                break
    return words[0][0], words[-1][1]


def is_reporting_cue(text: str, cue: Span) -> bool:
    """A cue holds a speech / cognition / report word (``said``, ``according``, ``statement``...)."""
    piece = text[cue[0] : cue[1]]
    if any(ch in piece for ch in _QUOTE_CHARS) or piece.strip() == ":":
        return True
    return any(w.lower() in REPORTING_WORDS for w in _CUE_WORD.findall(piece))


def _next_words(text: str, pos: int, n: int = 2) -> list[str]:
    return [w.lower() for w in _CUE_WORD.findall(text, pos, min(len(text), pos + 40))[:n]]


def _prev_words(text: str, pos: int, n: int = 2) -> list[str]:
    return [w.lower() for w in _CUE_WORD.findall(text, max(0, pos - 40), pos)[-n:]]


def is_non_reporting_frame(text: str, cue: Span) -> bool:
    """Frames that look like attribution but report nobody's words.

    ``the queues tell their own story`` (idiom), ``governors are expected to ...`` (a prediction about
    the subject, not a statement by it), and the participle inside a noun phrase (``those asked in a poll``).
    """
    words = [w.lower() for w in _CUE_WORD.findall(text, cue[0], cue[1])]
    if not words:
        return True
    if words[-1] in ("tell", "tells", "told", "telling") and _TELL_STORY.match(text, cue[1]):
        return True
    if words[-1] in _PREDICTION_CUE and _next_words(text, cue[1], 1) == ["to"]:
        before = _prev_words(text, cue[0], 2)
        if words[0] in _BE_FORMS or any(w in _BE_FORMS for w in before):
            return True
    return False


_NEGATION_IN_CUE = re.compile(r"\b(?:not|never)\b|n't|n\u2019t", re.I)


def _is_negated(text: str, a: Attribution) -> bool:
    """A frame that reports nothing: a negative source (``nobody in the ministry will say how many ...``)
    or a negated cue (``officials would not say whether ...``, ``the other side has not commented``)."""
    if a.source is not None and _NEGATIVE_SOURCE.match(text, a.source[0]):
        return True
    lead = text[max(0, a.cue[0] - 30) : a.cue[0]]
    if not (_NEGATION_IN_CUE.search(text, a.cue[0], a.cue[1]) or _NEGATED_BEFORE.search(lead)):
        return False
    last = (_CUE_WORD.findall(text, a.cue[0], a.cue[1]) or [""])[-1].lower()
    return bool(_WH_AFTER.match(text, a.cue[1])) or last in _NO_CONTENT_CUES


# verbs that, negated, report that nothing was said ("has not commented", "did not respond")
_NO_CONTENT_CUES = frozenset(
    "comment commented commenting respond responded responding reply replied answer answered "
    "elaborate elaborated say said".split()
)


def clean_source(text: str, src: Span | None) -> Span | None:
    """A noun phrase: no leading conjunction (``and nobody ...``) nor trailing auxiliary (``... will``)."""
    if src is None:
        return None
    words = _words(text, src)
    while words and text[words[0][0] : words[0][1]].lower() in _SOURCE_LEAD:
        words.pop(0)
    while words and text[words[-1][0] : words[-1][1]].lower() in _SOURCE_TAIL:
        words.pop()
    if not words:
        return None
    s, e = words[0][0], words[-1][1]
    if text[s].isdigit():
        m = _QUANTIFIER_BEFORE.search(text, max(0, s - 20), s)
        if m:
            s = m.start()
    return s, e


def _clip_content(text: str, content: Span | None, other: Span | None) -> Span | None:
    """The part of ``content`` that does not overlap ``other`` (the longer side), or None if nothing is left."""
    if content is None or other is None or not _overlaps(content, other):
        return content
    before = _strip_span(text, content[0], min(content[1], other[0]), " \t\n,;:")
    after = _strip_span(text, max(content[0], other[1]), content[1], " \t\n,;:")
    best = max((before, after), key=lambda sp: sp[1] - sp[0])
    return best if best[1] > best[0] else None


def clean_content(text: str, a: Attribution) -> Span | None:
    """Content that overlaps neither the cue nor the source, without a leading ``(on Tuesday) that``."""
    c = _clip_content(text, _clip_content(text, a.content, a.cue), a.source)
    if c is None:
        return None
    m = _LEADING_THAT.match(text, c[0], c[1])
    if m and m.end() < c[1]:
        c = (m.end(), c[1])
    if not _CUE_WORD.search(text, c[0], c[1]):
        return None
    return c


def fallback_content(text: str, a: Attribution, sentence_ranges: list[Span]) -> Span | None:
    """For an attribution without content: the clause after the cue (``said they knew ...``), or the
    clause before a trailing ``..., X said``; None when neither has three words."""
    sent = _sentence_at(sentence_ranges, a.cue[0])
    if sent is None:
        return None
    end = sent[1]
    while end > a.cue[1] and text[end - 1] in " \t\n.!?":
        end -= 1
    after = _strip_span(text, a.cue[1], end, " \t\n,;:")
    m = _LEADING_THAT.match(text, after[0], after[1])
    if m and m.end() < after[1]:
        after = (m.end(), after[1])
    cands = []
    if a.source is None or not _overlaps(after, a.source):
        cands.append(after)
    first = min(a.cue[0], a.source[0]) if a.source is not None else a.cue[0]
    cands.append(_strip_span(text, sent[0], first, " \t\n,;:"))
    for c in cands:
        if len(_CUE_WORD.findall(text, c[0], c[1])) >= 3 and text[c[0] : c[1]][:1] not in ",;":
            return c
    return None


def _participle_merge(text: str, atts: list[Attribution], sentence_ranges: list[Span]) -> list[Attribution]:
    """``40% of those asked in one poll said X``: ``asked`` modifies the noun, ``said`` is the cue.

    The participle's attribution is dropped and the next cue of its sentence takes the whole noun phrase
    (from the first source to its own) as source.
    """
    out = sorted(atts, key=lambda a: a.cue)
    drop: set[int] = set()
    for i, a in enumerate(out):
        word = text[a.cue[0] : a.cue[1]].lower()
        if word not in _PARTICIPLE_CUES or i + 1 >= len(out):
            continue
        b = out[i + 1]
        if b.cue[0] - a.cue[1] > 60 or _sentence_at(sentence_ranges, a.cue[0]) != _sentence_at(
            sentence_ranges, b.cue[0]
        ):
            continue
        gap = text[a.cue[1] : b.cue[0]]
        prev = _prev_words(text, a.cue[0], 1)
        plural_before = bool(prev) and prev[0].endswith(("s", "those", "people", "men", "women"))
        if not plural_before or any(ch in gap for ch in ',;:"\u201c\u201d'):
            continue
        start = a.source[0] if a.source is not None and a.source[1] <= a.cue[0] else a.cue[0]
        b.source = _strip_span(text, start, b.cue[0])
        if b.content is None:
            b.content = a.content
        drop.add(i)
    return [a for i, a in enumerate(out) if i not in drop]


def _stray_fragment(text: str, a: Attribution, sentence_ranges: list[Span]) -> bool:
    """A content of one or two words outside the cue's sentence (a tagging fragment, not what was said)."""
    assert a.content is not None
    sent = _sentence_at(sentence_ranges, a.cue[0])
    if sent is None or _overlaps(a.content, sent):
        return False
    return len(_CUE_WORD.findall(text, a.content[0], a.content[1])) < 3


def repair(text: str, a: Attribution) -> Attribution | None:
    """Span repairs that need no context: cue trimmed, source a clean noun phrase, content clipped."""
    a.cue = trim_cue(text, a.cue)
    a.source = clean_source(text, a.source)
    if a.source is not None and _overlaps(a.source, a.cue):
        a.source = None
    a.content = clean_content(text, a)
    return a


def refine(text: str, atts: list[Attribution], sentence_ranges: list[Span]) -> list[Attribution]:
    """Precision filters over the merged attributions.

    Kept: a cue from the reporting lexicon (or a quote frame) outside the non-reporting frames, not negated,
    with a non-empty content (filled from the cue's clause when the layers found none) that overlaps
    neither its cue nor its source.
    """
    atts = [a for a in (repair(text, a) for a in atts) if a is not None]
    atts = [a for a in atts if is_reporting_cue(text, a.cue) and not is_non_reporting_frame(text, a.cue)]
    atts = _participle_merge(text, atts, sentence_ranges)
    out: list[Attribution] = []
    for a in atts:
        a.source = clean_source(text, a.source)
        if _is_negated(text, a):
            continue
        a.content = clean_content(text, a)
        if a.content is not None and _stray_fragment(text, a, sentence_ranges):
            a.content = None
        if a.content is None:
            a.content = fallback_content(text, a, sentence_ranges)
        if a.content is None:
            continue
        out.append(a)
    return out


# ---------------------------------------------------------------------------------------------
# Analyzer
# ---------------------------------------------------------------------------------------------

_SPAN_SCHEMA = {
    "type": "object",
    "required": ["start", "end", "text"],
    "properties": {"start": {"type": "integer"}, "end": {"type": "integer"}, "text": {"type": "string"}},
}
_SOURCE_SCHEMA = {
    "type": ["object", "null"],
    "required": ["start", "end", "text", "type"],
    "properties": {
        "start": {"type": "integer"},
        "end": {"type": "integer"},
        "text": {"type": "string"},
        "type": {"enum": list(SOURCE_TYPES)},
    },
}


def predict_spans(features: Features) -> tuple[dict[str, list[Span]], dict[Span, float]]:
    """Tagger spans per role (empty when the model file is absent) and a confidence per span."""
    article = features.article
    enc = features.encoded
    tokens = article_tokens(
        article.text, article.sentences, enc.token_states, enc.token_offsets, enc.stacked_token_states()
    )
    logits = tag_logits(tokens)
    if logits is None:
        return {r: [] for r in ROLES}, {}
    spans = tagged_spans(article.text, tokens, logits)
    probs = _softmax(logits)
    conf: dict[Span, float] = {}
    starts = tokens.offsets[:, 0]
    ends = tokens.offsets[:, 1]
    # tokens are in text order, so the tokens inside a span are one contiguous run
    monotonic = bool(np.all(starts[1:] >= starts[:-1]) and np.all(ends[1:] >= ends[:-1]))
    for r, role in enumerate(ROLES):
        inside = 1.0 - probs[:, r, 0]
        sps = spans[role]
        if monotonic and sps:
            los = np.searchsorted(starts, [sp[0] for sp in sps], side="left").tolist()
            his = np.searchsorted(ends, [sp[1] for sp in sps], side="right").tolist()
            for sp, lo, hi in zip(sps, los, his, strict=True):
                if hi > lo:
                    total = inside[lo:hi].sum()
                    conf[sp] = float(total.dtype.type(total / (hi - lo)))  # what ndarray.mean computes
                else:
                    conf[sp] = 0.5
            continue
        for sp in sps:
            sel = (starts >= sp[0]) & (ends <= sp[1])
            conf[sp] = float(inside[sel].mean()) if sel.any() else 0.5
    return spans, conf


def _sentence_text(article: Article, span: Span) -> str:
    """The sentence holding ``span`` (the context for typing a source)."""
    i = article.sentence_index_at(span[0])
    if i is None:
        return article.text[span[0] : span[1]]
    s, e = article.sentences[i]
    return article.text[s:e]


def _softmax(x: np.ndarray) -> np.ndarray:
    z = np.exp(x - x.max(axis=-1, keepdims=True))
    return np.asarray(z / z.sum(axis=-1, keepdims=True))


def extract(
    features: Features,
    *,
    use_model: bool = True,
    use_rules: bool = True,
    prefer: str = "tagger",
    same_cue: str = "tagger",
) -> list[Attribution]:
    """All attributions of the article (the analyzer's core, also used by the evaluation)."""
    article = features.article
    tagged: list[Attribution] = []
    if use_model:
        spans, conf = predict_spans(features)
        tagged = link_tagged(article.text, spans, article.sentences, conf)
    text = article.text
    tagged = [a for a in (repair(text, a) for a in tagged) if a is not None]
    rules = rule_attributions(text, article.sentences) if use_rules else []
    merged = merge(rules, tagged, prefer, same_cue, text)
    return refine(text, merged, article.sentences)


@register("attribution")
class AttributionAnalyzer(Analyzer):
    version = "1.3"
    uses_encoder = True
    description = "Attributions (who said what): source with its type, reporting cue and attributed content."
    attribute_schemas = {
        "attribution": {
            "type": "object",
            "required": ["source", "cue", "content", "method"],
            "properties": {
                "source": _SOURCE_SCHEMA,
                "cue": _SPAN_SCHEMA,
                "content": {"oneOf": [_SPAN_SCHEMA, {"type": "null"}]},
                "method": {"enum": ["rules", "tagger"]},
            },
        }
    }

    def analyze(self, features: Features) -> AnalyzerOutput:
        article = features.article
        findings = [self._finding(article, a) for a in extract(features)]
        return AnalyzerOutput(findings=findings)

    def _finding(self, article: Article, a: Attribution) -> Finding:
        parts = [p for p in (a.cue, a.source, a.content) if p is not None]
        start = min(p[0] for p in parts)
        end = max(p[1] for p in parts)
        stype = source_type(article.text, a.source, _sentence_text(article, a.source or a.cue))
        source: dict[str, Any] | None = None
        if a.source is not None:
            source = {**span_ref(article, *a.source), "type": stype}
        return Finding.at(
            article,
            start,
            end,
            kind="attribution",
            label=stype or "no_source",
            score=a.score,
            analyzer=self.name,
            attributes={
                "source": source,
                "cue": span_ref(article, *a.cue),
                "content": span_ref(article, *a.content) if a.content is not None else None,
                "method": "rules" if a.from_rules else "tagger",
            },
        )
