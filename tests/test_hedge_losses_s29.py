"""Stop 29 (helper hedge18): where gold hedged claims are lost (the screens tool's ``--losses``) and the cue
context ``genre-position`` (four cue-level columns). Sentences written for these tests."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from presslens.analyzers.claims.scorers import (
    CUE_CONTEXT_FEATURES,
    RealNewsScorers,
    cue_feature_names,
    cue_feature_set,
    cue_position_context,
    load_scorers,
    score_sentences,
)
from presslens.training.realnews_claims import (
    SHIPPED,
    Candidate,
    Dataset,
    SentenceRow,
    _fit_cue,
    cue_context_columns,
    cue_matrix,
    hedge_scores_with,
    written_setting,
)
from presslens.training.realnews_claims_screens import LOSS_CAUSES, SCREENS, loss_cause, losses_table
from tests.hedge_fixtures import hedge_dataset

NAMES = CUE_CONTEXT_FEATURES["genre-position"][-4:]
TEXTS = [
    "Officials said the dam may have been damaged by the shelling on Monday.",
    "The bridge could reopen next week, the mayor said.",
    "Perhaps the leaders simply do not care at all.",
    "Experts warned that the fighting might spread to the north within days.",
    "The ministry counted 300 homes without power, and repairs may take a month.",
]


def _position(text: str, cue: str) -> dict[str, float]:
    start = text.index(cue)
    return dict(zip(NAMES, cue_position_context(text, start, start + len(cue)), strict=True))


def test_position_columns_read_the_reporting_frame_and_the_clause() -> None:
    said_before = _position(TEXTS[0], "may")
    assert said_before["cue speech verb just before"] == 1.0 and said_before["cue speech verb just after"] == 0.0
    said_after = _position(TEXTS[1], "could")
    assert said_after["cue speech verb just after"] == 1.0 and said_after["cue speech verb just before"] == 0.0
    initial = _position(TEXTS[2], "Perhaps")
    assert initial["cue sentence-initial"] == 1.0 and sum(initial.values()) == 1.0
    embedded = _position(TEXTS[3], "might")
    assert embedded["cue after complementiser"] == 1.0 and embedded["cue sentence-initial"] == 0.0
    plain = _position(TEXTS[4], "may")
    assert sum(plain.values()) == 0.0  # far from "counted" (no speech verb), no complementiser, not initial
    # a speech verb more than six words away is not the cue's own frame
    far = "He said on Monday that the old wooden bridge over the river may close."
    assert _position(far, "may")["cue speech verb just before"] == 0.0


def _data(seed: int = 5) -> Dataset:
    return hedge_dataset(TEXTS, ("may", "could", "Perhaps", "might"), lambda k, i: i % 2 == 0 or k == 1, seed)


def test_the_analyzer_scores_a_position_cue_scorer_as_the_trainer_does(tmp_path: Path) -> None:
    data = _data()
    x, _, _, where = cue_matrix(data)
    columns = cue_context_columns(data, "genre-position")
    genre = cue_context_columns(data, "genre")
    assert columns.shape == (len(x), genre.shape[1] + 4)
    assert columns[:, :genre.shape[1]] == pytest.approx(genre)
    for row, ri, c in zip(columns, where, (c for r in data.rows for c in r.candidates), strict=True):
        assert list(row[genre.shape[1]:]) == cue_position_context(data.rows[ri].text, c.start, c.end)
    cue = _fit_cue(data, replace(SHIPPED, cue_c=0.01, cue_context="genre-position"), 1.0)
    assert list(cue.names) == cue_feature_names(True) + list(CUE_CONTEXT_FEATURES["genre-position"])
    trainer = hedge_scores_with(cue, data)  # the context is read off the scorer's names
    scorers = RealNewsScorers(cue, load_scorers().claim)
    runtime: list[float] = []
    for key in dict.fromkeys((r.split, r.article) for r in data.rows):
        idx = [i for i, r in enumerate(data.rows) if (r.split, r.article) == key]
        runtime += score_sentences([data.rows[i].text for i in idx], [data.rows[i].p for i in idx],
                                   data.embeddings[idx], [False] * len(idx), scorers=scorers).hedge
    assert runtime == pytest.approx(trainer, abs=1e-9)
    assert len(set(np.round(trainer, 6))) > 2
    path = tmp_path / "scorers.json"
    path.write_text(json.dumps({"hedge_cue": cue.to_json(), "claim": load_scorers().claim.to_json()}),
                    encoding="utf-8")
    assert cue_feature_set(load_scorers(path).hedge_cue.names) == (True, "genre-position")
    # without an article the genre columns are the training mean; the position columns are still the cue's own
    alone = score_sentences([TEXTS[0]], [0.3], data.embeddings[:1], [False], in_article=False, scorers=scorers)
    assert 0.0 < alone.hedge[0] < 1.0
    setting = written_setting("genre-position")
    assert setting.cue_context == "genre-position" and setting.cue_c == 0.01
    _, options = SCREENS["position"]
    assert options.cue_context == "genre-position" and SCREENS["position"][0] is None  # claims cannot move


def _row(gold_cue: bool, candidates: int, cues: list[list[int]] | None = None) -> SentenceRow:
    row = SentenceRow("dev", "1", 0, 1, "The dam may have broken.", 0.5, None, False, [0], [0],
                      [[8, 11]] if cues is None else cues)
    row.candidates = [Candidate(8, 11, "modal", "possibility", gold_cue) for _ in range(candidates)]
    return row


def test_loss_cause_takes_the_most_advanced_unit() -> None:
    found, none, low, gate, unit = LOSS_CAUSES
    assert loss_cause([], [], []) == unit
    assert loss_cause([_row(True, 1)], [0.9], [[0.7]]) == found
    assert loss_cause([_row(True, 1)], [0.3], [[0.7]]) == gate
    assert loss_cause([_row(True, 1)], [0.9], [[0.2]]) == low
    assert loss_cause([_row(False, 1)], [0.9], [[0.2]]) == none  # the only candidate is not on the gold cue
    assert loss_cause([_row(False, 1, [])], [0.9], [[0.2]]) == low  # no gold cue span inside the unit
    assert loss_cause([_row(True, 0)], [0.9], [[]]) == none
    # two units match the gold claim: the one that gets furthest decides
    assert loss_cause([_row(True, 0), _row(True, 1)], [0.9, 0.9], [[], [0.8]]) == found
    assert loss_cause([_row(True, 1), _row(True, 1)], [0.9, 0.2], [[0.3], [0.8]]) == gate


def test_losses_table_sums_splits_and_strata() -> None:
    counts = {("dev", "news"): dict.fromkeys(LOSS_CAUSES, 1), ("dev2", "opinion"): dict.fromkeys(LOSS_CAUSES, 2)}
    lines = losses_table(counts).splitlines()
    assert lines[2].startswith("| dev | 5 | 1 | 1 |")
    assert any(line.startswith("| stratum opinion | 10 | 2 |") for line in lines)
    from presslens.evaluation.realnews_selection import OPEN_SPLITS

    assert lines[-1].startswith(f"| all {len(OPEN_SPLITS)} splits | 15 | 3 | 3 | 3 | 3 | 3 |")


def test_lost_words_are_listed_most_frequent_first() -> None:
    from presslens.training.realnews_claims_screens import lost_words_line

    line = lost_words_line({"b: candidate < 0.5": {"may": 2, "likely": 5, "could": 2}}, top=2)
    assert line == "b: candidate < 0.5: likely 5, could 2\n"


def test_losses_count_every_gold_hedge_once_held_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from presslens.training import realnews_claims as rc
    from presslens.training.realnews_claims_screens import losses

    data = _data()
    monkeypatch.setattr(rc, "SPLITS", ("dev", "dev2", "dev3"))
    strata = {}
    for k, split in enumerate(rc.SPLITS):
        strata[f"a{k}"] = {"split": split, "stratum": "reporting" if k else "mixed"}
        # hedge 0 is matched by the rows above; hedge 1 by no unit: (d)
        rec = {"id": f"a{k}", "hedges": [{"claim": [0, 10], "cues": [[0, 3]]}, {"claim": [900, 950], "cues": []}]}
        (tmp_path / f"{split}.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    (tmp_path / "split.json").write_text(json.dumps(strata), encoding="utf-8")
    words: dict[str, dict[str, int]] = {}
    counts = losses(data, "genre", tmp_path, words)
    assert set(counts) == {("dev", "mixed"), ("dev2", "reporting"), ("dev3", "reporting")}
    for cell in counts.values():
        assert sum(cell.values()) == 2 and cell[LOSS_CAUSES[4]] == 1
    lost = sum(c[k] for c in counts.values() for k in LOSS_CAUSES[1:4])
    assert sum(words.get(k, {}).get(w, 0) for k in LOSS_CAUSES[1:4] for w in ("may", "could", "perhaps", "might")) \
        >= lost  # every lost matched hedge lists its gold cue spans
