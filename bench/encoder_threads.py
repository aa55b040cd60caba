"""Compare encoder scheduling on this machine: one batch at a time with N intra-op threads versus
N concurrent single-threaded batches, for a few batch sizes, on the sentences of a corpus directory.
Each configuration runs in its own process (onnxruntime's spinning worker threads would otherwise
steal CPU from the next configuration).

    python bench/encoder_threads.py ../shared/data/ptc-semeval2020-task11/dev-articles [--limit 30]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

CONFIGS = [(s, bs, spin) for bs in (4, 8, 16) for s, spin in (("intra-op", 1), ("intra-op", 0), ("concurrent", 0))]


def measure(corpus: str, limit: int, threads: int, schedule: str, bs: int, spin: int) -> dict[str, float]:
    import onnxruntime as ort

    from presslens.encoder import MODEL_DIR, ONNX_NAME, SentenceEncoder
    from presslens.ingest import InputError, read_inputs
    from presslens.registry import onnx_session

    files = sorted(str(p) for p in Path(corpus).glob("*.txt"))[:limit]
    arts = [a for a in read_inputs(files) if not isinstance(a, InputError)]
    helper = SentenceEncoder(threads=1)
    o = ort.SessionOptions()
    o.intra_op_num_threads = threads if schedule == "intra-op" else 1
    o.inter_op_num_threads = 1
    o.add_session_config_entry("session.intra_op.allow_spinning", str(spin))
    sess = onnx_session(MODEL_DIR / ONNX_NAME, o)
    pool = ThreadPoolExecutor(threads)

    def feeds(texts: list[str]) -> list[dict]:
        encs = helper.tokenizer.encode_batch(texts)
        order = sorted(range(len(texts)), key=lambda i: len(encs[i].ids))
        return [helper._feeds([encs[i].ids for i in order[b : b + bs]]) for b in range(0, len(texts), bs)]

    sess.run(None, feeds(["warm up"])[0])
    t0 = time.perf_counter()
    for a in arts:
        fs = feeds(a.sentence_texts())
        if schedule == "intra-op":
            for f in fs:
                sess.run(None, f)
        else:
            list(pool.map(lambda f: sess.run(None, f), fs))
    dt = time.perf_counter() - t0
    n = sum(len(a.sentences) for a in arts)
    return {"sentences_per_s": n / dt, "articles_per_s": len(arts) / dt}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("--limit", type=int, default=30)
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--one", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        schedule, bs, spin = args.one.split(":")
        print(json.dumps(measure(args.corpus, args.limit, args.threads, schedule, int(bs), int(spin))))
        return 0
    print("| schedule | batch | spinning | sentences/s | articles/s |\n|---|---|---|---|---|")
    for schedule, bs, spin in CONFIGS:
        out = subprocess.run(
            [sys.executable, __file__, args.corpus, "--limit", str(args.limit), "--threads", str(args.threads),
             "--one", f"{schedule}:{bs}:{spin}"],
            capture_output=True, text=True, check=True,
        )
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"| {schedule} x{args.threads} | {bs} | {'on' if spin else 'off'} | "
              f"{r['sentences_per_s']:.1f} | {r['articles_per_s']:.2f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
