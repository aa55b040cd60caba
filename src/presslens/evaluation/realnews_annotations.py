"""Real-news annotations: scratch files of quotes → checked character offsets → stand-off records.

Kept as one module on purpose: the annotators' checker is this single file, which runs by path without
presslens installed (see below), so splitting quote resolution from conversion would break it.

Annotators write one JSON file per article in which every span is a *quote* of the article text
(see ``data/realnews/GUIDELINE.md``):

- ``"exact substring"``: its first occurrence (a quote that occurs more than once is reported as ambiguous
  by the checker: write ``{"q": ..., "n": 1}`` to confirm the first one); except an attribution's ``source``,
  where a plain string means the occurrence nearest to the resolved content;
- ``{"q": "exact substring", "n": 2}``: the n-th occurrence (1-based);
- ``{"from": "start", "to": "end", "n": 1}``: from the start of the n-th occurrence of ``from`` to the end of
  the first occurrence of ``to`` that ends at or after the end of ``from``.

Nested spans (an attribution's cue, a hedge's cue words, a violence finding's act and target, a prediction's
horizon) are looked up inside or next to their parent span, so a short cue such as "said" needs no ``n``.

This module is plain standard-library Python on purpose, so that annotators can run it without presslens
installed (``python3 src/presslens/evaluation/realnews_annotations.py check ...``). Two commands:

- ``check --scratch DIR --data PTC ID [ID ...] [-v]``: every problem of each scratch file, one line each, exit
  status 1 on any error or warning (:func:`check_main`); ``-v`` also prints each resolved span with the text
  before it;
- ``convert`` (the default, also without the word): :func:`convert` writes the stand-off files, which hold ids,
  offsets and labels only, never article text.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LISTS = ("attributions", "quantities", "claims", "hedges", "predictions", "violence", "calls_to_action")
SOURCE_TYPES = ("named", "anonymous", "vague", "document", "self_reference")
ATTRIBUTION_KINDS = ("speech", "belief")
BOUNDS = ("exact", "lower", "upper", "approximate", "range")
VIOLENCE_LABELS = ("call", "endorsement")
#: characters either side of a parent span searched for a nested quote that is not inside the parent
NEAR = 300
#: a resolved span longer than this is reported (a "to" that matched much later than meant)
LONG_SPAN = 1500

Span = tuple[int, int]


class AnnotationError(ValueError):
    """A scratch file that cannot be converted (the message names the article and the item)."""


@dataclass
class Problems:
    """What the checker reports for one article: ``errors`` block conversion, ``warnings`` need a look."""

    article_id: str
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: every resolved span as (where, start, end), in file order (shown by ``check -v``)
    spans: list[tuple[str, int, int]] = field(default_factory=list)

    def error(self, where: str, message: str) -> None:
        self.errors.append(f"{self.article_id} {where}: {message}")

    def warn(self, where: str, message: str) -> None:
        self.warnings.append(f"{self.article_id} {where}: {message}")


def article_path(data_dir: Path, article_id: str) -> Path:
    """PTC train articles, else PTC test articles (selection rule 14): the lookup of
    :func:`presslens.evaluation.realnews_selection.article_path`, repeated so that this module needs only the
    standard library (a test checks both agree)."""
    for folder in ("train-articles", "test-articles"):
        path = data_dir / folder / f"article{article_id}.txt"
        if path.exists():
            return path
    return data_dir / "train-articles" / f"article{article_id}.txt"


def read_article(data_dir: Path, article_id: str) -> str:
    """The PTC article text exactly as stored: UTF-8, newlines kept as "\\n" (the files have no "\\r")."""
    with open(article_path(data_dir, article_id), encoding="utf-8", newline="") as handle:
        return handle.read()


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _occurrences(text: str, quote: str, lo: int = 0, hi: int | None = None) -> list[int]:
    hi = len(text) if hi is None else hi
    found: list[int] = []
    i = text.find(quote, lo, hi)
    while i >= 0:
        found.append(i)
        i = text.find(quote, i + 1, hi)
    return found


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _inside(text: str, i: int) -> bool:
    """Whether position ``i`` (between ``text[i-1]`` and ``text[i]``) lies inside a word or a number.

    Inside a word: letters or digits on both sides. Inside a number: also at either side of a thousands or
    decimal separator between digits ("260|,000", "260,|000", "5|.64").
    """
    if i <= 0 or i >= len(text):
        return False
    before, after = text[i - 1], text[i]
    if _is_word_char(before) and _is_word_char(after):
        return True
    if after in ",." and before.isdigit() and i + 1 < len(text) and text[i + 1].isdigit():
        return True
    return before in ",." and after.isdigit() and i >= 2 and text[i - 2].isdigit()


def cuts_word(text: str, span: Span) -> bool:
    """True when the span starts or ends inside a word or number ("x|yz", "260,|000")."""
    return _inside(text, span[0]) or _inside(text, span[1])


def _describe(quote: Any) -> str:
    shown = json.dumps(quote, ensure_ascii=False)
    return shown if len(shown) <= 90 else shown[:87] + "..."


def _nth(text: str, quote: Any, problems: Problems, where: str, label: str) -> int | None:
    """Start of the ``n``-th occurrence of ``quote[label]`` (``n`` defaults to 1, with a warning when the
    quote is ambiguous); ``None`` and an error when it cannot be found. ``quote`` is a ``{"q"|"from", "n"}``
    dict whose fields are already checked."""
    needle, n = quote[label], quote.get("n", 1)
    hits = _occurrences(text, needle)
    name = "quote" if label == "q" else f"'{label}'"
    if len(hits) < n:
        problems.error(where, f"{name} occurs {len(hits)} times, n={n}: {_describe(needle)}")
        return None
    if "n" not in quote and len(hits) > 1:
        problems.warn(where, f"ambiguous: {name} {_describe(needle)} occurs {len(hits)} times; add n")
    return hits[n - 1]


def _good_n(quote: dict[str, Any]) -> bool:
    n = quote.get("n", 1)
    return isinstance(n, int) and not isinstance(n, bool) and n >= 1


def resolve_span(text: str, quote: Any, problems: Problems, where: str) -> Span | None:
    """Offsets of a top-level quote; ``None`` (and an error) when it cannot be resolved."""
    span: Span
    if isinstance(quote, str):
        if not quote:
            problems.error(where, "empty quote")
            return None
        hits = _occurrences(text, quote)
        if not hits:
            problems.error(where, f"quote not found: {_describe(quote)}")
            return None
        if len(hits) > 1:
            problems.warn(where, f"ambiguous: {_describe(quote)} occurs {len(hits)} times; "
                                 'write {"q": ..., "n": N} (N=1 for the first)')
        span = (hits[0], hits[0] + len(quote))
    elif isinstance(quote, dict) and set(quote) <= {"q", "n"} and "q" in quote:
        q = quote["q"]
        if not isinstance(q, str) or not q or not _good_n(quote):
            problems.error(where, f'bad {{"q", "n"}} quote: {_describe(quote)}')
            return None
        start = _nth(text, quote, problems, where, "q")
        if start is None:
            return None
        span = (start, start + len(q))
    elif isinstance(quote, dict) and set(quote) <= {"from", "to", "n"} and {"from", "to"} <= set(quote):
        a, b = quote["from"], quote["to"]
        if not (isinstance(a, str) and a and isinstance(b, str) and b) or not _good_n(quote):
            problems.error(where, f"bad from/to quote: {_describe(quote)}")
            return None
        found = _nth(text, quote, problems, where, "from")
        if found is None:
            return None
        start = found
        end = -1
        for j in _occurrences(text, b, start):
            if j + len(b) >= start + len(a):
                end = j + len(b)
                break
        if end < 0:
            problems.error(where, f"'to' not found after 'from': {_describe(quote)}")
            return None
        span = (start, end)
    else:
        problems.error(where, f"a span must be a string, {{q, n}} or {{from, to[, n]}}: {_describe(quote)}")
        return None
    _check_edges(text, span, problems, where)
    return span


def _check_edges(text: str, span: Span, problems: Problems, where: str) -> None:
    start, end = span
    piece = text[start:end]
    if piece != piece.strip():
        problems.warn(where, f"span starts or ends with whitespace: {_describe(piece)}")
    if cuts_word(text, span):
        problems.warn(where, f"span cuts a word or number: {_describe(text[max(0, start - 5):end + 5])}")
    if end - start > LONG_SPAN:
        problems.warn(where, f"span is {end - start} characters long (a 'to' matched too late?)")


def resolve_nested(text: str, quote: Any, parent: Span, problems: Problems, where: str,
                   anchor: Span | None = None) -> Span | None:
    """A quote looked up inside ``parent`` first, else within ``NEAR`` characters of it.

    A plain string takes the occurrence nearest to ``anchor`` (default: the parent's start);
    ``{"q", "n"}`` and ``{from, to}`` resolve like top-level spans (n counts over the whole article).
    """
    if isinstance(quote, dict):
        return resolve_span(text, quote, problems, where)
    if isinstance(quote, str) and quote:
        inside = _occurrences(text, quote, parent[0], parent[1])
        inside = _whole_words_first(text, inside, len(quote))
        if inside:
            hits = inside
        else:
            hits = _occurrences(text, quote, max(0, parent[0] - NEAR), min(len(text), parent[1] + NEAR))
            hits = _whole_words_first(text, hits, len(quote))
        if not hits:
            problems.error(where, f"not found in or within {NEAR} characters of its parent span: {_describe(quote)}")
            return None
        ref = anchor if anchor is not None else parent
        best = min(hits, key=lambda i: (_gap((i, i + len(quote)), ref), i))
        span: Span = (best, best + len(quote))
    else:
        problems.error(where, f"a nested span must be a non-empty string or {{q, n}}: {_describe(quote)}")
        return None
    _check_edges(text, span, problems, where)
    return span


def resolve_near(text: str, quote: str, anchor: Span, problems: Problems, where: str) -> Span | None:
    """A plain-string quote resolved to its occurrence nearest to ``anchor`` (an attribution's source is
    the mention next to its content, wherever else the name occurs); reported when none is within ``NEAR``."""
    if not quote:
        problems.error(where, "empty quote")
        return None
    hits = _whole_words_first(text, _occurrences(text, quote), len(quote))
    if not hits:
        problems.error(where, f"quote not found: {_describe(quote)}")
        return None
    best = min(hits, key=lambda i: (_gap((i, i + len(quote)), anchor), i))
    span: Span = (best, best + len(quote))
    if _gap(span, anchor) > NEAR:
        problems.warn(where, f"nearest occurrence of {_describe(quote)} is {_gap(span, anchor)} characters "
                             "from the content; check it (or give {\"q\", \"n\"})")
    _check_edges(text, span, problems, where)
    return span


def _candidates(text: str, quote: Any, window: Span, problems: Problems, where: str) -> list[Span]:
    """Spans a quote may stand for: the one span of an explicit ``{q, n}``/``{from, to}``, else every
    occurrence of a plain string inside ``window`` (whole-word occurrences when there are any)."""
    if not isinstance(quote, str):
        span = resolve_span(text, quote, problems, where)
        return [span] if span else []
    if not quote:
        problems.error(where, "empty quote")
        return []
    hits = _whole_words_first(text, _occurrences(text, quote, window[0], window[1]), len(quote))
    return [(i, i + len(quote)) for i in hits]


def resolve_source_and_cue(text: str, source_quote: Any, cue_quote: Any, content: Span, problems: Problems,
                           where: str) -> tuple[Span | None, Span | None]:
    """Place an attribution's source and cue next to each other and to the content.

    Plain-string quotes are looked up within ``2 * NEAR`` characters of the content, and the pair with the
    smallest sum of distances source-cue, cue-content and source-content wins ("we asked for X, we couldn't"
    takes the "we" before "asked"). A source that overlaps the content counts only in a split quote (cue inside
    the content too). Without a cue, or with a cue further away, the source is the occurrence nearest to the
    content and the cue the one nearest to the source.
    """
    window = (max(0, content[0] - 2 * NEAR), min(len(text), content[1] + 2 * NEAR))
    sources = _candidates(text, source_quote, window, problems, where + ".source")
    if not sources:
        if isinstance(source_quote, str) and source_quote:
            problems.error(where + ".source", f"not found within {2 * NEAR} characters of the content: "
                                              f"{_describe(source_quote)}")
        return None, None

    def inside(span: Span) -> bool:
        return content[0] < span[0] and span[1] < content[1]

    def clash(source: Span, cue: Span | None) -> int:
        overlaps = source[0] < content[1] and content[0] < source[1]
        return 10 * len(text) if overlaps and not (inside(source) and cue is not None and inside(cue)) else 0

    if cue_quote is None:
        source = min(sources, key=lambda sp: (_gap(sp, content) + clash(sp, None), sp[0]))
        _check_edges(text, source, problems, where + ".source")
        _far_source(source, content, problems, where)
        return source, None
    cues = _candidates(text, cue_quote, window, problems, where + ".cue")
    pairs = [(sp, cp) for sp in sources for cp in cues if not (sp[0] < cp[1] and cp[0] < sp[1])]
    if not pairs:  # a cue far from the content: the source nearest to the content, the cue nearest to it
        source = min(sources, key=lambda sp: (_gap(sp, content) + clash(sp, None), sp[0]))
        _check_edges(text, source, problems, where + ".source")
        _far_source(source, content, problems, where)
        parent = (min(source[0], content[0]), max(source[1], content[1]))
        return source, resolve_nested(text, cue_quote, parent, problems, where + ".cue", anchor=source)
    source, cue = min(pairs, key=lambda pc: (_gap(pc[0], pc[1]) + _gap(pc[1], content) + _gap(pc[0], content)
                                             + clash(*pc), pc[0][0], pc[1][0]))
    _check_edges(text, source, problems, where + ".source")
    _check_edges(text, cue, problems, where + ".cue")
    if _gap(source, cue) > NEAR:
        problems.warn(where, f"source and cue are {_gap(source, cue)} characters apart; check them")
    _far_source(source, content, problems, where)
    return source, cue


def _far_source(source: Span, content: Span, problems: Problems, where: str) -> None:
    if _gap(source, content) > NEAR:
        problems.warn(where + ".source", f"source is {_gap(source, content)} characters from the content; "
                                         "check it (or give {\"q\", \"n\"})")


def _whole_words_first(text: str, hits: list[int], length: int) -> list[int]:
    """The occurrences that do not cut a word ("he" in "the" is no match for "he"), else all of them."""
    whole = [i for i in hits if not cuts_word(text, (i, i + length))]
    return whole or hits


def _gap(a: Span, b: Span) -> int:
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


def _enum(problems: Problems, where: str, item: dict[str, Any], key: str, allowed: tuple[str, ...]) -> str | None:
    value = item.get(key)
    if value not in allowed:
        problems.error(where, f"{key} must be one of {'|'.join(allowed)}, got {_describe(value)}")
        return None
    return str(value)


def _number(problems: Problems, where: str, item: dict[str, Any], key: str, *, nullable: bool) -> float | None:
    value = item.get(key)
    if value is None and nullable:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        problems.error(where, f"{key} must be a number{' or null' if nullable else ''}, got {_describe(value)}")
        return None
    return float(value)


def _keys(problems: Problems, where: str, item: Any, required: set[str], optional: set[str]) -> bool:
    if not isinstance(item, dict):
        problems.error(where, f"must be an object, got {_describe(item)}")
        return False
    missing = required - set(item)
    unknown = set(item) - required - optional
    if missing:
        problems.error(where, f"missing {', '.join(sorted(missing))}")
    if unknown:
        problems.error(where, f"unknown key(s) {', '.join(sorted(unknown))}")
    return not missing


def resolve_annotation(raw: Any, text: str, article_id: str) -> tuple[dict[str, Any], Problems]:
    """Check a scratch annotation against its article and resolve every quote to offsets.

    Returns the resolved record (spans as ``[start, end]``; items with an unresolvable required span dropped)
    and the problems found. The record carries no text.
    """
    p = Problems(article_id)
    out: dict[str, Any] = {"id": article_id}
    if not isinstance(raw, dict):
        p.error("file", "top level must be a JSON object")
        return out, p
    top_required = {"id", "annotator", "article_violence", *LISTS}
    _keys(p, "file", raw, top_required, {"notes"})
    if raw.get("id") != article_id:
        p.error("id", f"is {_describe(raw.get('id'))}, file is for {article_id}")
    annotator = raw.get("annotator")
    if not isinstance(annotator, str) or not annotator:
        p.error("annotator", "must be a non-empty string")
    out["annotator"] = annotator
    if not isinstance(raw.get("article_violence"), bool):
        p.error("article_violence", "must be true or false")
    out["article_violence"] = bool(raw.get("article_violence"))
    if "notes" in raw and not isinstance(raw["notes"], str):
        p.error("notes", "must be a string")
    for name in LISTS:
        items = raw.get(name, [])
        if not isinstance(items, list):
            p.error(name, "must be a list")
            items = []
        resolved: list[dict[str, Any]] = []
        for k, item in enumerate(items):
            one = _RESOLVERS[name](item, text, p, f"{name}[{k}]")
            if one is not None:
                resolved.append(one)
                _record_spans(p, f"{name}[{k}]", one)
        out[name] = resolved
        _duplicates(p, name, resolved)
    if out.get("violence") and not out["article_violence"]:
        p.warn("article_violence", "false although the article has violence items (is that intended?)")
    return out, p


def _is_span(value: Any) -> bool:
    return isinstance(value, list) and len(value) == 2 and all(type(v) is int for v in value)


def _record_spans(p: Problems, where: str, item: dict[str, Any]) -> None:
    for key, value in item.items():
        if _is_span(value):
            p.spans.append((f"{where}.{key}", value[0], value[1]))
        elif isinstance(value, list):
            p.spans.extend((f"{where}.{key}[{k}]", v[0], v[1]) for k, v in enumerate(value) if _is_span(v))


def _duplicates(p: Problems, name: str, items: list[dict[str, Any]]) -> None:
    seen: dict[str, int] = {}
    for k, item in enumerate(items):
        key = json.dumps(item, sort_keys=True)
        if key in seen:
            p.warn(f"{name}[{k}]", f"same as {name}[{seen[key]}]")
        seen.setdefault(key, k)


def _as_list(span: Span) -> list[int]:
    return [span[0], span[1]]


def _attribution(item: Any, text: str, p: Problems, where: str) -> dict[str, Any] | None:
    if not _keys(p, where, item, {"source", "cue", "content", "source_type", "kind"}, set()):
        return None
    if item["source"] is None:
        p.error(where + ".source", "null source: skip attributions whose source is not in the text")
        return None
    content = resolve_span(text, item["content"], p, where + ".content")
    source: Span | None = None
    cue: Span | None = None
    if content is not None:
        source, cue = resolve_source_and_cue(text, item["source"], item["cue"], content, p, where)
    source_type = _enum(p, where, item, "source_type", SOURCE_TYPES)
    kind = _enum(p, where, item, "kind", ATTRIBUTION_KINDS)
    if source is None or content is None or source_type is None or kind is None:
        return None
    split_quote = content[0] < source[0] and source[1] < content[1]  # "A," said X, "B": content runs across
    if source[0] < content[1] and content[0] < source[1] and not split_quote:
        p.warn(where, "source and content overlap")
    return {"source": _as_list(source), "cue": _as_list(cue) if cue else None, "content": _as_list(content),
            "source_type": source_type, "kind": kind}


def _quantity(item: Any, text: str, p: Problems, where: str) -> dict[str, Any] | None:
    if not _keys(p, where, item, {"span", "value", "low", "high", "bound", "unit", "vague"}, set()):
        return None
    span = resolve_span(text, item["span"], p, where + ".span")
    vague = item.get("vague")
    if not isinstance(vague, bool):
        p.error(where, "vague must be true or false")
    bound = _enum(p, where, item, "bound", BOUNDS)
    value = _number(p, where, item, "value", nullable=bool(vague) or bound == "range")
    low = _number(p, where, item, "low", nullable=True)
    high = _number(p, where, item, "high", nullable=True)
    unit = item.get("unit")
    if unit is not None and not isinstance(unit, str):
        p.error(where, "unit must be a string or null")
    if bound == "range" and (low is None or high is None):
        p.warn(where, "range without low and high")
    if low is not None and high is not None and low > high:
        p.error(where, f"low {low} > high {high}")
    if span is None or bound is None:
        return None
    return {"span": _as_list(span), "value": value, "low": low, "high": high, "bound": bound,
            "unit": unit if isinstance(unit, str) else None, "vague": bool(vague)}


def _claim(item: Any, text: str, p: Problems, where: str) -> dict[str, Any] | None:
    if not _keys(p, where, item, {"span"}, set()):
        return None
    span = resolve_span(text, item["span"], p, where + ".span")
    return {"span": _as_list(span)} if span else None


def _hedge(item: Any, text: str, p: Problems, where: str) -> dict[str, Any] | None:
    if not _keys(p, where, item, {"claim", "cues"}, set()):
        return None
    claim = resolve_span(text, item["claim"], p, where + ".claim")
    cues_raw = item["cues"]
    if not isinstance(cues_raw, list) or not cues_raw:
        p.error(where + ".cues", "must be a non-empty list of cue quotes")
        return None
    if claim is None:
        return None
    cues: list[list[int]] = []
    for k, cue in enumerate(cues_raw):
        span = resolve_nested(text, cue, claim, p, f"{where}.cues[{k}]")
        if span is not None:
            if not (claim[0] <= span[0] and span[1] <= claim[1]):
                p.error(f"{where}.cues[{k}]", "a hedge cue must be inside its claim's own text")
                continue
            cues.append(_as_list(span))
    return {"claim": _as_list(claim), "cues": cues} if cues else None


def _prediction(item: Any, text: str, p: Problems, where: str) -> dict[str, Any] | None:
    if not _keys(p, where, item, {"span", "horizon"}, set()):
        return None
    span = resolve_span(text, item["span"], p, where + ".span")
    if span is None:
        return None
    horizon = None
    if item["horizon"] is not None:
        horizon = resolve_nested(text, item["horizon"], span, p, where + ".horizon")
    return {"span": _as_list(span), "horizon": _as_list(horizon) if horizon else None}


def _violence(item: Any, text: str, p: Problems, where: str) -> dict[str, Any] | None:
    if not _keys(p, where, item, {"label", "span", "act", "target"}, set()):
        return None
    label = _enum(p, where, item, "label", VIOLENCE_LABELS)
    span = resolve_span(text, item["span"], p, where + ".span")
    if span is None or label is None:
        return None
    parts: dict[str, list[int] | None] = {}
    for key in ("act", "target"):
        part = resolve_nested(text, item[key], span, p, f"{where}.{key}") if item[key] is not None else None
        parts[key] = _as_list(part) if part else None
    return {"label": label, "span": _as_list(span), **parts}


def _call_to_action(item: Any, text: str, p: Problems, where: str) -> dict[str, Any] | None:
    return _claim(item, text, p, where)


_RESOLVERS = {
    "attributions": _attribution,
    "quantities": _quantity,
    "claims": _claim,
    "hedges": _hedge,
    "predictions": _prediction,
    "violence": _violence,
    "calls_to_action": _call_to_action,
}


def check_file(path: Path, data_dir: Path) -> tuple[dict[str, Any] | None, Problems]:
    """Load and resolve one scratch file ``<ID>.json`` against its PTC article."""
    article_id = path.stem
    p = Problems(article_id)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        p.error("file", f"cannot read {path}: {exc}")
        return None, p
    try:
        text = read_article(data_dir, article_id)
    except OSError as exc:
        p.error("file", f"no article text: {exc}")
        return None, p
    record, p = resolve_annotation(raw, text, article_id)
    record["text_sha256"] = text_digest(text)
    record["text_length"] = len(text)
    return record, p


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> None:
    """Write atomically (temp file + rename), one compact record per line, sorted by id."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            for record in sorted(records, key=lambda r: str(r["id"])):
                handle.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def convert(scratch_dir: Path, data_dir: Path, split_file: Path, out_dir: Path, suffix: str = "",
            replace: bool = False) -> int:
    """Convert every scratch file of the selected articles into ``<split>.jsonl`` in ``out_dir``.

    A file with errors is reported (one line per problem) and left out; the rest are written (temp file and
    rename). Returns the exit status: 0 when every present file converted, 1 otherwise. Missing articles are
    listed. Only splits with at least one scratch file are written, so converting one batch's folder never
    touches another batch's file; and a split file that already holds articles the scratch folder lacks is not
    overwritten (one line, exit status 1) unless ``replace``. With a ``suffix`` (second annotations for
    agreement: ``dev_second.jsonl``) only non-empty splits are written.
    """
    split = json.loads(split_file.read_text(encoding="utf-8"))
    by_split: dict[str, list[dict[str, Any]]] = {name: [] for name in sorted({i["split"] for i in split.values()})}
    present: dict[str, int] = {name: 0 for name in by_split}
    status = 0
    for article_id, info in sorted(split.items()):
        path = scratch_dir / f"{article_id}.json"
        if not path.exists():
            continue
        present[info["split"]] += 1
        record, problems = check_file(path, data_dir)
        if problems.errors or record is None:
            status = 1
            for line in problems.errors:
                print(f"skipped: {line}", file=sys.stderr)
            continue
        ordered = {"id": article_id, "split": info["split"], "stratum": info["stratum"], **record}
        by_split[info["split"]].append(ordered)
    for name, records in by_split.items():
        target = out_dir / f"{name}{suffix}.jsonl"
        if not present[name]:
            if not suffix:
                print(f"{name}: no scratch files; {target} not written")
            continue
        done = {r["id"] for r in records}
        kept = _ids_in(target) - done
        if kept and not replace:
            status = 1
            print(f"{name}: not written: {target} holds {len(kept)} articles the scratch folder lacks "
                  f"({' '.join(sorted(kept)[:5])}{' ...' if len(kept) > 5 else ''}); --replace overwrites it",
                  file=sys.stderr)
            continue
        write_jsonl(target, records)
        missing = sorted(a for a, i in split.items() if i["split"] == name and a not in done)
        shown = " ".join(missing) if missing and not suffix else "-" if not missing else "(second annotations)"
        print(f"{name}: {len(records)} articles written to {target}; missing {len(missing)}: {shown}")
    return status


def _ids_in(path: Path) -> set[str]:
    """The article ids of an existing stand-off file (empty when there is none)."""
    if not path.exists():
        return set()
    return {str(json.loads(line)["id"]) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}


#: characters of article text shown before each span by ``check -v``
BEFORE = 40


def _show(text: str) -> str:
    """A piece of article text on one line (line breaks shown as a pilcrow), long spans cut in the middle."""
    flat = text.replace("\n", "¶")
    return flat if len(flat) <= 120 else flat[:80] + " … " + flat[-30:]


def check(scratch_dir: Path, data_dir: Path, article_ids: list[str], verbose: bool = False) -> int:
    """Check the scratch files ``<ID>.json`` of ``article_ids`` against their PTC articles.

    Prints one line per error and per warning (a quote not found, a schema problem, an ambiguous quote without
    ``n``, a span that cuts a word, whitespace at an edge, a span over ``LONG_SPAN`` characters, a source far from
    its content) and ``ID: ok`` for a clean file; with ``verbose`` also every resolved span after the text before
    it. Returns 1 when any file has an error or a warning, else 0.
    """
    status = 0
    for article_id in article_ids:
        _, problems = check_file(scratch_dir / f"{article_id}.json", data_dir)
        for line in problems.errors:
            print(f"error: {line}")
        for line in problems.warnings:
            print(f"warning: {line}")
        if problems.errors or problems.warnings:
            status = 1
        else:
            print(f"{article_id}: ok")
        if verbose and problems.spans:
            text = read_article(data_dir, article_id)
            for where, start, end in problems.spans:
                before = _show(text[max(0, start - BEFORE):start])
                print(f"  {where} {start}-{end}: ...{before}[[{_show(text[start:end])}]]")
    return status


def _convert_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description="Convert real-news scratch annotations to stand-off files (first word 'check': check them).")
    parser.add_argument("--scratch", type=Path, required=True, help="folder of <ID>.json scratch files")
    parser.add_argument("--data", type=Path, required=True, help="the ptc-semeval2020-task11 folder")
    parser.add_argument("--split", type=Path, default=Path("data/realnews/split.json"))
    parser.add_argument("--output", type=Path, default=Path("data/realnews"))
    parser.add_argument("--suffix", default="", help="file name suffix, e.g. _second for dev_second.jsonl")
    parser.add_argument("--replace", action="store_true",
                        help="overwrite a split file even when it holds articles the scratch folder lacks")
    return parser


def _check_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m presslens.evaluation.realnews_annotations check",
        description="Check scratch annotation files; exit status 1 on any error or warning.")
    parser.add_argument("--scratch", type=Path, required=True, help="folder of <ID>.json scratch files")
    parser.add_argument("--data", type=Path, required=True, help="the ptc-semeval2020-task11 folder")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="print every resolved span with the text before it")
    parser.add_argument("ids", nargs="+", metavar="ID", help="article ids (the scratch file is <ID>.json)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args_in = sys.argv[1:] if argv is None else list(argv)
    if args_in[:1] == ["check"]:
        checked = _check_parser().parse_args(args_in[1:])
        ids = [i.removesuffix(".json") for i in checked.ids]
        return check(checked.scratch, checked.data, ids, checked.verbose)
    if args_in[:1] == ["convert"]:
        args_in = args_in[1:]
    args = _convert_parser().parse_args(args_in)
    return convert(args.scratch, args.data, args.split, args.output, args.suffix, args.replace)


if __name__ == "__main__":
    raise SystemExit(main())
