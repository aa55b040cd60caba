"""The claims option ``cue_candidates=s27`` (issue 13 s27, helper hedge14): hedge cues added and vetoed at decision
time, outside the learned scorers (data/realnews/GUIDELINE.md sections 5 and 8a). Sentences written for these tests,
with the near misses the guideline excludes."""

from __future__ import annotations

import numpy as np
import pytest

from presslens.analyzers.claims.scorers import score_sentences
from presslens.text.hedging import (
    HEDGE_CLASS_SCORES,
    claim_cue_additions_s27,
    claim_cue_candidates,
    vetoed_claim_cue_s27,
)
from presslens.training.realnews_claims import Dataset, SentenceRow, hedge_scores_with, refresh
from tests.test_claims_scorers import _zero_embedding_scorers


def _added(sentence: str) -> list[tuple[str, str]]:
    return [(sentence[a:b], name) for a, b, name in claim_cue_additions_s27(sentence, claim_cue_candidates(sentence))]


@pytest.mark.parametrize(
    ("sentence", "added"),
    [
        # "appearing to" + a verb: the participle of "appears to"
        ("A video of the mayor appearing to push a reporter has surfaced.", [("appearing to", "seem/appear")]),
        ("A photo shows the minister appearing to be asleep during the vote.", [("appearing to", "seem/appear")]),
        ("The minister was appearing to the committee for the third time.", []),  # showing up
        ("He is appearing to the court on Monday.", []),
        # graded "look like"
        ("The fire is starting to look more and more like arson.", [("look more and more like", "seem/appear")]),
        ("The leak is beginning to look like an inside job.", [("look like", "seem/appear")]),
        ("The deal looks increasingly like a bailout.", [("looks increasingly like", "seem/appear")]),
        ("Nobody knows what the new bridge will look like.", []),  # literal
        ("The new hall looks like a barn.", []),
        # an open question
        ("The cause of the blackout remains unresolved.", [("remains unresolved", "uncertainty")]),
        ("The gunman's motive remains a mystery.", [("remains a mystery", "uncertainty")]),
        ("Just when he learned of the meeting remains murky.", [("remains murky", "uncertainty")]),
        ("Whether the council pays the fine remains to be seen.", [("remains to be seen", "uncertainty")]),
        ("It's unclear at what time the guards left the depot.", [("unclear", "uncertainty")]),
        ("The mayor remains in office.", []),
        ("The case remains open to appeal.", []),
        ("The mystery novel sold a million copies.", []),
        # "amid fears / suspicions"
        ("The embassy sent staff home amid fears of a sonic attack.", [("amid fears", "hearsay")]),
        ("Talks were held amid mounting speculation that the reporter was killed.",
         [("amid mounting speculation", "hearsay")]),
        ("Talks were held amid growing suspicions that the reporter was killed.", []),  # a candidate already
        ("The minister spoke of his fears for the harvest.", []),
        ("Prices fell amid a glut of grain.", []),
    ],
)
def test_additions(sentence: str, added: list[tuple[str, str]]) -> None:
    assert _added(sentence) == added


def test_additions_never_overlap_a_candidate_and_come_sorted() -> None:
    sentence = "The motive remains a mystery, and it is unclear whether the driver was appearing to flee."
    cands = claim_cue_candidates(sentence)
    added = claim_cue_additions_s27(sentence, cands)
    assert added == sorted(added)
    assert all(not (a < y and x < b) for a, b, _ in added for x, y, _ in cands)
    assert {"remains a mystery", "appearing to"} <= {sentence[a:b] for a, b, _ in added}
    assert all(name in HEDGE_CLASS_SCORES for _, _, name in added)


@pytest.mark.parametrize(
    ("sentence", "vetoed"),
    [
        ("He asked that the man be held longer so he could be deported.", ["could"]),  # purpose
        ("The guards bought a boat so they could reach the island.", ["could"]),
        ("The dam is old, so it could fail in the next storm.", []),  # a result: a possible event, a cue
        ("The dam is old; so it could fail in the next storm.", []),
        ("Smoke could be seen from the harbour wall for hours.", ["could"]),  # s26: perception
        ("A memo allegedly written by the treasurer was shown to the court.", ["allegedly"]),  # s26: a label
        ("The river could flood the lower town by Friday.", []),
        ("The treasurer allegedly wrote the memo in May.", []),
    ],
)
def test_vetoes(sentence: str, vetoed: list[str]) -> None:
    cands = claim_cue_candidates(sentence)
    assert cands
    assert [sentence[s:e] for s, e, _ in cands if vetoed_claim_cue_s27(sentence, s, e)] == vetoed


def test_score_sentences_option_adds_and_vetoes_and_moves_nothing_else() -> None:
    texts = ["The cause of the blackout remains unresolved.",
             "He asked that the man be held longer so he could be deported.",
             "The depot may have been empty."]
    args = ([0.9, 0.9, 0.9], np.zeros((3, 384)), [False, False, False])
    default = score_sentences(texts, *args, scorers=_zero_embedding_scorers())
    s27 = score_sentences(texts, *args, scorers=_zero_embedding_scorers(), s27_rules=True)
    assert default.hedge[0] == 0.0 and default.added == [[], [], []]
    assert [(texts[0][a:b], q) for a, b, _, q in s27.added[0]] == [
        ("remains unresolved", HEDGE_CLASS_SCORES["uncertainty"])]
    assert s27.hedge[0] == HEDGE_CLASS_SCORES["uncertainty"] and s27.cues[0] == []
    assert default.cues[1][0][3] > 0.0 and s27.cues[1][0][3] == 0.0 and s27.hedge[1] == 0.0
    assert s27.cues[2] == default.cues[2] and s27.hedge[2] == default.hedge[2]
    assert s27.claim == default.claim  # the claim scorer's inputs do not change


def test_analyzer_option_hedges_an_open_question() -> None:
    from presslens import read_article
    from presslens.pipeline import Pipeline, PipelineConfig

    text = ("Harbour blackout\n\nThe cause of the blackout that cut power to 40,000 homes in the port city of Tamsa "
            "last week remains unresolved.")

    def claims(options: dict[str, str]) -> list[tuple[float, bool, list[str]]]:
        report = Pipeline(PipelineConfig(only=("claims",), options=options)).run(read_article(text))
        return [(f.score, bool(f.attributes["hedged"]), [c["text"] for c in f.attributes["hedge_cues"]])
                for f in report.findings if f.kind == "claim"]

    default, s27 = claims({}), claims({"claims.cue_candidates": "s27"})
    assert [s for s, *_ in default] == [s for s, *_ in s27]  # the claim scores do not move
    assert not any(h for _, h, _ in default)
    assert any(h and cues == ["remains unresolved"] for _, h, cues in s27)


def test_trainer_s27_rules_follow_the_analyzer() -> None:
    text = "The motive remains a mystery, and the man was held so he could be deported."
    row = SentenceRow("dev", "1", 0, 1, text, 0.9, None, False, [0], [0])
    data = Dataset([row], np.zeros((1, 384)))
    refresh(data)
    assert [text[c.start:c.end] for c in row.candidates if c.vetoed27] == ["could"]
    assert not any(c.vetoed26 for c in row.candidates)  # the purpose veto is s27's own
    scorer = _zero_embedding_scorers().hedge_cue
    assert hedge_scores_with(scorer, data, s27=True) == [HEDGE_CLASS_SCORES["uncertainty"]]
    model = score_sentences([text], [0.9], np.zeros((1, 384)), [False], scorers=_zero_embedding_scorers(),
                            s27_rules=True)
    assert model.hedge == hedge_scores_with(scorer, data, s27=True)


def test_screen_holds_the_option() -> None:
    from presslens.training.realnews_claims_screens import SCREENS

    candidates, options = SCREENS["s27"]
    assert candidates is None and options.cue_s27 and not options.cue_s26
