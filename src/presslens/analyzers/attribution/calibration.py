"""The attribution score as a probability that the attribution is right (issue 13's score contract).

Two inputs: the layers' raw score ``r`` (the tagger's mean role confidence of the cue, source and content spans;
0.9 for a rule match, 0.85 for an embedded post or a colon quote) and whether the attribution passes the
span-sanity rules (:func:`~.refine.sanity_problems`). The probability is a three-parameter logistic fit

    P(right) = sigmoid(INTERCEPT + SLOPE * logit(r) + SANE * [passes the sanity rules])

fitted on every attribution (asserted or not) of the real-news **dev** split, right or wrong by the matching
rules of ``data/realnews/GUIDELINE.md`` section 9, and checked by leave-articles-out cross-validation (7 folds
of whole articles). Refit and print the fold table with::

    presslens train attribution --calibrate --data ../shared/data/ptc-semeval2020-task11

An attribution that breaks a sanity rule is never asserted: its probability is capped below 0.5 (the score
contract's "candidate"), whatever the fit gives.
"""

from __future__ import annotations

import math

#: the fit of ``presslens train attribution --calibrate`` (dev split, analyzer 1.5)
INTERCEPT = -3.8
SLOPE = 1.07
SANE = 2.61
#: the highest score of an attribution that breaks a sanity rule: a candidate, never asserted
CANDIDATE_CAP = 0.45
#: raw scores are clipped into [EPS, 1 - EPS] before the logit
EPS = 1e-4


def logit(p: float) -> float:
    p = min(max(p, EPS), 1.0 - EPS)
    return math.log(p / (1.0 - p))


def calibrated(raw: float, sane: bool = True) -> float:
    """The probability that an attribution of raw score ``raw`` is right (increasing in ``raw``)."""
    z = INTERCEPT + SLOPE * logit(raw) + (SANE if sane else 0.0)
    p = 1.0 / (1.0 + math.exp(-z))
    return p if sane else min(p, CANDIDATE_CAP)
