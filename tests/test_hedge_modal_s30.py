"""Stop 30 (helper hedge19): the cue contexts ``genre-modal`` (columns that tell an epistemic "may / might / could"
from a root one) and ``genre-token`` (the cue's encoder token state, fixed random projection), and the cue token
states of the rows cache. Sentences written for these tests."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from presslens.analyzers.claims.scorers import (
    CUE_CONTEXT_FEATURES,
    RealNewsScorers,
    cue_feature_names,
    cue_feature_set,
    load_scorers,
    modal_context,
    score_sentences,
    token_projection,
)
from presslens.text.hedging import claim_cue_candidates
from presslens.training.realnews_claims import (
    SHIPPED,
    Dataset,
    _fit_cue,
    cue_context_columns,
    cue_matrix,
    cue_token_states,
    hedge_scores_with,
    load_dataset,
    save_dataset,
)
from presslens.training.realnews_claims_screens import SCREENS
from tests.hedge_fixtures import hedge_dataset

NAMES = CUE_CONTEXT_FEATURES["genre-modal"][-8:]


def _modal(text: str, cue: str) -> dict[str, float]:
    start = text.index(cue)
    return {n: v for n, v in zip(NAMES, modal_context(text, start, start + len(cue)), strict=True) if v}


def test_modal_columns_read_aspect_verb_and_subject() -> None:
    assert _modal("The talks may well fail.", "may") == {"modal well after": 1.0, "modal event verb": 1.0}
    assert _modal("Prices could be rising fast.", "could") == {"modal progressive": 1.0}
    assert _modal("The data may be used for research.", "may") == {"modal passive": 1.0}
    assert _modal("That might mean a delay of weeks.", "might") == {
        "modal stative verb": 1.0, "modal event verb": 1.0, "modal expletive subject": 1.0}
    assert _modal("There may be more victims.", "may") == {"modal expletive subject": 1.0}
    assert _modal("They could find no trace of the convoy.", "could") == {"modal personal subject": 1.0}
    assert _modal("She asked how they could leave.", "could") == {
        "modal personal subject": 1.0, "modal wh- or purpose before": 1.0}
    assert _modal("He left early so he could vote.", "could") == {
        "modal personal subject": 1.0, "modal wh- or purpose before": 1.0}
    # "not" and a few adverbs are skipped to the verb; a non-modal cue gets no column
    assert _modal("The ceasefire may not last.", "may") == {"modal event verb": 1.0}
    assert _modal("The dam apparently broke.", "apparently") == {}
    # a wh- word further back than four words does not count
    assert "modal wh- or purpose before" not in _modal("How the army moved the heavy guns across the river could decide it.",
                                                      "could")


def test_cue_token_states_average_the_tokens_on_the_cue() -> None:
    text = "Aid may arrive. Talks, he said; they could fail."
    sentences = [(0, 15), (16, 31), (32, 48)]
    units = [[0], [1, 2]]  # a sentence ending in ";" is joined with the next (claim_units)
    # one token per word, each state its word's index on every dimension
    states, offsets = [], []
    for s, e in sentences:
        words = [(m.start(), m.end()) for m in re.finditer(r"\w+", text[s:e])]
        offsets.append(np.asarray(words, dtype=np.int32))
        states.append(np.repeat(np.arange(len(words), dtype=np.float32)[:, None] + 10 * s, 4, axis=1))
    out = cue_token_states(text, sentences, units, states, offsets, claim_cue_candidates)
    assert list(out[0]) == [(4, 7)] and out[0][(4, 7)] == pytest.approx([1.0] * 4)
    (a, b), = out[1]
    assert text[16 + a:16 + b] == "could" and out[1][(a, b)] == pytest.approx([320.0 + 1] * 4)  # "could": word 1 of sentence 2


def _data(seed: int = 7) -> Dataset:
    texts = ["Officials said the dam may have been damaged on Monday.", "They could reopen the bridge next week.",
             "It might be raining in the north, and aid may arrive late.", "The ministry counted 300 homes."]
    return hedge_dataset(texts, ("may", "could", "might"), lambda k, i: i in (0, 2) or (k == 1 and i == 1), seed,
                         cue_tokens=True)


def test_the_analyzer_scores_a_modal_cue_scorer_as_the_trainer_does(tmp_path: Path) -> None:
    data = _data()
    x, _, _, where = cue_matrix(data)
    columns = cue_context_columns(data, "genre-modal")
    genre = cue_context_columns(data, "genre")
    assert columns.shape == (len(x), genre.shape[1] + 8)
    assert columns[:, :genre.shape[1]] == pytest.approx(genre)
    for row, ri, c in zip(columns, where, (c for r in data.rows for c in r.candidates), strict=True):
        assert list(row[genre.shape[1]:]) == modal_context(data.rows[ri].text, c.start, c.end)
    assert columns[:, genre.shape[1]:].sum() > 0
    cue = _fit_cue(data, replace(SHIPPED, cue_c=0.01, cue_context="genre-modal"), 1.0)
    assert list(cue.names) == cue_feature_names(True) + list(CUE_CONTEXT_FEATURES["genre-modal"])
    trainer = hedge_scores_with(cue, data)
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
    assert cue_feature_set(load_scorers(path).hedge_cue.names) == (True, "genre-modal")
    _, options = SCREENS["modal"]
    assert options.cue_context == "genre-modal" and SCREENS["modal"][0] is None  # claims cannot move


def test_token_columns_project_the_cached_cue_state(tmp_path: Path) -> None:
    data = _data()
    columns = cue_context_columns(data, "genre-token")
    genre = cue_context_columns(data, "genre")
    proj = token_projection()
    assert proj.shape == (384, 16) and proj == pytest.approx(token_projection())  # fixed, not fitted
    states = np.stack([data.cue_tokens[(r.split, r.article, r.index, c.start, c.end)]  # type: ignore[index]
                       for r in data.rows for c in r.candidates])
    assert columns[:, genre.shape[1]:] == pytest.approx(states @ proj)
    # the states travel with the cache and survive a subset
    cache = tmp_path / "rows.json"
    save_dataset(data, cache)
    back = load_dataset(cache)
    assert back.cue_tokens is not None and set(back.cue_tokens) == set(data.cue_tokens or {})
    assert cue_context_columns(back.without_split("dev"), "genre-token") == pytest.approx(
        cue_context_columns(data.without_split("dev"), "genre-token"), abs=1e-5)  # float32 on disk
    # a cache without token states: the context refuses instead of guessing
    bare = Dataset(data.rows, data.embeddings)
    with pytest.raises(ValueError, match="token states"):
        cue_context_columns(bare, "genre-token")
    # a cache that lacks one cue's state: the error names the article and the cue, not a bare key
    partial = {k: v for k, v in (data.cue_tokens or {}).items() if k[:2] != ("dev2", "a1") or k[2] != 1}
    named = re.escape("article a1 (dev2), unit 1, cue candidates (start, end) [(5, 10)]")
    with pytest.raises(ValueError, match=named):
        cue_context_columns(Dataset(data.rows, data.embeddings, partial), "genre-token")
    assert SCREENS["token"][1].cue_context == "genre-token"


def test_modal_cues_are_scored_held_out_and_grouped(monkeypatch: pytest.MonkeyPatch) -> None:
    from presslens.training import realnews_claims as rc
    from presslens.training.realnews_claims_screens import MODAL_GROUPS, modal_cues, modal_table

    data = _data()
    monkeypatch.setattr(rc, "SPLITS", ("dev", "dev2", "dev3"))
    cues = modal_cues(data, "genre")
    modal = [(r.split, r.index, r.text[c.start:c.end]) for r in data.rows for c in r.candidates
             if r.text[c.start:c.end].lower() in ("may", "might", "could")]
    assert [(r.split, r.index, r.text[c.start:c.end]) for r, c, _, _ in cues] == modal
    # the probability is the held-out one: fitted without the row's split
    r, c, p, _ = cues[0]
    fitted = rc.fit_both(data.without_split(r.split), SCREENS["genre"][1])
    test = data.only_split(r.split)
    x, emb, _, where = rc.cue_matrix(test)
    x = np.hstack([x, rc.cue_context_columns(test, "genre")])
    assert fitted.cue.probabilities(x, emb)[0] == pytest.approx(p)
    lines = modal_table(cues).splitlines()
    counts = {line.split(" | ")[0].lstrip("| "): int(line.split(" | ")[1]) for line in lines[2:]}
    assert set(counts) == set(MODAL_GROUPS) and sum(counts.values()) == len(cues)
    gold = sum(c.gold_cue for _, c, _, _ in cues)
    assert counts[MODAL_GROUPS[0]] + counts[MODAL_GROUPS[1]] == gold
