"""Real-news calibration of claim scores of analyzer 1.2-1.6 (kept as the baseline of the learned scorer).

Analyzer 1.7 no longer uses :func:`calibrated`: a claim's score comes from the learned real-news claim scorer
(:mod:`presslens.analyzers.claims.scorers`, fitted by ``presslens train realnews-claims``), which reads more
features and was chosen leave-one-split-out over dev, dev2 and dev3. :data:`EMIT_AT` still applies.

The check-worthiness model was trained and its threshold chosen on CheckThat! 2024 (debates and tweets); on
news articles its probability is too low in the middle range (real-news dev, issue 13: of the sentences it
scores 0.43-0.5, 67 % are claims a careful reader marks; hedged sentences and predictions even more often).
The ``claims`` analyzer therefore reports as a claim's ``score``

    P(claim) = sigmoid(slope * logit(p) + intercept + hedged_weight * hedged + prediction_weight * prediction)

with ``p`` the model probability, ``hedged`` whether the sentence has a hedge cue of its own
(:func:`presslens.text.hedging.claim_hedge_cues`) and ``prediction`` whether it makes a prediction
(:func:`presslens.text.prediction.forecast_cues`), fitted by logistic regression on every sentence of the
real-news **dev** split (``data/realnews/dev.jsonl``; a sentence is positive when it matches a gold claim by
the evaluation's rule). Findings below :data:`EMIT_AT` are not emitted. Refit with

    python -m presslens.analyzers.claims.calibration --data ../shared/data/ptc-semeval2020-task11

which prints the constants to paste here. The CheckThat! numbers (``presslens eval claims``) score the model
itself and do not change.
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path
from typing import Any

# fitted on real-news dev (see the module docstring for the command)
SLOPE = 0.9838
INTERCEPT = 0.6449
HEDGED_WEIGHT = 1.2697
PREDICTION_WEIGHT = 0.9137
# a sentence whose calibrated score is below this is not a claim finding at all (not even a candidate)
EMIT_AT = 0.3

_EPS = 1e-6


def logit(p: float) -> float:
    p = min(max(p, _EPS), 1.0 - _EPS)
    return math.log(p / (1.0 - p))


def calibrated(p: float, hedged: bool, prediction: bool) -> float:
    """The real-news probability that a sentence the model scores ``p`` is a claim."""
    z = SLOPE * logit(p) + INTERCEPT + HEDGED_WEIGHT * float(hedged) + PREDICTION_WEIGHT * float(prediction)
    return 1.0 / (1.0 + math.exp(-z))


def _dev_rows(data: Path, annotations: Path) -> list[tuple[float, bool, bool, bool]]:
    """(model probability, hedged, prediction, matches a gold claim) of every sentence of real-news dev."""
    from presslens.analyzers.base import Features
    from presslens.analyzers.claims.furniture import furniture_reason
    from presslens.analyzers.claims.model import ClaimModel
    from presslens.evaluation.realnews import annotated_articles
    from presslens.evaluation.realnews_matching import match_claim
    from presslens.pipeline import Pipeline
    from presslens.text.hedging import claim_hedge_cues
    from presslens.text.prediction import forecast_cues

    pipeline = Pipeline(only=["claims"]).load()
    analyzer = next(a for a in pipeline.analyzers if a.name == "claims")
    model: ClaimModel = analyzer.model("claims")
    rows: list[tuple[float, bool, bool, bool]] = []
    for record, article in annotated_articles(annotations / "dev.jsonl", data):
        encoded = Features(article, pipeline.encoder).encoded
        texts = article.sentence_texts()
        probs = model.scores(texts, encoded.sentence_embeddings, encoded.token_states,
                             encoded.stacked_token_states())
        golds = [tuple(c["span"]) for c in record["claims"]]
        for (s, e), text, p in zip(article.sentences, texts, probs.tolist(), strict=True):
            if furniture_reason(text) is not None:
                continue
            probe: Any = type("Span", (), {"start": s, "end": e})
            rows.append((float(p), bool(claim_hedge_cues(text)), forecast_cues(text) is not None,
                         any(match_claim(probe, g) for g in golds)))
    return rows


def fit(rows: list[tuple[float, bool, bool, bool]]) -> dict[str, float]:
    """Logistic regression of "is a gold claim" on (logit p, hedged, prediction)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x = np.asarray([[logit(p), float(h), float(f)] for p, h, f, _ in rows])
    y = np.asarray([ok for *_, ok in rows], dtype=int)
    lr = LogisticRegression(C=100.0).fit(x, y)
    slope, hedged, prediction = (float(v) for v in lr.coef_[0])
    return {"SLOPE": slope, "INTERCEPT": float(lr.intercept_[0]), "HEDGED_WEIGHT": hedged,
            "PREDICTION_WEIGHT": prediction}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the ptc-semeval2020-task11 folder")
    parser.add_argument("--annotations", type=Path, default=Path("data/realnews"))
    args = parser.parse_args(argv)
    rows = _dev_rows(args.data, args.annotations)
    print(f"# {len(rows)} dev sentences, {sum(r[3] for r in rows)} gold claims")
    for name, value in fit(rows).items():
        print(f"{name} = {value:.4f}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
