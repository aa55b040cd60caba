"""What the Markdown and HTML renderers share: technique glossary, value formatting, lookups.

Nothing here escapes text; each renderer escapes for its own format.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from presslens.article import Article, Finding, Report
from presslens.report.schema import is_span_ref

KIND_ORDER = ("violence", "call_to_action", "claim", "prediction", "quantity", "attribution", "technique", "sentence")
"""Kinds in the order reports present them; other kinds follow in name order."""

KIND_TITLES = {
    "violence": "Calls to violence",
    "call_to_action": "Calls to action",
    "claim": "Claims",
    "prediction": "Predictions",
    "quantity": "Figures",
    "attribution": "Sources and attributions",
    "technique": "Persuasion techniques",
    "sentence": "Sentence propaganda score",
}

KIND_NAMES = {
    "violence": "Violence",
    "call_to_action": "Call to action",
    "claim": "Claim",
    "prediction": "Prediction",
    "quantity": "Figure",
    "attribution": "Attribution",
    "technique": "Technique",
    "sentence": "Sentence",
}

VIOLENCE_LABELS = {
    "call_to_violence": "Call to violence",
    "endorsement": "Endorsement of violence",
}


@lru_cache(maxsize=1)
def technique_glossary() -> dict[str, dict[str, str]]:
    """Technique ID -> ``{"name", "definition", "example"}`` (the one glossary,
    :mod:`presslens.analyzers.techniques.glossary`)."""
    from presslens.analyzers.techniques.glossary import TECHNIQUES

    return {k: dict(v) for k, v in TECHNIQUES.items()}


def technique_name(label: str) -> str:
    entry = technique_glossary().get(label)
    if entry and entry.get("name"):
        return entry["name"]
    return label.replace("_", " ").replace(",", " / ")


def technique_definition(label: str) -> str:
    entry = technique_glossary().get(label)
    return entry.get("definition", "") if entry else ""


def label_display(f: Finding) -> str:
    """A human name for a finding's label (technique names, violence label names)."""
    if f.kind == "technique":
        return technique_name(f.label)
    if f.kind == "violence":
        return VIOLENCE_LABELS.get(f.label, f.label.replace("_", " "))
    return f.label.replace("_", " ")


def kind_title(kind: str) -> str:
    """Section title of a kind (plural): ``"Claims"``."""
    return KIND_TITLES.get(kind, kind.replace("_", " ").capitalize())


def kind_name(kind: str) -> str:
    """Name of one finding of a kind (singular): ``"Claim"``."""
    return KIND_NAMES.get(kind, kind.replace("_", " ").capitalize())


def ordered_kinds(kinds: Iterable[str]) -> list[str]:
    present = set(kinds)
    known = [k for k in KIND_ORDER if k in present]
    return known + sorted(present - set(KIND_ORDER))


# --------------------------------------------------------------------------------------------
# Formatting values
# --------------------------------------------------------------------------------------------


def fmt_number(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        if value.is_integer() and abs(value) < 1e15:
            return f"{int(value):,}"
        return f"{value:,.4g}" if abs(value) >= 1 else f"{value:.4g}"
    return str(value)


def fmt_score(score: float) -> str:
    return f"{score:.2f}"


def describe(value: Any, depth: int = 0) -> str:
    """A short one-line text for any attribute value (span refs show their text)."""
    if value is None:
        return "—"
    if isinstance(value, bool | int | float):
        return fmt_number(value)
    if isinstance(value, str):
        return value
    if is_span_ref(value):
        kind = value.get("type") or value.get("label")
        return f"{value['text']} ({kind})" if isinstance(kind, str) and kind else str(value["text"])
    if isinstance(value, Mapping):
        if depth > 2:
            return "{…}"
        parts = [f"{k}: {describe(v, depth + 1)}" for k, v in value.items()]
        return ", ".join(parts) if parts else "—"
    if isinstance(value, list | tuple):
        if not value:
            return "—"
        return "; ".join(describe(v, depth + 1) for v in value)
    return str(value)


def label_value_text(value: Any) -> str:
    """An article-level label value: ``{"label": True, "score": 0.73}`` -> ``"yes (score 0.73)"``; with a
    ``threshold`` the score is compared with it, so "yes" at a score of 0.22 does not read as a 22 % chance."""
    if isinstance(value, Mapping) and "label" in value:
        score = value.get("score")
        raw_threshold = value.get("threshold")
        numeric_threshold = isinstance(raw_threshold, int | float) and not isinstance(raw_threshold, bool)
        threshold = float(raw_threshold) if isinstance(raw_threshold, int | float) else 0.0
        shown = ("label", "score", "threshold") if numeric_threshold else ("label", "score")
        rest = {k: v for k, v in value.items() if k not in shown}
        text = describe(value["label"])
        if isinstance(score, int | float) and not isinstance(score, bool):
            if numeric_threshold:
                side = "at or above" if score >= threshold else "below"
                text += f" (score {score:.2f}, {side} the threshold {fmt_number(threshold)})"
            else:
                text += f" (score {score:.2f})"
        n, total = rest.get("sentences"), rest.get("total_sentences")
        if isinstance(n, int) and isinstance(total, int) and not isinstance(n, bool):
            # the propaganda label: "4 of 18 sentences", and no "share" that only repeats the score
            rest = {k: v for k, v in rest.items() if k not in ("sentences", "total_sentences")}
            share = rest.get("share")
            if isinstance(score, int | float) and isinstance(share, int | float) and abs(share - score) < 0.005:
                rest.pop("share")
            text += f"; {n} of {total} sentences"
        if rest:
            text += "; " + describe(rest)
        return text
    return describe(value)


def quoted(text: str) -> str:
    """Wrap in curly quotes unless the text already starts or ends with a quotation mark."""
    marks = "\"'“”‘’«»„"
    return text if text[:1] in marks or text[-1:] in marks else f"“{text}”"


def truthy_flag(value: Any) -> bool:
    """Attributes such as ``hedged`` may be a bool, a list of cues or a span; any non-empty counts."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value > 0
    return bool(value)


# --------------------------------------------------------------------------------------------
# Lookups into a report
# --------------------------------------------------------------------------------------------


@dataclass
class SentenceQuote:
    """The sentence(s) around a span, split into before / span / after for emphasis."""

    before: str
    span: str
    after: str


def sentence_quote(article: Article, start: int, end: int, max_chars: int = 600) -> SentenceQuote:
    """The sentence(s) containing ``start:end``; falls back to ~80 characters of context."""
    first = article.sentence_index_at(start)
    last = article.sentence_index_at(max(start, end - 1))
    if first is not None and last is not None:
        s0, s1 = article.sentences[first][0], article.sentences[last][1]
    else:
        s0, s1 = max(0, start - 80), min(len(article.text), end + 80)
    if s1 - s0 > max_chars:
        s0, s1 = max(s0, start - max_chars // 3), min(s1, end + max_chars // 3)
    text = article.text
    before = ("…" if s0 > 0 and first is None else "") + text[s0:start]
    after = text[end:s1] + ("…" if s1 < len(text) and last is None else "")
    return SentenceQuote(before, text[start:end], after)


def sentence_scores(report: Report) -> dict[int, float]:
    """Sentence index -> propaganda probability from kind ``sentence`` findings."""
    out: dict[int, float] = {}
    for f in report.by_kind("sentence"):
        idx = report.article.sentence_index_at(f.start)
        if idx is not None:
            out[idx] = max(out.get(idx, 0.0), f.score)
    return out


def quantity_at(report: Report, start: int, end: int) -> Finding | None:
    """The quantity finding with exactly these offsets, else one overlapping them."""
    overlapping = None
    for f in report.by_kind("quantity"):
        if f.start == start and f.end == end:
            return f
        if overlapping is None and f.start < end and start < f.end:
            overlapping = f
    return overlapping


_BOUND_SYMBOLS = {
    "lower": "≥", "at_least": "≥", "min": "≥", "more_than": ">",
    "upper": "≤", "at_most": "≤", "max": "≤", "less_than": "<",
    "approx": "≈", "approximately": "≈", "about": "≈",
}


_CURRENCY_WORDS = frozenset({
    "dollar", "dollars", "euro", "euros", "pound", "pounds", "rouble", "roubles", "ruble", "rubles",
    "hryvnia", "hryvnias", "yuan", "yen", "franc", "francs", "rupee", "rupees", "lira", "shekel", "shekels"})
_PLURAL_TIME_UNITS = frozenset({"seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades"})


def _date_text(date: str) -> str:
    """An ISO date as a reader reads it: the year-less ISO form ``--09-21`` becomes ``09-21, no year given``."""
    if len(date) == 7 and date.startswith("--") and date[4] == "-":
        return f"{date[2:]}, no year given"
    return date


def describe_quantity(f: Finding) -> str:
    """``"≥ 200,000 troops"``-style summary of a quantity finding's attributes."""
    a = f.attributes
    parts = []
    sym = _BOUND_SYMBOLS.get(str(a.get("bound", "")).lower())
    if sym:
        parts.append(sym)
    if a.get("currency"):
        parts.append(describe(a["currency"]))
    low, high = a.get("low"), a.get("high")
    if a.get("date") and not a.get("unit"):
        # a calendar date: "2018-02-12", not the year as a count ("2,018")
        parts.append(_date_text(describe(a["date"])))
    elif a.get("value") is not None:
        parts.append(describe(a.get("value")))
    elif low is not None or high is not None:
        parts.append(f"{describe(low) if low is not None else '…'}–{describe(high) if high is not None else '…'}")
    elif a.get("date"):
        parts.append(_date_text(describe(a["date"])))
    else:
        return f.text
    text = " ".join(parts)
    unit = a.get("unit")
    if a.get("currency") and str(unit).lower() in _CURRENCY_WORDS:
        unit = None  # "USD 100", not "USD 100 dollars"
    if unit and not (a.get("currency") and str(unit).upper() == str(a.get("currency")).upper()):
        unit_text = describe(unit)
        unit_text = {"percent": "%", "per cent": "%"}.get(unit_text.lower(), unit_text)
        if a.get("value") == 1 and unit_text.lower() in _PLURAL_TIME_UNITS:
            unit_text = unit_text[:-1]  # "a day" is "1 day", not "1 days"
        text = f"{text}{unit_text}" if unit_text in ("%", "‰") and text else f"{text} {unit_text}".strip()
    return text or f.text


_BOUND_WORDS = {"lower": "at least", "upper": "at most", "approx": "approximately"}


def bound_text(value: Any) -> str:
    """``"at least"`` for ``"lower"`` etc.; empty for no bound."""
    if value in (None, ""):
        return ""
    return _BOUND_WORDS.get(str(value), str(value).replace("_", " "))


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def quantity_warnings(f: Finding) -> list[str]:
    a = f.attributes
    out = []
    if truthy_flag(a.get("malformed")):
        m = a.get("malformed")
        out.append("malformed" + (f": {describe(m)}" if isinstance(m, str | list | dict) else ""))
    if truthy_flag(a.get("vague")):
        out.append("vague")
    likely = a.get("likely_values")
    if isinstance(likely, list) and likely:
        out.append("likely: " + ", ".join(describe(v) for v in likely))
    return out


def claim_figures(report: Report, claim: Finding) -> list[str]:
    """Human strings for a claim's figures, resolving span refs to quantity findings when possible."""
    figs = claim.attributes.get("figures")
    if figs is None:
        return []
    if not isinstance(figs, list):
        figs = [figs]
    out = []
    for fig in figs:
        if is_span_ref(fig):
            q = quantity_at(report, fig["start"], fig["end"])
            summary = describe_quantity(q) if q is not None else ""
            text = str(fig["text"])
            adds_information = summary and _digits(summary) != _digits(text)
            out.append(f"{text} ({summary})" if adds_information else text)
        else:
            out.append(describe(fig))
    return out


def _span_key(value: Any) -> tuple[int, int] | None:
    if isinstance(value, Mapping) and isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
        return int(value["start"]), int(value["end"])
    return None


def _source_only_in_candidates(claim: Finding, findings: Iterable[Finding], threshold: float | None = None) -> bool:
    """True when the claim's linked source is the source of attribution findings in the report that are all
    low-confidence candidates (score below ``threshold``, default 0.5): the claims table must not assert a
    source the attributions table hides."""
    link = claim.attributes.get("attribution")
    key = _span_key(link.get("source")) if isinstance(link, Mapping) else None
    if key is None:
        return False
    matching = [f for f in findings
                if f.kind == "attribution" and _span_key(f.attributes.get("source")) == key]
    limit = ASSERT_THRESHOLD if threshold is None else threshold
    return bool(matching) and not any(f.score >= limit for f in matching)


def claim_source(claim: Finding, findings: Iterable[Finding] | None = None) -> str | None:
    """The source a claim is attributed to, as text, or None. With the report's ``findings``, a source that
    only a low-confidence attribution candidate gives is not shown (it would be asserted through the claim)."""
    if findings is not None and _source_only_in_candidates(claim, findings):
        return None
    a = claim.attributes
    for key in ("attribution", "source"):
        value = a.get(key)
        if value in (None, "", [], {}):
            continue
        source_type = None
        if isinstance(value, Mapping) and "source" in value:
            source_type = value.get("source_type")
            value = value["source"]
            if value in (None, "", [], {}):
                if isinstance(source_type, str) and source_type:
                    return source_type
                continue
        text = describe(value)
        if isinstance(source_type, str) and source_type and source_type not in text:
            text = f"{text} ({source_type})"
        return text
    return None


def claim_badges(claim: Finding) -> list[str]:
    """Badges for a claim: ``hedged``, ``prediction (horizon)``."""
    a = claim.attributes
    out = []
    if truthy_flag(a.get("hedged")):
        cues = a.get("hedge_cues")
        first = cues[0] if isinstance(cues, list) and cues else None
        # span references since schema 2.0 (claims 1.2); plain strings in older reports
        cue = str(first.get("text", "")) if isinstance(first, Mapping) else (first if isinstance(first, str) else "")
        out.append(f"hedged: {cue if len(cue) <= 40 else cue[:39] + '…'}" if cue else "hedged")
    if truthy_flag(a.get("prediction")):
        horizon = a.get("horizon")
        out.append(f"prediction ({describe(horizon)})" if horizon else "prediction")
    return out


def attribution_parts(f: Finding) -> tuple[str, str, str, str]:
    """``(source, source type, cue, content)`` texts of an attribution finding."""
    a = f.attributes
    source = a.get("source")
    stype = ""
    if isinstance(source, Mapping):
        stype = str(source.get("type") or "")
        source_text = str(source.get("text", describe(source)))
    else:
        source_text = describe(source) if source is not None else f.text
    cue = a.get("cue")
    cue_text = str(cue.get("text", "")) if isinstance(cue, Mapping) else ("" if cue is None else describe(cue))
    content = a.get("content")
    if isinstance(content, Mapping):
        content_text = str(content.get("text", ""))
    else:
        content_text = "" if content is None else describe(content)
    return source_text, stype, cue_text, content_text


def violence_target(f: Finding) -> str | None:
    target = f.attributes.get("target")
    if target in (None, "", [], {}):
        return None
    return describe(target)


INTERNAL_ATTRIBUTES = frozenset({"sentence_index"})
"""Attributes that only locate a finding for a program (the reader sees the sentence itself)."""


def extra_attributes(f: Finding, shown: Iterable[str]) -> dict[str, Any]:
    """Attributes a reader wants beside the finding, less those a renderer's dedicated columns show: no
    internal position (:data:`INTERNAL_ATTRIBUTES`) and no empty value ("horizon: —" said nothing)."""
    skip = set(shown) | INTERNAL_ATTRIBUTES
    return {k: v for k, v in f.attributes.items() if k not in skip and v not in (None, "", [], {})}


def findings_sorted(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.start, -f.end, f.kind, f.label))


# --------------------------------------------------------------------------------------------
# Asserted findings and candidates (issue 13: every score is a probability that the finding is right)
# --------------------------------------------------------------------------------------------

ASSERT_THRESHOLD = 0.5
"""A finding whose score is at least this is asserted; below it, it is a low-confidence candidate."""


def is_asserted(f: Finding) -> bool:
    """``score >= 0.5``: presslens asserts the finding (reports show it by default)."""
    return f.score >= ASSERT_THRESHOLD


def is_page_furniture(f: Finding) -> bool:
    """A figure of the page, not of the story: a share counter ("557 SHARES") that the figures analyzer marks
    with ``attributes["furniture"] = true``. Reports leave it out of the story's figures by default and show it
    with the low-confidence candidates, whatever its score (the score says the number was read right)."""
    return f.kind == "quantity" and f.attributes.get("furniture") is True


def is_candidate(f: Finding) -> bool:
    """A finding that reports hide until asked for: a low-confidence one (``score < 0.5``) or a page-furniture
    figure (:func:`is_page_furniture`). Sentence propaganda scores are not candidates: every sentence gets one
    and the reports draw them as a shade, not a finding."""
    return f.kind != "sentence" and (not is_asserted(f) or is_page_furniture(f))


def split_candidates(findings: Iterable[Finding]) -> tuple[list[Finding], list[Finding]]:
    """``(shown by default, candidates)`` in input order."""
    shown: list[Finding] = []
    candidates: list[Finding] = []
    for f in findings:
        (candidates if is_candidate(f) else shown).append(f)
    return shown, candidates


def candidates_line(n: int, furniture: int = 0) -> str:
    """The count line of hidden candidates: ``"34 low-confidence findings (score < 0.50)"``; when ``furniture``
    of the ``n`` are page-furniture figures, ``"35 low-confidence findings (score < 0.50 or page furniture)"``."""
    why = f"score < {ASSERT_THRESHOLD:.2f}" + (" or page furniture" if furniture else "")
    return f"{n} low-confidence finding{'s' if n != 1 else ''} ({why})"


def hidden_line(candidates: Sequence[Finding]) -> str:
    """:func:`candidates_line` for these hidden findings (page-furniture figures among them said so)."""
    return candidates_line(len(candidates), sum(1 for f in candidates if is_page_furniture(f)))


def keep_min_score(report: Report, min_score: float) -> Report:
    """``report`` with only the findings whose score is at least ``min_score`` (``--min-score``); labels,
    analyzer runs and errors are kept as they are. A kept claim whose linked source only dropped attribution
    findings give loses that link (``attributes["attribution"] = None``): the source is below ``min_score`` too,
    and the claims table must not show it. Changes ``report`` in place and returns it."""
    kept = [f for f in report.findings if f.score >= min_score]
    dropped = [f for f in report.findings if f.score < min_score and f.kind == "attribution"]
    if dropped:
        for f in kept:
            if f.kind == "claim" and _source_only_in_candidates(f, [*dropped, *kept], min_score):
                f.attributes = {**f.attributes, "attribution": None}
    report.findings = kept
    return report
