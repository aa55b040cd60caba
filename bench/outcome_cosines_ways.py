"""CPU time of ``FigureGrouper._outcome_cosines`` against its earlier form (one ``row.dot(row)`` and one
``vec @ row`` per group, as of commit dc3abff), on the calls the figure-groups bench makes.

    PYTHONPATH=src python bench/outcome_cosines_ways.py [figure_groups_bench.py options, e.g. --articles 2000]

Runs ``bench/figure_groups_bench.py`` with the given options, keeps the last 4,000 calls' arguments, checks that
both forms give the same floats bit for bit on each, then times the two on those calls in the grouper's final
state (thread CPU, five rounds alternating which runs first) and prints the median microseconds per call and
their ratio new/old.
"""

from __future__ import annotations

import runpy
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from presslens.compare import figure_groups as fg

Cosines = Callable[[fg.FigureGrouper, np.ndarray, Sequence[str]], list[float | None]]


def old_outcome_cosines(self: fg.FigureGrouper, vec: np.ndarray, gids: Sequence[str]) -> list[float | None]:
    """The method as of dc3abff."""
    sums, groups, outcomes = self._outcome_sums, self.groups, self.outcomes
    slot_of = outcomes.slots
    found: list[np.ndarray | int | None] = []
    slots: list[int] = []
    for gid in gids:
        total: np.ndarray | int | None = sums.get(gid)
        if total is None:
            group = groups.get(gid)
            for mid in group.mention_ids if group is not None else ():
                slot = slot_of.get(mid)
                if slot is not None:
                    total = len(slots)
                    slots.append(slot)
                    break
        found.append(total)
    block = outcomes.rows[slots].astype(np.float32) if slots else None
    out: list[float | None] = []
    for total in found:
        if total is None:
            out.append(None)
            continue
        if isinstance(total, int):
            assert block is not None
            row: np.ndarray = block[total]
        else:
            row = total
        norm = float(np.sqrt(row.dot(row)))
        out.append(float(vec @ row) / norm if norm > 0 else None)
    return out


def bits(values: list[float | None]) -> list[bytes | None]:
    return [None if x is None else np.float64(x).tobytes() for x in values]


def main() -> int:
    groupers: list[fg.FigureGrouper] = []
    calls: list[tuple[np.ndarray, list[str]]] = []
    new: Cosines = fg.FigureGrouper._outcome_cosines
    init = fg.FigureGrouper.__init__

    def kept_init(self: fg.FigureGrouper, *args: Any, **kwargs: Any) -> None:
        init(self, *args, **kwargs)
        groupers.append(self)

    def recorded(self: fg.FigureGrouper, vec: np.ndarray, gids: Sequence[str]) -> list[float | None]:
        calls.append((vec.copy(), list(gids)))
        return new(self, vec, gids)

    fg.FigureGrouper.__init__ = kept_init  # type: ignore[method-assign]
    fg.FigureGrouper._outcome_cosines = recorded  # type: ignore[method-assign]
    bench = Path(__file__).resolve().parent / "figure_groups_bench.py"
    sys.argv = [str(bench), *sys.argv[1:]]
    try:
        runpy.run_path(str(bench), run_name="__main__")
    except SystemExit:
        pass
    grouper, kept = groupers[0], calls[-4000:]
    for vec, gids in kept:
        assert bits(new(grouper, vec, gids)) == bits(old_outcome_cosines(grouper, vec, gids)), gids
    ways: dict[str, Cosines] = {"old": old_outcome_cosines, "new": new}
    took: dict[str, list[float]] = {"old": [], "new": []}
    for r in range(5):
        for name in ("old", "new") if r % 2 == 0 else ("new", "old"):
            way, t = ways[name], time.thread_time_ns()
            for vec, gids in kept:
                way(grouper, vec, gids)
            took[name].append((time.thread_time_ns() - t) / len(kept) / 1e3)
    print(f"{len(kept)} calls, {np.mean([len(g) for _v, g in kept]):.2f} groups a call, same floats")
    for name, us in took.items():
        print(f"{name}: median {statistics.median(us):.1f} us/call (rounds {', '.join(f'{u:.1f}' for u in us)})")
    print(f"new/old {statistics.median(took['new']) / statistics.median(took['old']):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
