"""The sentence score shifted to plain news (``techniques.sentences=news``, stop 26) and the article-context features
that the fitting tool checks (presslens.training.techniques.sentence_context)."""

from __future__ import annotations

import numpy as np

from presslens.analyzers.techniques.analyzer import (
    NEWS_SHIFT,
    SENTENCE_CHOICES,
    TechniquesAnalyzer,
    context_features,
    context_probabilities,
    news_probabilities,
)


def test_the_features_are_the_sentence_logit_and_the_logit_of_the_mean_of_the_other_sentences() -> None:
    x = context_features(np.asarray([0.5, 0.2, 0.8]))
    assert x.shape == (3, 2)
    assert np.allclose(x[:, 0], np.log(np.asarray([1.0, 0.25, 4.0])))
    assert np.isclose(x[0, 1], 0.0)  # the others average 0.5
    assert np.isclose(x[1, 1], np.log(0.65 / 0.35))
    assert context_features(np.asarray([0.7])).tolist() == context_features(np.asarray([0.7, 0.7])).tolist()[:1]
    assert context_features(np.asarray([])).shape == (0, 2)


def test_identity_weights_give_back_the_model_probability_and_a_quiet_article_lowers_a_sentence() -> None:
    p = np.asarray([0.6, 0.1, 0.1, 0.1])
    assert np.allclose(context_probabilities((0.0, 1.0, 0.0), context_features(p)), p)
    quiet = context_probabilities((0.0, 1.0, 0.5), context_features(p))[0]
    loud = context_probabilities((0.0, 1.0, 0.5), context_features(np.asarray([0.6, 0.9, 0.9, 0.9])))[0]
    assert quiet < 0.6 < loud


def test_the_news_shift_lowers_every_sentence_and_keeps_their_order() -> None:
    p = np.asarray([0.55, 0.7, 0.78, 0.9, 0.99])
    q = news_probabilities(p)
    assert (q < p).all() and (np.diff(q) > 0).all()
    assert np.allclose(np.log(q / (1 - q)), np.log(p / (1 - p)) - NEWS_SHIFT)
    assert q[1] < 0.5 < q[3]  # a sentence at 0.7 is no longer asserted, one at 0.9 still is
    assert np.allclose(news_probabilities(p, 0.0), p)


def test_the_model_scores_stay_shipped_and_the_news_shift_is_an_option() -> None:
    option = next(o for o in TechniquesAnalyzer.options if o.name == "sentences")
    assert tuple(option.choices) == SENTENCE_CHOICES == ("model", "news")
    assert option.default == "model"
