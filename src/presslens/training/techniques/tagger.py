"""The torch span tagger (token and sentence heads) and its training loop."""

from __future__ import annotations

import argparse
import time
from typing import Any

import numpy as np

from presslens.training.techniques.data import SentenceExample

# ----------------------------------------------------------------------------------------- tagger


def build_tagger(in_dim: int, hidden: int, dropout: float) -> Any:
    import torch
    from torch import nn

    class Tagger(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.drop = nn.Dropout(dropout)
            self.inp = nn.Linear(in_dim, hidden)
            self.conv1 = nn.Conv1d(hidden, hidden, 5, padding=2)
            self.conv2 = nn.Conv1d(hidden, hidden, 5, padding=2)
            self.tok_out = nn.Linear(hidden, 1)
            self.sent_out = nn.Linear(2 * hidden + 384, 1)

        def forward(self, x: torch.Tensor, mask: torch.Tensor, sent_emb: torch.Tensor) -> Any:
            m = mask.unsqueeze(-1)
            h0 = torch.relu(self.inp(self.drop(x))) * m
            h1 = torch.relu(self.conv1(h0.transpose(1, 2)).transpose(1, 2)) * m
            h1d = self.drop(h1)
            h2 = (torch.relu(self.conv2(h1d.transpose(1, 2)).transpose(1, 2)) * m + h1) * m
            tok = self.tok_out(self.drop(h2)).squeeze(-1)
            neg = (1.0 - m) * -1e4
            pooled_max = (h2 + neg).max(dim=1).values
            pooled_mean = h2.sum(dim=1) / m.sum(dim=1).clamp(min=1.0)
            sent = self.sent_out(self.drop(torch.cat([pooled_max, pooled_mean, sent_emb], dim=1))).squeeze(-1)
            return tok, sent

    return Tagger()


def _batches(examples: list[SentenceExample], size: int, rng: np.random.Generator | None) -> list[list[int]]:
    order = sorted(range(len(examples)), key=lambda i: len(examples[i].y))
    chunks = [order[i : i + size] for i in range(0, len(order), size)]
    if rng is not None:
        rng.shuffle(chunks)  # type: ignore[arg-type]
    return chunks


def _pad(examples: list[SentenceExample], idx: list[int]) -> tuple[Any, Any, Any, Any, Any]:
    import torch

    width = max(len(examples[i].y) for i in idx)
    dim = examples[idx[0]].x.shape[1]
    x = np.zeros((len(idx), width, dim), dtype=np.float32)
    y = np.zeros((len(idx), width), dtype=np.float32)
    mask = np.zeros((len(idx), width), dtype=np.float32)
    for r, i in enumerate(idx):
        n = len(examples[i].y)
        x[r, :n] = examples[i].x
        y[r, :n] = examples[i].y
        mask[r, :n] = 1.0
    sent_emb = x[:, 0, 384:768].copy()
    labels = np.asarray([examples[i].label for i in idx], dtype=np.float32)
    return (torch.from_numpy(x), torch.from_numpy(mask), torch.from_numpy(sent_emb), torch.from_numpy(y),
            torch.from_numpy(labels))


def train_tagger(
    fit: list[SentenceExample], hold: list[SentenceExample], args: argparse.Namespace
) -> tuple[dict[str, np.ndarray], float]:
    import torch

    torch.manual_seed(args.seed)
    torch.set_num_threads(1)
    rng = np.random.default_rng(args.seed)
    model = build_tagger(fit[0].x.shape[1], args.hidden, args.dropout)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)
    bce = torch.nn.functional.binary_cross_entropy_with_logits
    best: tuple[float, dict[str, np.ndarray]] | None = None
    averaged: dict[str, np.ndarray] = {}
    n_avg = 0
    for epoch in range(args.epochs):
        model.train()
        t0 = time.time()
        total = 0.0
        for idx in _batches(fit, 32, rng):
            x, mask, sent_emb, y, labels = _pad(fit, idx)
            tok, sent = model(x, mask, sent_emb)
            loss = (bce(tok, y, reduction="none") * mask).sum() / mask.sum() + 0.5 * bce(sent, labels)
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item() * len(idx)
        hold_loss = _held_out_loss(model, hold)
        print(f"  epoch {epoch + 1}: train loss {total / len(fit):.4f}  held-out {hold_loss:.4f}"
              f"  ({time.time() - t0:.0f}s)", flush=True)
        snapshot = {k: v.detach().numpy().copy() for k, v in model.state_dict().items()}
        if best is None or hold_loss < best[0]:
            best = (hold_loss, snapshot)
        if epoch + 1 >= args.average_from:
            n_avg += 1
            for k, v in snapshot.items():
                averaged[k] = v if k not in averaged else averaged[k] + (v - averaged[k]) / n_avg
    assert best is not None
    if n_avg > 1:
        model.load_state_dict({k: torch.from_numpy(v) for k, v in averaged.items()})
        avg_loss = _held_out_loss(model, hold)
        print(f"  weight average of epochs {args.average_from}-{args.epochs}: held-out {avg_loss:.4f}", flush=True)
        if avg_loss < best[0]:
            return averaged, avg_loss
    return best[1], best[0]


def _held_out_loss(model: Any, hold: list[SentenceExample]) -> float:
    import torch

    bce = torch.nn.functional.binary_cross_entropy_with_logits
    model.eval()
    tok_loss = sent_loss = 0.0
    n_tok = 0.0
    with torch.no_grad():
        for idx in _batches(hold, 64, None):
            x, mask, sent_emb, y, labels = _pad(hold, idx)
            tok, sent = model(x, mask, sent_emb)
            tok_loss += float((bce(tok, y, reduction="none") * mask).sum())
            n_tok += float(mask.sum())
            sent_loss += float(bce(sent, labels, reduction="sum"))
    return tok_loss / n_tok + 0.5 * sent_loss / len(hold)
