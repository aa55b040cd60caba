"""The claims analyzer: check-worthy sentences with their figures, attribution and hedging cues, and the
predictions an article makes.

- ``claim`` findings: claim units (:mod:`.units`: sentences, with those cut at ";" joined again) whose real-news claim probability (:mod:`.scorers`: a logistic regression over
  the CheckThat! probability and general features of the sentence, fitted on the real-news dev splits) is at
  least ``EMIT_AT``. Page furniture, questions and demands (:mod:`.furniture`) keep their finding with the
  score times 0.1, a candidate below 0.5 (``furniture`` names why); a retweet's header ("#tag ——> RT @name:")
  is left out of the claim's span.
  ``hedged`` / ``hedge_cues`` come from cue spans in the claim's own text only, never from the type of the
  linked source. Each cue candidate (:func:`presslens.text.hedging.claim_cue_candidates`) gets a probability from
  the learned cue scorer (:mod:`.scorers`, which also reads the sentence embedding); ``hedge_score`` = the lower of the claim's score and the best cue
  probability (0 without a cue), ``hedged`` says it reaches 0.5 and ``hedge_cues`` lists the cues of a hedged
  claim whose probability does.
- ``prediction`` findings: every sentence that states something about the future
  (:func:`presslens.text.prediction.prediction_forecast`), check-worthy or not, with its cue spans and the time
  horizon span when the text gives one.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from presslens.analyzers.base import Analyzer, AnalyzerOption, AnalyzerOutput, Features, register
from presslens.analyzers.claims.calibration import EMIT_AT, calibrated
from presslens.analyzers.claims.furniture import (
    dateline_end,
    furniture_reason,
    layout_furniture_reason,
    social_header_end,
)
from presslens.analyzers.claims.model import ClaimModel
from presslens.analyzers.claims.predictions import (
    SCORER_CHOICES,
    candidate_score,
    cues_quoted,
    prediction_basis,
)
from presslens.analyzers.claims.scorers import (
    ScoredCue,
    load_capped_neighbour_scorer,
    load_kept_scorer,
    load_neighbour_scorer,
    load_scorers,
    load_stance_scorer,
    score_sentences,
)
from presslens.analyzers.claims.units import claim_units, unit_embeddings, unit_probabilities, unit_ranges
from presslens.article import Article, Finding, span_ref
from presslens.text.hedging import (
    COMBINED_READINGS,
    HEDGE_ASSERTED,
    HEDGE_CLASS_SCORES,
    READINGS_S29,
    READINGS_S32,
    READINGS_S33,
    claim_cue_candidates,
    cue_class,
    cue_readings,
)
from presslens.text.prediction import (
    DEFAULT_PREDICTION_RULES,
    PREDICTION_RULES,
    Forecast,
    forecast_cues,
    prediction_rules,
    sentence_forecasts,
)

# a furniture line or a question keeps its claim finding as a candidate, with this share of its score
FURNITURE_FACTOR = 0.1


# ---------------------------------------------------------------------------------------------
# Analyzer
# ---------------------------------------------------------------------------------------------




@register("claims")
class ClaimsAnalyzer(Analyzer):
    version = "1.17"
    uses_encoder = True
    requires = ("figures", "attribution")
    description = (
        "Check-worthy factual claims (sentence level) with their figures, source and hedging cues; "
        "predictions (statements about the future) with their time horizon."
    )
    models = ("claims",)
    options = (
        AnalyzerOption("prediction_scorer", SCORER_CHOICES, "hand",
                       "prediction scores: 'hand' (shipped, per bucket), 'learned' or 'recalibrated' (options)"),
        AnalyzerOption("furniture", ("s28", "text", "layout", "s30"), "s28",
                       "'s28' (default since stop 28): the text rules and a short intro line by its reporting verb "
                       "('X adds:', 'X reported for Y:', 'X blared:'; GUIDELINE 8a; at decision time, the scorers are "
                       "fitted without it; model card s28 claims16); 'text': the rules before stop 28; 'layout': "
                       "'text' plus subheads, print notices and wire datelines (1.10; not shipped: no open-split gain); "
                       "'s30': 's28' plus link titles ('READ MORE: ...', 'SEE ALSO: ...'), a content-free video byline "
                       "('X's Y reports.') and a caption with an agency credit ('(Name/PA)') (GUIDELINE 8a, dev13; "
                       "model card s30 claims18)"),
        AnalyzerOption("cue_candidates", ("1.11", "1.12", "s26", "s27"), "1.11",
                       "'1.12': also 'likelihood that', 'hard to know', 'not known yet whether' as hedge cues and no "
                       "'doubts about' (not shipped: held-out hedged precision fell over seven splits); 's26': "
                       "decision-time cues outside the learned scorers ('possibility that', 'unclear whether', "
                       "'remains to be seen', sourceless 'is considered', 'credibly accused of', 'what looks to be') "
                       "and no 'could be seen' or label 'allegedly' (not shipped: held-out hedged precision fell over nine "
                       "splits and audit B's wrong hedges rose, model card s26 hedge13); 's27': the same mechanism with "
                       "'appearing to', 'look more and more like', open questions, 'remains a mystery', 'amid fears' "
                       "and the s26 vetoes plus 'so he could' of purpose (not shipped: every ten-fold gain lies on a "
                       "split its rule was read off, audit B unchanged; model card s27 hedge14)"),
        AnalyzerOption("prediction_rules", PREDICTION_RULES, DEFAULT_PREDICTION_RULES,
                       "'stop26+30' (default since stop 31: held out on dev14, model card): the stop-26 and stop-30 "
                       "rules; 'stop26' (default in stops 27-30): the stop-24 rules with those of stop 26 (a third party's "
                       "hope, 'won't condemn', 'will enforce our laws'); 'stop24': the rules before; 'stop25': also the "
                       "stop-25 rules (not shipped: no held-out gain); 'stop27': the stop-27 rules (a subject that only "
                       "hopes, 'hard to believe that ... will', 'when that happens', past 'was gonna', evaluative 'will "
                       "be useful to', an 'any' subject; not shipped: no gain held out beyond a case the guideline "
                       "names); 'stop28': the stop-28 rules (a hypothetical-event subject, 'too soon to say', 'I'll "
                       "have to get back to you'; and forecasts the cues missed: 'are still going to', 'estimated "
                       "that ... would', 'But they will.', 'could ... into 2026'; the claims model card has their "
                       "judgment); 'stop29': the stop-29 rules (a headline in the infinitive for a planned act 'UK to "
                       "Reopen ...', a reported past intention 'revealed it intended to hold', 'are plotting to', 'no "
                       "further indictments expected'; not shipped, the card has their judgment); 'stop30': the "
                       "stop-30 rules (a near-day time phrase 'as soon as this weekend', 'by the end of the weekend' "
                       "making a bare may/might/could a timed possibility; 'anticipates telling', 'did not foresee "
                       "recommending'; read off dev12 and dev13, held out on dev14: the card has their judgment); "
                       "'stop31': the stop-31 rules (scheduled acts: 'is set for trial in November', 'a vote slated "
                       "for the week beginning ...', 'heads for March 29 cliff', 'is to be cancelled', 'no new "
                       "indictments coming out'; read off dev14, the card has their judgment); 'stop31r': the stop-31 "
                       "readings (an emotional reaction 'will dismay', 'will be encouraged by' is no prediction; read "
                       "off dev8 and dev14, the card has their judgment); 'stop32': the stop-32 rules (a negated plan "
                       "of further legal action 'does not recommend further indictments', 'would not seek further "
                       "indictments', 'there would be no further indictments'; a timed commitment 'promised a "
                       "reckoning in the coming weeks'; 'is to be held / set'; read off dev15, the card has their "
                       "judgment); 'stop26+27', 'stop25+26', 'stop26+28', 'stop26+27+28', 'stop26+29', 'stop26+30', "
                       "'stop26+30+31', 'stop26+30+31r', 'stop26+30+32': several sets"),
        AnalyzerOption("cue_readings", ("off", "s29", *READINGS_S29, *READINGS_S32, *READINGS_S33, *COMBINED_READINGS), "name",
                       "'name' (default since stop 31: held out on dev14, two wrong hedges fewer, model card) or 'off' "
                       "(stops 29-30); readings GUIDELINE.md fixes a priori, at decision time outside the learned scorers (s29, "
                       "helper hedge17; model card): 'permission' (\"you may apply\": no hedge), 'concessive' (\"may "
                       "have backed Remain, but\"), 'conditional' (a possibility only under an if-clause), 'belief' "
                       "(\"it appears to me\"), 'likelihood' (cues \"substantial / good likelihood\"), 'name' (\"May asked\" "
                       "opening a sentence: Theresa May); 's29': all six; 'name32' (s32, helper hedge22, not the "
                       "default: 'name' and a capital May before 'did / does' or an -s verb, \"May arrives\"; read off "
                       "dev15, model card); 'forms32' (s32, helper hedge23, not the default): cue forms "
                       "GUIDELINE.md names without a candidate ('impossible to say whether', 'no one really knows', "
                       "'anyone\'s guess', 'remains to be seen', evidence 'suggested' of a survey, a sourceless "
                       "'fears that') asserted at their class's fixed score; 'name+forms32': 'name' and 'forms32'; 'filters33' (s33, "
                       "helper hedges, not the default): 'could' and 'likely' that three adjudication filters drop "
                       "beyond their rule (a generic subject far from the modal, 'which the government warned could', "
                       "'even more likely') asserted at their class's fixed score; 'name+filters33': 'name' and "
                       "'filters33'"),
        AnalyzerOption("cue_veto", ("off", "on"), "off",
                       "'on': 'ostensibly' and 'reports suggest/indicate' never hedge a claim (s25, model card)"),
        AnalyzerOption("claim_gate", ("shipped", "kept", "lowered", "neighbours", "neighbours_capped", "stance"),
                       "shipped",
                       "'kept' (s29, claims17): a claim scorer with the article profile scores every unit, but a unit "
                       "with an asserted hedge cue or an attribution keeps at least the shipped score (model card, "
                       "stop 29); 'lowered' (s30, claims18): the same profile may only lower a unit without an "
                       "asserted hedge cue or an attribution, never raise one (model card, stop 30); 'neighbours' (s31, "
                       "claims19): a claim scorer that also reads the two units before and after each unit (their "
                       "CheckThat! logit, speech verbs, first/second person, opinion markers; model card, stop 31); "
                       "'neighbours_capped' (s32, claims20): the same without the speech-verb share, and a unit with "
                       "an asserted hedge cue keeps the shipped score (model card, stop 32); 'stance' (s33, opinion): "
                       "a claim scorer with markers of the writer's stance (evaluative words, intensifiers, an "
                       "argumentative opener, an emphatic cleft, a hypothetical frame; none in a unit with a speech "
                       "verb) may only lower a unit that shows one and has no asserted hedge cue (model card, stop 33)"),
    )

    def analyze(self, features: Features) -> AnalyzerOutput:
        rules = self.option("prediction_rules")
        with prediction_rules(rules):
            return self._analyze(features)

    def _analyze(self, features: Features) -> AnalyzerOutput:
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
        # (the claim calibration's forecast feature, the prediction finding's forecast) of each sentence
        features_and_forecasts = [sentence_forecasts(t) for t in texts]
        forecasts = [f for _, f in features_and_forecasts]
        # claim units: sentences cut at ";" joined again (.units); every other finding keeps the sentences
        units = claim_units(article.text, article.sentences)
        ranges_all = unit_ranges(article.sentences, units)
        unit_texts = [article.text[s:e] for s, e in ranges_all]
        unit_forecasts = [features_and_forecasts[u[0]][0] is not None if len(u) == 1
                          else forecast_cues(t) is not None for u, t in zip(units, unit_texts, strict=True)]
        wider = self.option("cue_candidates") == "1.12"
        scored = score_sentences(unit_texts, unit_probabilities(probs.tolist(), units),
                                 unit_embeddings(enc.sentence_embeddings, units), unit_forecasts, wider_cues=wider,
                                 cue_veto=self.option("cue_veto") == "on",
                                 s26_rules=self.option("cue_candidates") == "s26",
                                 s27_rules=self.option("cue_candidates") == "s27",
                                 readings=cue_readings(self.option("cue_readings")),
                                 kept_gate=(load_kept_scorer() if self.option("claim_gate") in ("kept", "lowered")
                                            else None),
                                 lowered=self.option("claim_gate") == "lowered",
                                 neighbour_gate=(load_neighbour_scorer() if self.option("claim_gate") == "neighbours"
                                                 else load_capped_neighbour_scorer()
                                                 if self.option("claim_gate") == "neighbours_capped" else None),
                                 capped=self.option("claim_gate") == "neighbours_capped",
                                 stance_gate=(load_stance_scorer() if self.option("claim_gate") == "stance"
                                              else None))
        scores, hedges = scored.claim, scored.cues
        chosen = [i for i, p in enumerate(scores) if not p < EMIT_AT]
        ranges = [ranges_all[i] for i in chosen]
        links = linked_attributions(ranges, attribution_spans(attributions))
        findings = [
            self._claim(article, units[i][0], s, e, scores[i],
                        sorted(hedges[i] + scored.added[i]) if scored.added else hedges[i], figures, link)
            for i, (s, e), link in zip(chosen, ranges, links, strict=True)
        ]
        # the prediction buckets (.predictions, scores counted with analyzer 1.6's claim decisions) keep reading the
        # 1.6 calibration of each sentence, so prediction findings do not move with the claim scorer or the units
        table_hedged = [False] * len(texts)
        # a cue scorer fitted on more candidates (a scorers file's ``cue_candidates``, s31) scores cues the lexicon
        # lacks: the table reads the lexicon's own candidates then
        lexicon_only = load_scorers().cue_candidates == ""
        for u, cues in zip(units, hedges, strict=True):
            if len(u) == 1 and lexicon_only:
                table_hedged[u[0]] = any(HEDGE_CLASS_SCORES[name] >= HEDGE_ASSERTED for _, _, name, _ in cues)
                continue
            for i in u:
                table_hedged[i] = any(HEDGE_CLASS_SCORES[cue_class(texts[i], a, b, kind)] >= HEDGE_ASSERTED
                                      for a, b, kind in claim_cue_candidates(texts[i], wider))
        claim_scores_v16 = [
            calibrated(p, h, f is not None)
            for p, h, (f, _) in zip(probs.tolist(), table_hedged, features_and_forecasts, strict=True)
        ]
        findings += self._predictions(article, forecasts, claim_scores_v16)
        return AnalyzerOutput(findings=findings)

    def _predictions(
        self, article: Article, forecasts: list[Forecast | None], claim_scores: list[float]
    ) -> list[Finding]:
        out = []
        for index, ((s, e), found, p) in enumerate(zip(article.sentences, forecasts, claim_scores, strict=True)):
            if found is None:
                continue
            strength, cues, horizon = found
            quoted = cues_quoted(article.text, s, cues)
            claim = not p < EMIT_AT
            basis = prediction_basis(article.text[s:e], found, claim, quoted)
            if basis is None:
                continue
            score = candidate_score(article.text[s:e], found, basis, claim, quoted, p, index,
                                    self.option("prediction_scorer"))
            out.append(
                Finding.at(
                    article,
                    s,
                    e,
                    kind="prediction",
                    label=strength,
                    score=score,
                    analyzer=self.name,
                    attributes={
                        "sentence_index": index,
                        "cues": [span_ref(article, s + a, s + b) for a, b, _ in cues],
                        "horizon": span_ref(article, s + horizon[0], s + horizon[1]) if horizon else None,
                    },
                )
            )
        return out

    def _claim(
        self,
        article: Article,
        index: int,
        s: int,
        e: int,
        score: float,
        cues: list[ScoredCue],
        figures: list[Finding],
        link: Finding | None,
    ) -> Finding:
        text = article.text[s:e]
        sentence_start = s  # the hedge cues' offsets are relative to the sentence
        layout = self.option("furniture") == "layout"
        furniture = (layout_furniture_reason(article.text, s, e) if layout
                     else furniture_reason(text, report_lead_ins=self.option("furniture") in ("s28", "s30"),
                                           link_titles=self.option("furniture") == "s30"))
        if furniture is not None:
            score *= FURNITURE_FACTOR
        else:  # a retweet's header (and, with furniture=layout, a wire dateline) is no part of the claim
            s += social_header_end(text) or (dateline_end(text) if layout else 0)
        # a hedged claim is an asserted claim with a cue the cue scorer asserts: its score is the lower of the two
        hedge_score = min(score, max((p for *_, p in cues), default=0.0))
        hedged = hedge_score >= HEDGE_ASSERTED
        attributes: dict[str, Any] = {
            "sentence_index": index,
            "figures": [_figure_ref(article, f) for f in figures if s <= f.start and f.end <= e],
            "attribution": _attribution_ref(link),
            "hedged": hedged,
            "hedge_cues": [span_ref(article, sentence_start + a, sentence_start + b)
                           for a, b, _, p in cues if hedged and p >= HEDGE_ASSERTED],
            "hedge_score": hedge_score,
        }
        if furniture is not None:
            attributes["furniture"] = furniture
        return Finding.at(
            article,
            s,
            e,
            kind="claim",
            label="check_worthy",
            score=score,
            analyzer=self.name,
            attributes=attributes,
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
