"""Rule switches: an analyzer option turns a set of rules on for one article by setting a context variable that the
rule code reads (:func:`presslens.text.prediction.stop_rules` for the prediction rule sets of stops 25 .. 28,
:func:`presslens.analyzers.violence.calls.progressive_pleas`, ``hope_pleas``)."""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def switched(switch: contextvars.ContextVar[bool], on: bool) -> Iterator[None]:
    """Set ``switch`` to ``on`` inside the block and restore its previous value after it (also on an error)."""
    token = switch.set(on)
    try:
        yield
    finally:
        switch.reset(token)
