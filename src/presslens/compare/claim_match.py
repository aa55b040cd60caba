"""Find stored claims that make the same claim as a query text.

:class:`ClaimIndex` keeps claim ids, their texts, one L2-normalised sentence embedding per claim and an
incremental BM25 index over the same texts. A query is ranked by a hybrid score::

    score = cosine(query, claim) + lexical_weight * bm25(query, claim) / max_bm25(query)

The dense part is an exact dot product over the normalised embedding matrix (numpy, no approximate index:
``bench/claim_match_bench.py`` measures 100,000 claims). The lexical part is divided by the best BM25 score
of that query, so it lies in [0, 1] whatever the query's length. The weight and the clean-up of query texts
were chosen on CheckThat! 2020 task 2 train and dev (``docs/EVALUATION.md``, "Claim matching").

BM25 is implemented here (about 60 lines) rather than taken from a library because the index must grow one
claim at a time as articles are stored: the libraries we looked at (``bm25s``, ``rank-bm25``) build a static
index and would have to re-index the whole corpus on every insert. ``tests/test_claim_matching.py`` checks
that its scores equal ``bm25s``'s (method "lucene") on a small corpus, when that package is installed.
"""

from __future__ import annotations

import math
import re
import threading
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

from presslens.registry import model_loader

LEXICAL_WEIGHT = 0.1
"""Default weight of the normalised BM25 score in the hybrid score (chosen on CheckThat! 2020 train/dev)."""

CLAIM_MODEL = "claim_encoder"
"""The folder under ``presslens/models/`` of the encoder fine-tuned for claim matching (see its model card)."""
CLAIM_ONNX = "minilm-l6-v2-first6.int8.onnx"

BM25_K1 = 1.2
BM25_B = 0.75

_URL = re.compile(r"(?:https?://|pic\.twitter\.com/|www\.)\S+", re.IGNORECASE)
# a pasted tweet's signature: "— Name (@handle) January 6, 2020"
_SIGNATURE = re.compile(
    r"[\s\"]*[—–-]+\s*[^—–\n]{0,80}\(@\w+\)\s+[A-Z][a-z]+\s+\d{1,2},\s+\d{4}[\s\"]*$"
)
_HANDLE = re.compile(r"@(\w+)")
_HASH = re.compile(r"#(\w+)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")

STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being this that these
    those it its it's he she they we you i me my our your his her their them him us do does did done have has had
    not no so than then there here what which who whom whose when where why how all any both each few more most
    other some such only own same too very can will just should would could may might must shall into over under
    again further once about against between through during before after above below up down out off""".split()
)


def clean_query_text(text: str) -> str:
    """A tweet or post as claim text: links and picture links removed, ``&amp;`` unescaped, spaces collapsed.

    Everything else is kept on purpose, the pasted signature ("— Name (@handle) date") included: the author is
    often the subject of the claim ("X said ..."). On CheckThat! 2020 dev, also removing the signature, ``@``
    and ``#`` (:func:`strip_tweet_markup`) cost 0.03 MAP@5 (docs/EVALUATION.md, "Claim matching").
    """
    return _SPACES.sub(" ", _URL.sub(" ", text).replace("&amp;", "&")).strip()


def strip_tweet_markup(text: str) -> str:
    """The stronger clean-up measured and not kept for queries: also drops the pasted signature and the
    ``@``/``#`` markers (CamelCase hashtags split into words). The shipped claim encoder was fine-tuned on
    tweets cleaned this way (``presslens.training.claim_encoder``)."""
    t = _SIGNATURE.sub("", text)
    t = _URL.sub(" ", t)
    t = _HANDLE.sub(lambda m: _CAMEL.sub(" ", m.group(1)), t)
    t = _HASH.sub(lambda m: " " + _CAMEL.sub(" ", m.group(1)), t)
    t = t.replace("&amp;", "&")
    return _SPACES.sub(" ", t).strip()


def lexical_terms(text: str) -> list[str]:
    """Lower-cased word tokens without stop words (the BM25 vocabulary)."""
    return [w for w in _WORD.findall(text.lower()) if w not in STOPWORDS]


class TextEncoder(Protocol):
    """Anything that turns texts into L2-normalised embeddings (e.g. :class:`presslens.encoder.SentenceEncoder`)."""

    def encode(self, texts: list[str]) -> np.ndarray: ...


def default_model_location() -> tuple[Path, str]:
    """The claim-matching encoder's folder and ONNX file name; the shared article encoder where it is absent."""
    from presslens import registry

    folder = registry.model_dir(CLAIM_MODEL)
    if (folder / CLAIM_ONNX).exists():
        return folder, CLAIM_ONNX
    return registry.ENCODER_DIR, registry.ENCODER_ONNX


@model_loader(CLAIM_MODEL)
def load_claim_encoder(folder: Path) -> TextEncoder:
    """The claim-matching encoder in ``folder`` (registry loader; its spec.json is checked first)."""
    from presslens.encoder import SentenceEncoder

    return SentenceEncoder(folder, onnx_name=CLAIM_ONNX, batch_size=16)


def default_claim_encoder() -> TextEncoder:
    """The claim-matching encoder, loaded once per process by the model registry (its spec.json checked);
    where it is not shipped, the shared article encoder's file in batches of 16, made once."""
    from presslens import registry

    folder, onnx_name = default_model_location()
    if folder == registry.ENCODER_DIR:
        return _article_encoder_for_claims(folder, onnx_name)
    encoder: TextEncoder = registry.ModelRegistry.default().get(CLAIM_MODEL)
    return encoder


@lru_cache(maxsize=1)
def _article_encoder_for_claims(folder: Path, onnx_name: str) -> TextEncoder:
    from presslens.encoder import SentenceEncoder

    return SentenceEncoder(folder, onnx_name=onnx_name, batch_size=16)


class BM25Index:
    """Okapi BM25 over a growing list of documents, in Lucene's variant (k1 1.2, b 0.75,
    idf ``log(1 + (N - n + 0.5) / (n + 0.5))``, no ``(k1 + 1)`` factor, which scales every score alike)."""

    def __init__(self, k1: float = BM25_K1, b: float = BM25_B) -> None:
        self.k1, self.b = k1, b
        # per term: the rows that contain it and its count in each (typed arrays, read without copying)
        self._rows: dict[str, array[int]] = {}
        self._counts: dict[str, array[float]] = {}
        self._lengths: list[int] = []
        self._total_length = 0

    def __len__(self) -> int:
        return len(self._lengths)

    def add(self, text: str) -> int:
        """Index one document; returns its row number."""
        row = len(self._lengths)
        terms = lexical_terms(text)
        for term, tf in Counter(terms).items():
            if term not in self._rows:
                self._rows[term], self._counts[term] = array("q"), array("f")
            self._rows[term].append(row)
            self._counts[term].append(float(tf))
        self._lengths.append(len(terms))
        self._total_length += len(terms)
        return row

    def idf(self, term: str) -> float:
        n = len(self._rows.get(term, ()))
        return math.log(1.0 + (len(self._lengths) - n + 0.5) / (n + 0.5))

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every document for ``query`` (zeros where no query term occurs)."""
        out = np.zeros(len(self._lengths), dtype=np.float32)
        if not self._lengths:
            return out
        lengths = np.asarray(self._lengths, dtype=np.float32)
        norm = self.k1 * (1.0 - self.b + self.b * lengths / max(self._total_length / len(self._lengths), 1e-9))
        for term, qtf in Counter(lexical_terms(query)).items():
            if term not in self._rows:
                continue
            rows = np.frombuffer(self._rows[term], dtype=np.int64)
            tfs = np.frombuffer(self._counts[term], dtype=np.float32)
            out[rows] += qtf * self.idf(term) * tfs / (tfs + norm[rows])
        return out


@dataclass(frozen=True)
class ClaimMatch:
    """One stored claim ranked for a query."""

    claim_id: str
    text: str
    score: float
    """The hybrid score (higher is closer)."""
    dense: float
    """Cosine similarity of the embeddings."""
    lexical: float
    """BM25 score divided by the query's best BM25 score, in [0, 1]."""


class ClaimIndex:
    """Claims (ids and texts) ranked by how closely they make the same claim as a query text.

    Built from claim texts, grows with :meth:`add`, ranks with :meth:`search`. Embeddings are kept in one
    float32 matrix that doubles when full, so adding claims one at a time stays cheap. Thread-safe.
    """

    def __init__(
        self,
        encoder: TextEncoder,
        *,
        lexical_weight: float = LEXICAL_WEIGHT,
        query_cleaner: Callable[[str], str] | None = clean_query_text,
        dim: int = 384,
    ) -> None:
        self.encoder = encoder
        self.lexical_weight = lexical_weight
        self.query_cleaner = query_cleaner
        """Applied to each query before ranking (None: rank the query as given)."""
        self.ids: list[str] = []
        self.texts: list[str] = []
        self._rows: dict[str, int] = {}
        self._matrix = np.zeros((0, dim), dtype=np.float32)
        self._lexical = BM25Index()
        self._lock = threading.RLock()

    @classmethod
    def build(
        cls, encoder: TextEncoder, claims: Iterable[tuple[str, str]], *, lexical_weight: float = LEXICAL_WEIGHT
    ) -> ClaimIndex:
        """An index over ``(claim_id, text)`` pairs."""
        index = cls(encoder, lexical_weight=lexical_weight)
        pairs = list(claims)
        index.add([i for i, _ in pairs], [t for _, t in pairs])
        return index

    def __len__(self) -> int:
        return len(self.ids)

    def __contains__(self, claim_id: object) -> bool:
        return claim_id in self._rows

    @property
    def embeddings(self) -> np.ndarray:
        """(claims, dim) float32 view of the stored embeddings, in insertion order."""
        return self._matrix[: len(self.ids)]

    @property
    def lexical_index(self) -> BM25Index:
        """The BM25 index over the stored claim texts (same rows as :attr:`ids`)."""
        return self._lexical

    def add(self, claim_ids: Sequence[str], texts: Sequence[str], embeddings: np.ndarray | None = None) -> None:
        """Store claims; ``embeddings`` (already L2-normalised, one row per text) skips the encoder.

        Raises ValueError, before storing anything, for a duplicate or repeated id or mismatched lengths.
        """
        if len(claim_ids) != len(texts):
            raise ValueError(f"{len(claim_ids)} claim ids but {len(texts)} texts")
        if len(set(claim_ids)) != len(claim_ids):
            raise ValueError("repeated claim id in one add() call")
        if not claim_ids:
            return
        emb = self.encoder.encode(list(texts)) if embeddings is None else np.asarray(embeddings, np.float32)
        if emb.shape != (len(texts), self._matrix.shape[1]):
            raise ValueError(f"embeddings of shape {emb.shape}, expected {(len(texts), self._matrix.shape[1])}")
        with self._lock:
            known = [c for c in claim_ids if c in self._rows]
            if known:
                raise ValueError(f"claim id {known[0]!r} is already in the index")
            n, need = len(self.ids), len(self.ids) + len(texts)
            if need > self._matrix.shape[0]:
                grown = np.zeros((max(need, 2 * self._matrix.shape[0], 64), self._matrix.shape[1]), np.float32)
                grown[:n] = self._matrix[:n]
                self._matrix = grown
            self._matrix[n:need] = emb
            for claim_id, text in zip(claim_ids, texts, strict=True):
                self._rows[claim_id] = len(self.ids)
                self.ids.append(claim_id)
                self.texts.append(text)
                self._lexical.add(text)

    def score_all(self, query: str) -> tuple[np.ndarray, np.ndarray]:
        """The dense and normalised lexical scores of every stored claim for ``query``."""
        q = self.query_cleaner(query) if self.query_cleaner is not None else query
        if not self.ids:
            return np.zeros(0, np.float32), np.zeros(0, np.float32)
        qv = self.encoder.encode([q])[0]  # outside the lock: queries encode concurrently
        with self._lock:
            n = len(self.ids)
            dense = self._matrix[:n] @ qv
            lexical = self._lexical.scores(q) if self.lexical_weight else np.zeros(n, np.float32)
        top = float(lexical.max()) if n else 0.0
        if top > 0:
            lexical = lexical / top
        return dense, lexical

    def search(self, query: str, limit: int = 10) -> list[ClaimMatch]:
        """The ``limit`` stored claims closest to ``query``, best first."""
        dense, lexical = self.score_all(query)
        scores = dense + self.lexical_weight * lexical
        order = top_k(scores, limit)
        return [
            ClaimMatch(self.ids[i], self.texts[i], float(scores[i]), float(dense[i]), float(lexical[i]))
            for i in order
        ]


def top_k(scores: np.ndarray, k: int) -> np.ndarray:
    """Row numbers of the ``k`` highest scores, highest first (ties: lower row first)."""
    k = min(k, len(scores))
    if k <= 0:
        return np.zeros(0, dtype=np.int64)
    if k < len(scores):
        part = np.argpartition(-scores, k - 1)[:k]
    else:
        part = np.arange(len(scores))
    return part[np.lexsort((part, -scores[part]))]


ClaimFigure = tuple[str, str | None, tuple[float, float]]
"""One figure of a claim's text: (label: count, money, percent, ...; unit or counted noun; the values it allows)."""


def claim_figures(text: str) -> list[ClaimFigure]:
    """The figures a claim states, read with the figures analyzer's quantity parser (no model) and the bounds of
    :func:`~presslens.compare.conflicts.value_interval` ("nearly N" read as at most N)."""
    from presslens.analyzers.figures.quantity import extract_quantities
    from presslens.compare.conflicts import UPPER_WORDS, value_interval

    out: list[ClaimFigure] = []
    for q in extract_quantities(text):
        bound = q.bound
        if bound in (None, "approx") and UPPER_WORDS.search(text[q.start : q.number[0]]):
            bound = "upper"
        interval = value_interval(q.value, q.low, q.high, bound, q.likely_values)
        if interval is not None:
            out.append((q.label, q.unit.lower() if q.unit else None, interval))
    return out


def claims_disagree(a: Sequence[ClaimFigure], b: Sequence[ClaimFigure]) -> bool:
    """Whether two claims' figures conflict: for some label and unit stated in both (a figure without a unit
    matches any unit of its label), every figure of one clashes with every figure of the other under the
    conflict rule (:func:`~presslens.compare.conflicts.intervals_conflict`: bounds respected, 10% tolerance).
    "24 people died, four of them guards" and "24 people died" agree (24 matches 24)."""
    from presslens.compare.conflicts import intervals_conflict

    for label, unit, _iv in a:
        mine = [f for f in a if f[0] == label and (f[1] == unit or f[1] is None or unit is None)]
        theirs = [f for f in b if f[0] == label and (f[1] == unit or f[1] is None or unit is None)]
        if theirs and all(intervals_conflict(x[2], y[2]) for x in mine for y in theirs):
            return True
    return False


SAME_FIGURE_TOLERANCE = 0.05
"""The most two stated numbers may differ and still be one figure (relative to the larger): the gap that
rounding to the shorter number's last significant digit leaves ("98,000" said as "100,000": 2 %; "10,400" as
"10,000": 4 %)."""

_EXACT_LABELS = frozenset({"date", "ordinal"})
"""Labels whose numbers are never a rounding of each other: "2022" and "2020" are two years, not one."""


def _figure_shape(interval: tuple[float, float]) -> tuple[str, float]:
    """How a figure states its number: ``("lower", N)`` for "over N", ``("upper", N)`` for "nearly/under N",
    ``("stated", centre)`` otherwise ("about N" and "N" both state N; a range states its middle)."""
    lo, hi = interval
    if math.isinf(hi):
        return "lower", lo
    if lo == 0.0 and hi > 0.0:
        return "upper", hi
    return "stated", (lo + hi) / 2.0


def _rounds_to(value: float, rounded: float) -> bool:
    """Whether ``rounded`` could be ``value`` rounded or cut at ``rounded``'s last significant digit: less than
    one unit of that digit apart ("1,234,567" said as "1,234,000" or "1,235,000"; "24" is not "25")."""
    if rounded == 0.0 or not math.isfinite(rounded):
        return False
    exponent = Decimal(f"{abs(rounded):.12g}").normalize().as_tuple().exponent
    if not isinstance(exponent, int):
        return False
    step = 10.0**exponent
    return abs(abs(value) - abs(rounded)) < step * (1 - 1e-9)


def _same_number(x: float, y: float, exact: bool) -> bool:
    if math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12):
        return True
    if exact or (x < 0) != (y < 0) or abs(x - y) > SAME_FIGURE_TOLERANCE * max(abs(x), abs(y)):
        return False
    return _rounds_to(x, y) or _rounds_to(y, x)


def figures_same(x: ClaimFigure, y: ClaimFigure) -> bool:
    """Whether two figures state the same number within rounding (see :func:`claims_same_figures`)."""
    (shape_x, nx), (shape_y, ny) = _figure_shape(x[2]), _figure_shape(y[2])
    if {shape_x, shape_y} == {"lower", "upper"}:  # "over N" and "under N" are two claims
        return False
    return _same_number(nx, ny, exact=x[0] in _EXACT_LABELS)


def _measure(figure: ClaimFigure) -> str:
    # a range of numbers is read as a count (the quantity parser's "range" label carries no unit of its own)
    return "count" if figure[0] == "range" else figure[0]


def _comparable(x: ClaimFigure, y: ClaimFigure) -> bool:
    """Whether two figures measure the same kind of thing: the same label; for counts any counted noun ("men"
    and "people" are both counts of people), otherwise the same unit (a figure without one matches any)."""
    if _measure(x) != _measure(y):
        return False
    return _measure(x) == "count" or x[1] == y[1] or x[1] is None or y[1] is None


def claims_same_figures(a: Sequence[ClaimFigure], b: Sequence[ClaimFigure]) -> bool:
    """Whether two claims state the same figures, the rule for calling one a repeat of the other.

    For every kind of measure both state (a count, whatever the counted noun; money, a percent, a unit such as
    tonnes, an age, a date), some figure of one must state the same number as some figure of the other. A figure
    only one of them states does not count against ("24 people died, four of them guards" repeats "24 people
    died"); a claim without figures repeats any. Two numbers are the same when they are equal or one is the other
    rounded or cut at its last significant digit, at most :data:`SAME_FIGURE_TOLERANCE` (5 %) apart: "about 100,000"
    and "98,000" are one figure, "2.1 million tonnes" and "2.3 million tonnes" (9 %) are not, nor are "24" and
    "25" (neither is a rounding of the other). 5 % is the largest gap a rounding to one or two significant digits
    leaves for the numbers news reports round ("10,400" said as "10,000"); the conflict rule's 10 % tolerance
    (:func:`claims_disagree`) is for deciding a disagreement, and would fold an update into a repeat. Dates and
    years must be equal. Bounds are kept: "over 100,000" is "more than 100,000" and "about 100,000", never
    "under 100,000"; "nearly 70,000" is "70,000", never "about 53,000"."""
    for mine, other in ((a, b), (b, a)):
        for x in mine:
            theirs = [y for y in other if _comparable(x, y)]
            if not theirs:
                continue
            ours = [z for z in mine if _measure(z) == _measure(x) and any(_comparable(z, y) for y in theirs)]
            if not any(figures_same(z, y) for z in ours for y in theirs):
                return False
    return True
