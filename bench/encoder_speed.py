"""Raw speed of encoder exports over a corpus (sentences/s on this machine, best of ``--repeat`` passes).

    presslens export-encoder --layers 6 --output /tmp/enc6      # likewise 4, 2 (needs the train extra)
    python bench/encoder_speed.py ../shared/data/ptc-semeval2020-task11/dev-articles shipped /tmp/enc6 /tmp/enc4

``shipped`` is the encoder under ``presslens/models/encoder``. Every sentence of every article is encoded
article by article, as the pipeline does, with the shipped scheduling (batches of 4, two threads).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", help="directory of article files")
    ap.add_argument("encoders", nargs="+", help="'shipped' or folders written by presslens export-encoder")
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()

    from presslens.encoder import MODEL_DIR, SentenceEncoder
    from presslens.ingest import InputError, read_inputs

    files = sorted(str(p) for p in Path(args.corpus).rglob("*.txt"))
    articles = [a for a in read_inputs(files) if not isinstance(a, InputError)]
    texts = [a.sentence_texts() for a in articles]
    n_sent = sum(len(t) for t in texts)
    print("| encoder | layers | sentences/s | articles/s (encoder only) |\n|---|---|---|---|")
    for name in args.encoders:
        folder = MODEL_DIR if name == "shipped" else Path(name)
        layers = "?"
        info = folder / "export.json"
        if info.exists():
            layers = json.loads(info.read_text()).get("layers", "first 6 of 6")
        onnx = next(iter(sorted(folder.glob("*.onnx"))))
        enc = SentenceEncoder(folder, onnx_name=onnx.name)
        for t in texts[:5]:
            enc.run(t)
        best = float("inf")
        for _ in range(max(1, args.repeat)):
            t0 = time.perf_counter()
            for t in texts:
                enc.run(t)
            best = min(best, time.perf_counter() - t0)
        print(f"| {name} | {layers} | {n_sent / best:.0f} | {len(texts) / best:.1f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
