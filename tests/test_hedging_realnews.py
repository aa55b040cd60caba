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
    ],
)
def test_claim_hedge_cues_follow_the_real_news_guideline(sentence: str, cues: list[str]) -> None:
    assert _cues(sentence) == cues
