"""What counts as a repeated claim: the same figures within rounding, not merely figures that do not conflict."""

from __future__ import annotations

import numpy as np
import pytest

from presslens.compare.claim_match import claim_figures, claims_disagree, claims_same_figures
from presslens.store.claims import repeated_from

NOT_REPEATS = [
    ("About 100,000 men have left the country since the call-up.",
     "Nearly 700,000 people have left the country since the call-up."),
    ("Diesel exports reached 2.1 million tonnes in August, the port authority said.",
     "Diesel exports reached 2.3 million tonnes in September, the port authority said."),
    ("About 53,000 crossed the northern checkpoint last week.",
     "Nearly 70,000 crossed the northern checkpoint last week."),
    ("The shelling killed 24 people in the market.", "The shelling killed 25 people in the market."),
    ("The ceasefire was first agreed in 2020.", "The ceasefire was first agreed in 2022."),
    ("Over 100,000 men have left since the call-up.", "Under 100,000 men have left since the call-up."),
]

REPEATS = [
    ("24 people died in the strike on the depot, four of them guards.", "24 people died in the strike on the depot."),
    ("About 100,000 men have left the country since the call-up.",
     "100,000 men have left the country since the call-up, border monitors say."),
    ("Over 100,000 men have fled since the decree.", "More than 100,000 men have fled since the decree."),
    ("Some 98,000 reservists have reported for duty.", "About 100,000 reservists have reported for duty."),
    ("Prices rose by 4.1% in March.", "Prices rose by 4% in March."),
    ("The army lost 1,200 vehicles, officials said.", "Officials said the army lost 1,200 vehicles."),
]


@pytest.mark.parametrize(("a", "b"), NOT_REPEATS)
def test_different_figures_are_not_the_same_claim(a: str, b: str) -> None:
    fa, fb = claim_figures(a), claim_figures(b)
    assert fa and fb
    assert not claims_same_figures(fa, fb) and not claims_same_figures(fb, fa)


@pytest.mark.parametrize(("a", "b"), REPEATS)
def test_the_same_figures_reworded_are_the_same_claim(a: str, b: str) -> None:
    fa, fb = claim_figures(a), claim_figures(b)
    assert fa and fb
    assert claims_same_figures(fa, fb) and claims_same_figures(fb, fa)


def test_the_repeat_rule_is_stricter_than_the_conflict_rule() -> None:
    # within the conflict rule's tolerance, so not a disagreement, and still not a repeat: an update
    a = claim_figures("Diesel exports reached 2.1 million tonnes in August.")
    b = claim_figures("Diesel exports reached 2.3 million tonnes in September.")
    assert not claims_disagree(a, b)
    assert not claims_same_figures(a, b)
    # a claim without any figure says nothing that could differ
    assert claims_same_figures([], b)


def _row(i: int, text: str, source: str) -> dict[str, object]:
    return {"claim": f"a{i}:0-{len(text)}", "article_id": f"a{i}", "date": f"2028-04-{i:02d}", "source": source,
            "title": None, "start": 0, "end": len(text), "text": text}


def test_repeated_from_groups_only_the_same_figures() -> None:
    texts = [
        ("About 100,000 men have left the country since the call-up.", "Ledger"),
        ("100,000 men have left the country since the call-up, monitors say.", "Wire"),
        ("Nearly 700,000 people have left the country since the call-up.", "Courier"),
        ("Diesel exports reached 2.1 million tonnes in August.", "Ledger"),
        ("Diesel exports reached 2.3 million tonnes in September.", "Wire"),
        ("About 53,000 crossed the northern checkpoint last week.", "Observer"),
        ("Nearly 70,000 crossed the northern checkpoint last week.", "Courier"),
        ("24 people died in the strike on the depot, four of them guards.", "Observer"),
        ("24 people died in the strike on the depot.", "Wire"),
    ]
    rows = [_row(i + 1, t, s) for i, (t, s) in enumerate(texts)]
    # hand-made unit vectors: three topics (leavers, diesel, crossings + the strike), every pair inside a topic
    # far above the threshold, pairs across topics far below it
    topic = [0, 0, 0, 1, 1, 2, 2, 3, 3]
    matrix = np.zeros((len(rows), 16), dtype=np.float32)
    for i, t in enumerate(topic):
        matrix[i, t] = 1.0
        matrix[i, 4 + i] = 0.05
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    groups = sorted(sorted(str(m["article_id"]) for m in c["mentions"]) for c in repeated_from(rows, matrix,
                                                                                            threshold=0.9))
    # only the two "100,000 men" claims and the two "24 people died" claims are repeats; the rest are single
    # claims (one source each) and are not listed
    assert groups == [["a1", "a2"], ["a8", "a9"]]


def test_a_number_cut_or_rounded_at_its_last_digit_is_the_same_figure() -> None:
    exact = claim_figures("Officials counted 1,234,567 displaced people by June.")
    for said in ("1,234,000", "1,235,000", "1.2 million"):
        assert claims_same_figures(exact, claim_figures(f"Officials counted {said} displaced people by June."))
    # two numbers given to the unit and 100 apart are two numbers, however close (0.008 %)
    assert not claims_same_figures(exact, claim_figures("Officials counted 1,234,667 displaced people by June."))
