"""Score the shipped pipeline on the real-news evaluation set (``data/realnews``, issue 13).

    presslens eval realnews --data ../shared/data/ptc-semeval2020-task11 [--split dev|test]
                            [--annotations data/realnews] [--json]

Reads ``<annotations>/<split>.jsonl`` (stand-off offsets, see ``data/realnews/README.md``), reads each PTC
train article the way ``presslens analyze article<ID>.txt`` does, runs the default pipeline and prints
precision and recall per kind and per attribute, the article-level violence verdicts and (with every finding,
asserted or not) a calibration table per kind. The matching rules are in ``data/realnews/GUIDELINE.md``
section 9; they are implemented by the ``match_*`` functions of :mod:`presslens.evaluation.realnews_matching`.

A finding is *asserted* when its score is at least :data:`ASSERTED`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from presslens.article import Article, Finding
from presslens.evaluation.counts import PrecisionRecallCounts
from presslens.evaluation.realnews_annotations import text_digest
from presslens.evaluation.realnews_calibration import calibration
from presslens.evaluation.realnews_matching import (
    Span,
    attribution_content_ok,
    attribution_source_ok,
    hedge_cue_spans,
    horizon_span,
    match_attribution,
    match_claim,
    match_prediction,
    match_quantity,
    match_violence,
    overlap,
    presslens_bound,
    ref_span,
)
from presslens.evaluation.realnews_selection import OPEN_SPLITS, SPLITS, VALIDATION_SPLITS, article_path

ASSERTED = 0.5
DEFAULT_ANNOTATIONS = Path(__file__).resolve().parents[3] / "data" / "realnews"
KINDS = ("attribution", "quantity", "claim", "hedged", "prediction", "violence", "call_to_action")
ATTRIBUTES = ("attribution source span", "attribution content span", "quantity bound", "hedged (cues)",
              "prediction (horizon)")
CALIBRATED_KINDS = ("attribution", "quantity", "claim", "prediction", "violence", "call_to_action")
NOT_FIGURES = ("date", "ordinal")


class AnnotationFileError(ValueError):
    """A stand-off line that cannot be used (its message names the article)."""


# ------------------------------------------------------------------------------------------ loading


def _span(value: Any, length: int, where: str) -> Span:
    if (not isinstance(value, list) or len(value) != 2 or not all(isinstance(v, int) for v in value)
            or not 0 <= value[0] < value[1] <= length):
        raise AnnotationFileError(f"{where}: span {value!r} is not a [start, end) inside a text of {length} chars")
    return value[0], value[1]


def _spans_in(record: dict[str, Any], length: int) -> Iterable[tuple[str, Any]]:
    for name in ("attributions", "quantities", "claims", "hedges", "predictions", "violence", "calls_to_action"):
        items = record.get(name)
        if not isinstance(items, list):
            raise AnnotationFileError(f"article {record.get('id')}: {name} missing or not a list")
        for k, item in enumerate(items):
            for key, value in item.items():
                where = f"article {record['id']} {name}[{k}].{key}"
                if key == "cues":
                    for j, cue in enumerate(value):
                        yield f"{where}[{j}]", cue
                elif key in ("source", "cue", "content", "span", "claim", "horizon", "act", "target"):
                    if value is not None:
                        yield where, value


def load_annotations(path: Path, texts: dict[str, str] | None = None,
                     problems: list[str] | None = None) -> list[dict[str, Any]]:
    """Read a stand-off ``.jsonl``; every span must lie inside its article (and match ``texts`` if given).

    A bad line raises :class:`AnnotationFileError` naming the article, or, when ``problems`` is given, is
    reported there (one line each) and left out while the other lines are read.
    """
    records: list[dict[str, Any]] = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            records.append(_checked_record(path, lineno, line, texts))
        except AnnotationFileError as exc:
            if problems is None:
                raise
            problems.append(str(exc))
    return records


def _checked_record(path: Path, lineno: int, line: str, texts: dict[str, str] | None) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise AnnotationFileError(f"{path}:{lineno}: not JSON ({exc.msg})") from None
    if not isinstance(record, dict) or not isinstance(record.get("id"), str):
        raise AnnotationFileError(f"{path}:{lineno}: a record needs a string id")
    length = record.get("text_length")
    if not isinstance(length, int):
        raise AnnotationFileError(f"article {record['id']}: text_length missing")
    if texts is not None:
        text = texts.get(record["id"])
        if text is None:
            raise AnnotationFileError(f"article {record['id']}: no article text")
        if len(text) != length or text_digest(text) != record.get("text_sha256"):
            raise AnnotationFileError(f"article {record['id']}: the article text differs from the one annotated")
    for where, value in _spans_in(record, length):
        _span(value, length, where)
    return record


def offset_map(raw: str, text: str) -> Callable[[int], int]:
    """Map an offset into the raw file text to the same place in presslens's ``Article.text``.

    When the two have the same length (presslens replaced odd characters one for one, e.g. a BOM inside the
    text by a space) offsets are unchanged. Otherwise (CRLF turned into LF, a ``date`` marker removed) the
    texts are aligned and an offset inside a removed or replaced piece goes to the start of its replacement.
    """
    if len(raw) == len(text):
        return lambda offset: offset
    import difflib

    blocks = difflib.SequenceMatcher(None, raw, text, autojunk=False).get_opcodes()

    def mapped(offset: int) -> int:
        for _tag, i1, i2, j1, j2 in blocks:
            if i1 <= offset < i2:  # equal pieces map one for one; replaced ones are clipped to their new length
                return j1 + min(offset - i1, j2 - j1)
        return len(text)

    return mapped


_SPAN_KEYS = ("source", "cue", "content", "span", "claim", "horizon", "act", "target")


def map_offsets(record: dict[str, Any], mapped: Callable[[int], int]) -> dict[str, Any]:
    """A copy of a gold record with every span's offsets passed through ``mapped``."""
    def span(value: list[int]) -> list[int]:
        return [mapped(value[0]), mapped(value[1])]

    out = dict(record)
    for name in ("attributions", "quantities", "claims", "hedges", "predictions", "violence", "calls_to_action"):
        items = []
        for item in record[name]:
            copy = dict(item)
            for key in _SPAN_KEYS:
                if isinstance(copy.get(key), list):
                    copy[key] = span(copy[key])
            if "cues" in copy:
                copy["cues"] = [span(c) for c in copy["cues"]]
            items.append(copy)
        out[name] = items
    return out


# ------------------------------------------------------------------------------------------ scoring




class _Matches:
    """Which prediction matches which gold item, decided once per (prediction, gold) pair.

    Counts for any subset of the predictions (e.g. the asserted ones) and of the gold items (e.g. speech
    attributions for recall) and the error lines are read off the same table.
    """

    def __init__(self, preds: Sequence[Any], golds: Sequence[Any], ok: Callable[[Any, Any], bool]) -> None:
        self.preds = list(preds)
        self.golds = list(golds)
        self.table = [[ok(p, g) for g in self.golds] for p in self.preds]
        self.right = [any(row) for row in self.table]

    def rows(self, keep: Callable[[Any], bool] | None = None) -> list[int]:
        return [i for i, p in enumerate(self.preds) if keep is None or keep(p)]

    def cols(self, keep: Callable[[Any], bool] | None = None) -> list[int]:
        return [j for j, g in enumerate(self.golds) if keep is None or keep(g)]

    def count(self, rows: list[int], cols: list[int]) -> PrecisionRecallCounts:
        """Precision over ``rows`` against every gold item; recall of the gold items ``cols`` by ``rows``."""
        found = sum(1 for j in cols if any(self.table[i][j] for i in rows))
        return PrecisionRecallCounts(predicted=len(rows), correct=sum(1 for i in rows if self.right[i]),
                                     gold=len(cols), found=found)

    def errors(self, kind: str, rows: list[int], cols: list[int], shown_pred: Callable[[Any], str],
               shown_gold: Callable[[Any], str]) -> list[str]:
        wrong = [f"{kind} wrong: {shown_pred(self.preds[i])}" for i in rows if not self.right[i]]
        missed = [f"{kind} missed: {shown_gold(self.golds[j])}" for j in cols
                  if not any(self.table[i][j] for i in rows)]
        return wrong + missed


def _pr(preds: Sequence[Any], golds: Sequence[Any], ok: Callable[[Any, Any], bool]) -> PrecisionRecallCounts:
    """Counts of one prediction list against one gold list (an attribute that has no error lines)."""
    m = _Matches(preds, golds, ok)
    return m.count(m.rows(), m.cols())


@dataclass
class ArticleScore:
    kinds: dict[str, PrecisionRecallCounts] = field(default_factory=dict)
    attributes: dict[str, PrecisionRecallCounts] = field(default_factory=dict)
    scored: dict[str, list[tuple[float, bool]]] = field(default_factory=dict)
    """(score, right) of every finding of a calibrated kind, asserted or not."""
    gold_violent: bool = False
    flagged_label: bool = False
    flagged_asserted: bool = False
    errors: list[str] = field(default_factory=list)
    """One line per asserted finding that matches no gold item ("wrong") and per gold item not found ("missed")."""


def _quote(text: str, span: Span | None, limit: int = 110) -> str:
    if span is None:
        return "-"
    piece = text[span[0]:span[1]].replace("\n", " ")
    return repr(piece if len(piece) <= limit else piece[: limit - 3] + "...")


def _is_asserted(finding: Finding) -> bool:
    return finding.score >= ASSERTED


def _asserted(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if _is_asserted(f)]


def _score_kind(out: ArticleScore, kind: str, findings: Sequence[Finding], golds: Sequence[Any],
                ok: Callable[[Any, Any], bool], shown_pred: Callable[[Any], str], shown_gold: Callable[[Any], str],
                for_recall: Callable[[Any], bool] | None = None) -> None:
    """P/R of the asserted findings, (score, right) of every finding for calibration, and the error lines."""
    m = _Matches(findings, golds, ok)
    rows, cols = m.rows(_is_asserted), m.cols(for_recall)
    out.kinds[kind] = m.count(rows, cols)
    out.scored[kind] = [(f.score, r) for f, r in zip(findings, m.right, strict=True)]
    out.errors += m.errors(kind, rows, cols, shown_pred, shown_gold)


def score_article(text: str, gold: dict[str, Any], findings: Sequence[Finding],
                  labels: dict[str, Any] | None = None) -> ArticleScore:
    """Score one article's findings against its gold record (both indexed into the same ``text``)."""
    out = ArticleScore()
    by_kind: dict[str, list[Finding]] = {}
    for f in findings:
        by_kind.setdefault(f.kind, []).append(f)

    # attribution
    attributions = by_kind.get("attribution", [])
    gold_attr = gold["attributions"]
    def attr_ok(f: Finding, g: dict[str, Any]) -> bool:
        return match_attribution(text, f, g)
    def is_speech(g: dict[str, Any]) -> bool:
        return bool(g.get("kind", "speech") == "speech")

    def shown_attribution(f: Finding) -> str:
        return " | ".join(_quote(text, ref_span(f.attributes.get(k))) for k in ("source", "cue", "content"))

    _score_kind(out, "attribution", attributions, gold_attr, attr_ok, shown_attribution,
                lambda g: " | ".join(_quote(text, tuple(g[k]) if g.get(k) else None)
                                     for k in ("source", "cue", "content")), is_speech)
    asserted = _asserted(attributions)
    sourced = [f for f in asserted if ref_span(f.attributes.get("source")) is not None]
    source_m = _Matches(sourced, gold_attr, lambda f, g: attribution_source_ok(text, f, tuple(g["source"])))
    out.attributes["attribution source span"] = source_m.count(source_m.rows(), source_m.cols(is_speech))
    content_m = _Matches(asserted, gold_attr, lambda f, g: attribution_content_ok(text, f, tuple(g["content"])))
    out.attributes["attribution content span"] = content_m.count(content_m.rows(), content_m.cols(is_speech))

    # quantity
    quantities = [f for f in by_kind.get("quantity", []) if f.label not in NOT_FIGURES]
    gold_q = gold["quantities"]
    _score_kind(out, "quantity", quantities, gold_q, match_quantity,
                lambda f: f"{_quote(text, (f.start, f.end))} value={f.attributes.get('value')} "
                          f"bound={presslens_bound(f)}",
                lambda g: f"{_quote(text, tuple(g['span']))} value={g.get('value')} bound={g['bound']}")
    bounded = [f for f in _asserted(quantities) if presslens_bound(f) != "exact"]
    gold_bounded = [g for g in gold_q if g["bound"] != "exact"]
    out.attributes["quantity bound"] = _pr(
        bounded, gold_bounded,
        lambda f, g: overlap((f.start, f.end), tuple(g["span"])) > 0 and presslens_bound(f) == g["bound"])

    # claims, hedged, predictions
    claims = by_kind.get("claim", [])
    gold_claims = [tuple(c["span"]) for c in gold["claims"]]
    def shown_finding(f: Finding) -> str:
        return _quote(text, (f.start, f.end))

    _score_kind(out, "claim", claims, gold_claims, match_claim, shown_finding, lambda g: _quote(text, g))
    hedged = [f for f in _asserted(claims) if f.attributes.get("hedged")]
    gold_hedges = gold["hedges"]
    hedged_m = _Matches(hedged, gold_hedges, lambda f, g: match_claim(f, tuple(g["claim"])))
    out.kinds["hedged"] = hedged_m.count(hedged_m.rows(), hedged_m.cols())
    out.errors += hedged_m.errors(
        "hedged", hedged_m.rows(), hedged_m.cols(), lambda f: f"{shown_finding(f)} cues={f.attributes.get('hedge_cues')}",
        lambda g: f"{_quote(text, tuple(g['claim']))} cues=" + ", ".join(_quote(text, tuple(c)) for c in g["cues"]))
    cue_preds = [c for f in hedged for c in hedge_cue_spans(text, f)]
    gold_cues = [tuple(c) for g in gold_hedges for c in g["cues"]]
    out.attributes["hedged (cues)"] = _pr(
        cue_preds, gold_cues, lambda c, g: c is not None and overlap(c, g) > 0)
    # every prediction finding (its score calibrated like any finding) and asserted claims flagged as one
    forecasts = by_kind.get("prediction", [])
    predicted = [(f, (f.start, f.end)) for f in forecasts]
    predicted += [(f, (f.start, f.end)) for f in _asserted(claims) if f.attributes.get("prediction")]
    gold_pred = gold["predictions"]
    pred_m = _Matches(predicted, gold_pred, lambda p, g: match_prediction(p[1], tuple(g["span"])))
    rows = pred_m.rows(lambda p: _is_asserted(p[0]))
    out.kinds["prediction"] = pred_m.count(rows, pred_m.cols())
    out.scored["prediction"] = [(f.score, r) for f, r in zip(forecasts, pred_m.right, strict=False)]
    out.errors += pred_m.errors("prediction", rows, pred_m.cols(), lambda p: shown_finding(p[0]),
                                lambda g: _quote(text, tuple(g["span"])))
    horizons = []
    for i in rows:
        (f, span), matched = pred_m.preds[i], pred_m.right[i]
        h = horizon_span(text, span, f)
        if h is not None and matched:
            horizons.append((h, span))
    gold_h = [g for g in gold_pred if g.get("horizon")]
    out.attributes["prediction (horizon)"] = _pr(
        horizons, gold_h,
        lambda h, g: match_prediction(h[1], tuple(g["span"])) and overlap(h[0], tuple(g["horizon"])) > 0)

    # violence and calls to action
    for kind, key in (("violence", "violence"), ("call_to_action", "calls_to_action")):
        found = by_kind.get(kind, [])
        spans = [tuple(v["span"]) for v in gold[key]]
        _score_kind(out, kind, found, spans, match_violence, shown_finding, lambda g: _quote(text, g))
    out.gold_violent = bool(gold.get("article_violence"))
    verdict = (labels or {}).get("violence") or {}
    out.flagged_label = bool(verdict.get("label"))
    out.flagged_asserted = bool(_asserted(by_kind.get("violence", [])))
    return out


@dataclass
class SplitScore:
    kinds: dict[str, PrecisionRecallCounts] = field(
        default_factory=lambda: {k: PrecisionRecallCounts() for k in KINDS})
    attributes: dict[str, PrecisionRecallCounts] = field(
        default_factory=lambda: {a: PrecisionRecallCounts() for a in ATTRIBUTES})
    scored: dict[str, list[tuple[float, bool]]] = field(default_factory=lambda: {k: [] for k in CALIBRATED_KINDS})
    articles: int = 0
    nonviolent: int = 0
    violent: int = 0
    false_flags_label: list[str] = field(default_factory=list)
    false_flags_asserted: list[str] = field(default_factory=list)
    missed_violent: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def add(self, article_id: str, score: ArticleScore) -> None:
        self.articles += 1
        for k, c in score.kinds.items():
            self.kinds[k].add(c)
        for a, c in score.attributes.items():
            self.attributes[a].add(c)
        for k, s in score.scored.items():
            self.scored[k].extend(s)
        if score.gold_violent:
            self.violent += 1
            if not score.flagged_label:
                self.missed_violent.append(article_id)
        else:
            self.nonviolent += 1
            if score.flagged_label:
                self.false_flags_label.append(article_id)
            if score.flagged_asserted:
                self.false_flags_asserted.append(article_id)

    def to_dict(self) -> dict[str, Any]:
        per50 = 50 / self.nonviolent if self.nonviolent else 0.0
        return {
            "articles": self.articles,
            "skipped": self.skipped,
            "asserted_threshold": ASSERTED,
            "kinds": {k: c.to_dict() for k, c in self.kinds.items()},
            "attributes": {a: c.to_dict() for a, c in self.attributes.items()},
            "article_violence": {
                "gold_violent": self.violent, "gold_nonviolent": self.nonviolent,
                "falsely_flagged_label": self.false_flags_label,
                "falsely_flagged_label_per_50": len(self.false_flags_label) * per50,
                "falsely_flagged_asserted": self.false_flags_asserted,
                "falsely_flagged_asserted_per_50": len(self.false_flags_asserted) * per50,
                "missed_violent": self.missed_violent,
            },
            "calibration": {k: {"ece": (cal := calibration(v)).ece, "findings": cal.total,
                                "bins": [dict(zip(("low", "high", "count", "mean_score", "share_right"), b,
                                                  strict=True)) for b in cal.bins]}
                            for k, v in self.scored.items()},
        }


# ------------------------------------------------------------------------------------------ output


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def markdown(result: SplitScore, split: str, calibrate: bool) -> str:
    lines = [f"## realnews: {split} split, {result.articles} articles (asserted: score >= {ASSERTED})", ""]
    if result.skipped:
        lines += [f"Skipped: {', '.join(result.skipped)}", ""]
    lines += ["| kind | precision | recall | correct / predicted | found / gold |", "|---|---|---|---|---|"]
    for k, c in result.kinds.items():
        lines.append(f"| {k} | {_fmt(c.precision)} | {_fmt(c.recall)} | {c.correct}/{c.predicted} | "
                     f"{c.found}/{c.gold} |")
    lines += ["", "| attribute | precision | recall | correct / predicted | found / gold |", "|---|---|---|---|---|"]
    for a, c in result.attributes.items():
        lines.append(f"| {a} | {_fmt(c.precision)} | {_fmt(c.recall)} | {c.correct}/{c.predicted} | "
                     f"{c.found}/{c.gold} |")
    per50 = 50 / result.nonviolent if result.nonviolent else 0.0
    lines += ["", f"Article-level violence: {result.violent} gold violent, {result.nonviolent} non-violent.",
              f"- flagged by `labels.violence`: {len(result.false_flags_label)} of {result.nonviolent} non-violent "
              f"({len(result.false_flags_label) * per50:.1f} per 50)"
              + (f": {', '.join(result.false_flags_label)}" if result.false_flags_label else ""),
              f"- flagged by an asserted violence finding: {len(result.false_flags_asserted)} of "
              f"{result.nonviolent} ({len(result.false_flags_asserted) * per50:.1f} per 50)",
              f"- gold violent articles not flagged: {len(result.missed_violent)}"
              + (f" ({', '.join(result.missed_violent)})" if result.missed_violent else "")]
    if calibrate:
        lines += ["", "Calibration (every finding, asserted or not, right/wrong by the matching rules; "
                  "10 equal-width score bins, empty bins left out):", "",
                  "| kind | findings | ECE | score bin | n | mean score | share right |", "|---|---|---|---|---|---|---|"]
        for k, scored in result.scored.items():
            cal = calibration(scored)
            if not cal.bins:
                lines.append(f"| {k} | 0 | - | - | - | - | - |")
            for i, (lo, hi, n, mean, share) in enumerate(cal.bins):
                head = f"| {k} | {cal.total} | {cal.ece:.3f} " if i == 0 else "| | | "
                lines.append(f"{head}| {lo:.1f}-{hi:.1f} | {n} | {mean:.2f} | {share:.2f} |")
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------------------------------ command


def read_ptc_article(data_dir: Path, article_id: str) -> tuple[str, Article]:
    """The raw file text and the :class:`Article` presslens builds from it (as ``presslens analyze`` does)."""
    from presslens.ingest import ReadOptions, read_file

    path = article_path(data_dir, article_id)
    raw = path.read_bytes().decode("utf-8")
    article = read_file(path, ReadOptions())
    return raw, article


def annotated_articles(path: Path, data_dir: Path) -> Iterator[tuple[dict[str, Any], Article]]:
    """Each record of the stand-off file ``path`` with the :class:`Article` presslens reads from its text, the
    record's offsets mapped onto ``Article.text`` where presslens normalised the text (a BOM inside the text, CR,
    a date marker). For training and audits; :func:`main` also checks each text's digest and skips bad lines."""
    for record in load_annotations(path):
        raw, article = read_ptc_article(data_dir, record["id"])
        yield (record if article.text == raw else map_offsets(record, offset_map(raw, article.text))), article


def split_help() -> str:
    """The ``--split`` help, from the split lists of :mod:`presslens.evaluation.realnews_selection`."""
    scored = [name for name in SPLITS if name not in OPEN_SPLITS]
    return (f"split to score (default: dev): open {', '.join(OPEN_SPLITS)} (errors may be read); "
            f"{', '.join(scored)} are scored only")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", required=True, type=Path, help="the ptc-semeval2020-task11 folder")
    parser.add_argument("--split", default="dev", choices=SPLITS, help=split_help())
    parser.add_argument("--annotations", type=Path, default=DEFAULT_ANNOTATIONS,
                        help="folder with dev.jsonl and test.jsonl (default: the repository's data/realnews)")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON instead of Markdown")
    parser.add_argument("--no-calibration", action="store_true", help="leave out the calibration table")
    parser.add_argument("--errors", action="store_true",
                        help="list every wrong asserted finding and every missed gold item (open splits only: the "
                             "validation splits and test are scored, not analysed)")
    from presslens.cli import add_option_arguments

    add_option_arguments(parser)


def main(args: argparse.Namespace) -> int:
    from presslens.cli import UsageError, analyzer_options
    from presslens.pipeline import Pipeline, PipelineConfig

    try:
        options = analyzer_options(getattr(args, "analyzer_options", None))
    except UsageError as exc:
        print(f"realnews: {exc}", file=sys.stderr)
        return 2
    path = args.annotations / f"{args.split}.jsonl"
    if not path.exists():
        print(f"realnews: no annotations at {path}", file=sys.stderr)
        return 2
    if args.errors and (args.split == "test" or args.split in VALIDATION_SPLITS):
        print(f"realnews: --errors is for the open splits ({', '.join(OPEN_SPLITS)}); {args.split} is scored, "
              "not analysed", file=sys.stderr)
        return 2
    problems: list[str] = []
    records = load_annotations(path, problems=problems)
    result = SplitScore()
    pipeline = Pipeline(PipelineConfig(options=options))
    status = 1 if problems else 0
    for line in problems:
        print(f"realnews: {line}; skipped", file=sys.stderr)
    errors: list[str] = []
    for record in records:
        aid = record["id"]
        try:
            raw, article = read_ptc_article(args.data, aid)
        except (OSError, ValueError) as exc:
            print(f"realnews: article {aid}: cannot read ({exc})", file=sys.stderr)
            result.skipped.append(aid)
            status = 1
            continue
        if len(raw) != record["text_length"] or text_digest(raw) != record.get("text_sha256"):
            print(f"realnews: article {aid}: text differs from the annotated one; skipped", file=sys.stderr)
            result.skipped.append(aid)
            status = 1
            continue
        if article.text != raw:
            # presslens normalised the text (a BOM inside the text, CR, a date marker): map the gold offsets
            record = map_offsets(record, offset_map(raw, article.text))
        report = pipeline.run(article)
        scored = score_article(article.text, record, report.findings, report.labels)
        result.add(aid, scored)
        if args.errors:
            errors.extend(f"{aid} {line}" for line in scored.errors)
    if args.json:
        changed = {"options": pipeline.changed_options()} if pipeline.changed_options() else {}
        print(json.dumps({"split": args.split, **changed, **result.to_dict()}, indent=1))
    else:
        if pipeline.changed_options():
            print("Analyzer options: " + ", ".join(f"{k}={v}" for k, v in pipeline.changed_options().items()) + "\n")
        print(markdown(result, args.split, calibrate=not args.no_calibration), end="")
    if errors:
        print("\nErrors (asserted findings that match no gold item; gold items not found):\n")
        print("\n".join(f"- {line}" for line in errors))
    return status
