"""Time the figures extraction alone in two presslens source trees, alternating, and report the ratio.

    python bench/figures_ab.py --a OLD/src --b NEW/src /work/annot/s25/A --rounds 6 --repeat 10 [--readings-b readings30]

Each round runs, once per tree in a fresh process (``PYTHONPATH`` at the tree), ``extract_quantities`` with the
tree's default readings (or ``--readings-a`` / ``--readings-b``: an option's readings in that tree) over every
``*.txt`` of the folder ``--repeat`` times, and reads the process CPU time (on a
shared host CPU time is steadier than wall time). The order alternates (A then B, then B then A). Prints every
round, the median of each side and the median of the per-round ratios B/A.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from ab_speed import alternate

_CHILD = """
import glob, sys, time
from presslens.analyzers.figures.quantity import extract_quantities
texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(sys.argv[1] + "/*.txt"))]
args = (sys.argv[3],) if len(sys.argv) > 3 else ()
extract_quantities(texts[0], *args) if texts else None
t0 = time.process_time()
for _ in range(int(sys.argv[2])):
    for t in texts:
        extract_quantities(t, *args)
print(time.process_time() - t0)
"""


def run_once(src: Path, corpus: str, repeat: int, readings: str | None = None) -> float:
    env = dict(os.environ, PYTHONPATH=str(src))
    out = subprocess.run([sys.executable, "-c", _CHILD, corpus, str(repeat), *([readings] if readings else [])],
                         env=env, check=True,
                         capture_output=True, text=True)
    return float(out.stdout.strip())


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("corpus", help="a folder of .txt articles")
    p.add_argument("--a", required=True, type=Path)
    p.add_argument("--b", required=True, type=Path)
    p.add_argument("--rounds", type=int, default=6)
    p.add_argument("--repeat", type=int, default=10)
    p.add_argument("--readings-a", help="the readings tree A runs (default: its default readings)")
    p.add_argument("--readings-b", help="the readings tree B runs (default: its default readings)")
    args = p.parse_args(argv)
    print(alternate(lambda side: run_once(args.a if side == "A" else args.b, args.corpus, args.repeat,
                                          args.readings_a if side == "A" else args.readings_b), args.rounds, digits=3))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
