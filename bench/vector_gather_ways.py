"""Ways to gather 400 scattered clause-vector rows as float32 (what ``FigureGrouper._cosines`` multiplies), timed
side by side in one process, with a check that each gives numpy's cast exactly.

    PYTHONPATH=src python bench/vector_gather_ways.py [--rows 400] [--table 200000] [--width 384] [--calls 2000]

Variants: ``take16+bits`` (the float16 rows gathered with ``np.take(..., out=...)`` and cast by their bits, four
integer passes: :func:`~presslens.compare.vector_rows.signed_float16_bits_as_float32`), the same with
``mode="clip"``, ``astype`` (numpy's float16 cast), ``lut`` (a 65,536-entry float32 table indexed by the bits),
``fused`` (widening and shift in one ufunc call), and the float32 rows of recent vectors
(``VectorTable(recent=...)``) copied with ``np.take(..., out=...)`` in the default ``mode="raise"`` (numpy
gathers into a temporary first) and in ``mode="clip"``. Prints the microseconds per call of each variant (the
median of five rounds, the variants interleaved in every round).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import numpy as np

from presslens.compare.vector_rows import _HALF_TO_SINGLE, _SIGN_AND_REST, signed_float16_bits_as_float32


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=400)
    ap.add_argument("--table", type=int, default=200_000)
    ap.add_argument("--width", type=int, default=384)
    ap.add_argument("--calls", type=int, default=2000)
    args = ap.parse_args()
    rng = np.random.default_rng(0)
    table = rng.normal(size=(args.table, args.width)).astype(np.float16)
    bits16 = table.view(np.int16)
    recent = table[-32768:].astype(np.float32)
    slots = np.sort(rng.choice(np.arange(args.table - 8000, args.table), args.rows, replace=False))
    ring = slots - (args.table - 32768)
    half = np.empty((args.rows, args.width), np.int16)
    bits = np.empty((args.rows, args.width), np.int32)
    out = np.empty((args.rows, args.width), np.float32)
    lut = np.arange(65536, dtype=np.uint32).astype(np.uint16).view(np.float16).astype(np.float32)
    shift = np.int32(13)

    def fused() -> np.ndarray:
        np.take(bits16, slots, axis=0, out=half, mode="clip")
        np.left_shift(half, shift, out=bits, dtype=np.int32)
        np.bitwise_and(bits, _SIGN_AND_REST, out=bits)
        single = bits.view(np.float32)
        np.multiply(single, _HALF_TO_SINGLE, out=single)
        return single

    variants: dict[str, Callable[[], np.ndarray]] = {
        "take16+bits": lambda: (np.take(bits16, slots, axis=0, out=half),
                                signed_float16_bits_as_float32(half, bits))[1],
        "take16 clip+bits": lambda: (np.take(bits16, slots, axis=0, out=half, mode="clip"),
                                     signed_float16_bits_as_float32(half, bits))[1],
        "astype": lambda: table[slots].astype(np.float32),
        "lut": lambda: (np.take(bits16, slots, axis=0, out=half, mode="clip"),
                        np.take(lut, half.view(np.uint16), out=out))[1],
        "fused": fused,
        "float32 take raise": lambda: np.take(recent, ring, axis=0, out=out),
        "float32 take clip": lambda: np.take(recent, ring, axis=0, out=out, mode="clip"),
    }
    want = table[slots].astype(np.float32)
    for name, f in variants.items():
        if not np.array_equal(f().view(np.int32), want.view(np.int32)):
            raise SystemExit(f"{name}: not numpy's cast")
    times: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(5):
        for name, f in variants.items():
            c = time.process_time()
            for _ in range(args.calls // 5):
                f()
            times[name].append((time.process_time() - c) / (args.calls // 5) * 1e6)
    for name, ts in times.items():
        print(f"{name:20s} {statistics.median(ts):8.1f} us per call")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
