"""Training data of the attribution tagger: the real-news gold spans read as extra training articles."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from presslens.analyzers.attribution.features import ArticleTokens
from presslens.evaluation.realnews_selection import VALIDATION_SPLITS
from presslens.training.attribution import bio_labels, realnews_articles

TEXT = ('Officials denied the report. "We will not retreat," the commander told reporters.\n'
        "Critics: the plan is vague.\n")


def _span(piece: str) -> list[int]:
    i = TEXT.index(piece)
    return [i, i + len(piece)]


def _record(article_id: str, split: str) -> dict[str, object]:
    return {
        "id": article_id, "split": split, "annotator": "A1", "text_length": len(TEXT),
        "attributions": [
            {"source": _span("Officials"), "cue": _span("denied"), "content": _span("the report"),
             "source_type": "vague", "kind": "speech"},
            {"source": _span("the commander"), "cue": _span("told"), "content": _span("We will not retreat"),
             "source_type": "anonymous", "kind": "speech"},
            {"source": _span("Critics"), "cue": None, "content": _span("the plan is vague"),
             "source_type": "vague", "kind": "speech"},
        ],
        "quantities": [], "claims": [], "hedges": [], "predictions": [], "violence": [], "calls_to_action": [],
    }


@pytest.fixture()
def realnews(tmp_path: Path) -> tuple[Path, Path]:
    data = tmp_path / "ptc"
    (data / "train-articles").mkdir(parents=True)
    (data / "train-articles" / "article123.txt").write_text(TEXT, encoding="utf-8")
    annotations = tmp_path / "realnews"
    annotations.mkdir()
    (annotations / "dev.jsonl").write_text(json.dumps(_record("123", "dev")) + "\n", encoding="utf-8")
    (annotations / "test.jsonl").write_text(json.dumps(_record("123", "test")) + "\n", encoding="utf-8")
    return data, annotations


def test_realnews_gold_spans_become_training_spans_per_role(realnews: tuple[Path, Path]) -> None:
    data, annotations = realnews
    [(article, sentences)] = realnews_articles(data, "dev", annotations)
    text = article.text
    assert [text[s:e] for s, e in article.spans["Source"]] == ["Officials", "the commander", "Critics"]
    # the colon quote has no cue: only two cue spans
    assert [text[s:e] for s, e in article.spans["Cue"]] == ["denied", "told"]
    assert [text[s:e] for s, e in article.spans["Content"]] == ["the report", "We will not retreat",
                                                                "the plan is vague"]
    assert sentences and all(0 <= s < e <= len(text) for s, e in sentences)
    assert article.name == "realnews-123"


def test_the_test_split_is_never_trained_on(realnews: tuple[Path, Path]) -> None:
    data, annotations = realnews
    with pytest.raises(ValueError, match="test"):
        realnews_articles(data, "dev,test", annotations)


def test_bio_labels_mark_the_first_token_of_a_span_b_and_the_rest_i() -> None:
    text = "the commander told reporters"
    offsets = np.array([[0, 3], [4, 13], [14, 18], [19, 28]])
    tokens = ArticleTokens(offsets, np.zeros(4, dtype=np.int64), np.zeros((4, 384), np.float32),
                           np.zeros((4, 14), np.float32))
    labels = bio_labels(tokens, {"Source": [(0, 13)], "Cue": [(14, 18)], "Content": []})
    assert text[14:18] == "told"
    assert labels[:, 0].tolist() == [1, 2, 0, 0]
    assert labels[:, 1].tolist() == [0, 0, 1, 0]
    assert labels[:, 2].tolist() == [0, 0, 0, 0]


def test_expected_calibration_error_is_the_weighted_gap_per_score_bin() -> None:
    from presslens.training.attribution import _ece

    y = np.array([1.0, 1.0, 0.0, 0.0, 1.0])
    p = np.array([0.95, 0.95, 0.15, 0.15, 0.15])
    # bin 0.9-1.0: share right 1.0, mean 0.95 (gap 0.05, 2 of 5); bin 0.1-0.2: share 1/3, mean 0.15 (3 of 5)
    assert _ece(y, p) == pytest.approx(0.4 * 0.05 + 0.6 * (1 / 3 - 0.15))
    assert _ece(np.array([1.0, 0.0]), np.array([0.55, 0.55])) == pytest.approx(0.05)


def test_only_sentences_holding_a_gold_span_are_learned_from() -> None:
    from presslens.training.attribution import _annotated_sentences

    ranges = [(0, 20), (21, 40), (41, 60)]
    spans = {"Source": [(22, 25)], "Cue": [(26, 30)], "Content": [(45, 58)]}
    assert _annotated_sentences(ranges, spans) == [1, 2]
    assert _annotated_sentences(ranges, {"Source": [], "Cue": [], "Content": []}) == []


@pytest.mark.parametrize("splits", ["dev,test", VALIDATION_SPLITS[0], f"dev2, {VALIDATION_SPLITS[-1]}"])
def test_the_test_split_and_the_validation_batch_are_never_fitted_on(splits: str) -> None:
    from presslens.training.attribution import dev_split_names

    with pytest.raises(ValueError):
        dev_split_names(splits)


def test_leave_one_split_out_scores_each_split_with_the_fit_of_the_others() -> None:
    from presslens.training.attribution import CalibrationTable, leave_one_split_out

    # on every split a high raw score is right and a low one wrong, so each held-out split is predicted well
    rows = []
    splits = []
    matched: list[list[str]] = []
    for split in ("a", "b", "c"):
        for k in range(12):
            good = k % 2 == 0
            rows.append((f"{split}{k}", (0.97 if good else 0.05, True, False, True, False), good))
            splits.append(split)
            matched.append([f"{split}{k}:0"] if good else [])
    table = CalibrationTable(rows, splits, matched, {"a": 8, "b": 6, "c": 12})
    out = {name: counts for name, _ece, counts in leave_one_split_out(table)}
    assert set(out) == {"a", "b", "c"}
    for name, c in out.items():
        assert c.predicted == c.correct == 6  # the six right ones, and only they, are asserted
        assert c.found == 6 and c.gold == table.gold[name]


def test_the_calibration_is_refitted_on_the_open_splits_by_default() -> None:
    import argparse

    from presslens.evaluation.realnews_selection import OPEN_SPLITS, VALIDATION_SPLITS
    from presslens.training.attribution import add_arguments, dev_split_names

    parser = argparse.ArgumentParser()
    add_arguments(parser)
    args = parser.parse_args(["--data", "x", "--calibrate"])
    assert dev_split_names(args.split) == list(OPEN_SPLITS)
    assert not set(dev_split_names(args.split)) & set(VALIDATION_SPLITS)


def test_the_shipped_calibration_is_fitted_on_every_open_split() -> None:
    from presslens.analyzers.attribution.calibration import FITTED_SPLITS
    from presslens.evaluation.realnews_selection import OPEN_SPLITS, VALIDATION_SPLITS

    assert FITTED_SPLITS == OPEN_SPLITS
    assert not set(FITTED_SPLITS) & {"test", *VALIDATION_SPLITS}
