"""The unlisted-cue model (stop 30, issue 13): the option ``attribution.unlisted_cues=scored``.

A tagged cue outside the reporting lexicon ("decreed", "made clear") kept as a candidate (``candidate``, stop 29)
is held at 0.45 by the sanity rule "cue not a speech, reporting or writing predicate"; ``scored`` lets a logistic
model fitted on such candidates of the open splits score it instead, only when that rule is its only problem. The
weights of the files written here are toy values for the mechanics; the shipped file is fitted
(``python -m presslens.training.attribution_unlisted fit``). Our own invented sentences, each with a near miss.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from presslens.analyzers.attribution.calibration import CANDIDATE_CAP
from presslens.analyzers.attribution.link import Attribution
from presslens.analyzers.attribution.refine import UNLISTED_CUES_CHOICES, sanity_problems
from presslens.analyzers.attribution.scorer import FEATURE_NAMES
from presslens.analyzers.attribution.spans import Span
from presslens.analyzers.attribution.unlisted import (
    LEMMA_PRIOR_COUNT,
    SPEECH_RULE,
    UNLISTED_FEATURES,
    lemma_rate,
    load_unlisted,
    unlisted_score,
)
from presslens.training.attribution_scorer_judge import Rows
from presslens.training.attribution_unlisted import candidate_probabilities, fit_model, lemma_counts


def _span(text: str, piece: str) -> Span:
    start = text.index(piece)
    return start, start + len(piece)


def _model(tmp_path: Path, weights: list[float], bias: float, lemmas: dict[str, list[int]], prior: float) -> Path:
    path = tmp_path / "unlisted.json"
    path.write_text(json.dumps({"features": list(UNLISTED_FEATURES), "weights": weights, "bias": bias,
                                "lemmas": lemmas, "prior": prior}), encoding="utf-8")
    load_unlisted.cache_clear()
    return path


def test_scored_is_an_option_value() -> None:
    assert "scored" in UNLISTED_CUES_CHOICES


def test_an_unseen_lemma_gets_the_prior_and_a_seen_one_moves_towards_its_rate() -> None:
    counts = {"decree": (9.0, 10.0), "hint": (0.0, 10.0)}
    assert lemma_rate("unseen", counts, 0.2) == pytest.approx(0.2)
    assert lemma_rate("decree", counts, 0.2) == pytest.approx((9 + LEMMA_PRIOR_COUNT * 0.2) / (10 + LEMMA_PRIOR_COUNT))
    assert lemma_rate("hint", counts, 0.2) < 0.2 < lemma_rate("decree", counts, 0.2) < 0.9


def test_only_the_speech_predicate_rule_lets_the_model_score_above_the_cap(tmp_path: Path) -> None:
    text = "The harbour board decreed that ferries stop at ten."
    path = _model(tmp_path, [1.0, 1.0, 0.0, 0.0], 0.0, {"decreed": [9, 10]}, 0.2)
    features = [0.0] * len(FEATURE_NAMES)
    alone = unlisted_score(text, _span(text, "decreed"), 2.0, features, [SPEECH_RULE], path)
    # near miss: the same candidate that also breaks another sanity rule stays a candidate
    other = unlisted_score(text, _span(text, "decreed"), 2.0, features, [SPEECH_RULE, "no source"], path)
    assert alone > 0.5
    assert other == pytest.approx(CANDIDATE_CAP)


def test_the_lemma_rate_moves_the_score(tmp_path: Path) -> None:
    text = "The guild decreed that stalls close at noon. The guild hinted that stalls close at noon."
    path = _model(tmp_path, [0.0, 1.0, 0.0, 0.0], 0.0, {"decreed": [9, 10], "hinted": [0, 10]}, 0.3)
    features = [0.0] * len(FEATURE_NAMES)
    right = unlisted_score(text, _span(text, "decreed"), 0.0, features, [SPEECH_RULE], path)
    wrong = unlisted_score(text, _span(text, "hinted"), 0.0, features, [SPEECH_RULE], path)
    assert right > 0.5 > wrong


def test_a_file_with_other_inputs_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "unlisted.json"
    path.write_text(json.dumps({"features": ["x"], "weights": [1.0], "bias": 0.0, "lemmas": {}, "prior": 0.1}),
                    encoding="utf-8")
    load_unlisted.cache_clear()
    with pytest.raises(ValueError, match="retrain"):
        load_unlisted(path)


def test_an_unlisted_cue_with_a_source_breaks_only_the_speech_predicate_rule() -> None:
    text = "The harbour board decreed that ferries stop at ten."
    a = Attribution(cue=_span(text, "decreed"), source=_span(text, "The harbour board"),
                    content=_span(text, "ferries stop at ten"), score=0.8, from_rules=False)
    assert sanity_problems(text, a, [(0, len(text))]) == [SPEECH_RULE]
    # near miss: without a source it breaks a second rule, so it stays capped
    a.source = None
    assert len(sanity_problems(text, a, [(0, len(text))])) > 1


def _rows(lemma_right: dict[str, bool], splits: tuple[str, ...], per: int = 6) -> Rows:
    """Candidates of two lemmas over ``splits``: each lemma right (or wrong) in every split."""
    n = len(FEATURE_NAMES)
    rows = Rows([], [], [], [], [], [], [], {s: 0 for s in splits}, [], [], [])
    for s in splits:
        for lemma, right in lemma_right.items():
            for k in range(per):
                rows.splits.append(s)
                rows.ids.append(f"{s}{lemma}{k}")
                rows.inputs.append([0.5, 0.0, 0.0, 1.0, 0.0])
                rows.features.append([0.0] * n)
                rows.sane.append(False)
                rows.right.append(right if k else not right)  # one of each lemma's rows per split goes the other way
                rows.matched.append([])
                rows.lemmas.append(lemma)
                rows.unlisted.append(True)
                rows.problems.append([SPEECH_RULE])
    return rows


def test_the_model_learns_which_lemmas_are_right_from_other_splits() -> None:
    splits = ("a", "b", "c", "d")
    rows = _rows({"decree": True, "hint": False}, splits)
    held = np.array(rows.splits) == "d"
    train = np.flatnonzero(~held)
    w, b, _, counts, prior = fit_model(rows, train, np.zeros(len(train)))
    assert "d" not in {rows.splits[i] for i in train}
    assert counts["decree"] == (15.0, 18.0) and counts["hint"] == (3.0, 18.0)  # three splits of six rows
    test = np.flatnonzero(held)
    p = candidate_probabilities(rows, test, np.zeros(len(test)), w, b, counts, prior)
    by_lemma = {rows.lemmas[i]: float(q) for i, q in zip(test.tolist(), p.tolist(), strict=True)}
    assert by_lemma["decree"] > 0.5 > by_lemma["hint"]


def test_near_miss_a_candidate_with_a_second_problem_is_capped_by_the_judge_too() -> None:
    splits = ("a", "b", "c")
    rows = _rows({"decree": True, "hint": False}, splits)
    for i in range(len(rows.problems)):
        rows.problems[i] = [SPEECH_RULE, "no source"]
    train = np.flatnonzero(np.array(rows.splits) != "c")
    w, b, _, counts, prior = fit_model(rows, train, np.zeros(len(train)))
    test = np.flatnonzero(np.array(rows.splits) == "c")
    p = candidate_probabilities(rows, test, np.zeros(len(test)), w, b, counts, prior)
    assert float(p.max()) <= CANDIDATE_CAP


def test_lemma_counts_and_prior() -> None:
    rows = _rows({"decree": True}, ("a",), per=4)
    counts, prior = lemma_counts(rows, np.arange(4))
    assert counts == {"decree": (3.0, 4.0)}
    assert prior == pytest.approx(0.75)


def test_the_shipped_unlisted_model_is_fitted_on_every_open_split() -> None:
    from presslens.analyzers.attribution.unlisted import UNLISTED_FILE
    from presslens.evaluation.realnews_selection import OPEN_SPLITS, VALIDATION_SPLITS

    payload = json.loads(UNLISTED_FILE.read_text(encoding="utf-8"))
    assert payload["splits"] == list(OPEN_SPLITS)
    assert not set(payload["splits"]) & {"test", *VALIDATION_SPLITS}
    assert tuple(payload["features"]) == UNLISTED_FEATURES
    load_unlisted.cache_clear()
    weights, _, counts, prior = load_unlisted()
    assert len(weights) == len(UNLISTED_FEATURES) and 0.0 < prior < 1.0 and counts


def test_the_shipped_files_score_a_candidate_and_cap_its_near_miss() -> None:
    from presslens.analyzers.attribution.unlisted import scored_unlisted

    load_unlisted.cache_clear()
    text = "The harbour board decreed that ferries stop at ten."
    a = Attribution(cue=_span(text, "decreed"), source=_span(text, "The harbour board"),
                    content=_span(text, "ferries stop at ten"), score=0.8, from_rules=False)
    sentences = [(0, len(text))]
    p = scored_unlisted(text, a, sentences)
    assert 0.0 < p < 1.0
    a.source = None  # a second sanity problem ("no source"): the cap holds
    assert scored_unlisted(text, a, sentences) <= CANDIDATE_CAP
