"""Claim units (analyzer 1.8): a sentence the segmenter cut at ";" is joined with the next one, so that a claim
finding spans the guideline's whole sentence (data/realnews/GUIDELINE.md section 4). Texts written for these
tests."""

from __future__ import annotations

import numpy as np

import presslens
from presslens.analyzers.claims.units import claim_units, unit_embeddings, unit_probabilities, unit_ranges
from presslens.segment import sentences

TEXT = (
    "Ortiz was dismissed in May; Bauer was moved to the archive in June; and Lind retired in July.\n"
    "The ministry confirmed the changes.\n"
    "The board met twice;\n"
    "Nobody attended the second meeting."
)


def test_semicolon_cut_sentences_form_one_unit_within_a_line() -> None:
    sents = sentences(TEXT)
    texts = [TEXT[s:e] for s, e in sents]
    assert texts[0].endswith(";")  # the segmenter cuts at ";" before a capital
    units = claim_units(TEXT, sents)
    ranges = unit_ranges(sents, units)
    unit_texts = [TEXT[s:e] for s, e in ranges]
    assert unit_texts[0] == TEXT.split("\n")[0]
    assert unit_texts[1] == "The ministry confirmed the changes."
    # a line break ends the unit even after ";"
    assert "The board met twice;" in unit_texts and "Nobody attended the second meeting." in unit_texts
    assert [i for u in units for i in u] == list(range(len(sents)))


def test_unit_probability_is_the_highest_and_embedding_the_mean() -> None:
    units = [[0, 1], [2]]
    assert unit_probabilities([0.2, 0.7, 0.4], units) == [0.7, 0.4]
    emb = np.asarray([[1.0, 0.0], [0.0, 1.0], [2.0, 2.0]])
    assert unit_embeddings(emb, units).tolist() == [[0.5, 0.5], [2.0, 2.0]]


def test_claim_findings_span_units_and_predictions_keep_sentences() -> None:
    text = ("Officials will close the bridge next week; Engineers found cracks in two of its piers last month.\n"
            "The repairs will cost 4 million dollars.")
    findings = presslens.analyze(text, only=["claims"]).to_dict()["findings"]
    claims = [f for f in findings if f["kind"] == "claim"]
    assert claims and all(text[f["start"]:f["end"]] == f["text"] for f in claims)
    assert any(f["text"] == text.split("\n")[0] for f in claims)
    assert not any(f["text"].endswith(";") for f in claims)
    predictions = [f for f in findings if f["kind"] == "prediction"]
    assert any(f["text"] == "Officials will close the bridge next week;" for f in predictions)
