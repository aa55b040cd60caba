"""Time ``mention_features`` (the clause-word rules of every figure the grouper indexes) under two source trees.

    python bench/mention_features_ab.py --a OLD/src --b src [--rounds 9] [--articles 400]

The figures are those of ``bench/figure_groups_bench.py`` (``--articles`` synthetic articles, 5 figures each).
Each round runs one fresh process per tree (``PYTHONPATH`` at the tree), alternating which goes first; a
process times five passes over all the figures (CPU time) and reports its fastest in microseconds per figure.
Prints both trees' medians and the median of the per-round ratios B/A (compare that on a shared host). Each
process also prints a digest of every figure's features, and the two trees must agree on it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from ab_speed import alternate

BENCH = Path(__file__).resolve().parent

CHILD = """
import hashlib, sys, time
sys.path.insert(0, {bench!r})
import figure_groups_bench as fb
from presslens.compare.figure_groups import mention_features
ms = [m for made, _ in fb.synthetic_mentions({articles}, 5, 2000, 8) for m in made]
best = float("inf")
for _ in range(5):
    c0 = time.process_time()
    feats = [mention_features(m) for m in ms]
    best = min(best, time.process_time() - c0)
digest = hashlib.sha256(repr([(sorted(f.tokens.items()), f.predicate, f.role, f.scope, sorted(f.places))
                              for f in feats]).encode()).hexdigest()
print(best / len(ms) * 1e6, digest)
"""


def run(src: Path, articles: int) -> tuple[float, str]:
    env = {**os.environ, "PYTHONPATH": str(src.resolve())}
    done = subprocess.run([sys.executable, "-c", CHILD.format(bench=str(BENCH), articles=articles)], env=env,
                          capture_output=True, text=True, check=True)
    us, digest = done.stdout.split()
    return float(us), digest


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--a", type=Path, required=True, help="source folder of variant A (the one holding presslens/)")
    ap.add_argument("--b", type=Path, required=True, help="source folder of variant B")
    ap.add_argument("--rounds", type=int, default=9)
    ap.add_argument("--articles", type=int, default=400)
    args = ap.parse_args()
    digests: set[str] = set()

    def measure(side: str) -> float:
        us, digest = run(args.a if side == "A" else args.b, args.articles)
        digests.add(digest)
        return us

    summary = alternate(measure, args.rounds, unit="us", digits=1)
    print(f"mention_features per figure: {summary}; features {'the same' if len(digests) == 1 else 'DIFFERENT'}")
    return 0 if len(digests) == 1 else 1


if __name__ == "__main__":
    raise SystemExit(main())
