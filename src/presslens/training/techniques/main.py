"""The ``presslens train techniques`` command: arguments and the training run."""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

import numpy as np

from presslens.analyzers import techniques as T
from presslens.analyzers.techniques import lexicon as L
from presslens.encoder import model_fingerprint
from presslens.evaluation import ptc
from presslens.registry import ModelSpec
from presslens.training.techniques.calibration import (
    best_threshold_f1,
    logit,
    platt,
    raw_tables,
    span_calibration,
    tune_sentence_mix,
    tune_span_decoding,
)
from presslens.training.techniques.classifier import MLP_SEEDS, choose_classifier, choose_mlps, span_rows
from presslens.training.techniques.data import (
    DEFAULT_CACHE,
    ArticleData,
    load_train,
    sentence_examples,
    split_articles,
)
from presslens.training.techniques.lexicon import write_lexicon
from presslens.training.techniques.tagger import train_tagger


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, required=True, help="PTC folder (ptc-semeval2020-task11)")
    parser.add_argument("--output", type=Path, default=T.MODEL_DIR)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="encoder cache folder")
    parser.add_argument("--holdout", type=float, default=0.15, help="share of train articles held out")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--hidden", type=int, default=128)
    parser.add_argument("--vocab-size", type=int, default=4000)
    parser.add_argument("--dropout", type=float, default=0.5)
    parser.add_argument("--lr", type=float, default=5e-4)
    parser.add_argument("--weight-decay", type=float, default=0.05)
    parser.add_argument("--average-from", type=int, default=3,
                        help="also try the average of the weights from this epoch on (kept if better held-out)")
    parser.add_argument("--lexicon-only", action="store_true",
                        help="only mine the phrase lexicon from train and write lexicon.json (keep the model)")
    parser.add_argument("--tagger-from", type=Path, default=None,
                        help="reuse the span tagger weights of a model folder (skip tagger training)")


# ------------------------------------------------------------------------------------------- main


def main(args: argparse.Namespace) -> int:
    import torch

    torch.set_num_threads(1)
    t_start = time.time()
    arts = load_train(args.data, args.cache)
    fit_ids, hold_ids = split_articles([a.id for a in arts], args.holdout, args.seed)
    fit = [a for a in arts if a.id in fit_ids]
    hold = [a for a in arts if a.id in hold_ids]
    print(f"train articles: {len(fit)} fit + {len(hold)} held out ({time.time() - t_start:.0f}s)", flush=True)
    write_lexicon(arts, args.output)
    if args.lexicon_only:
        return 0

    if args.tagger_from is not None:
        with np.load(args.tagger_from / T.WEIGHTS_NAME) as saved:
            weights = {k: saved[k] for k in saved.files if not k.startswith("tc.")}
        hold_loss = float("nan")
    else:
        fit_ex = [ex for a in fit for ex in sentence_examples(a)]
        hold_ex = [ex for a in hold for ex in sentence_examples(a)]
        print(f"sentences: {len(fit_ex)} fit, {len(hold_ex)} held out", flush=True)
        weights, hold_loss = train_tagger(fit_ex, hold_ex, args)
        del fit_ex, hold_ex

    config: dict[str, Any] = {
        "token_calibration": [1.0, 0.0], "sentence_calibration": [1.0, 0.0], "span_calibration": [0, 0, 0],
        "span_threshold": 0.5, "span_gap": 1, "span_min_mean": 0.0, "vocab": [],
    }
    model = T.TechniqueModel(weights, dict(config, vocab_index={}))
    tables = raw_tables(model, hold)
    tok_logits = np.concatenate([logit(t.probs) for t in tables])
    tok_labels = np.concatenate([_token_labels(a, t) for a, t in zip(hold, tables, strict=True)])
    config["token_calibration"] = list(platt(tok_logits, tok_labels))
    sent_logits = np.concatenate([logit(t.sentence_probs) for t in tables])
    sent_labels = np.concatenate([_sentence_labels(a) for a in hold])
    config["sentence_calibration"] = list(platt(sent_logits, sent_labels))
    decoding, si = tune_span_decoding(weights, config, hold)
    config.update(decoding)
    model = T.TechniqueModel(weights, dict(config, vocab_index={}))
    tables = raw_tables(model, hold)
    thr = decoding["span_threshold"]
    config["span_calibration"] = list(
        span_calibration(hold, tables, thr, int(decoding["span_gap"]), decoding["span_min_mean"])
    )
    config.update(tune_sentence_mix(weights, config, hold, sent_labels))
    model = T.TechniqueModel(weights, dict(config, vocab_index={}))
    sent_probs = np.concatenate([t.sentence_probs for t in raw_tables(model, hold)])
    config["slc_threshold"] = best_threshold_f1(sent_probs, sent_labels)
    print(f"held-out SI {si} with {decoding}; SLC threshold {config['slc_threshold']:.2f}", flush=True)

    fit_rows, hold_rows, all_rows = span_rows(fit), span_rows(hold), span_rows(arts)
    clf, tc_info = choose_classifier(fit_rows, hold_rows, all_rows, args.vocab_size)
    mlps = choose_mlps(clf, fit_rows, hold_rows, all_rows, tc_info)
    weights.update(mlps)
    config["tc_mlps"] = len(MLP_SEEDS) if mlps else 0
    config["vocab"] = clf.vocab
    config["training"] = {
        "data": "PTC v2 train-articles + train-task1-SI.labels + train-task2-TC.labels",
        "encoder_fingerprint": model_fingerprint(), "seed": args.seed, "holdout_share": args.holdout, "held_out_articles": sorted(hold_ids),
        "epochs": args.epochs, "hidden": args.hidden, "dropout": args.dropout, "lr": args.lr,
        "weight_decay": args.weight_decay, "tagger_held_out_loss": hold_loss,
        "held_out_si": si, "technique_classifier": tc_info,
    }
    weights.update({"tc.idf": clf.idf, "tc.mean": clf.mean, "tc.std": clf.std,
                    "tc.coef": clf.coef, "tc.intercept": clf.intercept,
                    "tc.tfidf_weight": np.asarray([clf.tfidf_weight])})
    args.output.mkdir(parents=True, exist_ok=True)
    arrays: dict[str, Any] = {k: np.asarray(v, dtype=np.float32) for k, v in weights.items()}
    np.savez_compressed(args.output / T.WEIGHTS_NAME, **arrays)
    (args.output / T.CONFIG_NAME).write_text(json.dumps(config, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    files = [T.WEIGHTS_NAME, T.CONFIG_NAME, L.LEXICON_NAME]
    ModelSpec.of_folder(args.output, "techniques", T.TechniquesAnalyzer.version, files, model_fingerprint()).write(
        args.output
    )
    print(f"wrote {args.output} in {time.time() - t_start:.0f}s", flush=True)
    return 0


def _token_labels(a: ArticleData, t: T.TokenTable) -> np.ndarray:
    y = np.zeros(len(t.starts), dtype=np.int64)
    for gs, ge in ptc.merge_spans(a.gold_si):
        y[(t.starts < ge) & (t.ends > gs)] = 1
    return y


def _sentence_labels(a: ArticleData) -> np.ndarray:
    gold = ptc.merge_spans(a.gold_si)
    return np.asarray([int(any(ge > s and gs < e for gs, ge in gold)) for s, e in a.sentences])


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    add_arguments(parser)
    raise SystemExit(main(parser.parse_args()))
