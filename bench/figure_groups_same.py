"""Check that two versions of the code group the bench's synthetic corpus identically.

    python bench/figure_groups_same.py --before /tmp/old/src [--after src] [--articles 20000] [--noise 0.35 0.02]
                                       [--grouping NAME] [--rounds N] [--together]

Runs ``bench/figure_groups_bench.py --digest`` (this checkout's bench, so both versions see the same synthetic
corpus) once per noise level with ``PYTHONPATH`` at each ``src`` folder (e.g. ``git archive COMMIT src | tar -x
-C /tmp/old``), and compares the digests: a SHA-256 over every mention's group id, every group's mention ids in
order and every conflict (the conflict model's between groups included). Exit 0 when all are equal.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
from pathlib import Path

from presslens.compare.figure_groups import DEFAULT_GROUPING

BENCH = Path(__file__).resolve().parent / "figure_groups_bench.py"


def start_bench(src: Path, articles: int, noise: float, grouping: str) -> subprocess.Popen[str]:
    """The bench started with ``PYTHONPATH`` at ``src`` (read it with :func:`bench_result`)."""
    env = {**os.environ, "PYTHONPATH": str(src.resolve())}
    return subprocess.Popen([sys.executable, str(BENCH), "--articles", str(articles), "--noise", str(noise),
                             "--grouping", grouping, "--digest"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def bench_digest(src: Path, articles: int, noise: float, grouping: str) -> tuple[str, str]:
    """(digest, the bench's last lines) of the bench run with ``PYTHONPATH`` at ``src``."""
    return bench_result(src, start_bench(src, articles, noise, grouping))


def bench_result(src: Path, running: subprocess.Popen[str]) -> tuple[str, str]:
    """(digest, the bench's last lines) of a bench started by :func:`start_bench`, once it ends."""
    stdout, stderr = running.communicate()
    if running.returncode != 0:
        raise SystemExit(f"bench with {src} failed (exit {running.returncode}): {stderr.strip()[-500:]}")
    found = re.search(r"^digest: ([0-9a-f]{64})$", stdout, re.MULTILINE)
    if found is None:
        raise SystemExit(f"bench with {src} printed no digest (a grouping without conflicts timed?)")
    shown = [line for line in stdout.strip().splitlines()
             if line.startswith(("conflicts of every group", "grouping: ", "grouping CPU", "peak RSS"))
             or " articles, " in line]
    return found.group(1), "\n".join(shown)


def cpu_seconds(lines: str) -> tuple[float, float]:
    """(CPU seconds of the grouping alone, of the conflicts pass) from the lines :func:`bench_digest` returns."""
    alone = re.search(r"the grouping alone ([0-9.]+) s", lines)
    conflicts = re.search(r"conflicts of every group.* ([0-9.]+) s CPU", lines)
    if alone is None or conflicts is None:
        raise SystemExit(f"no CPU times in the bench's lines: {lines}")
    return float(alone.group(1)), float(conflicts.group(1))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--before", type=Path, required=True, help="the src folder of the older code")
    ap.add_argument("--after", type=Path, default=Path(__file__).resolve().parents[1] / "src")
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--noise", type=float, nargs="+", default=[0.35, 0.02])
    ap.add_argument("--grouping", default=DEFAULT_GROUPING,
                    help="the grouping both versions run (default: this checkout's default, GroupingConfig())")
    ap.add_argument("--rounds", type=int, default=1,
                    help="runs per version and noise level, alternating which runs first; with 2 or more, the "
                         "median per-round CPU ratios after/before are printed")
    ap.add_argument("--together", action="store_true",
                    help="run the two versions of each round at the same time (side by side: a busy minute of a "
                         "shared host slows both) instead of one after the other")
    args = ap.parse_args()
    same = True
    for noise in args.noise:
        ratios: list[tuple[float, float, float]] = []
        for r in range(args.rounds):
            got: dict[str, tuple[str, str]] = {}
            order = ("before", "after") if r % 2 == 0 else ("after", "before")
            if args.together:
                running = {side: start_bench(args.before if side == "before" else args.after, args.articles, noise,
                                             args.grouping) for side in order}
                for side in order:
                    got[side] = bench_result(args.before if side == "before" else args.after, running[side])
            for side in order if not args.together else ():
                got[side] = bench_digest(args.before if side == "before" else args.after, args.articles, noise,
                                         args.grouping)
            (before, before_lines), (after, after_lines) = got["before"], got["after"]
            print(f"--articles {args.articles} --noise {noise}: before {before}  after {after}  "
                  f"{'same' if before == after else 'DIFFERENT'}")
            print(f"  before: {before_lines}\n  after:  {after_lines}".replace("\n", "\n    "))
            same = same and before == after
            if args.rounds > 1:
                (b_alone, b_conf), (a_alone, a_conf) = cpu_seconds(before_lines), cpu_seconds(after_lines)
                ratios.append((a_alone / b_alone, a_conf / b_conf, (a_alone + a_conf) / (b_alone + b_conf)))
                print(f"  round {r + 1} ({'before' if r % 2 == 0 else 'after'} first): CPU after/before: grouping "
                      f"alone {ratios[-1][0]:.3f}, conflicts pass {ratios[-1][1]:.3f}, both {ratios[-1][2]:.3f}")
        if ratios:
            med = [statistics.median(x[i] for x in ratios) for i in range(3)]
            print(f"--noise {noise}, {len(ratios)} rounds: median CPU ratio after/before: grouping alone "
                  f"{med[0]:.3f}, conflicts pass {med[1]:.3f}, both {med[2]:.3f}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
