"""Who said what: attributions (source, cue, content) with the source's type.

Two layers share the output format:

* a learned token tagger: a small BiGRU head (ONNX, ``models/attribution/tagger.onnx``) over the
  shared encoder's frozen token states of the article (in sentence-aligned pieces of at most 384 tokens)
  plus a few lexical features, predicting
  BIO tags for Source, Cue and Content independently (attributions nest, so roles may overlap);
* rules for the cases a reader expects never to miss: direct quotes paired with a reporting verb
  (``"...," he said`` / ``He said: "..."``), ``according to X, ...``, ``X said/reported that ...``,
  ``..., X told Y`` and vague sources (``some reports suggest ...``).

Spans of both layers are merged (rules win where they overlap a tagged span of the same role), cues are
linked to the nearest source and content, precision filters drop what is not reported speech
(:func:`~.refine.refine`: reporting-cue lexicon, idioms, predictions, negated frames, empty contents) and
repair spans, and each source is typed person / organisation / outlet / anonymous / vague / document by rules
(:func:`~.source_types.source_type`).

Reports nested in a content (``the BBC adds [the WHO said ...]``) become attributions of their own
(:mod:`.nested`), and the score is a probability that the attribution is right, fitted on real news
(:mod:`.calibration`; a finding that breaks a span-sanity rule, :mod:`.sanity`, stays a candidate below 0.5).
A learned finding scorer over general traits of each attribution (:mod:`.scorer`, weights in
``models/attribution/scorer.json``) gives the score by default since 2.12 (the analyzer option
``attribution.scorer=learned``; an option from 2.1 to 2.11, when it did not pass the ship rule; it passed over the ten
open splits at stop 27, see the model card's HISTORY.md, 2.12); ``attribution.scorer=calibrated`` keeps the
calibration's score.

Modules, in dependency order: :mod:`.spans`, :mod:`.lexicon`, :mod:`.features` (shared with training),
:mod:`.tagger`, :mod:`.rules`, :mod:`.link`, :mod:`.source_types`, :mod:`.sanity`, :mod:`.refine` (with
:mod:`.refine_source` and :mod:`.refine_content`), :mod:`.continuation`, :mod:`.nested`, :mod:`.calibration`,
:mod:`.scorer`, :mod:`.analyzer`.

"""

from presslens.analyzers.attribution.analyzer import AttributionAnalyzer, extract

__all__ = ["AttributionAnalyzer", "extract"]
