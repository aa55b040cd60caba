"""Choosing the 1.4 finding rules of the techniques analyzer on held-out PTC train articles (issue 13).

``python -m presslens.training.techniques.finding_rules --data ../shared/data/ptc-semeval2020-task11``

Runs the analyzer (lexicon mined from the fit articles only, as ``presslens eval techniques
--held-out-train``) on the 56 held-out train articles under each setting of its ``nested``, ``edges`` and
``lexicon`` options and prints, per setting: SI precision/recall/F1, the number of technique findings and of asserted ones (score >= 0.5), and the
share of asserted findings that are right (at least half of the fragment inside gold spans of its technique).
Differences to analyzer 1.3 (``nested=all, edges=raw, lexicon=context``) come with a 95 % bootstrap
interval over articles (1,000 resamples, seed 0): a change inside that interval is noise.

With ``--quoted`` it also prints, for lexical hits on the held-out articles, how often a hit that stands
inside quotation marks lies in a gold span (of any technique / of the entry's technique) against hits outside quotes:
whether PTC gold treats quoted terms as the writer's technique. ``--entries "american people" gross``
prints the same split for single lexicon entries over all 371 train articles (in gold of any technique, in gold of the
entry's technique).
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from presslens.analyzers import techniques as T
from presslens.analyzers.base import Features
from presslens.analyzers.techniques import lexicon as L
from presslens.article import Article
from presslens.evaluation import ptc
from presslens.training.techniques.data import DEFAULT_CACHE, ArticleData, load_train, split_articles
from presslens.training.techniques.lexicon import mine_lexicon

SETTINGS: tuple[tuple[str, str, str], ...] = (
    ("all", "raw", "context"), ("all", "snap", "context"), ("score", "raw", "context"),
    ("outer", "raw", "context"),
    ("all", "raw", "held"), ("contained", "raw", "context"), ("score", "snap", "context"),
    ("contained", "snap", "context"), ("score", "snap", "held"), ("contained", "snap", "held"),
)
RESAMPLES = 1000


def held_out(data: Path, cache: Path, seed: int) -> tuple[T.TechniqueModel, list[ArticleData]]:
    """The shipped model with the lexicon mined from the fit articles, and the held-out articles."""
    arts = load_train(data, cache)
    fit_ids, hold_ids = split_articles([a.id for a in arts], 0.15, seed)
    lexicon = L.hand_lexicon()
    for item in mine_lexicon([a for a in arts if a.id in fit_ids]):
        entry = L.entry_from_mined(item)
        lexicon.entries.setdefault(entry.words, entry)
    model = replace(T.TechniqueModel.load(), lexicon=lexicon)
    return model, [a for a in arts if a.id in hold_ids]


def findings_of(model: T.TechniqueModel, art: ArticleData, settings: dict[str, str]) -> list[Any]:
    from presslens.encoder import Encoded

    analyzer = T.TechniquesAnalyzer()
    analyzer._loaded = {"techniques": model}
    analyzer.status = "ok"
    analyzer.settings = settings
    feats = Features(Article(text=art.text, id=art.id, sentences=art.sentences))
    feats._encoded = Encoded(token_states=art.states, token_offsets=art.offsets,
                             sentence_embeddings=art.sent_emb)
    return [f for f in analyzer.analyze(feats).findings if f.kind == "technique"]


def right(f: Any, gold: dict[str, list[tuple[int, int]]]) -> bool:
    inside = sum(max(0, min(f.end, ge) - max(f.start, gs)) for gs, ge in gold.get(f.label, []))
    return inside >= 0.5 * (f.end - f.start)


def article_counts(model: T.TechniqueModel, arts: list[ArticleData], settings: dict[str, str]) -> np.ndarray:
    """Per article: SI (precision credit, n predicted, recall credit, n gold), findings, asserted, asserted
    right."""
    rows = []
    for a in arts:
        found = findings_of(model, a, settings)
        gold: dict[str, list[tuple[int, int]]] = {}
        for sp in a.gold_tc:
            gold.setdefault(sp.technique, []).append((sp.start, sp.end))
        gold = {k: ptc.merge_spans(v) for k, v in gold.items()}
        pred = ptc.merge_spans(sorted({(f.start, f.end) for f in found}))
        g = ptc.merge_spans(a.gold_si)
        p_credit = sum(_share(g, s0, s1) for s0, s1 in pred)
        r_credit = sum(_share(pred, s0, s1) for s0, s1 in g)
        asserted = [f for f in found if f.score >= 0.5]
        rows.append([p_credit, len(pred), r_credit, len(g), len(found), len(asserted),
                     sum(right(f, gold) for f in asserted)])
    return np.asarray(rows, dtype=np.float64)


def summary(rows: np.ndarray) -> dict[str, float]:
    t = rows.sum(axis=0)
    p = t[0] / t[1] if t[1] else 0.0
    r = t[2] / t[3] if t[3] else 0.0
    return {"si_p": p, "si_r": r, "si_f1": 2 * p * r / (p + r) if p + r else 0.0, "findings": t[4],
            "asserted": t[5], "asserted_right": t[6], "asserted_precision": t[6] / t[5] if t[5] else 0.0}


def bootstrap(base: np.ndarray, other: np.ndarray, key: str) -> tuple[float, float]:
    rng = np.random.default_rng(0)
    n = len(base)
    diffs = []
    for _ in range(RESAMPLES):
        idx = rng.integers(0, n, n)
        diffs.append(summary(other[idx])[key] - summary(base[idx])[key])
    lo, hi = np.percentile(diffs, [2.5, 97.5])
    return float(lo), float(hi)


def quoted_hits(model: T.TechniqueModel, arts: list[ArticleData]) -> None:
    """Lexical hits inside / outside quotation marks: share inside gold spans (any / own technique)."""
    stats: dict[str, list[int]] = {"quoted": [0, 0, 0], "not quoted": [0, 0, 0]}
    for a in arts:
        gold_any = ptc.merge_spans(a.gold_si)
        by_label: dict[str, list[tuple[int, int]]] = {}
        for sp in a.gold_tc:
            by_label.setdefault(sp.technique, []).append((sp.start, sp.end))
        for s, e, entry in model.lexicon.matches(a.text):
            key = "quoted" if inside_quotes(a.text, a.sentences, s, e) else "not quoted"
            own = ptc.merge_spans(by_label.get(entry.label or "", []))
            stats[key][0] += 1
            stats[key][1] += _share(gold_any, s, e) >= 0.5
            stats[key][2] += _share(own, s, e) >= 0.5
    print("\n| lexical hits | n | in gold (any technique) | in gold of its technique |\n|---|---|---|---|")
    for key, (n, any_, own_) in stats.items():
        print(f"| {key} | {n} | {any_ / max(1, n):.3f} | {own_ / max(1, n):.3f} |")


def entry_contexts(data: Path, cache: Path, phrases: list[str]) -> None:
    """Per phrase and context (inside quotation marks or not): hits in all train articles, in gold spans."""
    arts = load_train(data, cache)
    shipped = L.load_lexicon(T.MODEL_DIR / L.LEXICON_NAME)
    keys = [L.phrase_words(p) for p in phrases]
    probe = L.Lexicon({k: shipped.entries.get(k) or L.LexiconEntry(k, 0.0, None, "probe") for k in keys})
    stats: dict[tuple[str, str], list[int]] = {}
    for a in arts:
        gold_any = ptc.merge_spans(a.gold_si)
        for s, e, entry in probe.matches(a.text):
            own = ptc.merge_spans([(g.start, g.end) for g in a.gold_tc if g.technique == entry.label])
            quoted = inside_quotes(a.text, a.sentences, s, e)
            key = (" ".join(entry.words), "quoted" if quoted else "not quoted")
            row = stats.setdefault(key, [0, 0, 0])
            row[0] += 1
            row[1] += _share(gold_any, s, e) >= 0.5
            row[2] += _share(own, s, e) >= 0.5
    print(f"\nall {len(arts)} train articles (in-sample for the shipped lexicon)\n"
          "| entry (technique) | context | hits | in gold (any technique) | in gold of its technique |\n"
          "|---|---|---|---|---|")
    for (phrase, ctx), (n, any_, own_) in sorted(stats.items()):
        label = probe.entries[L.phrase_words(phrase)].label
        print(f"| {phrase} ({label}) | {ctx} | {n} | {any_} | {own_} |")


def inside_quotes(text: str, sentences: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when an odd number of double quote marks stands between the hit's sentence start and the hit."""
    s0 = max([s for s, _ in sentences if s <= start], default=0)
    before = text[s0:start]
    opened = before.count("“") - before.count("”") + before.count('"') % 2
    return opened > 0


def _share(spans: list[tuple[int, int]], s: int, e: int) -> float:
    return sum(max(0, min(e, ge) - max(s, gs)) for gs, ge in spans) / max(1, e - s)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--quoted", action="store_true")
    parser.add_argument("--entries", nargs="*", default=None,
                        help="only print the quoted/plain split of these phrases")
    args = parser.parse_args(argv)
    if args.entries:
        entry_contexts(args.data, args.cache, args.entries)
        return 0
    model, arts = held_out(args.data, args.cache, args.seed)
    print(f"held-out train: {len(arts)} articles (seed {args.seed})\n")
    rows = {s: article_counts(model, arts, dict(zip(("nested", "edges", "lexicon"), s, strict=True)))
            for s in SETTINGS}
    base = rows[SETTINGS[0]]
    print("| nested, edges, lexicon | SI P | SI R | SI F1 (95% CI of change) | findings | asserted | "
          "asserted right (95% CI of change) |\n|---|---|---|---|---|---|---|")
    for s, r in rows.items():
        m = summary(r)
        f_ci = bootstrap(base, r, "si_f1")
        p_ci = bootstrap(base, r, "asserted_precision")
        print(f"| {', '.join(s)} | {m['si_p']:.4f} | {m['si_r']:.4f} | {m['si_f1']:.4f} "
              f"({f_ci[0]:+.4f} .. {f_ci[1]:+.4f}) | {int(m['findings'])} | {int(m['asserted'])} | "
              f"{m['asserted_precision']:.3f} ({p_ci[0]:+.3f} .. {p_ci[1]:+.3f}) |")
    if args.quoted:
        quoted_hits(model, arts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
