"""Time two presslens source trees side by side on the same corpus, alternating, and report the ratio.

    python bench/ab_speed.py --a OLD/src --b NEW/src ../shared/data/ptc-semeval2020-task11/dev-articles --rounds 6

Each round runs ``presslens analyze CORPUS -f jsonl`` once per tree in a fresh process (``PYTHONPATH`` points at
the tree; the same interpreter and packages for both), in alternating order (A then B, then B then A), so a
slow minute of a shared host hits both. Prints every round's wall times, the median of each side, and the
median of the per-round ratios B/A: on a noisy host compare that ratio, not single runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def run_once(src: Path, corpus: str, out: Path) -> float:
    env = dict(os.environ, PYTHONPATH=str(src))
    code = "import sys; from presslens.cli import main; sys.exit(main(sys.argv[1:]))"
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, "analyze", corpus, "-f", "jsonl", "-o", str(out), "--no-progress"],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def alternate(measure: Callable[[str], float], rounds: int, unit: str = "s", digits: int = 2) -> str:
    """Run ``measure("A")`` and ``measure("B")`` once per round, A first in odd rounds and B first in even ones,
    print each round, and return the summary line: both medians and the median of the per-round ratios B/A (the
    other A/B benches of this folder call this too)."""
    times: dict[str, list[float]] = {"A": [], "B": []}
    ratios: list[float] = []
    for r in range(rounds):
        order = ("A", "B") if r % 2 == 0 else ("B", "A")
        got = {side: measure(side) for side in order}
        for side in ("A", "B"):
            times[side].append(got[side])
        ratios.append(got["B"] / got["A"])
        print(f"round {r + 1} ({order[0]} first): A {got['A']:.{digits}f} {unit}  B {got['B']:.{digits}f} {unit}  "
              f"B/A {ratios[-1]:.3f}", flush=True)
    return (f"median A {statistics.median(times['A']):.{digits}f} {unit}, median B "
            f"{statistics.median(times['B']):.{digits}f} {unit}, median of per-round B/A {statistics.median(ratios):.3f} "
            f"(min {min(ratios):.3f}, max {max(ratios):.3f}, {rounds} rounds)")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("corpus")
    p.add_argument("--a", required=True, type=Path, help="source folder of variant A (the one holding presslens/)")
    p.add_argument("--b", required=True, type=Path, help="source folder of variant B")
    p.add_argument("--rounds", type=int, default=6)
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        print(alternate(lambda side: run_once(args.a if side == "A" else args.b, args.corpus,
                                              Path(tmp) / f"{side}.jsonl"), args.rounds))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
