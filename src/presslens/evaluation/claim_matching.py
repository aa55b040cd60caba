"""Evaluate claim matching on CheckThat! 2020 task 2 (English): rank the verified claims for each tweet.

    presslens eval claim-matching --data ../shared/data/checkthat2020-task2-claim-retrieval-en \\
        [--split dev|test|train] [--model-dir DIR --onnx-name FILE] [--lexical-weight W] \\
        [--sweep W1,W2,...] [--queries links|markup|raw] [--no-baseline] [--errors N] [--cache DIR]

For every input tweet, all verified claims (10,375 rows in the shared copy) are ranked; the metrics follow the task
definition over the gold pairs in ``<split>/tweet-vclaim-pairs.qrels``:

- **MAP@5** (official): per tweet, the average precision over the first 5 ranks,
  ``sum(P@i for each rank i <= 5 holding a relevant claim) / number of relevant claims``, averaged over tweets
  (a tweet whose relevant claim is not in the top 5 scores 0);
- **MRR**: the mean of 1 / rank of the first relevant claim within the top 100 (0 below);
- **P@1**: the share of tweets whose first-ranked claim is relevant.

Two systems are printed side by side: a BM25-only baseline (the ``bm25s`` library, Okapi BM25 with its
default k1 1.5, b 0.75, English stop words, over the raw tweet and "claim + title") and presslens's
:class:`~presslens.compare.claim_match.ClaimIndex` (tweet without links, dense cosine over "claim + title" plus a
weighted, query-normalised BM25). Claim embeddings are cached on disk under the encoder fingerprint.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from presslens.compare.claim_match import ClaimIndex, TextEncoder, clean_query_text, strip_tweet_markup, top_k

SPLITS = ("train", "dev", "test")
QUERY_CLEANERS: dict[str, Callable[[str], str] | None] = {
    "links": clean_query_text,
    "markup": strip_tweet_markup,
    "raw": None,
}
MAP_DEPTH = 5
VERIFIED_CLAIMS = "verified_claims.docs.tsv"

@dataclass(frozen=True)
class VerifiedClaim:
    claim_id: str
    claim: str
    title: str

    @property
    def text(self) -> str:
        """What is indexed: the claim and the fact-check's title."""
        return f"{self.claim} {self.title}".strip()

@dataclass(frozen=True)
class Query:
    query_id: str
    text: str
    relevant: frozenset[str]

@dataclass
class RankingScores:
    map_at_5: float
    mrr: float
    p_at_1: float
    n: int

def _rows(path: Path) -> list[list[str]]:
    csv.field_size_limit(sys.maxsize)
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh, delimiter="\t"))

def load_verified_claims(data: str | Path) -> list[VerifiedClaim]:
    """The verified claims (``vclaim_id, vclaim, title``; the header row is skipped)."""
    rows = _rows(Path(data) / VERIFIED_CLAIMS)
    out = []
    for n, row in enumerate(rows[1:], start=2):
        if len(row) < 2:
            raise ValueError(f"{VERIFIED_CLAIMS} line {n}: expected id, claim, title; got {row!r}")
        out.append(VerifiedClaim(row[0], row[1], row[2] if len(row) > 2 else ""))
    return out

def load_queries(data: str | Path, split: str) -> list[Query]:
    """The tweets of ``split`` with their relevant claim ids (tweets without a gold pair are left out)."""
    folder = Path(data) / split
    relevant: dict[str, set[str]] = {}
    with open(folder / "tweet-vclaim-pairs.qrels", encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            parts = line.split()
            if not parts:
                continue
            if len(parts) != 4:
                raise ValueError(f"{folder}/tweet-vclaim-pairs.qrels line {n}: expected 4 fields")
            if parts[3] != "0":
                relevant.setdefault(parts[0], set()).add(parts[2])
    queries = []
    for row in _rows(folder / "tweets.queries.tsv")[1:]:
        if len(row) >= 2 and row[0] in relevant:
            queries.append(Query(row[0], row[1], frozenset(relevant[row[0]])))
    return queries

def average_precision_at(ranked: Sequence[str], relevant: frozenset[str], k: int = MAP_DEPTH) -> float:
    """Average precision over the first ``k`` ranks, divided by the number of relevant items."""
    if not relevant:
        return 0.0
    hits, total = 0, 0.0
    for i, item in enumerate(ranked[:k], start=1):
        if item in relevant:
            hits += 1
            total += hits / i
    return total / len(relevant)

def reciprocal_rank(ranked: Sequence[str], relevant: frozenset[str]) -> float:
    """1 / rank of the first relevant item (0 when none is ranked)."""
    for i, item in enumerate(ranked, start=1):
        if item in relevant:
            return 1.0 / i
    return 0.0

def score_rankings(rankings: Sequence[Sequence[str]], queries: Sequence[Query]) -> RankingScores:
    """MAP@5, MRR and P@1 of one ranking per query."""
    if len(rankings) != len(queries):
        raise ValueError(f"{len(rankings)} rankings for {len(queries)} queries")
    if not queries:
        return RankingScores(0.0, 0.0, 0.0, 0)
    aps = [average_precision_at(r, q.relevant) for r, q in zip(rankings, queries, strict=True)]
    rrs = [reciprocal_rank(r, q.relevant) for r, q in zip(rankings, queries, strict=True)]
    p1 = [float(bool(r) and r[0] in q.relevant) for r, q in zip(rankings, queries, strict=True)]
    n = len(queries)
    return RankingScores(sum(aps) / n, sum(rrs) / n, sum(p1) / n, n)

# ------------------------------------------------------------------ systems

def bm25_baseline_rankings(claims: Sequence[VerifiedClaim], queries: Sequence[Query], depth: int) -> list[list[str]]:
    """The BM25-only baseline (``bm25s``): raw tweets against "claim + title", top ``depth`` ids per tweet."""
    try:
        import bm25s
    except ImportError:
        raise SystemExit("the BM25 baseline needs bm25s: pip install -e '.[test]' (or pass --no-baseline)") from None

    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize([c.text for c in claims], stopwords="en", show_progress=False), show_progress=False)
    tokens = bm25s.tokenize([q.text for q in queries], stopwords="en", show_progress=False)
    docs, _ = retriever.retrieve(tokens, k=min(depth, len(claims)), show_progress=False, n_threads=1)
    return [[claims[int(j)].claim_id for j in row] for row in docs]

def cached_embeddings(encoder: TextEncoder, texts: list[str], fingerprint: str, cache: Path | None) -> np.ndarray:
    """``encoder.encode(texts)``, kept as ``<cache>/<fingerprint>-<texts hash>.npy`` when ``cache`` is given."""
    if cache is None:
        return encoder.encode(texts)
    h = hashlib.sha256("\x00".join(texts).encode("utf-8")).hexdigest()[:16]
    path = cache / f"{fingerprint}-{h}.npy"
    if path.exists():
        return np.load(path, allow_pickle=False)
    emb = encoder.encode(texts)
    cache.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.npy")
    np.save(tmp, emb, allow_pickle=False)
    tmp.replace(path)
    return emb

def index_rankings(index: ClaimIndex, queries: Sequence[Query], depth: int) -> tuple[list[list[str]], float]:
    """Top ``depth`` claim ids per query from ``index``, and the queries per second (encoding included)."""
    t0 = time.perf_counter()
    out = []
    for q in queries:
        dense, lexical = index.score_all(q.text)
        order = top_k(dense + index.lexical_weight * lexical, depth)
        out.append([index.ids[i] for i in order])
    seconds = time.perf_counter() - t0
    return out, (len(queries) / seconds if seconds > 0 else 0.0)

def build_claim_index(
    claims: Sequence[VerifiedClaim],
    encoder: TextEncoder,
    fingerprint: str,
    *,
    lexical_weight: float,
    cache: Path | None,
) -> ClaimIndex:
    texts = [c.text for c in claims]
    emb = cached_embeddings(encoder, texts, fingerprint, cache)
    index = ClaimIndex(encoder, lexical_weight=lexical_weight, dim=emb.shape[1])
    index.add([c.claim_id for c in claims], texts, embeddings=emb)
    return index

def _encoder(args: argparse.Namespace) -> tuple[TextEncoder, str]:
    from presslens.compare.claim_match import default_model_location
    from presslens.encoder import SentenceEncoder, model_fingerprint

    model_dir, onnx_name = default_model_location()
    model_dir = Path(args.model_dir) if args.model_dir else model_dir
    onnx_name = args.onnx_name or onnx_name
    return SentenceEncoder(model_dir, onnx_name=onnx_name), model_fingerprint(model_dir, onnx_name)

def _fmt(name: str, s: RankingScores, extra: str = "") -> str:
    return f"| {name} | {s.map_at_5:.3f} | {s.mrr:.3f} | {s.p_at_1:.3f} | {s.n} | {extra} |"

def errors_of(rankings: Sequence[Sequence[str]], queries: Sequence[Query], claims: dict[str, VerifiedClaim]) -> list[dict[str, Any]]:
    """The queries whose first-ranked claim is not relevant."""
    out = []
    for r, q in zip(rankings, queries, strict=True):
        if not r or r[0] not in q.relevant:
            gold = sorted(q.relevant)
            out.append(
                {
                    "query_id": q.query_id,
                    "query": clean_query_text(q.text),
                    "gold": [claims[g].claim for g in gold if g in claims],
                    "top": claims[r[0]].claim if r else None,
                    "gold_rank": next((i for i, c in enumerate(r, 1) if c in q.relevant), None),
                }
            )
    return out

def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data", required=True, help="the checkthat2020-task2-claim-retrieval-en folder")
    p.add_argument("--split", default="dev", choices=SPLITS)
    p.add_argument("--model-dir", help="encoder folder (default: the shipped claim-matching encoder)")
    p.add_argument("--onnx-name", help="ONNX file inside --model-dir")
    p.add_argument("--lexical-weight", type=float, default=None, help="weight of the normalised BM25 score")
    p.add_argument(
        "--sweep",
        help="comma-separated lexical weights to compare (train/dev only: the weight is chosen there, not on test)",
    )
    p.add_argument("--no-baseline", action="store_true", help="skip the BM25-only baseline")
    p.add_argument(
        "--queries",
        choices=tuple(QUERY_CLEANERS),
        default="links",
        help="tweet clean-up: links (default: drop links only), markup (also signature, @, #), raw (none)",
    )
    p.add_argument("--errors", type=int, default=0, help="print the first N queries whose top claim is wrong")
    p.add_argument("--cache", help="folder for cached claim embeddings (default: the presslens cache)")
    p.add_argument("--no-cache", action="store_true")

def main(args: argparse.Namespace) -> int:
    import json

    from presslens.compare.claim_match import LEXICAL_WEIGHT
    from presslens.training.encoded_cache import default_cache_dir

    sweep = [float(w) for w in args.sweep.split(",")] if args.sweep else []
    if sweep and args.split == "test":
        raise SystemExit("--sweep chooses a weight: use it on train or dev, never on test")
    claims = load_verified_claims(args.data)
    queries = load_queries(args.data, args.split)
    depth = 100
    print(f"CheckThat! 2020 task 2 (en), split {args.split}: {len(queries)} tweets, {len(claims)} verified claims\n")
    print("| system | MAP@5 | MRR@100 | P@1 | tweets | notes |")
    print("|---|---|---|---|---|---|")
    if not args.no_baseline:
        t0 = time.perf_counter()
        base = bm25_baseline_rankings(claims, queries, depth)
        print(_fmt("BM25 only (bm25s, raw tweet)", score_rankings(base, queries), f"{time.perf_counter() - t0:.1f} s"))
    encoder, fingerprint = _encoder(args)
    cache = None if args.no_cache else Path(args.cache) if args.cache else default_cache_dir() / "claim-matching"
    weight = LEXICAL_WEIGHT if args.lexical_weight is None else args.lexical_weight
    index = build_claim_index(claims, encoder, fingerprint, lexical_weight=weight, cache=cache)
    index.query_cleaner = QUERY_CLEANERS[args.queries]
    ranked, qps = index_rankings(index, queries, depth)
    name = f"presslens ClaimIndex (encoder {fingerprint[:8]}, lexical weight {weight:g}, queries: {args.queries})"
    print(_fmt(name, score_rankings(ranked, queries), f"{qps:.1f} queries/s"))
    for w in sweep:
        index.lexical_weight = w
        swept, _ = index_rankings(index, queries, depth)
        print(_fmt(f"ClaimIndex, lexical weight {w:g}", score_rankings(swept, queries), "sweep"))
    index.lexical_weight = weight
    if args.errors:
        by_id = {c.claim_id: c for c in claims}
        for e in errors_of(ranked, queries, by_id)[: args.errors]:
            print(json.dumps(e, ensure_ascii=False))
    return 0
