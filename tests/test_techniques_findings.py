"""Issue 13 (analyzer 1.4): one finding per technique per stretch of text, and span edges without stray quote
marks or punctuation."""

from __future__ import annotations

import pytest

from presslens.analyzers.techniques.analyzer import one_per_stretch, snapped_spans
from presslens.analyzers.techniques.text import trim_edge_marks
from presslens.article import Article, Finding

TEXT = "Senators called the plan extremely troubling and said the American people deserve better answers."


def _finding(article: Article, phrase: str, label: str, score: float) -> Finding:
    start = article.text.index(phrase)
    return Finding.at(article, start, start + len(phrase), kind="technique", label=label, score=score,
                      analyzer="techniques")


def _article() -> Article:
    return Article(text=TEXT, id="t", sentences=[(0, len(TEXT))])


def test_nested_findings_of_one_technique_keep_the_best_scored() -> None:
    a = _article()
    found = [
        _finding(a, "the American people", "Flag-Waving", 0.69),
        _finding(a, "American people", "Flag-Waving", 0.71),
        _finding(a, "extremely troubling", "Loaded_Language", 0.62),
        _finding(a, "extremely", "Loaded_Language", 0.55),
    ]
    kept = one_per_stretch(found, "score")
    assert [(f.text, f.label) for f in kept] == [("American people", "Flag-Waving"),
                                                 ("extremely troubling", "Loaded_Language")]


def test_outer_policy_keeps_the_longest_and_all_keeps_everything() -> None:
    a = _article()
    found = [_finding(a, "the American people", "Flag-Waving", 0.69),
             _finding(a, "American people", "Flag-Waving", 0.71)]
    assert [f.text for f in one_per_stretch(found, "outer")] == ["the American people"]
    assert one_per_stretch(found, "all") == found


def test_different_techniques_on_one_stretch_are_both_kept() -> None:
    a = _article()
    found = [_finding(a, "extremely troubling", "Loaded_Language", 0.62),
             _finding(a, "extremely troubling", "Exaggeration,Minimisation", 0.3),
             _finding(a, "troubling", "Exaggeration,Minimisation", 0.2)]
    kept = one_per_stretch(found, "score")
    assert [(f.text, f.label) for f in kept] == [("extremely troubling", "Loaded_Language"),
                                                 ("extremely troubling", "Exaggeration,Minimisation")]


def test_overlapping_but_not_nested_findings_of_one_technique_give_one() -> None:
    a = _article()
    found = [_finding(a, "plan extremely troubling", "Loaded_Language", 0.4),
             _finding(a, "extremely troubling and said", "Loaded_Language", 0.45)]
    assert [f.score for f in one_per_stretch(found, "score")] == [0.45]


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        ("Islamophobia”", "Islamophobia"),
        ("a “ridiculous temper tantrum", "ridiculous temper tantrum"),
        ("“enemy of the people”", "“enemy of the people”"),
        ('"fake news', "fake news"),
        ("liar)", "liar"),
        (" — so-called, ", "so-called"),
        ("Make America Great Again!", "Make America Great Again!"),
        ("officials’", "officials’"),
        ("”", "”"),
    ],
)
def test_span_edges_lose_stray_marks(span: str, expected: str) -> None:
    text = f"It was {span} there."
    start = text.index(span)
    s, e = trim_edge_marks(text, start, start + len(span))
    assert text[s:e] == expected


def test_snapped_spans_merge_spans_that_become_one() -> None:
    text = "They cried “Islamophobia” again."
    a, b = text.index("“"), text.index("”") + 1
    word = text.index("Islamophobia")
    spans = snapped_spans(text, [(word, b, 0.4), (word, word + len("Islamophobia"), 0.6), (a, b, 0.5)])
    assert [(text[s:e], p) for s, e, p in spans] == [("“Islamophobia”", 0.5), ("Islamophobia", 0.6)]
