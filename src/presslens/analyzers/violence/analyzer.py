"""The violence analyzer: per-sentence stance, ``violence`` and ``call_to_action`` findings, the article
label.
"""

from __future__ import annotations

import numpy as np

from presslens.analyzers.base import Analyzer, AnalyzerOutput, Features, register
from presslens.analyzers.violence.cues import SentenceCues, sentence_cues, violent_context
from presslens.analyzers.violence.model import CLASSES, FINDING_LABEL, ViolenceModel
from presslens.analyzers.violence.targets import find_target
from presslens.analyzers.violence.vetoes import (
    CANDIDATE_CALL_REASONS,
    VETOED_SCORE,
    call_to_action_veto,
    embedded_post_ranges,
    handle_signed_ranges,
    inside_quotation,
    is_title_line,
    multiline_quote_ranges,
    quoted_ranges,
    speaker_paragraph_ranges,
    transcript_ranges,
    violence_veto,
)
from presslens.article import Article, Finding, span_ref

ASSERTED = 0.5
"""A finding with at least this score is asserted; ``labels.violence`` counts asserted findings only."""

# Analyzer
# ---------------------------------------------------------------------------------------------------


@register("violence")
class ViolenceAnalyzer(Analyzer):
    version = "1.6"
    uses_encoder = True
    models = ("violence",)
    description = "calls to violence and endorsements of violence (not reports of it); peaceful calls to action"

    def analyze(self, features: Features) -> AnalyzerOutput:
        self.ensure_loaded()
        article = features.article
        texts = article.sentence_texts()
        if not texts:
            return AnalyzerOutput(labels={"violence": {"label": False, "score": 0.0}})
        model: ViolenceModel = self.model("violence")
        cues = [sentence_cues(t) for t in texts]
        matrix = np.stack([c.vector for c in cues])
        proba = model.predict_proba(features.sentence_embeddings, matrix)
        labels, _ = model.decide(proba, violent_context(texts, cues))
        quotes = sorted(quoted_ranges(article.text) + multiline_quote_ranges(article.text)
                        + embedded_post_ranges(article.text) + transcript_ranges(article.text)
                        + speaker_paragraph_ranges(article.text) + handle_signed_ranges(article.text))
        findings = [
            f
            for i, (start, end) in enumerate(article.sentences)
            if (f := self._finding(article, start, end, CLASSES[labels[i]], proba[i], cues[i],
                                   inside_quotation(quotes, start, end), texts[i - 1] if i > 0 else "",
                                   texts[i + 1] if i + 1 < len(texts) else "", i == 0 and is_title_line(article.text, end)))
            is not None
        ]
        violence_scores = [f.score for f in findings if f.kind == "violence"]
        top = max(violence_scores, default=0.0)
        return AnalyzerOutput(
            findings=findings,
            labels={"violence": {"label": top >= ASSERTED, "score": round(float(top), 4)}},
        )

    def _finding(
        self,
        article: Article,
        start: int,
        end: int,
        label: str,
        proba: np.ndarray,
        cues: SentenceCues,
        quoted: bool,
        previous: str,
        following: str,
        title: bool = False,
    ) -> Finding | None:
        neighbours = [t for t in (previous, following) if t]
        probabilities = {c: round(float(p), 4) for c, p in zip(CLASSES, proba, strict=True)}
        text = article.text[start:end]
        if label in FINDING_LABEL:
            target = find_target(text)
            score = float(proba[CLASSES.index("call")] + proba[CLASSES.index("endorsement")])
            fired = list(cues.fired)
            veto = violence_veto(text, quoted, neighbours, previous, following)
            if veto is not None:
                score = min(score, VETOED_SCORE)
                fired.append(f"veto:{veto}")
            return Finding.at(
                article, start, end,
                kind="violence",
                label=FINDING_LABEL[label],
                score=score,
                analyzer=self.name,
                attributes={
                    "target": span_ref(article, start + target[0], start + target[1]) if target else None,
                    "cues": fired,
                    "probabilities": probabilities,
                },
            )
        if label != "nonviolent_call":
            return None
        veto = call_to_action_veto(text, quoted, neighbours, previous, following, title)
        if veto is not None and veto not in CANDIDATE_CALL_REASONS:
            return None
        score = float(proba[CLASSES.index("nonviolent_call")])
        fired = list(cues.fired)
        if veto is not None:
            score = min(score, VETOED_SCORE)
            fired.append(f"veto:{veto}")
        return Finding.at(
            article, start, end,
            kind="call_to_action",
            label="nonviolent",
            score=score,
            analyzer=self.name,
            attributes={"cues": fired, "probabilities": probabilities},
        )
