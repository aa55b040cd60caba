"""Claim sentences that are page furniture or carry no claim of their own (issue 13, guideline section 4):
photo credits, lead-in lines, bare attribution tails, fragments and demands. Sentences written for these tests."""

from __future__ import annotations

import pytest

from presslens.analyzers.claims.furniture import furniture_reason


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("(AP photo: Maria Lopez)", "photo credit"),
        ("Image credit: Harbour Press", "photo credit"),
        ("Photos taken by residents of the flooded underpass on Sunday.", "photo credit"),
        ("The following are the names of the officers charged in the case:", "lead-in"),
        ("According to the statement released by the regional council:", "lead-in"),
        ("Local radio reports:", "lead-in"),
        ("In the leaked memo we read that:", "lead-in"),
        ("The mayor added.", "attribution tail"),
        ("She continued.", "attribution tail"),
        ("Governor Ruiz said on Facebook.", "attribution tail"),
        ("This article was originally published by Jane Roe at The Valley Ledger", "reprint notice"),
        ("Originally appeared in The Harbour Times.", "reprint notice"),
        # a citation line, also with a hat tip after the date
        ("“Ferry service resumes on the northern route,” by Ana Ruiz, Harbour Times, May 4, 2018", "citation line"),
        ("“Ferry service resumes on the northern route,” by Ana Ruiz, Harbour Times, May 4, 2018 (thanks to Tom):",
         "citation line"),
        ("3.", "fragment"),
        ("§12 B", "fragment"),
        # demands (calls to action are not claims): "should/must/ought to" in the main clause
        ("The ministry should release the prisoners before the winter.", "demand"),
        ("This blockade must end now.", "demand"),
        ("The envoy ought to resign over the leak.", "demand"),
        # wire-copy credit lines (analyzer 1.8)
        ("Okafor reported from Lagos.", "byline"),
        ("Mendes Lima and Tran reported from Porto Alegre.", "byline"),
        ("Agency writers Ada Moss in Leeds and Ben Ito in York contributed to this report.", "byline"),
        ("Rita Kowal, a researcher at the Harbour Institute, contributed reporting.", "byline"),
        ("The commander should have ordered the retreat on day one.", "demand"),
    ],
)
def test_no_claim_lines_are_named(sentence: str, reason: str) -> None:
    assert furniture_reason(sentence) == reason


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor added that the bridge would stay closed for a week.",
        "Rescue teams, the local paper reports, pulled 14 people from the river:",  # a claim before the colon
        "The twelfth-century chronicler described how the city was taken:",
        "Video shows soldiers firing at the crowd outside the station.",
        "The council said the photo was taken in 2015.",
        "Officials said 12 people died.",
        "The report, originally published in March, named 40 officers.",
        # not demands: an inference, a condition, a "should" inside a reported or relative clause
        "The shell must have been fired from the ridge.",
        "Should the dam fail, 20,000 people would lose their homes.",
        "The villages would be the first targets should the army attack.",
        "The council said that the ministry should pay for the repairs.",
        "Residents who must travel to the clinic wait for hours at the checkpoint.",
        # "reported from" of the events themselves is a claim
        "Nine cases were reported from a clinic near the border, the health ministry said.",
        "Three cases were reported from Kinshasa.",
    ],
)
def test_claims_with_content_are_not_furniture(sentence: str) -> None:
    assert furniture_reason(sentence) is None
