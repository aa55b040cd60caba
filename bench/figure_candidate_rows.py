"""Where a figure's candidate rows come from, and how many of them a hard constraint could drop before the cosines.

    PYTHONPATH=src python bench/figure_candidate_rows.py [figure_groups_bench.py options, e.g. --articles 5000]

Wraps ``FigureGrouper._scored_candidates`` (unchanged: its result is returned as it is, so the bench's digest is the
plain one) and, for every call, counts the candidate rows (``found``), which posting lists proposed them (the counted
noun's, the predicate's, the nearest clause words'), how many of them pass the hard constraints
(``FigureGrouper._compatibility``, the per-group test the method runs on its ``4 * candidates`` nearest), and
whether pre-filtering the rows by those constraints before the cosines would give the same candidates in the same
order (the method keeps the ``4 * candidates`` nearest of *all* rows by ``np.argpartition`` and only then drops
the incompatible ones, so a pre-filter keeps other rows, or the same ones in another order, whenever more rows than
that reach the cosines). Prints the totals per pass (the grouping, and the conflicts pass: calls with rows given).
Slow (every row is tested): a diagnosis, not a timing.
"""

from __future__ import annotations

import collections
import runpy
import sys
from pathlib import Path

import numpy as np

from presslens.compare import figure_groups as fg
from presslens.compare.figures import FigureMention

C: dict[str, collections.Counter[str]] = {"grouping": collections.Counter(), "conflicts": collections.Counter()}
SIZES: dict[str, list[int]] = {"grouping": [], "conflicts": []}
_plain = fg.FigureGrouper._scored_candidates


def _sources(self: fg.FigureGrouper, m: FigureMention) -> collections.Counter[str]:
    """Rows read per kind of posting list (before they are made unique), as :meth:`FigureGrouper._proposed`
    reads them."""
    out: collections.Counter[str] = collections.Counter()
    feats = self.features(m)
    head = m.head
    specific = head is not None and head not in fg.GENERIC_HEADS
    assert m.measure is not None
    if head is not None and specific:
        out["noun"] += len(self._by_head.get((m.measure, head), fg._NO_ROWS)[-fg.MAX_POSTING:])
    if feats.predicate is not None and not specific:
        out["predicate"] += len(self._by_predicate.get((m.measure, feats.predicate), fg._NO_ROWS)[-fg.MAX_POSTING:])
    nearest = sorted(feats.tokens.items(), key=lambda kv: (-kv[1], kv[0]))[:fg.NEAREST_WORDS]
    for tok, _w in nearest:
        posting = self._postings.get((m.measure, tok))
        if posting is not None:
            if len(posting) <= fg.MAX_POSTING:
                out["words"] += len(posting)
            else:
                out["words over MAX_POSTING (not read)"] += len(posting)
    return out


def counted(self: fg.FigureGrouper, m: FigureMention,
            found: np.ndarray | None = None) -> tuple[list[str], dict[str, float]]:
    phase = "grouping" if found is None else "conflicts"
    result = _plain(self, m, found)
    c = C[phase]
    c["calls"] += 1
    rows = self._candidates(m) if found is None else found
    n = len(rows)
    SIZES[phase].append(n)
    c["rows"] += n
    c.update(_sources(self, m))
    if not n:
        return result
    table, cfg = self._rows[str(m.measure)], self.config
    test, groups = self._compatibility(m), self.groups
    ok = np.array([test(groups[table.gids[r]]) for r in rows.tolist()], bool)
    c["compatible rows"] += int(ok.sum())
    keep = 4 * cfg.candidates
    c["calls with more rows than 4*candidates"] += n > keep
    vec = self.vectors.get(m.id)
    if vec is None or not table.vectored:
        return result
    cos = self._cosines(table, rows, vec.astype(np.float32))
    # the method's result had the rows been pre-filtered by the hard constraints before the cosines
    kept_rows, kept_cos = rows[ok], cos[ok]
    if len(kept_rows) > keep:
        top = np.argpartition(-kept_cos, keep)[:keep]
        kept_rows, kept_cos = kept_rows[top], kept_cos[top]
    cands = [table.gids[r] for r in kept_rows.tolist()]
    cosines = dict(zip(cands, kept_cos.tolist(), strict=True))
    if len(cands) > cfg.candidates:
        cands = sorted(cands, key=lambda g: -cosines[g])[: cfg.candidates]
    same_set = set(cands) == set(result[0])
    c["pre-filter: same candidates, same order"] += cands == result[0]
    c["pre-filter: same candidates, other order"] += same_set and cands != result[0]
    c["pre-filter: other candidates"] += not same_set
    return result


def main() -> int:
    fg.FigureGrouper._scored_candidates = counted  # type: ignore[method-assign]
    bench = Path(__file__).with_name("figure_groups_bench.py")
    sys.argv = [str(bench), *sys.argv[1:]]
    try:
        runpy.run_path(str(bench), run_name="__main__")
    except SystemExit:
        pass
    for phase, c in C.items():
        calls = max(1, c["calls"])
        sizes = np.array(SIZES[phase] or [0])
        print(f"{phase}: {c['calls']:,} calls; rows a call: mean {c['rows'] / calls:.1f}, median "
              f"{np.median(sizes):.0f}, 90th percentile {np.percentile(sizes, 90):.0f}, max {sizes.max()}")
        for key, value in sorted(c.items()):
            if key != "calls":
                print(f"  {key}: {value:,} ({value / calls:.2f} a call)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
