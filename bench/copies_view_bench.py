"""What listing a copy under the figures it states costs ``presslens figures`` (user trial s31, problem 2): in a
family with an updated copy the view reads the stored reports of the family's copies
(``load_copy_figures``).

Fills a SQLite store (the tests' synthetic articles and hashed embedders, no model; indexed in date order, so
both variants read the same store) with N families of four articles each (an original, a plain copy, an updated
copy, a copy of the updated copy: ``tests/test_corpus_compare.py``'s COPIES with the family's own numbers),
then times ``figure_summaries(store, min_articles=1)`` under two source trees, alternating, each in a fresh
process:

    python bench/copies_view_bench.py --a BASE/src --b src --families 100 --rounds 3
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

TIMED = """
import sys, time
from presslens.store import open_store
from presslens.store.tracking import figure_summaries
with open_store(sys.argv[1]) as store:
    t0 = time.perf_counter()
    groups = figure_summaries(store, min_articles=1)
    print(time.perf_counter() - t0, len(groups))
"""


def fill(db: str, families: int) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from presslens.compare.figure_groups import hashed_embedder
    from presslens.store import open_store
    from presslens.store.tracking import CorpusTracker
    from tests.test_corpus_compare import WIRE, make_article

    towns = ["Arven", "Belok", "Corra", "Dunmar", "Estry", "Falk", "Gorin", "Hask"]
    with open_store(db, write=True, create=True) as store:
        tracker = CorpusTracker(store, figure_embed=hashed_embedder(), claim_encode=hashed_embedder(384),
                                claim_fingerprint="hashed-test")
        for f in range(families):
            day = dt.date(2022, 1, 1) + dt.timedelta(days=f)
            town = f"{towns[f % len(towns)]} {f}"
            base = WIRE.replace("the town", f"the town of {town}")
            n, m = 300 + f, 450 + f
            for text, source, d in ((base.format(detained=n, added=""), "Wire", day),
                                    (base.format(detained=n, added="") + " Relay republished it.", "Relay", day),
                                    (base.format(detained=m, added=""), "Digest", day + dt.timedelta(days=2)),
                                    (base.format(detained=m, added=""), "Echo", day + dt.timedelta(days=3))):
                store.add(make_article(text, source, d), tracker)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--a", required=True, help="source tree A (e.g. BASE/src)")
    ap.add_argument("--b", required=True, help="source tree B (e.g. src)")
    ap.add_argument("--families", type=int, default=100)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        db = str(Path(d) / "c.db")
        fill(db, args.families)
        times: dict[str, list[float]] = {"a": [], "b": []}
        for _ in range(args.rounds):
            for name in ("a", "b"):
                env = {**os.environ, "PYTHONPATH": getattr(args, name)}
                out = subprocess.run([sys.executable, "-c", TIMED, db], env=env, capture_output=True, text=True,
                                     check=True).stdout.split()
                times[name].append(float(out[0]))
                print(f"{name}: {float(out[0]):.3f} s, {out[1]} groups", flush=True)
        a, b = min(times["a"]), min(times["b"])
        print(f"best of {args.rounds}: a {a:.3f} s, b {b:.3f} s, b/a {b / a:.2f}")


if __name__ == "__main__":
    main()
