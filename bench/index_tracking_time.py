"""Indexing time with and without the index-time tracker (copies, figure groups, claim rows), loaded host.

    python bench/index_tracking_time.py /work/shared/data/ptc-semeval2020-task11/dev-articles [--rounds 2]

Loads the pipeline once, warms it on three articles, then per round indexes every article into a fresh SQLite
file twice, the way ``presslens index`` does (``index_items`` + the closing ANALYZE): without a tracker (the
store as before issue 15) and with ``CorpusTracker`` (claims embedded lazily, the default). Prints the wall time
of each and the tracking rows written.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from presslens.ingest import ReadOptions, read_inputs
from presslens.pipeline import Pipeline
from presslens.store.indexing import index_items
from presslens.store.store import open_store
from presslens.store.tracking import CorpusTracker


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", help="folder of articles")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--embed-claims", action="store_true", help="embed claims at index time (the eager path)")
    args = ap.parse_args()
    pipe = Pipeline().load()
    list(pipe.run_stream(list(read_inputs([args.inputs], ReadOptions()))[:3]))
    for rnd in range(args.rounds):
        for tracked in (False, True):
            with tempfile.TemporaryDirectory() as d:
                store = open_store(str(Path(d) / "c.db"), write=True, create=True)
                t0 = time.perf_counter()
                tracker = CorpusTracker(store, embed_claims=args.embed_claims) if tracked else None
                summary = index_items(store, read_inputs([args.inputs], ReadOptions()), pipe, tracker=tracker)
                store.optimize()
                elapsed = time.perf_counter() - t0
                info = store.info()
                store.close()
            label = "with tracker" if tracked else "without tracker"
            print(f"round {rnd + 1} {label}: {summary.new} articles in {elapsed:.2f} s; figure mentions "
                  f"{info['figure_mentions']}, groups {info['figure_groups']}, claim rows {info['claim_vectors']}, "
                  f"copies {info['republished_copies']}", flush=True)


if __name__ == "__main__":
    main()
