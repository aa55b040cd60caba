"""One self-contained HTML file per report (or per batch): inline CSS and JS, no external assets.

The article is split at every finding boundary into segments; each segment is wrapped in one
``<span>`` carrying the classes of all findings covering it, so overlapping and nested findings
stay visible together (each kind styles a different CSS property). Low-confidence candidates
(score < 0.5) are drawn only while the report's "show N low-confidence findings" switch is on: their
segments carry ``kc-KIND`` instead of ``k-KIND`` and their list items ``pl-cand``. Everything taken from the
article or from attributes is escaped with :func:`html.escape` (``quote=True``); the data the
script reads is JSON inside ``<script type="application/json">`` with ``<``, ``>`` and ``&``
written as ``\\u003c``, ``\\u003e``, ``\\u0026``.

This module assembles the page; the text markup is in :mod:`.html_text`, the side panels in
:mod:`.html_panels` and the per-report context and escaping in :mod:`.html_view`.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any

from presslens.article import Report
from presslens.report.html_panels import report_section
from presslens.report.html_view import (
    OTHER_KIND_COLOURS,
    SENTENCE_BUCKETS,
    TECHNIQUE_COLOURS,
    ReportView,
    clip_text,
    esc,
    kind_slug,
)
from presslens.report.jsonout import batch_error_from

CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"


@lru_cache(maxsize=1)
def _asset(name: str) -> str:
    return resources.files("presslens.report").joinpath(name).read_text(encoding="utf-8")


NOT_ANALYSED_CSS = (
    ".pl-unsup{color:var(--muted);background:repeating-linear-gradient(135deg,transparent 0 6px,"
    "rgba(127,127,127,.07) 6px 12px);border-left:3px solid rgba(127,127,127,.45);padding-left:8px}\n"
    "p.pl-unsup::before{content:'not analysed: other language';display:block;font:600 11px/1.6 system-ui,"
    "sans-serif;letter-spacing:.04em;text-transform:uppercase;color:var(--muted)}\n"
    "span.pl-unsup{padding-left:4px;border-left-width:2px}\n"
    ".pl-unsup-note b{color:#b45309}"
)
"""Styles of the other-language parts; added only to pages that have some, so other pages stay unchanged."""


def _generated_css(kinds: Iterable[str], not_analysed: bool = False) -> str:
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
    if not_analysed:
        rules.append(NOT_ANALYSED_CSS)
    return "\n".join(rules)


# --------------------------------------------------------------------------------------------
# Documents
# --------------------------------------------------------------------------------------------


REPORT_GENERATOR = "presslens report"
"""The ``<meta name="generator">`` of every HTML report, so that reading a report back as an article is refused
(:func:`presslens.ingest.html.is_presslens_report`; user trial s27)."""


def _document(title: str, subtitle: str, body: str, kinds: Iterable[str], not_analysed: bool = False) -> str:
    css = _asset("report.css") + "\n" + _generated_css(kinds, not_analysed)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f'<meta name="generator" content="{REPORT_GENERATOR}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>\n{css}\n</style></head>\n<body>\n"
        f'<div class="pl-top"><b>presslens</b><span>{esc(subtitle)}</span></div>\n'
        f'<div class="pl-wrap">\n{body}\n</div>\n'
        '<div id="pl-tip" class="pl-tip" role="tooltip" hidden></div>\n'
        f"<script>\n{_asset('report.js')}\n</script>\n</body></html>\n"
    )


def to_html(report: Report) -> str:
    """One report as a self-contained HTML document."""
    view = ReportView.of(report, 0)
    title = report.article.title or report.article.id or "Untitled article"
    kinds = {f.kind for f in report.findings}
    return _document(f"presslens · {title}", "article report", report_section(view), kinds,
                     bool(report.article.unsupported_ranges))


def to_html_batch(reports: Iterable[Report], errors: Iterable[Any] = ()) -> str:
    """Several reports (and the inputs that failed) as one self-contained HTML document.

    ``errors`` items may be ``InputError``-like objects, exceptions, ``{"origin", "line",
    "message"}`` dicts or full batch error items (see :func:`presslens.report.jsonout.batch_error_from`).
    """
    reports = list(reports)
    views = [ReportView.of(r, n) for n, r in enumerate(reports)]
    error_items = [batch_error_from(e)["error"] for e in errors]
    kinds = {f.kind for r in reports for f in r.findings}
    body = _batch_index(views, error_items) + "\n".join(report_section(v) for v in views)
    subtitle = f"{len(reports)} article{'s' if len(reports) != 1 else ''}"
    if error_items:
        subtitle += f", {len(error_items)} input error{'s' if len(error_items) != 1 else ''}"
    not_analysed = any(r.article.unsupported_ranges for r in reports)
    return _document("presslens · batch report", subtitle, body, kinds, not_analysed)


def _batch_index(views: list[ReportView], errors: list[dict[str, Any]]) -> str:
    rows = []
    for v in views:
        a = v.report.article
        counts = {k: len(v.asserted(k)) for k in ("violence", "claim", "quantity", "attribution", "technique")}
        violence = (f'<span class="pl-badge err">violence ×{counts["violence"]}</span>'
                    if counts["violence"] else "")
        rows.append(
            f'<tr><td>{v.number + 1}</td><td><a href="#r{v.number}">{esc(clip_text(a.title or a.id or "Untitled", 120))}'
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
