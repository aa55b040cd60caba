"""Check-worthy claims: sentences that make a checkable factual assertion.

Each sentence is scored by the mean of two probabilities (weights in ``models/claims/claims.npz``,
vocabularies in ``vocab.json``), both computed in numpy from the shared encoder pass (no second pass):

* a logistic regression over the sentence embedding, TF-IDF word and character n-grams and a few
  lexical features (numbers, capitalised tokens, length);
* a small attention head over the sentence's frozen token states (attention pooling, then a ReLU
  layer over the pooled state and the sentence embedding).

Sentences at or above the threshold chosen on CheckThat! 2024 dev become ``claim`` findings, enriched
with the quantities found by ``figures``, the attribution found by ``attribution`` and hedging/prediction
cues.
"""

from __future__ import annotations

import json
import re
from array import array
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any

import numpy as np

from presslens.analyzers.base import Analyzer, AnalyzerOutput, Features, register
from presslens.article import Article, Finding, span_ref
from presslens.encoder import stack_token_states
from presslens.registry import ModelRegistry, model_dir, model_loader
from presslens.text.hedging import is_hedged
from presslens.text.prediction import prediction_info
from presslens.text.wordstarts import WordStarts

MODEL_DIR = model_dir("claims")
WEIGHTS_NAME = "claims.npz"
VOCAB_NAME = "vocab.json"

_TOKEN = re.compile(r"(?u)\b\w+\b")
_NUMBER = re.compile(r"\d[\d,.]*")
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred "
    "hundreds thousand thousands million millions billion billions trillion percent half dozen dozens "
    "double triple".split()
)
_FIRST_PERSON = frozenset("i me my we us our".split())
N_LEXICAL = 10


def lexical_features(text: str, tokens: tuple[list[str], list[str]] | None = None) -> np.ndarray:
    """Ten dense features: numbers, number words, capitalised tokens, length, first person, question.

    ``tokens``: :func:`sentence_tokens` of ``text`` if already computed.
    """
    return np.asarray(lexical_row(text, tokens), dtype=np.float32)


def lexical_row(text: str, tokens: tuple[list[str], list[str]] | None = None) -> list[float]:
    """:func:`lexical_features` as a list of floats (the analyzer stacks many rows into one array)."""
    toks, lower = tokens if tokens is not None else sentence_tokens(text)
    n = max(1, len(toks))
    nums = _NUMBER.findall(text)
    first_person = sum(map(_FIRST_PERSON.__contains__, lower))
    # capitalised tokens after the first, first-person words ("I", "We") not counted; tokens are never empty
    capitalised = [t for t in toks[1:] if t[0].isupper()]
    caps = len(capitalised)
    if first_person and caps:
        caps -= sum(1 for t in capitalised if t.lower() in _FIRST_PERSON)
    return [
        float(bool(nums)),
        min(len(nums), 5) / 5.0,
        float(not _NUMBER_WORDS.isdisjoint(lower)),
        float("%" in text or "percent" in lower or "per cent" in text.lower()),
        float("$" in text or "dollars" in lower or "billion" in lower or "million" in lower),
        min(caps, 6) / 6.0,
        min(len(toks), 60) / 60.0,
        first_person / n,
        float(text.rstrip().endswith("?")),
        float(len(toks) <= 4),
    ]


def sentence_tokens(text: str) -> tuple[list[str], list[str]]:
    """The word tokens of ``text`` and their lower-case forms (shared by the LR's feature groups)."""
    toks = _TOKEN.findall(text)
    return toks, [t.lower() for t in toks]


def word_ngrams(text: str, lower: list[str] | None = None) -> list[str]:
    """Lower-case word unigrams and bigrams (``lower``: the lower-case tokens, if already computed)."""
    toks = lower if lower is not None else sentence_tokens(text)[1]
    return toks + [f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False)]


def char_ngrams(text: str, lo: int = 2, hi: int = 5) -> list[str]:
    """Character n-grams inside word boundaries (each word padded with spaces)."""
    out: list[str] = []
    for w in re.sub(r"\s+", " ", text.lower()).split(" "):
        if not w:
            continue
        padded = f" {w} "
        for n in range(lo, hi + 1):
            out.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return out


HEAD_KEYS = ("head_a_w", "head_a_b", "head_v_w", "head_h_w", "head_h_b", "head_o_w", "head_o_b")
HEAD_EMB_SCALE = 5.0


_TRANSPOSED: dict[int, tuple[np.ndarray, np.ndarray]] = {}


def _transposed(w: np.ndarray) -> np.ndarray:
    """Each ``w[k].T`` of a stack of matrices as a C-contiguous copy, made once per weight array (small
    products run faster on it)."""
    hit = _TRANSPOSED.get(id(w))
    if hit is None or hit[0] is not w:
        if len(_TRANSPOSED) > 64:
            _TRANSPOSED.clear()
        hit = (w, np.ascontiguousarray(np.swapaxes(w, -1, -2)))
        _TRANSPOSED[id(w)] = hit
    return hit[1]


def head_probabilities(
    head: dict[str, np.ndarray],
    token_states: list[np.ndarray],
    embeddings: np.ndarray,
    chunk: int = 64,
    stacked: np.ndarray | None = None,
) -> np.ndarray:
    """The attention heads on every sentence (``chunk`` sentences per matrix product).

    ``stacked``: the sentences' token states already stacked in order (``Encoded.stacked_token_states``),
    else they are stacked here. Every weight array has a leading axis over an ensemble of heads trained
    with different seeds; their probabilities are averaged.
    """
    lengths = np.asarray([len(st) for st in token_states], dtype=np.int64)
    if stacked is None:
        stacked = stack_token_states(token_states)
    if len(stacked) != int(lengths.sum()):
        raise ValueError(f"{len(stacked)} stacked token states for {int(lengths.sum())} tokens")
    if len(token_states) <= chunk:
        return _head_chunk(head, lengths, stacked, embeddings)
    firsts = np.concatenate([[0], np.cumsum(lengths)]).tolist()
    parts = [
        _head_chunk(
            head,
            lengths[b : b + chunk],
            stacked[firsts[b] : firsts[min(b + chunk, len(lengths))]],
            embeddings[b : b + chunk],
        )
        for b in range(0, len(token_states), chunk)
    ]
    return np.concatenate(parts)


def _head_chunk(
    head: dict[str, np.ndarray], lengths: np.ndarray, x: np.ndarray, embeddings: np.ndarray
) -> np.ndarray:
    """The heads on sentences with ``lengths`` tokens each, whose token states are stacked in ``x``."""
    n = len(lengths)
    x = np.asarray(x, dtype=np.float32)
    nonempty = np.flatnonzero(lengths > 0)
    bounds = np.cumsum(lengths[nonempty]).tolist()
    starts = [0, *bounds[:-1]]
    seg_starts = np.asarray(starts, dtype=np.int64)
    seg = np.repeat(np.arange(len(nonempty)), lengths[nonempty])
    emb = np.asarray(embeddings, dtype=np.float32) * HEAD_EMB_SCALE
    n_heads, hidden = head["head_a_w"].shape[0], head["head_a_w"].shape[1]
    probs = np.zeros((n_heads, n), dtype=np.float64)
    hid_all = np.zeros((0, n_heads * hidden), np.float32)
    if len(x):
        # the first layer of every head in one product: (tokens, heads * hidden), bias and tanh in place
        hid_all = x @ head["head_a_w"].reshape(n_heads * hidden, -1).T
        hid_all += head["head_a_b"].reshape(-1)
        np.tanh(hid_all, out=hid_all)
    for k in range(n_heads):
        pooled = np.zeros((n, x.shape[1]), dtype=np.float32)
        if len(x):
            att = hid_all[:, k * hidden : (k + 1) * hidden] @ head["head_v_w"][k].reshape(-1)
            att = np.exp(att - np.maximum.reduceat(att, seg_starts)[seg])
            att /= np.add.reduceat(att, seg_starts)[seg]
            # attention-weighted sum of each sentence's tokens: one vector-matrix product per sentence
            # (several times faster than a reduceat over the weighted token states)
            for row, a, b in zip(nonempty.tolist(), starts, bounds, strict=True):
                pooled[row] = att[a:b] @ x[a:b]
        h = np.maximum(
            0.0,
            np.concatenate([pooled, emb], axis=1) @ _transposed(head["head_h_w"])[k]
            + head["head_h_b"][k].reshape(-1),
        )
        z = h @ head["head_o_w"][k].reshape(-1) + head["head_o_b"][k].reshape(-1)[0]
        probs[k] = 1.0 / (1.0 + np.exp(-z))
    return np.asarray(probs.mean(axis=0), dtype=np.float32)


def tfidf_dot(docs: list[list[int]], idf: np.ndarray, coef: np.ndarray) -> np.ndarray:
    """Per document (a list of vocabulary ids): coef . (sublinear TF-IDF, L2-normalised), vectorised."""
    lengths = np.fromiter((len(d) for d in docs), dtype=np.int64, count=len(docs))
    ids = np.fromiter(chain.from_iterable(docs), dtype=np.int64, count=int(lengths.sum()))
    return tfidf_dot_flat(ids, lengths, idf, coef)


def tfidf_dot_flat(ids: np.ndarray, lengths: np.ndarray, idf: np.ndarray, coef: np.ndarray) -> np.ndarray:
    """:func:`tfidf_dot` of documents given as one array of ids, the first ``lengths[0]`` of them the first
    document's, and so on."""
    n = len(lengths)
    out = np.zeros(n, dtype=np.float64)
    total = len(ids)
    if total != int(np.sum(lengths)):
        raise ValueError(f"{total} ids for documents of {int(np.sum(lengths))} ids in all")
    if total == 0:
        return out
    # one sorted key per (document, id) occurrence: the document in the high bits, the id in the low bits
    # (int32 keys sort faster where they fit)
    bits = max(1, (len(idf) - 1).bit_length())
    dtype: type[np.signedinteger[Any]] = np.int32 if (n << bits) < 2**31 else np.int64
    key = np.repeat(np.arange(n, dtype=dtype) << bits, lengths)
    key |= ids.astype(dtype, copy=False)
    key.sort()
    first = np.empty(total, dtype=bool)
    first[0] = True
    np.not_equal(key[1:], key[:-1], out=first[1:])
    starts = np.flatnonzero(first)
    tf = np.diff(starts, append=total)
    unique_keys = key[starts]
    sid = unique_keys >> bits
    idx = unique_keys & ((1 << bits) - 1)
    val = (1.0 + np.log(tf.astype(np.float32))) * idf[idx]
    norm = np.sqrt(np.bincount(sid, weights=val.astype(np.float64) ** 2, minlength=n))
    dot = np.bincount(sid, weights=(val * coef[idx]).astype(np.float64), minlength=n)
    return np.asarray(dot / np.maximum(norm, 1e-12))


_ID_DTYPE = np.dtype(np.intc)  # what array("i") holds


class _WordGramCache(dict[str, bytes]):
    """Lower-case word -> vocabulary ids of its character n-grams as C-int bytes (filled on first use).

    Bytes, so that a sentence's ids are one ``bytes.join`` and an article's one ``np.frombuffer``.
    """

    def __init__(self, vocab: dict[str, int], limit: int = 200_000) -> None:
        super().__init__()
        self.vocab = vocab
        self.limit = limit

    def __missing__(self, word: str) -> bytes:
        ids = array("i", [j for j in map(self.vocab.get, char_ngrams(word)) if j is not None]).tobytes()
        if len(self) < self.limit:
            self[word] = ids
        return ids


def _flat_ids(per_doc: list[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """(ids, lengths) of documents given as the bytes of an ``array("i")`` each."""
    lengths = np.fromiter(map(len, per_doc), dtype=np.int64, count=len(per_doc)) // _ID_DTYPE.itemsize
    return np.frombuffer(b"".join(per_doc), dtype=_ID_DTYPE), lengths


@dataclass
class ClaimModel:
    """LR over [embedding, lexical, TF-IDF(word), TF-IDF(char)], averaged with the token attention head."""

    vocab_word: dict[str, int]
    vocab_char: dict[str, int]
    idf_word: np.ndarray
    idf_char: np.ndarray
    coef_dense: np.ndarray
    coef_word: np.ndarray
    coef_char: np.ndarray
    intercept: float
    threshold: float
    emb_scale: float
    head: dict[str, np.ndarray] | None = None

    def scores(
        self,
        texts: list[str],
        embeddings: np.ndarray,
        token_states: list[np.ndarray] | None = None,
        stacked: np.ndarray | None = None,
    ) -> np.ndarray:
        """Check-worthiness probabilities, one per text (the LR alone without ``token_states``).

        ``stacked``: ``token_states`` stacked in order, if already at hand.
        """
        p_lr = self.lr_scores(texts, embeddings)
        if self.head is None or token_states is None:
            return p_lr
        p_head = head_probabilities(self.head, token_states, embeddings, stacked=stacked)
        return np.asarray((p_lr + p_head) / 2.0, dtype=np.float32)

    def lr_scores(self, texts: list[str], embeddings: np.ndarray) -> np.ndarray:
        tokens = [sentence_tokens(t) for t in texts]
        dense = (
            np.concatenate(
                [
                    embeddings * self.emb_scale,
                    np.asarray([lexical_row(t, k) for t, k in zip(texts, tokens, strict=True)], dtype=np.float32),
                ],
                axis=1,
            )
            if texts
            else np.zeros((0, len(self.coef_dense)), np.float32)
        )
        z = dense @ self.coef_dense + self.intercept
        get = self.vocab_word.get
        word_ids = [
            array("i", [j for j in map(get, word_ngrams(t, k[1])) if j is not None]).tobytes()
            for t, k in zip(texts, tokens, strict=True)
        ]
        z += tfidf_dot_flat(*_flat_ids(word_ids), self.idf_word, self.coef_word)
        z += tfidf_dot_flat(*self.char_ids_flat(texts), self.idf_char, self.coef_char)
        return np.asarray(1.0 / (1.0 + np.exp(-z)), dtype=np.float32)

    def char_ids(self, text: str) -> list[int]:
        """Vocabulary ids of :func:`char_ngrams` of ``text`` (grams never cross words: cached per word)."""
        cache = self._word_cache()
        # str.split() and re's \s agree on what whitespace is
        return array("i", b"".join(map(cache.__getitem__, text.lower().split()))).tolist()

    def char_ids_flat(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`char_ids` of every text as one int32 array, with each text's count."""
        get = self._word_cache().__getitem__
        return _flat_ids([b"".join(map(get, t.lower().split())) for t in texts])

    def _word_cache(self) -> _WordGramCache:
        cache: _WordGramCache | None = self.__dict__.get("_char_cache")
        if cache is None:
            cache = _WordGramCache(self.vocab_char)
            self.__dict__["_char_cache"] = cache
        return cache

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        arrays: dict[str, np.ndarray] = {
            "idf_word": self.idf_word,
            "idf_char": self.idf_char,
            "coef_dense": self.coef_dense,
            "coef_word": self.coef_word,
            "coef_char": self.coef_char,
            "intercept": np.asarray(self.intercept),
            "threshold": np.asarray(self.threshold),
            "emb_scale": np.asarray(self.emb_scale),
            **(self.head or {}),
        }
        as_float32: dict[str, Any] = {k: np.asarray(v, dtype=np.float32) for k, v in arrays.items()}
        np.savez_compressed(folder / WEIGHTS_NAME, **as_float32)
        vocab = {
            "word": sorted(self.vocab_word, key=self.vocab_word.__getitem__),
            "char": sorted(self.vocab_char, key=self.vocab_char.__getitem__),
        }
        (folder / VOCAB_NAME).write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path = MODEL_DIR) -> ClaimModel:
        with np.load(folder / WEIGHTS_NAME, allow_pickle=False) as z:
            arrays = {k: z[k] for k in z.files}
        vocab = json.loads((folder / VOCAB_NAME).read_text(encoding="utf-8"))
        return cls(
            vocab_word={w: i for i, w in enumerate(vocab["word"])},
            vocab_char={w: i for i, w in enumerate(vocab["char"])},
            idf_word=arrays["idf_word"],
            idf_char=arrays["idf_char"],
            coef_dense=arrays["coef_dense"],
            coef_word=arrays["coef_word"],
            coef_char=arrays["coef_char"],
            intercept=float(arrays["intercept"]),
            threshold=float(arrays["threshold"]),
            emb_scale=float(arrays["emb_scale"]),
            head={k: arrays[k] for k in HEAD_KEYS} if all(k in arrays for k in HEAD_KEYS) else None,
        )


@model_loader("claims")
def load_claim_model(folder: Path) -> ClaimModel:
    return ClaimModel.load(folder)


def claim_model() -> ClaimModel:
    """The shipped claim model, from the process-wide registry."""
    model: ClaimModel = ModelRegistry.default().get("claims")
    return model


# ---------------------------------------------------------------------------------------------
# Hedging / prediction (rules in presslens.text)
# ---------------------------------------------------------------------------------------------


def hedge_info(text: str, index: WordStarts | None = None) -> tuple[bool, list[str]]:
    """Hedged or not, and the cue texts (``index``: the :class:`WordStarts` of ``text``, if built)."""
    hedged, cues = is_hedged(text, index)
    return bool(hedged), list(cues)


def prediction(text: str, index: WordStarts | None = None) -> tuple[bool, str | None]:
    """About the future or not, and the time horizon text if any."""
    is_pred, horizon, _ = prediction_info(text, index)
    return bool(is_pred), horizon


# ---------------------------------------------------------------------------------------------
# Analyzer
# ---------------------------------------------------------------------------------------------

_SPAN = {
    "type": "object",
    "required": ["start", "end", "text"],
    "properties": {"start": {"type": "integer"}, "end": {"type": "integer"}, "text": {"type": "string"}},
}
_NULLABLE_SPAN = {"oneOf": [_SPAN, {"type": "null"}]}

CLAIM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["figures", "attribution", "hedged", "hedge_cues", "prediction", "horizon", "sentence_index"],
    "properties": {
        "sentence_index": {"type": "integer", "minimum": 0},
        "figures": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["start", "end", "text", "value"],
                "properties": {
                    "start": {"type": "integer"},
                    "end": {"type": "integer"},
                    "text": {"type": "string"},
                    "value": {},
                    "label": {"type": "string"},
                },
            },
        },
        "attribution": {
            "oneOf": [
                {"type": "null"},
                {
                    "type": "object",
                    "required": ["source", "source_type", "cue", "content"],
                    "properties": {
                        "source": _NULLABLE_SPAN,
                        "source_type": {"type": ["string", "null"]},
                        "cue": _SPAN,
                        "content": _NULLABLE_SPAN,
                    },
                },
            ]
        },
        "hedged": {"type": "boolean"},
        "hedge_cues": {"type": "array", "items": {"type": "string"}},
        "prediction": {"type": "boolean"},
        "horizon": {"type": ["string", "null"]},
    },
}

VAGUE_TYPES = ("vague", "anonymous")


@register("claims")
class ClaimsAnalyzer(Analyzer):
    version = "1.1"
    uses_encoder = True
    requires = ("figures", "attribution")
    description = "Check-worthy factual claims (sentence level) with their figures, source and hedging."
    attribute_schemas = {"claim": CLAIM_SCHEMA}
    models = ("claims",)

    def analyze(self, features: Features) -> AnalyzerOutput:
        self.ensure_loaded()
        article = features.article
        if not article.sentences:
            return AnalyzerOutput()
        model: ClaimModel = self.model("claims")
        texts = article.sentence_texts()
        enc = features.encoded
        probs = model.scores(texts, enc.sentence_embeddings, enc.token_states, enc.stacked_token_states())
        figures = features.prior("figures", "quantity")
        attributions = features.prior("attribution", "attribution")
        chosen = [i for i, p in enumerate(probs.tolist()) if not p < model.threshold]
        ranges = [article.sentences[i] for i in chosen]
        links = linked_attributions(ranges, attribution_spans(attributions))
        findings = [
            self._claim(article, i, s, e, float(probs[i]), figures, link)
            for i, (s, e), link in zip(chosen, ranges, links, strict=True)
        ]
        return AnalyzerOutput(findings=findings)

    def _claim(
        self,
        article: Article,
        index: int,
        s: int,
        e: int,
        score: float,
        figures: list[Finding],
        link: Finding | None,
    ) -> Finding:
        text = article.text[s:e]
        words = WordStarts(text)  # shared by the hedging and prediction cues
        hedged, cues = hedge_info(text, words)
        if link is not None and (link.attributes.get("source") or {}).get("type") in VAGUE_TYPES:
            # second-hand and unverifiable: "some reports suggest", "sources said"
            hedged = True
            src = link.attributes["source"]["text"]
            cue_text = link.attributes["cue"]["text"]
            phrase = f"{src} {cue_text}" if src else cue_text
            if not any(c in phrase for c in cues):
                cues = cues + [phrase]
        is_pred, horizon = prediction(text, words)
        return Finding.at(
            article,
            s,
            e,
            kind="claim",
            label="check_worthy",
            score=score,
            analyzer=self.name,
            attributes={
                "sentence_index": index,
                "figures": [_figure_ref(article, f) for f in figures if s <= f.start and f.end <= e],
                "attribution": _attribution_ref(link),
                "hedged": hedged,
                "hedge_cues": cues,
                "prediction": is_pred,
                "horizon": horizon,
            },
        )


AttributionSpans = list[tuple[int, int, int, Finding]]


def attribution_spans(attributions: list[Finding]) -> AttributionSpans:
    """(content start, content end, cue start, finding) of each attribution (content: else whole span)."""
    out: AttributionSpans = []
    for f in attributions:
        content = f.attributes.get("content") or {}
        cue = f.attributes.get("cue") or {}
        out.append(
            (int(content.get("start", f.start)), int(content.get("end", f.end)), int(cue.get("start", -1)), f)
        )
    return out


def linked_attributions(ranges: list[tuple[int, int]], spans: AttributionSpans) -> list[Finding | None]:
    """For each sentence range, the attribution whose content (else whole span) overlaps it most, a cue inside
    the sentence counting as the sentence's whole length on top; None when nothing overlaps and no cue is
    inside. Of equal candidates the earlier one wins."""
    if not ranges or not spans:
        return [None] * len(ranges)
    sent = np.asarray(ranges, dtype=np.int64)
    s, e = sent[:, :1], sent[:, 1:]
    att = np.asarray([sp[:3] for sp in spans], dtype=np.int64)
    cs, ce, cue = att[:, 0], att[:, 1], att[:, 2]
    overlap = np.maximum(0, np.minimum(e, ce) - np.maximum(s, cs))
    key = overlap + np.where((s <= cue) & (cue < e), e - s, 0)
    best = key.argmax(axis=1)  # the first maximum, as the loop keeps the first of equal keys
    found = key[np.arange(len(ranges)), best] > 0
    return [spans[b][3] if ok else None for b, ok in zip(best.tolist(), found.tolist(), strict=True)]


def _figure_ref(article: Article, f: Finding) -> dict[str, Any]:
    ref = span_ref(article, f.start, f.end)
    ref["value"] = f.attributes.get("value")
    ref["label"] = f.label
    return ref


def _attribution_ref(f: Finding | None) -> dict[str, Any] | None:
    if f is None:
        return None
    src = f.attributes.get("source")
    return {
        "source": {k: src[k] for k in ("start", "end", "text")} if src else None,
        "source_type": src.get("type") if src else None,
        "cue": f.attributes.get("cue"),
        "content": f.attributes.get("content"),
    }
