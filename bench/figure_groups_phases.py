"""CPU time per grouper method during the figure-groups bench (where the grouping's time goes, without cProfile).

    PYTHONPATH=src python bench/figure_groups_phases.py [figure_groups_bench.py options, e.g. --articles 2000 --digest]

Wraps the grouper's main methods (and the vector gather, the pair model's probabilities, ``mention_features`` and
``general_pair_features``) with the thread's CPU clock and runs ``bench/figure_groups_bench.py`` with the given
options; prints each method's CPU seconds, calls and microseconds per call. A nested call counts in its caller
too. cProfile charges every Python call and so overstates Python-heavy parts against numpy ones (at the start
of round 2 stop 26 the clause-vector gather looked like 8% of the time under cProfile and was 30% of the grouping
by this clock); the wrapper here costs about a microsecond per call.
"""

from __future__ import annotations

import collections
import runpy
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from presslens.compare import figure_groups, figure_pair_model, vector_rows

SECONDS: collections.Counter[str] = collections.Counter()
CALLS: collections.Counter[str] = collections.Counter()

METHODS = ("_assign", "_best_group", "_candidates", "_scored_candidates", "_cosines", "_compatibility",
           "candidate_features", "_outcome_cosines", "mention_terms", "_join", "_new_group", "features",
           "_window_candidates", "conflicts")


def timed(owner: Any, name: str, label: str | None = None) -> None:
    """Replace ``owner.name`` by a wrapper that adds its thread CPU time to :data:`SECONDS` under ``label``."""
    inner: Callable[..., Any] = getattr(owner, name)
    key = label or name

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t = time.thread_time_ns()
        try:
            return inner(*args, **kwargs)
        finally:
            SECONDS[key] += time.thread_time_ns() - t
            CALLS[key] += 1

    setattr(owner, name, wrapper)


def main() -> int:
    for name in METHODS:
        timed(figure_groups.FigureGrouper, name)
    timed(vector_rows.VectorTable, "gather_float32")
    timed(vector_rows.VectorTable, "__setitem__", "VectorTable.__setitem__")
    timed(figure_pair_model.PairModel, "probabilities")
    timed(figure_groups, "general_pair_features")
    timed(figure_groups, "mention_features")
    bench = Path(__file__).resolve().parent / "figure_groups_bench.py"
    sys.argv = [str(bench), *sys.argv[1:]]
    cpu = time.process_time()
    try:
        runpy.run_path(str(bench), run_name="__main__")
    except SystemExit:
        pass
    print(f"process CPU {time.process_time() - cpu:.1f} s")
    for key, ns in SECONDS.most_common():
        print(f"{key:28s} {ns / 1e9:8.2f} s {CALLS[key]:9d} calls {ns / 1e3 / max(1, CALLS[key]):9.1f} us/call")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
