"""The technique model: weights and config, the numpy span tagger (twin of the torch one in training), span
decoding.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from presslens.analyzers.numeric import sigmoid
from presslens.analyzers.techniques import lexicon as L
from presslens.analyzers.techniques.text import orth_features, snap_to_words, trim_trailing_function_words
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


SECOND_LABEL_MIN = 0.35
SHARE_THRESHOLD = 0.2
"""``labels["propaganda"]["label"]`` is true when at least this share of sentences is flagged."""


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


model_loader("techniques")(TechniqueModel.load)


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


FORWARD_CHUNK_TOKENS = 4096
"""Tokens per :func:`tagger_forward` step: sentences are run in groups of about this many tokens, so the
padded work arrays stay a few MB whatever the article's length (results equal a single whole-article pass)."""


def sentence_groups(lengths: list[int], max_tokens: int) -> list[tuple[int, int]]:
    """Consecutive sentence ranges ``[i, j)`` of at most ``max_tokens`` tokens (one longer sentence alone)."""
    groups: list[tuple[int, int]] = []
    first, tokens = 0, 0
    for i, n in enumerate(lengths):
        if tokens and tokens + n > max_tokens:
            groups.append((first, i))
            first, tokens = i, 0
        tokens += n
    if first < len(lengths):
        groups.append((first, len(lengths)))
    return groups


def tagger_forward(
    w: dict[str, np.ndarray], states: list[np.ndarray], sent_emb: np.ndarray, orth: list[np.ndarray],
    max_tokens: int = FORWARD_CHUNK_TOKENS,
) -> tuple[np.ndarray, np.ndarray]:
    """Token logits (all tokens of the article, sentence after sentence) and one logit per sentence.

    The numpy twin of the torch tagger in :mod:`presslens.training.techniques`. Sentences are independent
    (each convolution sees only its own sentence), so they run in groups of about ``max_tokens`` tokens:
    memory stays bounded on long articles and the result is that of one pass over all sentences.
    """
    n_sent = len(states)
    sent_logits = np.full(n_sent, float(w["sent_out.bias"][0]) - 5.0, dtype=np.float64)
    lengths = [len(x) for x in states]
    if n_sent == 0 or sum(lengths) == 0:
        return np.zeros(0, dtype=np.float32), sent_logits
    tok_parts: list[np.ndarray] = []
    for i, j in sentence_groups(lengths, max_tokens):
        tok, sent = _forward_sentences(w, states[i:j], sent_emb[i:j], orth[i:j])
        tok_parts.append(tok)
        filled = np.asarray(lengths[i:j]) > 0
        sent_logits[i:j][filled] = sent[filled]
    return np.concatenate(tok_parts).astype(np.float32, copy=False), sent_logits


def _forward_sentences(
    w: dict[str, np.ndarray], states: list[np.ndarray], sent_emb: np.ndarray, orth: list[np.ndarray]
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`tagger_forward` on a few sentences laid out in one array separated by zero rows (the sentence
    logits of sentences without tokens are left 0: the caller keeps its default for them)."""
    n_sent = len(states)
    lengths = np.asarray([len(x) for x in states], dtype=np.int64)
    hidden = w["inp.bias"].shape[0]
    dim = sent_emb.shape[1] if sent_emb.ndim == 2 else 384
    sent_logits = np.zeros(n_sent, dtype=np.float64)
    if lengths.sum() == 0:
        return np.zeros(0, dtype=np.float32), sent_logits
    pad = w["conv1.weight"].shape[2] // 2
    starts = pad + np.concatenate([[0], np.cumsum(lengths + pad)[:-1]])
    rows = np.concatenate([np.arange(s, s + n) for s, n in zip(starts, lengths, strict=True)])
    sent_of_row = np.repeat(np.arange(n_sent), lengths)
    w_in = w["inp.weight"]
    x_states = np.concatenate(states).astype(np.float32, copy=False)
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
        sentence_logits = c1 * (sentence_logits + mix * max_per_sentence(a * tok_logits + b, lengths)) + c0
    starts = [o[:, 0].astype(np.int64) + s for o, (s, _) in zip(offsets, sentences, strict=True)]
    ends = [o[:, 1].astype(np.int64) + s for o, (s, _) in zip(offsets, sentences, strict=True)]
    empty = np.zeros(0, np.int64)
    return TokenTable(
        starts=np.concatenate(starts) if starts else empty,
        ends=np.concatenate(ends) if ends else empty,
        sentence=np.repeat(np.arange(len(sentences)), lengths) if lengths else empty,
        flat_states=stacked_states(states),
        probs=sigmoid(np.asarray(token_logits, dtype=np.float64)),
        sentence_probs=sigmoid(np.asarray(sentence_logits, dtype=np.float64)),
    )


def stacked_states(states: list[np.ndarray]) -> np.ndarray:
    """``states`` one after the other as a (tokens, dim) float32 array: a view when they already are
    consecutive rows of one matrix (the encoder's ``Encoded.token_matrix``), else a copy."""
    parts = [x for x in states if len(x)]
    if not parts:
        return np.zeros((0, 384), np.float32)
    base = parts[0].base
    if isinstance(base, np.ndarray) and base.ndim == 2 and base.dtype == np.float32 and base.flags.c_contiguous:
        row = base.strides[0]
        origin = base.__array_interface__["data"][0]
        first = parts[0].__array_interface__["data"][0]
        at = first
        for x in parts:
            if x.base is not base or x.__array_interface__["data"][0] != at or not x.flags.c_contiguous:
                break
            at += len(x) * row
        else:
            return base[(first - origin) // row : (at - origin) // row]
    return np.concatenate(parts).astype(np.float32, copy=False)


def max_per_sentence(values: np.ndarray, lengths: list[int]) -> np.ndarray:
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
