"""Persuasion technique spans (the 14 PTC / SemEval-2020 Task 11 techniques) and sentence propaganda scores.

Runs on top of the shared encoder pass (``features.encoded``): no second transformer pass.

1. **Span tagger** — a small network over the frozen MiniLM token states (dense layer, two
   convolutions over each sentence's tokens) plus the sentence embedding and a few orthographic cues
   gives every token a probability of lying inside a propaganda span, and every sentence a logit of
   containing one. Runs of tokens above the tuned threshold become spans, snapped to whole words
   (apostrophes/hyphens inside words and initialism dots count as word characters, see
   :func:`is_word_char`), trimmed of ``" \\n.,:;"`` at both ends (the PTC v2 boundary rule) and of
   trailing function words ("... by a thug who" -> "... by a thug").
2. **Technique classifier** — multinomial logistic regression over the span's mean token state,
   its sentence embedding, TF-IDF word n-grams of the span text and cues such as "the same phrase
   occurs elsewhere in the article" (repetition), span length and punctuation; averaged with small
   one-hidden-layer networks over the same dense features when that helped on held-out train.
3. **Lexicon** (:mod:`presslens.analyzers.techniques_lexicon`) — phrases mined from PTC train gold spans
   plus hand lists (name-calling nouns, thought-terminating phrases such as "Full stop.") add spans
   (``attributes["source"] == "lexicon"``, span probability = the phrase's train precision); a phrase's
   technique is blended into the classifier's probabilities, and a sentence with a hit gets
   ``SENTENCE_BUMP`` added to its propaganda probability. All three choices helped on held-out train.

Output:

* kind ``"technique"``: label = one of the 14 technique IDs, span = the fragment, score = calibrated
  probability that the fragment is propaganda *and* uses that technique (``p_span * p_technique``).
  A fragment gets its best technique and any other whose class probability is at least
  ``SECOND_LABEL_MIN``; such findings overlap. Every decoded fragment is reported (the decoder's
  threshold was chosen for span F1), so many scores are below 0.5: filter on ``score >= 0.5`` for
  "more likely than not", or on ``attributes["span_probability"]`` for "is propaganda at all".
* kind ``"sentence"``: one finding for **every** sentence of the article (even unlikely ones), label
  ``"propaganda"``, score = calibrated probability that the sentence contains a propaganda technique.
* ``labels["propaganda"]``: share of sentences with probability >= 0.5.

The model (``models/techniques/techniques.npz`` + ``techniques.json``) is produced by
``presslens train techniques`` (:mod:`presslens.training.techniques`).
"""

from __future__ import annotations

import bisect
import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from presslens.analyzers import techniques_lexicon as L
from presslens.analyzers.base import Analyzer, AnalyzerOutput, Features, register
from presslens.analyzers.numeric import softmax
from presslens.article import Article, Finding
from presslens.registry import ModelRegistry, model_dir, model_loader

MODEL_DIR = model_dir("techniques")
WEIGHTS_NAME = "techniques.npz"
CONFIG_NAME = "techniques.json"

TECHNIQUES: tuple[str, ...] = (
    "Appeal_to_Authority",
    "Appeal_to_fear-prejudice",
    "Bandwagon,Reductio_ad_hitlerum",
    "Black-and-White_Fallacy",
    "Causal_Oversimplification",
    "Doubt",
    "Exaggeration,Minimisation",
    "Flag-Waving",
    "Loaded_Language",
    "Name_Calling,Labeling",
    "Repetition",
    "Slogans",
    "Thought-terminating_Cliches",
    "Whataboutism,Straw_Men,Red_Herring",
)
TRIM_CHARS = " \n.,:;"
SECOND_LABEL_MIN = 0.35
SHARE_THRESHOLD = 0.2
"""``labels["propaganda"]["label"]`` is true when at least this share of sentences is flagged."""

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_QUOTES = frozenset('"“”«»')
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
    quotes = _char_cumsum(codes, "".join(sorted(_QUOTES)))
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


# ------------------------------------------------------------------------------------------ model


@dataclass
class TechniqueModel:
    """Weights of the span tagger, the technique classifier and the calibration constants."""

    weights: dict[str, np.ndarray]
    config: dict[str, Any]
    lexicon: L.Lexicon = field(default_factory=L.hand_lexicon)

    @property
    def vocab(self) -> dict[str, int]:
        return self.config["vocab_index"]  # type: ignore[no-any-return]

    @classmethod
    def load(cls, model_dir: Path = MODEL_DIR) -> TechniqueModel:
        with np.load(model_dir / WEIGHTS_NAME, allow_pickle=False) as data:
            weights = {k: data[k].astype(np.float32) for k in data.files}
        config = json.loads((model_dir / CONFIG_NAME).read_text(encoding="utf-8"))
        config["vocab_index"] = {w: i for i, w in enumerate(config["vocab"])}
        return cls(weights, config, L.load_lexicon(model_dir / L.LEXICON_NAME))


@model_loader("techniques")
def load_technique_model(folder: Path) -> TechniqueModel:
    return TechniqueModel.load(folder)


def default_model() -> TechniqueModel:
    """The shipped technique model, from the process-wide registry."""
    model: TechniqueModel = ModelRegistry.default().get("techniques")
    return model


def _conv_same(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """1-D 'same' convolution over the rows of ``x`` (T, C_in) with zero padding; weight (C_out, C_in, K)."""
    k = weight.shape[2]
    pad = k // 2
    t, c_in = x.shape
    padded = np.zeros((t + 2 * pad, c_in), dtype=np.float32)
    padded[pad : pad + t] = x
    windows = np.empty((t, k * c_in), dtype=np.float32)
    for j in range(k):
        windows[:, j * c_in : (j + 1) * c_in] = padded[j : j + t]
    kernel = weight.transpose(2, 1, 0).reshape(k * c_in, weight.shape[0])
    return np.asarray(windows @ kernel + bias, dtype=np.float32)


def tagger_forward(
    w: dict[str, np.ndarray], states: list[np.ndarray], sent_emb: np.ndarray, orth: list[np.ndarray]
) -> tuple[np.ndarray, np.ndarray]:
    """Token logits (all tokens of the article, sentence after sentence) and one logit per sentence.

    The numpy twin of the torch tagger in :mod:`presslens.training.techniques`: all sentences are laid
    out in one array separated by zero rows, so each convolution sees only its own sentence.
    """
    n_sent = len(states)
    lengths = np.asarray([len(x) for x in states], dtype=np.int64)
    hidden = w["inp.bias"].shape[0]
    dim = sent_emb.shape[1] if sent_emb.ndim == 2 else 384
    sent_logits = np.full(n_sent, float(w["sent_out.bias"][0]) - 5.0, dtype=np.float64)
    if n_sent == 0 or lengths.sum() == 0:
        return np.zeros(0, dtype=np.float32), sent_logits
    pad = w["conv1.weight"].shape[2] // 2
    starts = pad + np.concatenate([[0], np.cumsum(lengths + pad)[:-1]])
    rows = np.concatenate([np.arange(s, s + n) for s, n in zip(starts, lengths, strict=True)])
    sent_of_row = np.repeat(np.arange(n_sent), lengths)
    w_in = w["inp.weight"]
    x_states = np.concatenate(states).astype(np.float32)
    pre = (
        x_states @ w_in[:, :dim].T
        + (sent_emb @ w_in[:, dim : 2 * dim].T)[sent_of_row]
        + np.concatenate(orth) @ w_in[:, 2 * dim :].T
        + w["inp.bias"]
    )
    total = int(starts[-1] + lengths[-1] + pad)
    mask = np.zeros((total, 1), dtype=np.float32)
    mask[rows] = 1.0
    h0 = np.zeros((total, hidden), dtype=np.float32)
    h0[rows] = np.maximum(pre, 0.0)
    h1 = np.maximum(_conv_same(h0, w["conv1.weight"], w["conv1.bias"]), 0.0) * mask
    h2 = np.maximum(_conv_same(h1, w["conv2.weight"], w["conv2.bias"]), 0.0) * mask + h1
    real = h2[rows]
    tok_logits = real @ w["tok_out.weight"][0] + w["tok_out.bias"][0]
    nonempty = np.nonzero(lengths)[0]
    first = np.concatenate([[0], np.cumsum(lengths)[:-1]])[nonempty]
    pooled_max = np.maximum.reduceat(real, first, axis=0)
    pooled_mean = np.add.reduceat(real, first, axis=0) / lengths[nonempty, None]
    pooled = np.concatenate([pooled_max, pooled_mean, sent_emb[nonempty]], axis=1)
    sent_logits[nonempty] = pooled @ w["sent_out.weight"][0] + w["sent_out.bias"][0]
    return tok_logits.astype(np.float32), sent_logits


def sigmoid(x: np.ndarray | float) -> Any:
    return 1.0 / (1.0 + np.exp(-np.asarray(x, dtype=np.float64)))


@dataclass
class TokenTable:
    """Encoder tokens of a whole article with absolute offsets and tagger outputs."""

    starts: np.ndarray
    ends: np.ndarray
    sentence: np.ndarray
    flat_states: np.ndarray
    """(tokens, 384) token states of the whole article, rows aligned with ``starts``."""
    probs: np.ndarray
    sentence_probs: np.ndarray


def tag_article(
    model: TechniqueModel,
    text: str,
    sentences: list[tuple[int, int]],
    states: list[np.ndarray],
    offsets: list[np.ndarray],
    sent_emb: np.ndarray,
) -> TokenTable:
    """Run the span tagger on every sentence.

    Token and sentence logits are Platt-calibrated on held-out train articles; the token score used for
    decoding adds ``sentence_gate`` times the sentence logit, so tokens of unlikely sentences need more
    evidence.
    """
    orth = orth_features(text, sentences, offsets)
    tok_logits, sent_logits = tagger_forward(model.weights, states, sent_emb, orth)
    a, b = model.config["token_calibration"]
    sa, sb = model.config["sentence_calibration"]
    gate = float(model.config.get("sentence_gate", 0.0))
    lengths = [len(o) for o in offsets]
    sentence_logits = sa * sent_logits + sb
    token_logits = a * tok_logits + b + gate * np.repeat(sentence_logits, lengths)
    mix = float(model.config.get("sentence_token_mix", 0.0))
    if mix:
        c1, c0 = model.config["sentence_mix_calibration"]
        sentence_logits = c1 * (sentence_logits + mix * _max_per_sentence(a * tok_logits + b, lengths)) + c0
    starts = [o[:, 0].astype(np.int64) + s for o, (s, _) in zip(offsets, sentences, strict=True)]
    ends = [o[:, 1].astype(np.int64) + s for o, (s, _) in zip(offsets, sentences, strict=True)]
    empty = np.zeros(0, np.int64)
    return TokenTable(
        starts=np.concatenate(starts) if starts else empty,
        ends=np.concatenate(ends) if ends else empty,
        sentence=np.repeat(np.arange(len(sentences)), lengths) if lengths else empty,
        flat_states=np.concatenate(states).astype(np.float32) if states else np.zeros((0, 384), np.float32),
        probs=sigmoid(token_logits),
        sentence_probs=sigmoid(sentence_logits),
    )


def _max_per_sentence(values: np.ndarray, lengths: list[int]) -> np.ndarray:
    """Largest value of each sentence's tokens (-10 for a sentence without tokens)."""
    out = np.full(len(lengths), -10.0)
    nonempty = np.nonzero(np.asarray(lengths))[0]
    if len(nonempty):
        first = np.concatenate([[0], np.cumsum(lengths)[:-1]])[nonempty].astype(np.int64)
        out[nonempty] = np.maximum.reduceat(values, first)
    return out


def decode_spans(
    text: str, table: TokenTable, threshold: float, gap: int = 1, min_mean: float = 0.0, min_chars: int = 2
) -> list[tuple[int, int, float]]:
    """Runs of tokens with probability >= ``threshold`` (bridging gaps of up to ``gap`` tokens inside a
    sentence), snapped to whole words, kept when their mean token probability is >= ``min_mean``;
    returns ``(start, end, mean token probability)``."""
    spans: list[tuple[int, int, float]] = []
    above = table.probs >= threshold
    n = len(above)
    k = 0
    while k < n:
        if not above[k]:
            k += 1
            continue
        first = last = k
        j = k + 1
        while j < n and table.sentence[j] == table.sentence[first]:
            if above[j]:
                last = j
            elif j - last > gap:
                break
            j += 1
        s, e = snap_to_words(text, int(table.starts[first]), int(table.ends[last]))
        s, e = trim_trailing_function_words(text, s, e)
        if e - s >= min_chars and table.probs[first : last + 1].mean() >= min_mean:
            spans.append((s, e, float(table.probs[first : last + 1].mean())))
        k = last + 1
    return _merge_overlaps(spans)


def _merge_overlaps(spans: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    out: list[tuple[int, int, float]] = []
    for s, e, p in sorted(spans):
        if out and s < out[-1][1]:
            ps, pe, pp = out[-1]
            out[-1] = (ps, max(pe, e), max(pp, p))
        else:
            out.append((s, e, p))
    return out


# ----------------------------------------------------------------------------- technique features


def span_dense_features(
    text: str, start: int, end: int, sentences: list[tuple[int, int]], word_counts: Counter[str],
    lower_text: str | None = None,
) -> np.ndarray:
    """Hand-made cues for one span (repetition, length, punctuation, quotes, capitals)."""
    span = text[start:end]
    ws = words(span)
    n_words = max(1, len(ws))
    lowered = span.lower().strip()
    elsewhere = (lower_text if lower_text is not None else text.lower()).count(lowered) - 1 if lowered else 0
    span_counts = Counter(ws)
    content = [w for w in ws if len(w) >= 4]
    rep_words = [word_counts.get(w, 0) - span_counts[w] for w in content]
    sent_cover = 0.0
    for s0, s1 in sentences:
        ov = min(end, s1) - max(start, s0)
        if ov > 0:
            sent_cover = max(sent_cover, ov / max(1, s1 - s0))
    letters = [c for c in span if c.isalpha()]
    caps = sum(c.isupper() for c in letters) / max(1, len(letters))
    before = text[max(0, start - 1) : start]
    after = text[end : end + 1]
    return np.asarray(
        [
            math.log1p(len(span)) / 5.0,
            math.log1p(n_words) / 3.0,
            float(n_words == 1),
            float(n_words <= 3),
            math.log1p(max(0, elsewhere)),
            float(elsewhere >= 1),
            math.log1p(max(0, max(rep_words))) if rep_words else 0.0,
            float(np.mean([r >= 1 for r in rep_words])) if rep_words else 0.0,
            sent_cover,
            float(sent_cover >= 0.8),
            float("!" in span or after == "!"),
            float("?" in span or after == "?"),
            float(any(c in _QUOTES for c in span) or before in _QUOTES or after in _QUOTES),
            caps,
            float(span[:1].isupper()),
            float(any(w in _NEGATION for w in ws)),
            float(any(w in _CAUSAL for w in ws)),
            float(any(w in _US_WORDS for w in ws)),
        ],
        dtype=np.float32,
    )


_NEGATION = frozenset({"not", "no", "never", "nothing", "nobody", "isn't", "wasn't", "don't", "doesn't"})
_CAUSAL = frozenset({"because", "therefore", "since", "so", "thus", "consequently", "result", "cause"})
_US_WORDS = frozenset({"we", "our", "us", "nation", "country", "patriots", "american", "americans", "people"})
N_SPAN_DENSE = 18


def span_state_features(
    starts: np.ndarray, ends: np.ndarray, sentence: np.ndarray, flat_states: np.ndarray,
    sent_emb: np.ndarray, start: int, end: int,
) -> np.ndarray:
    """768 floats: mean token state of the span and mean embedding of the sentences it touches."""
    inside = np.nonzero((starts < end) & (ends > start))[0]
    dim = flat_states.shape[1]
    if len(inside) == 0:
        return np.zeros(2 * dim, dtype=np.float32)
    mean_state = flat_states[inside].mean(axis=0)
    mean_sent = sent_emb[np.unique(sentence[inside])].mean(axis=0)
    return np.concatenate([mean_state, mean_sent]).astype(np.float32)


def tfidf_vector(text: str, vocab: dict[str, int], idf: np.ndarray, weight: float = 1.0) -> np.ndarray:
    """Sublinear-TF, IDF-weighted, L2-normalised n-gram vector of ``text`` over ``vocab``, times ``weight``."""
    vec = np.zeros(len(vocab), dtype=np.float32)
    for gram, c in Counter(ngrams(text)).items():
        j = vocab.get(gram)
        if j is not None:
            vec[j] = (1.0 + math.log(c)) * idf[j]
    norm = float(np.linalg.norm(vec))
    return vec * (weight / norm) if norm > 0 else vec


def span_feature_vector(
    model_vocab: dict[str, int],
    idf: np.ndarray,
    dense_mean: np.ndarray,
    dense_std: np.ndarray,
    state_part: np.ndarray,
    dense_part: np.ndarray,
    span_text: str,
    tfidf_weight: float,
) -> np.ndarray:
    """The technique classifier's input: standardised [state | dense cues] then weighted TF-IDF."""
    dense = (np.concatenate([state_part, dense_part]) - dense_mean) / dense_std
    return np.concatenate([dense, tfidf_vector(span_text, model_vocab, idf, tfidf_weight)]).astype(np.float32)


def classify_spans(
    model: TechniqueModel,
    text: str,
    sentences: list[tuple[int, int]],
    table: TokenTable,
    sent_emb: np.ndarray,
    spans: list[tuple[int, int]],
) -> np.ndarray:
    """(len(spans), 14) technique probabilities."""
    if not spans:
        return np.zeros((0, len(TECHNIQUES)), dtype=np.float32)
    w = model.weights
    counts = article_word_counts(text)
    lower_text = text.lower()
    rows = []
    for s, e in spans:
        state_part = span_state_features(
            table.starts, table.ends, table.sentence, table.flat_states, sent_emb, s, e
        )
        dense_part = span_dense_features(text, s, e, sentences, counts, lower_text)
        rows.append(
            span_feature_vector(
                model.vocab, w["tc.idf"], w["tc.mean"], w["tc.std"], state_part, dense_part, text[s:e],
                float(w["tc.tfidf_weight"][0]),
            )
        )
    x = np.stack(rows)
    return technique_probabilities(w, x, int(model.config.get("tc_mlps", 0)))


def technique_probabilities(w: dict[str, np.ndarray], x: np.ndarray, n_mlps: int) -> np.ndarray:
    """Class probabilities from the classifier input rows ``x``: the logistic regression alone, or its
    average with the mean of ``n_mlps`` one-hidden-layer networks over the dense (non-TF-IDF) part."""
    probs = softmax(x @ w["tc.coef"].T + w["tc.intercept"])
    if n_mlps:
        dense = x[:, : w["tc.mean"].shape[0]]
        mlp = np.zeros_like(probs)
        for k in range(n_mlps):
            hidden = np.maximum(dense @ w[f"tc.mlp{k}.w1"] + w[f"tc.mlp{k}.b1"], 0.0)
            mlp += softmax(hidden @ w[f"tc.mlp{k}.w2"] + w[f"tc.mlp{k}.b2"])
        probs = 0.5 * probs + 0.5 * mlp / n_mlps
    return probs.astype(np.float32)


def blend_lexicon_labels(
    lexicon: L.Lexicon, text: str, spans: list[tuple[int, int]], probs: np.ndarray
) -> np.ndarray:
    """Mix the lexicon's technique into the probabilities of spans that are exactly a lexicon phrase."""
    out = probs.copy()
    for k, (s, e) in enumerate(spans):
        entry = lexicon.lookup(text[s:e])
        if entry is not None and entry.label is not None:
            onehot = np.zeros(len(TECHNIQUES), dtype=np.float32)
            onehot[TECHNIQUES.index(entry.label)] = 1.0
            out[k] = (1.0 - L.LEXICON_LABEL_WEIGHT) * out[k] + L.LEXICON_LABEL_WEIGHT * onehot
    return out


def span_probability(model: TechniqueModel, mean_prob: float, start: int, end: int) -> float:
    """Calibrated probability that a decoded span is (mostly) propaganda."""
    a, b, c = model.config["span_calibration"]
    return float(sigmoid(a * mean_prob + b * math.log1p(end - start) + c))


# --------------------------------------------------------------------------------------- analyzer


def analyze_article(
    model: TechniqueModel,
    article: Article,
    states: list[np.ndarray],
    offsets: list[np.ndarray],
    sent_emb: np.ndarray,
    *,
    threshold: float | None = None,
) -> tuple[TokenTable, list[tuple[int, int, float]], np.ndarray]:
    """Tagger, decoder, lexicon and classifier for one article: (token table, spans, technique
    probabilities). Spans are the tagger's runs, then lexical hits not already identical to one of them
    (their third value is the entry's train precision, negated to tell them apart); sentences with a
    lexical hit get :data:`~presslens.analyzers.techniques_lexicon.SENTENCE_BUMP` added."""
    sentences = [(int(s), int(e)) for s, e in article.sentences]
    table = tag_article(model, article.text, sentences, states, offsets, sent_emb)
    thr = model.config["span_threshold"] if threshold is None else threshold
    spans = decode_spans(
        article.text, table, thr, gap=int(model.config["span_gap"]), min_mean=float(model.config["span_min_mean"])
    )
    spans += lexical_spans(model.lexicon, article.text, spans, table, sentences)
    pairs = [(s, e) for s, e, _ in spans]
    probs = classify_spans(model, article.text, sentences, table, sent_emb, pairs)
    return table, spans, blend_lexicon_labels(model.lexicon, article.text, pairs, probs)


def lexical_spans(
    lexicon: L.Lexicon, text: str, spans: list[tuple[int, int, float]], table: TokenTable,
    sentences: list[tuple[int, int]],
) -> list[tuple[int, int, float]]:
    """Lexical hits as extra spans (``(start, end, -precision)``); bumps the sentence probabilities of
    ``table`` in place for sentences that contain a hit."""
    have = {(s, e) for s, e, _ in spans}
    sentence_ends = [s1 for _, s1 in sentences]
    out: list[tuple[int, int, float]] = []
    bumped: set[int] = set()
    for s, e, entry in lexicon.matches(text):
        if (s, e) not in have:
            have.add((s, e))
            out.append((s, e, -entry.precision))
        i = bisect.bisect_right(sentence_ends, s)
        while i < len(sentences) and sentences[i][0] < e:
            bumped.add(i)
            i += 1
    for i in bumped:
        table.sentence_probs[i] = min(1.0, float(table.sentence_probs[i]) + L.SENTENCE_BUMP)
    return out


@register("techniques")
class TechniquesAnalyzer(Analyzer):
    """Propaganda technique spans (14 SemEval-2020 Task 11 techniques) and sentence propaganda scores."""

    version = "1.2"
    uses_encoder = True
    models = ("techniques",)
    languages = frozenset({"en"})
    description = (
        "Persuasion technique spans (the 14 techniques of SemEval-2020 Task 11) and a propaganda "
        "probability for every sentence, from a light head over the shared encoder's token states."
    )
    attribute_schemas = {
        "technique": {
            "type": "object",
            "properties": {
                "span_probability": {
                    "type": "number",
                    "description": "calibrated probability that the fragment is a propaganda technique",
                },
                "technique_probability": {
                    "type": "number",
                    "description": "probability of this technique given that the fragment is propaganda",
                },
                "rank": {"type": "integer", "description": "1 = the fragment's most likely technique"},
                "source": {
                    "type": "string",
                    "enum": ["tagger", "lexicon"],
                    "description": "span from the token tagger or from a lexical cue (mined from PTC train "
                    "or a hand list); a lexical span's span_probability is the phrase's train precision",
                },
                "alternatives": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {"label": {"type": "string"}, "probability": {"type": "number"}},
                    },
                },
            },
            "required": ["span_probability", "technique_probability", "rank"],
        },
        "sentence": {
            "type": "object",
            "description": (
                "One finding per sentence, emitted for every sentence (even unlikely ones); score is the "
                "calibrated probability that the sentence contains a propaganda technique."
            ),
            "properties": {
                "index": {"type": "integer", "description": "sentence index in article.sentences"},
                "flagged": {"type": "boolean", "description": "score >= 0.5"},
            },
            "required": ["index", "flagged"],
        },
    }
    label_schemas = {
        "propaganda": {
            "type": "object",
            "description": "Share of sentences whose propaganda probability is >= 0.5.",
            "properties": {
                "label": {"type": "boolean", "description": f"share >= {SHARE_THRESHOLD}"},
                "score": {"type": "number", "description": "share of flagged sentences"},
                "sentences": {"type": "integer", "description": "number of flagged sentences"},
                "share": {"type": "number"},
                "total_sentences": {"type": "integer"},
                "threshold": {"type": "number"},
            },
            "required": ["label", "score", "sentences", "share"],
        }
    }

    def analyze(self, features: Features) -> AnalyzerOutput:
        self.ensure_loaded()
        article = features.article
        if not article.sentences:
            return AnalyzerOutput(labels={"propaganda": _share_label(0, 0)})
        model: TechniqueModel = self.model("techniques")
        enc = features.encoded
        table, spans, probs = analyze_article(
            model, article, enc.token_states, enc.token_offsets, features.sentence_embeddings
        )
        findings = self._technique_findings(model, article, spans, probs)
        flagged = 0
        for i, (s, e) in enumerate(article.sentences):
            p = float(table.sentence_probs[i])
            flagged += p >= 0.5
            findings.append(
                Finding.at(
                    article, s, e, kind="sentence", label="propaganda", score=p, analyzer=self.name,
                    attributes={"index": i, "flagged": p >= 0.5},
                )
            )
        return AnalyzerOutput(findings=findings, labels={"propaganda": _share_label(flagged, len(article.sentences))})

    def _technique_findings(
        self, model: TechniqueModel, article: Article, spans: list[tuple[int, int, float]], probs: np.ndarray
    ) -> list[Finding]:
        out: list[Finding] = []
        for (s, e, mean_p), row in zip(spans, probs, strict=True):
            p_span = -mean_p if mean_p < 0 else span_probability(model, mean_p, s, e)
            order = np.argsort(-row)
            alternatives = [{"label": TECHNIQUES[j], "probability": round(float(row[j]), 4)} for j in order[:3]]
            for rank, j in enumerate(order, start=1):
                if rank > 1 and row[j] < SECOND_LABEL_MIN:
                    break
                out.append(
                    Finding.at(
                        article, s, e, kind="technique", label=TECHNIQUES[j], score=p_span * float(row[j]),
                        analyzer=self.name,
                        attributes={
                            "span_probability": round(p_span, 4),
                            "technique_probability": round(float(row[j]), 4),
                            "rank": rank,
                            "source": "lexicon" if mean_p < 0 else "tagger",
                            "alternatives": alternatives,
                        },
                    )
                )
        return out


def _share_label(flagged: int, total: int) -> dict[str, Any]:
    share = flagged / total if total else 0.0
    return {
        "label": share >= SHARE_THRESHOLD,
        "score": share,
        "sentences": flagged,
        "share": share,
        "total_sentences": total,
        "threshold": SHARE_THRESHOLD,
    }
