"""Evaluate attribution extraction on PolNeAR test: Source / Cue / Content span P, R, F1.

    presslens eval attribution --data /work/shared/data/polnear [--split test]

Gold: one annotator per article (the id that sorts first; see :mod:`presslens.training.polnear`).
Predictions: the spans of every attribution the analyzer outputs, per role (duplicates removed).

Matching, per role and article:

* **exact**: a predicted span equals a gold span after both are trimmed of surrounding whitespace and
  punctuation (quote marks, commas, full stops...);
* **overlap**: a predicted span matches a gold span if they share at least one character. Matching is
  one-to-one: candidate pairs are taken in order of decreasing shared characters and each gold span and
  each predicted span is used at most once.

P = matched predictions / predictions, R = matched gold / gold, micro-averaged over articles.
Systems side by side: rules only (baseline), tagger only, and the analyzer (tagger + rules).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from presslens.evaluation import metrics
from presslens.training.polnear import Span

_TRIM = " \t\n\r,.;:!?\"'\u201c\u201d\u2018\u2019()[]\u2014\u2013-"


def trim(text: str, span: Span) -> Span:
    s, e = span
    while s < e and text[s] in _TRIM:
        s += 1
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    return s, e


def match_count(text: str, gold: list[Span], pred: list[Span], mode: str) -> int:
    """Number of one-to-one matches between gold and predicted spans of one article."""
    if mode == "exact":
        g = {trim(text, s) for s in gold}
        p = {trim(text, s) for s in pred}
        return len(g & p)
    pairs: list[tuple[int, int, int]] = []
    for gi, (gs, ge) in enumerate(gold):
        for pi, (ps, pe) in enumerate(pred):
            shared = min(ge, pe) - max(gs, ps)
            if shared > 0:
                pairs.append((shared, gi, pi))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
    return len(used_g)


def score_spans(
    texts: list[str], golds: list[list[Span]], preds: list[list[Span]], mode: str
) -> dict[str, float]:
    n_gold = n_pred = n_match = 0
    for text, gold, pred in zip(texts, golds, preds, strict=True):
        gold = sorted(set(gold))
        pred = sorted(set(pred))
        if mode == "exact":
            gold = sorted({trim(text, s) for s in gold})
            pred = sorted({trim(text, s) for s in pred})
        n_gold += len(gold)
        n_pred += len(pred)
        n_match += match_count(text, gold, pred, mode)
    p = n_match / n_pred if n_pred else 0.0
    r = n_match / n_gold if n_gold else 0.0
    f = metrics.f1(p, r)
    return {"p": p, "r": r, "f1": f, "gold": n_gold, "pred": n_pred}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", required=True, help="PolNeAR folder (or its parent)")
    parser.add_argument("--split", default="test", choices=["dev", "test"])
    parser.add_argument("--cache", default=None, help="encoder cache folder (default: encode in memory)")
    parser.add_argument("--single-quotes", default="off", choices=["off", "on"],
                        help="the analyzer option attribution.single_quotes for every system (stop 33)")
    parser.add_argument("--report-nouns", default="off", choices=["off", "on"],
                        help="the analyzer option attribution.report_nouns for every system (stop 33)")


SYSTEMS: dict[str, dict[str, Any]] = {
    "rules only (baseline)": {"use_model": False, "use_rules": True},
    "tagger only": {"use_model": True, "use_rules": False},
    "analyzer (tagger + rules)": {"use_model": True, "use_rules": True},
}


def evaluate(
    data: str | Path, split: str, cache: str | None = None, single_quotes: str = "off", report_nouns: str = "off"
) -> dict[str, dict[str, dict[str, float]]]:
    from presslens.analyzers.attribution.analyzer import extract
    from presslens.analyzers.base import Features
    from presslens.article import Article
    from presslens.encoder import Encoded
    from presslens.training.encoded_cache import encode_cached
    from presslens.training.polnear import ROLES, load_split, split_sentences

    arts = load_split(data, split)
    texts, ranges = split_sentences(arts)
    if cache:
        enc = encode_cached(texts, Path(cache))
        states = [enc.tokens_of(i) for i in range(len(texts))]
        per_sentence = [(st.astype("float32"), off) for st, off in states]
        emb = enc.embeddings
    else:
        from presslens.encoder import SentenceEncoder

        full = SentenceEncoder.default().run(texts)
        per_sentence = list(zip(full.token_states, full.token_offsets, strict=True))
        emb = full.sentence_embeddings
    results: dict[str, dict[str, dict[str, float]]] = {}
    for name, flags in SYSTEMS.items():
        preds: dict[str, list[list[Span]]] = {r: [] for r in ("source", "cue", "content")}
        k = 0
        for art, rs in zip(arts, ranges, strict=True):
            article = Article(text=art.text, sentences=rs)
            feats = Features(article)
            part = per_sentence[k : k + len(rs)]
            feats._encoded = Encoded(emb[k : k + len(rs)], [p[0] for p in part], [p[1] for p in part])
            k += len(rs)
            found = extract(feats, single_quotes=single_quotes, report_nouns=report_nouns, **flags)
            preds["source"].append([a.source for a in found if a.source is not None])
            preds["cue"].append([a.cue for a in found])
            preds["content"].append([a.content for a in found if a.content is not None])
        res: dict[str, dict[str, float]] = {}
        for role, key in zip(("source", "cue", "content"), ROLES, strict=True):
            golds = [list(a.spans.get(key, [])) for a in arts]
            for mode in ("exact", "overlap"):
                res[f"{role}/{mode}"] = score_spans([a.text for a in arts], golds, preds[role], mode)
        results[name] = res
    return results


def markdown(results: dict[str, dict[str, dict[str, Any]]]) -> str:
    lines = [
        "| system | role | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, res in results.items():
        for role in ("source", "cue", "content"):
            ex, ov = res[f"{role}/exact"], res[f"{role}/overlap"]
            lines.append(
                f"| {name} | {role} | {ex['p']:.3f} | {ex['r']:.3f} | {ex['f1']:.3f} | "
                f"{ov['p']:.3f} | {ov['r']:.3f} | {ov['f1']:.3f} |"
            )
    return "\n".join(lines)


def main(args: argparse.Namespace) -> int:
    t0 = time.time()
    results = evaluate(args.data, args.split, args.cache, getattr(args, "single_quotes", "off"),
                       getattr(args, "report_nouns", "off"))
    print(f"PolNeAR {args.split}: attribution spans ({time.time() - t0:.0f}s)\n")
    print(markdown(results))
    return 0
