"""Stop 33 (helper hedges): the reading ``filters33`` of the claims option ``cue_readings`` ("could" and "likely"
that three adjudication filters of ``claim_cue_candidates`` drop beyond their rule, asserted at their class's fixed
score at decision time), its option value ``name+filters33`` and its screen. Sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from presslens.analyzers.claims.scorers import score_sentences
from presslens.text.hedging import (
    HEDGE_CLASS_SCORES,
    claim_cue_additions_filters33,
    claim_cue_additions_s29,
    claim_cue_candidates,
    cue_readings,
)
from tests.test_claims_scorers import _zero_embedding_scorers


def _added(text: str) -> list[tuple[str, str]]:
    return [(text[a:b], cls) for a, b, cls in claim_cue_additions_filters33(text, claim_cue_candidates(text))]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # generic capacity read from the clause's first word ("A"), while "which" / "she" is the modal's subject
        ("A coalition of aid groups plans to cut the fuel supply to the camps which could lead to a total blackout.",
         [("could", "modal")]),
        ("A new analysis by the monitors found she could lose the seat by 200 votes.", [("could", "modal")]),
        # "which" + a speech verb: the subject of a reported clause, not an object relative
        ("The delay, which the ministry warned could cost lives, was approved.", [("could", "modal")]),
        ("The shells landed at 9:50, which means the convoy could have been hit first.", [("could", "modal")]),
        # an intensified comparative: the predicate's likelihood
        ("The warnings make a second strike even more likely.", [("likely", "evidential adverb")]),
        ("In the north it is much more likely the militia will withdraw.", [("likely", "evidential adverb")]),
    ],
)
def test_listed_cues_the_narrowed_filters_keep(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert not claim_cue_candidates(sentence)  # the shipped filters drop them
    assert _added(sentence) == expected
    assert all(HEDGE_CLASS_SCORES[cls] >= 0.5 for _, cls in expected)


@pytest.mark.parametrize(
    "sentence",
    [
        # generic capacity with a generic subject right before the modal stays no cue
        "Anyone who touches the water could catch the fever.",
        "Even a mediocre lawyer could shatter that alibi.",
        "Anyone coming close to the body of a victim could catch the infection.",
        # an object relative ("which he could afford") and "before / until" of time stay ability
        "It was the only car which he could afford.",
        "She waited until the guards could no longer see her.",
        # a plain comparative adjective stays a label
        "He is the more likely winner of the vote.",
    ],
)
def test_near_misses_get_no_cue(sentence: str) -> None:
    assert _added(sentence) == []


def test_no_addition_overlaps_a_lexicon_candidate() -> None:
    text = "The fighting could spread to the capital."
    assert claim_cue_candidates(text)
    assert _added(text) == []


def test_option_values_and_readings() -> None:
    from presslens.analyzers.claims.analyzer import ClaimsAnalyzer

    assert cue_readings("name+filters33") == ("name", "filters33")
    assert cue_readings("filters33") == ("filters33",)
    option = next(o for o in ClaimsAnalyzer.options if o.name == "cue_readings")
    assert {"filters33", "name+filters33"} <= set(option.choices) and option.default == "name"
    text = "The warnings make a second strike even more likely."
    existing = claim_cue_candidates(text)
    assert claim_cue_additions_s29(text, existing, ("name",)) == []
    assert claim_cue_additions_s29(text, existing, ("name", "filters33")) == claim_cue_additions_filters33(text, existing)
    # with forms32 too, both sets are added
    both = "The warnings make a second strike even more likely, and whether talks resume remains to be seen."
    got = claim_cue_additions_s29(both, claim_cue_candidates(both), ("forms32", "filters33"))
    assert [(both[a:b], k) for a, b, k in got] == [("likely", "evidential adverb"),
                                                   ("remains to be seen", "uncertainty")]


def test_score_sentences_adds_the_fixed_score_and_moves_no_claim() -> None:
    texts = ["The delay, which the ministry warned could cost lives, was approved.",
             "It was the only car which he could afford.",
             "The warnings make a second strike even more likely."]
    args = ([0.8, 0.7, 0.6], np.zeros((3, 384)), [False] * 3)
    default = score_sentences(texts, *args, scorers=_zero_embedding_scorers(), readings=("name",))
    narrowed = score_sentences(texts, *args, scorers=_zero_embedding_scorers(), readings=("name", "filters33"))
    assert default.claim == narrowed.claim  # the claim scorer's inputs do not change
    assert default.cues == narrowed.cues  # nor the scored lexicon candidates
    assert [[(texts[i][a:b], q) for a, b, _, q in added] for i, added in enumerate(narrowed.added)] == [
        [("could", HEDGE_CLASS_SCORES["modal"])],
        [],
        [("likely", HEDGE_CLASS_SCORES["evidential adverb"])],
    ]
    assert narrowed.hedge[1] == default.hedge[1]


def test_screen() -> None:
    from presslens.training.realnews_claims_screens import SCREENS, SHIPPED_SCREEN

    candidates, options = SCREENS["filters33"]
    assert candidates is None
    assert options.cue_readings == (*SHIPPED_SCREEN.cue_readings, "filters33")


def test_hedge_causes_split_no_candidate_into_filtered_and_unlisted(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from presslens.training import realnews_claims as rc
    from presslens.training.realnews_claims_screens import LOSS_CAUSES, hedge_causes
    from tests.hedge_fixtures import hedge_dataset

    texts = ["The bridge may have been hit twice.",
             "The funds which the ministry warned could run out were spent.",
             "The cause of the blast remains a mystery.",
             "The convoy could reach the town by noon.",
             "Perhaps 3,000 people fled the town."]
    assert not claim_cue_candidates(texts[1]) and not claim_cue_candidates(texts[2])
    data = hedge_dataset(texts, ("may", "could", "mystery", "Perhaps"), lambda k, i: i != 3, 7)
    for r in data.rows:  # gold hedge i of its article is the unit's own (the fixture gives them all hedge 0)
        r.gold_hedges = [r.index] if r.gold_hedges else []
    monkeypatch.setattr(rc, "SPLITS", ("dev", "dev2", "dev3"))
    for k, split in enumerate(rc.SPLITS):
        rec = {"id": f"a{k}", "hedges": [{"claim": [0, 10], "cues": []}] * 5}
        (tmp_path / f"{split}.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    causes = hedge_causes(data, "shipped", tmp_path)
    lost = causes["lost"]
    # per split: five gold hedges, four matched by their units (rows 0, 1, 2, 4), hedge 3 by none: (d)
    assert sum(lost.values()) == 15 and lost[LOSS_CAUSES[4]] == 3
    assert lost["a1: listed cue dropped by a filter"] == 3 and causes["a1 cues"] == {"could": 3}
    assert lost["a2: no lexicon match"] == 3
    assert sum(causes["right"].values()) + sum(causes["wrong"].values()) > 0
