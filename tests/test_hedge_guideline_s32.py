"""Stop 32 (helper hedge22): the training cue-candidate sets ``s32`` (stop 31's additions without its "must be"
form) and ``s32-hearsay`` (and the sourceless hearsay forms GUIDELINE.md 8a names), their screens, the trainer
setting and a scorers file that names them. Sentences written for these tests."""

from __future__ import annotations

import argparse
from dataclasses import replace

import numpy as np
import pytest

from presslens.text.hedging import (
    CUE_ADDITION_SETS,
    claim_cue_additions_s31,
    claim_cue_additions_s32,
    claim_cue_additions_s32_hearsay,
    claim_cue_candidates,
    claim_cue_candidates_s32,
    claim_cue_candidates_s32_hearsay,
    claim_cue_candidates_with,
    cue_class,
)
from presslens.training import realnews_claims as rc
from presslens.training.realnews_claims_screens import SCREENS, SHIPPED_SCREEN, TABLE_SHIPPED


def _added(text: str, name: str = "s32") -> list[str]:
    return [text[a:b] for a, b, _ in CUE_ADDITION_SETS[name](text, claim_cue_candidates(text))]


def test_s32_drops_the_must_be_form_and_keeps_the_other_s31_forms() -> None:
    # stop 31 took these obligations for an epistemic "must be"; s32 does not
    for text in ("Their verdict must be binding on every party.", "Peace must be a priority for the new cabinet.",
                 "The vote must be free and fair."):
        assert [text[a:b] for a, b, _ in claim_cue_additions_s31(text, claim_cue_candidates(text))] == ["must be"]
        assert _added(text) == [] and _added(text, "s32-hearsay") == []
    # the rest of stop 31's forms stay
    assert _added("Our poll of farmers suggests most of them oppose the dam.") == ["suggests"]
    assert _added("Nobody really knows how many boats left the harbour.") == ["Nobody really knows"]
    assert _added("Where the convoy went remains anyone's guess.") == ["remains anyone's guess"]
    # "must have" is the lexicon's own candidate, so no set adds it
    text = "The guards must have fled before dawn."
    assert [text[a:b] for a, b, _ in claim_cue_candidates(text)] == ["must"]
    assert _added(text) == [] and [text[a:b] for a, b, _ in claim_cue_candidates_s32(text)] == ["must"]


def test_s32_hearsay_adds_sourceless_reports_being_told_and_remains_to_be_seen() -> None:
    assert _added("There are also reports that the convoy turned back.", "s32-hearsay") == ["reports"]
    assert _added("There have been unconfirmed reports of shelling near the port.", "s32-hearsay") == ["reports"]
    assert _added("We are being told that the border will stay shut.", "s32-hearsay") == ["We are being told"]
    assert _added("Whether the ceasefire holds remains to be seen.", "s32-hearsay") == ["remains to be seen"]
    # near misses: reports with a source or as a subject, "told" without "that", a seen that is not an open question
    assert _added("Reports that the convoy turned back were denied.", "s32-hearsay") == []
    assert _added("The agency reports that the convoy turned back.", "s32-hearsay") == []
    assert _added("There are reports in the archive from 1990.", "s32-hearsay") == []
    assert _added("We are being told to stay indoors.", "s32-hearsay") == []
    assert _added("The damage remains to be repaired.", "s32-hearsay") == []
    # none of them is an s32 candidate
    assert _added("There are also reports that the convoy turned back.") == []


def test_added_candidates_get_a_class_and_never_overlap_the_lexicons() -> None:
    text = ("There are reports that the dam failed; our survey suggests it remains to be seen whether the "
            "town floods, and nobody really knows the cost, which must be high.")
    shipped = claim_cue_candidates(text)
    added = claim_cue_additions_s32_hearsay(text, shipped)
    assert [text[a:b] for a, b, _ in added] == ["reports", "suggests", "remains to be seen", "nobody really knows"]
    assert all(not (a < y and x < b) for a, b, _ in added for x, y, _ in shipped)
    assert all(not (a < y and x < b) for i, (a, b, _) in enumerate(added) for x, y, _ in added[i + 1:])
    classes = {text[a:b]: cue_class(text, a, b, k) for a, b, k in added}
    assert classes["remains to be seen"] == classes["nobody really knows"] == "uncertainty"
    assert classes["suggests"] == "evidence verb"
    assert [text[a:b] for a, b, _ in claim_cue_additions_s32(text, shipped)] == ["suggests", "nobody really knows"]
    assert claim_cue_candidates_s32_hearsay(text) == claim_cue_candidates_with("s32-hearsay")(text)


def test_the_screens_change_only_the_cue_scorers_candidates() -> None:
    assert SCREENS["guideline-s32"] == (claim_cue_candidates_s32, SHIPPED_SCREEN)
    assert SCREENS["guideline-s32-hearsay"] == (claim_cue_candidates_s32_hearsay, SHIPPED_SCREEN)
    assert {"guideline-s32", "guideline-s32-hearsay"} <= TABLE_SHIPPED  # claims cannot move


def test_the_trainer_takes_the_s32_sets_as_a_setting() -> None:
    parser = argparse.ArgumentParser()
    rc.add_arguments(parser)
    assert parser.parse_args(["--data", "x"]).cue_candidates == "lexicon"
    for name in ("s32", "s32-hearsay"):
        assert parser.parse_args(["--data", "x", "--cue-candidates", name]).cue_candidates == name
    with pytest.raises(SystemExit):
        parser.parse_args(["--data", "x", "--cue-candidates", "s33"])


def test_a_scorers_file_fitted_on_s32_hearsay_scores_its_candidates_and_claims_do_not_move(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from presslens.analyzers.claims.scorers import MODEL_FILE, load_scorers, score_sentences

    obj = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    path = tmp_path / "s32h.json"
    path.write_text(json.dumps({**obj, "cue_candidates": "s32-hearsay"}), encoding="utf-8")
    loaded = load_scorers(path)
    assert loaded.cue_candidates == "s32-hearsay"
    shipped = load_scorers()
    texts = ["There are also reports that the convoy turned back.", "Their verdict must be binding.",
             "The dam may fail."]
    emb = np.random.default_rng(32).normal(size=(3, 384)) / 20
    before = score_sentences(texts, [0.7, 0.6, 0.6], emb, [False] * 3, scorers=shipped)
    after = score_sentences(texts, [0.7, 0.6, 0.6], emb, [False] * 3, scorers=loaded)
    assert [texts[0][a:b] for a, b, _, _ in before.cues[0]] == []
    assert [texts[0][a:b] for a, b, _, _ in after.cues[0]] == ["reports"]
    assert after.cues[1] == []  # no "must be" candidate
    assert after.claim == pytest.approx(before.claim)
    assert after.hedge[2] == pytest.approx(before.hedge[2])
    s32 = replace(shipped, cue_candidates="s32")
    assert score_sentences(texts, [0.7, 0.6, 0.6], emb, [False] * 3, scorers=s32).cues[0] == []


def test_the_name32_reading_takes_may_before_a_finite_verb_for_the_name() -> None:
    from presslens.text.hedging import cue_readings, readings_vetoing_s29, vetoed_claim_cue_s29

    assert cue_readings("name32") == ("name32",)

    def reading(text: str, readings: tuple[str, ...]) -> str | None:
        return vetoed_claim_cue_s29(text, 0, 3, readings)

    for text in ("May arrives in Brussels for talks on Thursday.", "May did win a vote on the deal.",
                 "May does not have a majority.", "May insists the deal is the best on offer."):
        assert reading(text, ("name",)) is None and reading(text, ("name32",)) == "name32"
    # what "name" reads, "name32" reads too
    assert reading("May said the talks would resume.", ("name32",)) == "name32"
    assert reading("May said the talks would resume.", ("name",)) == "name"
    assert readings_vetoing_s29("May said the talks would resume.", 0, 3) == ("name", "name32")
    # near misses: a modal before a bare verb (also one ending in -ss), "May his", a lower-case modal
    for text in ("May this be the last winter of the war.", "May his memory be a blessing.",
                 "May discuss the deal with her cabinet.", "May cross the border, the guards said."):
        assert reading(text, ("name32",)) is None
    assert vetoed_claim_cue_s29("Troops may arrives late.", 7, 10, ("name32",)) is None


def test_the_claims_option_takes_name32() -> None:
    from presslens.analyzers.claims.analyzer import ClaimsAnalyzer

    option = next(o for o in ClaimsAnalyzer.options if o.name == "cue_readings")
    assert "name32" in option.choices and option.default == "name"


def test_the_cue_candidate_set_names_agree_across_the_scorers_file_the_trainer_and_hedging() -> None:
    from presslens.analyzers.claims.scorers import CUE_CANDIDATE_SETS
    from presslens.text.hedging import claim_cue_additions_s31, claim_cue_candidates_s31, dedupe_cues

    parser = argparse.ArgumentParser()
    rc.add_arguments(parser)
    choices = next(a.choices for a in parser._actions if a.dest == "cue_candidates")
    assert CUE_CANDIDATE_SETS == ("", *CUE_ADDITION_SETS) and tuple(choices or ()) == ("lexicon", *CUE_ADDITION_SETS)
    # the screen guideline-s31's candidates are the trainer's --cue-candidates s31 ones
    text = "Our survey suggests the convoy left; it must be the largest since May."
    cues = claim_cue_candidates(text)
    assert claim_cue_candidates_s31(text) == claim_cue_candidates_with("s31")(text) == dedupe_cues(
        cues + claim_cue_additions_s31(text, cues))
    assert len(claim_cue_candidates_s31(text)) > len(cues)
