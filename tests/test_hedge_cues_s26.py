"""The claims option ``cue_candidates=s26`` (issue 13 s26): hedge cues added and vetoed at decision time, outside
the learned scorers (data/realnews/GUIDELINE.md section 5). Sentences written for these tests, with the near misses
the guideline excludes."""

from __future__ import annotations

import numpy as np
import pytest

from presslens.analyzers.claims.scorers import score_sentences
from presslens.text.hedging import (
    HEDGE_CLASS_SCORES,
    claim_cue_additions,
    claim_cue_candidates,
    vetoed_claim_cue_s26,
)
from presslens.training.realnews_claims import Dataset, SentenceRow, hedge_scores_with, refresh
from tests.test_claims_scorers import _zero_embedding_scorers


def _added(sentence: str) -> list[tuple[str, str]]:
    return [(sentence[a:b], name) for a, b, name in claim_cue_additions(sentence, claim_cue_candidates(sentence))]


@pytest.mark.parametrize(
    ("sentence", "added"),
    [
        # possibility / likelihood that
        ("There is a real possibility that the ferry sank with forty people on board.",
         [("real possibility", "possibility")]),
        ("Despite the likelihood that the mayor knew of the deal, no charges were filed.",
         [("likelihood", "possibility")]),
        ("Investigators ruled out the possibility that the fire was set on purpose.", []),
        ("The chief denied the possibility that guards had taken bribes.", []),
        ("The possibility of a strike worries the port.", []),  # no "that": a topic
        # an open question
        ("It's unclear at what time the guards left the depot.", [("unclear", "uncertainty")]),
        ("It's not known yet whether the second driver survived the crash.", [("not known yet", "uncertainty")]),
        ("Whether the council pays the fine remains to be seen.", [("remains to be seen", "uncertainty")]),
        ("It is yet to be determined whether the dam was inspected.", [("yet to be determined", "uncertainty")]),
        ("It is hard to tell if the photos were taken in March.", [("hard to tell", "uncertainty")]),
        ("The rules were unclear to many voters.", []),
        ("Unknown gunmen shot two guards at the gate.", []),
        ("It is hard to tell the twins apart.", [("hard to tell", "uncertainty")]),  # the pattern's known over-reach
        # sourceless "considered"
        ("Fruit bats are considered the main carriers of the virus.", [("are considered", "hearsay")]),
        ("The flood is widely considered the worst in a century.", [("is widely considered", "hearsay")]),
        ("The bill was considered by the upper house on Monday.", []),
        ("The plan was considered and rejected in 2015.", []),
        ("The request was considered, then refused.", []),
        # "is accused of" with an adverb
        ("The bishop has been credibly accused of hiding the abuse for years.",
         [("been credibly accused of", "hearsay")]),
        ("The clerk was falsely accused of stealing the ledgers.", []),
        # "looks like / looks to be"
        ("It also looks like the ledger was altered after the audit.", [("It also looks like", "seem/appear")]),
        ("Video shows what looks to be a second boat near the pier.", [("what looks to be", "seem/appear")]),
        ("The new hall looks like a barn.", []),
    ],
)
def test_additions(sentence: str, added: list[tuple[str, str]]) -> None:
    assert _added(sentence) == added


def test_additions_never_overlap_a_candidate_and_come_sorted() -> None:
    sentence = "It is unclear whether the ferry sank, and there is a possibility that it was hijacked."
    cands = claim_cue_candidates(sentence)
    added = claim_cue_additions(sentence, cands)
    assert added == sorted(added)
    assert all(not (a < y and x < b) for a, b, _ in added for x, y, _ in cands)
    assert "possibility" in [sentence[a:b] for a, b, _ in added]
    assert all(name in HEDGE_CLASS_SCORES for _, _, name in added)


@pytest.mark.parametrize(
    ("sentence", "vetoed"),
    [
        ("Smoke could be seen from the harbour wall for hours.", ["could"]),  # perception
        ("The shots could be heard across the valley.", ["could"]),
        ("The visit could be seen as a snub to the governor.", ["could"]),  # an interpretation
        ("Talks could be resumed next week.", []),  # a possible future event: a cue
        ("The river could flood the lower town by Friday.", []),
        ("A memo allegedly written by the treasurer was shown to the court.", ["allegedly"]),  # a label
        ("Police found the allegedly stolen van in a barn.", ["allegedly"]),
        ("The treasurer allegedly wrote the memo in May.", []),  # the claim itself
        ("He was allegedly beaten by guards in the cell.", []),
        ("The guard allegedly fled to the coast.", []),
        ("This allegedly happened during the same week in 2016.", []),  # "this" as the subject
    ],
)
def test_vetoes(sentence: str, vetoed: list[str]) -> None:
    cands = claim_cue_candidates(sentence)
    assert cands
    assert [sentence[s:e] for s, e, _ in cands if vetoed_claim_cue_s26(sentence, s, e)] == vetoed


def test_score_sentences_option_adds_and_vetoes_and_moves_nothing_else() -> None:
    texts = ["Fruit bats are considered the main carriers of the virus.",
             "Smoke could be seen from the harbour wall for hours.",
             "The depot may have been empty."]
    args = ([0.9, 0.9, 0.9], np.zeros((3, 384)), [False, False, False])
    default = score_sentences(texts, *args, scorers=_zero_embedding_scorers())
    s26 = score_sentences(texts, *args, scorers=_zero_embedding_scorers(), s26_rules=True)
    assert default.hedge[0] == 0.0 and default.added == [[], [], []]
    assert [(texts[0][a:b], q) for a, b, _, q in s26.added[0]] == [("are considered", HEDGE_CLASS_SCORES["hearsay"])]
    assert s26.hedge[0] == HEDGE_CLASS_SCORES["hearsay"] and s26.cues[0] == []
    assert default.cues[1][0][3] > 0.0 and s26.cues[1][0][3] == 0.0 and s26.hedge[1] == 0.0
    assert s26.cues[2] == default.cues[2] and s26.hedge[2] == default.hedge[2]
    assert s26.claim == default.claim  # the claim scorer's inputs do not change


def test_analyzer_option_hedges_a_sourceless_considered_claim() -> None:
    from presslens import read_article
    from presslens.pipeline import Pipeline, PipelineConfig

    text = ("Harbour fever\n\nFruit bats are considered the main carriers of the fever that killed 40 people in the "
            "port city of Tamsa last year.")

    def claims(options: dict[str, str]) -> list[tuple[float, bool, list[str]]]:
        report = Pipeline(PipelineConfig(only=("claims",), options=options)).run(read_article(text))
        return [(f.score, bool(f.attributes["hedged"]), [c["text"] for c in f.attributes["hedge_cues"]])
                for f in report.findings if f.kind == "claim"]

    default, s26 = claims({}), claims({"claims.cue_candidates": "s26"})
    assert [s for s, *_ in default] == [s for s, *_ in s26]  # the claim scores do not move
    assert not any(h for _, h, _ in default)
    assert any(h and cues == ["are considered"] for _, h, cues in s26)


def test_trainer_s26_rules_follow_the_analyzer() -> None:
    text = "Fruit bats are considered the main carriers of the virus, and smoke could be seen for hours."
    row = SentenceRow("dev", "1", 0, 1, text, 0.9, None, False, [0], [0])
    data = Dataset([row], np.zeros((1, 384)))
    refresh(data)
    assert [text[c.start:c.end] for c in row.candidates if c.vetoed26] == ["could"]
    scorer = _zero_embedding_scorers().hedge_cue
    assert hedge_scores_with(scorer, data, s26=True) == [HEDGE_CLASS_SCORES["hearsay"]]
    model = score_sentences([text], [0.9], np.zeros((1, 384)), [False], scorers=_zero_embedding_scorers(),
                            s26_rules=True)
    assert model.hedge == hedge_scores_with(scorer, data, s26=True)


def test_screens_hold_the_option_and_its_trained_form() -> None:
    from presslens.training.realnews_claims_screens import SCREENS

    assert SCREENS["s26"][0] is None and SCREENS["s26"][1].cue_s26  # decision time: the shipped candidates
    trained, options = SCREENS["s26-trained"]
    assert trained is not None and not options.cue_s26
    text = "Fruit bats are considered the main carriers of the virus, and smoke could be seen for hours."
    assert [text[a:b] for a, b, _ in claim_cue_candidates(text)] == ["could"]
    assert [text[a:b] for a, b, _ in trained(text, False)] == ["are considered"]  # "could" dropped, the cue added


def test_table_shipped_keeps_the_claim_features_of_the_shipped_candidates() -> None:
    from presslens.training.realnews_claims_screens import SCREENS, TABLE_SHIPPED

    trained, _ = SCREENS["s26-trained-cue"]
    assert "s26-trained-cue" in TABLE_SHIPPED and trained is not None
    text = "Fruit bats are considered the main carriers of the virus, and smoke could be seen for hours."

    def fresh() -> Dataset:
        return Dataset([SentenceRow("dev", "1", 0, 1, text, 0.9, None, False, [0], [0])], np.zeros((1, 384)))

    shipped, moved, kept = fresh(), fresh(), fresh()
    refresh(shipped)
    refresh(moved, candidates=trained)
    refresh(kept, candidates=trained, table_shipped=True)
    assert [text[c.start:c.end] for c in kept.rows[0].candidates] == ["are considered"]  # the cue scorer's rows
    assert kept.rows[0].features == shipped.rows[0].features  # the claim scorer's inputs
    assert moved.rows[0].features != shipped.rows[0].features  # "could" (modal 0.70) -> "considered" (0.85)
