"""Train the call-to-action scorer of the violence analyzer: ``presslens train violence-calls --ptc <ptc> --polnear
<polnear train text>``.

Rows: every call-to-action candidate (see :mod:`presslens.analyzers.violence.calls`; demand and plea candidates
included, the ``with_both`` setting) that the analyzer finds in

- the real-news splits whose errors are open (:data:`~presslens.evaluation.realnews_selection.OPEN_SPLITS`; PTC
  train articles), labelled right when it overlaps a gold call to action by half of the shorter span;
- the articles of ``data/violence/call_audit_verdicts.jsonl``: stand-off verdicts (article, offsets, right / wrong;
  no text) of the vcta5 and vcta6 audits (``/work/annot/audit_v``, ``/work/annot/audit_v2``) and of the stop-22
  labelling (``s22_cta8``: PTC train articles in no split and unread PolNeAR train files, chosen by
  :mod:`presslens.training.violence_call_selection`); a candidate gets the verdict of the audited finding it
  overlaps (the first in the file), candidates without one are left out. The audits' GVDB dev verdicts are
  evaluation data and are not in the file. Verdicts on a PTC article that a real-news split holds
  (``data/realnews/split.json``; splits drawn after the audit) are left out: gold labels an open split's
  candidates, and a validation or test split must not be fitted on (stop 23).

Model: L2-regularised logistic regression (:data:`L2`, fixed in advance, not tuned), fitted by Newton's method in
numpy; deterministic. Written to ``models/violence/calls.json``; ``spec.json`` gets the file's sha256.

Every choice is checked leave one split out over the open splits: fitted on the audits and the other open splits,
scored on the held-out one; the table (precision, recall and expected calibration error at 0.5 per split and pooled)
is printed and written into ``calls.json`` for each candidate setting (:data:`SETTINGS`), next to the stance
model's probability of analyzer 1.6 and a fit on analyzer 1.7's 17 features.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from presslens.analyzers.violence.analyzer import CallCandidate, call_candidates_by_setting
from presslens.analyzers.violence.calls import CALL_FEATURE_NAMES, hope_pleas, progressive_pleas
from presslens.analyzers.violence.model import MODEL_DIR, ViolenceModel
from presslens.article import Article
from presslens.evaluation.counts import PrecisionRecallCounts
from presslens.evaluation.realnews import annotated_articles
from presslens.evaluation.realnews_calibration import calibration
from presslens.evaluation.realnews_selection import OPEN_SPLITS
from presslens.registry import ModelSpec
from presslens.training.logistic import fit_l2_logistic, probabilities

L2 = 1.0
"""Ridge penalty on the weights (not on the bias); fixed before any fit was scored."""
VERDICTS = Path("data/violence/call_audit_verdicts.jsonl")
REALNEWS = Path("data/realnews")
ASSERTED = 0.5
SETTINGS: dict[str, tuple[bool, bool]] = {
    "default": (False, False), "with_demands": (True, False), "with_pleas": (False, True), "with_both": (True, True)}
"""Candidate settings: (``violence.call_demands``, ``violence.call_pleas``) on or off. The fit uses the candidates
of ``with_both`` (a superset of the others): one scorer serves every setting."""
FEATURES_17 = 17
"""Analyzer 1.7's features are the first 17 of :data:`CALL_FEATURE_NAMES`; the table compares a fit on them."""


@dataclass
class Row:
    group: str
    """The open split the row comes from, or ``audit``."""
    article: str
    span: tuple[int, int]
    features: np.ndarray
    before: float
    """The score analyzer 1.6 gave (0 where 1.6 had no such candidate)."""
    cap: float
    """The analyzer's cap on the score (a candidate veto)."""
    demand_only: bool
    """A demand candidate (only with ``violence.call_demands=on``)."""
    right: bool
    gold: list[tuple[int, int]] = field(default_factory=list)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--ptc", required=True, type=Path, help="PTC SemEval-2020 task 11 folder (train-articles/)")
    parser.add_argument("--polnear", required=True, type=Path, help="PolNeAR train text folder (<name>.txt)")
    parser.add_argument("--verdicts", type=Path, default=VERDICTS, help="stand-off audit verdicts")
    parser.add_argument("--realnews", type=Path, default=REALNEWS, help="folder with the open splits' jsonl files")
    parser.add_argument("--output", type=Path, default=MODEL_DIR, help="model folder (calls.json, spec.json)")
    parser.add_argument("--progressive-pleas", choices=("off", "on"), default="off",
                        help="read the candidates with the analyzer option violence.call_progressive_pleas (stop 26; "
                             "default: off, the analyzer's default)")
    parser.add_argument("--hope-pleas", choices=("off", "on"), default="off",
                        help="read the candidates with the analyzer option violence.call_hope_pleas (stop 27; "
                             "default: off, the analyzer's default)")


def shorter_overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared >= 0.5 * min(a[1] - a[0], b[1] - b[0])


def _rows(model: ViolenceModel, article: Article, group: str, article_id: str,
          gold: list[tuple[int, int]] | None, verdicts: list[tuple[tuple[int, int], bool]]) -> dict[str, list[Row]]:
    by_setting = call_candidates_by_setting(model, article, tuple(SETTINGS.values()))
    return {name: _labelled(by_setting[flags], group, article_id, gold, verdicts) for name, flags in SETTINGS.items()}


def _labelled(candidates: list[CallCandidate], group: str, article_id: str, gold: list[tuple[int, int]] | None,
              verdicts: list[tuple[tuple[int, int], bool]]) -> list[Row]:
    out = []
    for cand in candidates:
        span = (cand.start, cand.end)
        if gold is not None:
            right: bool | None = any(shorter_overlap(span, g) for g in gold)
        else:
            right = next((v for s, v in verdicts if shorter_overlap(span, s)), None)
        if right is not None:
            out.append(Row(group, article_id, span, cand.features, cand.stance_score, cand.cap, cand.demand_only, right,
                           list(gold or [])))
    return out


def collect(args: argparse.Namespace) -> tuple[dict[str, list[Row]], dict[str, int]]:
    """Every labelled candidate of each setting (:data:`SETTINGS`), and the number of gold calls per open split."""
    from presslens.ingest import ReadOptions, read_file

    # the stance model alone: the call scorer being trained is not read (it may be stale or missing)
    model = ViolenceModel.load(MODEL_DIR, with_calls=False)
    rows: dict[str, list[Row]] = {name: [] for name in SETTINGS}
    gold_total: dict[str, int] = {}
    for split in OPEN_SPLITS:
        gold_total[split] = 0
        for record, article in annotated_articles(args.realnews / f"{split}.jsonl", args.ptc):
            gold = [(int(c["span"][0]), int(c["span"][1])) for c in record.get("calls_to_action", [])]
            gold_total[split] += len(gold)
            for name, part in _rows(model, article, split, record["id"], gold, []).items():
                rows[name] += part
    by_article: dict[tuple[str, str], list[tuple[tuple[int, int], bool]]] = defaultdict(list)
    in_splits = split_articles(args.realnews / "split.json")
    for line in args.verdicts.read_text(encoding="utf-8").splitlines():
        v = json.loads(line)
        if v["source"] == "ptc" and v["article"] in in_splits:
            continue
        by_article[(v["source"], v["article"])].append(((v["start"], v["end"]), v["verdict"] == "right"))
    for (source, aid), verdicts in sorted(by_article.items()):
        path = (args.ptc / "train-articles" / f"article{aid}.txt" if source == "ptc"
                else args.polnear / f"{aid}.txt")
        for name, part in _rows(model, read_file(path, ReadOptions()), "audit", aid, None, verdicts).items():
            rows[name] += part
    return rows, gold_total


def split_articles(split_file: Path) -> set[str]:
    """The PTC article ids that some real-news split holds (open, validation or test): their audit verdicts are not
    fitted on."""
    return set(json.loads(split_file.read_text(encoding="utf-8")))


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2) -> tuple[np.ndarray, float]:
    """L2-penalised logistic regression by Newton's method (the bias unpenalised)."""
    return fit_l2_logistic(x, y, l2, intercept="last", jitter=1e-9, jitter_place="after_penalty")


def _score(rows: list[Row], weights: np.ndarray, bias: float) -> np.ndarray:
    """The analyzer's score of each row: the scorer's probability, capped where a candidate veto applies."""
    if not rows:
        return np.zeros(0)
    x = np.stack([r.features for r in rows])[:, : len(weights)]
    return np.minimum(probabilities(x, weights, bias), np.asarray([r.cap for r in rows]))


Scored = tuple[PrecisionRecallCounts, float | None]
"""The counts at :data:`ASSERTED` of some rows and their expected calibration error (rounded; ``None`` for no
row)."""


def _counts(rows: list[Row], scores: np.ndarray, gold_total: int) -> Scored:
    asserted = [(r, s) for r, s in zip(rows, scores, strict=True) if s >= ASSERTED]
    found = {(r.article, g) for r, _ in asserted for g in r.gold if shorter_overlap(r.span, g)}
    ece = calibration([(float(s), r.right) for r, s in zip(rows, scores, strict=True)]).ece if rows else None
    counts = PrecisionRecallCounts(predicted=len(asserted), correct=sum(r.right for r, _ in asserted),
                                   gold=gold_total, found=len(found))
    return counts, None if ece is None else round(ece, 3)


def _as_json(scored: Scored) -> dict[str, Any]:
    """One cell of the tables in ``calls.json``."""
    c, ece = scored
    return {"right": c.correct, "asserted": c.predicted, "found": c.found, "gold": c.gold, "ece": ece}


def leave_one_split_out(fit_rows: list[Row], rows: list[Row], gold_total: dict[str, int],
                        n_features: int = len(CALL_FEATURE_NAMES)) -> dict[str, Scored]:
    """Per open split: the counts when it is held out: fitted on ``fit_rows`` (the candidates of every setting) of the
    audits and the other splits, on the first ``n_features`` features, scored on the held-out split's ``rows`` (the
    candidates of one setting)."""
    table: dict[str, Scored] = {}
    pairs: list[tuple[float, bool]] = []
    for split in OPEN_SPLITS:
        train = [r for r in fit_rows if r.group != split]
        test = [r for r in rows if r.group == split]
        weights, bias = fit(np.stack([r.features[:n_features] for r in train]),
                            np.asarray([r.right for r in train], float))
        table[split] = _counts(test, _score(test, weights, bias), gold_total[split])
        pairs += [(float(v), r.right) for r, v in zip(test, _score(test, weights, bias), strict=True)]
    table["pooled"] = (_sum(table), round(calibration(pairs).ece, 3) if pairs else None)
    return table


def _sum(table: dict[str, Scored]) -> PrecisionRecallCounts:
    """The counts of the open splits of ``table`` summed (a pooled row left out)."""
    return sum((c for s, (c, _) in table.items() if s in OPEN_SPLITS), PrecisionRecallCounts())


def _fmt(scored: Scored) -> str:
    c, ece = scored
    p = "-" if c.precision is None else f"{c.precision:.3f}"
    r = "-" if c.recall is None else f"{c.recall:.3f}"
    return f"P {c.correct}/{c.predicted} ({p}) R {c.found}/{c.gold} ({r}) ECE {ece}"


def main(args: argparse.Namespace) -> int:
    with progressive_pleas(getattr(args, "progressive_pleas", "off") == "on"), hope_pleas(
            getattr(args, "hope_pleas", "off") == "on"):
        rows, gold_total = collect(args)
    fit_rows = rows["with_both"]
    before = rows["default"]
    tables: dict[str, dict[str, Scored]] = {
        "before_1.6_stance": {s: _counts(part, np.asarray([r.before for r in part]), gold_total[s])
                              for s in OPEN_SPLITS
                              if (part := [r for r in before if r.group == s]) is not None},
        "default_1.7_features": leave_one_split_out(fit_rows, rows["default"], gold_total, FEATURES_17),
    }
    for setting in SETTINGS:
        tables[setting] = leave_one_split_out(fit_rows, rows[setting], gold_total)
    tables["before_1.6_stance"]["pooled"] = (_sum(tables["before_1.6_stance"]), round(calibration(
        [(r.before, r.right) for r in before]).ece, 3) if before else None)
    for name, table in tables.items():
        for split, t in table.items():
            print(f"{name}: {split} held out: {_fmt(t)}")
    x = np.stack([r.features for r in fit_rows])
    y = np.asarray([r.right for r in fit_rows], float)
    weights, bias = fit(x, y)
    in_sample = {setting: {s: _counts(part, _score(part, weights, bias), gold_total[s]) for s in OPEN_SPLITS
                           if (part := [r for r in rows[setting] if r.group == s]) is not None}
                 for setting in SETTINGS}
    for setting, counts in in_sample.items():
        for split, c in counts.items():
            print(f"{setting}: {split} in sample: {_fmt(c)}")
        print(f"{setting}: sum in sample: {_fmt((_sum(counts), None))}")
    out = {
        "features": list(CALL_FEATURE_NAMES),
        "weights": [round(float(w), 6) for w in weights],
        "bias": round(bias, 6),
        "l2": L2,
        "rows": {g: sum(r.group == g for r in fit_rows) for g in (*OPEN_SPLITS, "audit")},
        "positives": int(y.sum()),
        "leave_one_split_out": {name: {s: _as_json(t) for s, t in table.items()}
                                for name, table in tables.items()},
        "in_sample": {setting: {s: _as_json(c) for s, c in counts.items()}
                      for setting, counts in in_sample.items()},
    }
    args.output.mkdir(parents=True, exist_ok=True)
    tmp = args.output / "calls.json.tmp"
    tmp.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    tmp.replace(args.output / "calls.json")
    spec = ModelSpec.read(args.output)
    files = sorted({*spec.files, "calls.json"})
    ModelSpec.of_folder(args.output, spec.name, spec.version, files, spec.encoder_fingerprint).write(args.output)
    print(f"wrote {args.output / 'calls.json'} ({len(fit_rows)} rows, {int(y.sum())} right)")
    return 0
