"""Check-worthy claims: sentences that make a checkable factual assertion.

Each sentence is scored by the mean of two probabilities (weights in ``models/claims/claims.npz``,
vocabularies in ``vocab.json``), both computed in numpy from the shared encoder pass (no second pass):

* a logistic regression over the sentence embedding, TF-IDF word and character n-grams and a few
  lexical features (numbers, capitalised tokens, length);
* a small attention head over the sentence's frozen token states (attention pooling, then a ReLU
  layer over the pooled state and the sentence embedding).

Sentences at or above the threshold chosen on CheckThat! 2024 dev become ``claim`` findings, enriched
with the quantities found by ``figures``, the attribution found by ``attribution`` and hedging/prediction
cues.

Modules: :mod:`.features` (lexical features, n-grams), :mod:`.tfidf`, :mod:`.head` (attention head),
:mod:`.model` (the claim model), :mod:`.analyzer`.
"""

from presslens.analyzers.claims.analyzer import ClaimsAnalyzer

__all__ = ["ClaimsAnalyzer"]
