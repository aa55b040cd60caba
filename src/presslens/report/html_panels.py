"""The report's side panels: meta line, violence banner, toolbar, legend and the per-kind finding lists."""

from __future__ import annotations

from collections.abc import Iterable
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
    extra_attributes,
    fmt_score,
    is_candidate,
    is_page_furniture,
    kind_name,
    kind_title,
    label_display,
    label_value_text,
    ordered_kinds,
    quantity_warnings,
    quoted,
    sentence_quote,
    technique_definition,
    violence_target,
)
from presslens.report.html_text import article_html
from presslens.report.html_view import (
    ReportView,
    clip_text,
    esc,
    json_for_script,
    kind_slug,
    technique_colour_index,
)
from presslens.report.not_analysed import not_analysed_line

# --------------------------------------------------------------------------------------------
# Report parts
# --------------------------------------------------------------------------------------------


def _meta_html(view: ReportView) -> str:
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
    skipped = not_analysed_line(a)
    if skipped:
        spans.append(f'<span class="pl-unsup-note"><b>Not analysed</b> {esc(skipped)}</span>')
    return f'<div class="pl-meta">{"".join(spans)}</div>' if spans else ""


def _labels_html(report: Report) -> str:
    if not report.labels:
        return ""
    chips = [
        f'<span class="pl-chip"><b>{esc(name)}</b>: {esc(clip_text(label_value_text(value), 160))}</span>'
        for name, value in sorted(report.labels.items())
    ]
    return f'<div class="pl-chips">{"".join(chips)}</div>'


def _quote_html(view: ReportView, f: Finding) -> str:
    q = sentence_quote(view.report.article, f.start, f.end)
    before, after = q.before[-200:], q.after[:200]
    return f'<span class="pl-quote">{esc(before)}<mark>{esc(q.span)}</mark>{esc(after)}</span>'



def _violence_banner(view: ReportView) -> str:
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
            sub.append(f"cues: {esc(clip_text(describe(cues), 120))}")
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


def _more(n: int, furniture: int = 0) -> str:
    """``+N`` low-confidence count (``furniture`` of them page-furniture figures), visible only while candidates
    are shown."""
    return f'<span class="pl-cand pl-more" title="{esc(candidates_line(n, furniture))}">+{n}</span>' if n else ""


def _n_furniture(found: Iterable[Finding]) -> int:
    return sum(1 for f in found if is_page_furniture(f))


def _toolbar(view: ReportView) -> str:
    counts: dict[str, int] = {}
    extra: dict[str, int] = {}
    furniture: dict[str, int] = {}
    for f in view.findings:
        counts.setdefault(f.kind, 0)
        if is_candidate(f):
            extra[f.kind] = extra.get(f.kind, 0) + 1
            furniture[f.kind] = furniture.get(f.kind, 0) + is_page_furniture(f)
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
            f'{_legend_sample(kind)}<span class="pl-count">{counts[kind]}</span>{_more(extra.get(kind, 0), furniture.get(kind, 0))}</label>'
        )
    n_cand, n_furniture = sum(extra.values()), sum(furniture.values())
    if n_cand:
        why = "findings whose score (probability of being right) is below 0.50"
        if n_furniture:
            why += ", and figures of the page rather than the story (share counters)"
        boxes.append(
            f'<label class="pl-candswitch" title="{esc(why)}">'
            f'<input type="checkbox" data-candidates="1" id="r{rep}-candidates">'
            f"show {esc(candidates_line(n_cand, n_furniture))}</label>"
        )
    return f'<div class="pl-toolbar"><span class="pl-tb-title">Show</span>{"".join(boxes)}</div>'


def _techniques_by_label(view: ReportView) -> dict[str, list[Finding]]:
    by_label: dict[str, list[Finding]] = {}
    for f in view.findings:
        if f.kind == "technique":
            by_label.setdefault(f.label, []).append(f)
    return by_label


def _n_asserted(found: Iterable[Finding]) -> int:
    return sum(1 for f in found if not is_candidate(f))


def _by_asserted_count(by_label: dict[str, list[Finding]]) -> list[tuple[str, list[Finding]]]:
    return sorted(by_label.items(), key=lambda kv: (-_n_asserted(kv[1]), -len(kv[1]), kv[0]))


def _technique_legend(view: ReportView) -> str:
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
        n = f"<span>{count}</span>{_more(extra, _n_furniture(found))}"
        cls = "" if count else ' class="pl-cand"'
        return f"<section{cls}><h3>{esc(title)}{n}</h3>{body}</section>"
    n = f"<span>{count}</span>" if count is not None else ""
    return f"<section><h3>{esc(title)}{n}</h3>{body}</section>"


def _q(text: str) -> str:
    """A ``<q>`` (the browser adds the quotation marks), or one without marks when the text already starts or
    ends with one: a quoted sentence reads "There is no exodus ...", not “"There is no exodus ..."."""
    return f"<q>{esc(text)}</q>" if quoted(text) != text else f'<q class="pl-noquote">{esc(text)}</q>'


def _claims_html(view: ReportView) -> str:
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
        figs = "".join(f'<span class="pl-fig">{esc(clip_text(x, 80))}</span>' for x in claim_figures(view.report, c))
        source = claim_source(c, view.report.findings)
        sub = []
        if figs:
            sub.append(figs)
        if source:
            sub.append(f"source: <b>{esc(clip_text(source, 120))}</b>")
        sub.append(f'<span class="pl-score">{fmt_score(c.score)}</span>')
        items.append(
            f'<li{_cand_class(c, "pl-item")} data-goto="{view.idx(c)}" tabindex="0">{_q(clip_text(c.text))}{badges}'
            f'<div class="pl-sub">{" · ".join(sub)}</div></li>'
        )
    return _section(KIND_TITLES["claim"], None, f'<ol>{"".join(items)}</ol>', claims)


def _figures_html(view: ReportView) -> str:
    figures = [f for f in view.findings if f.kind == "quantity"]
    if not figures:
        return ""
    rows = []
    for f in figures:
        notes = [*quantity_warnings(f), *(["page furniture"] if is_page_furniture(f) else [])]
        warn = "".join(f'<span class="pl-badge warn">{esc(clip_text(w, 60))}</span>' for w in notes)
        bound = f.attributes.get("bound")
        rows.append(
            f'<tr{_cand_class(f)} data-goto="{view.idx(f)}"><td>{esc(clip_text(f.text, 60))}</td>'
            f"<td>{esc(describe_quantity(f))}{warn}</td><td>{esc(f.label)}</td>"
            f"<td>{esc(bound_text(bound))}</td></tr>"
        )
    table = ("<table><tr><th>Figure</th><th>Value</th><th>Type</th><th>Bound</th></tr>"
             f'{"".join(rows)}</table>')
    return _section(KIND_TITLES["quantity"], None, table, figures)


def _attributions_html(view: ReportView) -> str:
    found = [f for f in view.findings if f.kind == "attribution"]
    if not found:
        return ""
    items = []
    for f in found:
        source, stype, cue, content = attribution_parts(f)
        kind = f'<span class="pl-badge hedged">{esc(stype)}</span>' if stype else ""
        cue_html = f" — <i>{esc(cue)}</i>" if cue else ""
        content_html = f'<div class="pl-sub">{esc(quoted(clip_text(content, 200)))}</div>' if content else ""
        items.append(
            f'<li{_cand_class(f, "pl-item")} data-goto="{view.idx(f)}" tabindex="0"><b>{esc(clip_text(source, 100))}</b>{kind}'
            f"{cue_html}{content_html}</li>"
        )
    return _section(KIND_TITLES["attribution"], None, f'<ul>{"".join(items)}</ul>', found)


def _techniques_html(view: ReportView) -> str:
    by_label = _techniques_by_label(view)
    if not by_label:
        return ""
    groups = []
    for label, fs in _by_asserted_count(by_label):
        n = _n_asserted(fs)
        items = "".join(
            f'<li{_cand_class(f, "pl-item")} data-goto="{view.idx(f)}" tabindex="0">{esc(quoted(clip_text(f.text, 160)))} '
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


def _other_kinds_html(view: ReportView) -> str:
    dedicated = {"violence", "claim", "quantity", "attribution", "technique", "sentence"}
    out = []
    for kind in ordered_kinds(f.kind for f in view.findings):
        if kind in dedicated:
            continue
        found = [f for f in view.findings if f.kind == kind]
        items = "".join(
            f'<li{_cand_class(f, "pl-item")} data-goto="{view.idx(f)}" tabindex="0">{esc(quoted(clip_text(f.text, 200)))}'
            f'<div class="pl-sub"><b>{esc(label_display(f))}</b> · <span class="pl-score">{fmt_score(f.score)}'
            f"</span>{' · ' + esc(clip_text(describe(extra), 160)) if (extra := extra_attributes(f, ())) else ''}"
            "</div></li>"
            for f in found
        )
        out.append(_section(kind_title(kind), None, f"<ul>{items}</ul>", found))
    return "".join(out)


def _sentences_html(view: ReportView) -> str:
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
    options = report.provenance.get("options") or {}
    if options:  # a setting other than the default changed the findings: say which
        shown = ", ".join(f"<code>{esc(k)}={esc(v)}</code>" for k, v in options.items())
        table += f'<div class="pl-note">Analyzer options (not the defaults): {shown}</div>'
    return _section("Analyzers", len(report.analyzers), table)


def _errors_html(report: Report) -> str:
    if not report.errors:
        return ""
    items = "".join(f'<li class="pl-item">{esc(describe(e))}</li>' for e in report.errors)
    return _section("Errors", len(report.errors), f"<ul>{items}</ul>")


def _script_data(view: ReportView) -> dict[str, Any]:
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
        "kindTitles": {k: kind_name(k) for k in sorted({f.kind for f in view.findings})},
    }


def report_section(view: ReportView) -> str:
    on = " ".join(f"on-{kind_slug(k)}" for k in sorted({f.kind for f in view.findings}) if k != "sentence")
    title_html, body_html = article_html(view)
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
