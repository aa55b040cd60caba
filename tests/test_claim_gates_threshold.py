"""The claim gates ``kept`` and ``lowered`` count a unit's best cue as asserted at the hedge assert threshold
(:data:`presslens.text.hedging.HEDGE_ASSERTED`), the analyzer's own, not at a separate literal (review32)."""

from __future__ import annotations

import math

from presslens.analyzers.claims.scorers import kept_claims, lowered_claims
from presslens.text.hedging import HEDGE_ASSERTED


def test_a_cue_at_the_threshold_keeps_the_shipped_score() -> None:
    below = math.nextafter(HEDGE_ASSERTED, 0.0)
    hedge = [HEDGE_ASSERTED, below]
    # kept: asserted cue -> the higher of shipped and profiled; else the profiled score
    assert kept_claims([0.8, 0.8], [0.1, 0.1], hedge, [False, False]) == [0.8, 0.1]
    # lowered: asserted cue -> the shipped score; else the lower of the two
    assert lowered_claims([0.8, 0.8], [0.1, 0.1], hedge, [False, False]) == [0.8, 0.1]
    # an attributed unit counts as asserted whatever its cue
    assert lowered_claims([0.8], [0.1], [0.0], [True]) == [0.8]
