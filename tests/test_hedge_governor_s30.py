"""Stop 30 (helper hedge20): the cue contexts ``genre-governor`` and ``genre-modal-governor`` (the verb that governs
the clause of a "may / might / could": belief or report versus directive or permission, and a relative clause on a
noun). Sentences written for these tests."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from presslens.analyzers.claims.scorers import (
    CUE_CONTEXT_FEATURES,
    RUNTIME_CUE_CONTEXTS,
    RealNewsScorers,
    cue_feature_names,
    cue_feature_set,
    cue_level_context,
    governor_context,
    load_scorers,
    modal_context,
    score_sentences,
)
from presslens.text.hedging import claim_cue_candidates
from presslens.training.realnews_claims import (
    SHIPPED,
    Dataset,
    _fit_cue,
    cue_context_columns,
    cue_matrix,
    hedge_scores_with,
)
from presslens.training.realnews_claims_screens import SCREENS
from tests.hedge_fixtures import hedge_dataset

NAMES = CUE_CONTEXT_FEATURES["genre-governor"][-3:]


def _gov(text: str, cue: str, nth: int = 0) -> set[str]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(cue, start + 1)
    return {n for n, v in zip(NAMES, governor_context(text, start, start + len(cue)), strict=True) if v}


BELIEF, DIRECTIVE, RELATIVE = NAMES


def test_belief_and_report_governors() -> None:
    assert _gov("Residents fear the dam could fail.", "could") == {BELIEF}
    assert _gov("Officials said on Tuesday that the talks could resume.", "could") == {BELIEF}
    assert _gov("There are concerns that the vote might be delayed.", "might") == {BELIEF}
    assert _gov("He said that could take weeks.", "could") == {BELIEF}  # "that" the subject, "said" governs
    # near misses: no governor, or one cut off by a colon or a semicolon
    assert _gov("The river may flood.", "may") == set()
    assert _gov("Analysts warned; prices could rise.", "could") == set()
    assert _gov("The minister said: the border could close.", "could") == set()
    # a governor further back than twelve words does not count
    assert _gov("Officials said the old stone bridge over the wide and muddy river near the town could fail.",
                "could") == set()


def test_directive_permission_and_purpose() -> None:
    assert _gov("The teacher told the pupils they could leave early.", "could") == {DIRECTIVE}
    assert _gov("Guards allowed the families so that they might visit.", "might") == {DIRECTIVE}
    assert _gov("He left early so he could vote.", "could") == {DIRECTIVE}
    assert _gov("He left early so that she could vote.", "could") == {DIRECTIVE}
    # near misses: "so" as "therefore", and a "so" too far back
    assert _gov("It rained, so the final could not start on time.", "could") == set()
    assert _gov("It was so late in the evening that the guests could not stay.", "could") == set()
    # the nearest governor wins: a report nearer than a directive
    assert _gov("They asked the envoy, who said the talks might resume.", "might") == {BELIEF}
    assert _gov("She said they told him he could stay.", "could") == {DIRECTIVE}


def test_relative_clause_on_a_noun() -> None:
    assert _gov("Investigators found documents that could shed light on the deal.", "could") == {RELATIVE}
    assert _gov("The suspects, who may be armed, fled.", "may") == {RELATIVE}
    # the relative clause, not the outer report, is the modal's clause
    assert _gov("He said the report, which may be released soon, is late.", "may") == {RELATIVE}
    assert _gov("He denied claims that could end his career.", "could") == {RELATIVE}
    # near misses: "that" after a verb or an adjective is no relative pronoun on a noun
    assert _gov("It is clear that could take weeks.", "could") == set()
    assert _gov("Police fear the report may be leaked.", "may") == {BELIEF}


def test_only_modal_cues_get_the_columns() -> None:
    assert _gov("Officials said the dam apparently broke.", "apparently") == set()
    assert _gov("Officials said the dam must be repaired.", "must") == set()
    assert _gov("Officials said the dam couldn't hold.", "couldn't") == {BELIEF}
    text = "Officials warned the dam may fail."
    start = text.index("may")
    assert cue_level_context("genre-modal-governor", text, start, start + 3) == (
        modal_context(text, start, start + 3) + governor_context(text, start, start + 3))
    assert cue_level_context("genre", text, start, start + 3) == []


def _data(seed: int = 11) -> Dataset:
    texts = ["Officials said the dam may have been damaged on Monday.", "The guards told them they could leave.",
             "Investigators found papers that might explain it, and aid may arrive late.",
             "The ministry counted 300 homes."]
    return hedge_dataset(texts, ("may", "could", "might"), lambda k, i: i in (0, 2) or (k == 1 and i == 1), seed)


@pytest.mark.parametrize("context", ["genre-governor", "genre-modal-governor"])
def test_the_analyzer_scores_a_governor_cue_scorer_as_the_trainer_does(tmp_path: Path, context: str) -> None:
    data = _data()
    x, _, _, where = cue_matrix(data)
    columns = cue_context_columns(data, context)
    genre = cue_context_columns(data, "genre")
    width = len(CUE_CONTEXT_FEATURES[context]) - genre.shape[1]
    assert columns.shape == (len(x), genre.shape[1] + width)
    assert columns[:, :genre.shape[1]] == pytest.approx(genre)
    for row, ri, c in zip(columns, where, (c for r in data.rows for c in r.candidates), strict=True):
        assert list(row[genre.shape[1]:]) == cue_level_context(context, data.rows[ri].text, c.start, c.end)
    assert columns[:, -3:].sum(axis=0).min() > 0  # each governor column fires somewhere
    cue = _fit_cue(data, replace(SHIPPED, cue_c=0.01, cue_context=context), 1.0)
    assert list(cue.names) == cue_feature_names(True) + list(CUE_CONTEXT_FEATURES[context])
    trainer = hedge_scores_with(cue, data)
    scorers = RealNewsScorers(cue, load_scorers().claim)
    runtime: list[float] = []
    for key in dict.fromkeys((r.split, r.article) for r in data.rows):
        idx = [i for i, r in enumerate(data.rows) if (r.split, r.article) == key]
        runtime += score_sentences([data.rows[i].text for i in idx], [data.rows[i].p for i in idx],
                                   data.embeddings[idx], [False] * len(idx), scorers=scorers).hedge
    assert runtime == pytest.approx(trainer, abs=1e-9)
    path = tmp_path / "scorers.json"
    path.write_text(json.dumps({"hedge_cue": cue.to_json(), "claim": load_scorers().claim.to_json()}),
                    encoding="utf-8")
    assert cue_feature_set(load_scorers(path).hedge_cue.names) == (True, context)
    assert context in RUNTIME_CUE_CONTEXTS


def test_screens_change_the_cue_scorer_only() -> None:
    for name, context in (("governor", "genre-governor"), ("governor-modal", "genre-modal-governor")):
        candidates, options = SCREENS[name]
        assert candidates is None and options.cue_context == context  # claims cannot move
        assert options.cue_c == SCREENS["genre"][1].cue_c
    assert [c for c in claim_cue_candidates("Officials said the dam may fail.")]  # the modal is a candidate
