"""Whether a row's float32 product with a vector keeps its bits when the other rows multiplied change.

    python bench/product_rows_bits.py [--trials 300] [--seed 1]

For random 384-wide float32 blocks of 1 to 600 rows (what ``FigureGrouper._cosines`` multiplies: a figure's clause
vector with its candidate groups' rows) compares ``block[subset] @ v`` with ``(block @ v)[subset]`` (a third of the
rows kept, in order) and ``block @ v`` with the same block copied to another address (one float32 further, so
misaligned); prints how many trials differ in any bit. Depends on the BLAS numpy uses and the host's CPU.
"""

from __future__ import annotations

import argparse

import numpy as np


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--trials", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = np.random.default_rng(args.seed)
    subset_differs = moved_differs = 0
    for _ in range(args.trials):
        n = int(rng.integers(1, 600))
        block = rng.normal(size=(n, 384)).astype(np.float32)
        v = rng.normal(size=384).astype(np.float32)
        full = block @ v
        keep = np.sort(rng.choice(n, size=max(1, n // 3), replace=False))
        subset_differs += not np.array_equal(np.ascontiguousarray(block[keep]) @ v, full[keep])
        moved = np.empty(n * 384 + 1, np.float32)[1:].reshape(n, 384)
        moved[:] = block
        moved_differs += not np.array_equal(moved @ v, full)
    print(f"{args.trials} trials: a subset of the rows gives other bits in {subset_differs}; "
          f"the same rows at another address in {moved_differs}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
