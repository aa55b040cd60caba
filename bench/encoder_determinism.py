"""Which run conditions change the int8 encoder's outputs: repeat runs, thread count, batch size, and the
``session.x64quantprecision`` option (u8s8 -> u8u8 on x86 CPUs without VNNI, whose u8s8 kernels add
pairs of products in 16 bits with saturation).

    python bench/encoder_determinism.py examples/*.txt

Prints the largest absolute difference of the sentence embeddings against a reference run (threads=1,
batch_size=4, default options) for each variant, and the CPU's VNNI support.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np


def _cpu_flags() -> set[str]:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("flags"):
                return set(line.split(":", 1)[1].split())
    except OSError:
        pass
    return set()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", help="text articles whose sentences are encoded")
    args = parser.parse_args()

    import onnxruntime as ort

    from presslens.encoder import SentenceEncoder
    from presslens.ingest import InputError, read_inputs
    from presslens.registry import ENCODER_DIR, ENCODER_ONNX

    texts = [t for a in read_inputs(args.files) if not isinstance(a, InputError) for t in a.sentence_texts()]
    flags = _cpu_flags()
    vnni = sorted(f for f in flags if "vnni" in f) or ["none"]
    print(f"{len(texts)} sentences; onnxruntime {ort.__version__}; avx2={'avx2' in flags} "
          f"avx512bw={'avx512bw' in flags} vnni={','.join(vnni)}")

    def embed(threads: int = 1, batch_size: int = 4, x64quantprecision: bool = False) -> np.ndarray:
        enc = SentenceEncoder(threads=threads, batch_size=batch_size)
        if x64quantprecision:
            opts = ort.SessionOptions()
            opts.intra_op_num_threads = 1
            opts.add_session_config_entry("session.x64quantprecision", "1")
            enc.session = ort.InferenceSession(str(ENCODER_DIR / ENCODER_ONNX), opts,
                                               providers=["CPUExecutionProvider"])
        return np.asarray(enc.run(texts).sentence_embeddings)

    ref = embed()
    variants = {
        "same settings again": embed(),
        "threads=2": embed(threads=2),
        "batch_size=1": embed(batch_size=1),
        "batch_size=16": embed(batch_size=16),
        "session.x64quantprecision=1": embed(x64quantprecision=True),
    }
    for name, emb in variants.items():
        diff = float(np.abs(emb - ref).max())
        cos = float(np.min(np.sum(emb * ref, axis=1)))
        print(f"{name:30} max |diff| {diff:.2e}  worst cosine {cos:.6f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
