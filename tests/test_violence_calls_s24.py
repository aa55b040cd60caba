"""Violence analyzer 1.11 (issue 13, stop 24): a group's name is no imperative, an expectation put as an imperative
is no call, and the call scorer is fitted on the seven open splits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from presslens.analyzers.violence.vetoes import call_to_action_veto, has_call_cue, has_imperative

MODEL_DIR = Path(__file__).resolve().parents[1] / "src" / "presslens" / "models" / "violence"


@pytest.mark.parametrize("sentence", [
    "So to that end, Gun Owners of America has released the recent voting records of your congressman.",
    "Stop Funding Hate said it would write to the advertisers again.",
    "Save the Children has asked donors for another round of help.",
    "Move On Political Action will hold its vote next week.",
])
def test_a_group_name_before_a_finite_verb_is_no_imperative(sentence: str) -> None:
    # the name is the subject of a statement, its first word no order to the reader
    assert not has_imperative(sentence)
    assert call_to_action_veto(sentence) in ("no_call_cue", "another_voice")


@pytest.mark.parametrize("sentence", [
    "Tell Congress to act now.",
    "Call Your Senator today and ask for a vote.",
    "Join Women for Trump and vote in November.",
    "Sign the Petition to Stop the Synod Here.",
    "Call Congress and tell them: vote no.",
])
def test_an_imperative_before_a_name_stays_an_imperative(sentence: str) -> None:
    assert has_imperative(sentence)
    assert call_to_action_veto(sentence) is None


@pytest.mark.parametrize("sentence", [
    "Don't expect it to condemn the congressman's comments.",
    "Do not expect the board to change course before the vote.",
    "Don't hold your breath for an apology from the mayor.",
    "Don't count on the council to release the report.",
    "Don't be surprised if the agency quietly drops the case.",
])
def test_an_expectation_put_as_an_imperative_is_no_call(sentence: str) -> None:
    # the writer's forecast, not an act asked of the reader
    assert has_call_cue(sentence)
    assert call_to_action_veto(sentence) == "discourse_imperative"


@pytest.mark.parametrize("sentence", [
    "Don't expect anyone else to do it: call your senator today.",
    "Don't let them win; vote on Tuesday.",
    "Don't sign the petition until you read it.",
])
def test_a_call_next_to_an_expectation_stays_a_call(sentence: str) -> None:
    assert call_to_action_veto(sentence) is None


def test_call_scorer_is_fitted_on_every_open_split() -> None:
    from presslens.evaluation.realnews_selection import OPEN_SPLITS

    data = json.loads((MODEL_DIR / "calls.json").read_text(encoding="utf-8"))
    assert set(OPEN_SPLITS) <= set(data["rows"])
    for setting in ("default", "with_both"):
        assert set(OPEN_SPLITS) | {"pooled"} == set(data["leave_one_split_out"][setting])
