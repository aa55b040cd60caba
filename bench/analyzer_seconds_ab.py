"""Main-thread seconds of each analyzer for two presslens source trees, alternating, with the encoder left out.

    python bench/analyzer_seconds_ab.py --a OLD/src --b NEW/src ../shared/data/ptc-semeval2020-task11/dev-articles \
        --rounds 4 [--sum claims,figures,attribution]

Each round runs one fresh process per tree (``PYTHONPATH`` points at the tree), A first in odd rounds and B first
in even ones. The process reads the corpus, builds the default pipeline, analyses the first article (warm-up), then
analyses every article one after the other (``prefetch`` 0) and, before each analyzer runs, finishes the article's
encoder pass, so each analyzer's time is its own work only: what ``run_bench.py`` calls its main-thread seconds,
without the encoder's share. Prints every round's seconds per analyzer, the median per analyzer and side, and the
median per-round ratio B/A of the ``--sum`` analyzers together. Less noisy than whole-pipeline timings
(``ab_speed.py``, ``run_bench.py --without``), which a busy encoder thread and the host's other tenants shift.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

_CHILD = r"""
import json, sys, time
from pathlib import Path
from presslens.ingest import InputError, read_inputs
from presslens.pipeline import Pipeline
files = sorted(p for p in Path(sys.argv[1]).rglob("*") if p.is_file() and p.suffix in {".txt", ".html", ".jsonl"})
articles = [a for a in read_inputs([str(f) for f in files]) if not isinstance(a, InputError)]
pipe = Pipeline()
pipe.load()
pipe.run(articles[0])
spent = {}
for analyzer in pipe.analyzers:
    def timed(feats, run=analyzer.analyze, name=analyzer.name):
        if analyzer_uses_encoder[name]:
            feats.encoded  # the encoder pass, outside the analyzer's time
        t0 = time.perf_counter()
        try:
            return run(feats)
        finally:
            spent[name] = spent.get(name, 0.0) + time.perf_counter() - t0
    analyzer.analyze = timed
analyzer_uses_encoder = {a.name: a.uses_encoder for a in pipe.analyzers}
for _ in pipe.run_many(articles, prefetch=0):
    pass
print(json.dumps(spent))
"""


def run_once(src: Path, corpus: str) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(src))
    out = subprocess.run([sys.executable, "-c", _CHILD, corpus], env=env, check=True, capture_output=True, text=True)
    return {k: float(v) for k, v in json.loads(out.stdout.strip().splitlines()[-1]).items()}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("corpus")
    p.add_argument("--a", required=True, type=Path, help="source folder of variant A (the one holding presslens/)")
    p.add_argument("--b", required=True, type=Path, help="source folder of variant B")
    p.add_argument("--rounds", type=int, default=4)
    p.add_argument("--sum", default="claims,figures,attribution", help="analyzers whose summed seconds are compared")
    args = p.parse_args(argv)
    summed = args.sum.split(",")
    runs: dict[str, list[dict[str, float]]] = {"A": [], "B": []}
    ratios: list[float] = []
    for r in range(args.rounds):
        order = ("A", "B") if r % 2 == 0 else ("B", "A")
        got = {side: run_once(args.a if side == "A" else args.b, args.corpus) for side in order}
        for side in ("A", "B"):
            runs[side].append(got[side])
        sums = {side: sum(got[side].get(n, 0.0) for n in summed) for side in ("A", "B")}
        ratios.append(sums["B"] / sums["A"])
        detail = "  ".join(f"{side}: " + ", ".join(f"{k} {v:.3f}" for k, v in sorted(got[side].items()))
                           for side in ("A", "B"))
        print(f"round {r + 1} ({order[0]} first): {detail}  {'+'.join(summed)} A {sums['A']:.3f} B {sums['B']:.3f} "
              f"B/A {ratios[-1]:.3f}", flush=True)
    names = sorted({k for side in runs.values() for run in side for k in run})
    print("\n| analyzer | median s A | median s B | B/A |\n|---|---|---|---|")
    for n in [*names, "+".join(summed)]:
        parts = summed if n == "+".join(summed) else [n]
        med = {side: statistics.median(sum(run.get(x, 0.0) for x in parts) for run in runs[side]) for side in runs}
        print(f"| {n} | {med['A']:.3f} | {med['B']:.3f} | {med['B'] / med['A']:.3f} |")
    print(f"\nmedian of per-round B/A for {'+'.join(summed)}: {statistics.median(ratios):.3f} "
          f"(min {min(ratios):.3f}, max {max(ratios):.3f}, {args.rounds} rounds)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
