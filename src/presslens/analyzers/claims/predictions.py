"""Prediction findings: which forecasts a reader would track, and how sure presslens is of each.

A sentence that states a prediction by the adjudication rules of data/realnews/GUIDELINE.md section 6
(:func:`presslens.text.prediction.prediction_forecast`) is put into one bucket by what the text says about it; a
bucket's score is the share of its sentences that match a gold prediction on the open real-news splits
(:data:`presslens.evaluation.realnews_selection.OPEN_SPLITS`; adjudicated gold, issue 13), rounded toward 0.5
where the count is small, so that a score reads as the probability that the prediction is right. The scores of
the first ten buckets were read off dev, dev2 and dev3, the last two at stop 21-22; the table is held out on dev6
and dev7 only. A bucket right on one split and wrong on another scores below 0.5 (a candidate, not asserted) in the
``recalibrated`` option; the default keeps the hand table (the cap lost on the ship rule, HISTORY.md, stop 24).

| bucket | dev | dev2 | dev3 | dev4 | dev5 | dev6 | dev7 | dev8 | dev9 | dev10 | score |
|---|---|---|---|---|---|---|---|---|---|---|---|
| forecast ("will", "is expected to") in a claim finding, with a certainty word or a horizon | 25/26 | 14/14 | 7/8 | 7/8 | 4/5 | 7/8 | 9/9 | 4/6 | 2/4 | 7/9 | 0.92 |
| forecast in a claim finding, plain | 24/26 | 13/14 | 5/10 | 17/20 | 10/12 | 7/9 | 6/6 | 3/12 | 10/13 | 9/15 | 0.82 |
| forecast elsewhere, with a certainty word or a horizon ("will never", "warned ... will") | 5/5 | 0/0 | 3/3 | 2/2 | 1/1 | 3/3 | 1/1 | 1/1 | 0/0 | 0/1 | 0.85 |
| forecast elsewhere, in a main clause ("he will remain in power") | 2/3 | 1/1 | 2/2 | 1/2 | 0/1 | 2/2 | 2/2 | 1/2 | 0/1 | 3/4 | 0.75 |
| a third party's present-tense plan ("plans to", "is preparing to", "has no plans to") | 4/4 | 4/4 | 1/1 | 2/2 | 0/0 | 2/2 | 1/1 | 0/0 | 1/1 | 0/1 | 0.80 |
| forecast elsewhere, inside a quotation ("WHO will work closely with ...") | 2/2 | 1/3 | 1/1 | 1/2 | 0/0 | 0/2 | 0/0 | 0/1 | 1/2 | 0/1 | 0.55 |
| forecast elsewhere, in a subordinate clause ("code language that the Pope will be ...") | 2/3 | 0/0 | 0/0 | 0/0 | 0/1 | 0/0 | 0/0 | 0/0 | 0/0 | 0/1 | 0.55 |
| "may/might/could" with a time phrase, "soon", "about to", after a forecast verb or "the high likelihood that" | 2/2 | 1/2 | 0/0 | 2/2 | 0/0 | 1/1 | 0/0 | 0/1 | 0/0 | 1/2 | 0.60 |
| "would" of a future event in reported speech ("announced it would provide"); also with a reported commitment | 2/7 | 2/5 | 0/5 | 0/4 | 1/3 | 1/4 | 0/1 | 0/2 | 0/3 | 0/0 | 0.30 |
| the same with a time phrase ("warned that ... would soon", "would be wrapping up by September 1") | 0/0 | 1/1 | 0/0 | 1/1 | 0/1 | 0/0 | 0/0 | 0/0 | 0/0 | 0/0 | 0.60 |
| a quoted "I/we will" + a verb of stance ("We will fight those who ...", "we will succeed") | 0/0 | 0/2 | 0/1 | 0/1 | 0/1 | 1/1 | 0/0 | 0/0 | 0/0 | 0/0 | 0.15 |
| a reported commitment or threat ("threatened to", "promised to", "vows to") | 0/0 | 0/4 | 0/1 | 3/3 | 0/0 | 0/0 | 0/0 | 0/3 | 0/1 | 0/0 | 0.25 |

(counts with the stop-26 rules of :mod:`presslens.text.prediction`, the default since stop 27, from ``presslens train
predictions --dry-run``; the
scores are the stop-19..22 hand table, unchanged: read off dev..dev5, so held out on dev6 .. dev10. dev7 before the
stop-24 rules: 18 right of 22 asserted; the stop-24 rules were read off dev7's errors and audit A, so dev7's 19 of 19
after them is in-sample. dev8, opened at stop 25: 9 right of 23 asserted, wrong by readings, not by bucket scores;
the stop-25 rules read off it are the option ``claims.prediction_rules=stop25``, HISTORY.md. dev9, opened at stop 26:
14 right of 25 asserted, again readings; the stop-26 rules read off it (a third party's hope, a refusal to condemn,
keeping the law) are the option ``claims.prediction_rules=stop26``, and ``stop25+26`` turns on both. dev10, opened
at stop 27: 20 right of 35 asserted, readings again (hopes, imagined speech, evaluative "will").)

The last two rows are issue 13's stop-21 additions: a reported commitment is right on dev4 and wrong on dev2 and
dev3 (the gold marks "threatened to hang" but not "Trump has threatened to send the military"), so it is a
candidate; a timed reported "would" was right both times it occurred (dev2, dev4): decided on the three other
splits it is asserted and right on each of the two.

Not emitted: a bare "may/might/could" (a possibility, not a prediction), any conditional ("if", "unless",
"should X", "once X", "as soon as X", "absent/without X,", "otherwise", "give me X and I'll ...", negated or not),
"whether X will", "is will", "how/why X will", a wh-clause after a verb of knowing ("no one knows what the field
will look like") and quoted "Will ...?" questions, purpose clauses ("so that"), generic, habitual ("occasionally
someone will") and "forever" statements, past plans ("were expected to", "was planning to", "likely to have
been"), "due to" + a noun phrase, the nouns "plan" ("the new plan to"), "project" ("a women's project that") and
"promise" ("a failed promise to", "making empty promises to"), hopes ("hopes to", "let's hope", "I trust that")
and forecasts that :func:`presslens.text.prediction.forecast_exclusion` rules out (poll answers, wishes, demands,
idioms, evaluative asides "it will be eye-opening", refusals and preteritions "won't even say", "not going to say",
scripture "Jesus said the truth will ...", song words, prophecy, "you will", the writer's own "we will", a speaker's
"I will say", "would love to", a forecast under "may be such that", "than X will ever", "the day X, then I will";
a rule's "may" in legal text; stop 24: a forecast verb that is not a present finite one, "wasn't expecting to",
"the only pollster to correctly predict", "Don't expect it to"; legacy verdicts "will live on", "will be remembered
by historians"; "will be vital to"; "whoever ... is going to"; "just won't"; present readiness "are ready to"; the
writer's "I currently have no plans to"). A third party's vow to a concrete act ("Hungary will never admit illegal immigrants") is a
commitment, so a prediction.

The table is :data:`HAND_SCORES`, the default. :data:`RECALIBRATED_SCORES` (the option
``claims.prediction_scorer=recalibrated``) re-estimates each bucket from its counts on the sixteen open splits by
:func:`recalibrated_bucket_score` (a bucket mostly wrong on some split scores below 0.5); judged
leave-one-split-out it lost to the hand table on the ship rule (HISTORY.md, stops 22-24), so by the
ship rule it is an option, not the default. :func:`prediction_score` is a learned alternative (a logistic
regression over :func:`prediction_features`, ``presslens train predictions``), used when the analyzer option
``claims.prediction_scorer`` is "learned" (:data:`SCORER_CHOICES`): refitted on the sixteen open splits with general features (voice, subject, verb
class, generic frame, horizon, question, scripture, the bucket), on leave-one-split-out it did not raise the summed
held-out precision over these scores (models/claims/HISTORY.md, "Prediction scorer"), so by the ship rule of
issue 13 it is not the default.

Counts: `presslens train predictions --data ../shared/data/ptc-semeval2020-task11 --dry-run` (its "bucket
counts" table; the candidates are taken from the analyzer itself). A claim finding is a sentence whose calibrated
claim score reaches ``EMIT_AT`` (:mod:`.calibration`), asserted or not; the claim calibration keeps its own forecast
feature (:func:`presslens.text.prediction.forecast_cues`), so claim findings do not change with these rules.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

from presslens.registry import model_dir
from presslens.text.hedging import LEGAL_TEXT, Cue
from presslens.text.prediction import (
    TRAIT_NAMES,
    Forecast,
    cue_in_subordinate_clause,
    first_person_stance,
    forecast_exclusion,
    forecast_traits,
    has_certainty,
    is_conditional,
)

#: the hand scores of the buckets (the table above), kept as the baseline of ``presslens train predictions``
HAND_SCORES: dict[str, float] = {
    "sure forecast in a claim": 0.92,
    "forecast in a claim": 0.82,
    "sure forecast": 0.85,
    "forecast": 0.75,
    "plan": 0.80,
    "quoted forecast": 0.55,
    "subordinate forecast": 0.55,
    "timed possibility": 0.60,
    "reported would": 0.30,
    "timed reported would": 0.60,
    "quoted stance": 0.15,
    "reported commitment": 0.25,
}

#: the name the analyzer and the audit knew the hand scores by
PREDICTION_SCORES = HAND_SCORES

#: a split whose candidates of a bucket number at least this many, with fewer than half right, marks the bucket
#: as one whose precision differs across splits (:func:`recalibrated_bucket_score`)
CONSISTENCY_MIN_COUNT = 2
#: the highest score of a bucket whose precision differs across splits: below 0.5, a candidate, not asserted
INCONSISTENT_CAP = 0.45


def recalibrated_bucket_score(per_split: dict[str, tuple[int, int]]) -> float:
    """A bucket's score from its (right, candidates) counts per split: the share right with one right and one
    wrong added (Laplace: a bucket seen twice scores 0.5-0.75, not 0 or 1), rounded to two decimals, and at most
    :data:`INCONSISTENT_CAP` when on some split with at least :data:`CONSISTENCY_MIN_COUNT` of its candidates fewer
    than half are right (issue 13, stop 22: a finding type whose precision differs across splits is a candidate,
    not asserted). ``presslens train predictions`` fits it leave-one-split-out and on all open splits."""
    right = sum(r for r, _ in per_split.values())
    total = sum(n for _, n in per_split.values())
    score = round((right + 1) / (total + 2), 2)
    if any(n >= CONSISTENCY_MIN_COUNT and 2 * r < n for r, n in per_split.values()):
        score = min(score, INCONSISTENT_CAP)
    return score


#: :func:`recalibrated_bucket_score` of each bucket over the sixteen open splits dev..dev16 (the bucket counts of
#: ``presslens train predictions --dry-run``, candidates of the default rules ``stop26+30``; refitted at stop 33 with
#: dev16: "sure forecast in a claim" 0.87 -> 0.86 (3 right of 5 on dev16), "plan" 0.86 -> 0.83 (0 of 1), "quoted
#: forecast" 0.38 -> 0.39 (1 of 2), "timed possibility" 0.80 -> 0.81 (1 of 1), "timed reported would" 0.56 -> 0.60
#: (1 of 1), "reported commitment" 0.38 -> 0.35 (0 of 2), none crossing 0.5; at stop 32 with dev15: "subordinate
#: forecast" 0.43 -> 0.38 (0 right of 1 on dev15), "reported commitment" 0.33 -> 0.38 (2 right of 3 on dev15),
#: neither crossing 0.5; at stop 31 with dev14: "forecast" 0.75 -> 0.45 (2 right of 5 on dev14:
#: mostly wrong on a split, so capped), "timed possibility" 0.69 -> 0.80, "quoted stance" 0.45 -> 0.42, "reported
#: would" 0.27 -> 0.25, "reported commitment" 0.31 -> 0.33, "quoted forecast" 0.39 -> 0.38, "timed reported would"
#: 0.57 -> 0.56); the scores of the option
#: ``claims.prediction_scorer=recalibrated`` (the five- to thirteen-split tables of stops 22-30 are in HISTORY.md and
#: the claims model card)
RECALIBRATED_SCORES: dict[str, float] = {
    "sure forecast in a claim": 0.86,
    "forecast in a claim": 0.45,
    "sure forecast": 0.45,
    "forecast": 0.45,
    "plan": 0.83,
    "quoted forecast": 0.39,
    "subordinate forecast": 0.38,
    "timed possibility": 0.81,
    "reported would": 0.25,
    "timed reported would": 0.60,
    "quoted stance": 0.42,
    "reported commitment": 0.35,
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
    if kinds <= {"commitment", "plan"}:
        return "reported commitment"
    if kinds <= {"reported_future", "modal_future"} or (
            kinds <= {"commitment", "reported_future", "modal_future"} and "commitment" in kinds):
        # a reported threat told with a reported "would" ("when she threatens to leave, he tells her that he would
        # kill her", user trial s23) is as weak as its weakest cue, not a plain forecast (pred10)
        return "timed reported would" if horizon is not None else "reported would"
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


# The learned scorer
# ---------------------------------------------------------------------------------------------------

#: the weights of the learned scorer (``presslens train predictions``)
SCORER_FILE = model_dir("claims") / "predictions.json"
BUCKETS = tuple(HAND_SCORES)
#: names of :func:`prediction_features`, in order (the scorer file names them too)
FEATURE_NAMES = (*(f"bucket {b}" for b in BUCKETS), *TRAIT_NAMES, "quoted", "claim", "claim score", "headline")


def prediction_features(text: str, forecast: Forecast, basis: str, is_claim: bool, quoted: bool,
                        claim_score: float, index: int) -> list[float]:
    """The features of a prediction candidate in :data:`FEATURE_NAMES` order: its bucket
    (:func:`prediction_basis`), the forecast's traits (:func:`presslens.text.prediction.forecast_traits`), whether
    its cues are quoted, whether the sentence is a claim finding and its claim score (0 when it is not one), and
    whether it is the article's first sentence (the headline)."""
    return [*(float(basis == b) for b in BUCKETS), *forecast_traits(text, forecast, quoted), float(quoted),
            float(is_claim), claim_score if is_claim else 0.0, float(index == 0)]


@lru_cache(maxsize=4)
def load_scorer(path: Path = SCORER_FILE) -> tuple[tuple[float, ...], float]:
    """(weights, bias) of the scorer file; a file whose features are not :data:`FEATURE_NAMES` is refused."""
    payload = json.loads(path.read_text(encoding="utf-8"))
    if tuple(payload["features"]) != FEATURE_NAMES:
        raise ValueError(f"{path}: its features do not match this code's prediction features; retrain it")
    return tuple(float(w) for w in payload["weights"]), float(payload["bias"])


def prediction_score(features: list[float], path: Path = SCORER_FILE) -> float:
    """P(the candidate matches a gold prediction) by the learned scorer."""
    weights, bias = load_scorer(path)
    z = bias + math.fsum(w * x for w, x in zip(weights, features, strict=True))
    return 1.0 / (1.0 + math.exp(-z))


#: the values of the analyzer option ``claims.prediction_scorer`` that picks the scores of prediction findings:
#: "hand" (:data:`HAND_SCORES`, the default), "learned" (:func:`prediction_score`) or "recalibrated"
#: (:data:`RECALIBRATED_SCORES`); the options did not beat the hand scores on the leave-one-split-out comparison of
#: ``presslens train predictions`` (MODEL_CARD.md has the sums, HISTORY.md the tables)
SCORER_CHOICES = ("hand", "learned", "recalibrated")


def candidate_score(text: str, forecast: Forecast, basis: str, is_claim: bool, quoted: bool, claim_score: float,
                    index: int, scorer: str = "hand") -> float:
    """The score of a prediction finding: its bucket's hand score, or the learned scorer's probability when
    ``scorer`` (the ``claims.prediction_scorer`` option) is "learned"."""
    if scorer not in SCORER_CHOICES:
        raise ValueError(f"prediction scorer {scorer!r}: expected one of {', '.join(SCORER_CHOICES)}")
    if scorer == "learned":
        return prediction_score(prediction_features(text, forecast, basis, is_claim, quoted, claim_score, index))
    if scorer == "recalibrated":
        return RECALIBRATED_SCORES[basis]
    return HAND_SCORES[basis]
