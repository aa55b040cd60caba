"""TF-IDF dot products over n-gram ids, and the id cache that feeds them."""

from __future__ import annotations

from array import array
from itertools import chain
from typing import Any

import numpy as np

from presslens.analyzers.claims.features import char_ngrams


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


class WordGramCache(dict[str, bytes]):
    """Lower-case word -> vocabulary ids of its character n-grams as C-int bytes (filled on first use).

    Bytes, so that a sentence's ids are one ``bytes.join`` and an article's one ``np.frombuffer``.
    """

    def __init__(self, vocab: dict[str, int], limit: int = 200_000) -> None:
        super().__init__()
        self.vocab = vocab
        self.limit = limit

    def __missing__(self, word: str) -> bytes:
        if word.split() == [word] and word.lower() == word:
            # one lower-case word (what the callers pass): char_ngrams(word) without its splitting, in its order
            get = self.vocab.get
            padded = f" {word} "
            size = len(padded)
            ids = array("i", [j for n in (2, 3, 4, 5) for i in range(size - n + 1)
                              if (j := get(padded[i : i + n])) is not None]).tobytes()
        else:
            ids = array("i", [j for j in map(self.vocab.get, char_ngrams(word)) if j is not None]).tobytes()
        if len(self) < self.limit:
            self[word] = ids
        return ids


def flat_ids(per_doc: list[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """(ids, lengths) of documents given as the bytes of an ``array("i")`` each."""
    lengths = np.fromiter(map(len, per_doc), dtype=np.int64, count=len(per_doc)) // _ID_DTYPE.itemsize
    return np.frombuffer(b"".join(per_doc), dtype=_ID_DTYPE), lengths
