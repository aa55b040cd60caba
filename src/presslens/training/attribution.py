"""Train the attribution tagger (BIO Source/Cue/Content) on PolNeAR train; select the epoch on dev.

    presslens train attribution --data /work/shared/data/polnear [--output DIR] [--seed 13]
        [--realnews ../shared/data/ptc-semeval2020-task11 --realnews-split dev,dev2 --realnews-repeat 4]

``--realnews`` adds the gold spans of the real-news dev splits (``data/realnews/<split>.jsonl``, stand-off; the
PTC texts are read from the given folder at train time) to the training articles, each repeated
``--realnews-repeat`` times per epoch. The epoch is still chosen on PolNeAR dev, so a split left out of
``--realnews-split`` stays a held-out check.

``--calibrate`` fits the score calibration instead (:mod:`presslens.analyzers.attribution.calibration`) on the
real-news dev splits, with a leave-articles-out check, and prints the constants:

    presslens train attribution --calibrate --data ../shared/data/ptc-semeval2020-task11 [--split dev,dev2]
        [--check-split dev2] [--leave-one-split-out]

(``--split`` defaults to the open splits, :data:`~presslens.evaluation.realnews_selection.OPEN_SPLITS`.)

``--scorer`` fits the learned finding scorer instead (:mod:`presslens.training.attribution_scorer`: every open
real-news split, leave one split out; writes ``scorer.json`` into ``--output``, or nothing with ``--dry-run``):

    presslens train attribution --scorer --data ../shared/data/ptc-semeval2020-task11 [--dry-run]

``--check-split`` adds the split-to-split check: the fit on each other split alone, scored on that one (ECE).
``--leave-one-split-out`` fits on all splits of ``--split`` but one and scores that one, for each (ECE, precision
and recall of the asserted attributions): the held-out check for choosing the calibration. The test split and the
validation batches are refused.

The head reads the shared encoder's frozen token states of a whole article (sentences concatenated)
plus the lexical features of :func:`presslens.analyzers.attribution.features.lexical_features`:
``Linear(398->64) -> ReLU -> BiGRU(2x48) -> Linear(96->9)`` (the defaults of ``--hidden-in``/``--hidden-rnn``), trained with cross-entropy per role
(roles are tagged independently because PolNeAR attributions nest). The epoch with the best dev
Source-span overlap F1 (analyzer output, rules merged) is exported to ONNX.
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from presslens.analyzers.attribution.analyzer import AttributionAnalyzer
from presslens.analyzers.attribution.features import ArticleTokens, article_tokens
from presslens.analyzers.attribution.lexicon import ROLES
from presslens.analyzers.attribution.tagger import MODEL_DIR, TAG_CHUNK, TAGGER_NAME, tag_logits, token_chunks
from presslens.analyzers.numeric import sigmoid
from presslens.encoder import model_fingerprint
from presslens.evaluation.counts import PrecisionRecallCounts
from presslens.evaluation.realnews_calibration import calibration
from presslens.evaluation.realnews_selection import OPEN_SPLITS, VALIDATION_SPLITS
from presslens.registry import ModelSpec, file_sha256
from presslens.training.encoded_cache import DEFAULT_CACHE, encode_cached
from presslens.training.logistic import newton_logistic
from presslens.training.polnear import PolnearArticle, Span, find_root, load_split, split_sentences

ROLE_KEYS = {"source": "Source", "cue": "Cue", "content": "Content"}
N_IN = 384 + 14
# 64 / 48 since analyzer 1.3: 2.9 times faster than 128 / 96, for 0.010 less source overlap F1 on PolNeAR dev
HIDDEN_IN = 64
HIDDEN_RNN = 48


@dataclass
class EncodedArticle:
    article: PolnearArticle
    sentences: list[Span]
    tokens: ArticleTokens
    labels: np.ndarray
    """(tokens, 3) int64 BIO tag per role."""


def bio_labels(tokens: ArticleTokens, spans: dict[str, list[Span]]) -> np.ndarray:
    n = len(tokens.offsets)
    lab = np.zeros((n, 3), dtype=np.int64)
    starts, ends = tokens.offsets[:, 0], tokens.offsets[:, 1]
    for r, role in enumerate(ROLES):
        for s, e in spans.get(ROLE_KEYS[role], []):
            inside = np.nonzero((starts < e) & (ends > s))[0]
            if len(inside) == 0:
                continue
            lab[inside, r] = np.where(lab[inside, r] == 1, 1, 2)
            lab[inside[0], r] = 1
    return lab


def encode_split(root: Path, split: str, cache: Path) -> list[EncodedArticle]:
    arts = load_split(root, split)
    texts, ranges = split_sentences(arts)
    enc = encode_cached(texts, cache)
    out: list[EncodedArticle] = []
    k = 0
    for art, rs in zip(arts, ranges, strict=True):
        states, offsets = [], []
        for _ in rs:
            st, off = enc.tokens_of(k)
            states.append(np.asarray(st))
            offsets.append(off)
            k += 1
        toks = article_tokens(art.text, rs, states, offsets)  # states stay float16, as cached
        out.append(EncodedArticle(art, rs, toks, bio_labels(toks, art.spans)))
    return out


REALNEWS_REPEAT = 4
"""Times each real-news article is seen per epoch (33 of them next to 840 PolNeAR articles)."""


#: real-news splits nothing is fitted or checked on: the held-out test split and the blind validation batches
HELD_OUT_SPLITS = ("test", *VALIDATION_SPLITS)


def dev_split_names(splits: str) -> list[str]:
    """The comma-separated real-news split names; the test split and the validation batches are refused (they
    are scored by the lead, never fitted or checked on)."""
    names = [s.strip() for s in splits.split(",") if s.strip()]
    for name in HELD_OUT_SPLITS:
        if name in names:
            raise ValueError(f"the {name} split is scored, never fitted on")
    return names


def realnews_articles(data_dir: Path, splits: str,
                      annotations: Path | None = None) -> list[tuple[PolnearArticle, list[Span]]]:
    """The real-news dev articles as training articles: the text and sentences presslens reads at run time,
    and the gold Source / Cue / Content spans of every annotated attribution (speech and belief, as PolNeAR
    marks both; a colon quote has no cue). ``annotations``: the stand-off folder (default: the repository's
    ``data/realnews``). Never the test split."""
    from presslens.evaluation.realnews import DEFAULT_ANNOTATIONS, annotated_articles

    names = dev_split_names(splits)
    out: list[tuple[PolnearArticle, list[Span]]] = []
    for split in names:
        path = (annotations or DEFAULT_ANNOTATIONS) / f"{split}.jsonl"
        for record, article in annotated_articles(path, data_dir):
            spans: dict[str, list[Span]] = {role: [] for role in ROLE_KEYS.values()}
            for attribution in record["attributions"]:
                for role, key in ROLE_KEYS.items():
                    value = attribution.get(role)
                    if value is not None:
                        spans[key].append((int(value[0]), int(value[1])))
            name = f"realnews-{record['id']}"
            out.append((PolnearArticle(name, str(record.get("annotator", "")), article.text, spans),
                        list(article.sentences)))
    return out


def encode_articles(arts: list[tuple[PolnearArticle, list[Span]]], cache: Path,
                    annotated_sentences_only: bool = False) -> list[EncodedArticle]:
    """Encoder states (cached) and BIO labels of articles with their sentence ranges. With
    ``annotated_sentences_only``, the tokens of a sentence that holds no gold span get no label (-1, left out
    of the loss): a partial annotation teaches where spans start and end, not that the rest is no attribution."""
    texts = [a.text[s:e] for a, rs in arts for s, e in rs]
    enc = encode_cached(texts, cache)
    out: list[EncodedArticle] = []
    k = 0
    for art, rs in arts:
        states, offsets = [], []
        for _ in rs:
            st, off = enc.tokens_of(k)
            states.append(np.asarray(st))
            offsets.append(off)
            k += 1
        toks = article_tokens(art.text, rs, states, offsets)
        labels = bio_labels(toks, art.spans)
        if annotated_sentences_only:
            labels[~np.isin(toks.sentence_of, _annotated_sentences(rs, art.spans))] = -1
        out.append(EncodedArticle(art, rs, toks, labels))
    return out


def _annotated_sentences(ranges: list[Span], spans: dict[str, list[Span]]) -> list[int]:
    """Indices of the sentences that overlap a gold span of any role."""
    all_spans = [sp for role_spans in spans.values() for sp in role_spans]
    return [k for k, (s, e) in enumerate(ranges) if any(a < e and s < b for a, b in all_spans)]


def build_model(torch_mod, hidden_in: int = HIDDEN_IN, hidden_rnn: int = HIDDEN_RNN):  # type: ignore[no-untyped-def]
    nn = torch_mod.nn

    class TaggerHead(nn.Module):  # type: ignore[misc,name-defined]
        def __init__(self) -> None:
            super().__init__()
            self.proj = nn.Linear(N_IN, hidden_in)
            self.drop = nn.Dropout(0.2)
            self.rnn = nn.GRU(hidden_in, hidden_rnn, batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * hidden_rnn, 9)

        def forward(self, inputs):  # type: ignore[no-untyped-def]
            h = self.drop(torch_mod.relu(self.proj(inputs)))
            h, _ = self.rnn(h)
            return self.out(self.drop(h))

    return TaggerHead()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", required=True, help="PolNeAR folder (or its parent)")
    parser.add_argument("--output", default=str(MODEL_DIR), help="model folder")
    parser.add_argument("--cache", default=str(DEFAULT_CACHE / "attribution"), help="encoder cache folder")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--max-train-articles", type=int, default=0, help="0 = all")
    parser.add_argument("--hidden-in", type=int, default=HIDDEN_IN, help="width of the input projection")
    parser.add_argument("--hidden-rnn", type=int, default=HIDDEN_RNN, help="GRU units per direction")
    parser.add_argument("--calibrate", action="store_true",
                        help="fit the score calibration on real news instead (--data: the ptc-semeval2020-task11 "
                        "folder); prints the constants and a leave-articles-out reliability table")
    parser.add_argument("--split", default=",".join(OPEN_SPLITS),
                        help="real-news splits the calibration is fitted on, comma-separated (default: the open "
                        f"splits, {','.join(OPEN_SPLITS)}; never the validation or test splits)")
    parser.add_argument("--check-split", default="",
                        help="with --calibrate: also fit on each split of --split alone and print the expected "
                        "calibration error on this split (e.g. --split dev,dev2 --check-split dev2 shows the "
                        "fit of dev scored on dev2); never test")
    parser.add_argument("--leave-one-split-out", action="store_true",
                        help="with --calibrate: for each split of --split, fit on the others and print its "
                        "expected calibration error, precision and recall (asserted = score >= 0.5)")
    parser.add_argument("--scorer", action="store_true",
                        help="fit the learned finding scorer instead (--data: the ptc-semeval2020-task11 folder) on "
                        "the open real-news splits, leave one split out; writes models/attribution/scorer.json")
    parser.add_argument("--dry-run", action="store_true",
                        help="with --scorer: print the held-out table and the fit, write nothing")
    parser.add_argument("--realnews", default="",
                        help="ptc-semeval2020-task11 folder: add the real-news gold spans of --realnews-split to "
                        "the tagger's training articles")
    parser.add_argument("--realnews-split", default="dev,dev2",
                        help="real-news splits trained on with --realnews, comma-separated (never test)")
    parser.add_argument("--realnews-annotated-sentences", action="store_true",
                        help="learn from the real-news sentences that hold a gold span only")
    parser.add_argument("--realnews-repeat", type=int, default=REALNEWS_REPEAT,
                        help="times each real-news article is seen per epoch")


def main(args: argparse.Namespace) -> int:
    if args.scorer:
        from presslens.training.attribution_scorer import train_scorer

        return train_scorer(Path(args.data), Path(args.output) / "scorer.json", args.dry_run)
    if args.calibrate:
        return calibrate(Path(args.data), args.split, args.check_split, args.leave_one_split_out)
    import torch

    torch.set_num_threads(1)
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    root = find_root(args.data)
    cache = Path(args.cache)
    t0 = time.time()
    train = encode_split(root, "train", cache)
    if args.max_train_articles:
        train = train[: args.max_train_articles]
    dev = encode_split(root, "dev", cache)
    realnews: list[EncodedArticle] = []
    if args.realnews:
        realnews = encode_articles(realnews_articles(Path(args.realnews), args.realnews_split), cache,
                                   annotated_sentences_only=args.realnews_annotated_sentences)
    print(f"encoded train={len(train)} dev={len(dev)} realnews={len(realnews)} articles in "
          f"{time.time() - t0:.0f}s", flush=True)

    pieces = [(a, s, e) for a in train + realnews * args.realnews_repeat
              for s, e in token_chunks(len(a.labels), a.tokens.sentence_of, TAG_CHUNK)]
    model = build_model(torch, args.hidden_in, args.hidden_rnn)
    opt = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)
    # Content/Source tags are frequent; weight B a little so boundaries are learned.
    weight = torch.tensor([1.0, 2.0, 1.0])
    loss_fn = torch.nn.CrossEntropyLoss(weight=weight, ignore_index=-1)
    best_f1, best_state, best_epoch = -1.0, None, -1
    out_dir = Path(args.output)
    out_dir.mkdir(parents=True, exist_ok=True)
    history = []
    for epoch in range(args.epochs):
        model.train()
        order = rng.permutation(len(pieces))
        total = 0.0
        for b in range(0, len(order), 16):
            batch = [pieces[i] for i in order[b : b + 16]]
            width = max(e - s for _, s, e in batch)
            x = np.zeros((len(batch), width, N_IN), dtype=np.float32)
            y = np.full((len(batch), width, 3), -1, dtype=np.int64)
            for r, (a, s, e) in enumerate(batch):
                a.tokens.write_inputs(s, e, x[r, : e - s])
                y[r, : e - s] = a.labels[s:e]
            logits = model(torch.from_numpy(x)).reshape(len(batch), width, 3, 3)
            loss = loss_fn(logits.reshape(-1, 3), torch.from_numpy(y).reshape(-1))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            total += float(loss)
        model.eval()
        scores = dev_scores(model, dev, torch)
        history.append({"epoch": epoch, "loss": total, **scores})
        print(f"epoch {epoch} loss {total:.1f} dev {scores} ({time.time() - t0:.0f}s)", flush=True)
        if scores["source_overlap_f1"] > best_f1:
            best_f1, best_epoch = scores["source_overlap_f1"], epoch
            best_state = {k: v.clone() for k, v in model.state_dict().items()}
    assert best_state is not None
    model.load_state_dict(best_state)
    model.eval()
    export_onnx(model, out_dir / TAGGER_NAME, torch)
    meta = {
        "seed": args.seed,
        "encoder_fingerprint": model_fingerprint(),
        "epochs": args.epochs,
        "hidden_in": args.hidden_in,
        "hidden_rnn": args.hidden_rnn,
        "realnews_splits": args.realnews_split if args.realnews else "",
        "realnews_articles": len(realnews),
        "realnews_repeat": args.realnews_repeat if args.realnews else 0,
        "realnews_annotated_sentences_only": bool(args.realnews and args.realnews_annotated_sentences),
        "best_epoch": best_epoch,
        "dev_source_overlap_f1_tagger_only": best_f1,
        "history": history,
        "sha256": {TAGGER_NAME: file_sha256(out_dir / TAGGER_NAME)},
    }
    (out_dir / "training.json").write_text(json.dumps(meta, indent=2) + "\n")
    version = AttributionAnalyzer.version
    spec = ModelSpec.of_folder(out_dir, "attribution", version, [TAGGER_NAME], model_fingerprint())
    spec.write(out_dir)
    print(json.dumps({k: v for k, v in meta.items() if k != "history"}, indent=2))
    return 0


def dev_scores(model, dev: list[EncodedArticle], torch_mod) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Overlap F1 per role of the raw tagger spans on the dev articles."""
    from presslens.analyzers.attribution.tagger import tagged_spans
    from presslens.evaluation.attribution import score_spans

    preds: dict[str, list[list[Span]]] = {r: [] for r in ROLES}
    golds: dict[str, list[list[Span]]] = {r: [] for r in ROLES}
    with torch_mod.no_grad():
        for a in dev:
            logits = tag_logits(a.tokens, run=lambda x: model(torch_mod.from_numpy(x)).numpy())
            assert logits is not None
            spans = tagged_spans(a.article.text, a.tokens, logits)
            for r in ROLES:
                preds[r].append(spans[r])
                golds[r].append(list(a.article.spans.get(ROLE_KEYS[r], [])))
    out: dict[str, float] = {}
    for r in ROLES:
        texts = [a.article.text for a in dev]
        out[f"{r}_overlap_f1"] = round(score_spans(texts, golds[r], preds[r], "overlap")["f1"], 4)
    return out


def export_onnx(model, path: Path, torch_mod) -> None:  # type: ignore[no-untyped-def]
    dummy = torch_mod.zeros((1, 7, N_IN), dtype=torch_mod.float32)
    torch_mod.onnx.export(
        model,
        (dummy,),
        str(path),
        input_names=["inputs"],
        output_names=["logits"],
        dynamic_axes={"inputs": {0: "batch", 1: "tokens"}, "logits": {0: "batch", 1: "tokens"}},
        opset_version=17,
        dynamo=False,
    )


# ---------------------------------------------------------------------------------------------
# Score calibration on real news
# ---------------------------------------------------------------------------------------------

CALIBRATION_FOLDS = 7
CALIBRATION_L2 = 1.0


Row = tuple[str, tuple[float, bool, bool, bool, bool], bool]


@dataclass
class CalibrationTable:
    """Every attribution of some real-news splits with its calibration inputs and label, and for recall the
    gold speech attributions each one matches (``"article:index"``) and the number of gold speech
    attributions per split."""

    rows: list[Row]
    splits: list[str]
    matched: list[list[str]]
    gold: dict[str, int]


def calibration_rows(data_dir: Path, splits: str = "dev") -> list[Row]:
    """(article id, calibration features, right) for every attribution of the real-news splits (comma-separated
    names; never test or a validation batch)."""
    return calibration_table(data_dir, splits).rows


def calibration_table(data_dir: Path, splits: str = "dev") -> CalibrationTable:
    """:func:`calibration_rows` with each row's split and matched gold speech attributions."""
    from presslens.analyzers.attribution.analyzer import extract
    from presslens.analyzers.attribution.calibration import calibration_inputs
    from presslens.analyzers.attribution.sanity import NAME_MAY_DEFAULT
    from presslens.analyzers.attribution.sanity import name_may as may_as_name
    from presslens.analyzers.base import Features
    from presslens.evaluation.realnews import DEFAULT_ANNOTATIONS, annotated_articles
    from presslens.evaluation.realnews_matching import match_attribution
    from presslens.pipeline import Pipeline

    names = dev_split_names(splits)
    pipeline = Pipeline()
    pipeline.load()
    analyzer = AttributionAnalyzer()
    table = CalibrationTable([], [], [], {})
    for split in names:
        table.gold[split] = 0
        for record, article in annotated_articles(DEFAULT_ANNOTATIONS / f"{split}.jsonl", data_dir):
            speech = [(i, g) for i, g in enumerate(record["attributions"]) if g.get("kind", "speech") == "speech"]
            table.gold[split] += len(speech)
            found = extract(Features(article, pipeline.encoder), raw_scores=True)
            # the rows read the source's words as the analyzer does, under its default ``name_may``
            with may_as_name(NAME_MAY_DEFAULT == "on"):
                for a in found:
                    finding = analyzer._finding(article, a)
                    right = any(match_attribution(article.text, finding, g) for g in record["attributions"])
                    table.rows.append((record["id"], calibration_inputs(article.text, a), right))
                    table.splits.append(split)
                    table.matched.append(
                        [f"{record['id']}:{i}" for i, g in speech if match_attribution(article.text, finding, g)]
                    )
    return table


def _design(rows: list[Row]) -> tuple[np.ndarray, np.ndarray]:
    """One row per attribution: 1, logit(raw), sane, short content, source next to its cue, participle cue."""
    from presslens.analyzers.attribution.calibration import logit

    x = np.array([[1.0, logit(f[0]), float(f[1]), float(f[2]), float(f[3]), float(f[4])] for _, f, _ in rows])
    y = np.array([float(right) for *_, right in rows])
    return x, y


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = CALIBRATION_L2) -> np.ndarray:
    """Weights of an L2-regularised logistic regression (intercept not penalised), by Newton's method; the
    intercept is the first column of ``x``."""
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    return newton_logistic(x, y, penalty, tolerance=1e-9)


def _probabilities(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    from presslens.analyzers.attribution.calibration import CANDIDATE_CAP

    p = sigmoid(x @ w)
    return np.where(x[:, 2] > 0, p, np.minimum(p, CANDIDATE_CAP))


def _ece(y: np.ndarray, p: np.ndarray, table: bool = False) -> float:
    """Expected calibration error over ten equal-width score bins (and the reliability table, printed)."""
    reliability = calibration(list(zip(p.tolist(), (y > 0.5).tolist(), strict=True)))
    if table:
        print("| score bin | n | mean score | share right |\n|---|---|---|---|")
        for low, high, n, mean, share in reliability.bins:
            print(f"| {low:.1f}-{high:.1f} | {n} | {mean:.2f} | {share:.2f} |")
    return reliability.ece


def leave_one_split_out(
    table: CalibrationTable, scored: CalibrationTable | None = None
) -> list[tuple[str, float, PrecisionRecallCounts]]:
    """For each split of ``table``: the calibration fitted on the other splits, scored on this one. Rows of
    (split, expected calibration error, counts of the asserted attributions; recall over the gold speech
    attributions). With ``scored`` (the rows of other rules over the same splits), each fold's fit on ``table`` is
    scored on ``scored``'s rows of the held-out split instead: new rules under the old rules' calibration."""
    scored = table if scored is None else scored
    x, y = _design(table.rows)
    xs, ys = (x, y) if scored is table else _design(scored.rows)
    splits, scored_splits = np.array(table.splits), np.array(scored.splits)
    out = []
    for held in dict.fromkeys(table.splits):
        train, test = splits != held, scored_splits == held
        p = _probabilities(xs[test], fit_logistic(x[train], y[train]))
        asserted = p >= 0.5
        rows = np.flatnonzero(test)[asserted]
        found = {g for i in rows.tolist() for g in scored.matched[i]}
        counts = PrecisionRecallCounts(predicted=int(asserted.sum()), correct=int(ys[test][asserted].sum()),
                                       gold=scored.gold[held], found=len(found))
        out.append((held, _ece(ys[test], p), counts))
    return out


def calibrate(data_dir: Path, split: str = ",".join(OPEN_SPLITS), check_split: str = "", by_split: bool = False) -> int:
    """Fit the calibration constants and print them with the leave-articles-out reliability table; with
    ``check_split``, also the split-to-split check: fitted on one split, scored on the other; with ``by_split``,
    the leave-one-split-out table (fitted on the other splits of ``split``, scored on each)."""
    table = calibration_table(data_dir, split)
    rows = table.rows
    x, y = _design(rows)
    ids = np.array([r[0] for r in rows])
    articles = sorted(set(ids.tolist()))
    held_out = np.zeros(len(y))
    for k in range(CALIBRATION_FOLDS):
        test = np.isin(ids, articles[k::CALIBRATION_FOLDS])
        held_out[test] = _probabilities(x[test], fit_logistic(x[~test], y[~test]))
    w = fit_logistic(x, y)
    print(f"{len(rows)} attributions of {len(articles)} {split} articles, {int(y.sum())} right")
    for name, value in zip(("INTERCEPT", "SLOPE", "SANE", "SHORT", "NEAR", "PARTICIPLE"), w, strict=True):
        print(f"{name} = {value:.2f}")
    asserted = held_out >= 0.5
    print(f"leave-articles-out ({CALIBRATION_FOLDS} folds): asserted {int(asserted.sum())}, right "
          f"{int(y[asserted].sum())} (precision {y[asserted].mean():.3f})")
    ece = _ece(y, held_out, table=True)
    print(f"expected calibration error (held out): {ece:.3f}")
    if by_split:
        print("\nleave one split out (fitted on the other splits, scored on this one; asserted = score >= 0.5):\n")
        print("| held-out split | ECE | P | R |\n|---|---|---|---|")
        for name, e, c in leave_one_split_out(table):
            print(f"| {name} | {e:.3f} | {c.precision or 0.0:.3f} ({c.correct}/{c.predicted}) | "
                  f"{c.recall or 0.0:.3f} ({c.found}/{c.gold}) |")
    if check_split:
        check_rows = calibration_rows(data_dir, check_split)
        cx, cy = _design(check_rows)
        for fit_split in [s.strip() for s in split.split(",") if s.strip() and s.strip() != check_split]:
            fit_ids = set(calibration_article_ids(fit_split))
            sel = np.array([r[0] in fit_ids for r in rows])
            p = _probabilities(cx, fit_logistic(x[sel], y[sel]))
            print(f"fitted on {fit_split} ({int(sel.sum())} attributions), scored on {check_split} "
                  f"({len(check_rows)}): expected calibration error {_ece(cy, p):.3f}, asserted "
                  f"{int((p >= 0.5).sum())}, right {int(cy[p >= 0.5].sum())}")
    return 0


def calibration_article_ids(split: str) -> list[str]:
    """Article ids of a real-news split (its stand-off file)."""
    from presslens.evaluation.realnews import DEFAULT_ANNOTATIONS, load_annotations

    return [r["id"] for r in load_annotations(DEFAULT_ANNOTATIONS / f"{split}.jsonl")]
