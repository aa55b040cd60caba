"""The claims option ``cue_readings`` (issue 13 s29, helper hedge17): readings GUIDELINE.md sections 5 and 8a fix a
priori, applied at decision time outside the learned scorers. Sentences written for these tests, with the near misses
each reading must leave alone."""

from __future__ import annotations

import numpy as np
import pytest

from presslens.analyzers.claims.scorers import score_sentences
from presslens.text.hedging import (
    HEDGE_CLASS_SCORES,
    READINGS_S29,
    claim_cue_additions_s29,
    claim_cue_candidates,
    cue_readings,
    vetoed_claim_cue_s29,
)
from presslens.training.realnews_claims import Dataset, SentenceRow, hedge_scores_with, refresh
from tests.test_claims_scorers import _zero_embedding_scorers


def _vetoes(sentence: str) -> list[tuple[str, str | None]]:
    return [(sentence[s:e], vetoed_claim_cue_s29(sentence, s, e)) for s, e, _ in claim_cue_candidates(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # permission (section 5: "members may vote")
        ("Visitors may not enter the site after dark.", [("may not", "permission")]),
        ("You may apply for the grant online until Friday.", [("may", "permission")]),
        ("Residents of the valley may lose power tonight.", [("may", None)]),  # a possibility
        ("You may be surprised by the size of the crowd.", [("may", None)]),
        # concessive "may" granting a fact (8a dev12)
        ("The majority of voters in the capital may have backed the treaty, but the provinces did not.",
         [("may", "concessive")]),
        ("The ferry company may be steaming ahead with the new route, but the harbour is closed.",
         [("may", "concessive")]),
        ("The talks may resume, but no date was set.", [("may", None)]),  # no "have" / "be": a possible event
        ("But the strike may have killed 12 people, officials said.", [("may", None)]),
        # a possibility only under a condition (8a dev12)
        ("If the council rejects the budget, there could be a much longer delay.", [("could", "conditional")]),
        ("If it comes to a second vote, the bill is very likely to fail.", [("likely", "conditional")]),
        ("The pier may be reopened in June, but only if the repairs pass inspection.", [("may", "conditional")]),
        ("Residents may lose power if the storm reaches the coast.", [("may", "conditional")]),
        ("The storm could reach the coast by Friday, forecasters said.", [("could", None)]),
        ("Talks could resume next week.", [("could", None)]),
        # the speaker's belief (8a dev12)
        ("It appears to me that the committee ignored the evidence.", [("It appears", "belief")]),
        ("It appears that the committee ignored the evidence.", [("It appears", None)]),
        ("The convoy appears to have turned back at the border.", [("appears to", None)]),
        # "May" + a finite verb opening a sentence: the name (read off dev12)
        ("May revealed in July that the talks had failed.", [("May", "name")]),
        ("Talks stalled in Brussels. May said she would return.", [("May", "name")]),
        ("May need more time, the minister said.", [("May", None)]),  # "need", not a past form
        ("May God protect the crews at sea.", [("May", None)]),
    ],
)
def test_vetoes(sentence: str, expected: list[tuple[str, str | None]]) -> None:
    assert _vetoes(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "added"),
    [
        ("There is a substantial likelihood that the charges will be dropped.", ["substantial likelihood"]),
        ("Officials see a good likelihood of a ceasefire by March.", ["good likelihood"]),
        ("The court ruled out any good likelihood of a retrial.", []),  # "rule out": no possibility
        ("The likelihood of rain is published every morning.", []),  # no modifier the guideline names
    ],
)
def test_likelihood_additions(sentence: str, added: list[str]) -> None:
    found = claim_cue_additions_s29(sentence, claim_cue_candidates(sentence))
    assert [sentence[a:b] for a, b, _ in found] == added
    assert all(name == "possibility" for _, _, name in found)
    assert claim_cue_additions_s29(sentence, claim_cue_candidates(sentence), ("belief",)) == []


def test_each_reading_alone_fires_only_its_own() -> None:
    sentence = "If the council rejects the budget, there could be a much longer delay."
    (s, e, _), = claim_cue_candidates(sentence)
    assert vetoed_claim_cue_s29(sentence, s, e, ("conditional",)) == "conditional"
    assert all(vetoed_claim_cue_s29(sentence, s, e, (r,)) is None for r in READINGS_S29 if r != "conditional")


def test_option_values() -> None:
    assert cue_readings("off") == ()
    assert cue_readings("s29") == READINGS_S29
    assert cue_readings("belief") == ("belief",)
    with pytest.raises(ValueError):
        cue_readings("s30")


def test_score_sentences_readings_veto_and_add_and_move_no_claim() -> None:
    texts = ["If the council rejects the budget, there could be a much longer delay.",
             "There is a substantial likelihood that the charges will be dropped.",
             "The depot may have been empty."]
    args = ([0.9, 0.9, 0.9], np.zeros((3, 384)), [False, False, False])
    default = score_sentences(texts, *args, scorers=_zero_embedding_scorers())
    readings = score_sentences(texts, *args, scorers=_zero_embedding_scorers(), readings=READINGS_S29)
    assert default.cues[0][0][3] > 0.0 and readings.cues[0][0][3] == 0.0 and readings.hedge[0] == 0.0
    assert default.hedge[1] == 0.0 and [(texts[1][a:b], q) for a, b, _, q in readings.added[1]] == [
        ("substantial likelihood", HEDGE_CLASS_SCORES["possibility"])]
    assert readings.hedge[2] == default.hedge[2] and readings.cues[2] == default.cues[2]
    assert readings.claim == default.claim  # the claim scorer's inputs do not change


def test_trainer_readings_follow_the_analyzer() -> None:
    text = "If the council rejects the budget, there could be a much longer delay."
    row = SentenceRow("dev", "1", 0, 1, text, 0.9, None, False, [0], [0])
    data = Dataset([row], np.zeros((1, 384)))
    refresh(data)
    assert [(text[c.start:c.end], c.vetoed29) for c in row.candidates] == [("could", ("conditional",))]
    scorer = _zero_embedding_scorers().hedge_cue
    assert hedge_scores_with(scorer, data)[0] > 0.0
    assert hedge_scores_with(scorer, data, readings=("conditional",)) == [0.0]
    assert hedge_scores_with(scorer, data, readings=("belief",)) == hedge_scores_with(scorer, data)
    model = score_sentences([text], [0.9], np.zeros((1, 384)), [False], scorers=_zero_embedding_scorers(),
                            readings=("conditional",))
    assert model.hedge == hedge_scores_with(scorer, data, readings=("conditional",))


def test_trainer_keeps_every_reading_that_vetoes_a_candidate() -> None:
    # permission and conditional both veto this "may": a screen of either reading alone must veto it, as the
    # analyzer with that reading alone does (the trainer once kept only the first reading that fired)
    text = "Visitors may enter the park if they pay a fee at the gate."
    row = SentenceRow("dev", "1", 0, 1, text, 0.9, None, False, [0], [0])
    data = Dataset([row], np.zeros((1, 384)))
    refresh(data)
    (candidate,) = [c for c in row.candidates if text[c.start:c.end] == "may"]
    assert candidate.vetoed29 == ("permission", "conditional")
    scorer = _zero_embedding_scorers().hedge_cue
    for reading in ("permission", "conditional"):
        model = score_sentences([text], [0.9], np.zeros((1, 384)), [False], scorers=_zero_embedding_scorers(),
                                readings=(reading,))
        assert hedge_scores_with(scorer, data, readings=(reading,)) == model.hedge == [0.0]
    assert hedge_scores_with(scorer, data, readings=("belief",))[0] > 0.0


def test_analyzer_option_and_screens() -> None:
    from presslens.analyzers.claims.analyzer import ClaimsAnalyzer
    from presslens.training.realnews_claims_screens import SCREENS

    option = {o.name: o for o in ClaimsAnalyzer.options}["cue_readings"]
    # s32 adds the readings name32 (helper hedge22) and forms32 (helper hedge23) and the value name+forms32, none
    # part of "s29"
    # s33 adds the reading filters33 and the value name+filters33 (helper hedges)
    assert option.default == "name" and set(option.choices) == {"off", "s29", *READINGS_S29, "name32", "forms32",
                                                                "name+forms32", "filters33", "name+filters33"}
    candidates, options = SCREENS["readings"]
    assert candidates is None and options.cue_readings == READINGS_S29 and options.cue_context == "genre"
    assert SCREENS["reading-belief"][1].cue_readings == ("belief",)


def test_analyzer_option_adds_a_likelihood_cue_and_moves_no_claim_score() -> None:
    from presslens import read_article
    from presslens.pipeline import Pipeline, PipelineConfig

    text = ("Port inquiry\n\nProsecutors in Tamsa said on Monday there is a substantial likelihood that the former "
            "harbour master laundered 4 million dollars through the port authority.")

    def claims(options: dict[str, str]) -> list[tuple[float, float, list[str]]]:
        report = Pipeline(PipelineConfig(only=("claims",), options=options)).run(read_article(text))
        return [(f.score, float(f.attributes["hedge_score"]), [c["text"] for c in f.attributes["hedge_cues"]])
                for f in report.findings if f.kind == "claim"]

    default, readings = claims({}), claims({"claims.cue_readings": "s29"})
    assert [s for s, *_ in default] == [s for s, *_ in readings]  # the claim scores do not move
    assert not any("substantial likelihood" in cues for *_, cues in default)
    assert any(cues == ["substantial likelihood"] and h == min(s, HEDGE_CLASS_SCORES["possibility"])
               for s, h, cues in readings)
