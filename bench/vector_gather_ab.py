"""Time ``VectorTable.gather_dot`` against ``gather_float32(slots) @ vec`` on the same table, in one process.

    python bench/vector_gather_ab.py [--rows 200000] [--gather 460] [--rounds 15]

A float16 table of ``--rows`` random unit rows (384 wide, as the grouper's clause vectors), 200 random sets of
``--gather`` slots (the candidate groups of one figure); each round times both ways over all sets (CPU time),
alternating which goes first, and checks that they give the same floats. Prints the median per-round ratio.
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from presslens.compare.vector_rows import VectorTable


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=200_000)
    ap.add_argument("--gather", type=int, default=460)
    ap.add_argument("--rounds", type=int, default=15)
    args = ap.parse_args()
    rng = np.random.default_rng(0)
    table = VectorTable()
    for i in range(args.rows):
        row = rng.normal(size=384).astype(np.float32)
        table[f"m{i}"] = row / np.linalg.norm(row)
    sets = [rng.integers(0, args.rows, size=args.gather) for _ in range(200)]
    vec = rng.normal(size=384).astype(np.float32)
    vec /= np.linalg.norm(vec)
    if not all(np.array_equal(table.gather_float32(s) @ vec, table.gather_dot(s, vec)) for s in sets):
        raise SystemExit("gather_dot differs from gather_float32 @ vec")

    def cast_then_product() -> None:
        for s in sets:
            table.gather_float32(s) @ vec

    def folded() -> None:
        for s in sets:
            table.gather_dot(s, vec)

    ratios: list[float] = []
    for r in range(args.rounds):
        got: dict[str, float] = {}
        for f in ((cast_then_product, folded) if r % 2 == 0 else (folded, cast_then_product)):
            c0 = time.process_time()
            f()
            got[f.__name__] = time.process_time() - c0
        ratios.append(got["folded"] / got["cast_then_product"])
    print(f"gather_dot / (gather_float32 @ vec), {args.gather} rows of a {args.rows:,} x 384 float16 table, "
          f"{args.rounds} rounds: median ratio {statistics.median(ratios):.3f} (min {min(ratios):.3f}, "
          f"max {max(ratios):.3f}); the same floats")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
