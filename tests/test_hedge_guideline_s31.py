"""Stop 31 (helper hedge21): the training cue candidates of the screen ``guideline-s31`` (cue forms GUIDELINE.md
names that the lexicon has no candidate for), the screens' base reading the analyzer's default ``cue_readings``, and
the loss table's rows per PTC pool. Sentences written for these tests."""

from __future__ import annotations

from presslens.evaluation.realnews_selection import ptc_test_splits
from presslens.text.hedging import (
    claim_cue_additions_s31,
    claim_cue_candidates,
    claim_cue_candidates_s31,
    cue_class,
)
from presslens.training import realnews_claims as rc
from presslens.training.realnews_claims_screens import (
    LOSS_CAUSES,
    SCREENS,
    SHIPPED_SCREEN,
    TABLE_SHIPPED,
    candidate_probabilities,
    losses_table,
    shipped_readings,
)


def _added(text: str) -> list[str]:
    return [text[a:b] for a, b, _ in claim_cue_additions_s31(text, claim_cue_candidates(text))]


def test_evidence_verbs_with_an_evidence_noun_in_the_subject() -> None:
    assert _added("Our poll of farmers suggests most of them oppose the dam.") == ["suggests"]
    assert _added("An audit by the ministry suggested the funds were diverted.") == ["suggested"]
    assert _added("The wording of the order implies the troops stay.") == ["implies"]
    assert _added("Satellite footage of the port indicated fresh damage.") == ["indicated"]
    # near misses: a person suggests (a speech verb), the evidence noun in another clause, or already a candidate
    assert _added("The mayor suggested the funds were diverted.") == []
    assert _added("After the survey was published, the mayor suggested a recount.") == []
    assert _added("The data suggests a rise.") == []  # the lexicon's own candidate
    text = "The data suggests a rise."
    assert [text[a:b] for a, b, _ in claim_cue_candidates_s31(text)] == [text[a:b] for a, b, _ in
                                                                          claim_cue_candidates(text)]


def test_open_questions_and_epistemic_must() -> None:
    assert _added("Nobody really knows how many boats left the harbour.") == ["Nobody really knows"]
    assert _added("Where the convoy went remains anyone's guess.") == ["remains anyone's guess"]
    assert _added("This must be the largest march the town has seen.") == ["must be"]
    # near misses: the plain "nobody knows" is a candidate already, and "must be" of obligation before a participle
    assert _added("Nobody knows how many boats left the harbour.") == []
    assert _added("The bridge must be repaired before winter.") == []
    assert _added("Everyone knows the harbour is closed.") == []
    # the participle test takes any word ending in -ed or -en: "must have been" and "must be tired" are no candidates
    # (the pattern as fitted and scored at stop 31; its comment in hedging says so)
    assert _added("The guards must have been asleep at the gate.") == []
    assert _added("The guards must be tired after the march.") == []


def test_added_candidates_get_a_class_and_never_overlap_the_lexicons() -> None:
    text = "Our survey suggests that nobody really knows the cost, and it must be high."
    shipped = claim_cue_candidates(text)
    added = claim_cue_additions_s31(text, shipped)
    assert {text[a:b] for a, b, _ in added} == {"suggests", "nobody really knows", "must be"}
    assert all(not (a < y and x < b) for a, b, _ in added for x, y, _ in shipped)
    classes = {text[a:b]: cue_class(text, a, b, k) for a, b, k in added}
    assert classes == {"suggests": "evidence verb", "nobody really knows": "uncertainty", "must be": "modal"}


def test_the_screen_changes_only_the_cue_scorers_candidates() -> None:
    candidates, options = SCREENS["guideline-s31"]
    assert candidates is claim_cue_candidates_s31
    assert options == SCREENS["shipped"][1] == SHIPPED_SCREEN
    assert "guideline-s31" in TABLE_SHIPPED  # the claim scorer's class table reads the shipped candidates
    assert shipped_readings() == ("name",)
    assert SHIPPED_SCREEN.cue_readings == shipped_readings()


def _row(text: str, split: str = "dev") -> rc.SentenceRow:
    return rc.SentenceRow(split=split, article="1", index=1, count=3, text=text, p=0.7, furniture=None,
                          forecast=False, gold_claims=[0], gold_hedges=[0])


def test_a_vetoed_candidate_scores_zero_in_the_loss_table() -> None:
    import numpy as np

    texts = ["May said the talks may resume.", "The talks may resume."]
    rows = [_row(t) for t in texts]
    data = rc.Dataset(rows, np.zeros((2, 384)), {})
    rc.refresh(data)
    assert [[c.vetoed29 for c in r.candidates] for r in rows] == [[("name", "name32"), ()], [()]]  # name32: s32

    class Flat:
        def probabilities(self, x: np.ndarray, emb: np.ndarray) -> np.ndarray:
            return np.full(len(x), 0.8)

    fitted = rc.Fitted(SHIPPED_SCREEN, Flat(), Flat(), 0.01, 1.0)  # type: ignore[arg-type]
    probs = candidate_probabilities(fitted, data, [0.7, 0.7])
    assert probs == [[0.0, 0.8], [0.8]]
    without = rc.Fitted(rc.written_setting("genre-modal-governor"), Flat(), Flat(), 0.01, 1.0)  # type: ignore[arg-type]
    assert candidate_probabilities(without, data, [0.7, 0.7]) == [[0.8, 0.8], [0.8]]


def test_loss_rows_per_ptc_pool() -> None:
    pool = ptc_test_splits()
    assert {"dev12", "dev13", "dev14"} <= pool and "dev11" not in pool and "dev" not in pool
    counts = {("dev", "mixed"): dict.fromkeys(LOSS_CAUSES, 0), ("dev12", "mixed"): dict.fromkeys(LOSS_CAUSES, 0)}
    counts[("dev", "mixed")][LOSS_CAUSES[0]] = 3
    counts[("dev12", "mixed")][LOSS_CAUSES[2]] = 2
    table = losses_table(counts)
    assert "| PTC train-article splits | 3 | 3 | 0 | 0 | 0 | 0 |" in table
    assert "| PTC test-article splits | 2 | 0 | 0 | 2 | 0 | 0 |" in table


def test_a_scorers_file_fitted_on_the_s31_candidates_scores_them_and_claims_do_not_move() -> None:
    from dataclasses import replace

    import numpy as np
    import pytest

    from presslens.analyzers.claims.scorers import load_scorers, score_sentences

    shipped = load_scorers()
    s31 = replace(shipped, cue_candidates="s31")
    texts = ["Our poll of farmers suggests most of them oppose the dam.", "The dam may fail."]
    emb = np.random.default_rng(31).normal(size=(2, 384)) / 20
    before = score_sentences(texts, [0.7, 0.6], emb, [False, False], scorers=shipped)
    after = score_sentences(texts, [0.7, 0.6], emb, [False, False], scorers=s31)
    assert [texts[0][a:b] for a, b, _, _ in before.cues[0]] == []
    assert [texts[0][a:b] for a, b, _, _ in after.cues[0]] == ["suggests"]
    assert after.claim == pytest.approx(before.claim)  # the class table reads the lexicon's candidates
    assert [c[:3] for c in after.cues[1]] == [c[:3] for c in before.cues[1]]
    assert after.hedge[1] == pytest.approx(before.hedge[1])


def test_a_scorers_file_names_its_candidates(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    import pytest

    from presslens.analyzers.claims.scorers import MODEL_FILE, load_scorers

    obj = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert "cue_candidates" not in obj and load_scorers().cue_candidates == ""
    path = tmp_path / "s31.json"
    path.write_text(json.dumps({**obj, "cue_candidates": "s31"}), encoding="utf-8")
    assert load_scorers(path).cue_candidates == "s31"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({**obj, "cue_candidates": "s99"}), encoding="utf-8")
    with pytest.raises(ValueError, match="cue_candidates"):
        load_scorers(bad)


def test_the_trainer_takes_the_s31_candidates_as_a_setting() -> None:
    import argparse

    parser = argparse.ArgumentParser()
    rc.add_arguments(parser)
    assert parser.parse_args(["--data", "x"]).cue_candidates == "lexicon"
    assert parser.parse_args(["--data", "x", "--cue-candidates", "s31"]).cue_candidates == "s31"


def test_a_personal_subject_modal_in_reported_or_quoted_speech() -> None:
    from presslens.analyzers.claims.scorers import reported_personal_modal

    def col(text: str, cue: str) -> float:
        start = text.index(cue)
        return reported_personal_modal(text, start, start + len(cue))

    assert col("Analysts say she could lose the vote.", "could") == 1.0
    assert col("Diplomats fear they might walk out of the talks.", "might") == 1.0
    assert col("\u201cWe may have to close the border,\u201d the minister said.", "may") == 1.0
    # near misses: a personal subject alone (ability, intent), a directive governor, a reported modal with a noun
    # subject, and no modal at all
    assert col("She could lose the vote.", "could") == 0.0
    assert col("They told him he could leave.", "could") == 0.0
    assert col("Officials fear the dam could fail.", "could") == 0.0
    assert col("Analysts say she will lose the vote.", "will") == 0.0


def test_the_reported_context_is_the_shipped_one_and_one_column() -> None:
    from dataclasses import replace

    from presslens.analyzers.claims.scorers import (
        CUE_CONTEXT_FEATURES,
        REPORTED_PERSONAL_FEATURE,
        RUNTIME_CUE_CONTEXTS,
        cue_level_context,
    )

    reported = CUE_CONTEXT_FEATURES["genre-modal-governor-reported"]
    assert reported == (*CUE_CONTEXT_FEATURES["genre-modal-governor"], REPORTED_PERSONAL_FEATURE)
    assert "genre-modal-governor-reported" in RUNTIME_CUE_CONTEXTS
    text = "Analysts say she could lose the vote."
    start = text.index("could")
    cols = cue_level_context("genre-modal-governor-reported", text, start, start + 5)
    assert cols[:-1] == cue_level_context("genre-modal-governor", text, start, start + 5) and cols[-1] == 1.0
    _, options = SCREENS["reported"]
    assert SCREENS["reported"][0] is None  # the shipped candidates: claims cannot move
    assert replace(options, cue_context="genre-modal-governor") == SHIPPED_SCREEN


def test_a_scorers_file_with_the_reported_column_loads_and_scores(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    import numpy as np
    import pytest

    from presslens.analyzers.claims.scorers import (
        MODEL_FILE,
        REPORTED_PERSONAL_FEATURE,
        cue_feature_set,
        load_scorers,
        score_sentences,
    )

    obj = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    cue = obj["hedge_cue"]
    n = len(cue["names"])
    # the shipped cue scorer with the column added at weight 0: it must score as the shipped one
    cue = {**cue, "names": [*cue["names"], REPORTED_PERSONAL_FEATURE],
           "mean": [*cue["mean"][:n], 0.0, *cue["mean"][n:]], "scale": [*cue["scale"][:n], 1.0, *cue["scale"][n:]],
           "coef": [*cue["coef"][:n], 0.0, *cue["coef"][n:]]}
    path = tmp_path / "reported.json"
    path.write_text(json.dumps({**obj, "hedge_cue": cue}), encoding="utf-8")
    scorers = load_scorers(path)
    assert cue_feature_set(scorers.hedge_cue.names)[1] == "genre-modal-governor-reported"
    texts = ["Analysts say she could lose the vote.", "The dam may fail."]
    emb = np.random.default_rng(7).normal(size=(2, 384)) / 20
    got = score_sentences(texts, [0.7, 0.6], emb, [False, False], scorers=scorers)
    want = score_sentences(texts, [0.7, 0.6], emb, [False, False], scorers=load_scorers())
    assert got.hedge == pytest.approx(want.hedge) and got.claim == pytest.approx(want.claim)
