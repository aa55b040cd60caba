"""Issue 13 §3: a lexical technique cue is asserted only in the context where it held in PTC train; scores of
technique findings stay probabilities (>= 0.5 asserted, below a candidate)."""

from __future__ import annotations

import numpy as np
import pytest

from presslens.analyzers.techniques import lexicon as L
from presslens.analyzers.techniques.analyzer import lexical_spans
from presslens.analyzers.techniques.model import TokenTable
from presslens.evaluation.ptc import TechniqueSpan
from presslens.evaluation.techniques import reliability_table, technique_outcomes
from presslens.ingest.normalize import article_from_text

NEUTRAL = "The survey asked the American people about bus fares. Results are due in May."
CHARGED = "Only traitors would betray the American people and our glorious flag! Rise up now!"


def _table(text: str, sentences: list[tuple[int, int]], token_prob: float, sentence_prob: float) -> TokenTable:
    words = list(L.WORD_RE.finditer(text))
    n = len(words)
    sent_of = [next(i for i, (s, e) in enumerate(sentences) if s <= m.start() < e) for m in words]
    return TokenTable(
        starts=np.asarray([m.start() for m in words]), ends=np.asarray([m.end() for m in words]),
        sentence=np.asarray(sent_of), flat_states=np.zeros((n, 4), dtype=np.float32),
        probs=np.full(n, token_prob, dtype=np.float32),
        sentence_probs=np.full(len(sentences), sentence_prob, dtype=np.float32),
    )


def _lexicon() -> L.Lexicon:
    key = ("american", "people")
    return L.Lexicon({key: L.LexiconEntry(key, 0.87, "Flag-Waving", "train")})


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(int(s), int(e)) for s, e in article_from_text(text, detect_language=False).sentences]


def test_identity_weights_give_the_train_precision() -> None:
    for p in (0.55, 0.87):
        assert L.context_probability((0.0, 1.0, 0.0, 0.0), L.context_features(p, 0.1, 0.1)) == pytest.approx(p)


def test_context_probability_rises_with_the_taggers_view() -> None:
    quiet = L.context_probability(L.CONTEXT_WEIGHTS, L.context_features(0.87, 0.05, 0.1))
    loud = L.context_probability(L.CONTEXT_WEIGHTS, L.context_features(0.87, 0.7, 0.9))
    assert quiet < 0.5 <= loud


def test_a_cue_out_of_context_is_a_candidate_and_bumps_nothing() -> None:
    sentences = _sentences(NEUTRAL)
    table = _table(NEUTRAL, sentences, token_prob=0.05, sentence_prob=0.1)
    spans = lexical_spans(_lexicon(), NEUTRAL, [], table, sentences)
    assert [NEUTRAL[s:e] for s, e, _ in spans] == ["American people"]
    assert 0.0 < -spans[0][2] < 0.5  # kept as a low-confidence candidate
    assert table.sentence_probs.tolist() == pytest.approx([0.1] * len(sentences))


def test_a_cue_in_charged_context_is_asserted_and_bumps_its_sentence() -> None:
    sentences = _sentences(CHARGED)
    table = _table(CHARGED, sentences, token_prob=0.7, sentence_prob=0.8)
    spans = lexical_spans(_lexicon(), CHARGED, [], table, sentences)
    assert -spans[0][2] >= 0.5
    assert table.sentence_probs[0] == pytest.approx(0.8 + L.SENTENCE_BUMP)


def test_technique_findings_are_scored_against_gold_of_their_technique() -> None:
    gold = [TechniqueSpan("a1", "Flag-Waving", 10, 20)]
    scored = [("a1", 10, 20, "Flag-Waving", 0.8), ("a1", 10, 20, "Loaded_Language", 0.3),
              ("a1", 40, 50, "Flag-Waving", 0.6)]
    assert [y for _, y in technique_outcomes(scored, gold)] == [True, False, False]
    assert [y for _, y in technique_outcomes(scored, gold, any_label=True)] == [True, True, False]
    table = reliability_table(technique_outcomes(scored, gold))
    assert table["asserted"] == 2 and table["asserted_right"] == pytest.approx(0.5)
    assert table["ece"] == pytest.approx((0.3 + abs(0.6 - 0) + abs(0.8 - 1)) / 3)


def test_american_people_in_a_plain_news_sentence_is_not_asserted() -> None:
    from presslens.pipeline import Pipeline

    text = "Pollsters asked the American people about bus fares in March. The results will be published in May."
    report = Pipeline(only=["techniques"]).run(article_from_text(text))
    hits = [f for f in report.by_kind("technique") if "American people" in f.text]
    assert hits, "the lexical cue should still be offered as a candidate"
    assert all(f.score < 0.5 for f in hits)
    assert not [f for f in report.by_kind("sentence") if f.score >= 0.5]
