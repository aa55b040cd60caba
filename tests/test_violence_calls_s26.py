"""Calls to action, issue 13, stop 26 (pc12): a plea verb in the present progressive ("So I am asking you to support
my campaign", "And I am calling on Congress to immediately release ...", both missed gold calls of dev9) is a plea
cue with the option ``violence.call_progressive_pleas=on`` (off by default; the model card's HISTORY.md, stop 26,
has the ship rule's verdict). Invented sentences of the same shape, and guards that must stay no plea."""

from __future__ import annotations

import pytest

from presslens.analyzers.violence.calls import plea_cue, plea_verb, progressive_pleas


@pytest.mark.parametrize("text", [
    "So I am asking you to vote against the harbour sale on Monday.",
    "And I am calling on the council to publish the contract today.",
    "We’re urging readers to write to their councillors this week.",
    "I'm now asking every parent to sign the school petition.",
])
def test_a_progressive_plea_is_a_plea_with_the_option(text: str) -> None:
    assert not plea_verb(text)
    with progressive_pleas():
        assert plea_verb(text) and plea_cue(text)


@pytest.mark.parametrize("text", [
    "All I'm asking is that we be careful with the budget.",
    "I was asking him to leave the room when the police came.",
    "He said I am asking you to go, and left.",
    "If I am asking you to pay more, I owe you an explanation.",
    "“I am urging the council to delay the vote,” the mayor said.",
    "I am asking myself why the council waited so long.",
])
def test_no_plea_outside_the_writers_present_request(text: str) -> None:
    with progressive_pleas():
        assert not plea_verb(text)


def test_the_option_is_off_by_default_and_scoped_to_the_block() -> None:
    text = "So I am asking you to vote against the harbour sale on Monday."
    with progressive_pleas():
        assert plea_verb(text)
    assert not plea_verb(text)
