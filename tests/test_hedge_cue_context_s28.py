"""The cue-context screens of stop 28 (helper hedge16): extra cue-scorer columns that tell an opinion sentence from a
reported or factual one (the unit's opinion markers, its claim score, the article's genre). Sentences written for
these tests."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from presslens.analyzers.claims.scorers import (
    ARTICLE_FEATURES,
    CUE_CONTEXT_FEATURES,
    RealNewsScorers,
    article_profile,
    cue_feature_names,
    cue_feature_set,
    load_scorers,
    opinion_context,
    score_sentences,
)
from presslens.training.realnews_claims import (
    SHIPPED,
    Dataset,
    SentenceRow,
    _fit_cue,
    cue_context_columns,
    cue_matrix,
    hedge_scores_with,
    oof_claim_scores,
    refresh,
    written_setting,
)

REPORT = ["Officials said the dam may have been damaged by the shelling on Monday.",
          "Police told reporters that 14 people were hurt.",
          "The ministry reportedly counted 300 homes without power."]
COLUMN = ["This is truly a shameful moment, and we may never know who benefits.",
          "You should ask why nobody listens to us.",
          "Perhaps the leaders simply do not care at all."]


def _data(seed: int = 3) -> Dataset:
    rows: list[SentenceRow] = []
    for k, split in enumerate(("dev", "dev2", "dev3")):
        for name, texts, p, hedged in (("r", REPORT, 0.85, True), ("c", COLUMN, 0.25, False)):
            for i, text in enumerate(texts):
                cue = next((w for w in ("may", "reportedly", "Perhaps") if w in text), None)
                gold = [[text.index(cue), text.index(cue) + len(cue)]] if cue and hedged else []
                rows.append(SentenceRow(split, f"{k}{name}", i, len(texts), text, p, None, False,
                                        [0] if hedged else [], [0] if gold else [], gold))
    data = Dataset(rows, np.random.default_rng(seed).normal(size=(len(rows), 384)))
    refresh(data)
    return data


def test_opinion_context_reads_opinion_markers_in_the_whole_unit() -> None:
    names = CUE_CONTEXT_FEATURES["opinion"]
    col = dict(zip(names, opinion_context(COLUMN[0]), strict=True))
    rep = dict(zip(names, opinion_context(REPORT[0]), strict=True))
    assert col["unit evaluative words"] > rep["unit evaluative words"] == 0.0
    assert col["unit intensifiers"] > rep["unit intensifiers"] == 0.0
    assert col["unit first/second person"] > rep["unit first/second person"] == 0.0
    assert opinion_context(COLUMN[1])[names.index("unit obligation modal")] == 1.0
    assert rep["unit obligation modal"] == 0.0


def test_context_columns_follow_the_candidates() -> None:
    data = _data()
    x, _, _, where = cue_matrix(data)
    genre = cue_context_columns(data, "genre")
    assert genre.shape == (len(x), len(ARTICLE_FEATURES))
    for row, ri in zip(genre, where, strict=True):
        r = data.rows[ri]
        texts = [o.text for o in data.rows if (o.split, o.article) == (r.split, r.article)]
        probs = [o.p for o in data.rows if (o.split, o.article) == (r.split, r.article)]
        assert row == pytest.approx(article_profile(texts, probs))
    opinion = cue_context_columns(data, "opinion")
    assert [list(v) for v in opinion] == [opinion_context(data.rows[ri].text) for ri in where]
    with pytest.raises(ValueError):
        cue_context_columns(data, "claim-score")  # it needs the claim scores
    claim = [0.1 + 0.8 * i / len(data.rows) for i in range(len(data.rows))]
    scores = cue_context_columns(data, "claim-score", claim)
    assert scores[:, 0] == pytest.approx([np.log(claim[ri] / (1 - claim[ri])) for ri in where])
    with pytest.raises(ValueError):
        cue_context_columns(data, "mood")


def test_out_of_fold_claim_scores_never_see_their_own_split() -> None:
    data = _data()
    oof = oof_claim_scores(data, (False, False), 1.0)
    assert len(oof) == len(data.rows) and all(0.0 < v < 1.0 for v in oof)
    # the held-out split's scores do not change when its own labels are flipped
    flipped = Dataset([replace(r, gold_claims=[] if r.gold_claims else [0]) if r.split == "dev" else r
                       for r in data.rows], data.embeddings)
    refresh(flipped)
    again = oof_claim_scores(flipped, (False, False), 1.0)
    dev = [i for i, r in enumerate(data.rows) if r.split == "dev"]
    assert [oof[i] for i in dev] == pytest.approx([again[i] for i in dev])


@pytest.mark.parametrize("context", ["genre", "opinion"])
def test_the_analyzer_scores_a_context_cue_scorer_as_the_trainer_does(context: str, tmp_path: Path) -> None:
    data = _data()
    options = replace(SHIPPED, cue_c=0.01, cue_context=context)
    cue = _fit_cue(data, options, 0.01)
    assert list(cue.names) == cue_feature_names(True) + list(CUE_CONTEXT_FEATURES[context])
    trainer = hedge_scores_with(cue, data, context=cue_context_columns(data, context))
    shipped = load_scorers()
    scorers = RealNewsScorers(cue, shipped.claim)
    runtime: list[float] = []
    for key in dict.fromkeys((r.split, r.article) for r in data.rows):
        idx = [i for i, r in enumerate(data.rows) if (r.split, r.article) == key]
        out = score_sentences([data.rows[i].text for i in idx], [data.rows[i].p for i in idx],
                              data.embeddings[idx], [False] * len(idx), scorers=scorers)
        runtime += out.hedge
    assert runtime == pytest.approx(trainer, abs=1e-9)
    assert len(set(np.round(trainer, 6))) > 2  # the scores differ between units
    # a scorers file with the context loads (and names the context); another column list does not
    path = tmp_path / "scorers.json"
    path.write_text(json.dumps({"hedge_cue": cue.to_json(), "claim": shipped.claim.to_json()}), encoding="utf-8")
    assert cue_feature_set(load_scorers(path).hedge_cue.names) == (True, context)
    assert cue_feature_set(cue_feature_names(False)) == (False, "")
    with pytest.raises(ValueError):
        cue_feature_set([*cue_feature_names(True), *CUE_CONTEXT_FEATURES["claim-score"]])


def test_genre_matters_only_through_the_article() -> None:
    """The same line in a report and in a column gets another cue probability from a genre scorer; without an
    article, the training mean."""
    data = _data()
    cue = _fit_cue(data, replace(SHIPPED, cue_c=0.01, cue_context="genre"), 1.0)
    scorers = RealNewsScorers(cue, load_scorers().claim)
    line = "The bridge may have been closed on Tuesday."
    emb = np.zeros((4, 384))
    in_report = score_sentences([line, *REPORT], [0.6, 0.85, 0.85, 0.85], emb, [False] * 4, scorers=scorers).hedge[0]
    in_column = score_sentences([line, *COLUMN], [0.6, 0.25, 0.25, 0.25], emb, [False] * 4, scorers=scorers).hedge[0]
    assert in_report > in_column
    alone = score_sentences([line], [0.6], emb[:1], [False], in_article=False, scorers=scorers).hedge[0]
    with_column = score_sentences([line, *COLUMN], [0.6, 0.25, 0.25, 0.25], emb, [False] * 4, in_article=False,
                                  scorers=scorers).hedge[0]
    assert alone == pytest.approx(with_column)


def test_the_written_setting_is_the_shipped_one_unless_a_context_is_asked_for() -> None:
    assert written_setting(None) is SHIPPED and written_setting("") is SHIPPED
    genre = written_setting("genre")
    assert genre.cue_context == "genre" and genre.cue_c == 0.01 and genre.name != SHIPPED.name
    assert replace(genre, name=SHIPPED.name, cue_c=None, cue_context="") == SHIPPED


def test_s28_screens_change_only_the_cue_scorer() -> None:
    from presslens.training.realnews_claims_screens import SCREENS

    for name in ("opinion", "claim-score", "genre"):
        candidates, options = SCREENS[name]
        assert candidates is None  # the shipped candidates: the claim scorer's inputs cannot move
        assert options.cue_context == name and options.cue_c == 0.01
        assert replace(options, cue_context="") == SCREENS["plain"][1]


def test_the_plain_trainer_command_writes_the_shipped_setting_and_none_the_plain_one() -> None:
    import argparse

    from presslens.training.realnews_claims import add_arguments
    from presslens.training.realnews_claims_screens import SCREENS

    parser = argparse.ArgumentParser()
    add_arguments(parser)
    # the shipped file's setting by default: genre at s29, genre-modal-governor since claims 1.16 (s30)
    assert parser.parse_args(["--data", "x"]).cue_context == "genre-modal-governor"
    assert parser.parse_args(["--data", "x", "--cue-context", "none"]).cue_context == "none"
    with pytest.raises(SystemExit):
        parser.parse_args(["--data", "x", "--cue-context", "claim-score"])  # a screen only, never written
    # the screens' baseline is the written setting with the analyzer's default cue_readings (name since stop 31);
    # the other screens change the plain one
    _, shipped = SCREENS["shipped"]
    assert shipped == replace(written_setting("genre-modal-governor"), cue_readings=("name",))
    assert replace(shipped, name=SHIPPED.name, cue_context="", cue_readings=()) == SCREENS["plain"][1]
