"""Causes of wrong predictions found on unseen news at stop 22 (issue 13, pred8): dev5's errors and audit A
(PolNeAR political news). Each rule on sentences we wrote, next to near neighbours that must keep their reading."""

from __future__ import annotations

import pytest

from presslens.analyzers.claims.predictions import prediction_basis
from presslens.text.prediction import prediction_forecast
from tests.text_fixtures import exclusion_of


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        # refusing to tolerate is a stance (guideline section 6: "will not stand for extremism")
        ("The voters are not going to put up with these delays any longer.", "stance"),
        ("The league will not stand for racism in its stadiums.", "stance"),
        ("Residents won't tolerate another rate hike, the mayor said.", "stance"),
        ("The minister will stand for election in the northern district.", None),
        ("The union will not accept the offer on Monday.", None),
        # a characterisation of someone's nature
        ("There is no level to which the cartel will not stoop to keep its routes.", "generic"),
        ("He treats his followers as fools who will believe anything he tells them.", "generic"),
        ("Sweden will do whatever it takes to end the wave of shootings.", None),
        # a generic second person in a when/if clause before the cue
        ("When you lie to the court, it will come back to haunt you.", "generic you"),
        ("When the court meets, it will hear the appeal.", None),
        # an indirect question after an adjective or noun of knowing, or with "'ll" glued to its subject
        ("It is still unknown when the ministry will publish the audit.", "question"),
        ("The editors are nervous about how they’ll pay the printers.", "question"),
        ("The club has no idea who will replace the coach.", "question"),
        ("The ministry will publish the audit when it is ready, the spokesman said.", None),
        # a wh-word opening the sentence or the part after a colon asks, with or without a question mark
        ("Still open: Who will finish second in the county.", "question"),
        ("WHO will send forty specialists to the region.", None),
        # the writer's hope or need
        ("We can only hope that the council will reopen the library.", "wish"),
        ("We need a governor who will stand up to the lobbyists.", "wish"),
        ("The council said it will reopen the library in May.", None),
        # a participle naming a whole category is generic, like "anyone who"
        ("Any driver crossing the bridge after dark will face a toll.", "habitual"),
        ("Every driver crossing the bridge will pay a toll by Friday.", None),
        # sayings
        ("His lawyer dismissed it as a case of boys will be boys.", "idiom"),
        # a purpose clause opening the sentence is what it would take (LOG rule 12), not a forecast
        ("To reach the coast, the refugees will have to walk another 300 miles.", "conditional"),
        ("Reports: To reach the coast, the refugees will have to walk another 300 miles.", "conditional"),
        ("To date, the refugees will keep walking north, the agency said.", None),
        ("The refugees will have to walk another 300 miles to reach the coast.", None),
        # "once" + a bare plural is a condition, like "once the voters"
        ("Once voters see the bill, they will turn against it.", "conditional"),
        ("Once again, the voters will decide the question in November.", None),
    ],
)
def test_unseen_cause(sentence: str, reason: str | None) -> None:
    assert exclusion_of(sentence) == reason


def test_excluded_sentences_are_no_prediction_findings() -> None:
    # the analyzer's bucket follows the exclusion: no bucket, so no prediction finding at all
    for sentence in ("The voters are not going to put up with these delays any longer.",
                     "It is still unknown when the ministry will publish the audit.",
                     "To reach the coast, the refugees will have to walk another 300 miles."):
        found = prediction_forecast(sentence)
        assert found is not None
        assert prediction_basis(sentence, found, True, False) is None
    kept = "The ministry will publish the audit next week."
    found = prediction_forecast(kept)
    assert found is not None and prediction_basis(kept, found, True, False) is not None


def test_contracted_negated_likelihood_is_a_forecast() -> None:
    # "isn't likely to" is read like "is not likely to" (audit A); a bare "isn't" is none
    for sentence in ("Clinton isn’t likely to flip the state in the coming election.",
                     "The court isn't expected to rule before the summer."):
        found = prediction_forecast(sentence)
        assert found is not None and found[0] == "forecast", sentence
        assert prediction_basis(sentence, found, True, False) is not None
    assert prediction_forecast("Clinton isn’t likely the favourite in the state.") is None
