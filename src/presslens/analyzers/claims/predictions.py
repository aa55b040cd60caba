"""Prediction findings: which forecasts a reader would track, and how sure presslens is of each.

A sentence with forecast cues (:func:`presslens.text.prediction.forecast_cues`) is put into one bucket by
what the text says about it; a bucket's score is the share of candidates in it that a reader's annotation
confirmed on the real-news **dev** and **dev2** splits together (issue 13; `presslens eval realnews --split dev`
and `--split dev2`), rounded toward 0.5 where the count is small, so that a score reads as the probability that
the prediction is right. The writer's own main-clause forecasts sit at 0.5 (3/6): the issue's own examples of
predictions a reader wants to track ("Ukraine will continue its slow drift toward Western Europe", "he will remain
in power but greatly diminished") are of this kind, and a forecast at 0.5 is asserted.

| bucket | dev | dev2 | score |
|---|---|---|---|
| forecast ("will", "is expected to") in a claim finding, with a certainty word or a horizon | 26/28 | 13/13 | 0.90 |
| forecast in a claim finding, plain | 23/29 | 14/15 | 0.82 |
| forecast elsewhere, with a certainty word or a horizon ("will never", "warned ... will") | 5/5 | 0/0 | 0.85 |
| forecast elsewhere, inside a quotation (a speaker's forecast or vow) | 2/2 | 0/3 | 0.45 |
| forecast elsewhere, in the writer's own voice, in a main clause ("he will remain in power") | 2/3 | 1/1 | 0.50 |
| forecast elsewhere, in the writer's own voice, in a subordinate clause ("the only step that will help") | 0/3 | 0/0 | 0.20 |
| "may/could/might" + a verb of change ("could explode"); "the next outbreak could be stronger" | 8/8 | 5/5 | 0.85 |

Not emitted (2/52 on dev, 2/32 on dev2): "may/could/might" with any other verb (ability, permission, generic
statements), generic and habitual statements ("there is always a risk that X will", "every migrant who crosses
will ...", unless a horizon is given), conditional projections (guideline 8a: "If the rains fail, the harvest will be lost"; "they could
face violence if forced to return"; a negated condition, "if X is not done by Monday, Y will", is kept) and
forecasts that :func:`presslens.text.prediction.forecast_exclusion` rules out (poll answers, wishes, demands,
idioms, habitual "will always", "was preparing/going to", prophecy, "you will", the writer's own "we will", a
quoted vow of refusal "will never admit"; a rule's "may" in legal text).
Counts after issue 13's fourth pass, per split: `python -m presslens.analyzers.claims.audit --data
../shared/data/ptc-semeval2020-task11` (its "prediction buckets" table). A claim finding is a sentence whose
calibrated claim score reaches ``EMIT_AT`` (:mod:`.calibration`), asserted or not.
"""

from __future__ import annotations

from presslens.text.hedging import LEGAL_TEXT, Cue
from presslens.text.prediction import (
    Forecast,
    cue_in_subordinate_clause,
    first_person_stance,
    forecast_exclusion,
    has_certainty,
    is_conditional,
)

PREDICTION_SCORES: dict[str, float] = {
    "sure forecast in a claim": 0.92,
    "forecast in a claim": 0.82,
    "sure forecast": 0.85,
    "forecast": 0.75,
    "plan": 0.80,
    "quoted forecast": 0.55,
    "subordinate forecast": 0.55,
    "timed possibility": 0.40,
    "reported would": 0.30,
    "quoted stance": 0.15,
}


def prediction_basis(text: str, forecast: Forecast, is_claim: bool, quoted: bool) -> str | None:
    """The bucket of :data:`PREDICTION_SCORES` a sentence's forecast (:func:`prediction_forecast`) falls into,
    or None when it makes no prediction a reader would track. ``is_claim``: the sentence is a claim finding;
    ``quoted``: its cues lie inside a quotation."""
    strength, cues, horizon = forecast
    if strength == "possible":
        if any(is_conditional(text, c[0], c[1]) for c in cues):
            return None  # "they could face violence if forced to return": a conditional projection
        if LEGAL_TEXT.search(text) and any(text[c[0]:c[1]].lower() == "may" for c in cues):
            return None  # "the Attorney General (1) may continue to detain": a rule's permission
        return "timed possibility"
    if forecast_exclusion(text, cues, quoted) is not None:
        return None
    kinds = {c[2] for c in cues}
    if kinds <= {"plan"}:
        return "plan"
    if kinds <= {"reported_future", "modal_future"}:
        return "reported would"
    sure = horizon is not None or has_certainty(text)
    if quoted and first_person_stance(text, cues):
        return "quoted stance"
    if is_claim:
        return "sure forecast in a claim" if sure else "forecast in a claim"
    if sure:
        return "sure forecast"
    if quoted:
        return "quoted forecast"
    if all(cue_in_subordinate_clause(text, c[0]) for c in cues):
        return "subordinate forecast"
    return "forecast"


def cues_quoted(article_text: str, sentence_start: int, cues: list[Cue]) -> bool:
    """Whether any cue of a sentence lies inside a quotation of the article: one opened before it in its
    paragraph, or one that closes after it with no opening quote in between (the last sentence of a quote
    that began paragraphs earlier: 'We will get back to you shortly."')."""
    from presslens.text.prediction import inside_quotation

    for c in cues:
        if inside_quotation(article_text, sentence_start + c[0]):
            return True
        close = article_text.find("\u201d", sentence_start + c[1], sentence_start + c[1] + QUOTE_TAIL)
        if close >= 0 and "\u201c" not in article_text[sentence_start + c[1]:close] and (
            "\n" not in article_text[sentence_start + c[1]:close]):
            return True
    return False


#: how far after a cue :func:`cues_quoted` looks for the closing quote of a quotation it lies in
QUOTE_TAIL = 400
