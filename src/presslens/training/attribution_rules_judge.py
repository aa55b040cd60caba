"""Judge an attribution rule change held out while the calibration stays fitted on the old rules (stop 25).

The ship rule of issue 13 for "new rules + the calibration fitted on the old rules": for each open split, fit the
calibration on the old rules' rows of the other splits, then score the held-out split's old rows (the baseline)
and its new rows (the change). Two steps, one per source tree::

    PYTHONPATH=OLD/src python -m presslens.training.attribution_rules_judge dump --data PTC OUT_OLD.jsonl
    PYTHONPATH=NEW/src python -m presslens.training.attribution_rules_judge dump --data PTC OUT_NEW.jsonl
    python -m presslens.training.attribution_rules_judge judge OUT_OLD.jsonl OUT_NEW.jsonl --in-sample dev8

``dump`` writes one JSON line per attribution candidate of the open splits (split, article id, the six calibration
inputs, right or wrong by the matching rules, the gold speech attributions it matches; offsets only, no text) and
one line per article with its gold count. ``judge`` prints each split's held-out P / R for both and the sums over
the splits not named in ``--in-sample`` (splits the new rules were read off). ``--cache DIR`` keeps the encoder's
outputs per article (npz) so a second tree does not encode again.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np


def _encoded(article: Any, cache: Path | None, state: dict[str, Any]) -> Any:
    from presslens.encoder import Encoded, SentenceEncoder

    texts = article.sentence_texts()
    path = None
    if cache is not None:
        key = hashlib.sha1("\x00".join(texts).encode("utf-8")).hexdigest()[:16]
        path = cache / f"{key}.npz"
        if path.exists():
            z = np.load(path)
            bounds = np.concatenate([[0], np.cumsum(z["lens"])])
            return Encoded(z["emb"], [z["states"][bounds[i]:bounds[i + 1]] for i in range(len(z["lens"]))],
                           [z["offs"][bounds[i]:bounds[i + 1]] for i in range(len(z["lens"]))])
    if "encoder" not in state:
        state["encoder"] = SentenceEncoder(threads=1)
    enc = state["encoder"].run(texts)
    if path is not None:
        np.savez(path, emb=enc.sentence_embeddings, states=np.concatenate(enc.token_states),
                 offs=np.concatenate(enc.token_offsets), lens=np.array([len(s) for s in enc.token_states]))
    return enc


def dump(data: Path, out: Path, cache: Path | None = None) -> None:
    """Every attribution candidate of the open splits with its calibration inputs and verdict (see module doc)."""
    from presslens.analyzers.attribution.analyzer import AttributionAnalyzer, extract
    from presslens.analyzers.attribution.calibration import calibration_inputs
    from presslens.analyzers.base import Features
    from presslens.evaluation.realnews import DEFAULT_ANNOTATIONS, annotated_articles
    from presslens.evaluation.realnews_matching import match_attribution
    from presslens.evaluation.realnews_selection import OPEN_SPLITS

    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
    analyzer = AttributionAnalyzer()
    analyzer.ensure_loaded()
    tagger = analyzer.model("attribution")
    state: dict[str, Any] = {}
    lines = []
    for split in OPEN_SPLITS:
        for record, article in annotated_articles(DEFAULT_ANNOTATIONS / f"{split}.jsonl", data):
            features = Features(article)
            features._encoded = _encoded(article, cache, state)
            speech = [(i, g) for i, g in enumerate(record["attributions"]) if g.get("kind", "speech") == "speech"]
            for a in extract(features, tagger=tagger, use_model=True, raw_scores=True):
                finding = analyzer._finding(article, a)
                lines.append({"split": split, "id": record["id"],
                              "inp": [float(v) for v in calibration_inputs(article.text, a)],
                              "right": any(match_attribution(article.text, finding, g) for g in record["attributions"]),
                              "matched": [f"{record['id']}:{i}" for i, g in speech
                                          if match_attribution(article.text, finding, g)]})
            lines.append({"split": split, "id": record["id"], "gold": len(speech)})
    out.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")


def _load(path: Path) -> tuple[list[dict[str, Any]], dict[str, int]]:
    rows: list[dict[str, Any]] = []
    gold: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if "gold" in r:
            gold[r["split"]] = gold.get(r["split"], 0) + int(r["gold"])
        else:
            rows.append(r)
    return rows, gold


def judge(old_path: Path, new_path: Path, in_sample: set[str]) -> dict[str, tuple[float, float]]:
    """Held-out P / R sums (splits outside ``in_sample``) of the old rows and the new rows, each split scored with
    the calibration fitted on the old rows of the other splits; prints one line per split."""
    from presslens.training.attribution import _design, _probabilities, fit_logistic

    old, gold = _load(old_path)
    new, _ = _load(new_path)
    sums = {"old": [0.0, 0.0], "new": [0.0, 0.0]}
    for split in dict.fromkeys(r["split"] for r in old):
        train = [(r["id"], r["inp"], r["right"]) for r in old if r["split"] != split]
        x, y = _design(train)
        weights = fit_logistic(x, y)
        parts = []
        for name, rows in (("old", old), ("new", new)):
            held = [r for r in rows if r["split"] == split]
            xt, yt = _design([(r["id"], r["inp"], r["right"]) for r in held])
            asserted = _probabilities(xt, weights) >= 0.5
            right, n = int(yt[asserted].sum()), int(asserted.sum())
            found = {m for r, keep in zip(held, asserted, strict=True) if keep for m in r["matched"]}
            p, rec = (right / n if n else 0.0), len(found) / gold[split]
            if split not in in_sample:
                sums[name][0] += p
                sums[name][1] += rec
            parts.append(f"{name} {p:.3f} ({right}/{n}) / {rec:.3f} ({len(found)}/{gold[split]})")
        print(split, " | ".join(parts), "(in-sample: not summed)" if split in in_sample else "")
    result = {k: (round(v[0], 3), round(v[1], 3)) for k, v in sums.items()}
    print("held-out sums (P, R):", result)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--data", required=True, type=Path, help="the ptc-semeval2020-task11 folder")
    d.add_argument("--cache", type=Path)
    d.add_argument("out", type=Path)
    j = sub.add_parser("judge")
    j.add_argument("old", type=Path)
    j.add_argument("new", type=Path)
    j.add_argument("--in-sample", default="", help="comma-separated splits the new rules were read off")
    args = parser.parse_args(argv)
    if args.command == "dump":
        dump(args.data, args.out, args.cache)
    else:
        judge(args.old, args.new, {s for s in args.in_sample.split(",") if s})
    return 0


if __name__ == "__main__":
    sys.exit(main())
