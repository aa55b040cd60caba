"""A readable Markdown summary of one report.

Violence findings come first. Every piece of article text is escaped so that it renders as
text (no raw HTML, links or emphasis from the article leaks into the Markdown).

Only asserted findings (score >= 0.5) fill the sections; the header says how many low-confidence
candidates there are, and they are listed, folded, in a last section ("Low-confidence candidates").
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence

from presslens.article import Finding, Report
from presslens.outputs import visible_controls
from presslens.report.common import (
    SentenceQuote,
    attribution_parts,
    bound_text,
    claim_badges,
    claim_figures,
    claim_source,
    describe,
    describe_quantity,
    extra_attributes,
    findings_sorted,
    fmt_score,
    hidden_line,
    is_page_furniture,
    kind_title,
    label_display,
    label_value_text,
    ordered_kinds,
    quantity_warnings,
    sentence_quote,
    sentence_scores,
    split_candidates,
    technique_definition,
    technique_name,
    violence_target,
)
from presslens.report.not_analysed import not_analysed_line

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|&#!~])")
_DEDICATED = {"violence", "claim", "quantity", "attribution", "technique", "sentence"}
SENTENCE_THRESHOLD = 0.5


def md_text(value: object) -> str:
    """Escape text for inline Markdown (one line: runs of whitespace become one space)."""
    text = visible_controls(re.sub(r"\s+", " ", str(value)))  # ESC, CR, bidi overrides shown, not acted on
    return _MD_SPECIAL.sub(r"\\\1", text)


_SAFE_CODE = re.compile(r"^[\w ,.:/+()-]*$")


def md_code(value: object) -> str:
    """A code span for identifiers; anything unusual is escaped as plain text instead."""
    text = " ".join(str(value).split())
    if not _SAFE_CODE.match(text):
        return md_text(text)
    return f"`{text}`"


def _emph(span: str) -> str:
    """Bold a span, keeping its surrounding whitespace outside the markers."""
    inner = md_text(span)
    if not inner:
        return ""
    lead = " " if span[:1].isspace() else ""
    trail = " " if span[-1:].isspace() else ""
    return f"{lead}**{inner.strip()}**{trail}"


def _quote(q: SentenceQuote) -> str:
    return f"{md_text(q.before)}{_emph(q.span)}{md_text(q.after)}".strip()


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return lines


def to_markdown(report: Report, *, list_candidates: bool = True) -> str:
    """The Markdown summary of one report (ends with a newline): asserted findings in the sections, then
    the low-confidence candidates in a folded section (only their count when ``list_candidates`` is
    false)."""
    shown, candidates = split_candidates(report.findings)
    full = report
    report = dataclasses.replace(report, findings=shown)
    parts: list[list[str]] = [
        _header(report, candidates),
        _violence(report),
        _labels(report),
        _claims(report, full.findings),
        _figures(report),
        _attributions(report),
        _techniques(report),
        _other_kinds(report),
        _sentences(report),
        _candidates(full, candidates, list_candidates),
        _analyzers(report),
        _errors(report),
    ]
    return "\n\n".join("\n".join(p) for p in parts if p) + "\n"


def _header(report: Report, candidates: list[Finding]) -> list[str]:
    a = report.article
    lines = [f"# {md_text(a.title).strip() if a.title else 'Untitled article'}", ""]
    meta = [
        ("Date", a.date.isoformat() if a.date else None),
        ("Source", a.source),
        ("Author", a.author),
        ("Language", f"{a.language} ({a.language_score:.2f})" if a.language and a.language_score is not None
         else a.language),
        ("URL", a.url),
        ("Origin", a.origin),
        ("ID", a.id or None),
    ]
    lines += [f"- **{k}:** {md_text(v)}" for k, v in meta if v]
    counts = _kind_counts(report.findings)
    if counts:
        lines.append("- **Findings:** " + ", ".join(f"{md_text(kind_title(k).lower())}: {n}" for k, n in counts))
    skipped = not_analysed_line(a)
    if skipped:
        lines.append(f"- **Not analysed:** {md_text(skipped)}")
    if candidates:
        lines.append(f"- **Not shown:** {hidden_line(candidates)}, listed under *Low-confidence candidates*")
    return lines


def _kind_counts(findings: list[Finding]) -> list[tuple[str, int]]:
    kinds = ordered_kinds(f.kind for f in findings)
    return [(k, sum(1 for f in findings if f.kind == k)) for k in kinds if k != "sentence"]


def _violence(report: Report) -> list[str]:
    found = sorted(report.by_kind("violence"), key=lambda f: (-f.score, f.start))
    if not found:
        return []
    lines = [f"## ⚠️ {kind_title('violence')} ({len(found)})", ""]
    for f in found:
        target = violence_target(f)
        cues = f.attributes.get("cues")
        details = [f"**{md_text(label_display(f))}**", f"score {fmt_score(f.score)}",
                   f"target: {md_text(target) if target else 'not identified'}"]
        if cues:
            details.append(f"cues: {md_text(describe(cues))}")
        lines += [f"> {_quote(sentence_quote(report.article, f.start, f.end))}", ">", "> " + " · ".join(details), ""]
    return lines[:-1]


def _labels(report: Report) -> list[str]:
    if not report.labels:
        return []
    rows = [(md_text(name), md_text(label_value_text(value))) for name, value in sorted(report.labels.items())]
    return ["## Article labels", "", *_table(["Label", "Value"], rows)]


def _claims(report: Report, all_findings: list[Finding]) -> list[str]:
    claims = findings_sorted(report.by_kind("claim"))
    if not claims:
        return []
    rows = []
    for i, c in enumerate(claims, 1):
        badges = claim_badges(c)
        rows.append((
            str(i),
            md_text(c.text),
            md_text("; ".join(claim_figures(report, c))),
            md_text(claim_source(c, all_findings) or ""),
            " ".join(md_code(b) for b in badges),
            fmt_score(c.score),
        ))
    return [f"## {kind_title('claim')} ({len(claims)})", "",
            *_table(["#", "Claim", "Figures", "Source", "Flags", "Score"], rows)]


def _figures(report: Report) -> list[str]:
    figures = findings_sorted(report.by_kind("quantity"))
    if not figures:
        return []
    rows = [
        (md_text(f.text), md_text(describe_quantity(f)), md_text(f.label),
         md_text(bound_text(f.attributes.get("bound"))), md_text("; ".join(quantity_warnings(f))))
        for f in figures
    ]
    return [f"## {kind_title('quantity')} ({len(figures)})", "",
            *_table(["Figure", "Value", "Type", "Bound", "Notes"], rows)]


def _attributions(report: Report) -> list[str]:
    found = findings_sorted(report.by_kind("attribution"))
    if not found:
        return []
    rows = []
    for f in found:
        source, stype, cue, content = attribution_parts(f)
        rows.append((md_text(source), md_text(stype), md_text(cue), md_text(content)))
    return [f"## {kind_title('attribution')} ({len(found)})", "",
            *_table(["Source", "Type", "Cue", "Content"], rows)]


def _techniques(report: Report) -> list[str]:
    found = findings_sorted(report.by_kind("technique"))
    if not found:
        return []
    rows = [
        (_quote(sentence_quote(report.article, f.start, f.end)),
         f"{md_text(label_display(f))} ({md_code(f.label)})", fmt_score(f.score))
        for f in found
    ]
    lines = [f"## {kind_title('technique')} ({len(found)})", "", *_table(["Sentence", "Technique", "Score"], rows)]
    seen = sorted({f.label for f in found})
    defs = [(lab, technique_definition(lab)) for lab in seen]
    defs = [(lab, d) for lab, d in defs if d]
    if defs:
        lines += ["", *[f"- **{md_text(technique_name(lab))}**: {md_text(d)}" for lab, d in defs]]
    return lines


def _other_kinds(report: Report) -> list[str]:
    kinds = [k for k in ordered_kinds(f.kind for f in report.findings) if k not in _DEDICATED]
    lines: list[str] = []
    for kind in kinds:
        found = findings_sorted(report.by_kind(kind))
        rows = [
            (md_text(f.text), md_text(label_display(f)), fmt_score(f.score),
             md_text(describe(extra_attributes(f, ())) if extra_attributes(f, ()) else ""))
            for f in found
        ]
        if lines:
            lines.append("")
        lines += [f"## {md_text(kind_title(kind))} ({len(found)})", "",
                  *_table(["Text", "Label", "Score", "Attributes"], rows)]
    return lines


def _scored_sentences(report: Report, shown: int) -> int:
    """How many sentences the article had scored: the propaganda label's ``total_sentences`` (computed before
    ``--min-score`` dropped the low sentence scores), else the sentence scores shown."""
    label = report.labels.get("propaganda") if report.labels else None
    total = label.get("total_sentences") if isinstance(label, dict) else None
    return max(shown, total) if isinstance(total, int) and not isinstance(total, bool) else shown


def _sentences(report: Report) -> list[str]:
    scores = sentence_scores(report)
    if not scores:
        return []
    high = sorted(((p, i) for i, p in scores.items() if p >= SENTENCE_THRESHOLD), reverse=True)
    lines = [f"## {kind_title('sentence')}", "",
             f"{len(high)} of {_scored_sentences(report, len(scores))} scored sentences have a propaganda "
             f"probability of at least {SENTENCE_THRESHOLD:.1f}."]
    if high:
        sents = report.article.sentences
        rows = [(md_text(report.article.text[sents[i][0]:sents[i][1]]), fmt_score(p)) for p, i in high[:10]]
        lines += ["", *_table(["Sentence", "Probability"], rows)]
    return lines


def _candidate_label(f: Finding) -> str:
    """The Label cell of a candidate: an attribution says who and by which cue (its span alone, bold in the
    sentence, did not say which words were the source); a page-furniture figure says so."""
    if f.kind == "attribution":
        source, stype, cue, _ = attribution_parts(f)
        head = f"{stype or label_display(f)}: source “{source}”" if f.attributes.get("source") else "no source"
        return head + (f", cue “{cue}”" if cue else "")
    return label_display(f) + (" (page furniture)" if is_page_furniture(f) else "")


def _candidates(report: Report, candidates: list[Finding], listed: bool) -> list[str]:
    if not candidates:
        return []
    lines = [f"## Low-confidence candidates ({len(candidates)})", "",
             f"{hidden_line(candidates)}: presslens does not assert these; they are kept for review."]
    if not listed:
        return lines
    rows = [
        (md_text(kind_title(f.kind)), _quote(sentence_quote(report.article, f.start, f.end)),
         md_text(_candidate_label(f)), fmt_score(f.score))
        for f in sorted(candidates, key=lambda f: (-f.score, f.start, f.kind, f.label))
    ]
    return [*lines, "", f"<details><summary>Show {len(candidates)} low-confidence findings</summary>", "",
            *_table(["Kind", "Sentence", "Label", "Score"], rows), "", "</details>"]


def _analyzers(report: Report) -> list[str]:
    if not report.analyzers:
        return []
    rows = [(md_code(r.name), md_text(r.version), md_text(r.status), md_text(r.message or ""))
            for r in report.analyzers]
    options = report.provenance.get("options") or {}
    note = ["", "Analyzer options (not the defaults): " + ", ".join(md_code(f"{k}={v}") for k, v in options.items())]
    return ["## Analyzers", "", *_table(["Analyzer", "Version", "Status", "Message"], rows), *(note if options else [])]


def _errors(report: Report) -> list[str]:
    if not report.errors:
        return []
    return ["## Errors", "", *[f"- {md_text(describe(e))}" for e in report.errors]]
