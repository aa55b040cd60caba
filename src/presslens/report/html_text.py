"""The article text as HTML: split at every finding boundary into segments, each one ``<span>`` carrying the
classes of all findings covering it (see :mod:`presslens.report.html`)."""

from __future__ import annotations

from presslens.article import Finding
from presslens.report.common import (
    fmt_score,
    is_candidate,
    kind_name,
    label_display,
)
from presslens.report.html_view import SENTENCE_BUCKETS, ReportView, esc, kind_slug, technique_colour_index

# --------------------------------------------------------------------------------------------
# Article text with highlights
# --------------------------------------------------------------------------------------------


def _segments(view: ReportView, start: int, end: int, visible: list[tuple[int, Finding]]) -> str:
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


def _segment_html(view: ReportView, chunk: str, offset: int, covering: list[tuple[int, Finding]]) -> str:
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


NOT_ANALYSED_TITLE = "Not analysed: other language"


def _paragraph_html(view: ReportView, start: int, end: int, visible: list[tuple[int, Finding]]) -> str:
    """One ``<p>``; parts in ``article.unsupported_ranges`` (other language, not analysed) are marked: the whole
    paragraph as ``<p class="pl-unsup">`` when it lies inside one, else each part as ``<span class="pl-unsup">``."""
    skipped = [(max(s, start), min(e, end)) for s, e in view.report.article.unsupported_ranges if s < end and e > start]
    if not skipped:
        return f"<p>{_segments(view, start, end, visible)}</p>"
    marker = f'class="pl-unsup" title="{esc(NOT_ANALYSED_TITLE)}"'
    if skipped == [(start, end)]:
        return f"<p {marker}>{_segments(view, start, end, visible)}</p>"
    out, at = [], start
    for s, e in sorted(skipped):
        if s > at:
            out.append(_segments(view, at, s, visible))
        out.append(f"<span {marker}>{_segments(view, s, e, visible)}</span>")
        at = max(at, e)
    if at < end:
        out.append(_segments(view, at, end, visible))
    return f"<p>{''.join(out)}</p>"


def article_html(view: ReportView) -> tuple[str, str]:
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
    body = "".join(_paragraph_html(view, s, e, visible) for s, e in paragraphs)
    return title_html, body or '<p class="pl-empty">(empty article)</p>'
