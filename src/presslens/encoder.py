"""The shared sentence encoder: the first 3 layers of all-MiniLM-L6-v2, run by onnxruntime (int8) with ``tokenizers``.

One call encodes a list of sentences and returns, for each, the L2-normalised mean-pooled sentence
embedding (384 floats) and the contextual token states with their character offsets, so that
sentence classifiers and span taggers share a single encoder pass per article.

The ONNX file is produced by ``presslens export-encoder`` (see :mod:`presslens.training.export_encoder`)
and shipped under ``presslens/models/encoder/``; no weights are downloaded at run time.
"""

from __future__ import annotations

import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from presslens.registry import (
    ENCODER_DIR,
    ENCODER_ONNX,
    ModelRegistry,
    encoder_fingerprint,
    model_loader,
    onnx_session,
)

MODEL_DIR = ENCODER_DIR
ONNX_NAME = ENCODER_ONNX
TOKENIZER_NAME = "tokenizer.json"
MAX_TOKENS = 256
DIM = 384


@dataclass
class _Plan:
    """One encoder pass cut into batches: tokenised texts, length-sorted index batches, model inputs."""

    n: int
    encodings: list[Any]
    batches: list[list[int]]
    feeds: list[dict[str, np.ndarray]]


@dataclass
class Encoded:
    """Encoder output for a list of texts (same order)."""

    sentence_embeddings: np.ndarray
    """(n, 384) float32, L2-normalised."""
    token_states: list[np.ndarray]
    """Per text: (tokens, 384) float32 contextual states, without [CLS]/[SEP]."""
    token_offsets: list[np.ndarray]
    """Per text: (tokens, 2) int32 character offsets into that text."""
    token_matrix: np.ndarray | None = None
    """Every text's token states stacked in order, (all tokens, 384); the encoder fills it and makes each
    ``token_states`` entry a view into it. None until :meth:`stacked_token_states` needs it."""

    def stacked_token_states(self) -> np.ndarray:
        """All texts' token states, one after the other: (sum of token counts, 384) float32.

        Analyzers that work on the whole article's tokens at once use this instead of concatenating
        ``token_states`` themselves (computed once, then kept).
        """
        if self.token_matrix is None:
            self.token_matrix = stack_token_states(self.token_states)
        return self.token_matrix


def stack_token_states(states: list[np.ndarray]) -> np.ndarray:
    """Per-text token states one after the other, (sum of token counts, width), in their own dtype."""
    nonempty = [np.asarray(s) for s in states if len(s)]
    return np.concatenate(nonempty) if nonempty else np.zeros((0, DIM), np.float32)


class SentenceEncoder:
    """The MiniLM sentence encoder over onnxruntime. Thread-safe; create once and share."""

    def __init__(
        self,
        model_dir: str | Path = MODEL_DIR,
        *,
        onnx_name: str = ONNX_NAME,
        threads: int | None = None,
        batch_size: int = 4,
        max_tokens: int = MAX_TOKENS,
    ) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        model_dir = Path(model_dir)
        onnx_path = model_dir / onnx_name
        if not onnx_path.exists():
            raise FileNotFoundError(
                f"encoder model {onnx_path} is missing; rebuild it with `presslens export-encoder`"
            )
        opts = ort.SessionOptions()
        n = threads or int(os.environ.get("PRESSLENS_THREADS", "0")) or (os.cpu_count() or 1)
        # Small length-sorted batches run concurrently on single-threaded kernels with no spin-waiting:
        # on a busy 2-core machine spinning worker threads halve throughput (bench/encoder_threads.py).
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        opts.add_session_config_entry("session.inter_op.allow_spinning", "0")
        # int8 products in 32-bit sums: without it, CPUs with AVX2 but no VNNI saturate the u8 x s8 pairs (16-bit
        # intermediate sums) and the encoder's vectors differ from those of VNNI CPUs, on which every model was fitted
        # (stop 25: dev9 hedged P/R 0.640/0.727 there against 0.652/0.682; bench/ab_speed.py B/A 0.978, in the noise).
        opts.add_session_config_entry("session.x64quantprecision", "1")
        self.threads = n
        self._pool = ThreadPoolExecutor(max_workers=n, thread_name_prefix="presslens-encoder") if n > 1 else None
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = onnx_session(onnx_path, opts)
        self.tokenizer = Tokenizer.from_file(str(model_dir / TOKENIZER_NAME))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=max_tokens)
        self.batch_size = batch_size
        self.input_names = {i.name for i in self.session.get_inputs()}
        self.calls = 0
        """How many times :meth:`run` was called (tests use it to check one pass per article)."""
        self.sentences_encoded = 0
        self.seconds = 0.0
        """Wall time spent inside :meth:`run` (for the benchmark's per-analyzer split)."""
        self._lock = threading.Lock()

    @classmethod
    def default(cls) -> SentenceEncoder:
        """The shipped encoder, from the process-wide model registry (loaded once, shared)."""
        encoder: SentenceEncoder = ModelRegistry.default().get("encoder")
        return encoder

    def run(self, texts: list[str]) -> Encoded:
        """Encode ``texts``: sentence embeddings and token states, in input order."""
        t0 = time.perf_counter()
        try:
            return self._run(texts)
        finally:
            self._count(len(texts), time.perf_counter() - t0)

    def job(self, texts: list[str]) -> EncodingJob:
        """The encoder pass over ``texts`` as a job that threads run batch by batch (see :class:`EncodingJob`)."""
        return EncodingJob(self, texts)

    def _run(self, texts: list[str]) -> Encoded:
        plan = self._plan(texts)
        feeds = plan.feeds
        if self._pool is not None and len(feeds) > 1:
            results = list(self._pool.map(self._infer, feeds))
        else:
            results = [self._infer(f) for f in feeds]
        return self._assemble(plan, results)

    def _plan(self, texts: list[str]) -> _Plan:
        """Tokenise ``texts`` and cut them into length-sorted batches."""
        n = len(texts)
        if n == 0:
            return _Plan(0, [], [], [])
        encs = self.tokenizer.encode_batch(texts)
        order = sorted(range(n), key=lambda i: len(encs[i].ids))
        batches = [order[b : b + self.batch_size] for b in range(0, n, self.batch_size)]
        return _Plan(n, encs, batches, [self._feeds([encs[i].ids for i in idx]) for idx in batches])

    def _assemble(self, plan: _Plan, results: list[tuple[np.ndarray, np.ndarray]]) -> Encoded:
        n, encs = plan.n, plan.encodings
        emb = np.zeros((n, DIM), dtype=np.float32)
        # every text's tokens without [CLS] and [SEP], stacked in text order; states[i] is a view
        counts = [max(0, len(e.ids) - 2) for e in encs]
        firsts = np.concatenate([[0], np.cumsum(counts)]).tolist() if n else [0]
        matrix = np.zeros((firsts[-1], DIM), dtype=np.float32)
        states: list[np.ndarray] = [matrix[firsts[i] : firsts[i + 1]] for i in range(n)]
        offsets: list[np.ndarray] = [np.zeros((0, 2), np.int32)] * n
        for idx, f, (tok, sent) in zip(plan.batches, plan.feeds, results, strict=True):
            mask = f["attention_mask"]
            for r, i in enumerate(idx):
                emb[i] = sent[r]
                length = int(mask[r].sum())
                if length - 2 != counts[i]:
                    raise ValueError(f"text {i}: {length} tokens in the batch but {counts[i] + 2} planned")
                states[i][:] = tok[r, 1 : length - 1]
                offsets[i] = np.asarray(encs[i].offsets[1 : length - 1], dtype=np.int32).reshape(-1, 2)
        return Encoded(emb, states, offsets, matrix)

    def _feeds(self, id_lists: list[list[int]]) -> dict[str, np.ndarray]:
        width = max(len(e) for e in id_lists)
        ids = np.zeros((len(id_lists), width), dtype=np.int64)
        mask = np.zeros((len(id_lists), width), dtype=np.int64)
        for r, e in enumerate(id_lists):
            ids[r, : len(e)] = e
            mask[r, : len(e)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self.input_names:
            feeds["token_type_ids"] = np.zeros_like(ids)
        return feeds

    def _infer(self, feeds: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        tok, sent = self.session.run(["token_embeddings", "sentence_embedding"], feeds)
        return tok, sent

    def _count(self, n: int, seconds: float) -> None:
        """Add one pass of ``n`` texts taking ``seconds`` to the counters."""
        with self._lock:
            self.calls += 1
            self.sentences_encoded += n
            self.seconds += seconds

    def encode(self, texts: list[str]) -> np.ndarray:
        """L2-normalised sentence embeddings, shape (len(texts), 384)."""
        return self.run(texts).sentence_embeddings


class EncodingJob:
    """One encoder pass whose batches any thread may run: :meth:`work` runs batches until none is left,
    :meth:`result` helps with what is left and then waits for the rest.

    In a batch (``Pipeline.run_stream``) a background thread works through the next articles' jobs one batch
    at a time, on one core, while the analyzers use the other; when the analyzers need an encoding that is
    not finished, their thread runs the remaining batches itself instead of waiting idle. So two threads
    encode only when the analyzers would otherwise wait, and never three threads compete for two cores.
    The result is the same as :meth:`SentenceEncoder.run` on the same texts.
    """

    def __init__(self, encoder: SentenceEncoder, texts: list[str]) -> None:
        self._encoder = encoder
        self._texts = texts
        self._plan_lock = threading.Lock()
        self._plan: _Plan | None = None
        self._lock = threading.Lock()
        self._finished_cond = threading.Condition(self._lock)
        self._results: list[tuple[np.ndarray, np.ndarray] | None] = []
        self._next = 0
        self._finished = 0
        self._value: Encoded | None = None
        self._error: BaseException | None = None
        self._cancelled = False
        self._t0 = 0.0

    def _planned(self) -> _Plan:
        with self._plan_lock:
            if self._plan is None:
                self._t0 = time.perf_counter()
                try:
                    plan = self._encoder._plan(self._texts)
                except BaseException as exc:
                    plan = _Plan(0, [], [], [])
                    with self._lock:
                        self._error = exc
                with self._lock:
                    self._results = [None] * len(plan.feeds)
                    self._plan = plan
                if not plan.feeds:
                    self._finish(plan)
            return self._plan

    def work(self) -> None:
        """Run batches of this pass until every batch is taken (or the job is cancelled)."""
        plan = self._planned()
        while True:
            with self._lock:
                if self._cancelled or self._error is not None or self._next >= len(plan.feeds):
                    return
                k = self._next
                self._next += 1
            error: BaseException | None = None
            try:
                out = self._encoder._infer(plan.feeds[k])
            except BaseException as exc:  # handed to result()
                error = exc
            with self._lock:
                if error is None:
                    self._results[k] = out
                elif self._error is None:
                    self._error = error
                self._finished += 1
                last = self._finished == len(plan.feeds)
                if not last and error is not None:
                    self._finished_cond.notify_all()
            if last:
                self._finish(plan)

    def _finish(self, plan: _Plan) -> None:
        value: Encoded | None = None
        error = self._error
        if error is None:
            try:
                value = self._encoder._assemble(plan, [r for r in self._results if r is not None])
                self._encoder._count(plan.n, time.perf_counter() - self._t0)
            except BaseException as exc:
                error = exc
        with self._lock:
            self._value, self._error = value, error
            self._finished_cond.notify_all()

    def result(self) -> Encoded:
        """The encoder output; runs any batch not yet taken, then waits for those in progress elsewhere."""
        self.work()
        with self._lock:
            while self._value is None and self._error is None:
                self._finished_cond.wait()
            if self._error is not None:
                raise self._error
            assert self._value is not None
            return self._value

    def cancel(self) -> None:
        """Take no further batches (batches already running finish)."""
        with self._lock:
            self._cancelled = True


def model_fingerprint(model_dir: str | Path = MODEL_DIR, onnx_name: str = ONNX_NAME) -> str:
    """First 16 hex digits of the sha256 of the encoder's ONNX file
    (:func:`presslens.registry.encoder_fingerprint`): caches of encoder outputs are keyed by it, so a rebuilt
    or different encoder never reuses another one's states."""
    return encoder_fingerprint(Path(model_dir) / onnx_name)


@model_loader("encoder")
def load_encoder(folder: Path) -> SentenceEncoder:
    return SentenceEncoder(folder)
