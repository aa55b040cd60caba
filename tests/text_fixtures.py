"""Small readers of our own test sentences, shared by the analyzer tests (no analyzer state)."""

from __future__ import annotations

from presslens.analyzers.claims.predictions import prediction_basis
from presslens.text.prediction import forecast_exclusion, prediction_forecast, prediction_rules


def span_of(text: str, piece: str, nth: int = 1) -> tuple[int, int]:
    """Offsets of the ``nth`` occurrence (1 = the first) of ``piece`` in ``text``."""
    i = -1
    for _ in range(nth):
        i = text.index(piece, i + 1)
    return i, i + len(piece)


def basis_of(sentence: str, is_claim: bool = True, quoted: bool = False) -> str | None:
    """The prediction bucket of the sentence's forecast (None without a forecast cue)."""
    found = prediction_forecast(sentence)
    return prediction_basis(sentence, found, is_claim, quoted) if found else None


def basis_under(sentence: str, rules: str) -> str | None:
    """:func:`basis_of` of a claim sentence under the prediction rule sets ``rules`` (an option value)."""
    with prediction_rules(rules):
        return basis_of(sentence)


def exclusion_of(sentence: str, quoted: bool = False) -> str | None:
    """Why the sentence's forecast cue is no prediction (None: it is one); the sentence must hold a cue."""
    found = prediction_forecast(sentence)
    assert found is not None, sentence
    return forecast_exclusion(sentence, found[1], quoted)
