from __future__ import annotations

import hashlib
import json

import numpy as np
import pytest

from presslens.analyzers.base import Features
from presslens.encoder import MODEL_DIR, ONNX_NAME, SentenceEncoder
from presslens.ingest.normalize import article_from_text


def test_shipped_model_matches_its_card() -> None:
    info = json.loads((MODEL_DIR / "export.json").read_text())
    digest = hashlib.sha256((MODEL_DIR / ONNX_NAME).read_bytes()).hexdigest()
    assert digest == info["onnx_sha256"]
    assert info["source_safetensors_sha256"].startswith("53aa5117")
    assert info["int8_vs_fp32_cosine_min"] >= 0.98


def test_embeddings_are_normalised_and_semantic() -> None:
    enc = SentenceEncoder.default()
    e = enc.encode([
        "Thousands of men fled the country to avoid the draft.",
        "Many men left the country to escape mobilisation.",
        "The recipe needs two cups of flour.",
    ])
    assert e.shape == (3, 384)
    assert np.allclose(np.linalg.norm(e, axis=1), 1.0, atol=1e-3)
    assert e[0] @ e[1] > e[0] @ e[2] + 0.2


def test_token_offsets_point_into_each_sentence() -> None:
    enc = SentenceEncoder.default()
    texts = ["Officials said 200,000 men left.", "“We will win,” he said."]
    out = enc.run(texts)
    for text, offs, states in zip(texts, out.token_offsets, out.token_states, strict=True):
        assert len(offs) == len(states) > 0
        for s, e in offs:
            assert 0 <= s < e <= len(text)
    assert out.sentence_embeddings.shape == (2, 384)


def test_one_encoder_pass_per_article_shared_by_analyzers() -> None:
    enc = SentenceEncoder.default()
    art = article_from_text("Title\n\nFirst sentence here. Second sentence here.")
    feats = Features(art, enc)
    before = enc.calls
    a = feats.sentence_embeddings
    b = feats.sentence_embeddings
    _ = feats.encoded.token_states
    assert enc.calls == before + 1
    assert a is b and a.shape == (len(art.sentences), 384)


def test_empty_input() -> None:
    assert SentenceEncoder.default().encode([]).shape == (0, 384)


def test_encoder_output_caches_are_keyed_by_the_encoder_file(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import presslens.encoder as encoder_module
    from presslens.evaluation import ptc
    from presslens.training.encoded_cache import texts_key

    texts = ["One sentence.", "Another one."]
    assert encoder_module.model_fingerprint() == hashlib.sha256(
        (MODEL_DIR / ONNX_NAME).read_bytes()
    ).hexdigest()[:16]
    key, digest = texts_key(texts), ptc.texts_key(texts)
    monkeypatch.setattr(encoder_module, "model_fingerprint", lambda *a, **k: "0" * 16)
    assert texts_key(texts) != key
    assert ptc.texts_key(texts) != digest


def test_every_shipped_head_was_trained_on_the_shipped_encoder() -> None:
    """A head trained on another encoder's states would silently degrade: the training records name it."""
    from presslens.encoder import model_fingerprint

    models = MODEL_DIR.parent
    records = {
        "techniques": json.loads((models / "techniques" / "techniques.json").read_text())["training"],
        "claims": json.loads((models / "claims" / "training.json").read_text()),
        "attribution": json.loads((models / "attribution" / "training.json").read_text()),
        "violence": json.loads((models / "violence" / "model.json").read_text()),
    }
    for name, record in records.items():
        assert record.get("encoder_fingerprint") == model_fingerprint(), name


def _same(a, b) -> bool:  # type: ignore[no-untyped-def]
    return (
        np.array_equal(a.sentence_embeddings, b.sentence_embeddings)
        and all(np.array_equal(x, y) for x, y in zip(a.token_states, b.token_states, strict=True))
        and all(np.array_equal(x, y) for x, y in zip(a.token_offsets, b.token_offsets, strict=True))
    )


def test_encoding_job_gives_the_same_pass_whoever_runs_its_batches() -> None:
    import threading

    enc = SentenceEncoder.default()
    texts = [f"Sentence {i}: the brigade moved {i * 7} tanks towards the river." for i in range(23)] + [""]
    expected = enc.run(texts)
    # the caller alone
    assert _same(enc.job(texts).result(), expected)
    # a background thread starts, the caller helps with what is left
    job = enc.job(texts)
    worker = threading.Thread(target=job.work)
    worker.start()
    got = job.result()
    worker.join()
    assert _same(got, expected)
    # no texts
    assert enc.job([]).result().sentence_embeddings.shape == (0, 384)


def test_encoding_job_reports_a_failed_batch(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    enc = SentenceEncoder(threads=1)

    def broken(feeds):  # type: ignore[no-untyped-def]
        raise RuntimeError("batch failed")

    monkeypatch.setattr(enc, "_infer", broken)
    with pytest.raises(RuntimeError, match="batch failed"):
        enc.job(["One sentence.", "Another one."]).result()


def test_token_states_are_views_of_one_stacked_matrix() -> None:
    enc = SentenceEncoder.default()
    texts = ["Officials said 200,000 men left.", "", "“We will win,” he said.", "Thank you."]
    out = enc.run(texts)
    stacked = out.stacked_token_states()
    assert stacked is out.token_matrix
    assert len(stacked) == sum(len(s) for s in out.token_states)
    assert len(out.token_states[1]) == 0
    row = 0
    for states in out.token_states:
        assert np.shares_memory(states, stacked) or len(states) == 0
        assert np.array_equal(stacked[row : row + len(states)], states)
        row += len(states)
    assert row == len(stacked)


def test_stacked_token_states_of_an_encoding_built_elsewhere() -> None:
    from presslens.encoder import Encoded

    states = [
        np.ones((2, 384), np.float32),
        np.zeros((0, 384), np.float32),
        np.full((1, 384), 2.0, np.float32),
    ]
    offsets = [np.zeros((2, 2), np.int32), np.zeros((0, 2), np.int32), np.zeros((1, 2), np.int32)]
    built = Encoded(np.zeros((3, 384), np.float32), states, offsets)
    stacked = built.stacked_token_states()
    assert stacked.shape == (3, 384) and stacked[2, 0] == 2.0 and stacked[1, 0] == 1.0
    assert built.stacked_token_states() is stacked
    empty = Encoded(np.zeros((0, 384), np.float32), [], [])
    assert empty.stacked_token_states().shape == (0, 384)


def test_int8_products_do_not_saturate_on_cpus_without_vnni() -> None:
    """The shipped int8 encoder gives the vectors every model was fitted on, whatever the CPU: without
    ``session.x64quantprecision`` an AVX2 CPU with no VNNI saturates the u8 x s8 pair sums and moves these
    components by up to 0.006 (seen at stop 25; the reference is the VNNI result, equal to the promoted one)."""
    encoder = SentenceEncoder(MODEL_DIR)
    assert encoder.session.get_session_options().get_session_config_entry("session.x64quantprecision") == "1"
    vector = encoder.encode(["Mara Lind, the nurse who accused the clinic of falsifying records, says managers "
                             "ignored her."])[0]
    reference = [-0.0038, 0.0176, -0.0107, -0.0237, 0.0061, 0.0212, 0.0268, 0.0109]
    assert np.allclose(vector[:8], reference, atol=5e-4)
