"""The score of a tagged cue outside the reporting lexicon (the option ``attribution.unlisted_cues=scored``).

With ``attribution.unlisted_cues=candidate`` (analyzer 2.14) a cue the tagger proposed whose words are all outside
the reporting lexicon (:func:`.refine.unlisted_cue`: "decreed", "made clear", "doubled down") is kept as a
candidate when the layers linked it to a source; the sanity rule "cue not a speech, reporting or writing predicate"
then caps it at 0.45, so it is never asserted, and the learned scorer (fitted on 2.7's rows, which hold no such
cue) has never seen one. ``scored`` lets a small logistic model fitted on such candidates of the open real-news
splits (``models/attribution/unlisted.json``) give the score instead of the cap, for a candidate whose *only*
sanity problem is that rule. Its inputs are general, none set by hand:

* the learned scorer's log-odds for the candidate (its content, source and context traits; the candidate's
  ``sane`` trait is false, as in the rows the scorer was fitted on that broke a rule);
* how often the cue's lemma was right among the fitted candidates (the count table is in the model file, shrunk
  towards the rate of all candidates: ``(right + k * prior) / (n + k)``), as log-odds;
* whether the content is a quotation, and whether it is a that-clause (the scorer's content traits).

Any other sanity problem still caps the candidate at 0.45.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

from presslens.analyzers.attribution.calibration import CANDIDATE_CAP
from presslens.analyzers.attribution.link import Attribution
from presslens.analyzers.attribution.refine import sanity_problems
from presslens.analyzers.attribution.scorer import (
    FEATURE_NAMES,
    SCORER_FILE,
    cue_lemma,
    load_scorer,
    scorer_features,
)
from presslens.analyzers.attribution.spans import Span
from presslens.registry import model_dir

UNLISTED_FILE = model_dir("attribution") / "unlisted.json"
#: the sanity rule an unlisted cue always breaks; a candidate that breaks only this rule is scored here
SPEECH_RULE = "cue not a speech, reporting or writing predicate"
#: the model's inputs, in order
UNLISTED_FEATURES = ("scorer logit", "lemma rate logit", "content quote", "content that")
#: pseudo-count of the lemma rate's shrinkage towards the rate of all candidates
LEMMA_PRIOR_COUNT = 5.0
_QUOTE = FEATURE_NAMES.index("content quote")
_THAT = FEATURE_NAMES.index("content that-clause")
_EPS = 1e-3


def _logit(p: float) -> float:
    p = min(max(p, _EPS), 1.0 - _EPS)
    return math.log(p / (1.0 - p))


def lemma_rate(lemma: str, counts: dict[str, tuple[float, float]], prior: float) -> float:
    """The lemma's share of right candidates, shrunk towards ``prior`` by :data:`LEMMA_PRIOR_COUNT` (an unseen
    lemma gets ``prior``)."""
    right, n = counts.get(lemma, (0.0, 0.0))
    return (right + LEMMA_PRIOR_COUNT * prior) / (n + LEMMA_PRIOR_COUNT)


def unlisted_inputs(scorer_logit: float, lemma: str, features: list[float],
                    counts: dict[str, tuple[float, float]], prior: float) -> list[float]:
    """The model's inputs (:data:`UNLISTED_FEATURES`) from the learned scorer's log-odds and traits."""
    return [scorer_logit, _logit(lemma_rate(lemma, counts, prior)), features[_QUOTE], features[_THAT]]


@lru_cache(maxsize=4)
def load_unlisted(path: Path = UNLISTED_FILE) -> tuple[tuple[float, ...], float, dict[str, tuple[float, float]],
                                                      float]:
    """(weights, bias, lemma counts, prior) of the model file; a file whose inputs differ is refused."""
    payload = json.loads(path.read_text(encoding="utf-8"))
    if tuple(payload["features"]) != UNLISTED_FEATURES:
        raise ValueError(f"{path}: its inputs do not match this code's unlisted-cue model; retrain it")
    counts = {str(k): (float(v[0]), float(v[1])) for k, v in payload["lemmas"].items()}
    return tuple(float(w) for w in payload["weights"]), float(payload["bias"]), counts, float(payload["prior"])


def unlisted_probability(inputs: list[float], weights: tuple[float, ...], bias: float) -> float:
    z = bias + math.fsum(w * x for w, x in zip(weights, inputs, strict=True))
    return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0


def unlisted_score(text: str, cue: Span, scorer_logit: float, features: list[float],
                   problems: list[str], path: Path = UNLISTED_FILE) -> float:
    """P(right) of an unlisted-cue candidate; capped at :data:`~.calibration.CANDIDATE_CAP` unless its only
    sanity problem is :data:`SPEECH_RULE`."""
    weights, bias, counts, prior = load_unlisted(path)
    p = unlisted_probability(unlisted_inputs(scorer_logit, cue_lemma(text, cue), features, counts, prior),
                             weights, bias)
    return p if problems == [SPEECH_RULE] else min(p, CANDIDATE_CAP)


def scored_unlisted(text: str, a: Attribution, sentences: list[Span], scorer_path: Path = SCORER_FILE,
                    path: Path = UNLISTED_FILE) -> float:
    """The score of the unlisted-cue candidate ``a`` (``a.score``: the layers' raw score): the learned scorer's
    log-odds and traits through :func:`unlisted_score`."""
    features = scorer_features(text, a, sentences)
    weights, bias = load_scorer(scorer_path)
    z = bias + math.fsum(w * x for w, x in zip(weights, features, strict=True))
    return unlisted_score(text, a.cue, z, features, sanity_problems(text, a, sentences), path)
