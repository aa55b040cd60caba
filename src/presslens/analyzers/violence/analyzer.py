"""The violence analyzer: per-sentence stance, ``violence`` and ``call_to_action`` findings, the article
label.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from presslens.analyzers.base import Analyzer, AnalyzerOption, AnalyzerOutput, Features, register
from presslens.analyzers.violence.calls import (
    call_features,
    demand_cue,
    hope_pleas,
    plea_cue,
    progressive_pleas,
    request_question,
)
from presslens.analyzers.violence.cues import SentenceCues, article_names, sentence_cues, violent_context
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

def capped_by_veto(score: float, fired: list[str], veto: str | None) -> tuple[float, list[str]]:
    """The score and cue list of a finding after its veto: a vetoed finding stays a candidate, its score capped at
    :data:`VETOED_SCORE` and ``veto:<reason>`` added to its cues; without a veto both are unchanged."""
    if veto is None:
        return score, list(fired)
    return min(score, VETOED_SCORE), [*fired, f"veto:{veto}"]


# Analyzer
# ---------------------------------------------------------------------------------------------------

DEMANDS_CHOICES = ("off", "on")
"""The values of the analyzer option ``violence.call_demands``; "on" (the default since 1.8) makes calm sentences with a
demand cue ("The administration should stop ...") call-to-action candidates scored by the call scorer. Off by default
in 1.7 (a wrong asserted call on stop 21's audit B); on in 1.8 together with the plea candidates, by the ship rule of
stop 22 (the model card's HISTORY.md, "Analyzer 1.8", has the leave-one-split-out table and the audit counts)."""
PLEAS_CHOICES = ("off", "on")
"""The values of the analyzer option ``violence.call_pleas``; "on" turns on plea candidates: sentences with a plea,
request or demand in the writer's voice that no imperative carries ("I encourage all parents ... to", "we beg you to
act now", "investigators should interview everyone", "Could the good people of X ... elect someone else?"; see
:func:`.calls.plea_cue`) become call-to-action candidates scored by the call scorer. The model card's HISTORY.md
("Analyzer 1.8") has the leave-one-split-out table that decided its default."""
VOICE_CHECKS_CHOICES = ("off", "on")
"""The values of the analyzer option ``violence.call_voice_checks`` (1.9); "on" drops three general false calls: a
quotation closed by a comma and a quote mark before its speaker ("... the questions,' he jabbed."), a reported pledge
or promise ("has pledged to vote down"), and "challenge" as a plea verb without "to <verb>". Off by default: no open
split and neither audit changes with it, so the ship rule could not make it the default (the model card's HISTORY.md,
"Analyzer 1.9")."""
PROGRESSIVE_PLEAS_CHOICES = ("off", "on")
"""The values of the analyzer option ``violence.call_progressive_pleas`` (stop 26); "on" reads a plea verb in the
present progressive as a plea cue ("So I am asking you to support my campaign", "I am calling on Congress to
..."; :func:`.calls.progressive_pleas`). Off by default: read off dev9's missed calls, it moves no other open split held
out and audit B did not change, so the ship rule could not make it the default (MODEL_CARD.md; HISTORY.md, stop 26)."""
HOPE_PLEAS_CHOICES = ("off", "on")
"""The values of the analyzer option ``violence.call_hope_pleas`` (stop 27); "on" reads the writer's hope that the
reader will do an act as a plea cue ("If you agree, I hope that you will support my campaign"; :func:`.calls.hope_pleas`).
Read off dev10's missed calls; judged by the ship rule in MODEL_CARD.md: it fails (no open split moves held out and
audit B has no asserted call), so it stays an option, off."""
SOFT_CALL_VETOES = CANDIDATE_CALL_REASONS | {"no_call_cue"}
"""Call-to-action vetoes that a demand cue overrides: a named party's demand ("The administration should stop ...")
has no imperative and no "we must", so it has no call cue in the sense of :func:`.vetoes.has_call_cue`."""


@dataclass
class CallCandidate:
    """A sentence that may be a call to action: its span, the scorer's features and analyzer 1.6's score."""

    start: int
    end: int
    features: np.ndarray
    stance_score: float
    """P(nonviolent_call) of the stance model, capped at :data:`VETOED_SCORE` under a candidate veto (the score of
    analyzer 1.6); 0 for a sentence 1.6 did not report (a demand cue only)."""
    fired: list[str]
    demand_only: bool
    """Only the demand cue made it a candidate (the stance model did not read a non-violent call)."""
    plea: bool
    """The plea cue fired (with ``violence.call_pleas=on``): a plea candidate, kept although the stance model or a
    soft veto (no call cue, an exhortation naming no act, a request put as a question) would drop it."""
    cap: float
    """The highest score the finding may get: :data:`VETOED_SCORE` under a candidate veto (an exhortation naming no
    act stays a candidate), else 1."""


@dataclass
class _Reading:
    """The per-sentence state of one article: texts, stance probabilities and labels, cues, quotation ranges."""

    texts: list[str]
    proba: np.ndarray
    labels: np.ndarray
    cues: list[SentenceCues]
    quotes: list[tuple[int, int]]

    def context(self, article: Article, i: int) -> tuple[bool, str, str, bool]:
        """(inside a quotation, previous sentence, next sentence, title line) of sentence ``i``."""
        start, end = article.sentences[i]
        return (inside_quotation(self.quotes, start, end), self.texts[i - 1] if i > 0 else "",
                self.texts[i + 1] if i + 1 < len(self.texts) else "", i == 0 and is_title_line(article.text, end))


def demands_enabled(call_demands: str = "off") -> bool:
    """Whether demand candidates are on (``call_demands``: the ``violence.call_demands`` option, "on" or "off")."""
    if call_demands not in DEMANDS_CHOICES:
        raise ValueError(f"call demands {call_demands!r}: expected one of {', '.join(DEMANDS_CHOICES)}")
    return call_demands == "on"


def pleas_enabled(call_pleas: str = "off") -> bool:
    """Whether plea candidates are on (``call_pleas``: the ``violence.call_pleas`` option, "on" or "off")."""
    if call_pleas not in PLEAS_CHOICES:
        raise ValueError(f"call pleas {call_pleas!r}: expected one of {', '.join(PLEAS_CHOICES)}")
    return call_pleas == "on"


def voice_checks_enabled(call_voice_checks: str = "off") -> bool:
    """Whether the voice checks are on (``call_voice_checks``: the ``violence.call_voice_checks`` option)."""
    if call_voice_checks not in VOICE_CHECKS_CHOICES:
        raise ValueError(
            f"call voice checks {call_voice_checks!r}: expected one of {', '.join(VOICE_CHECKS_CHOICES)}")
    return call_voice_checks == "on"


def _call_candidate(article: Article, reading: _Reading, i: int, demands: bool,
                    pleas: bool = False, voice_checks: bool = False) -> CallCandidate | None:
    """Sentence ``i`` as a call-to-action candidate, or None: the stance model reads it as a non-violent call, or
    a demand cue (``demands``) or a plea cue (``pleas``) fires in a sentence it reads as calm, and no hard veto
    (furniture, a question that is no request, a headline, someone else's words, a discourse imperative) drops
    it."""
    label = CLASSES[int(reading.labels[i])]
    text = reading.texts[i]
    demand = demands and label in ("report", "other") and demand_cue(text)
    plea = pleas and label in ("report", "other", "nonviolent_call") and plea_cue(text, voice_checks)
    if label != "nonviolent_call" and not demand and not plea:
        return None
    quoted, previous, following, title = reading.context(article, i)
    veto = call_to_action_veto(text, quoted, [t for t in (previous, following) if t], previous, following, title,
                               voice_checks)
    soft = SOFT_CALL_VETOES if demand else CANDIDATE_CALL_REASONS
    if plea:
        soft = soft | SOFT_CALL_VETOES | ({"question"} if request_question(text) else set())
    if veto is not None and veto not in soft:
        return None
    start, end = article.sentences[i]
    p_call = float(reading.proba[i][CLASSES.index("nonviolent_call")])
    stance_score, fired = capped_by_veto(p_call, reading.cues[i].fired, veto)
    if label != "nonviolent_call":
        stance_score = 0.0
    if demand:
        fired.append("demand")
    if plea:
        fired.append("plea")
    text_all = article.text
    line_start = text_all.rfind("\n", 0, start) + 1
    line_end = text_all.find("\n", end)
    line = text_all[line_start:line_end if line_end >= 0 else len(text_all)]
    cap = VETOED_SCORE if veto in CANDIDATE_CALL_REASONS and not plea else 1.0
    return CallCandidate(start, end, call_features(text, line, len(text_all) - end, p_call, voice_checks),
                         stance_score, fired,
                         demand and label != "nonviolent_call", plea, cap)


def read_article(model: ViolenceModel, features: Features) -> _Reading:
    """Stance probabilities, labels, cues and quotation ranges of every sentence of ``features.article``."""
    article = features.article
    texts = article.sentence_texts()
    names = article_names(texts)
    cues = [sentence_cues(t, names) for t in texts]
    proba = model.predict_proba(features.sentence_embeddings, np.stack([c.vector for c in cues]))
    labels, _ = model.decide(proba, violent_context(texts, cues))
    quotes = sorted(quoted_ranges(article.text) + multiline_quote_ranges(article.text)
                    + embedded_post_ranges(article.text) + transcript_ranges(article.text)
                    + speaker_paragraph_ranges(article.text) + handle_signed_ranges(article.text))
    return _Reading(texts, proba, labels, cues, quotes)


@register("violence")
class ViolenceAnalyzer(Analyzer):
    version = "1.12"
    uses_encoder = True
    models = ("violence",)
    description = "calls to violence and endorsements of violence (not reports of it); peaceful calls to action"
    options = (
        AnalyzerOption("call_demands", DEMANDS_CHOICES, "on",
                       "'on': calm sentences with a demand cue become call-to-action candidates"),
        AnalyzerOption("call_pleas", PLEAS_CHOICES, "on",
                       "'on': pleas, requests and demands in the writer's voice become call-to-action candidates"),
        AnalyzerOption("call_voice_checks", VOICE_CHECKS_CHOICES, "off",
                       "'on': a quotation closed before its speaker, a reported pledge and 'challenge' without "
                       "'to <verb>' are no calls"),
        AnalyzerOption("call_progressive_pleas", PROGRESSIVE_PLEAS_CHOICES, "off",
                       "'on': a plea verb in the present progressive ('I am asking you to ...', 'I am calling on "
                       "Congress to ...') is a plea cue (stop 26; not shipped: no held-out gain, audit B unchanged)"),
        AnalyzerOption("call_hope_pleas", HOPE_PLEAS_CHOICES, "off",
                       "'on': the writer's hope that the reader will act ('I hope that you will support my "
                       "campaign') is a plea cue (stop 27; not shipped: no held-out gain, audit B unchanged)"),
    )

    def read(self, features: Features) -> _Reading:
        """Stance probabilities, labels, cues and quotation ranges of every sentence of the article."""
        self.ensure_loaded()
        return read_article(self.model("violence"), features)

    def analyze(self, features: Features) -> AnalyzerOutput:
        with progressive_pleas(self.option("call_progressive_pleas") == "on"), hope_pleas(
                self.option("call_hope_pleas") == "on"):
            return self._analyze(features)

    def _analyze(self, features: Features) -> AnalyzerOutput:
        self.ensure_loaded()
        article = features.article
        if not article.sentence_texts():
            return AnalyzerOutput(labels={"violence": {"label": False, "score": 0.0}})
        reading = self.read(features)
        model: ViolenceModel = self.model("violence")
        demands = demands_enabled(self.option("call_demands"))
        pleas = pleas_enabled(self.option("call_pleas"))
        voice_checks = voice_checks_enabled(self.option("call_voice_checks"))
        findings: list[Finding] = []
        for i, (start, end) in enumerate(article.sentences):
            label = CLASSES[int(reading.labels[i])]
            probabilities = {c: round(float(p), 4) for c, p in zip(CLASSES, reading.proba[i], strict=True)}
            if label in FINDING_LABEL:
                findings.append(self._violence_finding(article, reading, i, label, probabilities))
            elif (candidate := _call_candidate(article, reading, i, demands, pleas, voice_checks)) is not None:
                score = (min(model.calls.score(candidate.features), candidate.cap) if model.calls is not None
                         else candidate.stance_score)
                findings.append(Finding.at(
                    article, start, end, kind="call_to_action", label="nonviolent", score=score, analyzer=self.name,
                    attributes={"cues": candidate.fired, "probabilities": probabilities},
                ))
        violence_scores = [f.score for f in findings if f.kind == "violence"]
        top = max(violence_scores, default=0.0)
        return AnalyzerOutput(
            findings=findings,
            labels={"violence": {"label": top >= ASSERTED, "score": round(float(top), 4)}},
        )

    def _violence_finding(self, article: Article, reading: _Reading, i: int, label: str,
                          probabilities: dict[str, float]) -> Finding:
        start, end = article.sentences[i]
        text = article.text[start:end]
        quoted, previous, following, _ = reading.context(article, i)
        neighbours = [t for t in (previous, following) if t]
        target = find_target(text)
        proba = reading.proba[i]
        score, fired = capped_by_veto(
            float(proba[CLASSES.index("call")] + proba[CLASSES.index("endorsement")]), reading.cues[i].fired,
            violence_veto(text, quoted, neighbours, previous, following))
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


def call_candidates(model: ViolenceModel, article: Article, demands: bool = True,
                    pleas: bool = True) -> list[CallCandidate]:
    """Every call-to-action candidate of ``article`` under the stance ``model``, demand and plea candidates included
    unless ``demands`` / ``pleas`` is false (for training the call scorer)."""
    return call_candidates_by_setting(model, article, ((demands, pleas),))[(demands, pleas)]


def call_candidates_by_setting(model: ViolenceModel, article: Article, settings: tuple[tuple[bool, bool], ...]
                               ) -> dict[tuple[bool, bool], list[CallCandidate]]:
    """The call-to-action candidates of ``article`` for each (demands, pleas) setting, reading the article once."""
    if not article.sentence_texts():
        return {s: [] for s in settings}
    reading = read_article(model, Features(article))
    calm = [i for i in range(len(reading.texts)) if CLASSES[int(reading.labels[i])] not in FINDING_LABEL]
    return {(d, p): [c for i in calm if (c := _call_candidate(article, reading, i, d, p)) is not None]
            for d, p in settings}
