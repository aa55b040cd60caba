"""The techniques and attribution taggers run a long article in bounded chunks (issue 16, memory): the
chunked run gives the scores and findings of a single whole-article pass."""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np
import pytest

import presslens
from presslens.analyzers.attribution import analyzer as attribution_analyzer
from presslens.analyzers.attribution import tagger as attribution_tagger
from presslens.analyzers.attribution.features import article_tokens
from presslens.analyzers.attribution.tagger import shipped_tagger, tag_logits
from presslens.analyzers.techniques import classifier as technique_classifier
from presslens.analyzers.techniques import model as technique_model
from presslens.analyzers.techniques.model import default_model, sentence_groups, stacked_states, tag_article
from presslens.analyzers.techniques.text import article_word_counts
from presslens.article import Article
from presslens.encoder import SentenceEncoder, stack_token_states

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
WHOLE = 10**9


def long_article(min_chars: int = 40_000) -> Article:
    """Body paragraphs of the bundled examples, numbered and repeated to ``min_chars`` characters."""
    paras: list[str] = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        blocks = [b.strip() for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]
        paras.extend(blocks[1:])
    out: list[str] = []
    i = 0
    while sum(len(p) + 2 for p in out) < min_chars:
        out.append(f"Update {i + 1}. {paras[i % len(paras)]}")
        i += 1
    return presslens.read_article("\n\n".join(out))


def test_sentence_groups_cover_every_sentence_once() -> None:
    lengths = [5, 0, 300, 7, 7, 4000, 2, 0, 1]
    groups = sentence_groups(lengths, 310)
    assert [i for a, b in groups for i in range(a, b)] == list(range(len(lengths)))
    for a, b in groups:
        assert sum(lengths[a:b]) <= 310 or b - a == 1
    assert sentence_groups([], 10) == []


def _encode(article: Article) -> tuple[list[np.ndarray], list[np.ndarray], np.ndarray]:
    texts = [article.text[s:e] for s, e in article.sentences]
    enc = SentenceEncoder.default().run(texts)
    return enc.token_states, enc.token_offsets, enc.sentence_embeddings


def test_technique_tagger_chunked_equals_whole() -> None:
    article = long_article()
    sentences = [(int(s), int(e)) for s, e in article.sentences]
    states, offsets, sent_emb = _encode(article)
    assert sum(len(s) for s in states) > 3 * 512, "the article must span several chunks"
    model = default_model()
    orth = technique_model.orth_features(article.text, sentences, offsets)
    tok_whole, sent_whole = technique_model.tagger_forward(model.weights, states, sent_emb, orth, max_tokens=WHOLE)
    tok_chunked, sent_chunked = technique_model.tagger_forward(model.weights, states, sent_emb, orth, max_tokens=512)
    np.testing.assert_allclose(tok_chunked, tok_whole, rtol=0, atol=1e-6)
    np.testing.assert_allclose(sent_chunked, sent_whole, rtol=0, atol=1e-6)
    table = tag_article(model, article.text, sentences, states, offsets, sent_emb)
    assert table.flat_states.shape == (sum(len(s) for s in states), states[0].shape[1])


def test_attribution_tagger_chunked_equals_whole() -> None:
    tagger = shipped_tagger()
    if tagger is None:
        pytest.skip("attribution tagger not shipped")
    article = long_article()
    states, offsets, _ = _encode(article)
    tokens = article_tokens(article.text, article.sentences, states, offsets, stack_token_states(states))
    assert len(tokens.offsets) > 4 * attribution_tagger.TAG_CHUNK, "the article must span several pieces"
    whole = tag_logits(tokens, run=tagger.run, pieces_per_run=WHOLE)
    chunked = tag_logits(tokens, run=tagger.run, pieces_per_run=2)
    assert whole is not None and chunked is not None
    np.testing.assert_allclose(chunked, whole, rtol=0, atol=1e-6)
    assert (chunked.argmax(axis=2) == whole.argmax(axis=2)).all()


def _findings(report: presslens.Report) -> list[tuple[str, int, int, str, float]]:
    return [(f.kind, f.start, f.end, f.label, round(float(f.score or 0.0), 5)) for f in report.findings]


def test_findings_do_not_depend_on_chunking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whole-article passes (the old behaviour) and small chunks give the same findings."""
    article = long_article()
    only = ["techniques", "attribution"]
    forward = technique_model.tagger_forward
    logits = attribution_analyzer.tag_logits
    monkeypatch.setattr(technique_model, "tagger_forward", functools.partial(forward, max_tokens=WHOLE))
    monkeypatch.setattr(attribution_analyzer, "tag_logits", functools.partial(logits, pieces_per_run=WHOLE))
    whole = presslens.analyze(article, only=only)
    monkeypatch.setattr(technique_model, "tagger_forward", functools.partial(forward, max_tokens=300))
    monkeypatch.setattr(attribution_analyzer, "tag_logits", functools.partial(logits, pieces_per_run=1))
    chunked = presslens.analyze(article, only=only)
    assert {f.kind for f in whole.findings} >= {"technique", "sentence", "attribution"}
    assert _findings(chunked) == _findings(whole)


def test_span_cover_feature_matches_a_scan_of_every_sentence() -> None:
    """span_dense_features bisects the sentences; the sentence-cover features equal a full scan's."""
    article = long_article(8_000)
    text = article.text
    sentences = [(int(s), int(e)) for s, e in article.sentences]
    counts = article_word_counts(text)
    rng = np.random.default_rng(7)
    for _ in range(200):
        a = int(rng.integers(0, len(text) - 1))
        b = int(min(len(text), a + rng.integers(1, 400)))
        feats = technique_classifier.span_dense_features(text, a, b, sentences, counts)
        cover = 0.0
        for s0, s1 in sentences:
            ov = min(b, s1) - max(a, s0)
            if ov > 0:
                cover = max(cover, ov / max(1, s1 - s0))
        assert feats[8] == pytest.approx(cover, abs=1e-6)
        assert feats[9] == float(cover >= 0.8)


def test_technique_table_reuses_the_encoder_token_matrix() -> None:
    """One copy of the token states: the tagger's table is a view of the encoder's stacked matrix."""
    enc = SentenceEncoder.default().run(["Troops left the city today.", "", "Shells fell on the bridge, they said."])
    view = stacked_states(enc.token_states)
    assert np.shares_memory(view, enc.stacked_token_states())
    np.testing.assert_array_equal(view, np.concatenate([s for s in enc.token_states if len(s)]))
    copied = stacked_states([s.copy() for s in enc.token_states])
    assert not np.shares_memory(copied, enc.stacked_token_states())
    np.testing.assert_array_equal(copied, view)


def test_claims_link_attributions_in_blocks_like_a_full_scan() -> None:
    """linked_attributions works through sentences in blocks; it picks what a scan of every pair picks."""
    from presslens.analyzers.claims.analyzer import linked_attributions

    rng = np.random.default_rng(3)
    starts = np.sort(rng.integers(0, 50_000, 700))
    ranges = [(int(a), int(a + rng.integers(1, 300))) for a in starts]
    spans = []
    for k in range(400):
        a = int(rng.integers(0, 50_000))
        b = a + int(rng.integers(1, 500))
        cue = int(rng.integers(a - 50, b + 50)) if k % 3 else -1
        spans.append((a, b, cue, k))
    got = linked_attributions(ranges, spans)  # type: ignore[arg-type]
    for (s, e), found in zip(ranges, got, strict=True):
        best, best_key = None, 0
        for a, b, cue, k in spans:
            key = max(0, min(e, b) - max(s, a)) + (e - s if s <= cue < e else 0)
            if key > best_key:
                best, best_key = k, key
        assert found == best
