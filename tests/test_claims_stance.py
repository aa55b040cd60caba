"""The claims option ``claim_gate=stance`` (s33, helper opinion): markers of the writer's stance, a claim scorer that
reads them, and a gate that may only lower an unhedged unit that shows one. Sentences written for these tests."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest

from presslens.analyzers.claims.scorers import (
    STANCE_FEATURES,
    LinearScorer,
    load_scorers,
    load_stance_scorer,
    score_sentences,
    sentence_feature_names,
    stance_claims,
    stance_markers,
    stance_scorer_names,
)


def _marks(text: str) -> dict[str, float]:
    return dict(zip(STANCE_FEATURES, stance_markers(text), strict=True))


def test_stance_markers_read_the_writers_voice_and_nothing_in_a_reported_statement() -> None:
    assert _marks("The ferry sank near the harbour on Monday, killing 12 people.") == dict.fromkeys(STANCE_FEATURES,
                                                                                                    0.0)
    assert _marks("This plan is a reckless and shameful gamble.")["stance evaluative"] == 1.0
    assert _marks("Because nobody wanted the bridge in the first place.")["stance opener"] == 1.0
    assert _marks("Of course the council knew all along.")["stance opener"] == 1.0
    assert _marks("So far 40 families have left the valley.")["stance opener"] == 0.0  # "so far": a time, no argument
    assert _marks("It is the taxpayer who pays for this folly.")["stance emphasis"] == 1.0
    assert _marks("The new tower is nothing but a monument to vanity.")["stance emphasis"] == 1.0
    assert _marks("If the mayor had listened, the flood would have spared the town.")["stance hypothetical"] == 1.0
    assert _marks("If the river rises, the road closes.")["stance hypothetical"] == 0.0  # no would / could / might
    assert _marks("Everyone really knows it is totally wrong.")["stance intensifier"] > 0.5
    # a speech verb or "according to": a reported statement, whatever its words (GUIDELINE 4)
    assert _marks("Of course it is a shameful gamble, the mayor said.") == dict.fromkeys(STANCE_FEATURES, 0.0)
    assert _marks("According to the mayor, it is nothing but a reckless gamble.") == dict.fromkeys(STANCE_FEATURES,
                                                                                                   0.0)


def test_the_gate_only_lowers_an_unhedged_unit_with_a_marker() -> None:
    shipped = [0.9, 0.9, 0.9, 0.3, 0.6]
    stanced = [0.2, 0.2, 0.2, 0.8, 0.95]
    hedge = [0.0, 0.7, 0.0, 0.0, 0.0]
    marks = [[1.0, 0, 0, 0, 0], [1.0, 0, 0, 0, 0], [0.0] * 5, [0, 0, 1.0, 0, 0], [0, 0, 1.0, 0, 0]]
    out = stance_claims(shipped, stanced, hedge, marks)
    # lowered; kept (an asserted cue); kept (no marker); never raised (min); never raised
    assert out == [0.2, 0.9, 0.9, 0.3, 0.6]
    assert all(o <= s for o, s in zip(out, shipped, strict=True))
    # stance_unanchored: a spared unit (checkable content) keeps the shipped score too
    assert stance_claims(shipped, stanced, hedge, marks, [True, False, False, False, False]) == [0.9, 0.9, 0.9, 0.3,
                                                                                                0.6]


def test_score_sentences_with_the_stance_gate(tmp_path: Path) -> None:
    names = tuple(stance_scorer_names())
    assert list(names) == sentence_feature_names(False, False) + list(STANCE_FEATURES)
    coef = np.zeros(len(names))
    coef[names.index("stance evaluative")] = -20.0
    coef[names.index("claim logit")] = 1.0
    scorer = LinearScorer(names, np.zeros(len(names)), np.ones(len(names)), coef, 3.0, 0)
    texts = ["This plan is a reckless and shameful gamble.", "The council may have approved a reckless plan.",
             "The council approved the plan on Monday.", "Officials said the plan was a shameful gamble."]
    probs, emb, forecasts = [0.8, 0.8, 0.8, 0.8], np.zeros((4, 384)), [False] * 4
    models = load_scorers()
    # a cue scorer that asserts every candidate, so "may have approved" is a hedged claim
    models = dataclasses.replace(models, hedge_cue=dataclasses.replace(models.hedge_cue, intercept=12.0))
    shipped = score_sentences(texts, probs, emb, forecasts, scorers=models)
    out = score_sentences(texts, probs, emb, forecasts, scorers=models, stance_gate=scorer)
    assert out.claim[0] < 0.01 < shipped.claim[0]  # the writer's judgement falls
    assert out.claim[1] == pytest.approx(shipped.claim[1])  # hedged: kept, so its hedged decision cannot move
    assert out.claim[2] == pytest.approx(shipped.claim[2])  # no marker
    assert out.claim[3] == pytest.approx(shipped.claim[3])  # a reported statement: no marker
    assert out.hedge == shipped.hedge
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"claim_stance": scorer.to_json()}), encoding="utf-8")
    assert load_stance_scorer(path).names == names
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"claim_stance": {**scorer.to_json(), "names": list(names[:-1])}}), encoding="utf-8")
    with pytest.raises(ValueError):
        load_stance_scorer(bad)


def test_the_stance_option_file_loads_and_is_fitted_on_every_open_split() -> None:
    from presslens.analyzers.claims import scorers
    from presslens.evaluation.realnews_selection import OPEN_SPLITS, VALIDATION_SPLITS

    scorer = load_stance_scorer()
    assert list(scorer.names) == stance_scorer_names() and scorer.embedding_dims == 0
    assert scorer.coef[list(scorer.names).index("claim logit")] > 0
    obj = json.loads(scorers.STANCE_FILE.read_text(encoding="utf-8"))
    assert set(obj["rows"]) == set(OPEN_SPLITS) and all(obj["rows"][s] > 0 for s in OPEN_SPLITS)
    assert not set(obj["rows"]) & {*VALIDATION_SPLITS, "test"}


def test_the_profile_tool_fits_the_stance_columns() -> None:
    from presslens.training.realnews_claims import Dataset, SentenceRow, refresh
    from presslens.training.realnews_claims_profile import VARIANTS, _profiles, variant_matrix

    texts = ["Officials said 12 people died in the flood on Monday.", "Because this is a shameful disgrace."]
    rows = [SentenceRow("dev", "a", i, len(texts), t, 0.6, None, False, [], []) for i, t in enumerate(texts)]
    data = Dataset(rows, np.zeros((len(rows), 4)))
    refresh(data)
    base = len(sentence_feature_names(False, False))
    matrix = variant_matrix(data, "stance", _profiles(data))
    assert "stance" in VARIANTS and matrix.shape == (2, base + len(STANCE_FEATURES))
    by_text = {r.text: matrix[i, base:].tolist() for i, r in enumerate(data.rows)}
    assert by_text[texts[0]] == [0.0] * len(STANCE_FEATURES)
    assert by_text[texts[1]] == pytest.approx(stance_markers(texts[1]))
    assert by_text[texts[1]][STANCE_FEATURES.index("stance opener")] == 1.0


def test_the_option_through_the_pipeline_never_raises_a_claim() -> None:
    from presslens import read_article
    from presslens.pipeline import Pipeline, PipelineConfig

    text = ("Curfew talk\n\nThe curfew has emptied the old town every night since March. Because the council closed "
            "14 shops and cut 300 jobs in the old town last year, the town is now a shameful ruin.\n\nThe council "
            "meets again on Monday, a spokesman said.")

    def claims(options: dict[str, str]) -> dict[tuple[int, int], float]:
        report = Pipeline(PipelineConfig(only=("claims",), options=options)).run(read_article(text))
        return {(f.start, f.end): f.score for f in report.findings if f.kind == "claim"}

    default = claims({})
    stance = claims({"claims.claim_gate": "stance"})
    assert set(stance) <= set(default)
    assert all(stance[k] <= default[k] + 1e-12 for k in stance)
    start = text.index("Because")
    opinion = [k for k in default if k[0] == start]
    assert opinion and stance.get(opinion[0], 0.0) < default[opinion[0]]
    spokesman = [k for k in default if k[0] == text.index("The council meets")]
    assert spokesman and stance[spokesman[0]] == pytest.approx(default[spokesman[0]])


def test_moved_table_counts_the_gates_moves_by_marker() -> None:
    from presslens.training.realnews_claims import Dataset, SentenceRow, refresh
    from presslens.training.realnews_claims_profile import moved_table

    texts = ["Because this is a shameful disgrace.", "Of course the plan was reckless."]
    rows = [SentenceRow("dev", "a", i, len(texts), t, 0.6, None, False, [], []) for i, t in enumerate(texts)]
    data = Dataset(rows, np.zeros((len(rows), 4)))
    refresh(data)
    data.rows[1].gold_claims.append(0)
    table = moved_table([("stance", data.rows[0], 0.7, 0.3), ("stance", data.rows[1], 0.6, 0.4)])
    assert "| stance | stance opener | 1 | 1 |" in table
    assert "| stance | stance evaluative | 1 | 1 |" in table
    assert "| stance | any | 1 | 1 |" in table
