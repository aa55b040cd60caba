"""The attribution score as a probability that the attribution is right (issue 13's score contract).

The layers' raw score (the tagger's mean role confidence, 0.9 for a rule match, scaled below 0.5 by the sanity
rules) is mapped through a monotone piecewise-linear curve read off the reliability table of the real-news
**dev** split (`presslens eval realnews --split dev`, attribution rows; 660 findings): raw scores below about
0.78 were right less than half the time there, raw 0.95-1.0 about 89 % of the time.
"""

from __future__ import annotations

import numpy as np

#: (raw score, probability right) knots, increasing in both
KNOTS: tuple[tuple[float, float], ...] = (
    (0.0, 0.0),
    (0.3, 0.05),
    (0.45, 0.2),
    (0.7, 0.35),
    (0.78, 0.5),
    (0.85, 0.65),
    (0.9, 0.72),
    (0.95, 0.82),
    (1.0, 0.9),
)
_RAW = np.array([k[0] for k in KNOTS])
_PROB = np.array([k[1] for k in KNOTS])


def calibrated(raw: float) -> float:
    """The probability that an attribution of raw score ``raw`` is right (monotone in ``raw``)."""
    return float(np.interp(min(max(raw, 0.0), 1.0), _RAW, _PROB))
