"""Technique classification of tagged spans: dense, token-state and TF-IDF features, the classifier, lexicon
blending and span calibration.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter

import numpy as np

from presslens.analyzers.numeric import sigmoid, softmax
from presslens.analyzers.techniques import lexicon as L
from presslens.analyzers.techniques.model import TECHNIQUES, TechniqueModel, TokenTable
from presslens.analyzers.techniques.text import QUOTE_CHARS, article_word_counts, ngrams, words

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
    # sentences are in text order: skip (bisect) those ending before the span, stop after it
    for i in range(bisect.bisect_right(sentences, start, key=_sentence_end), len(sentences)):
        s0, s1 = sentences[i]
        if s0 >= end:
            break
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
            float(any(c in QUOTE_CHARS for c in span) or before in QUOTE_CHARS or after in QUOTE_CHARS),
            caps,
            float(span[:1].isupper()),
            float(any(w in _NEGATION for w in ws)),
            float(any(w in _CAUSAL for w in ws)),
            float(any(w in _US_WORDS for w in ws)),
        ],
        dtype=np.float32,
    )


def _sentence_end(sentence: tuple[int, int]) -> int:
    return sentence[1]


_NEGATION = frozenset({"not", "no", "never", "nothing", "nobody", "isn't", "wasn't", "don't", "doesn't"})
_CAUSAL = frozenset({"because", "therefore", "since", "so", "thus", "consequently", "result", "cause"})
_US_WORDS = frozenset({"we", "our", "us", "nation", "country", "patriots", "american", "americans", "people"})


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
    return float(sigmoid(np.asarray(a * mean_prob + b * math.log1p(end - start) + c, dtype=np.float64)))
