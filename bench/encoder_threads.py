"""Compare encoder scheduling on this machine: one batch at a time with N intra-op threads versus
N concurrent single-threaded batches, for a few batch sizes, on the sentences of a corpus directory.

    python bench/encoder_threads.py ../shared/data/ptc-semeval2020-task11/dev-articles [--limit 20]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import onnxruntime as ort

from presslens.encoder import MODEL_DIR, ONNX_NAME, SentenceEncoder
from presslens.ingest import InputError, read_inputs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("--limit", type=int, default=20)
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    files = sorted(str(p) for p in Path(args.corpus).glob("*.txt"))[: args.limit]
    arts = [a for a in read_inputs(files) if not isinstance(a, InputError)]
    n_sent = sum(len(a.sentences) for a in arts)
    helper = SentenceEncoder(threads=1)

    def session(intra: int) -> ort.InferenceSession:
        o = ort.SessionOptions()
        o.intra_op_num_threads = intra
        o.inter_op_num_threads = 1
        return ort.InferenceSession(str(MODEL_DIR / ONNX_NAME), o, providers=["CPUExecutionProvider"])

    intra, single = session(args.threads), session(1)
    pool = ThreadPoolExecutor(args.threads)

    def feeds(texts: list[str], bs: int) -> list[dict]:
        encs = helper.tokenizer.encode_batch(texts)
        order = sorted(range(len(texts)), key=lambda i: len(encs[i].ids))
        return [helper._feeds([encs[i].ids for i in order[b : b + bs]]) for b in range(0, len(texts), bs)]

    print("| schedule | batch | sentences/s | articles/s |\n|---|---|---|---|")
    for bs in (4, 8, 16, 32):
        for name in ("intra-op", "concurrent"):
            t0 = time.perf_counter()
            for a in arts:
                fs = feeds(a.sentence_texts(), bs)
                if name == "intra-op":
                    for f in fs:
                        intra.run(None, f)
                else:
                    list(pool.map(lambda f: single.run(None, f), fs))
            dt = time.perf_counter() - t0
            print(f"| {name} x{args.threads} | {bs} | {n_sent / dt:.1f} | {len(arts) / dt:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
