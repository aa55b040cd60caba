"""Hedging of claims by the real-news guideline (section 5): cues in the claim's own text only; "could" of
purpose and a vague source alone ("There are reports that") do not hedge. Sentences written for these tests."""

from __future__ import annotations

import pytest

from presslens.text.hedging import claim_hedge_cues


def _cues(text: str) -> list[str]:
    return [text[s:e] for s, e, _ in claim_hedge_cues(text)]


@pytest.mark.parametrize(
    ("sentence", "cues"),
    [
        ("The court moved the hearing to Monday so that both witnesses could attend.", []),
        ("The agency sent extra staff in order that the clinic could stay open.", []),
        ("There are reports that the convoy turned back at the border.", []),
        ("There have been claims that the ballots were lost.", []),
        ("There are unconfirmed reports that the convoy turned back.", ["unconfirmed"]),
        ("The storm could cut power to the coast, so that is a worry.", ["could"]),
        ("The convoy reportedly turned back at the border.", ["reportedly"]),
        # adjudication rules (GUIDELINE.md section 5): adjectives that label an accusation or a category
        ("The court heard the alleged gunman on Tuesday.", []),
        ("Inspectors reviewed the ledgers for possible fraud.", []),
        ("Health officials counted 14 suspected cases in the port.", []),
        ("The video offers apparent proof of the shelling.", ["apparent proof"]),
        ("It soon became apparent that the dam had failed.", []),
        ("Prosecutors alleged that the driver fled the scene.", []),
        ("It is possible that the dam will fail.", ["It is possible"]),
        ("Rents will likely rise next year.", ["likely"]),
        # "suggest" as a speech verb (= proposed) vs evidence that suggests
        ("The senator suggested that the vote be delayed.", []),
        ("The new data suggests that the outbreak is slowing.", ["data suggests"]),
        # the name May, generic capacity vs a possible event
        ("May’s cabinet met on Monday.", []),
        ("Anyone touching the water could catch the infection.", []),
        ("A larger town could absorb the refugees.", []),
        ("Officials warned that an outbreak could occur at any time.", ["could"]),
    ],
)
def test_claim_hedge_cues_follow_the_real_news_guideline(sentence: str, cues: list[str]) -> None:
    assert _cues(sentence) == cues
