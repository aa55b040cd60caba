"""Train the ``violence`` sentence classifier: ``presslens train violence --data data/violence``.

Features: the shared encoder's sentence embedding plus the lexical cue vector of
:mod:`presslens.analyzers.violence`, scaled by ``cue_scale``. Model: multinomial logistic regression
(scikit-learn, lbfgs), exported as plain arrays (``weights.npz``) and a JSON config (``model.json``).

Only ``train.jsonl`` is read. ``cue_scale``, the regularisation ``C`` and the two violence
thresholds (with and without a violent-act cue) are chosen by stratified k-fold cross-validation on the train split (macro-F1 over
the four stances, neutral ``other`` sentences counting as ``report``; settings within 0.005 of the best count as tied and the safest one — highest
thresholds — wins); ``test.jsonl`` is never touched here.

Real-news hard negatives (``--hard-negatives``, v1.3): sentences of PTC **train** articles (real 2017-2019
news and opinion) that contain a violent-act cue, labelled ``report``. The list is stand-off (article id and
character offsets, no text) in ``data/violence/ptc_hard_negatives.jsonl`` and is read together with the
texts under ``--ptc``. Selection rule (:func:`select_hard_negatives`, run with
``python -m presslens.training.violence --select-hard-negatives --ptc <ptc>``): every PTC train article
except the ``dev`` and ``test`` articles of ``data/realnews/split.json`` (the real-news evaluation set as it
was when the list was drawn; the later ``dev2`` batch overlaps it, see ``data/realnews/README.md``),
segmented by presslens; keep
the sentences with 6 to 80 words in which :func:`~presslens.analyzers.violence.cues.sentence_cues` finds a
violent-act cue; order them by ``sha256("presslens-violence-negatives:" + id + ":" + start)`` and take the
first :data:`HARD_NEGATIVE_LIMIT`. In news such sentences are overwhelmingly reports, quotes, condemnations
and idioms; a read sample of 25 had no call or endorsement in the writer's voice. The file was drawn with the
segmenter of commit 961a33a and is the record: later segmentation fixes move 2 of the 500 sentences, so a
fresh selection differs from it in those 2 rows.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from presslens.analyzers.violence.analyzer import ViolenceAnalyzer
from presslens.analyzers.violence.cues import CUE_NAMES, cue_matrix, sentence_cues
from presslens.analyzers.violence.model import CLASSES, MODEL_DIR, STANCES, decide, stance_labels
from presslens.encoder import ONNX_NAME, model_fingerprint
from presslens.registry import ModelSpec, file_sha256
from presslens.training.encoded_cache import default_cache_dir

DEFAULT_CACHE = default_cache_dir() / "violence"
CUE_SCALES = (0.0, 0.5, 1.0, 2.0)
C_VALUES = (0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0)
THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65)
NO_CUE_THRESHOLDS = (0.95, 0.98, 1.01)
"""Sentences without a violent-act cue (and no pronoun pointing back to one) are flagged only when
P(call) + P(endorsement) is very high, or never (1.01). The floor is fixed, not tuned: praise of duty,
service or patriotism and political rhetoric ("fight for", "battle over the budget") are common in news
and rare in a small training set, so cross-validation alone would under-rate the risk."""
TOLERANCE = 0.005
"""Settings within this CV macro-F1 of the best count as tied; ties go to the safest (highest no-cue
threshold, then highest threshold) setting."""


HARD_NEGATIVE_LIMIT = 500
HARD_NEGATIVES = Path("data/violence/ptc_hard_negatives.jsonl")
REALNEWS_SPLIT = Path("data/realnews/split.json")
#: the real-news splits left out of the hard negatives (``dev2`` came later and overlaps them)
EXCLUDED_REALNEWS_SPLITS = ("dev", "test")
_WORD = re.compile(r"[\w'’-]+")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", required=True, help="folder with train.jsonl (labelled sentences)")
    parser.add_argument("--hard-negatives", default=None,
                        help="stand-off list of PTC train sentences labelled 'report' (e.g. "
                        f"{HARD_NEGATIVES}); needs --ptc")
    parser.add_argument("--ptc", default=None, help="PTC SemEval-2020 task 11 folder (with train-articles/)")
    parser.add_argument("--hard-negative-weight", type=float, default=1.0,
                        help="sample weight of each hard negative in training and cross-validation")
    parser.add_argument("--output", default=str(MODEL_DIR), help="where to write weights.npz and model.json")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds on train for tuning")
    parser.add_argument("--cache-dir", default=str(DEFAULT_CACHE), help="encoder output cache (outside repo)")


def load_split(data_dir: str | Path, split: str) -> list[dict[str, Any]]:
    """Rows of ``<data_dir>/<split>.jsonl``; every label must be one of :data:`CLASSES`."""
    path = Path(data_dir) / f"{split}.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for r in rows:
        if r["label"] not in CLASSES:
            raise ValueError(f"{path}: unknown label {r['label']!r} in {r['id']}")
    return rows


def _ptc_article(ptc_dir: Path, article_id: str) -> str:
    from presslens.ingest.normalize import article_from_text

    path = ptc_dir / "train-articles" / f"article{article_id}.txt"
    return article_from_text(path.read_text(encoding="utf-8"), id=article_id, detect_language=False).text


def select_hard_negatives(
    ptc_dir: str | Path, exclude: set[str], limit: int = HARD_NEGATIVE_LIMIT
) -> list[dict[str, Any]]:
    """The stand-off hard negatives (see the module docstring for the rule): ``article``, ``start``,
    ``end``, ``label`` ("report") and ``sha256`` of the sentence text, in selection order."""
    from presslens.ingest.normalize import article_from_text

    folder = Path(ptc_dir) / "train-articles"
    found: list[tuple[str, dict[str, Any]]] = []
    for path in sorted(folder.glob("article*.txt")):
        article_id = path.stem.removeprefix("article")
        if article_id in exclude:
            continue
        article = article_from_text(path.read_text(encoding="utf-8"), id=article_id, detect_language=False)
        for start, end in article.sentences:
            text = article.text[start:end]
            if not 6 <= len(_WORD.findall(text)) <= 80 or not sentence_cues(text).has_violent_act:
                continue
            key = hashlib.sha256(f"presslens-violence-negatives:{article_id}:{start}".encode()).hexdigest()
            found.append((key, {"article": article_id, "start": start, "end": end, "label": "report",
                                "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}))
    found.sort(key=lambda kv: kv[0])
    return [row for _, row in found[:limit]]


def load_hard_negatives(path: str | Path, ptc_dir: str | Path) -> list[dict[str, Any]]:
    """Rows like ``train.jsonl`` (``id``, ``text``, ``label``) from the stand-off list and the PTC texts.

    Raises ValueError naming the row when a sentence's text no longer matches its recorded sha256.
    """
    texts: dict[str, str] = {}
    rows: list[dict[str, Any]] = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        ref = json.loads(line)
        article_id = ref["article"]
        if article_id not in texts:
            texts[article_id] = _ptc_article(Path(ptc_dir), article_id)
        text = texts[article_id][ref["start"]:ref["end"]]
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != ref["sha256"]:
            raise ValueError(f"{path}: article {article_id} [{ref['start']}, {ref['end']}): text differs")
        if ref["label"] not in CLASSES:
            raise ValueError(f"{path}: unknown label {ref['label']!r} in article {article_id}")
        rows.append({"id": f"ptc-{article_id}-{ref['start']}", "text": text, "label": ref["label"],
                     "domain": "ptc-news"})
    return rows


def embed(texts: list[str], cache_dir: str | Path) -> np.ndarray:
    """Sentence embeddings from the shared encoder (one thread), cached on disk."""
    from presslens.training.encoded_cache import encode_cached

    return np.asarray(encode_cached(texts, Path(cache_dir), with_states=False).embeddings, dtype=np.float32)


def has_violent_act(texts: list[str]) -> np.ndarray:
    return np.asarray([sentence_cues(t).has_violent_act for t in texts], dtype=bool)


def macro_f1(gold: np.ndarray, pred: np.ndarray, n_classes: int = len(STANCES)) -> float:
    """Macro-F1 over stance indices (see :func:`stance_labels`)."""
    scores = []
    for k in range(n_classes):
        tp = float(np.sum((pred == k) & (gold == k)))
        fp = float(np.sum((pred == k) & (gold != k)))
        fn = float(np.sum((pred != k) & (gold == k)))
        scores.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return float(np.mean(scores))


def fit_logreg(
    x: np.ndarray, y: np.ndarray, c: float, seed: int, weight: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression (optional per-row ``weight``); returns (weights (k, d), bias (k,))
    in class-index order."""
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=c, max_iter=5000, random_state=seed)
    clf.fit(x, y, sample_weight=weight)
    if list(clf.classes_) != list(range(len(CLASSES))):
        raise ValueError("every class must occur in the training data")
    return clf.coef_.astype(np.float32), clf.intercept_.astype(np.float32)


def features(emb: np.ndarray, cues: np.ndarray, cue_scale: float) -> np.ndarray:
    return np.hstack([emb, cue_scale * cues]).astype(np.float32)


@dataclass
class Choice:
    cue_scale: float
    c: float
    threshold: float
    threshold_no_cue: float
    cv_macro_f1: float


def cross_validate(
    emb: np.ndarray,
    cues: np.ndarray,
    gate: np.ndarray,
    y: np.ndarray,
    folds: int,
    seed: int,
    weight: np.ndarray | None = None,
) -> tuple[Choice, list[dict[str, Any]]]:
    """Grid search over (cue_scale, C) with out-of-fold probabilities, then over both thresholds."""
    from sklearn.model_selection import StratifiedKFold

    splits = list(StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed).split(emb, y))
    grid: list[dict[str, Any]] = []
    candidates: list[Choice] = []
    for cue_scale, c in itertools.product(CUE_SCALES, C_VALUES):
        x = features(emb, cues, cue_scale)
        proba = np.zeros((len(y), len(CLASSES)), np.float32)
        for tr, va in splits:
            w, b = fit_logreg(x[tr], y[tr], c, seed, None if weight is None else weight[tr])
            logits = x[va] @ w.T + b
            proba[va] = np.exp(logits - logits.max(1, keepdims=True))
            proba[va] /= proba[va].sum(1, keepdims=True)
        for threshold in THRESHOLDS:
            for no_cue in NO_CUE_THRESHOLDS:
                pred, _ = decide(proba, gate, threshold, no_cue)
                score = macro_f1(stance_labels(y), stance_labels(pred))
                grid.append({"cue_scale": cue_scale, "C": c, "threshold": threshold,
                             "threshold_no_cue": no_cue, "cv_macro_f1": round(score, 4)})
                candidates.append(Choice(cue_scale, c, threshold, no_cue, score))
    top = max(ch.cv_macro_f1 for ch in candidates)
    tied = [ch for ch in candidates if ch.cv_macro_f1 >= top - TOLERANCE]
    best = max(tied, key=lambda ch: (ch.threshold_no_cue, ch.threshold, ch.cv_macro_f1, -ch.c))
    return best, grid


def main(args: argparse.Namespace) -> int:
    rows = load_split(args.data, "train")
    negatives: list[dict[str, Any]] = []
    if args.hard_negatives:
        if not args.ptc:
            raise SystemExit("--hard-negatives needs --ptc (the PTC folder with train-articles/)")
        negatives = load_hard_negatives(args.hard_negatives, args.ptc)
        rows = rows + negatives
    texts = [r["text"] for r in rows]
    y = np.asarray([CLASSES.index(r["label"]) for r in rows], dtype=np.int64)
    emb = embed(texts, args.cache_dir)
    cues = cue_matrix(texts)
    gate = has_violent_act(texts)
    weight = np.asarray([args.hard_negative_weight if r["id"].startswith("ptc-") else 1.0 for r in rows],
                        dtype=np.float64)
    best, grid = cross_validate(emb, cues, gate, y, args.folds, args.seed, weight)
    print(f"cross-validation ({args.folds} folds on train, {len(rows)} sentences): best macro-F1 "
          f"{best.cv_macro_f1:.4f} with cue_scale={best.cue_scale} C={best.c} "
          f"threshold={best.threshold} threshold_no_cue={best.threshold_no_cue} (best CV {max(g['cv_macro_f1'] for g in grid):.4f})")
    w, b = fit_logreg(features(emb, cues, best.cue_scale), y, best.c, args.seed, weight)
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    np.savez(out / "weights.npz", weights=w, bias=b)
    config = {
        "classes": list(CLASSES),
        "cue_names": list(CUE_NAMES),
        "cue_scale": best.cue_scale,
        "C": best.c,
        "threshold": best.threshold,
        "threshold_no_cue": best.threshold_no_cue,
        "tie_tolerance": TOLERANCE,
        "cv_macro_f1": round(best.cv_macro_f1, 4),
        "cv_folds": args.folds,
        "seed": args.seed,
        "train_sentences": len(rows),
        "train_sha256": file_sha256(Path(args.data) / "train.jsonl"),
        "hard_negatives": len(negatives),
        "hard_negative_weight": args.hard_negative_weight,
        "hard_negatives_sha256": file_sha256(Path(args.hard_negatives)) if args.hard_negatives else None,
        "encoder": f"{ONNX_NAME} (presslens shared encoder), mean-pooled, L2-normalised",
        "encoder_fingerprint": model_fingerprint(),
    }
    (out / "model.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    # the call-to-action scorer (``presslens train violence-calls``) lives in the same folder and stays in the spec
    files = ["weights.npz", "model.json", *(["calls.json"] if (out / "calls.json").is_file() else [])]
    ModelSpec.of_folder(out, "violence", ViolenceAnalyzer.version, files, model_fingerprint()).write(out)
    top = sorted(grid, key=lambda g: -g["cv_macro_f1"])[:8]
    print("top settings:")
    for g in top:
        print("  ", g)
    print(f"wrote {out / 'weights.npz'} (sha256 {file_sha256(out / 'weights.npz')})")
    print(f"wrote {out / 'model.json'}")
    return 0


def _select_main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="write the stand-off list of PTC hard negatives")
    parser.add_argument("--select-hard-negatives", action="store_true", required=True)
    parser.add_argument("--ptc", required=True, help="PTC SemEval-2020 task 11 folder (with train-articles/)")
    parser.add_argument("--split", default=str(REALNEWS_SPLIT), help="real-news split.json (excluded ids)")
    parser.add_argument("--output", default=str(HARD_NEGATIVES))
    parser.add_argument("--limit", type=int, default=HARD_NEGATIVE_LIMIT)
    args = parser.parse_args(argv)
    split = json.loads(Path(args.split).read_text(encoding="utf-8"))
    exclude = {aid for aid, info in split.items() if info["split"] in EXCLUDED_REALNEWS_SPLITS}
    rows = select_hard_negatives(args.ptc, exclude, args.limit)
    out = Path(args.output)
    tmp = out.with_suffix(".tmp")
    tmp.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    tmp.replace(out)
    print(f"wrote {out}: {len(rows)} sentences from {len({r['article'] for r in rows})} PTC train articles "
          f"({len(exclude)} real-news articles excluded)")
    return 0


if __name__ == "__main__":
    raise SystemExit(_select_main())
