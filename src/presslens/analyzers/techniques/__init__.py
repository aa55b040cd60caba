"""Persuasion technique spans (the 14 PTC / SemEval-2020 Task 11 techniques) and sentence propaganda scores.

Runs on top of the shared encoder pass (``features.encoded``): no second transformer pass.

1. **Span tagger** — a small network over the frozen MiniLM token states (dense layer, two
   convolutions over each sentence's tokens) plus the sentence embedding and a few orthographic cues
   gives every token a probability of lying inside a propaganda span, and every sentence a logit of
   containing one. Runs of tokens above the tuned threshold become spans, snapped to whole words
   (apostrophes/hyphens inside words and initialism dots count as word characters, see
   :func:`is_word_char`), trimmed of ``" \\n.,:;"`` at both ends (the PTC v2 boundary rule) and of
   trailing function words ("... by a thug who" -> "... by a thug").
2. **Technique classifier** — multinomial logistic regression over the span's mean token state,
   its sentence embedding, TF-IDF word n-grams of the span text and cues such as "the same phrase
   occurs elsewhere in the article" (repetition), span length and punctuation; averaged with small
   one-hidden-layer networks over the same dense features when that helped on held-out train.
3. **Lexicon** (:mod:`presslens.analyzers.techniques.lexicon`) — phrases mined from PTC train gold spans
   plus hand lists (name-calling nouns, thought-terminating phrases such as "Full stop.") add spans
   (``attributes["source"] == "lexicon"``, span probability = the phrase's train precision); a phrase's
   technique is blended into the classifier's probabilities, and a sentence with a hit gets
   ``SENTENCE_BUMP`` added to its propaganda probability. All three choices helped on held-out train.

Output:

* kind ``"technique"``: label = one of the 14 technique IDs, span = the fragment, score = calibrated
  probability that the fragment is propaganda *and* uses that technique (``p_span * p_technique``).
  A fragment gets its best technique and any other whose class probability is at least
  ``SECOND_LABEL_MIN``; such findings overlap. Every decoded fragment is reported (the decoder's
  threshold was chosen for span F1), so many scores are below 0.5: filter on ``score >= 0.5`` for
  "more likely than not", or on ``attributes["span_probability"]`` for "is propaganda at all".
* kind ``"sentence"``: one finding for **every** sentence of the article (even unlikely ones), label
  ``"propaganda"``, score = calibrated probability that the sentence contains a propaganda technique.
* ``labels["propaganda"]``: share of sentences with probability >= 0.5.

The model (``models/techniques/techniques.npz`` + ``techniques.json``) is produced by
``presslens train techniques`` (:mod:`presslens.training.techniques`).

Modules: :mod:`.text` (word snapping, n-grams, orthographic features), :mod:`.model` (weights, numpy span
tagger, decoding), :mod:`.classifier` (technique of each span), :mod:`.lexicon` (phrases mined from PTC
train), :mod:`.glossary` (plain-language names and definitions), :mod:`.analyzer`. The package exports the
names training and evaluation use.
"""

from presslens.analyzers.techniques.analyzer import (
    TechniquesAnalyzer,
    analyze_article,
    lexical_spans,
)
from presslens.analyzers.techniques.classifier import (
    blend_lexicon_labels,
    classify_spans,
    span_dense_features,
    span_feature_vector,
    span_probability,
    span_state_features,
    technique_probabilities,
    tfidf_vector,
)
from presslens.analyzers.techniques.model import (
    CONFIG_NAME,
    MODEL_DIR,
    TECHNIQUES,
    WEIGHTS_NAME,
    TechniqueModel,
    TokenTable,
    decode_spans,
    default_model,
    max_per_sentence,
    sigmoid,
    tag_article,
    tagger_forward,
)
from presslens.analyzers.techniques.text import (
    TRIM_CHARS,
    article_word_counts,
    ngrams,
    orth_features,
    snap_to_words,
    trim_trailing_function_words,
    words,
)

__all__ = [
    "CONFIG_NAME",
    "MODEL_DIR",
    "TECHNIQUES",
    "TRIM_CHARS",
    "TechniqueModel",
    "TechniquesAnalyzer",
    "TokenTable",
    "WEIGHTS_NAME",
    "analyze_article",
    "article_word_counts",
    "blend_lexicon_labels",
    "classify_spans",
    "decode_spans",
    "default_model",
    "lexical_spans",
    "max_per_sentence",
    "ngrams",
    "orth_features",
    "sigmoid",
    "snap_to_words",
    "span_dense_features",
    "span_feature_vector",
    "span_probability",
    "span_state_features",
    "tag_article",
    "tagger_forward",
    "technique_probabilities",
    "tfidf_vector",
    "trim_trailing_function_words",
    "words",
]
