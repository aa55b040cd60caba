"""Thread CPU of the candidate cosines with and without the noun blocks (round 2 stop 29; not kept).

    PYTHONPATH=src python bench/noun_block_probe.py [--articles 3000] [--probe 150]

Groups ``--articles`` bench articles (``bench/figure_groups_bench.py``'s synthetic ones, noise 0.35, the default
grouping), then for every figure of the next ``--probe`` articles with more than 32 candidate rows computes its
cosines both ways in turn (``FigureGrouper._noun_block`` and the product of the block, then the plain gather and
product), checks them equal bit for bit and prints each way's mean thread CPU per call (and the block's
bookkeeping alone).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

from presslens.compare.figure_groups import DEFAULT_GROUPING, FigureGrouper, grouping_config, hashed_embedder

sys.path.insert(0, str(Path(__file__).resolve().parent))
from figure_groups_bench import synthetic_mentions  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--probe", type=int, default=150)
    args = ap.parse_args()
    grouper = FigureGrouper(None, grouping_config(DEFAULT_GROUPING), outcome_embed=hashed_embedder(384))
    tt = time.thread_time_ns
    calls = used = block_ns = bookkeeping_ns = gather_ns = 0
    made = synthetic_mentions(args.articles + args.probe, 5, 2000, 384, noise=0.35)
    for a, (mentions, vectors) in enumerate(made):
        if a >= args.articles:
            for m, v in zip(mentions, vectors, strict=True):
                rows = grouper._candidates(m)
                table = grouper._rows.get("count")
                if table is None or len(rows) <= 32:
                    continue
                v32 = v.astype(np.float16).astype(np.float32)
                t0 = tt()
                block = grouper._noun_block(table, m, rows)
                t1 = tt()
                with_block = grouper._cosines(table, rows, v32, block)
                t2 = tt()
                gathered = grouper._cosines(table, rows, v32)
                t3 = tt()
                assert np.array_equal(with_block, gathered)
                calls += 1
                used += block is not None
                bookkeeping_ns += t1 - t0
                block_ns += t2 - t0
                gather_ns += t3 - t2
        grouper.add_mentions(mentions, vectors)
    n = max(calls, 1)
    print(f"{calls} calls ({used} from a noun block): block way {block_ns / 1e3 / n:.1f} us a call (its bookkeeping "
          f"{bookkeeping_ns / 1e3 / n:.1f} us), gather way {gather_ns / 1e3 / n:.1f} us")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
