"""Stop 32 (helper hedge23): the reading ``forms32`` of the claims option ``cue_readings`` (cue forms GUIDELINE.md
names without a lexicon candidate, asserted at their class's fixed score at decision time), its option value
``name+forms32``, its screen and its counts. Sentences written for these tests."""

from __future__ import annotations

import numpy as np
import pytest

from presslens.analyzers.claims.scorers import score_sentences
from presslens.text.hedging import (
    FORMS32,
    HEDGE_CLASS_SCORES,
    claim_cue_additions_forms32,
    claim_cue_additions_s29,
    claim_cue_candidates,
    cue_readings,
    forms32_additions,
)
from tests.test_claims_scorers import _zero_embedding_scorers


def _added(text: str) -> list[tuple[str, str]]:
    return [(text[a:b], form) for a, b, _, form in forms32_additions(text, claim_cue_candidates(text))]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # 8a dev15: "impossible to say whether" (like "unclear whether")
        ("Aid workers found it impossible to say whether the convoy had crossed.",
         [("impossible to say", "impossible to say")]),
        # 8a dev14
        ("Nobody really knows how many boats left the harbour that night.",
         [("Nobody really knows", "no one really knows")]),
        ("Whether the truce lasts remains anyone's guess.", [("remains anyone's guess", "anyone's guess")]),
        # 8a dev9
        ("Whether the militia will disarm remains to be seen.", [("remains to be seen", "remains to be seen")]),
        # section 5 / 8a dev14: evidence, not speech
        ("A survey of farmers in the valley suggested most had lost their harvest.",
         [("suggested", "evidence suggests")]),
        ("The casualty figures from the clinic indicated the strike hit a school.",
         [("indicated", "evidence suggests")]),
        # 8a dev15: a sourceless nominal fear
        ("The shelling has led to fears that the dam would give way.", [("fears", "sourceless fears")]),
        ("There are growing fears that the port will close.", [("fears", "sourceless fears")]),
    ],
)
def test_forms_the_guideline_names_get_a_cue(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert _added(sentence) == expected
    assert all(form in FORMS32 for _, form in expected)


@pytest.mark.parametrize(
    "sentence",
    [
        # near misses: no open question after "impossible to say"
        "The crowd was so loud it was impossible to say that louder.",
        "It was impossible to say goodbye to the village.",
        # "suggested" by a person is a speech verb (= proposed), not evidence
        "The minister suggested that the talks resume on Monday.",
        "Colonel Adeyemi suggested a ceasefire at dawn.",
        # a report's "suggest" is a vague source's speech (section 2), not evidence
        "Several news reports suggested the general had fled.",
        # a fear with a named holder is a belief: its inner cue counts, not "fears"
        "The farmers' fears that the river would flood came true.",
        "Residents voiced their fears that the dam would fail.",
        "The firms fear that chaos will follow a hard exit.",
        '"We have real fears that the dam will fail," the mayor said.',
        # plain "no one knows" (8a dev14 keeps the writer's "no one knows what is going to happen" unhedged)
        "No one knows what is going to happen next week.",
        # "anyone's" without "guess"
        "The square is open to anyone's visit.",
    ],
)
def test_near_misses_get_no_cue(sentence: str) -> None:
    assert _added(sentence) == []


def test_a_quoted_fear_without_a_holder_counts_too() -> None:
    # GUIDELINE.md section 5: a cue counts inside quoted speech as well as in the writer's own words
    quoted = '"The attack has sparked fears that the border will close," the mayor said.'
    assert _added(quoted) == [("fears", "sourceless fears")]
    assert _added("The attack has sparked fears that the border will close.") == [("fears", "sourceless fears")]


def test_no_addition_overlaps_a_lexicon_candidate() -> None:
    # "images indicate" is a lexicon candidate (evidence noun right before the verb): nothing is added
    assert claim_cue_candidates("The satellite images indicate the bridge was struck twice.")
    assert _added("The satellite images indicate the bridge was struck twice.") == []
    # "It is impossible to say" is a lexicon candidate: the scorer's judgement of it is kept, nothing is added
    text = "It is impossible to say whether the convoy had crossed."
    assert claim_cue_candidates(text)
    assert _added(text) == []


def test_option_values_and_readings() -> None:
    from presslens.analyzers.claims.analyzer import ClaimsAnalyzer

    assert cue_readings("name+forms32") == ("name", "forms32")
    assert cue_readings("forms32") == ("forms32",)
    option = next(o for o in ClaimsAnalyzer.options if o.name == "cue_readings")
    assert "name+forms32" in option.choices and option.default == "name"
    text = "Whether the militia will disarm remains to be seen."
    existing = claim_cue_candidates(text)
    assert claim_cue_additions_s29(text, existing, ("name",)) == []
    assert claim_cue_additions_s29(text, existing, ("name", "forms32")) == claim_cue_additions_forms32(text, existing)
    # with "likelihood" too, both sets are added and none overlaps
    both = "There is a substantial likelihood that talks resume, but whether they succeed remains to be seen."
    got = claim_cue_additions_s29(both, claim_cue_candidates(both), ("likelihood", "forms32"))
    assert [(both[a:b], k) for a, b, k in got] == [("substantial likelihood", "possibility"),
                                                   ("remains to be seen", "uncertainty")]


def test_score_sentences_adds_the_fixed_score_and_moves_no_claim() -> None:
    texts = ["Whether the militia will disarm remains to be seen.",
             "A survey of farmers in the valley suggested most had lost their harvest.",
             "The minister suggested that the talks resume on Monday."]
    args = ([0.8, 0.7, 0.6], np.zeros((3, 384)), [False] * 3)
    default = score_sentences(texts, *args, scorers=_zero_embedding_scorers(), readings=("name",))
    forms = score_sentences(texts, *args, scorers=_zero_embedding_scorers(), readings=("name", "forms32"))
    assert default.claim == forms.claim  # the claim scorer's inputs do not change
    assert default.cues == forms.cues  # nor the scored lexicon candidates
    assert [[(texts[i][a:b], q) for a, b, _, q in added] for i, added in enumerate(forms.added)] == [
        [("remains to be seen", HEDGE_CLASS_SCORES["uncertainty"])],
        [("suggested", HEDGE_CLASS_SCORES["evidence verb"])],
        [],
    ]
    assert forms.hedge[0] == HEDGE_CLASS_SCORES["uncertainty"] and forms.hedge[1] >= HEDGE_CLASS_SCORES["evidence verb"]
    assert forms.hedge[2] == default.hedge[2]


def test_screen_and_counts() -> None:
    from presslens.training import realnews_claims as rc
    from presslens.training.realnews_claims_screens import SCREENS, SHIPPED_SCREEN, forms32_counts

    candidates, options = SCREENS["forms32"]
    assert candidates is None
    assert options.cue_readings == (*SHIPPED_SCREEN.cue_readings, "forms32")
    text = "Whether the militia will disarm remains to be seen."
    a = text.index("remains")
    rows = [
        rc.SentenceRow("dev9", "1", 0, 1, text, 0.8, None, False, [0], [0], [[a, a + len("remains to be seen")]]),
        rc.SentenceRow("dev10", "2", 0, 1, text, 0.8, None, False, [], [], []),
        rc.SentenceRow("dev10", "3", 0, 1, "The dam held.", 0.8, None, False, [], [], []),
    ]
    counts = forms32_counts(rc.Dataset(rows, np.zeros((3, 384))))
    assert counts == {("remains to be seen", "dev9"): (1, 0, 0), ("remains to be seen", "dev10"): (0, 0, 1)}


def test_analyzer_option_adds_the_cue_and_moves_no_claim_or_prediction() -> None:
    from presslens import read_article
    from presslens.pipeline import Pipeline, PipelineConfig

    text = ("Valley harvest\n\nA survey of 400 farmers in the Tamsa valley suggested that most of them lost half of "
            "their harvest to the shelling last spring. The ministry will publish its own figures next week.")

    def findings(options: dict[str, str]) -> list[tuple[str, float, list[str]]]:
        report = Pipeline(PipelineConfig(only=("claims",), options=options)).run(read_article(text))
        return [(f.kind, f.score, [c["text"] for c in f.attributes.get("hedge_cues", [])])
                for f in report.findings]

    default, forms = findings({}), findings({"claims.cue_readings": "name+forms32"})
    assert [(k, s) for k, s, _ in default] == [(k, s) for k, s, _ in forms]  # claim and prediction scores equal
    assert not any("suggested" in cues for *_, cues in default)
    assert any(k == "claim" and cues == ["suggested"] for k, _, cues in forms)
    assert [f for f in default if f[0] != "claim"] == [f for f in forms if f[0] != "claim"]
