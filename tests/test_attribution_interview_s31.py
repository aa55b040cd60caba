"""Interview and transcript turns as candidates (stop 31, issue 13): the option ``attribution.interview_turns``.

GUIDELINE 8a ("Decided with dev13", "Decided with dev14"): each answer of a "Name: ..." interview is one cue-null
colon attribution; the interviewer's bare questions are none; a caption or credit line inside a turn ends it. The
rule only proposes candidates: the score decides, no score is set here. Our own invented texts, each with a near
miss.
"""

from __future__ import annotations

from presslens.analyzers.attribution.interview import (
    INTERVIEW_TURNS_CHOICES,
    INTERVIEW_TURNS_DEFAULT,
    interview_turns,
)

INTERVIEW = (
    "Harbour Talks: Fishing Quotas Will Hold, Says Ports Adviser\n"
    "\n"
    "Ports adviser Lena Ostrova spoke to Radio Kestrel about the new quotas.\n"
    "Radio Kestrel: Will the quotas survive the winter?\n"
    "Lena Ostrova: I think they will hold for at least two seasons.\n"
    "The fleets have already adjusted their routes.\n"
    "\u00a9 Photo / Harbour Desk Boats at the northern pier\n"
    "Nobody expected the ice this early.\n"
    "Radio Kestrel: Prices rose last month. Many skippers are angry about it.\n"
    "What happens next?\n"
    "Lena Ostrova: Prices follow the catch, and the catch is steady.\n"
)


def _said(text: str) -> list[tuple[str, str]]:
    out = []
    for a in interview_turns(text):
        assert a.source is not None and a.content is not None
        assert text[a.cue[0] : a.cue[1]] == ":"
        assert a.from_rules
        out.append((text[a.source[0] : a.source[1]], text[a.content[0] : a.content[1]]))
    return out


def test_the_option_is_off_by_default_until_it_passes() -> None:
    assert INTERVIEW_TURNS_CHOICES == ("off", "on")
    assert INTERVIEW_TURNS_DEFAULT == "off"


def test_each_answer_is_one_attribution_and_a_caption_line_ends_it() -> None:
    said = _said(INTERVIEW)
    assert ("Lena Ostrova", "I think they will hold for at least two seasons.\nThe fleets have already adjusted "
            "their routes.") in said
    assert ("Lena Ostrova", "Prices follow the catch, and the catch is steady.") in said
    # the line after the credit line is not part of the answer
    assert not any("ice this early" in content for _, content in said)


def test_a_question_only_turn_is_left_out_but_a_turn_that_also_states_is_kept() -> None:
    said = _said(INTERVIEW)
    assert not any(content.startswith("Will the quotas") for _, content in said)
    assert ("Radio Kestrel", "Prices rose last month. Many skippers are angry about it.\nWhat happens next?") in said


def test_the_title_line_and_a_single_labelled_line_are_no_turns() -> None:
    said = _said(INTERVIEW)
    assert not any(source.startswith("Harbour Talks") for source, _ in said)
    one = "Storm Report\n\nCoach Aldana: We trained indoors all week and the team is ready.\nThe match is on Sunday.\n"
    assert _said(one) == []  # one speaker line is no interview


def test_labels_are_not_speakers() -> None:
    text = (
        "Quota Notes\n\n"
        "READ MORE: Ports Adviser Says Quotas Will Hold For Two Seasons\n"
        "Photo: Boats at the northern pier after the storm last night\n"
        "Editor's note: This story was updated with the adviser's later remarks.\n"
    )
    assert _said(text) == []


def test_a_transcript_gives_one_attribution_per_speaker_line() -> None:
    text = (
        "Late Show Transcript\n\n"
        "Here is what was said on air:\n"
        "Host: So you will leave the party after all?\n"
        "Marren: Yes, and I will take my seat with me.\n"
        "Host: That will surprise a few people tonight.\n"
    )
    assert _said(text) == [("Marren", "Yes, and I will take my seat with me."),
                           ("Host", "That will surprise a few people tonight.")]


def test_the_judge_takes_the_trainers_penalties_instead_of_choosing_them_again() -> None:
    import numpy as np
    import pytest

    from presslens.training import attribution_scorer
    from presslens.training.attribution_scorer_judge import Rows, judge

    rng = np.random.default_rng(7)
    rows = Rows([], [], [], [], [], [], [], {}, [], [], [])
    for split in ("a", "b", "c"):
        rows.gold[split] = 20
        for i in range(20):
            right = bool(i % 2)
            rows.splits.append(split)
            rows.ids.append(f"{split}{i}")
            rows.inputs.append([0.8 if right else 0.3, 1.0, 0.0, 1.0, 0.0])
            rows.features.append([float(right) + rng.normal(0, 0.3) for _ in range(3)])
            rows.sane.append(True)
            rows.right.append(right)
            rows.matched.append([f"{split}{i}:0"] if right else [])

    def refuse(*_: object) -> float:
        raise AssertionError("the penalty was chosen again")

    mp = pytest.MonkeyPatch()
    mp.setattr(attribution_scorer, "choose_l2", refuse)
    try:
        folds = judge(rows, rows, {"a": 10.0, "b": 3.0, "c": 0.3})
        assert [(f.split, f.l2) for f in folds] == [("a", 10.0), ("b", 3.0), ("c", 0.3)]
        assert all(f.learned.predicted > 0 for f in folds)
        with pytest.raises(AssertionError, match="chosen again"):
            judge(rows, rows, {"a": 10.0})  # a split without a penalty: chosen as before
    finally:
        mp.undo()
