"""One self-contained HTML file per report (or per batch): inline CSS and JS, no external assets.

The article is split at every finding boundary into segments; each segment is wrapped in one
``<span>`` carrying the classes of all findings covering it, so overlapping and nested findings
stay visible together (each kind styles a different CSS property). Low-confidence candidates
(score < 0.5) are drawn only while the report's "show N low-confidence findings" switch is on: their
segments carry ``kc-KIND`` instead of ``k-KIND`` and their list items ``pl-cand``. Everything taken from the
article or from attributes is escaped with :func:`html.escape` (``quote=True``); the data the
script reads is JSON inside ``<script type="application/json">`` with ``<``, ``>`` and ``&``
written as ``\\u003c``, ``\\u003e``, ``\\u0026``.
"""

from __future__ import annotations

import html
import json
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from presslens.article import Finding, Report
from presslens.report.common import (
    KIND_TITLES,
    attribution_parts,
    bound_text,
    candidates_line,
    claim_badges,
    claim_figures,
    claim_source,
    describe,
    describe_quantity,
    findings_sorted,
    fmt_score,
    is_candidate,
    kind_name,
    kind_title,
    label_display,
    label_value_text,
    ordered_kinds,
    quantity_warnings,
    quoted,
    sentence_quote,
    sentence_scores,
    technique_definition,
    technique_glossary,
    violence_target,
)
from presslens.report.jsonout import batch_error_from

CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"

TECHNIQUE_COLOURS = (
    "#ffd6e7", "#d9f2d0", "#d6e4ff", "#ffe0c2", "#e9d8fd", "#c8f0ee", "#f5e1c8",
    "#f0f5c2", "#fbd3f5", "#cfe8ff", "#ece0d1", "#dcd6ff", "#e2e8f0", "#ffe8a3",
)
OTHER_KIND_COLOURS = ("#0891b2", "#7c3aed", "#be185d", "#4d7c0f", "#b45309", "#334155")
SENTENCE_BUCKETS = 10
MAX_LIST_TEXT = 260


def esc(value: Any) -> str:
    """HTML-escape any value (quotes included)."""
    return html.escape(str(value), quote=True)


def json_for_script(data: Any) -> str:
    """JSON safe to embed inside ``<script type="application/json">``."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )


def kind_slug(kind: str) -> str:
    """A CSS-class-safe form of a finding kind."""
    slug = re.sub(r"[^a-z0-9_-]+", "-", kind.lower()).strip("-")
    return slug or "other"


def _clip(text: str, limit: int = MAX_LIST_TEXT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@lru_cache(maxsize=1)
def _asset(name: str) -> str:
    return resources.files("presslens.report").joinpath(name).read_text(encoding="utf-8")


# --------------------------------------------------------------------------------------------
# Per-report context
# --------------------------------------------------------------------------------------------


@dataclass
class _View:
    report: Report
    number: int
    findings: list[Finding] = field(default_factory=list)
    index: dict[int, int] = field(default_factory=dict)
    sentences: dict[int, float] = field(default_factory=dict)

    @classmethod
    def of(cls, report: Report, number: int) -> _View:
        found = findings_sorted(report.findings)
        return cls(report, number, found, {id(f): i for i, f in enumerate(found)}, sentence_scores(report))

    def idx(self, f: Finding) -> int:
        return self.index[id(f)]

    def asserted(self, kind: str | None = None) -> list[Finding]:
        """Findings shown by default (score >= 0.5; all sentence scores), optionally of one kind."""
        return [f for f in self.findings if not is_candidate(f) and (kind is None or f.kind == kind)]

    def candidates(self) -> list[Finding]:
        """Low-confidence findings (score < 0.5), hidden until the reader asks for them."""
        return [f for f in self.findings if is_candidate(f)]

    def visible(self) -> list[tuple[int, Finding]]:
        """Findings drawn in the text (sentence-level scores are drawn as a wash instead)."""
        return [(i, f) for i, f in enumerate(self.findings) if f.kind != "sentence" and f.end > f.start]


@lru_cache(maxsize=256)
def technique_colour_index(label: str) -> int:
    """Stable palette index of a technique label (glossary order, else a hash of the label)."""
    known = sorted(technique_glossary())
    if label in known:
        return known.index(label) % len(TECHNIQUE_COLOURS)
    return zlib.crc32(label.encode("utf-8")) % len(TECHNIQUE_COLOURS)


def _generated_css(kinds: Iterable[str]) -> str:
    rules = [f".tc-{i}{{--tc:{c}}}" for i, c in enumerate(TECHNIQUE_COLOURS)]
    for b in range(1, SENTENCE_BUCKETS):
        alpha = round(0.035 * b, 3)
        rules.append(
            f".on-sentence .sp-{b}{{background-image:linear-gradient(rgba(var(--sentence),{alpha}),"
            f"rgba(var(--sentence),{alpha}))}}"
        )
    styled = {"technique", "claim", "quantity", "attribution", "call_to_action", "violence", "sentence"}
    for kind in sorted(set(kinds) - styled):
        slug = kind_slug(kind)
        colour = OTHER_KIND_COLOURS[zlib.crc32(slug.encode()) % len(OTHER_KIND_COLOURS)]
        rules.append(f".on-{slug} .k-{slug},.show-cand.on-{slug} .kc-{slug}"
                     f"{{outline:1.5px dotted {colour};outline-offset:1px}}")
    return "\n".join(rules)


# --------------------------------------------------------------------------------------------
# Article text with highlights
# --------------------------------------------------------------------------------------------


def _segments(view: _View, start: int, end: int, visible: list[tuple[int, Finding]]) -> str:
    """HTML of ``article.text[start:end]`` split at every finding and scored-sentence boundary."""
    text = view.report.article.text
    here = [(i, f) for i, f in visible if f.start < end and f.end > start]
    bounds = {start, end}
    for _, f in here:
        bounds.add(max(start, f.start))
        bounds.add(min(end, f.end))
    sentence_ranges = view.report.article.sentences
    if view.sentences:
        for s_idx in view.sentences:
            s, e = sentence_ranges[s_idx]
            if s < end and e > start:
                bounds.add(max(start, s))
                bounds.add(min(end, e))
    cuts = sorted(bounds)
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if b <= a:
            continue
        covering = [(i, f) for i, f in here if f.start <= a and f.end >= b]
        out.append(_segment_html(view, text[a:b], a, covering))
    return "".join(out)


def _segment_html(view: _View, chunk: str, offset: int, covering: list[tuple[int, Finding]]) -> str:
    classes: list[str] = []
    attrs: list[str] = []
    s_idx = view.report.article.sentence_index_at(offset) if view.sentences else None
    if s_idx is not None and s_idx in view.sentences:
        bucket = min(SENTENCE_BUCKETS - 1, int(view.sentences[s_idx] * SENTENCE_BUCKETS))
        classes.append(f"sp-{bucket}")
        attrs.append(f'data-s="{s_idx}"')
    if covering:
        kinds = sorted({kind_slug(f.kind) for _, f in covering if not is_candidate(f)})
        candidate_kinds = sorted({kind_slug(f.kind) for _, f in covering if is_candidate(f)} - set(kinds))
        classes = ["hl", *(f"k-{k}" for k in kinds), *(f"kc-{k}" for k in candidate_kinds), *classes]
        if all(is_candidate(f) for _, f in covering):
            classes.append("cand")
        techniques = [f for _, f in covering if f.kind == "technique"]
        if techniques:
            top = max(techniques, key=lambda f: (not is_candidate(f), f.score))
            classes.append(f"tc-{technique_colour_index(top.label)}")
        attrs.append(f'data-f="{" ".join(str(i) for i, _ in covering)}"')
        attrs.append('tabindex="0"')
        summary = "; ".join(f"{kind_name(f.kind)}: {label_display(f)} ({fmt_score(f.score)})" for _, f in covering)
        attrs.append(f'title="{esc(summary)}"')
    if not classes:
        return esc(chunk)
    return f'<span class="{" ".join(classes)}" {" ".join(attrs)}>{esc(chunk)}</span>'


def _article_html(view: _View) -> tuple[str, str]:
    """``(title html, body html)``: the title line is drawn as the heading when it opens the text."""
    article = view.report.article
    paragraphs = list(article.paragraphs) or ([(0, len(article.text))] if article.text else [])
    visible = view.visible()
    title_html = esc(article.title) if article.title else esc(article.id or "Untitled article")
    if paragraphs and article.title:
        s, e = paragraphs[0]
        if article.text[s:e].strip() == article.title.strip():
            title_html = _segments(view, s, e, visible)
            paragraphs = paragraphs[1:]
    body = "".join(f"<p>{_segments(view, s, e, visible)}</p>" for s, e in paragraphs)
    return title_html, body or '<p class="pl-empty">(empty article)</p>'


# --------------------------------------------------------------------------------------------
# Report parts
# --------------------------------------------------------------------------------------------


def _meta_html(view: _View) -> str:
    a = view.report.article
    lang = None
    if a.language:
        lang = f"{a.language} ({a.language_score:.2f})" if a.language_score is not None else a.language
    items = [
        ("Date", a.date.isoformat() if a.date else None, ""),
        ("Source", a.source, ""),
        ("Author", a.author, ""),
        ("Language", lang, ""),
        ("URL", a.url, "pl-url"),
        ("Origin", a.origin, "pl-url"),
    ]
    spans = [f'<span class="{cls}"><b>{esc(k)}</b> {esc(v)}</span>' for k, v, cls in items if v]
    return f'<div class="pl-meta">{"".join(spans)}</div>' if spans else ""


def _labels_html(report: Report) -> str:
    if not report.labels:
        return ""
    chips = [
        f'<span class="pl-chip"><b>{esc(name)}</b>: {esc(_clip(label_value_text(value), 160))}</span>'
        for name, value in sorted(report.labels.items())
    ]
    return f'<div class="pl-chips">{"".join(chips)}</div>'


def _quote_html(view: _View, f: Finding) -> str:
    q = sentence_quote(view.report.article, f.start, f.end)
    before, after = q.before[-200:], q.after[:200]
    return f'<span class="pl-quote">{esc(before)}<mark>{esc(q.span)}</mark>{esc(after)}</span>'



def _violence_banner(view: _View) -> str:
    found = sorted(view.report.by_kind("violence"), key=lambda f: (-f.score, f.start))
    if not found:
        return ""
    items = []
    for f in found:
        target = violence_target(f)
        cues = f.attributes.get("cues")
        sub = [f"<b>{esc(label_display(f))}</b>", f"score {fmt_score(f.score)}",
               f"target: {esc(target) if target else 'not identified'}"]
        if cues:
            sub.append(f"cues: {esc(_clip(describe(cues), 120))}")
        items.append(
            f'<li{_cand_class(f)} data-goto="{view.idx(f)}" tabindex="0">{_quote_html(view, f)}'
            f'<div class="pl-sub">{" · ".join(sub)}</div></li>'
        )
    by_label: dict[str, int] = {}
    for f in found:
        if not is_candidate(f):
            by_label[label_display(f)] = by_label.get(label_display(f), 0) + 1
    if by_label:
        title = "Violence: " + ", ".join(f"{name.lower()} ×{n}" for name, n in by_label.items())
        return f'<div class="pl-banner" role="alert"><h2>{esc(title)}</h2><ol>{"".join(items)}</ol></div>'
    title = f"Violence (low confidence): {len(found)} candidate{'s' if len(found) != 1 else ''}"
    return f'<div class="pl-banner pl-cand"><h2>{esc(title)}</h2><ol>{"".join(items)}</ol></div>'


def _legend_sample(kind: str) -> str:
    slug = kind_slug(kind)
    sample = {"technique": "tc-0", "sentence": ""}.get(kind, "")
    return (
        f'<span class="pl-sample on-{slug}">'
        f'<span class="k-{slug} {sample}">{esc(kind_title(kind))}</span></span>'
    )


def _cand_class(f: Finding, *extra: str) -> str:
    """`` class="…"`` for a list item: ``pl-cand`` (hidden until candidates are shown) for a candidate."""
    classes = [*extra, *(["pl-cand"] if is_candidate(f) else [])]
    return f' class="{" ".join(classes)}"' if classes else ""


_CAND_CLASS = ' class="pl-cand"'


def _more(n: int) -> str:
    """``+N`` low-confidence count, visible only while candidates are shown."""
    return f'<span class="pl-cand pl-more" title="{esc(candidates_line(n))}">+{n}</span>' if n else ""


def _toolbar(view: _View) -> str:
    counts: dict[str, int] = {}
    extra: dict[str, int] = {}
    for f in view.findings:
        counts.setdefault(f.kind, 0)
        if is_candidate(f):
            extra[f.kind] = extra.get(f.kind, 0) + 1
        else:
            counts[f.kind] += 1
    if not counts:
        return ""
    rep = view.number
    boxes = []
    for kind in ordered_kinds(counts):
        slug = kind_slug(kind)
        checked = "" if kind == "sentence" else " checked"
        boxes.append(
            f'<label><input type="checkbox" data-kind="{esc(slug)}" id="r{rep}-f-{esc(slug)}"{checked}>'
            f'{_legend_sample(kind)}<span class="pl-count">{counts[kind]}</span>{_more(extra.get(kind, 0))}</label>'
        )
    n_cand = sum(extra.values())
    if n_cand:
        boxes.append(
            f'<label class="pl-candswitch" title="findings whose score (probability of being right) is below 0.50">'
            f'<input type="checkbox" data-candidates="1" id="r{rep}-candidates">'
            f"show {esc(candidates_line(n_cand))}</label>"
        )
    return f'<div class="pl-toolbar"><span class="pl-tb-title">Show</span>{"".join(boxes)}</div>'


def _techniques_by_label(view: _View) -> dict[str, list[Finding]]:
    by_label: dict[str, list[Finding]] = {}
    for f in view.findings:
        if f.kind == "technique":
            by_label.setdefault(f.label, []).append(f)
    return by_label


def _n_asserted(found: Iterable[Finding]) -> int:
    return sum(1 for f in found if not is_candidate(f))


def _by_asserted_count(by_label: dict[str, list[Finding]]) -> list[tuple[str, list[Finding]]]:
    return sorted(by_label.items(), key=lambda kv: (-_n_asserted(kv[1]), -len(kv[1]), kv[0]))


def _technique_legend(view: _View) -> str:
    by_label = _techniques_by_label(view)
    if not by_label:
        return ""
    chips = []
    for label, fs in _by_asserted_count(by_label):
        n = _n_asserted(fs)
        first = next((f for f in fs if not is_candidate(f)), fs[0])
        cls = "pl-swatch" + ("" if n else " pl-cand")
        chips.append(
            f'<span class="{cls} tc-{technique_colour_index(label)}" '
            f'data-goto="{view.idx(first)}" tabindex="0" title="{esc(technique_definition(label))}">'
            f"{esc(label_display(fs[0]))} <b>{n}</b>{_more(len(fs) - n)}</span>"
        )
    return f'<div class="pl-techlegend">{"".join(chips)}</div>'


def _section(title: str, count: int | None, body: str, found: Iterable[Finding] = ()) -> str:
    """A side-panel section; with ``found``, ``count`` is its asserted findings and the candidates add a
    ``+N`` shown with them (a section of candidates only is hidden until they are shown)."""
    found = list(found)
    if found:
        count = _n_asserted(found)
        extra = len(found) - count
        n = f"<span>{count}</span>{_more(extra)}"
        cls = "" if count else ' class="pl-cand"'
        return f"<section{cls}><h3>{esc(title)}{n}</h3>{body}</section>"
    n = f"<span>{count}</span>" if count is not None else ""
    return f"<section><h3>{esc(title)}{n}</h3>{body}</section>"


def _claims_html(view: _View) -> str:
    claims = [f for f in view.findings if f.kind == "claim"]
    if not claims:
        return ""
    items = []
    for c in claims:
        badges = "".join(
            f'<span class="pl-badge {"prediction" if b.startswith("prediction") else "hedged"}" title="{esc(b)}">'
            f'{esc(b.split(":", 1)[0])}</span>'
            for b in claim_badges(c)
        )
        figs = "".join(f'<span class="pl-fig">{esc(_clip(x, 80))}</span>' for x in claim_figures(view.report, c))
        source = claim_source(c)
        sub = []
        if figs:
            sub.append(figs)
        if source:
            sub.append(f"source: <b>{esc(_clip(source, 120))}</b>")
        sub.append(f'<span class="pl-score">{fmt_score(c.score)}</span>')
        items.append(
            f'<li{_cand_class(c, "pl-item")} data-goto="{view.idx(c)}" tabindex="0"><q>{esc(_clip(c.text))}</q>{badges}'
            f'<div class="pl-sub">{" · ".join(sub)}</div></li>'
        )
    return _section(KIND_TITLES["claim"], None, f'<ol>{"".join(items)}</ol>', claims)


def _figures_html(view: _View) -> str:
    figures = [f for f in view.findings if f.kind == "quantity"]
    if not figures:
        return ""
    rows = []
    for f in figures:
        warn = "".join(f'<span class="pl-badge warn">{esc(_clip(w, 60))}</span>' for w in quantity_warnings(f))
        bound = f.attributes.get("bound")
        rows.append(
            f'<tr{_cand_class(f)} data-goto="{view.idx(f)}"><td>{esc(_clip(f.text, 60))}</td>'
            f"<td>{esc(describe_quantity(f))}{warn}</td><td>{esc(f.label)}</td>"
            f"<td>{esc(bound_text(bound))}</td></tr>"
        )
    table = ("<table><tr><th>Figure</th><th>Value</th><th>Type</th><th>Bound</th></tr>"
             f'{"".join(rows)}</table>')
    return _section(KIND_TITLES["quantity"], None, table, figures)


def _attributions_html(view: _View) -> str:
    found = [f for f in view.findings if f.kind == "attribution"]
    if not found:
        return ""
    items = []
    for f in found:
        source, stype, cue, content = attribution_parts(f)
        kind = f'<span class="pl-badge hedged">{esc(stype)}</span>' if stype else ""
        cue_html = f" — <i>{esc(cue)}</i>" if cue else ""
        content_html = f'<div class="pl-sub">{esc(quoted(_clip(content, 200)))}</div>' if content else ""
        items.append(
            f'<li{_cand_class(f, "pl-item")} data-goto="{view.idx(f)}" tabindex="0"><b>{esc(_clip(source, 100))}</b>{kind}'
            f"{cue_html}{content_html}</li>"
        )
    return _section(KIND_TITLES["attribution"], None, f'<ul>{"".join(items)}</ul>', found)


def _techniques_html(view: _View) -> str:
    by_label = _techniques_by_label(view)
    if not by_label:
        return ""
    groups = []
    for label, fs in _by_asserted_count(by_label):
        n = _n_asserted(fs)
        items = "".join(
            f'<li{_cand_class(f, "pl-item")} data-goto="{view.idx(f)}" tabindex="0">“{esc(_clip(f.text, 160))}” '
            f'<span class="pl-score">{fmt_score(f.score)}</span></li>'
            for f in fs
        )
        definition = technique_definition(label)
        groups.append(
            f'<details{"" if n else _CAND_CLASS}><summary>'
            f'<span class="pl-swatch tc-{technique_colour_index(label)}" >{esc(label_display(fs[0]))}</span> '
            f'<span class="pl-score">×{n}</span>{_more(len(fs) - n)}'
            f'{f"""<div class="pl-sub">{esc(definition)}</div>""" if definition else ""}</summary>'
            f"<ul>{items}</ul></details>"
        )
    return _section(KIND_TITLES["technique"], None, "".join(groups), [f for v in by_label.values() for f in v])


def _other_kinds_html(view: _View) -> str:
    dedicated = {"violence", "claim", "quantity", "attribution", "technique", "sentence"}
    out = []
    for kind in ordered_kinds(f.kind for f in view.findings):
        if kind in dedicated:
            continue
        found = [f for f in view.findings if f.kind == kind]
        items = "".join(
            f'<li{_cand_class(f, "pl-item")} data-goto="{view.idx(f)}" tabindex="0">“{esc(_clip(f.text, 200))}”'
            f'<div class="pl-sub"><b>{esc(label_display(f))}</b> · <span class="pl-score">{fmt_score(f.score)}'
            f"</span>{' · ' + esc(_clip(describe(f.attributes), 160)) if f.attributes else ''}</div></li>"
            for f in found
        )
        out.append(_section(kind_title(kind), None, f"<ul>{items}</ul>", found))
    return "".join(out)


def _sentences_html(view: _View) -> str:
    if not view.sentences:
        return ""
    high = sorted(((p, i) for i, p in view.sentences.items() if p >= 0.5), reverse=True)
    note = (f'<div class="pl-note">{len(high)} of {len(view.sentences)} sentences have a propaganda '
            "probability ≥ 0.50. Tick <i>Sentence propaganda score</i> above to shade sentences by it.</div>")
    return _section(KIND_TITLES["sentence"], None, note)


def _analyzers_html(report: Report) -> str:
    if not report.analyzers:
        return ""
    rows = []
    for r in report.analyzers:
        cls = {"ok": "ok", "error": "err"}.get(r.status, "warn")
        msg = f'<div class="pl-sub">{esc(r.message)}</div>' if r.message else ""
        rows.append(f"<tr><td><code>{esc(r.name)}</code>{msg}</td><td>{esc(r.version)}</td>"
                    f'<td><span class="pl-badge {cls}">{esc(r.status)}</span></td></tr>')
    table = f'<table><tr><th>Analyzer</th><th>Version</th><th>Status</th></tr>{"".join(rows)}</table>'
    return _section("Analyzers", len(report.analyzers), table)


def _errors_html(report: Report) -> str:
    if not report.errors:
        return ""
    items = "".join(f'<li class="pl-item">{esc(describe(e))}</li>' for e in report.errors)
    return _section("Errors", len(report.errors), f"<ul>{items}</ul>")


def _script_data(view: _View) -> dict[str, Any]:
    a = view.report.article
    findings = []
    for f in view.findings:
        s_idx = a.sentence_index_at(f.start)
        findings.append({
            "kind": f.kind,
            "label": f.label,
            "name": label_display(f),
            "score": round(f.score, 4),
            "text": f.text if len(f.text) <= 400 else f.text[:399] + "…",
            "analyzer": f.analyzer,
            "attributes": f.attributes,
            "sentence": s_idx,
            "candidate": is_candidate(f),
        })
    labels = {f.label for f in view.findings if f.kind == "technique"}
    return {
        "findings": findings,
        "sentences": {str(i): round(p, 4) for i, p in view.sentences.items()},
        "definitions": {lab: technique_definition(lab) for lab in sorted(labels) if technique_definition(lab)},
        "kindTitles": {k: kind_name(k) for k in {f.kind for f in view.findings}},
    }


def _report_section(view: _View) -> str:
    on = " ".join(f"on-{kind_slug(k)}" for k in sorted({f.kind for f in view.findings}) if k != "sentence")
    title_html, body_html = _article_html(view)
    side = "".join([
        _claims_html(view), _figures_html(view), _attributions_html(view), _techniques_html(view),
        _other_kinds_html(view), _sentences_html(view), _analyzers_html(view.report), _errors_html(view.report),
    ]) or '<section><div class="pl-note">No findings.</div></section>'
    return (
        f'<section class="pl-report {on}" id="r{view.number}" data-report="{view.number}">'
        f'<script type="application/json" class="pl-data">{json_for_script(_script_data(view))}</script>'
        f"{_violence_banner(view)}"
        f'<header class="pl-head"><h1>{title_html}</h1>{_meta_html(view)}{_labels_html(view.report)}</header>'
        f"{_toolbar(view)}{_technique_legend(view)}"
        f'<div class="pl-main"><article class="pl-article">{body_html}</article>'
        f'<aside class="pl-side">{side}</aside></div></section>'
    )


# --------------------------------------------------------------------------------------------
# Documents
# --------------------------------------------------------------------------------------------


def _document(title: str, subtitle: str, body: str, kinds: Iterable[str]) -> str:
    css = _asset("report.css") + "\n" + _generated_css(kinds)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>\n{css}\n</style></head>\n<body>\n"
        f'<div class="pl-top"><b>presslens</b><span>{esc(subtitle)}</span></div>\n'
        f'<div class="pl-wrap">\n{body}\n</div>\n'
        '<div id="pl-tip" class="pl-tip" role="tooltip" hidden></div>\n'
        f"<script>\n{_asset('report.js')}\n</script>\n</body></html>\n"
    )


def to_html(report: Report) -> str:
    """One report as a self-contained HTML document."""
    view = _View.of(report, 0)
    title = report.article.title or report.article.id or "Untitled article"
    kinds = {f.kind for f in report.findings}
    return _document(f"presslens · {title}", "article report", _report_section(view), kinds)


def to_html_batch(reports: Iterable[Report], errors: Iterable[Any] = ()) -> str:
    """Several reports (and the inputs that failed) as one self-contained HTML document.

    ``errors`` items may be ``InputError``-like objects, exceptions, ``{"origin", "line",
    "message"}`` dicts or full batch error items (see :func:`presslens.report.jsonout.batch_error_from`).
    """
    reports = list(reports)
    views = [_View.of(r, n) for n, r in enumerate(reports)]
    error_items = [batch_error_from(e)["error"] for e in errors]
    kinds = {f.kind for r in reports for f in r.findings}
    body = _batch_index(views, error_items) + "\n".join(_report_section(v) for v in views)
    subtitle = f"{len(reports)} article{'s' if len(reports) != 1 else ''}"
    if error_items:
        subtitle += f", {len(error_items)} input error{'s' if len(error_items) != 1 else ''}"
    return _document("presslens · batch report", subtitle, body, kinds)


def _batch_index(views: list[_View], errors: list[dict[str, Any]]) -> str:
    rows = []
    for v in views:
        a = v.report.article
        counts = {k: len(v.asserted(k)) for k in ("violence", "claim", "quantity", "attribution", "technique")}
        violence = (f'<span class="pl-badge err">violence ×{counts["violence"]}</span>'
                    if counts["violence"] else "")
        rows.append(
            f'<tr><td>{v.number + 1}</td><td><a href="#r{v.number}">{esc(_clip(a.title or a.id or "Untitled", 120))}'
            f"</a>{violence}</td><td>{esc(a.date.isoformat() if a.date else '')}</td><td>{esc(a.source or '')}</td>"
            f'<td>{counts["claim"]}</td><td>{counts["quantity"]}</td><td>{counts["attribution"]}</td>'
            f'<td>{counts["technique"]}</td></tr>'
        )
    table = (
        "<table><tr><th>#</th><th>Article</th><th>Date</th><th>Source</th><th>Claims</th><th>Figures</th>"
        f'<th>Sources</th><th>Techniques</th></tr>{"".join(rows)}</table>' if rows else ""
    )
    errs = ""
    if errors:
        items = "".join(
            f"<li><code>{esc(e['origin'])}{':' + esc(e['line']) if e.get('line') is not None else ''}</code> "
            f"{esc(e['message'])}</li>"
            for e in errors
        )
        errs = f'<h2>Inputs that could not be analysed ({len(errors)})</h2><ul class="pl-errors">{items}</ul>'
    return f'<div class="pl-index"><h2>Articles ({len(views)})</h2>{table}{errs}</div>'
