"""The claims analyzer: check-worthy sentences with their figures, attribution, hedging and prediction cues.

"""

from __future__ import annotations

from typing import Any

import numpy as np

from presslens.analyzers.base import Analyzer, AnalyzerOutput, Features, register
from presslens.analyzers.claims.model import ClaimModel
from presslens.article import Article, Finding, span_ref
from presslens.text.hedging import is_hedged
from presslens.text.prediction import prediction_info

# Hedging / prediction (rules in presslens.text)
# ---------------------------------------------------------------------------------------------


def hedge_info(text: str) -> tuple[bool, list[str]]:
    """Hedged or not, and the cue texts."""
    hedged, cues = is_hedged(text)
    return bool(hedged), list(cues)


def prediction(text: str) -> tuple[bool, str | None]:
    """About the future or not, and the time horizon text if any."""
    is_pred, horizon, _ = prediction_info(text)
    return bool(is_pred), horizon


# ---------------------------------------------------------------------------------------------
# Analyzer
# ---------------------------------------------------------------------------------------------


VAGUE_TYPES = ("vague", "anonymous")


@register("claims")
class ClaimsAnalyzer(Analyzer):
    version = "1.1"
    uses_encoder = True
    requires = ("figures", "attribution")
    description = "Check-worthy factual claims (sentence level) with their figures, source and hedging."
    models = ("claims",)

    def analyze(self, features: Features) -> AnalyzerOutput:
        self.ensure_loaded()
        article = features.article
        if not article.sentences:
            return AnalyzerOutput()
        model: ClaimModel = self.model("claims")
        texts = article.sentence_texts()
        enc = features.encoded
        probs = model.scores(texts, enc.sentence_embeddings, enc.token_states, enc.stacked_token_states())
        figures = features.prior("figures", "quantity")
        attributions = features.prior("attribution", "attribution")
        chosen = [i for i, p in enumerate(probs.tolist()) if not p < model.threshold]
        ranges = [article.sentences[i] for i in chosen]
        links = linked_attributions(ranges, attribution_spans(attributions))
        findings = [
            self._claim(article, i, s, e, float(probs[i]), figures, link)
            for i, (s, e), link in zip(chosen, ranges, links, strict=True)
        ]
        return AnalyzerOutput(findings=findings)

    def _claim(
        self,
        article: Article,
        index: int,
        s: int,
        e: int,
        score: float,
        figures: list[Finding],
        link: Finding | None,
    ) -> Finding:
        text = article.text[s:e]
        hedged, cues = hedge_info(text)
        if link is not None and (link.attributes.get("source") or {}).get("type") in VAGUE_TYPES:
            # second-hand and unverifiable: "some reports suggest", "sources said"
            hedged = True
            src = link.attributes["source"]["text"]
            cue_text = link.attributes["cue"]["text"]
            phrase = f"{src} {cue_text}" if src else cue_text
            if not any(c in phrase for c in cues):
                cues = cues + [phrase]
        is_pred, horizon = prediction(text)
        return Finding.at(
            article,
            s,
            e,
            kind="claim",
            label="check_worthy",
            score=score,
            analyzer=self.name,
            attributes={
                "sentence_index": index,
                "figures": [_figure_ref(article, f) for f in figures if s <= f.start and f.end <= e],
                "attribution": _attribution_ref(link),
                "hedged": hedged,
                "hedge_cues": cues,
                "prediction": is_pred,
                "horizon": horizon,
            },
        )


AttributionSpans = list[tuple[int, int, int, Finding]]


def attribution_spans(attributions: list[Finding]) -> AttributionSpans:
    """(content start, content end, cue start, finding) of each attribution (content: else whole span)."""
    out: AttributionSpans = []
    for f in attributions:
        content = f.attributes.get("content") or {}
        cue = f.attributes.get("cue") or {}
        out.append(
            (int(content.get("start", f.start)), int(content.get("end", f.end)), int(cue.get("start", -1)), f)
        )
    return out


def linked_attributions(ranges: list[tuple[int, int]], spans: AttributionSpans) -> list[Finding | None]:
    """For each sentence range, the attribution whose content (else whole span) overlaps it most, a cue inside
    the sentence counting as the sentence's whole length on top; None when nothing overlaps and no cue is
    inside. Of equal candidates the earlier one wins."""
    if not ranges or not spans:
        return [None] * len(ranges)
    att = np.asarray([sp[:3] for sp in spans], dtype=np.int64)
    cs, ce, cue = att[:, 0], att[:, 1], att[:, 2]
    out: list[Finding | None] = []
    for first in range(0, len(ranges), _LINK_BLOCK):  # blocks of sentences: the matrices stay small
        sent = np.asarray(ranges[first : first + _LINK_BLOCK], dtype=np.int64)
        s, e = sent[:, :1], sent[:, 1:]
        overlap = np.maximum(0, np.minimum(e, ce) - np.maximum(s, cs))
        key = overlap + np.where((s <= cue) & (cue < e), e - s, 0)
        best = key.argmax(axis=1)  # the first maximum, as the loop keeps the first of equal keys
        found = key[np.arange(len(sent)), best] > 0
        out.extend(spans[b][3] if ok else None for b, ok in zip(best.tolist(), found.tolist(), strict=True))
    return out


_LINK_BLOCK = 256


def _figure_ref(article: Article, f: Finding) -> dict[str, Any]:
    ref = span_ref(article, f.start, f.end)
    ref["value"] = f.attributes.get("value")
    ref["label"] = f.label
    return ref


def _attribution_ref(f: Finding | None) -> dict[str, Any] | None:
    if f is None:
        return None
    src = f.attributes.get("source")
    return {
        "source": {k: src[k] for k in ("start", "end", "text")} if src else None,
        "source_type": src.get("type") if src else None,
        "cue": f.attributes.get("cue"),
        "content": f.attributes.get("content"),
    }
