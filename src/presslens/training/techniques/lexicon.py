"""Mining the phrase lexicon from train gold spans."""

from __future__ import annotations

import json
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


def mine_lexicon(arts: list[ArticleData]) -> list[dict[str, Any]]:
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
        "settings": {"max_words": LEXICON_MAX_WORDS, "min_occurrences": LEXICON_MIN_OCCURRENCES,
                     "min_articles": LEXICON_MIN_ARTICLES, "min_precision": LEXICON_MIN_PRECISION,
                     "label_min_share": LEXICON_LABEL_MIN_SHARE},
        "entries": entries,
    }
    output.mkdir(parents=True, exist_ok=True)
    (output / L.LEXICON_NAME).write_text(json.dumps(doc, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"lexicon: {len(entries)} phrases ({sum(e['label'] is not None for e in entries)} with a technique)",
          flush=True)
