"""Check-worthy claims on short articles we wrote: linking of figures and sources, hedging, schema."""

from __future__ import annotations

import msgspec
import numpy as np
import pytest

import presslens
from presslens.analyzers.claims.features import char_ngrams, lexical_features, word_ngrams
from presslens.analyzers.claims.model import claim_model
from presslens.report.model import KIND_ATTRIBUTES
from presslens.training.claims import average_precision, best_threshold, mean_ap

ARTICLE = (
    "Strikes on the river port\n\n"
    "According to the health ministry, 14 civilians were killed and 52 wounded in the strike on Tuesday.\n\n"
    "Some reports suggest that 3,000 soldiers were killed in the battle for the airport in March.\n\n"
    '"The army lost 40 percent of its tanks in the first week," the defence minister said.\n\n'
    "The offensive may be expanded to the south within days, officials said.\n\n"
    "What a cold, grey morning it was.\n\n"
    "Thank you."
)


@pytest.fixture(scope="module")
def report() -> dict:  # type: ignore[type-arg]
    return presslens.analyze(ARTICLE, only=["claims"]).to_dict()


def _claims(report: dict) -> list[dict]:  # type: ignore[type-arg]
    return [f for f in report["findings"] if f["kind"] == "claim"]


def _claim_with(report: dict, needle: str) -> dict:  # type: ignore[type-arg]
    for f in _claims(report):
        if needle in f["text"]:
            return f
    raise AssertionError(f"no claim containing {needle!r}: {[c['text'] for c in _claims(report)]}")


def test_requires_figures_and_attribution(report: dict) -> None:  # type: ignore[type-arg]
    ran = [a["name"] for a in report["analyzers"]]
    assert ran.index("figures") < ran.index("claims")
    assert ran.index("attribution") < ran.index("claims")


def test_factual_sentences_are_claims_and_small_talk_is_not(report: dict) -> None:  # type: ignore[type-arg]
    texts = [c["text"] for c in _claims(report)]
    assert any("14 civilians" in t for t in texts)
    assert any("40 percent" in t for t in texts)
    assert not any(t == "Thank you." for t in texts)
    assert not any("grey morning" in t for t in texts)
    for c in _claims(report):
        assert c["label"] == "check_worthy"
        assert 0.0 <= c["score"] <= 1.0


def test_claim_links_figures_and_according_to_source(report: dict) -> None:  # type: ignore[type-arg]
    c = _claim_with(report, "14 civilians")
    fig_texts = [f["text"] for f in c["attributes"]["figures"]]
    assert any("14" in t for t in fig_texts) and any("52" in t for t in fig_texts)
    att = c["attributes"]["attribution"]
    assert att is not None
    assert att["source"]["text"] == "the health ministry"
    assert att["cue"]["text"].lower() == "according to"
    assert c["attributes"]["hedged"] is False


def test_hedge_cues_are_spans_of_the_claims_own_text(report: dict) -> None:  # type: ignore[type-arg]
    c = _claim_with(report, "3,000 soldiers")
    assert c["attributes"]["hedged"] is True
    cues = c["attributes"]["hedge_cues"]
    assert cues and all(c["start"] <= cue["start"] and cue["end"] <= c["end"] for cue in cues)
    assert all(ARTICLE[cue["start"] : cue["end"]] == cue["text"] for cue in cues)
    assert any("suggest" in cue["text"] for cue in cues)


def test_quote_claim_links_the_speaker(report: dict) -> None:  # type: ignore[type-arg]
    c = _claim_with(report, "40 percent")
    att = c["attributes"]["attribution"]
    assert att is not None and "defence minister" in att["source"]["text"]
    assert att["source_type"] == "person"


def test_prediction_is_a_finding_of_its_own_with_the_horizon_span() -> None:
    text = "The army will launch a counteroffensive with 20,000 troops next month, the minister said."
    rep = presslens.analyze(text, only=["claims"]).to_dict()
    preds = [f for f in rep["findings"] if f["kind"] == "prediction"]
    assert len(preds) == 1 and preds[0]["score"] >= 0.5
    horizon = preds[0]["attributes"]["horizon"]
    assert horizon is not None and horizon["text"] == "next month"
    assert text[horizon["start"] : horizon["end"]] == "next month"
    assert [c["text"] for c in preds[0]["attributes"]["cues"]] == ["will"]
    msgspec.convert(preds[0]["attributes"], KIND_ATTRIBUTES["prediction"])
    assert all("prediction" not in c["attributes"] for c in _claims(rep))


def test_attributes_match_schema(report: dict) -> None:  # type: ignore[type-arg]
    assert _claims(report)
    for c in _claims(report):
        msgspec.convert(c["attributes"], KIND_ATTRIBUTES["claim"])
        for f in c["attributes"]["figures"]:
            assert ARTICLE[f["start"] : f["end"]] == f["text"]
            assert c["start"] <= f["start"] and f["end"] <= c["end"]


def test_numbers_raise_the_score() -> None:
    model = claim_model()
    texts = [
        "Unemployment rose to 9 percent last year, the highest level since 1983.",
        "I love this country and I love the people in this room.",
    ]
    emb = presslens.encoder.SentenceEncoder.default().encode(texts)
    p = model.scores(texts, emb)
    assert p[0] > p[1]


def test_featurizer_pieces() -> None:
    assert word_ngrams("Ten tanks") == ["ten", "tanks", "ten tanks"]
    assert " t" in char_ngrams("Ten")
    f = lexical_features("In 2022, 5% of the 300 houses were hit.")
    assert f[0] == 1.0 and f[3] == 1.0


def test_average_precision_and_map() -> None:
    y = np.array([1, 0, 1, 0])
    p = np.array([0.9, 0.8, 0.7, 0.1])
    assert average_precision(y, p) == pytest.approx((1 / 1 + 2 / 3) / 2)
    assert mean_ap(
        ["a", "a", "b", "b"], np.array([1, 0, 0, 1]), np.array([0.9, 0.1, 0.8, 0.2])
    ) == pytest.approx((1.0 + 0.5) / 2)
    thr, f1 = best_threshold(np.array([1, 1, 0, 0]), np.array([0.9, 0.8, 0.3, 0.2]))
    assert f1 == 1.0 and 0.3 < thr < 0.8


def _reference_tfidf_dot(docs: list[list[int]], idf: np.ndarray, coef: np.ndarray) -> np.ndarray:
    """Sublinear TF-IDF, L2-normalised, dotted with ``coef``: one document at a time, the plain way."""
    from collections import Counter

    out = []
    for doc in docs:
        vals = {j: (1.0 + np.log(c)) * idf[j] for j, c in Counter(doc).items()}
        norm = np.sqrt(sum(v * v for v in vals.values()))
        out.append(sum(v * coef[j] for j, v in vals.items()) / norm if vals else 0.0)
    return np.asarray(out)


def test_fast_tfidf_features_equal_the_plain_computation() -> None:
    from presslens.analyzers.claims.tfidf import tfidf_dot, tfidf_dot_flat

    model = claim_model()
    texts = [
        "Some 3,000 soldiers were killed, the the ministry said.",
        "",
        "Kyiv  says\tKyiv will hold; Kyiv!",
        "Über 40 % der Männer (ſic) sind geflohen.",
    ]
    for text in texts:
        expected = [model.vocab_char[g] for g in char_ngrams(text) if g in model.vocab_char]
        assert model.char_ids(text) == expected
    ids, lengths = model.char_ids_flat(texts)
    assert lengths.tolist() == [len(model.char_ids(t)) for t in texts]
    docs = [model.char_ids(t) for t in texts]
    ref = _reference_tfidf_dot(docs, model.idf_char, model.coef_char)
    fast = tfidf_dot_flat(ids, lengths, model.idf_char, model.coef_char)
    assert np.allclose(fast, ref, rtol=1e-5, atol=1e-7)
    assert np.allclose(tfidf_dot(docs, model.idf_char, model.coef_char), ref, rtol=1e-5, atol=1e-7)
    with pytest.raises(ValueError):
        tfidf_dot_flat(ids[:-1], lengths, model.idf_char, model.coef_char)


def _reference_head(head: dict, states: np.ndarray, embedding: np.ndarray) -> float:  # type: ignore[type-arg]
    """The attention head on one sentence, written out step by step (one ensemble member at a time)."""
    from presslens.analyzers.claims.head import HEAD_EMB_SCALE

    probs = []
    for k in range(head["head_a_w"].shape[0]):
        pooled = np.zeros(states.shape[1])  # a sentence without tokens
        if len(states):
            hidden = np.tanh(states @ head["head_a_w"][k].T + head["head_a_b"][k])
            scores = hidden @ head["head_v_w"][k].reshape(-1)
            weights = np.exp(scores - scores.max())
            weights /= weights.sum()
            pooled = (weights[:, None] * states).sum(axis=0)
        joined = np.concatenate([pooled, embedding * HEAD_EMB_SCALE])
        h = np.maximum(0.0, joined @ head["head_h_w"][k].T + head["head_h_b"][k])
        z = h @ head["head_o_w"][k].reshape(-1) + head["head_o_b"][k].reshape(-1)[0]
        probs.append(1.0 / (1.0 + np.exp(-z)))
    return float(np.mean(probs))


def test_head_on_stacked_states_equals_one_sentence_at_a_time() -> None:
    from presslens.analyzers.claims.head import head_probabilities

    model = claim_model()
    assert model.head is not None
    texts = [
        "The army lost 40 percent of its tanks.",
        "",
        "Thank you.",
        "Officials said 200,000 men left in March.",
    ]
    enc = presslens.encoder.SentenceEncoder.default().run(texts)
    pairs = zip(enc.token_states, enc.sentence_embeddings, strict=True)
    ref = [_reference_head(model.head, s, e) for s, e in pairs]
    stacked = enc.stacked_token_states()
    for chunk in (64, 2, 1):
        got = head_probabilities(
            model.head, enc.token_states, enc.sentence_embeddings, chunk=chunk, stacked=stacked
        )
        assert np.allclose(got, ref, atol=1e-5), chunk
    alone = head_probabilities(model.head, enc.token_states, enc.sentence_embeddings, chunk=3)
    assert np.allclose(alone, ref, atol=1e-5)
    with pytest.raises(ValueError):
        head_probabilities(model.head, enc.token_states, enc.sentence_embeddings, stacked=stacked[1:])
