"""Thread-CPU time of each step of ``FigureGrouper._scored_candidates`` during the figure-groups bench.

    PYTHONPATH=src python bench/figure_candidates_steps.py [figure_groups_bench.py options, e.g. --articles 1500 --digest]

Replaces the method by a copy of it (as of commit a43be9e) with the thread's CPU clock read between its steps (the
candidate rows, the cosines, the top ``4 * candidates`` by ``np.argpartition``, the group ids and the cosine dict,
building the hard-constraint test, running it on each candidate, the final sort) and runs
``bench/figure_groups_bench.py`` with the given options. With ``--digest`` the bench's digest must equal the one of
the unchanged code (the copy is stale otherwise). What :mod:`figure_groups_phases` leaves as the method's own time.
"""

from __future__ import annotations

import collections
import runpy
import sys
import time
from pathlib import Path

import numpy as np

from presslens.compare import figure_groups as fg
from presslens.compare.figures import FigureMention

T: collections.Counter[str] = collections.Counter()
tt = time.thread_time_ns


def scored(self: fg.FigureGrouper, m: FigureMention,
           found: np.ndarray | None = None) -> tuple[list[str], dict[str, float]]:
    t0 = tt()
    if found is None:
        found = self._candidates(m)
    t1 = tt()
    T["candidates"] += t1 - t0
    if not len(found):
        return [], {}
    table = self._rows[str(m.measure)]
    vec = self.vectors.get(m.id)
    cfg = self.config
    t2 = tt()
    T["setup"] += t2 - t1
    if vec is not None and cfg.embed_weight > 0 and table.vectored:
        rows = found
        v32 = vec.astype(np.float32)
        cos = self._cosines(table, rows, v32)
        t3 = tt()
        T["cosines"] += t3 - t2
        keep = 4 * cfg.candidates
        if len(rows) > keep:
            top = np.argpartition(-cos, keep)[:keep]
            rows = rows[top]
            cos = cos[top]
        t4 = tt()
        T["argpartition"] += t4 - t3
        cands = [table.gids[r] for r in rows.tolist()]
        cosines = dict(zip(cands, cos.tolist(), strict=True))
        t5 = tt()
        T["gids+dict"] += t5 - t4
    else:
        cands = [table.gids[r] for r in found.tolist()]
        cosines = {g: 0.0 for g in cands}
        t5 = tt()
    compatible, groups = self._compatibility(m), self.groups
    t6 = tt()
    T["constraint test build"] += t6 - t5
    cands = [g for g in cands if compatible(groups[g])]
    t7 = tt()
    T["constraint test loop"] += t7 - t6
    if len(cands) > cfg.candidates:
        cands = sorted(cands, key=lambda g: -cosines[g])[: cfg.candidates]
    T["sort"] += tt() - t7
    T["n"] += 1
    return cands, cosines


def main() -> int:
    fg.FigureGrouper._scored_candidates = scored  # type: ignore[method-assign]
    bench = Path(__file__).resolve().parent / "figure_groups_bench.py"
    sys.argv = [str(bench), *sys.argv[1:]]
    try:
        runpy.run_path(str(bench), run_name="__main__")
    except SystemExit:
        pass
    n = max(1, T.pop("n"))
    print(f"_scored_candidates: {n} calls")
    for key, ns in T.most_common():
        print(f"{key:22s} {ns / 1e9:6.2f} s {ns / 1e3 / n:8.1f} us/call")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
