"""Evaluate the ``techniques`` analyzer on PTC dev (SemEval-2020 Task 11) — the held-out test set here.

``presslens eval techniques --data /work/shared/data/ptc-semeval2020-task11``

* SI: spans the analyzer emits (kind ``"technique"``, unique fragments) against the v2-trimmed dev SI gold,
  scored with the task's partial-overlap precision/recall after merging overlapping spans
  (:func:`presslens.evaluation.ptc.si_scores`).
* TC: the classifier labels every v2-trimmed dev TC gold span (a span listed k times with k techniques
  gets its k most likely techniques); micro-F1 plus a per-technique table.
* SLC: lines of the article files; a line is predicted positive when the highest propaganda probability
  of the presslens sentences overlapping it reaches the threshold chosen on held-out train articles.

A TF-IDF + logistic-regression baseline, trained here on PTC train only (thresholds chosen on the same
held-out 15% of train articles), is reported side by side. PTC dev is never used for fitting or tuning.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

from presslens.analyzers import techniques as T
from presslens.evaluation import ptc
from presslens.training.encoded_cache import default_cache_dir

DEFAULT_CACHE = default_cache_dir() / "techniques"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, required=True, help="PTC folder (ptc-semeval2020-task11)")
    parser.add_argument("--model-dir", type=Path, default=T.MODEL_DIR)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="encoder cache folder")
    parser.add_argument("--no-baseline", action="store_true", help="skip the TF-IDF baseline")
    parser.add_argument("--seed", type=int, default=13, help="seed of the held-out split (baseline thresholds)")
    parser.add_argument("--json", type=Path, default=None, help="also write the scores as JSON here")
    parser.add_argument(
        "--calibration", action="store_true",
        help="also print reliability tables and expected calibration error of the technique findings' scores "
        "(right = at least half the fragment inside gold spans of its technique) and of the sentence scores",
    )
    parser.add_argument(
        "--held-out-train", action="store_true",
        help="score SI/SLC on the held-out train articles (seed --seed) instead of dev, with the phrase "
        "lexicon re-mined from the other train articles (the model-selection set; TC is not scored "
        "there because the technique classifier is refit on all train spans)",
    )


# ------------------------------------------------------------------------------------------ model


def predict_model(model: T.TechniqueModel, corpus: ptc.EncodedCorpus, tc_gold: list[ptc.TechniqueSpan]) -> dict[str, Any]:
    """Run the analyzer (same code path as at run time, on cached encoder output) over the corpus."""
    from presslens.analyzers.base import Features
    from presslens.article import Article

    si_pred: dict[str, list[tuple[int, int]]] = {}
    scored: list[tuple[str, int, int, str, float]] = []
    sentences: list[tuple[str, int, int, float]] = []
    line_probs: dict[str, list[float]] = {}
    tc_pred: dict[tuple[str, int, int], list[str]] = {}
    by_article: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for sp in tc_gold:
        by_article[sp.article_id].append((sp.start, sp.end))
    analyzer = T.TechniquesAnalyzer()
    analyzer._loaded = {"techniques": model}  # this model, not the registry's (--model-dir, --held-out-train)
    analyzer.status = "ok"
    for k, aid in enumerate(corpus.ids):
        text = corpus.texts[k]
        article = Article(text=text, id=aid, sentences=[(int(s), int(e)) for s, e in corpus.sentence_ranges[k]])
        feats = Features(article)
        feats._encoded = corpus.encoded[k]
        out = analyzer.analyze(feats)
        si_pred[aid] = sorted({(f.start, f.end) for f in out.findings if f.kind == "technique"})
        scored += [(aid, f.start, f.end, f.label, f.score) for f in out.findings if f.kind == "technique"]
        sentences += [(aid, f.start, f.end, f.score) for f in out.findings if f.kind == "sentence"]
        sent_scores = [(f.start, f.end, f.score) for f in out.findings if f.kind == "sentence"]
        line_probs[aid] = [
            max([p for s, e, p in sent_scores if s < le and e > ls], default=0.0) for ls, le in ptc.article_lines(text)
        ]
        spans = sorted(set(by_article.get(aid, [])))
        if spans:
            table = T.tag_article(model, text, article.sentences, corpus.encoded[k].token_states,
                                  corpus.encoded[k].token_offsets, corpus.encoded[k].sentence_embeddings)
            probs = T.classify_spans(model, text, article.sentences, table,
                                     corpus.encoded[k].sentence_embeddings, spans)
            probs = T.blend_lexicon_labels(model.lexicon, text, spans, probs)
            for (s, e), row in zip(spans, probs, strict=True):
                tc_pred[(aid, s, e)] = [T.TECHNIQUES[j] for j in np.argsort(-row)]
    return {"si": si_pred, "lines": line_probs, "tc": tc_pred, "scored": scored, "sentences": sentences}


CALIBRATION_BINS = 10


def technique_outcomes(scored: list[tuple[str, int, int, str, float]], tc_gold: list[ptc.TechniqueSpan],
                       *, any_label: bool = False) -> list[tuple[float, bool]]:
    """``(score, right)`` per technique finding: right when at least half of the fragment lies inside gold
    spans of its technique (of any technique with ``any_label``)."""
    gold: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for sp in tc_gold:
        gold[(sp.article_id, "" if any_label else sp.technique)].append((sp.start, sp.end))
    merged = {k: ptc.merge_spans(v) for k, v in gold.items()}
    out = []
    for aid, s, e, label, score in scored:
        spans = merged.get((aid, "" if any_label else label), [])
        inside = sum(max(0, min(e, ge) - max(s, gs)) for gs, ge in spans)
        out.append((score, e > s and inside >= 0.5 * (e - s)))
    return out


def sentence_outcomes(sentences: list[tuple[str, int, int, float]],
                      si_gold: dict[str, list[tuple[int, int]]]) -> list[tuple[float, bool]]:
    """``(score, right)`` per sentence finding: right when a gold span overlaps the sentence."""
    return [(p, any(gs < e and ge > s for gs, ge in si_gold.get(aid, []))) for aid, s, e, p in sentences]


def reliability_table(outcomes: list[tuple[float, bool]], bins: int = CALIBRATION_BINS) -> dict[str, Any]:
    """Equal-width score bins (``n``, mean score, share right), expected calibration error, and the
    precision of asserted (score >= 0.5) findings."""
    rows = []
    ece = 0.0
    for b in range(bins):
        inside = [(p, y) for p, y in outcomes if min(bins - 1, int(p * bins)) == b]
        if not inside:
            continue
        mean = sum(p for p, _ in inside) / len(inside)
        right = sum(y for _, y in inside) / len(inside)
        ece += len(inside) / len(outcomes) * abs(mean - right)
        rows.append({"bin": f"{b / bins:.1f}-{(b + 1) / bins:.1f}", "n": len(inside), "mean_score": mean,
                     "share_right": right})
    asserted = [y for p, y in outcomes if p >= 0.5]
    below = [y for p, y in outcomes if p < 0.5]
    return {"n": len(outcomes), "ece": ece, "bins": rows,
            "asserted": len(asserted), "asserted_right": sum(asserted) / len(asserted) if asserted else None,
            "below": len(below), "below_right": sum(below) / len(below) if below else None}


def print_calibration(tables: dict[str, dict[str, Any]]) -> None:
    print("\n| findings | n | ECE | asserted (>= 0.5): n, share right | below 0.5: n, share right |")
    print("|---|---|---|---|---|")
    for name, t in tables.items():
        a = "-" if t["asserted_right"] is None else f"{t['asserted_right']:.3f}"
        b = "-" if t["below_right"] is None else f"{t['below_right']:.3f}"
        print(f"| {name} | {t['n']} | {t['ece']:.3f} | {t['asserted']}, {a} | {t['below']}, {b} |")
    for name, t in tables.items():
        print(f"\n{name}:\n\n| score bin | n | mean score | share right |\n|---|---|---|---|")
        for r in t["bins"]:
            print(f"| {r['bin']} | {r['n']} | {r['mean_score']:.2f} | {r['share_right']:.2f} |")


def assign_tc_labels(gold: list[ptc.TechniqueSpan], ranked: dict[tuple[str, int, int], list[str]]) -> list[str]:
    """One label per gold span: a span listed k times gets its k best techniques, aligned with gold
    labels where they agree (the order of identical spans carries no information)."""
    groups: dict[tuple[str, int, int], list[int]] = defaultdict(list)
    for i, sp in enumerate(gold):
        groups[(sp.article_id, sp.start, sp.end)].append(i)
    out = [""] * len(gold)
    for key, idx in groups.items():
        chosen = ranked[key][: len(idx)]
        gold_labels = [gold[i].technique for i in idx]
        remaining = list(chosen)
        pending = []
        for i, g in zip(idx, gold_labels, strict=True):
            if g in remaining:
                out[i] = g
                remaining.remove(g)
            else:
                pending.append(i)
        for i, lab in zip(pending, remaining, strict=True):
            out[i] = lab
    return out


def slc_from_lines(texts: dict[str, str], si_gold: dict[str, list[tuple[int, int]]],
                   line_probs: dict[str, list[float]], threshold: float) -> dict[str, float]:
    gold: list[bool] = []
    pred: list[bool] = []
    for aid, text in texts.items():
        gold.extend(ptc.line_labels(text, si_gold.get(aid, [])))
        pred.extend(p >= threshold for p in line_probs[aid])
    return ptc.binary_scores(gold, pred)


# --------------------------------------------------------------------------------------- baseline

_TOKEN = re.compile(r"\w+|[^\w\s]")


def _word_features(toks: list[str], i: int) -> list[str]:
    feats = []
    for d in (-2, -1, 0, 1, 2):
        j = i + d
        w = toks[j].lower() if 0 <= j < len(toks) else "<pad>"
        feats.append(f"w{d}={w}")
    w = toks[i]
    feats.append(f"shape={'A' if w.isupper() else 'a' if w.islower() else 'Aa' if w[:1].isupper() else 'o'}")
    return feats


class TfidfBaseline:
    """TF-IDF / hashed n-gram features + logistic regression for SI (word tagging), TC and SLC."""

    def __init__(self, seed: int) -> None:
        self.seed = seed

    def fit(self, texts: dict[str, str], si: dict[str, list[tuple[int, int]]], tc: list[ptc.TechniqueSpan],
            holdout: set[str]) -> None:
        from sklearn.feature_extraction.text import HashingVectorizer, TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        fit_ids = [a for a in texts if a not in holdout]
        hold_ids = [a for a in texts if a in holdout]
        # SLC: line classifier
        self.line_vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        lx, ly = self._lines(texts, si, fit_ids)
        self.line_lr = LogisticRegression(C=1.0, max_iter=2000).fit(self.line_vec.fit_transform(lx), ly)
        hx, hy = self._lines(texts, si, hold_ids)
        from presslens.training.techniques import best_threshold_f1

        self.line_thr = best_threshold_f1(self.line_lr.predict_proba(self.line_vec.transform(hx))[:, 1],
                                          np.asarray(hy))
        # SI: word tagger
        self.word_vec = HashingVectorizer(n_features=2**18, analyzer=lambda x: x, alternate_sign=False, norm=None)
        wx, wy = self._words(texts, si, fit_ids)
        self.word_lr = LogisticRegression(C=0.3, max_iter=2000, solver="liblinear").fit(
            self.word_vec.transform(wx), wy)
        best = (-1.0, 0.5)
        for thr in np.arange(0.15, 0.6, 0.03):
            sc = ptc.si_scores({a: si.get(a, []) for a in hold_ids},
                               {a: self.predict_spans(texts[a], float(thr)) for a in hold_ids})
            if sc["f1"] > best[0]:
                best = (sc["f1"], float(thr))
        self.word_thr = best[1]
        # TC: span text classifier
        self.span_vec = TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True)
        spans = [sp for sp in tc if sp.article_id in texts]
        sx = [texts[sp.article_id][sp.start : sp.end] for sp in spans]
        self.span_lr = LogisticRegression(C=10.0, max_iter=3000).fit(self.span_vec.fit_transform(sx),
                                                                      [sp.technique for sp in spans])

    @staticmethod
    def _lines(texts: dict[str, str], si: dict[str, list[tuple[int, int]]], ids: list[str]) -> tuple[list[str], list[int]]:
        xs, ys = [], []
        for a in ids:
            text = texts[a]
            for (s, e), lab in zip(ptc.article_lines(text), ptc.line_labels(text, si.get(a, [])), strict=True):
                xs.append(text[s:e])
                ys.append(int(lab))
        return xs, ys

    @staticmethod
    def _word_spans(text: str) -> list[tuple[list[str], list[tuple[int, int]]]]:
        out = []
        for ls, le in ptc.article_lines(text):
            ms = list(_TOKEN.finditer(text, ls, le))
            out.append(([m.group() for m in ms], [(m.start(), m.end()) for m in ms]))
        return out

    def _words(self, texts: dict[str, str], si: dict[str, list[tuple[int, int]]], ids: list[str]) -> tuple[list[list[str]], list[int]]:
        xs, ys = [], []
        for a in ids:
            gold = ptc.merge_spans(si.get(a, []))
            for toks, offs in self._word_spans(texts[a]):
                for i, (s, e) in enumerate(offs):
                    xs.append(_word_features(toks, i))
                    ys.append(int(any(s < ge and e > gs for gs, ge in gold)))
        return xs, ys

    def predict_spans(self, text: str, threshold: float | None = None) -> list[tuple[int, int]]:
        thr = self.word_thr if threshold is None else threshold
        spans: list[tuple[int, int]] = []
        for toks, offs in self._word_spans(text):
            if not toks:
                continue
            probs = self.word_lr.predict_proba(self.word_vec.transform(
                [_word_features(toks, i) for i in range(len(toks))]))[:, 1]
            i = 0
            while i < len(toks):
                if probs[i] < thr:
                    i += 1
                    continue
                j = i
                while j + 1 < len(toks) and probs[j + 1] >= thr:
                    j += 1
                s, e = T.snap_to_words(text, offs[i][0], offs[j][1])
                if e > s:
                    spans.append((s, e))
                i = j + 1
        return spans

    def line_probs(self, text: str) -> list[float]:
        lines = [text[s:e] for s, e in ptc.article_lines(text)]
        return [float(p) for p in self.line_lr.predict_proba(self.line_vec.transform(lines))[:, 1]] if lines else []

    def ranked_labels(self, text: str, spans: list[tuple[int, int]]) -> list[list[str]]:
        probs = self.span_lr.predict_proba(self.span_vec.transform([text[s:e] for s, e in spans]))
        classes = list(self.span_lr.classes_)
        return [[classes[j] for j in np.argsort(-row)] for row in probs]


# ------------------------------------------------------------------------------------------- main


def main(args: argparse.Namespace) -> int:
    if args.held_out_train:
        return held_out_train(args)
    t0 = time.time()
    data: Path = args.data
    dev_texts = ptc.read_articles(data / "dev-articles")
    si_gold = ptc.read_si_labels(data / ptc.DEV_SI)
    tc_gold = [sp for sp in ptc.read_tc_labels(data / ptc.DEV_TC) if sp.article_id in dev_texts]
    corpus = ptc.encode_split(dev_texts, args.cache / "dev.npz")
    model = T.TechniqueModel.load(args.model_dir)
    results: dict[str, Any] = {}
    t_model = time.time()
    pred = _with_model(model, lambda: predict_model(model, corpus, tc_gold))
    elapsed = time.time() - t_model
    results["model"] = _score(dev_texts, si_gold, tc_gold, pred["si"], pred["tc"], pred["lines"],
                              float(model.config["slc_threshold"]))
    results["model"]["head_seconds_per_article"] = elapsed / max(1, len(dev_texts))
    if not args.no_baseline:
        results["baseline"] = _baseline(args, data, dev_texts, si_gold, tc_gold)
    _print_tables(results)
    if args.calibration:
        results["calibration"] = {
            "technique (span and technique right)": reliability_table(technique_outcomes(pred["scored"], tc_gold)),
            "technique span (any technique)": reliability_table(
                technique_outcomes(pred["scored"], tc_gold, any_label=True)),
            "sentence": reliability_table(sentence_outcomes(pred["sentences"], si_gold)),
        }
        print_calibration(results["calibration"])
    print(f"\n(evaluated {len(dev_texts)} dev articles in {time.time() - t0:.0f}s)")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n")
    return 0


def held_out_train(args: argparse.Namespace) -> int:
    """SI and SLC on the held-out train articles: the tagger never saw them and the lexicon is mined
    from the other train articles only (model-selection numbers, not a test result)."""
    from dataclasses import replace

    from presslens.analyzers.techniques import lexicon as L
    from presslens.training import techniques as TR

    arts = TR.load_train(args.data, args.cache)
    fit_ids, hold_ids = TR.split_articles([a.id for a in arts], 0.15, args.seed)
    full = T.TechniqueModel.load(args.model_dir)
    lexicon = L.hand_lexicon()
    for item in TR.mine_lexicon([a for a in arts if a.id in fit_ids]):
        entry = L.entry_from_mined(item)
        lexicon.entries.setdefault(entry.words, entry)
    hold = [a for a in arts if a.id in hold_ids]
    corpus = ptc.EncodedCorpus(
        ids=[a.id for a in hold], texts=[a.text for a in hold],
        sentence_ranges=[np.asarray(a.sentences, dtype=np.int64).reshape(-1, 2) for a in hold],
        encoded=[_encoded(a) for a in hold],
    )
    texts = {a.id: a.text for a in hold}
    si_gold = {a.id: a.gold_si for a in hold}
    results: dict[str, Any] = {}
    for name, lex in (("no lexicon", L.Lexicon()), ("lexicon", lexicon)):
        model = replace(full, lexicon=lex)
        pred = _with_model(model, lambda m=model: predict_model(m, corpus, []))
        results[name] = {"si": ptc.si_scores(si_gold, pred["si"]),
                         "slc": slc_from_lines(texts, si_gold, pred["lines"], float(full.config["slc_threshold"]))}
        if getattr(args, "calibration", False):
            tc_gold = [sp for a in hold for sp in a.gold_tc]
            results[name]["calibration"] = {
                "technique span (any technique)": reliability_table(
                    technique_outcomes(pred["scored"], tc_gold, any_label=True)),
                "sentence": reliability_table(sentence_outcomes(pred["sentences"], si_gold)),
            }
    print(f"held-out train: {len(hold)} articles (seed {args.seed})\n")
    print("| metric | " + " | ".join(results) + " |")
    print("|---|" + "---|" * len(results))
    for title, part, key in (("SI precision", "si", "precision"), ("SI recall", "si", "recall"),
                             ("**SI F1**", "si", "f1"), ("**SLC F1** (lines)", "slc", "f1")):
        print(f"| {title} | " + " | ".join(f"{r[part][key]:.4f}" for r in results.values()) + " |")
    for name, r in results.items():
        if "calibration" in r:
            print(f"\ncalibration, {name}:")
            print_calibration(r["calibration"])
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n")
    return 0


def _encoded(a: Any) -> Any:
    from presslens.encoder import Encoded

    return Encoded(token_states=a.states, token_offsets=a.offsets, sentence_embeddings=a.sent_emb)


def _with_model(model: T.TechniqueModel, fn: Any) -> Any:
    """Run ``fn`` with the analyzer's cached model replaced by ``model``."""
    original = T.default_model
    T.default_model = lambda: model  # type: ignore[assignment]
    try:
        return fn()
    finally:
        T.default_model = original


def _score(texts: dict[str, str], si_gold: dict[str, list[tuple[int, int]]], tc_gold: list[ptc.TechniqueSpan],
           si_pred: dict[str, list[tuple[int, int]]], tc_ranked: dict[tuple[str, int, int], list[str]],
           line_probs: dict[str, list[float]], slc_threshold: float) -> dict[str, Any]:
    tc_labels = assign_tc_labels(tc_gold, tc_ranked)
    return {
        "si": ptc.si_scores(si_gold, si_pred),
        "tc": ptc.tc_scores([sp.technique for sp in tc_gold], tc_labels, T.TECHNIQUES),
        "slc": slc_from_lines(texts, si_gold, line_probs, slc_threshold),
        "slc_at_0.5": slc_from_lines(texts, si_gold, line_probs, 0.5),
        "slc_threshold": slc_threshold,
    }


def _baseline(args: argparse.Namespace, data: Path, dev_texts: dict[str, str],
              si_gold: dict[str, list[tuple[int, int]]], tc_gold: list[ptc.TechniqueSpan]) -> dict[str, Any]:
    from presslens.training.techniques import split_articles

    train_texts = ptc.read_articles(data / "train-articles")
    _, hold = split_articles(list(train_texts), 0.15, args.seed)
    base = TfidfBaseline(args.seed)
    base.fit(train_texts, ptc.read_si_labels(data / ptc.TRAIN_SI), ptc.read_tc_labels(data / ptc.TRAIN_TC), hold)
    si_pred = {a: base.predict_spans(t) for a, t in dev_texts.items()}
    lines = {a: base.line_probs(t) for a, t in dev_texts.items()}
    by_article: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for sp in tc_gold:
        by_article[sp.article_id].append((sp.start, sp.end))
    ranked: dict[tuple[str, int, int], list[str]] = {}
    for aid, spans in by_article.items():
        uniq = sorted(set(spans))
        for (s, e), labs in zip(uniq, base.ranked_labels(dev_texts[aid], uniq), strict=True):
            ranked[(aid, s, e)] = labs
    return _score(dev_texts, si_gold, tc_gold, si_pred, ranked, lines, base.line_thr)


def _print_tables(results: dict[str, Any]) -> None:
    names = [n for n in ("model", "baseline") if n in results]
    print("| metric | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    rows = [
        ("SI precision", "si", "precision"), ("SI recall", "si", "recall"), ("**SI F1**", "si", "f1"),
        ("**TC micro-F1**", "tc", "micro_f1"), ("TC macro-F1", "tc", "macro_f1"),
        ("SLC precision", "slc", "precision"), ("SLC recall", "slc", "recall"), ("**SLC F1**", "slc", "f1"),
        ("SLC F1 at p>=0.5", "slc_at_0.5", "f1"),
    ]
    for title, part, key in rows:
        print(f"| {title} | " + " | ".join(f"{results[n][part][key]:.4f}" for n in names) + " |")
    print("| SLC threshold (chosen on held-out train) | " +
          " | ".join(f"{results[n]['slc_threshold']:.2f}" for n in names) + " |")
    print("\nTC per technique (dev gold spans):\n")
    print("| technique | support | " + " | ".join(f"{n} P | {n} R | {n} F1" for n in names) + " |")
    print("|---|---|" + "---|---|---|" * len(names))
    for tech in T.TECHNIQUES:
        cells = []
        for n in names:
            row = results[n]["tc"]["per_technique"][tech]
            cells.append(f"{row['precision']:.3f} | {row['recall']:.3f} | {row['f1']:.3f}")
        support = int(results[names[0]]["tc"]["per_technique"][tech]["support"])
        print(f"| {tech} | {support} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    add_arguments(parser)
    raise SystemExit(main(parser.parse_args()))
