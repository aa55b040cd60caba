"""Article-level labels as the Markdown and HTML reports write them."""

from __future__ import annotations

from presslens.report.common import label_value_text


def test_a_thresholded_label_names_its_threshold() -> None:
    # The propaganda label is "yes" when the share of propagandistic sentences reaches the threshold: a bare
    # "yes (0.22)" reads as a 22 % chance.
    text = label_value_text({"label": True, "score": 0.22, "sentences": 4, "share": 0.2222,
                             "total_sentences": 18, "threshold": 0.2})
    assert text.startswith("yes (score 0.22, at or above the threshold 0.2)")
    assert text.count("threshold") == 1
    # user trial 22: "sentences: 4, share: 0.2222, total_sentences: 18" was a raw dump; the share is the score
    assert text == "yes (score 0.22, at or above the threshold 0.2); 4 of 18 sentences"


def test_a_share_that_differs_from_the_score_is_kept() -> None:
    text = label_value_text({"label": True, "score": 0.5, "sentences": 4, "share": 0.2222, "total_sentences": 18})
    assert text == "yes (score 0.50); 4 of 18 sentences; share: 0.2222"


def test_below_the_threshold_says_so() -> None:
    text = label_value_text({"label": False, "score": 0.1, "threshold": 0.2})
    assert text == "no (score 0.10, below the threshold 0.2)"


def test_a_label_without_threshold_names_the_score() -> None:
    assert label_value_text({"label": False, "score": 0.3}) == "no (score 0.30)"
    assert label_value_text("en") == "en"
