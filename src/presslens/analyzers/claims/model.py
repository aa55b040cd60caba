"""The claim model: weights, vocabularies, threshold; scoring sentences; loading and saving."""

from __future__ import annotations

import json
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from presslens.analyzers.claims.features import lexical_row, sentence_tokens, word_ngrams
from presslens.analyzers.claims.head import HEAD_KEYS, AttentionHead
from presslens.analyzers.claims.tfidf import WordGramCache, flat_ids, tfidf_dot_flat
from presslens.analyzers.numeric import sigmoid
from presslens.registry import ModelRegistry, model_dir, model_loader

MODEL_DIR = model_dir("claims")
WEIGHTS_NAME = "claims.npz"
VOCAB_NAME = "vocab.json"


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
    attention: AttentionHead | None = field(init=False, repr=False, compare=False)
    """:attr:`head` laid out for inference (built with the model)."""
    char_grams: WordGramCache = field(init=False, repr=False, compare=False)
    """Character n-gram ids per word, filled as words are seen (grams never cross words)."""

    def __post_init__(self) -> None:
        self.attention = AttentionHead(self.head) if self.head is not None else None
        self.char_grams = WordGramCache(self.vocab_char)

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
        if self.attention is None or token_states is None:
            return p_lr
        p_head = self.attention.probabilities(token_states, embeddings, stacked=stacked)
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
        z += tfidf_dot_flat(*flat_ids(word_ids), self.idf_word, self.coef_word)
        z += tfidf_dot_flat(*self.char_ids_flat(texts), self.idf_char, self.coef_char)
        return np.asarray(sigmoid(z), dtype=np.float32)

    def char_ids(self, text: str) -> list[int]:
        """Vocabulary ids of :func:`char_ngrams` of ``text`` (grams never cross words: cached per word)."""
        cache = self.char_grams
        # str.split() and re's \s agree on what whitespace is
        return array("i", b"".join(map(cache.__getitem__, text.lower().split()))).tolist()

    def char_ids_flat(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`char_ids` of every text as one int32 array, with each text's count."""
        get = self.char_grams.__getitem__
        return flat_ids([b"".join(map(get, t.lower().split())) for t in texts])

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


model_loader("claims")(ClaimModel.load)


def claim_model() -> ClaimModel:
    """The shipped claim model, from the process-wide registry."""
    model: ClaimModel = ModelRegistry.default().get("claims")
    return model


# ---------------------------------------------------------------------------------------------
