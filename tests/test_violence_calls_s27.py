"""Calls to action, issue 13, stop 27 (pc13): the writer's hope that the reader will do an act ("If you agree, I hope
that you will support my campaign", a missed gold call of dev10) is a plea cue with the option
``violence.call_hope_pleas=on`` (the model card has the ship rule's verdict). Invented sentences of the same shape,
and guards that must stay no plea."""

from __future__ import annotations

import pytest

from presslens.analyzers.violence.calls import hope_pleas, plea_cue, plea_verb


@pytest.mark.parametrize("text", [
    "If you agree, I hope that you will support the harbour campaign on Monday.",
    "We trust all of you will sign the school petition this week.",
    "And I sincerely hope readers will write to their councillors.",
    "So we hope everyone will vote in the council election.",
])
def test_a_hope_that_the_reader_will_act_is_a_plea_with_the_option(text: str) -> None:
    assert not plea_verb(text)
    with hope_pleas():
        assert plea_verb(text) and plea_cue(text)


@pytest.mark.parametrize("text", [
    "Boy, I hope you never get it.",
    "I hope you will enjoy the rest of the festival.",
    "I hoped that you would vote for the plan.",
    "The mayor said he hopes you will support the plan.",
    "“I hope you will vote for me,” the candidate told the crowd.",
    "If I hope you will sign, I should explain why.",
])
def test_no_hope_plea_outside_the_writers_present_hope_for_an_act(text: str) -> None:
    with hope_pleas():
        assert not plea_verb(text)


def test_the_option_is_off_by_default_and_scoped_to_the_block() -> None:
    text = "If you agree, I hope that you will support the harbour campaign on Monday."
    with hope_pleas():
        assert plea_verb(text)
    assert not plea_verb(text)


def test_the_analyzer_lists_the_option_off() -> None:
    from presslens.analyzers.violence.analyzer import HOPE_PLEAS_CHOICES, ViolenceAnalyzer

    option = next(o for o in ViolenceAnalyzer.options if o.name == "call_hope_pleas")
    assert option.default == "off" and set(option.choices) == set(HOPE_PLEAS_CHOICES)
