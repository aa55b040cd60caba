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


def test_entry_that_failed_out_of_fold_gives_candidates_only() -> None:
    from presslens.analyzers.techniques import lexicon as L

    failing = L.entry_from_mined({"words": ["shocked"], "precision": 0.5, "label": "Loaded_Language",
                                  "held_hits": 11, "held_right": 5})
    holding = L.entry_from_mined({"words": ["smears"], "precision": 0.8, "label": "Loaded_Language",
                                  "held_hits": 4, "held_right": 3})
    unknown = L.entry_from_mined({"words": ["ugly"], "precision": 0.7, "label": "Loaded_Language"})
    assert failing.held_precision == pytest.approx(5 / 11) and unknown.held_precision is None
    loud = L.context_features(0.8, 0.9, 0.95)
    assert L.context_probability(L.CONTEXT_WEIGHTS, loud) > 0.5
    assert L.hit_probability(failing, L.CONTEXT_WEIGHTS, loud) == pytest.approx(5 / 11)
    assert L.hit_probability(failing, L.CONTEXT_WEIGHTS, loud, held=False) > 0.5
    assert L.hit_probability(holding, L.CONTEXT_WEIGHTS, loud) == pytest.approx(0.75)
    plain = L.context_probability(L.CONTEXT_WEIGHTS, loud)
    assert L.hit_probability(unknown, L.CONTEXT_WEIGHTS, loud) == plain


def test_shipped_lexicon_records_out_of_fold_hits() -> None:
    from presslens.analyzers import techniques as T
    from presslens.analyzers.techniques import lexicon as L

    lex = L.load_lexicon(T.MODEL_DIR / L.LEXICON_NAME)
    held = [e for e in lex.entries.values() if e.held_precision is not None]
    assert held and all(0.0 <= e.held_precision <= 1.0 for e in held if e.held_precision is not None)
    assert any(e.held_precision is not None and e.held_precision < 0.5 for e in held)
    assert all(e.held_precision is None for e in lex.entries.values() if e.source == "hand")


LOUD = """Rally in the capital

The corrupt traitors betrayed the American people again, and the American people will never forgive them!
Protesters called the ruling "disgraceful" and chanted that the "corrupt regime" must fall.
"""


def test_pipeline_gives_one_finding_per_technique_per_stretch_with_clean_edges() -> None:
    from presslens.ingest.normalize import article_from_text
    from presslens.pipeline import Pipeline, PipelineConfig

    article = article_from_text(LOUD)
    found = Pipeline(PipelineConfig(only=("techniques",))).run(article).by_kind("technique")
    old = Pipeline(PipelineConfig(only=("techniques",), options={
        "techniques.nested": "all", "techniques.edges": "raw", "techniques.lexicon": "context"})).run(article)
    assert found and len(found) <= len(old.by_kind("technique"))
    for a in found:
        assert article.text[a.start:a.end] == a.text
        assert a.text[0] not in "”’)]},.;:" and a.text[-1] not in "“‘([{,;:"
        assert a.text.count("“") == a.text.count("”") and a.text.count('"') % 2 == 0
        for b in found:
            if a is not b and a.label == b.label:
                assert a.end <= b.start or b.end <= a.start, (a.text, b.text, a.label)
