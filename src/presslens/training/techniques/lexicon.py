"""Mining the phrase lexicon from train gold spans.

``python -m presslens.training.techniques.lexicon --data ../shared/data/ptc-semeval2020-task11`` re-mines
``models/techniques/lexicon.json`` from all train articles (the same as ``presslens train techniques
--lexicon-only``, without torch).
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

from presslens.analyzers.techniques import lexicon as L
from presslens.evaluation import ptc
from presslens.training.techniques.data import ArticleData

# ---------------------------------------------------------------------------------------- lexicon

LEXICON_MAX_WORDS = 4
LEXICON_MIN_OCCURRENCES = 2
LEXICON_MIN_ARTICLES = 2
LEXICON_MIN_PRECISION = 0.5
LEXICON_LABEL_MIN_SHARE = 0.5
"""Mining settings, chosen on the held-out train articles (lexicon mined from the other train articles)."""
HELD_FOLDS = 5
HELD_MIN_HITS = 3
"""Out-of-fold check (analyzer 1.4): the articles are cut into ``HELD_FOLDS`` folds; each fold's hits of the
phrases mined from the other folds are counted, with how many lie at least half inside gold spans. An entry
with at least ``HELD_MIN_HITS`` such hits records them (``held_hits``, ``held_right``); the analyzer caps its
hits' probability at the out-of-fold precision
(:attr:`presslens.analyzers.techniques.lexicon.LexiconEntry.held_precision`)."""


def mine_lexicon(arts: list[ArticleData], *, held_folds: int = HELD_FOLDS) -> list[dict[str, Any]]:
    """:func:`mine_phrases` on ``arts`` plus, per entry, its out-of-fold hits and how many were right
    (``held_hits``, ``held_right``; see :data:`HELD_FOLDS`), when it has at least ``HELD_MIN_HITS``."""
    entries = mine_phrases(arts)
    if held_folds < 2 or len(arts) < held_folds:
        return entries
    order = sorted(a.id for a in arts)
    fold_of = {aid: i % held_folds for i, aid in enumerate(order)}
    hits: Counter[tuple[str, ...]] = Counter()
    right: Counter[tuple[str, ...]] = Counter()
    for k in range(held_folds):
        mined = mine_phrases([a for a in arts if fold_of[a.id] != k])
        keys = [tuple(e["words"]) for e in mined]
        probe = L.Lexicon({k: L.LexiconEntry(k, 0.0, None, "train") for k in keys})
        for a in arts:
            if fold_of[a.id] != k:
                continue
            gold = ptc.merge_spans(a.gold_si)
            for s, e, entry in probe.matches(a.text):
                hits[entry.words] += 1
                inside = sum(max(0, min(e, ge) - max(s, gs)) for gs, ge in gold) / (e - s)
                right[entry.words] += inside >= 0.5
    for item in entries:
        key = tuple(item["words"])
        if hits[key] >= HELD_MIN_HITS:
            item["held_hits"] = hits[key]
            item["held_right"] = right[key]
    return entries


def mine_phrases(arts: list[ArticleData]) -> list[dict[str, Any]]:
    """Short gold span texts (1-4 words) that occur, as whole words, at least twice in at least two train
    articles and lie on average at least half inside gold spans there. The label is the majority
    technique of the gold spans with exactly that text, ignoring Repetition (article-specific), when it
    has at least two such spans and a share of at least ``LEXICON_LABEL_MIN_SHARE``."""
    labels: dict[tuple[str, ...], Counter[str]] = {}
    for a in arts:
        for sp in a.gold_tc:
            key = L.phrase_words(a.text[sp.start : sp.end])
            if 1 <= len(key) <= LEXICON_MAX_WORDS:
                labels.setdefault(key, Counter())[sp.technique] += 1
    probe = L.Lexicon({k: L.LexiconEntry(k, 0.0, None, "train") for k in labels})
    occurrences: Counter[tuple[str, ...]] = Counter()
    covered: dict[tuple[str, ...], float] = {}
    articles: dict[tuple[str, ...], set[str]] = {}
    for a in arts:
        gold = ptc.merge_spans(a.gold_si)
        for s, e, entry in probe.matches(a.text):
            occurrences[entry.words] += 1
            articles.setdefault(entry.words, set()).add(a.id)
            inside = sum(max(0, min(e, ge) - max(s, gs)) for gs, ge in gold) / (e - s)
            covered[entry.words] = covered.get(entry.words, 0.0) + inside
    out = []
    for key in sorted(occurrences):
        precision = covered[key] / occurrences[key]
        if (occurrences[key] >= LEXICON_MIN_OCCURRENCES and len(articles[key]) >= LEXICON_MIN_ARTICLES
                and precision >= LEXICON_MIN_PRECISION):
            out.append({"words": list(key), "precision": round(precision, 4), "occurrences": occurrences[key],
                        "label": _lexicon_label(labels[key])})
    return out


def _lexicon_label(counts: Counter[str]) -> str | None:
    kept = Counter({k: v for k, v in counts.items() if k != "Repetition"})
    total = sum(kept.values())
    if total < 2:
        return None
    label, n = kept.most_common(1)[0]
    return label if n / total >= LEXICON_LABEL_MIN_SHARE else None


def write_lexicon(arts: list[ArticleData], output: Path) -> None:
    entries = mine_lexicon(arts)
    doc = {
        "description": "phrases mined from PTC train gold spans by presslens train techniques (research use only)",
        "settings": {"held_folds": HELD_FOLDS, "held_min_hits": HELD_MIN_HITS,
                     "max_words": LEXICON_MAX_WORDS, "min_occurrences": LEXICON_MIN_OCCURRENCES,
                     "min_articles": LEXICON_MIN_ARTICLES, "min_precision": LEXICON_MIN_PRECISION,
                     "label_min_share": LEXICON_LABEL_MIN_SHARE},
        "entries": entries,
    }
    output.mkdir(parents=True, exist_ok=True)
    path = output / L.LEXICON_NAME
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(doc, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    failing = sum(e.get("held_hits", 0) and e["held_right"] / e["held_hits"] < 0.5 for e in entries)
    print(f"lexicon: {len(entries)} phrases ({sum(e['label'] is not None for e in entries)} with a technique; "
          f"{failing} below 0.5 out of fold)", flush=True)


def main(argv: list[str] | None = None) -> int:
    import argparse

    from presslens.analyzers import techniques as T
    from presslens.training.techniques.data import DEFAULT_CACHE, load_train

    parser = argparse.ArgumentParser(description="Re-mine the techniques phrase lexicon from PTC train.")
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--output", type=Path, default=T.MODEL_DIR)
    args = parser.parse_args(argv)
    write_lexicon(load_train(args.data, args.cache), args.output)
    refresh_spec(args.output)
    return 0


def refresh_spec(folder: Path) -> None:
    """Re-hash the files of ``folder``'s ``spec.json`` (if any), keeping its name, version and encoder."""
    from presslens.registry import SPEC_NAME, ModelSpec

    if (folder / SPEC_NAME).is_file():
        spec = ModelSpec.read(folder)
        fresh = ModelSpec.of_folder(folder, spec.name, spec.version, list(spec.files), spec.encoder_fingerprint)
        fresh.write(folder)


if __name__ == "__main__":
    raise SystemExit(main())
