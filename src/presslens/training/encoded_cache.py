"""Encode a corpus once with the shared encoder and keep the result on disk (outside the repository).

Training and evaluation scripts of the sentence- and token-level analyzers need the same frozen
encoder outputs the pipeline computes at run time. Encoding is the expensive part, so the result of
:meth:`presslens.encoder.SentenceEncoder.run` for a list of texts is cached under a directory keyed
by the encoder's fingerprint and a hash of the texts: ``emb.npy`` (n, 384) float32, ``states.npy`` (tokens, 384) float16 with all
token states concatenated, ``offsets.npy`` (tokens, 2) int32 and ``lengths.npy`` (n,) int64.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np


def default_cache_dir() -> Path:
    """``$PRESSLENS_CACHE``, else ``$XDG_CACHE_HOME/presslens``, else ``~/.cache/presslens``."""
    if os.environ.get("PRESSLENS_CACHE"):
        return Path(os.environ["PRESSLENS_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "presslens"


DEFAULT_CACHE = default_cache_dir()


@dataclass
class CachedEncoding:
    """Encoder outputs of a list of texts, with token states stored flat."""

    embeddings: np.ndarray
    states: np.ndarray
    offsets: np.ndarray
    starts: np.ndarray
    lengths: np.ndarray

    def tokens_of(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        """Token states and char offsets of text ``i``."""
        s, n = int(self.starts[i]), int(self.lengths[i])
        return self.states[s : s + n], self.offsets[s : s + n]


def texts_key(texts: list[str]) -> str:
    from presslens.encoder import model_fingerprint

    h = hashlib.sha1()
    h.update(model_fingerprint().encode("ascii"))
    for t in texts:
        h.update(t.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()[:16]


def encode_cached(
    texts: list[str], cache_dir: Path, *, with_states: bool = True, chunk: int = 2048
) -> CachedEncoding:
    """Encode ``texts`` (one encoder thread) unless an identical list was cached under ``cache_dir``."""
    folder = Path(cache_dir) / texts_key(texts)
    if not (folder / "lengths.npy").exists():
        _encode_to(folder, texts, with_states, chunk)
    emb = np.load(folder / "emb.npy")
    lengths = np.load(folder / "lengths.npy")
    if (folder / "states.npy").exists():
        states = np.load(folder / "states.npy", mmap_mode="r")
        offsets = np.load(folder / "offsets.npy")
    else:
        states = np.zeros((0, 384), np.float16)
        offsets = np.zeros((0, 2), np.int32)
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
    return CachedEncoding(emb, states, offsets, starts, lengths)


def _encode_to(folder: Path, texts: list[str], with_states: bool, chunk: int) -> None:
    from presslens.encoder import SentenceEncoder

    encoder = SentenceEncoder(threads=1)
    folder.mkdir(parents=True, exist_ok=True)
    embs: list[np.ndarray] = []
    states: list[np.ndarray] = []
    offsets: list[np.ndarray] = []
    lengths: list[int] = []
    for b in range(0, len(texts), chunk):
        enc = encoder.run(texts[b : b + chunk])
        embs.append(enc.sentence_embeddings)
        for st, off in zip(enc.token_states, enc.token_offsets, strict=True):
            lengths.append(len(off))
            if with_states:
                states.append(st.astype(np.float16))
                offsets.append(off.astype(np.int32))
    emb = np.concatenate(embs) if embs else np.zeros((0, 384), np.float32)
    if with_states:
        np.save(folder / "states.npy", np.concatenate(states) if states else np.zeros((0, 384), np.float16))
        np.save(folder / "offsets.npy", np.concatenate(offsets) if offsets else np.zeros((0, 2), np.int32))
    np.save(folder / "emb.npy", emb.astype(np.float32))
    np.save(folder / "lengths.npy", np.asarray(lengths, dtype=np.int64))
