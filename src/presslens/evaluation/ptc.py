"""Propaganda Techniques Corpus (SemEval-2020 Task 11): loader, encoder cache and scorers.

The scorers follow the published task definitions (Da San Martino et al., SemEval-2020 Task 11):

* **SI** (span identification): spans of one article are merged first when they overlap (gold and
  predicted separately). Precision = sum over predicted spans ``s`` of ``sum_t |s ∩ t| / |s|`` over gold
  spans ``t`` of the same article, divided by the number of predicted spans; recall is the symmetric sum
  over gold spans divided by the number of gold spans. F1 is their harmonic mean.
* **TC** (technique classification): one predicted label for each gold span (the v2-trimmed dev spans);
  micro-averaged F1 over the spans, which equals accuracy when every gold span gets exactly one label.
  Per-technique precision/recall/F1 are reported too.
* **SLC** (sentence level): a line of an article file is positive when any gold span overlaps it; F1 of
  the positive class.

All offsets are character offsets into the article file (LF, UTF-8), which are the offsets of
``presslens.ingest.normalize.article_from_text(file_text).text``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from presslens.encoder import Encoded
from presslens.evaluation import metrics
from presslens.training.encoded_cache import texts_key

Span = tuple[int, int]

TRAIN_SI = "train-task1-SI.labels"
TRAIN_TC = "train-task2-TC.labels"
DEV_SI = "dev-task-SI.v2trimmed.labels"
DEV_TC = "dev-task-TC.v2trimmed.labels"
TECHNIQUE_NAMES = "propaganda-techniques-names-semeval2020task11.txt"


@dataclass
class TechniqueSpan:
    article_id: str
    technique: str
    start: int
    end: int


def read_articles(folder: Path) -> dict[str, str]:
    """``{article_id: file text}`` for every ``article<ID>.txt`` in ``folder`` (sorted by id)."""
    out: dict[str, str] = {}
    for path in sorted(folder.glob("article*.txt")):
        out[path.stem.removeprefix("article")] = path.read_text(encoding="utf-8")
    return out


def read_si_labels(path: Path) -> dict[str, list[Span]]:
    spans: dict[str, list[Span]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.strip().split("\t")
        if len(parts) == 3:
            spans[parts[0]].append((int(parts[1]), int(parts[2])))
    return dict(spans)


def read_tc_labels(path: Path) -> list[TechniqueSpan]:
    out: list[TechniqueSpan] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.strip().split("\t")
        if len(parts) == 4:
            out.append(TechniqueSpan(parts[0], parts[1], int(parts[2]), int(parts[3])))
    return out


def read_technique_names(data_dir: Path) -> list[str]:
    return [n.strip() for n in (data_dir / TECHNIQUE_NAMES).read_text().splitlines() if n.strip()]


# --------------------------------------------------------------------------------------------- SI


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    """Union of overlapping spans (touching spans ``[a,b)`` and ``[b,c)`` stay separate)."""
    merged: list[list[int]] = []
    for s, e in sorted((s, e) for s, e in spans if e > s):
        if merged and s < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _credit(sources: list[Span], targets: list[Span]) -> float:
    total = 0.0
    for s in sources:
        total += sum(_overlap(s, t) for t in targets) / (s[1] - s[0])
    return total


def si_scores(gold: dict[str, list[Span]], predicted: dict[str, list[Span]]) -> dict[str, float]:
    """SemEval-2020 Task 11 SI precision, recall and F1 (partial-overlap credit, merged spans)."""
    ids = set(gold) | set(predicted)
    p_sum = r_sum = 0.0
    n_pred = n_gold = 0
    for aid in ids:
        g = merge_spans(gold.get(aid, []))
        p = merge_spans(predicted.get(aid, []))
        n_pred += len(p)
        n_gold += len(g)
        p_sum += _credit(p, g)
        r_sum += _credit(g, p)
    precision = p_sum / n_pred if n_pred else 0.0
    recall = r_sum / n_gold if n_gold else 0.0
    f1 = metrics.f1(precision, recall)
    return {"precision": precision, "recall": recall, "f1": f1, "predicted": n_pred, "gold": n_gold}


# --------------------------------------------------------------------------------------------- TC


def tc_scores(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> dict[str, object]:
    """Micro-F1 over gold spans plus a per-technique precision/recall/F1/support table."""
    if len(gold) != len(predicted):
        raise ValueError("one predicted label per gold span is required")
    correct = sum(g == p for g, p in zip(gold, predicted, strict=True))
    micro = correct / len(gold) if gold else 0.0
    table: dict[str, dict[str, float]] = {}
    for lab in labels:
        tp = sum(g == lab and p == lab for g, p in zip(gold, predicted, strict=True))
        n_pred = sum(p == lab for p in predicted)
        n_gold = sum(g == lab for g in gold)
        prec = tp / n_pred if n_pred else 0.0
        rec = tp / n_gold if n_gold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        table[lab] = {"precision": prec, "recall": rec, "f1": f1, "support": float(n_gold)}
    macro = float(np.mean([v["f1"] for v in table.values()])) if table else 0.0
    return {"micro_f1": micro, "macro_f1": macro, "per_technique": table, "spans": len(gold)}


# -------------------------------------------------------------------------------------------- SLC


def article_lines(text: str) -> list[Span]:
    """Non-blank lines of an article file (the PTC sentences), as ``(start, end)`` offsets."""
    out: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def line_labels(text: str, spans: Iterable[Span]) -> list[bool]:
    """For each non-blank line: does any span overlap it?"""
    spans = list(spans)
    return [any(_overlap(line, s) > 0 for s in spans) for line in article_lines(text)]


def binary_scores(gold: Sequence[bool], predicted: Sequence[bool]) -> dict[str, float]:
    tp = sum(g and p for g, p in zip(gold, predicted, strict=True))
    n_pred = sum(predicted)
    n_gold = sum(gold)
    prec = tp / n_pred if n_pred else 0.0
    rec = tp / n_gold if n_gold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"precision": prec, "recall": rec, "f1": f1, "predicted": float(n_pred), "gold": float(n_gold)}


# ------------------------------------------------------------------------------------ encoder cache


@dataclass
class EncodedCorpus:
    """Articles of one PTC split with the shared encoder's output, in article-id order."""

    ids: list[str]
    texts: list[str]
    sentence_ranges: list[np.ndarray]
    """Per article: (sentences, 2) presslens sentence ranges."""
    encoded: list[Encoded]


def encode_split(
    articles: dict[str, str], cache_file: Path | None, *, threads: int = 1, log: bool = True
) -> EncodedCorpus:
    """Segment and encode every article once (single shared-encoder pass each), caching to ``cache_file``.

    The cache is a plain ``.npz`` (token states stored as float16) keyed by the article ids and
    :func:`presslens.training.encoded_cache.texts_key` (the texts and the encoder file), so a changed corpus or
    encoder is re-encoded.
    """
    from presslens.ingest.normalize import article_from_text

    ids = sorted(articles)
    texts = [articles[i] for i in ids]
    digest = texts_key(texts)
    if cache_file is not None and cache_file.exists():
        cached = _load_cache(cache_file, ids, texts, digest)
        if cached is not None:
            return cached
    from presslens.encoder import SentenceEncoder

    encoder = SentenceEncoder(threads=threads)
    ranges: list[np.ndarray] = []
    encoded: list[Encoded] = []
    for n, text in enumerate(texts):
        art = article_from_text(text, detect_language=False)
        ranges.append(np.asarray(art.sentences, dtype=np.int64).reshape(-1, 2))
        encoded.append(encoder.run(art.sentence_texts()))
        if log and (n + 1) % 25 == 0:
            print(f"  encoded {n + 1}/{len(texts)} articles", flush=True)
    corpus = EncodedCorpus(ids, texts, ranges, encoded)
    if cache_file is not None:
        _save_cache(cache_file, corpus, digest)
    return corpus


def _save_cache(path: Path, corpus: EncodedCorpus, digest: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    sent_counts = np.asarray([len(r) for r in corpus.sentence_ranges], dtype=np.int64)
    tok_counts = np.asarray(
        [len(s) for enc in corpus.encoded for s in enc.token_states], dtype=np.int64
    )
    states = [s for enc in corpus.encoded for s in enc.token_states]
    offsets = [o for enc in corpus.encoded for o in enc.token_offsets]
    tmp = path.with_suffix(".tmp.npz")
    np.savez(
        tmp,
        ids=np.asarray(corpus.ids),
        digest=np.asarray(digest),
        sent_counts=sent_counts,
        tok_counts=tok_counts,
        ranges=np.concatenate(corpus.sentence_ranges) if corpus.sentence_ranges else np.zeros((0, 2)),
        sent_emb=np.concatenate([e.sentence_embeddings for e in corpus.encoded]),
        states=np.concatenate(states).astype(np.float16),
        offsets=np.concatenate(offsets).astype(np.int32),
    )
    tmp.replace(path)


def _load_cache(path: Path, ids: list[str], texts: list[str], digest: str) -> EncodedCorpus | None:
    data = np.load(path, allow_pickle=False)
    if str(data["digest"]) != digest or list(data["ids"]) != ids:
        return None
    sent_counts = data["sent_counts"]
    tok_counts = data["tok_counts"]
    ranges_all = data["ranges"]
    emb_all = data["sent_emb"]
    states_all = data["states"]
    offsets_all = data["offsets"]
    tok_ptr = np.concatenate([[0], np.cumsum(tok_counts)])
    ranges: list[np.ndarray] = []
    encoded: list[Encoded] = []
    sent_pos = 0
    for count in sent_counts:
        count = int(count)
        ranges.append(ranges_all[sent_pos : sent_pos + count])
        states = [
            states_all[tok_ptr[k] : tok_ptr[k + 1]].astype(np.float32)
            for k in range(sent_pos, sent_pos + count)
        ]
        offs = [offsets_all[tok_ptr[k] : tok_ptr[k + 1]] for k in range(sent_pos, sent_pos + count)]
        encoded.append(Encoded(emb_all[sent_pos : sent_pos + count], states, offs))
        sent_pos += count
    return EncodedCorpus(ids, texts, ranges, encoded)
