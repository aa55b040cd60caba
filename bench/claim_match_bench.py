"""Claim matching over 100,000 stored claims: per-query latency (p50/p95) of ClaimIndex.search.

    python bench/claim_match_bench.py ../shared/data/checkthat2020-task2-claim-retrieval-en [--claims 100000]

Stored claims: the CheckThat! 2020 verified claims, cycled until there are ``--claims`` of them, each copy
with a serial number appended (so BM25 posting lists grow as they would with real near-duplicates).
Their embeddings are random unit vectors: the cost of the exact dot product does not depend on the values,
and encoding 100,000 texts would only time the encoder. Queries: the dev tweets, each encoded by the
claim-matching encoder inside the timed call (one query at a time, as ``presslens claims --like`` would).
Prints p50/p95/max for the whole search and for its parts (query encoding, dense scores, BM25 scores).
"""

from __future__ import annotations

import argparse
import statistics
import time
import tracemalloc

import numpy as np

from presslens.compare.claim_match import (
    ClaimIndex,
    clean_query_text,
    default_claim_encoder,
    default_model_location,
)
from presslens.evaluation.claim_matching import load_queries, load_verified_claims


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values), q))


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("data")
    p.add_argument("--claims", type=int, default=100_000)
    p.add_argument("--queries", type=int, default=197)
    args = p.parse_args()

    encoder = default_claim_encoder()
    folder, onnx_name = default_model_location()
    source = load_verified_claims(args.data)
    ids = [f"c{i}" for i in range(args.claims)]
    texts = [f"{source[i % len(source)].text} {i}" for i in range(args.claims)]
    rng = np.random.default_rng(0)
    emb = rng.standard_normal((args.claims, 384)).astype(np.float32)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)

    tracemalloc.start()
    t0 = time.perf_counter()
    index = ClaimIndex(encoder)
    for b in range(0, args.claims, 10_000):
        index.add(ids[b : b + 10_000], texts[b : b + 10_000], embeddings=emb[b : b + 10_000])
    build_s = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    queries = [q.text for q in load_queries(args.data, "dev")][: args.queries]
    index.search(queries[0])  # warm-up: the encoder session's first run
    total, enc_t, dense_t, lex_t = [], [], [], []
    for q in queries:
        t0 = time.perf_counter()
        hits = index.search(q, limit=10)
        total.append(time.perf_counter() - t0)
        assert len(hits) == 10
        cq = clean_query_text(q)
        t1 = time.perf_counter()
        qv = encoder.encode([cq])[0]
        t2 = time.perf_counter()
        _ = index.embeddings @ qv
        t3 = time.perf_counter()
        index.lexical_index.scores(cq)
        t4 = time.perf_counter()
        enc_t.append(t2 - t1)
        dense_t.append(t3 - t2)
        lex_t.append(t4 - t3)

    def row(name: str, xs: list[float]) -> str:
        ms = [x * 1000 for x in xs]
        return f"| {name} | {statistics.median(ms):.1f} | {percentile(ms, 95):.1f} | {max(ms):.1f} |"

    print(f"encoder: {folder.name}/{onnx_name}; {args.claims:,} stored claims; {len(queries)} queries, one at a time")
    print(f"index build (BM25 + embedding matrix, embeddings given): {build_s:.1f} s, "
          f"Python-traced peak memory {peak / 2**20:.0f} MiB\n")
    print("| part | p50 ms | p95 ms | max ms |\n|---|---|---|---|")
    print(row("search (all of it)", total))
    print(row("query encoding", enc_t))
    print(row("dense scores (exact dot product)", dense_t))
    print(row("BM25 scores", lex_t))
    print(f"\nthroughput: {len(total) / sum(total):.1f} queries/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
